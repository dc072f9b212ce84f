package org.opengovinfo.service.access;

import org.opengovinfo.service.system.Words;

/** What a request may do; roles grant sets of permissions within their unit's subtree. */
public enum Permission {
    READ_TEMPLATES("读取报告格式", "read templates"),
    READ_UNITS("读取单位", "read units"),
    MANAGE_UNITS("管理单位", "manage units"),
    MANAGE_TOKENS("管理令牌", "manage tokens"),
    READ_AUDIT("查看审计记录", "read the audit trail"),
    WRITE_FIGURES("填报数据", "write figures"),
    READ_FIGURES("读取各单位本级数据", "read units' own figures"),
    ROLL_UP("汇总", "roll up"),
    READ_CONSOLIDATED("读取汇总数据", "read consolidated figures"),
    REVIEW("审核下级报告", "review reports of the units below"),
    PUBLISH("发布年度报告", "publish a year's report"),
    REOPEN_PUBLICATION("重新打开已发布的报告", "reopen a published report"),
    SCRAPE_METRICS("读取运行指标", "scrape the service's metrics"),
    BACK_UP("备份数据库", "back up the database");

    private final Words words;

    Permission(String zh, String en) {
        this.words = new Words(zh, en);
    }

    /** What it allows, in words. */
    public Words words() {
        return words;
    }
}

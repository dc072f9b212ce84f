package org.opengovinfo.service.system;

import io.micronaut.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every way the service refuses a request: the stable {@link #code} scripts test for, the HTTP status, and the
 * message in Chinese (for clerks) and English. Several constants may share a code when one kind of refusal has more
 * than one wording (three reasons for {@code access.forbidden}); the README lists the codes.
 *
 * <p>Messages are templates: {@code %s} takes the arguments in order. An argument that is itself worded per language
 * is a {@link Words}. Nothing in a message names a Java type or a framework setting.
 */
public enum ErrorCode {
    // --- the request itself
    REQUEST_BODY_MISSING("request.body_missing", HttpStatus.BAD_REQUEST,
            "请求体为空，应为 JSON。", "The body is empty; it must be JSON."),
    REQUEST_MALFORMED_JSON("request.malformed_json", HttpStatus.BAD_REQUEST,
            "请求体不是有效的 JSON：%s。", "The body is not valid JSON: %s."),
    REQUEST_DUPLICATE_KEY("request.duplicate_key", HttpStatus.BAD_REQUEST,
            "JSON 中字段 %s 出现了两次。", "The field %s appears twice in the JSON."),
    REQUEST_UNKNOWN_FIELD("request.unknown_field", HttpStatus.BAD_REQUEST,
            "未知字段 %s（可用的字段：%s）。", "Unknown field %s (expected %s)."),
    REQUEST_WRONG_TYPE("request.wrong_type", HttpStatus.BAD_REQUEST,
            "%s 应为%s。", "%s must be %s."),
    REQUEST_MALFORMED_CSV("request.malformed_csv", HttpStatus.BAD_REQUEST,
            "CSV 第 %s 行：%s。", "CSV line %s: %s."),
    REQUEST_TOO_LARGE("request.too_large", HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            "请求体超过了 %s 的上限。", "The body is larger than the limit of %s."),
    REQUEST_UNSUPPORTED_MEDIA_TYPE("request.unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "不支持该内容类型（Content-Type）。", "This Content-Type is not supported here."),
    REQUEST_NOT_ACCEPTABLE("request.not_acceptable", HttpStatus.NOT_ACCEPTABLE,
            "无法以所要求的格式（Accept）作答。", "The service cannot answer in the format the Accept header asks for."),
    REQUEST_METHOD_NOT_ALLOWED("request.method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "此地址不支持该请求方法。", "This address does not take that method."),
    ROUTE_NOT_FOUND("route.not_found", HttpStatus.NOT_FOUND,
            "没有这个地址。", "There is nothing at this address."),
    REQUEST_INVALID("request.invalid", HttpStatus.BAD_REQUEST,
            "请求无效。", "The request is not valid."),
    REQUEST_INVALID_PARAMETER("request.invalid_parameter", HttpStatus.BAD_REQUEST,
            "参数 %s 的值“%s”无效：应为%s。", "Parameter %s is '%s', which is not %s."),
    REQUEST_YEAR_REQUIRED("request.year_required", HttpStatus.BAD_REQUEST,
            "请用 ?year= 给出报告年度。", "Give the report year as ?year=."),
    REQUEST_INVALID_YEAR("request.invalid_year", HttpStatus.UNPROCESSABLE_ENTITY,
            "年度应为四位数字（如 2021），收到的是“%s”。", "A year is four digits such as 2021, not '%s'."),
    YEAR_UNSUPPORTED("year.unsupported", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年不在支持的年度范围（%s–%s）内。", "%s is outside the years supported (%s–%s)."),
    REQUEST_UNKNOWN_FORMAT("request.unknown_format", HttpStatus.BAD_REQUEST,
            "format 只能是 %s。", "format must be one of: %s."),
    REQUEST_MALFORMED_XLSX("request.malformed_xlsx", HttpStatus.BAD_REQUEST,
            "无法读取该 XLSX 表格：%s。", "The XLSX form cannot be read: %s."),
    REQUEST_CORS_REFUSED("request.cors_refused", HttpStatus.FORBIDDEN,
            "不接受来自其他网站（%s）的浏览器请求。", "Browser requests from another site (%s) are not accepted."),
    REQUEST_TIMEOUT("request.timeout", HttpStatus.REQUEST_TIMEOUT,
            "请求在 %s 秒内没有发送完整，连接已关闭。", "The request was not received in full within %s s; the connection is closed."),
    SERVER_ERROR("server.error", HttpStatus.INTERNAL_SERVER_ERROR,
            "服务出错，错误已记入日志。", "The service failed to answer; the error is in its log."),

    // --- forms (XLSX, CSV) in
    FORM_OTHER_UNIT("form.other_unit", HttpStatus.UNPROCESSABLE_ENTITY,
            "这份表格是 %s %s 年的，不是 %s %s 年的；请下载本单位本年度的表格填写。",
            "This form is for %s, %s, not for %s, %s; download the form of this unit and year."),
    FORM_NOT_A_FORM("form.not_a_form", HttpStatus.UNPROCESSABLE_ENTITY,
            "这份表格是%s，不能作为本级数据提交；请下载空白表格（GET …/form/{year}）填写。",
            "This workbook is %s and cannot be submitted as a unit's own figures; fill in the empty form (GET …/form/{year})."),
    FORM_CHANGED("form.changed", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 应为“%s”，实际为“%s”：这不是本年度（报告格式 %s）的表格，或表格的行列被改动过。",
            "%s should read '%s' but reads '%s': this is not the form of the year's format (%s), or its rows or columns were changed."),
    FORM_UNKNOWN_LABEL("form.unknown_label", HttpStatus.UNPROCESSABLE_ENTITY,
            "CSV 第 %s 行：“%s”不是报告格式 %s 中任何%s的名称或代码。",
            "CSV line %s: '%s' names nothing in format %s (expected the label or code of a %s)."),
    FORM_EXTRA_VALUES("form.extra_values", HttpStatus.UNPROCESSABLE_ENTITY,
            "CSV 第 %s 行有 %s 个值，但该表只有 %s 列（第 %s 列“%s”多出）。",
            "CSV line %s holds %s values, but its table has %s columns (column %s, '%s', is extra)."),

    // --- a report's text: the standard text, the prose check, importing a published report
    TEXT_EMPTY("text.empty", HttpStatus.BAD_REQUEST,
            "请求体为空，应为报告的文本（text/plain，UTF-8 或 GB18030）或网页（text/html）。",
            "The body is empty; it must be the report's text (text/plain, UTF-8 or GB18030) or page (text/html)."),
    TEXT_UNREADABLE("text.unreadable", HttpStatus.BAD_REQUEST,
            "无法读取该文本：既不是 UTF-8 也不是 GBK/GB18030 编码。",
            "The text cannot be read: it is neither UTF-8 nor GBK/GB18030."),
    TEXT_NO_TABLES("text.no_tables", HttpStatus.UNPROCESSABLE_ENTITY,
            "文本中没有找到 %s 年报告格式（%s）的任何一张表格：请附上整篇报告，或用 ?source=own 与已报数据比对。",
            "No table of the %s format (%s) was found in the text: post the whole report, or compare with stored figures (?source=own)."),
    IMPORT_NO_TABLES("import.no_tables", HttpStatus.UNPROCESSABLE_ENTITY,
            "没有从报告中读出 %s 年报告格式（%s）表格的任何一行，见 errors 中无法读取的内容。",
            "No row of the tables of the %s format (%s) could be read from the report; what could not be read is in errors."),

    // --- who is asking
    AUTH_MISSING("auth.missing", HttpStatus.UNAUTHORIZED,
            "需要令牌：请在请求头中加入 Authorization: Bearer <令牌>。",
            "This endpoint needs a token: Authorization: Bearer <token>."),
    AUTH_MALFORMED("auth.malformed", HttpStatus.UNAUTHORIZED,
            "Authorization 请求头应为“Bearer ogi_…”。", "The Authorization header must be 'Bearer ogi_…'."),
    AUTH_INVALID("auth.invalid", HttpStatus.UNAUTHORIZED,
            "该令牌不是本服务签发的。", "The token is not one this service issued."),
    AUTH_EXPIRED("auth.expired", HttpStatus.UNAUTHORIZED,
            "该令牌已于 %s 过期。", "The token expired at %s."),
    AUTH_REVOKED("auth.revoked", HttpStatus.UNAUTHORIZED,
            "该令牌已被吊销。", "The token was revoked."),
    FORBIDDEN_ROLE("access.forbidden", HttpStatus.FORBIDDEN,
            "%s（%s）无权%s。", "%s (%s) may not %s."),
    FORBIDDEN_OUTSIDE_SCOPE("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 只能操作 %s 及其下级单位，%s 年的 %s 不在其中。",
            "%s may act only within %s, and %s in %s is not within it."),
    FORBIDDEN_GLOBAL("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 只能操作 %s 及其下级单位，因此不能%s。", "%s may act only within %s, so may not %s."),
    FORBIDDEN_UNIT_CHANGE("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 只能在 %s 及其下级单位范围内新建、修改或迁移单位，有 %s 处超出范围。",
            "%s may create, change or move units only within %s; %s change(s) reach outside it."),

    // --- units and the hierarchy
    UNIT_NOT_FOUND("unit.not_found", HttpStatus.NOT_FOUND,
            "没有单位 %s。", "There is no unit %s."),
    UNIT_NOT_IN_FORCE("unit.not_in_force", HttpStatus.NOT_FOUND,
            "单位 %s 的存续年度为 %s，不含 %s 年。", "Unit %s is in force %s, not in %s."),
    UNIT_EXISTS("unit.exists", HttpStatus.CONFLICT,
            "单位 %s 已存在；单位编号不能重复使用。", "Unit %s exists already; ids are never reused."),
    UNIT_ID_MISMATCH("unit.id_mismatch", HttpStatus.BAD_REQUEST,
            "请求体中的编号 %s 与地址中的 %s 不一致。", "The body's id %s is not the path's %s."),
    UNIT_INVALID("unit.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
            "所给单位有 %s 处问题，均列在 errors 中；未作任何更改。",
            "%s problem(s) with the units given, each listed in errors; nothing was changed."),
    HIERARCHY_INVALID("hierarchy.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
            "层级关系有 %s 处问题，均列在 errors 中；未作任何更改。",
            "%s problem(s) with the hierarchy, each listed in errors; nothing was changed."),
    UNIT_IMPORT_EMPTY("unit.import_empty", HttpStatus.BAD_REQUEST,
            "没有要导入的单位：JSON 应为 {\"units\": [...]}，CSV 应在表头后每行一个单位。",
            "There are no units to import: JSON is {\"units\": [...]}, CSV one unit per line after the header."),

    // --- one unit's problem, an item of the errors of unit.invalid, hierarchy.invalid or access.forbidden
    UNIT_INVALID_ID("unit.invalid_id", HttpStatus.UNPROCESSABLE_ENTITY,
            "单位编号应为 1–64 个字母、数字、“.”、“_”或“-”，以字母或数字开头。",
            "id must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit."),
    UNIT_INVALID_NAME("unit.invalid_name", HttpStatus.UNPROCESSABLE_ENTITY,
            "名称应为 1–200 个字符，不含控制字符、双向文本控制符或无效字符。",
            "name must be 1–200 characters without control characters, bidirectional controls or invalid characters."),
    UNIT_UNKNOWN_KIND("unit.unknown_kind", HttpStatus.UNPROCESSABLE_ENTITY,
            "kind 只能是 %s 之一。", "kind must be one of %s."),
    UNIT_INVALID_DIVISION_CODE("unit.invalid_division_code", HttpStatus.UNPROCESSABLE_ENTITY,
            "区划代码（divisionCode）应为 6 位或 12 位数字。", "divisionCode must be 6 or 12 digits."),
    UNIT_INVALID_YEARS("unit.invalid_years", HttpStatus.UNPROCESSABLE_ENTITY,
            "%sfromYear 应在 %s–%s 之间；toYear 如填写，不得早于 fromYear，也不得晚于 %3$s。",
            "%sfromYear must be %s–%s and toYear, if given, no earlier than fromYear and at most %3$s."),
    UNIT_INVALID_PLACEMENT("unit.invalid_placement", HttpStatus.UNPROCESSABLE_ENTITY,
            "placements 的每一项都应是 {fromYear, toYear, parent} 对象。",
            "every entry of placements must be an object {fromYear, toYear, parent}."),
    UNIT_PARENT_AND_PLACEMENTS("unit.parent_and_placements", HttpStatus.UNPROCESSABLE_ENTITY,
            "parent 和 placements 只能给出其一。", "give either parent or placements, not both."),
    UNIT_PLACEMENTS_GAP("unit.placements_do_not_cover", HttpStatus.UNPROCESSABLE_ENTITY,
            "各时段应从 %s 年起首尾相接、不重叠；从 %s 年开始的那一段不是这样。",
            "placements must follow each other without gap or overlap from %s; the one starting %s does not."),
    UNIT_PLACEMENTS_END("unit.placements_do_not_cover", HttpStatus.UNPROCESSABLE_ENTITY,
            "各时段应在单位存续年度（%s）结束时结束。", "placements must end where the unit's years end (%s)."),
    UNIT_LISTED_TWICE("unit.listed_twice", HttpStatus.UNPROCESSABLE_ENTITY,
            "单位 %s 出现了两次。", "unit %s is listed twice."),
    UNIT_WRONG_TYPE("unit.wrong_type", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 应为%s。", "%s must be %s."),
    UNIT_UNKNOWN_PARENT("unit.unknown_parent", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 的上级 %s 不是已知单位。", "parent %2$s of %1$s is not a known unit."),
    UNIT_PARENT_NOT_IN_FORCE("unit.parent_not_in_force", HttpStatus.UNPROCESSABLE_ENTITY,
            "上级 %s 的存续年度为 %s，不能覆盖 %s 的年度 %s。",
            "parent %s is in force %s, not all of %s's years %s."),
    HIERARCHY_CYCLE("hierarchy.cycle", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年各单位互为上下级，形成循环：%s。", "units report to each other in a cycle in %s: %s."),
    UNIT_SCOPE_TOP_FIXED("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 是您所管范围的最上级单位，它的上级和存续年度只能由上一级修改。",
            "%s is the top of your subtree: where it sits and its years are for the level above to change."),
    UNIT_OUTSIDE_SCOPE("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 在 %s 年%s不在 %s 的范围内。", "%s is outside %4$s in %2$s %3$s the change."),

    // --- figures
    SUBMISSION_REJECTED("submission.rejected", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s %s 年的数据有 %s 处错误，均列在 errors 中；未保存。",
            "%3$s error(s) in the figures of %1$s for %2$s, each listed in errors; nothing was stored."),
    SUBMISSION_NO_TEMPLATE("submission.no_template", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年没有适用的报告格式。", "No report format is in force in %s."),
    SUBMISSION_YEAR_OUTSIDE_UNIT("submission.year_outside_unit", HttpStatus.UNPROCESSABLE_ENTITY,
            "单位 %s 的存续年度为 %s，不含 %s 年。", "Unit %s is in force %s, not in %s."),
    SUBMISSION_WRONG_TEMPLATE("submission.wrong_template", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年的报告使用 %s 格式，不是 %s。", "%s reports use template %s, not %s."),
    SUBMISSION_NOT_CONSOLIDATING("submission.not_consolidating", HttpStatus.UNPROCESSABLE_ENTITY,
            "汇总申报值只用于汇总报告，而 %s 年没有单位隶属于 %s。",
            "Declared values are for consolidated reports, and no unit reports to %2$s in %1$s."),
    SUBMISSION_VERSION_MISMATCH("submission.version_mismatch", HttpStatus.PRECONDITION_FAILED,
            "数据在您读取后已被修改：If-Match 为 %s，当前为 %s。请重新读取后再提交。",
            "The figures were changed since you read them: If-Match %s, current %s. Read them again."),
    SUBMISSION_CONCURRENT_WRITE("submission.concurrent_write", HttpStatus.CONFLICT,
            "%s %s 年的数据刚被另一次提交保存，请重新读取后再试。",
            "Another submission for %s %s was stored at the same moment; read it and try again."),
    SUBMISSION_NONE("submission.none", HttpStatus.NOT_FOUND,
            "单位 %s 尚未提交 %s 年的数据。", "Unit %s has not submitted figures for %s."),
    SUBMISSION_NO_SUCH_VERSION("submission.no_such_version", HttpStatus.NOT_FOUND,
            "单位 %s 的 %s 年数据没有第 %s 版。", "Unit %s has no version %3$s for %2$s."),
    BATCH_UNIT_LISTED_TWICE("batch.unit_listed_twice", HttpStatus.UNPROCESSABLE_ENTITY,
            "批量提交中单位 %s 出现了不止一次（第 %s 项）；每个单位只能出现一次，未作任何更改。",
            "Unit %s is listed more than once in the batch (items %s); list each unit once. Nothing was stored."),

    // --- the season
    FIGURES_LOCKED_ACCEPTED("figures.locked", HttpStatus.CONFLICT,
            "%s %s 年的报告已由 %s 于 %s 审核通过，已锁定；如需修改，请审核人重新打开（退回）。",
            "The report of %s for %s was accepted by %s at %s and is locked; the acceptor may reopen it."),
    FIGURES_LOCKED_PUBLISHED("figures.locked", HttpStatus.CONFLICT,
            "%s %s 年的报告已随 %s 的报告于 %s 发布而锁定；如需更正，请管理员重新打开该发布。",
            "The report of %s for %s is locked by the publication of %s at %s; an administrator may reopen it."),
    REPORT_NO_FIGURES("report.no_figures", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 尚未填报 %s 年的数据，没有可报送的内容。", "%s has no figures for %s to hand in."),
    REPORT_BLANK("report.blank", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s %s 年的报告全部为空，不能报送：没有发生的事项请填 0，空白不等于 0。",
            "The report of %s for %s is entirely blank and cannot be handed in: enter 0 for what did not happen; "
                    + "blank is not zero."),
    REPORT_WRONG_STATE("report.wrong_state", HttpStatus.CONFLICT,
            "%s %s 年的报告当前为“%s”，不能%s。", "The report of %s for %s is %s, so it cannot be %s."),
    REPORT_CHANGED("report.changed", HttpStatus.CONFLICT,
            "%s %s 年的报告在您查看后已改动：当前为第 %s 版，您查看的是第 %s 版；请重新查看。",
            "The report of %s for %s changed since you looked: it is at version %s, you saw version %s. Look again."),
    REPORT_SUBTREE_OPEN("report.subtree_not_accepted", HttpStatus.CONFLICT,
            "%s 下还有 %s 个单位的报告未审核通过（列在 errors 中）；请先审核，或在 missing 中写明缺报单位。",
            "%2$s unit(s) below %1$s are not accepted (listed in errors); accept them first, or name them in missing."),
    REPORT_MISSING_INVALID("report.missing_invalid", HttpStatus.UNPROCESSABLE_ENTITY,
            "missing 只能列出 %s 年 %s 下尚未审核通过的单位，%s 不是。",
            "missing may name only units below %2$s in %1$s that are not accepted; %3$s is not one."),
    REPORT_COMMENT_REQUIRED("report.comment_required", HttpStatus.UNPROCESSABLE_ENTITY,
            "请写明%s（1–2000 个字符）。", "Give %s (1–2000 characters)."),
    FORBIDDEN_NOT_ABOVE("access.forbidden", HttpStatus.FORBIDDEN,
            "%s 只能审核其下级单位的报告，%s 的报告由上一级审核。",
            "%s may review only the reports of units below its own; the report of %s is for the level above."),
    REPORT_CONCURRENT("report.concurrent_change", HttpStatus.CONFLICT,
            "%s %s 年的报告刚被另一操作改动，请重新查看后再试。",
            "The report of %s for %s was changed by someone else at the same moment; look again and retry."),
    PUBLICATION_NOT_FOUND("publication.not_found", HttpStatus.NOT_FOUND,
            "%s %s 年没有第 %s 次发布。", "%s has no publication %3$s for %2$s."),
    PUBLICATION_STANDING("publication.standing", HttpStatus.CONFLICT,
            "%s %s 年的报告已于 %s 发布；如需再次发布，请管理员先重新打开。",
            "%s published %s at %s already; an administrator must reopen it before it is published again."),
    PUBLICATION_NOT_STANDING("publication.not_standing", HttpStatus.CONFLICT,
            "%s %s 年没有生效中的发布可重新打开。", "%s has no standing publication for %s to reopen."),
    PUBLICATION_LOCKED_ABOVE("publication.locked_above", HttpStatus.CONFLICT,
            "%s %s 年的报告已随上级的发布锁定，不能单独发布。",
            "The reports of %s for %s are locked by a publication above it; it cannot publish on its own."),

    // --- rollups
    ROLLUP_NOT_FOUND("rollup.not_found", HttpStatus.NOT_FOUND,
            "没有汇总快照 %s。", "There is no rollup snapshot %s."),
    ROLLUP_NONE("rollup.none", HttpStatus.NOT_FOUND,
            "%s %s 年尚未汇总；请先 POST /api/v1/units/%1$s/rollups/%2$s。",
            "No rollup has consolidated %s for %s yet; trigger one with POST /api/v1/units/%1$s/rollups/%2$s."),
    ROLLUP_UNIT_NOT_IN_SNAPSHOT("rollup.unit_not_in_snapshot", HttpStatus.NOT_FOUND,
            "快照 %s 中没有 %s 的汇总数据。", "Snapshot %s holds no consolidated figures of %s."),
    ROLLUP_SNAPSHOT_OTHER_YEAR("rollup.snapshot_other_year", HttpStatus.UNPROCESSABLE_ENTITY,
            "快照 %s 是 %s 年的汇总，不是 %s 年的。", "Snapshot %s consolidates %s, not %s."),
    ROLLUP_NOT_COMPARABLE("rollup.not_comparable", HttpStatus.UNPROCESSABLE_ENTITY,
            "不同单位或不同年度的快照无法比较。", "Snapshots of different units or years cannot be compared."),
    ROLLUP_NO_TEMPLATE("rollup.no_template", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年没有适用的报告格式。", "No report format is in force in %s."),
    ROLLUP_NOTHING_BELOW("rollup.nothing_below", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年没有单位隶属于 %s，没有可汇总的内容：它只有本级数据，请用 GET /api/v1/units/%2$s/figures/%1$s 读取。",
            "No unit reports to %2$s in %1$s, so there is nothing to consolidate: it has only its own figures, "
                    + "read them with GET /api/v1/units/%2$s/figures/%1$s."),
    // --- indicators, rankings, risk flags
    INDICATOR_UNKNOWN("indicator.unknown", HttpStatus.BAD_REQUEST,
            "没有指标 %s：%s 格式的指标有 %s。", "There is no indicator %s: the %s format has %s."),
    RANKING_NOTHING_BELOW("ranking.nothing_below", HttpStatus.UNPROCESSABLE_ENTITY,
            "%s 年没有单位隶属于 %s，没有可排名的下级单位。", "No unit reports to %2$s in %1$s, so there is no one below it to rank."),

    // --- templates
    TEMPLATE_NOT_FOUND("template.not_found", HttpStatus.NOT_FOUND,
            "没有报告格式 %s。", "There is no template %s."),
    TEMPLATE_NONE_FOR_YEAR("template.none_for_year", HttpStatus.NOT_FOUND,
            "%s 年没有适用的报告格式。", "No report format is in force in %s."),

    // --- tokens
    TOKEN_INVALID_PRINCIPAL("token.invalid_principal", HttpStatus.UNPROCESSABLE_ENTITY,
            "principal 应写明令牌属于谁（人或脚本），1–128 个字符，不含控制字符。",
            "principal must name the person or script, 1–128 characters without control characters."),
    TOKEN_UNKNOWN_ROLE("token.unknown_role", HttpStatus.UNPROCESSABLE_ENTITY,
            "role 只能是 administrator、consolidator、reporter、reader 或 scraper。",
            "role must be administrator, consolidator, reporter, reader or scraper."),
    TOKEN_INVALID_SCOPE("token.invalid_scope", HttpStatus.UNPROCESSABLE_ENTITY,
            "scope 应为一个单位编号（文本），或省略表示全部单位。",
            "scope must be a unit id (text), or left out for everything."),
    TOKEN_INVALID_EXPIRY("token.invalid_expiry", HttpStatus.UNPROCESSABLE_ENTITY,
            "expiresAt 应为 %s 之后、%s 之前的时刻，如 2027-01-31T16:00:00Z。",
            "expiresAt must be an instant after %s and before %s, such as 2027-01-31T16:00:00Z."),
    TOKEN_NOT_FOUND("token.not_found", HttpStatus.NOT_FOUND,
            "没有令牌 %s。", "There is no token %s."),

    // --- the web app (issue #16): sessions signed in with a token
    AUTH_SESSION("auth.session", HttpStatus.UNAUTHORIZED,
            "登录已失效（已退出或已过期），请重新登录。", "The session has ended (signed out or expired); sign in again."),
    AUTH_CSRF("auth.csrf", HttpStatus.FORBIDDEN,
            "此写操作缺少本次登录的 CSRF 令牌（X-CSRF-Token），已拒绝；请从本服务的页面操作。",
            "This write lacks the session's CSRF token (X-CSRF-Token) and is refused; use the service's own pages."),

    // --- operations
    BACKUP_NOT_EMBEDDED("backup.not_embedded", HttpStatus.CONFLICT,
            "本服务使用 PostgreSQL 数据库，请用 pg_dump -Fc 备份（见 README“备份与恢复”）。",
            "The service runs on PostgreSQL: back it up with pg_dump -Fc (see the README, \"Backup and restore\").");

    private final String code;
    private final HttpStatus status;
    private final String zh;
    private final String en;

    ErrorCode(String code, HttpStatus status, String zh, String en) {
        this.code = code;
        this.status = status;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The Chinese message with its arguments. */
    public String zh(Object... args) {
        return String.format(zh, Words.in(true, args));
    }

    /** The English message with its arguments. */
    public String en(Object... args) {
        return String.format(en, Words.in(false, args));
    }

    /** A problem of this kind, to throw. */
    public ProblemException problem(Object... args) {
        return new ProblemException(this, null, args);
    }

    /** A problem of this kind listing every individual problem in {@code errors}. */
    public ProblemException problemWith(List<?> errors, Object... args) {
        return new ProblemException(this, errors, args);
    }

    /** Each distinct code once, with its status and first wording: the list the README and the API document give. */
    public static Map<String, ErrorCode> distinct() {
        Map<String, ErrorCode> codes = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(c -> codes.putIfAbsent(c.code, c));
        return codes;
    }
}

package org.opengovinfo.service.units;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What sort of body a unit is; the API writes these in lower case, e.g. {@code development_zone}. */
public enum UnitKind {
    COUNTRY("国家"), PROVINCE("省"), CITY("市"), COUNTY("县"), DISTRICT("区"), DEVELOPMENT_ZONE("开发区"), TOWN("乡镇"),
    STREET("街道"), DEPARTMENT("部门"), OWN_OFFICE("本级机关");

    private final String code = name().toLowerCase(Locale.ROOT);
    private final String zh;

    UnitKind(String zh) {
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    /** What people call it, in Chinese. */
    public String zh() {
        return zh;
    }

    public static Optional<UnitKind> parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}

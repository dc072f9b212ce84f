package org.opengovinfo.service.units;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What sort of body a unit is; the API writes these in lower case, e.g. {@code development_zone}. */
public enum UnitKind {
    COUNTRY, PROVINCE, CITY, COUNTY, DISTRICT, DEVELOPMENT_ZONE, TOWN, STREET, DEPARTMENT, OWN_OFFICE;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static Optional<UnitKind> parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}

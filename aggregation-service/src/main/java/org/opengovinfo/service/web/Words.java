package org.opengovinfo.service.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.opengovinfo.service.access.Role;
import org.opengovinfo.service.forms.Printable;
import org.opengovinfo.service.units.UnitKind;

/** What the pages call things, in Chinese; and text from the database made safe to show (before HTML escaping). */
final class Words {

    private Words() {}

    /** A unit kind's Chinese name; a code the service does not know is shown as it is. */
    static String kind(String code) {
        return UnitKind.parse(code).map(UnitKind::zh).orElse(code);
    }

    static String role(Role role) {
        return switch (role) {
            case ADMINISTRATOR -> "管理员";
            case CONSOLIDATOR -> "汇总审核";
            case REPORTER -> "填报";
            case READER -> "查阅";
            case SCRAPER -> "监控";
        };
    }

    /** A name, comment or id from the database: control and bidirectional characters shown as U+XXXX. */
    static String shown(String raw) {
        return Printable.text(raw);
    }

    /** A figure with thousands separators, as the pages print it; blank for none. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    static String signed(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return (value.signum() > 0 ? "+" : "") + number(value);
    }
}

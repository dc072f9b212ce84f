package org.opengovinfo.service.rollups;

import java.util.Locale;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/**
 * What a rollup adds up: every unit's current figures ({@code all}, a preview during the season), or only the reports
 * the level above has accepted ({@code accepted}; the unit rolled up counts its own figures either way). A
 * publication is always over accepted figures.
 */
public enum Basis {
    ALL, ACCEPTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Basis parse(String text) {
        if (text == null || text.equals("all")) {
            return ALL;
        }
        if (text.equals("accepted")) {
            return ACCEPTED;
        }
        throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("basis", Redaction.clip(text),
                new Words("all 或 accepted", "all or accepted"));
    }
}

package org.opengovinfo.model.rule;

import java.util.Objects;

/**
 * One cell that a rule adds up: a cell of the figures being checked, or of the same unit's previous-year report.
 *
 * @param code the cell code
 * @param cell the cell's index in the checked figures' template; -1 for a previous-year cell, which is looked up by
 *     code in the previous year's template when the rule is evaluated
 * @param previousYear whether the cell is read from the previous year's report
 */
public record Term(String code, int cell, boolean previousYear) {

    public Term {
        Objects.requireNonNull(code, "code");
        if (previousYear != (cell < 0)) {
            throw new IllegalArgumentException("a current-year term needs a cell index, a previous-year term none: " + code);
        }
    }

    public static Term current(String code, int cell) {
        return new Term(code, cell, false);
    }

    public static Term previousYear(String code) {
        return new Term(code, -1, true);
    }

    /** The code as a finding names it. */
    String label() {
        return previousYear ? Finding.PREVIOUS_YEAR_PREFIX + code : code;
    }
}

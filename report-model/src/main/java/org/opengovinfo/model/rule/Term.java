package org.opengovinfo.model.rule;

import java.util.Objects;

/**
 * One cell that a rule adds up: a cell of the figures being checked, or of the same unit's previous-year report.
 *
 * @param code the cell code
 * @param cell the cell's index in the checked figures' template; -1 for a previous-year cell, which is looked up by
 *     code in the previous year's template when the rule is evaluated
 * @param previousYear whether the cell is read from the previous year's report
 * @param name how a message names the cell among the rule's other cells, as printed: the row's numbering in a
 *     per-column rule ({@code （三）（七）}), the column's label in a per-row rule ({@code 自然人}); the code if unknown
 */
public record Term(String code, int cell, boolean previousYear, String name) {

    public Term {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (previousYear != (cell < 0)) {
            throw new IllegalArgumentException("a current-year term needs a cell index, a previous-year term none: " + code);
        }
    }

    public Term(String code, int cell, boolean previousYear) {
        this(code, cell, previousYear, code);
    }

    public static Term current(String code, int cell) {
        return new Term(code, cell, false);
    }

    public static Term previousYear(String code) {
        return new Term(code, -1, true);
    }

    /** The same term named as a message shows it; a previous-year cell's name says so. */
    public Term named(String name) {
        return new Term(code, cell, previousYear, name);
    }

    /** The code as a finding names it. */
    String label() {
        return previousYear ? Finding.PREVIOUS_YEAR_PREFIX + code : code;
    }
}

package org.opengovinfo.model.indicator;

import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.rule.Message;

/**
 * Why an indicator has no value for a report — a state of its own, never 0 and never an error.
 *
 * @param code stable: {@value #DIVISION_BY_ZERO}, {@value #BLANK_INPUT}, {@value #NO_PREVIOUS_YEAR},
 *     {@value #PREVIOUS_FORMAT}, {@value #NOT_IN_FORMAT} or {@value #NO_FIGURES}
 * @param cells the cells that make it undefined (blank ones, the denominator's, last year's missing ones), as written
 *     in the data file; empty where no cell is to blame
 * @param reason the reason for people, in Chinese and English
 */
public record NotDefined(String code, List<String> cells, Message reason) {

    /** The denominator adds up to zero: nothing to divide by (no reconsiderations, no requests answered). */
    public static final String DIVISION_BY_ZERO = "indicator.division_by_zero";
    /** A cell it needs is blank: blank is not zero, so the value is unknown. */
    public static final String BLANK_INPUT = "indicator.blank_input";
    /** It needs last year's report and the unit has none (or an empty one). */
    public static final String NO_PREVIOUS_YEAR = "indicator.no_previous_year";
    /** Last year's report is in another format that lacks a cell it needs. */
    public static final String PREVIOUS_FORMAT = "indicator.previous_format";
    /** The report's format does not define it. */
    public static final String NOT_IN_FORMAT = "indicator.not_in_format";
    /** There are no figures to compute it from (nothing submitted, or no rollup yet). */
    public static final String NO_FIGURES = "indicator.no_figures";

    public NotDefined {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        cells = List.copyOf(cells);
    }
}

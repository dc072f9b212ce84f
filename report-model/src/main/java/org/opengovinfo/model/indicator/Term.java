package org.opengovinfo.model.indicator;

import org.opengovinfo.model.rule.Finding;

/**
 * One cell in an indicator's numerator or denominator: this year's or last year's ({@code previous:}), added or
 * subtracted ({@code -}). Written in the data file as {@code "s3.new.total"}, {@code "-previous:s3.new.total"}.
 */
public record Term(String cell, boolean previousYear, boolean subtracted) {

    /** The prefix of last year's cell, as in rules and findings. */
    public static final String PREVIOUS = Finding.PREVIOUS_YEAR_PREFIX;

    /** How the term is written in the data file. */
    public String written() {
        return (subtracted ? "-" : "") + (previousYear ? PREVIOUS : "") + cell;
    }
}

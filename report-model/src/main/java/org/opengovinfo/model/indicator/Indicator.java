package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A figure computed from a report's cells: {@code multiplier × Σ numerator / Σ denominator} (a rate in % has
 * multiplier 100), or the plain sum of the numerator when there is no denominator (a count such as the requests
 * received). Defined as data beside each template ({@code <template>.indicators.json}); the same id means the same
 * indicator in every format that defines it, so rankings and risk flags name indicators, not cells.
 *
 * @param id stable id, e.g. {@code substantive_disclosure_rate}
 * @param labelZh the name an office uses, e.g. 实质公开率
 * @param labelEn the English name
 * @param unit what the value is in, e.g. {@code %} or {@code 件}
 * @param numerator the cells added (or subtracted) above the line; never empty
 * @param denominator the cells added below the line; empty for a plain count
 * @param multiplier applied to the numerator before dividing (100 for a percentage); 1 for a plain count
 */
public record Indicator(String id, String labelZh, String labelEn, String unit, List<Term> numerator,
                        List<Term> denominator, BigDecimal multiplier) {

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(multiplier, "multiplier");
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
        if (numerator.isEmpty()) {
            throw new IllegalArgumentException("an indicator needs a numerator");
        }
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("the multiplier must be positive");
        }
        if (denominator.stream().anyMatch(Term::subtracted)) {
            // a denominator of counts that only adds can never be negative, so "defined" always means "positive"
            throw new IllegalArgumentException("a denominator only adds cells");
        }
    }

    /** Whether the value is a ratio (has a denominator) rather than a plain count. */
    public boolean isRatio() {
        return !denominator.isEmpty();
    }

    /** Whether any cell is last year's: the indicator needs the unit's previous report. */
    public boolean needsPreviousYear() {
        return numerator.stream().anyMatch(Term::previousYear) || denominator.stream().anyMatch(Term::previousYear);
    }
}

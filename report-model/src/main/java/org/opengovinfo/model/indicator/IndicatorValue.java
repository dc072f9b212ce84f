package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An indicator computed for one report: either a value with the exact numerator and denominator behind it, or
 * {@link NotDefined not defined} with the reason.
 *
 * <p><b>Exact, rounded once.</b> Numerator and denominator are exact sums of exact cells. {@link #value()} is
 * {@code multiplier × numerator / denominator} rounded to {@value #SCALE} places, {@link RoundingMode#HALF_UP}, for
 * display only: every comparison (ranks, ties, thresholds) is made on the exact fraction by cross-multiplying, so
 * 14.996 % is not "at" 15 %. A plain count (no denominator) is its exact sum.
 *
 * @param indicator what was computed
 * @param value the rounded value, or {@code null} when not defined
 * @param numerator {@code Σ numerator} (before the multiplier), or {@code null} when a cell was missing
 * @param denominator {@code Σ denominator}, or {@code null} for a plain count or when a cell was missing
 * @param notDefined why there is no value, or {@code null} when there is one
 */
public record IndicatorValue(Indicator indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                             NotDefined notDefined) {

    /** Decimal places of a rate as shown. */
    public static final int SCALE = 2;
    /** The rounding applied, once, when a rate is shown. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public IndicatorValue {
        Objects.requireNonNull(indicator, "indicator");
        if ((value == null) == (notDefined == null)) {
            throw new IllegalArgumentException("an indicator has a value or a reason why not, not both");
        }
    }

    static IndicatorValue of(Indicator indicator, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal value = denominator == null ? numerator
                : numerator.multiply(indicator.multiplier()).divide(denominator, SCALE, ROUNDING);
        return new IndicatorValue(indicator, value, numerator, denominator, null);
    }

    public static IndicatorValue notDefined(Indicator indicator, BigDecimal numerator, BigDecimal denominator,
                                            NotDefined why) {
        return new IndicatorValue(indicator, null, numerator, denominator, Objects.requireNonNull(why, "why"));
    }

    public boolean isDefined() {
        return notDefined == null;
    }

    /** The denominator, or 1 for a plain count: what the value is weighted by. */
    public BigDecimal weight() {
        requireDefined();
        return denominator == null ? BigDecimal.ONE : denominator;
    }

    /** {@code multiplier × numerator} for a ratio, the numerator for a plain count. */
    public BigDecimal scaledNumerator() {
        requireDefined();
        return denominator == null ? numerator : numerator.multiply(indicator.multiplier());
    }

    /**
     * Compares the exact values of two defined results of the same indicator (not their rounded values): the
     * fractions are cross-multiplied, denominators being positive.
     */
    public int compareExactly(IndicatorValue other) {
        if (!indicator.id().equals(other.indicator.id())) {
            throw new IllegalArgumentException("compares " + indicator.id() + " with " + other.indicator.id());
        }
        return scaledNumerator().multiply(other.weight()).compareTo(other.scaledNumerator().multiply(weight()));
    }

    /** Compares the exact value with a threshold in the indicator's unit (15 for 15 %): negative, zero or positive. */
    public int compareExactlyWith(BigDecimal threshold) {
        return scaledNumerator().compareTo(threshold.multiply(weight()));
    }

    /** The value to {@code context}'s precision, for statistics over many values before their own final rounding. */
    public BigDecimal precise(MathContext context) {
        return scaledNumerator().divide(weight(), context);
    }

    private void requireDefined() {
        if (notDefined != null) {
            throw new IllegalStateException(indicator.id() + " is not defined: " + notDefined.code());
        }
    }
}

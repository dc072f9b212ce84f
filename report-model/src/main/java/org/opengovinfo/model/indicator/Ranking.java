package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Units (a consolidating unit's children) ranked by one indicator, with the spread of their values.
 *
 * <p>Rank 1 is the highest value, whichever way is good for the indicator (a high 实质公开率 is good, a high
 * 复议纠错率 is not; risk flags say which way is risky). Units with exactly equal values — compared as exact
 * fractions, not as rounded — share a rank and the next rank skips (1, 1, 3: "competition ranking"); among equals
 * units are listed by id. Units whose indicator is not defined are listed apart with the reason, never ranked last.
 *
 * @param indicator what is ranked
 * @param ranked the units with a value, highest first
 * @param notDefined the units without one, by id
 * @param spread statistics over the ranked units, or {@code null} when none has a value
 */
public record Ranking(Indicator indicator, List<Ranked> ranked, List<UnitValue> notDefined, Spread spread) {

    /** Statistics are taken on values to 34 significant digits; the results are rounded once, as values are. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    public Ranking {
        Objects.requireNonNull(indicator, "indicator");
        ranked = List.copyOf(ranked);
        notDefined = List.copyOf(notDefined);
    }

    /** One unit's value of the indicator. */
    public record UnitValue(String unit, IndicatorValue value) {
        public UnitValue {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A ranked unit. */
    public record Ranked(int rank, String unit, IndicatorValue value) {
    }

    /**
     * The spread of the ranked values, each rounded to {@value IndicatorValue#SCALE} places half up at the end.
     *
     * @param count units with a value
     * @param weightedMean the mean weighted by each unit's denominator — Σ numerators × multiplier / Σ denominators,
     *     the rate of all the units taken together — or the plain mean of a count
     * @param median the 50th percentile
     * @param p10 the 10th percentile
     * @param p90 the 90th percentile
     * @param p90MinusP10 the spread between them, from the unrounded percentiles
     */
    public record Spread(int count, BigDecimal weightedMean, BigDecimal median, BigDecimal p10, BigDecimal p90,
                         BigDecimal p90MinusP10) {
    }

    /** Ranks the units by their values of {@code indicator}; each value must be of that indicator. */
    public static Ranking of(Indicator indicator, List<UnitValue> values) {
        List<UnitValue> defined = new ArrayList<>();
        List<UnitValue> notDefined = new ArrayList<>();
        for (UnitValue v : values) {
            if (!v.value().indicator().id().equals(indicator.id())) {
                throw new IllegalArgumentException(v.unit() + " has a value of " + v.value().indicator().id()
                        + ", not " + indicator.id());
            }
            (v.value().isDefined() ? defined : notDefined).add(v);
        }
        Comparator<UnitValue> highestFirst = (a, b) -> b.value().compareExactly(a.value());
        defined.sort(highestFirst.thenComparing(UnitValue::unit));
        notDefined.sort(Comparator.comparing(UnitValue::unit));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < defined.size(); i++) {
            boolean tied = i > 0 && defined.get(i).value().compareExactly(defined.get(i - 1).value()) == 0;
            int rank = tied ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, defined.get(i).unit(), defined.get(i).value()));
        }
        return new Ranking(indicator, ranked, notDefined, spread(defined));
    }

    private static Spread spread(List<UnitValue> defined) {
        if (defined.isEmpty()) {
            return null;
        }
        BigDecimal numerators = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        List<BigDecimal> ascending = new ArrayList<>();
        for (UnitValue v : defined) {
            numerators = numerators.add(v.value().scaledNumerator());
            weights = weights.add(v.value().weight());
            ascending.add(v.value().precise(PRECISION));
        }
        ascending.sort(Comparator.naturalOrder());
        BigDecimal p10 = percentile(ascending, new BigDecimal("0.1"));
        BigDecimal p90 = percentile(ascending, new BigDecimal("0.9"));
        return new Spread(defined.size(), numerators.divide(weights, IndicatorValue.SCALE, IndicatorValue.ROUNDING),
                rounded(percentile(ascending, new BigDecimal("0.5"))), rounded(p10), rounded(p90),
                rounded(p90.subtract(p10)));
    }

    /**
     * The p-th percentile by linear interpolation between closest ranks: position h = (n − 1)·p from 0, value
     * x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋) — Hyndman and Fan's type 7, as Excel's PERCENTILE.INC, NumPy's and R's
     * defaults compute it. Written out here because the libraries that offer it work in {@code double}.
     */
    static BigDecimal percentile(List<BigDecimal> ascending, BigDecimal p) {
        BigDecimal h = BigDecimal.valueOf(ascending.size() - 1L).multiply(p);
        int low = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
        BigDecimal x = ascending.get(low);
        if (fraction.signum() == 0) {
            return x;
        }
        return x.add(fraction.multiply(ascending.get(low + 1).subtract(x), PRECISION), PRECISION);
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value.setScale(IndicatorValue.SCALE, IndicatorValue.ROUNDING);
    }
}

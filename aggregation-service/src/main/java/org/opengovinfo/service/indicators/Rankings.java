package org.opengovinfo.service.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The units directly below a unit ranked by each indicator, with the spread of their values. A child that consolidates
 * is ranked by its consolidated figures from its latest snapshot, a leaf by its own figures.
 *
 * @param percentiles how percentiles are taken (linear interpolation between closest ranks, type 7)
 */
@Serdeable
public record Rankings(String unit, String name, int year, String template, int children, String percentiles,
                       List<IndicatorRanking> rankings) {

    /**
     * One indicator's ranking: rank 1 is the highest value; exactly equal values share a rank (1, 1, 3); children
     * without a value are listed apart.
     */
    @Serdeable
    public record IndicatorRanking(String indicator, String label, String labelZh, String labelEn, String unit,
                                   List<RankedChild> ranked, List<ChildNotDefined> notDefined, @Nullable Spread spread) {
    }

    /** A ranked child, with the figures behind its value. */
    @Serdeable
    public record RankedChild(int rank, String unit, String name, String source, @Nullable String snapshot,
                              BigDecimal value, BigDecimal numerator, @Nullable BigDecimal denominator) {
    }

    /** A child whose indicator is not defined, and why. */
    @Serdeable
    public record ChildNotDefined(String unit, String name, String source, @Nullable String snapshot,
                                  IndicatorView.NotDefinedView notDefined) {
    }

    /**
     * The spread of the ranked children's values, rounded to two places half up from exact values.
     *
     * @param weightedMean weighted by each child's denominator: the rate of the children taken together
     * @param p90MinusP10 the spread between the 10th and the 90th percentile
     */
    @Serdeable
    public record Spread(int count, BigDecimal weightedMean, BigDecimal median, BigDecimal p10, BigDecimal p90,
                         BigDecimal p90MinusP10) {
    }
}

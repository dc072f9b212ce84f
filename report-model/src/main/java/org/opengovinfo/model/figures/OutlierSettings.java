package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a cell's change from last year is worth a clerk's second look (in the spirit of DHIS2's outlier detection,
 * but with fixed, explainable thresholds rather than statistics over years a unit rarely has).
 *
 * @param factor a value more than this many times last year's, or less than last year's divided by it, is an
 *     outlier; greater than 1 (default 10: more than tenfold)
 * @param minimumFromZero a move from zero to at least this value, or from at least this value to zero, is an
 *     outlier; positive (default 100). In the cell's own unit: cases, items, or 万元.
 */
public record OutlierSettings(BigDecimal factor, BigDecimal minimumFromZero) {

    public static final OutlierSettings DEFAULT = new OutlierSettings(BigDecimal.TEN, BigDecimal.valueOf(100));

    public OutlierSettings {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(minimumFromZero, "minimumFromZero");
        if (factor.compareTo(BigDecimal.ONE) <= 0 || minimumFromZero.signum() <= 0) {
            throw new IllegalArgumentException("the factor must exceed 1 and the minimum from zero be positive");
        }
    }
}

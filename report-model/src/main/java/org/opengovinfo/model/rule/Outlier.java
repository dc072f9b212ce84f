package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Why a cell's value is implausible next to the same unit's value a year before, with the thresholds that judged it,
 * so a clerk sees both numbers and the service can show which setting fired.
 *
 * @param previous last year's value
 * @param current this year's value
 * @param factor the ratio beyond which a change is reported (e.g. 10)
 * @param minimumFromZero the value at or above which a move from or to zero is reported (e.g. 100)
 */
public record Outlier(BigDecimal previous, BigDecimal current, BigDecimal factor, BigDecimal minimumFromZero) {

    public Outlier {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(minimumFromZero, "minimumFromZero");
    }
}

package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one unit contributes to a consolidated cell: its own figure, or its consolidated total if it consolidates.
 *
 * @param unit the unit's id
 * @param value its value in the cell (counts at scale 0, amounts in 万元)
 */
public record Contribution(String unit, BigDecimal value) {

    public Contribution {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
    }
}

package org.opengovinfo.model.consolidation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One cell of a consolidated report as the consolidating unit declared it and as the units below add up, side by
 * side, so that a city office can show both columns.
 *
 * @param cell the cell code
 * @param label the printed row and column label
 * @param declared the value the unit declared, or {@code null} if it declared none
 * @param computed the value the consolidation uses: the sum of the units for a summed cell (or {@code null} if no
 *     unit gave one); for a cell that is declared by nature (the 2019 format's catalog counts) the declared value
 * @param difference {@code declared - computed} when both are present, else {@code null}
 */
public record DeclaredAndComputed(String cell, String label, BigDecimal declared, BigDecimal computed, BigDecimal difference) {

    public DeclaredAndComputed {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(label, "label");
    }
}

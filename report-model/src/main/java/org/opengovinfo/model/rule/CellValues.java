package org.opengovinfo.model.rule;

/**
 * Read access to one report's cells for rule evaluation, by the template's cell index.
 *
 * <p>Values are scaled integers: a count as is, an amount in 万元 times 10<sup>4</sup>. A blank cell is not present
 * and its value is meaningless. An unknown cell (for instance one whose consolidated sum overflowed) makes every
 * rule that touches it inapplicable.
 */
public interface CellValues {

    boolean isPresent(int cell);

    long value(int cell);

    /** Index of a cell code in this report's template, or -1 if the template has no such cell. */
    int indexOf(String code);

    default boolean isUnknown(int cell) {
        return false;
    }
}

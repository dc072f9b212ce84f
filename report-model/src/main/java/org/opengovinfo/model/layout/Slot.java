package org.opengovinfo.model.layout;

import java.util.Objects;

/**
 * One printed box of a table: a label (header, row label, block title, the unit of an indicator) or the place of a
 * cell's value, at a grid position of its {@link PrintedTable} and spanning rows and columns as printed.
 *
 * @param row the grid row, 0 at the top of the table (its title is printed above the grid)
 * @param column the grid column, 0 at the left
 * @param text the label as printed; for a {@link SlotKind#VALUE} empty
 * @param indent how far a list indicator is indented (其中 items under their total); 0 elsewhere
 * @param cell the cell code a {@link SlotKind#VALUE} holds; {@code null} for labels
 * @param rowLabel for a value: its row's label, as short as still names it within its table (e.g. （七）总计);
 *     empty where the table is printed on one line
 * @param columnLabel for a value: its column's label, as short as still names it (自然人, 行政复议 结果维持)
 */
public record Slot(SlotKind kind, int row, int column, int rowSpan, int columnSpan, String text, int indent,
                   String cell, String rowLabel, String columnLabel) {

    public Slot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (row < 0 || column < 0 || rowSpan < 1 || columnSpan < 1) {
            throw new IllegalArgumentException("a slot lies in the grid and spans at least one row and column");
        }
        if ((kind == SlotKind.VALUE) != (cell != null)) {
            throw new IllegalArgumentException("exactly the value slots name a cell");
        }
    }

    static Slot label(SlotKind kind, int row, int column, int rowSpan, int columnSpan, String text, int indent) {
        return new Slot(kind, row, column, rowSpan, columnSpan, text, indent, null, "", "");
    }

    static Slot value(int row, int column, int columnSpan, String cell, String rowLabel, String columnLabel) {
        return new Slot(SlotKind.VALUE, row, column, 1, columnSpan, "", 0, cell, rowLabel, columnLabel);
    }

    public boolean isValue() {
        return kind == SlotKind.VALUE;
    }

    /** The last grid row this slot covers. */
    public int lastRow() {
        return row + rowSpan - 1;
    }

    /** The last grid column this slot covers. */
    public int lastColumn() {
        return column + columnSpan - 1;
    }

    /** Whether it spans more than one grid position (a merged region in a spreadsheet). */
    public boolean isMerged() {
        return rowSpan > 1 || columnSpan > 1;
    }

    /** The value's labels as a clerk names them: column, then row (自然人 · （七）总计); the row alone in a list. */
    public String labels() {
        if (rowLabel.isEmpty()) {
            return columnLabel;
        }
        return columnLabel.isEmpty() ? rowLabel : columnLabel + " · " + rowLabel;
    }
}

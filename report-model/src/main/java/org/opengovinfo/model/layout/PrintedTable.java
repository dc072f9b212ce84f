package org.opengovinfo.model.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One table as the report prints it: a title above it, then a grid of rows and columns covered by {@link Slot}s —
 * headers and row labels merged as printed, and one value slot per cell.
 *
 * @param name the table's short name as offices cite it (表二, 表三, 表四; 统计表 for the legacy list), also the
 *     name of its sheet in a workbook
 * @param title the heading printed above the grid (三、收到和处理政府信息公开申请情况)
 * @param tables the template tables it prints, in order
 * @param rows the grid's height
 * @param columns the grid's width
 * @param slots every box, row by row and left to right; together they cover the grid exactly once
 */
public record PrintedTable(String name, String title, List<String> tables, int rows, int columns, List<Slot> slots) {

    public PrintedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        tables = List.copyOf(tables);
        slots = List.copyOf(slots);
    }

    /** The value slots, in cell order. */
    public List<Slot> values() {
        return slots.stream().filter(Slot::isValue).toList();
    }

    /** The value slot of a cell, if this table prints it. */
    public Optional<Slot> valueOf(String cell) {
        return slots.stream().filter(s -> cell.equals(s.cell())).findFirst();
    }

    /** The slots that start on a grid row, left to right. */
    public List<Slot> startingOn(int row) {
        return slots.stream().filter(s -> s.row() == row).toList();
    }

    /** Every value slot by its cell code. */
    public Map<String, Slot> valuesByCell() {
        Map<String, Slot> byCell = new LinkedHashMap<>();
        values().forEach(s -> byCell.put(s.cell(), s));
        return byCell;
    }
}

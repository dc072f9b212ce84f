package org.opengovinfo.model.template;

import java.util.List;
import java.util.Objects;

/**
 * A table of a template: rows crossed with columns, or a list of rows when it has no columns.
 *
 * @param labels the table's Chinese label path, e.g. section and Article 20 item
 * @param cells the table's cells in row-major order
 * @param rowLabels each row's Chinese label path as printed, in the order of {@code rows}
 * @param columnLabels each column's Chinese label path as printed, in the order of {@code columns}
 * @param printedAcross whether the printed form sets the rows side by side as groups of columns on one line (the
 *     official 表四: 行政复议 and the two kinds of 行政诉讼, each with its five results), rather than one line per row
 */
public record Table(String code, List<String> labels, List<String> rows, List<String> columns, List<Cell> cells,
                    List<List<String>> rowLabels, List<List<String>> columnLabels, boolean printedAcross) {

    public Table {
        Objects.requireNonNull(code, "code");
        labels = List.copyOf(labels);
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
        rowLabels = rowLabels.stream().map(List::copyOf).toList();
        columnLabels = columnLabels.stream().map(List::copyOf).toList();
        if (rowLabels.size() != rows.size() || columnLabels.size() != columns.size()) {
            throw new IllegalArgumentException("table " + code + " needs a label for every row and column");
        }
        if (printedAcross && columns.isEmpty()) {
            throw new IllegalArgumentException("table " + code + " has no columns, so its rows cannot be printed across");
        }
    }

    /** A table printed one line per row. */
    public Table(String code, List<String> labels, List<String> rows, List<String> columns, List<Cell> cells,
                 List<List<String>> rowLabels, List<List<String>> columnLabels) {
        this(code, labels, rows, columns, cells, rowLabels, columnLabels, false);
    }

    /** A table whose rows and columns are known by code only (labels are then the codes). */
    public Table(String code, List<String> labels, List<String> rows, List<String> columns, List<Cell> cells) {
        this(code, labels, rows, columns, cells,
                rows.stream().map(List::of).toList(), columns.stream().map(List::of).toList());
    }

    /** The label path of a row, by code. */
    public List<String> rowLabels(String row) {
        int i = rows.indexOf(row);
        if (i < 0) {
            throw new IllegalArgumentException("table " + code + " has no row " + row);
        }
        return rowLabels.get(i);
    }

    /** The label path of a column, by code. */
    public List<String> columnLabels(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + code + " has no column " + column);
        }
        return columnLabels.get(i);
    }
}

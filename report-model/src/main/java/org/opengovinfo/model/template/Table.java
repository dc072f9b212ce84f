package org.opengovinfo.model.template;

import java.util.List;
import java.util.Objects;

/**
 * A table of a template: rows crossed with columns, or a list of rows when it has no columns.
 *
 * @param labels the table's Chinese label path, e.g. section and Article 20 item
 * @param cells the table's cells in row-major order
 */
public record Table(String code, List<String> labels, List<String> rows, List<String> columns, List<Cell> cells) {

    public Table {
        Objects.requireNonNull(code, "code");
        labels = List.copyOf(labels);
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
    }
}

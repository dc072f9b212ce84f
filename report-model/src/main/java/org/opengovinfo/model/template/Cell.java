package org.opengovinfo.model.template;

import java.util.List;
import java.util.Objects;

/**
 * One cell of a report template.
 *
 * @param index position in {@link Template#cells()}, used for dense storage of figures
 * @param code stable, human-readable code: {@code table.row.column}, or {@code table.row} in tables without columns
 *     (e.g. {@code s3.new.natural_person}, {@code l3.received})
 * @param labels the Chinese label path as printed on the form, from section to column
 * @param unit the printed unit, e.g. 件, 条, 项, 万元
 */
public record Cell(
        int index, String code, List<String> labels, String unit, ValueKind kind, ConsolidationMode consolidation) {

    public Cell {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(consolidation, "consolidation");
        labels = List.copyOf(labels);
        if (index < 0) {
            throw new IllegalArgumentException("cell index must be ≥ 0");
        }
    }
}

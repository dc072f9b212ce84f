package org.opengovinfo.model.published;

import java.util.List;
import java.util.Objects;

/**
 * One row of a table as a published report prints it, read from text or HTML: its cells as printed, in order, and
 * where it stands in the source (a line number, or a table and row of an HTML page) so that what cannot be read can
 * be pointed at.
 *
 * <p>A row is <em>labelled</em>: the cells up to and including its last label (text that is not a value) are its
 * labels, the cells after it are its values. Leading cells left empty by a merged label above (a row of
 * （三）不予公开 under its first) are labels too, and carry nothing.
 *
 * @param cells the cells as printed (trimmed; empty for an empty cell)
 * @param where the row's place in the source, as a clerk finds it (第 58 行; 第 2 个表格第 5 行)
 */
public record GridRow(List<String> cells, Where where) {

    /** Where a row stands in its source, for a clerk: 第 58 行 / line 58. */
    public record Where(String zh, String en) {

        public Where {
            Objects.requireNonNull(zh, "zh");
            Objects.requireNonNull(en, "en");
        }

        /** A line of a text (0-based here, printed from 1). */
        public static Where line(int line) {
            return new Where("第 " + (line + 1) + " 行", "line " + (line + 1));
        }

        /** A row of a table of a page (both 0-based here, printed from 1). */
        public static Where tableRow(int table, int row) {
            return new Where("第 " + (table + 1) + " 个表格第 " + (row + 1) + " 行",
                    "table " + (table + 1) + ", row " + (row + 1));
        }
    }

    public GridRow {
        cells = List.copyOf(cells);
        Objects.requireNonNull(where, "where");
    }

    /** The index of the last cell that is a label, or -1 when every cell is a value (表四's line of figures). */
    public int lastLabel() {
        for (int i = cells.size() - 1; i >= 0; i--) {
            String c = cells.get(i);
            if (!c.isEmpty() && !Values.isValue(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The last label, or empty when the row has none. */
    public String label() {
        int i = lastLabel();
        return i < 0 ? "" : cells.get(i);
    }

    /** The non-empty labels, outermost first (三、本年度办理结果, （三）不予公开, 1.属于国家秘密). */
    public List<String> labels() {
        int i = lastLabel();
        return cells.subList(0, i + 1).stream().filter(c -> !c.isEmpty()).toList();
    }

    /** The cells after the last label: the row's values as printed, blank ones empty. */
    public List<String> values() {
        return cells.subList(lastLabel() + 1, cells.size());
    }

    /** Whether some value cell holds something (a row of headers holds none). */
    public boolean hasValues() {
        return values().stream().anyMatch(v -> !v.isEmpty());
    }
}

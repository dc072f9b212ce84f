package org.opengovinfo.model.published;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of a published report read into a template's cells: the figures as the service accepts them (cell code →
 * a number, or text as printed such as {@code 增加15}; blank cells absent), and everything that could not be read.
 *
 * @param template the template the cells belong to
 * @param figures cell code → value, in the template's order
 * @param unread each row or value that could not be placed in a cell, with why
 * @param missing the template's rows not found in the source, by their printed label (表三 （七）总计)
 */
public record ImportedTables(String template, Map<String, Object> figures, List<Unread> unread, List<String> missing) {

    public ImportedTables {
        Objects.requireNonNull(template, "template");
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        unread = List.copyOf(unread);
        missing = List.copyOf(missing);
    }

    /** Whether any row of the template was read at all: a text without tables reads none. */
    public boolean foundTables() {
        return !figures.isEmpty();
    }

    /**
     * Something that could not be read.
     *
     * @param where its place in the source (第 58 行 / line 58)
     * @param label the row's label as printed (empty for a row without one)
     * @param text the row's values or the value as printed
     * @param cell the cell a value was meant for, or {@code null} for a whole row
     * @param reasonZh why, in Chinese
     * @param reasonEn why, in English
     */
    public record Unread(GridRow.Where where, String label, String text, String cell, String reasonZh, String reasonEn) {
    }
}

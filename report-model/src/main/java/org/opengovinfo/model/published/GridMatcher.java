package org.opengovinfo.model.published;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengovinfo.model.figures.Decoded;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.layout.PrintedTable;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;

/**
 * The one matcher behind both front ends: a grid of labelled rows (from text or HTML) into a template's cells, by the
 * labels the template prints.
 *
 * <ul>
 *   <li>A row whose label (its last one, or failing that an earlier one: a legacy line's unit follows its label) is a
 *       row label of the template — compared without widths, spaces, quotes and numbering, then without remarks in
 *       brackets — gives that row's cells, its values in the printed column order. A row holding another number of
 *       values than the template's row has columns is not guessed at: it is listed as unread.
 *   <li>A row without a label holding exactly as many values as a table printed across (表四's line of fifteen) gives
 *       that table's cells, left to right as printed.
 *   <li>Rows without values (titles, headers) are passed over; a row with values and a label that names nothing is
 *       listed as unread, and so is a row met twice.
 *   <li>Each value goes into the figures as printed — a plain number as a number, anything else as text for the
 *       model's parser ({@code 增加15}, {@code 63800万元}, {@code 不适用}); an empty cell is blank. A value the parser
 *       refuses is listed as unread and left blank.
 * </ul>
 */
public final class GridMatcher {

    private final Template template;
    private final PrintedLayout layout;
    /** label key → (table, row) of every row printed one per line, and the same by bare key. */
    private final Map<String, List<String>> byKey = new HashMap<>();
    private final Map<String, List<String>> byBare = new HashMap<>();
    private final List<List<String>> across = new ArrayList<>();
    /** Every column header as printed, by key: a row holding one is a header row, not values. */
    private final Set<String> headers = new HashSet<>();

    public GridMatcher(Template template) {
        this(template, PrintedLayout.of(template));
    }

    public GridMatcher(Template template, PrintedLayout layout) {
        this.template = template;
        this.layout = layout;
        for (Table t : template.tables()) {
            t.columns().forEach(c -> t.columnLabels(c).forEach(l -> headers.add(Labels.key(l))));
            if (t.printedAcross()) {
                t.rows().forEach(r -> t.rowLabels(r).forEach(l -> headers.add(Labels.key(l))));
                across.add(acrossCells(t));
                continue;
            }
            for (String row : t.rows()) {
                List<String> path = t.rowLabels(row);
                String last = path.get(path.size() - 1);
                List<String> cells = t.columns().isEmpty() ? List.of(t.code() + "." + row)
                        : t.columns().stream().map(c -> t.code() + "." + row + "." + c).toList();
                byKey.computeIfAbsent(Labels.key(last), k -> new ArrayList<>()).add(String.join("|", cells));
                byBare.computeIfAbsent(Labels.bare(last), k -> new ArrayList<>()).add(String.join("|", cells));
            }
        }
    }

    private List<String> acrossCells(Table t) {
        PrintedTable printed = layout.tables().stream().filter(p -> p.tables().contains(t.code())).findFirst().orElseThrow();
        return printed.values().stream().filter(s -> s.cell().startsWith(t.code() + "."))
                .sorted(java.util.Comparator.comparingInt(Slot::row).thenComparingInt(Slot::column))
                .map(Slot::cell).toList();
    }

    /** Reads the rows into the template's cells. */
    public ImportedTables match(List<GridRow> rows) {
        Map<String, Object> figures = new HashMap<>();
        Map<String, GridRow> from = new HashMap<>();
        List<ImportedTables.Unread> unread = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GridRow row : rows) {
            if (!row.hasValues()) {
                unreadableValues(row).ifPresent(unread::add);
                continue;
            }
            Optional<List<String>> cells = cellsOf(row);
            List<String> values = row.values();
            if (cells.isEmpty()) {
                cells = across.stream().filter(a -> a.size() == values.size() && !seen.contains(a.get(0))).findFirst();
                if (cells.isEmpty()) {
                    unread.add(new ImportedTables.Unread(row.where(), row.label(), String.join(" ", values), null,
                            "这一行的名称不是本报告格式（" + template.id() + "）表格中的任何一行",
                            "this row's label names no row of the tables of format " + template.id()));
                    continue;
                }
            }
            List<String> target = cells.get();
            if (seen.contains(target.get(0))) {
                unread.add(new ImportedTables.Unread(row.where(), row.label(), String.join(" ", values), null,
                        "这一行已经读过一次，重复的一行没有采用", "this row was read once already; the repeated row is not used"));
                continue;
            }
            if (values.size() != target.size()) {
                unread.add(new ImportedTables.Unread(row.where(), row.label(), String.join(" ", values), null,
                        "这一行有 " + values.size() + " 个数，本报告格式的这一行有 " + target.size() + " 列",
                        "this row holds " + values.size() + " values, but the format's row has " + target.size() + " columns"));
                continue;
            }
            seen.add(target.get(0));
            for (int i = 0; i < target.size(); i++) {
                String v = Values.fold(values.get(i));
                if (v.isEmpty()) {
                    continue;
                }
                figures.put(target.get(i), Values.isPlainNumber(v) ? new BigDecimal(v) : v);
                from.put(target.get(i), row);
            }
        }
        refuseUnreadable(figures, from, unread);
        Map<String, Object> ordered = new LinkedHashMap<>();
        template.cells().forEach(c -> {
            if (figures.containsKey(c.code())) {
                ordered.put(c.code(), figures.get(c.code()));
            }
        });
        return new ImportedTables(template.id(), ordered, unread, missing(seen));
    }

    private static final java.util.Set<String> UNITS =
            java.util.Set.of("件", "项", "个", "条", "次", "篇", "期", "份", "人", "人次", "万元", "元");

    /**
     * A row without values whose label names a row of the template, followed by text that is no value (二百六十五, 若干):
     * what was printed where the values belong could not be read.
     */
    private Optional<ImportedTables.Unread> unreadableValues(GridRow row) {
        List<String> labels = row.labels();
        for (int i = labels.size() - 2; i >= 0; i--) {
            if (one(byKey.get(Labels.key(labels.get(i)))).isPresent() || one(byBare.get(Labels.bare(labels.get(i)))).isPresent()) {
                List<String> rest = labels.subList(i + 1, labels.size()).stream()
                        .filter(l -> !UNITS.contains(Values.fold(l))).toList();
                if (rest.isEmpty() || rest.stream().anyMatch(l -> headers.contains(Labels.key(l)))) {
                    return Optional.empty();
                }
                return Optional.of(new ImportedTables.Unread(row.where(), labels.get(i), String.join(" ", rest), null,
                        "“" + String.join(" ", rest) + "”不是数字，这一行没有读取",
                        "'" + String.join(" ", rest) + "' is not a number; the row was not read"));
            }
        }
        return Optional.empty();
    }

    /** The cells of the row its labels name, trying its last label first. */
    private Optional<List<String>> cellsOf(GridRow row) {
        List<String> labels = row.labels();
        for (int i = labels.size() - 1; i >= 0; i--) {
            Optional<List<String>> found = one(byKey.get(Labels.key(labels.get(i))));
            if (found.isEmpty()) {
                found = one(byBare.get(Labels.bare(labels.get(i))));
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> one(List<String> candidates) {
        return candidates == null || candidates.size() != 1 ? Optional.empty()
                : Optional.of(List.of(candidates.get(0).split("\\|")));
    }

    /** Values the model's parser refuses are left blank and listed, each with the parser's own reason. */
    private void refuseUnreadable(Map<String, Object> figures, Map<String, GridRow> from,
                                  List<ImportedTables.Unread> unread) {
        Decoded decoded = Figures.decode(template, figures);
        for (Finding problem : decoded.problems()) {
            for (String cell : problem.cells()) {
                Object value = figures.remove(cell);
                GridRow row = from.get(cell);
                if (row != null) {
                    unread.add(new ImportedTables.Unread(row.where(), row.label(), String.valueOf(value), cell,
                            problem.message().zh(), problem.message().en()));
                }
            }
        }
    }

    private List<String> missing(Set<String> seen) {
        List<String> missing = new ArrayList<>();
        for (Table t : template.tables()) {
            t.columns().forEach(c -> t.columnLabels(c).forEach(l -> headers.add(Labels.key(l))));
            if (t.printedAcross()) {
                t.rows().forEach(r -> t.rowLabels(r).forEach(l -> headers.add(Labels.key(l))));
                for (List<String> a : across) {
                    if (a.get(0).startsWith(t.code() + ".") && !seen.contains(a.get(0))) {
                        missing.add(name(a.get(0), t.labels().get(t.labels().size() - 1)));
                    }
                }
                continue;
            }
            for (String row : t.rows()) {
                String first = t.columns().isEmpty() ? t.code() + "." + row : t.code() + "." + row + "." + t.columns().get(0);
                if (!seen.contains(first)) {
                    List<String> path = t.rowLabels(row);
                    missing.add(name(first, path.get(path.size() - 1)));
                }
            }
        }
        return missing;
    }

    private String name(String cell, String label) {
        return layout.place(cell).map(p -> p.table().name()).orElse("") + " " + label;
    }
}

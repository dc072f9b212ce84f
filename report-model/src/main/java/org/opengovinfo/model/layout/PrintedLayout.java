package org.opengovinfo.model.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;

/**
 * A template's tables as the official report prints them, computed from the template's labels so that a new format
 * stays a data change:
 *
 * <ul>
 *   <li>consecutive tables with columns whose first label is the same section are one printed table (表二 holds the
 *       第二十条 items, each a block under its own title with the header 信息内容 | its columns);
 *   <li>label paths become merged boxes: equal leading labels of neighbouring columns are one header spanning them,
 *       of neighbouring rows one row label spanning them, and a path shorter than the deepest spans the levels it
 *       lacks (自然人 spans both header rows under 申请人情况; （七）总计 both label columns under 三、本年度办理结果);
 *   <li>a table marked {@code printed: across} sets its rows side by side as groups of columns on one line (表四);
 *   <li>tables without columns (the legacy indicators) are one list, 统计表: indicator, unit, figure, with each
 *       section and each group heading on a line of its own and 其中 items indented under their total.
 * </ul>
 *
 * Immutable; {@link #of} is cheap enough to call per request but callers may keep the result.
 */
public record PrintedLayout(String template, List<PrintedTable> tables) {

    private static final Pattern SECTION_NUMBER = Pattern.compile("^([一二三四五六七八九十]+)、");
    /** The corner of a flat block (one header row, one label column), as the official 表二 prints it. */
    static final String CONTENT = "信息内容";
    static final String INDICATOR = "统计指标";
    static final String UNIT = "计量单位";
    static final String FIGURE = "统计数";
    static final String LIST_NAME = "统计表";

    public PrintedLayout {
        Objects.requireNonNull(template, "template");
        tables = List.copyOf(tables);
    }

    /** The printed layout of a template. */
    public static PrintedLayout of(Template template) {
        List<PrintedTable> printed = new ArrayList<>();
        List<Table> group = new ArrayList<>();
        for (Table table : template.tables()) {
            if (!group.isEmpty() && !printedTogether(group.get(0), table)) {
                printed.add(print(group));
                group = new ArrayList<>();
            }
            group.add(table);
        }
        printed.add(print(group));
        return new PrintedLayout(template.id(), printed);
    }

    /** The printed table that holds a cell, with its value slot. */
    public Optional<Placed> place(String cell) {
        for (PrintedTable table : tables) {
            Optional<Slot> slot = table.valueOf(cell);
            if (slot.isPresent()) {
                return Optional.of(new Placed(table, slot.get()));
            }
        }
        return Optional.empty();
    }

    /** A cell's value slot and the printed table it lies in. */
    public record Placed(PrintedTable table, Slot slot) {
    }

    private static boolean printedTogether(Table first, Table next) {
        if (first.columns().isEmpty() || next.columns().isEmpty()) {
            return first.columns().isEmpty() && next.columns().isEmpty();
        }
        return !first.labels().isEmpty() && !next.labels().isEmpty() && first.labels().get(0).equals(next.labels().get(0));
    }

    private static PrintedTable print(List<Table> group) {
        return group.get(0).columns().isEmpty() ? list(group) : grid(group);
    }

    // ---- tables with columns -------------------------------------------------------------------------------

    /** One block: a template table as printed, its printed columns' label paths and its rows'. */
    private record Block(Table table, List<List<String>> columnPaths, List<String> columnCells,
                         List<List<String>> rowPaths, List<String> rows) {

        static Block of(Table t) {
            List<List<String>> columnPaths = new ArrayList<>();
            List<String> columnCells = new ArrayList<>();
            if (t.printedAcross()) {
                for (String row : t.rows()) {
                    for (String column : t.columns()) {
                        columnPaths.add(concat(t.rowLabels(row), t.columnLabels(column)));
                        columnCells.add(t.code() + "." + row + "." + column);
                    }
                }
                return new Block(t, columnPaths, columnCells, List.of(), List.of());
            }
            for (String column : t.columns()) {
                columnPaths.add(t.columnLabels(column));
                columnCells.add(column);
            }
            return new Block(t, columnPaths, columnCells, t.rowLabels(), t.rows());
        }

        int labelDepth() {
            return rowPaths.stream().mapToInt(List::size).max().orElse(0);
        }

        int headerDepth() {
            return columnPaths.stream().mapToInt(List::size).max().orElse(0);
        }
    }

    private static PrintedTable grid(List<Table> group) {
        List<Block> blocks = group.stream().map(Block::of).toList();
        int labelColumns = blocks.stream().mapToInt(Block::labelDepth).max().orElse(0);
        int valueColumns = blocks.stream().mapToInt(b -> b.columnPaths().size()).max().orElse(0);
        int width = labelColumns + valueColumns;
        String section = group.get(0).labels().isEmpty() ? group.get(0).code() : group.get(0).labels().get(0);
        List<Slot> slots = new ArrayList<>();
        int y = 0;
        for (Block block : blocks) {
            List<String> below = block.table().labels().size() > 1
                    ? block.table().labels().subList(1, block.table().labels().size()) : List.of();
            if (!below.isEmpty()) {
                slots.add(Slot.label(SlotKind.BLOCK_TITLE, y++, 0, 1, width, String.join(" ", below), 0));
            }
            int depth = block.headerDepth();
            if (labelColumns > 0) {
                boolean flat = depth == 1 && block.labelDepth() == 1;
                slots.add(Slot.label(SlotKind.CORNER, y, 0, depth, labelColumns, flat ? CONTENT : "", 0));
            }
            header(slots, block.columnPaths(), y, labelColumns, depth, width);
            y += depth;
            List<String> columnNames = shortest(block.columnPaths());
            if (block.table().printedAcross()) {
                for (int j = 0; j < block.columnCells().size(); j++) {
                    int span = j == block.columnCells().size() - 1 ? width - labelColumns - j : 1;
                    slots.add(Slot.value(y, labelColumns + j, span, block.columnCells().get(j), "", columnNames.get(j)));
                }
                y++;
                continue;
            }
            rowLabels(slots, block.rowPaths(), y, labelColumns);
            List<String> rowNames = shortest(block.rowPaths());
            for (int i = 0; i < block.rows().size(); i++) {
                for (int j = 0; j < block.columnCells().size(); j++) {
                    int span = j == block.columnCells().size() - 1 ? width - labelColumns - j : 1;
                    String cell = block.table().code() + "." + block.rows().get(i) + "." + block.columnCells().get(j);
                    slots.add(Slot.value(y + i, labelColumns + j, span, cell, rowNames.get(i), columnNames.get(j)));
                }
            }
            y += block.rows().size();
        }
        return new PrintedTable(name(section), section, group.stream().map(Table::code).toList(), y, width, sorted(slots));
    }

    /**
     * Column headers over {@code depth} rows from {@code top}: neighbouring columns with the same labels up to a level
     * share one header there; a column's last label spans the levels below it; the last column spans what is left of
     * the width.
     */
    private static void header(List<Slot> slots, List<List<String>> paths, int top, int left, int depth, int width) {
        for (int level = 0; level < depth; level++) {
            int j = 0;
            while (j < paths.size()) {
                List<String> path = paths.get(j);
                if (level >= path.size()) {
                    j++;
                    continue;
                }
                if (level == path.size() - 1) {
                    int span = j == paths.size() - 1 ? width - left - j : 1;
                    slots.add(Slot.label(SlotKind.HEADER, top + level, left + j, depth - level, span, path.get(level), 0));
                    j++;
                    continue;
                }
                int end = j + 1;
                while (end < paths.size() && paths.get(end).size() > level + 1 && samePrefix(path, paths.get(end), level)) {
                    end++;
                }
                int span = end == paths.size() ? width - left - j : end - j;
                slots.add(Slot.label(SlotKind.HEADER, top + level, left + j, 1, span, path.get(level), 0));
                j = end;
            }
        }
    }

    /** Row labels over {@code columns} label columns, merged down equal leading labels, as {@link #header} across. */
    private static void rowLabels(List<Slot> slots, List<List<String>> paths, int top, int columns) {
        for (int level = 0; level < columns; level++) {
            int i = 0;
            while (i < paths.size()) {
                List<String> path = paths.get(i);
                if (level >= path.size()) {
                    i++;
                    continue;
                }
                if (level == path.size() - 1) {
                    slots.add(Slot.label(SlotKind.ROW_LABEL, top + i, level, 1, columns - level, path.get(level), 0));
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < paths.size() && paths.get(end).size() > level + 1 && samePrefix(path, paths.get(end), level)) {
                    end++;
                }
                slots.add(Slot.label(SlotKind.ROW_LABEL, top + i, level, end - i, 1, path.get(level), 0));
                i = end;
            }
        }
    }

    private static boolean samePrefix(List<String> a, List<String> b, int level) {
        return a.subList(0, level + 1).equals(b.subList(0, level + 1));
    }

    // ---- the legacy list ----------------------------------------------------------------------------------

    private static PrintedTable list(List<Table> group) {
        List<Slot> slots = new ArrayList<>();
        slots.add(Slot.label(SlotKind.HEADER, 0, 0, 1, 1, INDICATOR, 0));
        slots.add(Slot.label(SlotKind.HEADER, 0, 1, 1, 1, UNIT, 0));
        slots.add(Slot.label(SlotKind.HEADER, 0, 2, 1, 1, FIGURE, 0));
        int y = 1;
        List<List<String>> qualified = new ArrayList<>();
        for (Table t : group) {
            t.rows().forEach(r -> qualified.add(concat(t.labels(), t.rowLabels(r))));
        }
        List<String> names = shortest(qualified);
        int n = 0;
        for (Table t : group) {
            slots.add(Slot.label(SlotKind.ROW_LABEL, y++, 0, 1, 3, String.join(" ", t.labels()), 0));
            List<String> printed = new ArrayList<>();
            for (String row : t.rows()) {
                List<String> path = t.rowLabels(row);
                for (int level = 0; level < path.size() - 1; level++) {
                    String heading = path.get(level);
                    boolean shown = level < printed.size() && (printed.get(level).equals(heading)
                            || printed.get(level).startsWith(heading));
                    if (!shown) {
                        slots.add(Slot.label(SlotKind.ROW_LABEL, y++, 0, 1, 3, heading, level + 1));
                        set(printed, level, heading);
                    }
                }
                int level = path.size() - 1;
                set(printed, level, path.get(level));
                slots.add(Slot.label(SlotKind.ROW_LABEL, y, 0, 1, 1, path.get(level), level + 1));
                String cell = t.code() + "." + row;
                slots.add(Slot.label(SlotKind.UNIT, y, 1, 1, 1, unitOf(t, cell), 0));
                slots.add(Slot.value(y, 2, 1, cell, names.get(n++), ""));
                y++;
            }
        }
        return new PrintedTable(LIST_NAME, "政府信息公开情况统计表", group.stream().map(Table::code).toList(), y, 3,
                sorted(slots));
    }

    private static String unitOf(Table t, String cell) {
        return t.cells().stream().filter(c -> c.code().equals(cell)).findFirst().orElseThrow().unit();
    }

    /** Keeps the labels printed at each level, forgetting deeper ones when a level changes. */
    private static void set(List<String> printed, int level, String label) {
        while (printed.size() > level) {
            printed.remove(printed.size() - 1);
        }
        printed.add(label);
    }

    // ---- names --------------------------------------------------------------------------------------------

    /**
     * Each path's shortest ending that no other path of the list shares, joined by spaces: how a clerk names a row or
     * column (（七）总计; 1.属于国家秘密 becomes （三）不予公开 1.属于国家秘密, as 1. recurs under （四）).
     */
    static List<String> shortest(List<List<String>> paths) {
        List<String> names = new ArrayList<>(paths.size());
        for (List<String> path : paths) {
            int from = path.size() - 1;
            while (from > 0 && ambiguous(paths, path, from)) {
                from--;
            }
            names.add(String.join(" ", path.subList(Math.max(from, 0), path.size())));
        }
        return names;
    }

    private static boolean ambiguous(List<List<String>> paths, List<String> path, int from) {
        List<String> ending = path.subList(from, path.size());
        return paths.stream().filter(p -> p != path && p.size() >= ending.size())
                .anyMatch(p -> p.subList(p.size() - ending.size(), p.size()).equals(ending));
    }

    /** 三、收到和处理… → 表三; a section without a number keeps its label. */
    static String name(String section) {
        Matcher m = SECTION_NUMBER.matcher(section);
        return m.find() ? "表" + m.group(1) : section;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<Slot> sorted(List<Slot> slots) {
        return slots.stream().sorted(Comparator.comparingInt(Slot::row).thenComparingInt(Slot::column)).toList();
    }

    /** The layouts of several templates by id, for callers that keep them. */
    public static Map<String, PrintedLayout> of(List<Template> templates) {
        Map<String, PrintedLayout> byId = new java.util.LinkedHashMap<>();
        templates.forEach(t -> byId.put(t.id(), of(t)));
        return byId;
    }
}

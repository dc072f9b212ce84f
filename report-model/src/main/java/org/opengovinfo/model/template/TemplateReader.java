package org.opengovinfo.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovinfo.model.rule.AmountLimitRule;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Relation;
import org.opengovinfo.model.rule.Rule;
import org.opengovinfo.model.rule.RuleSet;
import org.opengovinfo.model.rule.Scope;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;

/**
 * Reads a template file and its rule file (see the README for the format). Strict: an unknown key, a missing
 * attribute, an unknown cell or an inconsistent rule fails with the file and the JSON path named.
 */
final class TemplateReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CELL_CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,2}");
    private final String file;
    private final StrictJson json;

    private TemplateReader(String file) {
        this.file = file;
        this.json = new StrictJson(file, TemplateDefinitionException::new);
    }

    /**
     * @param templateFile name of the template file, for messages
     * @param rulesFile name of the rule file, for messages
     */
    static Template read(String templateFile, InputStream template, String rulesFile, InputStream rules) {
        TemplateReader templateReader = new TemplateReader(templateFile);
        Layout layout = templateReader.layout(templateReader.json.parse(template));
        TemplateReader rulesReader = new TemplateReader(rulesFile);
        RuleSet ruleSet = rulesReader.rules(rulesReader.json.parse(rules), layout);
        return new Template(layout.id, layout.name, layout.authority, layout.years, layout.tables, ruleSet);
    }

    private record Layout(String id, String name, String authority, YearRange years, List<Table> tables, List<Cell> cells) {

        Cell cell(String code) {
            return cells.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        Table table(String code) {
            return tables.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        }
    }

    // ---- layout --------------------------------------------------------------------------------------------

    private Layout layout(JsonNode root) {
        json.allowOnly(root, "$", "id", "name", "authority", "years", "unit", "kind", "consolidation", "tables");
        String id = json.text(root, "id", "$");
        if (!ID.matcher(id).matches()) {
            throw fail("$.id: '" + id + "' is not a template id (lower-case letters, digits and _)");
        }
        JsonNode years = json.object(root, "years", "$");
        json.allowOnly(years, "$.years", "from", "to");
        YearRange range;
        try {
            range = new YearRange(integer(years, "from", "$.years"),
                    years.has("to") ? integer(years, "to", "$.years") : Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            throw fail("$.years: " + e.getMessage());
        }
        Attributes defaults = attributes(root, "$", Attributes.NONE);
        List<Table> tables = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        Set<String> tableCodes = new HashSet<>();
        JsonNode tableNodes = json.nonEmptyArray(root, "tables", "$");
        for (int i = 0; i < tableNodes.size(); i++) {
            String path = "$.tables[" + i + "]";
            Table table = table(tableNodes.get(i), path, defaults, cells);
            if (!tableCodes.add(table.code())) {
                throw fail(path + ": table code '" + table.code() + "' is used twice");
            }
            tables.add(table);
        }
        return new Layout(id, json.text(root, "name", "$"), json.text(root, "authority", "$"), range, tables, cells);
    }

    private Table table(JsonNode node, String path, Attributes defaults, List<Cell> cells) {
        json.allowOnly(node, path, "code", "label", "unit", "kind", "consolidation", "rows", "columns", "printed");
        String code = code(node, "code", path);
        List<String> labels = labels(node, path);
        Attributes tableAttributes = attributes(node, path, defaults);
        List<Line> rows = lines(json.nonEmptyArray(node, "rows", path), path + ".rows");
        List<Line> columns = node.has("columns")
                ? lines(json.nonEmptyArray(node, "columns", path), path + ".columns")
                : List.of();
        boolean across = printedAcross(node, path, columns);
        List<Cell> tableCells = new ArrayList<>();
        for (Line row : rows) {
            if (columns.isEmpty()) {
                tableCells.add(cell(cells, code + "." + row.code, concat(labels, row.labels),
                        row.attributes.over(tableAttributes)));
            }
            for (Line column : columns) {
                tableCells.add(cell(cells, code + "." + row.code + "." + column.code,
                        concat(concat(labels, row.labels), column.labels),
                        row.attributes.over(column.attributes).over(tableAttributes)));
            }
        }
        return new Table(code, labels, rows.stream().map(Line::code).toList(),
                columns.stream().map(Line::code).toList(), tableCells,
                rows.stream().map(Line::labels).toList(), columns.stream().map(Line::labels).toList(), across);
    }

    /**
     * {@code "printed": "across"} sets the rows side by side on one printed line (表四); {@code "down"}, the default,
     * one line per row. Only a table with columns can be printed across.
     */
    private boolean printedAcross(JsonNode node, String path, List<Line> columns) {
        if (!node.has("printed")) {
            return false;
        }
        String printed = json.text(node, "printed", path);
        return switch (printed) {
            case "down" -> false;
            case "across" -> {
                if (columns.isEmpty()) {
                    throw fail(path + ".printed: a table without columns cannot be printed across");
                }
                yield true;
            }
            default -> throw fail(path + ".printed: '" + printed + "' is not down or across");
        };
    }

    private Cell cell(List<Cell> cells, String code, List<String> labels, Attributes a) {
        if (a.unit == null || a.kind == null || a.consolidation == null) {
            throw fail("cell " + code + " has no " + (a.unit == null ? "unit" : a.kind == null ? "kind" : "consolidation")
                    + " (set it on the row, the column, the table or the template)");
        }
        if (a.kind == ValueKind.AMOUNT && !a.unit.equals("万元")) {
            throw fail("cell " + code + " is an amount, so its unit must be 万元, not " + a.unit);
        }
        if (a.kind == ValueKind.SIGNED_COUNT && a.consolidation != ConsolidationMode.DECLARED) {
            throw fail("cell " + code + " is a signed count, which cannot be summed or derived: declare it");
        }
        Cell cell = new Cell(cells.size(), code, labels, a.unit, a.kind, a.consolidation);
        cells.add(cell);
        return cell;
    }

    private record Line(String code, List<String> labels, Attributes attributes) {}

    private List<Line> lines(JsonNode array, String path) {
        List<Line> lines = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode node = array.get(i);
            json.allowOnly(node, p, "code", "label", "unit", "kind", "consolidation");
            String code = code(node, "code", p);
            if (!codes.add(code)) {
                throw fail(p + ": code '" + code + "' is used twice");
            }
            lines.add(new Line(code, labels(node, p), attributes(node, p, Attributes.NONE)));
        }
        return lines;
    }

    /** Unit, kind and consolidation: a more specific level (row, then column, table, template) wins. */
    private record Attributes(String unit, ValueKind kind, ConsolidationMode consolidation) {

        static final Attributes NONE = new Attributes(null, null, null);

        Attributes over(Attributes general) {
            return new Attributes(unit != null ? unit : general.unit,
                    kind != null ? kind : general.kind,
                    consolidation != null ? consolidation : general.consolidation);
        }
    }

    private Attributes attributes(JsonNode node, String path, Attributes general) {
        String unit = node.has("unit") ? json.text(node, "unit", path) : null;
        ValueKind kind = node.has("kind") ? enumValue(ValueKind.class, json.text(node, "kind", path), path + ".kind") : null;
        ConsolidationMode mode = node.has("consolidation")
                ? enumValue(ConsolidationMode.class, json.text(node, "consolidation", path), path + ".consolidation")
                : null;
        return new Attributes(unit, kind, mode).over(general);
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    private RuleSet rules(JsonNode root, Layout layout) {
        json.allowOnly(root, "$", "template", "rules");
        String declaredFor = json.text(root, "template", "$");
        if (!declaredFor.equals(layout.id)) {
            throw fail("$.template: rules are for template '" + declaredFor + "' but sit beside template '" + layout.id + "'");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode ruleNodes = json.nonEmptyArray(root, "rules", "$");
        for (int i = 0; i < ruleNodes.size(); i++) {
            String path = "$.rules[" + i + "]";
            JsonNode node = ruleNodes.get(i);
            String id = json.text(node, "id", path);
            if (!ids.add(id)) {
                throw fail(path + ": rule id '" + id + "' is used twice");
            }
            rules.addAll(rule(node, path + " (" + id + ")", id, layout));
        }
        checkEveryDerivedCellIsDefined(rules, layout);
        try {
            return new RuleSet(rules);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private List<Rule> rule(JsonNode node, String path, String id, Layout layout) {
        String check = json.text(node, "check", path);
        // Keys first: a misspelt key ("mesage") is named as unknown rather than reported as the one it misses.
        switch (check) {
            case "total" -> json.allowOnly(node, path, "id", "check", "severity", "message", "table", "per", "total", "parts");
            case "equal", "at-most" -> json.allowOnly(node, path, "id", "check", "severity", "message", "table", "per", "left", "right");
            case "amount-limit" -> json.allowOnly(node, path, "id", "check", "severity", "message", "cells", "max", "perItemOf");
            default -> throw fail(path + ".check: unknown check '" + check + "' (expected total, equal, at-most or amount-limit)");
        }
        Severity severity = node.has("severity")
                ? enumValue(Severity.class, json.text(node, "severity", path), path + ".severity")
                : Severity.ERROR;
        Message message = message(node, path);
        if (check.equals("amount-limit")) {
            return List.of(amountLimit(node, path, id, severity, message, layout));
        }
        boolean total = check.equals("total");
        String leftKey = total ? "total" : "left";
        String rightKey = total ? "parts" : "right";
        List<String> leftRefs = total ? List.of(json.text(node, "total", path)) : strings(node, "left", path);
        List<String> rightRefs = strings(node, rightKey, path);
        Relation relation = check.equals("at-most") ? Relation.AT_MOST : Relation.EQUAL;
        List<Rule> instances = new ArrayList<>();
        for (Expansion e : expansions(node, path, layout)) {
            List<Term> left = terms(leftRefs, e, path + "." + leftKey, layout);
            List<Term> right = terms(rightRefs, e, path + "." + rightKey, layout);
            int scale = commonScale(left, right, path + e.describe(), layout);
            if (total) {
                Cell t = layout.cells.get(left.get(0).cell());
                if (t.consolidation() != ConsolidationMode.DERIVED) {
                    throw fail(path + e.describe() + ": total " + t.code() + " must be a derived cell");
                }
            }
            try {
                instances.add(new SumRule(id, severity, message, relation, left, right, scale, total, e.scope(layout)));
            } catch (IllegalArgumentException ex) {
                throw fail(path + e.describe() + ": " + ex.getMessage());
            }
        }
        return instances;
    }

    /** A per-row or per-column rule stands for one rule per row or column; a plain rule for itself. */
    private record Expansion(String table, String row, String column) {

        String resolve(String ref) {
            if (table == null) {
                return ref;
            }
            return row != null ? table + "." + row + "." + ref : table + "." + ref + "." + column;
        }

        String describe() {
            return table == null ? "" : " [" + (row != null ? "row " + row : "column " + column) + "]";
        }

        /** The row or column this instance stands for, as findings carry it. */
        Scope scope(Layout layout) {
            if (table == null) {
                return null;
            }
            Table t = layout.table(table);
            return row != null
                    ? new Scope(Scope.Kind.ROW, table, row, t.rowLabels(row))
                    : new Scope(Scope.Kind.COLUMN, table, column, t.columnLabels(column));
        }

        /**
         * How a message names a cell among the rule's cells: by what varies. In a per-column rule the rows differ, so
         * a cell is its row's numbering (三、…（七）总计 → （三）（七）); in a per-row rule it is its column's label
         * (自然人); in a plain rule, the cell's own last label.
         */
        String name(Cell cell, Layout layout) {
            if (table == null || !cell.code().startsWith(table + ".")) {
                return cell.labels().isEmpty() ? cell.code() : cell.labels().get(cell.labels().size() - 1);
            }
            String[] parts = cell.code().split("\\.");
            Table t = layout.table(table);
            if (row != null) {
                List<String> labels = t.columnLabels(parts[2]);
                return labels.get(labels.size() - 1);
            }
            return numbering(t.rowLabels(parts[1]));
        }
    }

    private static final Pattern TOP_NUMBER = Pattern.compile("^([一二三四五六七八九十]+)、");
    private static final Pattern PAREN_NUMBER = Pattern.compile("^（[一二三四五六七八九十]+）");
    private static final Pattern DIGIT_NUMBER = Pattern.compile("^\\d+[.．]");

    /** The numbering of a label path as a clerk cites it: 一、 → （一）, then （七）, 1. as printed; else the last label. */
    static String numbering(List<String> labels) {
        StringBuilder s = new StringBuilder();
        for (String label : labels) {
            Matcher top = TOP_NUMBER.matcher(label);
            Matcher paren = PAREN_NUMBER.matcher(label);
            Matcher digit = DIGIT_NUMBER.matcher(label);
            if (top.find()) {
                s.append('（').append(top.group(1)).append('）');
            } else if (paren.find()) {
                s.append(paren.group());
            } else if (digit.find()) {
                s.append(digit.group());
            }
        }
        return s.length() > 0 ? s.toString() : labels.get(labels.size() - 1);
    }

    private List<Expansion> expansions(JsonNode node, String path, Layout layout) {
        if (!node.has("per") && !node.has("table")) {
            return List.of(new Expansion(null, null, null));
        }
        String per = json.text(node, "per", path);
        Table table = layout.table(json.text(node, "table", path));
        if (table == null) {
            throw fail(path + ".table: no table '" + node.get("table").asText() + "' in template " + layout.id);
        }
        if (table.columns().isEmpty()) {
            throw fail(path + ": table " + table.code() + " has no columns, so it has no per-row or per-column rules");
        }
        return switch (per) {
            case "row" -> table.rows().stream().map(r -> new Expansion(table.code(), r, null)).toList();
            case "column" -> table.columns().stream().map(c -> new Expansion(table.code(), null, c)).toList();
            default -> throw fail(path + ".per: expected 'row' or 'column', not '" + per + "'");
        };
    }

    private List<Term> terms(List<String> refs, Expansion expansion, String path, Layout layout) {
        List<Term> terms = new ArrayList<>();
        for (String ref : refs) {
            boolean previous = ref.startsWith(Finding.PREVIOUS_YEAR_PREFIX);
            String code = expansion.resolve(previous ? ref.substring(Finding.PREVIOUS_YEAR_PREFIX.length()) : ref);
            if (previous) {
                if (!CELL_CODE.matcher(code).matches()) {
                    throw fail(path + ": '" + ref + "' is not a cell code");
                }
                Cell same = layout.cell(code);
                terms.add(Term.previousYear(code).named(same == null ? code : expansion.name(same, layout)));
                continue;
            }
            Cell cell = layout.cell(code);
            if (cell == null) {
                throw fail(path + ": no cell '" + code + "' in template " + layout.id);
            }
            terms.add(Term.current(code, cell.index()).named(expansion.name(cell, layout)));
        }
        return terms;
    }

    private int commonScale(List<Term> left, List<Term> right, String path, Layout layout) {
        Set<ValueKind> kinds = new HashSet<>();
        for (List<Term> side : List.of(left, right)) {
            for (Term t : side) {
                Cell cell = t.previousYear() ? layout.cell(t.code()) : layout.cells.get(t.cell());
                if (cell != null) {
                    kinds.add(cell.kind());
                }
            }
        }
        Set<Integer> scales = new HashSet<>();
        kinds.forEach(k -> scales.add(k.scale()));
        if (scales.size() != 1) {
            throw fail(path + ": a rule cannot add up counts and amounts together " + kinds);
        }
        return scales.iterator().next();
    }

    private AmountLimitRule amountLimit(JsonNode node, String path, String id, Severity severity, Message message, Layout layout) {
        Expansion plain = new Expansion(null, null, null);
        List<Term> cells = terms(strings(node, "cells", path), plain, path + ".cells", layout);
        for (Term t : cells) {
            if (t.previousYear() || layout.cells.get(t.cell()).kind() != ValueKind.AMOUNT) {
                throw fail(path + ".cells: " + t.code() + " is not an amount cell of this year");
            }
        }
        Term perItemOf = null;
        if (node.has("perItemOf")) {
            perItemOf = terms(List.of(json.text(node, "perItemOf", path)), plain, path + ".perItemOf", layout).get(0);
            if (perItemOf.previousYear() || layout.cells.get(perItemOf.cell()).kind() != ValueKind.COUNT) {
                throw fail(path + ".perItemOf: " + perItemOf.code() + " is not a count cell of this year");
            }
        }
        BigDecimal max;
        try {
            max = new BigDecimal(json.text(node, "max", path));
        } catch (NumberFormatException e) {
            throw fail(path + ".max: not a decimal number");
        }
        try {
            return new AmountLimitRule(id, severity, message, cells, max, perItemOf);
        } catch (IllegalArgumentException e) {
            throw fail(path + ": " + e.getMessage());
        }
    }

    private void checkEveryDerivedCellIsDefined(List<Rule> rules, Layout layout) {
        Set<Integer> defined = new HashSet<>();
        for (Rule rule : rules) {
            if (rule instanceof SumRule sum && sum.isTotal()) {
                defined.add(sum.total().cell());
            }
        }
        for (Cell cell : layout.cells) {
            if (cell.consolidation() == ConsolidationMode.DERIVED && !defined.contains(cell.index())) {
                throw fail("derived cell " + cell.code() + " is the total of no total rule in the rule file");
            }
        }
    }

    private Message message(JsonNode node, String path) {
        JsonNode m = json.object(node, "message", path);
        json.allowOnly(m, path + ".message", "zh", "en");
        try {
            return new Message(json.text(m, "zh", path + ".message"), json.text(m, "en", path + ".message"));
        } catch (IllegalArgumentException e) {
            throw fail(path + ".message: " + e.getMessage());
        }
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------

    private String code(JsonNode node, String key, String path) {
        String code = json.text(node, key, path);
        if (!CODE.matcher(code).matches()) {
            throw fail(path + "." + key + ": '" + code + "' is not a code (lower-case letters, digits and _)");
        }
        return code;
    }

    private int integer(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw fail(path + "." + key + ": expected a whole number");
        }
        return v.asInt();
    }

    private List<String> strings(JsonNode node, String key, String path) {
        JsonNode array = json.nonEmptyArray(node, key, path);
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                throw fail(path + "." + key + ": expected strings");
            }
            values.add(v.asText());
        }
        return values;
    }

    private List<String> labels(JsonNode node, String path) {
        JsonNode label = node.get("label");
        if (label != null && label.isTextual()) {
            return List.of(json.text(node, "label", path));
        }
        return strings(node, "label", path);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw fail(path + ": unknown value '" + value + "'");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private TemplateDefinitionException fail(String problem) {
        return new TemplateDefinitionException(file + ": " + problem);
    }
}

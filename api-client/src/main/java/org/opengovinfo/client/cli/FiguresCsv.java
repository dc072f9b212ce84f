package org.opengovinfo.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures as CSV in the layout of the printed tables. Optional {@code unit,<id>} and {@code year,<year>} lines come
 * first; then each table is a block: a header line with the table code and its column codes, then one line per row
 * with the row code and the values in column order. Tables without columns (the legacy indicators) have the header
 * {@code <table>,value}. An empty value is a blank cell (not zero); values may be written as printed
 * ({@code 增加15}, {@code 63800万元}); a last column headed {@code label} is for people and ignored. Lines starting
 * with {@code #} are comments. {@code ogi template csv YEAR} prints an empty form.
 */
final class FiguresCsv {

    /** A parsed file: the unit and year if the file names them, and the cells. */
    record Parsed(String unit, Integer year, Map<String, Object> figures) {
    }

    private FiguresCsv() {}

    static Parsed parse(String text, JsonNode template) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (JsonNode t : template.get("tables")) {
            List<String> cols = new ArrayList<>();
            t.get("columns").forEach(c -> cols.add(c.asText()));
            Set<String> rs = new LinkedHashSet<>();
            t.get("rows").forEach(r -> rs.add(r.asText()));
            columns.put(t.get("code").asText(), cols);
            rows.put(t.get("code").asText(), rs);
        }
        String unit = null;
        Integer year = null;
        String table = null;
        List<String> header = List.of();
        Map<String, Object> figures = new LinkedHashMap<>();
        String[] lines = text.replace("\r\n", "\n").replace("\uFEFF", "").split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            String first = f.get(0).strip();
            String where = "line " + (n + 1) + ": ";
            if (first.equals("unit") && table == null) {
                unit = f.get(1).strip();
            } else if (first.equals("year") && table == null) {
                try {
                    year = Integer.valueOf(f.get(1).strip());
                } catch (NumberFormatException e) {
                    throw new UsageException(where + "year must be a number");
                }
            } else if (columns.containsKey(first)) {
                table = first;
                header = f.subList(1, f.size()).stream().map(String::strip).toList();
                if (!header.isEmpty() && header.get(header.size() - 1).equals("label")) {
                    header = header.subList(0, header.size() - 1);
                }
                List<String> expected = columns.get(table).isEmpty() ? List.of("value") : columns.get(table);
                for (String h : header) {
                    if (!expected.contains(h)) {
                        throw new UsageException(where + "table " + table + " has no column " + h + " (columns: "
                                + String.join(", ", expected) + ")");
                    }
                }
            } else if (table == null) {
                throw new UsageException(where + "expected a table header such as 's3,natural_person,…', not '" + first + "'");
            } else {
                if (!rows.get(table).contains(first)) {
                    throw new UsageException(where + "table " + table + " has no row " + first);
                }
                for (int i = 0; i < header.size(); i++) {
                    String value = i + 1 < f.size() ? f.get(i + 1).strip() : "";
                    if (value.isEmpty()) {
                        continue;
                    }
                    String code = header.get(i).equals("value") ? table + "." + first : table + "." + first + "." + header.get(i);
                    figures.put(code, value.matches("-?\\d+") ? (Object) Long.valueOf(value) : value);
                }
            }
        }
        return new Parsed(unit, year, figures);
    }

    /**
     * An empty form for a template. The last column names each row in Chinese: the label path of its cells without
     * the table's and the column's labels.
     */
    static String form(JsonNode template) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (JsonNode cell : template.get("cells")) {
            List<String> path = new ArrayList<>();
            cell.get("labels").forEach(l -> path.add(l.asText()));
            labels.put(cell.get("code").asText(), path);
        }
        StringBuilder out = new StringBuilder("# ").append(template.get("name").asText()).append(" (")
                .append(template.get("authority").asText()).append(")\nunit,\nyear,\n");
        for (JsonNode t : template.get("tables")) {
            String code = t.get("code").asText();
            int tableLabels = t.get("labels").size();
            List<String> cols = new ArrayList<>();
            t.get("columns").forEach(c -> cols.add(c.asText()));
            out.append('\n').append(code).append(',').append(cols.isEmpty() ? "value" : String.join(",", cols)).append(",label\n");
            List<List<String>> paths = new ArrayList<>();
            for (JsonNode r : t.get("rows")) {
                paths.add(labels.get(code + "." + r.asText() + (cols.isEmpty() ? "" : "." + cols.get(0))));
            }
            int columnLabels = cols.isEmpty() ? 0 : paths.size() == 1 ? 1 : commonSuffix(paths);
            for (int i = 0; i < paths.size(); i++) {
                List<String> path = paths.get(i);
                out.append(t.get("rows").get(i).asText()).append(",".repeat(Math.max(1, cols.size()))).append(',')
                        .append(quote(String.join(" / ", path.subList(tableLabels, path.size() - columnLabels)))).append('\n');
            }
        }
        return out.toString();
    }

    /** How many trailing label segments every path shares: the column's own label. */
    private static int commonSuffix(List<List<String>> paths) {
        int n = 0;
        while (true) {
            String segment = null;
            for (List<String> p : paths) {
                if (p.size() <= n) {
                    return n;
                }
                String s = p.get(p.size() - 1 - n);
                if (segment == null) {
                    segment = s;
                } else if (!segment.equals(s)) {
                    return n;
                }
            }
            n++;
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

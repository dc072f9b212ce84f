package org.opengovinfo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovinfo.client.Results.Cell;
import org.opengovinfo.client.Results.Table;
import org.opengovinfo.client.Results.Template;

/**
 * Figures as CSV in the layout of the printed tables. Optional {@code unit,<id>} and {@code year,<year>} lines come
 * first; then each table is a block: a header line with the table code and its column codes, then one line per row
 * with the row code and the values in column order. Tables without columns (the legacy indicators) have the header
 * {@code <table>,value}. An empty value is a blank cell (not zero); values may be written as printed
 * ({@code 增加15}, {@code 63800万元}); a last column headed {@code label} is for people and ignored. Lines starting
 * with {@code #} are comments; a UTF-8 byte order mark and CRLF line ends are fine. {@code ogi template csv YEAR}
 * prints an empty form.
 */
final class FiguresCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader LINES = CSV.readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.ALLOW_COMMENTS)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final ObjectWriter LINE = CSV.writerFor(String[].class)
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    private static final String LABEL = "label";

    /** One line of a file: its number (from 1) and its fields, stripped of surrounding spaces. */
    record Line(int number, List<String> fields) {

        String first() {
            return fields.get(0);
        }

        String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** A file as read: the unit and year if its first lines name them, and every line after those. */
    record Form(String unit, Integer year, List<Line> lines) {
    }

    private FiguresCsv() {}

    /** Reads the lines of a form; only the CSV itself is checked here, not the tables (that needs the template). */
    static Form read(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<List<String>> rows = LINES.readValues(bytes)) {
            while (rows.hasNextValue()) {
                List<String> fields = rows.nextValue();
                int number = rows.getParser().currentTokenLocation().getLineNr();
                List<String> stripped = fields.stream().map(f -> f == null ? "" : f.strip()).toList();
                if (!stripped.isEmpty() && !stripped.stream().allMatch(String::isEmpty)) {
                    lines.add(new Line(number, stripped));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UsageException((line > 0 ? "line " + line + ": " : "") + "not readable as CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("not readable as CSV: " + e.getMessage());
        }
        String unit = null;
        Integer year = null;
        int preamble = 0;
        for (Line line : lines) {
            if (line.first().equals("unit")) {
                unit = line.field(1).isEmpty() ? null : line.field(1);
            } else if (line.first().equals("year")) {
                year = line.field(1).isEmpty() ? null : year(line);
            } else {
                break;
            }
            preamble++;
        }
        return new Form(unit, year, lines.subList(preamble, lines.size()));
    }

    private static Integer year(Line line) {
        try {
            return Integer.valueOf(line.field(1));
        } catch (NumberFormatException e) {
            throw new UsageException("line " + line.number() + ": the year must be a number such as 2021, not '"
                    + line.field(1) + "'");
        }
    }

    /** The cells a form fills in, checked against the template's tables, rows and columns. */
    static Map<String, Object> figures(Form form, Template template) {
        Map<String, Table> tables = new LinkedHashMap<>();
        template.tables().forEach(t -> tables.put(t.code(), t));
        Map<String, Integer> seen = new HashMap<>();
        Table table = null;
        List<String> header = List.of();
        boolean labelled = false;
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Line line : form.lines()) {
            String where = "line " + line.number() + ": ";
            String first = line.first();
            if (tables.containsKey(first)) {
                table = tables.get(first);
                header = line.fields().subList(1, line.fields().size());
                labelled = !header.isEmpty() && header.get(header.size() - 1).equals(LABEL);
                if (labelled) {
                    header = header.subList(0, header.size() - 1);
                }
                List<String> expected = table.columns().isEmpty() ? List.of("value") : table.columns();
                for (String h : header) {
                    if (!expected.contains(h)) {
                        throw new UsageException(where + "table " + table.code() + " has no column '" + h + "' (columns: "
                                + String.join(", ", expected) + ")");
                    }
                }
            } else if (table == null) {
                throw new UsageException(where + "expected a table header such as 's3,natural_person,…' or the "
                        + "unit and year lines before it, not '" + first + "'");
            } else if (!table.rows().contains(first)) {
                throw new UsageException(where + "table " + table.code() + " has no row '" + first + "'");
            } else {
                Integer before = seen.put(table.code() + "." + first, line.number());
                if (before != null) {
                    throw new UsageException(where + "row " + first + " of table " + table.code()
                            + " is given twice (also on line " + before + ")");
                }
                int values = header.size() + (labelled ? 1 : 0);
                for (int i = values + 1; i < line.fields().size(); i++) {
                    if (!line.field(i).isEmpty()) {
                        throw new UsageException(where + "more values than table " + table.code() + "'s header names ('"
                                + line.field(i) + "' in field " + (i + 1) + ")");
                    }
                }
                for (int i = 0; i < header.size(); i++) {
                    String value = line.field(i + 1);
                    if (!value.isEmpty()) {
                        String code = header.get(i).equals("value") ? table.code() + "." + first
                                : table.code() + "." + first + "." + header.get(i);
                        figures.put(code, value(value));
                    }
                }
            }
        }
        return figures;
    }

    /** Whole numbers that fit a long go as numbers; anything else as text for the service to read. */
    private static Object value(String text) {
        if (text.matches("-?\\d{1,18}")) {
            return Long.valueOf(text);
        }
        return text;
    }

    /**
     * An empty form for a template. The last column names each row in Chinese: the label path of its cells without
     * the table's and the column's labels.
     */
    static String form(Template template) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            labels.put(cell.code(), cell.labels());
        }
        StringBuilder out = new StringBuilder("# ").append(template.name()).append(" (").append(template.authority())
                .append(")\n");
        line(out, "unit", "");
        line(out, "year", "");
        for (Table t : template.tables()) {
            List<String> cols = t.columns();
            out.append('\n');
            List<String> header = new ArrayList<>();
            header.add(t.code());
            header.addAll(cols.isEmpty() ? List.of("value") : cols);
            header.add(LABEL);
            line(out, header.toArray(String[]::new));
            List<List<String>> paths = new ArrayList<>();
            for (String r : t.rows()) {
                paths.add(labels.get(t.code() + "." + r + (cols.isEmpty() ? "" : "." + cols.get(0))));
            }
            int columnLabels = cols.isEmpty() ? 0 : paths.size() == 1 ? 1 : commonSuffix(paths);
            for (int i = 0; i < paths.size(); i++) {
                List<String> path = paths.get(i);
                String[] row = new String[Math.max(1, cols.size()) + 2];
                row[0] = t.rows().get(i);
                for (int c = 1; c < row.length - 1; c++) {
                    row[c] = "";
                }
                row[row.length - 1] = String.join(" / ", path.subList(t.labels().size(), path.size() - columnLabels));
                line(out, row);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String... fields) {
        try {
            out.append(LINE.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CSV line", e);
        }
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
}

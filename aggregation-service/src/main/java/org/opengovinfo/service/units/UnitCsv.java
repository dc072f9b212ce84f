package org.opengovinfo.service.units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovinfo.service.system.ProblemException;

/**
 * Reads a hierarchy from CSV: a header {@code id,name,kind,divisionCode,fromYear,toYear,parent}, then one row per
 * unit — or one row per span of years for a unit that moved, each with that span's parent. Empty cells are blank;
 * fields may be quoted with {@code "}.
 */
final class UnitCsv {

    static final List<String> HEADER = List.of("id", "name", "kind", "divisionCode", "fromYear", "toYear", "parent");

    private UnitCsv() {}

    static List<UnitInput> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        if (lines.length == 0 || !fields(lines[0], 1).equals(HEADER)) {
            throw ProblemException.badRequest("request.malformed_csv", "the first line must be " + String.join(",", HEADER));
        }
        Map<String, List<List<String>>> rowsById = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> row = fields(lines[i], i + 1);
            if (row.size() != HEADER.size()) {
                throw ProblemException.badRequest("request.malformed_csv",
                        "line " + (i + 1) + " has " + row.size() + " fields, expected " + HEADER.size());
            }
            row.add(Integer.toString(i + 1));
            rowsById.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row);
        }
        List<UnitInput> units = new ArrayList<>();
        rowsById.forEach((id, rows) -> units.add(unit(rows)));
        return units;
    }

    private static UnitInput unit(List<List<String>> rows) {
        List<String> first = rows.get(0);
        if (rows.size() == 1) {
            return new UnitInput(blank(first.get(0)), blank(first.get(1)), blank(first.get(2)), blank(first.get(3)),
                    year(first, 4), year(first, 5), blank(first.get(6)), null);
        }
        List<UnitInput.PlacementInput> placements = new ArrayList<>();
        rows.sort((a, b) -> Integer.compare(year(a, 4) == null ? 0 : year(a, 4), year(b, 4) == null ? 0 : year(b, 4)));
        for (List<String> row : rows) {
            placements.add(new UnitInput.PlacementInput(year(row, 4), year(row, 5), blank(row.get(6))));
        }
        List<String> last = rows.get(rows.size() - 1);
        return new UnitInput(blank(first.get(0)), blank(first.get(1)), blank(first.get(2)), blank(first.get(3)),
                year(rows.get(0), 4), year(last, 5), null, placements);
    }

    private static Integer year(List<String> row, int column) {
        String v = blank(row.get(column));
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("request.malformed_csv",
                    "line " + row.get(row.size() - 1) + ": " + HEADER.get(column) + " '" + v + "' is not a year");
        }
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Splits one CSV line; a quoted field may contain commas and doubled quotes. */
    static List<String> fields(String line, int lineNumber) {
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
        if (quoted) {
            throw ProblemException.badRequest("request.malformed_csv", "line " + lineNumber + " has an unclosed quote");
        }
        fields.add(field.toString());
        return fields;
    }
}

package org.opengovinfo.service.units;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/**
 * Reads a hierarchy from CSV (Jackson's CSV reader): a header {@code id,name,kind,divisionCode,fromYear,toYear,parent},
 * then one row per unit — or one row per span of years for a unit that moved, each with that span's parent. Empty
 * cells are blank; fields may be quoted; a UTF-8 byte order mark, CRLF line ends and the empty trailing columns a
 * spreadsheet writes are accepted.
 */
final class UnitCsv {

    static final List<String> HEADER = List.of("id", "name", "kind", "divisionCode", "fromYear", "toYear", "parent");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private UnitCsv() {}

    /** A unit as read, with the CSV line that gave it (its first, for a unit on several lines). */
    record Row(UnitInput unit, int line) {
    }

    static List<Row> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(body)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                List<String> row = it.nextValue();
                rows.add(trimTrailingEmpty(row));
                lines.add(line);
            }
        } catch (IOException | RuntimeException e) {
            throw ErrorCode.REQUEST_MALFORMED_CSV.problem(rows.size() + 1, new Words("无法读取（引号未闭合？）",
                    "cannot be read (an unclosed quote?)"));
        }
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            throw ErrorCode.REQUEST_MALFORMED_CSV.problem(1, new Words("表头应为 " + String.join(",", HEADER),
                    "the header must be " + String.join(",", HEADER)));
        }
        Map<String, List<List<String>>> rowsById = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = lines.get(i);
            if (row.isEmpty() || row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != HEADER.size()) {
                throw ErrorCode.REQUEST_MALFORMED_CSV.problem(line, new Words(
                        "有 " + row.size() + " 个字段，应为 " + HEADER.size() + " 个",
                        "has " + row.size() + " fields, expected " + HEADER.size()));
            }
            List<String> numbered = new ArrayList<>(row);
            numbered.add(Integer.toString(line));
            rowsById.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(numbered);
            firstLine.putIfAbsent(row.get(0), line);
        }
        List<Row> units = new ArrayList<>();
        rowsById.forEach((id, unitRows) -> units.add(new Row(unit(unitRows), firstLine.get(id))));
        return units;
    }

    /** Spreadsheets pad every row to the widest one with empty cells; those are not fields. */
    private static List<String> trimTrailingEmpty(List<String> row) {
        int n = row.size();
        while (n > HEADER.size() && row.get(n - 1).isBlank()) {
            n--;
        }
        return row.subList(0, n);
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

    /** A year as four ASCII digits; anything else is refused naming the line, never read loosely. */
    private static Integer year(List<String> row, int column) {
        String v = blank(row.get(column));
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{4}")) {
            throw ErrorCode.REQUEST_MALFORMED_CSV.problem(row.get(row.size() - 1), new Words(
                    HEADER.get(column) + " “" + Redaction.clip(v) + "” 不是年度",
                    HEADER.get(column) + " '" + Redaction.clip(v) + "' is not a year"));
        }
        return Integer.valueOf(v);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}

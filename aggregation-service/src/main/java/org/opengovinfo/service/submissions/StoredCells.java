package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovinfo.service.system.Json;

/**
 * Reads the cells of stored figures: a flat JSON object of cell code → number, as this service writes it. A year's
 * figures are read back for hundreds of thousands of units, where a general JSON parser building maps took most of
 * the time; anything not in the written form (an escape, a string value, nesting) goes to the general parser.
 */
final class StoredCells {

    private static final TypeReference<LinkedHashMap<String, Object>> CELLS = new TypeReference<>() {};

    private StoredCells() {}

    /**
     * The form {@link #parse} reads fastest: cell code → {@link Long} or {@link BigDecimal}, written without a
     * general serializer since every PUT stores one or two of these. A cell marked not applicable is kept as its mark
     * (text), which the general writer and parser handle.
     */
    static String write(Map<String, Object> cells) {
        StringBuilder json = new StringBuilder(16 + cells.size() * 40).append('{');
        for (Map.Entry<String, Object> cell : cells.entrySet()) {
            String code = cell.getKey();
            if (needsEscape(code)) {
                return Json.write(cells);
            }
            Object value = cell.getValue();
            if (value instanceof String) {
                return Json.write(cells); // a cell marked not applicable, kept as its mark
            }
            json.append(json.length() == 1 ? "\"" : ",\"").append(code).append("\":")
                    .append(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        }
        return json.append('}').toString();
    }

    private static boolean needsEscape(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** Cell code → {@link Long} or {@link BigDecimal} ({@code null} for an explicit null). */
    static Map<String, Object> parse(String json) {
        Map<String, Object> cells = new LinkedHashMap<>();
        int n = json.length();
        int i = skipSpace(json, 0);
        if (i >= n || json.charAt(i) != '{' || json.indexOf('\\') >= 0) {
            return general(json);
        }
        i = skipSpace(json, i + 1);
        if (i < n && json.charAt(i) == '}') {
            return cells;
        }
        while (i < n) {
            if (json.charAt(i) != '"') {
                return general(json);
            }
            int keyEnd = json.indexOf('"', i + 1);
            if (keyEnd < 0) {
                return general(json);
            }
            String key = json.substring(i + 1, keyEnd);
            i = skipSpace(json, keyEnd + 1);
            if (i >= n || json.charAt(i) != ':') {
                return general(json);
            }
            int start = skipSpace(json, i + 1);
            int end = start;
            while (end < n && json.charAt(end) != ',' && json.charAt(end) != '}' && !Character.isWhitespace(json.charAt(end))) {
                end++;
            }
            Object value = number(json, start, end);
            if (value == NOT_A_NUMBER || cells.containsKey(key)) {
                return general(json);
            }
            cells.put(key, value);
            i = skipSpace(json, end);
            if (i < n && json.charAt(i) == '}') {
                return skipSpace(json, i + 1) == n ? cells : general(json);
            }
            if (i >= n || json.charAt(i) != ',') {
                return general(json);
            }
            i = skipSpace(json, i + 1);
        }
        return general(json);
    }

    private static final Object NOT_A_NUMBER = new Object();

    private static Object number(String json, int start, int end) {
        if (end == start) {
            return NOT_A_NUMBER;
        }
        if (json.startsWith("null", start) && end - start == 4) {
            return null;
        }
        boolean integral = end - start < 19;
        for (int k = start; k < end; k++) {
            char c = json.charAt(k);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(k == start && c == '-')) {
                if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                    return NOT_A_NUMBER;
                }
                integral = false;
            }
        }
        try {
            return integral ? (Object) Long.parseLong(json, start, end, 10) : new BigDecimal(json.substring(start, end));
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Map<String, Object> general(String json) {
        return Json.read(json, CELLS);
    }
}

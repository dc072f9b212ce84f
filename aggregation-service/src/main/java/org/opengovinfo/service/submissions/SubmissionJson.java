package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.ProblemException;

/**
 * Reads submission bodies strictly: a duplicate key, an unknown field or a wrong type is a 400 naming it; numbers
 * stay exact (decimals as {@link java.math.BigDecimal}, integers beyond {@code long} as
 * {@link java.math.BigInteger}, so the model can report the overflow).
 *
 * <p>Read as a stream of tokens straight into the input maps: building a tree of the body first and walking it took
 * a tenth of the service's CPU time per PUT.
 */
final class SubmissionJson {

    private static final Set<String> FIELDS = Set.of("template", "figures", "declared");
    private static final Set<String> BATCH_FIELDS = Set.of("year", "dryRun", "submissions");
    private static final Set<String> BATCH_ITEM_FIELDS = Set.of("unit", "template", "figures", "declared");

    private SubmissionJson() {}

    static SubmissionInput submission(String body) {
        return read(body, p -> {
            SubmissionInput input = submission(p, "", FIELDS).input();
            end(p);
            return input;
        });
    }

    /** A batch: {@code {"year": 2021, "dryRun": false, "submissions": [{"unit": "…", "figures": {…}}, …]}}. */
    record Batch(int year, boolean dryRun, List<Map.Entry<String, SubmissionInput>> submissions) {
    }

    static Batch batch(String body) {
        return read(body, p -> {
            requireObject(p, "the body");
            Integer year = null;
            boolean dryRun = false;
            List<Map.Entry<String, SubmissionInput>> submissions = null;
            for (String field; (field = field(p, "", BATCH_FIELDS)) != null; ) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "year" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw wrongType("year must be a whole number");
                        }
                        year = p.getIntValue();
                    }
                    case "dryRun" -> {
                        if (!t.isBoolean()) {
                            throw wrongType("dryRun must be true or false");
                        }
                        dryRun = t == JsonToken.VALUE_TRUE;
                    }
                    default -> submissions = items(p);
                }
            }
            end(p);
            if (year == null) {
                throw wrongType("year must be a whole number");
            }
            if (submissions == null || submissions.isEmpty()) {
                throw wrongType("submissions must be a non-empty list");
            }
            return new Batch(year, dryRun, submissions);
        });
    }

    private static List<Map.Entry<String, SubmissionInput>> items(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType("submissions must be a non-empty list");
        }
        List<Map.Entry<String, SubmissionInput>> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "submissions[" + items.size() + "].";
            Item item = submission(p, where, BATCH_ITEM_FIELDS);
            if (item.unit() == null) {
                throw wrongType(where + "unit must be a unit id");
            }
            items.add(Map.entry(item.unit(), item.input()));
        }
        return items;
    }

    private record Item(String unit, SubmissionInput input) {
    }

    /** The object at the parser's current token, which is left at its end. */
    private static Item submission(JsonParser p, String where, Set<String> fields) throws IOException {
        requireObject(p, where.isEmpty() ? "the body" : where.substring(0, where.length() - 1));
        String unit = null;
        String template = null;
        Map<String, Object> figures = null;
        Map<String, Object> declared = Map.of();
        for (String field; (field = field(p, where, fields)) != null; ) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "unit" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw wrongType(where + "unit must be a unit id");
                    }
                    unit = p.getText();
                }
                case "template" -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_STRING) {
                        throw wrongType(where + "template must be a template id");
                    }
                    template = t == JsonToken.VALUE_NULL ? null : p.getText();
                }
                case "figures" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw wrongType(where + "figures must be an object of cell code → value");
                    }
                    figures = cells(p);
                }
                default -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.START_OBJECT) {
                        throw wrongType(where + "declared must be an object of cell code → value");
                    }
                    declared = t == JsonToken.VALUE_NULL ? Map.of() : cells(p);
                }
            }
        }
        if (figures == null) {
            throw wrongType(where + "figures must be an object of cell code → value");
        }
        return new Item(unit, new SubmissionInput(template, figures, declared));
    }

    private static Map<String, Object> cells(JsonParser p) throws IOException {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (String code; (code = p.nextFieldName()) != null; ) {
            cells.put(code, value(p, p.nextToken()));
        }
        return cells;
    }

    /** A cell's value as the model takes it; a list or an object stands for itself, for the model to refuse. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE, VALUE_FALSE -> t == JsonToken.VALUE_TRUE;
            case START_ARRAY -> {
                p.skipChildren();
                yield List.of();
            }
            default -> {
                p.skipChildren();
                yield Map.of();
            }
        };
    }

    /** The next field name of the object being read, {@code null} at its end; a field not in {@code fields} refused. */
    private static String field(JsonParser p, String where, Set<String> fields) throws IOException {
        String field = p.nextFieldName();
        if (field != null && !fields.contains(field)) {
            throw ProblemException.badRequest("request.unknown_field",
                    "unknown field " + where + field + " (expected " + String.join(", ", fields.stream().sorted().toList()) + ")");
        }
        return field;
    }

    private interface Reading<T> {
        T from(JsonParser p) throws IOException;
    }

    private static <T> T read(String body, Reading<T> reading) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("request.malformed_json", "the body is empty");
        }
        try (JsonParser p = Json.MAPPER.createParser(body)) {
            p.nextToken();
            return reading.from(p);
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            String code = message.startsWith("Duplicate field") ? "request.duplicate_key" : "request.malformed_json";
            throw ProblemException.badRequest(code, message + location(e));
        } catch (IOException e) {
            throw ProblemException.badRequest("request.malformed_json", e.getMessage());
        }
    }

    /** Nothing may follow the body's value. */
    private static void end(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "Unexpected content after the body's JSON value");
        }
    }

    private static String location(JsonParseException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static void requireObject(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(what + " must be a JSON object");
        }
    }

    private static ProblemException wrongType(String detail) {
        return ProblemException.badRequest("request.wrong_type", detail);
    }
}

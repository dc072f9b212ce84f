package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.service.system.Bodies;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;

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
                            throw wrongType("year", Words.WHOLE_NUMBER);
                        }
                        year = ReportYears.check(p.getIntValue());
                    }
                    case "dryRun" -> {
                        if (!t.isBoolean()) {
                            throw wrongType("dryRun", Words.TRUE_OR_FALSE);
                        }
                        dryRun = t == JsonToken.VALUE_TRUE;
                    }
                    default -> submissions = items(p);
                }
            }
            end(p);
            if (year == null) {
                throw wrongType("year", Words.WHOLE_NUMBER);
            }
            if (submissions == null || submissions.isEmpty()) {
                throw wrongType("submissions", NON_EMPTY_LIST);
            }
            return new Batch(year, dryRun, submissions);
        });
    }

    private static List<Map.Entry<String, SubmissionInput>> items(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType("submissions", NON_EMPTY_LIST);
        }
        List<Map.Entry<String, SubmissionInput>> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "submissions[" + items.size() + "].";
            Item item = submission(p, where, BATCH_ITEM_FIELDS);
            if (item.unit() == null) {
                throw wrongType(where + "unit", UNIT_ID);
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
                        throw wrongType(where + "unit", UNIT_ID);
                    }
                    unit = p.getText();
                }
                case "template" -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_STRING) {
                        throw wrongType(where + "template", TEMPLATE_ID);
                    }
                    template = t == JsonToken.VALUE_NULL ? null : p.getText();
                }
                case "figures" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw wrongType(where + "figures", CELLS);
                    }
                    figures = cells(p);
                }
                default -> {
                    if (t != JsonToken.VALUE_NULL && t != JsonToken.START_OBJECT) {
                        throw wrongType(where + "declared", CELLS);
                    }
                    declared = t == JsonToken.VALUE_NULL ? Map.of() : cells(p);
                }
            }
        }
        if (figures == null) {
            throw wrongType(where + "figures", CELLS);
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
            throw ErrorCode.REQUEST_UNKNOWN_FIELD.problem(Redaction.clip(where + field),
                    String.join(", ", fields.stream().sorted().toList()));
        }
        return field;
    }

    private interface Reading<T> {
        T from(JsonParser p) throws IOException;
    }

    private static <T> T read(String body, Reading<T> reading) {
        if (body == null || body.isBlank()) {
            throw ErrorCode.REQUEST_BODY_MISSING.problem();
        }
        try (JsonParser p = Json.MAPPER.createParser(body)) {
            p.nextToken();
            return reading.from(p);
        } catch (JsonProcessingException e) {
            throw Bodies.malformed(e);
        } catch (IOException e) {
            throw ErrorCode.REQUEST_MALFORMED_JSON.problem("?");
        }
    }

    /** Nothing may follow the body's value. */
    private static void end(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "Unexpected content after the body's JSON value");
        }
    }

    private static void requireObject(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(what, Words.OBJECT);
        }
    }

    private static ProblemException wrongType(String where, Words expected) {
        return ErrorCode.REQUEST_WRONG_TYPE.problem(where, expected);
    }

    private static final Words NON_EMPTY_LIST = new Words("非空列表", "a non-empty list");
    private static final Words UNIT_ID = new Words("单位编号（文本）", "a unit id (text)");
    private static final Words TEMPLATE_ID = new Words("报告格式编号（文本）", "a template id (text)");
    private static final Words CELLS = new Words("“单元格代码 → 数值”的 JSON 对象", "an object of cell code → value");
}

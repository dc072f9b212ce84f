package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
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
 */
final class SubmissionJson {

    private static final ObjectMapper JSON = Json.MAPPER;

    private static final Set<String> FIELDS = Set.of("template", "figures", "declared");
    private static final Set<String> BATCH_FIELDS = Set.of("year", "dryRun", "submissions");
    private static final Set<String> BATCH_ITEM_FIELDS = Set.of("unit", "template", "figures", "declared");

    private SubmissionJson() {}

    static SubmissionInput submission(String body) {
        return submission(parse(body), "", FIELDS);
    }

    /** A batch: {@code {"year": 2021, "dryRun": false, "submissions": [{"unit": "…", "figures": {…}}, …]}}. */
    record Batch(int year, boolean dryRun, List<Map.Entry<String, SubmissionInput>> submissions) {
    }

    static Batch batch(String body) {
        JsonNode root = parse(body);
        requireObject(root, "the body");
        allowOnly(root, "", BATCH_FIELDS);
        JsonNode year = root.get("year");
        if (year == null || !year.isIntegralNumber() || !year.canConvertToInt()) {
            throw ProblemException.badRequest("request.wrong_type", "year must be a whole number");
        }
        JsonNode dryRun = root.get("dryRun");
        if (dryRun != null && !dryRun.isBoolean()) {
            throw ProblemException.badRequest("request.wrong_type", "dryRun must be true or false");
        }
        JsonNode items = root.get("submissions");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ProblemException.badRequest("request.wrong_type", "submissions must be a non-empty list");
        }
        List<Map.Entry<String, SubmissionInput>> submissions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "submissions[" + i + "].";
            JsonNode item = items.get(i);
            requireObject(item, where.substring(0, where.length() - 1));
            JsonNode unit = item.get("unit");
            if (unit == null || !unit.isTextual()) {
                throw ProblemException.badRequest("request.wrong_type", where + "unit must be a unit id");
            }
            submissions.add(Map.entry(unit.asText(), submission(item, where, BATCH_ITEM_FIELDS)));
        }
        return new Batch(year.asInt(), dryRun != null && dryRun.asBoolean(), submissions);
    }

    private static SubmissionInput submission(JsonNode root, String where, Set<String> fields) {
        requireObject(root, where.isEmpty() ? "the body" : where.substring(0, where.length() - 1));
        allowOnly(root, where, fields);
        JsonNode template = root.get("template");
        if (template != null && !template.isNull() && !template.isTextual()) {
            throw ProblemException.badRequest("request.wrong_type", where + "template must be a template id");
        }
        JsonNode figures = root.get("figures");
        if (figures == null || !figures.isObject()) {
            throw ProblemException.badRequest("request.wrong_type", where + "figures must be an object of cell code → value");
        }
        JsonNode declared = root.get("declared");
        if (declared != null && !declared.isNull() && !declared.isObject()) {
            throw ProblemException.badRequest("request.wrong_type", where + "declared must be an object of cell code → value");
        }
        return new SubmissionInput(template == null || template.isNull() ? null : template.asText(),
                cells(figures), declared == null || declared.isNull() ? Map.of() : cells(declared));
    }

    private static Map<String, Object> cells(JsonNode object) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            cells.put(e.getKey(), value(e.getValue()));
        }
        return cells;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.getNodeType() == JsonNodeType.BOOLEAN) {
            return v.asBoolean();
        }
        return v.isArray() ? List.of() : Map.of();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("request.malformed_json", "the body is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            String code = message.startsWith("Duplicate field") ? "request.duplicate_key" : "request.malformed_json";
            throw ProblemException.badRequest(code, message + location(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("request.malformed_json", e.getOriginalMessage() + location(e));
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw ProblemException.badRequest("request.wrong_type", what + " must be a JSON object");
        }
    }

    private static void allowOnly(JsonNode node, String where, Set<String> fields) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                throw ProblemException.badRequest("request.unknown_field",
                        "unknown field " + where + field + " (expected " + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }
}

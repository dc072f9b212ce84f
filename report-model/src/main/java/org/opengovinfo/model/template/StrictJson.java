package org.opengovinfo.model.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading a definition file strictly, for the readers of the files beside the templates: duplicate keys refused,
 * decimals exact, and every problem thrown as the reader's own exception naming the file and the JSON path
 * ({@code 2021.text.json: $.statements[3].phrases[0]: expected a non-blank string}).
 */
public final class StrictJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String file;
    private final Function<String, RuntimeException> failure;

    /** @param failure makes the reader's exception from a message that already names the file */
    public StrictJson(String file, Function<String, RuntimeException> failure) {
        this.file = file;
        this.failure = failure;
    }

    /** The file's root object. */
    public JsonNode parse(InputStream in) {
        if (in == null) {
            throw fail("file not found");
        }
        try (in) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw fail("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw failure.apply(file + ": malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw failure.apply(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Refuses keys other than {@code keys} (and a node that is no object). */
    public void allowOnly(JsonNode node, String path, String... keys) {
        if (node == null || !node.isObject()) {
            throw fail(path + ": expected an object");
        }
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(path + ": unknown key '" + key + "' (allowed: " + String.join(", ", keys) + ")");
            }
        }
    }

    public JsonNode object(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject()) {
            throw fail(path + "." + key + ": expected an object");
        }
        return v;
    }

    public JsonNode nonEmptyArray(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw fail(path + "." + key + ": expected a non-empty array");
        }
        return v;
    }

    /** An array that may be left out or empty. */
    public JsonNode array(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null) {
            return JSON.createArrayNode();
        }
        if (!v.isArray()) {
            throw fail(path + "." + key + ": expected an array");
        }
        return v;
    }

    public String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw fail(path + "." + key + ": expected a non-blank string");
        }
        return v.asText();
    }

    /** A non-empty array of non-blank strings. */
    public List<String> texts(JsonNode node, String key, String path) {
        JsonNode array = nonEmptyArray(node, key, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual() || array.get(i).asText().isBlank()) {
                throw fail(path + "." + key + "[" + i + "]: expected a non-blank string");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    public int positiveInt(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || v.asInt() <= 0) {
            throw fail(path + "." + key + ": expected a positive whole number");
        }
        return v.asInt();
    }

    /** An exact number. */
    public java.math.BigDecimal number(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw fail(path + "." + key + ": expected a number");
        }
        return v.decimalValue();
    }

    /** The reader's exception, its message prefixed with the file. */
    public RuntimeException fail(String problem) {
        return failure.apply(file + ": " + problem);
    }
}

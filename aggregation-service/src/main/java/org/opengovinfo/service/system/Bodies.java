package org.opengovinfo.service.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into records strictly: a duplicate key, an unknown field, trailing content or a value of
 * the wrong JSON type is refused, never coerced ({@code 2020.5} is not the year 2020, {@code 5} is not the text
 * "5", {@code ["reader"]} is not "reader").
 */
public final class Bodies {

    /** Where in the body a value had the wrong type, e.g. {@code units[3].fromYear}, and what it must be. */
    public record Mismatch(String path, Words expected) {
    }

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    // a number of thousands of digits is no year and no count; refuse it before parsing it, which
                    // takes time quadratic in its length
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(64).build())
                    .build())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .findAndAddModules()
            .build();

    private Bodies() {}

    /** The body as a {@code type}; a value of the wrong type is {@code request.wrong_type}. */
    public static <T> T read(String body, Class<T> type) {
        return read(body, type, m -> ErrorCode.REQUEST_WRONG_TYPE.problem(m.path(), m.expected()));
    }

    /** The body as a {@code type}; a value of the wrong type is refused with the problem {@code mismatch} makes. */
    public static <T> T read(String body, Class<T> type, Function<Mismatch, ProblemException> mismatch) {
        if (body == null || body.isBlank()) {
            throw ErrorCode.REQUEST_BODY_MISSING.problem();
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ErrorCode.REQUEST_UNKNOWN_FIELD.problem(path(e.getPath()),
                    known(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw ErrorCode.REQUEST_MALFORMED_JSON.problem(location(e));
            }
            throw mismatch.apply(new Mismatch(path(e.getPath()), expected(e.getTargetType())));
        } catch (JsonMappingException e) {
            // a number beyond the range of its field, say: the mapper names where it was
            throw mismatch.apply(new Mismatch(path(e.getPath()),
                    e.getCause() instanceof InputCoercionException ? Words.WHOLE_NUMBER : new Words("另一种类型", "another type")));
        } catch (InputCoercionException e) {
            throw mismatch.apply(new Mismatch(e.getProcessor() == null ? "?" : currentName(e), Words.WHOLE_NUMBER));
        } catch (JsonParseException e) {
            throw malformed(e);
        } catch (JsonProcessingException e) {
            throw ErrorCode.REQUEST_MALFORMED_JSON.problem(location(e));
        }
    }

    /** A syntax error, or a key given twice. */
    public static ProblemException malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            int open = message.indexOf('\'');
            int close = message.lastIndexOf('\'');
            return ErrorCode.REQUEST_DUPLICATE_KEY.problem(open >= 0 && close > open
                    ? Redaction.clip(message.substring(open + 1, close)) : "?");
        }
        return ErrorCode.REQUEST_MALFORMED_JSON.problem(location(e));
    }

    /** Where the parser stopped, in words that name no Java type. */
    static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "?"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String currentName(InputCoercionException e) {
        com.fasterxml.jackson.core.JsonParser p = e.getProcessor();
        String name = p == null || p.getParsingContext() == null ? null : p.getParsingContext().getCurrentName();
        return name == null ? "the body" : Redaction.clip(name);
    }

    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(Redaction.clip(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "the body" : out.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static Words expected(Class<?> type) {
        if (type == null) {
            return new Words("另一种类型", "another type");
        }
        if (type == String.class) {
            return Words.TEXT;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Words.WHOLE_NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Words.TRUE_OR_FALSE;
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return Words.LIST;
        }
        return Words.OBJECT;
    }
}

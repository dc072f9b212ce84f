package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the framework raises before a controller runs — malformed JSON, unknown routes, oversize bodies, wrong
 * media types — answered as problem+json with stable codes, like the features' own problems.
 */
@Primary
@Singleton
public class FrameworkErrors implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkErrors.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String code = codeFor(status, context);
        String detail;
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> LOG.error("{} {} failed", context.getRequest().getMethod(),
                    context.getRequest().getPath(), cause));
            detail = "The service failed to answer; the error is in its log.";
        } else {
            List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
            detail = messages.isEmpty() ? status.getReason() : String.join("; ", messages);
        }
        Problem problem = new Problem("urn:problem:" + code, status.getReason(), status.getCode(), code, detail, null);
        MutableHttpResponse<Problem> response = base.contentType(ProblemHandler.PROBLEM_JSON).body(problem);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            response.body(null);
        }
        return response;
    }

    private static String codeFor(HttpStatus status, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        return switch (status) {
            case BAD_REQUEST -> badRequestCode(cause, context);
            case NOT_FOUND -> "route.not_found";
            case METHOD_NOT_ALLOWED -> "request.method_not_allowed";
            case REQUEST_ENTITY_TOO_LARGE -> "request.too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "request.unsupported_media_type";
            case NOT_ACCEPTABLE -> "request.not_acceptable";
            default -> status.getCode() >= 500 ? "server.error" : "request.invalid";
        };
    }

    private static String badRequestCode(Throwable cause, ErrorContext context) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        context.getErrors().forEach(e -> text.append(e.getMessage()).append('\n'));
        String all = text.toString();
        if (all.contains("Duplicate field") || all.contains("Duplicate property")) {
            return "request.duplicate_key";
        }
        if (all.contains("Unknown property")) {
            return "request.unknown_field";
        }
        return cause instanceof ConversionErrorException || isJsonError(cause) ? "request.malformed_json" : "request.invalid";
    }

    private static boolean isJsonError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getClass().getName().contains("Json") || t.getClass().getName().contains("Serde")) {
                return true;
            }
        }
        return false;
    }
}

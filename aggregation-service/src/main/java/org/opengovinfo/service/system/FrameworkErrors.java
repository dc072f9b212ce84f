package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the framework raises before a controller runs — unknown routes, oversize bodies, wrong media types,
 * parameters that cannot be converted — answered as problem+json with a code of {@link ErrorCode}, like the
 * features' own problems. The framework's own wording never reaches the client: it names Java types and settings.
 */
@Primary
@Singleton
public class FrameworkErrors implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkErrors.class);

    private final String sizeLimit;

    FrameworkErrors(HttpServerConfiguration server) {
        this.sizeLimit = megabytes(server.getMaxRequestSize());
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        if (status.getCode() >= 500) {
            LOG.error("{} {} failed", context.getRequest().getMethod(), Redaction.path(context.getRequest()), cause);
        }
        ProblemException problem = problem(status, cause, context);
        MutableHttpResponse<Problem> answer = ProblemHandler.respond(context.getRequest(), problem.toProblem());
        base.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer;
    }

    private ProblemException problem(HttpStatus status, Throwable cause, ErrorContext context) {
        return switch (status) {
            case BAD_REQUEST -> badRequest(cause);
            case NOT_FOUND -> ErrorCode.ROUTE_NOT_FOUND.problem();
            case METHOD_NOT_ALLOWED -> ErrorCode.REQUEST_METHOD_NOT_ALLOWED.problem();
            case REQUEST_ENTITY_TOO_LARGE -> ErrorCode.REQUEST_TOO_LARGE.problem(sizeLimit);
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.REQUEST_UNSUPPORTED_MEDIA_TYPE.problem();
            case NOT_ACCEPTABLE -> ErrorCode.REQUEST_NOT_ACCEPTABLE.problem();
            case FORBIDDEN -> ErrorCode.REQUEST_CORS_REFUSED.problem(
                    context.getRequest().getHeaders().getOrigin().map(Redaction::clip).orElse("?"));
            default -> status.getCode() >= 500 ? ErrorCode.SERVER_ERROR.problem() : ErrorCode.REQUEST_INVALID.problem();
        };
    }

    private static ProblemException badRequest(Throwable cause) {
        if (cause instanceof UnsatisfiedBodyRouteException) {
            return ErrorCode.REQUEST_BODY_MISSING.problem();
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return ErrorCode.REQUEST_INVALID_PARAMETER.problem(missing.getArgument().getName(), "",
                    new Words("必填项", "given"));
        }
        if (cause instanceof ConversionErrorException conversion) {
            Object value = conversion.getConversionError().getOriginalValue().orElse("");
            return ErrorCode.REQUEST_INVALID_PARAMETER.problem(conversion.getArgument().getName(),
                    Redaction.clip(String.valueOf(value)), expected(conversion.getArgument().getType()));
        }
        return ErrorCode.REQUEST_INVALID.problem();
    }

    private static Words expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return Words.TRUE_OR_FALSE;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return Words.WHOLE_NUMBER;
        }
        return Words.TEXT;
    }

    /** The limit as people write it: 16 MB. */
    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}

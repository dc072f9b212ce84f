package org.opengovinfo.service.system;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Thrown by features to refuse a request; {@link ProblemHandler} answers it as problem+json. Made by
 * {@link ErrorCode#problem} so that every refusal has a listed code and a message in Chinese and English.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode error;
    private final String detailZh;
    private final transient List<?> errors;

    ProblemException(ErrorCode error, List<?> errors, Object... args) {
        this(error, error.en(args), error.zh(args), errors);
    }

    private ProblemException(ErrorCode error, String detailEn, String detailZh, List<?> errors) {
        super(detailEn, null, false, false);
        this.error = error;
        this.detailZh = detailZh;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** The same refusal listing {@code errors} instead (findings told where a form holds their cells). */
    public ProblemException withErrors(List<?> errors) {
        return new ProblemException(error, getMessage(), detailZh, errors);
    }

    public ErrorCode error() {
        return error;
    }

    public HttpStatus status() {
        return error.status();
    }

    public String code() {
        return error.code();
    }

    /** The English detail. */
    public String detail() {
        return getMessage();
    }

    /** The detail in the current request's language (Chinese by default). */
    public String localDetail() {
        return Languages.pick(detailZh, getMessage());
    }

    public String detailZh() {
        return detailZh;
    }

    /** Every individual problem (findings, hierarchy problems), or {@code null}. */
    public List<?> errors() {
        return errors;
    }

    /** The answer's body. */
    public Problem toProblem() {
        return Problem.of(error, getMessage(), detailZh, errors);
    }
}

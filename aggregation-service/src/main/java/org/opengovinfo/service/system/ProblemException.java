package org.opengovinfo.service.system;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** Thrown by features to answer with a problem; {@link ProblemHandler} turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<?> errors;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    public ProblemException(HttpStatus status, String code, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<?> errors() {
        return errors;
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail, List<?> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, errors);
    }
}

package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** Answers every {@link ProblemException} as {@code application/problem+json}. */
@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        return respond(e.status(), e.code(), e.getMessage(), e.errors());
    }

    public static MutableHttpResponse<Problem> respond(HttpStatus status, String code, String detail, List<?> errors) {
        Problem problem = new Problem("urn:problem:" + code, status.getReason(), status.getCode(), code, detail, errors);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON).body(problem);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}

package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers every {@link ProblemException} as {@code application/problem+json}. */
@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        return respond(request, e.toProblem());
    }

    /** The problem as an answer: its status, problem+json, and for 401 the scheme to authenticate with. */
    public static MutableHttpResponse<Problem> respond(HttpRequest<?> request, Problem problem) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON);
        if (request == null || request.getMethod() != HttpMethod.HEAD) {
            response.body(problem.in(Languages.english(request)));
        }
        response.header("Content-Language", Languages.english(request) ? "en" : "zh");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}

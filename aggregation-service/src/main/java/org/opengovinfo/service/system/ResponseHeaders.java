package org.opengovinfo.service.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff} (a browser never guesses a JSON answer to be
 * a page), and for the API, which answers only to a token and whose figures change, {@code Cache-Control: no-store}
 * unless the endpoint says otherwise (a snapshot, which never changes, is {@code private} and kept).
 *
 * <p>It runs first and so sees every answer last, also the bare 403 the framework gives a browser request from
 * another site (no site is allowed: the service's pages are its own): that one becomes a problem too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ResponseHeaders implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        if (request.getPath().startsWith("/api/") && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        if (response.status() == HttpStatus.FORBIDDEN && response.getBody().isEmpty()
                && request.getHeaders().getOrigin().isPresent()) {
            Problem problem = ErrorCode.REQUEST_CORS_REFUSED.problem(Redaction.clip(request.getHeaders().getOrigin().get()))
                    .toProblem();
            response.contentType(ProblemHandler.PROBLEM_JSON);
            if (request.getMethod() != HttpMethod.HEAD) {
                ((MutableHttpResponse<Object>) response).body(problem);
            }
        }
    }
}

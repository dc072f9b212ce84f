package org.opengovinfo.service.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff} (a browser never guesses a JSON answer to be
 * a page), and for the API, which answers only to a token and whose figures change, {@code Cache-Control: no-store}
 * unless the endpoint says otherwise (a snapshot, which never changes, is {@code private} and kept).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ResponseHeaders {

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        if (request.getPath().startsWith("/api/") && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}

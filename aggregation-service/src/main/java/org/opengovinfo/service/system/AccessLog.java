package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request ({@code ACCESS_LOG=false} turns it off): client, method, path with any secret in it replaced,
 * status, size and milliseconds. A token sent in the query string is refused, and must not then sit in the log.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "reports.access-log", notEquals = "false")
class AccessLog implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    private static final Logger LOG = LoggerFactory.getLogger("HTTP_ACCESS_LOGGER");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        LOG.info(line(request.getRemoteAddress().getAddress().getHostAddress(), request.getMethodName(),
                Redaction.path(request), response.code(), response.getContentLength(), System.nanoTime() - started));
    }

    /** One line of the log: {@code 127.0.0.1 "PUT /api/v1/units/x/figures/2021" 200 512 41 ms}. */
    static String line(String client, String method, String path, int status, long length, long nanos) {
        return client + " \"" + method + " " + path + "\" " + status + " " + (length < 0 ? "-" : length) + " "
                + nanos / 1_000_000 + " ms";
    }
}

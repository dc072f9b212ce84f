package org.opengovinfo.service.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import org.opengovinfo.service.system.Problem;

/**
 * What every page of the web app carries: a Content-Security-Policy that lets nothing run or load but the service's
 * own scripts and style sheets (no inline script, no inline event handler, no inline style), may not be framed, and
 * posts forms only to itself; pages are not cached. A refusal of a page (a problem the API would answer as JSON) is
 * shown as a Chinese error page, and a missing or ended session sends the browser to sign in.
 */
@ServerFilter({"/", "/sign-in", "/sign-out", "/web/**", "/assets/**", "/webjars/**"})
class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final Html html;

    PageHeaders(Html html) {
        this.html = html;
    }

    /** The error page's model. */
    record ErrorPage(int status, String code, String message) {
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (path.startsWith("/web/") && response.getBody().orElse(null) instanceof Problem problem) {
            if (problem.status() == HttpStatus.UNAUTHORIZED.getCode()) {
                response.status(HttpStatus.SEE_OTHER);
                response.getHeaders().remove("WWW-Authenticate");
                response.header(HttpHeaders.LOCATION, "/");
                ((MutableHttpResponse<Object>) response).body(new byte[0]);
            } else {
                String page = html.render("error", new ErrorPage(problem.status(), problem.code(), problem.detailZh()));
                ((MutableHttpResponse<Object>) response).body(page.getBytes(StandardCharsets.UTF_8));
            }
            response.contentType(Html.HTML_UTF8);
        }
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        if (!path.startsWith("/assets/") && !path.startsWith("/webjars/")) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}

package org.opengovinfo.service.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Optional;
import org.opengovinfo.service.access.WebSessions;
import org.opengovinfo.service.system.ProblemException;

/**
 * Signing in and out: the only pages anyone may open without a session. A token typed into the form (never a URL)
 * is exchanged for a session cookie — HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Secure when the request came over TLS — and the token is not kept by the browser.
 */
@Hidden
@Controller
class SignInController {

    static final String HOME = "/web/home";

    private final WebSessions sessions;
    private final SignIns signIns;
    private final Html html;

    SignInController(WebSessions sessions, SignIns signIns, Html html) {
        this.sessions = sessions;
        this.signIns = signIns;
        this.html = html;
    }

    /** The sign-in page's model: a message after a failed attempt. */
    record SignIn(@Nullable String message) {
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<?> start(HttpRequest<?> request) {
        if (sessions.isSignedIn(cookie(request).orElse(null))) {
            return HttpResponse.seeOther(URI.create(HOME));
        }
        return html.page("sign-in", new SignIn(null));
    }

    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(@Body("token") @Nullable String token, HttpRequest<?> request) {
        if (crossSite(request)) {
            return html.page(HttpStatus.FORBIDDEN, "sign-in", new SignIn("不接受来自其他网站的登录请求。"));
        }
        WebSessions.SignedIn signedIn;
        try {
            signedIn = signIns.signIn(token);
        } catch (ProblemException refused) {
            return html.page(HttpStatus.UNAUTHORIZED, "sign-in", new SignIn("无法登录：" + refused.toProblem().detailZh()));
        }
        Cookie cookie = Cookie.of(WebSessions.COOKIE, signedIn.id()).httpOnly(true).sameSite(SameSite.Strict).path("/")
                .secure(secure(request)).maxAge(sessions.lifetime());
        return HttpResponse.seeOther(URI.create(HOME)).cookie(cookie);
    }

    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(@Body("_csrf") @Nullable String csrf, HttpRequest<?> request) {
        Optional<String> id = cookie(request);
        if (id.isPresent() && !sessions.signOut(id.get(), csrf) && sessions.isSignedIn(id.get())) {
            // a live session without its CSRF token: another site's form; nothing is ended
            return html.page(HttpStatus.FORBIDDEN, "sign-in", new SignIn("退出请求缺少本次登录的校验码，未执行。"));
        }
        Cookie gone = Cookie.of(WebSessions.COOKIE, "").httpOnly(true).sameSite(SameSite.Strict).path("/")
                .secure(secure(request)).maxAge(0);
        return HttpResponse.seeOther(URI.create("/")).cookie(gone);
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue);
    }

    /** Over TLS: directly, or behind a proxy that says so. */
    static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /** A sign-in posted by another site's page (login CSRF): the browser says so in Sec-Fetch-Site or Origin. */
    private static boolean crossSite(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (origin == null) {
            return false;
        }
        try {
            return host == null || !host.equals(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException notAnOrigin) {
            return true;
        }
    }
}

package org.opengovinfo.service.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Words;

/** Who a bearer token belongs to, and whether they may act on a unit in a year. */
@Singleton
public class AccessControl {

    private static final String SCHEME = "Bearer ";

    private final TokenStore tokens;
    private final SessionStore sessions;
    private final Scopes scopes;
    private final Clock clock;
    private final String adminTokenHash;
    private final String scrapeTokenHash;

    AccessControl(TokenStore tokens, SessionStore sessions, Scopes scopes, Clock clock, @Value("${reports.admin-token:}") String adminToken,
                  @Value("${reports.scrape-token:}") String scrapeToken) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.scopes = scopes;
        this.clock = clock;
        this.adminTokenHash = adminToken.isBlank() ? null : TokenStore.hash(adminToken);
        this.scrapeTokenHash = scrapeToken.isBlank() ? null : TokenStore.hash(scrapeToken);
    }

    /**
     * The principal behind a token given in the configuration ({@code ADMIN_TOKEN}, {@code SCRAPE_TOKEN}), told
     * without the database: so that metrics can still be scraped while the database is down, which is when they
     * matter most.
     */
    public Optional<Principal> configured(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String hash = TokenStore.hash(authorization.substring(SCHEME.length()).strip());
        if (hash.equals(adminTokenHash)) {
            return Optional.of(new Principal("admin", Role.ADMINISTRATOR, null));
        }
        if (hash.equals(scrapeTokenHash)) {
            return Optional.of(new Principal("scraper", Role.SCRAPER, null));
        }
        return Optional.empty();
    }

    /**
     * The principal behind an {@code Authorization: Bearer ogi_…} header (the scheme in any case, as RFC 9110 says).
     *
     * @throws ProblemException 401 with {@code auth.missing}, {@code auth.malformed}, {@code auth.invalid},
     *     {@code auth.expired} or {@code auth.revoked}
     */
    public Principal authenticate(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ErrorCode.AUTH_MISSING.problem();
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw ErrorCode.AUTH_MALFORMED.problem();
        }
        String secret = authorization.substring(SCHEME.length()).strip();
        if (!secret.startsWith(TokenStore.PREFIX)) {
            throw ErrorCode.AUTH_MALFORMED.problem();
        }
        return byTokenHash(TokenStore.hash(secret));
    }

    /**
     * The principal of a request: its bearer token if it has an {@code Authorization} header, else the web app's
     * session cookie — which is the token it was exchanged for, checked the same way (revoked or expired, the session
     * is too). A write (any method but GET, HEAD, OPTIONS) on a session must carry the session's CSRF token in
     * {@code X-CSRF-Token}; a bearer token needs none (a browser never sends one by itself).
     *
     * @throws ProblemException 401 as {@link #authenticate(String)}, or {@code auth.session} for a session that is
     *     unknown, signed out or expired; 403 {@code auth.csrf} for a write without the session's CSRF token
     */
    public Principal authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<Cookie> cookie = request.getCookies().findCookie(WebSessions.COOKIE);
        if (authorization != null || cookie.isEmpty()) {
            return authenticate(authorization);
        }
        SessionStore.Stored session = sessions.find(cookie.get().getValue())
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .orElseThrow(ErrorCode.AUTH_SESSION::problem);
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS
                && !sameSecret(session.csrf(), request.getHeaders().get(WebSessions.CSRF_HEADER))) {
            throw ErrorCode.AUTH_CSRF.problem();
        }
        Principal principal = byTokenHash(session.tokenHash());
        request.setAttribute(CurrentPrincipal.CSRF_ATTRIBUTE, session.csrf());
        return principal;
    }

    /** Whether {@code given} is the secret, compared in constant time. */
    static boolean sameSecret(String secret, @Nullable String given) {
        return given != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** The principal of a token known by its hash: configured, or stored, neither revoked nor expired. */
    Principal byTokenHash(String hash) {
        if (hash.equals(adminTokenHash)) {
            return new Principal("admin", Role.ADMINISTRATOR, null);
        }
        if (hash.equals(scrapeTokenHash)) {
            return new Principal("scraper", Role.SCRAPER, null);
        }
        TokenStore.Token token = tokens.byHash(hash).orElseThrow(ErrorCode.AUTH_INVALID::problem);
        if (token.revokedAt() != null) {
            throw ErrorCode.AUTH_REVOKED.problem();
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(clock.instant())) {
            throw ErrorCode.AUTH_EXPIRED.problem(token.expiresAt());
        }
        return new Principal(token.principal(), token.role(), token.scope());
    }

    /** Refuses (403) unless the principal's role grants the permission. */
    public void require(Principal principal, Permission permission) {
        if (!principal.role().grants(permission)) {
            throw ErrorCode.FORBIDDEN_ROLE.problem(principal.name(), principal.role().code(), permission.words());
        }
    }

    /** Refuses (403) unless {@code unit} lies in the principal's subtree in {@code year}. */
    public void requireWithin(Principal principal, String unit, int year) {
        if (!isWithin(principal, unit, year)) {
            throw ErrorCode.FORBIDDEN_OUTSIDE_SCOPE.problem(principal.name(), principal.scope(), year, unit);
        }
    }

    /** Refuses (403) unless {@code unit} lies in the principal's subtree in every year it is in force. */
    public void requireWithinEveryYear(Principal principal, String unit) {
        if (!isWithinEveryYear(principal, unit)) {
            throw ErrorCode.FORBIDDEN_OUTSIDE_SCOPE.problem(principal.name(), principal.scope(),
                    new Words("某些", "some years"), unit);
        }
    }

    /** Refuses (403) unless {@code unit} lies in the principal's subtree in the present report year. */
    public void requireWithinPresentYear(Principal principal, String unit) {
        if (principal.scope() != null) {
            requireWithin(principal, unit, scopes.presentYear(unit).orElse(0));
        }
    }

    /** Refuses (403) unless the principal's token covers everything, not one subtree. */
    public void requireGlobal(Principal principal, Words what) {
        if (principal.scope() != null) {
            throw ErrorCode.FORBIDDEN_GLOBAL.problem(principal.name(), principal.scope(), what);
        }
    }

    public boolean isWithin(Principal principal, String unit, int year) {
        return principal.scope() == null || scopes.isWithin(unit, principal.scope(), year);
    }

    public boolean isWithinEveryYear(Principal principal, String unit) {
        return principal.scope() == null || scopes.isWithinEveryYear(unit, principal.scope());
    }
}

package org.opengovinfo.service.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to the web app: a token exchanged for a session whose id the browser keeps in an HttpOnly cookie (the
 * token itself never reaches a URL or the browser's storage), and signing out. A session is its token: the
 * request's principal is found by {@link AccessControl#authenticate(io.micronaut.http.HttpRequest)} exactly as for
 * a bearer token, and every check after that is the API's.
 */
@Singleton
public class WebSessions {

    /** The session cookie's name. */
    public static final String COOKIE = "ogi_session";
    /** The header a page sends its session's CSRF token in with every write. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** A new session: the secret for the cookie, the CSRF token, whose it is and until when. */
    public record SignedIn(String id, String csrf, Principal principal, Instant expiresAt) {
    }

    private final AccessControl access;
    private final SessionStore store;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration lifetime;

    WebSessions(AccessControl access, SessionStore store, TransactionOperations<Connection> transactions,  Clock clock, @Value("${reports.session-lifetime:12h}") Duration lifetime) {
        this.access = access;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** How long a session lasts from sign-in. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Exchanges a token for a session.
     *
     * @throws org.opengovinfo.service.system.ProblemException 401 as for the token in an {@code Authorization} header
     */
    public SignedIn signIn(@Nullable String token) {
        return transactions.executeWrite(status -> {
            String secret = token == null ? "" : token.strip();
            Principal principal = access.authenticate(secret.isEmpty() ? null : "Bearer " + secret);
            String id = SessionStore.newSecret();
            String csrf = SessionStore.newSecret();
            Instant now = clock.instant();
            Instant expires = now.plus(lifetime);
            store.insert(id, TokenStore.hash(secret), csrf, now, expires);
            return new SignedIn(id, csrf, principal, expires);
        });
    }

    /**
     * Ends the session {@code id} if {@code csrf} is its CSRF token (a page's sign-out button sends it; another site
     * cannot), and every expired session with it.
     *
     * @return whether a session was ended
     */
    public boolean signOut(@Nullable String id, @Nullable String csrf) {
        if (id == null) {
            return false;
        }
        return transactions.executeWrite(status -> {
            Optional<SessionStore.Stored> session = store.find(id);
            if (session.isEmpty() || !AccessControl.sameSecret(session.get().csrf(), csrf)) {
                return false;
            }
            store.delete(id, clock.instant());
            return true;
        });
    }

    /** The session of this cookie value, if it is one and has not expired: whether to show the sign-in page. */
    public boolean isSignedIn(@Nullable String id) {
        if (id == null) {
            return false;
        }
        return transactions.executeRead(status -> store.find(id).filter(s -> s.expiresAt().isAfter(clock.instant())).isPresent());
    }
}

package org.opengovinfo.service.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
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
    private final Scopes scopes;
    private final Clock clock;
    private final String adminTokenHash;
    private final String scrapeTokenHash;

    AccessControl(TokenStore tokens, Scopes scopes, Clock clock, @Value("${reports.admin-token:}") String adminToken,
                  @Value("${reports.scrape-token:}") String scrapeToken) {
        this.tokens = tokens;
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
        Optional<Principal> configured = configured(authorization);
        if (configured.isPresent()) {
            return configured.get();
        }
        String hash = TokenStore.hash(secret);
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

package org.opengovinfo.service.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.units.UnitService;

/** Who a bearer token belongs to, and whether they may act on a unit. */
@Singleton
public class AccessControl {

    private final TokenStore tokens;
    private final UnitService units;
    private final String adminTokenHash;

    AccessControl(TokenStore tokens, UnitService units, @Value("${reports.admin-token:}") String adminToken) {
        this.tokens = tokens;
        this.units = units;
        this.adminTokenHash = adminToken.isBlank() ? null : TokenStore.hash(adminToken);
    }

    /**
     * The principal behind an {@code Authorization: Bearer ogi_…} header.
     *
     * @throws ProblemException 401 with {@code auth.missing}, {@code auth.malformed}, {@code auth.invalid},
     *     {@code auth.expired} or {@code auth.revoked}
     */
    public Principal authenticate(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("auth.missing", "this endpoint needs a token: Authorization: Bearer <token>");
        }
        if (!authorization.startsWith("Bearer ") || !authorization.substring(7).strip().startsWith(TokenStore.PREFIX)) {
            throw unauthorized("auth.malformed", "the Authorization header must be 'Bearer " + TokenStore.PREFIX + "…'");
        }
        String hash = TokenStore.hash(authorization.substring(7).strip());
        if (hash.equals(adminTokenHash)) {
            return new Principal("admin", Role.ADMINISTRATOR, null);
        }
        TokenStore.Token token = tokens.byHash(hash).orElseThrow(() ->
                unauthorized("auth.invalid", "the token is not one this service issued"));
        if (token.revokedAt() != null) {
            throw unauthorized("auth.revoked", "the token was revoked");
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(Instant.now())) {
            throw unauthorized("auth.expired", "the token expired at " + token.expiresAt());
        }
        return new Principal(token.principal(), token.role(), token.scope());
    }

    /** Refuses (403) unless the principal's role grants the permission. */
    public void require(Principal principal, Permission permission) {
        if (!principal.role().grants(permission)) {
            throw forbidden(principal.name() + " (" + principal.role().code() + ") may not " + permission.name().toLowerCase());
        }
    }

    /** Refuses (403) unless {@code unit} lies in the principal's subtree, in {@code year} if given. */
    public void requireWithin(Principal principal, String unit, @Nullable Integer year) {
        if (principal.scope() != null && !units.isWithin(unit, principal.scope(), year)) {
            throw forbidden(principal.name() + " may act only within " + principal.scope() + ", not on " + unit
                    + (year == null ? "" : " in " + year));
        }
    }

    /** Refuses (403) unless the principal's token covers everything, not one subtree. */
    public void requireGlobal(Principal principal, String what) {
        if (principal.scope() != null) {
            throw forbidden(principal.name() + " may act only within " + principal.scope() + ", so may not " + what);
        }
    }

    /** Whether {@code unit} lies in the principal's subtree, in {@code year} if given. */
    public boolean isWithin(Principal principal, String unit, @Nullable Integer year) {
        return principal.scope() == null || units.isWithin(unit, principal.scope(), year);
    }

    static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "access.forbidden", detail);
    }
}

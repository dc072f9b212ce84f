package org.opengovinfo.service.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.units.UnitService;

@Tag(name = "access")
@Controller("/api/v1")
class AccessController {

    private final TokenStore tokens;
    private final AccessControl access;
    private final CurrentPrincipal principal;
    private final AuditLog audit;
    private final UnitService units;

    AccessController(TokenStore tokens, AccessControl access, CurrentPrincipal principal, AuditLog audit, UnitService units) {
        this.tokens = tokens;
        this.access = access;
        this.principal = principal;
        this.audit = audit;
        this.units = units;
    }

    /** A token request: whom it is for, the role, the unit whose subtree it covers (none: everything), expiry. */
    @Serdeable
    record TokenRequest(@Nullable String principal, @Nullable String role, @Nullable String scope,
                        @Nullable String expiresAt) {
    }

    /** A token as listed; {@code token}, the secret, appears only in the answer that creates it. */
    @Serdeable
    record TokenView(String id, String principal, String role, @Nullable String scope, Instant createdAt,
                     String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable String token) {

        static TokenView of(TokenStore.Token t, String secret) {
            return new TokenView(t.id(), t.principal(), t.role().code(), t.scope(), t.createdAt(), t.createdBy(),
                    t.expiresAt(), t.revokedAt(), secret);
        }
    }

    @Operation(summary = "Issue a token; the secret is shown in this answer only")
    @Post("/tokens")
    @Access(Permission.MANAGE_TOKENS)
    @Transactional
    HttpResponse<TokenView> create(@Body TokenRequest request) {
        Principal who = principal.get();
        if (request.principal() == null || request.principal().isBlank() || request.principal().length() > 128) {
            throw ProblemException.badRequest("token.invalid_principal", "principal must name the person or script, 1–128 characters");
        }
        Role role = request.role() == null ? null : Role.parse(request.role()).orElse(null);
        if (role == null) {
            throw ProblemException.badRequest("token.unknown_role", "role must be administrator, consolidator, reporter or reader");
        }
        if (request.scope() == null) {
            access.requireGlobal(who, "issue tokens for everything");
        } else {
            units.get(request.scope());
            access.requireWithin(who, request.scope(), null);
        }
        Instant expiresAt = null;
        if (request.expiresAt() != null) {
            try {
                expiresAt = Instant.parse(request.expiresAt());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("token.invalid_expiry", "expiresAt must be an instant such as 2027-01-31T16:00:00Z");
            }
        }
        String secret = TokenStore.newSecret();
        TokenStore.Token token = TokenStore.token(request.principal(), role, request.scope(), who.name(), expiresAt);
        tokens.insert(token, secret);
        audit.record("token.created", request.scope(), null, Map.of("token", token.id(), "principal", token.principal(),
                "role", role.code()));
        return HttpResponse.created(TokenView.of(token, secret), URI.create("/api/v1/tokens/" + token.id()));
    }

    @Operation(summary = "The tokens within the caller's subtree, without their secrets")
    @Get("/tokens")
    @Access(Permission.MANAGE_TOKENS)
    @Transactional(readOnly = true)
    List<TokenView> list() {
        Principal who = principal.get();
        return tokens.all().stream()
                .filter(t -> who.scope() == null || t.scope() != null && access.isWithin(who, t.scope(), null))
                .map(t -> TokenView.of(t, null))
                .toList();
    }

    @Operation(summary = "Revoke a token at once, on every instance")
    @Delete("/tokens/{tokenId}")
    @Access(Permission.MANAGE_TOKENS)
    @Transactional
    HttpResponse<Void> revoke(@PathVariable String tokenId) {
        TokenStore.Token token = tokens.byId(tokenId).orElseThrow(() ->
                ProblemException.notFound("token.not_found", "no token " + tokenId));
        Principal who = principal.get();
        if (token.scope() == null) {
            access.requireGlobal(who, "revoke a token for everything");
        } else {
            access.requireWithin(who, token.scope(), null);
        }
        tokens.revoke(tokenId, Instant.now());
        audit.record("token.revoked", token.scope(), null, Map.of("token", tokenId, "principal", token.principal()));
        return HttpResponse.noContent();
    }

    @Operation(summary = "The audit trail, newest first: every write with its principal, by unit, year and principal")
    @Get("/audit")
    @Access(Permission.READ_AUDIT)
    @Transactional(readOnly = true)
    List<AuditLog.Event> audit(@QueryValue @Nullable String unit, @QueryValue @Nullable Integer year,
                               @QueryValue @Nullable String principal, @QueryValue @Nullable Integer limit) {
        Principal who = this.principal.get();
        if (unit == null) {
            access.requireGlobal(who, "read the whole audit trail; give ?unit= within your subtree");
        } else {
            access.requireWithin(who, unit, year);
        }
        return audit.find(unit, year, principal, limit == null ? 100 : Math.min(Math.max(limit, 1), 1000));
    }
}

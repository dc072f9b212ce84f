package org.opengovinfo.service.tokens;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.access.Role;
import org.opengovinfo.service.access.TokenStore;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.system.Bodies;
import org.opengovinfo.service.system.CleanText;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.tokens.TokenController.TokenRequest;
import org.opengovinfo.service.tokens.TokenController.TokenView;
import org.opengovinfo.service.units.UnitService;

/** Issuing, listing and revoking tokens, each checked against the caller's subtree and recorded. */
@Singleton
class Tokens {

    /** Tokens last no longer than the years the service keeps. */
    static final Instant LATEST_EXPIRY = Instant.parse((ReportYears.LAST + 1) + "-01-01T00:00:00Z");

    /** Token ids are UUIDs; anything else names no token and need not be looked up. */
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Words NOW = new Words("当前时刻", "now");

    private final TokenStore store;
    private final AccessControl access;
    private final CurrentPrincipal principal;
    private final AuditLog audit;
    private final UnitService units;
    private final Clock clock;

    Tokens(TokenStore store, AccessControl access, CurrentPrincipal principal, AuditLog audit, UnitService units,
           Clock clock) {
        this.store = store;
        this.access = access;
        this.principal = principal;
        this.audit = audit;
        this.units = units;
        this.clock = clock;
    }

    TokenView create(TokenRequest request) {
        Principal who = principal.get();
        String name = request.principal();
        if (name == null || name.isBlank() || name.length() > 128 || !CleanText.isClean(name)) {
            throw ErrorCode.TOKEN_INVALID_PRINCIPAL.problem();
        }
        Role role = request.role() == null ? null : Role.parse(request.role()).orElse(null);
        if (role == null) {
            throw ErrorCode.TOKEN_UNKNOWN_ROLE.problem();
        }
        if (request.scope() == null) {
            access.requireGlobal(who, new Words("签发适用于全部单位的令牌", "issue tokens for everything"));
        } else {
            units.get(request.scope());
            access.requireWithinEveryYear(who, request.scope());
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt() == null ? null : expiry(request.expiresAt(), now);
        String secret = TokenStore.newSecret();
        TokenStore.Token token = store.newToken(name, role, request.scope(), who.name(), expiresAt);
        store.insert(token, secret);
        audit.record("token.created", request.scope(), null, Map.of("token", token.id(), "principal", token.principal(),
                "role", role.code()));
        return view(token, secret);
    }

    List<TokenView> list() {
        Principal who = principal.get();
        return store.all().stream()
                .filter(t -> who.scope() == null || t.scope() != null && access.isWithinEveryYear(who, t.scope()))
                .map(t -> view(t, null))
                .toList();
    }

    void revoke(String id) {
        TokenStore.Token token = (ID.matcher(id).matches() ? store.byId(id) : Optional.<TokenStore.Token>empty())
                .orElseThrow(() -> ErrorCode.TOKEN_NOT_FOUND.problem(Redaction.clip(id)));
        Principal who = principal.get();
        if (token.scope() == null) {
            access.requireGlobal(who, new Words("吊销适用于全部单位的令牌", "revoke a token for everything"));
        } else {
            access.requireWithinEveryYear(who, token.scope());
        }
        store.revoke(id, clock.instant());
        audit.record("token.revoked", token.scope(), null, Map.of("token", id, "principal", token.principal()));
    }

    /** An expiry in the future and within the years the service keeps (a database keeps no later instant exactly). */
    private static Instant expiry(String text, Instant now) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ErrorCode.TOKEN_INVALID_EXPIRY.problem(NOW, LATEST_EXPIRY);
        }
        if (!at.isAfter(now) || !at.isBefore(LATEST_EXPIRY)) {
            throw ErrorCode.TOKEN_INVALID_EXPIRY.problem(NOW, LATEST_EXPIRY);
        }
        return at;
    }

    /** A token request field of the wrong JSON type, refused with that field's code. */
    static ProblemException mismatch(Bodies.Mismatch m) {
        return switch (m.path()) {
            case "principal" -> ErrorCode.TOKEN_INVALID_PRINCIPAL.problem();
            case "role" -> ErrorCode.TOKEN_UNKNOWN_ROLE.problem();
            case "scope" -> ErrorCode.TOKEN_INVALID_SCOPE.problem();
            case "expiresAt" -> ErrorCode.TOKEN_INVALID_EXPIRY.problem(NOW, LATEST_EXPIRY);
            default -> ErrorCode.REQUEST_WRONG_TYPE.problem(m.path(), m.expected());
        };
    }

    private static TokenView view(TokenStore.Token t, String secret) {
        return new TokenView(t.id(), t.principal(), t.role().code(), t.scope(), t.createdAt(), t.createdBy(),
                t.expiresAt(), t.revokedAt(), secret);
    }
}

package org.opengovinfo.service.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.service.system.Sha256;
import org.opengovinfo.service.system.YearRevisions;

/**
 * API tokens: issued as random secrets, stored only as SHA-256 hashes, expirable and revocable. Tokens once seen
 * are kept in memory by hash for as long as the tokens' revision, which every revocation bumps, stays the same —
 * so every request is authenticated without a query of its own, and a revocation still counts on every instance
 * from the next request on.
 */
@Singleton
public class TokenStore {

    public static final String PREFIX = "ogi_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored token, without its secret. */
    public record Token(String id, String principal, Role role, @Nullable String scope, Instant createdAt, String createdBy,
                 @Nullable Instant expiresAt, @Nullable Instant revokedAt) {
    }

    /** Tokens found by hash, valid while the tokens' revision is {@code revision}. */
    private record Seen(long revision, Map<String, Token> byHash) {
    }

    private final JdbcOperations jdbc;
    private final YearRevisions revisions;
    private final Clock clock;
    private volatile Seen seen = new Seen(-1, Map.of());

    TokenStore(JdbcOperations jdbc, YearRevisions revisions, Clock clock) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** A new secret: the prefix and 256 random bits. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** Stores a token under the hash of its secret; call in the transaction that records it. */
    public void insert(Token t, String secret) {
        jdbc.prepareStatement("INSERT INTO api_token (id, token_hash, principal, role, scope_unit, created_at, created_by, "
                + "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)", ps -> {
                    ps.setString(1, t.id());
                    ps.setString(2, hash(secret));
                    ps.setString(3, t.principal());
                    ps.setString(4, t.role().code());
                    ps.setString(5, t.scope());
                    ps.setTimestamp(6, Timestamp.from(t.createdAt()));
                    ps.setString(7, t.createdBy());
                    if (t.expiresAt() == null) {
                        ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setTimestamp(8, Timestamp.from(t.expiresAt()));
                    }
                    return ps.executeUpdate();
                });
    }

    @Transactional(readOnly = true)
    Optional<Token> byHash(String hash) {
        long revision = revisions.tokens();
        Seen now = seen;
        if (now.revision() != revision) {
            now = new Seen(revision, new ConcurrentHashMap<>());
            seen = now;
        }
        Token token = now.byHash().get(hash);
        if (token == null) {
            token = first("WHERE token_hash = ?", hash).orElse(null);
            if (token != null) {
                now.byHash().put(hash, token);
            }
        }
        return Optional.ofNullable(token);
    }

    public Optional<Token> byId(String id) {
        return first("WHERE id = ?", id);
    }

    public List<Token> all() {
        return jdbc.prepareStatement(SELECT + " ORDER BY created_at, id", ps -> rows(ps.executeQuery()));
    }

    boolean isEmpty() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM api_token", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** Revokes a token; call in the transaction that records it. */
    public void revoke(String id, Instant at) {
        revisions.bumpTokens();
        jdbc.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id);
            return ps.executeUpdate();
        });
    }

    /** A new token, created now. */
    public Token newToken(String principal, Role role, String scope, String createdBy, Instant expiresAt) {
        return new Token(UUID.randomUUID().toString(), principal, role, scope, clock.instant(), createdBy, expiresAt, null);
    }

    private static final String SELECT =
            "SELECT id, principal, role, scope_unit, created_at, created_by, expires_at, revoked_at FROM api_token";

    private Optional<Token> first(String where, String value) {
        return jdbc.prepareStatement(SELECT + " " + where, ps -> {
            ps.setString(1, value);
            return rows(ps.executeQuery()).stream().findFirst();
        });
    }

    private static List<Token> rows(ResultSet rs) throws SQLException {
        List<Token> tokens = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                tokens.add(new Token(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)).orElseThrow(),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8))));
            }
        }
        return tokens;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

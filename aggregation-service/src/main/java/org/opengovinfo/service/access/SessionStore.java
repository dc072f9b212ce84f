package org.opengovinfo.service.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.opengovinfo.service.system.Sha256;

/**
 * The web app's sessions, in the database (every instance sees every session, a restart ends none): a session id is
 * 256 random bits held by the browser in an HttpOnly cookie and stored here only as its SHA-256 hash, beside the hash
 * of the token it was exchanged for and the CSRF token its pages send with writes.
 */
@Singleton
class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored session, found by its id. */
    record Stored(String tokenHash, String csrf, Instant expiresAt) {
    }

    private final JdbcOperations jdbc;

    SessionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stores a session; call in a write transaction. */
    void insert(String id, String tokenHash, String csrf, Instant createdAt, Instant expiresAt) {
        jdbc.prepareStatement("INSERT INTO web_session (id_hash, token_hash, csrf_token, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, Sha256.hex(id));
                    ps.setString(2, tokenHash);
                    ps.setString(3, csrf);
                    ps.setTimestamp(4, Timestamp.from(createdAt));
                    ps.setTimestamp(5, Timestamp.from(expiresAt));
                    return ps.executeUpdate();
                });
    }

    Optional<Stored> find(String id) {
        return jdbc.prepareStatement("SELECT token_hash, csrf_token, expires_at FROM web_session WHERE id_hash = ?", ps -> {
            ps.setString(1, Sha256.hex(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                        : Optional.<Stored>empty();
            }
        });
    }

    /** Ends a session; and, while at it, every session that has expired by {@code now}. */
    void delete(String id, Instant now) {
        jdbc.prepareStatement("DELETE FROM web_session WHERE id_hash = ? OR expires_at <= ?", ps -> {
            ps.setString(1, Sha256.hex(id));
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }
}

package org.opengovinfo.service.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Counters that every write bumps in its own transaction: revision 0 for the hierarchy, -1 for access tokens, one
 * per report year for figures. Bumping locks the row until commit, which also serialises writers of the same year
 * across instances; readers compare revisions to tell cheaply whether anything changed since they loaded.
 *
 * <p>The hierarchy's and the tokens' revisions are read together, once per HTTP request: authenticating, checking a
 * token's subtree and validating figures then see the same units, and a PUT pays one query for all three.
 */
@Singleton
public class YearRevisions {

    static final int HIERARCHY = 0;
    static final int TOKENS = -1;
    private static final String SHARED = YearRevisions.class.getName() + ".shared";

    /** The revisions every request may look at, as read at one moment. */
    private record Shared(long hierarchy, long tokens) {
    }

    private final JdbcOperations jdbc;

    public YearRevisions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Bumps the hierarchy revision; call first in a transaction that changes units. */
    public void bumpHierarchy() {
        bump(HIERARCHY);
        forgetShared();
    }

    /** Bumps the tokens' revision; call in a transaction that revokes a token. */
    public void bumpTokens() {
        bump(TOKENS);
        forgetShared();
    }

    /**
     * Bumps a report year's revision; call in a transaction that changes that year's figures, before storing them.
     * The new revision is this transaction's until it ends: the revision the figures it stores are stored at.
     */
    public void bumpYear(int year) {
        if (year <= HIERARCHY) {
            throw new IllegalArgumentException("not a report year: " + year);
        }
        bump(year);
    }

    /** The hierarchy's revision, as read once for the current request (or now, outside a request). */
    public long hierarchy() {
        return shared().hierarchy();
    }

    /** The tokens' revision, as read once for the current request (or now, outside a request). */
    public long tokens() {
        return shared().tokens();
    }

    public long year(int year) {
        return jdbc.prepareStatement("SELECT revision FROM year_revision WHERE report_year = ?", ps -> {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private Shared shared() {
        var request = ServerRequestContext.currentRequest();
        var known = request.flatMap(r -> r.getAttribute(SHARED, Shared.class));
        if (known.isPresent()) {
            return known.get();
        }
        String sql = "SELECT report_year, revision FROM year_revision WHERE report_year IN (?, ?)";
        Shared now = jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, HIERARCHY);
            ps.setInt(2, TOKENS);
            long hierarchy = 0;
            long tokens = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == HIERARCHY) {
                        hierarchy = rs.getLong(2);
                    } else {
                        tokens = rs.getLong(2);
                    }
                }
            }
            return new Shared(hierarchy, tokens);
        });
        request.ifPresent(r -> r.setAttribute(SHARED, now));
        return now;
    }

    private void bump(int key) {
        int updated = jdbc.prepareStatement("UPDATE year_revision SET revision = revision + 1 WHERE report_year = ?", ps -> {
            ps.setInt(1, key);
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("no revision row for " + key + "; migrations seed -1, 0 and 2008–2100");
        }
    }

    /** What this request reads after its own write must not be taken for the state before it. */
    private static void forgetShared() {
        ServerRequestContext.currentRequest().ifPresent(r -> r.removeAttribute(SHARED, Shared.class));
    }
}

package org.opengovinfo.service.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Counters that every write bumps in its own transaction: revision 0 for the hierarchy, one per report year for
 * figures. Bumping locks the row until commit, which also serialises writers of the same year across instances;
 * readers compare revisions to tell cheaply whether anything changed since they loaded.
 */
@Singleton
public class YearRevisions {

    static final int HIERARCHY = 0;

    private final JdbcOperations jdbc;

    public YearRevisions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Bumps the hierarchy revision; call first in a transaction that changes units. */
    public void bumpHierarchy() {
        bump(HIERARCHY);
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

    public long hierarchy() {
        return current(HIERARCHY);
    }

    public long year(int year) {
        return current(year);
    }

    private void bump(int key) {
        int updated = jdbc.prepareStatement("UPDATE year_revision SET revision = revision + 1 WHERE report_year = ?", ps -> {
            ps.setInt(1, key);
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("no revision row for " + key + "; the migration seeds 0 and 2008–2100");
        }
    }

    private long current(int key) {
        return jdbc.prepareStatement("SELECT revision FROM year_revision WHERE report_year = ?", ps -> {
            ps.setInt(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}

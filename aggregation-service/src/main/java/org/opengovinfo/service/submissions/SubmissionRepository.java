package org.opengovinfo.service.submissions;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versions of submitted figures in portable SQL. Callers hold the transaction. */
@Singleton
class SubmissionRepository {

    private static final String COLUMNS = "unit_id, report_year, version, template_id, figures, declared, content_hash, "
            + "submitted_by, submitted_at, changes";

    private final JdbcOperations jdbc;

    SubmissionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version number, if the unit has submitted for the year. */
    Optional<Integer> head(String unit, int year) {
        return jdbc.prepareStatement("SELECT version FROM submission_head WHERE unit_id = ? AND report_year = ?", ps -> {
            ps.setString(1, unit);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        });
    }

    Optional<StoredSubmission> version(String unit, int year, int version) {
        List<StoredSubmission> found = query("SELECT " + COLUMNS + " FROM submission WHERE unit_id = ? AND report_year = ? "
                + "AND version = ?", unit, year, version);
        return found.stream().findFirst();
    }

    Optional<StoredSubmission> current(String unit, int year) {
        return head(unit, year).flatMap(v -> version(unit, year, v));
    }

    /** The current version of every unit that has submitted for the year. */
    List<StoredSubmission> currentOfYear(int year) {
        return jdbc.prepareStatement("SELECT s.unit_id, s.report_year, s.version, s.template_id, s.figures, s.declared, "
                + "s.content_hash, s.submitted_by, s.submitted_at, s.changes FROM submission_head h JOIN submission s "
                + "ON s.unit_id = h.unit_id AND s.report_year = h.report_year AND s.version = h.version "
                + "WHERE h.report_year = ?", ps -> {
                    ps.setInt(1, year);
                    return rows(ps);
                });
    }

    /** When each unit first submitted for the year. */
    Map<String, Instant> firstSubmitted(int year) {
        return jdbc.prepareStatement("SELECT unit_id, MIN(submitted_at) FROM submission WHERE report_year = ? GROUP BY unit_id",
                ps -> {
                    ps.setInt(1, year);
                    Map<String, Instant> first = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            first.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                        }
                    }
                    return first;
                });
    }

    /** Every version, oldest first. */
    List<StoredSubmission> versions(String unit, int year) {
        return query("SELECT " + COLUMNS + " FROM submission WHERE unit_id = ? AND report_year = ? ORDER BY version",
                unit, year, null);
    }

    /**
     * Stores a new version and makes it current, provided the current version is still {@code expected}
     * ({@code null}: none yet).
     *
     * @return false if another writer moved the head first; the caller must roll back
     */
    boolean append(StoredSubmission s, Integer expected) {
        try {
            jdbc.prepareStatement("INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, s.unit());
                ps.setInt(2, s.year());
                ps.setInt(3, s.version());
                ps.setString(4, s.template());
                ps.setString(5, s.figures());
                if (s.declared() == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setString(6, s.declared());
                }
                ps.setString(7, s.contentHash());
                ps.setString(8, s.submittedBy());
                ps.setTimestamp(9, Timestamp.from(s.submittedAt()));
                ps.setString(10, s.changes());
                return ps.executeUpdate();
            });
            int moved = expected == null
                    ? jdbc.prepareStatement("INSERT INTO submission_head (unit_id, report_year, version) VALUES (?, ?, ?)", ps -> {
                        ps.setString(1, s.unit());
                        ps.setInt(2, s.year());
                        ps.setInt(3, s.version());
                        return ps.executeUpdate();
                    })
                    : jdbc.prepareStatement("UPDATE submission_head SET version = ? WHERE unit_id = ? AND report_year = ? "
                            + "AND version = ?", ps -> {
                        ps.setInt(1, s.version());
                        ps.setString(2, s.unit());
                        ps.setInt(3, s.year());
                        ps.setInt(4, expected);
                        return ps.executeUpdate();
                    });
            return moved == 1;
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private List<StoredSubmission> query(String sql, String unit, int year, Integer version) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, unit);
            ps.setInt(2, year);
            if (version != null) {
                ps.setInt(3, version);
            }
            return rows(ps);
        });
    }

    private static List<StoredSubmission> rows(PreparedStatement ps) throws SQLException {
        List<StoredSubmission> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredSubmission(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getString(10)));
            }
        }
        return rows;
    }
}

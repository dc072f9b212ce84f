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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Versions of submitted figures in portable SQL. Callers hold the transaction. */
@Singleton
class SubmissionRepository {

    private static final String COLUMNS = "unit_id, report_year, version, template_id, figures, declared, content_hash, "
            + "submitted_by, submitted_at, changes, revision";
    /**
     * The columns of current figures as submitting and rollups use them: all but the change list, which only the
     * versions view shows (read back as {@code null}), so that its text is not fetched with every figure.
     */
    private static final String S_COLUMNS = "s." + COLUMNS.replace(", ", ", s.").replace("s.changes", "NULL");
    private static final String FIGURE_COLUMNS = COLUMNS.replace("changes", "NULL");
    private static final String CURRENT = "SELECT " + S_COLUMNS + " FROM submission_head h JOIN submission s "
            + "ON s.unit_id = h.unit_id AND s.report_year = h.report_year AND s.version = h.version WHERE h.report_year = ?";

    /** Rows a streamed query fetches at a time (PostgreSQL otherwise reads a whole result into memory). */
    private static final int STREAMED_ROWS = 1000;

    private final JdbcOperations jdbc;

    SubmissionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredSubmission> version(String unit, int year, int version) {
        return query("SELECT " + COLUMNS + " FROM submission WHERE unit_id = ? AND report_year = ? AND version = ?",
                List.of(unit, year, version)).stream().findFirst();
    }

    Optional<StoredSubmission> current(String unit, int year) {
        return currentOf(year, List.of(unit)).values().stream().findFirst();
    }

    /** A unit's current versions for this year and the year before, by year; years without figures are absent. */
    Map<Integer, StoredSubmission> currentAndPrevious(String unit, int year) {
        Map<Integer, StoredSubmission> current = new HashMap<>();
        for (StoredSubmission s : query("SELECT " + S_COLUMNS + " FROM submission_head h JOIN submission s "
                + "ON s.unit_id = h.unit_id AND s.report_year = h.report_year AND s.version = h.version "
                + "WHERE h.unit_id = ? AND h.report_year IN (?, ?)", List.of(unit, year, year - 1))) {
            current.put(s.year(), s);
        }
        return current;
    }

    /** The current versions of the given units for a year, by unit; units without figures are absent. */
    Map<String, StoredSubmission> currentOf(int year, Collection<String> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        List<Object> args = new ArrayList<>(List.of(year));
        args.addAll(units);
        Map<String, StoredSubmission> current = new HashMap<>();
        for (StoredSubmission s : query(CURRENT + " AND h.unit_id IN (" + String.join(", ", Collections.nCopies(units.size(), "?"))
                + ")", args)) {
            current.put(s.unit(), s);
        }
        return current;
    }

    /**
     * Every unit's figures for the year as they stood at {@code revision} (the newest version stored at or before it),
     * handed over one at a time: a national year does not fit in memory as text.
     */
    void atRevision(int year, long revision, Consumer<StoredSubmission> each) {
        stream("SELECT " + S_COLUMNS + " FROM submission s JOIN (SELECT unit_id, MAX(version) AS version FROM submission "
                + "WHERE report_year = ? AND revision <= ? GROUP BY unit_id) m ON s.unit_id = m.unit_id AND s.version = m.version "
                + "WHERE s.report_year = ?", List.of(year, revision, year), each);
    }

    /** Each unit's newest version stored at or before {@code revision}. */
    Map<String, Integer> versionsAt(int year, long revision) {
        return jdbc.prepareStatement("SELECT unit_id, MAX(version) FROM submission WHERE report_year = ? AND revision <= ? "
                + "GROUP BY unit_id", ps -> {
                    ps.setInt(1, year);
                    ps.setLong(2, revision);
                    Map<String, Integer> versions = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            versions.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                    return versions;
                });
    }

    /**
     * The versions stored after revision {@code after} up to {@code upTo}, without their figures and declared values
     * ({@code null}), in the order they were stored: what a catch-up reads first, so that the text of versions it
     * already holds is neither sent nor decoded.
     */
    List<StoredSubmission> storedBetweenWithoutFigures(int year, long after, long upTo) {
        return query("SELECT " + COLUMNS.replace("figures, declared", "NULL, NULL").replace("changes", "NULL")
                + " FROM submission WHERE report_year = ? AND revision > ? AND revision <= ? ORDER BY revision, version",
                List.of(year, after, upTo));
    }

    /** The versions stored after revision {@code after} up to {@code upTo}, one at a time in the order they were stored. */
    void storedBetween(int year, long after, long upTo, Consumer<StoredSubmission> each) {
        stream("SELECT " + FIGURE_COLUMNS + " FROM submission WHERE report_year = ? AND revision > ? AND revision <= ? "
                + "ORDER BY revision, version", List.of(year, after, upTo), each);
    }

    Optional<Integer> latestYear() {
        return jdbc.prepareStatement("SELECT MAX(report_year) FROM submission_head", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, Integer.class)) : Optional.<Integer>empty();
            }
        });
    }

    /** When each unit first submitted for the year, counting versions stored up to {@code revision}. */
    Map<String, Instant> firstSubmitted(int year, long revision) {
        return jdbc.prepareStatement("SELECT unit_id, MIN(submitted_at) FROM submission WHERE report_year = ? AND revision <= ? "
                + "AND (figures <> '{}' OR (declared IS NOT NULL AND declared <> '{}')) GROUP BY unit_id", ps -> {
                    ps.setInt(1, year);
                    ps.setLong(2, revision);
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
                List.of(unit, year));
    }

    /**
     * Makes new versions current, provided each unit's current version is still the one the caller read
     * ({@code 1}: none yet); the versions themselves are stored by {@link #append}, in the same transaction.
     *
     * @return false if another writer moved a head first; the caller must roll back
     */
    boolean moveHeads(List<StoredSubmission> versions) {
        // heads are locked in one order, units' ids, so that two batches moving the same heads cannot deadlock
        List<StoredSubmission> ordered = versions.stream()
                .sorted(Comparator.comparing(StoredSubmission::unit).thenComparingInt(StoredSubmission::version))
                .toList();
        try {
            List<StoredSubmission> first = ordered.stream().filter(s -> s.version() == 1).toList();
            List<StoredSubmission> later = ordered.stream().filter(s -> s.version() > 1).toList();
            int[] created = first.isEmpty() ? new int[0] : jdbc.prepareStatement(
                    "INSERT INTO submission_head (unit_id, report_year, version) VALUES (?, ?, ?)", ps -> {
                        for (StoredSubmission s : first) {
                            ps.setString(1, s.unit());
                            ps.setInt(2, s.year());
                            ps.setInt(3, s.version());
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    });
            int[] moved = later.isEmpty() ? new int[0] : jdbc.prepareStatement("UPDATE submission_head SET version = ? "
                    + "WHERE unit_id = ? AND report_year = ? AND version = ?", ps -> {
                        for (StoredSubmission s : later) {
                            ps.setInt(1, s.version());
                            ps.setString(2, s.unit());
                            ps.setInt(3, s.year());
                            ps.setInt(4, s.version() - 1);
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    });
            return allOne(created) && allOne(moved);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Stores new versions at their year's revision as it stands in this transaction, which the caller has bumped
     * (their own {@code revision} is not used): one statement fewer per PUT than reading it back.
     */
    void append(List<StoredSubmission> versions) {
        jdbc.prepareStatement("INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "(SELECT revision FROM year_revision WHERE report_year = ?))", ps -> {
                    for (StoredSubmission s : versions) {
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
                        ps.setInt(11, s.year());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    private static boolean allOne(int[] counts) {
        for (int c : counts) {
            if (c != 1 && c != java.sql.Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    && "23505".equals(b.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private List<StoredSubmission> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return rows(ps);
        });
    }

    private void stream(String sql, List<Object> args, Consumer<StoredSubmission> each) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setFetchSize(STREAMED_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(row(rs));
                }
            }
            return null;
        });
    }

    private static List<StoredSubmission> rows(PreparedStatement ps) throws SQLException {
        List<StoredSubmission> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static StoredSubmission row(ResultSet rs) throws SQLException {
        return new StoredSubmission(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getLong(11));
    }
}

package org.opengovinfo.service.season;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Report states and their compare-and-set transitions, in SQL that runs on H2 and PostgreSQL alike. */
@Singleton
class StateRepository {

    private static final String SELECT = "SELECT unit_id, report_year, state, version, first_submitted_at, changed_at, "
            + "changed_by, note, publication_id FROM report_state";
    /** Above this many units a year's states are read whole rather than by a list of ids. */
    private static final int LISTED = 500;

    private final JdbcOperations jdbc;

    StateRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The states of the given units for a year, by unit; units without a row are absent. */
    Map<String, StoredState> of(int year, Collection<String> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        if (units.size() > LISTED) {
            Set<String> wanted = Set.copyOf(units);
            Map<String, StoredState> all = new HashMap<>();
            for (StoredState s : query(SELECT + " WHERE report_year = ?", List.of(year))) {
                if (wanted.contains(s.unit())) {
                    all.put(s.unit(), s);
                }
            }
            return all;
        }
        List<Object> args = new ArrayList<>(List.of(year));
        args.addAll(units);
        return query(SELECT + " WHERE report_year = ? AND unit_id IN (" + String.join(", ",
                Collections.nCopies(units.size(), "?")) + ")", args).stream()
                .collect(Collectors.toMap(StoredState::unit, s -> s));
    }

    /** State and version of every report of a year, or of the given units' ({@code null}: all), by unit. */
    Map<String, Standing> standings(int year, Collection<String> units) {
        String sql = "SELECT unit_id, state, version FROM report_state WHERE report_year = ?";
        List<Object> args = new ArrayList<>(List.of(year));
        if (units != null && units.size() <= LISTED) {
            sql += " AND unit_id IN (" + String.join(", ", Collections.nCopies(units.size(), "?")) + ")";
            args.addAll(units);
        }
        Set<String> wanted = units == null || units.size() <= LISTED ? null : Set.copyOf(units);
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            Map<String, Standing> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString(1);
                    if (wanted == null || wanted.contains(unit)) {
                        found.put(unit, new Standing(ReportState.parse(rs.getString(2)), rs.getInt(3)));
                    }
                }
            }
            return found;
        });
    }

    /** Units whose row was stamped with a revision of the year after {@code revision} (see {@link #stamp}). */
    Set<String> movedSince(int year, long revision) {
        return jdbc.prepareStatement("SELECT unit_id FROM report_state WHERE report_year = ? AND revision > ?", ps -> {
            ps.setInt(1, year);
            ps.setLong(2, revision);
            Set<String> units = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
            return units;
        });
    }

    /** Stamps a report's row with the year's revision as this transaction bumped it. */
    void stamp(String unit, int year) {
        jdbc.prepareStatement("UPDATE report_state SET revision = (SELECT revision FROM year_revision "
                + "WHERE report_year = ?) WHERE unit_id = ? AND report_year = ?", ps -> {
                    ps.setInt(1, year);
                    ps.setString(2, unit);
                    ps.setInt(3, year);
                    return ps.executeUpdate();
                });
    }

    /**
     * Moves reports to draft at new versions, in unit order, unless accepted or under a publication.
     *
     * @return for each draft, whether its row was moved (false: no row, or locked)
     */
    boolean[] moveToDraft(int year, List<Draft> drafts, Instant at, String who) {
        int[] counts = jdbc.prepareStatement("UPDATE report_state SET state = 'draft', version = ?, changed_at = ?, "
                + "changed_by = ?, note = NULL WHERE unit_id = ? AND report_year = ? AND state <> 'accepted' "
                + "AND publication_id IS NULL", ps -> {
                    for (Draft d : drafts) {
                        ps.setInt(1, d.version());
                        ps.setTimestamp(2, Timestamp.from(at));
                        ps.setString(3, who);
                        ps.setString(4, d.unit());
                        ps.setInt(5, year);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
        boolean[] moved = new boolean[drafts.size()];
        for (int i = 0; i < counts.length; i++) {
            moved[i] = counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO;
        }
        return moved;
    }

    /** A figures write: the unit and the version it stores. */
    record Draft(String unit, int version) {
    }

    /** Inserts new rows; a row someone else inserted meanwhile fails the statement (a conflict). */
    void insert(List<StoredState> states) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO report_state (unit_id, report_year, state, version, first_submitted_at, "
                + "changed_at, changed_by, note, publication_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    for (StoredState s : states) {
                        ps.setString(1, s.unit());
                        ps.setInt(2, s.year());
                        ps.setString(3, s.state().code());
                        ps.setInt(4, s.version());
                        setTimestamp(ps, 5, s.firstSubmittedAt());
                        ps.setTimestamp(6, Timestamp.from(s.changedAt()));
                        ps.setString(7, s.changedBy());
                        setString(ps, 8, s.note());
                        setString(ps, 9, s.publication());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /**
     * Moves one report from a state at a version to another, provided nothing moved it meanwhile and no publication
     * locks it.
     *
     * @return whether it moved
     */
    boolean transition(String unit, int year, Set<ReportState> from, int version, ReportState to, Instant at,
                       String who, String note, boolean handedIn) {
        String states = from.stream().map(s -> "'" + s.code() + "'").collect(Collectors.joining(", "));
        return jdbc.prepareStatement("UPDATE report_state SET state = ?, changed_at = ?, changed_by = ?, note = ?"
                + (handedIn ? ", first_submitted_at = COALESCE(first_submitted_at, ?)" : "")
                + " WHERE unit_id = ? AND report_year = ? AND version = ? AND state IN (" + states + ") "
                + "AND publication_id IS NULL", ps -> {
                    int i = 1;
                    ps.setString(i++, to.code());
                    ps.setTimestamp(i++, Timestamp.from(at));
                    ps.setString(i++, who);
                    setString(ps, i++, note);
                    if (handedIn) {
                        ps.setTimestamp(i++, Timestamp.from(at));
                    }
                    ps.setString(i++, unit);
                    ps.setInt(i++, year);
                    ps.setInt(i, version);
                    return ps.executeUpdate() == 1;
                });
    }

    /**
     * Puts reports under a publication, each provided it still stands as read (state and version).
     *
     * @return how many were locked; fewer than given means someone changed one meanwhile
     */
    int lock(int year, List<StoredState> as, String publication) {
        int[] counts = jdbc.prepareStatement("UPDATE report_state SET publication_id = ? WHERE unit_id = ? "
                + "AND report_year = ? AND state = ? AND version = ? AND publication_id IS NULL", ps -> {
                    for (StoredState s : as) {
                        ps.setString(1, publication);
                        ps.setString(2, s.unit());
                        ps.setInt(3, year);
                        ps.setString(4, s.state().code());
                        ps.setInt(5, s.version());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
        int locked = 0;
        for (int c : counts) {
            locked += c == 1 || c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return locked;
    }

    /** Lifts a publication's lock from every report it held. */
    int unlock(String publication) {
        return jdbc.prepareStatement("UPDATE report_state SET publication_id = NULL WHERE publication_id = ?", ps -> {
            ps.setString(1, publication);
            return ps.executeUpdate();
        });
    }

    /** Who published which unit's year when, for a publication that locks reports: unit, year, at, by. */
    record PublicationRef(String unit, int year, Instant at, String by) {
    }

    Optional<PublicationRef> publication(String id) {
        return jdbc.prepareStatement("SELECT unit_id, report_year, published_at, published_by FROM publication "
                + "WHERE id = ?", ps -> {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new PublicationRef(rs.getString(1), rs.getInt(2),
                                rs.getTimestamp(3).toInstant(), rs.getString(4))) : Optional.<PublicationRef>empty();
                    }
                });
    }

    private List<StoredState> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<StoredState> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredState(rs.getString(1), rs.getInt(2), ReportState.parse(rs.getString(3)),
                            rs.getInt(4), instant(rs.getTimestamp(5)), rs.getTimestamp(6).toInstant(), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void setTimestamp(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(at));
        }
    }

    private static void setString(PreparedStatement ps, int i, String s) throws SQLException {
        if (s == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, s);
        }
    }
}

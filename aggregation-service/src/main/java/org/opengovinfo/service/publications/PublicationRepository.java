package org.opengovinfo.service.publications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Publications in portable SQL: one row each, kept when reopened. Callers hold the transaction. */
@Singleton
class PublicationRepository {

    /** A publication as stored; {@code reopenedAt} set once an administrator reopened it. */
    record StoredPublication(String id, String unit, int year, int sequence, String snapshot, Instant publishedAt,
                             String publishedBy, String missing, Instant reopenedAt, String reopenedBy,
                             String reopenReason) {

        boolean standing() {
            return reopenedAt == null;
        }
    }

    private static final String SELECT = "SELECT id, unit_id, report_year, sequence, snapshot_id, published_at, "
            + "published_by, missing, reopened_at, reopened_by, reopen_reason FROM publication";

    private final JdbcOperations jdbc;

    PublicationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredPublication p) {
        jdbc.prepareStatement("INSERT INTO publication (id, unit_id, report_year, sequence, snapshot_id, published_at, "
                + "published_by, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, p.id());
                    ps.setString(2, p.unit());
                    ps.setInt(3, p.year());
                    ps.setInt(4, p.sequence());
                    ps.setString(5, p.snapshot());
                    ps.setTimestamp(6, Timestamp.from(p.publishedAt()));
                    ps.setString(7, p.publishedBy());
                    if (p.missing() == null) {
                        ps.setNull(8, Types.VARCHAR);
                    } else {
                        ps.setString(8, p.missing());
                    }
                    return ps.executeUpdate();
                });
    }

    /** Every publication of a unit's year, first first. */
    List<StoredPublication> of(String unit, int year) {
        return query(SELECT + " WHERE unit_id = ? AND report_year = ? ORDER BY sequence", List.of(unit, year));
    }

    /** The standing publications of any of {@code units} for a year. */
    List<StoredPublication> standing(Collection<String> units, int year) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(year));
        args.addAll(units);
        return query(SELECT + " WHERE report_year = ? AND reopened_at IS NULL AND unit_id IN ("
                + String.join(", ", Collections.nCopies(units.size(), "?")) + ")", args);
    }

    Optional<StoredPublication> find(String unit, int year, int sequence) {
        return query(SELECT + " WHERE unit_id = ? AND report_year = ? AND sequence = ?", List.of(unit, year, sequence))
                .stream().findFirst();
    }

    /** Marks a standing publication reopened; false if it was reopened meanwhile. */
    boolean reopen(String id, Instant at, String by, String reason) {
        return jdbc.prepareStatement("UPDATE publication SET reopened_at = ?, reopened_by = ?, reopen_reason = ? "
                + "WHERE id = ? AND reopened_at IS NULL", ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, by);
                    ps.setString(3, reason);
                    ps.setString(4, id);
                    return ps.executeUpdate() == 1;
                });
    }

    private List<StoredPublication> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<StoredPublication> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    private static StoredPublication row(ResultSet rs) throws SQLException {
        Timestamp reopened = rs.getTimestamp(9);
        return new StoredPublication(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                reopened == null ? null : reopened.toInstant(), rs.getString(10), rs.getString(11));
    }
}

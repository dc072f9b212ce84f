package org.opengovinfo.service.rollups;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rollup snapshots in portable SQL; a snapshot row is inserted once and never updated. */
@Singleton
class RollupRepository {

    /** A stored snapshot; {@code content} is its JSON document. */
    record StoredSnapshot(String id, String unit, int year, String template, Instant createdAt, String createdBy,
                          String content) {
    }

    private final JdbcOperations jdbc;

    RollupRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredSnapshot s, List<String> consolidatingUnits) {
        jdbc.prepareStatement("INSERT INTO rollup_snapshot (id, unit_id, report_year, template_id, created_at, created_by, "
                + "content) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, s.id());
                    ps.setString(2, s.unit());
                    ps.setInt(3, s.year());
                    ps.setString(4, s.template());
                    ps.setTimestamp(5, Timestamp.from(s.createdAt()));
                    ps.setString(6, s.createdBy());
                    ps.setString(7, s.content());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("INSERT INTO rollup_snapshot_unit (snapshot_id, unit_id, report_year, created_at) "
                + "VALUES (?, ?, ?, ?)", ps -> {
                    for (String unit : consolidatingUnits) {
                        ps.setString(1, s.id());
                        ps.setString(2, unit);
                        ps.setInt(3, s.year());
                        ps.setTimestamp(4, Timestamp.from(s.createdAt()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    Optional<StoredSnapshot> find(String id) {
        return first(query("SELECT id, unit_id, report_year, template_id, created_at, created_by, content "
                + "FROM rollup_snapshot WHERE id = ?", id));
    }

    /** The newest snapshot that holds consolidated figures of {@code unit} for {@code year}. */
    Optional<StoredSnapshot> latestFor(String unit, int year) {
        Optional<String> id = jdbc.prepareStatement("SELECT snapshot_id FROM rollup_snapshot_unit WHERE unit_id = ? "
                + "AND report_year = ? ORDER BY created_at DESC, snapshot_id DESC", ps -> {
                    ps.setString(1, unit);
                    ps.setInt(2, year);
                    ps.setMaxRows(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                });
        return id.flatMap(this::find);
    }

    /** The snapshots rooted at {@code unit} for {@code year}, newest first, without their content. */
    List<StoredSnapshot> listFor(String unit, int year) {
        return jdbc.prepareStatement("SELECT id, unit_id, report_year, template_id, created_at, created_by, '' "
                + "FROM rollup_snapshot WHERE unit_id = ? AND report_year = ? ORDER BY created_at DESC, id DESC", ps -> {
                    ps.setString(1, unit);
                    ps.setInt(2, year);
                    return rows(ps.executeQuery());
                });
    }

    private List<StoredSnapshot> query(String sql, String id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            return rows(ps.executeQuery());
        });
    }

    private static List<StoredSnapshot> rows(ResultSet rs) throws java.sql.SQLException {
        List<StoredSnapshot> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(new StoredSnapshot(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
            }
        }
        return rows;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.stream().findFirst();
    }
}

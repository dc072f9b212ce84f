package org.opengovinfo.service.rollups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rollup snapshots in portable SQL, written once and never updated: a header row with the snapshot's provenance,
 * and one row per consolidating unit naming that unit's part, so that a pull reads one small row and one part. A
 * snapshot whose units' parts are exactly those of an earlier one (a rollup with nothing changed) writes no rows and
 * names that snapshot's in {@code units_of} (V21); every read below goes through it.
 * Headers and parts are stored deflated ({@link SnapshotCodec#pack}); parts once per distinct content, by hash, and
 * never deleted. Snapshots stored before V18 keep their JSON in the content columns and are read as they are.
 */
@Singleton
class RollupRepository {

    /** A stored snapshot; {@code content} is its JSON document without the units' parts (empty when not read). */
    record StoredSnapshot(String id, String unit, int year, String template, Instant createdAt, String createdBy,
                          String basis, String content) {
    }

    /** One consolidating unit's part of a snapshot, as JSON ({@code null} in snapshots from before parts had rows). */
    record StoredEntry(StoredSnapshot snapshot, String unit, String content) {
    }

    private static final String HEADER = "SELECT id, unit_id, report_year, template_id, created_at, created_by, basis";
    /** An entry's columns: the header's, the unit, and its part as stored before V18 or since. */
    private static final String ENTRY = "SELECT s.id, s.unit_id, s.report_year, s.template_id, s.created_at, "
            + "s.created_by, s.basis, r.unit_id AS entry_unit, r.content AS entry_content, p.content ";
    /** Ids asked for in one {@code IN} list. */
    private static final int IN_LIST = 500;

    private final JdbcOperations jdbc;

    RollupRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a snapshot, its header deflated, and its units' rows (unit → id of its part, in the order they are to be
     * listed); the parts must be stored already ({@link #insertParts}). If {@code sameRowsAs} names a stored snapshot
     * whose rows are exactly these, the new one shares them instead of writing them again. That snapshot is locked
     * first, so that a prune cannot delete it before this one commits (a prune racing it fails on the key and tries
     * again later); if it is not stored (its rollup rolled back, or it was pruned) the rows are written.
     *
     * @return whether the snapshot wrote its own rows (it did not share another's)
     */
    boolean insert(StoredSnapshot s, Map<String, String> partIds, @Nullable String sameRowsAs) {
        String shared = sameRowsAs != null && ownsRows(sameRowsAs) ? sameRowsAs : null;
        byte[] header = SnapshotCodec.pack(s.content());
        jdbc.prepareStatement("INSERT INTO rollup_snapshot (id, unit_id, report_year, template_id, created_at, created_by, "
                + "packed, basis, units_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, s.id());
                    ps.setString(2, s.unit());
                    ps.setInt(3, s.year());
                    ps.setString(4, s.template());
                    ps.setTimestamp(5, Timestamp.from(s.createdAt()));
                    ps.setString(6, s.createdBy());
                    ps.setBytes(7, header);
                    ps.setString(8, s.basis());
                    ps.setString(9, shared);
                    return ps.executeUpdate();
                });
        if (shared != null) {
            return false;
        }
        // one statement for every unit row, the rows given as three arrays: one round trip, where PostgreSQL's driver
        // rewrites a batch of 3,101 inserts into 25 statements of 128 rows (on H2 the two cost the same)
        String[] unitIds = partIds.keySet().toArray(String[]::new);
        String[] parts = partIds.values().toArray(String[]::new);
        Integer[] ordinals = new Integer[unitIds.length];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = i;
        }
        jdbc.prepareStatement("INSERT INTO rollup_snapshot_unit (snapshot_id, unit_id, report_year, created_at, part_id, "
                + "ordinal) SELECT ?, r.unit_id, ?, ?, r.part_id, r.ordinal FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), "
                + "CAST(? AS VARCHAR(64) ARRAY), CAST(? AS INTEGER ARRAY)) AS r (unit_id, part_id, ordinal)", ps -> {
                    ps.setString(1, s.id());
                    ps.setInt(2, s.year());
                    ps.setTimestamp(3, Timestamp.from(s.createdAt()));
                    ps.setArray(4, ps.getConnection().createArrayOf("VARCHAR", unitIds));
                    ps.setArray(5, ps.getConnection().createArrayOf("VARCHAR", parts));
                    ps.setArray(6, ps.getConnection().createArrayOf("INTEGER", ordinals));
                    return ps.executeUpdate();
                });
        return true;
    }

    /** Whether the snapshot is stored with rows of its own, locking it until this transaction ends if so. */
    private boolean ownsRows(String snapshot) {
        return jdbc.prepareStatement("SELECT id FROM rollup_snapshot WHERE id = ? AND units_of IS NULL FOR UPDATE", ps -> {
            ps.setString(1, snapshot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Stores the parts (id → deflated JSON) not stored yet, in a transaction of its own like a tree: two rollups
     * storing one part at the same moment both find it stored afterwards, whichever wrote it, and a part once
     * committed is never deleted, so a snapshot committed later may name it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void insertParts(Map<String, byte[]> parts) {
        Set<String> stored = storedParts(parts.keySet());
        if (stored.size() == parts.size()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO rollup_part (id, content) VALUES (?, ?)", ps -> {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                if (!stored.contains(p.getKey())) {
                    ps.setString(1, p.getKey());
                    ps.setBytes(2, p.getValue());
                    ps.addBatch();
                }
            }
            return ps.executeBatch();
        });
    }

    /** Which of these parts are stored. */
    Set<String> storedParts(Collection<String> ids) {
        Set<String> stored = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            jdbc.prepareStatement("SELECT id FROM rollup_part WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", ps -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 1, chunk.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                stored.add(rs.getString(1));
                            }
                        }
                        return null;
                    });
        }
        return stored;
    }

    /**
     * Stores a tree's JSON under its id unless a tree of that id is stored already, in a transaction of its own: two
     * rollups of one tree at the same moment both find it stored afterwards, whichever wrote it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void insertTree(String id, String content) {
        if (!hasTree(id)) {
            jdbc.prepareStatement("INSERT INTO rollup_tree (id, content) VALUES (?, ?)", ps -> {
                ps.setString(1, id);
                ps.setString(2, content);
                return ps.executeUpdate();
            });
        }
    }

    boolean hasTree(String id) {
        return jdbc.prepareStatement("SELECT 1 FROM rollup_tree WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    Optional<String> tree(String id) {
        return jdbc.prepareStatement("SELECT content FROM rollup_tree WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    Optional<StoredSnapshot> find(String id) {
        return jdbc.prepareStatement(HEADER + ", content, packed FROM rollup_snapshot WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(header(rs, json(rs.getString(8), rs.getBytes(9))))
                        : Optional.<StoredSnapshot>empty();
            }
        });
    }

    /** The parts of a snapshot, unit → JSON, in the order they were stored. */
    Map<String, String> entries(String snapshot) {
        return jdbc.prepareStatement("SELECT r.unit_id, r.content, p.content FROM rollup_snapshot s "
                + "JOIN rollup_snapshot_unit r ON r.snapshot_id = COALESCE(s.units_of, s.id) "
                + "LEFT JOIN rollup_part p ON p.id = r.part_id WHERE s.id = ? "
                + "AND (r.content IS NOT NULL OR r.part_id IS NOT NULL) ORDER BY r.ordinal", ps -> {
                    ps.setString(1, snapshot);
                    Map<String, String> entries = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            entries.put(rs.getString(1), json(rs.getString(2), rs.getBytes(3)));
                        }
                    }
                    return entries;
                });
    }

    /** A header's or part's JSON: as stored before V18, or deflated since; null when neither is stored. */
    private static String json(String content, byte[] packed) {
        return packed != null ? SnapshotCodec.unpack(packed) : content;
    }

    /** Records that a snapshot was read; only its first read writes, so pulls do not contend for the row. */
    void markRead(String snapshot, Instant at) {
        jdbc.prepareStatement("UPDATE rollup_snapshot SET last_read_at = ? WHERE id = ? AND last_read_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, snapshot);
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes up to {@code limit} snapshots created before {@code cutoff} that were never read, that no publication
     * names, and that are not the newest of their unit and year; returns how many. The candidates are locked first
     * ({@code FOR UPDATE}), so that an instance pruning at the same moment skips them and a pull marking one read
     * waits, then finds it gone; the conditions are the same in every instance, so any of them may prune. Rows that
     * snapshots being kept share go to the newest of those, which the others then name.
     */
    int prune(Instant cutoff, int limit) {
        List<String> ids = ids("SELECT s.id FROM rollup_snapshot s WHERE s.created_at < ? "
                + "AND s.last_read_at IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.snapshot_id = s.id) "
                + "AND EXISTS (SELECT 1 FROM rollup_snapshot n WHERE n.unit_id = s.unit_id "
                + "AND n.report_year = s.report_year AND n.created_at > s.created_at) "
                + "ORDER BY s.created_at, s.id LIMIT ? FOR UPDATE", Timestamp.from(cutoff), limit);
        if (ids.isEmpty()) {
            return 0;
        }
        for (String id : ids) {
            handOverRows(id, ids);
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        String[] args = ids.toArray(String[]::new);
        // none of them names another's rows any more, so they can go in any order
        update("UPDATE rollup_snapshot SET units_of = NULL WHERE units_of IS NOT NULL AND id IN (" + in + ")", args);
        update("DELETE FROM rollup_snapshot_unit WHERE snapshot_id IN (" + in + ")", args);
        return update("DELETE FROM rollup_snapshot WHERE id IN (" + in + ")", args);
    }

    /**
     * Gives the rows of {@code snapshot}, about to be deleted, to the newest snapshot sharing them that is not (the
     * others sharing them then name that one), if any; the sharing snapshots are locked so that none is pruned meanwhile.
     */
    private void handOverRows(String snapshot, List<String> deleted) {
        List<String> sharing = ids("SELECT id FROM rollup_snapshot WHERE units_of = ? "
                + "ORDER BY created_at DESC, id DESC FOR UPDATE", snapshot);
        String heir = sharing.stream().filter(id -> !deleted.contains(id)).findFirst().orElse(null);
        if (heir == null) {
            return;
        }
        update("UPDATE rollup_snapshot SET units_of = NULL WHERE id = ?", heir);
        update("UPDATE rollup_snapshot SET units_of = ? WHERE units_of = ?", heir, snapshot);
        update("UPDATE rollup_snapshot_unit SET snapshot_id = ? WHERE snapshot_id = ?", heir, snapshot);
    }

    /** The ids (first column) a query finds, in its order. */
    private List<String> ids(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }

    private int update(String sql, String... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        });
    }

    /** One unit's part of a snapshot. */
    Optional<StoredEntry> entry(String snapshot, String unit) {
        return entry(ENTRY + "FROM rollup_snapshot s JOIN rollup_snapshot_unit r ON r.snapshot_id = COALESCE(s.units_of, s.id) "
                + "LEFT JOIN rollup_part p ON p.id = r.part_id WHERE s.id = ? AND r.unit_id = ?", snapshot, unit);
    }

    /**
     * The part of {@code unit} in the newest snapshot that consolidated it for {@code year}: of the snapshots with a
     * row for it and those sharing such a snapshot's rows, the newest. The part is read apart, once that snapshot is
     * found: joined to every candidate, H2 read them all (pulls took 11 ms instead of 3).
     */
    Optional<StoredEntry> latestEntry(String unit, int year) {
        String holding = "SELECT s.id, s.unit_id, s.report_year, s.template_id, s.created_at, s.created_by, s.basis, "
                + "r.unit_id AS entry_unit, r.content AS entry_content, r.part_id FROM rollup_snapshot_unit r ";
        return jdbc.prepareStatement(holding + "JOIN rollup_snapshot s ON s.id = r.snapshot_id "
                + "WHERE r.unit_id = ? AND r.report_year = ? UNION ALL " + holding
                + "JOIN rollup_snapshot s ON s.units_of = r.snapshot_id WHERE r.unit_id = ? AND r.report_year = ? "
                + "ORDER BY created_at DESC, id DESC", ps -> {
                    ps.setString(1, unit);
                    ps.setInt(2, year);
                    ps.setString(3, unit);
                    ps.setInt(4, year);
                    ps.setMaxRows(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<StoredEntry>empty();
                        }
                        String part = rs.getString(10);
                        return Optional.of(new StoredEntry(header(rs, ""), rs.getString(8),
                                json(rs.getString(9), part == null ? null : part(part))));
                    }
                });
    }

    /** A stored part's deflated JSON. */
    private byte[] part(String id) {
        return jdbc.prepareStatement("SELECT content FROM rollup_part WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("a snapshot names part " + id + ", which is not stored");
                }
                return rs.getBytes(1);
            }
        });
    }

    /** The snapshots rooted at {@code unit} for {@code year}, newest first, without their content. */
    List<StoredSnapshot> listFor(String unit, int year) {
        return jdbc.prepareStatement(HEADER + ", '' FROM rollup_snapshot WHERE unit_id = ? AND report_year = ? "
                + "ORDER BY created_at DESC, id DESC", ps -> {
                    ps.setString(1, unit);
                    ps.setInt(2, year);
                    return rows(ps.executeQuery());
                });
    }

    /** The first entry {@code sql} finds. */
    private Optional<StoredEntry> entry(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    ps.setMaxRows(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new StoredEntry(header(rs, ""), rs.getString(8),
                                json(rs.getString(9), rs.getBytes(10))))
                                : Optional.<StoredEntry>empty();
                    }
                });
    }

    private static List<StoredSnapshot> rows(ResultSet rs) throws SQLException {
        List<StoredSnapshot> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(header(rs, rs.getString(8)));
            }
        }
        return rows;
    }

    private static StoredSnapshot header(ResultSet rs, String content) throws SQLException {
        return new StoredSnapshot(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), content);
    }
}

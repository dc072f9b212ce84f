package org.opengovinfo.service.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What the service's snapshots take in its database, read straight from the tables after the service has stopped
 * (an H2 file is locked while it runs): every column of every row counted as the bytes it holds (text as UTF-8,
 * binary as is, numbers and times as 8), so the figure does not depend on a database's page layout or on
 * PostgreSQL compressing large values behind the service's back. Works on the schema since V21.
 *
 * @param snapshots how many snapshots are stored
 * @param totalBytes everything the rollup tables hold
 * @param newestBytes the newest snapshot on its own: its header, its units' rows (or those it shares) and every part
 *     it names
 * @param treeBytes the stored trees (unit → parent), shared by every snapshot of one tree; a run stores one
 */
record SnapshotStorage(int snapshots, long totalBytes, long newestBytes, long treeBytes) {

    private static final List<String> TABLES = List.of("rollup_snapshot", "rollup_snapshot_unit", "rollup_tree", "rollup_part");

    /** Bytes per snapshot, all rollups of the run averaged (later ones share parts and the tree with earlier ones). */
    long bytesPerSnapshot() {
        return snapshots == 0 ? 0 : totalBytes / snapshots;
    }

    static SnapshotStorage measure(Map<String, String> env) throws SQLException {
        String url = env.get("DB_URL");
        String user = env.getOrDefault("DB_USER", "sa");
        String password = env.getOrDefault("DB_PASSWORD", "");
        if (url == null) {
            url = "jdbc:h2:file:" + env.get("DATA_DIR") + "/reports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r";
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long total = 0;
            for (String table : TABLES) {
                if (exists(c, table)) {
                    total += bytes(c, "SELECT * FROM " + table);
                }
            }
            int count = count(c);
            String newest = newest(c);
            long newestBytes = 0;
            if (newest != null) {
                // the units' rows it names, its own or (a rollup with nothing changed, V21) those it shares: what
                // the snapshot would take stored on its own
                String rows = "SELECT COALESCE(s.units_of, s.id) FROM rollup_snapshot s WHERE s.id = ?";
                newestBytes += bytes(c, "SELECT * FROM rollup_snapshot WHERE id = ?", newest)
                        + bytes(c, "SELECT * FROM rollup_snapshot_unit WHERE snapshot_id = (" + rows + ")", newest);
                if (exists(c, "rollup_part")) {
                    newestBytes += bytes(c, "SELECT * FROM rollup_part p WHERE p.id IN "
                            + "(SELECT part_id FROM rollup_snapshot_unit WHERE snapshot_id = (" + rows + "))", newest);
                }
            }
            return new SnapshotStorage(count, total, newestBytes, bytes(c, "SELECT * FROM rollup_tree"));
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollup_snapshot")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String newest(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM rollup_snapshot ORDER BY created_at DESC, id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long bytes(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            long bytes = 0;
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        Object value = rs.getObject(col);
                        if (value instanceof String text) {
                            bytes += text.getBytes(StandardCharsets.UTF_8).length;
                        } else if (value instanceof byte[] binary) {
                            bytes += binary.length;
                        } else if (value instanceof Clob clob) { // H2's TEXT
                            bytes += clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8).length;
                        } else if (value instanceof Blob blob) {
                            bytes += blob.length();
                        } else if (value != null) {
                            bytes += 8;
                        }
                    }
                }
            }
            return bytes;
        }
    }
}

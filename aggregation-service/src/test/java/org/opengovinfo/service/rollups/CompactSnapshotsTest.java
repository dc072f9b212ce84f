package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * Snapshots stored compactly (V18) store each distinct part once. And snapshots stored before V18 — the header as
 * JSON with the report states by unit id, each part as JSON in its unit's row — answer exactly what the same snapshots answer stored compactly: every pull (JSON and CSV, of the root and of
 * a unit consolidated below it), the whole snapshot and the diff between two.
 */
class CompactSnapshotsTest extends OnBothDatabases {

    private static int counties;

    @Test
    void snapshotsStoredInTheFormatBeforeV18ReadBackTheSameAnswers() throws Exception {
        String county = "older-county-" + (++counties);
        String street = county + "-street";
        List<String> leaves = List.of(county + "-office", county + "-education", street + "-a", street + "-b");
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", county, "name", "罗庄区", "kind", "district", "fromYear", 2015));
        units.add(Map.of("id", street, "name", "街道", "kind", "street", "fromYear", 2015, "parent", county));
        for (String leaf : leaves) {
            units.add(Map.of("id", leaf, "name", leaf, "kind", leaf.startsWith(street) ? "department" : "own_office",
                    "fromYear", 2015, "parent", leaf.startsWith(street) ? street : county));
        }
        units.add(Map.of("id", county + "-silent", "name", "未报送", "kind", "department", "fromYear", 2015, "parent", county));
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", units)).status());
        List<Figures> split = ReportSplitter.split(PublishedReport.luozhuang2020().figures(), leaves.size() + 1, new Random(3));
        for (int i = 0; i < leaves.size(); i++) {
            assertEquals(200, service.put("/api/v1/units/" + leaves.get(i) + "/figures/2020",
                    Map.of("figures", split.get(i).given())).status());
        }
        String first = service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).json().get("id").asText();
        assertEquals(200, service.put("/api/v1/units/" + leaves.get(3) + "/figures/2020",
                Map.of("figures", split.get(4).given())).status());
        String second = service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).json().get("id").asText();
        Map<String, String> compact = answers(county, street, first, second);

        int converted = storeAsBeforeV18();

        assertEquals(2, converted);
        assertEquals(compact, answers(county, street, first, second));
        assertTrue(compact.get("diff").contains(leaves.get(3)), "the diff names the changed unit: " + compact.get("diff"));
        assertTrue(compact.get("whole " + first).contains("\"" + county + "-silent\":\"none\""),
                "the report states are in the answers compared: " + compact.get("whole " + first));
        assertNotEquals(compact.get("whole " + first), compact.get("whole " + second));
    }

    @Test
    void aRollupStoresOnlyThePartsThatChangedSinceAnyEarlierSnapshot() throws Exception {
        String county = "shared-county-" + (++counties);
        String street = county + "-street";
        List<Map<String, Object>> units = List.of(
                Map.of("id", county, "name", "罗庄区", "kind", "district", "fromYear", 2015),
                Map.of("id", county + "-office", "name", "office", "kind", "own_office", "fromYear", 2015, "parent", county),
                Map.of("id", street, "name", "街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", street + "-a", "name", "a", "kind", "department", "fromYear", 2015, "parent", street));
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", units)).status());
        List<Figures> split = ReportSplitter.split(PublishedReport.luozhuang2020().figures(), 3, new Random(5));
        for (String leaf : List.of(county + "-office", street + "-a")) {
            assertEquals(200, service.put("/api/v1/units/" + leaf + "/figures/2020",
                    Map.of("figures", split.get(leaf.endsWith("-a") ? 1 : 0).given())).status());
        }
        long before = parts();
        assertEquals(201, service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).status());
        long first = parts();
        assertEquals(201, service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).status());
        long unchanged = parts();
        assertEquals(201, service.post("/api/v1/units/" + street + "/rollups/2020", Map.of()).status());
        long streetAlone = parts();
        assertEquals(200, service.put("/api/v1/units/" + county + "-office/figures/2020",
                Map.of("figures", split.get(2).given())).status());
        assertEquals(201, service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).status());

        assertEquals(List.of(2L, 0L, 1L, 1L), List.of(first - before, unchanged - first, streetAlone - unchanged,
                parts() - streetAlone), "the county and the street the first time; nothing new with nothing changed; "
                + "the street rolled up on its own is a root, a part naming no parent; then the county's part only, "
                + "its office having changed and the street's part being the one stored first");
    }

    private static long parts() throws SQLException {
        Map<String, Object> ds = service.datasource();
        try (Connection c = DriverManager.getConnection((String) ds.get("datasources.default.url"),
                (String) ds.get("datasources.default.username"), (String) ds.get("datasources.default.password"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollup_part")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every answer a snapshot gives, by what was asked. */
    private static Map<String, String> answers(String county, String street, String first, String second) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String unit : List.of(county, street)) {
            answers.put("pull " + unit, ok(service.get("/api/v1/units/" + unit + "/consolidated/2020")).raw().body());
            answers.put("csv " + unit, ok(service.get("/api/v1/units/" + unit + "/consolidated/2020?format=csv")).raw().body());
            answers.put("pull " + unit + " of " + first, ok(service.get("/api/v1/units/" + unit + "/consolidated/2020?snapshot="
                    + first)).raw().body());
        }
        for (String id : List.of(first, second)) {
            answers.put("whole " + id, ok(service.get("/api/v1/rollups/" + id)).raw().body());
        }
        answers.put("diff", ok(service.get("/api/v1/rollups/" + first + "/diff/" + second)).raw().body());
        return answers;
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
        return reply;
    }

    /**
     * Rewrites every compactly stored snapshot as the service stored it before V18: the header's JSON in content with
     * the report states by unit, each part's JSON in its unit's row, no parts table. Answers how many it rewrote.
     */
    private static int storeAsBeforeV18() throws SQLException {
        Map<String, Object> ds = service.datasource();
        try (Connection c = DriverManager.getConnection((String) ds.get("datasources.default.url"),
                (String) ds.get("datasources.default.username"), (String) ds.get("datasources.default.password"));
             Statement s = c.createStatement()) {
            Map<String, String> headers = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, packed FROM rollup_snapshot WHERE packed IS NOT NULL")) {
                while (rs.next()) {
                    headers.put(rs.getString(1), SnapshotCodec.unpack(rs.getBytes(2)));
                }
            }
            try (PreparedStatement header = c.prepareStatement("UPDATE rollup_snapshot SET content = ?, packed = NULL WHERE id = ?");
                 PreparedStatement tree = c.prepareStatement("SELECT content FROM rollup_tree WHERE id = ?")) {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    SnapshotCodec.Header now = SnapshotCodec.header(h.getValue());
                    tree.setString(1, now.treeId());
                    String treeJson;
                    try (ResultSet rs = tree.executeQuery()) {
                        rs.next();
                        treeJson = rs.getString(1);
                    }
                    Map<String, String> notAccepted = SnapshotCodec.notAccepted(
                            new ArrayList<>(SnapshotCodec.tree(treeJson).keySet()), now.notAcceptedInTree());
                    SnapshotCodec.Header before = new SnapshotCodec.Header(now.id(), now.unit(), now.year(), now.template(),
                            now.hierarchyYear(), now.computedAt(), now.triggeredBy(), now.completeness(),
                            now.figuresRevision(), now.treeId(), now.basis(), notAccepted, now.excluded(),
                            now.versionsOverride(), null, null, null, null);
                    header.setString(1, SnapshotCodec.write(before));
                    header.setString(2, h.getKey());
                    header.executeUpdate();
                }
            }
            Map<List<String>, byte[]> rows = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT snapshot_id, unit_id, p.content FROM rollup_snapshot_unit r "
                    + "JOIN rollup_part p ON p.id = r.part_id")) {
                while (rs.next()) {
                    rows.put(List.of(rs.getString(1), rs.getString(2)), rs.getBytes(3));
                }
            }
            try (PreparedStatement row = c.prepareStatement("UPDATE rollup_snapshot_unit SET content = ?, part_id = NULL "
                    + "WHERE snapshot_id = ? AND unit_id = ?")) {
                for (Map.Entry<List<String>, byte[]> r : rows.entrySet()) {
                    row.setString(1, SnapshotCodec.unpack(r.getValue()));
                    row.setString(2, r.getKey().get(0));
                    row.setString(3, r.getKey().get(1));
                    row.executeUpdate();
                }
            }
            s.executeUpdate("DELETE FROM rollup_part");
            return headers.size();
        }
    }
}

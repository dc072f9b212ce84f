package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * A rollup with nothing changed since the last one of the same unit, year and basis shares that snapshot's units' rows
 * instead of writing them again (V21), and every read answers as if it had rows of its own: the whole snapshot, a
 * pull by snapshot, the newest pull of each unit. Retention prunes a snapshot whose rows others share like any other,
 * handing the rows to the newest snapshot kept; and a snapshot whose rows are gone is never named.
 */
class SharingUnitRowsTest {

    private static final Instant T0 = Instant.parse("2021-02-01T00:00:00Z");

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void aRollupWithNothingChangedSharesTheLastOnesRowsAndEveryReadAnswersTheSame(TestDatabase database) throws Exception {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.snapshot-retention", "30d"))) {
            service.clock().set(T0);
            service.post("/api/v1/units/import", Map.of("units", List.of(
                    Map.of("id", "county", "name", "罗庄区", "kind", "district", "fromYear", 2015),
                    Map.of("id", "office", "name", "区政府办", "kind", "own_office", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "street", "name", "某街道", "kind", "street", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "street-a", "name", "a", "kind", "department", "fromYear", 2015, "parent", "street"))))
                    .ok();
            List<Figures> split = ReportSplitter.split(PublishedReport.luozhuang2020().figures(), 3, new Random(7));
            service.put("/api/v1/units/office/figures/2020", Map.of("figures", split.get(0).given())).ok();
            service.put("/api/v1/units/street-a/figures/2020", Map.of("figures", split.get(1).given())).ok();

            String first = rollup(service);
            service.clock().advance(Duration.ofDays(1));
            String second = rollup(service);
            service.clock().advance(Duration.ofDays(1));
            String third = rollup(service);
            assertEquals(List.of(2, 0, 0), List.of(rows(service, first), rows(service, second), rows(service, third)),
                    "the county and the street the first time, then nothing");
            assertEquals(List.of(first, first), List.of(unitsOf(service, second), unitsOf(service, third)));
            String parts = service.get("/api/v1/rollups/" + third).ok().json().get("units").toString();
            assertEquals(parts, service.get("/api/v1/rollups/" + first).ok().json().get("units").toString());

            // the first is old, unread (until just now: read it again below only after it is gone) and superseded
            resetRead(service, first);
            service.clock().set(T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)));
            assertEquals(1, service.bean(SnapshotRetention.class).prune());
            assertEquals("rollup.not_found", service.get("/api/v1/rollups/" + first).code());
            assertEquals(List.of(0, 2), List.of(rows(service, second), rows(service, third)),
                    "its rows went to the newest snapshot sharing them");
            assertNull(unitsOf(service, third));
            assertEquals(third, unitsOf(service, second));
            for (String kept : List.of(second, third)) {
                assertEquals(parts, service.get("/api/v1/rollups/" + kept).ok().json().get("units").toString(), kept);
            }
            for (String unit : List.of("county", "street")) {
                ServiceUnderTest.Reply newest = service.get("/api/v1/units/" + unit + "/consolidated/2020").ok();
                assertEquals(third, newest.json().get("snapshot").asText(), unit);
                assertEquals(newest.json().get("consolidated"), service.get("/api/v1/units/" + unit
                        + "/consolidated/2020?snapshot=" + second).ok().json().get("consolidated"), unit);
            }

            // a change: the next rollup writes rows of its own, and the one after shares them
            service.put("/api/v1/units/office/figures/2020", Map.of("figures", split.get(2).given())).ok();
            String fourth = rollup(service);
            String fifth = rollup(service);
            assertEquals(List.of(2, 0), List.of(rows(service, fourth), rows(service, fifth)));
            assertEquals(fourth, unitsOf(service, fifth));
            assertEquals(fifth, service.get("/api/v1/units/street/consolidated/2020").ok().json().get("snapshot").asText(),
                    "the newest snapshot holding the street is one that shares the rows naming it");

            // the snapshot whose rows this instance remembers is gone (as if its transaction had rolled back): the
            // next rollup with nothing changed writes rows of its own rather than name it
            execute(service, "UPDATE rollup_snapshot SET units_of = NULL WHERE id = ?", fifth);
            execute(service, "DELETE FROM rollup_snapshot_unit WHERE snapshot_id = ?", fourth);
            execute(service, "DELETE FROM rollup_snapshot WHERE id = ?", fourth);
            String sixth = rollup(service);
            assertEquals(2, rows(service, sixth));
            assertNull(unitsOf(service, sixth));
        }
    }

    private static String rollup(ServiceUnderTest service) {
        return service.post("/api/v1/units/county/rollups/2020", Map.of()).ok().json().get("id").asText();
    }

    private static int rows(ServiceUnderTest service, String snapshot) throws SQLException {
        return Integer.parseInt(query(service, "SELECT COUNT(*) FROM rollup_snapshot_unit WHERE snapshot_id = ?", snapshot));
    }

    private static String unitsOf(ServiceUnderTest service, String snapshot) throws SQLException {
        return query(service, "SELECT units_of FROM rollup_snapshot WHERE id = ?", snapshot);
    }

    private static void resetRead(ServiceUnderTest service, String snapshot) throws SQLException {
        execute(service, "UPDATE rollup_snapshot SET last_read_at = NULL WHERE id = ?", snapshot);
    }

    private static String query(ServiceUnderTest service, String sql, String arg) throws SQLException {
        try (Connection c = service.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(ServiceUnderTest service, String sql, String arg) throws SQLException {
        try (Connection c = service.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }
}

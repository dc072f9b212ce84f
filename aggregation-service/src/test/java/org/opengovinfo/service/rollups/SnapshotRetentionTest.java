package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * Retention prunes exactly the snapshots nobody can need — old, never read, unpublished, superseded — and keeps the
 * rest, judged by the service's clock.
 */
class SnapshotRetentionTest {

    private static final Instant T0 = Instant.parse("2021-02-01T00:00:00Z");

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void oldUnreadUnpublishedSupersededSnapshotsArePrunedAndEveryOtherKept(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.snapshot-retention", "30d"))) {
            service.clock().set(T0);
            service.post("/api/v1/units", Map.of("id", "county", "name", "罗庄区", "kind", "district", "fromYear", 2015)).ok();
            service.post("/api/v1/units", Map.of("id", "town", "name", "某街道", "kind", "street", "fromYear", 2015,
                    "parent", "county")).ok();
            service.put("/api/v1/units/town/figures/2020",
                    Map.of("figures", new LinkedHashMap<>(PublishedReport.luozhuang2020().cells()))).ok();
            String otherYear = rollup(service, 2021);
            String neverRead = rollup(service, 2020);
            service.clock().advance(Duration.ofDays(1));
            String pulled = rollup(service, 2020);
            service.get("/api/v1/units/county/consolidated/2020?snapshot=" + pulled).ok();
            service.clock().advance(Duration.ofDays(1));
            service.post("/api/v1/units/town/reports/2020/submit", Map.of()).ok();
            service.post("/api/v1/units/town/reports/2020/accept", Map.of()).ok();
            String published = service.post("/api/v1/units/county/publications/2020", Map.of()).ok()
                    .json().get("snapshot").asText();
            service.clock().advance(Duration.ofDays(1));
            String superseded = rollup(service, 2020);
            service.clock().advance(Duration.ofDays(1));
            String latest = rollup(service, 2020);
            SnapshotRetention retention = service.bean(SnapshotRetention.class);

            service.clock().set(T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)));
            assertEquals(1, retention.prune(), "only the first is 30 days old yet");
            assertGone(service, neverRead);

            service.clock().set(T0.plus(Duration.ofDays(100)));
            assertEquals(1, retention.prune());
            assertGone(service, superseded);
            assertEquals(0, retention.prune(), "nothing is pruned twice");
            for (String kept : List.of(otherYear, pulled, published, latest)) {
                assertEquals(200, service.get("/api/v1/rollups/" + kept).status(), kept);
            }
            assertEquals(List.of(latest, published, pulled),
                    service.get("/api/v1/units/county/rollups/2020").ok().json().findValuesAsText("id"));
        }
    }

    @Test
    void retentionIsADurationAndZeroOrBlankKeepsEverything() {
        assertEquals(Duration.ofDays(90), SnapshotRetention.parse("90d"));
        assertEquals(Duration.ofHours(12), SnapshotRetention.parse("12h"));
        assertNull(SnapshotRetention.parse("0"));
        assertNull(SnapshotRetention.parse(" "));
        assertNull(SnapshotRetention.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SnapshotRetention.parse("ninety days"));
        assertThrows(IllegalArgumentException.class, () -> SnapshotRetention.parse("-1d"));
    }

    private static String rollup(ServiceUnderTest service, int year) {
        return service.post("/api/v1/units/county/rollups/" + year, Map.of()).ok().json().get("id").asText();
    }

    private static void assertGone(ServiceUnderTest service, String snapshot) {
        assertEquals("rollup.not_found", service.get("/api/v1/rollups/" + snapshot).code());
    }
}

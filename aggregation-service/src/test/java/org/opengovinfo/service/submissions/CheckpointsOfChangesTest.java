package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * Checkpoints after the first hold only the units whose figures changed since the one before (V22), and a start reads
 * the chain — the whole year, then each checkpoint's changes in order — to exactly the year the stored versions give:
 * changed figures, a report marked not applicable, a unit's first report, declared tables. A chain whose middle is
 * gone is not read past the gap. A graceful stop checkpoints what changed since the last checkpoint.
 */
class CheckpointsOfChangesTest {

    private static final int YEAR = 2021;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void aChainOfCheckpointsOfChangesReadsBackTheYearTheStoredVersionsGive(TestDatabase database) throws Exception {
        // every catch-up is worth a checkpoint here, and only this test's reads catch up (no background follower)
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.figures-checkpoint-changes", 1,
                "reports.figures-follow-interval", "1h"))) {
            service.post("/api/v1/units/import", Map.of("units", List.of(
                    Map.of("id", "county", "name", "某区", "kind", "district", "fromYear", 2015),
                    Map.of("id", "a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "b", "name", "乙街道", "kind", "street", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "c", "name", "丙街道", "kind", "street", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "d", "name", "丁街道", "kind", "street", "fromYear", 2015, "parent", "county")))).ok();
            put(service, "a", Map.of("figures", Map.of("s4.reconsideration.upheld", "不适用", "s2_5.licensing.decisions", 3)));
            put(service, "b", Map.of("figures", Map.of("s2_5.licensing.decisions", 2)));
            put(service, "c", Map.of("figures", Map.of()));
            put(service, "county", Map.of("figures", Map.of("s2_5.licensing.decisions", 1),
                    "declared", Map.of("s2_5.licensing.decisions", 6)));
            CurrentFigures figures = service.bean(CurrentFigures.class);
            List<Long> revisions = new ArrayList<>();
            revisions.add(checkpointed(service, figures.of(YEAR)));

            put(service, "a", Map.of("figures", Map.of("s4.reconsideration.upheld", 5, "s2_5.licensing.decisions", 3)));
            put(service, "c", Map.of("figures", Map.of("s4.reconsideration.upheld", "N/A")));
            revisions.add(checkpointed(service, figures.of(YEAR)));

            put(service, "d", Map.of("figures", Map.of("s2_5.licensing.decisions", 4)));
            put(service, "county", Map.of("figures", Map.of("s2_5.licensing.decisions", 1),
                    "declared", Map.of("s2_5.licensing.decisions", 7)));
            OfYear now = figures.of(YEAR);
            revisions.add(checkpointed(service, now));

            assertEquals(Arrays.asList(
                    List.of(revisions.get(0), "whole year", 4L),
                    List.of(revisions.get(1), revisions.get(0), 2L),
                    List.of(revisions.get(2), revisions.get(1), 2L)), checkpoints(service),
                    "the whole year first, then the changes: a and c, then d and the county");
            try (ServiceUnderTest restarted = ServiceUnderTest.start(service.datasource())) {
                OfYear read = restarted.bean(CurrentFigures.class).of(YEAR);
                assertSameYear(now, read);
                assertEquals(7, read.units().get("county").declared().value("s2_5.licensing.decisions").orElseThrow()
                        .intValue());
                assertTrue(read.units().get("c").own().isNotApplicable("s4.reconsideration.upheld"));
                assertEquals(revisions.get(2), restarted.bean(FiguresCheckpoints.class).newest(YEAR, now.revision())
                        .orElseThrow().revision(), "the start read the chain to its end");
            }

            // the middle of the chain gone: its end cannot be read, the whole year can
            execute(service, "DELETE FROM figures_checkpoint WHERE revision = ?", revisions.get(1));
            assertEquals(revisions.get(0), service.bean(FiguresCheckpoints.class).newest(YEAR, now.revision())
                    .orElseThrow().revision());
            try (ServiceUnderTest restarted = ServiceUnderTest.start(service.datasource())) {
                assertSameYear(now, restarted.bean(CurrentFigures.class).of(YEAR));
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void aGracefulStopCheckpointsWhatChangedSoTheNextStartReadsNoVersions(TestDatabase database) throws Exception {
        Map<String, Object> datasource;
        OfYear held;
        // no checkpoint is due while it runs (too few changes), and nothing follows the year in the background
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.figures-follow-interval", "1h"))) {
            service.post("/api/v1/units/import", Map.of("units", List.of(
                    Map.of("id", "county", "name", "某区", "kind", "district", "fromYear", 2015),
                    Map.of("id", "a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", "county")))).ok();
            put(service, "a", Map.of("figures", Map.of("s2_5.licensing.decisions", 3)));
            held = service.bean(CurrentFigures.class).of(YEAR);
            put(service, "county", Map.of("figures", Map.of("s2_5.licensing.decisions", 1)));
            held = service.bean(CurrentFigures.class).of(YEAR);
            assertEquals(List.of(), checkpoints(service));
            datasource = service.datasource();
        }
        try (ServiceUnderTest restarted = ServiceUnderTest.start(datasource)) {
            assertEquals(List.of(List.of(held.revision(), "whole year", 2L)), checkpoints(restarted));
            OfYear read = restarted.bean(CurrentFigures.class).of(YEAR);
            assertSameYear(held, read);
            assertEquals(held.revision(), restarted.bean(FiguresCheckpoints.class).newest(YEAR, read.revision())
                    .orElseThrow().revision());
        }
    }

    private static void put(ServiceUnderTest service, String unit, Map<String, Object> body) {
        service.put("/api/v1/units/" + unit + "/figures/" + YEAR, body).ok();
    }

    /** Waits until the background checkpoint of this state of the year is stored; returns its revision. */
    private static long checkpointed(ServiceUnderTest service, OfYear year) {
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoints(service),
                stored -> !stored.isEmpty() && stored.get(stored.size() - 1).get(0).equals(year.revision()));
        return year.revision();
    }

    private static void assertSameYear(OfYear expected, OfYear actual) {
        assertEquals(expected.revision(), actual.revision());
        assertEquals(expected.units(), actual.units());
        assertEquals(expected.firstSubmitted(), actual.firstSubmitted());
    }

    /** Each stored checkpoint: its revision, the revision it builds on (or "whole year"), and how many units it holds. */
    private static List<List<Object>> checkpoints(ServiceUnderTest service) throws SQLException {
        List<List<Object>> found = new ArrayList<>();
        FiguresCheckpoints reader = service.bean(FiguresCheckpoints.class);
        try (Connection c = service.connection(); PreparedStatement ps = c.prepareStatement("SELECT revision, base_revision, "
                + "content FROM figures_checkpoint WHERE report_year = ? AND part = 0 ORDER BY revision")) {
            ps.setInt(1, YEAR);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long base = rs.getLong(2);
                    Object named = rs.wasNull() ? "whole year" : base;
                    found.add(List.of(rs.getLong(1), named, (long) reader.unitsIn(rs.getBytes(3))));
                }
            }
        }
        return found;
    }

    private static void execute(ServiceUnderTest service, String sql, long arg) throws SQLException {
        try (Connection c = service.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            ps.executeUpdate();
        }
    }
}

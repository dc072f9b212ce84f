package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.season.Standing;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * A year's first read takes every report's state beside its figures, on another connection: a figures write and a
 * review move committed after the states were read but before the figures were are in what it returns, as they are
 * in the figures.
 */
class FirstReadTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void reportsStoredOrMovedBetweenTheStatesAndTheFiguresAreReadAgain(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.figures-follow-interval", "1h"))) {
            service.post("/api/v1/units/import", Map.of("units", List.of(
                    Map.of("id", "county", "name", "某区", "kind", "district", "fromYear", 2015),
                    Map.of("id", "a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", "county"),
                    Map.of("id", "b", "name", "乙街道", "kind", "street", "fromYear", 2015, "parent", "county")))).ok();
            for (String unit : List.of("a", "b")) {
                service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures", Map.of("s2_5.licensing.decisions", 3)))
                        .ok();
            }
            service.post("/api/v1/units/b/reports/2021/submit", Map.of()).ok();
            // runs the states' read at once, then, before the figures are read, stores a's figures again (a draft of
            // version 2) and accepts b's report
            AbstractExecutorService meanwhile = new AbstractExecutorService() {
                @Override
                public void execute(Runnable command) {
                    command.run();
                    service.put("/api/v1/units/a/figures/2021", Map.of("figures", Map.of("s2_5.licensing.decisions", 4)))
                            .ok();
                    service.post("/api/v1/units/b/reports/2021/accept", Map.of()).ok();
                }

                @Override
                public void shutdown() {
                }

                @Override
                public List<Runnable> shutdownNow() {
                    return List.of();
                }

                @Override
                public boolean isShutdown() {
                    return false;
                }

                @Override
                public boolean isTerminated() {
                    return false;
                }

                @Override
                public boolean awaitTermination(long timeout, TimeUnit unit) {
                    return true;
                }
            };
            // side by side on both databases here (the service reads them one after the other on H2)
            RollupInputs inputs = new RollupInputs(service.bean(CurrentFigures.class), service.bean(SeasonService.class),
                    meanwhile, true);

            RollupInputs.OfYear read = inputs.of(2021);

            assertEquals(2, read.figures().units().get("a").version());
            assertEquals(Map.of("a", new Standing(ReportState.DRAFT, 2), "b", new Standing(ReportState.ACCEPTED, 1)),
                    Map.of("a", read.standings().get("a"), "b", read.standings().get("b")));
            assertEquals(service.bean(SeasonService.class).standings(2021), read.standings());
        }
    }
}

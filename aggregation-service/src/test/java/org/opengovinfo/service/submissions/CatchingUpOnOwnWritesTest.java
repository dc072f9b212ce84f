package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * The year in memory, caught up on this instance's own writes from the figures they were checked as, is exactly the
 * year another instance reads from the stored rows: typed and computed totals, cells marked not applicable, blank
 * reports, declared tables, single PUTs, PATCHes and batches alike.
 */
class CatchingUpOnOwnWritesTest extends OnBothDatabases {

    private static final int YEAR = 2021;
    private static int counties;

    private static void ok(Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
    }

    @Test
    void theYearCaughtUpOnItsOwnWritesIsTheYearReadFromTheRows() {
        String k = "own-county-" + (++counties);
        ok(service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", k, "name", "某区", "kind", "district", "fromYear", 2015),
                Map.of("id", k + "-a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", k),
                Map.of("id", k + "-b", "name", "乙街道", "kind", "street", "fromYear", 2015, "parent", k),
                Map.of("id", k + "-c", "name", "丙街道", "kind", "street", "fromYear", 2015, "parent", k)))));
        CurrentFigures current = service.bean(CurrentFigures.class);
        JustStored justStored = service.bean(JustStored.class);
        current.of(YEAR);
        long before = justStored.handedOver();

        String figures = "/api/v1/units/%s/figures/" + YEAR;
        ok(service.put(figures.formatted(k + "-a"), Map.of("figures", Map.of("s4.reconsideration.upheld", "不适用",
                "s2_5.licensing.decisions", 3, "s4.reconsideration.corrected", 0))));
        ok(service.put(figures.formatted(k + "-c"), Map.of("figures", Map.of())));
        // a typed total that agrees with its parts, beside the parts
        ok(service.put(figures.formatted(k + "-b"), Map.of("figures", Map.of("s4.reconsideration.upheld", 1,
                "s4.reconsideration.corrected", 2, "s4.reconsideration.total", 3, "s2_5.licensing.decisions", 2))));
        ok(service.send(service.request(figures.formatted(k + "-b")).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"figures\": {\"s2_5.licensing.decisions\": 4}}")).build()));
        ok(service.post("/api/v1/figures/batch", Map.of("year", YEAR, "submissions", List.of(
                Map.of("unit", k, "figures", Map.of("s2_5.licensing.decisions", 1),
                        "declared", Map.of("s2_5.licensing.decisions", 8)),
                Map.of("unit", k + "-c", "figures", Map.of("s4.reconsideration.upheld", "N/A"))))));
        OfYear caughtUp = current.of(YEAR);

        assertEquals(6, justStored.handedOver() - before, "every version written here was handed over, none decoded");
        try (ServiceUnderTest other = ServiceUnderTest.start(service.datasource())) {
            OfYear read = other.bean(CurrentFigures.class).of(YEAR);
            assertEquals(read.revision(), caughtUp.revision());
            assertEquals(read.units(), caughtUp.units());
            assertEquals(read.firstSubmitted(), caughtUp.firstSubmitted());
        }
    }
}

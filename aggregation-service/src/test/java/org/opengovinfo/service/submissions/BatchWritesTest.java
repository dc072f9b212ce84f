package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opengovinfo.service.testing.UnitBodies.unit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * A batch of figures meets reports in every state at once: a report in draft and one handed in go to draft at the
 * new version, a unit that never reported gets its first report, an accepted report refuses its figures with
 * {@code figures.locked} and keeps its version — each unit with its own outcome, in one transaction. The batch is
 * stored through {@link SubmissionService#submitAll} itself: the API would store a batch that failed as a whole
 * again unit by unit, which hides a fault of the batch's own path.
 */
class BatchWritesTest extends OnBothDatabases {

    private static final int YEAR = 2021;
    private static int counties;

    private static Map<String, Object> figures(int decisions) {
        return Map.of("s2_6.penalty.decisions", decisions, "s4.reconsideration.upheld", 1);
    }

    private static JsonNode ok(Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.json();
    }

    private static List<Object> report(String unit) {
        JsonNode r = ok(service.get("/api/v1/units/" + unit + "/reports/" + YEAR));
        return List.of(r.get("state").asText(), r.get("report").get("version").asInt());
    }

    @Test
    void aBatchMovesDraftsAndHandedInReportsCreatesNewOnesAndRefusesAcceptedOnes() {
        String k = "bw-county-" + (++counties);
        ok(service.post("/api/v1/units/import", Map.of("units", List.of(unit(k, "county", null),
                unit(k + "-draft", "town", k), unit(k + "-handed", "town", k), unit(k + "-accepted", "town", k),
                unit(k + "-new", "town", k)))));
        for (String t : List.of("-draft", "-handed", "-accepted")) {
            ok(service.put("/api/v1/units/" + k + t + "/figures/" + YEAR, Map.of("figures", figures(1))));
        }
        String reports = "/api/v1/units/%s/reports/" + YEAR;
        ok(service.post(reports.formatted(k + "-handed") + "/submit", Map.of("version", 1)));
        ok(service.post(reports.formatted(k + "-accepted") + "/submit", Map.of("version", 1)));
        ok(service.post(reports.formatted(k + "-accepted") + "/accept", Map.of("version", 1)));

        List<SubmissionService.BatchOutcome> batch = service.bean(SubmissionService.class).submitAll(YEAR, List.of(
                Map.entry(k + "-new", SubmissionService.input(figures(2), Map.of())),
                Map.entry(k + "-accepted", SubmissionService.input(figures(2), Map.of())),
                Map.entry(k + "-handed", SubmissionService.input(figures(2), Map.of())),
                Map.entry(k + "-draft", SubmissionService.input(figures(2), Map.of()))), false, unit -> { });

        assertEquals(List.of("accepted", "figures.locked", "accepted", "accepted"), batch.stream()
                .map(o -> o.rejected() != null ? o.rejected().error().code() : o.outcome().status().code()).toList());
        assertEquals(List.of("draft", 1), report(k + "-new"));
        assertEquals(List.of("accepted", 1), report(k + "-accepted"));
        assertEquals(List.of("draft", 2), report(k + "-handed"));
        assertEquals(List.of("draft", 2), report(k + "-draft"));
        assertEquals(1, ok(service.get("/api/v1/units/" + k + "-accepted/figures/" + YEAR)).get("figures")
                .get("s2_6.penalty.decisions").asInt(), "the accepted report's figures are as accepted");
    }
}

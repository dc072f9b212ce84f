package org.opengovinfo.service.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/** 报送情况（历年）: a subtree's units by year — accepted, with warnings, reported, missing, not yet in force. */
class ProgressAcrossYearsTest extends OnBothDatabases {

    private static int counties;

    private static List<String> statuses(JsonNode row) {
        List<String> statuses = new ArrayList<>();
        row.get("years").forEach(y -> statuses.add(y.get("status").asText()));
        return statuses;
    }

    @Test
    void eachUnitOfTheSubtreeHasAStatusInEachYear() {
        String county = "pg-county-" + (++counties);
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", county, "name", "某区", "kind", "district", "fromYear", 2015),
                Map.of("id", county + "-a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", county + "-b", "name", "=乙街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", county + "-c", "name", "丙街道", "kind", "street", "fromYear", 2021, "parent", county))))
                .status());
        // a: the whole published 2020 report (no warning), then only one table of 2021 (the others wholly blank)
        service.put("/api/v1/units/" + county + "-a/figures/2020",
                Map.of("figures", PublishedReport.luozhuang2020().figures().given())).ok();
        service.put("/api/v1/units/" + county + "-a/figures/2021",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 3))).ok();
        // b: nothing in 2020; the whole 2021 report, handed in and accepted by the county
        service.put("/api/v1/units/" + county + "-b/figures/2021",
                Map.of("figures", PublishedReport.linzi2021().figures().given())).ok();
        service.post("/api/v1/units/" + county + "-b/reports/2021/submit", Map.of()).ok();
        service.post("/api/v1/units/" + county + "-b/reports/2021/accept", Map.of()).ok();

        Reply reply = service.get("/api/v1/units/" + county + "/progress?fromYear=2020&toYear=2021");

        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode matrix = reply.json();
        assertEquals(List.of(2020, 2021), List.of(matrix.get("years").get(0).asInt(), matrix.get("years").get(1).asInt()));
        List<String> rows = new ArrayList<>();
        matrix.get("units").forEach(r -> rows.add(r.get("unit").asText()));
        assertEquals(List.of(county, county + "-a", county + "-b", county + "-c"), rows);
        assertEquals(List.of("missing", "missing"), statuses(matrix.get("units").get(0)));
        assertEquals(List.of("reported", "with_warnings"), statuses(matrix.get("units").get(1)));
        assertTrue(matrix.get("units").get(1).get("years").get(1).get("warnings").asInt() > 0);
        assertEquals(List.of("missing", "accepted"), statuses(matrix.get("units").get(2)));
        assertEquals("accepted", matrix.get("units").get(2).get("years").get(1).get("state").asText());
        assertEquals(List.of("not_in_force", "missing"), statuses(matrix.get("units").get(3)));
        JsonNode totals2021 = matrix.get("totals").get("2021");
        assertEquals(List.of(1, 1, 0, 2, 0), List.of(totals2021.get("accepted").asInt(), totals2021.get("with_warnings").asInt(),
                totals2021.get("reported").asInt(), totals2021.get("missing").asInt(), totals2021.get("not_in_force").asInt()));

        String csv = service.get("/api/v1/units/" + county + "/progress?fromYear=2020&toYear=2021&format=csv").raw().body();
        assertTrue(csv.startsWith("\uFEFFunit,name,kind,2020,2021\n"), csv);
        assertTrue(csv.contains("\n" + county + "-a,甲街道,street,reported,with_warnings\n"), csv);
        assertTrue(csv.contains("\n" + county + "-b,\"'=乙街道\",street,missing,accepted\n"), "a name Excel would run is text: " + csv);
    }

    @Test
    void aRangeBackwardsOrLongerThanTwentyYearsIsRefused() {
        String county = "pg-county-" + (++counties);
        service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", county, "name", "某区", "kind", "district", "fromYear", 2008)))).ok();
        for (String range : List.of("fromYear=2021&toYear=2020", "fromYear=2008&toYear=2030")) {
            Reply reply = service.get("/api/v1/units/" + county + "/progress?" + range);
            assertEquals(List.of(400, "request.invalid_parameter"), List.of(reply.status(), reply.code()), range);
        }
        assertEquals("request.year_required", service.get("/api/v1/units/" + county + "/progress?fromYear=2020").code());
        assertEquals(1, service.get("/api/v1/units/" + county + "/progress?toYear=2021").json().get("years").size(),
                "without fromYear, the one year");
    }
}

package org.opengovinfo.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

class DemoCityTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void theDemoCityHasARealSeasonAndRollsUpCleanlyForBothYears(TestDatabase database) {
        Map<String, Object> datasource = database.freshDatabase();
        Map<String, Object> demo = new HashMap<>(datasource);
        demo.put("reports.demo", "true");
        try (ServiceUnderTest service = ServiceUnderTest.start(demo)) {
            JsonNode subtree = service.get("/api/v1/units/371300/subtree?year=2021").json();
            assertEquals(DemoCity.hierarchy().size(), subtree.size());
            assertEquals("罗庄区", service.get("/api/v1/units/371311").json().get("name").asText());
            for (int year : new int[] {2020, 2021}) {
                JsonNode completeness = service.get("/api/v1/units/371300/completeness/" + year).json();
                int missing = year == 2021 ? 9 : 0;
                assertEquals(List.of(subtree.size() - missing, missing, 15), List.of(completeness.get("reported").asInt(),
                        completeness.get("missing").size(), completeness.get("late").size()), "most on time, some late");
                assertEquals(201, service.post("/api/v1/units/371300/rollups/" + year, Map.of()).status());
                JsonNode pulled = service.get("/api/v1/units/371300/consolidated/" + year).json();
                assertEquals(subtree.size() - missing, pulled.get("unitsReported").asInt());
                assertEquals(0, pulled.get("findings").size(), pulled.get("findings").toString());
            }
            JsonNode corrected = service.get("/api/v1/units/" + DemoCity.CORRECTED + "/figures/2021/versions").json();
            assertEquals(2, corrected.size(), "one town of 罗庄区 corrected its report in February");
            assertTrue(corrected.get(1).get("submittedAt").asText().startsWith("2022-02-10"), corrected.toString());

            // the season: 2020 published; 2021 under way
            JsonNode published = service.get("/api/v1/units/371300/publications/2020").json();
            assertEquals(1, published.size());
            JsonNode past = service.get("/api/v1/units/371300/status/2020").json().get("total");
            assertEquals(List.of(723, 1), List.of(past.get("byState").get("accepted").asInt(),
                    past.get("byState").get("draft").asInt()), "everything accepted but the city's own report");
            JsonNode now = service.get("/api/v1/units/371300/status/2021").json().get("total");
            assertEquals(List.of(9, 16, 15, 1, 683), List.of(now.get("byState").get("none").asInt(),
                    now.get("byState").get("draft").asInt(), now.get("byState").get("submitted").asInt(),
                    now.get("byState").get("returned").asInt(), now.get("byState").get("accepted").asInt()),
                    "missing, counties and zones not handed in, late ones waiting, one returned, the rest accepted");
            List<String> history = service.get("/api/v1/units/" + DemoCity.CORRECTED + "/reports/2021").json()
                    .get("history").findValuesAsText("action");
            assertEquals(List.of("figures.accepted", "report.submitted", "report.accepted", "report.reopened",
                    "figures.accepted", "report.submitted", "report.accepted"), history);
        }
        try (ServiceUnderTest again = ServiceUnderTest.start(demo)) {
            assertEquals(2, again.get("/api/v1/units/" + DemoCity.CORRECTED + "/figures/2021/versions").json().size(),
                    "a second start loads nothing again");
            assertEquals(1, again.get("/api/v1/units/371311-t01/figures/2021/versions").json().size());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void theDemoIsLoadedOnlyIntoAnEmptyDatabase(TestDatabase database) {
        Map<String, Object> datasource = database.freshDatabase();
        try (ServiceUnderTest plain = ServiceUnderTest.start(datasource)) {
            assertEquals(201, plain.post("/api/v1/units", Map.of("id", "own", "name", "本单位", "kind", "city",
                    "fromYear", 2020)).status());
        }
        Map<String, Object> demo = new HashMap<>(datasource);
        demo.put("reports.demo", "true");
        try (ServiceUnderTest service = ServiceUnderTest.start(demo)) {
            assertEquals(404, service.get("/api/v1/units/371300").status());
        }
    }
}

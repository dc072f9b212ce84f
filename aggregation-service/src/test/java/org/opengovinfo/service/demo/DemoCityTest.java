package org.opengovinfo.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

class DemoCityTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void theDemoCityRollsUpCleanlyForBothYearsRightAfterStart(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.demo", "true"))) {
            JsonNode subtree = service.get("/api/v1/units/371300/subtree?year=2021").json();
            assertEquals(DemoCity.hierarchy().size(), subtree.size());
            assertEquals("罗庄区", service.get("/api/v1/units/371311").json().get("name").asText());
            for (int year : new int[] {2020, 2021}) {
                assertEquals(201, service.post("/api/v1/units/371300/rollups/" + year, Map.of()).status());
                JsonNode pulled = service.get("/api/v1/units/371300/consolidated/" + year).json();
                assertEquals(subtree.size(), pulled.get("unitsReported").asInt());
                assertEquals(0, pulled.get("findings").size(), pulled.get("findings").toString());
            }
        }
    }
}

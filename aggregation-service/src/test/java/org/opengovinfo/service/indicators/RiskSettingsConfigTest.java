package org.opengovinfo.service.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * The risk thresholds come from the model's data file unless the service's configuration (RISK_* variables) says
 * otherwise; a configuration that makes no sense stops the start instead of flagging everything or nothing.
 */
class RiskSettingsConfigTest {

    /** 20 new requests, 1 of 4 reconsiderations corrected (25 %), 15 of 20 granted (75 %). */
    private static void seed(ServiceUnderTest service) {
        service.post("/api/v1/units", Map.of("id", "rc", "name", "某区", "kind", "district", "fromYear", 2015)).ok();
        Map<String, Object> cells = new HashMap<>();
        cells.put("s3.new.natural_person", 20);
        cells.put("s3.carried_over.natural_person", 0);
        cells.put("s3.granted.natural_person", 15);
        cells.put("s3.partly_granted.natural_person", 0);
        cells.put("s3.unavailable_not_held.natural_person", 5);
        cells.put("s3.carried_forward.natural_person", 0);
        cells.put("s4.reconsideration.upheld", 3);
        cells.put("s4.reconsideration.corrected", 1);
        service.put("/api/v1/units/rc/figures/2021", Map.of("figures", cells)).ok();
    }

    private static List<String> flags(JsonNode risks) {
        List<String> flags = new java.util.ArrayList<>();
        risks.get("flags").forEach(f -> flags.add(f.get("value").get("indicator").asText() + " " + f.get("level").asText()
                + " " + f.get("threshold").asText()));
        return flags;
    }

    @Test
    void theDefaultsComeFromTheDataFileAndTheConfigurationOverridesThem() {
        try (ServiceUnderTest service = ServiceUnderTest.start(TestDatabase.H2, Map.of())) {
            seed(service);
            JsonNode risks = service.get("/api/v1/units/rc/risks/2021").ok().json();
            assertEquals(List.of(), flags(risks), "20 new requests are below the default minimum of 30");
            assertEquals(30, risks.get("settings").get("minimumVolume").asInt());
        }
        try (ServiceUnderTest service = ServiceUnderTest.start(TestDatabase.H2, Map.of(
                "reports.risks.minimum-new-requests", "10", "reports.risks.reconsideration-correction-red", "30",
                "reports.risks.substantive-disclosure-yellow", "80"))) {
            seed(service);
            JsonNode risks = service.get("/api/v1/units/rc/risks/2021").ok().json();
            // 25 % is above the default yellow 10 but below the configured red 30; 75 % is below the configured 80
            assertEquals(List.of("reconsideration_correction_rate yellow 10", "substantive_disclosure_rate yellow 80"),
                    flags(risks));
            assertEquals(10, risks.get("settings").get("minimumVolume").asInt());
        }
    }

    @Test
    void aRedThresholdMilderThanTheYellowOneOrANonNumberStopsTheStart() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("reports.risks.reconsideration-correction-red", "5"),
                Map.of("reports.risks.minimum-new-requests", "thirty"))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ServiceUnderTest.start(TestDatabase.H2, bad).close());
            String all = String.valueOf(e) + String.valueOf(e.getCause()) + (e.getCause() == null ? "" : String.valueOf(e.getCause().getCause()));
            assertTrue(all.contains("reconsideration_correction_rate") || all.contains("RISK_MINIMUM_NEW_REQUESTS"), all);
        }
    }
}

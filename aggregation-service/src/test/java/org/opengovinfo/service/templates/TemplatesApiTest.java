package org.opengovinfo.service.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.OnBothDatabases;

class TemplatesApiTest extends OnBothDatabases {

    @Test
    void theThreeFormatsAreListedOldestFirstAndTheYearPicksOne() {
        JsonNode all = service.get("/api/v1/templates").json();
        List<String> ids = new ArrayList<>();
        all.forEach(t -> ids.add(t.get("id").asText()));

        assertEquals(List.of("legacy", "2019", "2021"), ids);
        assertEquals("2019", service.get("/api/v1/templates?year=2020").json().get(0).get("id").asText());
        assertTrue(all.get(2).get("toYear").isNull());
        assertEquals(List.of(422, "year.unsupported"), List.of(service.get("/api/v1/templates?year=2001").status(),
                service.get("/api/v1/templates?year=2001").code()));
    }

    @Test
    void aTemplateShowsEveryCellWithItsLabelsAndEveryRule() {
        JsonNode t = service.get("/api/v1/templates/2019").json();

        JsonNode change = null;
        for (JsonNode cell : t.get("cells")) {
            if (cell.get("code").asText().equals("s2_5.licensing.change")) {
                change = cell;
            }
        }
        assertEquals("signed_count", change.get("kind").asText());
        assertEquals("declared", change.get("consolidation").asText());
        assertEquals("项", change.get("unit").asText());
        assertEquals("本年增/减", change.get("labels").get(change.get("labels").size() - 1).asText());
        JsonNode balance = t.get("rules").get(0);
        assertEquals("s3.balance", balance.get("id").asText());
        assertEquals("equal", balance.get("check").asText());
        assertEquals(List.of("s3.results_total.natural_person", "s3.carried_forward.natural_person"),
                List.of(balance.get("left").get(0).asText(), balance.get("left").get(1).asText()));
        assertTrue(balance.get("message").get("zh").asText().contains("勾稽关系"));
        assertEquals("template.not_found", service.get("/api/v1/templates/1999").code());
    }
}

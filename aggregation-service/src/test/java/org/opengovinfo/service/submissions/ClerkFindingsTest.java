package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * What a clerk is told about figures as the service answers them: a consolidating unit's compiled table goes through
 * the same rules as any report, a cell far off its own history is a warning with both years, and the message is in
 * the language the request asks for.
 */
class ClerkFindingsTest extends OnBothDatabases {

    @BeforeParameterizedClassInvocation
    static void seed() {
        service.post("/api/v1/units", Map.of("id", "cf-county", "name", "罗庄区", "kind", "district", "fromYear", 2015)).ok();
        for (String town : List.of("cf-town-1", "cf-town-2")) {
            service.post("/api/v1/units", Map.of("id", town, "name", "某街道", "kind", "street", "fromYear", 2015,
                    "parent", "cf-county")).ok();
        }
    }

    private static Map<String, Object> luozhuang() {
        return new LinkedHashMap<>(PublishedReport.luozhuang2020().cells());
    }

    @Test
    void aCompiledTableWhoseTotalDisagreesWithItsPartsIsRefusedOnADryRun() {
        Map<String, Object> declared = luozhuang();
        long total = ((Number) declared.get("s4.reconsideration.total")).longValue();
        declared.put("s4.reconsideration.total", total + 1);

        Reply reply = service.put("/api/v1/units/cf-county/figures/2020?dryRun=true",
                Map.of("figures", Map.of(), "declared", declared));

        assertEquals(422, reply.status(), reply.raw().body());
        assertEquals("submission.rejected", reply.code());
        assertEquals(1, reply.json().get("errors").size(), reply.raw().body());
        JsonNode error = reply.json().get("errors").get(0);
        assertEquals("s4.total", error.get("rule").asText());
        assertEquals(List.of("declared:s4.reconsideration.total", "declared:s4.reconsideration.upheld",
                "declared:s4.reconsideration.corrected", "declared:s4.reconsideration.other",
                "declared:s4.reconsideration.pending"), texts(error.get("cells")));
        assertEquals("行政复议 / 总计", error.get("labels").get(0).asText());
        assertEquals("row 行政复议", error.get("scope").get("kind").asText() + " " + error.get("scope").get("label").asText());
        assertEquals(List.of(total + 1, total, 1L), List.of(error.get("actual").asLong(), error.get("expected").asLong(),
                error.get("difference").asLong()));
        assertEquals("submission.none", service.get("/api/v1/units/cf-county/figures/2020").code());
    }

    @Test
    void aCellFarOffItsOwnHistoryIsAWarningWithBothYearsAndTheThresholds() {
        service.put("/api/v1/units/cf-town-1/figures/2019", Map.of("figures", Map.of("s2_5.licensing.decisions", 5))).ok();

        Reply reply = service.put("/api/v1/units/cf-town-1/figures/2020",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 600)));

        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode outlier = null;
        for (JsonNode f : reply.json().get("findings")) {
            if (!f.get("rule").asText().equals("section.blank")) {
                assertEquals(null, outlier, "one finding beside the blank sections: " + reply.raw().body());
                outlier = f;
            }
        }
        assertEquals("outlier.year_over_year warning", outlier.get("rule").asText() + " " + outlier.get("severity").asText());
        assertEquals(List.of("s2_5.licensing.decisions", "previous:s2_5.licensing.decisions"), texts(outlier.get("cells")));
        assertEquals(List.of(5, 600, 10, 100), List.of(outlier.get("outlier").get("previous").asInt(),
                outlier.get("outlier").get("current").asInt(), outlier.get("outlier").get("factor").asInt(),
                outlier.get("outlier").get("minimumFromZero").asInt()));
        assertEquals(600, outlier.get("actual").asInt());
        assertTrue(outlier.get("expected").isNull() && outlier.get("limit").isNull(), "an outlier corrects nothing");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void findingsSpeakEnglishWhenTheRequestAsksForIt() {
        Map<String, Object> figures = luozhuang();
        figures.put("s4.reconsideration.total", ((Number) figures.get("s4.reconsideration.total")).longValue() + 1);
        Reply zh = service.put("/api/v1/units/cf-town-2/figures/2020?dryRun=true", Map.of("figures", figures));
        Reply en = service.send(service.request("/api/v1/units/cf-town-2/figures/2020?dryRun=true")
                .header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        org.opengovinfo.service.system.Json.write(Map.of("figures", figures)))).build());

        assertEquals("s4.total", en.json().get("errors").get(0).get("rule").asText());
        assertTrue(en.json().get("errors").get(0).get("message").asText().startsWith("The total must equal"));
        assertEquals("en", en.header("Content-Language"));
        assertEquals(zh.json().get("errors").get(0).get("messageZh").asText(), zh.json().get("errors").get(0).get("message").asText());
        assertEquals(en.json().get("errors").get(0).get("messageEn").asText(), en.json().get("errors").get(0).get("message").asText());
    }
}

package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * 行政规范性文件 in force carry over from year to year: last year's in force + issued − repealed = this year's. A
 * break is a warning with both years' values where the submission is checked against last year, never a refusal.
 */
class ContinuityAcrossYearsTest extends OnBothDatabases {

    @BeforeParameterizedClassInvocation
    static void seed() {
        for (String id : List.of("ct-holds", "ct-broken", "ct-new", "ct-linzi")) {
            service.post("/api/v1/units", Map.of("id", id, "name", "某区", "kind", "district", "fromYear", 2015)).ok();
        }
        for (String id : List.of("ct-holds", "ct-broken")) {
            service.put("/api/v1/units/" + id + "/figures/2021", Map.of("figures", documents(0, 0, 22))).ok();
        }
    }

    private static Map<String, Object> documents(int issued, int repealed, int inForce) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s2_1.regulations.issued", 0);
        cells.put("s2_1.regulations.repealed", 0);
        cells.put("s2_1.regulations.in_force", 0);
        cells.put("s2_1.normative_documents.issued", issued);
        cells.put("s2_1.normative_documents.repealed", repealed);
        cells.put("s2_1.normative_documents.in_force", inForce);
        return cells;
    }

    private static List<JsonNode> continuity(Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
        List<JsonNode> found = new ArrayList<>();
        reply.json().get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("continuity.in_force")) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void whenTheStockCarriesOverThereIsNoFinding() {
        // 22 + 8 − 25 = 5
        assertEquals(List.of(), continuity(service.put("/api/v1/units/ct-holds/figures/2022",
                Map.of("figures", documents(8, 25, 5)))));
    }

    @Test
    void aBrokenChainIsAcceptedWithAWarningNamingBothYearsCellsAndLabels() {
        Reply reply = service.put("/api/v1/units/ct-broken/figures/2022", Map.of("figures", documents(8, 25, 22)));
        List<JsonNode> found = continuity(reply);
        assertEquals(1, found.size(), reply.raw().body());
        JsonNode f = found.get(0);
        assertEquals("warning", f.get("severity").asText());
        List<String> cells = new ArrayList<>();
        f.get("cells").forEach(c -> cells.add(c.asText()));
        assertEquals(List.of("s2_1.normative_documents.in_force", "previous:s2_1.normative_documents.in_force",
                "s2_1.normative_documents.issued", "s2_1.normative_documents.repealed"), cells);
        assertTrue(f.get("labels").get(1).asText().startsWith("上年 "), f.get("labels").toString());
        assertEquals(List.of(22, 5, 17), List.of(f.get("actual").asInt(), f.get("expected").asInt(),
                f.get("difference").asInt()));
        assertTrue(f.get("messageZh").asText().contains("上年现行有效件数 22") && f.get("messageEn").asText().contains(
                "last year's 22 in force"), f.toString());
        // the findings across the subtree know the rule and list it
        Reply below = service.get("/api/v1/units/ct-broken/findings/2022?rule=continuity.in_force");
        assertEquals(200, below.status(), below.raw().body());
        assertEquals(1, below.json().get("findings").size(), below.raw().body());
    }

    @Test
    void withoutLastYearNothingIsJudgedAndTheRealReportGivesNoFalseFinding() {
        assertEquals(List.of(), continuity(service.put("/api/v1/units/ct-new/figures/2022",
                Map.of("figures", documents(8, 25, 22)))));
        // 临淄区 2021 after 罗庄区 2020 as if one unit: the 2019 format's 对外公开总数量 is another stock, not compared
        service.put("/api/v1/units/ct-linzi/figures/2020", Map.of("figures", PublishedReport.luozhuang2020().cells())).ok();
        assertEquals(List.of(), continuity(service.put("/api/v1/units/ct-linzi/figures/2021",
                Map.of("figures", PublishedReport.linzi2021().cells()))));
    }
}

package org.opengovinfo.service.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * A city office works through the findings below a unit: each unit's own figures against the rules and its previous
 * year, and the consolidating unit's declared table reconciled against its units; filters narrow them, CSV carries
 * the printed labels, and a filter that cannot match is refused rather than answered with nothing.
 */
class FindingsBelowTest extends OnBothDatabases {

    private static final String COUNTY = "fb-county";

    @BeforeParameterizedClassInvocation
    static void seed() {
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", COUNTY, "name", "兰山区", "kind", "district", "fromYear", 2015));
        units.add(Map.of("id", "fb-office", "name", "区政府办公室", "kind", "own_office", "fromYear", 2015, "parent", COUNTY));
        units.add(Map.of("id", "fb-street-a", "name", "金雀山街道", "kind", "street", "fromYear", 2015, "parent", COUNTY));
        units.add(Map.of("id", "fb-street-b", "name", "兰山街道", "kind", "street", "fromYear", 2015, "parent", COUNTY));
        service.post("/api/v1/units/import", Map.of("units", units)).ok();
        // 2019: 10 licensing items and 2 more during the year, so 2020 should start from 12
        figures("fb-street-a", 2019, Map.of("s2_5.licensing.previous_items", 10, "s2_5.licensing.change", 2));
        figures("fb-street-a", 2020, Map.of("s2_5.licensing.previous_items", 11, "s2_5.licensing.decisions", 3));
        // 20,000 万元 for one project: plausible only if typed in 元 by mistake
        figures("fb-office", 2020, Map.of("s2_9.central_procurement.projects", 1,
                "s2_9.central_procurement.amount", 20000, "s2_5.licensing.decisions", 2));
        // stored but blank: not a report, so nothing to check
        figures("fb-street-b", 2020, Map.of());
        service.put("/api/v1/units/" + COUNTY + "/figures/2020",
                Map.of("figures", Map.of(), "declared", Map.of("s2_5.licensing.decisions", 9))).ok();
    }

    private static void figures(String unit, int year, Map<String, Object> cells) {
        service.put("/api/v1/units/" + unit + "/figures/" + year, Map.of("figures", cells)).ok();
    }

    /** One line per finding, but for the sections each unit left blank (counted separately). */
    private static List<String> lines(JsonNode findings) {
        List<String> lines = new ArrayList<>();
        for (JsonNode f : findings) {
            JsonNode v = f.get("finding");
            if (v.get("rule").asText().equals("section.blank")) {
                continue;
            }
            lines.add(f.get("unit").asText() + " " + f.get("source").asText() + " " + v.get("rule").asText() + " "
                    + v.get("severity").asText() + " " + v.get("cells") + " " + v.get("actual") + "/" + v.get("expected") + "/" + v.get("limit"));
        }
        return lines;
    }

    @Test
    void everyFindingBelowAUnitIsListedWithItsUnitSourceAndPrintedLabels() {
        JsonNode all = service.get("/api/v1/units/" + COUNTY + "/findings/2020").ok().json();

        assertEquals(List.of(
                "fb-office own s2_9.central_procurement.plausible_amount warning "
                        + "[\"s2_9.central_procurement.amount\",\"s2_9.central_procurement.projects\"] 20000.0/null/10000",
                "fb-street-a own s2_5.items_follow_on warning [\"s2_5.licensing.previous_items\","
                        + "\"previous:s2_5.licensing.previous_items\",\"previous:s2_5.licensing.change\"] 11/12/null",
                "fb-county rollup s2_9.central_procurement.plausible_amount warning "
                        + "[\"s2_9.central_procurement.amount\",\"s2_9.central_procurement.projects\"] 20000.0/null/10000",
                "fb-county rollup consolidation.declared_differs warning [\"s2_5.licensing.decisions\"] 9/5/null"),
                lines(all.get("findings")));
        assertEquals(4, all.get("units").asInt());
        assertEquals(3, all.get("unitsWithFindings").asInt());
        // the office filled two of seven sections, the street one: each blank section is named once
        assertEquals(4 + 5 + 6, all.get("bySeverity").get("warning").asInt());
        assertEquals(0, all.get("bySeverity").get("error").asInt());
        assertEquals("[\"section.blank\",\"s2_9.central_procurement.plausible_amount\",\"consolidation.declared_differs\","
                + "\"s2_5.items_follow_on\"]", fieldNames(all.get("byRule")));
        assertEquals(11, all.get("byRule").get("section.blank").asInt());
        JsonNode followOn = null;
        for (JsonNode f : all.get("findings")) {
            if (f.get("finding").get("rule").asText().equals("s2_5.items_follow_on")) {
                followOn = f;
            }
        }
        assertEquals("区政府办公室", all.get("findings").get(0).get("name").asText());
        assertEquals("street", followOn.get("kind").asText());
        assertEquals(COUNTY, followOn.get("parent").asText());
        JsonNode labels = followOn.get("finding").get("labels");
        assertEquals(3, labels.size());
        assertTrue(labels.get(1).asText().startsWith("上年 "), labels.toString());
        assertTrue(labels.get(0).asText().contains("行政许可"), labels.toString());
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().map(n -> "\"" + n + "\"").toList().toString().replace(" ", "");
    }

    @Test
    void filtersNarrowTheListByRuleSeverityKindAndUnit() {
        String base = "/api/v1/units/" + COUNTY + "/findings/2020";

        assertEquals(List.of("fb-county rollup consolidation.declared_differs warning [\"s2_5.licensing.decisions\"] 9/5/null"),
                lines(service.get(base + "?rule=consolidation.declared_differs").ok().json().get("findings")));
        assertEquals(1 + 6, service.get(base + "?kind=street").ok().json().get("findings").size());
        assertEquals(2, service.get(base + "?unit=" + COUNTY).ok().json().get("findings").size());
        assertEquals(0, service.get(base + "?severity=error").ok().json().get("findings").size());
        assertEquals(1 + 5, service.get(base + "?unit=fb-office&severity=warning").ok().json().get("findings").size());
        assertEquals(5, service.get(base + "?unit=fb-office&rule=section.blank").ok().json().get("findings").size());
        // below a street: only its own figures, and no rollup
        assertEquals(1 + 6, service.get("/api/v1/units/fb-street-a/findings/2020").ok().json().get("findings").size());
    }

    @Test
    void aFilterThatCannotMatchIsRefusedNotAnsweredWithNothing() {
        String base = "/api/v1/units/" + COUNTY + "/findings/2020";
        for (String query : List.of("?severity=fatal", "?kind=village", "?unit=fb-elsewhere", "?unit=fb-street-a%00",
                "?unit=", "?rule=", "?rule=s3.balanse", "?rule=s2_5.items_follow_on%0A")) {
            Reply reply = service.get(base + query);
            assertEquals(400, reply.status(), query + " " + reply.raw().body());
            assertEquals("request.invalid_parameter", reply.code(), query);
        }
        assertEquals("request.unknown_format", service.get(base + "?format=xml").code());
    }

    @Test
    void aReaderOfConsolidatedFiguresIsNotShownTheUnitsFiguresBehindAReconciliation() {
        service.post("/api/v1/units/" + COUNTY + "/rollups/2020", Map.of()).ok();
        Reply token = service.post("/api/v1/tokens", Map.of("principal", "fb-reader", "role", "reader", "scope", COUNTY));
        String pull = "/api/v1/units/" + COUNTY + "/consolidated/2020";

        List<String> asReader = rules(service.withToken(token.ok().json().get("token").asText()).get(pull).ok().json());
        List<String> asAdministrator = rules(service.get(pull).ok().json());

        // the largest contributor named is a unit's own figure: for those who may read figures only
        assertTrue(asAdministrator.contains("consolidation.declared_differs"), asAdministrator.toString());
        assertTrue(!asReader.contains("consolidation.declared_differs") && !asReader.isEmpty(), asReader.toString());
        assertEquals(asAdministrator.stream().filter(r -> !r.startsWith("consolidation.declared")).toList(), asReader);
    }

    private static List<String> rules(JsonNode pulled) {
        List<String> rules = new ArrayList<>();
        pulled.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        return rules;
    }

    @Test
    void csvIsOneLinePerFindingWithLabelsForExcel() {
        Reply csv = service.get("/api/v1/units/" + COUNTY + "/findings/2020?format=csv&rule=s2_5.items_follow_on");

        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.raw().body().split("\n");
        assertEquals("\uFEFFunit,name,kind,parent,source,rule,severity,cells,labels,actual,expected,difference,message,"
                + "consequences",
                lines[0]);
        assertEquals(2, lines.length, csv.raw().body());
        assertTrue(lines[1].startsWith("fb-street-a,金雀山街道,street,fb-county,own,s2_5.items_follow_on,warning,"
                + "\"s2_5.licensing.previous_items；previous:s2_5.licensing.previous_items；previous:s2_5.licensing.change\","),
                lines[1]);
        assertTrue(lines[1].contains(",11,12,-1,") && lines[1].contains("行政许可"), lines[1]);
        Reply accepted = service.send(service.request("/api/v1/units/" + COUNTY + "/findings/2020?rule=s2_5.items_follow_on")
                .header("Accept", "text/csv").GET().build());
        assertEquals(csv.raw().body(), accepted.raw().body(), "Accept: text/csv answers as ?format=csv does");
    }
}

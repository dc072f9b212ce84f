package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

class RollupsApiTest extends OnBothDatabases {

    private static int counties;

    /** A county with its own office, two streets and a department; returns the county's id. */
    private static String county(List<String> parts) {
        String county = "county-" + (++counties);
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", county, "name", "罗庄区", "kind", "district", "fromYear", 2015));
        for (String part : List.of("office", "street-a", "street-b", "education")) {
            String kind = part.equals("office") ? "own_office" : part.startsWith("street") ? "street" : "department";
            units.add(Map.of("id", county + "-" + part, "name", part, "kind", kind, "fromYear", 2015, "parent", county));
            parts.add(county + "-" + part);
        }
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", units)).status());
        return county;
    }

    private static Map<String, Object> declaredOf(PublishedReport report) {
        Template t = report.template();
        Map<String, Object> declared = new LinkedHashMap<>();
        t.declaredCells().stream().forEach(i -> declared.put(t.cell(i).code(), report.cells().get(t.cell(i).code())));
        return declared;
    }

    private static void submitSplit(String county, List<String> parts, long seed) {
        PublishedReport published = PublishedReport.luozhuang2020();
        List<Figures> split = ReportSplitter.split(published.figures(), parts.size(), new Random(seed));
        List<Map<String, Object>> submissions = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            submissions.add(Map.of("unit", parts.get(i), "figures", split.get(i).given()));
        }
        submissions.add(Map.of("unit", county, "figures", Map.of(), "declared", declaredOf(published)));
        Reply batch = service.post("/api/v1/figures/batch", Map.of("year", 2020, "submissions", submissions));
        assertEquals(parts.size() + 1, batch.json().get("accepted").asInt(), batch.raw().body());
    }

    /** A decimal as the CSV writes it; blank for none. */
    private static String plain(JsonNode value) {
        return value == null || value.isNull() ? "" : value.decimalValue().toPlainString();
    }

    private static Map<String, BigDecimal> decimals(JsonNode figures) {
        Map<String, BigDecimal> map = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().decimalValue().stripTrailingZeros());
        }
        return map;
    }

    @Test
    void luozhuangSplitAcrossItsUnitsAndSubmittedOverHttpRollsUpToThePublishedTables() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        submitSplit(county, parts, 7);

        Reply rollup = service.post("/api/v1/units/" + county + "/rollups/2020", Map.of());
        Reply pulled = service.get("/api/v1/units/" + county + "/consolidated/2020");

        assertEquals(201, rollup.status());
        assertEquals("/api/v1/rollups/" + rollup.json().get("id").asText(), rollup.header("Location"));
        Map<String, BigDecimal> expected = new HashMap<>();
        PublishedReport.luozhuang2020().figures().toMap().forEach((k, v) ->
                expected.put(k, new BigDecimal(v.toString()).stripTrailingZeros()));
        assertEquals(expected, decimals(pulled.json().get("figures")));
        assertEquals(0, pulled.json().get("findings").size(), pulled.json().get("findings").toString());
        assertEquals("2019", pulled.json().get("template").asText());
        assertEquals(5, pulled.json().get("unitsInSubtree").asInt());
        assertEquals(5, pulled.json().get("unitsReported").asInt());
        JsonNode snapshot = service.get("/api/v1/rollups/" + rollup.json().get("id").asText()).json();
        assertEquals(5, snapshot.get("versions").size());
        assertEquals(1, snapshot.get("versions").get(parts.get(0)).asInt());
        assertEquals(county, snapshot.get("tree").get(parts.get(0)).asText());
        assertTrue(snapshot.get("tree").has(county) && snapshot.get("tree").get(county).isNull());
        JsonNode part = snapshot.get("units").get(0);
        assertEquals(county, part.get("unit").asText());
        assertEquals(expected, decimals(part.get("consolidated")));
        assertTrue(part.get("own").isObject() && part.get("declared").isObject(), "the county's own figures and its "
                + "declaration, read back from the version the rollup used: " + part);
        assertEquals(rollup.json().get("computedAt").asText(), pulled.json().get("computedAt").asText());
    }

    @Test
    void completenessNamesTheMissingByKindAndTheRollupStillHappens() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        Instant start = service.clock().instant();
        // handed in one minute after the deadline of 2022-02-01 00:00 China time: late
        service.clock().set(Instant.parse("2022-01-31T16:01:00Z"));
        Reply late = service.put("/api/v1/units/" + parts.get(1) + "/figures/2021",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 4)));
        // one minute before it: on time
        service.clock().set(Instant.parse("2022-01-31T15:59:00Z"));
        Reply onTime = service.put("/api/v1/units/" + parts.get(2) + "/figures/2021",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 1)));
        service.clock().set(start);
        assertEquals(List.of(200, 200), List.of(late.status(), onTime.status()));

        JsonNode gaps = service.get("/api/v1/units/" + county + "/completeness/2021").json();
        Reply rollup = service.post("/api/v1/units/" + county + "/rollups/2021", Map.of());
        JsonNode pulled = service.get("/api/v1/units/" + county + "/consolidated/2021").json();

        assertEquals(5, gaps.get("units").asInt());
        assertEquals(2, gaps.get("reported").asInt());
        // breadth first, children by id: education, office
        assertEquals(List.of(county, parts.get(3), parts.get(0)), ids(gaps.get("missing")));
        assertEquals(1, gaps.get("missingByKind").get("department").asInt());
        assertEquals(1, gaps.get("missingByKind").get("own_office").asInt());
        assertEquals(List.of(parts.get(1)), ids(gaps.get("late")));
        assertEquals("2022-01-31T16:00:00Z", gaps.get("deadline").asText());
        assertEquals("2022-02-01 00:00 (UTC+8)", gaps.get("deadlineLocal").asText());
        assertEquals(201, rollup.status());
        assertEquals(5, pulled.get("figures").get("s2_5.licensing.decisions").asInt());
        assertEquals(2, pulled.get("unitsReported").asInt());
        // SDMX-CSV: the one cell reported is an observation; a cell nobody filled in is "not collected" (L), not 0
        String sdmx = service.get("/api/v1/units/" + county + "/consolidated/2021?format=sdmx").raw().body();
        String prefix = "\nOGI:OGI_REPORT_2021(1.0)," + county + ",2021,";
        assertTrue(sdmx.contains(prefix + "s2_5.licensing.decisions,5,A,件,"), sdmx);
        assertTrue(sdmx.contains(prefix + "s3.new.total,,L,件,"), sdmx);
    }

    @Test
    void anEmptySubmissionIsStoredButIsNotAReportAndCannotBeHandedIn() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        Instant start = service.clock().instant();
        // parts 1 and 2 store an empty report in good time; part 1 fills it in only after the deadline
        service.clock().set(Instant.parse("2022-01-10T02:00:00Z"));
        service.put("/api/v1/units/" + parts.get(1) + "/figures/2021", Map.of("figures", Map.of())).ok();
        service.put("/api/v1/units/" + parts.get(2) + "/figures/2021", Map.of("figures", Map.of())).ok();
        service.put("/api/v1/units/" + parts.get(3) + "/figures/2021",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 0))).ok();
        service.clock().set(Instant.parse("2022-02-03T02:00:00Z"));
        service.put("/api/v1/units/" + parts.get(1) + "/figures/2021",
                Map.of("figures", Map.of("s2_5.licensing.decisions", 4))).ok();
        service.clock().set(start);

        JsonNode gaps = service.get("/api/v1/units/" + county + "/completeness/2021").json();
        Reply handIn = service.post("/api/v1/units/" + parts.get(2) + "/reports/2021/submit", Map.of());
        JsonNode report = service.get("/api/v1/units/" + parts.get(2) + "/reports/2021").json();
        service.post("/api/v1/units/" + county + "/rollups/2021", Map.of()).ok();
        JsonNode pulled = service.get("/api/v1/units/" + county + "/consolidated/2021").json();

        // zeros are a report (nothing happened); an empty one is not
        assertEquals(2, gaps.get("reported").asInt(), gaps.toString());
        assertEquals(List.of(county, parts.get(0), parts.get(2)), ids(gaps.get("missing")));
        // late: its first report with a value came after the deadline, whatever it stored before
        assertEquals(List.of(parts.get(1)), ids(gaps.get("late")));
        assertEquals("2022-02-03T02:00:00Z", gaps.get("late").get(0).get("firstSubmitted").asText());
        assertEquals(422, handIn.status(), handIn.raw().body());
        assertEquals("report.blank", handIn.json().get("code").asText());
        assertEquals("draft", report.get("state").asText());
        assertEquals(2, pulled.get("unitsReported").asInt());
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("unit").asText()));
        return ids;
    }

    @Test
    void aSnapshotNeverChangesAndTheDiffSaysWhichCellsMovedBecauseOfWhom() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        submitSplit(county, parts, 11);
        String first = service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).ok().json().get("id").asText();
        String before = service.get("/api/v1/rollups/" + first).raw().body();
        JsonNode street = service.get("/api/v1/units/" + parts.get(1) + "/figures/2020").json().get("figures");
        Map<String, Object> changed = new LinkedHashMap<>();
        street.fields().forEachRemaining(e -> changed.put(e.getKey(), e.getValue().decimalValue()));
        changed.put("s2_6.penalty.decisions", street.get("s2_6.penalty.decisions").asLong() + 5);
        assertEquals("accepted", service.put("/api/v1/units/" + parts.get(1) + "/figures/2020",
                Map.of("figures", changed)).json().get("status").asText());

        String second = service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).ok().json().get("id").asText();
        JsonNode diff = service.get("/api/v1/rollups/" + first + "/diff/" + second).json();

        assertNotEquals(first, second);
        assertEquals(before, service.get("/api/v1/rollups/" + first).raw().body());
        assertEquals(1, diff.get("changedUnits").size());
        assertEquals(parts.get(1), diff.get("changedUnits").get(0).get("unit").asText());
        assertEquals(2, diff.get("changedUnits").get(0).get("versionAfter").asInt());
        assertEquals(1, diff.get("cells").size(), diff.toString());
        JsonNode cell = diff.get("cells").get(0);
        assertEquals(county, cell.get("unit").asText());
        assertEquals("s2_6.penalty.decisions", cell.get("cell").asText());
        assertEquals("行政处罚 / 处理决定数量", cell.get("label").asText());
        assertEquals(1413, cell.get("before").asInt());
        assertEquals(1418, cell.get("after").asInt());
        assertEquals(5, cell.get("delta").asInt());
        assertEquals(parts.get(1), cell.get("because").get(0).asText());
        assertEquals(List.of(second, first), idsOf(service.get("/api/v1/units/" + county + "/rollups/2020").json()));
        assertEquals(1413, service.get("/api/v1/units/" + county + "/consolidated/2020?snapshot=" + first).json()
                .get("figures").get("s2_6.penalty.decisions").asInt());
    }

    private static List<String> idsOf(JsonNode summaries) {
        List<String> ids = new ArrayList<>();
        summaries.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void pullsComeAsCsvAndAnswerConditionalRequests() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        submitSplit(county, parts, 3);
        service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).ok();

        Reply json = service.get("/api/v1/units/" + county + "/consolidated/2020");
        Reply csv = service.get("/api/v1/units/" + county + "/consolidated/2020?format=csv");
        Reply again = service.send(service.request("/api/v1/units/" + county + "/consolidated/2020")
                .header("If-None-Match", json.header("ETag")).GET().build());

        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.raw().body().split("\n");
        // the county declared its compiled table: what it declared stands beside each value, with the difference
        assertEquals("cell,value,unit,label,declared,difference", lines[0]);
        assertTrue(csv.raw().body().contains("\ns3.new.total,79,件,三、收到和处理政府信息公开申请情况 / 一、本年新收政府信息公开申请数量 / 申请人情况 / 总计,,\n"));
        assertTrue(csv.raw().body().contains("\ns2_9.central_procurement.amount,63800,万元,"));
        JsonNode sideBySide = json.json().get("declaredAndComputed");
        assertTrue(sideBySide.isArray() && sideBySide.size() > 0, json.raw().body());
        for (JsonNode row : sideBySide) {
            String line = java.util.Arrays.stream(lines).filter(l -> l.startsWith(row.get("cell").asText() + ","))
                    .findFirst().orElseThrow();
            assertTrue(line.endsWith("," + plain(row.get("declared")) + "," + plain(row.get("difference"))), line);
            assertEquals(row.get("computed").decimalValue(), json.json().get("figures").get(row.get("cell").asText()).decimalValue());
        }
        assertEquals(0, json.json().get("declaredFindings").size(), "the published table is consistent as declared");
        assertEquals(304, again.status());
        assertEquals("request.unknown_format", service.get("/api/v1/units/" + county + "/consolidated/2020?format=xml").code());
    }

    @Test
    void theAcceptHeaderChoosesCsvOrSdmxAsFormatDoesAndAnythingElseIsNotAcceptable() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        submitSplit(county, parts, 5);
        service.post("/api/v1/units/" + county + "/rollups/2020", Map.of()).ok();
        String path = "/api/v1/units/" + county + "/consolidated/2020";

        Reply csv = service.send(service.request(path).header("Accept", "text/csv").GET().build());
        Reply sdmx = service.send(service.request(path).header("Accept",
                "application/xml;q=0.9, application/vnd.sdmx.data+csv;version=1.0.0").GET().build());
        Reply preferred = service.send(service.request(path).header("Accept", "text/csv;q=0.5, application/json").GET().build());
        Reply xml = service.send(service.request(path).header("Accept", "application/xml").GET().build());

        assertEquals(200, csv.status());
        assertEquals(service.get(path + "?format=csv").raw().body(), csv.raw().body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals(service.get(path + "?format=sdmx").raw().body(), sdmx.raw().body());
        assertTrue(sdmx.contentType().startsWith("application/vnd.sdmx.data+csv"), sdmx.contentType());
        assertNotEquals(csv.header("ETag"), sdmx.header("ETag"), "each representation has its own ETag");
        assertTrue(preferred.contentType().startsWith("application/json"), preferred.contentType());
        assertEquals(406, xml.status());
        assertEquals("request.not_acceptable", xml.code());

        String[] lines = sdmx.raw().body().split("\n");
        assertEquals("DATAFLOW,REPORTING_UNIT,TIME_PERIOD,CELL,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SNAPSHOT", lines[0]);
        String snapshot = service.get(path).json().get("snapshot").asText();
        assertTrue(sdmx.raw().body().contains("\nOGI:OGI_REPORT_2019(1.0)," + county + ",2020,s3.new.total,79,A,件,"
                + snapshot + "\n"), sdmx.raw().body());
        assertEquals(lines.length - 1, java.util.Arrays.stream(lines).skip(1).filter(l -> l.contains(",A,")).count(),
                "罗庄区 filled every cell: every line is a normal observation");
    }

    @Test
    void theRulesAreRunAgainOnTheTotalsAndASumPastTheLargestNumberIsAFindingNotAWrap() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);
        // the office gives a total of reconsiderations without its outcomes (a rule with one side blank does not
        // apply); a street gives only outcomes. Summed, the county's total (5 + 3) no longer equals its outcomes (3).
        Reply office = service.put("/api/v1/units/" + parts.get(0) + "/figures/2021", Map.of("figures", Map.of(
                "s4.reconsideration.total", 5, "s2_6.penalty.decisions", 9_000_000_000_000_000_000L)));
        Reply street = service.put("/api/v1/units/" + parts.get(1) + "/figures/2021", Map.of("figures", Map.of(
                "s4.reconsideration.upheld", 3, "s2_6.penalty.decisions", 9_000_000_000_000_000_000L)));
        assertEquals(List.of(200, 200), List.of(office.status(), street.status()), office.raw().body());
        // alone, each unit is consistent: the only findings name the sections it left blank
        office.json().get("findings").forEach(f -> assertEquals("section.blank warning",
                f.get("rule").asText() + " " + f.get("severity").asText()));

        Reply rollup = service.post("/api/v1/units/" + county + "/rollups/2021", Map.of());
        JsonNode pulled = service.get("/api/v1/units/" + county + "/consolidated/2021").json();

        assertEquals(201, rollup.status());
        List<String> rules = new ArrayList<>();
        pulled.get("findings").forEach(f -> rules.add(f.get("rule").asText() + " " + f.get("severity").asText()));
        assertTrue(rules.contains("s4.total error"), rules.toString());
        assertTrue(rules.contains("consolidation.overflow error"), rules.toString());
        JsonNode total = null;
        for (JsonNode f : pulled.get("findings")) {
            if (f.get("rule").asText().equals("s4.total")) {
                total = f;
            }
        }
        assertEquals(List.of(8, 3), List.of(total.get("actual").asInt(), total.get("expected").asInt()));
        assertTrue(pulled.get("figures").get("s2_6.penalty.decisions") == null, "an overflowed sum is blank, never wrapped");
        assertEquals(8, pulled.get("figures").get("s4.reconsideration.total").asInt());
    }

    @Test
    void pullingBeforeAnyRollupSaysHowToGetOne() {
        List<String> parts = new ArrayList<>();
        String county = county(parts);

        Reply reply = service.get("/api/v1/units/" + county + "/consolidated/2020");

        assertEquals(404, reply.status());
        assertEquals("rollup.none", reply.code());
        assertEquals("rollup.not_found", service.get("/api/v1/rollups/no-such-snapshot").code());
    }

    @Test
    void aSnapshotStoredBeforePartsHadRowsIsStillPulledWhole() throws Exception {
        String county = county(new ArrayList<>());
        String id = "00000000-0000-0000-0000-" + String.format("%012d", counties);
        String document = "{\"id\":\"" + id + "\",\"unit\":\"" + county + "\",\"year\":2020,\"template\":\"2019\","
                + "\"hierarchyYear\":2020,\"computedAt\":\"2021-01-05T08:00:00Z\",\"triggeredBy\":\"admin\","
                + "\"completeness\":{},\"versions\":{},\"tree\":{\"" + county + "\":null},\"units\":[{\"unit\":\"" + county
                + "\",\"parent\":null,\"unitsInSubtree\":5,\"unitsReported\":0,\"consolidated\":{\"s4.reconsideration.upheld\":3},"
                // a finding as versions before causes and bilingual messages stored it, and a field no version knows
                + "\"own\":null,\"declared\":null,\"findings\":[{\"rule\":\"s4.total\",\"severity\":\"error\","
                + "\"cells\":[\"s4.reconsideration.upheld\"],\"message\":\"旧版本的说明\",\"retiredField\":1}]}],"
                + "\"laterField\":{\"any\":true}}";
        ApplicationContext context = service.bean(ApplicationContext.class);
        try (Connection c = DriverManager.getConnection(context.getRequiredProperty("datasources.default.url", String.class),
                context.getRequiredProperty("datasources.default.username", String.class),
                context.getRequiredProperty("datasources.default.password", String.class));
             PreparedStatement s = c.prepareStatement("INSERT INTO rollup_snapshot (id, unit_id, report_year, template_id, "
                     + "created_at, created_by, content) VALUES (?, ?, 2020, '2019', TIMESTAMP '2021-01-05 08:00:00', 'admin', ?)");
             PreparedStatement u = c.prepareStatement("INSERT INTO rollup_snapshot_unit (snapshot_id, unit_id, report_year, "
                     + "created_at) VALUES (?, ?, 2020, TIMESTAMP '2021-01-05 08:00:00')")) {
            s.setString(1, id);
            s.setString(2, county);
            s.setString(3, document);
            s.executeUpdate();
            u.setString(1, id);
            u.setString(2, county);
            u.executeUpdate();
        }

        JsonNode pulled = service.get("/api/v1/units/" + county + "/consolidated/2020").json();
        JsonNode whole = service.get("/api/v1/rollups/" + id).json();

        assertEquals(id, pulled.get("snapshot").asText());
        assertEquals(3, pulled.get("figures").get("s4.reconsideration.upheld").asInt());
        assertEquals(5, pulled.get("unitsInSubtree").asInt());
        assertEquals("旧版本的说明", pulled.get("findings").get(0).get("message").asText(), pulled.toString());
        assertEquals(0, pulled.get("findings").get(0).get("consequences").size());
        assertFalse(pulled.has("declaredAndComputed") || pulled.has("declaredFindings"),
                "a unit that declared nothing has no declared side, not an empty or null one: " + pulled);
        assertEquals(1, whole.get("units").size());
        assertEquals(3, whole.get("units").get(0).get("consolidated").get("s4.reconsideration.upheld").asInt());
    }
}

package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

class SubmissionsApiTest extends OnBothDatabases {
    private static final AtomicInteger UNITS = new AtomicInteger();

    @BeforeParameterizedClassInvocation
    static void seed() {
        service.post("/api/v1/units", Map.of("id", "county", "name", "罗庄区", "kind", "district", "fromYear", 2015)).ok();
    }

    /** A fresh town under the county, so tests do not share figures. */
    private static String town() {
        String id = "town-" + UNITS.incrementAndGet();
        assertEquals(201, service.post("/api/v1/units", Map.of("id", id, "name", "某街道", "kind", "street",
                "fromYear", 2015, "parent", "county")).status());
        return id;
    }

    private static Map<String, Object> body(Map<String, Object> figures) {
        return Map.of("figures", figures);
    }

    private static Map<String, Object> luozhuang() {
        return new LinkedHashMap<>(PublishedReport.luozhuang2020().cells());
    }

    private static List<String> errorRules(Reply reply) {
        List<String> rules = new ArrayList<>();
        reply.json().get("errors").forEach(e -> rules.add(e.get("rule").asText()));
        return rules;
    }

    @Test
    void thePublishedLuozhuangTablesAreAcceptedAndReadBackExactly() {
        String unit = town();

        Reply put = service.put("/api/v1/units/" + unit + "/figures/2020", body(luozhuang()));

        assertEquals(200, put.status());
        assertEquals("accepted", put.json().get("status").asText());
        assertEquals(1, put.json().get("version").asInt());
        assertEquals("2019", put.json().get("template").asText());
        assertEquals("\"v1\"", put.header("ETag"));
        assertEquals(List.of(), errorRulesOf(put.json().get("findings")));
        JsonNode read = service.get("/api/v1/units/" + unit + "/figures/2020").json();
        assertEquals(1, read.get("version").asInt());
        assertEquals("admin", read.get("submittedBy").asText());
        JsonNode figures = read.get("figures");
        assertEquals(0, new BigDecimal("63800").compareTo(figures.get("s2_9.central_procurement.amount").decimalValue()));
        assertEquals(-16, figures.get("s2_5.other_services.change").asInt());
        assertEquals(79, figures.get("s3.new.total").asInt());
        assertEquals(PublishedReport.luozhuang2020().cells().size(), figures.size());
    }

    private static List<String> errorRulesOf(JsonNode findings) {
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asText()));
        return rules;
    }

    @Test
    void anIdenticalResubmissionStoresNothingAndAChangeIsANewVersionThatSaysWhatChanged() {
        String unit = town();
        String path = "/api/v1/units/" + unit + "/figures/2021";
        Map<String, Object> figures = new HashMap<>(Map.of("s4.reconsideration.upheld", 2, "s4.reconsideration.corrected", 1));

        service.put(path, body(figures)).ok();
        Reply same = service.put(path, body(Map.of("s4.reconsideration.upheld", "2", "s4.reconsideration.corrected", 1,
                "s4.reconsideration.total", 3)));
        figures.put("s4.reconsideration.upheld", 5);
        Reply changed = service.put(path, body(figures));

        assertEquals("unchanged", same.json().get("status").asText());
        assertEquals(1, same.json().get("version").asInt());
        assertEquals("accepted", changed.json().get("status").asText());
        assertEquals(2, changed.json().get("version").asInt());
        JsonNode versions = service.get(path + "/versions").json();
        assertEquals(2, versions.size());
        JsonNode change = versions.get(1).get("changes").get(0);
        assertEquals("s4.reconsideration.upheld", change.get("cell").asText());
        assertEquals(2, change.get("before").asInt());
        assertEquals(5, change.get("after").asInt());
        assertEquals(2, service.get(path + "/versions/1").json().get("figures").get("s4.reconsideration.upheld").asInt());
    }

    @Test
    void aSubmissionThatBreaksRulesIsRejectedWithEveryFindingAndNothingIsStored() {
        String unit = town();
        Map<String, Object> figures = luozhuang();
        figures.put("s3.results_total.natural_person", 77);
        figures.put("s4.reconsideration.total", 14);

        Reply reply = service.put("/api/v1/units/" + unit + "/figures/2020", body(figures));

        assertEquals(422, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("submission.rejected", reply.code());
        // one typed cell breaks three rules: one error naming it, the rules under it; s4's total is a second mistake
        assertEquals(List.of("cell.inconsistent", "s4.total"), errorRules(reply));
        JsonNode cause = reply.json().get("errors").get(0);
        assertEquals("error", cause.get("severity").asText());
        assertEquals("s3.results_total.natural_person", cause.get("cause").asText());
        assertEquals("s3.results_total.natural_person", cause.get("cells").get(0).asText());
        assertEquals(77, cause.get("actual").asInt());
        assertEquals(76, cause.get("expected").asInt());
        assertEquals(1, cause.get("difference").asInt());
        assertEquals(List.of("s3.applicant_total", "s3.balance", "s3.results_total"),
                errorRulesOf(cause.get("consequences")).stream().sorted().toList());
        assertEquals(cause.get("messageZh").asText(), cause.get("message").asText(), "Chinese unless asked for English");
        assertTrue(reply.json().get("detail").asText().contains("有 2 处错误"), "two things to fix: "
                + reply.json().get("detail").asText());
        assertEquals("submission.none", service.get("/api/v1/units/" + unit + "/figures/2020").code());
    }

    @Test
    void warningsAreAcceptedAndReturned() {
        String unit = town();
        Map<String, Object> figures = luozhuang();
        figures.put("s2_9.central_procurement.amount", "638000000");

        Reply reply = service.put("/api/v1/units/" + unit + "/figures/2020", body(figures));

        assertEquals("accepted", reply.json().get("status").asText());
        assertEquals(List.of("s2_9.central_procurement.plausible_amount"), errorRulesOf(reply.json().get("findings")));
        assertEquals("warning", reply.json().get("findings").get(0).get("severity").asText());
    }

    @Test
    void aDryRunValidatesWithoutStoring() {
        String unit = town();

        Reply reply = service.put("/api/v1/units/" + unit + "/figures/2020?dryRun=true", body(luozhuang()));

        assertEquals("valid", reply.json().get("status").asText());
        assertTrue(reply.json().get("version").isNull());
        assertEquals(404, service.get("/api/v1/units/" + unit + "/figures/2020").status());
    }

    @Test
    void ifMatchGuardsAgainstLostUpdatesAndIfNoneMatchSavesTheDownload() {
        String unit = town();
        String path = "/api/v1/units/" + unit + "/figures/2021";
        String etag = service.put(path, body(Map.of("s2_5.licensing.decisions", 1))).header("ETag");
        service.put(path, body(Map.of("s2_5.licensing.decisions", 2))).ok();

        Reply stale = service.put(path, body(Map.of("s2_5.licensing.decisions", 3)), "If-Match", etag);
        Reply fresh = service.put(path, body(Map.of("s2_5.licensing.decisions", 3)), "If-Match", "\"v2\"");
        Reply notModified = service.send(service.request(path).header("If-None-Match", "\"v3\"").GET().build());

        assertEquals(412, stale.status());
        assertEquals("submission.version_mismatch", stale.code());
        assertEquals(200, fresh.status());
        assertEquals(3, fresh.json().get("version").asInt());
        assertEquals(304, notModified.status());
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndNothingIsStored() {
        String unit = town();
        String path = "/api/v1/units/" + unit + "/figures/2021";
        List<Object[]> cases = List.of(
                new Object[] {"{\"figures\": {\"s2_5.licensing.decisions\": 1,", 400, "request.malformed_json"},
                new Object[] {"{\"figures\": {\"s2_5.licensing.decisions\": 1, \"s2_5.licensing.decisions\": 2}}", 400, "request.duplicate_key"},
                new Object[] {"{\"figures\": {}, \"comment\": \"x\"}", 400, "request.unknown_field"},
                new Object[] {"{\"figures\": [1, 2]}", 400, "request.wrong_type"},
                new Object[] {"[]", 400, "request.wrong_type"},
                new Object[] {"{\"figures\": {}} {}", 400, "request.malformed_json"},
                new Object[] {"{\"figures\": {}, \"figures\": {}}", 400, "request.duplicate_key"},
                new Object[] {"{\"declared\": {}}", 400, "request.wrong_type"},
                new Object[] {"{\"template\": 2021, \"figures\": {}}", 400, "request.wrong_type"},
                new Object[] {"{\"template\": \"2019\", \"figures\": {}}", 422, "submission.wrong_template"});
        for (Object[] c : cases) {
            Reply reply = service.put(path, c[0]);
            assertEquals(List.of(c[1], c[2]), List.of(reply.status(), reply.code()), (String) c[0]);
            assertEquals("application/problem+json", reply.contentType());
        }
        Map<String, String> cellProblems = new LinkedHashMap<>();
        cellProblems.put("{\"s2_5.licensing.decisionz\": 1}", "input.unknown_cell");
        cellProblems.put("{\"s2_5.licensing.decisions\": -1}", "input.negative");
        cellProblems.put("{\"s2_5.licensing.decisions\": 1.5}", "input.fraction_in_count");
        cellProblems.put("{\"s2_5.licensing.decisions\": 92233720368547758070}", "input.overflow");
        cellProblems.put("{\"s2_5.licensing.decisions\": true}", "input.wrong_type");
        cellProblems.put("{\"s2_5.licensing.decisions\": [1, {\"x\": 2}]}", "input.wrong_type");
        cellProblems.put("{\"s2_5.licensing.decisions\": {\"x\": [2]}}", "input.wrong_type");
        cellProblems.put("{\"s2_5.licensing.decisions\": \"很多\"}", "input.not_a_number");
        cellProblems.put("{\"s2_8.fees.amount\": 1.23456}", "input.too_many_decimals");
        for (Map.Entry<String, String> c : cellProblems.entrySet()) {
            Reply reply = service.put(path, "{\"figures\": " + c.getKey() + "}");
            assertEquals(List.of(422, "submission.rejected"), List.of(reply.status(), reply.code()), c.getKey());
            assertEquals(List.of(c.getValue()), errorRules(reply), c.getKey());
        }
        assertEquals(List.of(404, "unit.not_found"), List.of(
                service.put("/api/v1/units/nobody/figures/2021", body(Map.of())).status(),
                service.put("/api/v1/units/nobody/figures/2021", body(Map.of())).code()));
        assertEquals("submission.year_outside_unit", service.put("/api/v1/units/" + unit + "/figures/2010", body(Map.of())).code());
        assertEquals(0, service.get(path + "/versions").json().size());
    }

    @Test
    void declaredValuesAreOnlyForConsolidatingUnits() {
        String unit = town();

        Reply reply = service.put("/api/v1/units/" + unit + "/figures/2020", Map.of(
                "figures", Map.of(), "declared", Map.of("s2_5.licensing.previous_items", 10)));
        Reply county = service.put("/api/v1/units/county/figures/2020", Map.of(
                "figures", Map.of(), "declared", Map.of("s2_5.licensing.previous_items", 10)));

        assertEquals("submission.not_consolidating", reply.code());
        assertEquals("accepted", county.json().get("status").asText());
        assertEquals(10, county.json().get("declared").get("s2_5.licensing.previous_items").asInt());
    }

    @Test
    void concurrentWritersLoseNothingAndNeverShareAVersion() throws Exception {
        String unit = town();
        String path = "/api/v1/units/" + unit + "/figures/2021";
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                go.await();
                return service.put(path, body(Map.of("s2_5.licensing.decisions", 100 + n)));
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Reply> f : replies) {
            Reply r = f.get();
            if (r.status() == 200) {
                accepted++;
            } else {
                assertEquals(List.of(409, "submission.concurrent_write"), List.of(r.status(), r.code()));
            }
        }
        pool.shutdown();

        JsonNode versions = service.get(path + "/versions").json();
        assertTrue(accepted >= 1);
        assertEquals(accepted, versions.size(), "every accepted write is a version, and only those");
        for (int v = 0; v < versions.size(); v++) {
            assertEquals(v + 1, versions.get(v).get("version").asInt());
        }
    }

    @Test
    void aBatchAnswersPerUnitAndStoresOnlyTheValidOnes() {
        String good = town();
        String bad = town();
        Map<String, Object> broken = luozhuang();
        broken.put("s3.new.natural_person", 75);

        Reply reply = service.post("/api/v1/figures/batch", Map.of("year", 2020, "submissions", List.of(
                Map.of("unit", good, "figures", luozhuang()),
                Map.of("unit", bad, "figures", broken),
                Map.of("unit", "nobody", "figures", Map.of()))));

        assertEquals(200, reply.status());
        JsonNode r = reply.json();
        assertEquals(List.of(1, 0, 2), List.of(r.get("accepted").asInt(), r.get("unchanged").asInt(), r.get("rejected").asInt()));
        assertEquals("accepted", r.get("results").get(0).get("status").asText());
        assertEquals("submission.rejected", r.get("results").get(1).get("code").asText());
        JsonNode cause = r.get("results").get(1).get("findings").get(0);
        assertEquals("cell.inconsistent", cause.get("rule").asText());
        assertEquals("s3.new.natural_person", cause.get("cause").asText());
        assertEquals("unit.not_found", r.get("results").get(2).get("code").asText());
        assertEquals(200, service.get("/api/v1/units/" + good + "/figures/2020").status());
        assertEquals(404, service.get("/api/v1/units/" + bad + "/figures/2020").status());
    }

    @Test
    void aMalformedBatchIsRefusedWholeWithAStableCode() {
        String unit = town();
        String item = "{\"unit\": \"" + unit + "\", \"figures\": {\"s2_5.licensing.decisions\": 1}}";
        List<String[]> cases = List.of(
                new String[] {"{\"submissions\": [" + item + "]}", "request.wrong_type"},
                new String[] {"{\"year\": 2020.5, \"submissions\": [" + item + "]}", "request.wrong_type"},
                new String[] {"{\"year\": 2020, \"submissions\": []}", "request.wrong_type"},
                new String[] {"{\"year\": 2020, \"dryRun\": \"no\", \"submissions\": [" + item + "]}", "request.wrong_type"},
                new String[] {"{\"year\": 2020, \"submissions\": [" + item + ", {\"figures\": {}}]}", "request.wrong_type"},
                new String[] {"{\"year\": 2020, \"submissions\": [" + item + ", 7]}", "request.wrong_type"},
                new String[] {"{\"year\": 2020, \"submissions\": [{\"unit\": \"x\", \"figures\": {}, \"note\": 1}]}", "request.unknown_field"},
                new String[] {"{\"year\": 2020, \"submissions\": [" + item + "]", "request.malformed_json"});
        for (String[] c : cases) {
            Reply reply = service.post("/api/v1/figures/batch", c[0]);
            assertEquals(List.of(400, c[1]), List.of(reply.status(), reply.code()), c[0]);
        }
        assertEquals(404, service.get("/api/v1/units/" + unit + "/figures/2020").status());
    }

    @Test
    void aBatchThatListsAUnitTwiceIsRefusedWholeNamingItAndStoresNothing() {
        String town = town();
        String other = town();
        Map<String, Object> changed = luozhuang();
        changed.put("s2_5.licensing.decisions", 99);

        Reply reply = service.post("/api/v1/figures/batch", Map.of("year", 2020, "submissions", List.of(
                Map.of("unit", other, "figures", luozhuang()),
                Map.of("unit", town, "figures", luozhuang()),
                Map.of("unit", town, "figures", changed))));

        assertEquals(List.of(422, "batch.unit_listed_twice"), List.of(reply.status(), reply.code()), reply.raw().body());
        assertTrue(reply.json().get("detail").asText().contains(town), reply.json().get("detail").asText());
        assertEquals(404, service.get("/api/v1/units/" + town + "/figures/2020").status());
        assertEquals(404, service.get("/api/v1/units/" + other + "/figures/2020").status(), "nothing of the batch stored");
    }
}

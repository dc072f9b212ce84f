package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * Every bad input is a 4xx with problem+json and a stable code, changes nothing, and says nothing of Java or the
 * framework: never a 500, a hang or a silent coercion. Each case is one request; afterwards the audit trail — which
 * every write adds to — the figures and the tokens are exactly as before.
 */
class BadInputTest extends OnBothDatabases {

    /** One bad request and the answer it must get. */
    private record Case(String name, String method, String path, String contentType, String body, int status,
                        String code) {
    }

    private static String snapshot2020;
    private static String snapshot2021;

    @BeforeParameterizedClassInvocation
    static void seed() {
        Reply units = service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", "county", "name", "县", "kind", "county", "fromYear", 2015),
                Map.of("id", "town", "name", "镇", "kind", "town", "fromYear", 2015, "parent", "county"),
                Map.of("id", "other", "name", "另一县", "kind", "county", "fromYear", 2015),
                Map.of("id", "other-town", "name", "镇", "kind", "town", "fromYear", 2015, "parent", "other"))));
        assertEquals(200, units.status(), units.raw().body());
        for (int year : List.of(2020, 2021)) {
            assertEquals(200, service.put("/api/v1/units/town/figures/" + year,
                    Map.of("figures", Map.of("s2_6.penalty.decisions", 2))).status());
            assertEquals(200, service.put("/api/v1/units/other-town/figures/" + year,
                    Map.of("figures", Map.of("s2_6.penalty.decisions", 2))).status());
        }
        snapshot2020 = rollup("county", 2020);
        snapshot2021 = rollup("county", 2021);
        rollup("other", 2021);
    }

    private static String rollup(String unit, int year) {
        Reply reply = service.post("/api/v1/units/" + unit + "/rollups/" + year, Map.of());
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("id").asText();
    }

    private static List<Case> cases() {
        String figures = "{\"figures\": {\"s2_6.penalty.decisions\": 2}}";
        String item = "{\"unit\": \"town\", \"figures\": {\"s2_6.penalty.decisions\": 2}}";
        String unit = "{\"id\": \"new\", \"name\": %s, \"kind\": \"town\", \"fromYear\": %s, \"parent\": \"county\"}";
        String token = "{\"principal\": %s, \"role\": %s}";
        String hugeDigits = "1".repeat(100_000);
        List<Case> cases = new ArrayList<>(List.of(
                // years in paths and batches
                new Case("a year past the last one kept", "PUT", "/api/v1/units/town/figures/2101", "application/json", figures, 422, "year.unsupported"),
                new Case("year 3000", "PUT", "/api/v1/units/town/figures/3000", "application/json", figures, 422, "year.unsupported"),
                new Case("the largest int as a year", "PUT", "/api/v1/units/town/figures/2147483647", "application/json", figures, 422, "request.invalid_year"),
                new Case("full-width digits in a year", "PUT", "/api/v1/units/town/figures/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91", "application/json", figures, 422, "request.invalid_year"),
                new Case("a two-digit year", "PUT", "/api/v1/units/town/figures/21", "application/json", figures, 422, "request.invalid_year"),
                new Case("a negative year", "GET", "/api/v1/units/town/figures/-202", null, null, 422, "request.invalid_year"),
                new Case("reading year 3000", "GET", "/api/v1/units/town/figures/3000", null, null, 422, "year.unsupported"),
                new Case("a batch for 2101", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": 2101, \"submissions\": [" + item + "]}", 422, "year.unsupported"),
                new Case("a batch for the largest int", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": 2147483647, \"submissions\": [" + item + "]}", 422, "year.unsupported"),
                new Case("a batch year beyond int", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": 99999999999, \"submissions\": [" + item + "]}", 400, "request.wrong_type"),
                new Case("a batch year as text", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": \"2021\", \"submissions\": [" + item + "]}", 400, "request.wrong_type"),
                new Case("a batch year with a fraction", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": 2021.0, \"submissions\": [" + item + "]}", 400, "request.wrong_type"),
                new Case("a rollup for 3000", "POST", "/api/v1/units/county/rollups/3000", "application/json", "{}", 422, "year.unsupported"),
                new Case("a rollup before 2008", "POST", "/api/v1/units/county/rollups/2005", "application/json", "{}", 422, "year.unsupported"),
                new Case("a rollup of a unit with nothing below it", "POST", "/api/v1/units/town/rollups/2021", "application/json", "{}", 422, "rollup.nothing_below"),
                new Case("children in a full-width year", "GET", "/api/v1/units/county/children?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91", null, null, 422, "request.invalid_year"),
                new Case("templates for a word", "GET", "/api/v1/templates?year=abcd", null, null, 422, "request.invalid_year"),
                new Case("the audit of a word", "GET", "/api/v1/audit?year=abcd", null, null, 422, "request.invalid_year"),
                // figures
                new Case("an empty body", "PUT", "/api/v1/units/town/figures/2021", "application/json", "", 400, "request.body_missing"),
                new Case("a body of spaces", "PUT", "/api/v1/units/town/figures/2021", "application/json", "  \n ", 400, "request.body_missing"),
                new Case("a figure of 100,000 digits as text", "PUT", "/api/v1/units/town/figures/2021", "application/json", "{\"figures\": {\"s2_6.penalty.decisions\": \"" + hugeDigits + "\"}}", 422, "submission.rejected"),
                new Case("a figure of 100,000 digits as a number", "PUT", "/api/v1/units/town/figures/2021", "application/json", "{\"figures\": {\"s2_6.penalty.decisions\": " + hugeDigits + "}}", 400, "request.malformed_json"),
                new Case("dryRun that is not true or false", "PUT", "/api/v1/units/town/figures/2021?dryRun=maybe", "application/json", figures, 400, "request.invalid_parameter"),
                new Case("a version that is a word", "GET", "/api/v1/units/town/figures/2021/versions/abc", null, null, 400, "request.invalid_parameter"),
                new Case("version 0", "GET", "/api/v1/units/town/figures/2021/versions/0", null, null, 400, "request.invalid_parameter"),
                new Case("figures as text/plain", "PUT", "/api/v1/units/town/figures/2021", "text/plain", figures, 415, "request.unsupported_media_type"),
                new Case("a batch with an empty body", "POST", "/api/v1/figures/batch", "application/json", "", 400, "request.body_missing"),
                new Case("a batch listing a unit twice", "POST", "/api/v1/figures/batch", "application/json", "{\"year\": 2021, \"submissions\": [" + item + ", " + item + "]}", 422, "batch.unit_listed_twice"),
                // units
                new Case("placements with a null", "POST", "/api/v1/units", "application/json", "{\"id\": \"new\", \"name\": \"镇\", \"kind\": \"town\", \"fromYear\": 2015, \"placements\": [null]}", 422, "unit.invalid"),
                new Case("a NUL in a name", "POST", "/api/v1/units", "application/json", String.format(unit, "\"a\\u0000b\"", "2015"), 422, "unit.invalid"),
                new Case("a bell in a name", "POST", "/api/v1/units", "application/json", String.format(unit, "\"a\\u0007b\"", "2015"), 422, "unit.invalid"),
                new Case("a bidirectional override in a name", "POST", "/api/v1/units", "application/json", String.format(unit, "\"镇\\u202E名\"", "2015"), 422, "unit.invalid"),
                new Case("a lone surrogate in a name", "POST", "/api/v1/units", "application/json", String.format(unit, "\"a\\uD800b\"", "2015"), 422, "unit.invalid"),
                new Case("a name that is a number", "POST", "/api/v1/units", "application/json", String.format(unit, "5", "2015"), 422, "unit.invalid"),
                new Case("fromYear with a fraction", "POST", "/api/v1/units", "application/json", String.format(unit, "\"镇\"", "2020.5"), 422, "unit.invalid"),
                new Case("fromYear as text", "POST", "/api/v1/units", "application/json", String.format(unit, "\"镇\"", "\"2020\""), 422, "unit.invalid"),
                new Case("fromYear beyond int", "POST", "/api/v1/units", "application/json", String.format(unit, "\"镇\"", "99999999999"), 422, "unit.invalid"),
                new Case("a NUL in an id", "POST", "/api/v1/units", "application/json", "{\"id\": \"n\\u0000w\", \"name\": \"镇\", \"kind\": \"town\", \"fromYear\": 2015}", 422, "unit.invalid"),
                new Case("a unit with an empty body", "POST", "/api/v1/units", "application/json", "", 400, "request.body_missing"),
                new Case("a unit with spaces for a body", "POST", "/api/v1/units", "application/json", " ", 400, "request.body_missing"),
                new Case("a unit with an unknown field", "POST", "/api/v1/units", "application/json", "{\"id\": \"new\", \"name\": \"镇\", \"kind\": \"town\", \"fromYear\": 2015, \"colour\": 1}", 400, "request.unknown_field"),
                new Case("a unit with a key twice", "POST", "/api/v1/units", "application/json", "{\"id\": \"new\", \"id\": \"new2\", \"name\": \"镇\", \"kind\": \"town\", \"fromYear\": 2015}", 400, "request.duplicate_key"),
                new Case("an import of a null", "POST", "/api/v1/units/import", "application/json", "{\"units\": [null]}", 422, "unit.invalid"),
                new Case("an import with trailing content", "POST", "/api/v1/units/import", "application/json", "{\"units\": []} []", 400, "request.malformed_json"),
                new Case("a CSV year in full-width digits", "POST", "/api/v1/units/import", "text/csv", "id,name,kind,divisionCode,fromYear,toYear,parent\nnew,镇,town,,２０１５,,county\n", 400, "request.malformed_csv"),
                new Case("a CSV with an unclosed quote", "POST", "/api/v1/units/import", "text/csv", "id,name,kind,divisionCode,fromYear,toYear,parent\nnew,\"镇,town,,2015,,county\n", 400, "request.malformed_csv"),
                new Case("an empty CSV", "POST", "/api/v1/units/import", "text/csv", " ", 400, "request.body_missing"),
                new Case("a unit id with a NUL in the path", "GET", "/api/v1/units/to%00wn", null, null, 400, "request.invalid_parameter"),
                // tokens
                new Case("a role in a list", "POST", "/api/v1/tokens", "application/json", String.format(token, "\"x\"", "[\"reader\"]"), 422, "token.unknown_role"),
                new Case("an unknown role", "POST", "/api/v1/tokens", "application/json", String.format(token, "\"x\"", "\"root\""), 422, "token.unknown_role"),
                new Case("a principal that is a number", "POST", "/api/v1/tokens", "application/json", String.format(token, "5", "\"reader\""), 422, "token.invalid_principal"),
                new Case("a NUL in a principal", "POST", "/api/v1/tokens", "application/json", String.format(token, "\"a\\u0000b\"", "\"reader\""), 422, "token.invalid_principal"),
                new Case("an empty principal", "POST", "/api/v1/tokens", "application/json", String.format(token, "\"\"", "\"reader\""), 422, "token.invalid_principal"),
                new Case("a scope that is a number", "POST", "/api/v1/tokens", "application/json", "{\"principal\": \"x\", \"role\": \"reader\", \"scope\": 5}", 422, "token.invalid_scope"),
                new Case("an expiry a billion years on", "POST", "/api/v1/tokens", "application/json", "{\"principal\": \"x\", \"role\": \"reader\", \"expiresAt\": \"+1000000000-01-01T00:00:00Z\"}", 422, "token.invalid_expiry"),
                new Case("an expiry already past", "POST", "/api/v1/tokens", "application/json", "{\"principal\": \"x\", \"role\": \"reader\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", 422, "token.invalid_expiry"),
                new Case("a token with an empty body", "POST", "/api/v1/tokens", "application/json", "", 400, "request.body_missing"),
                new Case("revoking no token", "DELETE", "/api/v1/tokens/nothing", null, null, 404, "token.not_found"),
                // reads
                new Case("a snapshot of another year", "GET", "/api/v1/units/county/consolidated/2021?snapshot=" + snapshot2020, null, null, 422, "rollup.snapshot_other_year"),
                new Case("a snapshot of another unit", "GET", "/api/v1/units/other/consolidated/2021?snapshot=" + snapshot2021, null, null, 404, "rollup.unit_not_in_snapshot"),
                new Case("no such snapshot", "GET", "/api/v1/rollups/none", null, null, 404, "rollup.not_found"),
                new Case("an unknown format", "GET", "/api/v1/units/county/consolidated/2021?format=xml", null, null, 400, "request.unknown_format"),
                new Case("an audit limit of a word", "GET", "/api/v1/audit?limit=many", null, null, 400, "request.invalid_parameter"),
                new Case("an audit limit of a million", "GET", "/api/v1/audit?limit=1000000", null, null, 400, "request.invalid_parameter"),
                // a report's text: the standard text, the prose check, imports
                new Case("the standard text from an unknown source", "GET", "/api/v1/units/town/text/2021?source=mine", null, null, 400, "request.invalid_parameter"),
                new Case("the standard text as PDF", "GET", "/api/v1/units/town/text/2021?format=pdf", null, null, 400, "request.unknown_format"),
                new Case("an empty text to check", "POST", "/api/v1/units/town/text-checks/2021", "text/plain", "", 400, "text.empty"),
                new Case("a text of no table checked against its own tables", "POST", "/api/v1/units/town/text-checks/2021?source=report", "text/plain", "二〇二一年，本机关共收到申请 3 件。", 422, "text.no_tables"),
                new Case("a text checked against another source", "POST", "/api/v1/units/town/text-checks/2021?source=theirs", "text/plain", "共收到申请 3 件。", 400, "request.invalid_parameter"),
                new Case("a text checked as JSON", "POST", "/api/v1/units/town/text-checks/2021", "application/json", "{\"text\": \"3 件\"}", 415, "request.unsupported_media_type"),
                new Case("an empty import", "POST", "/api/v1/units/town/imports/2021", "text/plain", "", 400, "text.empty"),
                new Case("an import of prose only", "POST", "/api/v1/units/town/imports/2021", "text/plain", "本年度无其他需要报告的事项。", 422, "import.no_tables"),
                new Case("an import of a page without tables", "POST", "/api/v1/units/town/imports/2021", "text/html", "<html><body><p>无</p><script>alert(1)</script></body></html>", 422, "import.no_tables"),
                new Case("an import of a page of nested tables only", "POST", "/api/v1/units/town/imports/2021", "text/html", "<table><tr><td>".repeat(2_000) + "x", 422, "import.no_tables"),
                new Case("an import stored maybe", "POST", "/api/v1/units/town/imports/2021?store=maybe", "text/plain", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", 400, "request.invalid_parameter"),
                new Case("no such route", "GET", "/api/v1/nothing-here", null, null, 404, "route.not_found"),
                new Case("a method a route does not take", "DELETE", "/api/v1/units/town", null, null, 405, "request.method_not_allowed")));
        return cases;
    }

    @Test
    void everyBadInputIsA4xxWithAStableCodeAndChangesNothing() {
        String before = state();
        List<String> wrong = new ArrayList<>();
        int serverErrors = 0;
        for (Case c : cases()) {
            HttpRequest.Builder request = service.request(c.path());
            HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(c.body());
            request.method(c.method(), body);
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            Reply reply = service.send(request.build());
            serverErrors += reply.status() >= 500 ? 1 : 0;
            String detail = reply.json() == null || reply.json().get("detail") == null ? "" : reply.json().get("detail").asText();
            String detailZh = reply.json() == null || reply.json().get("detailZh") == null ? "" : reply.json().get("detailZh").asText();
            boolean right = reply.status() == c.status() && c.code().equals(reply.code())
                    && "application/problem+json".equals(reply.contentType())
                    && !detail.isBlank() && !detailZh.isBlank()
                    && !speaksOfTheMachinery(reply.raw().body())
                    && reply.raw().body().length() < 8_000;
            if (!right) {
                wrong.add(c.name() + ": " + reply.status() + " " + reply.code() + " " + clip(reply.raw().body()));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(0, serverErrors);
        assertEquals(before, state(), "no bad input changed anything");
    }

    /** A Java type, a framework's name or one of its settings has no place in an answer. */
    private static boolean speaksOfTheMachinery(String body) {
        return body.contains("java.") || body.contains("io.micronaut") || body.contains("micronaut.")
                || body.contains("Exception") || body.contains("max-request") || body.contains("jackson");
    }

    private static String clip(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** What a write would change: the audit trail, the town's figures and versions, the tokens, the hierarchy. */
    private static String state() {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/api/v1/audit?limit=1000", "/api/v1/units/town/figures/2021/versions",
                "/api/v1/tokens", "/api/v1/units/county/subtree?year=2021", "/api/v1/units/county/rollups/2021")) {
            Reply reply = service.get(path);
            assertEquals(200, reply.status(), path);
            s.append(reply.raw().body()).append('\n');
        }
        return s.toString();
    }

    @Test
    void ifMatchTakesAListAndComparesStrongly() {
        String path = "/api/v1/units/county/figures/2019";
        Reply first = service.put(path, Map.of("figures", Map.of("s2_6.penalty.decisions", 1)));
        assertEquals("\"v1\"", first.header("ETag"));

        Reply weak = service.put(path, Map.of("figures", Map.of("s2_6.penalty.decisions", 2)), "If-Match", "W/\"v1\"");
        Reply listed = service.put(path, Map.of("figures", Map.of("s2_6.penalty.decisions", 2)), "If-Match", "\"v7\", \"v1\"");
        Reply stale = service.put(path, Map.of("figures", Map.of("s2_6.penalty.decisions", 3)), "If-Match", "\"v7\", \"v1\"");

        assertEquals(List.of(412, "submission.version_mismatch"), List.of(weak.status(), weak.code()));
        assertEquals(200, listed.status(), listed.raw().body());
        assertEquals(412, stale.status(), "v2 is current now");
        Reply fresh = service.send(service.request(path).header("If-None-Match", "\"v1\", W/\"v2\"").GET().build());
        Reply old = service.send(service.request(path).header("If-None-Match", "\"v1\"").GET().build());
        assertEquals(304, fresh.status(), "If-None-Match compares weakly and takes a list");
        assertEquals(200, old.status(), "a stale ETag gets the figures, not 304");
        assertEquals(2, old.json().get("figures").get("s2_6.penalty.decisions").asInt());
    }

    @Test
    void aHugeNumberIsRefusedWithoutBeingEchoedBack() {
        Reply reply = service.put("/api/v1/units/town/figures/2021",
                "{\"figures\": {\"s2_6.penalty.decisions\": \"" + "7".repeat(100_000) + "\"}}");
        assertEquals(List.of(422, "submission.rejected"), List.of(reply.status(), reply.code()));
        JsonNode finding = reply.json().get("errors").get(0);
        assertEquals("input.overflow", finding.get("rule").asText());
        assertTrue(reply.raw().body().length() < 2_000, reply.raw().body().length() + " characters");
    }

    @Test
    void everyAnswerTellsBrowsersNotToGuessItsTypeAndFiguresAreNotCached() {
        Reply figures = service.get("/api/v1/units/town/figures/2021");
        Reply problem = service.get("/api/v1/units/nobody");
        Reply snapshot = service.get("/api/v1/rollups/" + snapshot2021);

        for (Reply r : List.of(figures, problem, snapshot, service.anonymous().get("/health"))) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
        }
        assertEquals("no-store", figures.header("Cache-Control"));
        assertEquals("private, max-age=31536000, immutable", snapshot.header("Cache-Control"),
                "a snapshot never changes but needs a token: private");
    }

    @Test
    void aBrowserRequestFromAnotherSiteIsRefusedAsAProblem() {
        Reply preflight = service.send(service.anonymous().request("/api/v1/templates")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").build());

        assertTrue(preflight.status() >= 400 && preflight.status() < 500, String.valueOf(preflight.status()));
        assertEquals("application/problem+json", preflight.contentType(), preflight.status() + " "
                + preflight.raw().headers().map() + " " + preflight.raw().body());
        assertTrue(preflight.header("Access-Control-Allow-Origin") == null, "no site is allowed");
    }

    @Test
    void aProblemSpeaksChineseUnlessTheRequestAsksForEnglish() {
        Reply chinese = service.get("/api/v1/units/nobody");
        Reply english = service.send(service.request("/api/v1/units/nobody").header("Accept-Language", "en-GB,en;q=0.8,zh;q=0.5").GET().build());
        Reply preferZh = service.send(service.request("/api/v1/units/nobody").header("Accept-Language", "zh-CN,en;q=0.5").GET().build());

        assertEquals("没有单位 nobody。", chinese.json().get("detail").asText());
        assertEquals("zh", chinese.header("Content-Language"));
        assertEquals("There is no unit nobody.", english.json().get("detail").asText());
        assertEquals("en", english.header("Content-Language"));
        assertEquals(chinese.json().get("detail"), preferZh.json().get("detail"));
        for (Reply r : List.of(chinese, english)) {
            assertEquals(List.of("没有单位 nobody。", "There is no unit nobody."),
                    List.of(r.json().get("detailZh").asText(), r.json().get("detailEn").asText()), "both, always");
        }
    }
}

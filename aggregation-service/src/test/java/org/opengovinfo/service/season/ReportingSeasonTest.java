package org.opengovinfo.service.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengovinfo.service.testing.UnitBodies.unit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * A whole reporting season for a city, through the API as the offices work it: towns and departments fill in and
 * hand in, some late; a county returns one report, which is corrected and accepted; the counties hand in once their
 * subtree is accepted (one naming a department that never reported); the city accepts them and publishes; a write
 * after publication is refused; an administrator reopens the year, a town corrects a figure, and the city publishes
 * again; the diff of the two publications says what changed and why.
 *
 * <pre>
 * city ─┬─ k1 ── t11, t12, d11
 *       ├─ k2 ── t21, d21 (never reports)
 *       └─ cd1 (a city department)
 * </pre>
 */
class ReportingSeasonTest extends OnBothDatabases {

    private static final int YEAR = 2021;
    private static final Instant JANUARY = Instant.parse("2022-01-10T02:00:00Z");
    /** After the deadline, 2022-02-01 00:00 China time. */
    private static final Instant FEBRUARY = Instant.parse("2022-02-03T02:00:00Z");

    private static ServiceUnderTest admin;
    private static ServiceUnderTest cityConsolidator;
    private static ServiceUnderTest k1Consolidator;
    private static ServiceUnderTest k1Reporter;
    private static ServiceUnderTest k2Consolidator;
    private static ServiceUnderTest k2Reporter;
    private static ServiceUnderTest cityReporter;

    @BeforeParameterizedClassInvocation
    static void seed() {
        admin = service;
        service.clock().set(JANUARY);
        Reply units = service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("city", "city", null), unit("k1", "county", "city"), unit("k2", "county", "city"),
                unit("cd1", "department", "city"), unit("t11", "town", "k1"), unit("t12", "town", "k1"),
                unit("d11", "department", "k1"), unit("t21", "town", "k2"), unit("d21", "department", "k2"))));
        assertEquals(200, units.status(), units.raw().body());
        cityConsolidator = as("city office", "consolidator", "city");
        cityReporter = as("city clerk", "reporter", "city");
        k1Consolidator = as("k1 office", "consolidator", "k1");
        k1Reporter = as("k1 clerk", "reporter", "k1");
        k2Consolidator = as("k2 office", "consolidator", "k2");
        k2Reporter = as("k2 clerk", "reporter", "k2");
    }


    private static ServiceUnderTest as(String principal, String role, String scope) {
        Reply token = service.post("/api/v1/tokens", Map.of("principal", principal, "role", role, "scope", scope));
        assertEquals(201, token.status(), token.raw().body());
        return service.withToken(token.json().get("token").asText());
    }

    private static Map<String, Object> figures(int decisions) {
        return Map.of("figures", Map.of("s2_6.penalty.decisions", decisions, "s4.reconsideration.upheld", 1));
    }

    private static String path(String unit) {
        return "/api/v1/units/" + unit + "/reports/" + YEAR;
    }

    private static Reply ok(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.raw().body());
        return reply;
    }

    private static void refused(Reply reply, int status, String code) {
        assertEquals(List.of(status, code), List.of(reply.status(), String.valueOf(reply.code())), reply.raw().body());
    }

    private static String state(String unit) {
        return ok(admin.get(path(unit)), 200).json().get("state").asText();
    }

    @Test
    void aWholeSeasonRunsFromDraftsToTwoPublications() {
        String base = "/api/v1/units/";
        // 填报: drafts; nothing is handed in by writing
        for (String u : List.of("t11", "t12", "d11")) {
            ok(k1Reporter.put(base + u + "/figures/" + YEAR, figures(2)), 200);
        }
        ok(k2Reporter.put(base + "t21/figures/" + YEAR, figures(4)), 200);
        ok(cityReporter.put(base + "cd1/figures/" + YEAR, figures(1)), 200);
        assertEquals("draft", state("t11"));
        refused(k1Consolidator.post(path("t11") + "/accept", Map.of()), 409, "report.wrong_state");
        refused(k1Reporter.post(path("k1") + "/submit", Map.of()), 422, "report.no_figures");

        // 报送: on time in January; d11 only in February
        for (String u : List.of("t11", "t12")) {
            assertEquals("submitted", ok(k1Reporter.post(path(u) + "/submit", Map.of()), 200).json().get("state").asText());
        }
        ok(k2Reporter.post(path("t21") + "/submit", Map.of()), 200);
        ok(cityReporter.post(path("cd1") + "/submit", Map.of("version", 1)), 200);
        refused(k1Reporter.post(path("t12") + "/submit", Map.of()), 409, "report.wrong_state");

        // a rollup over accepted reports only leaves out what is not accepted yet; the preview adds everything
        JsonNode preview = ok(k1Consolidator.post(base + "k1/rollups/" + YEAR, Map.of()), 201).json();
        JsonNode acceptedOnly = ok(k1Consolidator.post(base + "k1/rollups/" + YEAR + "?basis=accepted", Map.of()), 201).json();
        assertEquals(List.of("all", "accepted"), List.of(preview.get("basis").asText(), acceptedOnly.get("basis").asText()));
        JsonNode snapshot = ok(admin.get("/api/v1/rollups/" + acceptedOnly.get("id").asText()), 200).json();
        assertEquals("submitted", snapshot.get("notAccepted").get("t11").asText());
        assertEquals(0, snapshot.get("versions").size(), "nothing below k1 is accepted yet: " + snapshot.get("versions"));

        // 审核: the county accepts t11, returns t12 with a comment; the level above only
        refused(k1Consolidator.post(path("t11") + "/accept", Map.of("version", 7)), 409, "report.changed");
        assertEquals("accepted", ok(k1Consolidator.post(path("t11") + "/accept", Map.of("version", 1)), 200)
                .json().get("state").asText());
        refused(k1Consolidator.post(path("t12") + "/return", Map.of()), 422, "report.comment_required");
        JsonNode returned = ok(k1Consolidator.post(path("t12") + "/return", Map.of("comment", "行政处罚决定数与台账不符")), 200).json();
        assertEquals(List.of("returned", "行政处罚决定数与台账不符"), List.of(returned.get("state").asText(), returned.get("note").asText()));
        refused(k2Consolidator.post(path("t11") + "/reopen", Map.of("reason", "x")), 403, "access.forbidden");
        refused(k1Reporter.post(path("t11") + "/accept", Map.of()), 403, "access.forbidden");

        // accepted figures are locked, and the answer says who accepted them when
        Reply locked = k1Reporter.put(base + "t11/figures/" + YEAR, figures(3));
        refused(locked, 409, "figures.locked");
        assertTrue(locked.json().get("detail").asText().contains("k1 office"), locked.json().get("detail").asText());
        assertTrue(locked.json().get("detailZh").asText().contains("(UTC+8)"), locked.json().get("detailZh").asText());

        // the returned report is corrected with a PATCH of one cell and handed in again, then accepted
        JsonNode patched = ok(k1Reporter.send(k1Reporter.request(base + "t12/figures/" + YEAR)
                .header("Content-Type", "application/json").header("If-Match", "\"v1\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"figures\": {\"s2_6.penalty.decisions\": 5}}")).build()), 200).json();
        assertEquals(List.of(2, 5, 1), List.of(patched.get("version").asInt(),
                patched.get("figures").get("s2_6.penalty.decisions").asInt(),
                patched.get("figures").get("s4.reconsideration.upheld").asInt()), "only the cell sent changed");
        assertEquals("draft", state("t12"));
        ok(k1Reporter.post(path("t12") + "/submit", Map.of("version", 2)), 200);
        ok(k1Consolidator.post(path("t12") + "/accept", Map.of("version", 2)), 200);

        // the county hands in only when everything below it is accepted
        ok(k1Reporter.put(base + "k1/figures/" + YEAR, figures(1)), 200);
        Reply early = k1Reporter.post(path("k1") + "/submit", Map.of());
        refused(early, 409, "report.subtree_not_accepted");
        assertEquals("d11", early.json().get("errors").get(0).get("unit").asText());
        service.clock().set(FEBRUARY);
        ok(k1Reporter.post(path("d11") + "/submit", Map.of()), 200);
        ok(k1Consolidator.post(path("d11") + "/accept", Map.of()), 200);
        ok(k1Reporter.post(path("k1") + "/submit", Map.of()), 200);
        refused(k1Consolidator.post(path("k1") + "/accept", Map.of()), 403, "access.forbidden");

        // k2: d21 never reports; the county names it missing, and that is recorded
        ok(k2Consolidator.post(path("t21") + "/accept", Map.of()), 200);
        ok(k2Reporter.put(base + "k2/figures/" + YEAR, figures(1)), 200);
        refused(k2Reporter.post(path("k2") + "/submit", Map.of("missing", List.of("t21"))), 422, "report.missing_invalid");
        JsonNode k2 = ok(k2Reporter.post(path("k2") + "/submit", Map.of("missing", List.of("d21"))), 200).json();
        assertEquals("missing: d21", k2.get("note").asText());

        // the city accepts its counties and department
        for (String u : List.of("k1", "k2", "cd1")) {
            ok(cityConsolidator.post(path(u) + "/accept", Map.of()), 200);
        }

        // 报送进度
        JsonNode status = ok(cityConsolidator.get(base + "city/status/" + YEAR), 200).json();
        assertEquals(9, status.get("total").get("units").asInt());
        assertEquals(7, status.get("total").get("byState").get("accepted").asInt());
        assertEquals(List.of(2, 0), List.of(status.get("total").get("byState").get("none").asInt(),
                status.get("total").get("byState").get("draft").asInt()), "d21 and the city itself have no figures");
        assertEquals(List.of("cd1", "k1", "k2"), ids(status.get("below")), "units below in id order");
        JsonNode k1Line = status.get("below").get(1);
        assertEquals(List.of(4, 2, 2), List.of(k1Line.get("counts").get("units").asInt(),
                k1Line.get("counts").get("onTime").asInt(), k1Line.get("counts").get("late").asInt()),
                "t11 and t12 in January; d11 and k1 itself in February");
        assertEquals(0, new java.math.BigDecimal("0.5").compareTo(k1Line.get("counts").get("onTimeRate").decimalValue()));
        assertEquals(List.of("city", "d21"), ids(status.get("chase")));
        assertEquals(3, status.get("chase").get(0).get("daysOverdue").asInt(), "due 2022-02-01 00:00, now 2022-02-03 10:00");
        Reply csv = cityConsolidator.get(base + "city/status/" + YEAR + "?format=csv");
        assertTrue(csv.raw().body().startsWith("\uFEFFunit,name,kind,state,units,none,draft,submitted,returned,accepted"),
                csv.raw().body());
        assertTrue(csv.raw().body().contains("\nk1,k1,county,accepted,4,0,0,0,0,4,2,2,0.5000,3\n"), csv.raw().body());
        assertEquals(csv.raw().body(), cityConsolidator.send(cityConsolidator.request(base + "city/status/" + YEAR)
                .header("Accept", "text/csv").GET().build()).raw().body());

        // 发布: every report below accepted or named missing; a snapshot over accepted figures; the subtree locks
        refused(cityConsolidator.post(base + "city/publications/" + YEAR, Map.of()), 409, "report.subtree_not_accepted");
        JsonNode first = ok(cityConsolidator.post(base + "city/publications/" + YEAR, Map.of("missing", List.of("d21"))), 201).json();
        assertEquals(List.of(1, true), List.of(first.get("sequence").asInt(), first.get("standing").asBoolean()));
        JsonNode published = ok(admin.get("/api/v1/units/city/consolidated/" + YEAR + "?snapshot="
                + first.get("snapshot").asText()), 200).json();
        assertEquals(2 + 5 + 2 + 4 + 1 + 1 + 1, published.get("figures").get("s2_6.penalty.decisions").asInt(),
                "t11 2, t12 5, d11 2, t21 4, cd1 1, k1 1, k2 1 (city's own draft 0: none)");
        refused(cityReporter.put(base + "city/figures/" + YEAR, figures(9)), 409, "figures.locked");
        refused(k2Reporter.put(base + "d21/figures/" + YEAR, figures(9)), 409, "figures.locked");
        refused(cityConsolidator.post(base + "city/publications/" + YEAR, Map.of("missing", List.of("d21"))), 409,
                "publication.standing");
        refused(k1Consolidator.post(base + "k1/publications/" + YEAR, Map.of()), 409, "publication.locked_above");
        refused(cityConsolidator.post(path("t11") + "/reopen", Map.of("reason", "更正")), 409, "figures.locked");

        // 更正: only an administrator reopens a publication, with a reason; then t11 is reopened and corrected
        refused(cityConsolidator.post(base + "city/publications/" + YEAR + "/reopen", Map.of("reason", "x")), 403,
                "access.forbidden");
        refused(admin.post(base + "city/publications/" + YEAR + "/reopen", Map.of()), 422, "report.comment_required");
        ok(admin.post(base + "city/publications/" + YEAR + "/reopen", Map.of("reason", "t11 行政处罚数据有误")), 200);
        ok(k1Consolidator.post(path("t11") + "/reopen", Map.of("reason", "行政处罚决定数漏报 1 件")), 200);
        assertEquals("returned", state("t11"));
        ok(k1Reporter.send(k1Reporter.request(base + "t11/figures/" + YEAR).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"figures\": {\"s2_6.penalty.decisions\": 3}}")).build()), 200);
        ok(k1Reporter.post(path("t11") + "/submit", Map.of()), 200);
        ok(k1Consolidator.post(path("t11") + "/accept", Map.of()), 200);
        service.clock().advance(Duration.ofHours(1));
        JsonNode second = ok(cityConsolidator.post(base + "city/publications/" + YEAR, Map.of("missing", List.of("d21"))), 201).json();
        assertEquals(2, second.get("sequence").asInt());

        JsonNode list = ok(admin.get(base + "city/publications/" + YEAR), 200).json();
        assertEquals(List.of(false, true), List.of(list.get(0).get("standing").asBoolean(), list.get(1).get("standing").asBoolean()));
        assertEquals("t11 行政处罚数据有误", list.get(0).get("reopenReason").asText());

        JsonNode diff = ok(cityConsolidator.get(base + "city/publications/" + YEAR + "/diff?from=1&to=2"), 200).json();
        List<String> why = new ArrayList<>();
        diff.get("reasons").forEach(r -> why.add(r.get("action").asText() + " " + r.get("unit").asText()));
        assertEquals(List.of("publication.reopened city", "report.reopened t11"), why);
        JsonNode moved = null;
        for (JsonNode c : diff.get("cells").get("cells")) {
            if (c.get("unit").asText().equals("city") && c.get("cell").asText().equals("s2_6.penalty.decisions")) {
                moved = c;
            }
        }
        assertEquals(List.of(16, 17, 1, "t11"), List.of(moved.get("before").asInt(), moved.get("after").asInt(),
                moved.get("delta").asInt(), moved.get("because").get(0).asText()));

        // the history of t11 tells the whole story
        List<String> history = new ArrayList<>();
        ok(admin.get(path("t11")), 200).json().get("history").forEach(h -> history.add(h.get("action").asText()));
        assertEquals(List.of("figures.accepted", "report.submitted", "report.accepted", "report.reopened",
                "figures.accepted", "report.submitted", "report.accepted"), history);

        // what happened since: a city office polls
        JsonNode feed = ok(cityConsolidator.get(base + "city/events?since=0&limit=1000"), 200).json();
        List<String> actions = new ArrayList<>();
        long newest = 0;
        for (JsonNode e : feed.get("events")) {
            actions.add(e.get("action").asText());
            newest = Math.max(newest, e.get("seq").asLong());
        }
        assertTrue(actions.contains("publication.published") && actions.contains("report.returned"), actions.toString());
        long next = feed.get("next").asLong();
        assertTrue(next > 0 && next < newest, "the cursor passes what is settled and waits behind the last minute");
        List<String> again = new ArrayList<>();
        ok(cityConsolidator.get(base + "city/events?since=" + next), 200).json().get("events")
                .forEach(e -> again.add(e.get("action").asText()));
        assertEquals("publication.published", again.get(again.size() - 1), "the latest events come again until settled");
        service.clock().advance(Duration.ofMinutes(2));
        long settled = ok(cityConsolidator.get(base + "city/events?since=" + next), 200).json().get("next").asLong();
        assertTrue(settled >= newest);
        assertEquals(0, ok(cityConsolidator.get(base + "city/events?since=" + settled), 200).json().get("events").size());
        JsonNode k2Feed = ok(k2Consolidator.get(base + "k2/events?since=0&limit=1000"), 200).json();
        k2Feed.get("events").forEach(e -> assertTrue(List.of("k2", "t21", "d21").contains(e.get("unit").asText()), e.toString()));
        refused(k2Consolidator.get(base + "city/events"), 403, "access.forbidden");
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("unit").asText()));
        return ids;
    }

    @Test
    void aReportHandedInAndEditedGoesBackToDraftAndAnAcceptanceOfTheOldVersionFails() {
        String base = "/api/v1/units/";
        int year = 2019;
        ok(k2Reporter.put(base + "t21/figures/" + year, figures(1)), 200);
        ok(k2Reporter.post("/api/v1/units/t21/reports/" + year + "/submit", Map.of()), 200);
        ok(k2Reporter.put(base + "t21/figures/" + year, figures(2)), 200);

        assertEquals("draft", ok(admin.get("/api/v1/units/t21/reports/" + year), 200).json().get("state").asText());
        refused(k2Consolidator.post("/api/v1/units/t21/reports/" + year + "/accept", Map.of("version", 1)), 409,
                "report.changed");
        assertFalse(ok(admin.get("/api/v1/units/t21/reports/" + year), 200).json().get("report").get("version").asInt() == 1);
    }
}

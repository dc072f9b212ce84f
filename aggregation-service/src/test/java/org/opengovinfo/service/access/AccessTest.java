package org.opengovinfo.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengovinfo.service.testing.UnitBodies.moved;
import static org.opengovinfo.service.testing.UnitBodies.unit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * Who may do what: token failures, every route guarded and its unit and year marked, and the matrix of roles ×
 * endpoints × units × years, for tokens of several subtrees, over units that moved between subtrees in 2021.
 *
 * <pre>
 * city
 * ├─ county-a ── a1; mover (under county-b until 2020); zone ── zone-dept (zone under county-b until 2020)
 * └─ county-b ── b1; leaver (under county-a until 2020)
 * </pre>
 *
 * The test keeps its own model of that tree and, for every request, expects exactly the answer the request gets when
 * allowed (status and a field of the body) or 403 {@code access.forbidden}.
 */
class AccessTest extends OnBothDatabases {

    private static final List<String> UNITS = List.of("a1", "mover", "leaver", "b1", "zone", "zone-dept", "county-a",
            "county-b", "city");
    private static final Set<String> CONSOLIDATING = Set.of("city", "county-a", "county-b", "zone");
    private static final List<Integer> YEARS = List.of(2020, 2021);
    /** The test clock stands in January 2022: the present report year is 2022, which looks like 2021. */
    private static final int PRESENT = 2022;
    private static final Map<String, Object> FIGURES = Map.of("s2_6.penalty.decisions", 3);

    /** A token under test: role, the unit of its subtree ({@code null}: everywhere), its secret. */
    private record Holder(String name, Role role, String scope, String secret) {
        ServiceUnderTest on(ServiceUnderTest service) {
            return service.withToken(secret);
        }
    }

    private static final List<Holder> HOLDERS = new ArrayList<>();
    /** Two snapshots of each consolidating unit and year: [unit:year] → ids. */
    private static final Map<String, List<String>> SNAPSHOTS = new HashMap<>();

    @BeforeParameterizedClassInvocation
    static void seed() {
        HOLDERS.clear();
        SNAPSHOTS.clear();
        List<Map<String, Object>> units = List.of(
                unit("city", "city", null), unit("county-a", "county", "city"), unit("county-b", "county", "city"),
                unit("a1", "town", "county-a"), unit("b1", "town", "county-b"),
                moved("mover", "town", "county-b", "county-a"), moved("leaver", "town", "county-a", "county-b"),
                moved("zone", "development_zone", "county-b", "county-a"), unit("zone-dept", "department", "zone"));
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", units)).status());
        for (int year : YEARS) {
            List<Map<String, Object>> submissions = new ArrayList<>();
            UNITS.forEach(u -> submissions.add(Map.of("unit", u, "figures", FIGURES)));
            Reply batch = service.post("/api/v1/figures/batch", Map.of("year", year, "submissions", submissions));
            assertEquals(UNITS.size(), batch.json().get("accepted").asInt(), batch.raw().body());
            for (String u : CONSOLIDATING) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Reply rollup = service.post("/api/v1/units/" + u + "/rollups/" + year, Map.of());
                    assertEquals(201, rollup.status(), rollup.raw().body());
                    ids.add(rollup.json().get("id").asText());
                }
                SNAPSHOTS.put(u + ":" + year, ids);
            }
        }
        for (Role role : Role.values()) {
            HOLDERS.add(new Holder(role.code() + " of county-a", role, "county-a", issue(role.code() + "-of-county-a", role, "county-a")));
        }
        HOLDERS.add(new Holder("consolidator of city", Role.CONSOLIDATOR, "city", issue("city-consolidator", Role.CONSOLIDATOR, "city")));
        HOLDERS.add(new Holder("reporter of a1", Role.REPORTER, "a1", issue("a1-reporter", Role.REPORTER, "a1")));
        HOLDERS.add(new Holder("reader of zone", Role.READER, "zone", issue("zone-reader", Role.READER, "zone")));
        HOLDERS.add(new Holder("administrator of everything", Role.ADMINISTRATOR, null, ServiceUnderTest.ADMIN_TOKEN));
    }


    /** The test's own model of the tree: each unit's parent in a year. */
    private static String parent(String unit, int year) {
        return switch (unit) {
            case "city" -> null;
            case "county-a", "county-b" -> "city";
            case "a1" -> "county-a";
            case "b1" -> "county-b";
            case "mover", "zone" -> year <= 2020 ? "county-b" : "county-a";
            case "leaver" -> year <= 2020 ? "county-a" : "county-b";
            case "zone-dept" -> "zone";
            default -> throw new IllegalArgumentException(unit);
        };
    }

    private static boolean within(String unit, String scope, int year) {
        for (String u = unit; u != null; u = parent(u, year)) {
            if (u.equals(scope)) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinEveryYear(String unit, String scope) {
        for (int year = 2015; year <= PRESENT; year++) {
            if (!within(unit, scope, year)) {
                return false;
            }
        }
        return true;
    }

    private static String issue(String principal, Role role, String scope) {
        Map<String, Object> request = new HashMap<>(Map.of("principal", principal, "role", role.code()));
        request.put("scope", scope);
        Reply reply = service.post("/api/v1/tokens", request);
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("token").asText();
    }

    /** The answer an allowed request gets: its status, its problem code if any, and what its body must show. */
    private record Expected(int status, String code, Predicate<JsonNode> body) {
        static Expected ok(int status, Predicate<JsonNode> body) {
            return new Expected(status, null, body);
        }

        static Expected problem(int status, String code) {
            return new Expected(status, code, json -> true);
        }
    }

    private enum Years { GIVEN, PRESENT, EVERY }

    /** One endpoint of the matrix for a unit and year. */
    private record Call(String name, Permission permission, Years years, Predicate<String> appliesTo,
                        Sender send, Expectation expected) {
    }

    private interface Sender {
        Reply send(ServiceUnderTest as, String unit, int year);
    }

    private interface Expectation {
        Expected of(String unit, int year);
    }

    private static Predicate<JsonNode> field(String name, String value) {
        return json -> json != null && json.has(name) && json.get(name).asText().equals(value);
    }

    private static List<Call> calls() {
        Predicate<String> any = u -> true;
        Predicate<String> consolidating = CONSOLIDATING::contains;
        Map<String, Object> body = Map.of("figures", FIGURES);
        return List.of(
                new Call("read a unit in a year", Permission.READ_UNITS, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "?year=" + y), (u, y) -> Expected.ok(200, field("id", u))),
                new Call("read children", Permission.READ_UNITS, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/children?year=" + y), (u, y) -> Expected.ok(200, JsonNode::isArray)),
                new Call("read subtree", Permission.READ_UNITS, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/subtree?year=" + y),
                        (u, y) -> Expected.ok(200, json -> json.get(0).get("id").asText().equals(u))),
                new Call("write figures", Permission.WRITE_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.put("/api/v1/units/" + u + "/figures/" + y, body),
                        (u, y) -> Expected.ok(200, field("status", "unchanged"))),
                new Call("write figures in a batch", Permission.WRITE_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.post("/api/v1/figures/batch", Map.of("year", y, "submissions",
                                List.of(Map.of("unit", u, "figures", FIGURES)))),
                        (u, y) -> Expected.ok(200, json -> json.get("unchanged").asInt() == 1)),
                new Call("write figures as a CSV form", Permission.WRITE_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.send(as.request("/api/v1/units/" + u + "/figures/" + y)
                                .PUT(HttpRequest.BodyPublishers.ofString("s2_6,decisions\r\npenalty,3\r\n"))
                                .header("Content-Type", "text/csv").build()),
                        (u, y) -> Expected.ok(200, field("status", "unchanged"))),
                new Call("an empty form", Permission.READ_UNITS, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/form/" + y + "?format=csv"),
                        (u, y) -> Expected.ok(200, json -> json == null)),
                new Call("a unit's own report", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/report/" + y + "?format=csv"),
                        (u, y) -> Expected.ok(200, json -> json == null)),
                new Call("a consolidated report", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/report/" + y + "?source=consolidated&format=csv"),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(200, json -> json == null)
                                : Expected.problem(404, "rollup.none")),
                new Call("read figures", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/figures/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("read versions", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/figures/" + y + "/versions"),
                        (u, y) -> Expected.ok(200, json -> json.size() == 1)),
                new Call("read version 1", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/figures/" + y + "/versions/1"),
                        (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("completeness", Permission.ROLL_UP, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/completeness/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("roll up", Permission.ROLL_UP, Years.GIVEN, any,
                        (as, u, y) -> as.post("/api/v1/units/" + u + "/rollups/" + y, Map.of()),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(201, field("unit", u))
                                : Expected.problem(422, "rollup.nothing_below")),
                new Call("list rollups", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/rollups/" + y), (u, y) -> Expected.ok(200, JsonNode::isArray)),
                new Call("pull consolidated", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/consolidated/" + y),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(200, field("unit", u)) : Expected.problem(404, "rollup.none")),
                new Call("pull a given snapshot", Permission.READ_CONSOLIDATED, Years.GIVEN, consolidating,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/consolidated/" + y + "?snapshot=" + snapshot(u, y, 0)),
                        (u, y) -> Expected.ok(200, field("snapshot", snapshot(u, y, 0)))),
                new Call("read a whole snapshot", Permission.READ_FIGURES, Years.GIVEN, consolidating,
                        (as, u, y) -> as.get("/api/v1/rollups/" + snapshot(u, y, 0)), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("diff two snapshots", Permission.READ_FIGURES, Years.GIVEN, consolidating,
                        (as, u, y) -> as.get("/api/v1/rollups/" + snapshot(u, y, 0) + "/diff/" + snapshot(u, y, 1)),
                        (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("findings below", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/findings/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("indicators of own figures", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/indicators/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("indicators of consolidated figures", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/indicators/" + y + "?source=consolidated"),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(200, field("source", "consolidated"))
                                : Expected.problem(404, "rollup.none")),
                new Call("standard text of own figures", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/text/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("standard text of consolidated figures", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/text/" + y + "?source=consolidated"),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(200, field("unit", u))
                                : Expected.problem(404, "rollup.none")),
                new Call("check a text against own figures", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.send(as.request("/api/v1/units/" + u + "/text-checks/" + y + "?source=own")
                                .POST(HttpRequest.BodyPublishers.ofString("本年度新收政府信息公开申请1件。"))
                                .header("Content-Type", "text/plain; charset=UTF-8").build()),
                        (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("import a published report (dry run)", Permission.WRITE_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.send(as.request("/api/v1/units/" + u + "/imports/" + y)
                                .POST(HttpRequest.BodyPublishers.ofString("一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"))
                                .header("Content-Type", "text/plain; charset=UTF-8").build()),
                        (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("rankings of the units below", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/rankings/" + y),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.ok(200, field("unit", u))
                                : Expected.problem(422, "ranking.nothing_below")),
                new Call("risk flags across the subtree", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/risks/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("read a report and its history", Permission.READ_FIGURES, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/reports/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("reporting status", Permission.ROLL_UP, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/status/" + y), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("progress of a year", Permission.ROLL_UP, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/progress?fromYear=" + y + "&toYear=" + y),
                        (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("accept a draft", Permission.REVIEW, Years.GIVEN, any,
                        (as, u, y) -> as.post("/api/v1/units/" + u + "/reports/" + y + "/accept", Map.of()),
                        (u, y) -> Expected.problem(409, "report.wrong_state")),
                new Call("publish", Permission.PUBLISH, Years.GIVEN, any,
                        (as, u, y) -> as.post("/api/v1/units/" + u + "/publications/" + y, Map.of()),
                        (u, y) -> CONSOLIDATING.contains(u) ? Expected.problem(409, "report.subtree_not_accepted")
                                : Expected.problem(422, "rollup.nothing_below")),
                new Call("list publications", Permission.READ_CONSOLIDATED, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/publications/" + y), (u, y) -> Expected.ok(200, JsonNode::isArray)),
                new Call("reopen a publication", Permission.REOPEN_PUBLICATION, Years.GIVEN, any,
                        (as, u, y) -> as.post("/api/v1/units/" + u + "/publications/" + y + "/reopen", Map.of("reason", "x")),
                        (u, y) -> Expected.problem(409, "publication.not_standing")),
                new Call("poll events", Permission.ROLL_UP, Years.PRESENT, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u + "/events"), (u, y) -> Expected.ok(200, field("unit", u))),
                new Call("read the audit of a year", Permission.READ_AUDIT, Years.GIVEN, any,
                        (as, u, y) -> as.get("/api/v1/audit?unit=" + u + "&year=" + y), (u, y) -> Expected.ok(200, JsonNode::isArray)),
                new Call("read a unit now", Permission.READ_UNITS, Years.PRESENT, any,
                        (as, u, y) -> as.get("/api/v1/units/" + u), (u, y) -> Expected.ok(200, field("id", u))),
                new Call("write a unit unchanged", Permission.MANAGE_UNITS, Years.PRESENT, any,
                        (as, u, y) -> as.put("/api/v1/units/" + u, service.get("/api/v1/units/" + u).json()),
                        (u, y) -> Expected.ok(200, field("id", u))),
                new Call("read the audit of every year", Permission.READ_AUDIT, Years.EVERY, any,
                        (as, u, y) -> as.get("/api/v1/audit?unit=" + u), (u, y) -> Expected.ok(200, JsonNode::isArray)),
                new Call("issue a token", Permission.MANAGE_TOKENS, Years.EVERY, any,
                        (as, u, y) -> as.post("/api/v1/tokens", Map.of("principal", "issued-for-" + u, "role", "reader",
                                "scope", u)),
                        (u, y) -> Expected.ok(201, field("scope", u))),
                new Call("revoke a token", Permission.MANAGE_TOKENS, Years.EVERY, any,
                        (as, u, y) -> as.delete("/api/v1/tokens/" + service.post("/api/v1/tokens", Map.of("principal",
                                "victim-" + u, "role", "reader", "scope", u)).json().get("id").asText()),
                        (u, y) -> Expected.ok(204, json -> true)));
    }

    private static String snapshot(String unit, int year, int which) {
        return SNAPSHOTS.get(unit + ":" + year).get(which);
    }

    @Test
    void everyTokenGetsExactlyWhatItsRoleAndSubtreeAllowInTheYearAsked() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        int allowed = 0;
        for (Holder holder : HOLDERS) {
            ServiceUnderTest as = holder.on(service);
            for (Call call : calls()) {
                for (String unit : UNITS) {
                    if (!call.appliesTo().test(unit)) {
                        continue;
                    }
                    for (int year : call.years() == Years.GIVEN ? YEARS : List.of(PRESENT)) {
                        boolean inScope = holder.scope() == null || switch (call.years()) {
                            case GIVEN -> within(unit, holder.scope(), year);
                            case PRESENT -> within(unit, holder.scope(), PRESENT);
                            case EVERY -> withinEveryYear(unit, holder.scope());
                        };
                        boolean may = holder.role().grants(call.permission()) && inScope;
                        Reply reply = call.send().send(as, unit, year);
                        cases++;
                        String where = holder.name() + " · " + call.name() + " · " + unit + " · " + year + ": ";
                        if (!may && call.name().equals("write figures in a batch") && holder.role().grants(call.permission())) {
                            // a batch answers per unit: the unit outside the subtree is refused inside a 200
                            JsonNode item = reply.json() == null ? null : reply.json().get("results").get(0);
                            if (reply.status() != 200 || !"rejected".equals(item.get("status").asText())
                                    || !"access.forbidden".equals(item.get("code").asText())) {
                                wrong.add(where + reply.status() + " " + reply.raw().body());
                            }
                            continue;
                        }
                        // a token never reviews the top of its own subtree: that is for the level above
                        boolean ownTop = call.permission() == Permission.REVIEW && unit.equals(holder.scope());
                        may &= !ownTop;
                        Expected expected = may ? call.expected().of(unit, year) : Expected.problem(403, "access.forbidden");
                        allowed += may ? 1 : 0;
                        boolean right = reply.status() == expected.status()
                                && (expected.code() == null ? reply.status() < 300 || reply.status() == 304
                                        : expected.code().equals(reply.code()))
                                && (expected.code() != null || expected.body().test(reply.json()));
                        if (!right) {
                            wrong.add(where + reply.status() + " " + reply.code() + " (expected " + expected.status() + " "
                                    + expected.code() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, cases + " cases");
        System.out.println(database + ": " + cases + " access cases, " + allowed + " allowed, " + (cases - allowed) + " refused");
        assertTrue(cases > 1000 && allowed > 300 && cases - allowed > 300, cases + " cases, " + allowed + " allowed");
    }

    @Test
    void aSubtreeListsOnlyTheTokensWhoseUnitLiesWithinItEveryYear() {
        for (String u : List.of("a1", "mover", "leaver", "b1")) {
            assertEquals(201, service.post("/api/v1/tokens", Map.of("principal", "listed-" + u, "role", "reader",
                    "scope", u)).status());
        }
        ServiceUnderTest admin = HOLDERS.get(0).on(service);
        assertEquals(Role.ADMINISTRATOR, HOLDERS.get(0).role());

        Reply list = admin.get("/api/v1/tokens");

        assertEquals(200, list.status());
        List<String> principals = new ArrayList<>();
        list.json().forEach(t -> principals.add(t.get("principal").asText()));
        assertTrue(principals.contains("listed-a1"), principals.toString());
        assertFalse(principals.contains("listed-mover") || principals.contains("listed-leaver")
                || principals.contains("listed-b1"), principals.toString());
        list.json().forEach(t -> assertTrue(withinEveryYear(t.get("scope").asText(), "county-a"), t.toString()));
    }

    @Test
    void badTokensAreRefusedWith401AndSayWhy() {
        String revoked = issue("leaver", Role.REPORTER, "county-a");
        Reply revocation = service.delete("/api/v1/tokens/" + tokenId("leaver"));
        assertEquals(204, revocation.status(), revocation.raw().body());
        Reply expiring = service.post("/api/v1/tokens", Map.of("principal", "temp", "role", "reader", "scope", "county-a",
                "expiresAt", service.clock().instant().plus(Duration.ofHours(1)).toString()));
        assertEquals(201, expiring.status(), expiring.raw().body());
        String expired = expiring.json().get("token").asText();
        assertEquals(200, service.withToken(expired).get("/api/v1/templates").status(), "valid for an hour");
        service.clock().advance(Duration.ofHours(2));
        String valid = HOLDERS.get(3).secret();
        String tampered = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "auth.missing");
        cases.put("Basic dXNlcjpwYXNz", "auth.malformed");
        cases.put("Bearer not-a-token", "auth.malformed");
        cases.put("Bearer ogi_never-issued-0123456789abcdef0123456789", "auth.invalid");
        cases.put("Bearer " + tampered, "auth.invalid");
        cases.put("Bearer " + expired, "auth.expired");
        cases.put("Bearer " + revoked, "auth.revoked");
        try {
            for (Map.Entry<String, String> c : cases.entrySet()) {
                HttpRequest.Builder request = service.anonymous().request("/api/v1/templates").GET();
                if (!c.getKey().isEmpty()) {
                    request.header("Authorization", c.getKey());
                }
                Reply reply = service.send(request.build());
                assertEquals(List.of(401, c.getValue()), List.of(reply.status(), reply.code()), c.getKey());
                assertEquals("application/problem+json", reply.contentType());
                assertEquals("Bearer", reply.header("WWW-Authenticate"));
            }
            for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
                Reply reply = service.send(service.anonymous().request("/api/v1/templates").GET()
                        .header("Authorization", scheme + valid).build());
                assertEquals(200, reply.status(), "the scheme is case-insensitive: " + scheme);
            }
            Reply inQuery = service.anonymous().get("/api/v1/templates?access_token=" + valid);
            assertEquals(List.of(401, "auth.missing"), List.of(inQuery.status(), inQuery.code()), "a token is read from the header only");
        } finally {
            service.clock().advance(Duration.ofHours(-2));
        }
    }

    @Test
    void aTokenCannotBeIssuedAlreadyExpiredNorBeyondTheYearsKept() {
        Map<String, String> expiries = new LinkedHashMap<>();
        expiries.put("past", service.clock().instant().minus(Duration.ofMinutes(1)).toString());
        expiries.put("now", service.clock().instant().toString());
        expiries.put("year 1,000,000,000", "+1000000000-01-01T00:00:00Z");
        expiries.put("2101", "2101-01-01T00:00:00Z");
        expiries.put("not an instant", "tomorrow");
        int before = service.get("/api/v1/tokens").json().size();
        for (Map.Entry<String, String> e : expiries.entrySet()) {
            Reply reply = service.post("/api/v1/tokens", Map.of("principal", "x", "role", "reader", "expiresAt", e.getValue()));
            assertEquals(List.of(422, "token.invalid_expiry"), List.of(reply.status(), reply.code()), e.getKey());
        }
        assertEquals(before, service.get("/api/v1/tokens").json().size(), "no token was stored");
    }

    private static String tokenId(String principal) {
        Reply list = service.get("/api/v1/tokens");
        assertEquals(200, list.status(), list.raw().body());
        for (JsonNode t : list.json()) {
            if (t.get("principal").asText().equals(principal)) {
                assertTrue(t.get("token").isNull(), "secrets are never listed");
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no token for " + principal);
    }

    /**
     * The web app's only public routes: the sign-in page and signing in and out (which checks its session's CSRF token
     * itself). Every page behind them is guarded by {@code @Access} like the API, its session standing for its token.
     */
    private static final Set<String> PUBLIC_PAGES = Set.of("GET /", "HEAD /", "POST /sign-in", "POST /sign-out");

    /** Route variables that name neither a unit nor a year; any other must be marked in {@code @Access}. */
    private static final Set<String> NEITHER_UNIT_NOR_YEAR = Set.of("version", "snapshot", "from", "to", "tokenId",
            "template", "format", "dryRun", "limit", "principal", "since", "basis", "rule", "severity", "kind",
            "source", "indicator", "store");

    /**
     * Parameters that name a unit only to narrow an answer to part of the subtree {@code @Access} checks: the service
     * refuses a unit outside it (FindingsBelowTest), so the check on the subtree covers them; and the first year of a
     * range whose last year {@code @Access} checks, every year before it checked by the method
     * ({@link #progressOverYearsIsAllowedOnlyWhereTheUnitLiesInTheSubtreeEveryYear}).
     */
    private static final Map<String, String> NARROWING_THE_CHECKED_SUBTREE = Map.of(
            "/api/v1/units/{id}/findings/{year}", "unit",
            "/api/v1/units/{id}/progress", "fromYear");

    @Test
    void progressOverYearsIsAllowedOnlyWhereTheUnitLiesInTheSubtreeEveryYear() {
        ServiceUnderTest countyA = HOLDERS.stream().filter(h -> h.role() == Role.CONSOLIDATOR && "county-a".equals(h.scope()))
                .findFirst().orElseThrow().on(service);
        // mover came under county-a in 2021; in 2020 it was county-b's
        assertEquals(200, countyA.get("/api/v1/units/mover/progress?fromYear=2021&toYear=2021").status());
        Reply both = countyA.get("/api/v1/units/mover/progress?fromYear=2020&toYear=2021");
        assertEquals(List.of(403, "access.forbidden"), List.of(both.status(), both.code()));
        assertEquals(200, countyA.get("/api/v1/units/a1/progress?fromYear=2020&toYear=2021").status());
    }

    @Test
    void everyRouteNeedsATokenAndMarksTheUnitAndYearItActsOn() {
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : service.bean(Router.class).uriRoutes().toList()) {
            String type = route.getTargetMethod().getDeclaringType().getName();
            String template = route.getUriMatchTemplate().toString();
            if (!type.startsWith("org.opengovinfo")) {
                assertTrue(template.startsWith("/health"), "unexpected framework route " + template);
                continue;
            }
            checked++;
            if (PUBLIC_PAGES.contains(route.getHttpMethod() + " " + template)) {
                assertTrue(route.getTargetMethod().getAnnotation(Access.class) == null, template + " is public");
                continue;
            }
            AnnotationValue<Access> access = route.getTargetMethod().getAnnotation(Access.class);
            if (access == null) {
                unguarded.add(route.getHttpMethod() + " " + template + " has no @Access");
                continue;
            }
            Set<String> marked = new java.util.HashSet<>(List.of(access.stringValue("unit").orElse(""),
                    access.stringValue("year").orElse("")));
            for (String variable : route.getUriMatchTemplate().getVariableNames()) {
                if (!marked.contains(variable) && !NEITHER_UNIT_NOR_YEAR.contains(variable)) {
                    unguarded.add(route.getHttpMethod() + " " + template + ": {" + variable + "} is not marked in @Access");
                }
            }
            for (var argument : route.getTargetMethod().getArguments()) {
                String name = argument.getName();
                boolean fromRequest = argument.getAnnotationMetadata().hasAnnotation("io.micronaut.http.annotation.QueryValue")
                        || argument.getAnnotationMetadata().hasAnnotation("io.micronaut.http.annotation.PathVariable");
                boolean narrowing = name.equals(NARROWING_THE_CHECKED_SUBTREE.get(template.replaceAll("\\{\\?[^}]*}", "")));
                if (fromRequest && !marked.contains(name) && !NEITHER_UNIT_NOR_YEAR.contains(name) && !narrowing) {
                    unguarded.add(route.getHttpMethod() + " " + template + ": parameter " + name + " is not marked in @Access");
                }
            }
            String path = template.replaceAll("\\{\\?[^}]*}", "").replace("{year}", "2021").replace("{version}", "1")
                    .replaceAll("\\{[^}]*}", "x");
            HttpMethod method = route.getHttpMethod();
            HttpRequest.Builder request = service.anonymous().request(path)
                    .method(method.name(), method == HttpMethod.GET || method == HttpMethod.DELETE
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", route.getConsumes().isEmpty() ? "application/json" : route.getConsumes().get(0).toString());
            Reply reply = service.send(request.build());
            // a page refuses a browser without a session by sending it to sign in
            boolean toSignIn = template.startsWith("/web/") && reply.status() == 303 && "/".equals(reply.header("Location"));
            if (reply.status() != 401 && !toSignIn) {
                unguarded.add(method + " " + template + " answered " + reply.status() + " without a token");
            }
        }
        assertTrue(checked >= 20, "walked " + checked + " routes");
        assertEquals(List.of(), unguarded);
        Reply health = service.anonymous().get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());
        for (String field : fieldNames(health.json())) {
            assertTrue(field.equals("status") || health.json().get(field).isNull(),
                    "anonymous callers learn the status only: " + health.raw().body());
        }
        assertEquals(200, service.anonymous().get("/openapi/open-government-information-reports-v1.yml").status());
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new java.util.TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void versionsAndTheAuditTrailNameWhoWrote() {
        String clerk = issue("luozhuang-clerk", Role.REPORTER, "county-a");
        ServiceUnderTest asClerk = service.withToken(clerk);

        Reply put = asClerk.put("/api/v1/units/a1/figures/2019", Map.of("figures", Map.of("s2_6.penalty.decisions", 3)));
        Reply batch = asClerk.post("/api/v1/figures/batch", Map.of("year", 2019, "submissions", List.of(
                Map.of("unit", "b1", "figures", Map.of("s2_6.penalty.decisions", 3)))));

        assertEquals(200, put.status(), put.raw().body());
        assertEquals("luozhuang-clerk", asClerk.get("/api/v1/units/a1/figures/2019/versions").json().get(0)
                .get("submittedBy").asText());
        assertEquals("access.forbidden", batch.json().get("results").get(0).get("code").asText());
        assertEquals(404, service.get("/api/v1/units/b1/figures/2019").status(), "nothing stored for the sibling");
        JsonNode events = service.get("/api/v1/audit?unit=a1&year=2019&principal=luozhuang-clerk").json();
        assertEquals(1, events.size());
        assertEquals("figures.accepted", events.get(0).get("action").asText());
        assertTrue(service.get("/api/v1/audit?principal=admin").json().size() >= 5, "units and tokens the admin made");
    }

    @Test
    void aProductionSettingRefusesToStartWithoutAnAdministratorCredential() {
        Map<String, Object> properties = new HashMap<>(database.freshDatabase());
        properties.put("micronaut.server.port", -1);
        properties.put("reports.production", "true");
        properties.put("reports.admin-token", "");

        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, properties).close());
        assertTrue(rootMessage(e).contains("refusing to start without ADMIN_TOKEN"), rootMessage(e));
    }

    @Test
    void theEmbeddedDefaultWritesTheFirstAdministratorTokenWhereOnlyTheOperatorReadsIt(@TempDir Path dir) throws Exception {
        Map<String, Object> properties = new HashMap<>(database.freshDatabase());
        properties.put("reports.admin-token", "");
        properties.put("reports.data-dir", dir.toString());
        try (ServiceUnderTest fresh = ServiceUnderTest.start(properties)) {
            Path file = dir.resolve("admin-token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String token = Files.readString(file).strip();
            assertEquals(200, fresh.withToken(token).get("/api/v1/templates").status());
            assertEquals(401, fresh.get("/api/v1/templates").status(), "no ADMIN_TOKEN configured here");
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}

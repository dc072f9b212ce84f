package org.opengovinfo.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * Who may do what: token failures, every route guarded, and the matrix of roles × endpoints × units inside the
 * token's subtree, in a sibling's, and above it.
 */
class AccessTest extends OnBothDatabases {

    private static final Map<Role, String> TOKENS = new LinkedHashMap<>();

    @BeforeParameterizedClassInvocation
    static void seed() {
        TOKENS.clear();
        service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("city", "city", null), unit("county-a", "county", "city"), unit("county-b", "county", "city"),
                unit("a1", "town", "county-a"), unit("b1", "town", "county-b"))));
        for (Role role : Role.values()) {
            TOKENS.put(role, issue(role.code() + "-of-county-a", role, "county-a"));
        }
    }

    private static Map<String, Object> unit(String id, String kind, String parent) {
        Map<String, Object> u = new HashMap<>();
        u.put("id", id);
        u.put("name", id);
        u.put("kind", kind);
        u.put("fromYear", 2015);
        u.put("parent", parent);
        return u;
    }

    private static String issue(String principal, Role role, String scope) {
        Map<String, Object> request = new HashMap<>(Map.of("principal", principal, "role", role.code()));
        request.put("scope", scope);
        Reply reply = service.post("/api/v1/tokens", request);
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("token").asText();
    }

    /** One endpoint of the matrix: how to call it for a unit, and the permission it needs. */
    private record Call(String name, Permission permission, String method, String path, Map<String, Object> body) {

        Reply send(ServiceUnderTest as, String unit) {
            String p = path.replace("{u}", unit);
            Object b = body == null ? null : body.get(unit);
            return switch (method) {
                case "GET" -> as.get(p);
                case "PUT" -> as.put(p, b);
                default -> as.post(p, b == null ? Map.of() : b);
            };
        }
    }

    private static List<Call> calls() {
        Map<String, Object> unitBodies = Map.of("a1", unit("a1", "town", "county-a"), "b1", unit("b1", "town", "county-b"),
                "city", unit("city", "city", null));
        Map<String, Object> figures = Map.of("a1", Map.of("figures", Map.of()), "b1", Map.of("figures", Map.of()),
                "city", Map.of("figures", Map.of()));
        return List.of(
                new Call("read a unit", Permission.READ_UNITS, "GET", "/api/v1/units/{u}", null),
                new Call("read children", Permission.READ_UNITS, "GET", "/api/v1/units/{u}/children?year=2021", null),
                new Call("read subtree", Permission.READ_UNITS, "GET", "/api/v1/units/{u}/subtree?year=2021", null),
                new Call("update a unit", Permission.MANAGE_UNITS, "PUT", "/api/v1/units/{u}", unitBodies),
                new Call("write figures", Permission.WRITE_FIGURES, "PUT", "/api/v1/units/{u}/figures/2021", figures),
                new Call("read figures", Permission.READ_FIGURES, "GET", "/api/v1/units/{u}/figures/2021", null),
                new Call("read versions", Permission.READ_FIGURES, "GET", "/api/v1/units/{u}/figures/2021/versions", null),
                new Call("completeness", Permission.ROLL_UP, "GET", "/api/v1/units/{u}/completeness/2021", null),
                new Call("roll up", Permission.ROLL_UP, "POST", "/api/v1/units/{u}/rollups/2021", null),
                new Call("list rollups", Permission.READ_CONSOLIDATED, "GET", "/api/v1/units/{u}/rollups/2021", null),
                new Call("pull consolidated", Permission.READ_CONSOLIDATED, "GET", "/api/v1/units/{u}/consolidated/2021", null),
                new Call("read audit", Permission.READ_AUDIT, "GET", "/api/v1/audit?unit={u}", null),
                new Call("read templates", Permission.READ_TEMPLATES, "GET", "/api/v1/templates", null));
    }

    @Test
    void everyRoleMayDoWhatItGrantsInsideItsSubtreeAndNothingInASiblingsOrAbove() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Role, String> token : TOKENS.entrySet()) {
            ServiceUnderTest as = service.withToken(token.getValue());
            for (Call call : calls()) {
                for (String unit : List.of("a1", "b1", "city")) {
                    boolean unitFree = call.path().indexOf("{u}") < 0;
                    boolean allowed = token.getKey().grants(call.permission()) && (unitFree || unit.equals("a1"));
                    Reply reply = call.send(as, unit);
                    boolean denied = reply.status() == 403 && "access.forbidden".equals(reply.code());
                    if (allowed == denied || reply.status() == 401 || reply.status() >= 500) {
                        wrong.add(token.getKey() + " " + call.name() + " on " + unit + ": " + reply.status() + " " + reply.code());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void badTokensAreRefusedWith401AndSayWhy() {
        String revoked = issue("leaver", Role.REPORTER, "county-a");
        Reply revocation = service.delete("/api/v1/tokens/" + tokenId("leaver"));
        assertEquals(204, revocation.status(), revocation.raw().body());
        Map<String, Object> expiring = new HashMap<>(Map.of("principal", "temp", "role", "reader", "scope", "county-a",
                "expiresAt", "2020-01-01T00:00:00Z"));
        String expired = service.post("/api/v1/tokens", expiring).json().get("token").asText();
        String valid = TOKENS.get(Role.READER);
        String tampered = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "auth.missing");
        cases.put("Basic dXNlcjpwYXNz", "auth.malformed");
        cases.put("Bearer not-a-token", "auth.malformed");
        cases.put("Bearer ogi_never-issued-0123456789abcdef0123456789", "auth.invalid");
        cases.put("Bearer " + tampered, "auth.invalid");
        cases.put("Bearer " + expired, "auth.expired");
        cases.put("Bearer " + revoked, "auth.revoked");
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
        assertEquals(200, service.withToken(valid).get("/api/v1/templates").status());
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

    @Test
    void everyRouteOfTheServiceNeedsATokenAndHealthAndTheApiDocumentDoNot() {
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
            if (!route.getTargetMethod().hasAnnotation(Access.class)) {
                unguarded.add(route.getHttpMethod() + " " + template + " has no @Access");
            }
            String path = template.replaceAll("\\{\\?[^}]*}", "").replace("{year}", "2021").replace("{version}", "1")
                    .replaceAll("\\{[^}]*}", "x");
            HttpMethod method = route.getHttpMethod();
            HttpRequest.Builder request = service.anonymous().request(path)
                    .method(method.name(), method == HttpMethod.GET || method == HttpMethod.DELETE
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", route.getConsumes().isEmpty() ? "application/json" : route.getConsumes().get(0).toString());
            Reply reply = service.send(request.build());
            if (reply.status() != 401) {
                unguarded.add(method + " " + template + " answered " + reply.status() + " without a token");
            }
        }
        assertTrue(checked >= 20, "walked " + checked + " routes");
        assertEquals(List.of(), unguarded);
        assertEquals(200, service.anonymous().get("/health").status());
        assertEquals(200, service.anonymous().get("/openapi/open-government-information-reports-v1.yml").status());
    }

    @Test
    void versionsAndTheAuditTrailNameWhoWrote() {
        String clerk = issue("luozhuang-clerk", Role.REPORTER, "county-a");
        ServiceUnderTest asClerk = service.withToken(clerk);

        asClerk.put("/api/v1/units/a1/figures/2020", Map.of("figures", Map.of("s2_6.penalty.decisions", 3)));
        Reply batch = asClerk.post("/api/v1/figures/batch", Map.of("year", 2020, "submissions", List.of(
                Map.of("unit", "b1", "figures", Map.of("s2_6.penalty.decisions", 3)))));

        assertEquals("luozhuang-clerk", asClerk.get("/api/v1/units/a1/figures/2020/versions").json().get(0)
                .get("submittedBy").asText());
        assertEquals("access.forbidden", batch.json().get("results").get(0).get("code").asText());
        assertEquals(404, service.get("/api/v1/units/b1/figures/2020").status(), "nothing stored for the sibling");
        JsonNode events = service.get("/api/v1/audit?unit=a1&year=2020&principal=luozhuang-clerk").json();
        assertEquals(1, events.size());
        assertEquals("figures.accepted", events.get(0).get("action").asText());
        assertTrue(service.get("/api/v1/audit?principal=admin").json().size() >= 5, "units and tokens the admin made");
    }

    @Test
    void aScopedAdministratorManagesOnlyItsOwnSubtree() {
        ServiceUnderTest admin = service.withToken(TOKENS.get(Role.ADMINISTRATOR));

        Reply inside = admin.post("/api/v1/units", unit("a2", "town", "county-a"));
        Reply outside = admin.post("/api/v1/units", unit("b2", "town", "county-b"));
        Reply top = admin.post("/api/v1/units", unit("province", "city", null));
        Reply globalToken = admin.post("/api/v1/tokens", Map.of("principal", "x", "role", "reader"));

        assertEquals(201, inside.status());
        assertEquals(List.of(403, 403, 403), List.of(outside.status(), top.status(), globalToken.status()));
        assertFalse(admin.get("/api/v1/tokens").json().findValues("scope").stream().anyMatch(JsonNode::isNull));
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

package org.opengovinfo.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document as the service serves it, and Swagger UI over it, both public. */
class OpenApiTest {

    private static ServiceUnderTest service;
    private static Map<String, Object> api;

    @BeforeAll
    static void fetch() {
        service = ServiceUnderTest.start(TestDatabase.H2);
        Reply yaml = service.anonymous().get("/openapi/open-government-information-reports-v1.yml");
        assertEquals(200, yaml.status());
        api = new Yaml().load(yaml.raw().body());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void callersAreToldToSendABearerToken() {
        Map<String, Object> bearer = map(map(map(api, "components"), "securitySchemes"), "bearer");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
        assertEquals(List.of(Map.of("bearer", List.of())), api.get("security"));
    }

    @Test
    void theWebAppsPagesAreNoApiOperations() {
        List<String> pages = map(api, "paths").keySet().stream()
                .filter(p -> p.equals("/") || p.startsWith("/web") || p.startsWith("/sign-")).toList();
        assertEquals(List.of(), pages);
    }

    @Test
    void everyOperationHasAReadableOperationId() {
        List<String> missing = new ArrayList<>();
        map(api, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            Object id = op instanceof Map<?, ?> o ? o.get("operationId") : null;
            if (List.of("get", "put", "post", "patch", "delete").contains(method)
                    && (id == null || !id.toString().matches("[a-z][A-Za-z]+"))) {
                missing.add(method + " " + path + ": " + id);
            }
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void theFiguresPutTakesAnObjectAndAnswersConflictsAndRejectionsWithTheProblemSchema() {
        Map<String, Object> put = map(map(map(api, "paths"), "/api/v1/units/{id}/figures/{year}"), "put");
        assertEquals("putFigures", put.get("operationId"));
        Map<String, Object> body = map(map(map(map(put, "requestBody"), "content"), "application/json"), "schema");
        String ref = (String) body.get("$ref");
        Map<String, Object> schema = map(map(map(api, "components"), "schemas"), ref.substring(ref.lastIndexOf('/') + 1));
        assertEquals("object", schema.get("type"));
        assertEquals("object", map(map(schema, "properties"), "figures").get("type"));
        for (String status : List.of("409", "412", "422")) {
            Map<String, Object> problem = map(map(map(map(put, "responses"), status), "content"), "application/problem+json");
            assertEquals("#/components/schemas/Problem", map(problem, "schema").get("$ref"), status);
        }
    }

    /** What each operation really answers besides its refusals in general (4XX): success and the refusals to expect. */
    private static final Map<String, List<String>> STATUSES = Map.ofEntries(
            Map.entry("createUnit", List.of("201", "409", "422")),
            Map.entry("updateUnit", List.of("200", "422")),
            Map.entry("createToken", List.of("201", "422")),
            Map.entry("revokeToken", List.of("204", "404")),
            Map.entry("createBackup", List.of("201", "409")),
            Map.entry("getFigures", List.of("200", "304", "404")),
            // JSON, and the XLSX and CSV forms, whose bytes may be no workbook or no CSV (400)
            Map.entry("putFigures", List.of("200", "400", "409", "412", "422")),
            Map.entry("getForm", List.of("200", "404")),
            Map.entry("getReport", List.of("200", "404", "422")),
            Map.entry("patchFigures", List.of("200", "409", "412", "422")),
            Map.entry("submitBatch", List.of("200", "422")),
            Map.entry("createRollup", List.of("201", "422")),
            Map.entry("getSnapshot", List.of("200", "304", "404")),
            Map.entry("getConsolidated", List.of("200", "304", "404")),
            Map.entry("getIndicators", List.of("200", "404")),
            Map.entry("getRankings", List.of("200", "422")),
            Map.entry("getRisks", List.of("200")),
            Map.entry("publishYear", List.of("201", "409", "422")),
            Map.entry("reopenPublication", List.of("200", "409", "422")),
            Map.entry("submitReport", List.of("200", "409", "422")),
            Map.entry("acceptReport", List.of("200", "409")),
            Map.entry("returnReport", List.of("200", "409", "422")),
            Map.entry("reopenReport", List.of("200", "409", "422")),
            Map.entry("progressAcrossYears", List.of("200")));

    @Test
    @SuppressWarnings("unchecked")
    void eachOperationStatesTheStatusesItAnswersAndEveryRefusalIsAProblem() {
        Map<String, List<String>> documented = new java.util.TreeMap<>();
        List<String> notProblems = new ArrayList<>();
        map(api, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> o) || !(o.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            String id = (String) o.get("operationId");
            documented.put(id, responses.keySet().stream().map(Object::toString).filter(c -> !c.equals("4XX")).sorted().toList());
            responses.forEach((code, response) -> {
                Object content = ((Map<String, Object>) response).get("content");
                if (code.toString().startsWith("4") && !(content instanceof Map<?, ?> c && c.containsKey("application/problem+json"))) {
                    notProblems.add(id + " " + code);
                }
            });
        }));
        Map<String, List<String>> expected = new java.util.TreeMap<>(STATUSES);
        Map<String, List<String>> actual = new java.util.TreeMap<>();
        expected.keySet().forEach(id -> actual.put(id, documented.get(id)));
        assertEquals(expected, actual);
        assertEquals(List.of(), notProblems);
    }

    /**
     * Every JSON answer of success names its schema, and every schema it reaches says what its fields hold: no object
     * without properties, no map of untyped values, no array of untyped items. (A refusal's {@code errors} lists
     * findings, units' problems or reports' states, so it is the one heterogeneous list, documented as such.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void everySuccessfulJsonAnswerIsTypedAllTheWayDown() {
        Map<String, Object> schemas = map(map(api, "components"), "schemas");
        List<String> untyped = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        map(api, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> o) || !(o.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            responses.forEach((code, response) -> {
                if (!code.toString().startsWith("2")) {
                    return;
                }
                Object content = ((Map<String, Object>) response).get("content");
                if (content instanceof Map<?, ?> c && c.get("application/json") instanceof Map<?, ?> json) {
                    untypedIn((Map<String, Object>) json.get("schema"), o.get("operationId") + " " + code, schemas, seen,
                            untyped);
                } else if (content == null && !code.toString().equals("204")) {
                    untyped.add(o.get("operationId") + " " + code + ": no content");
                }
            });
        }));
        assertEquals(List.of(), untyped);
    }

    @SuppressWarnings("unchecked")
    private static void untypedIn(Map<String, Object> schema, String where, Map<String, Object> schemas,
                                  java.util.Set<String> seen, List<String> untyped) {
        if (schema == null) {
            untyped.add(where + ": no schema");
            return;
        }
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (seen.add(name)) {
                untypedIn((Map<String, Object>) schemas.get(name), name, schemas, seen, untyped);
            }
            return;
        }
        if (schema.get("allOf") instanceof List<?> all) {
            all.forEach(part -> untypedIn((Map<String, Object>) part, where, schemas, seen, untyped));
            return;
        }
        Object type = schema.get("type");
        if ("array".equals(type)) {
            if (!where.equals("Problem.errors")) {
                untypedIn((Map<String, Object>) schema.get("items"), where + "[]", schemas, seen, untyped);
            }
        } else if ("object".equals(type) || type == null) {
            Object properties = schema.get("properties");
            Object values = schema.get("additionalProperties");
            if (properties instanceof Map<?, ?> p && !p.isEmpty()) {
                ((Map<String, Object>) p).forEach((name, property) ->
                        untypedIn((Map<String, Object>) property, where + "." + name, schemas, seen, untyped));
            } else if (values instanceof Map<?, ?> v && !v.isEmpty()) {
                untypedIn((Map<String, Object>) v, where + "{}", schemas, seen, untyped);
            } else {
                untyped.add(where + ": " + schema);
            }
        }
    }

    @Test
    void swaggerUiIsServedOverTheDocument() {
        Reply page = service.anonymous().get("/swagger-ui/index.html");
        assertEquals(200, page.status());
        assertTrue(page.raw().body().contains("/openapi/open-government-information-reports-v1.yml"));
        assertEquals(200, service.anonymous().get("/swagger-ui/res/swagger-ui-bundle.js").status());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertTrue(child instanceof Map, key + " in " + parent.keySet());
        return (Map<String, Object>) child;
    }
}

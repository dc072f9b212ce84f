package org.opengovinfo.service.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

class UnitsApiTest extends OnBothDatabases {

    private static Map<String, Object> unit(String id, String kind, Integer from, Integer to, String parent) {
        Map<String, Object> u = new HashMap<>();
        u.put("id", id);
        u.put("name", "单位" + id);
        u.put("kind", kind);
        u.put("fromYear", from);
        u.put("toYear", to);
        u.put("parent", parent);
        return u;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).isNull() ? null : n.get(field).asText()));
        return ids;
    }

    private static List<String> errorCodes(Reply reply) {
        return ids(reply.json().get("errors"), "code");
    }

    @Test
    void aCreatedUnitCanBeReadBack() {
        Reply created = service.post("/api/v1/units", Map.of("id", "371300", "name", "临沂市", "kind", "city",
                "divisionCode", "371300", "fromYear", 2008));

        assertEquals(201, created.status());
        assertEquals("/api/v1/units/371300", created.header("Location"));
        JsonNode read = service.get("/api/v1/units/371300").json();
        assertEquals("临沂市", read.get("name").asText());
        assertEquals("city", read.get("kind").asText());
        assertTrue(read.get("toYear").isNull());
        assertTrue(read.get("placements").get(0).get("parent").isNull());
    }

    @Test
    void aUnitMovedIn2021StillSitsUnderItsOldParentFor2020() {
        service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("m-city", "city", 2015, null, null),
                unit("m-old", "county", 2015, null, "m-city"),
                unit("m-new", "development_zone", 2019, null, "m-city"),
                Map.of("id", "m-town", "name", "某镇", "kind", "town", "fromYear", 2015, "placements", List.of(
                        Map.of("fromYear", 2015, "toYear", 2020, "parent", "m-old"),
                        Map.of("fromYear", 2021, "parent", "m-new")))))).ok();

        assertEquals(List.of("m-town"), ids(service.get("/api/v1/units/m-old/children?year=2020").json(), "id"));
        assertEquals(List.of(), ids(service.get("/api/v1/units/m-old/children?year=2021").json(), "id"));
        assertEquals(List.of("m-town"), ids(service.get("/api/v1/units/m-new/children?year=2021").json(), "id"));
        JsonNode subtree2020 = service.get("/api/v1/units/m-city/subtree?year=2020").json();
        assertEquals(List.of("m-city", "m-new", "m-old", "m-town"), ids(subtree2020, "id"));
        assertEquals(List.of("m-old"), List.of(subtree2020.get(3).get("parent").asText()));
        assertEquals(2, subtree2020.get(3).get("depth").asInt());
    }

    @Test
    void aZoneDissolvedAfter2020IsNotInForceIn2021() {
        service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("z-city", "city", 2015, null, null),
                unit("z-zone", "development_zone", 2015, 2020, "z-city")))).ok();

        assertEquals(200, service.get("/api/v1/units/z-zone/children?year=2020").status());
        Reply gone = service.get("/api/v1/units/z-zone/children?year=2021");
        assertEquals(404, gone.status());
        assertEquals("unit.not_in_force", gone.code());
        assertEquals(List.of("z-zone"), ids(service.get("/api/v1/units/z-city/children?year=2020").json(), "id"));
        assertEquals(List.of(), ids(service.get("/api/v1/units/z-city/children?year=2021").json(), "id"));
    }

    @Test
    void anImportCreatesAndReplacesAndCounts() {
        Reply first = service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("i-city", "city", 2015, null, null), unit("i-dept", "department", 2015, null, "i-city"))));
        Reply second = service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("i-dept", "department", 2016, null, "i-city"), unit("i-office", "own_office", 2015, null, "i-city"))));

        assertEquals(2, first.json().get("created").asInt());
        assertEquals(1, second.json().get("created").asInt());
        assertEquals(1, second.json().get("updated").asInt());
        assertEquals(2016, service.get("/api/v1/units/i-dept").json().get("fromYear").asInt());
    }

    @Test
    void aHierarchyImportsFromCsvWithAMovedUnitOnTwoLines() {
        String csv = String.join("\n",
                "id,name,kind,divisionCode,fromYear,toYear,parent",
                "csv-city,临沂市,city,371300,2015,,",
                "csv-old,\"河东区, 旧\",district,371312,2015,,csv-city",
                "csv-zone,开发区,development_zone,,2019,,csv-city",
                "csv-town,某镇,town,,2015,2020,csv-old",
                "csv-town,某镇,town,,2021,,csv-zone",
                "");

        Reply reply = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());

        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals(4, reply.json().get("created").asInt());
        assertEquals("河东区, 旧", service.get("/api/v1/units/csv-old").json().get("name").asText());
        assertEquals(List.of("csv-town"), ids(service.get("/api/v1/units/csv-old/children?year=2020").json(), "id"));
        assertEquals(List.of("csv-town"), ids(service.get("/api/v1/units/csv-zone/children?year=2021").json(), "id"));
        Reply bad = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id,name\nx,y\n")).build());
        assertEquals("request.malformed_csv", bad.code());
    }

    @Test
    void anImportWithOneBadUnitStoresNothingAndListsEveryProblem() {
        Reply reply = service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("b-city", "city", 2015, null, null),
                unit("b-town", "village", 2015, null, "b-city"),
                unit("b town", "town", 2015, null, "b-city"),
                unit("b-late", "town", 2007, null, "b-city"))));

        assertEquals(422, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("unit.invalid", reply.code());
        assertEquals(List.of("unit.unknown_kind", "unit.invalid_id", "unit.invalid_years"), errorCodes(reply));
        assertEquals(404, service.get("/api/v1/units/b-city").status());
    }

    @Test
    void unknownParentsParentsOutOfForceAndCyclesAreRefused() {
        service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("c-a", "county", 2015, null, null), unit("c-b", "town", 2015, null, "c-a")))).ok();

        Reply unknown = service.post("/api/v1/units", unit("c-x", "town", 2015, null, "c-ghost"));
        Reply outOfForce = service.post("/api/v1/units", unit("c-y", "town", 2010, null, "c-a"));
        Reply cycle = service.put("/api/v1/units/c-a", unit("c-a", "county", 2015, null, "c-b"));

        assertEquals(List.of(422, 422, 422), List.of(unknown.status(), outOfForce.status(), cycle.status()));
        assertEquals(List.of("unit.unknown_parent"), errorCodes(unknown));
        assertEquals(List.of("unit.parent_not_in_force"), errorCodes(outOfForce));
        assertEquals(List.of("hierarchy.cycle"), errorCodes(cycle));
        assertTrue(cycle.json().get("errors").get(0).get("messageEn").asText().contains("c-a → c-b → c-a"));
        assertTrue(cycle.json().get("errors").get(0).get("messageZh").asText().contains("循环"));
        assertTrue(service.get("/api/v1/units/c-a").json().get("placements").get(0).get("parent").isNull(), "unchanged");
    }

    @Test
    void shorteningAParentsYearsBelowItsChildrenIsRefused() {
        service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("s-a", "county", 2015, null, null), unit("s-b", "town", 2015, null, "s-a")))).ok();

        Reply reply = service.put("/api/v1/units/s-a", unit("s-a", "county", 2015, 2018, null));

        assertEquals(422, reply.status());
        assertEquals(List.of("unit.parent_not_in_force"), errorCodes(reply));
    }

    @Test
    void twoParentsInOneYearAndGapsBetweenPlacementsAreRefused() {
        service.post("/api/v1/units", unit("p-a", "county", 2015, null, null)).ok();
        Map<String, Object> overlapping = new HashMap<>(unit("p-b", "town", 2015, null, null));
        overlapping.put("placements", List.of(
                Map.of("fromYear", 2015, "toYear", 2020, "parent", "p-a"),
                Map.of("fromYear", 2020, "parent", "p-a")));

        Map<String, Object> gap = new HashMap<>(unit("p-c", "town", 2015, null, null));
        gap.put("placements", List.of(
                Map.of("fromYear", 2015, "toYear", 2018, "parent", "p-a"),
                Map.of("fromYear", 2020, "parent", "p-a")));

        Reply reply = service.post("/api/v1/units", overlapping);
        Reply gapReply = service.post("/api/v1/units", gap);

        assertEquals(422, reply.status());
        assertEquals(List.of("unit.placements_do_not_cover"), errorCodes(reply));
        assertEquals(422, gapReply.status());
        assertEquals(List.of("unit.placements_do_not_cover"), errorCodes(gapReply));
        assertTrue(gapReply.json().get("errors").get(0).get("messageEn").asText().contains("starting 2020"),
                gapReply.raw().body());
        assertEquals(404, service.get("/api/v1/units/p-c").status());
    }

    @Test
    void aCsvSavedFromASpreadsheetIsReadAndItsProblemsNameTheirLines() {
        String csv = "\uFEFFid,name,kind,divisionCode,fromYear,toYear,parent,,\r\n"
                + "x-city,\"临沂市,（试点）\",city,371300,2015,,,,\r\n"
                + "x-town,某镇,town,,2015,,x-city,,\r\n";
        Reply read = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());

        assertEquals(200, read.status(), read.raw().body());
        assertEquals(2, read.json().get("created").asInt());
        assertEquals("临沂市,（试点）", service.get("/api/v1/units/x-city").json().get("name").asText());
        Reply lineBreak = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id,name,kind,divisionCode,fromYear,toYear,parent\n"
                        + "z-city,\"临沂市\n（试点）\",city,,2015,,\n")).build());
        assertEquals(List.of("unit.invalid_name"), errorCodes(lineBreak), "a name is one line of text");
        assertEquals(2, lineBreak.json().get("errors").get(0).get("line").asInt());

        String broken = "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "y-city,市,city,,2015,,\n"
                + "y-town,镇,town,,2015,,y-ghost\n"
                + "y-dept,局,agency,,2015,,y-city\n";
        Reply refused = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(broken)).build());
        assertEquals(List.of(422, "unit.invalid"), List.of(refused.status(), refused.code()), refused.raw().body());
        assertEquals(List.of("unit.unknown_kind"), errorCodes(refused));
        assertEquals(4, refused.json().get("errors").get(0).get("line").asInt());

        Reply unknownParent = service.send(service.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(broken.replace("agency", "department"))).build());
        assertEquals(List.of(422, "hierarchy.invalid"), List.of(unknownParent.status(), unknownParent.code()));
        assertEquals(3, unknownParent.json().get("errors").get(0).get("line").asInt(), unknownParent.raw().body());
        assertEquals(404, service.get("/api/v1/units/y-city").status(), "nothing was imported");
    }

    @Test
    void idsAreNeverReused() {
        service.post("/api/v1/units", unit("r-a", "county", 2015, null, null)).ok();

        Reply again = service.post("/api/v1/units", unit("r-a", "county", 2016, null, null));

        assertEquals(409, again.status());
        assertEquals("unit.exists", again.code());
    }

    @Test
    void unknownUnitsMissingYearsAndMalformedJsonAreProblems() {
        assertEquals("unit.not_found", service.get("/api/v1/units/nobody").code());
        assertEquals("request.year_required", service.get("/api/v1/units/nobody/children").code());
        Reply malformed = service.post("/api/v1/units", "{\"id\": \"x\", ");
        assertEquals(400, malformed.status());
        assertEquals("request.malformed_json", malformed.code());
        assertEquals("application/problem+json", malformed.contentType());
        assertEquals("route.not_found", service.get("/api/v1/nothing-here").code());
        Reply unknownField = service.post("/api/v1/units", Map.of("id", "uf", "name", "x", "kind", "town",
                "fromYear", 2015, "colour", "red"));
        assertEquals(List.of(400, "request.unknown_field"), List.of(unknownField.status(), unknownField.code()),
                unknownField.raw().body());
        Reply duplicate = service.post("/api/v1/units",
                "{\"id\": \"dk\", \"id\": \"dk2\", \"name\": \"x\", \"kind\": \"town\", \"fromYear\": 2015}");
        assertEquals(List.of(400, "request.duplicate_key"), List.of(duplicate.status(), duplicate.code()),
                duplicate.raw().body());
        assertEquals(404, service.get("/api/v1/units/uf").status());
        assertEquals(404, service.get("/api/v1/units/dk").status());
    }

    @Test
    void healthAndTheOpenApiDocumentAreServed() {
        Reply health = service.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());
        Reply openapi = service.get("/openapi/open-government-information-reports-v1.yml");
        assertEquals(200, openapi.status());
        assertTrue(openapi.raw().body().contains("/api/v1/units/{id}/subtree"));
    }
}

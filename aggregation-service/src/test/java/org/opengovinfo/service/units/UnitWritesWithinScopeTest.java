package org.opengovinfo.service.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opengovinfo.service.testing.UnitBodies.unit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.UnitBodies;

/**
 * The rule for a caller with a subtree (README, "Who may do what"): a unit may be created, replaced or moved only if,
 * in every year the change affects, it lies within the caller's subtree both before and after the change; the top
 * of the subtree stays where the level above put it. Each refusal changes nothing.
 *
 * <pre>
 * city ─┬─ county-a ── a1, a2, mover (under county-b until 2020), leaver (from 2021 under county-b)
 *       └─ county-b ── b1
 * </pre>
 */
class UnitWritesWithinScopeTest extends OnBothDatabases {

    private static ServiceUnderTest countyA;
    private static int run;

    @BeforeParameterizedClassInvocation
    static void seed() {
        Reply imported = service.post("/api/v1/units/import", Map.of("units", List.of(
                unit("city", "city", null), unit("county-a", "county", "city"), unit("county-b", "county", "city"),
                unit("a1", "town", "county-a"), unit("a2", "town", "county-a"), unit("b1", "town", "county-b"),
                moved("mover", "county-b", "county-a"), moved("leaver", "county-a", "county-b"))));
        assertEquals(200, imported.status(), imported.raw().body());
        Reply token = service.post("/api/v1/tokens", Map.of("principal", "county-a admin", "role", "administrator",
                "scope", "county-a"));
        assertEquals(201, token.status(), token.raw().body());
        countyA = service.withToken(token.json().get("token").asText());
    }

    private String hierarchyBefore;

    @BeforeEach
    void rememberTheHierarchy() {
        hierarchyBefore = hierarchy();
    }

    private static String hierarchy() {
        StringBuilder all = new StringBuilder();
        for (String id : List.of("city", "county-a", "county-b", "a1", "a2", "b1", "mover", "leaver")) {
            Reply unit = service.get("/api/v1/units/" + id);
            assertEquals(200, unit.status());
            all.append(unit.raw().body()).append('\n');
        }
        return all.toString();
    }


    private static Map<String, Object> moved(String id, String until2020, String from2021) {
        return UnitBodies.moved(id, "town", until2020, from2021);
    }

    private void assertRefusedAndNothingChanged(Reply reply, String... units) {
        assertEquals(List.of(403, "access.forbidden"), List.of(reply.status(), reply.code()), reply.raw().body());
        if (units.length > 0) {
            List<String> named = new java.util.ArrayList<>();
            reply.json().get("errors").forEach(e -> named.add(e.get("unit").asText()));
            assertEquals(List.of(units), named);
        }
        assertEquals(hierarchyBefore, hierarchy(), "a refused write changes nothing");
    }

    private static Reply csv(ServiceUnderTest as, String text) {
        return as.send(as.request("/api/v1/units/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    @Test
    void aSiblingCountyCannotBeMovedUnderOnesOwnByCsvOrJsonImportOrByReplacingIt() {
        assertRefusedAndNothingChanged(csv(countyA, "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "county-b,county-b,county,,2015,,county-a\n"), "county-b");
        assertRefusedAndNothingChanged(countyA.post("/api/v1/units/import", Map.of("units",
                List.of(unit("county-b", "county", "county-a")))), "county-b");
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/county-b", unit("county-b", "county", "county-a")),
                "county-b");
    }

    @Test
    void aUnitThatMovedAwayCannotBePulledBackNorAUnitThatMovedInBeRenamedForTheYearsBefore() {
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/leaver", unit("leaver", "town", "county-a")), "leaver");
        Map<String, Object> renamed = new HashMap<>(moved("mover", "county-b", "county-a"));
        renamed.put("name", "新名称");
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/mover", renamed), "mover");
    }

    @Test
    void aUnitThatMovedInMayBeMovedWithinTheSubtreeForYearsItSpendsThere() {
        Reply moved = countyA.put("/api/v1/units/mover", Map.of("id", "mover", "name", "mover", "kind", "town",
                "fromYear", 2015, "placements", List.of(
                        Map.of("fromYear", 2015, "toYear", 2020, "parent", "county-b"),
                        Map.of("fromYear", 2021, "toYear", 2022, "parent", "county-a"),
                        Map.of("fromYear", 2023, "parent", "a2"))));

        assertEquals(200, moved.status(), moved.raw().body());
        assertEquals("a2", service.get("/api/v1/units/mover").json().get("placements").get(2).get("parent").asText());
        Reply back = countyA.put("/api/v1/units/mover", moved("mover", "county-b", "county-a"));
        assertEquals(200, back.status(), back.raw().body());
    }

    @Test
    void theTopOfTheSubtreeMayBeRenamedButNotMovedNorEnded() {
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/county-a", unit("county-a", "county", "county-b")),
                "county-a");
        Map<String, Object> ended = unit("county-a", "county", "city");
        ended.put("toYear", 2022);
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/county-a", ended), "county-a");

        Map<String, Object> renamed = unit("county-a", "county", "city");
        renamed.put("name", "罗庄区 " + (++run));
        assertEquals(200, countyA.put("/api/v1/units/county-a", renamed).status());
    }

    @Test
    void newUnitsGoOnlyBelowOnesOwnAndAMixedImportIsRefusedWhole() {
        String id = "new-" + (++run);
        assertEquals(201, countyA.post("/api/v1/units", unit(id, "town", "county-a")).status());
        assertRefusedAndNothingChanged(countyA.post("/api/v1/units", unit(id + "-top", "city", null)), id + "-top");
        assertRefusedAndNothingChanged(countyA.post("/api/v1/units", unit(id + "-b", "town", "county-b")), id + "-b");
        assertRefusedAndNothingChanged(countyA.post("/api/v1/units/import", Map.of("units", List.of(
                unit(id + "-fine", "town", "county-a"), unit(id + "-sibling", "town", "b1")))), id + "-sibling");
        assertEquals(404, service.get("/api/v1/units/" + id + "-fine").status(), "the allowed half was not created");
        assertRefusedAndNothingChanged(countyA.post("/api/v1/units/import", Map.of("units",
                List.of(unit("a1", "town", "b1")))), "a1");
    }

    @Test
    void aUnitOutsideTheSubtreeCannotBeWrittenEvenUnchanged() {
        JsonNode b1 = service.get("/api/v1/units/b1").json();
        assertRefusedAndNothingChanged(countyA.put("/api/v1/units/b1", b1), "b1");
        JsonNode a1 = service.get("/api/v1/units/a1").json();
        assertEquals(200, countyA.put("/api/v1/units/a1", a1).status());
        assertEquals(hierarchyBefore, hierarchy());
    }
}

package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * 不适用, N/A, NA and -- in a printed table mean "not applicable": read as no value, kept apart from a cell left
 * blank and from 0 in what is stored, in the versions, and in a rollup, where a cell is not applicable only if every
 * unit said so.
 */
class NotApplicableThroughARollupTest extends OnBothDatabases {

    private static int counties;

    private static final String UPHELD = "s4.reconsideration.upheld";
    private static final String CORRECTED = "s4.reconsideration.corrected";
    private static final String OTHER = "s4.reconsideration.other";

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void notApplicableIsStoredVersionedAndConsolidatedApartFromBlankAndZero() {
        String county = "na-county-" + (++counties);
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", county, "name", "某区", "kind", "district", "fromYear", 2015),
                Map.of("id", county + "-a", "name", "甲街道", "kind", "street", "fromYear", 2015, "parent", county),
                Map.of("id", county + "-b", "name", "乙街道", "kind", "street", "fromYear", 2015, "parent", county))))
                .status());

        Reply a = service.put("/api/v1/units/" + county + "-a/figures/2021", Map.of("figures",
                Map.of(UPHELD, "不适用", CORRECTED, "N/A", OTHER, "--", "s2_5.licensing.decisions", 3)));
        Reply b = service.put("/api/v1/units/" + county + "-b/figures/2021", Map.of("figures",
                Map.of(UPHELD, "NA", CORRECTED, 4, "s2_5.licensing.decisions", 2)));
        assertEquals(200, a.status(), a.raw().body());
        assertEquals(200, b.status(), b.raw().body());
        assertEquals(List.of(UPHELD, CORRECTED, OTHER), ids(a.json().get("notApplicable")));
        assertFalse(a.json().get("figures").has(UPHELD), "no number for a cell not applicable");

        JsonNode stored = service.get("/api/v1/units/" + county + "-a/figures/2021").json();
        assertEquals(List.of(UPHELD, CORRECTED, OTHER), ids(stored.get("notApplicable")));
        Reply same = service.put("/api/v1/units/" + county + "-a/figures/2021", Map.of("figures",
                Map.of(UPHELD, "不适用", CORRECTED, "N/A", OTHER, "--", "s2_5.licensing.decisions", 3)));
        assertEquals("unchanged", same.json().get("status").asText(), "the same marks are the same report");
        Reply filled = service.put("/api/v1/units/" + county + "-a/figures/2021", Map.of("figures",
                Map.of(UPHELD, 0, CORRECTED, "N/A", OTHER, "--", "s2_5.licensing.decisions", 3)));
        assertEquals(2, filled.json().get("version").asInt());
        JsonNode change = service.get("/api/v1/units/" + county + "-a/figures/2021/versions").json().get(1)
                .get("changes").get(0);
        assertEquals(UPHELD, change.get("cell").asText());
        assertTrue(change.get("notApplicableBefore").asBoolean() && change.get("before").isNull(), change.toString());
        assertEquals(0, change.get("after").asInt(), "不适用 → 0 is a change");
        assertFalse(change.has("notApplicableAfter"));
        // back to 不适用, so that the rollup sees it in both units again
        service.put("/api/v1/units/" + county + "-a/figures/2021", Map.of("figures",
                Map.of(UPHELD, "不适用", CORRECTED, "N/A", OTHER, "--", "s2_5.licensing.decisions", 3))).ok();

        service.post("/api/v1/units/" + county + "/rollups/2021", Map.of()).ok();
        JsonNode pulled = service.get("/api/v1/units/" + county + "/consolidated/2021").json();
        assertEquals(List.of(UPHELD), ids(pulled.get("notApplicable")), "not applicable in both units: in the sum too");
        assertEquals(4, pulled.get("figures").get(CORRECTED).asInt(), "a value outweighs 不适用");
        assertFalse(pulled.get("figures").has(OTHER) || ids(pulled.get("notApplicable")).contains(OTHER),
                "not applicable in one unit, blank in the other: blank");

        String csv = service.get("/api/v1/units/" + county + "/consolidated/2021?format=csv").raw().body();
        assertTrue(csv.contains("\n" + UPHELD + ",不适用,件,"), csv);
        assertTrue(csv.contains("\n" + OTHER + ",,件,"), csv);
        String sdmx = service.get("/api/v1/units/" + county + "/consolidated/2021?format=sdmx").raw().body();
        assertTrue(sdmx.contains("," + UPHELD + ",,M,"), "data cannot exist: " + sdmx);
        assertTrue(sdmx.contains("," + OTHER + ",,L,"), "not collected: " + sdmx);
    }

    @Test
    void markingABlankCellNotApplicableIsAChangeAndUnmarkingItToo() {
        String unit = "na-town-" + (++counties);
        service.post("/api/v1/units", Map.of("id", unit, "name", "某镇", "kind", "town", "fromYear", 2015)).ok();
        service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures", Map.of("s2_5.licensing.decisions", 3)))
                .ok();

        Reply marked = service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures",
                Map.of("s2_5.licensing.decisions", 3, UPHELD, "不适用")));
        assertEquals(List.of("accepted", 2), List.of(marked.json().get("status").asText(), marked.json().get("version").asInt()),
                "a new version, not 'unchanged'");
        assertEquals(List.of(UPHELD), ids(service.get("/api/v1/units/" + unit + "/figures/2021").json().get("notApplicable")));

        Reply unmarked = service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures",
                Map.of("s2_5.licensing.decisions", 3)));
        assertEquals(List.of("accepted", 3), List.of(unmarked.json().get("status").asText(),
                unmarked.json().get("version").asInt()));
        assertEquals(List.of(), ids(service.get("/api/v1/units/" + unit + "/figures/2021").json().get("notApplicable")));
    }
}

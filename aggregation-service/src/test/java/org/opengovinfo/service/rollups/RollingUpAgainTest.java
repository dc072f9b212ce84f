package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * A rollup after a change computes only what changed since the last rollup of the same unit, year and basis: the units
 * whose figures were stored or whose report moved since, and those above them. Whatever happens between two rollups —
 * new figures, a blank submission, a report handed in, accepted, returned or reopened — the snapshot it stores is the
 * one a rollup from scratch stores, cell by cell, count by count and report state by report state.
 */
class RollingUpAgainTest extends OnBothDatabases {

    private static final String YEAR = "2021";
    private static final List<String> CELLS = List.of("s2_5.licensing.decisions", "s4.reconsideration.upheld",
            "s4.reconsideration.corrected", "s4.reconsideration.other");
    private static int trees;

    @Test
    void aRollupAfterAnyChangeStoresWhatARollupFromScratchStores() {
        String county = "again-" + (++trees);
        List<Map<String, Object>> imported = new ArrayList<>();
        imported.add(Map.of("id", county, "name", "某区", "kind", "district", "fromYear", 2015));
        List<String> reporters = new ArrayList<>(List.of(county));
        for (int t = 0; t < 3; t++) {
            String town = county + "-t" + t;
            imported.add(Map.of("id", town, "name", "镇" + t, "kind", "town", "fromYear", 2015, "parent", county));
            reporters.add(town);
            for (int d = 0; d < 3; d++) {
                String department = town + "-d" + d;
                imported.add(Map.of("id", department, "name", "镇" + t + "部门" + d, "kind", "department",
                        "fromYear", 2015, "parent", town));
                reporters.add(department);
            }
        }
        assertEquals(200, service.post("/api/v1/units/import", Map.of("units", imported)).status());
        RollupService rollups = service.bean(RollupService.class);
        Random random = new Random(trees * 31L + database.ordinal());
        for (String reporter : reporters) {
            service.put("/api/v1/units/" + reporter + "/figures/" + YEAR, Map.of("figures", Map.of(CELLS.get(0), 1))).ok();
        }
        Map<String, Integer> moves = new HashMap<>();
        for (int round = 0; round < 30; round++) {
            for (int change = 1 + random.nextInt(4); change > 0; change--) {
                change(reporters.get(random.nextInt(reporters.size())), random, moves);
            }
            String root = random.nextInt(4) == 0 ? county + "-t" + random.nextInt(3) : county;
            JsonNode again = snapshot(root);
            rollups.forgetComputed();
            JsonNode fromScratch = snapshot(root);
            assertEquals(fromScratch, again, "round " + round + " of " + root);
        }
        assertTrue(moves.getOrDefault("accept", 0) > 0 && moves.getOrDefault("reopen", 0) + moves.getOrDefault("return", 0) > 0,
                "reports were accepted and sent back between rollups: " + moves);
    }

    /** New figures (now and then all blank), or a review move of the unit's report, whichever its state allows. */
    private static void change(String unit, Random random, Map<String, Integer> moves) {
        String report = "/api/v1/units/" + unit + "/reports/" + YEAR;
        int what = random.nextInt(12);
        if (what < 4) {
            Map<String, Object> figures = new HashMap<>();
            if (what > 0) {
                for (String cell : CELLS) {
                    if (random.nextBoolean()) {
                        figures.put(cell, random.nextInt(50));
                    }
                }
            }
            Reply stored = service.put("/api/v1/units/" + unit + "/figures/" + YEAR, Map.of("figures", figures));
            assertTrue(stored.status() == 200 || stored.status() == 201 || stored.status() == 409,
                    stored.raw().body());
            return;
        }
        String state = service.get(report).json().path("state").asText();
        String move = switch (state) {
            case "draft" -> "submit";
            case "submitted" -> random.nextBoolean() ? "accept" : "return";
            case "accepted" -> "reopen";
            default -> null;
        };
        if (move == null) {
            return;
        }
        Map<String, Object> body = switch (move) {
            case "return" -> Map.of("comment", "请核对");
            case "reopen" -> Map.of("reason", "数字有误，重新核对");
            default -> Map.of();
        };
        Reply moved = service.post(report + "/" + move, body);
        moves.merge(moved.status() == 200 ? move : move + " " + moved.code(), 1, Integer::sum);
    }

    /** A rollup of {@code unit} over all figures, as its whole snapshot reads, without what differs by rollup. */
    private static JsonNode snapshot(String unit) {
        String id = service.post("/api/v1/units/" + unit + "/rollups/" + YEAR, Map.of()).ok().json().get("id").asText();
        ObjectNode snapshot = (ObjectNode) service.get("/api/v1/rollups/" + id).ok().json();
        snapshot.remove(List.of("id", "computedAt"));
        return snapshot;
    }
}

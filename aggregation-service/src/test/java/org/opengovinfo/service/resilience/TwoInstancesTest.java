package org.opengovinfo.service.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

/** Two service instances on one PostgreSQL, as in production: nothing lost, nothing counted twice, nothing stale. */
class TwoInstancesTest {

    private static final int TOWNS = 8;
    private static ServiceUnderTest a;
    private static ServiceUnderTest b;

    @BeforeAll
    static void start() {
        a = ServiceUnderTest.start(TestDatabase.POSTGRESQL);
        b = ServiceUnderTest.start(a.datasource());
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", "county", "name", "县", "kind", "county", "fromYear", 2015));
        for (int t = 0; t < TOWNS; t++) {
            units.add(Map.of("id", "town-" + t, "name", "镇" + t, "kind", "town", "fromYear", 2015, "parent", "county"));
        }
        assertEquals(200, a.post("/api/v1/units/import", Map.of("units", units)).status());
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    private static Map<String, Object> figures(long decisions) {
        return Map.of("figures", Map.of("s2_5.licensing.decisions", decisions));
    }

    @Test
    void concurrentSubmissionsOnBothInstancesLoseNothingAndRollupsCountNothingTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Reply>> writes = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int t = 0; t < TOWNS; t++) {
                ServiceUnderTest instance = (round + t) % 2 == 0 ? a : b;
                String path = "/api/v1/units/town-" + t + "/figures/2021";
                long value = 1000L * t + round;
                writes.add(() -> instance.put(path, figures(value)));
            }
        }
        Map<String, Integer> accepted = new HashMap<>();
        List<Future<Reply>> replies = pool.invokeAll(writes);
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i).get();
            String town = "town-" + (i % TOWNS);
            if (r.status() == 200) {
                accepted.merge(town, 1, Integer::sum);
            } else {
                assertEquals(List.of(409, "submission.concurrent_write"), List.of(r.status(), r.code()));
            }
        }
        long expectedTotal = 0;
        for (int t = 0; t < TOWNS; t++) {
            JsonNode versions = b.get("/api/v1/units/town-" + t + "/figures/2021/versions").json();
            assertEquals(accepted.getOrDefault("town-" + t, 0), versions.size(), "town-" + t);
            expectedTotal += a.get("/api/v1/units/town-" + t + "/figures/2021").json()
                    .get("figures").get("s2_5.licensing.decisions").asLong();
        }

        List<Future<Reply>> rollups = pool.invokeAll(List.of(
                () -> a.post("/api/v1/units/county/rollups/2021", Map.of()),
                () -> b.post("/api/v1/units/county/rollups/2021", Map.of()),
                () -> a.post("/api/v1/units/county/rollups/2021", Map.of()),
                () -> b.post("/api/v1/units/county/rollups/2021", Map.of())));
        pool.shutdown();
        for (Future<Reply> f : rollups) {
            Reply r = f.get();
            assertEquals(201, r.status());
            JsonNode snapshot = a.get("/api/v1/rollups/" + r.json().get("id").asText()).json();
            assertEquals(expectedTotal, snapshot.get("units").get(0).get("consolidated").get("s2_5.licensing.decisions").asLong());
        }
        assertEquals(4, a.get("/api/v1/units/county/rollups/2021").json().size());
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedAtOnceOnTheOther() {
        JsonNode issued = a.post("/api/v1/tokens", Map.of("principal", "town clerk", "role", "reporter", "scope", "town-2")).ok().json();
        ServiceUnderTest clerkOnB = b.withToken(issued.get("token").asText());
        assertEquals(200, clerkOnB.put("/api/v1/units/town-2/figures/2019", figures(1)).status());
        assertEquals(403, clerkOnB.put("/api/v1/units/town-3/figures/2019", figures(1)).status());

        assertEquals(204, a.delete("/api/v1/tokens/" + issued.get("id").asText()).status());

        Reply refused = clerkOnB.put("/api/v1/units/town-2/figures/2019", figures(2));
        assertEquals(List.of(401, "auth.revoked"), List.of(refused.status(), refused.code()));
        assertEquals(1, b.get("/api/v1/units/town-2/figures/2019/versions").json().size());
    }

    @Test
    void aUnitAddedOnOneInstanceCanReportOnTheOtherAtOnce() {
        assertEquals(404, b.put("/api/v1/units/town-new/figures/2019", figures(1)).status());
        assertEquals(200, a.post("/api/v1/units/import", Map.of("units", List.of(Map.of("id", "town-new", "name", "新镇",
                "kind", "town", "fromYear", 2015, "parent", "county")))).status());

        assertEquals(200, b.put("/api/v1/units/town-new/figures/2019", figures(1)).status());
    }

    @Test
    void aRollupOnOneInstanceSeesWhatTheOtherJustStored() {
        a.put("/api/v1/units/town-0/figures/2020", figures(5)).ok();
        a.post("/api/v1/units/county/rollups/2020", Map.of()).ok();
        assertEquals(5, a.get("/api/v1/units/county/consolidated/2020").json().get("figures")
                .get("s2_5.licensing.decisions").asLong());

        b.put("/api/v1/units/town-1/figures/2020", figures(7)).ok();
        a.post("/api/v1/units/county/rollups/2020", Map.of()).ok();

        JsonNode pulled = a.get("/api/v1/units/county/consolidated/2020").json();
        assertEquals(12, pulled.get("figures").get("s2_5.licensing.decisions").asLong());
        assertTrue(pulled.get("unitsReported").asInt() >= 2);
    }

    @Test
    void aReportAcceptedOnOneInstanceCountsInTheOthersNextRollupOverAcceptedFigures() {
        a.put("/api/v1/units/town-4/figures/2022", figures(40)).ok();
        a.put("/api/v1/units/town-5/figures/2022", figures(50)).ok();
        // a rolls up first, so it holds the year's report states in memory when b moves one
        JsonNode before = a.post("/api/v1/units/county/rollups/2022?basis=accepted", Map.of()).ok().json();
        assertEquals(0, a.get("/api/v1/units/county/consolidated/2022?snapshot=" + before.get("id").asText())
                .json().get("unitsReported").asInt());

        b.post("/api/v1/units/town-4/reports/2022/submit", Map.of()).ok();
        b.post("/api/v1/units/town-4/reports/2022/accept", Map.of()).ok();
        JsonNode after = a.post("/api/v1/units/county/rollups/2022?basis=accepted", Map.of()).ok().json();

        JsonNode pulled = a.get("/api/v1/units/county/consolidated/2022?snapshot=" + after.get("id").asText()).json();
        assertEquals(40, pulled.get("figures").get("s2_5.licensing.decisions").asLong());
        JsonNode snapshot = a.get("/api/v1/rollups/" + after.get("id").asText()).json();
        assertTrue(!snapshot.get("notAccepted").has("town-4"), snapshot.get("notAccepted").toString());
        assertEquals("draft", snapshot.get("notAccepted").get("town-5").asText());

        // and back: reopened on b, a's next rollup over accepted figures leaves it out again
        b.post("/api/v1/units/town-4/reports/2022/reopen", Map.of("reason", "数字有误，重新核对")).ok();
        JsonNode reopened = a.post("/api/v1/units/county/rollups/2022?basis=accepted", Map.of()).ok().json();
        assertEquals(0, a.get("/api/v1/units/county/consolidated/2022?snapshot=" + reopened.get("id").asText())
                .json().get("unitsReported").asInt());
    }
}

package org.opengovinfo.service.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.Application;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * The service process is killed (SIGKILL) in the middle of a batch: afterwards every unit's figures are either
 * wholly the old ones or wholly the new ones, and its versions agree. Its log, captured whole, holds no token.
 */
class KilledMidBatchTest {

    private static final int TOWNS = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> figures(int value) {
        Map<String, Object> cells = new HashMap<>();
        for (String group : List.of("reconsideration", "litigation_direct", "litigation_after_reconsideration")) {
            for (String outcome : List.of("upheld", "corrected", "other", "pending")) {
                cells.put("s4." + group + "." + outcome, value);
            }
        }
        cells.put("s2_5.licensing.decisions", value);
        return cells;
    }

    @Test
    void eachUnitIsWhollyOldOrWhollyNewAfterAKillMidBatch() throws Exception {
        Map<String, Object> datasource = TestDatabase.POSTGRESQL.freshDatabase();
        try (ServiceUnderTest survivor = ServiceUnderTest.start(datasource)) {
            List<Map<String, Object>> units = new ArrayList<>();
            List<Map<String, Object>> old = new ArrayList<>();
            List<Map<String, Object>> fresh = new ArrayList<>();
            units.add(Map.of("id", "county", "name", "县", "kind", "county", "fromYear", 2015));
            for (int t = 0; t < TOWNS; t++) {
                units.add(Map.of("id", "t" + t, "name", "镇", "kind", "town", "fromYear", 2015, "parent", "county"));
                old.add(Map.of("unit", "t" + t, "figures", figures(1)));
                fresh.add(Map.of("unit", "t" + t, "figures", figures(2)));
            }
            survivor.post("/api/v1/units/import", Map.of("units", units)).ok();
            assertEquals(TOWNS, survivor.post("/api/v1/figures/batch", Map.of("year", 2021, "submissions", old))
                    .json().get("accepted").asInt());

            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process victim = startServiceProcess(datasource, port);
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitHealthy(http, port);
                http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/figures/batch"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ServiceUnderTest.ADMIN_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                Map.of("year", 2021, "submissions", fresh))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                awaitNewVersions(datasource, 10);
            } finally {
                victim.destroyForcibly();
                assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
            }

            int wholeNew = 0;
            for (int t = 0; t < TOWNS; t++) {
                JsonNode current = survivor.get("/api/v1/units/t" + t + "/figures/2021").json();
                int version = current.get("version").asInt();
                int value = version == 2 ? 2 : 1;
                for (Map.Entry<String, Object> cell : figures(value).entrySet()) {
                    assertEquals(value, current.get("figures").get(cell.getKey()).asInt(), "t" + t + " " + cell.getKey());
                }
                assertEquals(version, survivor.get("/api/v1/units/t" + t + "/figures/2021/versions").json().size());
                wholeNew += version == 2 ? 1 : 0;
            }
            assertTrue(wholeNew >= 10 && wholeNew < TOWNS, "killed mid-batch: " + wholeNew + " of " + TOWNS + " new");
            String log = Files.readString(Path.of("target/killed-service.log"));
            assertTrue(log.contains("POST /api/v1/figures/batch") || log.contains("Startup completed"), "the log was captured");
            assertTrue(!log.contains(ServiceUnderTest.ADMIN_TOKEN) && !log.contains("ogi_"), "no token in the service's log");
        }
    }

    private static Process startServiceProcess(Map<String, Object> datasource, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Application.class.getName());
        pb.environment().put("DB_URL", (String) datasource.get("datasources.default.url"));
        pb.environment().put("DB_USER", (String) datasource.get("datasources.default.username"));
        pb.environment().put("DB_PASSWORD", (String) datasource.get("datasources.default.password"));
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ADMIN_TOKEN", ServiceUnderTest.ADMIN_TOKEN);
        pb.redirectErrorStream(true).redirectOutput(new File("target/killed-service.log"));
        return pb.start();
    }

    private static void awaitHealthy(HttpClient http, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service process did not become healthy; see target/killed-service.log");
    }

    private static void awaitNewVersions(Map<String, Object> datasource, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = DriverManager.getConnection((String) datasource.get("datasources.default.url"),
                (String) datasource.get("datasources.default.username"), (String) datasource.get("datasources.default.password"));
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM submission WHERE version = 2")) {
                    rs.next();
                    if (rs.getInt(1) >= atLeast) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the batch never got going; see target/killed-service.log");
    }
}

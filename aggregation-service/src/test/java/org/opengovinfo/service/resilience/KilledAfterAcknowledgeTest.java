package org.opengovinfo.service.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.Application;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * What the service has acknowledged survives {@code kill -9}: a real service JVM takes single PUTs and batches from
 * two writers and is killed with SIGKILL the moment one of them has its answer; after a restart every acknowledged
 * version is there with exactly the content acknowledged (so no version number or ETag is ever handed out twice).
 * Many trials, on the embedded default (H2 in {@code DATA_DIR}, configured as the service configures it) and on
 * PostgreSQL.
 */
class KilledAfterAcknowledgeTest {

    private static final int TOWNS = 120;
    private static final int TRIALS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One acknowledged write: the unit, the version the service gave it, the value written. */
    private record Acknowledged(String unit, int version, int value) {
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void everyAcknowledgedWriteSurvivesAKillRightAfterItsAnswer(TestDatabase database, @TempDir Path dir) throws Exception {
        Random random = new Random(20260131);
        Map<String, String> env = new HashMap<>();
        if (database == TestDatabase.POSTGRESQL) {
            Map<String, Object> pg = database.freshDatabase();
            env.put("DB_URL", (String) pg.get("datasources.default.url"));
            env.put("DB_USER", (String) pg.get("datasources.default.username"));
            env.put("DB_PASSWORD", (String) pg.get("datasources.default.password"));
        } else {
            env.put("DATA_DIR", dir.resolve("data").toString());
        }
        List<Acknowledged> acknowledged = new ArrayList<>();
        Service first = Service.start(env, dir);
        first.send("POST", "/api/v1/units/import", units(), 200);
        for (int trial = 0; trial < TRIALS; trial++) {
            Service service = trial == 0 ? first : Service.start(env, dir);
            acknowledged.addAll(writeUntilKilled(service, trial, random));
        }
        Service after = Service.start(env, dir);
        try {
            List<String> lost = new ArrayList<>();
            for (Acknowledged a : acknowledged) {
                HttpResponse<String> version = after.request("GET", "/api/v1/units/" + a.unit() + "/figures/2021/versions/"
                        + a.version(), null);
                JsonNode figures = version.statusCode() == 200 ? JSON.readTree(version.body()).get("figures") : null;
                if (figures == null || figures.get("s2_6.penalty.decisions").asInt() != a.value()) {
                    lost.add(a + ": " + version.statusCode() + " " + version.body());
                }
            }
            assertEquals(List.of(), lost, acknowledged.size() + " acknowledged writes");
            System.out.println(database + ": " + acknowledged.size() + " acknowledged writes over " + TRIALS
                    + " kills, " + lost.size() + " lost");
            assertTrue(acknowledged.size() >= TRIALS * 10, acknowledged.size() + " acknowledged writes over " + TRIALS + " trials");
            if (database == TestDatabase.H2) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))),
                        "the embedded database's directory is the service user's alone");
                try (var files = Files.list(dir.resolve("data"))) {
                    for (Path f : files.toList()) {
                        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                    }
                }
            }
        } finally {
            after.kill();
        }
    }

    /**
     * A rollup answered 201 is stored: its parts (written in a transaction of their own, once per distinct content),
     * its header and its units' rows are all there after a kill right after the answer, and the snapshot pulls.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void anAcknowledgedRollupSurvivesAKillRightAfterIts201(TestDatabase database, @TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (database == TestDatabase.POSTGRESQL) {
            Map<String, Object> pg = database.freshDatabase();
            env.put("DB_URL", (String) pg.get("datasources.default.url"));
            env.put("DB_USER", (String) pg.get("datasources.default.username"));
            env.put("DB_PASSWORD", (String) pg.get("datasources.default.password"));
        } else {
            env.put("DATA_DIR", dir.resolve("data").toString());
        }
        Service first = Service.start(env, dir);
        List<String> snapshots = new ArrayList<>();
        int total = 0;
        try {
            first.send("POST", "/api/v1/units/import", units(), 200);
            // two rollups, the second after one town changed: the second stores one new part and names one stored
            for (int t = 0; t < 3; t++) {
                first.send("PUT", "/api/v1/units/t" + t + "/figures/2021", figures(t + 1), 200);
                total += t + 1;
            }
            snapshots.add(rollup(first));
            first.send("PUT", "/api/v1/units/t0/figures/2021", figures(10), 200);
            total += 9;
            snapshots.add(rollup(first));
        } finally {
            first.kill();
        }
        Service after = Service.start(env, dir);
        try {
            for (int i = 0; i < snapshots.size(); i++) {
                HttpResponse<String> pulled = after.request("GET", "/api/v1/units/county/consolidated/2021?snapshot="
                        + snapshots.get(i), null);
                assertEquals(200, pulled.statusCode(), pulled.body());
                assertEquals(i == 0 ? 6 : total, JSON.readTree(pulled.body()).get("figures").get("s2_6.penalty.decisions")
                        .asInt(), pulled.body());
            }
        } finally {
            after.kill();
        }
    }

    private static String rollup(Service service) throws Exception {
        HttpResponse<String> r = service.request("POST", "/api/v1/units/county/rollups/2021", null);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /**
     * Two writers — single PUTs and batches of 40 — run until, after a random while, the PUT writer's next answer
     * arrives: then the process is killed at once, before anything else happens.
     */
    private static List<Acknowledged> writeUntilKilled(Service service, int trial, Random random) throws Exception {
        ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
        AtomicBoolean killNow = new AtomicBoolean();
        CountDownLatch killed = new CountDownLatch(1);
        int base = trial * 1000;
        Thread puts = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    String unit = "t" + ((i * 7 + trial) % TOWNS);
                    int value = base + i;
                    HttpResponse<String> r = service.request("PUT", "/api/v1/units/" + unit + "/figures/2021", figures(value));
                    if (r.statusCode() == 200) {
                        acks.add(new Acknowledged(unit, JSON.readTree(r.body()).get("version").asInt(), value));
                        if (killNow.get()) {
                            service.kill();
                            killed.countDown();
                            return;
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                killed.countDown();
            }
        });
        Thread batches = new Thread(() -> {
            try {
                for (int round = 0; ; round++) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    int value = base + 500 + round;
                    for (int t = 0; t < 40; t++) {
                        items.add(Map.of("unit", "t" + ((round * 40 + t) % TOWNS), "figures",
                                Map.of("s2_6.penalty.decisions", value)));
                    }
                    HttpResponse<String> r = service.request("POST", "/api/v1/figures/batch",
                            JSON.writeValueAsString(Map.of("year", 2021, "submissions", items)));
                    if (r.statusCode() == 200) {
                        for (JsonNode item : JSON.readTree(r.body()).get("results")) {
                            if (item.get("status").asText().equals("accepted")) {
                                acks.add(new Acknowledged(item.get("unit").asText(), item.get("version").asInt(), value));
                            }
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the service was killed under this writer: its request was not acknowledged
            }
        });
        puts.start();
        batches.start();
        // a different moment each trial, but never before a few writes have been answered (the machine may be slow)
        int wanted = 10 + random.nextInt(40);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        killNow.set(true);
        assertTrue(killed.await(60, TimeUnit.SECONDS), "the writer got an answer to kill after");
        service.kill();
        puts.join(30_000);
        batches.join(30_000);
        return new ArrayList<>(acks);
    }

    private static String units() throws IOException {
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", "county", "name", "县", "kind", "county", "fromYear", 2015));
        for (int t = 0; t < TOWNS; t++) {
            units.add(Map.of("id", "t" + t, "name", "镇", "kind", "town", "fromYear", 2015, "parent", "county"));
        }
        return JSON.writeValueAsString(Map.of("units", units));
    }

    private static String figures(int value) {
        return "{\"figures\": {\"s2_6.penalty.decisions\": " + value + "}}";
    }

    /** A service JVM started from this classpath as the README's command starts it: environment only. */
    private record Service(Process process, int port, HttpClient http) {

        static Service start(Map<String, String> env, Path dir) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    Application.class.getName());
            pb.environment().putAll(env);
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("ADMIN_TOKEN", ServiceUnderTest.ADMIN_TOKEN);
            pb.environment().put("ACCESS_LOG", "false");
            pb.environment().put("LOG_LEVEL", "WARN");
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    new File(dir.toFile(), "service.log")));
            Service service = new Service(pb.start(), port, HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).build());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                assertTrue(service.process.isAlive(), "the service exited; see " + dir.resolve("service.log"));
                try {
                    if (service.request("GET", "/api/v1/templates", null).statusCode() == 200) {
                        return service;
                    }
                } catch (IOException notYet) {
                    assertTrue(System.nanoTime() < deadline, "the service did not start; see " + dir.resolve("service.log"));
                }
                Thread.sleep(50);
            }
        }

        HttpResponse<String> request(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ServiceUnderTest.ADMIN_TOKEN)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        void send(String method, String path, String body, int expected) throws Exception {
            HttpResponse<String> r = request(method, path, body);
            assertEquals(expected, r.statusCode(), r.body());
        }

        /** SIGKILL: the JVM gets no chance to flush, close or shut down. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
    }
}

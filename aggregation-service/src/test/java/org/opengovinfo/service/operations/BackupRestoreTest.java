package org.opengovinfo.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * Backup and restore as the README says to do them, on the demo city: every consolidated figure of every unit and
 * year is the same on a service started over the restored database as before the backup — in the stored snapshots,
 * and in fresh rollups over the restored submissions.
 */
class BackupRestoreTest {

    private static final String CITY = "371300";
    private static final List<Integer> YEARS = List.of(2020, 2021);

    @TempDir
    Path work;

    @Test
    void theEmbeddedDatabaseBacksUpOnlineAndRestoresWithRunScript() throws Exception {
        Map<String, Object> original = new HashMap<>(TestDatabase.H2.freshDatabase());
        original.put("reports.demo", "true");
        original.put("reports.data-dir", work.toString());
        Map<Integer, JsonNode> before;
        Path backup;
        try (ServiceUnderTest service = ServiceUnderTest.start(original)) {
            before = consolidateEveryYear(service);
            ServiceUnderTest.Reply taken = service.post("/api/v1/backups", Map.of());
            assertEquals(201, taken.status(), taken.raw().body());
            backup = work.resolve("backups").resolve(taken.json().get("file").asText());
            assertEquals(Files.size(backup), taken.json().get("bytes").asLong());
            assertEquals(401, service.anonymous().post("/api/v1/backups", Map.of()).status());
        }

        Map<String, Object> restored = TestDatabase.H2.freshDatabase();
        // as README "Backup and restore" says: gunzip, then H2's RunScript into an empty database
        Path script = work.resolve("restore.sql");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
            Files.copy(in, script);
        }
        RunScript.main("-url", (String) restored.get("datasources.default.url"), "-user", "sa", "-password", "",
                "-script", script.toString());
        try (ServiceUnderTest service = ServiceUnderTest.start(restored)) {
            assertSameFigures(before, service);
        }
    }

    @Test
    void postgresqlRoundTripsThroughPgDumpAndPgRestore() throws Exception {
        try (DebianPostgres pg = DebianPostgres.start(work.resolve("pg"))) {
            pg.createDatabase("original");
            Map<String, Object> original = new HashMap<>(pg.datasource("original"));
            original.put("reports.demo", "true");
            Map<Integer, JsonNode> before;
            Path dump = work.resolve("reports.dump");
            try (ServiceUnderTest service = ServiceUnderTest.start(original)) {
                before = consolidateEveryYear(service);
                assertEquals("backup.not_embedded", service.post("/api/v1/backups", Map.of()).code());
                // online, while the service runs, as README "Backup and restore" says
                pg.run(pg.bin("pg_dump"), "-Fc", "-h", "127.0.0.1", "-p", pg.port(), "-U", "postgres", "-d", "original",
                        "-f", dump.toString());
            }
            pg.createDatabase("restored");
            pg.run(pg.bin("pg_restore"), "--no-owner", "-h", "127.0.0.1", "-p", pg.port(), "-U", "postgres",
                    "-d", "restored", dump.toString());
            try (ServiceUnderTest service = ServiceUnderTest.start(pg.datasource("restored"))) {
                assertSameFigures(before, service);
            }
        }
    }

    /** Rolls up the whole city for every year: every consolidating unit's figures, as whole snapshots. */
    private static Map<Integer, JsonNode> consolidateEveryYear(ServiceUnderTest service) {
        Map<Integer, JsonNode> snapshots = new HashMap<>();
        for (int year : YEARS) {
            String id = service.post("/api/v1/units/" + CITY + "/rollups/" + year, Map.of()).ok().json().get("id").asText();
            JsonNode snapshot = service.get("/api/v1/rollups/" + id).ok().json();
            assertTrue(snapshot.get("units").size() > 10, "the city, its counties and zones: " + snapshot.get("units").size());
            snapshots.put(year, snapshot);
        }
        return snapshots;
    }

    private static void assertSameFigures(Map<Integer, JsonNode> before, ServiceUnderTest restored) {
        for (int year : YEARS) {
            JsonNode original = before.get(year);
            // the stored snapshot, whole
            assertEquals(original, restored.get("/api/v1/rollups/" + original.get("id").asText()).ok().json());
            // and the figures themselves: a rollup now, over the restored submissions, gives every unit the same parts
            String again = restored.post("/api/v1/units/" + CITY + "/rollups/" + year, Map.of()).ok().json()
                    .get("id").asText();
            JsonNode fresh = restored.get("/api/v1/rollups/" + again).ok().json();
            assertEquals(original.get("units"), fresh.get("units"), "consolidated figures of " + year);
        }
    }

    /**
     * Debian's PostgreSQL server, whose pg_dump and pg_restore are the ones on the PATH (the embedded test server is
     * another major version, which pg_dump refuses). Run as the postgres user when the tests run as root.
     */
    private record DebianPostgres(Path dir, String binDir, int portNumber) implements AutoCloseable {

        static DebianPostgres start(Path dir) throws Exception {
            String bin;
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                        .map(Path::toString).sorted().reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("no PostgreSQL server (.ci/run installs postgresql)"));
            }
            Files.createDirectories(dir.resolve("sock"));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            DebianPostgres pg = new DebianPostgres(dir, bin, port);
            if (root()) {
                // the test's temporary directory is root's alone: the postgres user must pass through it
                pg.run("chmod", "o+x", dir.getParent().toString());
                pg.run("chown", "-R", "postgres", dir.toString());
            }
            pg.run(pg.asPostgres(bin + "/initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-E", "UTF8",
                    "--locale=C", "--auth=trust"));
            pg.run(pg.asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "60", "start", "-o", "-c port=" + port + " -c listen_addresses=127.0.0.1"
                            + " -c unix_socket_directories=" + dir.resolve("sock")));
            return pg;
        }

        String bin(String tool) {
            return binDir + "/" + tool;
        }

        String port() {
            return String.valueOf(portNumber);
        }

        void createDatabase(String name) throws Exception {
            run(bin("createdb"), "-h", "127.0.0.1", "-p", port(), "-U", "postgres", name);
        }

        Map<String, Object> datasource(String database) {
            return Map.of("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + portNumber + "/" + database,
                    "datasources.default.username", "postgres", "datasources.default.password", "");
        }

        private static boolean root() {
            return "root".equals(System.getProperty("user.name"));
        }

        private String[] asPostgres(String... command) {
            if (!root()) {
                return command;
            }
            List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            c.addAll(List.of(command));
            return c.toArray(String[]::new);
        }

        void run(String... command) throws IOException, InterruptedException {
            Path log = Files.createTempFile(dir.getParent(), "command", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        }

        @Override
        public void close() throws Exception {
            run(asPostgres(bin("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
        }
    }
}

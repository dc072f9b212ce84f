package org.opengovinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile read instruction by instruction. No Docker engine runs here, so the image is never built in
 * this build: these checks are what can be said of it without one.
 */
class DockerfileTest {

    private static final String LAUNCHER = "/opt/ogi-aggregation/bin/ogi-aggregation";
    private static List<String[]> instructions;

    @BeforeAll
    static void parse() {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : DeployFiles.read("Dockerfile").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                int space = text.indexOf(' ');
                instructions.add(new String[] {text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()});
            }
        }
    }

    private static List<String> all(String instruction) {
        return instructions.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
    }

    private static int indexOf(String instruction, String containing) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i)[0].equals(instruction) && instructions.get(i)[1].contains(containing)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void onTemurin17Jre() {
        assertEquals(List.of("eclipse-temurin:17-jre"), all("FROM"));
    }

    @Test
    void runsAsANumericNonRootUserThatItCreates() {
        List<String> users = all("USER");
        assertEquals(1, users.size());
        String uid = users.get(0).split(":")[0];
        assertTrue(uid.matches("\\d+") && !uid.equals("0"), "numeric, not root: " + users.get(0));
        assertTrue(indexOf("RUN", "useradd --system --uid " + uid) >= 0, "the user is created");
        // nothing runs as root after the switch
        assertTrue(instructions.subList(indexOf("USER", uid), instructions.size()).stream().noneMatch(i -> i[0].equals("RUN")));
    }

    @Test
    void theClassDataSharingArchiveIsMadeInTheImageAfterTheJarIsInPlace() {
        int jar = indexOf("COPY", "/opt/ogi-aggregation/aggregation-service.jar");
        int launcher = indexOf("COPY", LAUNCHER);
        int archive = indexOf("RUN", LAUNCHER + " archive");
        assertTrue(jar >= 0 && launcher >= 0 && archive > jar && archive > launcher, "COPY jar, COPY launcher, RUN archive");
        // the launcher finds the jar one directory above itself and keeps the archive beside it by default
        String script = DeployFiles.read("bin/ogi-aggregation");
        assertTrue(script.contains("jar=$home/aggregation-service.jar"));
        assertTrue(script.contains("-XX:ArchiveClassesAtExit="));
        assertTrue(script.contains("-Dogi.trainingRun=true"));
    }

    @Test
    void healthCheckAsksTheReadinessEndpoint() {
        List<String> checks = all("HEALTHCHECK");
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).contains("CMD [\"" + LAUNCHER + "\", \"health\"]"), checks.get(0));
        assertTrue(DeployFiles.read("bin/ogi-aggregation").contains("GET /health/readiness HTTP/1.0"));
    }

    @Test
    void memoryFollowsTheContainersLimit() {
        assertTrue(all("ENV").stream().anyMatch(e -> e.contains("JAVA_OPTS=\"-XX:MaxRAMPercentage=")), all("ENV").toString());
        assertTrue(all("ENV").stream().anyMatch(e -> e.contains("PRODUCTION=true")));
        assertEquals(List.of("[\"" + LAUNCHER + "\"]"), all("ENTRYPOINT"));
    }

    @Test
    void theBuildContextLetsThroughExactlyWhatIsCopied() {
        List<String> allowed = new ArrayList<>();
        for (String line : DeployFiles.read(".dockerignore").split("\n")) {
            if (line.startsWith("!")) {
                allowed.add(line.substring(1).strip());
            }
        }
        List<String> copied = all("COPY").stream().map(c -> c.split("\\s+")[0]).toList();
        assertEquals(allowed, copied);
        assertFalse(all("COPY").stream().anyMatch(c -> c.contains("..")), "nothing from outside the context");
    }
}

package org.opengovinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml as compose reads it (SnakeYAML: it resolves the anchors and merge keys compose uses), and the
 * files it mounts into nginx. There is no Docker engine here, so this is what can be checked without one.
 */
class ComposeFileTest {

    private static Map<String, Object> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        compose = new Yaml().load(DeployFiles.read("compose.yaml"));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static List<String> aggregationServices() {
        List<String> names = new ArrayList<>();
        services.forEach((name, s) -> {
            Object image = map(s).get("image");
            if (image != null && image.toString().contains("ogi-aggregation")) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void postgresql16KeepsItsDataInANamedVolume() {
        Map<String, Object> pg = map(services.get("postgres"));
        assertTrue(pg.get("image").toString().startsWith("postgres:16"), "PostgreSQL 16: " + pg.get("image"));
        String volume = list(pg.get("volumes")).get(0).toString();
        assertTrue(volume.endsWith(":/var/lib/postgresql/data"), volume);
        assertTrue(map(compose.get("volumes")).containsKey(volume.substring(0, volume.indexOf(':'))), "a named volume");
        assertTrue(map(pg.get("healthcheck")).get("test").toString().contains("pg_isready"));
    }

    @Test
    void twoInstancesOfTheServiceOnThatDatabaseWithSecretsFromTheEnvFile() {
        List<String> instances = aggregationServices();
        assertEquals(List.of("aggregation-1", "aggregation-2"), instances);
        for (String name : instances) {
            Map<String, Object> s = map(services.get(name));
            Map<String, Object> env = map(s.get("environment"));
            assertEquals("jdbc:postgresql://postgres:5432/reports", env.get("DB_URL"), name);
            assertEquals(map(map(services.get("postgres")).get("environment")).get("POSTGRES_USER"), env.get("DB_USER"));
            assertTrue(env.get("ADMIN_TOKEN").toString().startsWith("${ADMIN_TOKEN:?"), "required, from .env");
            assertTrue(env.get("DB_PASSWORD").toString().startsWith("${DB_PASSWORD:?"), "required, from .env");
            assertEquals("true", env.get("PRODUCTION"));
            assertEquals("service_healthy", map(map(s.get("depends_on")).get("postgres")).get("condition"));
            assertEquals(Boolean.TRUE, s.get("read_only"), name + " read-only");
            assertTrue(list(s.get("tmpfs")).contains("/tmp"), name + " /tmp");
            assertTrue(s.containsKey("mem_limit"), name + " a memory limit for MaxRAMPercentage");
            assertEquals("Dockerfile", map(s.get("build")).get("dockerfile"), name + " built from the Dockerfile");
        }
    }

    @Test
    void everyRequiredVariableIsInTheEnvExampleAndTheRealEnvFileIsIgnored() throws Exception {
        Set<String> required = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(\\w+):\\?").matcher(DeployFiles.read("compose.yaml"));
        while (m.find()) {
            required.add(m.group(1));
        }
        assertEquals(Set.of("ADMIN_TOKEN", "DB_PASSWORD"), required);
        String example = DeployFiles.read(".env.example");
        for (String variable : required) {
            assertTrue(Pattern.compile("(?m)^" + variable + "=$").matcher(example).find(), variable + " in .env.example, empty");
        }
        assertTrue(Files.readAllLines(DeployFiles.file(".gitignore")).contains(".env"));
    }

    @Test
    void nginxGetsTheSharedConfigAndTheIncludesItNames() {
        Map<String, Object> nginx = map(services.get("nginx"));
        Map<String, String> mounts = new java.util.HashMap<>();
        for (Object v : list(nginx.get("volumes"))) {
            String[] parts = v.toString().split(":");
            mounts.put(parts[1], parts[0]);
            assertTrue(Files.isRegularFile(DeployFiles.dir().resolve(parts[0])), "mounted file exists: " + parts[0]);
            assertEquals("ro", parts[2], parts[1] + " read-only");
        }
        assertEquals("./nginx.conf", mounts.get("/etc/nginx/nginx.conf"));
        Matcher include = Pattern.compile("(?m)^\\s*include\\s+([\\w.-]+);").matcher(DeployFiles.read("nginx.conf"));
        Set<String> included = new TreeSet<>();
        while (include.find()) {
            included.add(include.group(1));
        }
        assertEquals(Set.of("ogi-listen.conf", "ogi-upstreams.conf"), included);
        for (String file : included) {
            assertTrue(mounts.containsKey("/etc/nginx/" + file), file + " is mounted beside nginx.conf");
        }
        for (String instance : aggregationServices()) {
            assertEquals("service_healthy", map(map(nginx.get("depends_on")).get(instance)).get("condition"), instance);
        }
    }

    @Test
    void theUpstreamsAreExactlyTheTwoInstancesOnTheirPort() {
        String upstreams = DeployFiles.read(mounted("/etc/nginx/ogi-upstreams.conf"));
        Set<String> servers = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^server\\s+([\\w.-]+):(\\d+)\\b([^;]*);").matcher(upstreams);
        while (m.find()) {
            servers.add(m.group(1));
            assertEquals("8080", m.group(2), "the image's PORT");
            if (m.group(3).contains("resolve")) {
                // resolving at run time needs nginx 1.27.3 or later, and a resolver
                assertTrue(upstreams.contains("resolver 127.0.0.11"), "Docker's DNS as resolver");
                Matcher version = Pattern.compile("nginx:(\\d+)\\.(\\d+)").matcher(map(services.get("nginx")).get("image").toString());
                assertTrue(version.find(), "nginx pinned to a version");
                int major = Integer.parseInt(version.group(1));
                int minor = Integer.parseInt(version.group(2));
                assertTrue(major > 1 || minor >= 28, "nginx 1.28 or later for 'resolve': " + version.group());
            }
        }
        assertEquals(new TreeSet<>(aggregationServices()), servers);
    }

    @Test
    void nginxListensOnThePortComposePublishes() {
        Matcher listen = Pattern.compile("(?m)^listen\\s+(\\d+);").matcher(DeployFiles.read(mounted("/etc/nginx/ogi-listen.conf")));
        assertTrue(listen.find());
        String published = list(map(services.get("nginx")).get("ports")).get(0).toString();
        assertTrue(published.endsWith(":" + listen.group(1)), published + " publishes " + listen.group(1));
    }

    private static String mounted(String target) {
        for (Object v : list(map(services.get("nginx")).get("volumes"))) {
            String[] parts = v.toString().split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError(target + " is not mounted");
    }
}

package org.opengovinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s as {@code kubectl kustomize} renders it: the objects a cluster would get, read back with Jackson YAML.
 * kubectl must be installed (.ci/run makes sure); a missing kubectl fails the test.
 */
class KubernetesManifestsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static List<JsonNode> objects;

    @BeforeAll
    static void render() throws Exception {
        objects = kustomize(DeployFiles.file("k8s"));
    }

    /** Runs {@code kubectl kustomize dir} and parses every document it prints. */
    static List<JsonNode> kustomize(Path dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed: .ci/run installs it (kubectl kustomize renders deploy/k8s)", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + " failed: " + err);
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertEquals(1, found.size(), "exactly one " + kind + " in the rendered manifests");
        return found.get(0);
    }

    private static JsonNode container(List<JsonNode> docs) {
        JsonNode containers = only(docs, "Deployment").at("/spec/template/spec/containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    @Test
    void everyObjectTheBaseShouldHaveIsRendered() {
        Map<String, Integer> kinds = new HashMap<>();
        objects.forEach(o -> kinds.merge(o.path("kind").asText(), 1, Integer::sum));
        assertEquals(Map.of("Deployment", 1, "Service", 1, "ConfigMap", 1, "Secret", 1, "PodDisruptionBudget", 1), kinds);
    }

    @Test
    void twoReplicasRolledOverWithoutDroppingBelowTwo() {
        JsonNode spec = only(objects, "Deployment").path("spec");
        assertEquals(2, spec.path("replicas").asInt());
        assertEquals("RollingUpdate", spec.at("/strategy/type").asText());
        assertEquals(0, spec.at("/strategy/rollingUpdate/maxUnavailable").asInt());
    }

    @Test
    void livenessAndReadinessProbeTheirOwnHealthEndpointsOnTheServicePort() {
        JsonNode c = container(objects);
        assertEquals("/health/liveness", c.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/health/readiness", c.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/health/liveness", c.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals("http", c.at("/" + probe + "/httpGet/port").asText(), probe + " port");
        }
        JsonNode port = c.path("ports").get(0);
        assertEquals("http", port.path("name").asText());
        // the port the service listens on: PORT from the ConfigMap
        assertEquals(only(objects, "ConfigMap").at("/data/PORT").asText(), port.path("containerPort").asText());
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithTmpMounted() {
        JsonNode pod = only(objects, "Deployment").at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertTrue(pod.at("/securityContext/runAsUser").asInt() > 0);
        assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        JsonNode c = container(objects);
        assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", c.at("/securityContext/capabilities/drop/0").asText());
        // the JVM writes to /tmp: an emptyDir there, since the root filesystem is read-only
        String volume = null;
        for (JsonNode mount : c.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                volume = mount.path("name").asText();
            }
        }
        assertNotNull(volume, "/tmp is mounted");
        boolean emptyDir = false;
        for (JsonNode v : pod.path("volumes")) {
            emptyDir |= volume.equals(v.path("name").asText()) && v.has("emptyDir");
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");
    }

    @Test
    void theImagesUserIsTheOneThePodRunsAs() {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(DeployFiles.read("Dockerfile"));
        assertTrue(user.find(), "the Dockerfile sets a numeric USER");
        assertEquals(user.group(1), only(objects, "Deployment").at("/spec/template/spec/securityContext/runAsUser").asText());
    }

    @Test
    void requestsAndLimitsForCpuAndMemoryWithTheHeapAShareOfTheLimit() {
        JsonNode r = container(objects).path("resources");
        for (String kind : List.of("cpu", "memory")) {
            assertTrue(r.at("/requests/" + kind).isTextual() || r.at("/requests/" + kind).isNumber(), "request " + kind);
            assertTrue(quantity(r.at("/limits/" + kind).asText()) >= quantity(r.at("/requests/" + kind).asText()),
                    "limit " + kind + " at least its request");
        }
        assertTrue(only(objects, "ConfigMap").at("/data/JAVA_OPTS").asText().contains("-XX:MaxRAMPercentage="),
                "the heap follows the memory limit");
    }

    /** cpu (500m, 2) and memory (768Mi, 1Gi) quantities in comparable units. */
    private static double quantity(String q) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Ki|Mi|Gi)?").matcher(q);
        assertTrue(m.matches(), "a quantity: " + q);
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "m" -> v / 1000;
            case "Ki" -> v * 1024;
            case "Mi" -> v * 1024 * 1024;
            case "Gi" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
    }

    @Test
    void secretsComeFromTheSecretAndSettingsFromTheConfigMap() {
        JsonNode c = container(objects);
        JsonNode secret = only(objects, "Secret");
        String secretName = secret.at("/metadata/name").asText();
        Map<String, String> fromSecret = new HashMap<>();
        for (JsonNode env : c.path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals(secretName, ref.path("name").asText(), env.path("name").asText());
                // a key may be left out of the template only where the reference says it is optional (SCRAPE_TOKEN)
                assertTrue(secret.at("/stringData").has(ref.path("key").asText()) || ref.path("optional").asBoolean(),
                        "the Secret has " + ref.path("key"));
                fromSecret.put(env.path("name").asText(), ref.path("key").asText());
            }
        }
        for (String variable : List.of("ADMIN_TOKEN", "DB_URL", "DB_PASSWORD")) {
            assertTrue(fromSecret.containsKey(variable), variable + " from the Secret");
        }
        assertEquals(only(objects, "ConfigMap").at("/metadata/name").asText(),
                c.at("/envFrom/0/configMapRef/name").asText());
        JsonNode config = only(objects, "ConfigMap").path("data");
        assertEquals("true", config.path("PRODUCTION").asText());
        for (String variable : fromSecret.keySet()) {
            assertFalse(config.has(variable), variable + " is a secret, not in the ConfigMap");
        }
    }

    @Test
    void theSecretTemplateHoldsNoUsableToken() {
        // the service accepts only ogi_ and 32 or more characters: a placeholder it refuses cannot go live by accident
        String token = only(objects, "Secret").at("/stringData/ADMIN_TOKEN").asText();
        assertFalse(token.startsWith("ogi_"), "placeholder, not a token: " + token);
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectThePods() {
        JsonNode labels = only(objects, "Deployment").at("/spec/template/metadata/labels");
        JsonNode service = only(objects, "Service");
        assertSubset(service.at("/spec/selector"), labels, "Service selector");
        assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
        JsonNode pdb = only(objects, "PodDisruptionBudget");
        assertSubset(pdb.at("/spec/selector/matchLabels"), labels, "PodDisruptionBudget selector");
        int minAvailable = pdb.at("/spec/minAvailable").asInt();
        assertEquals(1, minAvailable);
        assertTrue(minAvailable < only(objects, "Deployment").at("/spec/replicas").asInt(), "a drain can still proceed");
    }

    private static void assertSubset(JsonNode selector, JsonNode labels, String what) {
        assertTrue(selector.size() > 0, what + " is not empty");
        selector.fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(),
                what + " " + e.getKey()));
    }

    @Test
    void theImageIsPinnedToATag() {
        String image = container(objects).path("image").asText();
        assertTrue(image.matches("ogi-aggregation:[\\w.-]+") && !image.endsWith(":latest"), image);
    }

    /** The README's way of supplying real secrets: an overlay whose secretGenerator replaces the template's. */
    @Test
    void anOverlayReplacesThePlaceholders() throws Exception {
        Path overlay = Path.of("target", "k8s-overlay").toAbsolutePath();
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                secretGenerator:
                  - name: aggregation-secrets
                    behavior: replace
                    literals:
                      - ADMIN_TOKEN=ogi_0123456789abcdefghijklmnopqrstuvwxyz
                      - DB_URL=jdbc:postgresql://db.internal:5432/reports
                      - DB_USER=reports
                      - DB_PASSWORD=not-a-placeholder
                """.formatted(overlay.relativize(DeployFiles.file("k8s"))));
        List<JsonNode> docs = kustomize(overlay);
        JsonNode secret = only(docs, "Secret");
        assertEquals("ogi_0123456789abcdefghijklmnopqrstuvwxyz", decode(secret, "ADMIN_TOKEN"));
        assertEquals("not-a-placeholder", decode(secret, "DB_PASSWORD"));
        assertFalse(secret.has("stringData"), "no placeholder left");
        for (JsonNode env : container(docs).path("env")) {
            assertEquals(secret.at("/metadata/name").asText(), env.at("/valueFrom/secretKeyRef/name").asText());
        }
    }

    private static String decode(JsonNode secret, String key) {
        JsonNode value = secret.at("/data/" + key);
        if (value.isMissingNode()) {
            fail("the Secret has no " + key);
        }
        return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    }
}

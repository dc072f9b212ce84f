package org.opengovinfo.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service on a random local port over a database of the test's choice, driven over HTTP. Requests carry
 * the administrator token {@link #ADMIN_TOKEN} unless {@link #withToken} or {@link #anonymous} says otherwise.
 */
public final class ServiceUnderTest implements AutoCloseable {

    public static final String ADMIN_TOKEN = "ogi_test-administrator-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final HttpClient http;
    private final String token;
    private final TestClock clock;

    private ServiceUnderTest(EmbeddedServer server, HttpClient http, String token, TestClock clock) {
        this.server = server;
        this.http = http;
        this.token = token;
        this.clock = clock;
    }

    /** The service's clock: set it, move it; the service reads no other time. */
    public TestClock clock() {
        return clock;
    }

    /** The same service, with requests carrying {@code token} instead. Closing it does not stop the service. */
    public ServiceUnderTest withToken(String token) {
        return new ServiceUnderTest(server, http, token, clock);
    }

    /** The same service, with requests carrying no token. */
    public ServiceUnderTest anonymous() {
        return withToken(null);
    }

    /** Starts a service on a fresh database. */
    public static ServiceUnderTest start(TestDatabase database) {
        return start(database.freshDatabase());
    }

    /** Starts a service on a fresh database with extra configuration. */
    public static ServiceUnderTest start(TestDatabase database, Map<String, Object> configuration) {
        Map<String, Object> properties = new HashMap<>(database.freshDatabase());
        properties.putAll(configuration);
        return start(properties);
    }

    /** Starts a service on the given datasource, e.g. a second instance on the same database. */
    public static ServiceUnderTest start(Map<String, Object> datasource) {
        return start(datasource, new TestClock());
    }

    /** Starts a service on the given datasource reading time from {@code clock}. */
    public static ServiceUnderTest start(Map<String, Object> datasource, TestClock clock) {
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("micronaut.server.port", -1);
        properties.putIfAbsent("reports.admin-token", ADMIN_TOKEN);
        EmbeddedServer server = ApplicationContext.builder().properties(properties).singletons(clock)
                .run(EmbeddedServer.class);
        return new ServiceUnderTest(server, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                ADMIN_TOKEN, clock);
    }

    public Map<String, Object> datasource() {
        ApplicationContext ctx = server.getApplicationContext();
        return Map.of(
                "datasources.default.url", ctx.getRequiredProperty("datasources.default.url", String.class),
                "datasources.default.username", ctx.getRequiredProperty("datasources.default.username", String.class),
                "datasources.default.password", ctx.getProperty("datasources.default.password", String.class).orElse(""));
    }

    /** A new JDBC connection to this service's database, for a test to look at or change its rows directly. */
    public Connection connection() throws SQLException {
        Map<String, Object> ds = datasource();
        return DriverManager.getConnection((String) ds.get("datasources.default.url"),
                (String) ds.get("datasources.default.username"), (String) ds.get("datasources.default.password"));
    }

    /** Where the service listens, e.g. {@code http://localhost:41234}, for a browser. */
    public String url() {
        return server.getURL().toString();
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** An HTTP answer with its body parsed as JSON where it is JSON. */
    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {

        public String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asText();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** This answer, which must be a success: for setup calls, whose failure would make a test meaningless. */
        public Reply ok() {
            if (status >= 300) {
                throw new AssertionError("expected a success, got " + status + ": " + raw.body());
            }
            return this;
        }
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply post(String path, Object body) {
        return send(request(path).POST(json(body)).header("Content-Type", "application/json").build());
    }

    public Reply put(String path, Object body) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json").build());
    }

    public Reply put(String path, Object body, String header, String value) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json").header(header, value).build());
    }

    /** Sends any request built on {@link #request(String)}. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service, unless this is a view made by {@link #withToken}. */
    @Override
    public void close() {
        if (ADMIN_TOKEN.equals(token)) {
            server.getApplicationContext().close();
        }
    }
}

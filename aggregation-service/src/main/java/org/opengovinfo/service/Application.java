package org.opengovinfo.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@OpenAPIDefinition(info = @Info(
        title = "Open government information reports",
        version = "v1",
        description = "Units by year, figures in with validation, rollups, consolidated figures out."),
        security = @SecurityRequirement(name = "bearer"))
// every API call needs Authorization: Bearer ogi_…; /health and this document are public
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "opaque token, ogi_ and 43 random characters")
public final class Application {

    private Application() {}

    public static void main(String[] args) throws IOException {
        // H2 would otherwise hash every value it reads into a cache of its own, a third of the time a year's load takes
        System.setProperty("h2.objectCache", System.getProperty("h2.objectCache", "false"));
        Map<String, String> env = System.getenv();
        ApplicationContext context = Micronaut.build(args)
                .banner(false)
                .mainClass(Application.class)
                .properties(storage(env))
                .start();
        if (env.get("DB_URL") == null || env.get("DB_URL").isBlank()) {
            // the files H2 has just created, too, are the service user's alone
            DataDirectory.prepare(Path.of(env.getOrDefault("DATA_DIR", "data")));
        }
        if (Boolean.getBoolean("ogi.trainingRun")) {
            // the build starts the service once, asks it a few things and stops it, so that the JVM can archive the
            // classes it loaded (aggregation-service.jsa, class data sharing): later starts, and their first
            // requests, map them instead of loading them again
            // the training writes a tiny tree: only ever into a database that dies with it
            train(context, String.valueOf(env.get("DB_URL")).startsWith("jdbc:h2:mem:"));
            context.close();
        }
    }

    /**
     * What the training start asks: besides reading, the path of a season's work on a tiny tree — units imported,
     * figures put one by one and in a batch, a rollup, a pull of its figures and the snapshot — so that the classes a
     * first rollup after a restart needs are archived too, not loaded then.
     */
    private static final List<String[]> TRAINING = List.of(
            new String[] {"GET", "/health", null},
            new String[] {"GET", "/api/v1/templates", null},
            new String[] {"GET", "/api/v1/units", null},
            new String[] {"GET", "/api/v1/units/none", null},
            new String[] {"POST", "/api/v1/units/import", "{\"units\": ["
                    + "{\"id\": \"training\", \"name\": \"区\", \"kind\": \"district\", \"fromYear\": 2015},"
                    + "{\"id\": \"training-a\", \"name\": \"甲镇\", \"kind\": \"town\", \"fromYear\": 2015, "
                    + "\"parent\": \"training\"},"
                    + "{\"id\": \"training-b\", \"name\": \"乙镇\", \"kind\": \"town\", \"fromYear\": 2015, "
                    + "\"parent\": \"training\"}]}"},
            new String[] {"PUT", "/api/v1/units/training-a/figures/2021",
                    "{\"figures\": {\"s2_5.licensing.decisions\": 3}}"},
            new String[] {"POST", "/api/v1/figures/batch", "{\"year\": 2021, \"submissions\": [{\"unit\": \"training-b\", "
                    + "\"figures\": {\"s2_5.licensing.decisions\": 2}}]}"},
            new String[] {"POST", "/api/v1/units/training/rollups/2021", "{}"},
            new String[] {"GET", "/api/v1/units/training/consolidated/2021", null},
            new String[] {"GET", "/api/v1/units/training/rollups/2021", null});

    private static void train(ApplicationContext context, boolean writes) throws IOException {
        int port = context.getBean(EmbeddedServer.class).getPort();
        String token = context.getProperty("reports.admin-token", String.class).orElseThrow();
        for (String[] step : TRAINING) {
            if (!writes && !step[0].equals("GET")) {
                continue;
            }
            URI uri = URI.create("http://127.0.0.1:" + port + step[1]);
            HttpURLConnection request = (HttpURLConnection) uri.toURL().openConnection();
            request.setRequestMethod(step[0]);
            request.setRequestProperty("Authorization", "Bearer " + token);
            if (step[2] != null) {
                request.setDoOutput(true);
                request.setRequestProperty("Content-Type", "application/json");
                request.getOutputStream().write(step[2].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            int status = request.getResponseCode();
            try (InputStream answer = status < 400 ? request.getInputStream() : request.getErrorStream()) {
                if (answer != null) {
                    answer.readAllBytes();
                }
            }
            if (status >= 500) {
                throw new IllegalStateException("the training start's " + step[0] + " " + step[1] + " answered " + status);
            }
        }
    }

    /**
     * The database from the environment: {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} for PostgreSQL in
     * production; without {@code DB_URL}, an embedded H2 file under {@code DATA_DIR} (default {@code ./data}), so
     * the service starts with no setup.
     */
    static Map<String, Object> storage(Map<String, String> env) {
        Map<String, Object> p = new HashMap<>();
        String url = env.get("DB_URL");
        if (url == null || url.isBlank()) {
            Path dir = DataDirectory.prepare(Path.of(env.getOrDefault("DATA_DIR", "data")));
            // WRITE_DELAY=0: H2 writes every commit to its file before the commit returns, so what the service has
            // acknowledged survives the process being killed (by default H2 writes up to a second later).
            // DB_CLOSE_ON_EXIT=FALSE: H2 does not close the database from its own shutdown hook, beside the service's
            // stopping (which checkpoints the year's figures then, see CurrentFigures); the pool's close closes it
            url = "jdbc:h2:file:" + dir.resolve("reports") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            p.put("datasources.default.username", env.getOrDefault("DB_USER", "sa"));
            p.put("datasources.default.password", env.getOrDefault("DB_PASSWORD", ""));
        } else {
            p.put("datasources.default.username", env.getOrDefault("DB_USER", ""));
            p.put("datasources.default.password", env.getOrDefault("DB_PASSWORD", ""));
        }
        p.put("datasources.default.url", url);
        if (url.startsWith("jdbc:postgresql:")) {
            // batches of inserts go as multi-row INSERTs: several times fewer round trips when a batch is stored
            p.put("datasources.default.data-source-properties.reWriteBatchedInserts", "true");
        }
        p.put("reports.data-dir", env.getOrDefault("DATA_DIR", "data"));
        return p;
    }
}

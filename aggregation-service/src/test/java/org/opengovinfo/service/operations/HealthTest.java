package org.opengovinfo.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * Liveness is the process alone; readiness is the database reachable and holding every bundled migration. Probes
 * are anonymous and learn UP or DOWN only.
 */
class HealthTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void aMigratedDatabaseIsReadyAndTheProcessAlive(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database)) {
            assertStatus(service.anonymous().get("/health/liveness"), 200, "UP");
            assertStatus(service.anonymous().get("/health/readiness"), 200, "UP");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void pendingMigrationsMeanNotReadyUntilTheyAreApplied(TestDatabase database) {
        Map<String, Object> datasource = database.freshDatabase();
        // the database as an older build left it: migrated to V5 of the bundled V6 and later
        flyway(datasource).target("5").load().migrate();
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("flyway.datasources.default.enabled", false);
        try (ServiceUnderTest service = ServiceUnderTest.start(properties)) {
            assertStatus(service.anonymous().get("/health/readiness"), 503, "DOWN");
            assertStatus(service.anonymous().get("/health/liveness"), 200, "UP");

            flyway(datasource).load().migrate();

            assertStatus(service.anonymous().get("/health/readiness"), 200, "UP");
        }
    }

    @Test
    void anUnreachableDatabaseMeansNotReadyButAlive() throws Exception {
        // a PostgreSQL server of this test's own, so that stopping it leaves the other tests' server alone
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "datasources.default.url", pg.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres",
                    // a probe must not wait Hikari's default 30 s for a connection that will not come
                    "datasources.default.connection-timeout", 1000));
            try (ServiceUnderTest service = ServiceUnderTest.start(properties)) {
                assertStatus(service.anonymous().get("/health/readiness"), 200, "UP");

                pg.close();

                assertStatus(service.anonymous().get("/health/readiness"), 503, "DOWN");
                assertStatus(service.anonymous().get("/health/liveness"), 200, "UP");
            }
        } finally {
            pg.close();
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Map<String, Object> datasource) {
        return Flyway.configure().locations("classpath:db/migration").dataSource(
                (String) datasource.get("datasources.default.url"),
                (String) datasource.get("datasources.default.username"),
                (String) datasource.get("datasources.default.password"));
    }

    private static void assertStatus(Reply reply, int status, String health) {
        assertEquals(status, reply.status(), reply.raw().body());
        assertEquals(health, reply.json().get("status").asText());
    }
}

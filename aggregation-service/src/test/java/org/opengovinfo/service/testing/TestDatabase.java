package org.opengovinfo.service.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every persistence and API test runs on: the embedded default (H2 in PostgreSQL mode) and a real
 * PostgreSQL that the tests start themselves. Each call to {@link #freshDatabase()} gives an empty database.
 */
public enum TestDatabase {
    H2 {
        @Override
        public Map<String, Object> freshDatabase() {
            return Map.of(
                    "datasources.default.url", "jdbc:h2:mem:test" + COUNTER.incrementAndGet()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "datasources.default.username", "sa",
                    "datasources.default.password", "");
        }
    },
    POSTGRESQL {
        @Override
        public Map<String, Object> freshDatabase() {
            String name = "test" + COUNTER.incrementAndGet();
            EmbeddedPostgres pg = Postgres.INSTANCE;
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
            return Map.of(
                    "datasources.default.url", pg.getJdbcUrl("postgres", name),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres",
                    // as the service sets it for PostgreSQL (Application.storage)
                    "datasources.default.data-source-properties.reWriteBatchedInserts", "true");
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Datasource properties of a new, empty database. */
    public abstract Map<String, Object> freshDatabase();

    /** One PostgreSQL server for the whole test run, started on first use and stopped when the JVM exits. */
    private static final class Postgres {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is temporary
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }
}

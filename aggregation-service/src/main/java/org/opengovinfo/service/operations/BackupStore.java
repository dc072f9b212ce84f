package org.opengovinfo.service.operations;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.Statement;

/**
 * An online backup of the embedded H2 database as an SQL script ({@code SCRIPT TO …}), which H2's {@code RunScript}
 * tool loads into an empty database. PostgreSQL is backed up with its own tools.
 */
@Singleton
class BackupStore {

    private final JdbcOperations jdbc;

    BackupStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the database is the embedded H2, which this class can back up. */
    boolean embedded() {
        return jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName().equals("H2"));
    }

    /** Writes the whole database to {@code file}, in the caller's transaction (whose view it writes). */
    void script(Path file) {
        jdbc.execute(connection -> {
            // the path is the service's own (DATA_DIR/backups/…), never a caller's; quotes are doubled all the same
            try (Statement s = connection.createStatement()) {
                s.execute("SCRIPT TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return null;
        });
    }
}

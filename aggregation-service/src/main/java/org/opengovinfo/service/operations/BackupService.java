package org.opengovinfo.service.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.opengovinfo.service.DataDirectory;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.system.ErrorCode;

/** Online backups of the embedded database into {@code DATA_DIR/backups}; PostgreSQL is backed up with pg_dump. */
@Singleton
class BackupService {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Path directory;

    BackupService(BackupStore store, AuditLog audit, Clock clock, @Value("${reports.data-dir:data}") String dataDir) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.directory = Path.of(dataDir).resolve("backups");
    }

    /** A backup written: the file's name in {@code DATA_DIR/backups}, its size, when it was taken. */
    @Serdeable
    record Backup(String file, long bytes, Instant takenAt) {
    }

    /**
     * Writes the database as it stands to a new file. Repeatable read: the script is one consistent view, with a
     * write committed meanwhile wholly in it or not at all.
     *
     * @throws org.opengovinfo.service.system.ProblemException {@code backup.not_embedded} on PostgreSQL
     */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Backup create() {
        if (!store.embedded()) {
            throw ErrorCode.BACKUP_NOT_EMBEDDED.problem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            // the backup holds every token hash and every figure: readable by the service's user only, as DATA_DIR
            DataDirectory.prepare(directory);
            Path file = directory.resolve("reports-" + NAME.format(now) + ".sql.gz");
            for (int n = 2; Files.exists(file); n++) {
                file = directory.resolve("reports-" + NAME.format(now) + "-" + n + ".sql.gz");
            }
            // H2's own COMPRESSION option names its algorithm by an identifier, which DATABASE_TO_LOWER spoils; a
            // plain script gzipped here restores with gunzip and RunScript, no option to get right
            Path plain = Files.createTempFile(directory, "backup", ".sql");
            try {
                store.script(plain);
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    Files.copy(plain, out);
                }
            } finally {
                Files.deleteIfExists(plain);
            }
            DataDirectory.prepare(directory); // and the new file 0600
            audit.record("backup.created", null, null, Map.of("file", file.getFileName().toString()));
            return new Backup(file.getFileName().toString(), Files.size(file), now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a backup to " + directory, e);
        }
    }
}

package org.opengovinfo.service.submissions;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checkpoints of a year's figures (see {@link FiguresCheckpoints}) in portable SQL. Callers hold the transaction. */
@Singleton
class CheckpointRepository {

    /** A stored checkpoint: its revision and its parts' bytes in order. */
    record Stored(long revision, List<byte[]> parts) {
    }

    private final JdbcOperations jdbc;

    CheckpointRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest complete checkpoint of the year at or before {@code upTo}, read in one statement so that a
     * checkpoint being replaced meanwhile is seen whole or not at all.
     */
    Optional<Stored> newest(int year, long upTo) {
        return jdbc.prepareStatement("SELECT revision, part, parts, content FROM figures_checkpoint WHERE report_year = ? "
                + "AND revision = (SELECT MAX(revision) FROM figures_checkpoint WHERE report_year = ? AND revision <= ?) "
                + "ORDER BY part", ps -> {
                    ps.setInt(1, year);
                    ps.setInt(2, year);
                    ps.setLong(3, upTo);
                    long revision = -1;
                    int parts = -1;
                    List<byte[]> content = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            revision = rs.getLong(1);
                            if (rs.getInt(2) != content.size()) {
                                return Optional.<Stored>empty();
                            }
                            parts = rs.getInt(3);
                            content.add(rs.getBytes(4));
                        }
                    }
                    return parts > 0 && content.size() == parts ? Optional.of(new Stored(revision, content)) : Optional.<Stored>empty();
                });
    }

    /** Stores one checkpoint's parts; a unique violation means another instance stored the same revision first. */
    void insert(int year, long revision, List<byte[]> parts, Instant now) {
        jdbc.prepareStatement("INSERT INTO figures_checkpoint (report_year, revision, part, parts, created_at, content) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    for (int i = 0; i < parts.size(); i++) {
                        ps.setInt(1, year);
                        ps.setLong(2, revision);
                        ps.setInt(3, i);
                        ps.setInt(4, parts.size());
                        ps.setTimestamp(5, Timestamp.from(now));
                        ps.setBytes(6, parts.get(i));
                        ps.executeUpdate(); // one at a time: a batch would hold every part's bytes in the driver at once
                    }
                    return null;
                });
    }

    /** Whether a checkpoint of the year at exactly {@code revision} is stored (its parts commit together). */
    boolean has(int year, long revision) {
        return jdbc.prepareStatement("SELECT 1 FROM figures_checkpoint WHERE report_year = ? AND revision = ?", ps -> {
            ps.setInt(1, year);
            ps.setLong(2, revision);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Deletes the year's checkpoints older than {@code revision}: only the newest is ever read. */
    void deleteOlder(int year, long revision) {
        jdbc.prepareStatement("DELETE FROM figures_checkpoint WHERE report_year = ? AND revision < ?", ps -> {
            ps.setInt(1, year);
            ps.setLong(2, revision);
            return ps.executeUpdate();
        });
    }
}

package org.opengovinfo.service.submissions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checkpoints of a year's figures (see {@link FiguresCheckpoints}) in portable SQL. Callers hold the transaction. */
@Singleton
class CheckpointRepository {

    /**
     * A stored checkpoint: its revision, the checkpoint whose figures it changes ({@code null}: it holds the whole
     * year), and its parts' bytes in order.
     */
    record Stored(long revision, @Nullable Long base, List<byte[]> parts) {
    }

    private final JdbcOperations jdbc;

    CheckpointRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest complete chain of checkpoints of the year at or before {@code upTo}, oldest first: a checkpoint of
     * the whole year and those holding the changes on top of it, each naming the one before. Read in one statement
     * (a year keeps one chain, the older ones deleted when a whole year is checkpointed), so that a chain being
     * replaced meanwhile is seen whole or not at all; empty if there is none.
     */
    List<Stored> newest(int year, long upTo) {
        Map<Long, Stored> complete = jdbc.prepareStatement("SELECT revision, base_revision, part, parts, content "
                + "FROM figures_checkpoint WHERE report_year = ? AND revision <= ? ORDER BY revision, part", ps -> {
                    ps.setInt(1, year);
                    ps.setLong(2, upTo);
                    Map<Long, Stored> found = new HashMap<>();
                    Map<Long, Integer> expected = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long revision = rs.getLong(1);
                            long base = rs.getLong(2);
                            Long baseRevision = rs.wasNull() ? null : base;
                            Stored s = found.computeIfAbsent(revision, r -> new Stored(r, baseRevision, new ArrayList<>()));
                            if (rs.getInt(3) == s.parts().size()) {
                                s.parts().add(rs.getBytes(5));
                            }
                            expected.put(revision, rs.getInt(4));
                        }
                    }
                    found.values().removeIf(s -> s.parts().size() != expected.get(s.revision()));
                    return found;
                });
        List<Long> newestFirst = new ArrayList<>(complete.keySet());
        newestFirst.sort(Comparator.reverseOrder());
        for (long candidate : newestFirst) {
            List<Stored> chain = new ArrayList<>();
            for (Stored s = complete.get(candidate); s != null;
                    s = s.base() == null || s.base() >= s.revision() ? null : complete.get(s.base())) {
                chain.add(s);
                if (s.base() == null) {
                    Collections.reverse(chain);
                    return chain;
                }
            }
            // a checkpoint of changes whose base is gone (another instance checkpointed the whole year since): older
        }
        return List.of();
    }

    /** Stores one checkpoint's parts; a unique violation means another instance stored the same revision first. */
    void insert(int year, long revision, @Nullable Long base, List<byte[]> parts, Instant now) {
        jdbc.prepareStatement("INSERT INTO figures_checkpoint (report_year, revision, part, parts, created_at, content, "
                + "base_revision) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    for (int i = 0; i < parts.size(); i++) {
                        ps.setInt(1, year);
                        ps.setLong(2, revision);
                        ps.setInt(3, i);
                        ps.setInt(4, parts.size());
                        ps.setTimestamp(5, Timestamp.from(now));
                        ps.setBytes(6, parts.get(i));
                        if (base == null) {
                            ps.setNull(7, Types.BIGINT);
                        } else {
                            ps.setLong(7, base);
                        }
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

    /** Deletes the year's checkpoints older than {@code revision}, a checkpoint of the whole year: never read again. */
    void deleteOlder(int year, long revision) {
        jdbc.prepareStatement("DELETE FROM figures_checkpoint WHERE report_year = ? AND revision < ?", ps -> {
            ps.setInt(1, year);
            ps.setLong(2, revision);
            return ps.executeUpdate();
        });
    }
}

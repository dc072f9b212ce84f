package org.opengovinfo.service.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.system.Json;

/** Every write, recorded in the writer's transaction: who, when, what, on which unit and year. */
@Singleton
public class AuditLog {

    /**
     * One event.
     *
     * @param seq its place in the order events were stored, for polling with {@code since}
     * @param detail what was done, as JSON text
     */
    @Serdeable
    public record Event(String id, long seq, Instant at, String principal, String action, @Nullable String unit,
                        @Nullable Integer year, String detail) {
    }

    private final JdbcOperations jdbc;
    private final CurrentPrincipal principal;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, CurrentPrincipal principal, Clock clock) {
        this.jdbc = jdbc;
        this.principal = principal;
        this.clock = clock;
    }

    /** Records an action by the current principal; call inside the transaction that does it. */
    public void record(String action, @Nullable String unit, @Nullable Integer year, Object detail) {
        recordEach(action, year, List.of(new AbstractMap.SimpleEntry<>(unit, detail)));
    }

    /**
     * Records an action by a principal who is not yet the current one (a sign-in: the request came without
     * credentials); call inside the transaction that does it.
     */
    public void recordBy(String who, String action, @Nullable String unit, @Nullable Integer year, Object detail) {
        insert(who, action, year, List.of(new AbstractMap.SimpleEntry<>(unit, detail)));
    }

    /** Records the same action on several units (unit → detail), in one round trip. */
    public void recordEach(String action, @Nullable Integer year, List<? extends Map.Entry<String, ?>> details) {
        insert(principal.name(), action, year, details);
    }

    private void insert(String who, String action, @Nullable Integer year, List<? extends Map.Entry<String, ?>> details) {
        if (details.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("INSERT INTO audit_event (id, at, principal, action, unit_id, report_year, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    for (Map.Entry<String, ?> d : details) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setTimestamp(2, now);
                        ps.setString(3, who);
                        ps.setString(4, action);
                        ps.setString(5, d.getKey());
                        if (year == null) {
                            ps.setNull(6, Types.INTEGER);
                        } else {
                            ps.setInt(6, year);
                        }
                        ps.setString(7, Json.write(d.getValue()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** Events matching every given criterion, newest first, at most {@code limit}. */
    public List<Event> find(@Nullable String unit, @Nullable Integer year, @Nullable String who, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (unit != null) {
            sql.append(" AND unit_id = ?");
            args.add(unit);
        }
        if (year != null) {
            sql.append(" AND report_year = ?");
            args.add(year);
        }
        if (who != null) {
            sql.append(" AND principal = ?");
            args.add(who);
        }
        sql.append(" ORDER BY at DESC, seq DESC");
        return events(sql.toString(), args, limit);
    }

    /** Events stored after {@code seq}, in the order they were stored, at most {@code limit}. */
    public List<Event> since(long seq, int limit) {
        return events(SELECT + " WHERE seq > ? ORDER BY seq", List.of(seq), limit);
    }

    private static final String SELECT = "SELECT id, seq, at, principal, action, unit_id, report_year, detail FROM audit_event";

    private List<Event> events(String sql, List<Object> args, int limit) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class), rs.getString(8)));
                }
            }
            return events;
        });
    }
}

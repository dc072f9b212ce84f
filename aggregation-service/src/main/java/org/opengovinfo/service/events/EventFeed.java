package org.opengovinfo.service.events;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.opengovinfo.service.audit.AuditLog;

/**
 * What happened in a subtree since a cursor: submissions, season moves, rollups, publications, unit changes.
 *
 * @param next the cursor to ask with next time ({@code ?since=next}). It stays behind events younger than a minute,
 *     so an event whose transaction committed late is never skipped; such events may come again — tell them apart
 *     by {@code id}.
 */
@Serdeable
public record EventFeed(String unit, long since, long next, List<AuditLog.Event> events) {
}

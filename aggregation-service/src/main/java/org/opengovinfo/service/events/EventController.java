package org.opengovinfo.service.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Problem;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.units.UnitService;

/** 动态: what changed in a subtree since a client last looked, for a city office or a script to poll. */
@Tag(name = "events")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class EventController {

    /** Longer than any transaction: an event older than this has committed, or never will. */
    static final Duration SETTLED = Duration.ofMinutes(1);
    private static final int SCAN = 5_000;
    private static final Words LIMIT = new Words("1–1000 之间的整数", "a whole number from 1 to 1000");
    private static final Words CURSOR = new Words("上次返回的 next（非负整数）", "the next of the last answer (a whole number)");

    private final AuditLog audit;
    private final UnitService units;
    private final AccessControl access;
    private final CurrentPrincipal principal;
    private final ReportCalendar calendar;

    EventController(AuditLog audit, UnitService units, AccessControl access, CurrentPrincipal principal,
                    ReportCalendar calendar) {
        this.audit = audit;
        this.units = units;
        this.access = access;
        this.principal = principal;
        this.calendar = calendar;
    }

    @Operation(operationId = "events", summary = "What happened in the unit's subtree since ?since= (a cursor from the "
            + "last answer's next; 0 for everything): submissions, season moves, rollups, publications, unit changes")
    @Get("/units/{id}/events")
    @Access(value = Permission.ROLL_UP, unit = "id", whenNoYear = Access.NoYear.PRESENT_YEAR)
    @Transactional(readOnly = true)
    EventFeed events(@PathVariable String id, @QueryValue @Nullable String since, @QueryValue @Nullable String limit) {
        long from = parse("since", since, 0, Long.MAX_VALUE, CURSOR);
        int most = (int) parse("limit", limit, 200, 1000, LIMIT);
        units.get(id);
        Principal who = principal.get();
        Instant settled = calendar.now().minus(SETTLED);
        int present = calendar.presentYear();
        List<AuditLog.Event> found = new ArrayList<>();
        long next = from;
        boolean advancing = true;
        List<AuditLog.Event> page = audit.since(from, SCAN);
        for (AuditLog.Event e : page) {
            if (found.size() == most) {
                break;
            }
            int year = e.year() == null ? present : e.year();
            if (e.unit() != null && units.isWithin(e.unit(), id, year) && access.isWithin(who, e.unit(), year)) {
                found.add(e);
            }
            advancing &= e.at().isBefore(settled);
            if (advancing) {
                next = e.seq();
            }
        }
        return new EventFeed(id, from, next, found);
    }

    private static long parse(String name, String value, long otherwise, long max, Words expected) {
        if (value == null) {
            return otherwise;
        }
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) > max || name.equals("limit") && Long.parseLong(value) < 1) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem(name, Redaction.clip(value), expected);
        }
        return Long.parseLong(value);
    }
}

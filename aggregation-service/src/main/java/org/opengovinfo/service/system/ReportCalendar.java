package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The reporting calendar as the offices keep it: in China Standard Time ({@code REPORT_ZONE} changes the zone), a
 * year's reports due by the end of {@code REPORT_DEADLINE} (default 31 January) of the following year, and "now"
 * read from the service's one clock.
 */
@Singleton
public class ReportCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final ZoneId zone;
    private final MonthDay deadline;

    ReportCalendar(Clock clock, @Value("${reports.zone:Asia/Shanghai}") String zone,
                   @Value("${reports.deadline:01-31}") String deadline) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.deadline = MonthDay.parse("--" + deadline);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The calendar year it is now where the offices are: the report year being worked on. */
    public int presentYear() {
        return clock.instant().atZone(zone).getYear();
    }

    /** The first instant after the deadline for {@code year}'s reports: the start of the day after it. */
    public Instant due(int year) {
        return LocalDate.of(year + 1, deadline.getMonth(), deadline.getDayOfMonth()).plusDays(1).atStartOfDay(zone)
                .toInstant();
    }

    /** An instant as people there read it: {@code 2022-02-01 00:00 (UTC+8)}. */
    public String local(Instant instant) {
        var at = instant.atZone(zone);
        String offset = at.getOffset().getId().equals("Z") ? "UTC" : "UTC" + at.getOffset().getId()
                .replaceFirst(":00$", "").replaceFirst("^\\+0", "+").replaceFirst("^-0", "-");
        return LOCAL.format(at) + " (" + offset + ")";
    }
}

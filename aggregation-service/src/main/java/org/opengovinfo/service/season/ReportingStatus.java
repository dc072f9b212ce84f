package org.opengovinfo.service.season;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 报送进度: how a unit's subtree stands in a year's season, as a whole and for each unit directly below it (for a city:
 * each county, zone and department), and whom to chase.
 *
 * @param deadline the first instant after the deadline; {@code deadlineLocal} as the offices read it
 * @param total the whole subtree, the unit itself included
 * @param below one line per unit directly below, each counting its own subtree
 * @param chase every unit that has not handed in (none, draft, returned), most overdue first
 */
@Serdeable
public record ReportingStatus(String unit, int year, Instant deadline, String deadlineLocal, Counts total,
                              List<Line> below, List<Chase> chase) {

    /**
     * @param byState units in each state ({@code none}: no figures)
     * @param onTime units that handed in by the deadline; {@code late} after it
     * @param onTimeRate on time over all units, 0–1 with four decimals; {@code null} for an empty subtree
     * @param daysLateMost the most days any unit of it handed in late, or has been overdue without handing in
     */
    @Serdeable
    public record Counts(int units, Map<String, Integer> byState, int onTime, int late,
                         @Nullable BigDecimal onTimeRate, int daysLateMost) {
    }

    /** One unit directly below, and the counts of its subtree. */
    @Serdeable
    public record Line(String unit, String name, String kind, ReportState state, Counts counts) {
    }

    /** A unit to chase: where it sits, where its report stands, how overdue it is (0 before the deadline). */
    @Serdeable
    public record Chase(String unit, String name, String kind, @Nullable String parent, ReportState state,
                        int daysOverdue) {
    }
}

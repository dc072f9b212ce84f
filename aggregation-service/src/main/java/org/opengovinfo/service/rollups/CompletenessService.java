package org.opengovinfo.service.rollups;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * Who below a unit has reported for a year, who is missing (by kind), and who reported late: after the deadline,
 * by default 31 January of the following year in China Standard Time ({@code REPORT_DEADLINE=MM-DD} changes it).
 */
@Singleton
public class CompletenessService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UnitService units;
    private final CurrentFigures figures;
    private final MonthDay deadline;

    CompletenessService(UnitService units, CurrentFigures figures, @Value("${reports.deadline:01-31}") String deadline) {
        this.units = units;
        this.figures = figures;
        this.deadline = MonthDay.parse("--" + deadline);
    }

    @Serdeable
    public record Entry(String unit, String name, String kind, @Nullable String parent, @Nullable Instant firstSubmitted) {
    }

    /**
     * @param reported units (the unit itself included) with figures for the year
     * @param missingByKind how many of the missing are towns, departments, …
     */
    @Serdeable
    public record Completeness(String unit, int year, Instant deadline, int units, int reported,
                               List<Entry> missing, Map<String, Integer> missingByKind, List<Entry> late) {
    }

    @Transactional(readOnly = true)
    public Completeness of(String unitId, int year) {
        return of(units.subtreeHierarchy(unitId, year), figures.of(year));
    }

    /** Completeness of a subtree (rooted at its first unit) that a caller has already loaded with its figures. */
    @Transactional(readOnly = true)
    public Completeness of(Hierarchy subtree, CurrentFigures.OfYear current) {
        String unitId = subtree.unit(subtree.order()[0]);
        int year = current.year();
        Map<String, Unit> all = units.all();
        Instant due = LocalDate.of(year + 1, deadline.getMonth(), deadline.getDayOfMonth())
                .plusDays(1).atStartOfDay(CHINA).toInstant();
        List<Entry> missing = new ArrayList<>();
        List<Entry> late = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (int u : subtree.order()) {
            String id = subtree.unit(u);
            boolean reported = current.units().containsKey(id);
            Instant first = reported ? current.firstSubmitted().get(id) : null;
            if (reported && (first == null || !first.isAfter(due))) {
                continue;
            }
            Unit unit = all.get(id);
            Entry entry = new Entry(id, unit.name(), unit.kind().code(), subtree.parent(u) < 0 ? null : subtree.unit(subtree.parent(u)), first);
            if (!reported) {
                missing.add(entry);
                byKind.merge(unit.kind().code(), 1, Integer::sum);
            } else {
                late.add(entry);
            }
        }
        return new Completeness(unitId, year, due, subtree.size(), subtree.size() - missing.size(), missing, byKind, late);
    }
}

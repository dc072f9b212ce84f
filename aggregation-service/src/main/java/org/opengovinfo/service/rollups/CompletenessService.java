package org.opengovinfo.service.rollups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * Who below a unit has reported for a year, who is missing (by kind), and who reported late: after the deadline,
 * by default 31 January of the following year in China Standard Time (see {@link ReportCalendar}).
 */
@Singleton
public class CompletenessService {

    private final UnitService units;
    private final CurrentFigures figures;
    private final ReportCalendar calendar;

    CompletenessService(UnitService units, CurrentFigures figures, ReportCalendar calendar) {
        this.units = units;
        this.figures = figures;
        this.calendar = calendar;
    }

    @Serdeable
    public record Entry(String unit, String name, String kind, @Nullable String parent, @Nullable Instant firstSubmitted) {
    }

    /**
     * @param deadline the first instant after the deadline (ISO, UTC); {@code deadlineLocal} the same as the offices
     *     read it, e.g. {@code 2022-02-01 00:00 (UTC+8)}
     * @param reported units (the unit itself included) with at least one value for the year
     * @param missingByKind how many of the missing are towns, departments, …
     */
    @Serdeable
    public record Completeness(String unit, int year, Instant deadline, String deadlineLocal, int units, int reported,
                               List<Entry> missing, Map<String, Integer> missingByKind, List<Entry> late) {
    }

    @Transactional(readOnly = true)
    public Completeness of(String unitId, int year) {
        return of(units.subtreeHierarchy(unitId, year), figures.of(year));
    }

    /** Completeness of a subtree (rooted at its first unit) that a caller has already loaded with its figures. */
    @Transactional(readOnly = true)
    public Completeness of(Hierarchy subtree, CurrentFigures.OfYear current) {
        return of(subtree, current, true);
    }

    /**
     * The same without the late ({@code late} empty): what a snapshot records. Long after the deadline every report
     * of a year is late, and listing 186,667 of them took most of a national rollup's time after a change.
     */
    Completeness missing(Hierarchy subtree, CurrentFigures.OfYear current) {
        return of(subtree, current, false);
    }

    private Completeness of(Hierarchy subtree, CurrentFigures.OfYear current, boolean withLate) {
        String unitId = subtree.unit(subtree.inOrder(0));
        int year = current.year();
        Map<String, Unit> all = units.all();
        Instant due = calendar.due(year);
        List<Entry> missing = new ArrayList<>();
        List<Entry> late = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (int k = 0; k < subtree.size(); k++) {
            int u = subtree.inOrder(k);
            String id = subtree.unit(u);
            // an empty or all-blank submission is stored, but it is not a report
            CurrentFigures.Current stored = current.units().get(id);
            boolean reported = stored != null && !stored.blank();
            Instant first = reported && withLate ? current.firstSubmitted().get(id) : null;
            if (reported && (!withLate || first == null || !first.isAfter(due))) {
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
        return new Completeness(unitId, year, due, calendar.local(due), subtree.size(), subtree.size() - missing.size(),
                missing, byKind, late);
    }
}

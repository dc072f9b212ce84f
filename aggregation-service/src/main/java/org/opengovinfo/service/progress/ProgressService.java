package org.opengovinfo.service.progress;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.service.season.Report;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/** Who below a unit reported in each of several years, with warnings, accepted, or not at all. */
@Singleton
public class ProgressService {

    private final UnitService units;
    private final CurrentFigures figures;
    private final SubmissionService submissions;
    private final SeasonService season;

    ProgressService(UnitService units, CurrentFigures figures, SubmissionService submissions, SeasonService season) {
        this.units = units;
        this.figures = figures;
        this.submissions = submissions;
        this.season = season;
    }

    /** The matrix of {@code unit}'s subtree over {@code from}…{@code to}; the caller has checked the years. */
    @Transactional(readOnly = true)
    public Progress of(String unit, int from, int to) {
        Map<String, Unit> all = units.all();
        units.get(unit);
        List<Integer> years = new ArrayList<>();
        Map<Integer, Map<String, Progress.Year>> byYear = new LinkedHashMap<>();
        List<List<String>> orders = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(year);
            Map<String, Progress.Year> cells = new HashMap<>();
            List<String> ids = new ArrayList<>();
            if (all.get(unit).years().contains(year)) {
                Hierarchy tree = units.subtreeHierarchy(unit, year);
                for (int u : tree.order()) {
                    ids.add(tree.unit(u));
                }
                CurrentFigures.OfYear current = figures.of(year);
                CurrentFigures.OfYear previous = year > ReportYears.FIRST ? figures.of(year - 1) : null;
                Map<String, Report> reports = season.reports(year, ids);
                for (String id : ids) {
                    cells.put(id, cell(year, current.units().get(id), previous == null ? null : previous.units().get(id),
                            reports.get(id)));
                }
            }
            byYear.put(year, cells);
            orders.add(ids);
        }
        // the tree as it stands last first; units gone by then after it, latest year first
        Set<String> order = new LinkedHashSet<>();
        for (int k = orders.size() - 1; k >= 0; k--) {
            order.addAll(orders.get(k));
        }
        List<Progress.Row> rows = new ArrayList<>();
        Map<Integer, Map<String, Integer>> totals = new LinkedHashMap<>();
        years.forEach(y -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Progress.STATUSES.forEach(s -> counts.put(s, 0));
            totals.put(y, counts);
        });
        for (String id : order) {
            Unit u = all.get(id);
            List<Progress.Year> cells = new ArrayList<>();
            for (int year : years) {
                Progress.Year cell = byYear.get(year).getOrDefault(id, new Progress.Year(year, "not_in_force", null, 0));
                cells.add(cell);
                totals.get(year).merge(cell.status(), 1, Integer::sum);
            }
            rows.add(new Progress.Row(id, u.name(), u.kind().code(), cells));
        }
        return new Progress(unit, from, to, years, rows, totals);
    }

    private Progress.Year cell(int year, CurrentFigures.Current current, CurrentFigures.Current previous, Report report) {
        String state = report == null ? ReportState.NONE.code() : report.state().code();
        if (current == null || current.blank()) {
            return new Progress.Year(year, "missing", state, 0);
        }
        int warnings = (int) submissions.findings(current.own(), previous == null || previous.blank() ? null : previous.own())
                .stream().filter(f -> f.severity() == Severity.WARNING).count();
        String status = report != null && report.state() == ReportState.ACCEPTED ? "accepted"
                : warnings > 0 ? "with_warnings" : "reported";
        return new Progress.Year(year, status, state, warnings);
    }
}

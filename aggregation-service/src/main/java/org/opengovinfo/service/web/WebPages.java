package org.opengovinfo.service.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.layout.PrintedTable;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.service.access.AccessControl;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.forms.FormsService;
import org.opengovinfo.service.forms.Source;
import org.opengovinfo.service.publications.PublicationService;
import org.opengovinfo.service.publications.PublicationView;
import org.opengovinfo.service.rollups.RollupService;
import org.opengovinfo.service.rollups.RollupViews;
import org.opengovinfo.service.season.ReportDetail;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.ReportingStatus;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.indicators.IndicatorView;
import org.opengovinfo.service.indicators.IndicatorsService;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;
import org.opengovinfo.service.web.Views.Box;
import org.opengovinfo.service.web.Views.Grid;

/**
 * The pages' models, put together from the features' own services (never from HTTP calls to the service itself).
 * What a page shows beyond the permission its route checks is shown only if the principal's role grants what the
 * API asks for it — the unit and year were checked by the route exactly as the API checks them.
 */
@Singleton
class WebPages {

    private final CurrentPrincipal current;
    private final AccessControl access;
    private final UnitService units;
    private final SeasonService season;
    private final SubmissionService submissions;
    private final FormsService forms;
    private final RollupService rollups;
    private final PublicationService publications;
    private final ReportCalendar calendar;
    private final IndicatorsService indicators;

    WebPages(CurrentPrincipal current, AccessControl access, UnitService units, SeasonService season,
             SubmissionService submissions, FormsService forms, RollupService rollups,
             PublicationService publications, ReportCalendar calendar, IndicatorsService indicators) {
        this.indicators = indicators;
        this.current = current;
        this.access = access;
        this.units = units;
        this.season = season;
        this.submissions = submissions;
        this.forms = forms;
        this.rollups = rollups;
        this.publications = publications;
        this.calendar = calendar;
    }

    /** Where a signed-in principal starts: its unit's dashboard (a global one: the first unit at the top) in the last year. */
    String home() {
        Principal p = current.get();
        int year = calendar.presentYear() - 1;
        String unit = p.scope();
        if (unit == null) {
            unit = units.all().values().stream().filter(u -> u.years().contains(year) && u.parentIn(year) == null)
                    .map(Unit::id).sorted().findFirst().orElse(null);
        }
        if (unit == null) {
            throw ErrorCode.UNIT_NOT_FOUND.problem("—");
        }
        return base(unit, year);
    }

    static String base(String unit, int year) {
        return "/web/units/" + unit + "/" + year;
    }

    Views.Frame frame(String title) {
        Principal p = current.get();
        return new Views.Frame(title, Words.shown(p.name()), Words.role(p.role()),
                p.scope() == null ? "全部单位" : Words.shown(p.scope()), current.csrf().orElse(""), "/web/home");
    }

    private boolean may(Permission permission) {
        return current.get().role().grants(permission);
    }

    private Views.UnitHead head(Unit u, int year) {
        return new Views.UnitHead(u.id(), Words.shown(u.name()), Words.kind(u.kind().code()), year, base(u.id(), year));
    }

    private Unit unitInForce(String id, int year) {
        Unit u = units.get(id);
        if (!u.years().contains(year)) {
            throw ErrorCode.UNIT_NOT_IN_FORCE.problem(id, u.years(), year);
        }
        return u;
    }

    // --- the dashboard

    Views.Dashboard dashboard(String id, int year) {
        Unit u = unitInForce(id, year);
        String parent = u.parentIn(year);
        String up = parent != null && access.isWithin(current.get(), parent, year) ? base(parent, year) : null;
        Views.ReportLine own = may(Permission.READ_FIGURES) ? report(season.detail(id, year)) : null;
        List<Views.ChildLine> children = new ArrayList<>();
        List<Views.KindLine> byKind = new ArrayList<>();
        List<Views.ChaseLine> chase = new ArrayList<>();
        String deadline = "";
        boolean status = may(Permission.ROLL_UP);
        if (status) {
            ReportingStatus s = season.status(id, year);
            deadline = s.deadlineLocal();
            Map<String, int[]> kinds = new LinkedHashMap<>();
            for (ReportingStatus.Line line : s.below()) {
                ReportingStatus.Counts c = line.counts();
                boolean reviewable = may(Permission.REVIEW) && line.state() == ReportState.SUBMITTED;
                children.add(new Views.ChildLine(line.unit(), Words.shown(line.name()), Words.kind(line.kind()),
                        line.state().words().zh(), line.state().code(), c.units(), count(c, "accepted"), c.onTime(),
                        c.late(), rate(c.onTimeRate()), base(line.unit(), year),
                        reviewable ? base(line.unit(), year) + "/review" : null));
                int[] k = kinds.computeIfAbsent(Words.kind(line.kind()), x -> new int[8]);
                k[0] += c.units();
                k[1] += count(c, "none");
                k[2] += count(c, "draft");
                k[3] += count(c, "submitted");
                k[4] += count(c, "returned");
                k[5] += count(c, "accepted");
                k[6] += c.onTime();
                k[7] += c.late();
            }
            kinds.forEach((kind, k) -> byKind.add(new Views.KindLine(kind, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7])));
            for (ReportingStatus.Chase c : s.chase()) {
                chase.add(new Views.ChaseLine(c.unit(), Words.shown(c.name()), Words.kind(c.kind()),
                        c.parent() == null ? "" : Words.shown(c.parent()), c.state().words().zh(), c.daysOverdue()));
            }
        } else {
            for (Unit child : units.children(id, year)) {
                children.add(new Views.ChildLine(child.id(), Words.shown(child.name()), Words.kind(child.kind().code()),
                        "", "", 1, 0, 0, 0, "", base(child.id(), year), null));
            }
        }
        Views.SnapshotLine latest = null;
        List<Views.PublicationLine> published = List.of();
        boolean consolidating = !units.children(id, year).isEmpty();
        if (may(Permission.READ_CONSOLIDATED) && consolidating) {
            latest = rollups.summaries(id, year).stream().findFirst().map(this::snapshot).orElse(null);
            published = publications(id, year);
        }
        return new Views.Dashboard(frame(Words.shown(u.name()) + " " + year + " 年度报告"), head(u, year), up, own, status,
                deadline, children, byKind, chase, latest, published, may(Permission.WRITE_FIGURES),
                consolidating && may(Permission.READ_CONSOLIDATED), consolidating && may(Permission.READ_CONSOLIDATED));
    }

    private static int count(ReportingStatus.Counts c, String state) {
        return c.byState().getOrDefault(state, 0);
    }

    private static String rate(@Nullable BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    }

    private Views.ReportLine report(ReportDetail d) {
        var r = d.report();
        return new Views.ReportLine(d.state().words().zh(), d.state().code(), r == null ? null : r.version(),
                r == null || r.note() == null ? "" : Words.shown(r.note()),
                r == null ? "" : calendar.local(r.changedAt()) + " " + Words.shown(r.changedBy()));
    }

    private Views.SnapshotLine snapshot(RollupViews.Summary s) {
        return new Views.SnapshotLine(s.id(), calendar.local(s.computedAt()), Words.shown(s.triggeredBy()),
                "accepted".equals(s.basis()) ? "仅已通过" : "全部已填报", base(s.unit(), s.year()) + "/consolidated?snapshot=" + s.id());
    }

    private List<Views.PublicationLine> publications(String id, int year) {
        return publications.list(id, year).stream().map((PublicationView p) -> new Views.PublicationLine(p.sequence(),
                calendar.local(p.publishedAt()), Words.shown(p.publishedBy()), p.snapshot(), p.standing())).toList();
    }

    // --- data entry

    Views.Entry entry(String id, int year) {
        Unit u = unitInForce(id, year);
        FormsService.Report empty = forms.report(id, year, Source.EMPTY, null);
        SubmissionService.Versioned current = ownVersioned(id, year);
        Figures figures = current == null ? null : current.figures();
        ReportDetail detail = season.detail(id, year);
        boolean locked = detail.report() != null && detail.report().locked();
        List<Grid> tables = grids(empty.layout(), slot -> {
            // what the clerk typed is edited; a total the service computed is shown beside, not put in the box
            boolean computed = figures != null && figures.isDerived(slot.cell());
            String raw = figures == null || computed ? ""
                    : figures.isNotApplicable(slot.cell()) ? Figures.NOT_APPLICABLE
                    : figures.value(slot.cell()).map(BigDecimal::toPlainString).orElse("");
            String derived = computed ? Words.number(figures.value(slot.cell()).orElse(null)) : "";
            return new Cell(raw, derived, raw.isEmpty() ? "value blank" : "value", slot.labels());
        });
        return new Views.Entry(frame("填报 " + Words.shown(u.name()) + " " + year + " 年"), head(u, year),
                empty.template().name(), report(detail), locked, current == null ? "" : current.etag(), tables);
    }

    @Nullable
    private Figures ownFigures(String id, int year) {
        SubmissionService.Versioned v = ownVersioned(id, year);
        return v == null ? null : v.figures();
    }

    @Nullable
    private SubmissionService.Versioned ownVersioned(String id, int year) {
        try {
            return submissions.currentVersioned(id, year);
        } catch (ProblemException none) {
            if (none.error() == ErrorCode.SUBMISSION_NONE) {
                return null;
            }
            throw none;
        }
    }

    /** What a value box holds: the raw text, what it shows, its CSS classes and its note. */
    private record Cell(String raw, String shown, String css, String note) {
    }

    private static List<Grid> grids(PrintedLayout layout, Function<Slot, Cell> values) {
        List<Grid> tables = new ArrayList<>();
        for (PrintedTable table : layout.tables()) {
            List<List<Box>> rows = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) {
                List<Box> row = new ArrayList<>();
                for (Slot slot : table.startingOn(r)) {
                    if (slot.isValue()) {
                        Cell c = values.apply(slot);
                        row.add(new Box(true, "", slot.rowSpan(), slot.columnSpan(), c.css(), slot.cell(), slot.labels(),
                                c.raw(), c.shown(), c.note(), slot.row(), slot.column()));
                    } else {
                        String css = switch (slot.kind()) {
                            case BLOCK_TITLE -> "block-title";
                            case CORNER -> "corner";
                            case HEADER -> "header";
                            case UNIT -> "unit";
                            default -> "row-label" + (slot.indent() > 1 ? " indent-" + Math.min(slot.indent(), 4) : "");
                        };
                        row.add(new Box(false, slot.text(), slot.rowSpan(), slot.columnSpan(), css, null, "", "", "",
                                "", slot.row(), slot.column()));
                    }
                }
                rows.add(row);
            }
            tables.add(new Grid(table.name(), table.title(), rows));
        }
        return tables;
    }

    // --- review

    Views.Review review(String id, int year) {
        Unit u = unitInForce(id, year);
        String parent = u.parentIn(year);
        FormsService.Report empty = forms.report(id, year, Source.EMPTY, null);
        Figures figures = ownFigures(id, year);
        Figures last = year > 2008 && u.years().contains(year - 1) ? ownFigures(id, year - 1) : null;
        if (last != null && !last.template().id().equals(empty.template().id())) {
            last = null;
        }
        Figures previous = last;
        List<Grid> tables = grids(empty.layout(), slot -> {
            BigDecimal now = figures == null ? null : figures.value(slot.cell()).orElse(null);
            BigDecimal before = previous == null ? null : previous.value(slot.cell()).orElse(null);
            String css = now == null ? "value blank" : "value";
            if (previous != null && !Objects.equals(now, before)) {
                css += " changed";
            }
            String note = slot.labels() + (previous == null ? "" : "；上年 " + (before == null ? "空白" : Words.number(before)));
            return new Cell("", Words.number(now), css, note);
        });
        List<Views.ChangeLine> changes = new ArrayList<>();
        if (figures != null && previous != null) {
            for (PrintedTable table : empty.layout().tables()) {
                for (Slot slot : table.values()) {
                    BigDecimal now = figures.value(slot.cell()).orElse(null);
                    BigDecimal before = previous.value(slot.cell()).orElse(null);
                    if (!Objects.equals(now, before)) {
                        changes.add(new Views.ChangeLine(slot.cell(), table.title() + " · " + slot.labels(),
                                before == null ? "空白" : Words.number(before), now == null ? "空白" : Words.number(now),
                                now == null || before == null ? "" : Words.signed(now.subtract(before))));
                    }
                }
            }
        }
        List<Views.FindingLine> findings = figures == null ? List.of()
                : findings(FindingView.stored(submissions.findings(figures, previous)));
        ReportDetail detail = season.detail(id, year);
        List<Views.HistoryLine> history = detail.history().stream().map(s -> new Views.HistoryLine(calendar.local(s.at()),
                Words.shown(s.principal()), action(s.action()), Words.shown(s.detail()))).toList();
        boolean decide = detail.state() == ReportState.SUBMITTED;
        boolean reopen = detail.state() == ReportState.ACCEPTED;
        return new Views.Review(frame("审核 " + Words.shown(u.name()) + " " + year + " 年"), head(u, year),
                parent == null ? null : base(parent, year), report(detail), decide, reopen, tables, findings, changes, history);
    }

    private static String action(String action) {
        return switch (action) {
            case "report.submitted" -> "报送";
            case "report.accepted" -> "审核通过";
            case "report.returned" -> "退回";
            case "report.reopened" -> "解锁";
            case "figures.accepted" -> "保存数据";
            default -> action;
        };
    }

    /** Findings as listed: errors before warnings, each cause with the consequences its value brings about below it. */
    static List<Views.FindingLine> findings(List<FindingView> views) {
        return views.stream().sorted(Comparator.comparing((FindingView f) -> !"error".equals(f.severity())))
                .map(WebPages::finding).toList();
    }

    private static Views.FindingLine finding(FindingView f) {
        String cells = f.cause() != null ? f.cause() : String.join("、", f.cells());
        return new Views.FindingLine("error".equals(f.severity()) ? "错误" : "提醒", f.severity(), f.rule(), cells,
                Words.shown(f.messageZh() != null ? f.messageZh() : f.message()),
                f.consequences().stream().map(WebPages::finding).toList());
    }

    // --- the consolidated report

    Views.Consolidated consolidated(String id, int year, @Nullable String snapshot) {
        Unit u = unitInForce(id, year);
        FormsService.Report empty = forms.report(id, year, Source.EMPTY, null);
        RollupService.Entry entry = null;
        try {
            entry = snapshot == null ? rollups.latestEntry(id, year) : rollups.entry(snapshot, id, year);
        } catch (ProblemException none) {
            if (none.error() != ErrorCode.ROLLUP_NONE) {
                throw none;
            }
        }
        List<RollupViews.Summary> summaries = rollups.summaries(id, year);
        Map<String, DeclaredAndComputed> reconcile = new LinkedHashMap<>();
        if (entry != null && entry.declaredAndComputed() != null) {
            for (DeclaredAndComputed d : entry.declaredAndComputed()) {
                reconcile.put(d.cell(), d);
            }
        }
        Map<String, BigDecimal> values = entry == null ? Map.of() : entry.consolidated();
        List<Grid> tables = grids(empty.layout(), slot -> {
            BigDecimal v = values.get(slot.cell());
            DeclaredAndComputed d = reconcile.get(slot.cell());
            boolean differs = d != null && d.difference() != null && d.difference().signum() != 0;
            String css = (v == null ? "value blank" : "value") + (differs ? " differs" : "");
            String note = slot.labels() + (d == null ? "" : "；填报 " + Words.number(d.declared()) + "，汇总 "
                    + Words.number(d.computed()));
            return new Cell("", Words.number(v), css, note);
        });
        List<Views.ReconcileLine> lines = reconcile.values().stream()
                .filter(d -> d.difference() != null && d.difference().signum() != 0)
                .map(d -> new Views.ReconcileLine(d.cell(), Words.shown(d.label()), Words.number(d.declared()),
                        Words.number(d.computed()), Words.signed(d.difference()))).toList();
        String shownSnapshot = entry == null ? null : entry.snapshot();
        Views.SnapshotLine line = shownSnapshot == null ? null : summaries.stream()
                .filter(s -> s.id().equals(shownSnapshot)).findFirst().map(this::snapshot).orElse(null);
        String download = entry == null ? null
                : "/api/v1/units/" + id + "/report/" + year + "?source=consolidated&snapshot=" + entry.snapshot();
        List<Views.FindingLine> findings = entry == null ? List.of() : findings(entry.findings());
        return new Views.Consolidated(frame(Words.shown(u.name()) + " " + year + " 年汇总报告"), head(u, year), line,
                entry == null ? 0 : entry.unitsInSubtree(), entry == null ? 0 : entry.unitsReported(), tables, lines,
                findings, summaries.stream().map(this::snapshot).toList(), publications(id, year), download,
                may(Permission.ROLL_UP), may(Permission.READ_FIGURES) && summaries.size() > 1);
    }

    // --- the difference of two snapshots

    Views.Diff diff(String id, int year, @Nullable String from, @Nullable String to) {
        Unit u = unitInForce(id, year);
        List<RollupViews.Summary> summaries = rollups.summaries(id, year);
        if (from == null || to == null) {
            if (summaries.size() < 2) {
                throw ErrorCode.ROLLUP_NONE.problem(id, year);
            }
            to = to == null ? summaries.get(0).id() : to;
            from = from == null ? summaries.get(1).id() : from;
        }
        String a = from;
        String b = to;
        // both must be snapshots of this unit and year, which the route checked: another's is not comparable here
        if (summaries.stream().noneMatch(s -> s.id().equals(a)) || summaries.stream().noneMatch(s -> s.id().equals(b))) {
            throw ErrorCode.ROLLUP_NOT_COMPARABLE.problem();
        }
        RollupViews.Diff diff = rollups.diff(a, b);
        List<Views.MovedLine> cells = diff.cells().stream().map(c -> new Views.MovedLine(c.unit(), c.cell(),
                Words.shown(c.label()), c.before() == null ? "空白" : Words.number(c.before()),
                c.after() == null ? "空白" : Words.number(c.after()), Words.signed(c.delta()),
                String.join("、", c.because()))).toList();
        List<String> changed = diff.changedUnits().stream().map(c -> c.unit() + "：版本 "
                + (c.versionBefore() == null ? "无" : c.versionBefore()) + " → "
                + (c.versionAfter() == null ? "无" : c.versionAfter())).toList();
        return new Views.Diff(frame(Words.shown(u.name()) + " " + year + " 年汇总变化"), head(u, year), a, b,
                summaries.stream().map(this::snapshot).toList(), cells, changed);
    }

    // --- charts

    /**
     * One year's headline figures of the consolidated report ({@code null}: no snapshot, or not filled in). They are
     * the parts of the indicators every format defines (the indicator files beside the templates), so the legacy
     * years chart as well as the 2019 and 2021 ones: requests received, results disclosed (予以公开 and 部分公开),
     * withheld, unavailable, and the rest of the results total; reconsiderations and lawsuits.
     */
    record HeadlineYear(int year, @Nullable BigDecimal received, @Nullable BigDecimal disclosed,
                        @Nullable BigDecimal withheld, @Nullable BigDecimal unavailable, @Nullable BigDecimal otherResults,
                        @Nullable BigDecimal reconsiderations, @Nullable BigDecimal lawsuits) {
    }

    /** One unit below's reporting completeness. */
    record CompletenessBar(String unit, int units, int reported, int accepted, int missing) {
    }

    Views.Charts charts(String id, int year) {
        Unit u = unitInForce(id, year);
        List<HeadlineYear> headline = new ArrayList<>();
        for (int y = Math.max(u.years().from(), year - 5); y <= year; y++) {
            headline.add(headline(id, y));
        }
        List<CompletenessBar> bars = new ArrayList<>();
        if (may(Permission.ROLL_UP)) {
            for (ReportingStatus.Line line : season.status(id, year).below()) {
                ReportingStatus.Counts c = line.counts();
                bars.add(new CompletenessBar(Words.shown(line.name()), c.units(), c.units() - count(c, "none"),
                        count(c, "accepted"), count(c, "none")));
            }
        }
        return new Views.Charts(frame(Words.shown(u.name()) + " 图表"), head(u, year), Json.write(headline),
                Json.write(bars));
    }

    private HeadlineYear headline(String id, int year) {
        Map<String, IndicatorView> by = new java.util.HashMap<>();
        try {
            indicators.indicators(id, year, org.opengovinfo.service.indicators.Source.CONSOLIDATED).indicators().forEach(i -> by.put(i.indicator(), i));
        } catch (ProblemException none) {
            return new HeadlineYear(year, null, null, null, null, null, null, null);
        }
        BigDecimal results = part(by, "substantive_disclosure_rate", IndicatorView::denominator);
        BigDecimal disclosed = part(by, "substantive_disclosure_rate", IndicatorView::numerator);
        BigDecimal withheld = part(by, "non_disclosure_rate", IndicatorView::numerator);
        BigDecimal unavailable = part(by, "unavailable_rate", IndicatorView::numerator);
        BigDecimal counted = add(add(disclosed, withheld), unavailable);
        BigDecimal other = results == null ? null : counted == null ? results : results.subtract(counted);
        return new HeadlineYear(year, part(by, "new_requests", IndicatorView::value), disclosed, withheld, unavailable,
                other, part(by, "reconsideration_correction_rate", IndicatorView::denominator),
                part(by, "litigation_correction_rate", IndicatorView::denominator));
    }

    @Nullable
    private static BigDecimal part(Map<String, IndicatorView> by, String indicator,
                                   Function<IndicatorView, BigDecimal> which) {
        IndicatorView view = by.get(indicator);
        return view == null ? null : which.apply(view);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

}

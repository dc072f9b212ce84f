package org.opengovinfo.service.season;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.access.Principal;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.system.CleanText;
import org.opengovinfo.service.system.Conflicts;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.system.YearRevisions;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * The reporting season: every unit's report for a year moves draft → submitted → accepted (locked), or returned with
 * a comment and submitted again; the level above reviews; a publication locks a whole subtree. Every move is a
 * compare-and-set on the report's row in the writer's transaction, so of an acceptance, a publication and a figures
 * write at the same moment exactly one wins — on one instance or several — and every move is audited.
 */
@Singleton
public class SeasonService {

    private static final Words SUBMIT = new Words("报送", "submitted");
    private static final Words ACCEPT = new Words("审核通过", "accepted");
    private static final Words RETURN = new Words("退回", "returned");
    private static final Words REOPEN = new Words("重新打开", "reopened");
    private static final Words COMMENT = new Words("退回原因", "a comment saying why it is returned");
    private static final Words REASON = new Words("重新打开的原因", "a reason for reopening");

    private final StateRepository states;
    private final UnitService units;
    private final AuditLog audit;
    private final CurrentPrincipal principal;
    private final ReportCalendar calendar;
    private final YearRevisions revisions;
    // a provider: the figures side records every write through this service first
    private final Provider<FiguresOnRecord> figures;

    SeasonService(StateRepository states, UnitService units, AuditLog audit, CurrentPrincipal principal,
                  ReportCalendar calendar, YearRevisions revisions, Provider<FiguresOnRecord> figures) {
        this.revisions = revisions;
        this.figures = figures;
        this.states = states;
        this.units = units;
        this.audit = audit;
        this.principal = principal;
        this.calendar = calendar;
    }

    /** A figures write to record: the unit and the version it stores. */
    public record Write(String unit, int version) {
    }

    /**
     * Records new figures versions as drafts, in the writer's transaction and before anything else it writes: a
     * report under review goes back to draft, an accepted or published one refuses the write.
     *
     * @return the units refused, with their problem ({@code figures.locked}); the caller stores the others
     * @throws ProblemException {@code submission.concurrent_write} when another writer created a unit's report at the
     *     same moment; the caller's transaction must roll back
     */
    public Map<String, ProblemException> recordWrites(int year, List<Write> writes) {
        List<Write> ordered = writes.stream().sorted(Comparator.comparing(Write::unit)).toList();
        Instant at = calendar.now();
        String who = principal.name();
        // one unit: its row is moved straight away, the common case of a report already in draft; a batch: its rows
        // are read first and only the existing ones moved, since each row moved is a statement of its own and a
        // bulk ingest's units have no row yet (a national ingest spent a quarter of its database time on updates
        // that found nothing)
        Map<String, StoredState> before = ordered.size() == 1 ? null
                : states.of(year, ordered.stream().map(Write::unit).toList());
        List<Write> toMove = before == null ? ordered
                : ordered.stream().filter(w -> before.containsKey(w.unit()) && !before.get(w.unit()).locked()).toList();
        boolean[] moved;
        try {
            moved = toMove.isEmpty() ? new boolean[0] : states.moveToDraft(year, toMove.stream()
                    .map(w -> new StateRepository.Draft(w.unit(), w.version())).toList(), at, who);
        } catch (DataAccessException e) {
            if (Conflicts.isConflict(e)) {
                throw ErrorCode.SUBMISSION_CONCURRENT_WRITE.problem(ordered.size() == 1 ? ordered.get(0).unit()
                        : new Words("其中某个单位", "one of these units"), year);
            }
            throw e;
        }
        Set<String> done = new HashSet<>();
        for (int i = 0; i < moved.length; i++) {
            if (moved[i]) {
                done.add(toMove.get(i).unit());
            }
        }
        if (done.size() == ordered.size()) {
            return Map.of();
        }
        // the rows not moved: absent or locked; those a batch found movable have changed since it read them, and are
        // read again, so that a report locked meanwhile refuses its write rather than failing the batch
        List<String> again = new ArrayList<>();
        for (Write w : before == null ? ordered : toMove) {
            if (!done.contains(w.unit())) {
                again.add(w.unit());
            }
        }
        Map<String, StoredState> existing = new HashMap<>(before == null ? Map.of() : before);
        existing.putAll(again.isEmpty() ? Map.of() : states.of(year, again));
        Map<String, ProblemException> refused = new LinkedHashMap<>();
        List<StoredState> created = new ArrayList<>();
        for (Write w : ordered) {
            if (done.contains(w.unit())) {
                continue;
            }
            StoredState s = existing.get(w.unit());
            if (s == null) {
                created.add(new StoredState(w.unit(), year, ReportState.DRAFT, w.version(), null, at, who, null, null));
            } else if (s.locked()) {
                refused.put(w.unit(), lockedProblem(s));
            } else {
                // the row appeared after the update looked for it: another writer created it at the same moment
                throw ErrorCode.SUBMISSION_CONCURRENT_WRITE.problem(w.unit(), year);
            }
        }
        try {
            states.insert(created);
        } catch (DataAccessException e) {
            if (Conflicts.isConflict(e)) {
                throw ErrorCode.SUBMISSION_CONCURRENT_WRITE.problem(created.size() == 1 ? created.get(0).unit()
                        : new Words("其中某个单位", "one of these units"), year);
            }
            throw e;
        }
        return refused;
    }

    /** The reports of the given units for a year, by unit; units that never reported are absent. */
    @Transactional(readOnly = true)
    public Map<String, Report> reports(int year, Collection<String> units) {
        Map<String, Report> reports = new LinkedHashMap<>();
        states.of(year, units).forEach((unit, s) -> reports.put(unit, Report.of(s)));
        return reports;
    }

    /** Every report of a year as a rollup reads it: state and version, by unit; units that never reported are absent. */
    @Transactional(readOnly = true)
    public Map<String, Standing> standings(int year) {
        return states.standings(year, null);
    }

    /** The same for the given units. */
    @Transactional(readOnly = true)
    public Map<String, Standing> standings(int year, Collection<String> units) {
        return units.isEmpty() ? Map.of() : states.standings(year, units);
    }

    /**
     * The units whose report moved by review (handed in, accepted, returned, reopened) at a revision of the year after
     * {@code revision}. A figures write moves a report back to draft without being listed here: its new version says
     * so. Publications lock reports without moving them.
     */
    @Transactional(readOnly = true)
    public Set<String> movedSince(int year, long revision) {
        return states.movedSince(year, revision);
    }

    /** A unit's report with its history: every figures version and every move, oldest first. */
    @Transactional(readOnly = true)
    public ReportDetail detail(String unit, int year) {
        units.get(unit);
        StoredState s = states.of(year, List.of(unit)).get(unit);
        List<ReportDetail.Step> history = new ArrayList<>();
        List<AuditLog.Event> events = new ArrayList<>(audit.find(unit, year, null, 1000));
        events.sort(Comparator.comparing(AuditLog.Event::at));
        for (AuditLog.Event e : events) {
            if (e.action().startsWith("report.") || e.action().equals("figures.accepted")) {
                history.add(new ReportDetail.Step(e.at(), e.principal(), e.action(), e.detail()));
            }
        }
        Report report = s == null ? null : Report.of(s);
        return new ReportDetail(unit, year, s == null ? ReportState.NONE : s.state(), report, history);
    }

    /**
     * Hands a report in (报送). A consolidating unit hands in only when every unit below it is accepted, or names
     * those that are not in {@code missing} (recorded with the hand-in).
     */
    @Transactional
    public Report submit(String unit, int year, Integer seenVersion, List<String> missing) {
        return submit(unit, year, seenVersion, missing, calendar.now());
    }

    /**
     * Hands a report in as of {@code at} rather than now: for loading a season that has already happened (the demo
     * city), so that the reporting status tells who was on time.
     */
    @Transactional
    public Report submitAsOf(String unit, int year, Instant at) {
        return submit(unit, year, null, List.of(), at);
    }

    private Report submit(String unit, int year, Integer seenVersion, List<String> missing, Instant at) {
        StoredState s = current(unit, year);
        if (s == null) {
            throw ErrorCode.REPORT_NO_FIGURES.problem(unit, year);
        }
        requireSeen(s, seenVersion);
        if (!EnumSet.of(ReportState.DRAFT, ReportState.RETURNED).contains(s.state()) || s.publication() != null) {
            throw s.locked() ? lockedProblem(s) : wrongState(s, SUBMIT);
        }
        if (figures.get().blank(unit, year, s.version())) {
            throw ErrorCode.REPORT_BLANK.problem(unit, year);
        }
        List<String> declaredMissing = missing == null ? List.of() : missing;
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        List<String> below = new ArrayList<>();
        for (int u : tree.order()) {
            if (tree.parent(u) >= 0) {
                below.add(tree.unit(u));
            }
        }
        Map<String, StoredState> belowStates = states.of(year, below);
        Set<String> open = new LinkedHashSet<>();
        for (String b : below) {
            StoredState bs = belowStates.get(b);
            if (bs == null || bs.state() != ReportState.ACCEPTED) {
                open.add(b);
            }
        }
        for (String m : declaredMissing) {
            if (!open.contains(m)) {
                throw ErrorCode.REPORT_MISSING_INVALID.problem(year, unit, Redaction.text(m, 64));
            }
        }
        open.removeAll(declaredMissing);
        if (!open.isEmpty()) {
            List<Report> notAccepted = open.stream().map(b -> belowStates.containsKey(b) ? Report.of(belowStates.get(b))
                    : new Report(b, year, ReportState.NONE, 0, null, calendar.now(), "", null, null)).toList();
            throw ErrorCode.REPORT_SUBTREE_OPEN.problemWith(notAccepted, unit, open.size());
        }
        String note = declaredMissing.isEmpty() ? null : "missing: " + String.join(", ", declaredMissing);
        move(s, EnumSet.of(ReportState.DRAFT, ReportState.RETURNED), ReportState.SUBMITTED, note, true, at);
        audit.record("report.submitted", unit, year, declaredMissing.isEmpty()
                ? Map.of("version", s.version()) : Map.of("version", s.version(), "missing", declaredMissing));
        return Report.of(states.of(year, List.of(unit)).get(unit));
    }

    /** Accepts a handed-in report (审核通过): from now on its figures are locked. */
    @Transactional
    public Report accept(String unit, int year, Integer seenVersion) {
        StoredState s = reviewable(unit, year, seenVersion);
        if (s.state() != ReportState.SUBMITTED) {
            throw s.locked() ? lockedProblem(s) : wrongState(s, ACCEPT);
        }
        move(s, EnumSet.of(ReportState.SUBMITTED), ReportState.ACCEPTED, null, false, calendar.now());
        audit.record("report.accepted", unit, year, Map.of("version", s.version()));
        return Report.of(states.of(year, List.of(unit)).get(unit));
    }

    /** Returns a handed-in report to its unit (退回) with a comment saying what to fix. */
    @Transactional
    public Report giveBack(String unit, int year, Integer seenVersion, String comment) {
        String text = required(comment, COMMENT);
        StoredState s = reviewable(unit, year, seenVersion);
        if (s.state() != ReportState.SUBMITTED) {
            throw s.locked() ? lockedProblem(s) : wrongState(s, RETURN);
        }
        move(s, EnumSet.of(ReportState.SUBMITTED), ReportState.RETURNED, text, false, calendar.now());
        audit.record("report.returned", unit, year, Map.of("version", s.version(), "comment", text));
        return Report.of(states.of(year, List.of(unit)).get(unit));
    }

    /** Reopens an accepted report (解锁) with a reason: it goes back to its unit as returned. */
    @Transactional
    public Report reopen(String unit, int year, String reason) {
        String text = required(reason, REASON);
        StoredState s = reviewable(unit, year, null);
        if (s.publication() != null) {
            throw lockedProblem(s);
        }
        if (s.state() != ReportState.ACCEPTED) {
            throw wrongState(s, REOPEN);
        }
        move(s, EnumSet.of(ReportState.ACCEPTED), ReportState.RETURNED, text, false, calendar.now());
        audit.record("report.reopened", unit, year, Map.of("version", s.version(), "reason", text));
        return Report.of(states.of(year, List.of(unit)).get(unit));
    }

    /**
     * Locks every report of a subtree under a publication, each as it stood when read; reports that never existed get
     * a row in state {@code none}, so that a late first write is refused too.
     *
     * @throws ProblemException {@code report.concurrent_change} when one moved meanwhile
     */
    public void lockForPublication(int year, Collection<String> subtree, Map<String, Report> asRead, String publication) {
        List<StoredState> existing = new ArrayList<>();
        List<StoredState> created = new ArrayList<>();
        Instant at = calendar.now();
        for (String unit : subtree.stream().sorted().toList()) {
            Report r = asRead.get(unit);
            if (r == null) {
                created.add(new StoredState(unit, year, ReportState.NONE, 0, null, at, principal.name(), null, publication));
            } else {
                existing.add(new StoredState(unit, year, r.state(), r.version(), r.firstSubmittedAt(), r.changedAt(),
                        r.changedBy(), r.note(), null));
            }
        }
        try {
            if (states.lock(year, existing, publication) != existing.size()) {
                throw ErrorCode.REPORT_CONCURRENT.problem(new Words("其中某个单位", "one of the units"), year);
            }
            states.insert(created);
        } catch (DataAccessException e) {
            if (Conflicts.isConflict(e)) {
                throw ErrorCode.REPORT_CONCURRENT.problem(new Words("其中某个单位", "one of the units"), year);
            }
            throw e;
        }
    }

    /** Lifts a publication's lock (its reopening). */
    public void unlockPublication(String publication) {
        states.unlock(publication);
    }

    private StoredState current(String unit, int year) {
        units.get(unit);
        return states.of(year, List.of(unit)).get(unit);
    }

    /** The report, for a reviewer: the level above only — a token for a subtree never reviews its own top unit. */
    private StoredState reviewable(String unit, int year, Integer seenVersion) {
        Principal who = principal.get();
        if (unit.equals(who.scope())) {
            throw ErrorCode.FORBIDDEN_NOT_ABOVE.problem(who.name(), unit);
        }
        StoredState s = current(unit, year);
        if (s == null) {
            throw ErrorCode.REPORT_WRONG_STATE.problem(unit, year, ReportState.NONE.words(), new Words("审核", "reviewed"));
        }
        requireSeen(s, seenVersion);
        return s;
    }

    private void move(StoredState s, Set<ReportState> from, ReportState to, String note, boolean handedIn, Instant at) {
        boolean moved;
        try {
            moved = states.transition(s.unit(), s.year(), from, s.version(), to, at, principal.name(), note, handedIn);
        } catch (DataAccessException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            moved = false;
        }
        if (!moved) {
            StoredState now = states.of(s.year(), List.of(s.unit())).get(s.unit());
            if (now != null && now.locked()) {
                throw lockedProblem(now);
            }
            throw ErrorCode.REPORT_CONCURRENT.problem(s.unit(), s.year());
        }
        // after the row, as a figures write does (row, then revision), and stamped with the revision it bumped: an
        // instance that keeps the year's report states in memory re-reads the reports moved since the revision it knows
        revisions.bumpYear(s.year());
        states.stamp(s.unit(), s.year());
    }

    private static void requireSeen(StoredState s, Integer seenVersion) {
        if (seenVersion != null && seenVersion != s.version()) {
            throw ErrorCode.REPORT_CHANGED.problem(s.unit(), s.year(), s.version(), seenVersion);
        }
    }

    private static String required(String text, Words what) {
        if (text == null || text.isBlank() || text.length() > 2000
                || !CleanText.isCleanProse(text)) {
            throw ErrorCode.REPORT_COMMENT_REQUIRED.problem(what);
        }
        return text.strip();
    }

    private ProblemException wrongState(StoredState s, Words what) {
        return ErrorCode.REPORT_WRONG_STATE.problem(s.unit(), s.year(), s.state().words(), what);
    }

    /** Why a locked report refuses: who accepted it when, or which publication holds it. */
    ProblemException lockedProblem(StoredState s) {
        if (s.publication() != null) {
            var p = states.publication(s.publication()).orElse(null);
            return ErrorCode.FIGURES_LOCKED_PUBLISHED.problem(s.unit(), s.year(), p == null ? "?" : p.unit(),
                    p == null ? "?" : calendar.local(p.at()));
        }
        return ErrorCode.FIGURES_LOCKED_ACCEPTED.problem(s.unit(), s.year(), s.changedBy(), calendar.local(s.changedAt()));
    }

    /** 报送进度 of a unit's subtree for a year: counts by state, on time and late, per unit below, and whom to chase. */
    @Transactional(readOnly = true)
    public ReportingStatus status(String unit, int year) {
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        Map<String, Unit> all = units.all();
        List<String> ids = new ArrayList<>(tree.size());
        for (int u : tree.order()) {
            ids.add(tree.unit(u));
        }
        Map<String, StoredState> known = states.of(year, ids);
        Instant due = calendar.due(year);
        Instant now = calendar.now();
        int n = tree.size();
        Tally[] tallies = new Tally[n];
        int[] order = tree.order();
        for (int k = n - 1; k >= 0; k--) {
            int u = order[k];
            Tally t = tallies[u] == null ? new Tally() : tallies[u];
            tallies[u] = t;
            t.add(known.get(tree.unit(u)), due, now);
            int p = tree.parent(u);
            if (p >= 0) {
                tallies[p] = tallies[p] == null ? new Tally() : tallies[p];
                tallies[p].merge(t);
            }
        }
        int root = tree.indexOf(unit);
        List<ReportingStatus.Line> below = new ArrayList<>();
        for (int c : tree.children(root)) {
            Unit child = all.get(tree.unit(c));
            StoredState cs = known.get(child.id());
            below.add(new ReportingStatus.Line(child.id(), child.name(), child.kind().code(),
                    cs == null ? ReportState.NONE : cs.state(), tallies[c].counts()));
        }
        List<ReportingStatus.Chase> chase = new ArrayList<>();
        for (int u : order) {
            StoredState st = known.get(tree.unit(u));
            ReportState state = st == null ? ReportState.NONE : st.state();
            if (state == ReportState.NONE || state == ReportState.DRAFT || state == ReportState.RETURNED) {
                Unit x = all.get(tree.unit(u));
                int p = tree.parent(u);
                chase.add(new ReportingStatus.Chase(x.id(), x.name(), x.kind().code(), p < 0 ? null : tree.unit(p),
                        state, Tally.daysLate(due, now)));
            }
        }
        chase.sort(Comparator.comparingInt(ReportingStatus.Chase::daysOverdue).reversed()
                .thenComparing(ReportingStatus.Chase::unit));
        return new ReportingStatus(unit, year, due, calendar.local(due), tallies[root].counts(), below, chase);
    }

    /** Counts for one subtree, merged up the tree. */
    private static final class Tally {
        private int units;
        private final int[] byState = new int[ReportState.values().length];
        private int onTime;
        private int late;
        private int daysLateMost;

        void add(StoredState s, Instant due, Instant now) {
            units++;
            ReportState state = s == null ? ReportState.NONE : s.state();
            byState[state.ordinal()]++;
            Instant handedIn = s == null ? null : s.firstSubmittedAt();
            if (handedIn != null && !handedIn.isAfter(due)) {
                onTime++;
            } else if (handedIn != null) {
                late++;
                daysLateMost = Math.max(daysLateMost, daysLate(due, handedIn));
            } else {
                daysLateMost = Math.max(daysLateMost, daysLate(due, now));
            }
        }

        void merge(Tally t) {
            units += t.units;
            for (int i = 0; i < byState.length; i++) {
                byState[i] += t.byState[i];
            }
            onTime += t.onTime;
            late += t.late;
            daysLateMost = Math.max(daysLateMost, t.daysLateMost);
        }

        /** Whole days after the deadline, counting a started day as one; 0 before it. */
        static int daysLate(Instant due, Instant at) {
            if (!at.isAfter(due)) {
                return 0;
            }
            long seconds = Duration.between(due, at).getSeconds();
            return (int) Math.min(Integer.MAX_VALUE, (seconds + 86_399) / 86_400);
        }

        ReportingStatus.Counts counts() {
            Map<String, Integer> states = new LinkedHashMap<>();
            for (ReportState s : ReportState.values()) {
                states.put(s.code(), byState[s.ordinal()]);
            }
            BigDecimal rate = units == 0 ? null : BigDecimal.valueOf(onTime)
                    .divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP);
            return new ReportingStatus.Counts(units, states, onTime, late, rate, daysLateMost);
        }
    }
}

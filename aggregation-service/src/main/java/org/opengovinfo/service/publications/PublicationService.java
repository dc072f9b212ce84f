package org.opengovinfo.service.publications;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.publications.PublicationRepository.StoredPublication;
import org.opengovinfo.service.rollups.Basis;
import org.opengovinfo.service.rollups.RollupService;
import org.opengovinfo.service.rollups.RollupViews;
import org.opengovinfo.service.season.Report;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.system.CleanText;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportCalendar;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.units.UnitService;

/**
 * 发布: a unit publishes a year once every report below it is accepted (or named missing): a snapshot over accepted
 * figures is made and every report of the subtree for that year locks, in one transaction. An administrator may
 * reopen a publication with a reason (更正); publishing again adds the next publication, and the first stays.
 */
@Singleton
public class PublicationService {

    private final PublicationRepository publications;
    private final SeasonService season;
    private final RollupService rollups;
    private final UnitService units;
    private final AuditLog audit;
    private final CurrentPrincipal principal;
    private final ReportCalendar calendar;

    PublicationService(PublicationRepository publications, SeasonService season, RollupService rollups,
                       UnitService units, AuditLog audit, CurrentPrincipal principal, ReportCalendar calendar) {
        this.publications = publications;
        this.season = season;
        this.rollups = rollups;
        this.units = units;
        this.audit = audit;
        this.principal = principal;
        this.calendar = calendar;
    }

    @Transactional
    public PublicationView publish(String unit, int year, List<String> missing) {
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        if (tree.size() == 1) {
            throw ErrorCode.ROLLUP_NOTHING_BELOW.problem(year, unit);
        }
        List<StoredPublication> earlier = publications.of(unit, year);
        for (StoredPublication p : earlier) {
            if (p.standing()) {
                throw ErrorCode.PUBLICATION_STANDING.problem(unit, year, calendar.local(p.publishedAt()));
            }
        }
        if (!publications.standing(ancestors(unit, year), year).isEmpty()) {
            throw ErrorCode.PUBLICATION_LOCKED_ABOVE.problem(unit, year);
        }
        List<String> ids = new ArrayList<>();
        for (int u : tree.order()) {
            ids.add(tree.unit(u));
        }
        Map<String, Report> reports = season.reports(year, ids);
        Set<String> open = new LinkedHashSet<>();
        for (String id : ids.subList(1, ids.size())) {
            Report r = reports.get(id);
            if (r == null || r.state() != ReportState.ACCEPTED) {
                open.add(id);
            }
        }
        List<String> named = missing == null ? List.of() : missing;
        for (String m : named) {
            if (!open.contains(m)) {
                throw ErrorCode.REPORT_MISSING_INVALID.problem(year, unit, Redaction.text(m, 64));
            }
        }
        open.removeAll(named);
        if (!open.isEmpty()) {
            List<Report> notAccepted = open.stream().map(id -> reports.containsKey(id) ? reports.get(id)
                    : new Report(id, year, ReportState.NONE, 0, null, calendar.now(), "", null, null)).toList();
            throw ErrorCode.REPORT_SUBTREE_OPEN.problemWith(notAccepted, unit, open.size());
        }
        String id = UUID.randomUUID().toString();
        // the reports lock first, each as read: a write, acceptance or reopening since then makes this publish fail
        season.lockForPublication(year, ids, reports, id);
        RollupService.Created snapshot = rollups.rollup(unit, year, Basis.ACCEPTED);
        StoredPublication p = new StoredPublication(id, unit, year, earlier.size() + 1, snapshot.id(),
                calendar.now().truncatedTo(ChronoUnit.MICROS), principal.name(),
                named.isEmpty() ? null : Json.write(named), null, null, null);
        publications.insert(p);
        audit.record("publication.published", unit, year, Map.of("publication", id, "sequence", p.sequence(),
                "snapshot", p.snapshot(), "missing", named));
        return PublicationView.of(p);
    }

    /** Reopens the standing publication (更正): the subtree's reports unlock; accepted ones stay accepted. */
    @Transactional
    public PublicationView reopen(String unit, int year, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000 || !CleanText.isCleanProse(reason)) {
            throw ErrorCode.REPORT_COMMENT_REQUIRED.problem(new Words("重新打开的原因", "a reason for reopening"));
        }
        units.get(unit);
        StoredPublication standing = publications.of(unit, year).stream().filter(StoredPublication::standing)
                .findFirst().orElseThrow(() -> ErrorCode.PUBLICATION_NOT_STANDING.problem(unit, year));
        Instant at = calendar.now().truncatedTo(ChronoUnit.MICROS);
        if (!publications.reopen(standing.id(), at, principal.name(), reason.strip())) {
            throw ErrorCode.PUBLICATION_NOT_STANDING.problem(unit, year);
        }
        season.unlockPublication(standing.id());
        audit.record("publication.reopened", unit, year, Map.of("publication", standing.id(), "sequence",
                standing.sequence(), "reason", reason.strip()));
        return PublicationView.of(publications.find(unit, year, standing.sequence()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<PublicationView> list(String unit, int year) {
        units.get(unit);
        return publications.of(unit, year).stream().map(PublicationView::of).toList();
    }

    /**
     * What changed between two publications of a unit's year: the cells that moved and the units behind them, the
     * reason the first was reopened, and every return and reopening in between.
     */
    @Transactional(readOnly = true)
    public PublicationDiff diff(String unit, int year, int from, int to) {
        StoredPublication a = publications.find(unit, year, from)
                .orElseThrow(() -> ErrorCode.PUBLICATION_NOT_FOUND.problem(unit, year, from));
        StoredPublication b = publications.find(unit, year, to)
                .orElseThrow(() -> ErrorCode.PUBLICATION_NOT_FOUND.problem(unit, year, to));
        RollupViews.Diff cells = rollups.diff(a.snapshot(), b.snapshot());
        List<PublicationDiff.Reason> reasons = new ArrayList<>();
        Instant after = a.publishedAt();
        Instant before = b.publishedAt();
        Set<String> subtree = new LinkedHashSet<>();
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        for (int u : tree.order()) {
            subtree.add(tree.unit(u));
        }
        for (AuditLog.Event e : audit.find(null, year, null, 1000)) {
            boolean between = e.at().isAfter(after) && e.at().isBefore(before);
            boolean why = e.action().equals("publication.reopened") || e.action().equals("report.reopened")
                    || e.action().equals("report.returned");
            if (between && why && subtree.contains(e.unit())) {
                reasons.add(new PublicationDiff.Reason(e.at(), e.principal(), e.action(), e.unit(), e.detail()));
            }
        }
        reasons.sort(Comparator.comparing(PublicationDiff.Reason::at));
        return new PublicationDiff(unit, year, PublicationView.of(a), PublicationView.of(b), reasons, cells);
    }

    /** The units above {@code unit} in {@code year}, nearest first. */
    private List<String> ancestors(String unit, int year) {
        Hierarchy h = units.hierarchy(year);
        List<String> above = new ArrayList<>();
        for (int p = h.parent(h.indexOf(unit)); p >= 0; p = h.parent(p)) {
            above.add(h.unit(p));
        }
        return above;
    }
}

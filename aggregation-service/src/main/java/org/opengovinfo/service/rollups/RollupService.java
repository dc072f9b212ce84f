package org.opengovinfo.service.rollups;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.opengovinfo.model.consolidation.ConsolidatedUnit;
import org.opengovinfo.model.consolidation.Consolidation;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.rollups.RollupRepository.StoredEntry;
import org.opengovinfo.service.season.Report;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.rollups.RollupRepository.StoredSnapshot;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Sha256;
import org.opengovinfo.service.units.UnitService;

/**
 * Rollups: consolidate a unit's subtree for a year from the current figures, and keep the result as an immutable
 * snapshot recording exactly which submission versions it used.
 */
@Singleton
public class RollupService {

    static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {};

    private final Templates templates;
    private final UnitService units;
    private final CurrentFigures figures;
    private final SubmissionService submissions;
    private final CompletenessService completeness;
    private final RollupRepository snapshots;
    private final CurrentPrincipal principal;
    private final AuditLog audit;
    private final Clock clock;
    private final SeasonService season;
    private final Map<Hierarchy, Map.Entry<String, String>> trees = new WeakHashMap<>();
    private final Timer duration;
    private final Counter unitsConsolidated;

    RollupService(Templates templates, UnitService units, CurrentFigures figures, SubmissionService submissions,
                  CompletenessService completeness, RollupRepository snapshots, CurrentPrincipal principal, AuditLog audit,
                  Clock clock, SeasonService season, MeterRegistry registry) {
        // ogi_rollup_duration_seconds (a histogram, so quantiles aggregate across instances) and
        // ogi_rollup_units_consolidated_total; timed on the monotonic clock, not the injected one, which tells dates
        this.duration = Timer.builder("ogi.rollup.duration").description("Time a rollup takes, snapshot stored")
                .publishPercentileHistogram().register(registry);
        this.unitsConsolidated = Counter.builder("ogi.rollup.units.consolidated")
                .description("Consolidating units' totals computed by rollups").register(registry);
        this.clock = clock;
        this.season = season;
        this.submissions = submissions;
        this.templates = templates;
        this.units = units;
        this.figures = figures;
        this.completeness = completeness;
        this.snapshots = snapshots;
        this.principal = principal;
        this.audit = audit;
    }

    /** A new snapshot, with what its creator is told about it. */
    public record Created(StoredSnapshot snapshot, Map<String, Object> completeness, int consolidatedUnits) {

        /** The new snapshot's id. */
        public String id() {
            return snapshot.id();
        }
    }

    /** Consolidates a subtree over the given figures (by unit id), storing nothing. */
    public static Consolidation consolidate(Template template, Hierarchy tree, CurrentFigures.OfYear figures) {
        int n = tree.size();
        Figures[] own = new Figures[n];
        Figures[] declared = new Figures[n];
        for (int u : tree.order()) {
            CurrentFigures.Current c = figures.units().get(tree.unit(u));
            // a blank submission is stored but is not a report: it neither adds nor counts as reported
            if (c != null && !c.blank() && c.own().template() == template) {
                own[u] = c.own();
                declared[u] = c.declared();
            }
        }
        return Consolidator.consolidate(template, tree, own, declared);
    }

    /** Consolidates the subtree of {@code unit} as it stood in {@code year} and stores the snapshot. */
    @Transactional
    public Created rollup(String unit, int year) {
        return rollup(unit, year, Basis.ALL);
    }

    /**
     * Consolidates the subtree of {@code unit} as it stood in {@code year} over the figures {@code basis} says and
     * stores the snapshot, which records the basis and the state of every report that was not accepted.
     */
    @Transactional
    public Created rollup(String unit, int year, Basis basis) {
        Timer.Sample started = Timer.start();
        Created created = consolidate(unit, year, basis);
        started.stop(duration);
        unitsConsolidated.increment(created.consolidatedUnits());
        return created;
    }

    private Created consolidate(String unit, int year, Basis basis) {
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.ROLLUP_NO_TEMPLATE.problem(year));
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        if (tree.size() == 1) {
            throw ErrorCode.ROLLUP_NOTHING_BELOW.problem(year, unit);
        }
        CurrentFigures.OfYear all = figures.of(year);
        int n = tree.size();
        List<String> ids = new ArrayList<>(n);
        for (int u : tree.order()) {
            ids.add(tree.unit(u));
        }
        Map<String, Report> reports = season.reports(year, ids);
        Map<String, String> notAccepted = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        Map<String, Integer> acceptedVersions = new LinkedHashMap<>();
        Map<String, CurrentFigures.Current> used = new HashMap<>();
        for (String id : ids) {
            Report r = reports.get(id);
            CurrentFigures.Current c = all.units().get(id);
            if (r == null || r.state() != ReportState.ACCEPTED) {
                notAccepted.put(id, r == null ? ReportState.NONE.code() : r.state().code());
            }
            if (c == null) {
                continue;
            }
            boolean include = basis == Basis.ALL || id.equals(unit) || r != null && r.state() == ReportState.ACCEPTED;
            if (!include) {
                excluded.add(id);
            } else if (basis == Basis.ACCEPTED && r != null && r.state() == ReportState.ACCEPTED
                    && r.version() != c.version()) {
                // accepted after the figures were read: take exactly the accepted version
                c = figures.version(id, year, r.version());
                acceptedVersions.put(id, r.version());
                used.put(id, c);
            } else {
                used.put(id, c);
            }
        }
        CurrentFigures.OfYear current = new CurrentFigures.OfYear(year, all.revision(), used, all.firstSubmitted());
        Consolidation consolidation = consolidate(template, tree, current);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it, so pulls say the same
        Map<String, String> entries = new LinkedHashMap<>();
        for (ConsolidatedUnit c : consolidation.units()) {
            int u = tree.indexOf(c.unit());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unit", c.unit());
            entry.put("parent", tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)));
            entry.put("unitsInSubtree", c.unitsInSubtree());
            entry.put("unitsReported", c.unitsReported());
            entry.put("values", inCellOrder(template, c.totals().toMap()));
            entry.put("findings", FindingView.stored(c.findings()));
            if (c.declared() != null) {
                // the table the unit compiled itself: its own findings, and beside each cell the sum of the units
                entry.put("declaredFindings", FindingView.stored(c.declaredFindings().stream()
                        .map(SubmissionService::onDeclared).toList()));
                entry.put("declaredAndComputed", c.declaredAndComputed());
            }
            entries.put(c.unit(), Json.write(entry));
        }
        CompletenessService.Completeness gaps = completeness.of(tree, current);
        Map<String, Object> completeness = Map.of("units", gaps.units(), "reported", gaps.reported(),
                "missing", gaps.missing().stream().map(e -> e.unit()).toList(), "missingByKind", gaps.missingByKind());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put("unit", unit);
        document.put("year", year);
        document.put("template", template.id());
        document.put("hierarchyYear", year);
        document.put("computedAt", now.toString());
        document.put("triggeredBy", principal.name());
        document.put("completeness", completeness);
        document.put("figuresRevision", current.revision());
        document.put("treeId", storeTree(tree));
        document.put("basis", basis.code());
        // every report not listed here was accepted; states are kept for the units that were not
        document.put("notAccepted", notAccepted);
        if (!excluded.isEmpty()) {
            document.put("excluded", excluded);
        }
        if (!acceptedVersions.isEmpty()) {
            document.put("versionsOverride", acceptedVersions);
        }
        StoredSnapshot stored = new StoredSnapshot(id, unit, year, template.id(), now, principal.name(), basis.code(),
                Json.write(document));
        snapshots.insert(stored, entries);
        audit.record("rollup.created", unit, year, Map.of("snapshot", id, "consolidatedUnits", entries.size()));
        return new Created(stored, completeness, entries.size());
    }

    @Transactional(readOnly = true)
    public StoredSnapshot snapshot(String id) {
        return snapshots.find(id).orElseThrow(() -> ErrorCode.ROLLUP_NOT_FOUND.problem(Redaction.clip(id)));
    }

    /**
     * A snapshot a caller reads (a pull, the whole snapshot, a diff), recorded as read: a snapshot once read may be
     * cited, so retention keeps it (see {@link SnapshotRetention}). Reads inside the service use {@link #snapshot}.
     */
    @Transactional
    public StoredSnapshot read(String id) {
        StoredSnapshot found = snapshot(id);
        markRead(id);
        return found;
    }

    /** Records that a caller read the snapshot, once its access has been checked. */
    @Transactional
    public void markRead(String id) {
        snapshots.markRead(id, clock.instant());
    }

    /** The part of {@code unit} in the newest snapshot that consolidated it for {@code year}; that snapshot is read. */
    @Transactional
    public Map<String, Object> latestEntry(String unit, int year) {
        units.get(unit);
        StoredEntry e = snapshots.latestEntry(unit, year).orElseThrow(() -> ErrorCode.ROLLUP_NONE.problem(unit, year));
        snapshots.markRead(e.snapshot().id(), clock.instant());
        return withSnapshot(e);
    }

    /**
     * The part of {@code unit} in a given snapshot, which must consolidate {@code year}: a URL that names a year
     * serves that year's figures only, whatever snapshot it is handed.
     */
    @Transactional
    public Map<String, Object> entry(String snapshot, String unit, int year) {
        StoredSnapshot header = read(snapshot);
        if (header.year() != year) {
            throw ErrorCode.ROLLUP_SNAPSHOT_OTHER_YEAR.problem(Redaction.clip(snapshot), header.year(), year);
        }
        StoredEntry e = snapshots.entry(snapshot, unit).orElseThrow(() ->
                ErrorCode.ROLLUP_UNIT_NOT_IN_SNAPSHOT.problem(Redaction.clip(snapshot), unit));
        return withSnapshot(e);
    }

    /**
     * The whole snapshot document: provenance (the tree and the submission versions used), completeness, and every
     * consolidating unit's part under "units" with its own and declared figures, read from the versions used
     * (parts store only what the rollup computed).
     */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public Map<String, Object> document(StoredSnapshot snapshot) {
        String id = snapshot.id();
        Map<String, Object> document = Json.read(snapshot.content(), DOCUMENT);
        if (!document.containsKey("units")) {
            List<Object> parts = new ArrayList<>();
            String template = (String) document.get("template");
            snapshots.entries(id).values().forEach(json -> parts.add(expanded(Json.read(json, DOCUMENT), template)));
            document.put("units", parts);
        }
        if (!document.containsKey("tree")) {
            String treeId = (String) document.get("treeId");
            document.put("tree", Json.read(snapshots.tree(treeId).orElseThrow(() -> new IllegalStateException(
                    "snapshot " + id + " names tree " + treeId + ", which is not stored")), DOCUMENT));
        }
        if (!document.containsKey("versions")) {
            Map<String, Integer> all = figures.versionsAt(((Number) document.get("year")).intValue(),
                    ((Number) document.get("figuresRevision")).longValue());
            Map<String, Integer> used = new LinkedHashMap<>();
            List<Object> excluded = (List<Object>) document.getOrDefault("excluded", List.of());
            Map<String, Object> overrides = (Map<String, Object>) document.getOrDefault("versionsOverride", Map.of());
            for (String unit : ((Map<String, Object>) document.get("tree")).keySet()) {
                Integer version = overrides.containsKey(unit) ? Integer.valueOf(((Number) overrides.get(unit)).intValue())
                        : all.get(unit);
                if (version != null && !excluded.contains(unit)) {
                    used.put(unit, version);
                }
            }
            document.put("versions", used);
        }
        Map<String, Integer> versions = (Map<String, Integer>) document.get("versions");
        int year = ((Number) document.get("year")).intValue();
        for (Object part : (List<Object>) document.get("units")) {
            Map<String, Object> entry = (Map<String, Object>) part;
            if (!entry.containsKey("own")) {
                Number version = versions.get((String) entry.get("unit"));
                List<Map<String, Object>> cells = version == null ? null
                        : submissions.cellsAt((String) entry.get("unit"), year, version.intValue());
                entry.put("own", cells == null ? null : cells.get(0));
                entry.put("declared", cells == null || cells.get(1).isEmpty() ? null : cells.get(1));
            }
        }
        return document;
    }

    /**
     * Which consolidated cells moved between two snapshots of the same unit and year, by how much, and because of
     * which units' changed figures.
     *
     * @throws ProblemException {@code rollup.not_comparable} for snapshots of different units or years
     */
    @Transactional(readOnly = true)
    public Map<String, Object> diff(String from, String to) {
        return diff(snapshot(from), snapshot(to));
    }

    @Transactional(readOnly = true)
    Map<String, Object> diff(StoredSnapshot from, StoredSnapshot to) {
        if (!from.unit().equals(to.unit()) || from.year() != to.year()) {
            throw ErrorCode.ROLLUP_NOT_COMPARABLE.problem();
        }
        Map<String, Object> a = document(from);
        Map<String, Object> b = document(to);
        int year = to.year();
        Template template = templates.byId(to.template()).orElseThrow(() -> new IllegalStateException(
                "snapshot " + to.id() + " names template " + to.template() + ", which is unknown"));
        return SnapshotDiff.diff(a, b, e -> submissions.cellsAt(e.getKey(), year, e.getValue()), template::label);
    }

    /** Consolidated figures as stored: values in the template's cell order, blank as null — a fifth of a map by code. */
    private static List<Object> inCellOrder(Template template, Map<String, Object> cells) {
        List<Object> values = new ArrayList<>(template.cellCount());
        for (Cell cell : template.cells()) {
            values.add(cells.get(cell.code()));
        }
        return values;
    }

    /** A stored part with its values as consolidated figures by cell code again. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> expanded(Map<String, Object> entry, String templateId) {
        List<Object> values = (List<Object>) entry.remove("values");
        if (values != null) {
            Template template = templates.byId(templateId).orElseThrow(() -> new IllegalStateException(
                    "a snapshot names template " + templateId + ", which is unknown"));
            Map<String, Object> cells = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    cells.put(template.cell(i).code(), values.get(i));
                }
            }
            entry.put("consolidated", cells);
        }
        return entry;
    }

    /**
     * Stores the tree (unit → parent) once per distinct tree; its JSON and id are remembered for as long as the
     * hierarchy object is in use, so that repeated rollups of one tree do not write it out again.
     */
    private String storeTree(Hierarchy tree) {
        Map.Entry<String, String> idAndJson;
        synchronized (trees) {
            idAndJson = trees.computeIfAbsent(tree, RollupService::treeJson);
        }
        try {
            snapshots.insertTree(idAndJson.getKey(), idAndJson.getValue());
        } catch (DataAccessException e) {
            if (!snapshots.hasTree(idAndJson.getKey())) {
                throw e;
            }
        }
        return idAndJson.getKey();
    }

    private static Map.Entry<String, String> treeJson(Hierarchy tree) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (int u : tree.order()) {
            parents.put(tree.unit(u), tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)));
        }
        String json = Json.write(parents);
        return Map.entry(Sha256.hex(json), json);
    }

    /** A unit's part with the snapshot's header fields beside it: snapshot, year, template, computedAt, hierarchyYear. */
    private Map<String, Object> withSnapshot(StoredEntry e) {
        Map<String, Object> entry = e.content() != null ? expanded(Json.read(e.content(), DOCUMENT), e.snapshot().template())
                : legacyEntry(e);
        entry.put("snapshot", e.snapshot().id());
        entry.put("year", e.snapshot().year());
        entry.put("template", e.snapshot().template());
        entry.put("computedAt", e.snapshot().createdAt().toString());
        entry.put("hierarchyYear", e.snapshot().year());
        return entry;
    }

    /** Snapshots stored before parts had rows of their own keep them in the document. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> legacyEntry(StoredEntry e) {
        for (Object o : (List<Object>) document(snapshot(e.snapshot().id())).get("units")) {
            Map<String, Object> entry = (Map<String, Object>) o;
            if (e.unit().equals(entry.get("unit"))) {
                return entry;
            }
        }
        throw new IllegalStateException("snapshot " + e.snapshot().id() + " lists " + e.unit() + " without its part");
    }

    @Transactional(readOnly = true)
    public List<StoredSnapshot> list(String unit, int year) {
        units.get(unit);
        return snapshots.listFor(unit, year);
    }
}

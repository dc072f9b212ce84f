package org.opengovinfo.service.rollups;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.opengovinfo.model.consolidation.ConsolidatedUnit;
import org.opengovinfo.model.consolidation.Consolidation;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.rollups.RollupRepository.StoredEntry;
import org.opengovinfo.service.season.ReportState;
import org.opengovinfo.service.season.Standing;
import org.opengovinfo.service.rollups.RollupRepository.StoredSnapshot;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
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

    private static final int KNOWN_PARTS = 20_000;
    /** Rollups remembered (see {@link Computed}): a national tree's is ~20 MB, a county's a few hundred KB. */
    private static final int REMEMBERED = 16;

    private final Templates templates;
    private final UnitService units;
    private final CurrentFigures figures;
    private final SubmissionService submissions;
    private final CompletenessService completeness;
    private final RollupRepository snapshots;
    private final CurrentPrincipal principal;
    private final AuditLog audit;
    private final Clock clock;
    private final RollupInputs inputs;
    private final Map<Hierarchy, Map.Entry<String, String>> trees = new WeakHashMap<>();
    /** Ids of parts known to be stored, the most recently used first out of mind: a national tree's 3,101 twice over. */
    private final Set<String> storedParts = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KNOWN_PARTS;
                }
            }));
    /** The last rollups' results by what they rolled up, the least recently used forgotten first. */
    private final Map<Key, Computed> computed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Computed> eldest) {
            if (size() > REMEMBERED) {
                rowsOwners.remove(eldest.getKey()); // holds the result too: forgotten with it
                return true;
            }
            return false;
        }
    });
    /** By rollup remembered in {@link #computed}, the snapshot that wrote its units' rows, and from which result. */
    private final Map<Key, RowsOwner> rowsOwners = new ConcurrentHashMap<>();
    /** Ids of trees known to be stored (in a transaction of their own, so committed). */
    private final Set<String> storedTrees = ConcurrentHashMap.newKeySet();
    private final Timer duration;
    private final Counter unitsConsolidated;
    private final Map<String, Timer> phases;

    RollupService(Templates templates, UnitService units, CurrentFigures figures, SubmissionService submissions,
                  CompletenessService completeness, RollupRepository snapshots, CurrentPrincipal principal, AuditLog audit,
                  Clock clock, RollupInputs inputs, MeterRegistry registry) {
        // ogi_rollup_duration_seconds (a histogram, so quantiles aggregate across instances) and
        // ogi_rollup_units_consolidated_total; timed on the monotonic clock, not the injected one, which tells dates
        this.duration = Timer.builder("ogi.rollup.duration").description("Time a rollup takes, snapshot stored")
                .publishPercentileHistogram().register(registry);
        // where a rollup's time goes, before the commit: reading the tree, figures and report states; consolidating
        // and completeness; the parts as JSON; hashing and storing the parts, the tree, the header and the unit rows
        Map<String, Timer> byPhase = new HashMap<>();
        for (String phase : List.of("read", "consolidate", "encode", "store")) {
            byPhase.put(phase, Timer.builder("ogi.rollup.phase").tag("phase", phase)
                    .description("Time a rollup spends in each phase, before the commit").register(registry));
        }
        this.phases = Map.copyOf(byPhase);
        this.unitsConsolidated = Counter.builder("ogi.rollup.units.consolidated")
                .description("Consolidating units' totals computed by rollups").register(registry);
        this.clock = clock;
        this.inputs = inputs;
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
    public record Created(StoredSnapshot snapshot, RollupViews.Completeness completeness, int consolidatedUnits) {

        /** The new snapshot's id. */
        public String id() {
            return snapshot.id();
        }
    }

    /**
     * A unit's part of a snapshot with the snapshot's header beside it: what a pull of consolidated figures reads.
     *
     * @param consolidated the consolidated values by cell code, in the template's order; blank cells absent
     * @param notApplicable the cells not applicable in every unit added (不适用): absent from {@code consolidated}
     *     too, but not blank
     * @param findings stored findings ({@code message} in Chinese; see {@link FindingView#relocalized})
     * @param declaredFindings findings on the table the unit compiled itself, {@code null} if it declared none
     * @param declaredAndComputed its declared values beside the sums, {@code null} if it declared none
     */
    public record Entry(String snapshot, int year, String template, Instant computedAt, int hierarchyYear, String unit,
                        @Nullable String parent, int unitsInSubtree, int unitsReported,
                        Map<String, BigDecimal> consolidated, List<String> notApplicable, List<FindingView> findings,
                        @Nullable List<FindingView> declaredFindings,
                        @Nullable List<DeclaredAndComputed> declaredAndComputed) {
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
        long started = System.nanoTime();
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.ROLLUP_NO_TEMPLATE.problem(year));
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        if (tree.size() == 1) {
            throw ErrorCode.ROLLUP_NOTHING_BELOW.problem(year, unit);
        }
        RollupInputs.OfYear read = inputs.of(year);
        long[] phase = {System.nanoTime(), 0, 0};
        Key key = new Key(unit, year, basis);
        Computed before = computed.get(key);
        Computed now;
        if (before != null && before.tree() == tree && before.template() == template && before.inputs() == read) {
            // nothing this rollup reads has changed since the last one: what it computed stands
            now = before;
            phase[1] = phase[2] = System.nanoTime();
        } else {
            now = compute(unit, year, basis, template, tree, read, before != null && before.tree() == tree ? before : null,
                    phase);
            rowsOwners.remove(key);
            computed.put(key, now);
        }
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it, so pulls say the same
        Map<String, String> partIds = storeParts(now);
        // with nothing changed, the units' rows are those of the snapshot last stored from the same result
        RowsOwner owner = rowsOwners.get(key);
        // every report not listed in notAccepted was accepted; states are kept for the units that were not
        SnapshotCodec.Header header = new SnapshotCodec.Header(id, unit, year, template.id(), year, at, principal.name(),
                now.completeness(), now.figuresRevision(), storeTree(tree), basis.code(), null, now.excluded(),
                now.acceptedVersions(), null, null, null, now.notAccepted());
        StoredSnapshot stored = new StoredSnapshot(id, unit, year, template.id(), at, principal.name(), basis.code(),
                SnapshotCodec.write(header));
        if (snapshots.insert(stored, partIds, owner != null && owner.computed() == now ? owner.snapshot() : null)
                && computed.get(key) == now) {
            rowsOwners.put(key, new RowsOwner(now, id));
        }
        audit.record("rollup.created", unit, year, Map.of("snapshot", id, "consolidatedUnits", partIds.size()));
        long written = System.nanoTime();
        phases.get("read").record(phase[0] - started, TimeUnit.NANOSECONDS);
        phases.get("consolidate").record(phase[1] - phase[0], TimeUnit.NANOSECONDS);
        phases.get("encode").record(phase[2] - phase[1], TimeUnit.NANOSECONDS);
        phases.get("store").record(written - phase[2], TimeUnit.NANOSECONDS);
        return new Created(stored, now.completeness(), partIds.size());
    }

    /** Forgets what the last rollups computed, so that the next computes from scratch: a test's reference. */
    void forgetComputed() {
        computed.clear();
        rowsOwners.clear();
    }

    /** Which rollup: of which unit's subtree, for which year, over which figures. */
    private record Key(String unit, int year, Basis basis) {
    }

    /**
     * The snapshot that wrote the units' rows for what a rollup computed; one stored later from the same result
     * shares them. Not known to be committed: if it is not stored, the repository writes the rows.
     */
    private record RowsOwner(Computed computed, String snapshot) {
    }

    /**
     * What a rollup computed from what it read, kept so that the next rollup of the same unit, year and basis computes
     * only what changed: nothing if nothing it reads changed; else the units whose figures changed and those above
     * them (see {@link Consolidator#consolidate(Consolidation, Template, Hierarchy, Figures[], Figures[])}), and the
     * parts of those units alone are encoded again. Immutable, so rollups running at once may share it.
     *
     * @param own each unit's figures added, by its number in the tree ({@code declared} likewise)
     * @param states each unit's report state, by its number in the tree, {@code null} if accepted
     * @param parts each consolidating unit's part as stored (JSON), by its number in the tree
     * @param partIds the SHA-256 of each part, by its number in the tree
     */
    private record Computed(Hierarchy tree, Template template, RollupInputs.OfYear inputs, Figures[] own,
                            Figures[] declared, String[] states, Consolidation consolidation,
                            String[] parts, String[] partIds, RollupViews.Completeness completeness,
                            @Nullable List<String> excluded, @Nullable Map<String, Integer> acceptedVersions,
                            List<SnapshotCodec.Run> notAccepted, long figuresRevision) {
    }

    private Computed compute(String unit, int year, Basis basis, Template template, Hierarchy tree,
                             RollupInputs.OfYear read, @Nullable Computed before, long[] phase) {
        CurrentFigures.OfYear all = read.figures();
        int n = tree.size();
        Taking taking;
        RollupViews.Completeness summary = null;
        Set<String> changed = before == null ? null : read.changedSince(before.inputs().serial());
        if (basis == Basis.ALL && before != null && before.template() == template && changed != null) {
            // the inputs were caught up from those the last rollup used: only the units they name can differ, and
            // every other unit's figures and report are the very objects read then, so the last rollup's arrays
            // stand for them; at national scale this replaces four hash lookups for each of 186,667 units
            taking = new Taking(unit, year, basis, template, read, before.own().clone(), before.declared().clone(),
                    before.states().clone());
            boolean reportedChanged = false;
            for (String id : changed) {
                int u = tree.indexOf(id);
                if (u < 0) {
                    continue;
                }
                taking.own[u] = taking.declared[u] = null;
                taking.take(u, id);
                reportedChanged |= reported(before.inputs().figures().units().get(id)) != reported(all.units().get(id));
            }
            if (!reportedChanged) {
                summary = before.completeness();
            }
        } else {
            taking = new Taking(unit, year, basis, template, read, new Figures[n], new Figures[n], new String[n]);
            for (int k = 0; k < n; k++) {
                int u = tree.inOrder(k);
                taking.take(u, tree.unit(u));
            }
        }
        Consolidation consolidation = Consolidator.consolidate(before == null ? null : before.consolidation(), template,
                tree, taking.own, taking.declared);
        if (summary == null) {
            CompletenessService.Completeness gaps = completeness.missing(tree,
                    new CurrentFigures.OfYear(year, all.revision(), taking.used, all.firstSubmitted()));
            summary = new RollupViews.Completeness(gaps.units(), gaps.reported(),
                    gaps.missing().stream().map(CompletenessService.Entry::unit).toList(), gaps.missingByKind());
        }
        phase[1] = System.nanoTime();
        String[] parts = new String[n];
        String[] partIds = new String[n];
        String[] statesInOrder = new String[n];
        for (int k = 0; k < n; k++) {
            int u = tree.inOrder(k);
            statesInOrder[k] = taking.states[u];
            ConsolidatedUnit c = consolidation.unitAt(u);
            if (c == null) {
                continue;
            }
            if (before != null && before.consolidation().unitAt(u) == c) {
                parts[u] = before.parts()[u];
                partIds[u] = before.partIds()[u];
            } else {
                parts[u] = SnapshotCodec.write(part(tree, template, c));
                partIds[u] = Sha256.hex(parts[u]);
            }
        }
        phase[2] = System.nanoTime();
        return new Computed(tree, template, read, taking.own, taking.declared, taking.states, consolidation, parts,
                partIds, summary, taking.excluded.isEmpty() ? null : List.copyOf(taking.excluded),
                taking.acceptedVersions.isEmpty() ? null : Collections.unmodifiableMap(taking.acceptedVersions),
                SnapshotCodec.runs(statesInOrder), all.revision());
    }

    /**
     * What a rollup takes from its inputs, unit by unit, into arrays by the unit's number in the tree: the figures it
     * adds and where its report stands ({@code null} if accepted); over accepted figures also which units it left out
     * and which versions it took instead of the current ones.
     */
    private final class Taking {

        private final String unit;
        private final int year;
        private final Basis basis;
        private final Template template;
        private final CurrentFigures.OfYear all;
        private final Map<String, Standing> standings;
        private final Figures[] own;
        private final Figures[] declared;
        private final String[] states;
        private final List<String> excluded = new ArrayList<>();
        private final Map<String, Integer> acceptedVersions = new LinkedHashMap<>();
        /** The figures completeness counts: over all figures, the year's figures as they are. */
        private final Map<String, CurrentFigures.Current> used;

        private Taking(String unit, int year, Basis basis, Template template, RollupInputs.OfYear read, Figures[] own,
                       Figures[] declared, String[] states) {
            this.unit = unit;
            this.year = year;
            this.basis = basis;
            this.template = template;
            this.all = read.figures();
            this.standings = read.standings();
            this.own = own;
            this.declared = declared;
            this.states = states;
            this.used = basis == Basis.ALL ? all.units() : new HashMap<>();
        }

        /**
         * Takes unit {@code u}'s report state and figures: all its figures, or over accepted figures the accepted
         * version, none if its report is not accepted (then it is listed in {@code excluded}) — the rolled-up unit's
         * own figures count either way.
         */
        private void take(int u, String id) {
            Standing r = standings.get(id);
            boolean accepted = r != null && r.state() == ReportState.ACCEPTED;
            states[u] = accepted ? null : r == null ? ReportState.NONE.code() : r.state().code();
            CurrentFigures.Current c = all.units().get(id);
            if (c == null) {
                return;
            }
            if (basis == Basis.ACCEPTED) {
                if (!accepted && !id.equals(unit)) {
                    excluded.add(id);
                    return;
                }
                if (accepted && r.version() != c.version()) {
                    // accepted after the figures were read: take exactly the accepted version
                    c = figures.version(id, year, r.version());
                    acceptedVersions.put(id, r.version());
                }
                used.put(id, c);
            }
            // a blank submission is stored but is not a report: it neither adds nor counts as reported
            if (!c.blank() && c.own().template() == template) {
                own[u] = c.own();
                declared[u] = c.declared();
            }
        }
    }

    /** Whether these figures count as a report: stored and not blank. */
    private static boolean reported(@Nullable CurrentFigures.Current c) {
        return c != null && !c.blank();
    }

    /**
     * Consolidates three made-up units with generated figures and encodes, hashes, packs and reads back their parts,
     * storing nothing: run once in the background after a start, so that the first real rollup does not meet the
     * consolidation, the rules and the JSON codec cold (on a city, building the codec's serializers was a third of the
     * first rollup after a restart).
     *
     * @return the parts encoded and read back equal (one: the made-up units' top)
     */
    static int rehearse(Template template) {
        Hierarchy tree = Hierarchy.builder().add("rehearsal", null).add("rehearsal-a", "rehearsal")
                .add("rehearsal-b", "rehearsal").build();
        SampleFigures sample = new SampleFigures(template, new Random(1), 0.15);
        Figures[] own = new Figures[tree.size()];
        for (int u = 0; u < own.length; u++) {
            own[u] = sample.next();
        }
        Consolidation consolidation = Consolidator.consolidate(template, tree, own, new Figures[tree.size()]);
        int same = 0;
        for (int u : tree.order()) {
            ConsolidatedUnit c = consolidation.unitAt(u);
            if (c != null) {
                SnapshotCodec.Part part = part(tree, template, c);
                String json = SnapshotCodec.write(part);
                Sha256.hex(json);
                if (SnapshotCodec.part(SnapshotCodec.unpack(SnapshotCodec.pack(json))).equals(part)) {
                    same++;
                }
            }
        }
        return same;
    }

    /** One consolidating unit's part as stored: what the rollup computed, nothing read from elsewhere. */
    static SnapshotCodec.Part part(Hierarchy tree, Template template, ConsolidatedUnit c) {
        int u = tree.indexOf(c.unit());
        boolean declared = c.declared() != null;
        // the table the unit compiled itself: its own findings, and beside each cell the sum of the units
        return new SnapshotCodec.Part(c.unit(), tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)),
                c.unitsInSubtree(), c.unitsReported(), inCellOrder(template, c.totals().decimals()),
                c.totals().notApplicable().isEmpty() ? null : c.totals().notApplicable(), null,
                FindingView.stored(c.findings()),
                declared ? FindingView.stored(c.declaredFindings().stream().map(SubmissionService::onDeclared).toList())
                        : null,
                declared ? c.declaredAndComputed() : null, null, null);
    }

    /**
     * Stores the parts not stored yet, each once under the SHA-256 of its JSON, and answers unit → part id in the
     * tree's order. Parts are never deleted, so the ids this instance has seen stored need no second look: a rollup
     * with nothing changed stores none.
     */
    private Map<String, String> storeParts(Computed computed) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, byte[]> unknown = new LinkedHashMap<>();
        Hierarchy tree = computed.tree();
        for (int k = 0; k < tree.size(); k++) {
            int u = tree.inOrder(k);
            String partId = computed.partIds()[u];
            if (partId == null) {
                continue;
            }
            ids.put(tree.unit(u), partId);
            if (!storedParts.contains(partId)) {
                unknown.put(partId, SnapshotCodec.pack(computed.parts()[u]));
            }
        }
        if (!unknown.isEmpty()) {
            try {
                snapshots.insertParts(unknown);
            } catch (DataAccessException e) {
                // another rollup stored some of them first, between our look and our insert
                if (snapshots.storedParts(unknown.keySet()).size() != unknown.size()) {
                    throw e;
                }
            }
            storedParts.addAll(unknown.keySet());
        }
        return ids;
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
    public Entry latestEntry(String unit, int year) {
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
    public Entry entry(String snapshot, String unit, int year) {
        StoredSnapshot header = read(snapshot);
        if (header.year() != year) {
            throw ErrorCode.ROLLUP_SNAPSHOT_OTHER_YEAR.problem(Redaction.clip(snapshot), header.year(), year);
        }
        StoredEntry e = snapshots.entry(snapshot, unit).orElseThrow(() ->
                ErrorCode.ROLLUP_UNIT_NOT_IN_SNAPSHOT.problem(Redaction.clip(snapshot), unit));
        return withSnapshot(e);
    }

    /**
     * The whole snapshot: provenance (the tree and the submission versions used), completeness, and every
     * consolidating unit's part with its own and declared figures, read from the versions used (parts store only
     * what the rollup computed).
     */
    @Transactional(readOnly = true)
    public RollupViews.Snapshot document(StoredSnapshot snapshot) {
        String id = snapshot.id();
        SnapshotCodec.Header h = SnapshotCodec.header(snapshot.content());
        Template template = template(h.template());
        List<SnapshotCodec.Part> parts = h.units() != null ? h.units()
                : snapshots.entries(id).values().stream().map(SnapshotCodec::part).toList();
        Map<String, String> tree = h.tree() != null ? h.tree() : SnapshotCodec.tree(snapshots.tree(h.treeId())
                .orElseThrow(() -> new IllegalStateException("snapshot " + id + " names tree " + h.treeId()
                        + ", which is not stored")));
        Map<String, Integer> versions = h.versions();
        if (versions == null) {
            Map<String, Integer> all = figures.versionsAt(h.year(), h.figuresRevision());
            List<String> excluded = h.excluded() == null ? List.of() : h.excluded();
            Map<String, Integer> overrides = h.versionsOverride() == null ? Map.of() : h.versionsOverride();
            versions = new LinkedHashMap<>();
            for (String unit : tree.keySet()) {
                Integer version = overrides.containsKey(unit) ? overrides.get(unit) : all.get(unit);
                if (version != null && !excluded.contains(unit)) {
                    versions.put(unit, version);
                }
            }
        }
        List<RollupViews.Part> units = new ArrayList<>(parts.size());
        for (SnapshotCodec.Part p : parts) {
            Map<String, BigDecimal> own = p.own();
            Map<String, BigDecimal> declared = p.declared();
            Integer version = versions.get(p.unit());
            if (own == null && version != null) {
                SubmissionService.OwnAndDeclared cells = submissions.cellsAt(p.unit(), h.year(), version);
                own = cells.own();
                declared = cells.declared().isEmpty() ? null : cells.declared();
            }
            units.add(new RollupViews.Part(p.unit(), p.parent(), p.unitsInSubtree(), p.unitsReported(),
                    consolidated(p, template), notApplicable(p), p.findings(), p.declaredFindings(), p.declaredAndComputed(),
                    own, declared));
        }
        Map<String, String> notAccepted = h.notAccepted() != null ? h.notAccepted()
                : h.notAcceptedInTree() != null ? SnapshotCodec.notAccepted(new ArrayList<>(tree.keySet()), h.notAcceptedInTree())
                : Map.of();
        return new RollupViews.Snapshot(id, h.unit(), h.year(), h.template(), h.hierarchyYear(), h.computedAt(),
                h.triggeredBy(), h.completeness(), h.figuresRevision(), h.treeId(), h.basis(), notAccepted, h.excluded(),
                h.versionsOverride(), units, tree, versions);
    }

    /**
     * Which consolidated cells moved between two snapshots of the same unit and year, by how much, and because of
     * which units' changed figures.
     *
     * @throws ProblemException {@code rollup.not_comparable} for snapshots of different units or years
     */
    @Transactional(readOnly = true)
    public RollupViews.Diff diff(String from, String to) {
        return diff(snapshot(from), snapshot(to));
    }

    @Transactional(readOnly = true)
    RollupViews.Diff diff(StoredSnapshot from, StoredSnapshot to) {
        if (!from.unit().equals(to.unit()) || from.year() != to.year()) {
            throw ErrorCode.ROLLUP_NOT_COMPARABLE.problem();
        }
        int year = to.year();
        Template template = template(to.template());
        return SnapshotDiff.diff(document(from), document(to), (unit, version) -> submissions.cellsAt(unit, year, version),
                template::label);
    }

    /** Consolidated figures as stored: values in the template's cell order, blank as null — a fifth of a map by code. */
    private static List<BigDecimal> inCellOrder(Template template, Map<String, BigDecimal> cells) {
        List<BigDecimal> values = new ArrayList<>(template.cellCount());
        for (Cell cell : template.cells()) {
            values.add(cells.get(cell.code()));
        }
        return values;
    }

    /** A stored part's consolidated values by cell code again (older snapshots stored them so). */
    private static Map<String, BigDecimal> consolidated(SnapshotCodec.Part part, Template template) {
        if (part.values() == null) {
            return part.consolidated() == null ? Map.of() : part.consolidated();
        }
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (int i = 0; i < part.values().size(); i++) {
            if (part.values().get(i) != null) {
                cells.put(template.cell(i).code(), part.values().get(i));
            }
        }
        return cells;
    }

    private static List<String> notApplicable(SnapshotCodec.Part part) {
        return part.notApplicable() == null ? List.of() : part.notApplicable();
    }

    private Template template(String id) {
        return templates.byId(id).orElseThrow(() -> new IllegalStateException(
                "a snapshot names template " + id + ", which is unknown"));
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
        if (storedTrees.contains(idAndJson.getKey())) {
            return idAndJson.getKey(); // trees are never deleted: once seen stored, stored
        }
        try {
            snapshots.insertTree(idAndJson.getKey(), idAndJson.getValue());
        } catch (DataAccessException e) {
            if (!snapshots.hasTree(idAndJson.getKey())) {
                throw e;
            }
        }
        storedTrees.add(idAndJson.getKey());
        return idAndJson.getKey();
    }

    private static Map.Entry<String, String> treeJson(Hierarchy tree) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (int u : tree.order()) {
            parents.put(tree.unit(u), tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)));
        }
        String json = SnapshotCodec.writeTree(parents);
        return Map.entry(Sha256.hex(json), json);
    }

    /** A unit's part with the snapshot's header beside it. */
    private Entry withSnapshot(StoredEntry e) {
        StoredSnapshot s = e.snapshot();
        SnapshotCodec.Part p = e.content() != null ? SnapshotCodec.part(e.content()) : olderPart(e);
        return new Entry(s.id(), s.year(), s.template(), s.createdAt(), s.year(), p.unit(), p.parent(),
                p.unitsInSubtree(), p.unitsReported(), consolidated(p, template(s.template())), notApplicable(p),
                p.findings(),
                p.declaredFindings(), p.declaredAndComputed());
    }

    /** Snapshots stored before parts had rows of their own keep them in the header document. */
    private SnapshotCodec.Part olderPart(StoredEntry e) {
        SnapshotCodec.Header h = SnapshotCodec.header(snapshot(e.snapshot().id()).content());
        return (h.units() == null ? List.<SnapshotCodec.Part>of() : h.units()).stream()
                .filter(p -> p.unit().equals(e.unit())).findFirst()
                .orElseThrow(() -> new IllegalStateException("snapshot " + e.snapshot().id() + " lists " + e.unit()
                        + " without its part"));
    }

    /** The snapshots rooted at a unit for a year, newest first, as listed. */
    @Transactional(readOnly = true)
    public List<RollupViews.Summary> summaries(String unit, int year) {
        return list(unit, year).stream().map(RollupViews.Summary::of).toList();
    }

    @Transactional(readOnly = true)
    public List<StoredSnapshot> list(String unit, int year) {
        units.get(unit);
        return snapshots.listFor(unit, year);
    }
}

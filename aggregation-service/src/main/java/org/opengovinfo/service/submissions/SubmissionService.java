package org.opengovinfo.service.submissions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opengovinfo.model.figures.Decoded;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.figures.OutlierSettings;
import org.opengovinfo.model.figures.Continuity;
import org.opengovinfo.model.figures.YearOverYear;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.RuleContext;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.audit.AuditLog;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.system.ETags;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.system.Sha256;
import org.opengovinfo.service.system.YearRevisions;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * Figures in: validated against the year's template and rules, then stored as a new version — all or nothing,
 * an identical resubmission stored as nothing, a concurrent writer refused rather than overwritten.
 */
@Singleton
public class SubmissionService {

    private final Templates templates;
    private final UnitService units;
    private final SubmissionRepository submissions;
    private final YearRevisions revisions;
    private final CurrentPrincipal principal;
    private final AuditLog audit;
    private final Clock clock;
    private final SeasonService season;
    private final OutlierSettings outliers;
    private final SubmissionMetrics metrics;
    private final JustStored justStored;

    SubmissionService(Templates templates, UnitService units, SubmissionRepository submissions, YearRevisions revisions,
                      CurrentPrincipal principal, AuditLog audit, Clock clock, SeasonService season,
                      OutlierSettings outliers, SubmissionMetrics metrics, JustStored justStored) {
        this.justStored = justStored;
        this.outliers = outliers;
        this.metrics = metrics;
        this.clock = clock;
        this.season = season;
        this.templates = templates;
        this.units = units;
        this.submissions = submissions;
        this.revisions = revisions;
        this.principal = principal;
        this.audit = audit;
    }

    /** A submission of figures given as cell code → value, for callers inside the service. */
    public static SubmissionInput input(Map<String, Object> figures, Map<String, Object> declared) {
        return new SubmissionInput(null, figures, declared);
    }

    /** Validated figures and every finding on them (warnings only: errors are thrown as a problem). */
    record Checked(Template template, Figures figures, Figures declared, List<Finding> findings) {
    }

    /**
     * @param status {@code valid} (dry run), {@code accepted} (a new version) or {@code unchanged} (identical to
     *     the current version, nothing stored)
     */
    record Outcome(Status status, String unit, int year, Checked checked, Integer version, StoredSubmission stored) {
        Outcome(Status status, String unit, int year, Checked checked, Integer version) {
            this(status, unit, year, checked, version, null);
        }
    }

    /** What became of one unit's figures in a batch: an outcome, or the problem that rejected them. */
    record BatchOutcome(String unit, Outcome outcome, ProblemException rejected) {
    }

    @Transactional(readOnly = true)
    public Outcome validate(String unit, int year, SubmissionInput input) {
        Optional<StoredSubmission> previous = year - 1 >= 2008 ? submissions.current(unit, year - 1) : Optional.empty();
        return counted(() -> new Outcome(Status.VALID, unit, year, check(unit, year, input, previous.orElse(null)), null));
    }

    @Transactional
    public Outcome submit(String unit, int year, SubmissionInput input, String ifMatch) {
        return counted(() -> submit(unit, year, input, ifMatch, clock.instant(), false));
    }

    /**
     * Changes only the cells given: each replaces the current value, {@code null} blanks it; every other cell keeps its
     * value. The merged figures are checked and stored like a whole submission (versions, If-Match, rules).
     */
    @Transactional
    public Outcome patch(String unit, int year, SubmissionInput changes, String ifMatch) {
        return counted(() -> submit(unit, year, changes, ifMatch, clock.instant(), true));
    }

    /** The outcome of one unit's figures, counted by what became of them (a refusal counts as rejected). */
    private Outcome counted(Supplier<Outcome> submission) {
        try {
            Outcome outcome = submission.get();
            metrics.outcome(outcome.status());
            return outcome;
        } catch (ProblemException refused) {
            metrics.outcome(Status.REJECTED);
            throw refused;
        }
    }

    /**
     * Stores figures as handed in at {@code at} rather than now: for loading a season that has already happened (the
     * demo city), so that completeness tells who was on time.
     */
    @Transactional
    public Outcome submitAsOf(String unit, int year, SubmissionInput input, Instant at) {
        return submit(unit, year, input, null, at, false);
    }

    private Outcome submit(String unit, int year, SubmissionInput given, String ifMatch, Instant at, boolean patch) {
        Unit known = units.get(unit);
        Map<Integer, StoredSubmission> stored = submissions.currentAndPrevious(unit, year);
        Optional<StoredSubmission> current = Optional.ofNullable(stored.get(year));
        Optional<Integer> head = current.map(StoredSubmission::version);
        String currentTag = head.map(SubmissionService::etag).orElse(null);
        if (!ETags.ifMatchAllows(ifMatch, currentTag)) {
            throw ErrorCode.SUBMISSION_VERSION_MISMATCH.problem(Redaction.clip(ifMatch),
                    currentTag == null ? "none" : currentTag);
        }
        StoredSubmission previousYear = year - 1 >= 2008 ? stored.get(year - 1) : null;
        SubmissionInput input = patch ? merged(current.orElse(null), given) : given;
        Outcome outcome = prepare(known, year, input, current.orElse(null), previousYear, at);
        if (outcome.stored() != null) {
            Map<String, ProblemException> refused = store(year, List.of(outcome));
            if (!refused.isEmpty()) {
                throw refused.values().iterator().next();
            }
        }
        return outcome;
    }

    /**
     * Validates many units' figures for one year and stores the accepted ones in this one transaction: each unit
     * all or nothing, a rejected unit reported with its problem and nothing stored for it.
     *
     * @param allowed throws a {@link ProblemException} for a unit the caller may not write
     * @throws ProblemException {@code submission.concurrent_write} if another writer stored figures of one of the
     *     units meanwhile, or created the report of one that had none (a writer, or a publication locking it); nothing
     *     of the batch is then stored, and the API stores the batch again unit by unit
     */
    @Transactional
    public List<BatchOutcome> submitAll(int year, List<Map.Entry<String, SubmissionInput>> items, boolean dryRun,
                                        Consumer<String> allowed) {
        List<String> ids = items.stream().map(Map.Entry::getKey).distinct().toList();
        Map<String, StoredSubmission> current = submissions.currentOf(year, ids);
        Map<String, StoredSubmission> previous = year - 1 >= 2008 ? submissions.currentOf(year - 1, ids) : Map.of();
        Map<String, Unit> known = units.all();
        List<BatchOutcome> outcomes = new ArrayList<>();
        List<Outcome> accepted = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, SubmissionInput> item : items) {
            String unit = item.getKey();
            try {
                allowed.accept(unit);
                Unit u = Optional.ofNullable(known.get(unit)).orElseThrow(() -> UnitService.notFound(unit));
                Outcome o = dryRun
                        ? new Outcome(Status.VALID, unit, year, check(u, year, item.getValue(), previous.get(unit)), null)
                        : prepare(u, year, item.getValue(), current.get(unit), previous.get(unit), now);
                if (o.stored() != null) {
                    accepted.add(o);
                }
                outcomes.add(new BatchOutcome(unit, o, null));
            } catch (ProblemException rejected) {
                outcomes.add(new BatchOutcome(unit, null, rejected));
            }
        }
        if (!accepted.isEmpty()) {
            Map<String, ProblemException> refused = store(year, accepted);
            if (!refused.isEmpty()) {
                outcomes.replaceAll(o -> refused.containsKey(o.unit()) ? new BatchOutcome(o.unit(), null, refused.get(o.unit())) : o);
            }
        }
        outcomes.forEach(o -> metrics.outcome(o.rejected() != null ? Status.REJECTED : o.outcome().status()));
        return outcomes;
    }

    /** The current version's cells as given, with the changes applied ({@code null} removes a cell). */
    private static SubmissionInput merged(StoredSubmission current, SubmissionInput changes) {
        Map<String, Object> figures = new LinkedHashMap<>(current == null ? Map.of() : cells(current.figures()));
        Map<String, Object> declared = new LinkedHashMap<>(current == null || current.declared() == null ? Map.of()
                : cells(current.declared()));
        apply(figures, changes.figures());
        apply(declared, changes.declared());
        return new SubmissionInput(changes.template(), figures, declared);
    }

    private static void apply(Map<String, Object> cells, Map<String, Object> changes) {
        changes.forEach((code, value) -> {
            if (value == null) {
                cells.remove(code);
            } else {
                cells.put(code, value);
            }
        });
    }

    /** Checks figures against the unit's current version: unchanged, or a new version ready to store. */
    private Outcome prepare(Unit u, int year, SubmissionInput input, StoredSubmission current, StoredSubmission previous,
                            Instant at) {
        String unit = u.id();
        Checked checked = check(u, year, input, previous);
        String hash = hash(checked);
        if (current != null && current.contentHash().equals(hash)) {
            return new Outcome(Status.UNCHANGED, unit, year, checked, current.version());
        }
        int version = current == null ? 1 : current.version() + 1;
        StoredSubmission stored = new StoredSubmission(unit, year, version, checked.template().id(),
                StoredCells.write(checked.figures().toStorable()),
                checked.declared() == null ? null : StoredCells.write(checked.declared().toStorable()),
                hash, principal.name(), at, null, 0);
        return new Outcome(Status.ACCEPTED, unit, year, checked, version, stored);
    }

    /**
     * Stores new versions: first their reports move to draft (which refuses a locked one, and orders this write against
     * an acceptance or a publication of the same report), then the audit rows, the heads, the year's revision and the
     * versions themselves.
     *
     * @return the units refused because their report is locked; nothing is stored for them
     */
    private Map<String, ProblemException> store(int year, List<Outcome> candidates) {
        Map<String, ProblemException> refused = season.recordWrites(year, candidates.stream()
                .map(o -> new SeasonService.Write(o.unit(), o.version())).toList());
        List<Outcome> accepted = candidates.stream().filter(o -> !refused.containsKey(o.unit())).toList();
        if (accepted.isEmpty()) {
            return refused;
        }
        List<Map.Entry<String, Object>> details = new ArrayList<>();
        for (Outcome o : accepted) {
            details.add(Map.entry(o.unit(), Map.of("version", o.version())));
        }
        audit.recordEach("figures.accepted", year, details);
        List<StoredSubmission> rows = accepted.stream().map(Outcome::stored).toList();
        if (!submissions.moveHeads(rows)) {
            throw ErrorCode.SUBMISSION_CONCURRENT_WRITE.problem(rows.size() == 1 ? rows.get(0).unit()
                    : new Words("其中某个单位", "one of these units"), year);
        }
        // the year's revision row stays locked from the bump to the commit, which serialises the year's writers:
        // only the insert of the versions comes after it
        revisions.bumpYear(year);
        submissions.append(rows);
        justStored.afterCommit(accepted.stream().map(o -> new JustStored.Version(o.unit(), year, o.version(),
                new CurrentFigures.Current(o.version(), o.checked().figures(), o.checked().declared()))).toList());
        return refused;
    }

    @Transactional(readOnly = true)
    public StoredSubmission current(String unit, int year) {
        units.get(unit);
        return submissions.current(unit, year).orElseThrow(() -> ErrorCode.SUBMISSION_NONE.problem(unit, year));
    }

    /** A unit's current figures for a year, totals computed. @throws ProblemException {@code submission.none} */
    @Transactional(readOnly = true)
    public Figures currentFigures(String unit, int year) {
        return figures(current(unit, year));
    }

    /**
     * A unit's current figures with the ETag of their version, read together so that a page can send the figures
     * it showed back with {@code If-Match}. @throws ProblemException {@code submission.none}
     */
    @Transactional(readOnly = true)
    public Versioned currentVersioned(String unit, int year) {
        StoredSubmission s = current(unit, year);
        return new Versioned(figures(s), etag(s.version()));
    }

    /** Figures with the ETag of the version they are. */
    public record Versioned(Figures figures, String etag) {
    }

    @Transactional(readOnly = true)
    public List<StoredSubmission> versions(String unit, int year) {
        units.get(unit);
        return submissions.versions(unit, year);
    }

    @Transactional(readOnly = true)
    public StoredSubmission version(String unit, int year, int version) {
        units.get(unit);
        return submissions.version(unit, year, version).orElseThrow(() ->
                ErrorCode.SUBMISSION_NO_SUCH_VERSION.problem(unit, year, version));
    }

    /**
     * A unit's figures and declared values at a version, as complete cell maps (the declared map empty if none).
     *
     * @throws ProblemException if there is no such version
     */
    @Transactional(readOnly = true)
    public OwnAndDeclared cellsAt(String unit, int year, int version) {
        StoredSubmission s = version(unit, year, version);
        Figures declared = declared(s);
        return new OwnAndDeclared(figures(s).decimals(), declared == null ? Map.of() : declared.decimals());
    }

    /** A stored version's own figures and declared table (empty when it declared none), by cell code. */
    public record OwnAndDeclared(Map<String, BigDecimal> own, Map<String, BigDecimal> declared) {
    }

    /** The stored figures as model values. */
    Figures figures(StoredSubmission s) {
        return Figures.of(template(s.template()), cells(s.figures()));
    }

    Figures declared(StoredSubmission s) {
        return s.declared() == null ? null : Figures.of(template(s.template()), cells(s.declared()));
    }

    static String etag(int version) {
        return "\"v" + version + "\"";
    }

    private Checked check(String unitId, int year, SubmissionInput input, StoredSubmission previousYear) {
        return check(units.get(unitId), year, input, previousYear);
    }

    private Checked check(Unit unit, int year, SubmissionInput input, StoredSubmission previousYear) {
        String unitId = unit.id();
        if (!unit.years().contains(year)) {
            throw ErrorCode.SUBMISSION_YEAR_OUTSIDE_UNIT.problem(unitId, unit.years(), year);
        }
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.SUBMISSION_NO_TEMPLATE.problem(year));
        if (input.template() != null && !input.template().equals(template.id())) {
            throw ErrorCode.SUBMISSION_WRONG_TEMPLATE.problem(year, template.id(), Redaction.clip(input.template()));
        }
        Decoded figures = Figures.decode(template, input.figures());
        Decoded declared = Figures.decode(template, input.declared());
        List<Finding> problems = new ArrayList<>(figures.problems());
        declared.problems().forEach(p -> problems.add(prefixed("declared:", p)));
        metrics.findings(problems);
        if (!problems.isEmpty()) {
            throw rejected(unitId, year, problems);
        }
        Figures own = figures.figures().orElseThrow();
        Figures declaredFigures = input.declared().isEmpty() ? null : declared.figures().orElseThrow();
        if (declaredFigures != null && units.children(unitId, year).isEmpty()) {
            throw ErrorCode.SUBMISSION_NOT_CONSOLIDATING.problem(year, unitId);
        }
        List<Finding> findings = new ArrayList<>(findings(own, previousYear == null ? null : figures(previousYear)));
        if (declaredFigures != null) {
            // the table the unit compiled itself goes through the same rules, as the report of its whole subtree
            RuleContext subtree = new RuleContext(units.subtreeHierarchy(unitId, year).size());
            declaredFigures.explainRules(subtree).forEach(f -> findings.add(onDeclared(f)));
        }
        metrics.findings(findings);
        if (findings.stream().anyMatch(Finding::isError)) {
            throw rejected(unitId, year, findings);
        }
        return new Checked(template, own, declaredFigures, findings);
    }

    private static ProblemException rejected(String unit, int year, List<Finding> findings) {
        long errors = findings.stream().filter(Finding::isError).count();
        return ErrorCode.SUBMISSION_REJECTED.problemWith(FindingView.of(findings), unit, year, errors);
    }

    /**
     * What a clerk is shown about a unit's own figures: one finding per thing to fix (causes before consequences),
     * sections left blank, and against its previous year the cross-year rules, outliers and the continuity of the
     * documents in force (warnings: last year's published figures may have been corrected).
     */
    public List<Finding> findings(Figures own, Figures previousYear) {
        List<Finding> findings = new ArrayList<>(own.validate());
        if (previousYear != null) {
            findings.addAll(own.checkAgainstPreviousYear(previousYear));
            findings.addAll(YearOverYear.outliers(own, previousYear, outliers));
            findings.addAll(Continuity.inForce(own, previousYear));
        }
        return findings;
    }

    /** A finding on a consolidating unit's declared table, its cells named {@code declared:…} as such. */
    public static Finding onDeclared(Finding f) {
        return prefixed("declared:", f);
    }

    /** The finding about another table than the unit's own (its declaration), its cells named as such. */
    private static Finding prefixed(String prefix, Finding f) {
        return new Finding(f.rule(), f.severity(), f.cells().stream().map(c -> prefix + c).toList(), f.actual(),
                f.expected(), f.difference(), f.message(), f.labels(), f.scope(), f.limit(),
                f.cause() == null ? null : prefix + f.cause(),
                f.consequences().stream().map(c -> prefixed(prefix, c)).toList(), f.contributors(), f.outlier());
    }

    private Template template(String id) {
        return templates.byId(id).orElseThrow(() -> new IllegalStateException("stored template " + id + " is unknown"));
    }

    /**
     * The cells whose value changed from one version to the next ({@code before} {@code null}: the first version,
     * every filled cell changed), with before and after ({@code null} for blank). Derived when read, so that storing
     * figures never reads back the version before.
     */
    public List<CellChange> changes(StoredSubmission before, StoredSubmission after) {
        Figures was = before == null ? null : figures(before);
        Figures is = figures(after);
        Set<String> codes = new LinkedHashSet<>();
        if (was != null) {
            was.template().cells().forEach(c -> codes.add(c.code()));
        }
        is.template().cells().forEach(c -> codes.add(c.code()));
        List<CellChange> changes = new ArrayList<>();
        for (String code : codes) {
            BigDecimal x = valueOf(was, code);
            BigDecimal y = valueOf(is, code);
            boolean naBefore = notApplicable(was, code);
            boolean naAfter = notApplicable(is, code);
            boolean sameValue = x == null ? y == null : y != null && x.compareTo(y) == 0;
            if (!sameValue || naBefore != naAfter) {
                changes.add(new CellChange(code, x, y, naBefore, naAfter));
            }
        }
        return changes;
    }

    /** One cell that changed between two versions: its values ({@code null} for none) and whether it was 不适用. */
    public record CellChange(String cell, BigDecimal before, BigDecimal after, boolean notApplicableBefore,
                             boolean notApplicableAfter) {
    }

    private static BigDecimal valueOf(Figures figures, String code) {
        return figures == null || figures.template().cell(code).isEmpty() ? null : figures.value(code).orElse(null);
    }

    private static boolean notApplicable(Figures figures, String code) {
        return figures != null && figures.template().cell(code).isPresent() && figures.isNotApplicable(code);
    }

    static Map<String, Object> cells(String json) {
        return StoredCells.parse(json);
    }

    /**
     * Identity of a submission's content: the complete figures (whether a total was typed or computed makes no
     * difference, whether a cell is blank or not applicable does) and declared values under the template, hashed
     * from the dense cells rather than text.
     */
    private static String hash(Checked c) {
        MessageDigest digest = Sha256.digest();
        digest.update(c.template().id().getBytes(StandardCharsets.UTF_8));
        digest(digest, c.figures());
        if (c.declared() != null) {
            digest(digest, c.declared());
        }
        return Sha256.hex(digest);
    }

    private static void digest(MessageDigest digest, Figures figures) {
        int n = figures.template().cellCount();
        ByteBuffer cells = ByteBuffer.allocate(n * 9 + 1);
        for (int i = 0; i < n; i++) {
            boolean present = figures.isPresent(i);
            // a cell marked not applicable is an answer apart from blank: marking one is a change (figures without
            // such marks hash as they always did, so their stored hashes stay valid)
            byte state = (byte) (present ? 1 : figures.isNotApplicableCell(i) ? 2 : 0);
            cells.put(state).putLong(present ? figures.value(i) : 0);
        }
        cells.put((byte) '|');
        digest.update(cells.array());
    }
}

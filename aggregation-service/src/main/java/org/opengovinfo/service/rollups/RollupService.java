package org.opengovinfo.service.rollups;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengovinfo.model.consolidation.ConsolidatedUnit;
import org.opengovinfo.model.consolidation.Consolidation;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.access.AuditLog;
import org.opengovinfo.service.access.CurrentPrincipal;
import org.opengovinfo.service.rollups.RollupRepository.StoredSnapshot;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Json;
import org.opengovinfo.service.system.ProblemException;
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
    private final CompletenessService completeness;
    private final RollupRepository snapshots;
    private final CurrentPrincipal principal;
    private final AuditLog audit;

    RollupService(Templates templates, UnitService units, CurrentFigures figures, CompletenessService completeness,
                  RollupRepository snapshots, CurrentPrincipal principal, AuditLog audit) {
        this.templates = templates;
        this.units = units;
        this.figures = figures;
        this.completeness = completeness;
        this.snapshots = snapshots;
        this.principal = principal;
        this.audit = audit;
    }

    /** Consolidates the subtree of {@code unit} as it stood in {@code year} and stores the snapshot. */
    @Transactional
    public StoredSnapshot rollup(String unit, int year) {
        Template template = templates.forYear(year).orElseThrow(() -> ProblemException.unprocessable(
                "rollup.no_template", "no report format is in force in " + year, null));
        Hierarchy tree = units.subtreeHierarchy(unit, year);
        CurrentFigures.OfYear current = figures.of(year);
        int n = tree.size();
        Figures[] own = new Figures[n];
        Figures[] declared = new Figures[n];
        Map<String, Integer> versions = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (int u : tree.order()) {
            String id = tree.unit(u);
            parents.put(id, tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)));
            CurrentFigures.Current c = current.units().get(id);
            if (c != null && c.own().template() == template) {
                own[u] = c.own();
                declared[u] = c.declared();
                versions.put(id, c.version());
            }
        }
        Consolidation consolidation = Consolidator.consolidate(template, tree, own, declared);
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> consolidating = new ArrayList<>();
        for (ConsolidatedUnit c : consolidation.units()) {
            int u = tree.indexOf(c.unit());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unit", c.unit());
            entry.put("parent", parents.get(c.unit()));
            entry.put("unitsInSubtree", c.unitsInSubtree());
            entry.put("unitsReported", c.unitsReported());
            entry.put("consolidated", c.totals().toMap());
            entry.put("own", own[u] == null ? null : own[u].toMap());
            entry.put("declared", declared[u] == null ? null : declared[u].toMap());
            entry.put("findings", FindingView.of(c.findings()));
            results.add(entry);
            consolidating.add(c.unit());
        }
        CompletenessService.Completeness gaps = completeness.of(tree, current);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put("unit", unit);
        document.put("year", year);
        document.put("template", template.id());
        document.put("hierarchyYear", year);
        document.put("computedAt", now.toString());
        document.put("triggeredBy", principal.name());
        document.put("completeness", Map.of("units", gaps.units(), "reported", gaps.reported(),
                "missing", gaps.missing().stream().map(e -> e.unit()).toList(), "missingByKind", gaps.missingByKind()));
        document.put("versions", versions);
        document.put("tree", parents);
        document.put("units", results);
        StoredSnapshot stored = new StoredSnapshot(id, unit, year, template.id(), now, principal.name(), Json.write(document));
        snapshots.insert(stored, consolidating);
        audit.record("rollup.created", unit, year, Map.of("snapshot", id, "consolidatedUnits", consolidating.size()));
        return stored;
    }

    @Transactional(readOnly = true)
    public StoredSnapshot snapshot(String id) {
        return snapshots.find(id).orElseThrow(() -> ProblemException.notFound("rollup.not_found", "no rollup snapshot " + id));
    }

    /** The newest snapshot holding consolidated figures of {@code unit} for {@code year}. */
    @Transactional(readOnly = true)
    public StoredSnapshot latestFor(String unit, int year) {
        units.get(unit);
        return snapshots.latestFor(unit, year).orElseThrow(() -> ProblemException.notFound("rollup.none",
                "no rollup has consolidated " + unit + " for " + year + " yet; trigger one with POST /api/v1/units/"
                        + unit + "/rollups/" + year));
    }

    @Transactional(readOnly = true)
    public List<StoredSnapshot> list(String unit, int year) {
        units.get(unit);
        return snapshots.listFor(unit, year);
    }

    static Map<String, Object> document(StoredSnapshot s) {
        return Json.read(s.content(), DOCUMENT);
    }
}

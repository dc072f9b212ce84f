package org.opengovinfo.service.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opengovinfo.model.consolidation.ConsolidatedUnit;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Continuity;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.rollups.RollupService;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.CleanText;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.system.Words;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitKind;
import org.opengovinfo.service.units.UnitService;

/**
 * Every finding on the figures below a unit for a year, so that a city office can work through them: each unit's
 * own figures against the rules and its previous year (warnings: errors are refused when written), the table each
 * consolidating unit declared, and its figures consolidated over the units below it and reconciled against that
 * declaration. The figures are the current ones; nothing is stored or cached.
 */
@Singleton
public class FindingsService {

    private static final Words SEVERITY = new Words("error 或 warning", "error or warning");

    /** Checks every report has beside its template's rules (besides {@code input.*} and {@code consolidation.*}). */
    private static final Set<String> OTHER_CHECKS = Set.of(Finding.CAUSE_RULE, "section.blank", "outlier.year_over_year",
            Continuity.IN_FORCE_RULE);

    private final UnitService units;
    private final CurrentFigures figures;
    private final Templates templates;
    private final SubmissionService submissions;

    FindingsService(UnitService units, CurrentFigures figures, Templates templates, SubmissionService submissions) {
        this.submissions = submissions;
        this.units = units;
        this.figures = figures;
        this.templates = templates;
    }

    /** Which findings to list: each filter that is given must hold. */
    public record Filter(@Nullable String rule, @Nullable String severity, @Nullable UnitKind kind,
                         @Nullable String unit) {

        /**
         * Reads the query's filters; a value that cannot match anything is refused rather than answered with an empty
         * list, so that a typo never reads as "no findings".
         */
        public static Filter parse(@Nullable String rule, @Nullable String severity, @Nullable String kind,
                                   @Nullable String unit) {
            if (rule != null && (rule.isEmpty() || rule.length() > 64 || !CleanText.isClean(rule))) {
                throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("rule", Redaction.clip(rule),
                        new Words("规则编号，例如 s3.balance", "a rule id such as s3.balance"));
            }
            if (severity != null && !severity.equals("error") && !severity.equals("warning")) {
                throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("severity", Redaction.clip(severity), SEVERITY);
            }
            UnitKind k = null;
            if (kind != null) {
                k = UnitKind.parse(kind).orElseThrow(() -> ErrorCode.REQUEST_INVALID_PARAMETER.problem("kind",
                        Redaction.clip(kind), new Words("单位类型，例如 street 或 department",
                                "a unit kind such as street or department")));
            }
            if (unit != null && (unit.isEmpty() || unit.length() > 64 || !CleanText.isClean(unit))) {
                throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("unit", Redaction.clip(unit),
                        new Words("单位编号", "a unit id"));
            }
            return new Filter(rule, severity, k, unit);
        }

        boolean admits(UnitFinding f, Unit unit) {
            // a rule broken only as the consequence of a mistyped cell is listed under that cell: it matches too
            return (rule == null || rule.equals(f.finding().rule())
                    || f.finding().consequences().stream().anyMatch(c -> rule.equals(c.rule())))
                    && (severity == null || severity.equals(f.finding().severity()))
                    && (kind == null || kind == unit.kind())
                    && (this.unit == null || this.unit.equals(unit.id()));
        }
    }

    @Transactional(readOnly = true)
    public FindingsBelow below(String unitId, int year, Filter filter) {
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.ROLLUP_NO_TEMPLATE.problem(year));
        if (filter.rule() != null && !knownRule(template, filter.rule())) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("rule", Redaction.clip(filter.rule()),
                    new Words("模板 " + template.id() + " 的规则编号（见 GET /api/v1/templates/" + template.id() + "）",
                            "a rule id of template " + template.id() + " (see GET /api/v1/templates/" + template.id() + ")"));
        }
        Hierarchy tree = units.subtreeHierarchy(unitId, year);
        if (filter.unit() != null && tree.indexOf(filter.unit()) < 0) {
            throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("unit", Redaction.clip(filter.unit()),
                    new Words(unitId + " 在 " + year + " 年的下属单位（或它本身）",
                            "a unit in the subtree of " + unitId + " in " + year));
        }
        CurrentFigures.OfYear current = figures.of(year);
        CurrentFigures.OfYear previous = year > ReportYears.FIRST ? figures.of(year - 1) : null;
        Map<String, Unit> all = units.all();
        List<UnitFinding> found = new ArrayList<>();
        for (int u : tree.order()) {
            String id = tree.unit(u);
            CurrentFigures.Current c = current.units().get(id);
            if (c == null || c.blank() || c.own().template() != template) {
                continue;
            }
            CurrentFigures.Current before = previous == null ? null : previous.units().get(id);
            List<Finding> own = submissions.findings(c.own(), before == null || before.blank() ? null : before.own());
            String parent = tree.parent(u) < 0 ? null : tree.unit(tree.parent(u));
            add(found, filter, all.get(id), parent, "own", own);
        }
        if (tree.size() > 1) {
            for (ConsolidatedUnit cu : RollupService.consolidate(template, tree, current).units()) {
                int u = tree.indexOf(cu.unit());
                String parent = tree.parent(u) < 0 ? null : tree.unit(tree.parent(u));
                add(found, filter, all.get(cu.unit()), parent, "declared",
                        cu.declaredFindings().stream().map(SubmissionService::onDeclared).toList());
                add(found, filter, all.get(cu.unit()), parent, "rollup", cu.findings());
            }
        }
        Map<String, Integer> bySeverity = new TreeMap<>(Map.of("error", 0, "warning", 0));
        Map<String, Integer> byRule = new TreeMap<>();
        Set<String> withFindings = new HashSet<>();
        for (UnitFinding f : found) {
            bySeverity.merge(f.finding().severity(), 1, Integer::sum);
            byRule.merge(f.finding().rule(), 1, Integer::sum);
            withFindings.add(f.unit());
        }
        Map<String, Integer> mostFirst = new LinkedHashMap<>();
        byRule.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
        return new FindingsBelow(unitId, year, template.id(), tree.size(), withFindings.size(), bySeverity, mostFirst,
                found);
    }

    /** Checks the template's rules and the checks every report has (input, causes, sections, outliers, rollups). */
    private static boolean knownRule(Template template, String rule) {
        return rule.startsWith("input.") || rule.startsWith("consolidation.") || OTHER_CHECKS.contains(rule)
                || template.rules().rules().stream().anyMatch(r -> r.id().equals(rule));
    }

    private static void add(List<UnitFinding> into, Filter filter, Unit unit, @Nullable String parent, String source,
                            List<Finding> findings) {
        for (Finding f : findings) {
            UnitFinding candidate = new UnitFinding(unit.id(), unit.name(), unit.kind().code(), parent, source,
                    FindingView.of(f));
            if (filter.admits(candidate, unit)) {
                into.add(candidate);
            }
        }
    }
}

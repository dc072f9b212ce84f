package org.opengovinfo.model.consolidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.figures.FiguresAccumulator;
import org.opengovinfo.model.rule.CellValues;
import org.opengovinfo.model.rule.Contribution;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.RuleContext;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;

/**
 * The consolidation engine: a pure function of (hierarchy for the year, own figures per unit, figures declared by
 * consolidating units) → a consolidated report for every consolidating unit.
 *
 * <p>consolidated(u) = own(u) + Σ consolidated(child), over summed and derived cells; declared cells are taken
 * from u's declaration and never summed; derived cells still blank are computed; then the template's rules run on
 * the totals. One reverse pass over the hierarchy, children before parents, adding dense arrays: linear in units ×
 * cells, and deterministic. Sums are exact; a sum beyond {@code long} is reported, never wrapped.
 */
public final class Consolidator {

    static final String OVERFLOW = "consolidation.overflow";
    static final String DECLARED_DIFFERS = "consolidation.declared_differs";
    static final String DECLARED_BELOW_CHILD = "consolidation.declared_below_child";

    private Consolidator() {}

    /**
     * @param own each unit's own figures by unit id; a unit without figures has not reported
     * @param declared figures declared by consolidating units for their consolidated report, by unit id
     * @throws IllegalArgumentException if figures of another template are given, or of a unit outside the hierarchy
     */
    public static Consolidation consolidate(
            Template template, Hierarchy hierarchy, Map<String, Figures> own, Map<String, Figures> declared) {
        return consolidate(template, hierarchy, byIndex(hierarchy, own, "own"), byIndex(hierarchy, declared, "declared"));
    }

    /**
     * The same with figures by unit number: {@code own[i]} and {@code declared[i]} belong to
     * {@code hierarchy.unit(i)} and may be {@code null}.
     */
    public static Consolidation consolidate(Template template, Hierarchy hierarchy, Figures[] own, Figures[] declared) {
        return consolidate(null, template, hierarchy, own, declared);
    }

    /**
     * Consolidates again after some units' figures changed, computing only what they change: the units whose own or
     * declared figures are not the very objects {@code previous} was given (figures are immutable, so the same object
     * is the same figures) and every unit above them. Everything else is taken from {@code previous} as it is. The
     * result is the same as a consolidation from scratch, cell by cell and finding by finding: sums are exact and
     * their overflow is found whatever order the units are added in, because every summed value is non-negative.
     * After one leaf changed in a national tree this recomputes the handful of units on its path instead of 3,000.
     *
     * @param previous a consolidation of the same template and hierarchy (the same objects), or {@code null} to
     *     consolidate from scratch; a consolidation of anything else is ignored
     */
    public static Consolidation consolidate(Consolidation previous, Template template, Hierarchy hierarchy,
                                            Figures[] own, Figures[] declared) {
        int n = hierarchy.size();
        if (own.length != n || declared.length != n) {
            throw new IllegalArgumentException("figures arrays must have one slot per unit of the hierarchy");
        }
        Consolidation.Memory before = previous == null ? null : previous.memory(template, hierarchy);
        own = own.clone();
        declared = declared.clone();
        int[] order = hierarchy.orderShared();
        boolean[] changed = new boolean[n];
        int[] subtree;
        if (before == null) {
            Arrays.fill(changed, true);
            subtree = new int[n];
            for (int k = n - 1; k >= 0; k--) {
                int u = order[k];
                int p = hierarchy.parent(u);
                subtree[u]++;
                if (p >= 0) {
                    subtree[p] += subtree[u];
                }
            }
        } else {
            subtree = before.subtree();
            for (int k = n - 1; k >= 0; k--) {
                int u = order[k];
                changed[u] |= own[u] != before.own()[u] || declared[u] != before.declared()[u];
                int p = hierarchy.parent(u);
                if (changed[u] && p >= 0) {
                    changed[p] = true;
                }
            }
        }
        FiguresAccumulator[] sums = new FiguresAccumulator[n];
        Figures[] totals = new Figures[n];
        ConsolidatedUnit[] results = new ConsolidatedUnit[n];
        for (int k = n - 1; k >= 0; k--) {
            int u = order[k];
            if (!hierarchy.isConsolidating(u)) {
                continue;
            }
            if (!changed[u]) {
                sums[u] = before.sums()[u];
                totals[u] = before.totals()[u];
                results[u] = before.results()[u];
                continue;
            }
            FiguresAccumulator sum = new FiguresAccumulator(template);
            if (own[u] != null) {
                sum.add(own[u]);
            }
            for (int child : hierarchy.children(u)) {
                if (hierarchy.isConsolidating(child)) {
                    sum.addAll(sums[child]);
                } else if (own[child] != null) {
                    sum.add(own[child]);
                }
            }
            sums[u] = sum;
            totals[u] = sum.snapshot(declared[u]);
            List<Finding> findings = findings(template, hierarchy, u, sum, totals, own, declared[u]).stream()
                    .map(f -> f.labels().isEmpty() ? f.withLabels(template.labels(f.cells())) : f)
                    .toList();
            // The declared table is a submission like any other: the same rules, causes before consequences.
            List<Finding> declaredFindings = declared[u] == null ? List.of()
                    : declared[u].explainRules(new RuleContext(Math.max(1, sum.reportingUnits())));
            results[u] = new ConsolidatedUnit(hierarchy.unit(u), totals[u], findings, subtree[u], sum.reportingUnits(),
                    declared[u], declaredFindings);
        }
        List<ConsolidatedUnit> inOrder = new ArrayList<>();
        for (int u : order) {
            if (results[u] != null) {
                inOrder.add(results[u]);
            }
        }
        return new Consolidation(template, inOrder,
                new Consolidation.Memory(hierarchy, own, declared, subtree, sums, totals, results));
    }

    private static FiguresAccumulator sumOf(FiguresAccumulator[] sums, int u, Template template) {
        if (sums[u] == null) {
            sums[u] = new FiguresAccumulator(template);
        }
        return sums[u];
    }

    private static List<Finding> findings(
            Template template, Hierarchy hierarchy, int u, FiguresAccumulator sum, Figures[] totals,
            Figures[] own, Figures declaration) {
        Figures total = totals[u];
        List<Finding> findings = new ArrayList<>();
        if (sum.reportingUnits() > 0) {
            findings.addAll(template.rules().check(withOverflowUnknown(total, sum), new RuleContext(sum.reportingUnits())));
        }
        for (String code : sum.overflowedCells()) {
            findings.add(new Finding(OVERFLOW, Severity.ERROR, List.of(code), null, null, null, new Message(
                    "下级单位 " + code + " 的合计超出可表示的范围，请检查下级填报的数值",
                    "The sum of " + code + " over the units below is out of range: check the figures they reported")));
        }
        if (declaration != null) {
            findings.addAll(declarationFindings(template, hierarchy, u, sum, totals, own, declaration));
        }
        return findings;
    }

    private static List<Finding> declarationFindings(
            Template template, Hierarchy hierarchy, int u, FiguresAccumulator sum, Figures[] totals,
            Figures[] own, Figures declaration) {
        List<Finding> findings = new ArrayList<>();
        Figures total = totals[u];
        for (Cell cell : template.cells()) {
            int i = cell.index();
            if (!declaration.isPresent(i) || declaration.isDerived(cell.code())) {
                continue;
            }
            if (cell.consolidation() != ConsolidationMode.DECLARED) {
                if (!sum.isOverflowed(i) && !(total.isPresent(i) && total.value(i) == declaration.value(i))) {
                    Finding differs = differs(template, hierarchy, u, cell, declaration, total, totals, own);
                    findings.add(differs);
                    // Below one child alone, the declared total cannot be right whatever else is missing: say so.
                    for (Contribution c : differs.contributors()) {
                        if (!c.unit().equals(hierarchy.unit(u)) && c.value().compareTo(differs.actual()) > 0) {
                            findings.add(Finding.comparing(DECLARED_BELOW_CHILD, Severity.WARNING, List.of(cell.code()),
                                    differs.actual(), c.value(), new Message(
                                            template.label(cell.code()) + "：声明的汇总数 " + plain(differs.actual())
                                                    + " 小于下级单位 " + c.unit() + " 一家的数值 " + plain(c.value()),
                                            cell.code() + ": the declared consolidated value " + plain(differs.actual())
                                                    + " is below that of unit " + c.unit() + " alone, " + plain(c.value()))));
                            break;
                        }
                    }
                }
                continue;
            }
            if (cell.kind().isSigned()) {
                continue;
            }
            for (int child : hierarchy.children(u)) {
                Figures childFigures = hierarchy.isConsolidating(child) ? totals[child] : own[child];
                if (childFigures != null && childFigures.isPresent(i) && childFigures.value(i) > declaration.value(i)) {
                    findings.add(Finding.comparing(DECLARED_BELOW_CHILD, Severity.WARNING, List.of(cell.code()),
                            decimal(declaration.value(i), cell), decimal(childFigures.value(i), cell), new Message(
                                    "声明的去重汇总数小于下级单位 " + hierarchy.unit(child) + " 的数值",
                                    "The declared de-duplicated count is below that of unit " + hierarchy.unit(child))));
                }
            }
        }
        return findings;
    }

    /** How many of the largest contributors a reconciliation finding names. */
    static final int CONTRIBUTORS = 3;

    /**
     * A declared value that the units do not add up to — also where they gave no figure at all, which would otherwise
     * vanish silently behind the computed blank — with the units that contribute most, so the office knows whom to
     * ask.
     */
    private static Finding differs(Template template, Hierarchy hierarchy, int u, Cell cell, Figures declaration,
                                   Figures total, Figures[] totals, Figures[] own) {
        int i = cell.index();
        String label = template.label(cell.code());
        BigDecimal declared = decimal(declaration.value(i), cell);
        List<Contribution> contributors = contributors(hierarchy, u, i, cell, totals, own);
        String named = String.join("、", contributors.stream().map(c -> c.unit() + " " + plain(c.value())).toList());
        String namedEn = String.join(", ", contributors.stream().map(c -> c.unit() + " " + plain(c.value())).toList());
        Finding finding;
        if (!total.isPresent(i)) {
            finding = new Finding(DECLARED_DIFFERS, Severity.WARNING, List.of(cell.code()), declared, null, null, new Message(
                    label + "：声明的汇总数为 " + plain(declared) + "，但下级单位均未填报此项，汇总结果为空",
                    cell.code() + " (" + label + "): the declared consolidated value is " + plain(declared)
                            + ", but no unit below reported this cell, so the computed value is blank"));
        } else {
            BigDecimal computed = decimal(total.value(i), cell);
            finding = Finding.comparing(DECLARED_DIFFERS, Severity.WARNING, List.of(cell.code()), declared, computed,
                    new Message(
                            label + "：声明的汇总数 " + plain(declared) + " 与下级合计 " + plain(computed) + " 相差 "
                                    + plain(declared.subtract(computed)) + "；贡献最多的单位：" + named,
                            cell.code() + " (" + label + "): the declared consolidated value " + plain(declared)
                                    + " differs from the sum of the units below, " + plain(computed) + ", by "
                                    + plain(declared.subtract(computed)) + "; largest contributors: " + namedEn));
        }
        return finding.withLabels(List.of(label)).withContributors(contributors);
    }

    /** The unit's own figure and each child's (consolidated, if it consolidates), largest first, at most three. */
    private static List<Contribution> contributors(Hierarchy hierarchy, int u, int i, Cell cell, Figures[] totals, Figures[] own) {
        List<Contribution> all = new ArrayList<>();
        if (own[u] != null && own[u].isPresent(i)) {
            all.add(new Contribution(hierarchy.unit(u), decimal(own[u].value(i), cell)));
        }
        for (int child : hierarchy.children(u)) {
            Figures f = hierarchy.isConsolidating(child) ? totals[child] : own[child];
            if (f != null && f.isPresent(i)) {
                all.add(new Contribution(hierarchy.unit(child), decimal(f.value(i), cell)));
            }
        }
        // Stable: equal values keep the hierarchy's order, so the answer does not depend on anything but the input.
        all.sort((a, b) -> b.value().compareTo(a.value()));
        return List.copyOf(all.subList(0, Math.min(CONTRIBUTORS, all.size())));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static BigDecimal decimal(long scaled, Cell cell) {
        return BigDecimal.valueOf(scaled, cell.kind().scale());
    }

    private static CellValues withOverflowUnknown(Figures total, FiguresAccumulator sum) {
        return new CellValues() {
            @Override
            public boolean isPresent(int cell) {
                return total.isPresent(cell);
            }

            @Override
            public long value(int cell) {
                return total.value(cell);
            }

            @Override
            public int indexOf(String code) {
                return total.indexOf(code);
            }

            @Override
            public boolean isUnknown(int cell) {
                return sum.isOverflowed(cell);
            }
        };
    }

    private static Figures[] byIndex(Hierarchy hierarchy, Map<String, Figures> figures, String what) {
        Figures[] array = new Figures[hierarchy.size()];
        figures.forEach((unit, f) -> {
            int i = hierarchy.indexOf(unit);
            if (i < 0) {
                throw new IllegalArgumentException(what + " figures for unit " + unit + ", which is not in the hierarchy");
            }
            array[i] = f;
        });
        return array;
    }
}

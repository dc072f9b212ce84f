package org.opengovinfo.model.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one template, with the order in which its derived cells are computed.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RuleSet {

    private final List<Rule> rules;
    private final List<Rule> singleYear;
    private final List<Rule> crossYear;
    private final List<SumRule> derivations;

    /**
     * @throws IllegalArgumentException if two rules share an id with different severities, or the total rules
     *     define derived cells in a cycle
     */
    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.singleYear = this.rules.stream().filter(r -> !r.isCrossYear()).toList();
        this.crossYear = this.rules.stream().filter(Rule::isCrossYear).toList();
        this.derivations = orderDerivations(this.rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Total rules ordered so that every derived cell is computed after the derived cells among its parts. A cell
     * that several total rules define is computed by the first of them and checked by the others.
     */
    public List<SumRule> derivations() {
        return derivations;
    }

    /** Checks every single-year rule; findings come in rule order. */
    public List<Finding> check(CellValues figures, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : singleYear) {
            rule.check(figures, null, context, findings);
        }
        return findings;
    }

    /** Checks every cross-year rule of {@code current} against the same unit's {@code previous} figures. */
    public List<Finding> checkAcrossYears(CellValues current, CellValues previous) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : crossYear) {
            rule.check(current, previous, RuleContext.SINGLE_UNIT, findings);
        }
        return findings;
    }

    private static List<SumRule> orderDerivations(List<Rule> rules) {
        List<SumRule> totals = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof SumRule sum && sum.isTotal()) {
                totals.add(sum);
            }
        }
        Map<Integer, List<SumRule>> definedBy = new HashMap<>();
        for (SumRule t : totals) {
            definedBy.computeIfAbsent(t.total().cell(), k -> new ArrayList<>()).add(t);
        }
        List<SumRule> ordered = new ArrayList<>(totals.size());
        Map<SumRule, Boolean> state = new IdentityHashMap<>();
        for (SumRule t : totals) {
            visit(t, definedBy, state, ordered, new ArrayList<>());
        }
        return List.copyOf(ordered);
    }

    /** Depth-first: a rule is placed after every rule that defines one of its parts. */
    private static void visit(
            SumRule rule, Map<Integer, List<SumRule>> definedBy, Map<SumRule, Boolean> state,
            List<SumRule> ordered, List<String> path) {
        Boolean s = state.get(rule);
        if (Boolean.TRUE.equals(s)) {
            return;
        }
        path.add(rule.id() + " (" + rule.total().code() + ")");
        if (Boolean.FALSE.equals(s)) {
            throw new IllegalArgumentException("derived cells depend on each other in a cycle: " + String.join(" → ", path));
        }
        state.put(rule, Boolean.FALSE);
        for (Term part : rule.right()) {
            for (SumRule def : definedBy.getOrDefault(part.cell(), List.of())) {
                visit(def, definedBy, state, ordered, path);
            }
        }
        state.put(rule, Boolean.TRUE);
        ordered.add(rule);
        path.remove(path.size() - 1);
    }
}

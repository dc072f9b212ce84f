package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Rule;
import org.opengovinfo.model.rule.RuleContext;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;

/**
 * Turns broken rules into things a clerk can fix: causes before consequences.
 *
 * <p>A mistyped cell breaks every rule it is in, and every rule that reads a total computed from it. Reporting each
 * broken rule makes one typo look like three errors, two of them about values the clerk never typed. So for the
 * broken error rules, this looks for <em>typed</em> cells (filled, not computed) whose one corrected value would
 * make broken rules hold without breaking any that held: the value is solved from each broken rule the cell is in
 * (every cell enters a rule once, with coefficient 1), the figures are completed again (computed totals follow),
 * and every rule is run again. The cell that mends the most broken rules — and every broken rule it is directly
 * in — is reported as the cause, one error finding with the rules it mends as consequences. Greedy, so several
 * cells mistyped far apart are found one after the other, each correction applied before the next is sought.
 *
 * <p>A typed total that merely repeats a mistyped part (the printed 总计 column adds up the row, 95 included) holds
 * its own total rule; correcting the part corrects such a total by the same amount, so the clerk is told one
 * cause, not two.
 *
 * <p>When no cell explains a broken rule, or two cells explain the same broken rules equally well (a total and one
 * of its parts that meet in no other rule), the rule itself is reported, with any other broken rules the same
 * candidates explain as its consequences: still one error for one thing to fix, without guessing which cell.
 */
final class Attribution {

    private final Template template;
    private final RuleContext context;
    private final List<Rule> rules;
    private final Map<Rule, Integer> position;
    /** The error sum rules a change of each cell can affect: directly, or through the totals computed from it. */
    private final BitSet[] affected;

    private Attribution(Template template, RuleContext context) {
        this.template = template;
        this.context = context;
        Shape shape = SHAPES.computeIfAbsent(template, Shape::of);
        this.rules = shape.rules();
        this.position = shape.position();
        this.affected = shape.affected();
    }

    /**
     * What attribution needs of a template, worked out once per template rather than for every figures checked (a
     * bulk ingest checks hundreds of thousands): its single-year rules, their positions, the rules each cell affects.
     */
    private record Shape(List<Rule> rules, Map<Rule, Integer> position, BitSet[] affected) {
        static Shape of(Template template) {
            List<Rule> rules = template.rules().rules().stream().filter(r -> !r.isCrossYear()).toList();
            Map<Rule, Integer> position = new IdentityHashMap<>();
            for (int r = 0; r < rules.size(); r++) {
                position.put(rules.get(r), r);
            }
            return new Shape(rules, Collections.unmodifiableMap(position), affectedRules(template, rules));
        }
    }

    private static final Map<Template, Shape> SHAPES = Collections.synchronizedMap(new WeakHashMap<>());

    private static BitSet[] affectedRules(Template template, List<Rule> rules) {
        int n = template.cellCount();
        // feeds[c] = the derived cells whose value is computed from c, transitively
        List<Set<Integer>> feeds = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            feeds.add(new HashSet<>());
        }
        List<SumRule> derivations = template.rules().derivations();
        for (int c = 0; c < n; c++) {
            List<Integer> queue = new ArrayList<>(List.of(c));
            for (int k = 0; k < queue.size(); k++) {
                int part = queue.get(k);
                for (SumRule d : derivations) {
                    int total = d.total().cell();
                    if (d.right().stream().anyMatch(t -> t.cell() == part) && feeds.get(c).add(total)) {
                        queue.add(total);
                    }
                }
            }
        }
        BitSet[] affected = new BitSet[n];
        for (int c = 0; c < n; c++) {
            affected[c] = new BitSet(rules.size());
            Set<Integer> reach = new HashSet<>(feeds.get(c));
            reach.add(c);
            for (int r = 0; r < rules.size(); r++) {
                if (rules.get(r) instanceof SumRule sum && mentionsAny(sum, reach)) {
                    affected[c].set(r);
                }
            }
        }
        return affected;
    }

    private static boolean mentionsAny(SumRule rule, Set<Integer> cells) {
        return rule.left().stream().anyMatch(t -> !t.previousYear() && cells.contains(t.cell()))
                || rule.right().stream().anyMatch(t -> !t.previousYear() && cells.contains(t.cell()));
    }

    /** The single-year findings on {@code figures}, with causes before consequences, labelled. */
    static List<Finding> explain(Figures figures, RuleContext context) {
        return new Attribution(figures.template(), context).explain(figures);
    }

    /** A broken rule instance: its position in {@link #rules} and its finding. */
    private record Broken(int rule, Finding finding) {}

    private record Tried(int cell, long value) {}

    /** A correction tried: one typed cell set to one value, and the typed totals that repeat it moved along. */
    private record Candidate(int cell, long value, List<Integer> repeats, Figures corrected, BitSet mends) {}

    private List<Finding> explain(Figures original) {
        List<List<Finding>> byRule = run(original);
        List<Broken> broken = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Finding f : byRule.get(r)) {
                if (f.isError() && rules.get(r) instanceof SumRule) {
                    broken.add(new Broken(r, f));
                }
            }
        }
        // group lead (index into broken) → the finding reported for the group
        Finding[] reported = new Finding[broken.size()];
        boolean[] explained = new boolean[broken.size()];
        Figures current = original;
        while (true) {
            BitSet open = new BitSet();
            for (int b = 0; b < broken.size(); b++) {
                if (!explained[b]) {
                    open.set(b);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            List<Candidate> candidates = candidates(current, broken, open);
            Candidate best = null;
            for (Candidate c : candidates) {
                if (best == null || c.mends.cardinality() > best.mends.cardinality()) {
                    best = c;
                }
            }
            if (best == null) {
                int b = open.nextSetBit(0);
                explained[b] = true;
                reported[b] = labelled(broken.get(b).finding());
                continue;
            }
            boolean ambiguous = false;
            BitSet group = (BitSet) best.mends.clone();
            for (Candidate c : candidates) {
                if (c.cell != best.cell && c.mends.cardinality() == best.mends.cardinality() && c.mends.intersects(best.mends)) {
                    ambiguous = true;
                    group.and(c.mends);
                }
            }
            List<Finding> consequences = new ArrayList<>();
            int lead = group.nextSetBit(0);
            for (int b = group.nextSetBit(0); b >= 0; b = group.nextSetBit(b + 1)) {
                explained[b] = true;
                consequences.add(labelled(broken.get(b).finding()));
            }
            if (ambiguous) {
                reported[lead] = consequences.get(0).withConsequences(consequences.subList(1, consequences.size()));
            } else {
                reported[lead] = cause(current, best, consequences);
                current = best.corrected;
            }
        }
        List<Finding> out = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Finding f : byRule.get(r)) {
                int b = indexOf(broken, r, f);
                if (b < 0) {
                    out.add(labelled(f));
                } else if (reported[b] != null) {
                    out.add(reported[b]);
                }
            }
        }
        return out;
    }

    private static int indexOf(List<Broken> broken, int rule, Finding f) {
        for (int b = 0; b < broken.size(); b++) {
            if (broken.get(b).rule() == rule && broken.get(b).finding() == f) {
                return b;
            }
        }
        return -1;
    }

    /** Every correction of a typed cell in an open broken rule that mends it without breaking a rule that held. */
    private List<Candidate> candidates(Figures current, List<Broken> broken, BitSet open) {
        BitSet brokenNow = brokenRules(current);
        List<Candidate> out = new ArrayList<>();
        Set<Tried> tried = new HashSet<>();
        for (int b = open.nextSetBit(0); b >= 0; b = open.nextSetBit(b + 1)) {
            SumRule rule = (SumRule) rules.get(broken.get(b).rule());
            Finding f = broken.get(b).finding();
            long diff = f.difference().movePointRight(rule.scale()).longValueExact();
            for (int side = 0; side < 2; side++) {
                for (Term t : side == 0 ? rule.left() : rule.right()) {
                    int cell = t.cell();
                    if (t.previousYear() || !isTyped(current, cell)) {
                        continue;
                    }
                    long value;
                    try {
                        value = side == 0 ? Math.subtractExact(current.value(cell), diff) : Math.addExact(current.value(cell), diff);
                    } catch (ArithmeticException e) {
                        continue;
                    }
                    Cell c = template.cell(cell);
                    if (value < 0 && !c.kind().isSigned() || !tried.add(new Tried(cell, value))) {
                        continue;
                    }
                    Candidate candidate = tryCorrection(current, cell, value, broken, open, brokenNow);
                    if (candidate != null) {
                        out.add(candidate);
                    }
                }
            }
        }
        return out;
    }

    private Candidate tryCorrection(Figures current, int cell, long value, List<Broken> broken, BitSet open, BitSet brokenNow) {
        long delta = value - current.value(cell);
        long[] given = givenValues(current);
        long[] present = givenPresence(current);
        given[cell] = value;
        List<Integer> repeats = new ArrayList<>();
        // A typed total whose rule holds and whose part is being corrected merely repeats the part: move it along.
        List<Integer> moved = new ArrayList<>(List.of(cell));
        for (int k = 0; k < moved.size(); k++) {
            int part = moved.get(k);
            for (SumRule total : template.rules().derivations()) {
                int t = total.total().cell();
                if (moved.contains(t) || !isTyped(current, t) || brokenNow.get(position.get(total))) {
                    continue;
                }
                if (total.right().stream().anyMatch(p -> p.cell() == part)) {
                    try {
                        given[t] = Math.addExact(given[t], delta);
                    } catch (ArithmeticException e) {
                        return null;
                    }
                    moved.add(t);
                    repeats.add(t);
                }
            }
        }
        long[] derived = Bits.forCells(given.length);
        if (!FiguresDecoder.complete(template, given, present, derived, null).isEmpty()) {
            return null;
        }
        Figures corrected = new Figures(template, given, present, derived);
        // Only rules the changed cells can reach are run again; every other rule stands as it stood.
        BitSet reach = new BitSet(rules.size());
        for (int changed : moved) {
            reach.or(affected[changed]);
        }
        BitSet after = (BitSet) brokenNow.clone();
        for (int r = reach.nextSetBit(0); r >= 0; r = reach.nextSetBit(r + 1)) {
            Rule rule = rules.get(r);
            if (rule instanceof SumRule sum && sum.severity() == Severity.ERROR) {
                after.set(r, sum.isBrokenBy(corrected, null));
            }
        }
        BitSet newlyBroken = (BitSet) after.clone();
        newlyBroken.andNot(brokenNow);
        if (!newlyBroken.isEmpty()) {
            return null;
        }
        BitSet mends = new BitSet();
        for (int b = open.nextSetBit(0); b >= 0; b = open.nextSetBit(b + 1)) {
            int r = broken.get(b).rule();
            boolean holds = !after.get(r);
            if (holds) {
                mends.set(b);
            } else if (mentions((SumRule) rules.get(r), cell)) {
                return null; // it must mend every broken rule it is in, or it is not the whole story
            }
        }
        return mends.isEmpty() ? null : new Candidate(cell, value, repeats, corrected, mends);
    }

    private static boolean mentions(SumRule rule, int cell) {
        return rule.left().stream().anyMatch(t -> !t.previousYear() && t.cell() == cell)
                || rule.right().stream().anyMatch(t -> !t.previousYear() && t.cell() == cell);
    }

    private BitSet brokenRules(Figures figures) {
        BitSet broken = new BitSet(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r) instanceof SumRule sum && sum.severity() == Severity.ERROR && sum.isBrokenBy(figures, null)) {
                broken.set(r);
            }
        }
        return broken;
    }

    private List<List<Finding>> run(Figures figures) {
        List<List<Finding>> byRule = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            List<Finding> found = new ArrayList<>(1);
            rule.check(figures, null, context, found);
            byRule.add(found);
        }
        return byRule;
    }

    private static boolean isTyped(Figures figures, int cell) {
        return figures.isPresent(cell) && !figures.isDerivedCell(cell);
    }

    private static long[] givenValues(Figures figures) {
        long[] v = figures.values();
        for (int i = 0; i < v.length; i++) {
            if (!isTyped(figures, i)) {
                v[i] = 0;
            }
        }
        return v;
    }

    private static long[] givenPresence(Figures figures) {
        long[] p = Bits.forCells(figures.template().cellCount());
        for (int i = 0; i < figures.template().cellCount(); i++) {
            if (isTyped(figures, i)) {
                Bits.set(p, i);
            }
        }
        return p;
    }

    private Finding labelled(Finding f) {
        return f.withLabels(template.labels(f.cells()))
                .withConsequences(f.consequences().stream().map(this::labelled).toList());
    }

    private Finding cause(Figures current, Candidate c, List<Finding> consequences) {
        Cell cell = template.cell(c.cell);
        int scale = cell.kind().scale();
        BigDecimal typed = BigDecimal.valueOf(current.value(c.cell), scale);
        BigDecimal corrected = BigDecimal.valueOf(c.value, scale);
        List<String> cells = new ArrayList<>();
        cells.add(cell.code());
        c.repeats.forEach(t -> cells.add(template.cell(t).code()));
        String label = template.label(cell.code());
        String zhRepeats = c.repeats.isEmpty() ? "" : "（同时请相应更正由它合计而来的 "
                + String.join("、", c.repeats.stream().map(t -> template.label(template.cell(t).code())).toList()) + "）";
        String enRepeats = c.repeats.isEmpty() ? "" : " (and correct "
                + String.join(", ", c.repeats.stream().map(t -> template.cell(t).code()).toList()) + ", which adds it up)";
        Message message = new Message(
                label + " 填写为 " + plain(typed) + "，与 " + consequences.size() + " 条勾稽关系不符；若为 " + plain(corrected)
                        + " 则全部成立，请核对该单元格" + zhRepeats,
                cell.code() + " (" + label + ") is " + plain(typed) + ", which breaks " + consequences.size()
                        + (consequences.size() == 1 ? " rule" : " rules") + "; " + plain(corrected)
                        + " would satisfy them all: check this cell" + enRepeats);
        return new Finding(Finding.CAUSE_RULE, Severity.ERROR, cells, typed, corrected, typed.subtract(corrected), message,
                template.labels(cells), null, null, cell.code(), consequences, List.of(), null);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}

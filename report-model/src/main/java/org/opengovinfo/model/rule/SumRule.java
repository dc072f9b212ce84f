package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rule relating two sums of cells: {@code Σ left = Σ right} or {@code Σ left ≤ Σ right}.
 *
 * <p>Blank cells are left out of a sum. A side whose cells are all blank makes the rule inapplicable: a unit that
 * filled nothing has not claimed zero. A side touching an unknown cell, or a previous-year cell the previous
 * template lacks, also makes it inapplicable. Sums are exact; they cannot overflow.
 *
 * <p>A <em>total</em> rule has exactly one cell on the left, a derived cell that is computed from the right side
 * when left blank (see {@link RuleSet#derivations()}).
 *
 * @param scale decimal places of the scaled values of every cell in the rule (0 for counts, 4 for amounts)
 */
public record SumRule(
        String id,
        Severity severity,
        Message message,
        Relation relation,
        List<Term> left,
        List<Term> right,
        int scale,
        boolean isTotal) implements Rule {

    public SumRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(relation, "relation");
        left = List.copyOf(left);
        right = List.copyOf(right);
        if (left.isEmpty() || right.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " needs cells on both sides");
        }
        if (isTotal && (relation != Relation.EQUAL || left.size() != 1 || left.get(0).previousYear()
                || right.stream().anyMatch(Term::previousYear))) {
            throw new IllegalArgumentException("total rule " + id + " needs one current-year total equal to current-year parts");
        }
    }

    /** The derived cell of a total rule. */
    public Term total() {
        if (!isTotal) {
            throw new IllegalStateException("rule " + id + " is not a total rule");
        }
        return left.get(0);
    }

    @Override
    public boolean isCrossYear() {
        return left.stream().anyMatch(Term::previousYear) || right.stream().anyMatch(Term::previousYear);
    }

    /** Without previous-year figures, a cross-year rule does not apply. */
    @Override
    public void check(CellValues current, CellValues previous, RuleContext context, List<Finding> findings) {
        Sum l = Sum.of(left, current, previous);
        Sum r = Sum.of(right, current, previous);
        if (!l.applicable() || !r.applicable()) {
            return;
        }
        if (!relation.holds(l.compareTo(r))) {
            findings.add(Finding.comparing(id, severity, cellLabels(), l.decimal(scale), r.decimal(scale), message));
        }
    }

    private List<String> cellLabels() {
        List<String> cells = new ArrayList<>(left.size() + right.size());
        left.forEach(t -> cells.add(t.label()));
        right.forEach(t -> cells.add(t.label()));
        return cells;
    }

    /** An exact sum of the present cells of one side; a long until it would overflow, then a BigInteger. */
    private record Sum(boolean applicable, long small, BigInteger big) {

        static final Sum INAPPLICABLE = new Sum(false, 0, null);

        static Sum of(List<Term> terms, CellValues current, CellValues previous) {
            long small = 0;
            BigInteger big = null;
            boolean anyPresent = false;
            for (Term term : terms) {
                CellValues source = term.previousYear() ? previous : current;
                if (source == null) {
                    return INAPPLICABLE;
                }
                int cell = term.previousYear() ? previous.indexOf(term.code()) : term.cell();
                if (cell < 0 || source.isUnknown(cell)) {
                    return INAPPLICABLE;
                }
                if (!source.isPresent(cell)) {
                    continue;
                }
                anyPresent = true;
                long v = source.value(cell);
                if (big != null) {
                    big = big.add(BigInteger.valueOf(v));
                } else {
                    try {
                        small = Math.addExact(small, v);
                    } catch (ArithmeticException overflow) {
                        big = BigInteger.valueOf(small).add(BigInteger.valueOf(v));
                    }
                }
            }
            return anyPresent ? new Sum(true, small, big) : INAPPLICABLE;
        }

        int compareTo(Sum other) {
            if (big == null && other.big == null) {
                return Long.compare(small, other.small);
            }
            return exact().compareTo(other.exact());
        }

        private BigInteger exact() {
            return big != null ? big : BigInteger.valueOf(small);
        }

        BigDecimal decimal(int scale) {
            return big != null ? new BigDecimal(big, scale) : BigDecimal.valueOf(small, scale);
        }
    }
}

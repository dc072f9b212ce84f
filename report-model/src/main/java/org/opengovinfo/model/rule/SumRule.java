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
 * <p>A finding names the sides by the terms' printed names and gives both sums in its message ("（三）（七）+（四）= 11；
 * （一）+（二）= 12"), and carries the rule instance's row or column, so that a per-column rule reads as one finding
 * about one column.
 *
 * @param scale decimal places of the scaled values of every cell in the rule (0 for counts, 4 for amounts)
 * @param scope the row or column this instance of a per-row or per-column rule stands for, or {@code null}
 */
public record SumRule(
        String id,
        Severity severity,
        Message message,
        Relation relation,
        List<Term> left,
        List<Term> right,
        int scale,
        boolean isTotal,
        Scope scope) implements Rule {

    /** The most terms a message lists one by one; a longer side is named by its first and last term. */
    private static final int LISTED_TERMS = 4;

    public SumRule(String id, Severity severity, Message message, Relation relation, List<Term> left, List<Term> right,
                   int scale, boolean isTotal) {
        this(id, severity, message, relation, left, right, scale, isTotal, null);
    }

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

    /** Whether the figures break this rule: {@link #check} without building a finding, for trying corrections. */
    public boolean isBrokenBy(CellValues current, CellValues previous) {
        Sum l = Sum.of(left, current, previous);
        Sum r = Sum.of(right, current, previous);
        return l.applicable() && r.applicable() && !relation.holds(l.compareTo(r));
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
            BigDecimal actual = l.decimal(scale);
            BigDecimal expected = r.decimal(scale);
            findings.add(Finding.comparing(id, severity, cellLabels(), actual, expected, describe(actual, expected))
                    .withScope(scope));
        }
    }

    /** The rule's message followed by which sum is which, e.g. "…：（三）（七）+（四）= 11；（一）+（二）= 12（自然人）". */
    Message describe(BigDecimal actual, BigDecimal expected) {
        String zhWhere = scope == null ? "" : "（" + (scope.kind() == Scope.Kind.COLUMN ? "列：" : "行：") + scope.label() + "）";
        String enWhere = scope == null ? "" : " (" + (scope.kind() == Scope.Kind.COLUMN ? "column " : "row ") + scope.label() + ")";
        String zh = message.zh() + "：" + side(left, true) + " = " + plain(actual) + "；" + side(right, true) + " = "
                + plain(expected) + zhWhere;
        String en = message.en() + ": " + side(left, false) + " = " + plain(actual) + "; " + side(right, false) + " = "
                + plain(expected) + enWhere;
        return new Message(zh, en);
    }

    private static String side(List<Term> terms, boolean zh) {
        if (terms.size() <= LISTED_TERMS) {
            StringBuilder s = new StringBuilder();
            for (Term t : terms) {
                if (s.length() > 0) {
                    s.append('+');
                }
                s.append(name(t, zh));
            }
            return s.toString();
        }
        String first = name(terms.get(0), zh);
        String last = name(terms.get(terms.size() - 1), zh);
        return zh ? first + "至" + last + "共" + terms.size() + "项之和"
                : "the sum of " + terms.size() + " cells " + first + " … " + last;
    }

    private static String name(Term t, boolean zh) {
        return t.previousYear() ? (zh ? "上年" : "last year's ") + t.name() : t.name();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
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

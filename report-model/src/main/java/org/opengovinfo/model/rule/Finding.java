package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One thing a clerk has to look at: a broken rule, a rejected input value, or a typed cell that explains several
 * broken rules at once. Named precisely enough for a clerk to find the cell.
 *
 * <p>For a rule that relates two sums, {@code actual} is the left side as filled in, {@code expected} the right
 * side it should agree with, and {@code difference = actual - expected}. Findings about a single input value
 * (an unknown cell code, a negative count…) carry no numbers: all three are {@code null} and the message says
 * what was given. A plausibility limit is not an expected value: a limit finding carries {@code actual} and
 * {@code limit}, and no {@code expected}. A declared value whose computed counterpart is blank carries
 * {@code actual} alone.
 *
 * <p><b>Causes and consequences.</b> A finding whose {@code cause} is set says "this typed cell is wrong": it names
 * the cell, its typed value as {@code actual}, the value that would satisfy every rule it breaks as
 * {@code expected}, and lists those broken rules as {@code consequences} — so one mistyped cell is one error, not
 * one per rule its value flows into.
 *
 * @param rule stable identifier of the rule or check, e.g. {@code s3.balance}, {@code input.negative},
 *     {@link #CAUSE_RULE}
 * @param severity error or warning
 * @param cells every cell code the finding involves, left side first; a cell of the previous year's report is
 *     prefixed with {@value #PREVIOUS_YEAR_PREFIX}
 * @param actual the left side's value, the typed value, or the declared value; or {@code null}
 * @param expected the value the left side should have, or {@code null}
 * @param difference {@code actual - expected}, present exactly when both are
 * @param message what is wrong, in Chinese and English
 * @param labels the Chinese label of each cell as printed (row, then column), in the order of {@code cells}; empty
 *     when not known
 * @param scope the row or column a per-row or per-column rule instance stands for, or the table a section finding is
 *     about; {@code null} otherwise
 * @param limit the bound a plausibility check compared {@code actual} with, or {@code null}
 * @param cause the code of the typed cell this finding blames, or {@code null} for a finding about a rule
 * @param consequences the broken rules this finding's cause explains; empty unless {@code cause} is set (or a rule
 *     finding that stands for several broken rules no single cell explains)
 * @param contributors the units that contribute most to a consolidated cell, largest first; empty unless the
 *     finding compares a declared value with the sum of the units
 * @param outlier both years' values and the thresholds of a year-over-year outlier, or {@code null}
 */
public record Finding(
        String rule,
        Severity severity,
        List<String> cells,
        BigDecimal actual,
        BigDecimal expected,
        BigDecimal difference,
        Message message,
        List<String> labels,
        Scope scope,
        BigDecimal limit,
        String cause,
        List<Finding> consequences,
        List<Contribution> contributors,
        Outlier outlier) {

    /** Prefix of a cell code that refers to the previous year's report of the same unit. */
    public static final String PREVIOUS_YEAR_PREFIX = "previous:";

    /** The rule id of a finding that blames one typed cell for several broken rules. */
    public static final String CAUSE_RULE = "cell.inconsistent";

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        cells = List.copyOf(cells);
        labels = List.copyOf(labels);
        consequences = List.copyOf(consequences);
        contributors = List.copyOf(contributors);
        if ((difference != null) != (actual != null && expected != null)) {
            throw new IllegalArgumentException("difference is given exactly when actual and expected are");
        }
        if (!labels.isEmpty() && labels.size() != cells.size()) {
            throw new IllegalArgumentException("labels go with cells one to one");
        }
    }

    /** A finding as it was before causes, labels and scopes: kept so that existing callers compile unchanged. */
    public Finding(String rule, Severity severity, List<String> cells, BigDecimal actual, BigDecimal expected,
                   BigDecimal difference, Message message) {
        this(rule, severity, cells, actual, expected, difference, message, List.of(), null, null, null, List.of(),
                List.of(), null);
    }

    /** A finding about one input value, without numbers. */
    public static Finding aboutInput(String rule, String cell, Message message) {
        return new Finding(rule, Severity.ERROR, List.of(cell), null, null, null, message);
    }

    /** A finding that compares two values, with {@code difference = actual - expected}. */
    public static Finding comparing(
            String rule, Severity severity, List<String> cells, BigDecimal actual, BigDecimal expected, Message message) {
        return new Finding(rule, severity, cells, actual, expected, actual.subtract(expected), message);
    }

    /** A value above a plausibility bound: {@code actual} and {@code limit}, no expected value. */
    public static Finding overLimit(
            String rule, Severity severity, List<String> cells, BigDecimal actual, BigDecimal limit, Message message) {
        return new Finding(rule, severity, cells, actual, null, null, message, List.of(), null,
                Objects.requireNonNull(limit, "limit"), null, List.of(), List.of(), null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Finding withLabels(List<String> labels) {
        return new Finding(rule, severity, cells, actual, expected, difference, message, labels, scope, limit, cause,
                consequences, contributors, outlier);
    }

    public Finding withScope(Scope scope) {
        return new Finding(rule, severity, cells, actual, expected, difference, message, labels, scope, limit, cause,
                consequences, contributors, outlier);
    }

    public Finding withConsequences(List<Finding> consequences) {
        return new Finding(rule, severity, cells, actual, expected, difference, message, labels, scope, limit, cause,
                consequences, contributors, outlier);
    }

    public Finding withContributors(List<Contribution> contributors) {
        return new Finding(rule, severity, cells, actual, expected, difference, message, labels, scope, limit, cause,
                consequences, contributors, outlier);
    }

    public Finding withOutlier(Outlier outlier) {
        return new Finding(rule, severity, cells, actual, expected, difference, message, labels, scope, limit, cause,
                consequences, contributors, outlier);
    }
}

package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One broken rule or one rejected input value, named precisely enough for a clerk to find the cell.
 *
 * <p>For a rule that relates two sums, {@code actual} is the left side as filled in, {@code expected} the right
 * side it should agree with, and {@code difference = actual - expected}. Findings about a single input value
 * (an unknown cell code, a negative count…) carry no numbers: all three are {@code null} and the message says
 * what was given.
 *
 * @param rule stable identifier of the rule or input check, e.g. {@code s3.balance} or {@code input.negative}
 * @param severity error or warning
 * @param cells every cell code the finding involves, left side first; a cell of the previous year's report is
 *     prefixed with {@value #PREVIOUS_YEAR_PREFIX}
 * @param actual the left side's value, or {@code null}
 * @param expected the value the left side should have, or {@code null}
 * @param difference {@code actual - expected}, or {@code null}
 * @param message what is wrong, in Chinese and English
 */
public record Finding(
        String rule,
        Severity severity,
        List<String> cells,
        BigDecimal actual,
        BigDecimal expected,
        BigDecimal difference,
        Message message) {

    /** Prefix of a cell code that refers to the previous year's report of the same unit. */
    public static final String PREVIOUS_YEAR_PREFIX = "previous:";

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        cells = List.copyOf(cells);
        if ((actual == null) != (expected == null) || (actual == null) != (difference == null)) {
            throw new IllegalArgumentException("actual, expected and difference are given together or not at all");
        }
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

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}

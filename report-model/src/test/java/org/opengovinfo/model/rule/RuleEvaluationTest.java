package org.opengovinfo.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules evaluated on hand-made cells, down to values no report has but sums may reach. */
class RuleEvaluationTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final Message MESSAGE = new Message("规则", "Rule");

    /** Cells 0…n-1 holding the given values; {@code null} is blank. */
    private record Cells(Long... values) implements CellValues {

        @Override
        public boolean isPresent(int cell) {
            return values[cell] != null;
        }

        @Override
        public long value(int cell) {
            return values[cell] == null ? 0 : values[cell];
        }

        @Override
        public int indexOf(String code) {
            return Integer.parseInt(code.substring(1));
        }
    }

    private static List<Term> terms(int... cells) {
        List<Term> terms = new ArrayList<>();
        for (int c : cells) {
            terms.add(Term.current("c" + c, c));
        }
        return terms;
    }

    private static SumRule rule(Relation relation, List<Term> left, List<Term> right, int scale) {
        return new SumRule("r", Severity.ERROR, MESSAGE, relation, left, right, scale, false);
    }

    private static List<Finding> check(Rule rule, CellValues current, CellValues previous) {
        List<Finding> findings = new ArrayList<>();
        rule.check(current, previous, RuleContext.SINGLE_UNIT, findings);
        return findings;
    }

    @Test
    void aSumPastLongMaxInsideARuleSideIsStillExact() {
        // Left: MAX + MAX + 3 = 2^64 + 1, which a long would wrap to 1, equal to the right side.
        SumRule rule = rule(Relation.EQUAL, terms(0, 1, 2), terms(3), 0);

        List<Finding> findings = check(rule, new Cells(MAX, MAX, 3L, 1L), null);

        assertEquals(1, findings.size());
        assertEquals(new BigDecimal("18446744073709551617"), findings.get(0).actual());
        assertEquals(new BigDecimal("1"), findings.get(0).expected());
        assertEquals(new BigDecimal("18446744073709551616"), findings.get(0).difference());
    }

    @Test
    void aSideThatOverflowsIsLargerThanAnyLongOnTheOtherSide() {
        // MAX + 1 wraps to Long.MIN_VALUE as a long, which would be "at most" anything.
        SumRule rule = rule(Relation.AT_MOST, terms(0, 1), terms(2), 4);

        List<Finding> findings = check(rule, new Cells(MAX, 1L, MAX), null);

        assertEquals(1, findings.size());
        assertEquals(new BigDecimal("922337203685477.5808"), findings.get(0).actual());
        assertEquals(new BigDecimal("922337203685477.5807"), findings.get(0).expected());
        assertTrue(check(rule(Relation.AT_MOST, terms(2), terms(0, 1), 0), new Cells(MAX, 1L, MAX), null).isEmpty());
    }

    @Test
    void aSideBelowLongMaxIsComparedExactlyWithASidePastIt() {
        // MAX ≤ (MAX − 1) + 5: the right side is past Long.MAX_VALUE, the left is not.
        SumRule rule = rule(Relation.AT_MOST, terms(0), terms(1, 2));

        assertTrue(check(rule, new Cells(MAX, MAX - 1, 5L), null).isEmpty());
    }

    @Test
    void aNegativeChangeInASumIsSubtracted() {
        // 本年增/减 may be negative: 0 + (−2) is −2, not 2.
        SumRule rule = rule(Relation.EQUAL, terms(0), terms(1, 2));

        assertTrue(check(rule, new Cells(-2L, 0L, -2L), null).isEmpty());
        assertEquals(new BigDecimal("-4"), check(rule, new Cells(-6L, 0L, -2L), null).get(0).difference());
    }

    @Test
    void twoSidesBothPastLongMaxAreComparedExactly() {
        Cells cells = new Cells(MAX, 2L, MAX - 1, 3L, MAX - 1, 4L);

        assertTrue(check(rule(Relation.EQUAL, terms(0, 1), terms(2, 3)), cells, null).isEmpty());
        assertEquals(new BigDecimal("-1"),
                check(rule(Relation.EQUAL, terms(0, 1), terms(4, 5)), cells, null).get(0).difference());
    }

    private static SumRule rule(Relation relation, List<Term> left, List<Term> right) {
        return rule(relation, left, right, 0);
    }

    @Test
    void aCrossYearRuleWithoutThePreviousYearDoesNotApply() {
        SumRule rule = rule(Relation.EQUAL, terms(0), List.of(Term.previousYear("c0")));

        assertTrue(rule.isCrossYear());
        assertTrue(check(rule, new Cells(5L), null).isEmpty());
        assertEquals(1, check(rule, new Cells(5L), new Cells(4L)).size());
    }

    @Test
    void aSideWhollyBlankMakesTheRuleInapplicableButPartlyBlankDoesNot() {
        SumRule rule = rule(Relation.EQUAL, terms(0), terms(1, 2));

        assertTrue(check(rule, new Cells(5L, null, null), null).isEmpty());
        assertEquals(new BigDecimal("3"), check(rule, new Cells(5L, 2L, null), null).get(0).difference());
    }

    @Test
    void onlyATotalRuleHasATotal() {
        assertThrows(IllegalStateException.class, () -> rule(Relation.EQUAL, terms(0), terms(1)).total());
        assertFalse(rule(Relation.EQUAL, terms(0), terms(1)).isTotal());
    }

    @Test
    void aValueExactlyAtThePlausibilityLimitIsFineAndOneYuanMoreIsNot() {
        // 10 万元 per reporting unit; amounts are scaled by 10^4, so 100000 is exactly 10 万元.
        AmountLimitRule limit = new AmountLimitRule("limit", Severity.WARNING, MESSAGE, terms(0), new BigDecimal("10"), null);

        assertTrue(check(limit, new Cells(100_000L), null).isEmpty());
        List<Finding> above = check(limit, new Cells(100_001L), null);
        assertEquals(1, above.size());
        assertEquals(new BigDecimal("10.0001"), above.get(0).actual());
        assertEquals(new BigDecimal("10"), above.get(0).limit());
        assertEquals(null, above.get(0).difference(), "a limit is not an expected value, so there is no difference to it");
    }

    @Test
    void aPlausibilityLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new AmountLimitRule("limit", Severity.WARNING, MESSAGE, terms(0), BigDecimal.ZERO, null));
        assertThrows(IllegalArgumentException.class,
                () -> new AmountLimitRule("limit", Severity.WARNING, MESSAGE, List.of(), BigDecimal.ONE, null));
    }

    @Test
    void aWarningIsNotAnError() {
        Finding warning = Finding.comparing("w", Severity.WARNING, List.of("c0"), BigDecimal.ONE, BigDecimal.ZERO, MESSAGE);
        Finding error = Finding.comparing("e", Severity.ERROR, List.of("c0"), BigDecimal.ONE, BigDecimal.ZERO, MESSAGE);

        assertFalse(warning.isError());
        assertTrue(error.isError());
    }
}

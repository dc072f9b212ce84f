package org.opengovinfo.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/**
 * Every rule instance of every bundled template, driven by the rule files themselves: silent on valid figures, and
 * when broken on purpose, one finding that names the rule, every cell involved, and the exact numbers.
 */
class EveryRuleTest {

    /** Valid figures with every cell filled: the two real reports, and the legacy sample. */
    private static PublishedReport validReportFor(Template template) {
        return switch (template.id()) {
            case "2019" -> PublishedReport.luozhuang2020();
            case "2021" -> PublishedReport.linzi2021();
            case "legacy" -> PublishedReport.legacySample2017();
            default -> throw new IllegalStateException("no valid fixture for template " + template.id());
        };
    }

    static Stream<Arguments> everyRule() {
        List<Arguments> all = new ArrayList<>();
        for (Template template : Templates.bundled().all()) {
            for (Rule rule : template.rules().rules()) {
                all.add(Arguments.of(template.id() + " " + rule.id() + " " + cells(rule), validReportFor(template), rule));
            }
        }
        return all.stream();
    }

    private static List<String> cells(Rule rule) {
        if (rule instanceof SumRule sum) {
            List<String> cells = new ArrayList<>();
            Stream.concat(sum.left().stream(), sum.right().stream()).forEach(t -> cells.add(t.label()));
            return cells;
        }
        AmountLimitRule limit = (AmountLimitRule) rule;
        List<String> cells = new ArrayList<>(limit.cells().stream().map(Term::code).toList());
        if (limit.perItemOf() != null) {
            cells.add(limit.perItemOf().code());
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void isSilentOnValidFigures(String name, PublishedReport report, Rule rule) {
        Figures figures = report.figures();
        List<Finding> findings = rule.isCrossYear()
                ? figures.checkAgainstPreviousYear(agreeingPreviousYear((SumRule) rule, figures))
                : figures.check();
        assertTrue(findings.stream().noneMatch(f -> f.rule().equals(rule.id()) && f.cells().equals(cells(rule))),
                () -> name + " fired on valid figures: " + findings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void namesEveryCellAndTheNumbersWhenBroken(String name, PublishedReport report, Rule rule) {
        Figures valid = report.figures();
        Map<String, Object> cells = new LinkedHashMap<>(valid.toMap());
        List<Finding> findings;
        BigDecimal actual;
        BigDecimal expected;
        if (rule instanceof SumRule sum && sum.isCrossYear()) {
            Map<String, Object> previous = new LinkedHashMap<>(agreeingPreviousYear(sum, valid).toMap());
            String first = sum.right().get(0).code();
            previous.put(first, ((BigDecimal) decimal(previous.get(first))).add(BigDecimal.ONE));
            findings = valid.checkAgainstPreviousYear(Figures.of(valid.template(), previous));
            actual = sideSum(sum.left(), valid);
            expected = actual.add(BigDecimal.ONE);
        } else if (rule instanceof SumRule sum) {
            BigDecimal left = sideSum(sum.left(), valid);
            BigDecimal right = sideSum(sum.right(), valid);
            String first = sum.left().get(0).code();
            BigDecimal firstValue = valid.value(first).orElseThrow();
            BigDecimal raised = sum.relation() == Relation.EQUAL
                    ? firstValue.add(BigDecimal.ONE)
                    : firstValue.add(right.subtract(left)).add(BigDecimal.ONE);
            cells.put(first, raised);
            findings = Figures.of(valid.template(), cells).check();
            actual = left.subtract(firstValue).add(raised);
            expected = right;
        } else {
            AmountLimitRule limit = (AmountLimitRule) rule;
            BigDecimal items = limit.perItemOf() == null ? BigDecimal.ONE : valid.value(limit.perItemOf().code()).orElseThrow();
            expected = limit.max().multiply(items);
            actual = expected.add(BigDecimal.ONE);
            cells.put(limit.cells().get(0).code(), actual);
            findings = Figures.of(valid.template(), cells).check();
        }
        List<Finding> mine = findings.stream()
                .filter(f -> f.rule().equals(rule.id()) && f.cells().equals(cells(rule)))
                .toList();
        assertEquals(1, mine.size(), () -> name + ": " + findings);
        Finding finding = mine.get(0);
        assertEquals(rule.severity(), finding.severity());
        assertEquals(0, actual.compareTo(finding.actual()), name);
        if (rule instanceof AmountLimitRule) {
            // A plausibility bound is a limit, not a value the cell should have.
            assertEquals(0, expected.compareTo(finding.limit()), name);
            assertEquals(null, finding.expected(), name);
            assertEquals(rule.message(), finding.message());
        } else {
            assertEquals(0, expected.compareTo(finding.expected()), name);
            assertEquals(0, actual.subtract(expected).compareTo(finding.difference()), name);
            // The rule's words, then which sum is which.
            assertTrue(finding.message().zh().startsWith(rule.message().zh() + "："), finding.message().zh());
            assertTrue(finding.message().zh().contains(" = " + plain(finding.actual()) + "；"), finding.message().zh());
            assertTrue(finding.message().en().startsWith(rule.message().en() + ": "), finding.message().en());
            assertEquals(((SumRule) rule).scope(), finding.scope());
        }
        assertEquals(finding.cells().size(), finding.labels().size(), name);
    }

    /** Previous-year figures under the same template whose cells make the cross-year rule hold exactly. */
    private static Figures agreeingPreviousYear(SumRule rule, Figures current) {
        Map<String, Object> previous = new LinkedHashMap<>();
        for (Term t : rule.right()) {
            previous.put(t.code(), 0);
        }
        previous.put(rule.right().get(0).code(), sideSum(rule.left(), current));
        return Figures.of(current.template(), previous);
    }

    private static BigDecimal sideSum(List<Term> terms, Figures figures) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term t : terms) {
            sum = sum.add(figures.value(t.code()).orElse(BigDecimal.ZERO));
        }
        return sum;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static Object decimal(Object value) {
        return value instanceof Long l ? BigDecimal.valueOf(l) : value;
    }
}

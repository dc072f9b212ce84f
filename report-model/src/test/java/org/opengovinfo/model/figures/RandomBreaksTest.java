package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Relation;
import org.opengovinfo.model.rule.Rule;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/**
 * For every bundled template: valid figures, single cells broken at random (and several far apart), and the clerk
 * sees exactly one error per broken cell. Where the broken cell is in two or more rules it is named as the cause,
 * with its typed value and the value that mends it; where it is in one rule only (a part and its total meet nowhere
 * else) no cell can be told from the others, and the one error is that rule, naming the cell among its own.
 */
class RandomBreaksTest {

    private static final int TRIALS = 250;

    static Stream<Template> templates() {
        return Templates.bundled().all().stream();
    }

    private static PublishedReport validReportFor(Template template) {
        return switch (template.id()) {
            case "2019" -> PublishedReport.luozhuang2020();
            case "2021" -> PublishedReport.linzi2021();
            case "legacy" -> PublishedReport.legacySample2017();
            default -> throw new IllegalStateException("no valid fixture for template " + template.id());
        };
    }

    private static List<SumRule> errorRules(Template template) {
        List<SumRule> rules = new ArrayList<>();
        for (Rule r : template.rules().rules()) {
            if (r instanceof SumRule s && !s.isCrossYear() && s.severity() == Severity.ERROR) {
                rules.add(s);
            }
        }
        return rules;
    }

    private static boolean mentions(SumRule rule, String code) {
        return Stream.concat(rule.left().stream(), rule.right().stream()).map(Term::code).anyMatch(code::equals);
    }

    /** Every cell of every error rule the cell is in: two broken cells are far apart when these do not meet. */
    private static Set<String> neighbourhood(List<SumRule> rules, String code) {
        Set<String> cells = new HashSet<>(Set.of(code));
        for (SumRule r : rules) {
            if (mentions(r, code)) {
                Stream.concat(r.left().stream(), r.right().stream()).map(Term::code).forEach(cells::add);
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyBrokenCellIsExactlyOneErrorAndANamedCauseWhereTheRulesCanTellIt(Template template) {
        Random random = new Random(20260101L + template.id().hashCode());
        List<SumRule> rules = errorRules(template);
        SampleFigures samples = new SampleFigures(template, random, 0.6);
        int counted = 0;
        int named = 0;
        int broken = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            // Every total typed: the published fixture, or sample figures with their computed totals written in.
            Map<String, Object> valid = trial % 2 == 0
                    ? new LinkedHashMap<>(validReportFor(template).figures().toMap())
                    : new LinkedHashMap<>(samples.next().toMap());
            List<String> breakable = valid.keySet().stream()
                    .filter(code -> !template.cell(code).orElseThrow().kind().isSigned())
                    .filter(code -> rules.stream().anyMatch(r -> mentions(r, code)))
                    .toList();
            int wanted = trial % 5 == 0 ? 3 : trial % 3 == 0 ? 2 : 1;
            List<String> chosen = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (int attempt = 0; attempt < 50 && chosen.size() < wanted; attempt++) {
                String code = breakable.get(random.nextInt(breakable.size()));
                Set<String> near = neighbourhood(rules, code);
                if (near.stream().noneMatch(taken::contains)) {
                    chosen.add(code);
                    taken.addAll(near);
                }
            }
            Map<String, Object> cells = new LinkedHashMap<>(valid);
            Map<String, BigDecimal> original = new LinkedHashMap<>();
            Map<String, BigDecimal> typed = new LinkedHashMap<>();
            for (String code : chosen) {
                BigDecimal before = decimal(valid.get(code));
                BigDecimal delta = BigDecimal.valueOf(1 + random.nextInt(40));
                BigDecimal after = random.nextBoolean() || before.compareTo(delta) < 0 ? before.add(delta) : before.subtract(delta);
                cells.put(code, after);
                original.put(code, before);
                typed.put(code, after);
            }
            Figures figures = Figures.of(template, cells);
            List<Finding> raw = figures.check().stream().filter(Finding::isError).toList();
            // A change on the slack side of an at-most rule breaks nothing: such a trial has nothing to find.
            if (chosen.stream().anyMatch(code -> raw.stream().noneMatch(f -> f.cells().contains(code)))) {
                continue;
            }
            counted++;
            List<Finding> errors = figures.validate().stream().filter(Finding::isError).toList();
            String context = template.id() + " trial " + trial + " broke " + typed + " (was " + original + "): " + errors;
            assertEquals(chosen.size(), errors.size(), context);
            for (String code : chosen) {
                broken++;
                List<Finding> inRules = raw.stream().filter(f -> f.cells().contains(code)).toList();
                Finding cause = errors.stream().filter(e -> code.equals(e.cause())).findFirst().orElse(null);
                if (inRules.size() >= 2) {
                    assertTrue(cause != null, context + ": " + code + " should be the named cause");
                }
                if (cause != null) {
                    named++;
                    assertEquals(0, typed.get(code).compareTo(cause.actual()), context);
                    assertEquals(inRules.size(), cause.consequences().size(), context);
                    boolean allEqual = rules.stream().filter(r -> mentions(r, code)).allMatch(r -> r.relation() == Relation.EQUAL);
                    if (allEqual) {
                        assertEquals(0, original.get(code).compareTo(cause.expected()), context);
                    }
                } else {
                    assertTrue(errors.stream().anyMatch(e -> e.cause() == null && e.cells().contains(code)), context);
                }
            }
        }
        System.out.printf("random breaks, template %s: %d trials counted of %d, %d broken cells, %d named as cause%n",
                template.id(), counted, TRIALS, broken, named);
        assertTrue(counted > TRIALS / 2, "most trials break something: " + counted);
        if (!template.id().equals("legacy")) {
            assertTrue(named > broken / 2, "in the 2019 and 2021 formats most cells meet in two rules: " + named + "/" + broken);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void withTotalsLeftBlankOneBrokenCellIsStillOneError(Template template) {
        Random random = new Random(7L + template.id().hashCode());
        List<SumRule> rules = errorRules(template);
        SampleFigures samples = new SampleFigures(template, random, 0.6);
        int counted = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Figures valid = samples.next();
            Map<String, Object> given = new LinkedHashMap<>(valid.given());
            List<String> breakable = given.keySet().stream()
                    .filter(code -> !template.cell(code).orElseThrow().kind().isSigned())
                    .filter(code -> rules.stream().anyMatch(r -> mentions(r, code)))
                    .toList();
            if (breakable.isEmpty()) {
                continue;
            }
            String code = breakable.get(random.nextInt(breakable.size()));
            given.put(code, decimal(given.get(code)).add(BigDecimal.valueOf(1 + random.nextInt(40))));
            Figures figures = Figures.of(template, given);
            if (figures.check().stream().noneMatch(Finding::isError)) {
                continue;
            }
            counted++;
            List<Finding> errors = figures.validate().stream().filter(Finding::isError).toList();
            assertEquals(1, errors.size(), template.id() + " trial " + trial + " broke " + code + ": " + errors);
        }
        // The legacy sample leaves its totals blank and its other rules are at-most with slack: few breaks show.
        assertTrue(counted >= TRIALS / 20, "trials that break something: " + counted);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
    }
}

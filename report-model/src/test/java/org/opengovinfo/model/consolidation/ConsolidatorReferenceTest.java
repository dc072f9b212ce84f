package org.opengovinfo.model.consolidation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.RandomFigures;
import org.opengovinfo.model.testing.RandomTrees;

/**
 * The engine agrees, cell by cell, with a deliberately naive reference — for every consolidating unit, add up every
 * unit of its subtree in {@link BigInteger}, take declared cells from the declaration — on seeded random forests
 * of 1 to 5 levels and up to thousands of units, with blanks, declared cells, and sums past {@code Long.MAX_VALUE}.
 */
class ConsolidatorReferenceTest {

    static Stream<Arguments> seeds() {
        List<String> templates = List.of("2021", "2019", "legacy");
        return IntStream.range(0, 36).mapToObj(seed -> {
            Random sizes = new Random(seed);
            int units = seed % 6 == 0 ? 1 + sizes.nextInt(10) : 10 + sizes.nextInt(seed % 4 == 0 ? 4000 : 600);
            return Arguments.of(seed, templates.get(seed % 3), units, 1 + seed % 5);
        });
    }

    @ParameterizedTest(name = "seed {0}: template {1}, {2} units, depth ≤ {3}")
    @MethodSource("seeds")
    void engineAgreesWithTheNaiveReference(int seed, String templateId, int units, int depth) {
        Template template = Templates.bundled().byId(templateId).orElseThrow();
        Random random = new Random(seed);
        Hierarchy hierarchy = RandomTrees.forest(random, units, depth);
        RandomFigures figures = new RandomFigures(template, random);
        Figures[] own = new Figures[units];
        Figures[] declared = new Figures[units];
        for (int u = 0; u < units; u++) {
            own[u] = random.nextInt(8) == 0 ? null : figures.next();
            if (hierarchy.isConsolidating(u) && random.nextBoolean()) {
                declared[u] = figures.nextDeclaration();
            }
        }

        Consolidation consolidation = Consolidator.consolidate(template, hierarchy, own, declared);

        int consolidating = 0;
        for (int u = 0; u < units; u++) {
            if (!hierarchy.isConsolidating(u)) {
                assertEquals(false, consolidation.unit(hierarchy.unit(u)).isPresent());
                continue;
            }
            consolidating++;
            ConsolidatedUnit result = consolidation.unit(hierarchy.unit(u)).orElseThrow();
            List<Integer> subtree = subtree(hierarchy, u);
            assertEquals(subtree.size(), result.unitsInSubtree());
            assertEquals((int) subtree.stream().filter(v -> own[v] != null).count(), result.unitsReported());
            List<String> overflowed = new ArrayList<>();
            for (Cell cell : template.cells()) {
                int i = cell.index();
                String where = "seed " + seed + ", unit " + hierarchy.unit(u) + ", cell " + cell.code();
                if (cell.consolidation() == ConsolidationMode.DECLARED) {
                    boolean filled = declared[u] != null && declared[u].isPresent(i);
                    assertEquals(filled, result.totals().isPresent(i), where);
                    if (filled) {
                        assertEquals(declared[u].value(i), result.totals().value(i), where);
                    }
                    continue;
                }
                BigInteger sum = BigInteger.ZERO;
                boolean filled = false;
                for (int v : subtree) {
                    if (own[v] != null && own[v].isPresent(i)) {
                        filled = true;
                        sum = sum.add(BigInteger.valueOf(own[v].value(i)));
                    }
                }
                boolean overflow = sum.bitLength() > 63;
                if (overflow) {
                    overflowed.add(cell.code());
                }
                assertEquals(filled && !overflow, result.totals().isPresent(i), where);
                if (filled && !overflow) {
                    assertEquals(sum.longValueExact(), result.totals().value(i), where);
                }
            }
            assertEquals(overflowed, result.findings().stream()
                    .filter(f -> f.rule().equals(Consolidator.OVERFLOW))
                    .map(f -> f.cells().get(0))
                    .toList());
            assertEquals(!overflowed.isEmpty(), result.findings().stream()
                    .filter(f -> f.rule().equals(Consolidator.OVERFLOW))
                    .allMatch(Finding::isError) && !overflowed.isEmpty());
        }
        assertEquals(consolidating, consolidation.units().size());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameInputGivesTheSameConsolidation(int seed, String templateId, int units, int depth) {
        Template template = Templates.bundled().byId(templateId).orElseThrow();
        Random random = new Random(seed);
        Hierarchy hierarchy = RandomTrees.forest(random, Math.min(units, 300), depth);
        RandomFigures figures = new RandomFigures(template, random);
        Map<String, Figures> own = new HashMap<>();
        for (int u = 0; u < hierarchy.size(); u++) {
            own.put(hierarchy.unit(u), figures.next());
        }

        Consolidation first = Consolidator.consolidate(template, hierarchy, own, Map.of());
        Consolidation second = Consolidator.consolidate(template, hierarchy, new HashMap<>(own), Map.of());

        assertEquals(first.units(), second.units());
    }

    private static List<Integer> subtree(Hierarchy h, int root) {
        List<Integer> all = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            int u = stack.remove(stack.size() - 1);
            all.add(u);
            for (int c : h.children(u)) {
                stack.add(c);
            }
        }
        return all;
    }
}

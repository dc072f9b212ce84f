package org.opengovinfo.model.consolidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.RandomFigures;
import org.opengovinfo.model.testing.RandomTrees;

/**
 * Consolidating again after some units' figures changed gives exactly what consolidating from scratch gives, and
 * recomputes only the units whose figures changed and those above them.
 */
class ConsolidatingAgainTest {

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 24).mapToObj(seed -> Arguments.of(seed, new String[] {"2021", "2019", "legacy"}[seed % 3],
                20 + new Random(seed).nextInt(seed % 4 == 0 ? 3000 : 400), 2 + seed % 4));
    }

    @ParameterizedTest(name = "seed {0}: template {1}, {2} units, depth ≤ {3}")
    @MethodSource("seeds")
    void afterChangesItEqualsAConsolidationFromScratchAndKeepsWhatDidNotChange(int seed, String templateId, int units,
                                                                               int depth) {
        Template template = Templates.bundled().byId(templateId).orElseThrow();
        Random random = new Random(seed);
        Hierarchy hierarchy = RandomTrees.forest(random, units, depth);
        RandomFigures figures = new RandomFigures(template, random);
        Figures[] own = new Figures[units];
        Figures[] declared = new Figures[units];
        for (int u = 0; u < units; u++) {
            own[u] = random.nextInt(8) == 0 ? null : figures.next();
            if (hierarchy.isConsolidating(u) && random.nextInt(3) == 0) {
                declared[u] = figures.nextDeclaration();
            }
        }
        Consolidation previous = Consolidator.consolidate(template, hierarchy, own, declared);
        for (int round = 0; round < 6; round++) {
            // one to a few units change: new figures, figures withdrawn, a declaration made or withdrawn
            Figures[] ownBefore = own.clone();
            Figures[] declaredBefore = declared.clone();
            int changes = 1 + random.nextInt(round == 5 ? units : 4);
            for (int c = 0; c < changes; c++) {
                int u = random.nextInt(units);
                switch (random.nextInt(4)) {
                    case 0 -> own[u] = null;
                    case 1 -> declared[u] = hierarchy.isConsolidating(u) && declared[u] == null
                            ? figures.nextDeclaration() : null;
                    default -> own[u] = figures.next();
                }
            }

            Consolidation again = Consolidator.consolidate(previous, template, hierarchy, own, declared);

            assertEquals(Consolidator.consolidate(template, hierarchy, own, declared).units(), again.units(),
                    "seed " + seed + ", round " + round);
            boolean[] above = new boolean[units];
            for (int u = 0; u < units; u++) {
                boolean touched = own[u] != ownBefore[u] || declared[u] != declaredBefore[u];
                for (int v = u; touched && v >= 0; v = hierarchy.parent(v)) {
                    above[v] = true;
                }
            }
            for (int u = 0; u < units; u++) {
                if (hierarchy.isConsolidating(u)) {
                    // compared by reference, and said briefly: a consolidated unit prints as pages of findings
                    assertEquals(above[u] ? "recomputed" : "kept",
                            previous.unitAt(u) == again.unitAt(u) ? "kept" : "recomputed", hierarchy.unit(u));
                }
            }
            previous = again;
        }
    }

    @Test
    void aConsolidationOfAnotherHierarchyIsNotTakenForThisOne() {
        Template template = Templates.bundled().byId("2021").orElseThrow();
        RandomFigures figures = new RandomFigures(template, new Random(7));
        Hierarchy county = Hierarchy.builder().add("county", null).add("town", "county").build();
        Hierarchy moved = Hierarchy.builder().add("county", null).add("town", "county").build();
        Figures[] own = {figures.next(), figures.next()};
        Figures[] none = new Figures[2];
        Consolidation first = Consolidator.consolidate(template, county, own, none);

        // the same figures objects, but another hierarchy: nothing may be taken over, though nothing "changed"
        Consolidation second = Consolidator.consolidate(first, template, moved, own, none);

        assertTrue(first.unitAt(0) != second.unitAt(0), "taken over from another hierarchy");
        assertEquals(first.units(), second.units());
    }
}

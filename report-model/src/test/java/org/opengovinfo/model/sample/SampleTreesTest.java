package org.opengovinfo.model.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class SampleTreesTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static SampleTrees tree(String scale, long seed) {
        return switch (scale) {
            case "city" -> SampleTrees.city(T2021, seed);
            case "province" -> SampleTrees.province(T2021, seed);
            default -> SampleTrees.national(T2021, seed);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"city, 996", "province, 15645", "national, 186667"})
    void everyScaleHasItsSizeAndEveryUnitsFiguresPassEveryRule(String scale, int units) {
        SampleTrees tree = tree(scale, 1);

        assertEquals(units, tree.hierarchy().size());
        assertEquals(units, tree.own().length);
        int sampled = 0;
        for (int u = 0; u < units; u += Math.max(1, units / 5000)) {
            assertEquals(List.of(), tree.own()[u].check(), tree.hierarchy().unit(u));
            sampled++;
        }
        assertTrue(sampled >= Math.min(units, 5000));
    }

    @Test
    void theSameSeedGivesTheSameTreeAndFigures() {
        SampleTrees a = tree("city", 7);
        SampleTrees b = tree("city", 7);

        assertArrayEquals(a.hierarchy().order(), b.hierarchy().order());
        for (int u = 0; u < a.own().length; u++) {
            Figures x = a.own()[u];
            assertEquals(x, b.own()[u]);
        }
    }
}

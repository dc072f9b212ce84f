package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class FiguresAccumulatorTest {

    private static final Template T2019 = Templates.bundled().byId("2019").orElseThrow();
    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    @Test
    void figuresOfAnotherTemplateCannotBeAddedNorDeclared() {
        FiguresAccumulator sum = new FiguresAccumulator(T2021);
        FiguresAccumulator other = new FiguresAccumulator(T2019);
        other.add(Figures.of(T2019, Map.of("s3.new.natural_person", 1)));

        assertThrows(IllegalArgumentException.class, () -> sum.add(Figures.blank(T2019)));
        assertThrows(IllegalArgumentException.class, () -> sum.addAll(other));
        assertThrows(IllegalArgumentException.class, () -> sum.snapshot(Figures.blank(T2019)));
        assertEquals(0, sum.reportingUnits());
        assertEquals(0, sum.snapshot(null).filledCount());
    }

    /**
     * 64 cells fill one word of every bitmap to its last bit, the case where reading one cell past the end would
     * leave the word instead of landing on a spare bit.
     */
    @Test
    void aTemplateOfExactlySixtyFourCellsKeepsItsLastCellLikeAnyOther() {
        Template grid = Templates.load(getClass().getClassLoader(), "two-templates/").byId("late").orElseThrow();
        assertEquals(64, grid.cellCount());
        Figures huge = Figures.of(grid, Map.of("g.r0.c0", 1, "g.r7.c6", 5, "g.r7.c7", Long.MAX_VALUE / 2 + 1));

        FiguresAccumulator sum = new FiguresAccumulator(grid);
        sum.add(huge);
        sum.add(huge);
        Figures totals = sum.snapshot(null);

        assertEquals(List.of("g.r7.c7"), sum.overflowedCells());
        assertTrue(sum.isOverflowed(63));
        assertTrue(totals.isBlank("g.r7.c7"));
        assertEquals(new BigDecimal("10"), totals.value("g.r7.c6").orElseThrow());
        assertEquals(new BigDecimal("2"), totals.value("g.r0.c0").orElseThrow());
        assertEquals(2, totals.filledCount());
    }

    @Test
    void anOverflowInOnePartOfTheTreeIsCarriedUpByAddAll() {
        Figures huge = Figures.of(T2021, Map.of("s2_5.licensing.decisions", Long.MAX_VALUE / 2 + 1));
        FiguresAccumulator county = new FiguresAccumulator(T2021);
        county.add(huge);
        county.add(huge);
        FiguresAccumulator city = new FiguresAccumulator(T2021);

        city.addAll(county);

        assertEquals(List.of("s2_5.licensing.decisions"), city.overflowedCells());
        assertEquals(2, city.reportingUnits());
    }
}

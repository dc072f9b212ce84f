package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * Printed tables write 不适用, N/A, NA or -- where a cell does not apply. Such a cell holds no value, like a blank
 * one, but the unit said so: it is kept apart from a cell not filled in and from 0, through storage and
 * consolidation.
 */
class NotApplicableTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();
    private static final String UPHELD = "s4.reconsideration.upheld";
    private static final String CORRECTED = "s4.reconsideration.corrected";
    private static final String OTHER = "s4.reconsideration.other";
    private static final String PENDING = "s4.reconsideration.pending";
    private static final String TOTAL = "s4.reconsideration.total";

    @Test
    void everyWayPrintedTablesSayNotApplicableIsReadAsNotApplicable() {
        for (String form : List.of("不适用", "N/A", "n/a", "NA", "na", "--", " 不适用 ", "Ｎ／Ａ", "ＮＡ")) {
            Decoded decoded = Figures.decode(T2021, Map.of(UPHELD, form));
            assertEquals(List.of(), decoded.problems(), form);
            Figures f = decoded.figures().orElseThrow();
            assertTrue(f.isNotApplicable(UPHELD), form);
            assertFalse(f.isBlank(UPHELD), form);
            assertEquals(Optional.empty(), f.value(UPHELD), form);
        }
    }

    @Test
    void 无StaysAQuestionToTheClerkAndABlankFormStaysBlank() {
        assertEquals(InputProblem.NOT_A_NUMBER.code(),
                Figures.decode(T2021, Map.of(UPHELD, "无")).problems().get(0).rule());
        Figures blank = Figures.of(T2021, Map.of(UPHELD, "/"));
        assertTrue(blank.isBlank(UPHELD));
        assertFalse(blank.isNotApplicable(UPHELD));
    }

    @Test
    void notApplicableIsNeitherBlankNorZeroAndSurvivesBeingStored() {
        Figures na = Figures.of(T2021, Map.of(UPHELD, "不适用", CORRECTED, 2));
        Figures blank = Figures.of(T2021, Map.of(CORRECTED, 2));
        Figures zero = Figures.of(T2021, Map.of(UPHELD, 0, CORRECTED, 2));

        assertNotEquals(blank, na);
        assertNotEquals(zero, na);
        assertEquals(List.of(UPHELD), na.notApplicable());
        assertEquals(Map.of(UPHELD, "不适用", CORRECTED, 2L), na.toStorable());
        assertEquals(na, Figures.of(T2021, na.toStorable()));
        assertFalse(na.toMap().containsKey(UPHELD), "the numbers hold no value for it");
        assertFalse(na.isEmpty());
        assertFalse(Figures.of(T2021, Map.of(UPHELD, "NA")).isEmpty(), "saying a cell does not apply is a report");
    }

    @Test
    void aTotalIsNotApplicableOnlyWhenEveryPartIs() {
        Map<String, Object> allParts = Map.of(UPHELD, "不适用", CORRECTED, "N/A", OTHER, "--", PENDING, "NA");
        assertTrue(Figures.of(T2021, allParts).isNotApplicable(TOTAL));

        Map<String, Object> oneFilled = new HashMap<>(allParts);
        oneFilled.put(PENDING, 3);
        Figures partly = Figures.of(T2021, oneFilled);
        assertFalse(partly.isNotApplicable(TOTAL));
        assertEquals(Optional.of(BigDecimal.valueOf(3)), partly.value(TOTAL));

        Map<String, Object> oneBlank = new HashMap<>(allParts);
        oneBlank.remove(PENDING);
        assertTrue(Figures.of(T2021, oneBlank).isBlank(TOTAL), "a part not filled in keeps the total blank");
    }

    @Test
    void inAConsolidationACellIsNotApplicableOnlyWhereEveryUnitSaidSo() {
        Figures a = Figures.of(T2021, Map.of(UPHELD, "不适用", CORRECTED, "不适用", OTHER, "不适用"));
        Figures b = Figures.of(T2021, Map.of(UPHELD, "N/A", CORRECTED, 4));
        FiguresAccumulator sum = new FiguresAccumulator(T2021);
        sum.add(a);
        sum.add(b);
        Figures total = sum.snapshot(null);

        assertTrue(total.isNotApplicable(UPHELD), "not applicable in every unit");
        assertEquals(Optional.of(BigDecimal.valueOf(4)), total.value(CORRECTED), "a value outweighs 不适用");
        assertTrue(total.isBlank(OTHER), "left blank in one unit: blank in the sum, not 不适用");

        FiguresAccumulator city = new FiguresAccumulator(T2021);
        city.addAll(new FiguresAccumulator(T2021));
        city.addAll(sum);
        assertTrue(city.snapshot(null).isNotApplicable(UPHELD), "an empty branch says nothing either way");
        assertFalse(new FiguresAccumulator(T2021).snapshot(null).isNotApplicable(UPHELD),
                "nothing added: nothing is not applicable");
    }

    @Test
    void aTableWhollyMarkedNotApplicableIsAnsweredNotForgotten() {
        Map<String, Object> cells = new HashMap<>(Map.of("s2_5.licensing.decisions", 3));
        for (String row : List.of("reconsideration", "litigation_direct", "litigation_after_reconsideration")) {
            for (String column : List.of("upheld", "corrected", "other", "pending", "total")) {
                cells.put("s4." + row + "." + column, "不适用");
            }
        }
        assertTrue(Figures.of(T2021, cells).validate().stream()
                .noneMatch(f -> f.rule().equals(Sections.SECTION_BLANK) && "s4".equals(f.scope().table())));
    }
}

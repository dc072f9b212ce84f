package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.sample.SampleTrees;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.template.ValueKind;

/** The packed form gives back exactly the figures written: values, blanks, zeros, derived totals, not applicable. */
class PackedFiguresTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static Figures roundTrip(Figures figures) {
        PackedFigures.Out out = new PackedFigures.Out(64);
        PackedFigures.write(figures, out);
        PackedFigures.In in = new PackedFigures.In(out.toByteArray());
        Figures read = PackedFigures.read(figures.template(), in);
        assertTrue(in.atEnd());
        return read;
    }

    private static void assertSame(Figures expected, Figures actual) {
        assertEquals(expected, actual);
        assertEquals(expected.toStorable(), actual.toStorable());
        assertArrayEquals(expected.derivedBits(), actual.derivedBits(), "derived totals");
    }

    @Test
    void everyUnitOfASampleCityReadsBackEqualWithItsDerivedTotals() {
        SampleTrees city = SampleTrees.city(T2021, 7);
        for (Figures own : city.own()) {
            if (own != null) {
                assertSame(own, roundTrip(own));
            }
        }
    }

    @Test
    void notApplicableBlankZeroNegativeAndExtremeValuesReadBackAsTheyWere() {
        Cell amount = T2021.cells().stream().filter(c -> c.kind() == ValueKind.AMOUNT).findFirst().orElseThrow();
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s4.reconsideration.upheld", "不适用");
        cells.put("s4.reconsideration.corrected", 0);
        cells.put(amount.code(), new BigDecimal("12345678901.2345"));
        Figures figures = Figures.of(T2021, cells);
        Figures read = roundTrip(figures);

        assertSame(figures, read);
        assertTrue(read.isNotApplicable("s4.reconsideration.upheld"));
        assertEquals(BigDecimal.ZERO, read.value("s4.reconsideration.corrected").orElseThrow());
        assertTrue(read.isBlank("s4.reconsideration.other"));
        assertSame(Figures.blank(T2021), roundTrip(Figures.blank(T2021)));
    }

    @Test
    void negativeCountsReadBackAsTheyWere() {
        Template t2019 = Templates.bundled().byId("2019").orElseThrow();
        Cell signed = t2019.cells().stream().filter(c -> c.kind() == ValueKind.SIGNED_COUNT).findFirst().orElseThrow();
        for (long value : new long[] {-1, -1_234_567_890_123L, Long.MIN_VALUE + 1, Long.MAX_VALUE}) {
            Figures figures = Figures.of(t2019, Map.of(signed.code(), value));
            assertSame(figures, roundTrip(figures));
            assertEquals(BigDecimal.valueOf(value), roundTrip(figures).value(signed.code()).orElseThrow());
        }
    }

    @Test
    void bytesThatEndEarlyOrMarkCellsBeyondTheTemplateAreRefused() {
        PackedFigures.Out out = new PackedFigures.Out(64);
        PackedFigures.write(SampleTrees.city(T2021, 7).own()[0], out);
        byte[] bytes = out.toByteArray();
        assertThrows(IllegalArgumentException.class,
                () -> PackedFigures.read(T2021, new PackedFigures.In(Arrays.copyOf(bytes, bytes.length - 1))));

        PackedFigures.Out beyond = new PackedFigures.Out(64);
        for (int w = 0; w < Bits.forCells(T2021.cellCount()).length; w++) {
            beyond.varLong(-1L); // every bit set, also past the last cell
        }
        assertThrows(IllegalArgumentException.class, () -> PackedFigures.read(T2021, new PackedFigures.In(beyond.toByteArray())));
    }

    @Test
    void templatesWithAnotherLayoutHaveAnotherLayoutKey() {
        Template legacy = Templates.bundled().byId("legacy").orElseThrow();
        assertEquals(PackedFigures.layoutKey(T2021), PackedFigures.layoutKey(Templates.bundled().byId("2021").orElseThrow()));
        assertNotEquals(PackedFigures.layoutKey(T2021), PackedFigures.layoutKey(legacy));
    }
}

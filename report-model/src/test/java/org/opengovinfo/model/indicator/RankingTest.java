package org.opengovinfo.model.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class RankingTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();
    private static final IndicatorSet SET = Indicators.bundled().of(T2021);
    private static final Indicator RATE = SET.indicator("reconsideration_correction_rate").orElseThrow();

    /** A child's 复议纠错率 from its section 四: {@code corrected} of {@code total}, or blank when {@code total} is null. */
    private static Ranking.UnitValue child(String unit, Integer corrected, Integer total) {
        Map<String, Object> cells = new HashMap<>();
        if (total != null) {
            cells.put("s4.reconsideration.corrected", corrected);
            cells.put("s4.reconsideration.upheld", total - corrected);
        }
        return new Ranking.UnitValue(unit, SET.evaluate(RATE, Figures.of(T2021, cells), null));
    }

    private static List<String> ranks(Ranking ranking) {
        List<String> out = new ArrayList<>();
        ranking.ranked().forEach(r -> out.add(r.rank() + " " + r.unit() + " " + r.value().value()));
        return out;
    }

    @Test
    void childrenAreRankedHighestFirstTiesShareARankAndUndefinedOnesAreListedApart() {
        Ranking ranking = Ranking.of(RATE, List.of(child("a", 1, 4), child("g", null, null), child("c", 2, 10),
                child("f", 0, 0), child("b", 1, 4), child("d", 0, 5), child("e", 3, 6)));
        assertEquals(List.of("1 e 50.00", "2 a 25.00", "2 b 25.00", "4 c 20.00", "5 d 0.00"), ranks(ranking));
        assertEquals(List.of("f " + NotDefined.DIVISION_BY_ZERO, "g " + NotDefined.BLANK_INPUT),
                ranking.notDefined().stream().map(u -> u.unit() + " " + u.value().notDefined().code()).toList());
        Ranking.Spread s = ranking.spread();
        assertEquals(5, s.count());
        // weighted by the denominators: (1+1+2+0+3) × 100 / (4+4+10+5+6) = 700 / 29 = 24.137…
        assertEquals(new BigDecimal("24.14"), s.weightedMean());
        // ascending 0, 20, 25, 25, 50; type 7: h = 4p
        assertEquals(new BigDecimal("25.00"), s.median());        // h = 2
        assertEquals(new BigDecimal("8.00"), s.p10());            // h = 0.4: 0 + 0.4 × 20
        assertEquals(new BigDecimal("40.00"), s.p90());           // h = 3.6: 25 + 0.6 × 25
        assertEquals(new BigDecimal("32.00"), s.p90MinusP10());
    }

    @Test
    void valuesThatRoundAlikeAreNotTiedAndStatisticsRoundOnlyAtTheEnd() {
        // 1/3 = 33.333… % and 10000/30001 = 33.332… % both show as 33.33
        Ranking ranking = Ranking.of(RATE, List.of(child("x", 10000, 30001), child("y", 1, 3), child("z", 2, 3)));
        assertEquals(List.of("1 z 66.67", "2 y 33.33", "3 x 33.33"), ranks(ranking));
        Ranking.Spread s = Ranking.of(RATE, List.of(child("y", 1, 3), child("z", 2, 3))).spread();
        assertEquals(new BigDecimal("50.00"), s.weightedMean());  // 3 × 100 / 6
        assertEquals(new BigDecimal("50.00"), s.median());        // 33.33… + 0.5 × 33.33…
        assertEquals(new BigDecimal("36.67"), s.p10());           // 33.33… + 0.1 × 33.33… = 36.666…
        assertEquals(new BigDecimal("63.33"), s.p90());           // 33.33… + 0.9 × 33.33… = 63.333…
        assertEquals(new BigDecimal("26.67"), s.p90MinusP10());   // 26.666…, not 63.33 − 36.67 = 26.66
    }

    @Test
    void noDefinedChildMeansNoSpreadAndOneChildIsItsOwnSpread() {
        Ranking none = Ranking.of(RATE, List.of(child("f", 0, 0)));
        assertNull(none.spread());
        assertEquals(List.of(), none.ranked());
        Ranking.Spread one = Ranking.of(RATE, List.of(child("a", 1, 8))).spread();
        assertEquals(List.of(new BigDecimal("12.50"), new BigDecimal("12.50"), new BigDecimal("12.50"),
                new BigDecimal("12.50"), new BigDecimal("0.00")),
                List.of(one.weightedMean(), one.median(), one.p10(), one.p90(), one.p90MinusP10()));
    }
}

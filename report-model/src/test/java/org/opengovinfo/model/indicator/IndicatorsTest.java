package org.opengovinfo.model.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class IndicatorsTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();
    private static final IndicatorSet SET_2021 = Indicators.bundled().of(T2021);

    private static Map<String, BigDecimal> values(List<IndicatorValue> values) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(v.indicator().id(), v.value()));
        return map;
    }

    private static IndicatorValue value(List<IndicatorValue> values, String id) {
        return values.stream().filter(v -> v.indicator().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void linzi2021GivesItsRatesAsHandComputedFromThePublishedTables() {
        PublishedReport linzi = PublishedReport.linzi2021();
        // last year's figures as if 罗庄区 2020 were the same unit's: 79 new requests
        List<IndicatorValue> values = SET_2021.evaluate(linzi.figures(), PublishedReport.luozhuang2020().figures());
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put("new_requests", new BigDecimal("151"));
        expected.put("new_requests_change", new BigDecimal("91.14"));            // (151 − 79) / 79 = 91.139…
        expected.put("substantive_disclosure_rate", new BigDecimal("14.29"));    // (22 + 0) / 154 = 14.285…
        expected.put("non_disclosure_rate", new BigDecimal("40.91"));            // (1+0+0+3+2+0+54+3) / 154 = 40.909…
        expected.put("unavailable_rate", new BigDecimal("44.81"));               // (69+0+0) / 154 = 44.805…
        expected.put("reconsideration_correction_rate", new BigDecimal("25.00"));// 1 / 4
        expected.put("litigation_correction_rate", new BigDecimal("0.00"));     // (0 + 0) / (4 + 0)
        assertEquals(expected, values(values));
        IndicatorValue substantive = value(values, "substantive_disclosure_rate");
        assertEquals(List.of(new BigDecimal("22"), new BigDecimal("154")),
                List.of(substantive.numerator(), substantive.denominator()));
    }

    @Test
    void luozhuang2020UnderThe2019FormatGivesItsRates() {
        Figures luozhuang = PublishedReport.luozhuang2020().figures();
        List<IndicatorValue> values = Indicators.bundled().of(luozhuang.template()).evaluate(luozhuang, null);
        assertEquals(new BigDecimal("54.43"), value(values, "substantive_disclosure_rate").value()); // 43 / 79
        assertEquals(new BigDecimal("7.59"), value(values, "non_disclosure_rate").value());          // 6 / 79
        assertEquals(new BigDecimal("36.71"), value(values, "unavailable_rate").value());            // 29 / 79
        assertEquals(new BigDecimal("53.85"), value(values, "reconsideration_correction_rate").value()); // 7 / 13
        assertEquals(new BigDecimal("0.00"), value(values, "litigation_correction_rate").value());   // 0 / 5
        assertEquals(NotDefined.NO_PREVIOUS_YEAR, value(values, "new_requests_change").notDefined().code());
    }

    @Test
    void theLegacyFormatHasEquivalentsOverItsAnswers() {
        Figures legacy = PublishedReport.legacySample2017().figures();
        Map<String, BigDecimal> v = values(Indicators.bundled().of(legacy.template()).evaluate(legacy, legacy));
        BigDecimal answered = legacy.value("l3.answered").orElseThrow();
        BigDecimal substantive = legacy.value("l3.answered_already_public").orElseThrow()
                .add(legacy.value("l3.answered_granted").orElseThrow())
                .add(legacy.value("l3.answered_partly_granted").orElseThrow());
        assertEquals(substantive.multiply(BigDecimal.valueOf(100)).divide(answered, 2, java.math.RoundingMode.HALF_UP),
                v.get("substantive_disclosure_rate"));
        assertEquals(legacy.value("l3.received").orElseThrow(), v.get("new_requests"));
        assertEquals(new BigDecimal("0.00"), v.get("new_requests_change"), "the same figures last year: no change");
    }

    @Test
    void aZeroDenominatorIsNotDefinedNeverZero() {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s4.reconsideration.upheld", 0);
        cells.put("s4.reconsideration.corrected", 0);
        cells.put("s4.reconsideration.other", 0);
        cells.put("s4.reconsideration.pending", 0);
        IndicatorValue rate = value(SET_2021.evaluate(Figures.of(T2021, cells), null), "reconsideration_correction_rate");
        assertFalse(rate.isDefined());
        assertNull(rate.value());
        assertEquals(NotDefined.DIVISION_BY_ZERO, rate.notDefined().code());
        assertEquals(List.of("s4.reconsideration.total"), rate.notDefined().cells());
        assertEquals(BigDecimal.ZERO, rate.denominator());
        assertTrue(rate.notDefined().reason().zh().contains("为 0"), rate.notDefined().reason().zh());
    }

    @Test
    void aBlankInputIsNotDefinedAndNamesTheBlankCellsBlankIsNotZero() {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s4.reconsideration.corrected", 1);
        cells.put("s4.reconsideration.total", 4);
        cells.put("s3.granted.total", 10);
        cells.put("s3.results_total.total", 20);     // 部分公开 left blank
        List<IndicatorValue> values = SET_2021.evaluate(Figures.of(T2021, cells), null);
        IndicatorValue substantive = value(values, "substantive_disclosure_rate");
        assertEquals(NotDefined.BLANK_INPUT, substantive.notDefined().code());
        assertEquals(List.of("s3.partly_granted.total"), substantive.notDefined().cells());
        assertTrue(substantive.notDefined().reason().zh().contains("部分公开"), substantive.notDefined().reason().zh());
        assertEquals(new BigDecimal("25.00"), value(values, "reconsideration_correction_rate").value());
        assertEquals(NotDefined.BLANK_INPUT, value(values, "new_requests").notDefined().code());
    }

    @Test
    void theYearOverYearChangeNeedsLastYearAndItsCell() {
        Figures now = Figures.of(T2021, Map.of("s3.new.natural_person", 30));
        Figures last = Figures.of(T2021, Map.of("s3.new.natural_person", 40));
        assertEquals(new BigDecimal("-25.00"), value(SET_2021.evaluate(now, last), "new_requests_change").value());
        assertEquals(NotDefined.NO_PREVIOUS_YEAR, value(SET_2021.evaluate(now, null), "new_requests_change").notDefined().code());
        assertEquals(NotDefined.NO_PREVIOUS_YEAR,
                value(SET_2021.evaluate(now, Figures.blank(T2021)), "new_requests_change").notDefined().code());
        Figures zero = Figures.of(T2021, Map.of("s3.new.natural_person", 0));
        assertEquals(NotDefined.DIVISION_BY_ZERO, value(SET_2021.evaluate(now, zero), "new_requests_change").notDefined().code());
        // a 2019 report after a legacy year: last year's table has no 本年新收 cell of that code
        Template t2019 = Templates.bundled().forYear(2019).orElseThrow();
        Figures y2019 = Figures.of(t2019, Map.of("s3.new.natural_person", 30));
        IndicatorValue change = value(Indicators.bundled().of(t2019).evaluate(y2019,
                PublishedReport.legacySample2017().figures()), "new_requests_change");
        assertEquals(NotDefined.PREVIOUS_FORMAT, change.notDefined().code());
        assertEquals(List.of("previous:s3.new.total"), change.notDefined().cells());
    }

    @Test
    void ratesAreRoundedOnceToTwoPlacesHalfUp() {
        // 1 / 800 = 0.125 %: half up gives 0.13 (half even would give 0.12)
        Figures f = Figures.of(T2021, Map.of("s4.reconsideration.corrected", 1, "s4.reconsideration.upheld", 799));
        IndicatorValue rate = value(SET_2021.evaluate(f, null), "reconsideration_correction_rate");
        assertEquals(new BigDecimal("0.13"), rate.value());
        assertEquals(List.of(BigDecimal.ONE, new BigDecimal("800")), List.of(rate.numerator(), rate.denominator()));
        // compared exactly: 0.125 % is below 0.13 % although it shows as 0.13
        assertTrue(rate.compareExactlyWith(new BigDecimal("0.13")) < 0);
        assertTrue(rate.compareExactlyWith(new BigDecimal("0.125")) == 0);
    }
}

package org.opengovinfo.model.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class RiskFlagsTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();
    private static final IndicatorSet SET = Indicators.bundled().of(T2021);

    /** A report with {@code requests} new requests, {@code granted} of 1000 answered granted, and reconsiderations. */
    private static List<IndicatorValue> report(int requests, int granted, int corrected, int reconsiderations) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s3.new.natural_person", requests);
        cells.put("s3.granted.total", granted);
        cells.put("s3.partly_granted.total", 0);
        cells.put("s3.results_total.total", 1000);
        cells.put("s4.reconsideration.corrected", corrected);
        cells.put("s4.reconsideration.upheld", reconsiderations - corrected);
        return SET.evaluate(Figures.of(T2021, cells), null);
    }

    private static List<String> flags(List<IndicatorValue> values) {
        return RiskFlags.raised(values, RiskSettings.defaults()).stream()
                .map(f -> f.value().indicator().id() + " " + f.level().code() + " " + f.threshold().toPlainString())
                .toList();
    }

    @ParameterizedTest(name = "复议纠错率 {0}/1000 → {1}")
    @CsvSource({
            "99,  ''",                 // 9.9 %: below yellow
            "100, ''",                 // 10 %: at yellow is not above it
            "101, yellow 10",          // 10.1 %
            "150, yellow 10",          // 15 %: at red is not above it
            "151, red 15",             // 15.1 %
            "1000, red 15"})
    void theReconsiderationCorrectionRateIsFlaggedAboveItsThresholds(int corrected, String expected) {
        List<String> flags = flags(report(30, 500, corrected, 1000));
        assertEquals(expected.isEmpty() ? List.of() : List.of("reconsideration_correction_rate " + expected), flags);
    }

    @ParameterizedTest(name = "实质公开率 {0}/1000 → {1}")
    @CsvSource({
            "0,   red 40",
            "399, red 40",             // 39.9 %
            "400, yellow 45",          // 40 %: at red is not below it
            "449, yellow 45",          // 44.9 %
            "450, ''",                 // 45 %: at yellow is not below it
            "451, ''"})
    void theSubstantiveDisclosureRateIsFlaggedBelowItsThresholds(int granted, String expected) {
        List<String> flags = flags(report(30, granted, 0, 10));
        assertEquals(expected.isEmpty() ? List.of() : List.of("substantive_disclosure_rate " + expected), flags);
    }

    @Test
    void belowTheMinimumVolumeNothingIsFlaggedAtItEverything() {
        assertEquals(List.of(), flags(report(29, 0, 10, 10)));
        assertEquals(List.of("reconsideration_correction_rate red 15", "substantive_disclosure_rate red 40"),
                flags(report(30, 0, 10, 10)));
        // volume not defined (new requests blank): no flag either
        Map<String, Object> cells = new HashMap<>(Map.of("s4.reconsideration.corrected", 10, "s4.reconsideration.upheld", 0));
        assertEquals(List.of(), flags(SET.evaluate(Figures.of(T2021, cells), null)));
    }

    @Test
    void aFlagCarriesTheFiguresBehindItAndSaysThemInBothLanguages() {
        // 临淄区 2021: 151 new requests, 22 of 154 answered granted (14.29 %), 1 of 4 reconsiderations corrected (25 %)
        List<RiskFlag> flags = RiskFlags.raised(SET.evaluate(PublishedReport.linzi2021().figures(), null),
                RiskSettings.defaults());
        assertEquals(2, flags.size());
        RiskFlag correction = flags.get(0);
        assertEquals(List.of("reconsideration_correction_rate", "red", "25.00", "1", "4", "15", "151"),
                List.of(correction.value().indicator().id(), correction.level().code(),
                        correction.value().value().toPlainString(), correction.value().numerator().toPlainString(),
                        correction.value().denominator().toPlainString(), correction.threshold().toPlainString(),
                        correction.volume().value().toPlainString()));
        assertEquals("红色风险：复议纠错率 25%（1 / 4）高于 15%（本年新收申请数 151）", correction.message().zh());
        assertTrue(correction.message().en().startsWith("Red risk: Reconsideration correction rate 25% (1 / 4) above 15%"),
                correction.message().en());
    }

    @Test
    void thresholdsCanBeOverriddenButRedMustBeTheStricterOne() {
        RiskSettings stricter = RiskSettings.defaults().withThresholds("reconsideration_correction_rate",
                new BigDecimal("5"), new BigDecimal("2")).withMinimumVolume(BigDecimal.ONE);
        assertEquals(List.of("reconsideration_correction_rate red 5"),
                RiskFlags.raised(report(1, 500, 6, 100), stricter).stream()
                        .map(f -> f.value().indicator().id() + " " + f.level().code() + " " + f.threshold().toPlainString())
                        .toList());
        assertThrows(IllegalArgumentException.class, () -> RiskSettings.defaults()
                .withThresholds("reconsideration_correction_rate", new BigDecimal("5"), new BigDecimal("10")));
        assertThrows(IllegalArgumentException.class, () -> RiskSettings.defaults()
                .withThresholds("substantive_disclosure_rate", new BigDecimal("50"), null));
    }
}

package org.opengovinfo.model.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class IndicatorReaderTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();

    private static String indicator(String body) {
        return "{\"template\": \"2021\", \"indicators\": [{\"id\": \"rate\", \"label\": {\"zh\": \"率\", \"en\": \"rate\"}, "
                + "\"unit\": \"%\", " + body + "}]}";
    }

    private static String problem(String json) {
        return assertThrows(IndicatorDefinitionException.class, () -> IndicatorReader.indicators("x.indicators.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), T2021)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"numerator\": [\"s3.granted.totl\"]"
                    + "| x.indicators.json: $.indicators[0] (rate).numerator[0]: no cell 's3.granted.totl' in template 2021",
            "\"numerator\": [\"s3.granted.total\"], \"denominator\": [\"-s3.results_total.total\"]"
                    + "| x.indicators.json: $.indicators[0] (rate).denominator: only adds cells (a '-' term could make it negative)",
            "\"numerator\": [\"s3.granted.total\"], \"denominator\": [\"s3.results_total.total\"], \"multiplier\": 0"
                    + "| x.indicators.json: $.indicators[0] (rate).multiplier: expected a positive number",
            "\"numerator\": [\"s3.granted.total\"], \"multiplier\": 100"
                    + "| x.indicators.json: $.indicators[0] (rate).multiplier: only a ratio (with a denominator) has a multiplier",
            "\"numerator\": [\"s2_8.fees.amount\", \"s3.granted.total\"]"
                    + "| x.indicators.json: $.indicators[0] (rate).numerator: cannot add counts and amounts together [COUNT, AMOUNT]",
            "\"numerator\": [\"s3.granted.total\"], \"formula\": \"a/b\""
                    + "| x.indicators.json: $.indicators[0]: unknown key 'formula' (allowed: id, label, unit, numerator, denominator, multiplier)",
            "\"numerator\": [\"previous:not a cell\"]"
                    + "| x.indicators.json: $.indicators[0] (rate).numerator[0]: 'previous:not a cell' is not a cell code",
            "\"numerator\": []"
                    + "| x.indicators.json: $.indicators[0] (rate).numerator: expected a non-empty array"})
    void aMalformedIndicatorIsRefusedNamingTheFileAndTheJsonPath(String body, String expected) {
        assertEquals(expected.strip(), problem(indicator(body)));
    }

    @Test
    void theFileMustBeForItsTemplateWithUniqueIds() {
        assertEquals("x.indicators.json: $.template: indicators are for template '2019' but sit beside template '2021'",
                problem("{\"template\": \"2019\", \"indicators\": []}".replace("[]", "[{}]")));
        String twice = "{\"template\": \"2021\", \"indicators\": [" + String.join(", ", List.of(
                "{\"id\": \"a\", \"label\": {\"zh\": \"甲\", \"en\": \"a\"}, \"unit\": \"件\", \"numerator\": [\"s3.new.total\"]}",
                "{\"id\": \"a\", \"label\": {\"zh\": \"甲\", \"en\": \"a\"}, \"unit\": \"件\", \"numerator\": [\"s3.new.total\"]}"))
                + "]}";
        assertEquals("x.indicators.json: $.indicators[1]: indicator id 'a' is used twice", problem(twice));
        assertEquals("x.indicators.json: malformed JSON: Duplicate field 'template' at line 1",
                problem("{\"template\": \"2021\", \"template\": \"2021\"}"));
    }

    @Test
    void riskFlagsAreReadStrictlyToo() {
        String red = "{\"volume\": {\"indicator\": \"new_requests\", \"minimum\": 30}, \"flags\": [{\"indicator\": "
                + "\"reconsideration_correction_rate\", \"direction\": \"above\", \"red\": 10, \"yellow\": 15}]}";
        assertEquals("risk-flags.json: $.flags[0]: reconsideration_correction_rate: the red threshold must be at or above "
                + "the yellow one (10 against 15)", assertThrows(IndicatorDefinitionException.class,
                () -> IndicatorReader.riskFlags("risk-flags.json", new ByteArrayInputStream(red.getBytes(StandardCharsets.UTF_8))))
                .getMessage());
        String sideways = red.replace("above", "sideways");
        assertEquals("risk-flags.json: $.flags[0].direction: expected above or below, not 'sideways'",
                assertThrows(IndicatorDefinitionException.class, () -> IndicatorReader.riskFlags("risk-flags.json",
                        new ByteArrayInputStream(sideways.getBytes(StandardCharsets.UTF_8)))).getMessage());
    }

    @Test
    void everyBundledTemplateHasItsIndicatorsAndTheDefaultFlagsNameKnownOnes() {
        for (Template t : Templates.bundled().all()) {
            assertEquals(List.of("new_requests", "new_requests_change", "substantive_disclosure_rate",
                    "non_disclosure_rate", "unavailable_rate", "reconsideration_correction_rate",
                    "litigation_correction_rate"), Indicators.bundled().of(t).indicators().stream().map(Indicator::id).toList(),
                    t.id());
        }
        RiskSettings defaults = RiskSettings.defaults();
        assertEquals("new_requests 30", defaults.volumeIndicator() + " " + defaults.minimumVolume());
        assertEquals(List.of("reconsideration_correction_rate above 15 10", "substantive_disclosure_rate below 40 45"),
                defaults.thresholds().stream().map(t -> t.indicator() + " " + t.direction().code() + " " + t.red() + " "
                        + t.yellow()).toList());
    }
}

package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.system.Json;

class StoredCellsTest {

    private static Map<String, Object> general(String json) {
        return Json.read(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", " { } ", "{\"a.b\":1}", "{\"a\":-20,\"b\":0,\"c\":12.3456}", "{\"a\" : 1 , \"b\" : null}",
            "{\"big\":123456789012345678901234}", "{\"e\":1e3}", "{\"q\\\"x\":1}", "{\"s\":\"增加15\"}",
            "{\"n\":{\"x\":1}}", "{\"a\":1,\"a\":2}", "[1]", "{\"a\":1}x", "{\"a\":}"})
    void readsWhatTheGeneralParserReadsOrHandsItOver(String json) {
        Map<String, Object> general;
        try {
            general = general(json);
        } catch (RuntimeException rejected) {
            return;
        }
        Map<String, Object> fast = StoredCells.parse(json);
        assertEquals(general.keySet().stream().toList(), fast.keySet().stream().toList(), json);
        general.forEach((k, v) -> assertEquals(normal(v), normal(fast.get(k)), json + " " + k));
    }

    private static Object normal(Object value) {
        return value instanceof Number ? new BigDecimal(value.toString()) : value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void readsStoredFiguresExactly(String year) {
        var template = Templates.bundled().forYear(Integer.parseInt(year)).orElseThrow();
        var sample = new SampleFigures(template, new Random(7), 0.4);
        for (int i = 0; i < 50; i++) {
            String json = Json.write(sample.next().given());
            assertEquals(org.opengovinfo.model.figures.Figures.of(template, general(json)),
                    org.opengovinfo.model.figures.Figures.of(template, StoredCells.parse(json)));
        }
    }
}

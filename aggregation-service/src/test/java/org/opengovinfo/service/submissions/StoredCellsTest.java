package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovinfo.model.figures.Figures;
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
            // what the general parser refuses, the fast one refuses too: it never reads broken text as figures
            assertThrows(RuntimeException.class, () -> StoredCells.parse(json), json);
            return;
        }
        Map<String, Object> fast = StoredCells.parse(json);
        assertEquals(general.keySet().stream().toList(), fast.keySet().stream().toList(), json);
        general.forEach((k, v) -> assertEquals(normal(v), normal(fast.get(k)), json + " " + k));
    }

    private static Object normal(Object value) {
        return value instanceof Number ? new BigDecimal(value.toString()).stripTrailingZeros() : value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void readsStoredFiguresExactly(String year) {
        var template = Templates.bundled().forYear(Integer.parseInt(year)).orElseThrow();
        var sample = new SampleFigures(template, new Random(7), 0.4);
        for (int i = 0; i < 50; i++) {
            var figures = sample.next();
            for (String json : List.of(Json.write(figures.given()), StoredCells.write(figures.given()))) {
                assertEquals(figures, Figures.of(template, general(json)), json);
                assertEquals(figures, Figures.of(template, StoredCells.parse(json)), json);
            }
        }
    }

    @Test
    void writesJsonThatAnyParserReadsBack() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("a", 0L);
        cells.put("b", -9_223_372_036_854_775_808L);
        cells.put("c", new BigDecimal("0.0001"));
        cells.put("d", new BigDecimal("1E+3"));
        cells.put("e", null);
        assertEquals("{\"a\":0,\"b\":-9223372036854775808,\"c\":0.0001,\"d\":1000,\"e\":null}", StoredCells.write(cells));
        cells.put("q\"x", 1L);
        Map<String, Object> read = general(StoredCells.write(cells));
        assertEquals(cells.keySet(), read.keySet());
        cells.forEach((k, v) -> assertEquals(normal(v), normal(read.get(k)), k));
    }
}

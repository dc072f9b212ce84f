package org.opengovinfo.service.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * A county office looks at its units' indicators: a seeded county whose children are an office, two streets, a town
 * that consolidates a village, and a department that reported nothing. Every expected value below is computed by hand
 * from the figures seeded here.
 */
class IndicatorsApiTest extends OnBothDatabases {

    private static final String COUNTY = "ix-county";

    @BeforeParameterizedClassInvocation
    static void seed() {
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", COUNTY, "name", "河东区", "kind", "district", "fromYear", 2015));
        units.add(unit("ix-office", "区政府办公室", "own_office", COUNTY));
        units.add(unit("ix-street-a", "九曲街道", "street", COUNTY));
        units.add(unit("ix-street-b", "芝麻墩街道", "street", COUNTY));
        units.add(unit("ix-town", "汤河镇", "town", COUNTY));
        units.add(unit("ix-village", "汤河村", "department", "ix-town"));
        units.add(unit("ix-dept", "=区教育局", "department", COUNTY));
        service.post("/api/v1/units/import", Map.of("units", units)).ok();
        // new requests, granted, partly granted; reconsiderations upheld and corrected
        figures("ix-office", 2021, 40, 10, 6, 3, 1);       // 实质公开率 16/40 = 40 %, 复议纠错率 1/4 = 25 %
        figures("ix-street-a", 2021, 50, 30, 0, 9, 1);     // 60 %, 1/10 = 10 %
        figures("ix-street-b", 2021, 20, 5, 0, 0, 0);      // 25 %, 0/0: not defined
        figures("ix-town", 2021, 10, 4, 0, 1, 1);          // the town's own
        figures("ix-village", 2021, 30, 8, 0, 2, 0);       // 8/30 = 26.67 %, 0/2 = 0 %
        figures("ix-office", 2020, 32, 10, 0, 0, 0);       // last year: 32 new requests
        service.post("/api/v1/units/ix-town/rollups/2021", Map.of()).ok();   // town: 12/40 = 30 %, 1/4 = 25 %
        service.post("/api/v1/units/" + COUNTY + "/rollups/2021", Map.of()).ok();
    }

    private static Map<String, Object> unit(String id, String name, String kind, String parent) {
        return Map.of("id", id, "name", name, "kind", kind, "fromYear", 2015, "parent", parent);
    }

    /** Rule-consistent figures in the natural-person column: what was not granted was not held. */
    private static void figures(String unit, int year, int requests, int granted, int partly, int upheld, int corrected) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s3.new.natural_person", requests);
        cells.put("s3.carried_over.natural_person", 0);
        cells.put("s3.granted.natural_person", granted);
        cells.put("s3.partly_granted.natural_person", partly);
        cells.put("s3.unavailable_not_held.natural_person", requests - granted - partly);
        cells.put("s3.carried_forward.natural_person", 0);
        cells.put("s4.reconsideration.upheld", upheld);
        cells.put("s4.reconsideration.corrected", corrected);
        service.put("/api/v1/units/" + unit + "/figures/" + year, Map.of("figures", cells)).ok();
    }

    /** Decimals as sent, so that 40.00 stays 40.00 (the test client's own mapper reads doubles). */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();

    private static JsonNode get(String path) {
        Reply reply = service.get(path).ok();
        try {
            return EXACT.readTree(reply.raw().body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<List<String>> csv(String body) {
        assertTrue(body.startsWith("\uFEFF"), "a byte order mark first");
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(body.substring(1))) {
            return rows.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode indicator(JsonNode indicators, String id) {
        for (JsonNode i : indicators) {
            if (i.get("indicator").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + indicators);
    }

    @Test
    void aUnitsOwnIndicatorsWithTheFiguresBehindThemAndLastYearsChange() {
        JsonNode body = get("/api/v1/units/ix-office/indicators/2021");
        assertEquals(List.of("own", "2021", "true"), List.of(body.get("source").asText(), body.get("template").asText(),
                body.get("previousYear").asText()));
        JsonNode substantive = indicator(body.get("indicators"), "substantive_disclosure_rate");
        assertEquals(List.of("40.00", "16", "40", "实质公开率", "%"), List.of(substantive.get("value").asText(),
                substantive.get("numerator").asText(), substantive.get("denominator").asText(),
                substantive.get("label").asText(), substantive.get("unit").asText()));
        assertEquals("25.00", indicator(body.get("indicators"), "new_requests_change").get("value").asText()); // 8/32
        assertEquals("25.00", indicator(body.get("indicators"), "reconsideration_correction_rate").get("value").asText());
        JsonNode litigation = indicator(body.get("indicators"), "litigation_correction_rate");
        assertTrue(litigation.get("value").isNull(), "blank section 四 litigation is not 0 %");
        assertEquals("indicator.blank_input", litigation.get("notDefined").get("code").asText());
    }

    @Test
    void zeroReconsiderationsAreNotDefinedAndAUnitWithoutLastYearHasNoChange() {
        JsonNode indicators = get("/api/v1/units/ix-street-b/indicators/2021").get("indicators");
        JsonNode rate = indicator(indicators, "reconsideration_correction_rate");
        assertEquals(List.of("null", "indicator.division_by_zero", "0", "0"), List.of(rate.get("value").toString(),
                rate.get("notDefined").get("code").asText(), rate.get("numerator").asText(), rate.get("denominator").asText()));
        assertEquals("indicator.no_previous_year",
                indicator(indicators, "new_requests_change").get("notDefined").get("code").asText());
    }

    @Test
    void consolidatedIndicatorsComeFromTheLatestSnapshot() {
        JsonNode body = get("/api/v1/units/ix-town/indicators/2021?source=consolidated");
        assertEquals("consolidated", body.get("source").asText());
        assertTrue(body.get("snapshot").isTextual());
        JsonNode substantive = indicator(body.get("indicators"), "substantive_disclosure_rate");
        assertEquals(List.of("30.00", "12", "40"), List.of(substantive.get("value").asText(),
                substantive.get("numerator").asText(), substantive.get("denominator").asText()));
        assertEquals(List.of(404, "rollup.none"), List.of(service.get("/api/v1/units/ix-street-a/indicators/2021?source=consolidated").status(),
                service.get("/api/v1/units/ix-street-a/indicators/2021?source=consolidated").code()));
    }

    @Test
    void childrenAreRankedWithTiesUndefinedOnesApartAndTheSpreadAsComputedByHand() {
        JsonNode body = get("/api/v1/units/" + COUNTY + "/rankings/2021");
        assertEquals(5, body.get("children").asInt());
        JsonNode correction = null;
        JsonNode substantive = null;
        for (JsonNode r : body.get("rankings")) {
            if (r.get("indicator").asText().equals("reconsideration_correction_rate")) {
                correction = r;
            } else if (r.get("indicator").asText().equals("substantive_disclosure_rate")) {
                substantive = r;
            }
        }
        // 25 % (1/4) for the office and for the town's consolidated figures: tied at 1; the street's 10 % is third
        assertEquals(List.of("1 ix-office own 25.00 1/4", "1 ix-town consolidated 25.00 1/4", "3 ix-street-a own 10.00 1/10"),
                ranked(correction));
        assertEquals(List.of("ix-dept indicator.no_figures", "ix-street-b indicator.division_by_zero"), notDefined(correction));
        // weighted: 3 × 100 / 18 = 16.67; ascending 10, 25, 25: median 25, P10 = 10 + 0.2 × 15 = 13, P90 = 25
        assertEquals(List.of("3", "16.67", "25.00", "13.00", "25.00", "12.00"), spread(correction));
        assertEquals(List.of("1 ix-street-a own 60.00 30/50", "2 ix-office own 40.00 16/40",
                "3 ix-town consolidated 30.00 12/40", "4 ix-street-b own 25.00 5/20"), ranked(substantive));
        // weighted: 63 × 100 / 150 = 42; ascending 25, 30, 40, 60: median 35, P10 = 25 + 0.3 × 5, P90 = 40 + 0.7 × 20
        assertEquals(List.of("4", "42.00", "35.00", "26.50", "54.00", "27.50"), spread(substantive));
        JsonNode one = get("/api/v1/units/" + COUNTY + "/rankings/2021?indicator=substantive_disclosure_rate");
        assertEquals(1, one.get("rankings").size());
        assertEquals(ranked(substantive), ranked(one.get("rankings").get(0)));
    }

    private static List<String> ranked(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.get("ranked").forEach(r -> lines.add(r.get("rank").asText() + " " + r.get("unit").asText() + " "
                + r.get("source").asText() + " " + r.get("value").asText() + " " + r.get("numerator").asText() + "/"
                + r.get("denominator").asText()));
        return lines;
    }

    private static List<String> notDefined(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.get("notDefined").forEach(r -> lines.add(r.get("unit").asText() + " " + r.get("notDefined").get("code").asText()));
        return lines;
    }

    private static List<String> spread(JsonNode ranking) {
        JsonNode s = ranking.get("spread");
        return List.of(s.get("count").asText(), s.get("weightedMean").asText(), s.get("median").asText(),
                s.get("p10").asText(), s.get("p90").asText(), s.get("p90MinusP10").asText());
    }

    @Test
    void riskFlagsAcrossTheSubtreeWithTheFiguresBehindEach() {
        JsonNode body = get("/api/v1/units/" + COUNTY + "/risks/2021");
        List<String> flags = new ArrayList<>();
        for (JsonNode f : body.get("flags")) {
            JsonNode v = f.get("value");
            flags.add(f.get("unit").asText() + " " + f.get("source").asText() + " " + v.get("indicator").asText() + " "
                    + f.get("level").asText() + " " + v.get("value").asText() + " " + v.get("numerator").asText() + "/"
                    + v.get("denominator").asText() + " " + f.get("direction").asText() + " " + f.get("threshold").asText()
                    + " volume " + f.get("volume").get("value").asText());
        }
        flags.sort(null);
        // the county: 63/150 = 42 % (below 45: yellow), 3/18 = 16.67 % (above 15: red); the office at exactly 40 % is
        // yellow, not red; street a at exactly 10 % raises nothing; street b (20 requests) is below the minimum volume;
        // the village at exactly 30 requests is judged
        assertEquals(List.of(
                "ix-county consolidated reconsideration_correction_rate red 16.67 3/18 above 15 volume 150",
                "ix-county consolidated substantive_disclosure_rate yellow 42.00 63/150 below 45 volume 150",
                "ix-office own reconsideration_correction_rate red 25.00 1/4 above 15 volume 40",
                "ix-office own substantive_disclosure_rate yellow 40.00 16/40 below 45 volume 40",
                "ix-town consolidated reconsideration_correction_rate red 25.00 1/4 above 15 volume 40",
                "ix-town consolidated substantive_disclosure_rate red 30.00 12/40 below 40 volume 40",
                "ix-village own substantive_disclosure_rate red 26.67 8/30 below 40 volume 30"), flags);
        assertEquals("{\"red\":5,\"yellow\":2}", body.get("byLevel").toString());
        assertEquals(List.of("ix-dept"), List.of(body.get("unitsWithoutFigures").get(0).asText()));
        assertEquals(6, body.get("unitsChecked").asInt());
        assertEquals("30", body.get("settings").get("minimumVolume").asText());
    }

    @Test
    void csvHasAByteOrderMarkLabelsInTheReadersLanguageAndNoFormulas() {
        Reply reply = service.send(service.request("/api/v1/units/" + COUNTY + "/rankings/2021?format=csv")
                .header("Accept-Language", "en").GET().build());
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/csv"), reply.contentType());
        List<List<String>> rows = csv(reply.raw().body());
        assertEquals(List.of("indicator", "label", "row", "rank", "unit", "name", "source", "value", "numerator",
                "denominator", "not_defined"), rows.get(0));
        assertTrue(rows.contains(List.of("reconsideration_correction_rate", "Reconsideration correction rate", "ranked", "1",
                "ix-office", "区政府办公室", "own", "25.00", "1", "4", "")), rows.toString());
        assertTrue(rows.contains(List.of("reconsideration_correction_rate", "Reconsideration correction rate",
                "weighted_mean", "", "", "", "", "16.67", "", "", "")), rows.toString());
        assertTrue(rows.contains(List.of("reconsideration_correction_rate", "Reconsideration correction rate",
                "not_defined", "", "ix-dept", "'=区教育局", "own", "", "", "", "indicator.no_figures: no figures submitted")),
                "a name starting with = is kept as text: " + rows);
        // Accept chooses as ?format= does
        Reply accepted = service.send(service.request("/api/v1/units/" + COUNTY + "/risks/2021").header("Accept", "text/csv")
                .GET().build());
        assertEquals(service.get("/api/v1/units/" + COUNTY + "/risks/2021?format=csv").raw().body(), accepted.raw().body());
        Reply xml = service.send(service.request("/api/v1/units/" + COUNTY + "/risks/2021").header("Accept", "application/xml")
                .GET().build());
        assertEquals(List.of(406, "request.not_acceptable"), List.of(xml.status(), String.valueOf(xml.code())));
        List<List<String>> risks = csv(service.get("/api/v1/units/" + COUNTY + "/risks/2021?format=csv").raw().body());
        assertEquals(List.of("unit", "name", "kind", "parent", "source", "level", "indicator", "label", "value", "numerator",
                "denominator", "direction", "threshold", "volume", "message"), risks.get(0));
        assertEquals(8, risks.size(), "a line per flag");
        assertTrue(risks.contains(List.of("ix-office", "区政府办公室", "own_office", COUNTY, "own", "red",
                "reconsideration_correction_rate", "复议纠错率", "25.00", "1", "4", "above", "15", "40",
                "红色风险：复议纠错率 25%（1 / 4）高于 15%（本年新收申请数 40）")), risks.toString());
        List<List<String>> own = csv(service.get("/api/v1/units/ix-office/indicators/2021?format=csv").raw().body());
        assertTrue(own.contains(List.of("ix-office", "own", "substantive_disclosure_rate", "实质公开率", "%", "40.00", "16",
                "40", "")), own.toString());
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        Map<String, List<Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/units/ix-office/indicators/2021?source=mine", List.of(400, "request.invalid_parameter"));
        cases.put("/api/v1/units/ix-office/indicators/2021?format=xml", List.of(400, "request.unknown_format"));
        cases.put("/api/v1/units/ix-dept/indicators/2021", List.of(404, "submission.none"));
        cases.put("/api/v1/units/ix-county/rankings/2021?indicator=happiness", List.of(400, "indicator.unknown"));
        cases.put("/api/v1/units/ix-office/rankings/2021", List.of(422, "ranking.nothing_below"));
        cases.put("/api/v1/units/ix-county/risks/2021?format=pdf", List.of(400, "request.unknown_format"));
        cases.put("/api/v1/units/nobody/risks/2021", List.of(404, "unit.not_found"));
        cases.put("/api/v1/units/ix-county/risks/1999", List.of(422, "year.unsupported"));
        for (Map.Entry<String, List<Object>> c : cases.entrySet()) {
            Reply reply = service.get(c.getKey());
            assertEquals(c.getValue(), List.of(reply.status(), String.valueOf(reply.code())), c.getKey());
            assertTrue(reply.json().get("detailZh").isTextual() && reply.json().get("detailEn").isTextual(), c.getKey());
        }
    }
}

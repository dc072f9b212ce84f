package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class FiguresDecodingTest {

    private static final Template T2019 = Templates.bundled().byId("2019").orElseThrow();
    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    private static final String CHANGE = "s2_5.licensing.change";
    private static final String COUNT = "s3.new.natural_person";
    private static final String AMOUNT = "s2_9.central_procurement.amount";

    private static Map<String, Object> cells(Object... codeValuePairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < codeValuePairs.length; i += 2) {
            map.put((String) codeValuePairs[i], codeValuePairs[i + 1]);
        }
        return map;
    }

    private static BigDecimal decoded(String code, Object value) {
        return Figures.of(T2019, cells(code, value)).value(code).orElseThrow();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "+2       | 2",
        "-14      | -14",
        "增加15    | 15",
        "减少135   | -135",
        "增 2726   | 2726",
        "减 670    | -670",
        "增加8项   | 8",
        "０        | 0",
        "＋３      | 3",
        "９        | 9",
        "－１２３  | -123",
        "1,234    | 1234",
    })
    void signedChangesAreReadInEveryPublishedForm(String text, long expected) {
        assertEquals(BigDecimal.valueOf(expected), decoded(CHANGE, text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "913689.9 万元 | 913689.9",
        "63800万元     | 63800",
        "0.0001       | 0.0001",
        "12,345.5     | 12345.5",
    })
    void amountsAreReadWithTheirUnit(String text, String expected) {
        assertEquals(new BigDecimal(expected), decoded(AMOUNT, text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"9194 件 | 9194", "8件 | 8", "12　件 | 12", "７６ | 76", "１２３ | 123", "９ | 9"})
    void countsAreReadWithTheirOwnCounterWord(String text, long expected) {
        assertEquals(BigDecimal.valueOf(expected), decoded(COUNT, text));
    }

    @Test
    void numbersOfEveryJavaTypeAreAccepted() {
        assertEquals(new BigDecimal("5"), decoded(COUNT, 5));
        assertEquals(new BigDecimal("5"), decoded(COUNT, 5L));
        assertEquals(new BigDecimal("5"), decoded(COUNT, BigInteger.valueOf(5)));
        assertEquals(new BigDecimal("5"), decoded(COUNT, new BigDecimal("5.000")));
        assertEquals(new BigDecimal("2.5"), decoded(AMOUNT, 2.5d));
        assertEquals(new BigDecimal("299.7935"), decoded(AMOUNT, new BigDecimal("299.7935")));
    }

    @Test
    void blankFormsLeaveTheCellBlankNotZero() {
        Map<String, Object> input = new HashMap<>();
        input.put("s3.new.natural_person", null);
        input.put("s3.new.business", "");
        input.put("s3.new.research", " - ");
        input.put("s3.new.nonprofit", "—");
        input.put("s3.new.legal_service", "/");
        input.put("s3.new.other_org", 0);

        Figures figures = Figures.of(T2019, input);

        for (String blank : List.of("natural_person", "business", "research", "nonprofit", "legal_service")) {
            assertTrue(figures.isBlank("s3.new." + blank), blank);
        }
        assertEquals(new BigDecimal("0"), figures.value("s3.new.other_org").orElseThrow());
        assertEquals(new BigDecimal("0"), figures.value("s3.new.total").orElseThrow(), "computed from the one filled part");
        assertTrue(figures.isBlank("s3.carried_over.total"), "no part filled, so no total");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsCellAndStableCode() {
        Map<String, Object> input = cells(
                "s3.new.natural_persons", 3,
                "s3.new.business", "3.5",
                "s3.new.research", -2,
                AMOUNT, "1.23456",
                "s3.new.nonprofit", "99999999999999999999",
                "s3.new.legal_service", "三",
                "s3.new.other_org", true,
                "s3.carried_over.natural_person", "增加3",
                "s2_9.central_procurement.projects", "5 万元",
                "s3.carried_over.business", List.of(1),
                "s3.carried_over.research", 12.5d);

        Decoded decoded = Figures.decode(T2019, input);

        assertTrue(decoded.figures().isEmpty());
        assertEquals(List.of(
                        List.of("input.unknown_cell", "s3.new.natural_persons"),
                        List.of("input.fraction_in_count", "s3.new.business"),
                        List.of("input.negative", "s3.new.research"),
                        List.of("input.too_many_decimals", AMOUNT),
                        List.of("input.overflow", "s3.new.nonprofit"),
                        List.of("input.not_a_number", "s3.new.legal_service"),
                        List.of("input.wrong_type", "s3.new.other_org"),
                        List.of("input.not_a_change", "s3.carried_over.natural_person"),
                        List.of("input.wrong_unit", "s2_9.central_procurement.projects"),
                        List.of("input.wrong_type", "s3.carried_over.business"),
                        List.of("input.fraction_in_count", "s3.carried_over.research")),
                decoded.problems().stream().map(p -> List.of(p.rule(), p.cells().get(0))).toList());
        for (Finding p : decoded.problems()) {
            assertEquals(Severity.ERROR, p.severity());
            assertTrue(p.message().zh().contains(p.cells().get(0)), p.message().zh());
            assertTrue(p.message().en().contains(p.cells().get(0)), p.message().en());
        }
    }

    @Test
    void anAmountTypedInYuanIsRejectedWithTheConversion() {
        Finding problem = Figures.decode(T2019, cells(AMOUNT, "638000000元")).problems().get(0);

        assertEquals("input.amount_in_yuan", problem.rule());
        assertTrue(problem.message().en().contains("63800"), problem.message().en());
    }

    @Test
    void countsUpToLongMaxAreExactAndOneMoreOverflows() {
        String max = Long.toString(Long.MAX_VALUE);
        assertEquals(new BigDecimal(max), decoded(COUNT, max));
        String beyond = new BigInteger(max).add(BigInteger.ONE).toString();
        assertEquals("input.overflow", Figures.decode(T2019, cells(COUNT, beyond)).problems().get(0).rule());
        assertEquals("input.overflow", Figures.decode(T2019, cells(AMOUNT, "922337203685478")).problems().get(0).rule());
    }

    @Test
    void aTotalWhosePartsOverflowIsAProblemNotAWrap() {
        Map<String, Object> input = cells(
                "s3.new.natural_person", Long.MAX_VALUE,
                "s3.new.business", 1);

        Decoded decoded = Figures.decode(T2019, input);

        assertEquals(List.of("input.derived_overflow"), decoded.problems().stream().map(Finding::rule).toList());
        assertEquals(List.of("s3.new.total"), decoded.problems().get(0).cells());
    }

    @Test
    void theWrongTemplatesCellsAreUnknown() {
        Decoded decoded = Figures.decode(T2021, cells("s2_9.central_procurement.amount", 1, "s3.other.total", 0));

        assertEquals(List.of("input.unknown_cell", "input.unknown_cell"),
                decoded.problems().stream().map(Finding::rule).toList());
    }

    @Test
    void toMapRoundTripsAndGivenLeavesOutComputedTotals() {
        Figures figures = Figures.of(T2021, cells("s4.reconsideration.upheld", 2, "s4.reconsideration.corrected", 1,
                "s2_8.fees.amount", "299.7935"));

        assertEquals(figures, Figures.of(T2021, figures.toMap()));
        assertEquals(Map.of("s4.reconsideration.upheld", 2L, "s4.reconsideration.corrected", 1L,
                "s2_8.fees.amount", new BigDecimal("299.7935")), figures.given());
        assertEquals(3L, figures.toMap().get("s4.reconsideration.total"));
        assertNotEquals(figures, Figures.blank(T2021));
    }

    @Test
    void ofThrowsWithEveryProblemAndUnknownCodesThrowOnRead() {
        InvalidFiguresException e = assertThrows(InvalidFiguresException.class,
                () -> Figures.of(T2021, cells("nope", 1, "s3.new.business", -1)));
        assertEquals(2, e.problems().size());
        assertThrows(IllegalArgumentException.class, () -> Figures.blank(T2021).value("nope"));
        assertTrue(Arrays.stream(new String[] {"s3.new.total"}).allMatch(Figures.blank(T2021)::isBlank));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"5件", "5 个", "5人次", "5 项"})
    void anAmountGivenWithACountUnitIsRefused(String text) {
        List<Finding> problems = Figures.decode(T2019, cells(AMOUNT, text)).problems();

        assertEquals(List.of("input.wrong_unit"), problems.stream().map(Finding::rule).toList());
        Finding problem = problems.get(0);
        assertEquals(AMOUNT + " is in 万元, so it cannot be '" + text + "'", problem.message().en());
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {"l11.total|1108 次|人次", "l1.disclosed|5 件|条", "l13.trainees|40人|人次",
            "s3.new.natural_person|5 个|件"})
    void aCountWithAnotherCellsUnitWordIsRefusedNamingTheCellsUnit(String cell, String text, String unit) {
        Template template = cell.startsWith("l") ? Templates.bundled().byId("legacy").orElseThrow() : T2019;
        List<Finding> problems = Figures.decode(template, cells(cell, text)).problems();

        assertEquals(List.of("input.wrong_unit"), problems.stream().map(Finding::rule).toList());
        assertEquals(cell + " 的单位是" + unit + "，不能填写“" + text + "”", problems.get(0).message().zh());
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {"l11.total|1108 人次|1108", "l1.disclosed|5条|5", "s2_8.fees.change|增加8项|8",
            "s3.new.natural_person|12 件|12"})
    void aCountWithItsOwnUnitWordIsRead(String cell, String text, String value) {
        Template template = cell.startsWith("l") ? Templates.bundled().byId("legacy").orElseThrow() : T2019;

        assertEquals(new BigDecimal(value), Figures.of(template, cells(cell, text)).value(cell).orElseThrow());
    }

    @Test
    void aCountGivenInYuanOrWanYuanIsRefused() {
        assertEquals("input.wrong_unit", Figures.decode(T2019, cells(COUNT, "5元")).problems().get(0).rule());
        assertEquals("input.wrong_unit", Figures.decode(T2019, cells(COUNT, "5 万元")).problems().get(0).rule());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByWhatItIs() {
        Map<String, Object> input = cells(
                "s3.new.natural_person", true,
                "s3.new.business", Map.of("value", 1),
                "s3.new.research", List.of(1),
                "s3.new.nonprofit", new int[] {1},
                "s3.new.legal_service", 'x');

        List<String> messages = Figures.decode(T2019, input).problems().stream().map(p -> p.message().en()).toList();

        assertEquals(List.of(
                "s3.new.natural_person must be a number, not true/false",
                "s3.new.business must be a number, not an object",
                "s3.new.research must be a number, not a list",
                "s3.new.nonprofit must be a number, not a list",
                "s3.new.legal_service must be a number, not Character"), messages);
    }

    @Test
    void notANumberIsNotANumberAndNeitherIsBadGrouping() {
        assertEquals("input.not_a_number", Figures.decode(T2019, cells(AMOUNT, Double.NaN)).problems().get(0).rule());
        assertEquals("input.not_a_number", Figures.decode(T2019, cells(AMOUNT, Float.POSITIVE_INFINITY)).problems().get(0).rule());
        assertEquals("input.not_a_number", Figures.decode(T2019, cells(COUNT, "12,34")).problems().get(0).rule());
        assertEquals("input.not_a_number", Figures.decode(T2019, cells(COUNT, "1,2345")).problems().get(0).rule());
    }

    @Test
    void problemsCarryTheirStableCodeAndTheExceptionSaysWhatWasWrong() {
        assertEquals("input.negative", InputProblem.NEGATIVE.code());
        InvalidFiguresException e = assertThrows(InvalidFiguresException.class,
                () -> Figures.of(T2021, cells("s3.new.business", -1)));
        assertEquals("input.negative [s3.new.business]: s3.new.business cannot be negative: -1", e.getMessage());
    }

    @Test
    void equalFiguresHashAlikeAndShowTheirTemplateAndSize() {
        Figures a = Figures.of(T2021, cells("s4.reconsideration.upheld", 2));
        Figures b = Figures.of(T2021, cells("s4.reconsideration.upheld", 2, "s4.reconsideration.total", 2));

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a.hashCode(), Figures.blank(T2021).hashCode());
        assertEquals("Figures[2021, 2 cells filled]", a.toString());
        assertEquals(false, a.isBlank("s4.reconsideration.upheld"));
        assertTrue(a.isDerived("s4.reconsideration.total"));
        assertEquals(false, b.isDerived("s4.reconsideration.total"));
    }
}

package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Scope;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/** One mistyped cell is one error, with the rules it breaks listed under it as consequences. */
class CausesBeforeConsequencesTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    /**
     * 自然人: 93 new requests, results 60 + 20 + 13 = 93, but （七）总计 typed as 95. With the 总计 column filled as
     * the clerk's spreadsheet added it up, its （七） repeats the 95.
     */
    private static Map<String, Object> naturalPersonTotalTyped95(boolean totalColumnFilled) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s3.new.natural_person", 93);
        cells.put("s3.carried_over.natural_person", 0);
        cells.put("s3.granted.natural_person", 60);
        cells.put("s3.partly_granted.natural_person", 20);
        cells.put("s3.unavailable_not_held.natural_person", 13);
        cells.put("s3.results_total.natural_person", 95);
        cells.put("s3.carried_forward.natural_person", 0);
        if (totalColumnFilled) {
            cells.put("s3.new.total", 93);
            cells.put("s3.carried_over.total", 0);
            cells.put("s3.granted.total", 60);
            cells.put("s3.partly_granted.total", 20);
            cells.put("s3.unavailable_not_held.total", 13);
            cells.put("s3.results_total.total", 95);
            cells.put("s3.carried_forward.total", 0);
        }
        return cells;
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    private static List<List<String>> ruleAndScope(List<Finding> findings) {
        return findings.stream()
                .map(f -> List.of(f.rule(), f.scope() == null ? "-" : f.scope().code()))
                .toList();
    }

    @Test
    void aMistypedResultsTotalRepeatedInThePrintedTotalColumnIsOneErrorNamingTheCellWithFourConsequences() {
        Figures figures = Figures.of(T2021, naturalPersonTotalTyped95(true));

        assertEquals(4, errors(figures.check()).size(), "every broken rule on its own");
        List<Finding> errors = errors(figures.validate());

        assertEquals(1, errors.size(), () -> errors.toString());
        Finding cause = errors.get(0);
        assertEquals(Finding.CAUSE_RULE, cause.rule());
        assertEquals("s3.results_total.natural_person", cause.cause());
        assertEquals(List.of("s3.results_total.natural_person", "s3.results_total.total"), cause.cells(),
                "the 总计 cell that repeats it is to be corrected along");
        assertEquals(List.of("三、本年度办理结果 （七）总计 / 申请人情况 自然人", "三、本年度办理结果 （七）总计 / 申请人情况 总计"),
                cause.labels());
        assertEquals(new BigDecimal("95"), cause.actual());
        assertEquals(new BigDecimal("93"), cause.expected());
        assertEquals(new BigDecimal("2"), cause.difference());
        assertEquals(List.of(
                        List.of("s3.balance", "natural_person"), List.of("s3.balance", "total"),
                        List.of("s3.results_total", "natural_person"), List.of("s3.results_total", "total")),
                ruleAndScope(cause.consequences()));
        assertTrue(cause.message().zh().startsWith("三、本年度办理结果 （七）总计 / 申请人情况 自然人 填写为 95，与 4 条勾稽关系不符；若为 93"),
                cause.message().zh());
        assertTrue(cause.message().en().contains("95, which breaks 4 rules; 93 would satisfy them all"), cause.message().en());
    }

    @Test
    void withTheTotalColumnLeftBlankTheRulesBrokenOnlyThroughComputedTotalsAreConsequencesNotErrors() {
        Figures figures = Figures.of(T2021, naturalPersonTotalTyped95(false));

        assertEquals(List.of(List.of("s3.balance", "natural_person"), List.of("s3.results_total", "natural_person"),
                        List.of("s3.applicant_total", "results_total")),
                ruleAndScope(errors(figures.check())), "two of three are about the computed 总计 column");
        List<Finding> errors = errors(figures.validate());

        assertEquals(1, errors.size(), () -> errors.toString());
        Finding cause = errors.get(0);
        assertEquals("s3.results_total.natural_person", cause.cause());
        assertEquals(List.of("s3.results_total.natural_person"), cause.cells());
        assertEquals(new BigDecimal("93"), cause.expected());
        assertEquals(List.of(List.of("s3.balance", "natural_person"), List.of("s3.results_total", "natural_person"),
                        List.of("s3.applicant_total", "results_total")),
                ruleAndScope(cause.consequences()));
    }

    @Test
    void aTotalAndOneOfItsPartsThatMeetInNoOtherRuleCannotBeToldApartSoTheRuleItselfIsTheError() {
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> cells = new LinkedHashMap<>(linzi.cells());
        cells.put("s4.reconsideration.total", 5); // parts give 4

        List<Finding> errors = errors(Figures.of(linzi.template(), cells).validate());

        assertEquals(1, errors.size());
        Finding rule = errors.get(0);
        assertEquals("s4.total", rule.rule());
        assertNull(rule.cause());
        assertEquals(new Scope(Scope.Kind.ROW, "s4", "reconsideration", List.of("行政复议")), rule.scope());
        assertEquals(new BigDecimal("5"), rule.actual());
        assertEquals(new BigDecimal("4"), rule.expected());
        assertEquals(List.of(), rule.consequences());
    }

    @Test
    void twoMistypedCellsFarApartAreTwoCausesEachWithItsOwnConsequences() {
        PublishedReport luozhuang = PublishedReport.luozhuang2020();
        Map<String, Object> cells = new LinkedHashMap<>(luozhuang.cells());
        cells.put("s3.new.business", 5); // was 3: breaks 一+二 = 三（七）+四 for 商业企业 and the 一 row's 总计
        cells.put("s3.granted.natural_person", ((Number) cells.get("s3.granted.natural_person")).longValue() + 7);

        List<Finding> errors = errors(Figures.of(luozhuang.template(), cells).validate());

        assertEquals(List.of("s3.new.business", "s3.granted.natural_person"),
                errors.stream().map(Finding::cause).toList(), () -> errors.toString());
        assertEquals(new BigDecimal("3"), errors.get(0).expected());
        assertEquals(List.of(List.of("s3.balance", "business"), List.of("s3.applicant_total", "new")),
                ruleAndScope(errors.get(0).consequences()));
    }

    @Test
    void warningsAreLeftAsTheyAreBesideTheCauses() {
        PublishedReport luozhuang = PublishedReport.luozhuang2020();
        Map<String, Object> cells = new LinkedHashMap<>(luozhuang.cells());
        cells.put("s2_9.central_procurement.amount", "638000000");

        List<Finding> findings = Figures.of(luozhuang.template(), cells).validate();

        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(List.of(), findings.get(0).consequences());
    }

    @Test
    void thePublishedReportsNeedNothingFixed() {
        assertEquals(List.of(), PublishedReport.luozhuang2020().figures().validate());
        assertEquals(List.of(), PublishedReport.linzi2021().figures().validate());
        assertEquals(List.of(), PublishedReport.legacySample2017().figures().validate());
    }
}

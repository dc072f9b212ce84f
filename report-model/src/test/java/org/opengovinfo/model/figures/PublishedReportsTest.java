package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.testing.PublishedReport;

/** The real published reports decode, derive and validate exactly as their printed tables say. */
class PublishedReportsTest {

    @Test
    void luozhuang2020DecodesUnderThe2019FormatWithItsPrintedForms() {
        PublishedReport report = PublishedReport.luozhuang2020();
        Figures figures = report.figures();

        assertEquals("2019", figures.template().id());
        assertEquals(new BigDecimal("15"), figures.value("s2_5.licensing.change").orElseThrow());
        assertEquals(new BigDecimal("-16"), figures.value("s2_5.other_services.change").orElseThrow());
        assertEquals(new BigDecimal("-135"), figures.value("s2_6.penalty.change").orElseThrow());
        assertEquals(new BigDecimal("8"), figures.value("s2_8.fees.change").orElseThrow());
        assertEquals(new BigDecimal("63800"), figures.value("s2_9.central_procurement.amount").orElseThrow());
        assertEquals(new BigDecimal("79"), figures.value("s3.new.total").orElseThrow());
        assertEquals(new BigDecimal("13"), figures.value("s4.reconsideration.total").orElseThrow());
        assertEquals(report.cells().size(), figures.filledCount(), "every printed cell is filled, none computed");
    }

    @Test
    void luozhuang2020PassesEveryRuleOfItsForm() {
        assertEquals(List.of(), PublishedReport.luozhuang2020().figures().check());
    }

    @Test
    void linzi2021DecodesUnderThe2021FormatWithItsFeeAmountExact() {
        Figures figures = PublishedReport.linzi2021().figures();

        assertEquals("2021", figures.template().id());
        assertEquals(new BigDecimal("299.7935"), figures.value("s2_8.fees.amount").orElseThrow());
        assertEquals(2997935L, figures.value(figures.template().indexOf("s2_8.fees.amount")));
        assertEquals(new BigDecimal("154"), figures.value("s3.results_total.total").orElseThrow());
    }

    @Test
    void linzi2021PassesEveryRuleOfItsForm() {
        assertEquals(List.of(), PublishedReport.linzi2021().figures().check());
    }

    @Test
    void totalsLeftBlankAreComputedToThePrintedValues() {
        for (PublishedReport report : List.of(PublishedReport.luozhuang2020(), PublishedReport.linzi2021())) {
            Map<String, Object> withoutTotals = new LinkedHashMap<>(report.cells());
            withoutTotals.keySet().removeIf(code -> code.startsWith("s3.results_total.") || code.endsWith(".total"));

            Figures computed = Figures.of(report.template(), withoutTotals);

            assertEquals(report.figures().toMap(), computed.toMap(), report.unit());
            assertTrue(computed.isDerived("s3.results_total.total"));
            assertTrue(computed.isDerived("s4.litigation_direct.total"));
            assertFalse(computed.isDerived("s3.new.natural_person"));
            assertEquals(List.of(), computed.check());
        }
    }

    @Test
    void linziCarryOverAgainstLuozhuangNamesEveryColumnThatDisagrees() {
        // Two different districts, so the carry-over rule across years (and across templates) must object.
        Figures current = PublishedReport.linzi2021().figures();
        Figures previous = PublishedReport.luozhuang2020().figures();

        List<Finding> findings = current.checkAgainstPreviousYear(previous);

        // 临淄 carried over 4 / 1 / 5 (natural person / business / total); 罗庄 carried forward 0 / 1 / 1.
        assertEquals(List.of("s3.carry_over", "s3.carry_over"), findings.stream().map(Finding::rule).toList());
        Finding natural = findings.get(0);
        assertEquals(List.of("s3.carried_over.natural_person", "previous:s3.carried_forward.natural_person"), natural.cells());
        assertEquals(new BigDecimal("4"), natural.actual());
        assertEquals(new BigDecimal("0"), natural.expected());
        assertEquals(new BigDecimal("4"), natural.difference());
        Finding total = findings.get(1);
        assertEquals(List.of("s3.carried_over.total", "previous:s3.carried_forward.total"), total.cells());
        assertEquals(new BigDecimal("5"), total.actual());
        assertEquals(new BigDecimal("1"), total.expected());
        assertEquals(new BigDecimal("4"), total.difference());
    }
}

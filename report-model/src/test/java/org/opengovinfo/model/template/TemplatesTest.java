package org.opengovinfo.model.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {

    private final Templates templates = Templates.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2008, legacy", "2017, legacy", "2018, legacy", "2019, 2019", "2020, 2019", "2021, 2021", "2025, 2021"})
    void theYearPicksTheTemplate(int year, String template) {
        assertEquals(template, templates.forYear(year).orElseThrow().id());
    }

    @Test
    void noTemplateBeforeTheRegulations() {
        assertTrue(templates.forYear(2007).isEmpty());
    }

    @Test
    void the2021FormatHasTheOfficialLayout() {
        Template t = templates.byId("2021").orElseThrow();

        assertEquals("国办公开办函〔2021〕30号", t.authority());
        assertEquals(List.of("s2_1", "s2_5", "s2_6", "s2_8", "s3", "s4"), t.tables().stream().map(Table::code).toList());
        assertEquals(6 + 1 + 2 + 1 + 25 * 7 + 15, t.cellCount());
        Cell fee = t.cell("s2_8.fees.amount").orElseThrow();
        assertEquals(ValueKind.AMOUNT, fee.kind());
        assertEquals("万元", fee.unit());
        Cell other = t.cell("s3.other_no_fee.legal_service").orElseThrow();
        assertEquals(List.of("三、收到和处理政府信息公开申请情况", "三、本年度办理结果", "（六）其他处理",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "申请人情况", "法人或其他组织", "法律服务机构"), other.labels());
        assertEquals(ConsolidationMode.DERIVED, t.cell("s3.results_total.business").orElseThrow().consolidation());
        assertEquals(ConsolidationMode.DERIVED, t.cell("s3.new.total").orElseThrow().consolidation());
        assertEquals(ConsolidationMode.DERIVED, t.cell("s4.litigation_direct.total").orElseThrow().consolidation());
    }

    @Test
    void the2019FormatDeclaresItsCatalogItemCountsInsteadOfSummingThem() {
        Template t = templates.byId("2019").orElseThrow();

        assertEquals(23, t.table("s3").orElseThrow().rows().size());
        Cell items = t.cell("s2_5.licensing.previous_items").orElseThrow();
        Cell change = t.cell("s2_6.penalty.change").orElseThrow();
        Cell decisions = t.cell("s2_6.penalty.decisions").orElseThrow();
        assertEquals(ConsolidationMode.DECLARED, items.consolidation());
        assertEquals(ValueKind.SIGNED_COUNT, change.kind());
        assertEquals(ConsolidationMode.DECLARED, change.consolidation());
        assertEquals("项", change.unit());
        assertEquals(ConsolidationMode.SUM, decisions.consolidation());
        assertEquals(ValueKind.AMOUNT, t.cell("s2_9.central_procurement.amount").orElseThrow().kind());
        assertEquals(10, t.declaredCells().cardinality());
    }

    @Test
    void theLegacyTableListsIndicatorsWithTheirOwnUnits() {
        Template t = templates.byId("legacy").orElseThrow();

        assertEquals("条", t.cell("l1.disclosed").orElseThrow().unit());
        assertEquals("人次", t.cell("l11.total").orElseThrow().unit());
        assertEquals("期", t.cell("l9.issues").orElseThrow().unit());
        assertEquals(ValueKind.AMOUNT, t.cell("l12.budget").orElseThrow().kind());
        assertEquals(ConsolidationMode.DERIVED, t.cell("l3.answered_refused").orElseThrow().consolidation());
        assertTrue(t.cells().stream().noneMatch(c -> c.consolidation() == ConsolidationMode.DECLARED));
    }

    @Test
    void cellCodesAreUniqueAndIndicesDense() {
        for (Template t : templates.all()) {
            for (int i = 0; i < t.cellCount(); i++) {
                assertEquals(i, t.cell(i).index());
                assertEquals(i, t.indexOf(t.cell(i).code()));
            }
        }
    }

    @Test
    void derivedCellsAreComputedPartsFirst() {
        Template t = templates.byId("legacy").orElseThrow();
        List<String> order = t.rules().derivations().stream().map(r -> r.total().code()).toList();

        assertTrue(order.indexOf("l3.answered_refused") < order.indexOf("l3.answered"), order.toString());
    }

    @Test
    void templatesAreKeptOldestFirstWhateverOrderTheyAreListedIn() {
        Templates two = Templates.load(getClass().getClassLoader(), "two-templates/");

        assertEquals(List.of("early", "late"), two.all().stream().map(Template::id).toList());
        assertEquals("early", two.forYear(2029).orElseThrow().id());
        assertEquals("late", two.forYear(2030).orElseThrow().id());
        assertTrue(two.forYear(2019).isEmpty());
        assertEquals("一格", two.byId("early").orElseThrow().name());
    }

    @Test
    void aOneYearRangeHoldsExactlyThatYear() {
        YearRange y = new YearRange(2019, 2019);

        assertTrue(y.contains(2019));
        assertFalse(y.contains(2018));
        assertFalse(y.contains(2020));
        assertEquals("2019–2019", y.toString());
        assertThrows(IllegalArgumentException.class, () -> new YearRange(2020, 2019));
    }

    @Test
    void rangesThatShareAYearOverlapAndAdjacentOnesDoNot() {
        YearRange format2019 = new YearRange(2019, 2020);
        YearRange sharing = new YearRange(2020, 2025);
        YearRange current = new YearRange(2021, Integer.MAX_VALUE);

        assertTrue(format2019.overlaps(sharing));
        assertTrue(sharing.overlaps(format2019));
        assertFalse(format2019.overlaps(current));
        assertFalse(current.overlaps(format2019));
        assertEquals("2021–", current.toString());
    }
}

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
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Scope;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/** A per-column rule is one finding about one column, saying which sum is which; blank sections are named. */
class FindingsReadByColumnTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();

    @Test
    void aBrokenBalanceNamesItsColumnOnlyThatColumnsCellsAndWhichSumIsWhich() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s3.new.natural_person", 10);
        cells.put("s3.carried_over.natural_person", 2);
        cells.put("s3.granted.natural_person", 9);
        cells.put("s3.carried_forward.natural_person", 2);

        Figures figures = Figures.of(T2021, cells);
        List<Finding> findings = figures.check();

        assertEquals(List.of("natural_person", "total"),
                findings.stream().filter(f -> f.rule().equals("s3.balance")).map(f -> f.scope().code()).toList(),
                "the computed 总计 column repeats the imbalance");
        Finding balance = findings.get(0);
        assertEquals(new Scope(Scope.Kind.COLUMN, "s3", "natural_person", List.of("申请人情况", "自然人")), balance.scope());
        assertEquals(List.of("s3.results_total.natural_person", "s3.carried_forward.natural_person",
                "s3.new.natural_person", "s3.carried_over.natural_person"), balance.cells());
        assertEquals(List.of("三、本年度办理结果 （七）总计 / 申请人情况 自然人", "四、结转下年度继续办理 / 申请人情况 自然人",
                "一、本年新收政府信息公开申请数量 / 申请人情况 自然人", "二、上年结转政府信息公开申请数量 / 申请人情况 自然人"), balance.labels());
        assertEquals(new Message(
                        "本列数据的勾稽关系：第一项加第二项之和，应等于第三项加第四项之和：（三）（七）+（四） = 11；（一）+（二） = 12（列：申请人情况 自然人）",
                        "Per column, new requests (一) plus requests carried over (二) must equal the results total (三（七）) plus"
                                + " requests carried forward (四): （三）（七）+（四） = 11; （一）+（二） = 12 (column 申请人情况 自然人)"),
                balance.message());
        assertEquals(new BigDecimal("-1"), balance.difference());

        // Any of the four typed cells could be wrong, so the clerk gets the rule once, the computed column under it.
        List<Finding> errors = figures.validate().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size());
        assertEquals(balance, errors.get(0).withConsequences(List.of()));
        assertEquals(List.of("total"), errors.get(0).consequences().stream().map(f -> f.scope().code()).toList());
    }

    @Test
    void aPerRowTotalNamesItsRowAndTheColumnsItAddsUp() {
        Map<String, Object> cells = Map.of("s4.reconsideration.upheld", 2, "s4.reconsideration.corrected", 1,
                "s4.reconsideration.total", 4);

        Finding total = Figures.of(T2021, cells).check().get(0);

        assertEquals(new Scope(Scope.Kind.ROW, "s4", "reconsideration", List.of("行政复议")), total.scope());
        assertEquals("总计应等于结果维持、结果纠正、其他结果、尚未审结之和：总计 = 4；结果维持+结果纠正+其他结果+尚未审结 = 3（行：行政复议）",
                total.message().zh());
        assertEquals("行政复议 / 总计", total.labels().get(0));
    }

    @Test
    void aLongSideIsNamedByItsFirstAndLastCell() {
        Map<String, Object> cells = Map.of("s3.granted.business", 3, "s3.results_total.business", 4);

        Finding total = Figures.of(T2021, cells).check().stream()
                .filter(f -> f.rule().equals("s3.results_total")).findFirst().orElseThrow();

        assertEquals("（七）总计应等于（一）至（六）各项办理结果之和：（三）（七） = 4；（三）（一）至（三）（六）3.共21项之和 = 3"
                + "（列：申请人情况 法人或其他组织 商业企业）", total.message().zh());
        assertEquals("business", total.scope().code());
    }

    @Test
    void aSectionLeftWhollyBlankWhileOthersAreFilledIsAWarningNamingTheSection() {
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> cells = new LinkedHashMap<>(linzi.cells());
        cells.keySet().removeIf(code -> code.startsWith("s4."));

        List<Finding> findings = Figures.of(linzi.template(), cells).validate();

        assertEquals(1, findings.size(), findings::toString);
        Finding blank = findings.get(0);
        assertEquals("section.blank", blank.rule());
        assertEquals(Severity.WARNING, blank.severity());
        assertEquals(new Scope(Scope.Kind.TABLE, "s4", "s4", List.of("四、政府信息公开行政复议、行政诉讼情况")), blank.scope());
        assertTrue(blank.message().zh().contains("空白不等于零"), blank.message().zh());
    }

    @Test
    void zerosMeanNoneAndAreFine() {
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> cells = new LinkedHashMap<>(linzi.cells());
        cells.replaceAll((code, value) -> code.startsWith("s4.") ? 0 : value);

        assertEquals(List.of(), Figures.of(linzi.template(), cells).validate());
    }

    @Test
    void aSubmissionWithNothingFilledIsEmptyAndNotSectionBySectionBlank() {
        Figures nothing = Figures.of(T2021, Map.of("s4.reconsideration.total", ""));

        assertTrue(nothing.isEmpty());
        assertFalse(Figures.of(T2021, Map.of("s4.reconsideration.total", 0)).isEmpty(), "a zero is a figure");
        assertEquals(List.of(), nothing.validate());
    }
}

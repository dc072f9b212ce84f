package org.opengovinfo.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.published.GridMatcher;
import org.opengovinfo.model.published.TextGrid;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class TextCheckTest {

    static final String LINZI = fixture("linzi-2021.txt");
    static final String LUOZHUANG = fixture("luozhuang-2020.txt");

    static String fixture(String name) {
        try (InputStream in = TextCheckTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text checked against the tables inside it, as the service does with a whole published report. */
    static List<TextFinding> check(String text, int year) {
        Template template = Templates.bundled().forYear(year).orElseThrow();
        TextGrid.Read grid = TextGrid.read(text);
        Figures tables = Figures.of(template, new GridMatcher(template).match(grid.rows()).figures());
        return TextCheck.check(ReportTexts.bundled().of(template), text, grid.tableLines(), tables, year);
    }

    static List<TextFinding> check(String prose, Figures figures, int year) {
        return TextCheck.check(ReportTexts.bundled().of(figures.template()), prose, new java.util.BitSet(), figures, year);
    }

    @Test
    void bothPublishedReportsGiveNoFindingAgainstTheirOwnTables() {
        assertEquals(List.of(), check(LINZI, 2021));
        assertEquals(List.of(), check(LUOZHUANG, 2020));
    }

    @Test
    void bothPublishedReportsGiveNoFindingAgainstTheProjectsFixtureFigures() {
        assertEquals(List.of(), check(LINZI, PublishedReport.linzi2021().figures(), 2021));
        assertEquals(List.of(), check(LUOZHUANG, PublishedReport.luozhuang2020().figures(), 2020));
    }

    /**
     * One number changed in the prose for each pattern: the sentence as the fixture prints it (or as a report would
     * word it, where the fixtures do not), and the same with the number changed.
     */
    static Stream<Arguments> contradictions() {
        return Stream.of(
                // 临淄区 2021, sentences of the fixture itself
                Arguments.of(2021, "共受理依申请公开信息151件", "共受理依申请公开信息152件", "requests.new", "151"),
                Arguments.of(2021, "2020年度结转5件", "2020年度结转6件", "requests.carried_over", "5"),
                Arguments.of(2021, "按时办结数154件", "按时办结数153件", "requests.results_total", "154"),
                Arguments.of(2021, "结转2022年度继续办理2件", "结转2022年度继续办理3件", "requests.carried_forward", "2"),
                // 临淄区 2021, wordings the fixture does not use
                Arguments.of(2021, "继续办理2件。", "继续办理2件。其中予以公开23件。", "requests.granted", "22"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。其中部分公开1件。", "requests.partly_granted", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。不予公开62件。", "requests.withheld", "63"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。无法提供68件。", "requests.unavailable", "69"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。不予处理1件。", "requests.not_processed", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。其他处理2件。", "requests.other", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。本年度新收政府信息公开申请150件。", "requests.new", "151"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。上年结转政府信息公开申请4件。", "requests.carried_over", "5"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政复议5件，其中结果维持1件。", "reconsideration.total", "4"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政复议4件，其中结果维持2件。", "reconsideration.upheld", "1"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政复议4件，结果纠正0件。", "reconsideration.corrected", "1"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政复议4件，其他结果1件。", "reconsideration.other", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政复议4件，尚未审结1件。", "reconsideration.pending", "2"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政诉讼5件。", "litigation.total", "4"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政诉讼4件，结果维持3件。", "litigation.upheld", "4"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政诉讼4件，被纠错1件。", "litigation.corrected", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政诉讼4件，其他结果1件。", "litigation.other", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。行政诉讼4件，尚未审结1件。", "litigation.pending", "0"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。未经复议直接起诉3件。", "litigation_direct.total", "4"),
                Arguments.of(2021, "继续办理2件。", "继续办理2件。复议后起诉1件。", "litigation_after_reconsideration.total", "0"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，制发行政规范性文件9件", "s2.normative_documents.issued", "8"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，废止行政规范性文件24件", "s2.normative_documents.repealed", "25"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，现行有效行政规范性文件21件", "s2.normative_documents.in_force", "22"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，行政许可决定32498件", "s2.licensing.decisions", "32499"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，行政处罚决定2696件", "s2.penalty.decisions", "2695"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，行政强制决定266件", "s2.enforcement.decisions", "265"),
                Arguments.of(2021, "制发政府公报12期", "制发政府公报12期，行政事业性收费299.7936万元", "s2.fees.amount", "299.7935"),
                // 罗庄区 2020 (2019 format), sentences of the fixture itself
                Arguments.of(2020, "共收到政府信息公开申请80件", "共收到政府信息公开申请81件", "requests.new", "79"),
                Arguments.of(2020, "结转下年度继续办理1件，主要", "结转下年度继续办理2件，主要", "requests.carried_forward", "1"),
                Arguments.of(2020, "其中予以公开33件", "其中予以公开34件", "requests.granted", "33"),
                Arguments.of(2020, "部分公开10件", "部分公开11件", "requests.partly_granted", "10"),
                Arguments.of(2020, "不予公开6件", "不予公开7件", "requests.withheld", "6"),
                Arguments.of(2020, "无法提供29件", "无法提供28件", "requests.unavailable", "29"),
                Arguments.of(2020, "不予处理1件", "不予处理2件", "requests.not_processed", "1"),
                Arguments.of(2020, "行政复议13件", "行政复议14件", "reconsideration.total", "13"),
                Arguments.of(2020, "维持具体行政行为6件", "维持具体行政行为5件", "reconsideration.upheld", "6"),
                Arguments.of(2020, "被依法纠错7件", "被依法纠错8件", "reconsideration.corrected", "7"),
                Arguments.of(2020, "受理5件因政府信息公开申请提起的行政诉讼", "受理6件因政府信息公开申请提起的行政诉讼",
                        "litigation.total", "5"),
                Arguments.of(2020, "驳回原告诉讼请求的5件", "驳回原告诉讼请求的4件", "litigation.upheld", "5"),
                Arguments.of(2020, "全年制发区政府规范性文件5件", "全年制发区政府规范性文件6件", "s2.normative_documents.produced", "5"),
                // 罗庄区 2020, wordings the fixture does not use
                Arguments.of(2020, "不予处理1件。", "不予处理1件，其他处理1件。", "requests.other", "0"),
                Arguments.of(2020, "不予处理1件。", "不予处理1件，上年结转政府信息公开申请2件。", "requests.carried_over", "1"),
                Arguments.of(2020, "不予处理1件。", "不予处理1件，办结申请78件。", "requests.results_total", "79"),
                Arguments.of(2020, "被依法纠错7件。", "被依法纠错7件，尚未审结1件。", "reconsideration.pending", "0"),
                Arguments.of(2020, "被依法纠错7件。", "被依法纠错7件，其他结果1件。", "reconsideration.other", "0"),
                Arguments.of(2020, "请求的5件。", "请求的5件，被纠错1件。", "litigation.corrected", "0"),
                Arguments.of(2020, "请求的5件。", "请求的5件，其他结果1件。", "litigation.other", "0"),
                Arguments.of(2020, "请求的5件。", "请求的5件，尚未审结1件。", "litigation.pending", "0"),
                Arguments.of(2020, "请求的5件。", "请求的5件，其中未经复议直接起诉2件。", "litigation_direct.total", "1"),
                Arguments.of(2020, "请求的5件。", "请求的5件，复议后起诉3件。", "litigation_after_reconsideration.total", "4"),
                Arguments.of(2020, "其中38件在", "其中新公开规范性文件4件，38件在", "s2.normative_documents.published", "5"),
                Arguments.of(2020, "全年共开展意见征集38期", "全年共开展意见征集38期，行政许可决定20300件", "s2.licensing.decisions", "20301"),
                Arguments.of(2020, "全年共开展意见征集38期", "全年共开展意见征集38期，行政处罚决定1414件", "s2.penalty.decisions", "1413"),
                Arguments.of(2020, "全年共开展意见征集38期", "全年共开展意见征集38期，行政强制决定466件", "s2.enforcement.decisions", "465"),
                Arguments.of(2020, "全年共开展意见征集38期", "全年共开展意见征集38期，政府集中采购项目999项", "s2.procurement.projects", "998"));
    }

    @ParameterizedTest(name = "{2} in {0}: {3}")
    @MethodSource("contradictions")
    void aNumberChangedInTheProseIsFoundWithItsSentenceAndCell(int year, String printed, String changed,
                                                               String statement, String tableValue) {
        String original = year == 2021 ? LINZI : LUOZHUANG;
        assertTrue(original.contains(printed), "the fixture prints " + printed);
        List<TextFinding> findings = check(original.replaceFirst(java.util.regex.Pattern.quote(printed), changed), year);
        assertEquals(1, findings.size(), () -> findings.toString());
        TextFinding f = findings.get(0);
        assertEquals(TextCheck.CONTRADICTS_TABLE, f.rule());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(statement, f.statement());
        assertEquals(0, new BigDecimal(tableValue).compareTo(f.tableValue()), f.toString());
        assertTrue(f.sentence().length() > 0 && (changed + original).contains(f.sentence().substring(0, 4)), f.sentence());
        assertTrue(f.messageZh().contains("“" + f.sentence() + "”"), f.messageZh());
        assertEquals(f.cells().size(), f.labels().size());
        assertTrue(f.labels().get(0).startsWith("表"), f.labels().toString());
    }

    @Test
    void everyStatementOfThePostFormatsIsCoveredByAConstructedContradiction() {
        for (int year : new int[] {2020, 2021}) {
            Template t = Templates.bundled().forYear(year).orElseThrow();
            List<String> covered = contradictions().filter(a -> (int) a.get()[0] == year).map(a -> (String) a.get()[3]).toList();
            for (Statement s : ReportTexts.bundled().of(t).statements()) {
                assertTrue(covered.contains(s.id()), year + ": no constructed contradiction for " + s.id());
            }
        }
    }

    @Test
    void aBlankCellIsNotComparedAsZero() {
        Template t = Templates.bundled().forYear(2021).orElseThrow();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(PublishedReport.linzi2021().cells());
        cells.keySet().removeIf(c -> c.startsWith("s4."));
        assertEquals(List.of(), check("行政复议5件，结果维持3件。", Figures.of(t, cells), 2021));
    }

    @Test
    void theNameForNewRequestsMayCountCarriedOverOnesAsReceived() {
        // 罗庄区 writes 收到…80件 where its table has 79 new + 1 carried over
        assertEquals(List.of(), check("2020年全区共收到政府信息公开申请80件。", PublishedReport.luozhuang2020().figures(), 2020));
        assertEquals(List.of(), check("2020年全区共收到政府信息公开申请79件。", PublishedReport.luozhuang2020().figures(), 2020));
    }

    @Test
    void wordsWhoseSubjectCannotBeToldAreNotRead() {
        assertEquals(List.of(), check("其中结果维持9件。", PublishedReport.linzi2021().figures(), 2021));
    }
}

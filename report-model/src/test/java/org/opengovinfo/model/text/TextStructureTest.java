package org.opengovinfo.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

/** The checks beyond numbers, each broken on purpose in one of the published reports. */
class TextStructureTest {

    private static List<TextFinding> only(List<TextFinding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void sectionFiveMissingIsAWarning() {
        String text = TextCheckTest.LINZI.substring(0, TextCheckTest.LINZI.indexOf("五、存在的主要问题及改进情况"))
                + TextCheckTest.LINZI.substring(TextCheckTest.LINZI.indexOf("六、其他需要报告的事项"));
        List<TextFinding> f = TextCheckTest.check(text, 2021);
        assertEquals(1, f.size(), f::toString);
        assertEquals(TextCheck.SECTION_MISSING, f.get(0).rule());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void sectionFiveSayingOnlyNothingOrVeryLittleIsAWarning() {
        int from = TextCheckTest.LINZI.indexOf("五、存在的主要问题及改进情况");
        int to = TextCheckTest.LINZI.indexOf("六、其他需要报告的事项");
        for (String body : List.of("无。", "暂无", "工作有待加强。", "")) {
            String text = TextCheckTest.LINZI.substring(0, from) + "五、存在的主要问题及改进情况\n" + body + "\n"
                    + TextCheckTest.LINZI.substring(to);
            List<TextFinding> f = TextCheckTest.check(text, 2021);
            assertEquals(1, f.size(), f::toString);
            assertEquals(TextCheck.SECTION_THIN, f.get(0).rule());
            assertEquals(Severity.WARNING, f.get(0).severity());
            assertEquals("五、存在的主要问题及改进情况", f.get(0).sentence());
        }
    }

    @Test
    void sayingNoFeesWhileTheTablesShowAFeeNoticeIsAnError() {
        Template t = Templates.bundled().forYear(2021).orElseThrow();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(PublishedReport.linzi2021().cells());
        cells.put("s3.other_no_fee.natural_person", 1);
        cells.put("s3.other_no_fee.total", 1);
        cells.put("s3.new.natural_person", 149);
        cells.put("s3.new.total", 152);
        cells.put("s3.results_total.natural_person", 151);
        cells.put("s3.results_total.total", 155);
        Figures figures = Figures.of(t, cells);
        assertEquals(List.of(), figures.check());
        for (String claim : List.of("本年度未收取信息处理费。", "本年度没有收取信息处理费。", "本年度未有收取信息处理费情况。")) {
            List<TextFinding> f = TextCheckTest.check("六、其他需要报告的事项\n（一）收取信息处理费情况。" + claim + "\n", figures, 2021);
            assertEquals(1, f.size(), f::toString);
            assertEquals(TextCheck.FEES_CONTRADICT_TABLE, f.get(0).rule());
            assertEquals(Severity.ERROR, f.get(0).severity());
            assertEquals(List.of("s3.other_no_fee.total"), f.get(0).cells());
            assertEquals(0, f.get(0).tableValue().compareTo(java.math.BigDecimal.ONE));
        }
        // the same claim with no fee notice in the tables is no finding (临淄区 2021 says 未有收取 and is right)
        assertEquals(List.of(), TextCheckTest.check("六、其他需要报告的事项\n本年度未收取信息处理费。\n",
                PublishedReport.linzi2021().figures(), 2021));
    }

    @Test
    void sayingNoFeesAndStatingAFeeIsAnError() {
        List<TextFinding> f = TextCheckTest.check("六、其他需要报告的事项\n本年度未收取信息处理费。全年收取信息处理费共计300元。\n",
                PublishedReport.luozhuang2020().figures(), 2020);
        assertEquals(1, f.size(), f::toString);
        assertEquals(TextCheck.FEES_CONTRADICT_TABLE, f.get(0).rule());
        assertEquals(0, f.get(0).stated().compareTo(new java.math.BigDecimal(300)));
    }

    @Test
    void allClosedWhileRequestsAreCarriedForwardOrCasesPendingIsAFinding() {
        Figures linzi = PublishedReport.linzi2021().figures(); // 结转 2, 复议尚未审结 2, 诉讼尚未审结 0
        List<TextFinding> requests = TextCheckTest.check("所有申请均已办结。", linzi, 2021);
        assertEquals(1, requests.size(), requests::toString);
        assertEquals(TextCheck.ALL_CLOSED_BUT_PENDING, requests.get(0).rule());
        assertEquals(List.of("s3.carried_forward.total"), requests.get(0).cells());
        List<TextFinding> reconsiderations = TextCheckTest.check("本年度共收到行政复议4件，均已办结。", linzi, 2021);
        assertEquals(1, reconsiderations.size(), reconsiderations::toString);
        assertEquals(List.of("s4.reconsideration.pending"), reconsiderations.get(0).cells());
        assertEquals(0, reconsiderations.get(0).tableValue().compareTo(new java.math.BigDecimal(2)));
        assertEquals(List.of(), TextCheckTest.check("本年度行政诉讼4件，均已审结。", linzi, 2021));
    }

    @Test
    void anotherYearInASentenceAboutTheYearsWorkIsAWarning() {
        String text = TextCheckTest.LINZI.replace("2021年，通过政府网站公开信息9157条", "2020年，通过政府网站公开信息9157条");
        List<TextFinding> f = TextCheckTest.check(text, 2021);
        assertEquals(1, f.size(), f::toString);
        assertEquals(TextCheck.OTHER_YEAR, f.get(0).rule());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).sentence().startsWith("2020年，通过政府网站公开信息9157条"), f.get(0).sentence());
    }

    @Test
    void aMisnumberedSectionHeadingIsAWarning() {
        String text = TextCheckTest.LINZI.replace("三、收到和处理政府信息公开申请情况", "四、收到和处理政府信息公开申请情况");
        List<TextFinding> f = TextCheckTest.check(text, 2021);
        assertEquals(1, f.size(), f::toString);
        assertEquals(TextCheck.HEADING_MISNUMBERED, f.get(0).rule());
        assertEquals("四、收到和处理政府信息公开申请情况", f.get(0).sentence());
        // 罗庄区 prints its third heading without a number: that is not misnumbering
        assertEquals(List.of(), only(TextCheckTest.check(TextCheckTest.LUOZHUANG, 2020), TextCheck.HEADING_MISNUMBERED));
    }
}

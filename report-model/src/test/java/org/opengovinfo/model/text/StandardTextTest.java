package org.opengovinfo.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class StandardTextTest {

    private static final Template T2021 = Templates.bundled().forYear(2021).orElseThrow();

    @Test
    void linzi2021IsWrittenWithEveryFigureOfItsTables() {
        List<StandardText.Sentence> s = StandardText.of(ReportTexts.bundled().of(T2021), PublishedReport.linzi2021().figures());
        String text = StandardText.render(s, false);
        assertTrue(text.contains("本年度新收政府信息公开申请151件，上年结转政府信息公开申请5件，本年度办理结果中，予以公开22件，"
                + "部分公开0件，不予公开63件，无法提供69件，不予处理0件，其他处理0件，办理结果总计154件，结转下年度继续办理2件。"), text);
        assertTrue(text.contains("本年度因政府信息公开引起的行政复议4件，其中结果维持1件，结果纠正1件，其他结果0件，尚未审结2件。"), text);
        assertTrue(text.contains("行政诉讼4件，其中结果维持4件"), text);
        StandardText.Sentence withheld = s.stream().filter(x -> x.statement().equals("requests.withheld")).findFirst().orElseThrow();
        assertEquals(8, withheld.cells().size());
        assertEquals("表三 · 总计 · 1.属于国家秘密", withheld.cells().get(0).label());
        assertTrue(StandardText.render(s, true).contains("New requests this year: 151; carried over from last year: 5"));
    }

    @Test
    void writtenTextReadsBackWithoutAFinding() {
        Figures linzi = PublishedReport.linzi2021().figures();
        String text = StandardText.render(StandardText.of(ReportTexts.bundled().of(T2021), linzi), false);
        assertEquals(List.of(), TextCheckTest.check(text, linzi, 2021));
        Figures luozhuang = PublishedReport.luozhuang2020().figures();
        String text2019 = StandardText.render(StandardText.of(ReportTexts.bundled().of(luozhuang.template()), luozhuang), false);
        assertEquals(List.of(), TextCheckTest.check(text2019, luozhuang, 2020));
    }

    @Test
    void aBlankCellIsSaidToBeNotFilledInNeverZero() {
        Map<String, Object> cells = new LinkedHashMap<>(PublishedReport.linzi2021().cells());
        cells.keySet().removeIf(c -> c.startsWith("s4.reconsideration."));
        cells.keySet().removeIf(c -> c.startsWith("s3.withheld_inquiry."));
        cells.put("s3.withheld_inquiry.total", "不适用");
        List<StandardText.Sentence> s = StandardText.of(ReportTexts.bundled().of(T2021), Figures.of(T2021, cells));
        StandardText.Sentence upheld = s.stream().filter(x -> x.statement().equals("reconsideration.upheld")).findFirst().orElseThrow();
        assertEquals(StandardText.State.BLANK, upheld.state());
        assertNull(upheld.value());
        assertEquals("其中结果维持（未填报）", upheld.zh());
        String text = StandardText.render(s, false);
        assertFalse(text.contains("结果维持0件"), text);
        StandardText.Sentence inquiry = s.stream().filter(x -> x.statement().equals("requests.withheld")).findFirst().orElseThrow();
        assertEquals(StandardText.State.NOT_APPLICABLE, inquiry.state());
        assertEquals("不予公开（不适用）", inquiry.zh());
    }

    @Test
    void aMalformedPatternFileIsNamedWithItsJsonPath() {
        String bad = "{\"template\":\"2021\",\"subjects\":{\"requests\":[\"申请\"]},\"pendingCells\":{},\"statements\":["
                + "{\"id\":\"requests.new\",\"paragraph\":\"p\",\"cells\":[\"s3.new.totl\"],\"unit\":\"件\","
                + "\"sentence\":{\"zh\":\"{n}\",\"en\":\"{n}\"},\"phrases\":[\"新收{n}件\"]}]}";
        TextDefinitionException e = org.junit.jupiter.api.Assertions.assertThrows(TextDefinitionException.class,
                () -> TextPatternReader.read("2021.text.json", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), T2021));
        assertEquals("2021.text.json: $.statements[0] (requests.new).cells[0]: no cell 's3.new.totl' in template 2021",
                e.getMessage());
        String noNumber = bad.replace("s3.new.totl", "s3.new.total").replace("新收{n}件", "新收(\\\\d+)件");
        e = org.junit.jupiter.api.Assertions.assertThrows(TextDefinitionException.class,
                () -> TextPatternReader.read("2021.text.json", new ByteArrayInputStream(noNumber.getBytes(StandardCharsets.UTF_8)), T2021));
        assertEquals("2021.text.json: $.statements[0] (requests.new).phrases[0]: a phrase holds {n} exactly once, where the number stands",
                e.getMessage());
        String unknownKey = bad.replace("\"paragraph\"", "\"paragrap\"");
        e = org.junit.jupiter.api.Assertions.assertThrows(TextDefinitionException.class,
                () -> TextPatternReader.read("2021.text.json", new ByteArrayInputStream(unknownKey.getBytes(StandardCharsets.UTF_8)), T2021));
        assertTrue(e.getMessage().startsWith("2021.text.json: $.statements[0]: unknown key 'paragrap'"), e.getMessage());
    }

    @Test
    void everyBundledTemplateHasItsTextPatterns() {
        for (Template t : Templates.bundled().all()) {
            assertFalse(ReportTexts.bundled().of(t).statements().isEmpty(), t.id());
        }
    }
}

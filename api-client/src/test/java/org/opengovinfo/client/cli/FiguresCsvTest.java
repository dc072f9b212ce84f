package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.client.Results.Cell;
import org.opengovinfo.client.Results.Table;
import org.opengovinfo.client.Results.Template;

/** The figures form read and written through Jackson's CSV module, without a service. */
class FiguresCsvTest {

    private static final Template TEMPLATE = new Template("t", "测试格式", "测试", 2021, null,
            List.of(new Table("s3", List.of("三、申请情况"), List.of("new", "carried_over"), List.of("natural_person", "business", "total")),
                    new Table("l3", List.of("三、依申请公开情况"), List.of("received", "closed"), List.of())),
            List.of(cell("s3.new.natural_person", "三、申请情况", "一、本年新收, 含补正", "自然人"),
                    cell("s3.new.business", "三、申请情况", "一、本年新收, 含补正", "商业企业"),
                    cell("s3.new.total", "三、申请情况", "一、本年新收, 含补正", "总计"),
                    cell("s3.carried_over.natural_person", "三、申请情况", "二、上年结转", "自然人"),
                    cell("s3.carried_over.business", "三、申请情况", "二、上年结转", "商业企业"),
                    cell("s3.carried_over.total", "三、申请情况", "二、上年结转", "总计"),
                    cell("l3.received", "三、依申请公开情况", "收到申请数"),
                    cell("l3.closed", "三、依申请公开情况", "申请办结数")),
            List.of());

    private static Cell cell(String code, String... labels) {
        return new Cell(code, List.of(labels), "件", "count", "sum");
    }

    private static Map<String, Object> figures(String text) {
        FiguresCsv.Form form = FiguresCsv.read(text.getBytes(StandardCharsets.UTF_8));
        return FiguresCsv.figures(form, TEMPLATE);
    }

    @Test
    void aFilledFormGivesItsCellsBlankIsNotZeroAndTheLabelIsIgnored() {
        String text = """
                # comment, with a comma
                unit,u1
                year,2021

                s3,natural_person,business,total,label
                new,5,0,,"一、本年新收, 含补正"
                carried_over,增加15, 63800万元 ,,二、上年结转
                l3,value,label
                received,7,收到申请数
                """;

        FiguresCsv.Form form = FiguresCsv.read(text.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s3.new.natural_person", 5L);
        expected.put("s3.new.business", 0L);
        expected.put("s3.carried_over.natural_person", "增加15");
        expected.put("s3.carried_over.business", "63800万元");
        expected.put("l3.received", 7L);

        assertEquals("u1", form.unit());
        assertEquals(2021, form.year());
        assertEquals(expected, FiguresCsv.figures(form, TEMPLATE));
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsReadTheSame() {
        String text = "unit,u1\nyear,2021\ns3,natural_person,business,total,label\nnew,5,,7,\"一、本年新收, 含补正\"\n";
        String windows = "\uFEFF" + text.replace("\n", "\r\n");

        FiguresCsv.Form form = FiguresCsv.read(windows.getBytes(StandardCharsets.UTF_8));

        assertEquals("u1", form.unit());
        assertEquals(2021, form.year());
        assertEquals(figures(text), FiguresCsv.figures(form, TEMPLATE));
        assertEquals(Map.of("s3.new.natural_person", 5L, "s3.new.total", 7L), figures(text));
    }

    @Test
    void theEmptyFormReadsBackAsNoFiguresAndNoUnitOrYear() {
        String form = FiguresCsv.form(TEMPLATE);

        FiguresCsv.Form read = FiguresCsv.read(form.getBytes(StandardCharsets.UTF_8));

        assertTrue(form.contains("\ns3,natural_person,business,total,label\n"), form);
        assertTrue(form.contains("\nnew,,,,\"一、本年新收, 含补正\"\n"), form);
        assertTrue(form.contains("\nl3,value,label\nreceived,,收到申请数\n"), form);
        assertNull(read.unit());
        assertNull(read.year());
        assertEquals(Map.of(), FiguresCsv.figures(read, TEMPLATE));
    }

    @Test
    void wrongTablesRowsColumnsAndValuesAreRefusedWithTheirLine() {
        assertEquals("line 3: table s3 has no row 'old'",
                assertThrows(UsageException.class, () -> figures("year,2021\ns3,natural_person\nold,1\n")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> figures("s3,natural_person,elderly\n")).getMessage()
                .startsWith("line 1: table s3 has no column 'elderly'"));
        assertTrue(assertThrows(UsageException.class, () -> figures("new,1\n")).getMessage()
                .startsWith("line 1: expected a table header"));
        assertEquals("line 4: row new of table s3 is given twice (also on line 2)",
                assertThrows(UsageException.class, () -> figures("s3,natural_person\nnew,1\n\nnew,2\n")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> figures("s3,natural_person\nnew,1,2\n")).getMessage()
                .startsWith("line 2: more values than table s3's header names"));
        assertEquals("line 1: the year must be a number such as 2021, not '二〇二一'",
                assertThrows(UsageException.class, () -> FiguresCsv.read("year,二〇二一\n".getBytes(StandardCharsets.UTF_8)))
                        .getMessage());
    }

    @Test
    void instantsArePrintedInChinaStandardTime() {
        assertEquals("2022-02-01 00:00 (UTC+8)", Output.time(Instant.parse("2022-01-31T16:00:00Z")));
        assertEquals("2022-02-03 09:15 (UTC+8)", Output.time(Instant.parse("2022-02-03T01:15:59.999Z")));
    }
}

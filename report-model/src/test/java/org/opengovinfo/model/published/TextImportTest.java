package org.opengovinfo.model.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;

class TextImportTest {

    static String fixture(String name) {
        try (InputStream in = TextImportTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportedTables read(int year, String text) {
        Template template = Templates.bundled().forYear(year).orElseThrow();
        return new GridMatcher(template).match(TextGrid.read(text).rows());
    }

    @Test
    void linzi2021ReadsToExactlyItsPrintedTables() {
        ImportedTables read = read(2021, fixture("linzi-2021.txt"));
        assertEquals(ExpectedTables.linzi2021(), ExpectedTables.asPrinted(read.figures()));
        assertEquals(List.of(), read.unread());
        assertEquals(List.of(), read.missing());
        assertEquals("2021", read.template());
    }

    @Test
    void luozhuang2020ReadsToExactlyItsPrintedTablesInThe2019Format() {
        ImportedTables read = read(2020, fixture("luozhuang-2020.txt"));
        assertEquals(ExpectedTables.luozhuang2020(), ExpectedTables.asPrinted(read.figures()));
        assertEquals(List.of(), read.unread());
        assertEquals(List.of(), read.missing());
        assertEquals("2019", read.template());
    }

    @Test
    void theImportedTablesAreTheFiguresOfTheProjectsOwnFixtures() {
        Template t2021 = Templates.bundled().forYear(2021).orElseThrow();
        Template t2019 = Templates.bundled().forYear(2020).orElseThrow();
        assertEquals(PublishedReport.linzi2021().figures(), Figures.of(t2021, read(2021, fixture("linzi-2021.txt")).figures()));
        assertEquals(PublishedReport.luozhuang2020().figures(),
                Figures.of(t2019, read(2020, fixture("luozhuang-2020.txt")).figures()));
    }

    @Test
    void aBlankValueStaysBlankAndIsNotReadAsZero() {
        String text = fixture("linzi-2021.txt").replace("\t行政许可\n\t32499\n", "\t行政许可\n\t\n");
        ImportedTables read = read(2021, text);
        assertTrue(!read.figures().containsKey("s2_5.licensing.decisions"));
        assertEquals(List.of(), read.unread());
    }

    @Test
    void aRowWithTooFewValuesIsListedAsUnreadWithItsLineAndLabel() {
        String text = fixture("linzi-2021.txt").replace("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t0\n");
        ImportedTables read = read(2021, text);
        assertEquals(1, read.unread().size());
        ImportedTables.Unread u = read.unread().get(0);
        assertEquals("规章", u.label());
        assertEquals("0 0", u.text());
        assertEquals("第 22 行", u.where().zh());
        assertTrue(!read.figures().containsKey("s2_1.regulations.issued"));
        assertEquals(List.of("表二 规章"), read.missing());
    }

    @Test
    void aValueTheModelRefusesIsListedWithTheParsersReasonAndLeftBlank() {
        String text = fixture("linzi-2021.txt").replace("\t行政处罚\n\t2695\n", "\t行政处罚\n\t-2695\n");
        ImportedTables read = read(2021, text);
        assertEquals(1, read.unread().size());
        assertEquals("s2_6.penalty.decisions", read.unread().get(0).cell());
        assertTrue(!read.figures().containsKey("s2_6.penalty.decisions"));
    }

    @Test
    void aRowWhoseLabelNamesNothingIsListedAsUnread() {
        String text = fixture("linzi-2021.txt").replace("\t行政强制\n\t265\n", "\t行政征收\n\t265\n");
        ImportedTables read = read(2021, text);
        assertEquals(1, read.unread().size());
        assertEquals("行政征收", read.unread().get(0).label());
        assertEquals(List.of("表二 行政强制"), read.missing());
    }

    @Test
    void rowsCopiedFromAPageOneRowPerLineWithTabsAreReadToo() {
        String text = "三、收到和处理政府信息公开申请情况\n"
                + "一、本年新收政府信息公开申请数量\t１４８\t1\t0\t0\t2\t0\t151\n"
                + "四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2\n";
        Map<String, Object> f = read(2021, text).figures();
        assertEquals("148", ((java.math.BigDecimal) f.get("s3.new.natural_person")).toPlainString());
        assertEquals("2", ((java.math.BigDecimal) f.get("s3.carried_forward.total")).toPlainString());
    }

    @Test
    void aTextWithoutTablesReadsNoTable() {
        assertTrue(!read(2021, "一、总体情况\n2021年，共受理依申请公开信息151件。\n").foundTables());
    }
}

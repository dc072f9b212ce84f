package org.opengovinfo.service.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.published.ExpectedTables;
import org.opengovinfo.model.published.GridMatcher;
import org.opengovinfo.model.published.ImportedTables;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * The shared reports' tables as their sites publish them (merged header and label cells, {@code <p><span>} in every
 * cell, {@code &nbsp;}, full-width digits in 罗庄区's 表三 and 表四) read back exactly to the printed tables.
 */
class HtmlImportTest {

    static String page(String name) {
        try (InputStream in = HtmlImportTest.class.getResourceAsStream("/published/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportedTables read(int year, String html) {
        Template template = Templates.bundled().forYear(year).orElseThrow();
        return new GridMatcher(template).match(HtmlGrid.read(html));
    }

    @Test
    void linzi2021sPageReadsToExactlyItsTables() {
        ImportedTables read = read(2021, page("linzi-2021.html"));
        assertEquals(ExpectedTables.linzi2021(), ExpectedTables.asPrinted(read.figures()));
        assertEquals(List.of(), read.unread());
        assertEquals(List.of(), read.missing());
    }

    @Test
    void luozhuang2020sPageReadsToExactlyItsTablesFullWidthDigitsIncluded() {
        String html = page("luozhuang-2020.html");
        assertTrue(html.contains("７６"), "the page prints full-width digits");
        ImportedTables read = read(2020, html);
        assertEquals(ExpectedTables.luozhuang2020(), ExpectedTables.asPrinted(read.figures()));
        assertEquals(List.of(), read.unread());
        assertEquals(List.of(), read.missing());
    }

    @Test
    void anUnreadableCellIsListedWithItsTableAndRow() {
        String html = page("linzi-2021.html").replaceFirst(">265<", ">二百六十五<");
        ImportedTables read = read(2021, html);
        assertEquals(1, read.unread().size(), read.unread()::toString);
        assertEquals("行政强制", read.unread().get(0).label());
        assertEquals("第 1 个表格第 11 行", read.unread().get(0).where().zh());
        assertTrue(!read.figures().containsKey("s2_6.enforcement.decisions"));
    }

    @Test
    void nothingOnThePageRunsOrIsFetched() {
        String html = "<html><body><script>document.write('<table><tr><td>行政许可</td><td>1</td></tr></table>')</script>"
                + "<img src=\"http://example.invalid/x.png\"><table><tr><td>行政许可</td><td>５</td></tr></table></body></html>";
        ImportedTables read = read(2021, html);
        assertEquals("5", ExpectedTables.asPrinted(read.figures()).get("s2_5.licensing.decisions"));
        assertEquals(1, read.figures().size());
    }
}

package org.opengovinfo.service.text;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.opengovinfo.model.published.GridRow;

/**
 * The HTML front end: the tables of a published report saved as a web page, as the same grid of labelled rows the
 * text front end gives, for the one matcher ({@link org.opengovinfo.model.published.GridMatcher}).
 *
 * <p>Government sites publish the tables as {@code <table>}s with merged header and label cells
 * ({@code rowspan}/{@code colspan}), each cell's text wrapped in {@code <p><span>}, {@code &nbsp;} for spaces and
 * full-width digits. A row is read as the cells its {@code <tr>} holds, in order: a label merged down from a row
 * above is not repeated on the rows it covers (the matcher reads each row by its own last label), and a merged
 * header spans columns without holding values. Cell text is jsoup's (tags dropped, white space collapsed); widths
 * and non-breaking spaces are folded by the matcher. Nested tables are read as their own rows. No script runs and
 * nothing is fetched.
 */
final class HtmlGrid {

    private HtmlGrid() {}

    static List<GridRow> read(String html) {
        Document page = Jsoup.parse(html);
        List<GridRow> rows = new ArrayList<>();
        List<Element> tables = page.select("table");
        for (int t = 0; t < tables.size(); t++) {
            Element table = tables.get(t);
            int r = 0;
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Element cell : tr.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(cell.text().replace('\u00a0', ' ').strip());
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new GridRow(cells, GridRow.Where.tableRow(t, r)));
                }
                r++;
            }
        }
        return rows;
    }
}

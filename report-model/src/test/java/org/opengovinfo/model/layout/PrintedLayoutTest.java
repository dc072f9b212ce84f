package org.opengovinfo.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

class PrintedLayoutTest {

    static Stream<Template> templates() {
        return Templates.bundled().all().stream();
    }

    private static Template template(String id) {
        return Templates.bundled().byId(id).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyCellIsPrintedExactlyOnce(Template template) {
        Map<String, Integer> printed = new HashMap<>();
        for (PrintedTable table : PrintedLayout.of(template).tables()) {
            table.values().forEach(s -> printed.merge(s.cell(), 1, Integer::sum));
        }
        Map<String, Integer> expected = new HashMap<>();
        template.cells().forEach(c -> expected.put(c.code(), 1));
        assertEquals(expected, printed);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theBoxesCoverEachTableLikeAPrintedGridWithoutGapOrOverlap(Template template) {
        for (PrintedTable table : PrintedLayout.of(template).tables()) {
            int[][] covered = new int[table.rows()][table.columns()];
            for (Slot s : table.slots()) {
                assertTrue(s.lastRow() < table.rows() && s.lastColumn() < table.columns(), table.name() + " " + s);
                for (int r = s.row(); r <= s.lastRow(); r++) {
                    for (int c = s.column(); c <= s.lastColumn(); c++) {
                        covered[r][c]++;
                    }
                }
            }
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < table.columns(); c++) {
                    assertEquals(1, covered[r][c], table.name() + " row " + r + " column " + c);
                }
            }
        }
    }

    /**
     * Reading a value's column upwards through the headers of its block, and its row leftwards through the row labels,
     * gives exactly the cell's printed label path (for a table printed across, its row's labels are headers too).
     */
    @ParameterizedTest
    @MethodSource("templates")
    void everyValueStandsUnderItsPrintedLabels(Template template) {
        for (PrintedTable table : PrintedLayout.of(template).tables()) {
            for (Slot value : table.values()) {
                Cell cell = template.cell(value.cell()).orElseThrow();
                Table t = template.tableOf(cell.index());
                List<String> expected = cell.labels().subList(t.labels().size(), cell.labels().size());
                List<String> read = new ArrayList<>();
                if (t.columns().isEmpty()) {
                    List<String> headings = headingsAbove(table, value);
                    assertEquals(expected.size() - 1, headings.size(), table.name() + " " + value.cell());
                    for (int i = 0; i < headings.size(); i++) {
                        // a heading may be its total's own line, printed with its note: （一）主动公开政府信息数（…计1条）
                        assertTrue(headings.get(i).startsWith(expected.get(i)), headings + " " + value.cell());
                    }
                    assertEquals(expected.get(expected.size() - 1), rowLabelsLeftOf(table, value).get(0));
                    continue;
                } else {
                    List<String> headers = headersAbove(table, value);
                    List<String> rows = rowLabelsLeftOf(table, value);
                    // the cell's labels are the row's, then the column's
                    read.addAll(t.printedAcross() ? headers : Stream.concat(rows.stream(), headers.stream()).toList());
                }
                assertEquals(expected, read, table.name() + " " + value.cell());
            }
        }
    }

    /** The headers covering the value's column between it and the block title above it, top down. */
    private static List<String> headersAbove(PrintedTable table, Slot value) {
        int top = table.slots().stream().filter(s -> s.kind() == SlotKind.BLOCK_TITLE && s.row() < value.row())
                .mapToInt(Slot::row).max().orElse(-1);
        return table.slots().stream()
                .filter(s -> s.kind() == SlotKind.HEADER && s.row() > top && s.lastRow() < value.row()
                        && s.column() <= value.column() && value.column() <= s.lastColumn())
                .map(Slot::text).toList();
    }

    private static List<String> rowLabelsLeftOf(PrintedTable table, Slot value) {
        return table.slots().stream()
                .filter(s -> s.kind() == SlotKind.ROW_LABEL && s.column() < value.column()
                        && s.row() <= value.row() && value.row() <= s.lastRow())
                .map(Slot::text).toList();
    }

    /** In the list: the nearest line above at each lesser indent, back to the first level, in order. */
    private static List<String> headingsAbove(PrintedTable table, Slot value) {
        List<Slot> labels = table.slots().stream().filter(s -> s.kind() == SlotKind.ROW_LABEL && s.column() == 0).toList();
        int indent = labels.stream().filter(s -> s.row() == value.row()).findFirst().orElseThrow().indent();
        List<String> headings = new ArrayList<>();
        for (int i = labels.size() - 1; i >= 0 && indent > 1; i--) {
            Slot line = labels.get(i);
            if (line.row() < value.row() && line.indent() == indent - 1) {
                headings.add(0, line.text());
                indent--;
            }
        }
        return headings;
    }

    @Test
    void the2021FormPrintsItsThreeTablesAsTheOfficialFormatDoes() {
        PrintedLayout layout = PrintedLayout.of(template("2021"));

        assertEquals(List.of("表二", "表三", "表四"), layout.tables().stream().map(PrintedTable::name).toList());
        PrintedTable two = layout.tables().get(0);
        assertEquals(List.of("s2_1", "s2_5", "s2_6", "s2_8"), two.tables());
        assertEquals(4, two.columns(), "信息内容 and the three columns of 第二十条第（一）项");
        Slot licensing = two.valueOf("s2_5.licensing.decisions").orElseThrow();
        assertEquals(3, licensing.columnSpan(), "a one-column item's figure spans the width, as printed");
        assertEquals("第二十条第（五）项", two.startingOn(licensing.row() - 2).get(0).text());
        assertEquals(PrintedLayout.CONTENT, two.startingOn(licensing.row() - 1).get(0).text());

        PrintedTable three = layout.tables().get(1);
        assertEquals(3 + 7, three.columns(), "three label columns, seven applicant columns");
        Slot results = three.slots().stream().filter(s -> s.text().equals("三、本年度办理结果")).findFirst().orElseThrow();
        assertEquals(22, results.rowSpan(), "（一）…（七）: 2 + 8 + 3 + 5 + 3 + 1 rows");
        Slot applicants = three.slots().stream().filter(s -> s.text().equals("申请人情况")).findFirst().orElseThrow();
        assertEquals(7, applicants.columnSpan());
        Slot person = three.slots().stream().filter(s -> s.text().equals("自然人")).findFirst().orElseThrow();
        assertEquals(2, person.rowSpan(), "自然人 spans both header rows under 申请人情况");
        Slot total = three.valueOf("s3.results_total.natural_person").orElseThrow();
        assertEquals("自然人 · （七）总计", total.labels());
        assertEquals("总计 · 1.属于国家秘密", three.valueOf("s3.withheld_state_secret.total").orElseThrow().labels());

        PrintedTable four = layout.tables().get(2);
        assertEquals(15, four.columns());
        assertEquals(4, four.rows(), "three header rows and the one line of figures");
        assertEquals(15, four.startingOn(3).size());
        assertEquals("行政复议 结果维持", four.valueOf("s4.reconsideration.upheld").orElseThrow().labels());
        assertEquals("复议后起诉 总计", four.valueOf("s4.litigation_after_reconsideration.total").orElseThrow().labels());
        Slot litigation = four.slots().stream().filter(s -> s.text().equals("行政诉讼")).findFirst().orElseThrow();
        assertEquals(List.of(0, 5, 1, 10), List.of(litigation.row(), litigation.column(), litigation.rowSpan(),
                litigation.columnSpan()));
    }

    @Test
    void the2019FormPrintsItsCatalogItemsAndProcurementUnderTheirOwnHeaders() {
        PrintedTable two = PrintedLayout.of(template("2019")).tables().get(0);
        assertEquals(List.of("s2_1", "s2_5", "s2_6", "s2_8", "s2_9"), two.tables());
        Slot change = two.valueOf("s2_8.fees.change").orElseThrow();
        assertEquals(2, change.columnSpan(), "本年增/减 is the item's last column and fills the width");
        assertEquals("本年增/减 · 行政事业性收费", change.labels());
        assertEquals("采购总金额 · 政府集中采购", two.valueOf("s2_9.central_procurement.amount").orElseThrow().labels());
    }

    @Test
    void theLegacyIndicatorsArePrintedAsOneListWithTheirUnits() {
        List<PrintedTable> tables = PrintedLayout.of(template("legacy")).tables();
        assertEquals(1, tables.size());
        PrintedTable list = tables.get(0);
        assertEquals(PrintedLayout.LIST_NAME, list.name());
        Slot budget = list.valueOf("l12.budget").orElseThrow();
        assertEquals("万元", list.startingOn(budget.row()).get(1).text());
        assertEquals("四、行政复议数量 总数", list.valueOf("l4.total").orElseThrow().labels(),
                "总数 recurs in every section, so its section names it");
        Slot leaders = list.valueOf("l2.press_conferences_leaders").orElseThrow();
        assertEquals(3, list.startingOn(leaders.row()).get(0).indent(), "其中 under 1. under （二）");
    }
}

package org.opengovinfo.service.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.layout.PrintedTable;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/**
 * The report in the official layout and the Excel round trip: forms out (XLSX, CSV, HTML), filled in as a clerk
 * would, and back in through the same path as JSON.
 */
class FormsApiTest extends OnBothDatabases {

    private static final String XLSX = FormsController.XLSX;
    private static final AtomicInteger UNITS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeParameterizedClassInvocation
    static void seed() {
        service.post("/api/v1/units", Map.of("id", "county", "name", "罗庄区", "kind", "district", "fromYear", 2015)).ok();
    }

    private static String town() {
        String id = "town-" + UNITS.incrementAndGet();
        service.post("/api/v1/units", Map.of("id", id, "name", "某街道", "kind", "street", "fromYear", 2015,
                "parent", "county")).ok();
        return id;
    }

    static Stream<PublishedReport> reports() {
        return Stream.of(PublishedReport.linzi2021(), PublishedReport.luozhuang2020(), PublishedReport.legacySample2017());
    }

    private record Bytes(int status, String contentType, byte[] body, String header) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static Bytes get(String path, String accept) {
        HttpRequest.Builder request = service.request(path).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build(), "Content-Security-Policy");
    }

    private static Bytes put(String path, String type, byte[] body) {
        return send(service.request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type)
                .build(), "ETag");
    }

    private static Bytes send(HttpRequest request, String header) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue(header).orElse(null));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Template template(int year) {
        return Templates.bundled().forYear(year).orElseThrow();
    }

    /** A clerk fills the empty workbook: numbers as numbers, what the report printed as text (增加15) as text. */
    private static byte[] fill(byte[] form, int year, Map<String, Object> cells) throws IOException {
        PrintedLayout layout = PrintedLayout.of(template(year));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(form));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            cells.forEach((code, value) -> {
                PrintedLayout.Placed placed = layout.place(code).orElseThrow();
                Cell cell = book.getSheet(placed.table().name()).getRow(FormWorkbook.GRID_TOP + placed.slot().row())
                        .getCell(placed.slot().column());
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(value.toString());
                }
            });
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Map<String, BigDecimal> figures(String unit, int year) {
        Reply read = service.get("/api/v1/units/" + unit + "/figures/" + year);
        assertEquals(200, read.status(), read.raw().body());
        Map<String, BigDecimal> figures = new TreeMap<>();
        read.json().get("figures").fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().decimalValue()
                .stripTrailingZeros()));
        return figures;
    }

    @Test
    void aFilledInWorkbookOfEachFormatRoundTripsToTheSameFiguresAsTheJsonOfThePublishedTables() throws IOException {
        for (PublishedReport report : reports().toList()) {
            String byJson = town();
            String byForm = town();
            service.put("/api/v1/units/" + byJson + "/figures/" + report.year(), Map.of("figures", report.cells())).ok();
            Bytes form = get("/api/v1/units/" + byForm + "/form/" + report.year() + "?format=xlsx", null);
            assertEquals(200, form.status());
            assertTrue(form.contentType().startsWith(XLSX), form.contentType());

            Bytes submitted = put("/api/v1/units/" + byForm + "/figures/" + report.year(), XLSX,
                    fill(form.body(), report.year(), report.cells()));

            assertEquals(200, submitted.status(), new String(submitted.body(), StandardCharsets.UTF_8));
            assertEquals("accepted", submitted.json().get("status").asText());
            assertEquals("\"v1\"", submitted.header());
            assertEquals(figures(byJson, report.year()), figures(byForm, report.year()), report.unit());

            // the unit's own report, as a workbook, holds the same figures where the form had them
            Bytes own = get("/api/v1/units/" + byForm + "/report/" + report.year() + "?format=xlsx", null);
            assertEquals(200, own.status());
            FilledForm read = FormWorkbook.read(own.body(), PrintedLayout.of(template(report.year())),
                    template(report.year()), h -> { });
            Map<String, BigDecimal> values = new TreeMap<>();
            read.figures().forEach((code, v) -> values.put(code, new BigDecimal(v.toString()).stripTrailingZeros()));
            assertEquals(figures(byForm, report.year()), values, "totals computed by the service are printed too");
            assertEquals(byForm, read.unit());
            assertEquals(Source.OWN, read.source());
        }
    }

    @Test
    void theWorkbookPrintsEveryCellUnderItsLabelsNumbersAsNumbersBlankAsBlankLabelsLocked() throws IOException {
        String unit = town();
        PublishedReport linzi = PublishedReport.linzi2021();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(linzi.cells());
        cells.remove("s3.new.research");
        service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures", cells)).ok();
        for (PublishedReport report : reports().toList()) {
            Template template = template(report.year());
            Bytes form = get("/api/v1/units/" + unit + "/" + (report.year() == 2021 ? "report" : "form") + "/"
                    + report.year() + "?format=xlsx", null);
            assertEquals(200, form.status());
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(form.body()))) {
                for (PrintedTable table : PrintedLayout.of(template).tables()) {
                    XSSFSheet sheet = book.getSheet(table.name());
                    assertTrue(sheet.getProtect(), table.name() + " is protected");
                    assertEquals(unit, sheet.getRow(0).getCell(1).getStringCellValue());
                    assertEquals(String.valueOf(report.year()), sheet.getRow(1).getCell(1).getStringCellValue());
                    assertEquals(template.id(), sheet.getRow(2).getCell(1).getStringCellValue());
                    for (Slot slot : table.slots()) {
                        Cell cell = sheet.getRow(FormWorkbook.GRID_TOP + slot.row()).getCell(slot.column());
                        if (!slot.isValue()) {
                            assertTrue(cell.getCellStyle().getLocked(), slot.toString());
                            assertEquals(slot.text(), cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue());
                            continue;
                        }
                        assertTrue(!cell.getCellStyle().getLocked(), "a value cell is for input: " + slot.cell());
                        Object expected = report.year() == 2021 ? cells.get(slot.cell()) : null;
                        if (report.year() == 2021 && slot.cell().equals("s3.new.total")) {
                            expected = 151;
                        }
                        if (expected == null && !(report.year() == 2021 && template.cell(slot.cell()).orElseThrow()
                                .consolidation().name().equals("DERIVED"))) {
                            assertEquals(CellType.BLANK, cell.getCellType(), "blank stays blank: " + slot.cell());
                        } else if (expected != null) {
                            assertEquals(CellType.NUMERIC, cell.getCellType(), slot.cell());
                            assertEquals(0, new BigDecimal(expected.toString()).compareTo(
                                    BigDecimal.valueOf(cell.getNumericCellValue())), slot.cell());
                        }
                    }
                    int merged = (int) table.slots().stream().filter(Slot::isMerged).count();
                    assertEquals(merged + (table.columns() > 1 ? 1 : 0), sheet.getNumMergedRegions(), table.name());
                }
            }
        }
    }

    @Test
    void theHtmlReportCarriesEveryCellUnderItsPrintedLabelsAndEscapesTheUnitName() {
        service.post("/api/v1/units", Map.of("id", "odd", "name", "<b>镇</b>&\"'", "kind", "street", "fromYear", 2015,
                "parent", "county")).ok();
        for (PublishedReport report : reports().toList()) {
            service.put("/api/v1/units/odd/figures/" + report.year(), Map.of("figures", report.cells())).ok();
            Bytes page = get("/api/v1/units/odd/report/" + report.year(), "text/html");
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertTrue(html.contains("&lt;b&gt;镇&lt;/b&gt;&amp;"), "escaped");
            assertTrue(!html.contains("<b>镇"), "never raw");
            assertTrue(!html.contains("<script"), "no script");
            assertTrue(page.header().startsWith("default-src 'none'; style-src 'sha256-"), page.header());
            Template template = template(report.year());
            for (PrintedTable table : PrintedLayout.of(template).tables()) {
                for (Slot slot : table.slots()) {
                    if (slot.isValue()) {
                        String cell = "data-cell=\"" + slot.cell() + "\"";
                        assertEquals(1, count(html, cell), slot.cell());
                        int at = html.indexOf(cell);
                        String td = html.substring(html.lastIndexOf("<td", at), html.indexOf("</td>", at));
                        assertTrue(td.contains("title=\"" + escape(slot.labels()) + "\""), td);
                        BigDecimal value = template.cell(slot.cell()).isPresent()
                                ? figures("odd", report.year()).get(slot.cell()) : null;
                        assertEquals(value == null ? "" : value.toPlainString(), td.substring(td.indexOf('>') + 1), td);
                        assertEquals(value == null, td.contains("blank"), "a blank cell is marked blank: " + td);
                    } else if (!slot.text().isEmpty()) {
                        assertTrue(html.contains(">" + escape(slot.text()) + "</th>"), slot.text());
                    }
                }
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void findingsOfABadWorkbookNameTheSheetCellAndItsLabels() throws IOException {
        String unit = town();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(PublishedReport.linzi2021().cells());
        cells.put("s3.results_total.natural_person", 151);
        Bytes form = get("/api/v1/units/" + unit + "/form/2021", XLSX);
        assertEquals(200, form.status());

        Bytes refused = put("/api/v1/units/" + unit + "/figures/2021", XLSX, fill(form.body(), 2021, cells));

        assertEquals(422, refused.status(), new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals("submission.rejected", refused.json().get("code").asText());
        List<String> places = new ArrayList<>();
        refused.json().get("errors").forEach(e -> e.get("places").forEach(p -> places.add(p.asText())));
        Slot slot = PrintedLayout.of(template(2021)).place("s3.results_total.natural_person").orElseThrow().slot();
        String a1 = new org.apache.poi.ss.util.CellReference(FormWorkbook.GRID_TOP + slot.row(), slot.column())
                .formatAsString(false);
        assertTrue(places.contains("表三 " + a1 + " · 自然人 · （七）总计"), places.toString());
        assertEquals(404, service.get("/api/v1/units/" + unit + "/figures/2021").status(), "nothing stored");
    }

    @Test
    void aFormOfAnotherUnitOrYearIsRefusedAndNothingIsStored() throws IOException {
        String mine = town();
        String other = town();
        Bytes form = get("/api/v1/units/" + other + "/form/2021?format=xlsx", null);
        byte[] filled = fill(form.body(), 2021, PublishedReport.linzi2021().cells());

        Bytes refused = put("/api/v1/units/" + mine + "/figures/2021", XLSX, filled);

        assertEquals(422, refused.status());
        assertEquals("form.other_unit", refused.json().get("code").asText());
        assertEquals(404, service.get("/api/v1/units/" + mine + "/figures/2021").status());
        Bytes csv = get("/api/v1/units/" + other + "/form/2020?format=csv", null);
        Bytes csvRefused = put("/api/v1/units/" + other + "/figures/2021", "text/csv", csv.body());
        assertEquals("form.other_unit", csvRefused.json().get("code").asText(), "a form of 2020 for 2021");
    }

    @Test
    void garbageAndZipBombsAsWorkbooksAre4xxNever500() throws IOException {
        String unit = town();
        byte[] garbage = "这不是表格 not a workbook \u0000\u0001".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
        }
        for (byte[] body : List.of(garbage, bomb.toByteArray(), new byte[0])) {
            Bytes refused = put("/api/v1/units/" + unit + "/figures/2021", XLSX, body);
            assertTrue(refused.status() >= 400 && refused.status() < 500, refused.status() + " "
                    + new String(refused.body(), StandardCharsets.UTF_8));
            assertTrue(List.of("request.malformed_xlsx", "request.body_missing").contains(refused.json().get("code").asText()));
        }
        assertEquals(404, service.get("/api/v1/units/" + unit + "/figures/2021").status());
    }

    @Test
    void aConsolidatedReportNamesItsSnapshotAndCannotBeSentBackAsAUnitsOwnFigures() throws IOException {
        String town = town();
        service.put("/api/v1/units/" + town + "/figures/2021", Map.of("figures", PublishedReport.linzi2021().cells())).ok();
        Reply rollup = service.post("/api/v1/units/county/rollups/2021", Map.of());
        assertEquals(201, rollup.status(), rollup.raw().body());
        String snapshot = rollup.json().get("id").asText();

        Bytes report = get("/api/v1/units/county/report/2021?source=consolidated&snapshot=" + snapshot + "&format=xlsx", null);

        assertEquals(200, report.status(), new String(report.body(), StandardCharsets.UTF_8));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Row source = book.getSheet("表三").getRow(3);
            assertEquals(List.of("数据", "汇总数据", "汇总快照 " + snapshot), List.of(source.getCell(0).getStringCellValue(),
                    source.getCell(1).getStringCellValue(), source.getCell(2).getStringCellValue()));
        }
        Bytes html = get("/api/v1/units/county/report/2021?source=consolidated", "text/html");
        assertTrue(new String(html.body(), StandardCharsets.UTF_8).contains(snapshot), "the latest snapshot is named");
        Bytes back = put("/api/v1/units/county/figures/2021", XLSX, report.body());
        assertEquals(422, back.status());
        assertEquals("form.not_a_form", back.json().get("code").asText());
        assertEquals("request.invalid_parameter",
                get("/api/v1/units/county/report/2021?source=mine", null).json().get("code").asText());
    }

    @Test
    void controlAndBidirectionalCharactersArePrintedVisiblyNeverPassedOn() {
        assertEquals("abcU+202Edef U+0007", Printable.text("abc\u202Edef \u0007"));
        assertEquals("（七）总计", Printable.text("（七）总计"));
        assertEquals(Printable.key("1．属于 国家秘密"), Printable.key("1.属于国家秘密"));
    }

    // ---- CSV ------------------------------------------------------------------------------------------------

    private static String csvForm(String unit, int year) {
        Bytes form = get("/api/v1/units/" + unit + "/form/" + year + "?format=csv", null);
        assertEquals(200, form.status());
        assertTrue(form.contentType().startsWith("text/csv"), form.contentType());
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(form.body()[0], form.body()[1], form.body()[2]),
                "written with a byte order mark");
        return new String(form.body(), 3, form.body().length - 3, StandardCharsets.UTF_8);
    }

    /** Fills the CSV form line by line: a row's values after its label, in the order of its table's header. */
    private static String fillCsv(String form, int year, Map<String, Object> cells) {
        Template template = template(year);
        StringBuilder out = new StringBuilder();
        org.opengovinfo.model.template.Table table = null;
        for (String line : form.split("\r\n")) {
            String label = line.split(",", -1)[0].replace("\"", "");
            var next = template.tables().stream().filter(t -> String.join(" ", t.labels()).equals(label)).findFirst();
            if (next.isPresent()) {
                table = next.get();
                out.append(line).append("\r\n");
                continue;
            }
            var t = table;
            var row = t == null ? null : t.rows().stream().filter(r -> String.join(" ", t.rowLabels(r)).equals(label)).findFirst().orElse(null);
            if (row == null) {
                out.append(line).append("\r\n");
                continue;
            }
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.set(0, "\"" + label + "\"");
            if (t.columns().isEmpty()) {
                Object v = cells.get(t.code() + "." + row);
                fields.set(1, v == null ? "" : "\"" + v + "\"");
            } else {
                for (int i = 0; i < t.columns().size(); i++) {
                    Object v = cells.get(t.code() + "." + row + "." + t.columns().get(i));
                    fields.set(i + 1, v == null ? "" : "\"" + v + "\"");
                }
            }
            out.append(String.join(",", fields)).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void theCsvFormOfEachFormatRoundTripsAndExcelsGbkWithPaddingAndWrappedLabelsIsRead() {
        for (PublishedReport report : reports().toList()) {
            String byJson = town();
            String byCsv = town();
            service.put("/api/v1/units/" + byJson + "/figures/" + report.year(), Map.of("figures", report.cells())).ok();
            String filled = fillCsv(csvForm(byCsv, report.year()), report.year(), report.cells());
            // as Excel in China saves it: GBK, no byte order mark, every line padded to the widest with commas,
            // and a long label wrapped over two lines inside its quotes
            StringBuilder excel = new StringBuilder();
            for (String line : filled.split("\r\n")) {
                excel.append(line).append(",,,,,,,,,,").append("\r\n");
            }
            String wrapped = excel.toString().replace("一、本年新收政府信息公开申请数量", "一、本年新收\n政府信息公开申请数量");
            Bytes gbk = put("/api/v1/units/" + byCsv + "/figures/" + report.year(), "text/csv",
                    wrapped.getBytes(Charset.forName("GBK")));
            assertEquals(200, gbk.status(), new String(gbk.body(), StandardCharsets.UTF_8));
            assertEquals(figures(byJson, report.year()), figures(byCsv, report.year()), report.unit());

            // the same in UTF-8 with a byte order mark: unchanged
            byte[] utf8 = ("\uFEFF" + filled).getBytes(StandardCharsets.UTF_8);
            Bytes again = put("/api/v1/units/" + byCsv + "/figures/" + report.year(), "text/csv; charset=UTF-8", utf8);
            assertEquals("unchanged", again.json().get("status").asText(), new String(again.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCsvLineWithMoreValuesThanItsTableHasColumnsIsRefusedNamingTheLine() {
        String unit = town();
        String filled = fillCsv(csvForm(unit, 2021), 2021, PublishedReport.linzi2021().cells());
        List<String> lines = new ArrayList<>(List.of(filled.split("\r\n")));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\"二、上年结转")) {
                at = i;
            }
        }
        lines.set(at, lines.get(at) + ",7");
        Bytes refused = put("/api/v1/units/" + unit + "/figures/2021", "text/csv",
                String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));

        assertEquals(422, refused.status());
        assertEquals("form.extra_values", refused.json().get("code").asText());
        assertTrue(refused.json().get("detailEn").asText().startsWith("CSV line " + (at + 1) + " "),
                refused.json().get("detailEn").asText());
        assertEquals(404, service.get("/api/v1/units/" + unit + "/figures/2021").status());
    }

    @Test
    void csvFindingsNameTheLineAndColumn() {
        String unit = town();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(PublishedReport.luozhuang2020().cells());
        cells.put("s4.reconsideration.total", 99);
        String filled = fillCsv(csvForm(unit, 2020), 2020, cells);

        Bytes refused = put("/api/v1/units/" + unit + "/figures/2020", "text/csv", filled.getBytes(StandardCharsets.UTF_8));

        assertEquals(422, refused.status(), new String(refused.body(), StandardCharsets.UTF_8));
        List<String> places = new ArrayList<>();
        refused.json().get("errors").forEach(e -> e.get("places").forEach(p -> places.add(p.asText())));
        int line = List.of(filled.split("\r\n")).indexOf(filled.lines().filter(l -> l.startsWith("\"行政复议\""))
                .findFirst().orElseThrow()) + 1;
        assertTrue(places.contains("CSV 第 " + line + " 行 F 列 · 行政复议 总计"), places.toString());
    }

    @Test
    void theFormatIsAskedForByQueryOrAcceptAndAnUnknownOneIsRefused() {
        String unit = town();
        assertEquals("request.unknown_format", get("/api/v1/units/" + unit + "/form/2021?format=pdf", null).json()
                .get("code").asText());
        assertEquals(400, get("/api/v1/units/" + unit + "/form/2021?format=pdf", null).status());
        assertTrue(get("/api/v1/units/" + unit + "/form/2021", "text/csv").contentType().startsWith("text/csv"));
        assertTrue(get("/api/v1/units/" + unit + "/form/2021", "text/html").contentType().startsWith("text/html"));
        assertTrue(get("/api/v1/units/" + unit + "/form/2021", null).contentType().startsWith(XLSX));
        Bytes json = get("/api/v1/units/" + unit + "/form/2021", "application/json");
        assertEquals(406, json.status());
        assertEquals("request.not_acceptable", json.json().get("code").asText());
        assertEquals(404, get("/api/v1/units/" + unit + "/report/2021", "text/html").status(), "no figures yet");
        // the quality decides, not the order: HTML at 0.5 loses to CSV at 1; XLSX refused outright gets the next
        assertTrue(get("/api/v1/units/" + unit + "/form/2021", "text/html;q=0.5, text/csv").contentType()
                .startsWith("text/csv"));
        assertTrue(get("/api/v1/units/" + unit + "/form/2021", "*/*, " + XLSX + ";q=0").contentType()
                .startsWith("text/csv"));
    }

    @Test
    void aCellNotApplicablePrintsAs不适用InEveryOutputAndComesBackNotApplicableFromTheWorkbook() throws IOException {
        String unit = town();
        Map<String, Object> cells = new java.util.LinkedHashMap<>(PublishedReport.linzi2021().cells());
        cells.put("s2_5.licensing.decisions", "不适用");
        cells.remove("s3.new.research");
        service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures", cells)).ok();
        Reply own = service.get("/api/v1/units/" + unit + "/figures/2021");
        assertEquals(List.of("s2_5.licensing.decisions"), JSON.convertValue(own.json().get("notApplicable"), List.class));

        Bytes book = get("/api/v1/units/" + unit + "/report/2021?format=xlsx", null);
        PrintedLayout layout = PrintedLayout.of(template(2021));
        PrintedLayout.Placed placed = layout.place("s2_5.licensing.decisions").orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book.body()))) {
            Cell cell = workbook.getSheet(placed.table().name()).getRow(FormWorkbook.GRID_TOP + placed.slot().row())
                    .getCell(placed.slot().column());
            assertEquals("不适用", cell.getStringCellValue());
        }
        String html = new String(get("/api/v1/units/" + unit + "/report/2021", null).body(), StandardCharsets.UTF_8);
        assertTrue(html.matches("(?s).*class=\"value not-applicable\" data-cell=\"s2_5\\.licensing\\.decisions\"[^>]*>不适用<.*"),
                "the HTML prints 不适用, not a blank");
        String csv = new String(get("/api/v1/units/" + unit + "/report/2021?format=csv", null).body(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",不适用"), csv);

        // the workbook sent back as the unit's form: not applicable stays not applicable, the blank stays blank
        String again = town();
        Bytes form = get("/api/v1/units/" + again + "/form/2021?format=xlsx", null);
        Map<String, Object> filled = new java.util.LinkedHashMap<>(cells);
        Bytes sent = put("/api/v1/units/" + again + "/figures/2021", XLSX, fill(form.body(), 2021, filled));
        assertEquals(200, sent.status(), new String(sent.body(), StandardCharsets.UTF_8));
        Reply back = service.get("/api/v1/units/" + again + "/figures/2021");
        assertEquals(List.of("s2_5.licensing.decisions"), JSON.convertValue(back.json().get("notApplicable"), List.class));
        assertEquals(figures(unit, 2021), figures(again, 2021));
    }
}

package org.opengovinfo.service.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.layout.PrintedTable;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/**
 * The report as an Excel workbook, and the same workbook read back as a filled-in form.
 *
 * <p>One sheet per printed table (表二, 表三, 表四; 统计表 for the legacy format), each with the heading (unit, year,
 * format, whose figures, the snapshot) above the table as printed: the tables differ in width (4, 10 and 15 columns),
 * so one sheet would force one set of column widths on all of them, and a clerk names a place as 表三 D14. Labels are
 * locked (sheet protection without a password: it guards against slips, not against intent); the value cells are
 * not. Figures are numbers, blank cells stay empty (never 0).
 *
 * <p>Reading goes by the printed layout: every label must still read as printed (else the form is not this year's
 * or was rearranged), and each value cell is taken as it is — a number, text as printed for the model's parser
 * ({@code 增加15}), a formula's cached value.
 */
final class FormWorkbook {

    /** Rows 1–4 are the heading, row 5 is empty, row 6 the table's title; the printed grid starts below. */
    static final int GRID_TOP = 6;
    static final int TITLE_ROW = 5;

    static {
        // a zip bomb is refused before it is inflated: no entry may expand more than 100 times or beyond 64 MB
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(16L * 1024 * 1024);
    }

    private FormWorkbook() {}

    // ---- out ----------------------------------------------------------------------------------------------

    /** The workbook of a heading and figures ({@code null} for an empty form). */
    static byte[] write(PrintedLayout layout, FormHeading heading, Figures figures) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            for (PrintedTable table : layout.tables()) {
                sheet(book, styles, table, heading, figures);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook book, Styles styles, PrintedTable table, FormHeading heading, Figures figures) {
        XSSFSheet sheet = book.createSheet(table.name());
        List<List<String>> lines = heading.lines();
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < lines.get(r).size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(lines.get(r).get(c));
                cell.setCellStyle(c == 0 ? styles.headingLabel : styles.heading);
            }
        }
        Cell title = sheet.createRow(TITLE_ROW).createCell(0);
        title.setCellValue(table.title());
        title.setCellStyle(styles.title);
        if (table.columns() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, table.columns() - 1));
        }
        for (int r = 0; r < table.rows(); r++) {
            Row row = sheet.createRow(GRID_TOP + r);
            for (int c = 0; c < table.columns(); c++) {
                row.createCell(c);
            }
        }
        Template template = figures == null ? null : figures.template();
        for (Slot slot : table.slots()) {
            CellStyle style = switch (slot.kind()) {
                case VALUE -> styles.input;
                case ROW_LABEL -> styles.rowLabel(slot.indent());
                case UNIT -> styles.unit;
                default -> styles.header;
            };
            for (int r = slot.row(); r <= slot.lastRow(); r++) {
                for (int c = slot.column(); c <= slot.lastColumn(); c++) {
                    sheet.getRow(GRID_TOP + r).getCell(c).setCellStyle(style);
                }
            }
            Cell cell = sheet.getRow(GRID_TOP + slot.row()).getCell(slot.column());
            if (slot.isValue()) {
                BigDecimal value = template == null ? null : figures.value(slot.cell()).orElse(null);
                if (value != null) {
                    write(cell, value);
                } else if (template != null && figures.isNotApplicable(slot.cell())) {
                    // as printed; it reads back as not applicable, never as blank or 0
                    cell.setCellValue(Figures.NOT_APPLICABLE);
                }
            } else if (!slot.text().isEmpty()) {
                cell.setCellValue(slot.text());
            }
            if (slot.isMerged()) {
                sheet.addMergedRegion(new CellRangeAddress(GRID_TOP + slot.row(), GRID_TOP + slot.lastRow(),
                        slot.column(), slot.lastColumn()));
            }
        }
        widths(sheet, table);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(table.columns() > 4);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.enableLocking();
    }

    /**
     * A number as a number when a spreadsheet's double holds it exactly (every count and amount a report has); a
     * longer one as its exact text, which reads back to the same value.
     */
    private static void write(Cell cell, BigDecimal value) {
        double d = value.doubleValue();
        if (BigDecimal.valueOf(d).compareTo(value) == 0) {
            cell.setCellValue(d);
        } else {
            cell.setCellValue(value.toPlainString());
        }
    }

    private static void widths(XSSFSheet sheet, PrintedTable table) {
        int[] widest = new int[table.columns()];
        for (Slot slot : table.slots()) {
            if (slot.columnSpan() == 1) {
                widest[slot.column()] = Math.max(widest[slot.column()], Math.min(slot.text().length(), 30));
            }
        }
        for (int c = 0; c < table.columns(); c++) {
            // a Chinese character is about two character widths; values need about ten
            sheet.setColumnWidth(c, Math.max(10, widest[c] * 2 + 2) * 256);
        }
    }

    private static final class Styles {
        final CellStyle heading;
        final CellStyle headingLabel;
        final CellStyle title;
        final CellStyle header;
        final CellStyle unit;
        final CellStyle input;
        private final XSSFWorkbook book;
        private final Map<Integer, CellStyle> rowLabels = new HashMap<>();

        Styles(XSSFWorkbook book) {
            this.book = book;
            XSSFFont bold = book.createFont();
            bold.setBold(true);
            heading = book.createCellStyle();
            headingLabel = book.createCellStyle();
            headingLabel.setFont(bold);
            title = book.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered();
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFont(bold);
            unit = bordered();
            unit.setAlignment(HorizontalAlignment.CENTER);
            input = bordered();
            input.setLocked(false);
            input.setAlignment(HorizontalAlignment.RIGHT);
        }

        CellStyle rowLabel(int indent) {
            return rowLabels.computeIfAbsent(indent, i -> {
                CellStyle s = bordered();
                s.setIndention((short) Math.max(0, i - 1));
                return s;
            });
        }

        private CellStyle bordered() {
            CellStyle s = book.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setLocked(true);
            return s;
        }
    }

    // ---- in -----------------------------------------------------------------------------------------------

    /**
     * Reads a filled-in workbook of the year's format.
     *
     * @throws org.opengovinfo.service.system.ProblemException {@code request.malformed_xlsx} for bytes that are no
     *     workbook (or a zip bomb), {@code form.changed} when a label no longer reads as printed
     */
    static FilledForm read(byte[] bytes, PrintedLayout layout, Template template, Consumer<FilledForm> headingCheck) {
        try (XSSFWorkbook book = open(bytes)) {
            Heading heading = heading(book, layout);
            headingCheck.accept(new FilledForm(heading.unit, heading.year, heading.template, heading.source, Map.of(), Map.of()));
            Map<String, Object> figures = new LinkedHashMap<>();
            Map<String, String> places = new HashMap<>();
            for (PrintedTable table : layout.tables()) {
                XSSFSheet sheet = book.getSheet(table.name());
                if (sheet == null) {
                    throw ErrorCode.FORM_CHANGED.problem(new Words("工作表", "The sheet"), table.name(), "",
                            template.id());
                }
                for (Slot slot : table.slots()) {
                    Cell cell = cell(sheet, GRID_TOP + slot.row(), slot.column());
                    String where = table.name() + " " + new CellReference(GRID_TOP + slot.row(), slot.column()).formatAsString(false);
                    if (slot.isValue()) {
                        places.put(slot.cell(), where + " · " + slot.labels());
                        Object value = value(cell);
                        if (value != null) {
                            figures.put(slot.cell(), value);
                        }
                    } else if (!slot.text().isEmpty() && !Printable.key(slot.text()).equals(Printable.key(text(cell)))) {
                        throw ErrorCode.FORM_CHANGED.problem(where, slot.text(), Redaction.text(text(cell), 80), template.id());
                    }
                }
            }
            return new FilledForm(heading.unit, heading.year, heading.template, heading.source, figures, places);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private record Heading(String unit, Integer year, String template, Source source) {
    }

    /** The heading of the first sheet: which unit, year and figures the form says it holds. */
    private static Heading heading(XSSFWorkbook book, PrintedLayout layout) {
        XSSFSheet sheet = book.getSheet(layout.tables().get(0).name());
        if (sheet == null) {
            return new Heading(null, null, null, null);
        }
        String unit = labelled(sheet, 0, FormHeading.UNIT);
        String year = labelled(sheet, 1, FormHeading.YEAR);
        String template = labelled(sheet, 2, FormHeading.TEMPLATE);
        String source = labelled(sheet, 3, FormHeading.SOURCE);
        Integer y = year == null ? null : year.matches("[0-9]{4}") ? Integer.valueOf(year) : -1;
        return new Heading(unit, y, template, source == null ? null : Source.ofPrinted(Printable.key(source)).orElse(null));
    }

    /** The value beside a heading label on its row, or {@code null} if the row does not carry that label. */
    private static String labelled(XSSFSheet sheet, int row, String label) {
        if (!label.equals(Printable.key(text(cell(sheet, row, 0))))) {
            return null;
        }
        String value = text(cell(sheet, row, 1)).strip();
        return value.isEmpty() ? null : value;
    }

    private static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (OLE2NotOfficeXmlFileException e) {
            throw ErrorCode.REQUEST_MALFORMED_XLSX.problem(new Words("这是旧版 .xls 文件，请另存为 .xlsx",
                    "it is an old .xls workbook; save it as .xlsx"));
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static RuntimeException unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        boolean bomb = message.contains("Zip bomb") || message.contains("exceeds the max") || message.contains("too large");
        return ErrorCode.REQUEST_MALFORMED_XLSX.problem(bomb
                ? new Words("其内容解压后过大，不像一份报表", "its content expands far beyond what a form holds")
                : new Words("不是 Excel 工作簿（.xlsx）或已损坏", "it is not an Excel workbook (.xlsx), or it is damaged"));
    }

    private static Cell cell(XSSFSheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** A label cell's text (a number label, e.g. a year, as its digits). */
    private static String text(Cell cell) {
        Object value = value(cell);
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /**
     * What a value cell holds for the model: {@code null} if blank, a number, or text as typed; a formula gives its
     * cached result (the workbook as last calculated by Excel or WPS), an error cell its error text (#DIV/0!), which
     * the model refuses as no number.
     */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> new BigDecimal(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
            case STRING -> {
                String text = cell.getStringCellValue();
                yield text == null || text.isBlank() ? null : text.strip();
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }
}

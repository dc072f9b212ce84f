package org.opengovinfo.service.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.system.ProblemException;

/** The workbook read as Excel or WPS leave it: formulas with their cached values, labels that must stay as printed. */
class FormWorkbookTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();
    private static final PrintedLayout LAYOUT = PrintedLayout.of(T2021);
    private static final FormHeading HEADING = new FormHeading("t1", "某镇", 2021, "2021", T2021.name(), Source.EMPTY, null);

    private static Cell cell(XSSFWorkbook book, String code) {
        PrintedLayout.Placed p = LAYOUT.place(code).orElseThrow();
        return book.getSheet(p.table().name()).getRow(FormWorkbook.GRID_TOP + p.slot().row()).getCell(p.slot().column());
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    @Test
    void aFormulaCellGivesTheValueExcelLastCalculatedAndTextGoesToTheModelAsTyped() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(LAYOUT, HEADING, null)))) {
            cell(book, "s3.new.natural_person").setCellValue(148);
            cell(book, "s3.new.business").setCellValue(1);
            String from = new CellReference(cell(book, "s3.new.natural_person")).formatAsString(false);
            String to = new CellReference(cell(book, "s3.new.other_org")).formatAsString(false);
            cell(book, "s3.new.total").setCellFormula("SUM(" + from + ":" + to + ")");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            cell(book, "s2_6.penalty.decisions").setCellValue("2695件");

            FilledForm form = FormWorkbook.read(bytes(book), LAYOUT, T2021, h -> { });

            assertEquals(new BigDecimal("149"), form.figures().get("s3.new.total"));
            assertEquals("2695件", form.figures().get("s2_6.penalty.decisions"));
            assertEquals(null, form.figures().get("s3.new.research"), "blank is absent, not 0");
            assertEquals("t1", form.unit());
        }
    }

    @Test
    void aLabelThatNoLongerReadsAsPrintedIsRefusedNamingItsCell() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(LAYOUT, HEADING, null)))) {
            Slot label = LAYOUT.tables().get(1).slots().stream().filter(s -> s.text().equals("（七）总计")).findFirst().orElseThrow();
            book.getSheet("表三").getRow(FormWorkbook.GRID_TOP + label.row()).getCell(label.column()).setCellValue("合计");

            ProblemException e = assertThrows(ProblemException.class, () -> FormWorkbook.read(bytes(book), LAYOUT, T2021, h -> { }));

            assertEquals("form.changed", e.code());
            String where = "表三 " + new CellReference(FormWorkbook.GRID_TOP + label.row(), label.column()).formatAsString(false);
            assertEquals(where + " should read '（七）总计' but reads '合计': this is not the form of the year's format (2021), "
                    + "or its rows or columns were changed.", e.detail());
        }
    }
}

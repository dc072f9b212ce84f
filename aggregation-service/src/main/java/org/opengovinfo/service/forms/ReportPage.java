package org.opengovinfo.service.forms;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedTable;
import org.opengovinfo.model.layout.Slot;
import org.opengovinfo.service.system.Sha256;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report as a printable HTML page (A4): the tables with their headers merged, labels and numbering as printed,
 * and a blank cell hatched so that it cannot pass for 0. Rendered by Thymeleaf from {@code views/report.html}, the
 * engine and templates the web app's pages use too; every text goes through the engine's escaping, after control
 * and bidirectional characters were made visible ({@link Printable}). The page has no script; its one style sheet
 * is inline (a downloaded report must print on its own) and allowed by its hash in {@link #CONTENT_SECURITY_POLICY}.
 */
@Singleton
class ReportPage {

    private static final String CSS = resource("views/report.css");
    /** Nothing may load or run but the page's own style sheet, named by its hash. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-"
            + Base64.getEncoder().encodeToString(sha256(CSS)) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final TemplateEngine engine;

    ReportPage(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The page's model: title, heading lines, tables as rows of boxes. */
    record Page(String title, List<HeadingLine> heading, List<TableView> tables, String css) {
    }

    record HeadingLine(String label, String value) {
    }

    record TableView(String name, String title, List<List<Box>> rows) {
    }

    /**
     * @param value whether it holds a figure (a {@code td}); labels are {@code th}
     * @param labels a figure's printed labels, shown on hover and read by tests
     */
    record Box(boolean value, String text, int rowSpan, int columnSpan, String css, String cell, String labels) {
    }

    String render(FormsService.Report report) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, Map.of("page", page(report)));
        return engine.process("report", context);
    }

    static Page page(FormsService.Report report) {
        FormHeading h = report.heading();
        List<HeadingLine> heading = new ArrayList<>();
        heading.add(new HeadingLine(FormHeading.UNIT, Printable.text(h.unitName()) + "（" + h.unit() + "）"));
        heading.add(new HeadingLine(FormHeading.YEAR, h.year() + " 年"));
        heading.add(new HeadingLine(FormHeading.TEMPLATE, h.templateName() + "（" + report.template().authority() + "）"));
        heading.add(new HeadingLine(FormHeading.SOURCE, h.source().printed()));
        if (h.snapshot() != null) {
            heading.add(new HeadingLine(FormHeading.SNAPSHOT, h.snapshot()));
        }
        List<TableView> tables = new ArrayList<>();
        for (PrintedTable table : report.layout().tables()) {
            List<List<Box>> rows = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) {
                List<Box> row = new ArrayList<>();
                for (Slot slot : table.startingOn(r)) {
                    row.add(box(slot, report.figures()));
                }
                rows.add(row);
            }
            tables.add(new TableView(table.name(), table.title(), rows));
        }
        return new Page(h.title(), heading, tables, CSS);
    }

    private static Box box(Slot slot, Figures figures) {
        if (slot.isValue()) {
            BigDecimal value = figures == null ? null : figures.value(slot.cell()).orElse(null);
            if (value == null && figures != null && figures.isNotApplicable(slot.cell())) {
                return new Box(true, Figures.NOT_APPLICABLE, slot.rowSpan(), slot.columnSpan(), "value not-applicable",
                        slot.cell(), slot.labels());
            }
            return new Box(true, value == null ? "" : value.toPlainString(), slot.rowSpan(), slot.columnSpan(),
                    value == null ? "value blank" : "value", slot.cell(), slot.labels());
        }
        String css = switch (slot.kind()) {
            case BLOCK_TITLE -> "block-title";
            case CORNER -> "corner";
            case HEADER -> "header";
            case UNIT -> "unit";
            default -> "row-label" + (slot.indent() > 1 ? " indent-" + Math.min(slot.indent(), 4) : "");
        };
        return new Box(false, slot.text(), slot.rowSpan(), slot.columnSpan(), css, null, null);
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the service's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        MessageDigest digest = Sha256.digest();
        return digest.digest(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.opengovinfo.service.rollups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;

/** A unit's consolidated figures as CSV: one line per cell for scripts, and SDMX-CSV for statistics offices. */
final class ConsolidatedCsv {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final List<String> CELLS = List.of("cell", "value", "unit", "label", "declared", "difference");
    private static final List<String> SDMX = List.of("DATAFLOW", "REPORTING_UNIT", "TIME_PERIOD", "CELL", "OBS_VALUE",
            "OBS_STATUS", "UNIT_MEASURE", "SNAPSHOT");

    private ConsolidatedCsv() {}

    /**
     * One line per cell of the template, in its order: code, value (empty if blank), unit, Chinese label path, and
     * what the unit declared in its compiled table (a cell not applicable reads {@value Figures#NOT_APPLICABLE}) with {@code declared - value} (empty where it declared nothing).
     * The same columns for every unit, so that pulls of several units line up.
     */
    static String cells(Template template, RollupService.Entry entry) {
        Map<String, DeclaredAndComputed> declared = new LinkedHashMap<>();
        if (entry.declaredAndComputed() != null) {
            entry.declaredAndComputed().forEach(r -> declared.put(r.cell(), r));
        }
        Set<String> notApplicable = Set.copyOf(entry.notApplicable());
        List<List<String>> rows = new ArrayList<>();
        for (Cell cell : template.cells()) {
            DeclaredAndComputed row = declared.get(cell.code());
            String value = notApplicable.contains(cell.code()) ? Figures.NOT_APPLICABLE
                    : plain(entry.consolidated().get(cell.code()));
            rows.add(List.of(cell.code(), value, cell.unit(),
                    String.join(" / ", cell.labels()), plain(row == null ? null : row.declared()),
                    plain(row == null ? null : row.difference())));
        }
        return write(CELLS, rows);
    }

    /**
     * SDMX-CSV 1.0: the dataflow of the template ({@code OGI:OGI_REPORT_2021(1.0)}), then the dimensions reporting
     * unit, year and cell, the value, and the attributes. A blank cell is an empty value with {@code OBS_STATUS} L
     * (SDMX's "missing value; data exist but were not collected": nobody reported it) — never 0; a cell not
     * applicable (不适用 in every unit) is empty with status M ("missing value; data cannot exist"); a filled one has
     * status A (normal).
     */
    static String sdmx(Template template, String unit, RollupService.Entry entry) {
        String dataflow = dataflow(template);
        Set<String> notApplicable = Set.copyOf(entry.notApplicable());
        List<List<String>> rows = new ArrayList<>();
        for (Cell cell : template.cells()) {
            BigDecimal value = entry.consolidated().get(cell.code());
            String status = value != null ? "A" : notApplicable.contains(cell.code()) ? "M" : "L";
            rows.add(List.of(dataflow, unit, String.valueOf(entry.year()), cell.code(), plain(value), status,
                    cell.unit(), entry.snapshot()));
        }
        return write(SDMX, rows);
    }

    /** The SDMX dataflow a template's figures belong to: agency OGI, one flow per report format, version 1.0. */
    static String dataflow(Template template) {
        return "OGI:OGI_REPORT_" + template.id().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "(1.0)";
    }

    private static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try {
            // quoted only where CSV needs it (Jackson's default also quotes any non-ASCII text, every Chinese label)
            return MAPPER.writer(schema.build().withHeader()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write consolidated figures as CSV", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}

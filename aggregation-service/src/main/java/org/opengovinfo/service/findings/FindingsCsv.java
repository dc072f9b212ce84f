package org.opengovinfo.service.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.SpreadsheetText;

/**
 * The findings below a unit as one CSV line each, for a city office to sort and filter in Excel: UTF-8 with a byte
 * order mark, cells and their printed labels joined by {@code ；}, the message in the reader's language.
 */
final class FindingsCsv {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final List<String> HEADER = List.of("unit", "name", "kind", "parent", "source", "rule", "severity",
            "cells", "labels", "actual", "expected", "difference", "message", "consequences");

    private FindingsCsv() {}

    static String write(FindingsBelow below, boolean english) {
        CsvSchema.Builder schema = CsvSchema.builder();
        HEADER.forEach(schema::addColumn);
        List<List<Object>> rows = new ArrayList<>();
        for (UnitFinding f : below.findings()) {
            FindingView v = f.finding();
            rows.add(List.of(f.unit(), text(f.name()), f.kind(), f.parent() == null ? "" : f.parent(), f.source(),
                    v.rule(), v.severity(), String.join("；", v.cells()), text(String.join("；", v.labels())),
                    plain(v.actual()), plain(v.expected()), plain(v.difference()),
                    text(english ? v.messageEn() : v.messageZh()),
                    String.join("；", v.consequences().stream().map(FindingView::rule).toList())));
        }
        try {
            return "\uFEFF" + MAPPER.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings as CSV", e);
        }
    }

    /** Text Excel would run as a formula (a unit named "=…") is kept as text. */
    private static String text(String value) {
        return SpreadsheetText.guarded(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}

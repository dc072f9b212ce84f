package org.opengovinfo.model.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;

/**
 * Splits a consolidated report at random into the reports of several units, each consistent with every rule: the
 * parts add up to the whole. Section 三 is split request by request — every request enters through 一 or 二 and
 * leaves through one result row or 四 — so each part balances. Totals are left for the model to compute, and
 * declared cells get values no larger than the whole's, since parts have their own catalogs.
 */
public final class ReportSplitter {

    private ReportSplitter() {}

    public static List<Figures> split(Figures whole, int parts, Random random) {
        Template template = whole.template();
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            cells.add(new LinkedHashMap<>());
        }
        for (Cell cell : template.cells()) {
            if (cell.code().startsWith("s3.") || cell.consolidation() == ConsolidationMode.DERIVED
                    || !whole.isPresent(cell.index())) {
                continue;
            }
            long value = whole.value(cell.index());
            if (cell.consolidation() == ConsolidationMode.DECLARED) {
                for (Map<String, Object> part : cells) {
                    part.put(cell.code(), value < 0 ? -random.nextLong(-value + 1) : random.nextLong(value + 1));
                }
                continue;
            }
            long[] shares = shares(value, parts, random);
            for (int p = 0; p < parts; p++) {
                cells.get(p).put(cell.code(), BigDecimal.valueOf(shares[p], cell.kind().scale()));
            }
        }
        splitRequests(whole, cells, random);
        return cells.stream().map(c -> Figures.of(template, c)).toList();
    }

    private static void splitRequests(Figures whole, List<Map<String, Object>> cells, Random random) {
        Template template = whole.template();
        List<String> rows = template.table("s3").orElseThrow().rows();
        List<String> columns = template.table("s3").orElseThrow().columns();
        List<String> inflow = List.of("new", "carried_over");
        for (String column : columns) {
            if (column.equals("total")) {
                continue;
            }
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (String row : rows) {
                if (row.equals("results_total")) {
                    continue;
                }
                long n = whole.value(template.indexOf("s3." + row + "." + column));
                for (long k = 0; k < n; k++) {
                    (inflow.contains(row) ? in : out).add(row);
                }
                for (Map<String, Object> part : cells) {
                    part.put("s3." + row + "." + column, 0L);
                }
            }
            Collections.shuffle(out, random);
            for (int r = 0; r < in.size(); r++) {
                Map<String, Object> part = cells.get(random.nextInt(cells.size()));
                part.merge("s3." + in.get(r) + "." + column, 1L, (a, b) -> (Long) a + (Long) b);
                part.merge("s3." + out.get(r) + "." + column, 1L, (a, b) -> (Long) a + (Long) b);
            }
        }
    }

    private static long[] shares(long value, int parts, Random random) {
        long[] shares = new long[parts];
        long left = value;
        for (int p = 0; p < parts - 1; p++) {
            shares[p] = left == 0 ? 0 : random.nextLong(left + 1) / 2;
            left -= shares[p];
        }
        shares[parts - 1] = left;
        return shares;
    }
}

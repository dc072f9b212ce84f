package org.opengovinfo.model.sample;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.ValueKind;

/**
 * Seeded, invented figures consistent with every single-year rule of the bundled templates: for the demo city,
 * property tests and benchmarks. Totals are left blank for the model to compute; a share of the cells (the
 * density) is non-zero. Not real data.
 */
public final class SampleFigures {

    private static final List<String> APPLICANTS =
            List.of("natural_person", "business", "research", "nonprofit", "legal_service", "other_org");

    private final Template template;
    private final Random random;
    private final double density;

    /**
     * @param density the share of cells that are non-zero, 0–1
     */
    public SampleFigures(Template template, Random random, double density) {
        this.template = template;
        this.random = random;
        this.density = density;
    }

    /** The next unit's figures. */
    public Figures next() {
        return Figures.of(template, template.id().equals("legacy") ? legacy() : post2019());
    }

    private long small(int bound) {
        return random.nextDouble() < density ? random.nextInt(bound) : 0;
    }

    private Map<String, Object> post2019() {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            if (!cell.code().startsWith("s2_")) {
                continue;
            }
            if (cell.kind() == ValueKind.SIGNED_COUNT) {
                cells.put(cell.code(), small(40) - 20);
            } else if (cell.kind() == ValueKind.AMOUNT) {
                cells.put(cell.code(), BigDecimal.valueOf(small(1_000_000), 4));
            } else {
                cells.put(cell.code(), small(cell.consolidation() == ConsolidationMode.DECLARED ? 300 : 2000));
            }
        }
        List<String> results = template.table("s3").orElseThrow().rows().stream()
                .filter(r -> !List.of("new", "carried_over", "results_total", "carried_forward").contains(r))
                .toList();
        for (String applicant : APPLICANTS) {
            long handled = 0;
            for (String row : results) {
                long v = small(30);
                handled += v;
                cells.put("s3." + row + "." + applicant, v);
            }
            long forward = small(5);
            handled += forward;
            cells.put("s3.carried_forward." + applicant, forward);
            long over = handled == 0 ? 0 : random.nextInt((int) Math.min(handled, 10) + 1);
            cells.put("s3.carried_over." + applicant, over);
            cells.put("s3.new." + applicant, handled - over);
        }
        for (String group : List.of("reconsideration", "litigation_direct", "litigation_after_reconsideration")) {
            for (String outcome : List.of("upheld", "corrected", "other", "pending")) {
                cells.put("s4." + group + "." + outcome, small(10));
            }
        }
        return cells;
    }

    private Map<String, Object> legacy() {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            if (cell.consolidation() == ConsolidationMode.DERIVED) {
                continue;
            }
            cells.put(cell.code(), cell.kind() == ValueKind.AMOUNT ? BigDecimal.valueOf(small(500_000), 4) : small(500));
        }
        cells.put("l1.disclosed", atMost(cells, "l1.via_gazette", "l1.via_website", "l1.via_weibo", "l1.via_wechat", "l1.via_other"));
        cells.put("l1.disclosed_normative", atMost(cells, "l1.disclosed"));
        cells.put("l2.hot_topics", atMost(cells, "l2.press_conferences", "l2.online_interviews", "l2.interpretations",
                "l2.weibo_wechat_responses", "l2.other_responses"));
        cells.put("l2.press_conferences_leaders", atMost(cells, "l2.press_conferences"));
        cells.put("l2.online_interviews_leaders", atMost(cells, "l2.online_interviews"));
        cells.put("l12.reading_points", (long) cells.get("l10.city") + (long) cells.get("l10.county") + (long) cells.get("l10.township"));
        return cells;
    }

    private long atMost(Map<String, Object> cells, String... codes) {
        long sum = 0;
        for (String code : codes) {
            sum += (long) cells.get(code);
        }
        return sum == 0 ? 0 : random.nextLong(sum + 1);
    }
}

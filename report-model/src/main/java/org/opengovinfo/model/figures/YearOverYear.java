package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Outlier;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;

/**
 * Year-over-year outliers of one unit: a pure function of this year's and last year's figures and the settings,
 * which the service calls when it has both years. Warnings only — a unit may truly have had ten times the requests.
 *
 * <p>Only cells filled in both years are compared, by code, so last year may be under another template (2020
 * against 2021). Totals are left out: a total moves because a part did, and the part is the finding. Signed
 * changes (本年增/减) are left out: they are changes already.
 */
public final class YearOverYear {

    public static final String OUTLIER = "outlier.year_over_year";

    private YearOverYear() {}

    public static List<Finding> outliers(Figures current, Figures previous, OutlierSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Template template = current.template();
        List<Finding> findings = new ArrayList<>();
        for (Cell cell : template.cells()) {
            if (cell.consolidation() == ConsolidationMode.DERIVED || cell.kind().isSigned()
                    || previous.template().indexOf(cell.code()) < 0) {
                continue;
            }
            BigDecimal now = current.value(cell.code()).orElse(null);
            BigDecimal before = previous.value(cell.code()).orElse(null);
            if (now == null || before == null || !isOutlier(before, now, settings)) {
                continue;
            }
            String label = template.label(cell.code());
            List<String> cells = List.of(cell.code(), Finding.PREVIOUS_YEAR_PREFIX + cell.code());
            Message message = new Message(
                    label + "：本年 " + plain(now) + "，上年 " + plain(before) + "，变化超过 " + plain(settings.factor())
                            + " 倍或由零变为 " + plain(settings.minimumFromZero()) + " 以上（或反之），请核实",
                    cell.code() + " (" + label + "): " + plain(now) + " this year against " + plain(before)
                            + " last year, a change of more than " + plain(settings.factor()) + " times or between zero and "
                            + plain(settings.minimumFromZero()) + " or more: please check");
            findings.add(new Finding(OUTLIER, Severity.WARNING, cells, now, null, null, message,
                    template.labels(cells), null, null, null, List.of(), List.of(),
                    new Outlier(before, now, settings.factor(), settings.minimumFromZero())));
        }
        return findings;
    }

    /** Exact: compared by multiplying, never by dividing. */
    static boolean isOutlier(BigDecimal before, BigDecimal now, OutlierSettings s) {
        if (before.signum() == 0 || now.signum() == 0) {
            return before.max(now).compareTo(s.minimumFromZero()) >= 0;
        }
        return now.compareTo(before.multiply(s.factor())) > 0 || before.compareTo(now.multiply(s.factor())) > 0;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}

package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;

/**
 * Continuity of a stock across years: documents in force at the end of last year, plus those issued this year,
 * minus those repealed this year, are the documents in force now (第二十条（一）: 规章 and 行政规范性文件 in the 2021
 * format). A pure function of this year's and last year's figures, which the service calls beside the
 * year-over-year outliers.
 *
 * <p>A warning, never an error: last year's published count may have been wrong and corrected this year. Applies to
 * every row of a table whose columns are {@value #ISSUED}, {@value #REPEALED} and {@value #IN_FORCE}, when last
 * year's report has the same in-force cell (the 2019 format counts 对外公开总数量, a different stock, so 2021 is not
 * checked against 2020) and all four values are filled in (blank is not zero: nothing is judged on a guess).
 */
public final class Continuity {

    public static final String IN_FORCE_RULE = "continuity.in_force";

    static final String ISSUED = "issued";
    static final String REPEALED = "repealed";
    static final String IN_FORCE = "in_force";

    private Continuity() {}

    public static List<Finding> inForce(Figures current, Figures previous) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Template template = current.template();
        List<Finding> findings = new ArrayList<>();
        for (Table table : template.tables()) {
            if (!table.columns().containsAll(List.of(ISSUED, REPEALED, IN_FORCE))) {
                continue;
            }
            for (String row : table.rows()) {
                String prefix = table.code() + "." + row + ".";
                String inForce = prefix + IN_FORCE;
                if (previous.template().indexOf(inForce) < 0 || previous.isBlank(inForce) || current.isBlank(inForce)
                        || current.isBlank(prefix + ISSUED) || current.isBlank(prefix + REPEALED)) {
                    continue;
                }
                BigDecimal now = current.value(inForce).orElseThrow();
                BigDecimal before = previous.value(inForce).orElseThrow();
                BigDecimal issued = current.value(prefix + ISSUED).orElseThrow();
                BigDecimal repealed = current.value(prefix + REPEALED).orElseThrow();
                BigDecimal expected = before.add(issued).subtract(repealed);
                if (now.compareTo(expected) == 0) {
                    continue;
                }
                List<String> cells = List.of(inForce, Finding.PREVIOUS_YEAR_PREFIX + inForce, prefix + ISSUED,
                        prefix + REPEALED);
                String rowLabel = String.join(" ", table.rowLabels(row));
                Message message = new Message(
                        rowLabel + "：上年现行有效件数 " + before + " + 本年制发 " + issued + " − 本年废止 " + repealed + " = "
                                + expected + "，本年现行有效件数却为 " + now + "（相差 " + now.subtract(expected)
                                + "）；如上年数据有更正，请说明",
                        row + ": last year's " + before + " in force + " + issued + " issued − " + repealed
                                + " repealed this year = " + expected + ", but " + now + " are in force this year (a "
                                + "difference of " + now.subtract(expected) + "); if last year's count was corrected, say so");
                findings.add(Finding.comparing(IN_FORCE_RULE, Severity.WARNING, cells, now, expected, message)
                        .withLabels(template.labels(cells)));
            }
        }
        return findings;
    }
}

package org.opengovinfo.model.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.rule.Severity;

/**
 * Something the report's text says that its tables, or its own structure, contradict.
 *
 * @param rule stable id: {@code text.contradicts_table}, {@code text.section_missing}, {@code text.section_thin},
 *     {@code text.fees_contradict_table}, {@code text.all_closed_but_pending}, {@code text.other_year},
 *     {@code text.heading_misnumbered}
 * @param sentence the sentence (or heading) as the text prints it
 * @param line its line in the text, from 1
 * @param statement the statement whose words were read ({@code requests.new}), or {@code null}
 * @param stated the number the text states, or {@code null}
 * @param cells the cells it is compared with
 * @param labels each cell as printed (表三 · 总计 · 一、本年新收政府信息公开申请数量)
 * @param tableValue the tables' value (the sum of {@code cells}), or {@code null}
 */
public record TextFinding(String rule, Severity severity, String sentence, int line, String statement,
                          BigDecimal stated, List<String> cells, List<String> labels, BigDecimal tableValue,
                          String messageZh, String messageEn) {

    public TextFinding {
        Objects.requireNonNull(rule, "rule");
        cells = List.copyOf(cells);
        labels = List.copyOf(labels);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}

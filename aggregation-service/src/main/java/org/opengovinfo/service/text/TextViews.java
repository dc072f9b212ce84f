package org.opengovinfo.service.text;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.submissions.Status;

/** The answers of the text feature: typed records, no maps of untyped values. */
final class TextViews {

    private TextViews() {}

    /**
     * A unit's standard text.
     *
     * @param source {@code own} or {@code consolidated}
     * @param snapshot the snapshot consolidated figures come from; {@code null} for own figures
     * @param text the sentences as paragraphs, in the reader's language
     */
    @Serdeable
    record StandardTextView(String unit, String name, int year, String template, String source,
                            @Nullable String snapshot, String text, String textZh, String textEn,
                            List<SentenceView> sentences) {
    }

    /**
     * One statement.
     *
     * @param state {@code stated}, {@code blank} (a cell not filled in: 未填报) or {@code not_applicable}
     * @param value the number stated; {@code null} unless stated
     */
    @Serdeable
    record SentenceView(String statement, String paragraph, String state, @Nullable BigDecimal value, String text,
                        String textZh, String textEn, List<CellView> cells) {
    }

    /** A cell a sentence states, with its printed label and value ({@code null} unless filled). */
    @Serdeable
    record CellView(String cell, String label, @Nullable BigDecimal value, String state) {
    }

    /**
     * The findings on a text.
     *
     * @param tables what the text was compared with: {@code own} (the unit's stored figures), {@code consolidated}
     *     (its latest or a given snapshot) or {@code report} (the tables inside the posted report)
     */
    @Serdeable
    record TextCheckView(String unit, int year, String template, String tables, @Nullable String snapshot,
                         int errors, int warnings, List<TextFindingView> findings) {
    }

    /**
     * A finding on the text, in the style of the figures' findings.
     *
     * @param sentence the sentence or heading as the text prints it (empty for a section that is missing)
     * @param line its line in the posted text, from 1 (0 when it has none)
     * @param statement the statement whose words were read ({@code requests.new}), or {@code null}
     * @param stated the number the text states
     * @param labels each cell as printed (表三 · 总计 · 一、本年新收政府信息公开申请数量)
     * @param tableValue the tables' value of those cells, summed
     */
    @Serdeable
    record TextFindingView(String rule, String severity, String sentence, int line, @Nullable String statement,
                           @Nullable BigDecimal stated, List<String> cells, List<String> labels,
                           @Nullable BigDecimal tableValue, String message, String messageZh, String messageEn) {
    }

    /**
     * A published report read into the year's template.
     *
     * @param from {@code text} or {@code html}
     * @param stored whether the figures were stored ({@code ?store=true}); then {@code status} and {@code version}
     *     are the submission's
     * @param figures the cells read, as {@code PUT …/figures/{year}} takes them (signed changes and amounts as
     *     numbers in the cell's unit)
     * @param notApplicable the cells printed as 不适用
     * @param unread what could not be read: its place, the row's label, the text, and why
     * @param missing the template's rows not found, by their printed label
     * @param findings the rules' findings on the figures read (for a store, the submission's)
     */
    @Serdeable
    record ImportView(String unit, int year, String template, String from, boolean stored, @Nullable Status status,
                      @Nullable Integer version, Map<String, BigDecimal> figures, List<String> notApplicable,
                      List<UnreadView> unread, List<String> missing, List<FindingView> findings) {
    }

    /** Something of the report that could not be read into a cell. */
    @Serdeable
    record UnreadView(String where, String label, String text, @Nullable String cell, @Nullable String cellLabel,
                      String reason, String reasonZh, String reasonEn) {
    }
}

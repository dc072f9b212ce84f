package org.opengovinfo.model.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovinfo.model.figures.Figures;

/**
 * The numeric sentences a report states, written from a unit's figures by its template's statements. A statement
 * whose cells are not all filled is not stated as a number: a blank cell says 未填报, a cell marked not applicable
 * 不适用 — never 0.
 */
public final class StandardText {

    /** How a statement came out. */
    public enum State { STATED, BLANK, NOT_APPLICABLE }

    /** One cell a sentence states, with its value ({@code null} unless filled). */
    public record StatedCell(String cell, String label, BigDecimal value, State state) {
    }

    /**
     * One statement as written.
     *
     * @param value the sum of its cells, or {@code null} when not stated
     */
    public record Sentence(String statement, String paragraph, State state, BigDecimal value, String zh, String en,
                           List<StatedCell> cells) {
    }

    private StandardText() {}

    /** Every statement of the figures' template, in order. */
    public static List<Sentence> of(TextPatterns patterns, Figures figures) {
        List<Sentence> out = new ArrayList<>();
        for (Statement s : patterns.statements()) {
            List<StatedCell> cells = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            State state = State.STATED;
            for (String cell : s.cells()) {
                String label = CellNames.of(figures.template(), cell);
                if (figures.isNotApplicable(cell)) {
                    cells.add(new StatedCell(cell, label, null, State.NOT_APPLICABLE));
                    state = state == State.BLANK ? State.BLANK : State.NOT_APPLICABLE;
                } else if (figures.value(cell).isEmpty()) {
                    cells.add(new StatedCell(cell, label, null, State.BLANK));
                    state = State.BLANK;
                } else {
                    BigDecimal v = figures.value(cell).get();
                    cells.add(new StatedCell(cell, label, v, State.STATED));
                    sum = sum.add(v);
                }
            }
            BigDecimal value = state == State.STATED ? sum : null;
            out.add(new Sentence(s.id(), s.paragraph(), state, value, word(s.sentenceZh(), s.unit(), value, state, false),
                    word(s.sentenceEn(), s.unit(), value, state, true), cells));
        }
        return out;
    }

    private static String word(String sentence, String unit, BigDecimal value, State state, boolean english) {
        return switch (state) {
            case STATED -> sentence.replace("{n}", value.toPlainString());
            case BLANK -> english ? sentence.replace("{n}", "not filled in")
                    : sentence.replace("{n}" + unit, "{n}").replace("{n}", "（未填报）");
            case NOT_APPLICABLE -> english ? sentence.replace("{n}", "not applicable")
                    : sentence.replace("{n}" + unit, "{n}").replace("{n}", "（不适用）");
        };
    }

    /**
     * The sentences as text: the statements of one paragraph joined into one sentence, a paragraph per line, in
     * Chinese (clauses joined by ，) or English (by ;).
     */
    public static String render(List<Sentence> sentences, boolean english) {
        Map<String, List<String>> paragraphs = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            paragraphs.computeIfAbsent(s.paragraph(), k -> new ArrayList<>()).add(english ? s.en() : s.zh());
        }
        StringBuilder out = new StringBuilder();
        for (List<String> clauses : paragraphs.values()) {
            out.append(String.join(english ? "; " : "，", clauses)).append(english ? ".\n" : "。\n");
        }
        return out.toString();
    }
}

package org.opengovinfo.model.text;

import java.util.List;
import java.util.Objects;

/**
 * One figure a report states in its text, as data: the cells whose sum it is, how the standard text words it, and the
 * phrases real reports word it with, which the prose check reads.
 *
 * @param id stable id, unique in its file (requests.new)
 * @param paragraph the paragraph of the standard text it belongs to; statements of one paragraph are one sentence
 * @param cells the cells it states the sum of
 * @param also other sums the same words are used for in real reports (收到…申请 for 新收 + 上年结转); a stated number
 *     matching any is no contradiction
 * @param subject where the words alone are ambiguous (维持 of a reconsideration or of a lawsuit), the subject the
 *     nearest subject word before them must name; {@code null} when the words are unambiguous
 * @param unit the unit printed after the number (件, 项, 万元)
 * @param sentenceZh the standard text's wording, {@code {n}} for the number
 * @param sentenceEn the same in English
 * @param phrases regular expressions with {@code {n}} where the number stands, and {@code {year}},
 *     {@code {previousYear}}, {@code {nextYear}} for the report's years
 */
public record Statement(String id, String paragraph, List<String> cells, List<List<String>> also, String subject,
                        String unit, String sentenceZh, String sentenceEn, List<String> phrases) {

    public Statement {
        Objects.requireNonNull(id, "id");
        cells = List.copyOf(cells);
        also = also.stream().map(List::copyOf).toList();
        phrases = List.copyOf(phrases);
    }

    /** The sums a stated number may match: the statement's cells first, then the loose readings. */
    public List<List<String>> readings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(cells), also.stream()).toList();
    }
}

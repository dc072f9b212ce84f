package org.opengovinfo.model.published;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

/** What a printed cell holds: a value (a number in any of the forms reports print, or a mark for blank) or a label. */
final class Values {

    /**
     * A number as published reports print it: full-width digits (folded before), thousands separators, a sign or 增加/减少
     * before it, a unit after it (件, 项, 万元, 元 …). The model's parser decides what the cell accepts.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "[+\\-]?\\s*(?:增加|减少|新增|增|减)?\\s*[+\\-]?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*(?:件|项|个|条|次|篇|期|份|人次|人|万元|元)?");
    /** The marks reports print in a cell for "nothing" or "not applicable"; the model reads them. */
    private static final Set<String> MARKS = Set.of("-", "—", "——", "/", "\\", "--", "不适用", "n/a", "na", "N/A", "NA");

    private Values() {}

    /** Width folded (１２ → 12, （ → (), non-breaking and other spaces made plain, trimmed. */
    static String fold(String printed) {
        String s = Normalizer.normalize(printed == null ? "" : printed, Normalizer.Form.NFKC);
        return s.replace('\u00a0', ' ').replace('\u3000', ' ').strip();
    }

    static boolean isValue(String cell) {
        String s = fold(cell);
        return !s.isEmpty() && (MARKS.contains(s) || NUMBER.matcher(s).matches());
    }

    /** A plain whole or decimal number, which goes into the figures as a number; anything else goes as text. */
    static boolean isPlainNumber(String folded) {
        return folded.matches("\\d+(?:\\.\\d+)?");
    }
}

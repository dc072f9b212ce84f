package org.opengovinfo.service.system;

/**
 * Text that people will read in tables, logs and JSON: no control characters (NUL breaks PostgreSQL, the rest break
 * layouts and logs), no bidirectional overrides (they make a name read differently from what it is), no unpaired
 * surrogates (not valid Unicode; some databases hand them back unchanged and break JSON readers), no
 * noncharacters.
 */
public final class CleanText {

    private CleanText() {}

    /** Text of one or more lines, a comment or a reason: clean, but line breaks and tabs are allowed. */
    public static boolean isCleanProse(String text) {
        return isClean(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    }

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                int cp = text.codePointAt(i);
                if ((cp & 0xFFFE) == 0xFFFE) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || isRefused(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRefused(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F               // C0 and C1 controls, DEL
                || c == '\u061C' || c == '\u200E' || c == '\u200F' // bidirectional marks
                || c >= '\u202A' && c <= '\u202E'                  // embeddings and overrides
                || c >= '\u2066' && c <= '\u2069'                  // isolates
                || c == '\u2028' || c == '\u2029'                  // line and paragraph separators
                || c >= '\uFDD0' && c <= '\uFDEF' || c == '\uFFFE' || c == '\uFFFF'; // noncharacters
    }
}

package org.opengovinfo.service.forms;

import java.text.Normalizer;

/**
 * Text from the database made safe to print in a form or page: control characters and bidirectional controls (which
 * would reorder what follows them, or break the XML of a workbook) are shown as visible {@code U+XXXX}, never passed
 * on. HTML escaping is the template engine's; this is what comes before it.
 */
public final class Printable {

    private Printable() {}

    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED) {
                out.append(String.format("U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * A label as compared on input: width folded (（ and ( alike, １ and 1), all white space dropped — a spreadsheet may
     * wrap a long label over lines or pad it.
     */
    static String key(String label) {
        return Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}

package org.opengovinfo.service.system;

/**
 * Text for a CSV that people open in Excel or WPS: a value those programs would run as a formula (a unit named
 * {@code =HYPERLINK(…)}, {@code +1}, {@code -1}, {@code @SUM(…)}) is kept as text by a leading apostrophe.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String guarded(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

package org.opengovinfo.client.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people. Columns are padded by display width, not by characters: a Chinese character takes
 * two columns in a terminal, so padding by {@code String.length()} would break the alignment of every Chinese label.
 * Lines carry no trailing spaces, so they can be compared exactly.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** @param rightAligned which columns are numbers (aligned right); the others are text (aligned left) */
    TextTable(boolean... rightAligned) {
        this.rightAligned = rightAligned;
    }

    TextTable row(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /** The table, each line starting with {@code indent}, columns two spaces apart. */
    List<String> lines(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], width(r[i]));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - width(r[i]));
                boolean right = i < rightAligned.length && rightAligned[i];
                line.append(right ? pad + r[i] : r[i] + pad).append(i < r.length - 1 ? "  " : "");
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Columns a terminal gives the text: two for East Asian wide characters (CJK, full-width forms), else one. */
    static int width(String text) {
        return text.codePoints().map(TextTable::width).sum();
    }

    private static int width(int codePoint) {
        boolean wide = codePoint >= 0x1100 && (codePoint <= 0x115F
                || codePoint >= 0x2E80 && codePoint <= 0xA4CF && codePoint != 0x303F
                || codePoint >= 0xAC00 && codePoint <= 0xD7A3
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0xFE30 && codePoint <= 0xFE4F
                || codePoint >= 0xFF00 && codePoint <= 0xFF60
                || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
                || codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    @Override
    public String toString() {
        return String.join("\n", lines("")) + "\n";
    }

    static boolean[] numbers(int textColumns, int numberColumns) {
        boolean[] right = new boolean[textColumns + numberColumns];
        Arrays.fill(right, textColumns, right.length, true);
        return right;
    }
}

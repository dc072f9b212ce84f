package org.opengovinfo.model.published;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The text front end: the tables of a published report saved as text, as a grid of labelled rows.
 *
 * <p>Two shapes are read, as reports are saved by word processors and copied from web pages:
 * <ul>
 *   <li>a cell per line: each cell on a line starting with a tab, a row ending at an empty line, a long label
 *       wrapped onto following lines that do not start with a tab (自 / 然 / 人) — what a .docx saved as text gives;
 *   <li>a row per line: the cells of a row on one line separated by tabs — what copying a table from a page gives.
 * </ul>
 * Every other line is prose. The lines that hold tables are marked, so the prose can be read without them.
 */
public final class TextGrid {

    /** The rows found, and which lines (0-based) are tables rather than prose. */
    public record Read(List<GridRow> rows, BitSet tableLines) {
    }

    private TextGrid() {}

    public static Read read(String text) {
        String[] lines = text.split("\\R", -1);
        List<GridRow> rows = new ArrayList<>();
        BitSet tableLines = new BitSet();
        List<String> row = new ArrayList<>();
        StringBuilder cell = null;
        int rowStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\t")) {
                if (cell != null) {
                    row.add(cell.toString().strip());
                }
                if (row.isEmpty()) {
                    rowStart = i;
                }
                cell = new StringBuilder(line.substring(1).replace('\t', ' '));
                tableLines.set(i);
            } else if (line.isBlank()) {
                if (cell != null) {
                    row.add(cell.toString().strip());
                    rows.add(new GridRow(row, where(rowStart)));
                    row = new ArrayList<>();
                    cell = null;
                }
            } else if (cell != null && !Values.isValue(cell.toString()) && !cell.toString().isBlank()) {
                // a label wrapped onto the next line (本年新 / 公开数量); a value never wraps
                cell.append(line.strip());
                tableLines.set(i);
            } else {
                if (cell != null) {
                    row.add(cell.toString().strip());
                    rows.add(new GridRow(row, where(rowStart)));
                    row = new ArrayList<>();
                    cell = null;
                }
                if (line.indexOf('\t') > 0) {
                    List<String> cells = new ArrayList<>();
                    for (String c : line.split("\t", -1)) {
                        cells.add(c.strip());
                    }
                    GridRow one = new GridRow(cells, where(i));
                    if (one.hasValues()) {
                        rows.add(one);
                        tableLines.set(i);
                    }
                }
            }
        }
        if (cell != null) {
            row.add(cell.toString().strip());
            rows.add(new GridRow(row, where(rowStart)));
        }
        return new Read(rows, tableLines);
    }

    private static GridRow.Where where(int line) {
        return GridRow.Where.line(line);
    }
}

package org.opengovinfo.model.layout;

/** What a printed box holds. */
public enum SlotKind {
    /** The title of a block within a printed table, e.g. 第二十条第（一）项, spanning its width. */
    BLOCK_TITLE,
    /** The top left box above the row labels and left of the column headers (信息内容, or blank). */
    CORNER,
    /** A column header, merged over the columns (and down the header rows) it heads. */
    HEADER,
    /** A row label, merged over the rows (and across the label columns) it labels. */
    ROW_LABEL,
    /** The printed unit of an indicator in a list (条, 件, 万元). */
    UNIT,
    /** The place of a cell's value. */
    VALUE
}

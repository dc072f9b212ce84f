package org.opengovinfo.model.rule;

import java.util.List;
import java.util.Objects;

/**
 * The part of a table a finding is about: the one row or column that a per-row or per-column rule instance stands
 * for, or a whole table (a section left blank). Lets a clerk see "自然人 column" rather than a list of 22 cells.
 *
 * @param kind whether this is a table, a row or a column
 * @param table the table's code, e.g. {@code s3}
 * @param code the row or column code (e.g. {@code natural_person}); the table code for a table
 * @param labels the Chinese label path as printed, e.g. {@code [申请人情况, 自然人]}
 */
public record Scope(Kind kind, String table, String code, List<String> labels) {

    public enum Kind {
        TABLE,
        ROW,
        COLUMN
    }

    public Scope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(code, "code");
        labels = List.copyOf(labels);
    }

    /** The printed label in one piece, e.g. {@code 申请人情况 自然人}. */
    public String label() {
        return String.join(" ", labels);
    }
}

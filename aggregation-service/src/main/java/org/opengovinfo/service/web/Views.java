package org.opengovinfo.service.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The pages' models: records the templates read, every text already made printable ({@link Words#shown}). */
final class Views {

    private Views() {}

    /** What every page shows around its content: who is signed in, the CSRF token for its writes, where home is. */
    record Frame(String title, String who, String role, String scope, String csrf, String home) {
    }

    /** A unit as the pages head it. */
    record UnitHead(String id, String name, String kind, int year, String base) {
    }

    /** A table of the year's format as printed: rows of boxes. */
    record Grid(String name, String title, List<List<Box>> rows) {
    }

    /**
     * One printed box.
     *
     * @param value whether it holds a figure; else a label
     * @param raw the value as typed (entry), plain digits; {@code shown} with thousands separators
     * @param note what a box says on hover: its labels, last year's value, a reconciliation
     */
    record Box(boolean value, String text, int rowSpan, int columnSpan, String css, @Nullable String cell,
               String labels, String raw, String shown, String note, int row, int column) {

        @Nullable
        public Integer rowSpanAttr() {
            return rowSpan > 1 ? rowSpan : null;
        }

        @Nullable
        public Integer columnSpanAttr() {
            return columnSpan > 1 ? columnSpan : null;
        }
    }

    record ReportLine(String state, String stateCode, @Nullable Integer version, String note, String changed) {
    }

    record ChildLine(String unit, String name, String kind, String state, String stateCode, int units, int accepted,
                     int onTime, int late, String onTimeRate, String dashboard, @Nullable String review) {
    }

    record KindLine(String kind, int units, int none, int draft, int submitted, int returned, int accepted, int onTime,
                    int late) {
    }

    record ChaseLine(String unit, String name, String kind, String parent, String state, int daysOverdue) {
    }

    record SnapshotLine(String id, String computedAt, String by, String basis, String link) {
    }

    record PublicationLine(int sequence, String publishedAt, String by, String snapshot, boolean standing) {
    }

    record FindingLine(String severity, String severityCode, String rule, String cells, String message,
                       List<FindingLine> consequences) {
    }

    record ChangeLine(String cell, String label, String before, String after, String change) {
    }

    record HistoryLine(String at, String who, String action, String detail) {
    }

    record ReconcileLine(String cell, String label, String declared, String computed, String difference) {
    }

    record MovedLine(String unit, String cell, String label, String before, String after, String delta, String because) {
    }

    record Dashboard(Frame frame, UnitHead unit, @Nullable String parent, @Nullable ReportLine own, boolean status,
                     String deadline, List<ChildLine> children, List<KindLine> byKind, List<ChaseLine> chase,
                     @Nullable SnapshotLine latest, List<PublicationLine> publications, boolean entry,
                     boolean consolidated, boolean charts) {
    }

    /** @param etag the ETag of the version shown, sent back as If-Match on save ("" when nothing is stored yet) */
    record Entry(Frame frame, UnitHead unit, String template, ReportLine report, boolean locked, String etag,
                 List<Grid> tables) {
    }

    /**
     * @param decide whether the report waits for a decision (accept or return)
     * @param reopen whether it is accepted and so may be reopened (解锁) with a reason
     */
    record Review(Frame frame, UnitHead unit, @Nullable String parent, ReportLine report, boolean decide, boolean reopen,
                  List<Grid> tables, List<FindingLine> findings, List<ChangeLine> changes, List<HistoryLine> history) {
    }

    record Consolidated(Frame frame, UnitHead unit, @Nullable SnapshotLine snapshot, int unitsInSubtree,
                        int unitsReported, List<Grid> tables, List<ReconcileLine> reconciliation,
                        List<FindingLine> findings, List<SnapshotLine> snapshots, List<PublicationLine> publications,
                        @Nullable String download, boolean rollUp, boolean diff) {
    }

    record Diff(Frame frame, UnitHead unit, String from, String to, List<SnapshotLine> snapshots,
                List<MovedLine> cells, List<String> changedUnits) {
    }

    record Charts(Frame frame, UnitHead unit, String headline, String completeness) {
    }
}

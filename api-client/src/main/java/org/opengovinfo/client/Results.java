package org.opengovinfo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The service's answers, as typed values. Unknown fields from a newer service are ignored. */
public final class Results {

    private Results() {}

    public record ImportSummary(int created, int updated) {
    }

    public record SubtreeEntry(String id, String name, String kind, String parent, int depth) {
    }

    public record TemplateSummary(String id, String name, String authority, int fromYear, Integer toYear, int cells,
                                  int rules) {
    }

    /** A report format with every table, cell and rule. */
    public record Template(String id, String name, String authority, int fromYear, Integer toYear, List<Table> tables,
                           List<Cell> cells, List<Rule> rules) {

        /** The cell with this code, or {@code null}. */
        public Cell cell(String code) {
            return cells.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        /** The table with this code, or {@code null}. */
        public Table table(String code) {
            return tables.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A table: its Chinese label path, row codes and column codes (none for the legacy indicator lists). */
    public record Table(String code, List<String> labels, List<String> rows, List<String> columns) {
    }

    /**
     * @param code e.g. {@code s3.new.natural_person}
     * @param labels the Chinese label path: table, row, column
     * @param unit 件, 万元, 条, …
     */
    public record Cell(String code, List<String> labels, String unit, String kind, String consolidation) {
    }

    /** One rule instance: a per-row or per-column rule appears once per row or column, sharing its id. */
    public record Rule(String id, String check, String severity, List<String> left, List<String> right,
                       BigDecimal max, String perItemOf, Message message) {
    }

    public record Message(String zh, String en) {
    }

    /**
     * @param status {@code valid} (dry run), {@code accepted} or {@code unchanged}
     * @param findings warnings only; errors come as a {@link RejectedException}
     */
    public record SubmissionResult(String unit, int year, String template, String status, Integer version,
                                   List<Finding> findings, Map<String, Object> figures, Map<String, Object> declared) {
    }

    public record StoredFigures(String unit, int year, int version, String template, String submittedBy,
                                Instant submittedAt, Map<String, Object> figures, Map<String, Object> declared) {
    }

    public record Version(int version, String template, String submittedBy, Instant submittedAt, List<Change> changes) {
    }

    public record Change(String cell, Object before, Object after) {
    }

    /** One unit's figures for a batch. {@code declared} may be empty. */
    public record Submission(String unit, Map<String, ?> figures, Map<String, ?> declared) {
    }

    public record BatchResult(int accepted, int unchanged, int valid, int rejected, List<BatchItem> results) {
    }

    /** @param code why it was rejected, e.g. {@code submission.rejected}, {@code access.forbidden} */
    public record BatchItem(String unit, String status, Integer version, String code, String detail, List<Finding> findings) {
    }

    public record Completeness(String unit, int year, Instant deadline, int units, int reported, List<Entry> missing,
                               Map<String, Integer> missingByKind, List<Entry> late) {
    }

    public record Entry(String unit, String name, String kind, String parent, Instant firstSubmitted) {
    }

    /**
     * A snapshot. {@code completeness} and {@code consolidatedUnits} come only in the answer to {@code rollup}.
     *
     * @param consolidatedUnits how many consolidating units (the unit itself and those below with children) it holds
     */
    public record RollupSummary(String id, String unit, int year, String template, Instant computedAt, String triggeredBy,
                                RollupCompleteness completeness, Integer consolidatedUnits) {
    }

    /** Who had reported when a snapshot was made: units in the subtree, reported, and the ids of the missing. */
    public record RollupCompleteness(int units, int reported, List<String> missing, Map<String, Integer> missingByKind) {
    }

    /** A unit's consolidated figures with their provenance. */
    public record Consolidated(String unit, int year, String template, String snapshot, Instant computedAt,
                               int hierarchyYear, int unitsInSubtree, int unitsReported, Map<String, Object> figures,
                               List<Finding> findings) {
    }

    /** @param token the secret, present only in the answer that created the token */
    public record TokenInfo(String id, String principal, String role, String scope, Instant createdAt, String createdBy,
                            Instant expiresAt, Instant revokedAt, String token) {
    }

    public record AuditEvent(String id, Instant at, String principal, String action, String unit, Integer year,
                             String detail) {
    }
}

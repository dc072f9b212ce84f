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
     * @param notApplicable cells marked not applicable (不适用): no value, yet not blank
     */
    public record SubmissionResult(String unit, int year, String template, String status, Integer version,
                                   List<Finding> findings, Map<String, Object> figures, List<String> notApplicable,
                                   Map<String, Object> declared) {
    }

    /** @param notApplicable cells marked not applicable (不适用): no value, yet not blank */
    public record StoredFigures(String unit, int year, int version, String template, String submittedBy,
                                Instant submittedAt, Map<String, Object> figures, List<String> notApplicable,
                                Map<String, Object> declared) {
    }

    public record Version(int version, String template, String submittedBy, Instant submittedAt, List<Change> changes) {
    }

    /** A changed cell; the flags are true where that side was marked not applicable (不适用), else null. */
    public record Change(String cell, Object before, Object after, Boolean notApplicableBefore,
                         Boolean notApplicableAfter) {
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
                                String basis, RollupCompleteness completeness, Integer consolidatedUnits) {
    }

    /** What a rollup adds up: every report stored (a preview) or only accepted ones. */
    public enum Basis {
        ALL, ACCEPTED
    }

    /** Which consolidated cells moved between two snapshots, and because of which units' changed submissions. */
    public record SnapshotDiff(String from, String to, String unit, int year, List<ChangedUnit> changedUnits,
                               List<CellChange> cells) {
    }

    /** A unit whose submission version differs between two snapshots ({@code null}: not in that snapshot). */
    public record ChangedUnit(String unit, Integer versionBefore, Integer versionAfter) {
    }

    /** One consolidated cell of one unit that moved; {@code because} names the units whose figures moved it. */
    public record CellChange(String unit, String cell, BigDecimal before, BigDecimal after, BigDecimal delta,
                             List<String> because) {
    }

    // ---- the reporting season --------------------------------------------------------------------------------

    /**
     * Where a unit's report for a year stands.
     *
     * @param state none, draft, submitted, returned or accepted
     * @param note a return's comment, a reopening's reason, or the units a hand-in named missing
     */
    public record Report(String unit, int year, String state, int version, Instant firstSubmittedAt, Instant changedAt,
                         String changedBy, String note, String lockedByPublication) {
    }

    /** A report and its history: every figures version stored and every move, with who and when. */
    public record ReportDetail(String unit, int year, String state, Report report, List<Step> history) {
    }

    /** One step of a report's history; {@code detail} is JSON text ({@code {"version": 2}}, a comment, …). */
    public record Step(Instant at, String principal, String action, String detail) {
    }

    /** 报送进度 of a subtree: counts by state, on time and late, per unit below, and whom to chase. */
    public record ReportingStatus(String unit, int year, Instant deadline, String deadlineLocal, StatusCounts total,
                                  List<StatusLine> below, List<Chase> chase) {
    }

    /**
     * @param byState units per state code (none, draft, submitted, returned, accepted)
     * @param onTimeRate 0–1, {@code null} for an empty subtree
     */
    public record StatusCounts(int units, Map<String, Integer> byState, int onTime, int late, BigDecimal onTimeRate,
                               int daysLateMost) {
    }

    public record StatusLine(String unit, String name, String kind, String state, StatusCounts counts) {
    }

    public record Chase(String unit, String name, String kind, String parent, String state, int daysOverdue) {
    }

    /**
     * A subtree's reporting over several years (报送情况（历年）): a row per unit, a cell per year.
     *
     * @param totals per year, how many units are in each status
     */
    public record Progress(String unit, int from, int to, List<Integer> years, List<ProgressRow> units,
                           Map<Integer, Map<String, Integer>> totals) {
    }

    public record ProgressRow(String unit, String name, String kind, List<ProgressYear> years) {
    }

    /**
     * @param status accepted, with_warnings, reported, missing or not_in_force
     * @param state the report's state in the season, null where the unit was not in the subtree
     */
    public record ProgressYear(int year, String status, String state, int warnings) {
    }

    /** A publication of a unit's year: the snapshot published and, once reopened, who reopened it when and why. */
    public record Publication(String id, String unit, int year, int sequence, String snapshot, Instant publishedAt,
                              String publishedBy, List<String> missing, boolean standing, Instant reopenedAt,
                              String reopenedBy, String reopenReason) {
    }

    /** What changed between two publications, and why (the reopening, returns and reopenings in between). */
    public record PublicationDiff(String unit, int year, Publication from, Publication to, List<Reason> reasons,
                                  SnapshotDiff cells) {
    }

    public record Reason(Instant at, String principal, String action, String unit, String detail) {
    }

    /** The events of a subtree since a cursor; {@code next} is the cursor for the next call. */
    public record EventFeed(String unit, long since, long next, List<Event> events) {
    }

    public record Event(long seq, String id, Instant at, String principal, String action, String unit, Integer year,
                        String detail) {
    }

    /** Who had reported when a snapshot was made: units in the subtree, reported, and the ids of the missing. */
    public record RollupCompleteness(int units, int reported, List<String> missing, Map<String, Integer> missingByKind) {
    }

    /**
     * A unit's consolidated figures with their provenance.
     *
     * @param notApplicable cells not applicable in every unit added (不适用): no value, yet not blank
     */
    public record Consolidated(String unit, int year, String template, String snapshot, Instant computedAt,
                               int hierarchyYear, int unitsInSubtree, int unitsReported, Map<String, Object> figures,
                               List<String> notApplicable, List<Finding> findings) {
    }

    /** @param token the secret, present only in the answer that created the token */
    public record TokenInfo(String id, String principal, String role, String scope, Instant createdAt, String createdBy,
                            Instant expiresAt, Instant revokedAt, String token) {
    }

    public record AuditEvent(String id, Instant at, String principal, String action, String unit, Integer year,
                             String detail) {
    }
    /**
     * Every finding on the current figures of a unit's subtree for a year, after the filters
     * ({@code GET /units/{id}/findings/{year}}).
     *
     * @param units units in the subtree
     * @param unitsWithFindings units with at least one finding listed
     * @param bySeverity {@code error} and {@code warning} → how many are listed
     * @param byRule rule → how many are listed, most first
     */
    public record FindingsBelow(String unit, int year, String template, int units, int unitsWithFindings,
                                Map<String, Integer> bySeverity, Map<String, Integer> byRule, List<UnitFinding> findings) {
    }

    /**
     * One finding on one unit's figures, with where the unit sits and the printed labels of its cells.
     *
     * @param source {@code own} (the unit's own figures against the rules and its previous year) or {@code rollup}
     *     (its figures consolidated over the units below, reconciled against what it declared)
     * @param labels one per cell of the finding, in the same order: the label path as printed on the form
     */
    public record UnitFinding(String unit, String name, String kind, String parent, String source, Finding finding) {
    }

    /** Which findings to list; a {@code null} criterion does not filter. */
    public record FindingsFilter(String rule, String severity, String kind, String unit) {

        public static final FindingsFilter NONE = new FindingsFilter(null, null, null, null);
    }

    // ---- indicators, rankings, risk flags ----------------------------------------------------------------------

    /** Why an indicator has no value ({@code indicator.division_by_zero}, {@code indicator.blank_input}, …). */
    public record NotDefined(String code, List<String> cells, String reason, String reasonZh, String reasonEn) {
    }

    /**
     * One indicator of one report: its value (rounded to two places half up) with the exact numerator and
     * denominator, or {@code notDefined} (then {@code value} is {@code null}, never 0).
     */
    public record IndicatorValue(String indicator, String label, String labelZh, String labelEn, String unit,
                                 BigDecimal value, BigDecimal numerator, BigDecimal denominator, NotDefined notDefined) {
    }

    /** A unit's indicators for a year, of its own ({@code source} own) or its consolidated figures. */
    public record UnitIndicators(String unit, String name, int year, String template, String source, String snapshot,
                                 boolean previousYear, List<IndicatorValue> indicators) {
    }

    /** The units directly below a unit ranked by each indicator. */
    public record Rankings(String unit, String name, int year, String template, int children, String percentiles,
                           List<IndicatorRanking> rankings) {
    }

    public record IndicatorRanking(String indicator, String label, String labelZh, String labelEn, String unit,
                                   List<RankedChild> ranked, List<ChildNotDefined> notDefined, Spread spread) {
    }

    public record RankedChild(int rank, String unit, String name, String source, String snapshot, BigDecimal value,
                              BigDecimal numerator, BigDecimal denominator) {
    }

    public record ChildNotDefined(String unit, String name, String source, String snapshot, NotDefined notDefined) {
    }

    /** Weighted mean (by denominator), median, P10, P90 and P90 − P10 of the ranked values. */
    public record Spread(int count, BigDecimal weightedMean, BigDecimal median, BigDecimal p10, BigDecimal p90,
                         BigDecimal p90MinusP10) {
    }

    /** Risk flags across a unit's subtree, with the thresholds in force. */
    public record Risks(String unit, String name, int year, String template, RiskSettings settings, int unitsChecked,
                        List<String> unitsWithoutFigures, Map<String, Integer> byLevel, List<UnitRisk> flags) {
    }

    public record RiskSettings(String volumeIndicator, BigDecimal minimumVolume, List<RiskThreshold> thresholds) {
    }

    public record RiskThreshold(String indicator, String direction, BigDecimal red, BigDecimal yellow) {
    }

    /** One flag on one unit: its level, the threshold passed and the indicator with the figures behind it. */
    public record UnitRisk(String unit, String name, String kind, String parent, String source, String snapshot,
                           String level, String direction, BigDecimal threshold, IndicatorValue value,
                           IndicatorValue volume, String message, String messageZh, String messageEn) {
    }

    // ---- the report's text (GET …/text/{year}, POST …/text-checks/{year}, POST …/imports/{year})

    /** A unit's standard text: the sentences a report states, written from its figures. */
    public record StandardText(String unit, String name, int year, String template, String source, String snapshot,
                               String text, String textZh, String textEn, List<TextSentence> sentences) {
    }

    /** One statement: stated, blank (未填报) or not applicable, with the cells it states. */
    public record TextSentence(String statement, String paragraph, String state, BigDecimal value, String text,
                               String textZh, String textEn, List<TextCell> cells) {
    }

    /** A cell a sentence states, with its printed label; {@code value} null unless filled. */
    public record TextCell(String cell, String label, BigDecimal value, String state) {
    }

    /** The findings on a text checked against tables ({@code tables}: own, consolidated or report). */
    public record TextCheck(String unit, int year, String template, String tables, String snapshot, int errors,
                            int warnings, List<TextFinding> findings) {
    }

    /** A finding on a text: the sentence quoted, the number stated, the cells and their value in the tables. */
    public record TextFinding(String rule, String severity, String sentence, int line, String statement,
                              BigDecimal stated, List<String> cells, List<String> labels, BigDecimal tableValue,
                              String message, String messageZh, String messageEn) {
    }

    /** A published report read into the year's template, and stored when asked. */
    public record ImportedReport(String unit, int year, String template, String from, boolean stored, String status,
                                 Integer version, Map<String, BigDecimal> figures, List<String> notApplicable,
                                 List<UnreadPart> unread, List<String> missing, List<Finding> findings) {
    }

    /** Something of an imported report that could not be read into a cell. */
    public record UnreadPart(String where, String label, String text, String cell, String cellLabel, String reason,
                             String reasonZh, String reasonEn) {
    }
}

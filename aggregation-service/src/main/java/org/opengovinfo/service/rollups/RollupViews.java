package org.opengovinfo.service.rollups;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.service.rollups.RollupRepository.StoredSnapshot;
import org.opengovinfo.service.system.FindingView;

/** What the rollup endpoints answer: records, so that the OpenAPI document names every field. */
@SerdeImport(DeclaredAndComputed.class)
public final class RollupViews {

    private RollupViews() {}

    /** A snapshot as listed: who made it when, of which unit, year and template, over which basis. */
    @Serdeable
    public record Summary(String id, String unit, int year, String template, Instant computedAt, String triggeredBy,
                          String basis) {

        static Summary of(StoredSnapshot s) {
            return new Summary(s.id(), s.unit(), s.year(), s.template(), s.createdAt(), s.createdBy(), s.basis());
        }
    }

    /** A new snapshot, with the completeness of its subtree and how many consolidating units it computed. */
    @Serdeable
    public record Created(String id, String unit, int year, String template, Instant computedAt, String triggeredBy,
                          String basis, Completeness completeness, int consolidatedUnits) {

        static Created of(RollupService.Created c) {
            StoredSnapshot s = c.snapshot();
            return new Created(s.id(), s.unit(), s.year(), s.template(), s.createdAt(), s.createdBy(), s.basis(),
                    c.completeness(), c.consolidatedUnits());
        }
    }

    /**
     * Who in a snapshot's subtree had reported when it was made.
     *
     * @param units units in the subtree, the root included
     * @param reported units with a (non-blank) report
     * @param missing the units without one
     * @param missingByKind how many of the missing are towns, departments, …
     */
    @Serdeable
    public record Completeness(int units, int reported, List<String> missing, Map<String, Integer> missingByKind) {
    }

    /**
     * A unit's consolidated figures from one snapshot, with provenance.
     *
     * @param figures the consolidated values by cell code; a blank cell is absent, never 0
     * @param notApplicable the cells not applicable in every unit added (不适用): no value, yet not blank
     * @param declaredFindings findings on the table the unit compiled itself (only when it declared one)
     * @param declaredAndComputed what it declared beside the sum of the units, cell by cell (only when it declared)
     */
    @Serdeable
    public record Pull(String unit, int year, String template, String snapshot, Instant computedAt, int hierarchyYear,
                       int unitsInSubtree, int unitsReported, Map<String, BigDecimal> figures, List<String> notApplicable,
                       List<FindingView> findings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FindingView> declaredFindings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<DeclaredAndComputed> declaredAndComputed) {
    }

    /**
     * A whole snapshot: provenance (the tree and the submission versions used), completeness, and every consolidating
     * unit's part. Findings keep the language they were stored in (Chinese in {@code message}; both beside it).
     */
    @Serdeable
    public record Snapshot(String id, String unit, int year, String template, int hierarchyYear, Instant computedAt,
                           String triggeredBy, Completeness completeness, @Nullable Long figuresRevision,
                           @Nullable String treeId, @Nullable String basis, Map<String, String> notAccepted,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> excluded,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Integer> versionsOverride,
                           List<Part> units, Map<String, String> tree, Map<String, Integer> versions) {
    }

    /**
     * One consolidating unit's part of a snapshot.
     *
     * @param own the unit's own figures at the version used ({@code null} if it had none)
     * @param declared its declared table at that version ({@code null} if it declared none)
     */
    @Serdeable
    public record Part(String unit, @Nullable String parent, int unitsInSubtree, int unitsReported,
                       Map<String, BigDecimal> consolidated, List<String> notApplicable, List<FindingView> findings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FindingView> declaredFindings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<DeclaredAndComputed> declaredAndComputed,
                       @Nullable Map<String, BigDecimal> own, @Nullable Map<String, BigDecimal> declared) {
    }

    /** Which consolidated cells moved between two snapshots of one unit and year, and because of which units. */
    @Serdeable
    public record Diff(String from, String to, String unit, int year, List<ChangedUnit> changedUnits,
                       List<MovedCell> cells) {
    }

    /** A unit whose submission version differs between the two snapshots ({@code null}: none used). */
    @Serdeable
    public record ChangedUnit(String unit, @Nullable Integer versionBefore, @Nullable Integer versionAfter) {
    }

    /**
     * A consolidated cell of a unit that moved.
     *
     * @param delta {@code after - before} when both are filled in
     * @param because the changed units in the moved unit's subtree whose own (or, for the unit itself, declared)
     *     value of the cell changed
     */
    @Serdeable
    public record MovedCell(String unit, String cell, String label, @Nullable BigDecimal before,
                            @Nullable BigDecimal after, @Nullable BigDecimal delta, List<String> because) {
    }
}

package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengovinfo.service.system.FindingView;

/** Submission bodies as the API answers them; field names are stable for scripts. */
public final class SubmissionViews {

    private SubmissionViews() {}

    /**
     * The answer to a submission.
     *
     * @param status {@code valid} (dry run), {@code accepted} (stored as {@code version}) or {@code unchanged}
     * @param findings the warnings (a submission with errors is answered with a problem instead)
     * @param figures every filled cell, totals left blank computed
     * @param notApplicable the cells marked not applicable (不适用): no value, and not left blank either
     */
    @Serdeable
    public record Result(String unit, int year, String template, Status status, @Nullable Integer version,
                  List<FindingView> findings, Map<String, BigDecimal> figures, List<String> notApplicable,
                  @Nullable Map<String, BigDecimal> declared) {

        /** The same answer with each finding told where its cells are in the form that was sent. */
        public Result placed(java.util.function.Function<String, String> placeOf) {
            return new Result(unit, year, template, status, version, findings.stream().map(f -> f.placed(placeOf)).toList(),
                    figures, notApplicable, declared);
        }

        static Result of(SubmissionService.Outcome o) {
            SubmissionService.Checked c = o.checked();
            return new Result(o.unit(), o.year(), c.template().id(), o.status(), o.version(), FindingView.of(c.findings()),
                    c.figures().decimals(), c.figures().notApplicable(),
                    c.declared() == null ? null : c.declared().decimals());
        }
    }

    /** A stored version: the figures as given, with the totals computed, and who stored them when. */
    @Serdeable
    record Stored(String unit, int year, int version, String template, String submittedBy, Instant submittedAt,
                  Map<String, BigDecimal> figures, List<String> notApplicable, @Nullable Map<String, BigDecimal> declared) {
    }

    /** One entry of a unit's history: which cells changed, from what to what. */
    @Serdeable
    record Version(int version, String template, String submittedBy, Instant submittedAt, List<Change> changes) {
    }

    /**
     * A cell that changed; {@code notApplicableBefore} / {@code notApplicableAfter} are there (true) only where the
     * cell was marked not applicable (不适用) on that side, which holds no number.
     */
    @Serdeable
    record Change(String cell, @Nullable BigDecimal before, @Nullable BigDecimal after,
                  @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean notApplicableBefore,
                  @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean notApplicableAfter) {
    }

    /** The per-unit answer to a batch, and counts. */
    @Serdeable
    record BatchResult(int accepted, int unchanged, int valid, int rejected, List<BatchItem> results) {
    }

    /**
     * @param status {@code accepted}, {@code unchanged}, {@code valid} (dry run) or {@code rejected}
     * @param code the problem code when rejected, e.g. {@code submission.rejected} or {@code unit.not_found}
     * @param detail what the problem is, in the request's language (Chinese by default); {@code detailZh} in Chinese
     */
    @Serdeable
    record BatchItem(String unit, Status status, @Nullable Integer version, @Nullable String code,
                     @Nullable String detail, @Nullable String detailZh, List<FindingView> findings) {
    }

    /** A batch as clients send it (read by {@link SubmissionJson}; this record documents it). */
    @Serdeable
    record BatchInput(int year, @Nullable Boolean dryRun, List<BatchEntry> submissions) {
    }

    /** One unit's figures in a batch. */
    @Serdeable
    record BatchEntry(String unit, @Nullable String template, Map<String, Object> figures,
                      @Nullable Map<String, Object> declared) {
    }
}

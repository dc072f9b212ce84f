package org.opengovinfo.service.submissions;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/**
 * {@code PUT …/figures/{year}} however the figures come (JSON, an XLSX or a CSV form): one path through
 * {@link SubmissionService}, so a form gets the same dry run, If-Match, rules, findings and refusals as JSON.
 */
@Singleton
public class FiguresPut {

    private final SubmissionService service;

    FiguresPut(SubmissionService service) {
        this.service = service;
    }

    /**
     * @param etag the stored version's ETag; {@code null} for a dry run
     */
    public record Answer(SubmissionViews.Result result, @Nullable String etag) {
    }

    /** Validates ({@code dryRun}) or stores a unit's whole figures for a year. */
    public Answer put(String unit, int year, SubmissionInput input, boolean dryRun, @Nullable String ifMatch) {
        if (dryRun) {
            return new Answer(SubmissionViews.Result.of(service.validate(unit, year, input)), null);
        }
        SubmissionService.Outcome outcome = service.submit(unit, year, input, ifMatch);
        return new Answer(SubmissionViews.Result.of(outcome), SubmissionService.etag(outcome.version()));
    }

    /** {@code ?dryRun=true} or {@code false}, exactly: anything else is a mistake to report, not a "no". */
    public static boolean dryRun(@Nullable String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("dryRun", Redaction.clip(value), Words.TRUE_OR_FALSE);
    }
}

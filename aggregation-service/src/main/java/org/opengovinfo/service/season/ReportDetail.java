package org.opengovinfo.service.season;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A unit's report for a year as its history page shows it: where it stands, and every step — each figures version
 * stored and each move (submitted, accepted, returned, reopened) — with who and when.
 *
 * @param report the stored state, or {@code null} when the unit has no figures for the year ({@code state} none)
 */
@Serdeable
public record ReportDetail(String unit, int year, ReportState state, @Nullable Report report, List<Step> history) {

    /** One step: {@code figures.accepted} (a version stored) or {@code report.*}, with its detail as JSON text. */
    @Serdeable
    public record Step(Instant at, String principal, String action, String detail) {
    }
}

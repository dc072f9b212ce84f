package org.opengovinfo.service.season;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A unit's report for a year as stored: its state, the figures version it is about, when it was first handed in,
 * the last change (who, when, a comment or reason), and the publication that locks it, if any.
 */
record StoredState(String unit, int year, ReportState state, int version, @Nullable Instant firstSubmittedAt,
                   Instant changedAt, String changedBy, @Nullable String note, @Nullable String publication) {

    boolean locked() {
        return state == ReportState.ACCEPTED || publication != null;
    }
}

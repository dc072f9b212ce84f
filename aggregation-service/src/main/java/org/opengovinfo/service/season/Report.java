package org.opengovinfo.service.season;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where a unit's report for a year stands.
 *
 * @param version the figures version the state is about (the one handed in, accepted, returned)
 * @param firstSubmittedAt when it was first handed in, which decides whether it was on time
 * @param note the comment of a return, the reason of a reopening, or the units a hand-in said were missing
 * @param lockedByPublication the publication whose lock holds it, if any
 */
@Serdeable
public record Report(String unit, int year, ReportState state, int version, @Nullable Instant firstSubmittedAt,
                     Instant changedAt, String changedBy, @Nullable String note, @Nullable String lockedByPublication) {

    static Report of(StoredState s) {
        return new Report(s.unit(), s.year(), s.state(), s.version(), s.firstSubmittedAt(), s.changedAt(), s.changedBy(),
                s.note(), s.publication());
    }

    /** Accepted, or under a publication: no write may change it. */
    public boolean locked() {
        return state == ReportState.ACCEPTED || lockedByPublication != null;
    }
}

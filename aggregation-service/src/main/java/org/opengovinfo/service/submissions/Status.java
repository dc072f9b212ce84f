package org.opengovinfo.service.submissions;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** What became of a unit's figures: the {@code status} of a submission's answer and of each item of a batch. */
@Serdeable
public enum Status {
    /** Stored as a new version. */
    ACCEPTED,
    /** Identical to the current version: nothing stored. */
    UNCHANGED,
    /** A dry run found no error: nothing stored. */
    VALID,
    /** Refused, with the problem and its findings: nothing stored. */
    REJECTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

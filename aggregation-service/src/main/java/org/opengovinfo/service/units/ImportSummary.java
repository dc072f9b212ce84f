package org.opengovinfo.service.units;

import io.micronaut.serde.annotation.Serdeable;

/** The outcome of a bulk import: how many units were new and how many replaced existing ones. */
@Serdeable
public record ImportSummary(int created, int updated) {
}

package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One unit of a subtree in a given year: {@code depth} 0 is the unit asked for. */
@Serdeable
public record SubtreeEntry(String id, String name, String kind, @Nullable String parent, int depth) {
}

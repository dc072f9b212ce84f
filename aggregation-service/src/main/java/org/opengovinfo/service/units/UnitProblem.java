package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One reason a unit or a hierarchy change was refused.
 *
 * @param unit the unit's id as given (may be {@code null} if the id itself is missing)
 * @param code stable code, e.g. {@code unit.unknown_parent}, {@code hierarchy.cycle}
 */
@Serdeable
public record UnitProblem(@Nullable String unit, String code, String message) {
}

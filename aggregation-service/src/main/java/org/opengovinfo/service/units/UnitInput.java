package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A unit as clients send it. {@code parent} is shorthand for one placement over all the unit's years; a unit that
 * moved gives {@code placements} instead.
 */
@Serdeable
public record UnitInput(
        @Nullable String id,
        @Nullable String name,
        @Nullable String kind,
        @Nullable String divisionCode,
        @Nullable Integer fromYear,
        @Nullable Integer toYear,
        @Nullable String parent,
        @Nullable List<PlacementInput> placements) {

    @Serdeable
    public record PlacementInput(@Nullable Integer fromYear, @Nullable Integer toYear, @Nullable String parent) {
    }
}

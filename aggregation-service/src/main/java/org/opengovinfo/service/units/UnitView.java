package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A unit as the API shows it. */
@Serdeable
public record UnitView(String id, String name, String kind, @Nullable String divisionCode, int fromYear,
                       @Nullable Integer toYear, List<PlacementView> placements) {

    @Serdeable
    public record PlacementView(int fromYear, @Nullable Integer toYear, @Nullable String parent) {
    }

    static UnitView of(Unit u) {
        return new UnitView(u.id(), u.name(), u.kind().code(), u.divisionCode(), u.years().from(), u.years().to(),
                u.placements().stream()
                        .map(p -> new PlacementView(p.years().from(), p.years().to(), p.parent()))
                        .toList());
    }
}

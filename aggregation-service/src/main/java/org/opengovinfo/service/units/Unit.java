package org.opengovinfo.service.units;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A government body or department that reports, with where it sits in each year it is in force.
 *
 * @param placements contiguous, in year order, covering exactly {@code years}
 */
public record Unit(String id, String name, UnitKind kind, @Nullable String divisionCode, YearSpan years,
                   List<Placement> placements) {

    public Unit {
        placements = List.copyOf(placements);
    }

    /** The parent in a year, or {@code null} at the top or outside the unit's years. */
    public String parentIn(int year) {
        for (Placement p : placements) {
            if (p.years().contains(year)) {
                return p.parent();
            }
        }
        return null;
    }
}

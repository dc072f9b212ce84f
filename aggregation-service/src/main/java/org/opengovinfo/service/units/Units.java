package org.opengovinfo.service.units;

import java.util.Collection;
import java.util.Map;

/** Questions about a set of units by id, asked of the units as stored and of the units as a change would leave them. */
final class Units {

    /** Deeper than any real hierarchy (country, province, city, county, town): a guard against a cycle, not a limit. */
    private static final int DEPTH = 64;

    private Units() {}

    /** Whether {@code unit} is {@code ancestor} or lies below it in {@code year}. An unknown unit lies nowhere. */
    static boolean isWithin(Map<String, Unit> all, String unit, String ancestor, int year) {
        Unit current = all.get(unit);
        if (current == null || !current.years().contains(year)) {
            return false;
        }
        for (int depth = 0; current != null && depth < DEPTH; depth++) {
            if (current.id().equals(ancestor)) {
                return true;
            }
            String parent = current.parentIn(year);
            current = parent == null ? null : all.get(parent);
        }
        return false;
    }

    /**
     * The last year worth looking at: one past the latest year any unit's years or placements name. Every later
     * year looks the same.
     */
    static int horizon(Collection<Unit> units) {
        int horizon = 0;
        for (Unit u : units) {
            for (Placement p : u.placements()) {
                horizon = Math.max(horizon, p.years().to() == null ? p.years().from() : p.years().to());
            }
            horizon = Math.max(horizon, u.years().from());
        }
        return horizon + 1;
    }
}

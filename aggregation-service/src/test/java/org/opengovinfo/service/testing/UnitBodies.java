package org.opengovinfo.service.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Unit bodies as clients send them, for tests that build small hierarchies: in force from 2015 on. */
public final class UnitBodies {

    private UnitBodies() {}

    /** A unit named after its id, under {@code parent} ({@code null}: at the top) in every year. */
    public static Map<String, Object> unit(String id, String kind, String parent) {
        Map<String, Object> u = new HashMap<>();
        u.put("id", id);
        u.put("name", id);
        u.put("kind", kind);
        u.put("fromYear", 2015);
        u.put("parent", parent);
        return u;
    }

    /** A unit that moved in 2021: under {@code until2020} before, under {@code from2021} since. */
    public static Map<String, Object> moved(String id, String kind, String until2020, String from2021) {
        return Map.of("id", id, "name", id, "kind", kind, "fromYear", 2015, "placements", List.of(
                Map.of("fromYear", 2015, "toYear", 2020, "parent", until2020),
                Map.of("fromYear", 2021, "parent", from2021)));
    }
}

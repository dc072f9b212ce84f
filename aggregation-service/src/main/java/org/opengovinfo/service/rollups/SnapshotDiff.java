package org.opengovinfo.service.rollups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which consolidated cells moved between two snapshots of the same unit and year, by how much, and because of
 * which units: those whose submission version changed between the snapshots and whose own (or declared) value of
 * that cell changed, within the moved unit's subtree.
 */
final class SnapshotDiff {

    private SnapshotDiff() {}

    /**
     * @param cellsAt a changed unit's own and declared cells at a version (two maps)
     * @param labelOf a cell's label as printed, so that a change reads without the template at hand
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> diff(Map<String, Object> from, Map<String, Object> to,
                                    Function<Map.Entry<String, Integer>, List<Map<String, Object>>> cellsAt,
                                    Function<String, String> labelOf) {
        Map<String, Integer> before = versions(from);
        Map<String, Integer> after = versions(to);
        Map<String, String> parents = new LinkedHashMap<>((Map<String, String>) from.get("tree"));
        parents.putAll((Map<String, String>) to.get("tree"));
        Set<String> changedUnits = new LinkedHashSet<>();
        for (String u : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(u), after.get(u))) {
                changedUnits.add(u);
            }
        }
        Map<String, Map<String, Object>> ownBefore = new LinkedHashMap<>();
        Map<String, Map<String, Object>> ownAfter = new LinkedHashMap<>();
        Map<String, Map<String, Object>> declaredBefore = new LinkedHashMap<>();
        Map<String, Map<String, Object>> declaredAfter = new LinkedHashMap<>();
        for (String u : changedUnits) {
            load(u, before.get(u), cellsAt, ownBefore, declaredBefore);
            load(u, after.get(u), cellsAt, ownAfter, declaredAfter);
        }
        Map<String, Map<String, Object>> unitsBefore = units(from);
        Map<String, Map<String, Object>> unitsAfter = units(to);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String unit : union(unitsBefore.keySet(), unitsAfter.keySet())) {
            Map<String, Object> b = consolidated(unitsBefore.get(unit));
            Map<String, Object> a = consolidated(unitsAfter.get(unit));
            for (String cell : union(b.keySet(), a.keySet())) {
                BigDecimal x = decimal(b.get(cell));
                BigDecimal y = decimal(a.get(cell));
                if (Objects.equals(x, y)) {
                    continue;
                }
                List<String> because = new ArrayList<>();
                for (String u : changedUnits) {
                    boolean inSubtree = isAtOrBelow(u, unit, parents);
                    boolean ownMoved = inSubtree && !Objects.equals(decimal(ownBefore.get(u).get(cell)),
                            decimal(ownAfter.get(u).get(cell)));
                    boolean declaredMoved = u.equals(unit) && !Objects.equals(decimal(declaredBefore.get(u).get(cell)),
                            decimal(declaredAfter.get(u).get(cell)));
                    if (ownMoved || declaredMoved) {
                        because.add(u);
                    }
                }
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("unit", unit);
                change.put("cell", cell);
                change.put("label", labelOf.apply(cell));
                change.put("before", x);
                change.put("after", y);
                change.put("delta", x != null && y != null ? y.subtract(x) : null);
                change.put("because", because);
                cells.add(change);
            }
        }
        List<Map<String, Object>> units = new ArrayList<>();
        for (String u : changedUnits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", u);
            m.put("versionBefore", before.get(u));
            m.put("versionAfter", after.get(u));
            units.add(m);
        }
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("from", from.get("id"));
        diff.put("to", to.get("id"));
        diff.put("unit", to.get("unit"));
        diff.put("year", to.get("year"));
        diff.put("changedUnits", units);
        diff.put("cells", cells);
        return diff;
    }

    private static void load(String unit, Integer version,
                             Function<Map.Entry<String, Integer>, List<Map<String, Object>>> cellsAt,
                             Map<String, Map<String, Object>> own, Map<String, Map<String, Object>> declared) {
        List<Map<String, Object>> cells = version == null ? List.of(Map.of(), Map.of()) : cellsAt.apply(Map.entry(unit, version));
        own.put(unit, cells.get(0));
        declared.put(unit, cells.get(1));
    }

    private static boolean isAtOrBelow(String unit, String ancestor, Map<String, String> parents) {
        Set<String> seen = new LinkedHashSet<>();
        for (String u = unit; u != null && seen.add(u); u = parents.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> versions(Map<String, Object> document) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        ((Map<String, Object>) document.get("versions")).forEach((k, v) -> versions.put(k, ((Number) v).intValue()));
        return versions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> units(Map<String, Object> document) {
        Map<String, Map<String, Object>> units = new LinkedHashMap<>();
        for (Object o : (List<Object>) document.get("units")) {
            Map<String, Object> entry = (Map<String, Object>) o;
            units.put((String) entry.get("unit"), entry);
        }
        return units;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consolidated(Map<String, Object> entry) {
        return entry == null ? Map.of() : (Map<String, Object>) entry.get("consolidated");
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}

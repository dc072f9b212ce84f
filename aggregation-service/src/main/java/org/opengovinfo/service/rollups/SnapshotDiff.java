package org.opengovinfo.service.rollups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opengovinfo.service.rollups.RollupViews.ChangedUnit;
import org.opengovinfo.service.rollups.RollupViews.MovedCell;
import org.opengovinfo.service.rollups.RollupViews.Part;
import org.opengovinfo.service.rollups.RollupViews.Snapshot;
import org.opengovinfo.service.submissions.SubmissionService.OwnAndDeclared;

/**
 * Which consolidated cells moved between two snapshots of the same unit and year, by how much, and because of
 * which units: those whose submission version changed between the snapshots and whose own (or declared) value of
 * that cell changed, within the moved unit's subtree.
 */
final class SnapshotDiff {

    private static final OwnAndDeclared NONE = new OwnAndDeclared(Map.of(), Map.of());

    private SnapshotDiff() {}

    /**
     * @param cellsAt a changed unit's own and declared cells at a version
     * @param labelOf a cell's label as printed, so that a change reads without the template at hand
     */
    static RollupViews.Diff diff(Snapshot from, Snapshot to, BiFunction<String, Integer, OwnAndDeclared> cellsAt,
                                 Function<String, String> labelOf) {
        Map<String, Integer> before = from.versions();
        Map<String, Integer> after = to.versions();
        Map<String, String> parents = new LinkedHashMap<>(from.tree());
        parents.putAll(to.tree());
        Set<String> changedUnits = new LinkedHashSet<>();
        for (String u : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(u), after.get(u))) {
                changedUnits.add(u);
            }
        }
        Map<String, OwnAndDeclared> cellsBefore = new LinkedHashMap<>();
        Map<String, OwnAndDeclared> cellsAfter = new LinkedHashMap<>();
        for (String u : changedUnits) {
            cellsBefore.put(u, before.get(u) == null ? NONE : cellsAt.apply(u, before.get(u)));
            cellsAfter.put(u, after.get(u) == null ? NONE : cellsAt.apply(u, after.get(u)));
        }
        Map<String, Part> unitsBefore = units(from);
        Map<String, Part> unitsAfter = units(to);
        List<MovedCell> cells = new ArrayList<>();
        for (String unit : union(unitsBefore.keySet(), unitsAfter.keySet())) {
            Map<String, BigDecimal> b = consolidated(unitsBefore.get(unit));
            Map<String, BigDecimal> a = consolidated(unitsAfter.get(unit));
            for (String cell : union(b.keySet(), a.keySet())) {
                BigDecimal x = b.get(cell);
                BigDecimal y = a.get(cell);
                if (same(x, y)) {
                    continue;
                }
                List<String> because = new ArrayList<>();
                for (String u : changedUnits) {
                    boolean ownMoved = isAtOrBelow(u, unit, parents)
                            && !same(cellsBefore.get(u).own().get(cell), cellsAfter.get(u).own().get(cell));
                    boolean declaredMoved = u.equals(unit)
                            && !same(cellsBefore.get(u).declared().get(cell), cellsAfter.get(u).declared().get(cell));
                    if (ownMoved || declaredMoved) {
                        because.add(u);
                    }
                }
                cells.add(new MovedCell(unit, cell, labelOf.apply(cell), x, y,
                        x != null && y != null ? y.subtract(x) : null, because));
            }
        }
        List<ChangedUnit> units = new ArrayList<>();
        for (String u : changedUnits) {
            units.add(new ChangedUnit(u, before.get(u), after.get(u)));
        }
        return new RollupViews.Diff(from.id(), to.id(), to.unit(), to.year(), units, cells);
    }

    /** Equal as numbers (12 and 12.00 are the same value), both blank, or not. */
    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
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

    private static Map<String, Part> units(Snapshot snapshot) {
        Map<String, Part> units = new LinkedHashMap<>();
        snapshot.units().forEach(p -> units.put(p.unit(), p));
        return units;
    }

    private static Map<String, BigDecimal> consolidated(Part part) {
        return part == null ? Map.of() : part.consolidated();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}

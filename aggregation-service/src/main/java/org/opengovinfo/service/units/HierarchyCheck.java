package org.opengovinfo.service.units;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;

/**
 * Checks units being written against the whole hierarchy, in every year they touch: parents exist and are in
 * force, children stay inside their parent's years, and no one reports to themselves through a cycle.
 */
final class HierarchyCheck {

    private HierarchyCheck() {}

    /**
     * @param all every unit as it will be after the write, by id
     * @param changed the units being written
     */
    static List<UnitProblem> problems(Map<String, Unit> all, Collection<Unit> changed) {
        List<UnitProblem> problems = new ArrayList<>();
        Map<String, List<Unit>> childrenOf = new HashMap<>();
        for (Unit u : all.values()) {
            for (Placement p : u.placements()) {
                if (p.parent() != null) {
                    childrenOf.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(u);
                }
            }
        }
        Set<Unit> toCheck = new LinkedHashSet<>(changed);
        for (Unit u : changed) {
            toCheck.addAll(childrenOf.getOrDefault(u.id(), List.of()));
        }
        for (Unit u : toCheck) {
            for (Placement p : u.placements()) {
                if (p.parent() == null) {
                    continue;
                }
                Unit parent = all.get(p.parent());
                if (parent == null) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_UNKNOWN_PARENT, u.id(), null, u.id(),
                            Redaction.text(p.parent(), 64)));
                } else if (!parent.years().covers(p.years())) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_PARENT_NOT_IN_FORCE, u.id(), null, parent.id(),
                            parent.years(), u.id(), p.years()));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(cycles(all, changed));
        }
        return problems;
    }

    private static List<UnitProblem> cycles(Map<String, Unit> all, Collection<Unit> changed) {
        int horizon = 0;
        for (Unit u : all.values()) {
            for (Placement p : u.placements()) {
                horizon = Math.max(horizon, p.years().to() == null ? p.years().from() : p.years().to());
            }
        }
        List<UnitProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Unit u : changed) {
            for (int year = u.years().from(); year <= u.years().lastYear(horizon); year++) {
                List<String> path = pathUp(all, u, year);
                if (path != null && reported.add(u.id())) {
                    problems.add(UnitProblem.of(ErrorCode.HIERARCHY_CYCLE, u.id(), null, year, String.join(" → ", path)));
                }
            }
        }
        return problems;
    }

    /** The path from {@code u} up to itself if it reports to itself in {@code year}, else {@code null}. */
    private static List<String> pathUp(Map<String, Unit> all, Unit u, int year) {
        List<String> path = new ArrayList<>(List.of(u.id()));
        Set<String> seen = new HashSet<>(path);
        Unit current = u;
        while (true) {
            String parent = current.parentIn(year);
            if (parent == null) {
                return null;
            }
            path.add(parent);
            if (parent.equals(u.id())) {
                return path;
            }
            if (!seen.add(parent)) {
                return null;
            }
            current = all.get(parent);
            if (current == null) {
                return null;
            }
        }
    }
}

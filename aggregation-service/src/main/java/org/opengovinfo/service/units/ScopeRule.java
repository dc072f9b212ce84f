package org.opengovinfo.service.units;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Words;

/**
 * Whom a caller with a subtree may write: a unit may be created, replaced or moved only if, in every year the change
 * affects, it lies within the caller's subtree both before the change and after it. The caller's own unit, the top
 * of its subtree, is where the level above placed it: its place and years are not the caller's to change.
 *
 * <p>A year is affected when the unit's record for that year differs: it comes into or goes out of force, its parent
 * changes, or its name, kind or division code changes (those are the same in every year, so such a change affects
 * them all). Years past the last one any placement names look like that last one, so checking up to it covers them.
 * A unit written unchanged (a county re-importing its whole list, say) affects no year; it must then lie within the
 * caller's subtree in the present year, so that no one writes, even unchanged, a unit that is not theirs.
 */
final class ScopeRule {

    private static final Words BEFORE = new Words("（变更前）", "before");
    private static final Words AFTER = new Words("（变更后）", "after");

    private ScopeRule() {}

    /**
     * Every (unit, year) of the change that lies outside {@code scope} before or after it.
     *
     * @param before every unit before the change, by id
     * @param after every unit as the change leaves it, by id
     * @param lines the CSV line that gave each unit, if any
     */
    static List<UnitProblem> outside(String scope, Map<String, Unit> before, Map<String, Unit> after,
                                     Collection<Unit> changed, Map<String, Integer> lines, int presentYear) {
        int horizon = Math.max(Units.horizon(before.values()), Units.horizon(after.values()));
        List<UnitProblem> problems = new ArrayList<>();
        for (Unit now : changed) {
            Unit was = before.get(now.id());
            boolean wholeRecord = was == null || !was.name().equals(now.name()) || was.kind() != now.kind()
                    || !Objects.equals(was.divisionCode(), now.divisionCode());
            boolean affected = false;
            for (int year = firstYear(was, now); year <= horizon; year++) {
                boolean inBefore = was != null && was.years().contains(year);
                boolean inAfter = now.years().contains(year);
                boolean placeChanged = inBefore != inAfter
                        || inAfter && !Objects.equals(was.parentIn(year), now.parentIn(year));
                if (!placeChanged && !(wholeRecord && (inBefore || inAfter))) {
                    continue;
                }
                affected = true;
                Integer line = lines.get(now.id());
                if (now.id().equals(scope) && placeChanged) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_SCOPE_TOP_FIXED, now.id(), line, now.id()));
                    break;
                }
                if (inBefore && !Units.isWithin(before, now.id(), scope, year)) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_OUTSIDE_SCOPE, now.id(), line, now.id(), year, BEFORE, scope));
                    break;
                }
                if (inAfter && !Units.isWithin(after, now.id(), scope, year)) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_OUTSIDE_SCOPE, now.id(), line, now.id(), year, AFTER, scope));
                    break;
                }
            }
            if (!affected) {
                int year = Math.max(now.years().from(), Math.min(presentYear, now.years().lastYear(presentYear)));
                if (!Units.isWithin(before, now.id(), scope, year)) {
                    problems.add(UnitProblem.of(ErrorCode.UNIT_OUTSIDE_SCOPE, now.id(), lines.get(now.id()), now.id(),
                            year, BEFORE, scope));
                }
            }
        }
        return problems;
    }

    private static int firstYear(Unit was, Unit now) {
        return was == null ? now.years().from() : Math.min(was.years().from(), now.years().from());
    }
}

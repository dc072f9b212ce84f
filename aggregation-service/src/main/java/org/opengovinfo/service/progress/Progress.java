package org.opengovinfo.service.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A subtree's reporting over several years: one row per unit, one cell per year.
 *
 * @param years the years asked for, oldest first
 * @param units the units of the subtree in any of those years, the root first, then breadth first as the tree
 *     stands in the last year; units gone by then follow in the order of the year they were last in
 * @param totals per year, how many units are in each status
 */
@Serdeable
public record Progress(String unit, int from, int to, List<Integer> years, List<Row> units,
                       Map<Integer, Map<String, Integer>> totals) {

    /** One unit's years. */
    @Serdeable
    public record Row(String unit, String name, String kind, List<Year> years) {
    }

    /**
     * One unit's report of one year.
     *
     * @param status {@code not_in_force} (the unit was not in the subtree that year), {@code missing} (no report:
     *     nothing stored, or a blank one), {@code reported}, {@code with_warnings} (reported, and its figures draw
     *     warnings), or {@code accepted} (the level above accepted it; warnings still counted)
     * @param state the report's state in the season ({@code none}, {@code draft}, {@code submitted}, …), or null
     *     where the unit was not in the subtree
     * @param warnings how many warnings its own figures draw (0 without a report)
     */
    @Serdeable
    public record Year(int year, String status, @Nullable String state, int warnings) {
    }

    /** The statuses, in the order the totals list them. */
    public static final List<String> STATUSES = List.of("accepted", "with_warnings", "reported", "missing",
            "not_in_force");
}

package org.opengovinfo.model.consolidation;

import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Finding;

/**
 * The consolidated report of one consolidating unit: its own figures plus the consolidated figures of every unit
 * directly below it.
 *
 * @param unit the unit's id
 * @param totals the consolidated figures, complete, with declared cells as the unit declared them
 * @param findings the template's rules on the totals, then the consolidation's own checks (overflow, declared
 *     values that disagree with the computed ones or lie below a child's)
 * @param unitsInSubtree units in the subtree, the unit itself included
 * @param unitsReported units in the subtree whose own figures were added
 */
public record ConsolidatedUnit(String unit, Figures totals, List<Finding> findings, int unitsInSubtree, int unitsReported) {

    public ConsolidatedUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(totals, "totals");
        findings = List.copyOf(findings);
        if (unitsReported < 0 || unitsReported > unitsInSubtree) {
            throw new IllegalArgumentException("unitsReported must lie in 0…unitsInSubtree");
        }
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}

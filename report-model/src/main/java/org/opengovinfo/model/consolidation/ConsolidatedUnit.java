package org.opengovinfo.model.consolidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;

/**
 * The consolidated report of one consolidating unit: its own figures plus the consolidated figures of every unit
 * directly below it.
 *
 * @param unit the unit's id
 * @param totals the consolidated figures, complete, with declared cells as the unit declared them; a summed cell
 *     always holds the sum of the units, whatever the unit declared for it
 * @param findings the template's rules on the totals, then the consolidation's own checks (overflow, declared
 *     values that disagree with the computed ones — also where the units gave nothing — or lie below a child's)
 * @param unitsInSubtree units in the subtree, the unit itself included
 * @param unitsReported units in the subtree whose own figures were added
 * @param declared the consolidated table the unit declared, or {@code null}
 * @param declaredFindings the template's rules on the declared table, as for any submission (causes before
 *     consequences); empty without a declaration
 */
public record ConsolidatedUnit(
        String unit, Figures totals, List<Finding> findings, int unitsInSubtree, int unitsReported,
        Figures declared, List<Finding> declaredFindings) {

    public ConsolidatedUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(totals, "totals");
        findings = List.copyOf(findings);
        declaredFindings = List.copyOf(declaredFindings);
        if (unitsReported < 0 || unitsReported > unitsInSubtree) {
            throw new IllegalArgumentException("unitsReported must lie in 0…unitsInSubtree");
        }
        if (declared == null && !declaredFindings.isEmpty()) {
            throw new IllegalArgumentException("findings on a declaration need a declaration");
        }
    }

    /** A consolidated report without a declaration. */
    public ConsolidatedUnit(String unit, Figures totals, List<Finding> findings, int unitsInSubtree, int unitsReported) {
        this(unit, totals, findings, unitsInSubtree, unitsReported, null, List.of());
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /**
     * Every cell that is declared or computed, in template order, with both values: what the service shows when a
     * compiled table is reconciled against its units. Empty without a declaration.
     */
    public List<DeclaredAndComputed> declaredAndComputed() {
        if (declared == null) {
            return List.of();
        }
        List<DeclaredAndComputed> rows = new ArrayList<>();
        for (Cell cell : totals.template().cells()) {
            BigDecimal d = declared.value(cell.code()).orElse(null);
            BigDecimal c = totals.value(cell.code()).orElse(null);
            if (d == null && c == null) {
                continue;
            }
            if (cell.consolidation() == ConsolidationMode.DECLARED && d == null) {
                continue;
            }
            rows.add(new DeclaredAndComputed(cell.code(), totals.template().label(cell.code()), d, c,
                    d != null && c != null ? d.subtract(c) : null));
        }
        return rows;
    }
}

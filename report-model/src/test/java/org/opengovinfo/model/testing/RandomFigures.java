package org.opengovinfo.model.testing;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ConsolidationMode;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.ValueKind;

/**
 * Seeded arbitrary figures — valid input, but not consistent with the rules — with blank cells, totals given or
 * left to be computed, signed declared values, and now and then a value so large that a few of them overflow a sum.
 */
public final class RandomFigures {

    private final Template template;
    private final Random random;
    private final Set<Integer> partsOfTotals = new HashSet<>();

    public RandomFigures(Template template, Random random) {
        this.template = template;
        this.random = random;
        for (SumRule rule : template.rules().derivations()) {
            rule.right().forEach(t -> partsOfTotals.add(t.cell()));
        }
    }

    public Figures next() {
        return Figures.of(template, cells(false));
    }

    /** Values for declared cells only, as a consolidating unit declares them. */
    public Figures nextDeclaration() {
        return Figures.of(template, cells(true));
    }

    private Map<String, Object> cells(boolean declaredOnly) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            if (declaredOnly != (cell.consolidation() == ConsolidationMode.DECLARED) || random.nextInt(10) < 3) {
                continue;
            }
            if (cell.consolidation() == ConsolidationMode.DERIVED && random.nextBoolean()) {
                continue;
            }
            cells.put(cell.code(), value(cell));
        }
        return cells;
    }

    private Object value(Cell cell) {
        boolean huge = !partsOfTotals.contains(cell.index()) && cell.consolidation() != ConsolidationMode.DERIVED
                && random.nextInt(40) == 0;
        long scaled = huge ? Long.MAX_VALUE / (2 + random.nextInt(3)) - random.nextInt(1000) : random.nextInt(5000);
        if (cell.kind() == ValueKind.SIGNED_COUNT && random.nextBoolean()) {
            scaled = -scaled;
        }
        return BigDecimal.valueOf(scaled, cell.kind().scale());
    }
}

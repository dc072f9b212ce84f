package org.opengovinfo.model.figures;

import java.util.ArrayList;
import java.util.List;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.rule.Scope;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Table;

/**
 * Blank is not zero, per section: a table with no cell filled, in a report that fills others, has not reported
 * "none" — the clerk most likely forgot it, or meant zeros and must type them. A warning, since a unit may truly
 * have nothing to say there and will then fill zeros.
 */
final class Sections {

    static final String SECTION_BLANK = "section.blank";

    private Sections() {}

    static List<Finding> blankSections(Figures figures) {
        if (figures.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Table table : figures.template().tables()) {
            boolean anyFilled = false;
            for (Cell cell : table.cells()) {
                // a table whose cells are marked not applicable was answered: 不适用 is not forgetting
                anyFilled |= figures.isPresent(cell.index()) || figures.isNotApplicableCell(cell.index());
            }
            if (!anyFilled) {
                String label = String.join(" ", table.labels());
                findings.add(new Finding(SECTION_BLANK, Severity.WARNING, List.of(), null, null, null, new Message(
                        "“" + label + "”整表未填写。空白不等于零：如本年没有发生，请填写 0",
                        "The table '" + label + "' (" + table.code() + ") is wholly blank. Blank is not zero: if there"
                                + " was nothing to report, enter 0"),
                        List.of(), new Scope(Scope.Kind.TABLE, table.code(), table.code(), table.labels()), null, null,
                        List.of(), List.of(), null));
            }
        }
        return findings;
    }
}

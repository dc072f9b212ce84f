package org.opengovinfo.model.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;

/** Decodes a flat map of cell code → value into complete {@link Figures}, collecting every problem. */
final class FiguresDecoder {

    private FiguresDecoder() {}

    static Decoded decode(Template template, Map<String, ?> input) {
        int n = template.cellCount();
        long[] values = new long[n];
        long[] present = Bits.forCells(n);
        long[] notApplicable = Bits.forCells(n);
        List<Finding> problems = new ArrayList<>();
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            String code = entry.getKey();
            Object raw = entry.getValue();
            Optional<Cell> cell = template.cell(code);
            if (cell.isEmpty()) {
                problems.add(InputProblem.UNKNOWN_CELL.finding(code, raw, template.id()));
                continue;
            }
            CellValueParser.Parsed parsed = CellValueParser.parse(raw, cell.get());
            if (parsed.problem() != null) {
                problems.add(parsed.problem().finding(code, raw, parsed.detail()));
            } else if (parsed.notApplicable()) {
                Bits.set(notApplicable, cell.get().index());
            } else if (!parsed.blank()) {
                int i = cell.get().index();
                values[i] = parsed.value();
                Bits.set(present, i);
            }
        }
        long[] derived = Bits.forCells(n);
        if (problems.isEmpty()) {
            problems.addAll(complete(template, values, present, derived, null));
            markNotApplicableTotals(template, present, notApplicable);
        }
        return problems.isEmpty()
                ? new Decoded(Optional.of(new Figures(template, values, present, derived, notApplicable)), List.of())
                : new Decoded(Optional.empty(), problems);
    }

    /**
     * Marks not applicable every blank derived cell all of whose parts are not applicable, in derivation order (so
     * that a total of such totals follows): nothing can be added up there, and the unit said so for every part.
     */
    static void markNotApplicableTotals(Template template, long[] present, long[] notApplicable) {
        for (SumRule rule : template.rules().derivations()) {
            int total = rule.total().cell();
            if (Bits.get(present, total) || Bits.get(notApplicable, total) || rule.right().isEmpty()) {
                continue;
            }
            boolean all = true;
            for (Term part : rule.right()) {
                all &= Bits.get(notApplicable, part.cell());
            }
            if (all) {
                Bits.set(notApplicable, total);
            }
        }
    }

    /**
     * Computes every blank derived cell whose parts are partly or wholly filled, in derivation order, marking it
     * in {@code derived}. Parts in {@code unknown} (may be {@code null}) make the total unknown too.
     *
     * @return a problem for each total that would overflow; such a total stays blank
     */
    static List<Finding> complete(Template template, long[] values, long[] present, long[] derived, long[] unknown) {
        List<Finding> problems = List.of();
        for (SumRule rule : template.rules().derivations()) {
            int total = rule.total().cell();
            if (Bits.get(present, total) || unknown != null && Bits.get(unknown, total)) {
                continue;
            }
            long sum = 0;
            boolean any = false;
            boolean overflow = false;
            for (Term part : rule.right()) {
                int p = part.cell();
                if (unknown != null && Bits.get(unknown, p)) {
                    any = false;
                    Bits.set(unknown, total);
                    break;
                }
                if (Bits.get(present, p)) {
                    any = true;
                    try {
                        sum = Math.addExact(sum, values[p]);
                    } catch (ArithmeticException e) {
                        overflow = true;
                    }
                }
            }
            if (!any) {
                continue;
            }
            if (overflow) {
                if (problems.isEmpty()) {
                    problems = new ArrayList<>();
                }
                problems.add(InputProblem.DERIVED_OVERFLOW.finding(rule.total().code(), "", ""));
                continue;
            }
            values[total] = sum;
            Bits.set(present, total);
            Bits.set(derived, total);
        }
        return problems;
    }
}

package org.opengovinfo.model.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A plausibility rule for amounts in 万元: an amount far larger than the unit's size suggests is most likely
 * typed in 元. The bound is {@code max} per item of a related count cell when {@code perItemOf} is given (and
 * that cell is filled and positive), otherwise {@code max} per reporting unit, so the same rule holds for one
 * unit's report and for a consolidated total.
 *
 * @param cells amount cells, each checked on its own
 * @param max bound in 万元, per item or per reporting unit
 * @param perItemOf a count cell that scales the bound, or {@code null}
 */
public record AmountLimitRule(
        String id, Severity severity, Message message, List<Term> cells, BigDecimal max, Term perItemOf)
        implements Rule {

    private static final int AMOUNT_SCALE = 4;

    public AmountLimitRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(max, "max");
        cells = List.copyOf(cells);
        if (cells.isEmpty() || max.signum() <= 0) {
            throw new IllegalArgumentException("rule " + id + " needs amount cells and a positive max");
        }
        if (cells.stream().anyMatch(Term::previousYear) || (perItemOf != null && perItemOf.previousYear())) {
            throw new IllegalArgumentException("rule " + id + " cannot refer to the previous year");
        }
    }

    @Override
    public boolean isCrossYear() {
        return false;
    }

    @Override
    public void check(CellValues current, CellValues previous, RuleContext context, List<Finding> findings) {
        BigDecimal multiplier;
        if (perItemOf == null) {
            multiplier = BigDecimal.valueOf(context.reportingUnits());
        } else {
            int items = perItemOf.cell();
            if (!current.isPresent(items) || current.isUnknown(items) || current.value(items) <= 0) {
                return;
            }
            multiplier = BigDecimal.valueOf(current.value(items));
        }
        BigDecimal limit = max.multiply(multiplier);
        for (Term term : cells) {
            int cell = term.cell();
            if (!current.isPresent(cell) || current.isUnknown(cell)) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(current.value(cell), AMOUNT_SCALE);
            if (amount.compareTo(limit) > 0) {
                List<String> involved = perItemOf == null ? List.of(term.code()) : List.of(term.code(), perItemOf.code());
                findings.add(Finding.overLimit(id, severity, involved, amount, limit, message));
            }
        }
    }
}

package org.opengovinfo.model.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.template.Template;

/** The indicators one template defines, in the order of its data file; evaluates them on that template's figures. */
public final class IndicatorSet {

    private final Template template;
    private final List<Indicator> indicators;

    public IndicatorSet(Template template, List<Indicator> indicators) {
        this.template = Objects.requireNonNull(template, "template");
        this.indicators = List.copyOf(indicators);
        if (this.indicators.stream().map(Indicator::id).distinct().count() != this.indicators.size()) {
            throw new IllegalArgumentException("indicator ids must be unique");
        }
    }

    public Template template() {
        return template;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Every indicator on one report; {@code previous} is the same unit's report of the year before, or {@code null}. */
    public List<IndicatorValue> evaluate(Figures current, Figures previous) {
        return indicators.stream().map(i -> evaluate(i, current, previous)).toList();
    }

    /**
     * One indicator on one report. Not defined — never 0 — when a cell it needs is blank (blank is not zero), when it
     * needs last year's report and there is none or it lacks the cell, or when the denominator adds up to zero.
     */
    public IndicatorValue evaluate(Indicator indicator, Figures current, Figures previous) {
        if (current.template() != template) {
            throw new IllegalArgumentException("figures of template " + current.template().id() + ", indicators of "
                    + template.id());
        }
        if (indicator.needsPreviousYear() && (previous == null || previous.isEmpty())) {
            return IndicatorValue.notDefined(indicator, null, null, new NotDefined(NotDefined.NO_PREVIOUS_YEAR, List.of(),
                    new Message("需要上年数据，该单位没有上年的报告", "needs last year's figures, and the unit has no report for last year")));
        }
        List<String> otherFormat = new ArrayList<>();
        List<String> blank = new ArrayList<>();
        BigDecimal numerator = sum(indicator.numerator(), current, previous, otherFormat, blank);
        BigDecimal denominator = indicator.isRatio() ? sum(indicator.denominator(), current, previous, otherFormat, blank) : null;
        if (!otherFormat.isEmpty()) {
            return IndicatorValue.notDefined(indicator, null, null, new NotDefined(NotDefined.PREVIOUS_FORMAT, otherFormat,
                    new Message("上年报告的格式（" + previous.template().id() + "）没有单元格 " + String.join("、", otherFormat),
                            "last year's report is in format " + previous.template().id() + ", which has no cell "
                                    + String.join(", ", otherFormat))));
        }
        if (!blank.isEmpty()) {
            List<String> labels = blank.stream().map(this::label).toList();
            return IndicatorValue.notDefined(indicator, null, null, new NotDefined(NotDefined.BLANK_INPUT, blank,
                    new Message("以下单元格为空（空白不等于零）：" + String.join("；", labels),
                            "these cells are blank (blank is not zero): " + String.join("; ", blank))));
        }
        if (denominator != null && denominator.signum() == 0) {
            List<String> cells = indicator.denominator().stream().map(Term::written).toList();
            return IndicatorValue.notDefined(indicator, numerator, denominator, new NotDefined(NotDefined.DIVISION_BY_ZERO,
                    cells, new Message("分母（" + String.join(" + ", cells.stream().map(this::label).toList())
                            + "）为 0，比率没有意义", "the denominator (" + String.join(" + ", cells)
                            + ") is 0, so the rate is not defined")));
        }
        return IndicatorValue.of(indicator, numerator, denominator);
    }

    /** An indicator this format does not define, for a report of it. */
    public static IndicatorValue notInFormat(Indicator indicator, Template template) {
        return IndicatorValue.notDefined(indicator, null, null, new NotDefined(NotDefined.NOT_IN_FORMAT, List.of(),
                new Message(template.name() + "没有定义" + indicator.labelZh(),
                        "the " + template.id() + " format does not define " + indicator.labelEn())));
    }

    private static BigDecimal sum(List<Term> terms, Figures current, Figures previous, List<String> otherFormat,
                                  List<String> blank) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term t : terms) {
            Figures figures = t.previousYear() ? previous : current;
            String written = (t.previousYear() ? Term.PREVIOUS : "") + t.cell();
            if (figures.template().indexOf(t.cell()) < 0) {
                if (!otherFormat.contains(written)) {
                    otherFormat.add(written);
                }
                continue;
            }
            Optional<BigDecimal> value = figures.value(t.cell());
            if (value.isEmpty()) {
                if (!blank.contains(written)) {
                    blank.add(written);
                }
                continue;
            }
            sum = t.subtracted() ? sum.subtract(value.get()) : sum.add(value.get());
        }
        return sum;
    }

    private String label(String written) {
        return written.startsWith(Term.PREVIOUS)
                ? "上年 " + template.label(written.substring(Term.PREVIOUS.length())) : template.label(written);
    }
}

package org.opengovinfo.service.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Indicators, rankings and risk flags as CSV for a city office to open in Excel: UTF-8 with a byte order mark, labels
 * and reasons in the reader's language, and text that Excel would run as a formula kept as text.
 */
final class IndicatorsCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private IndicatorsCsv() {}

    static String indicators(UnitIndicators u, boolean english) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorView v : u.indicators()) {
            rows.add(List.of(u.unit(), u.source(), v.indicator(), text(english ? v.labelEn() : v.labelZh()), v.unit(),
                    plain(v.value()), plain(v.numerator()), plain(v.denominator()), notDefined(v.notDefined(), english)));
        }
        return write(List.of("unit", "source", "indicator", "label", "indicator_unit", "value", "numerator",
                "denominator", "not_defined"), rows);
    }

    /**
     * One line per child and indicator ({@code row} {@code ranked} or {@code not_defined}), then one per statistic of
     * the spread ({@code row} {@code weighted_mean}, {@code median}, {@code p10}, {@code p90}, {@code p90_minus_p10}).
     */
    static String rankings(Rankings r, boolean english) {
        List<List<Object>> rows = new ArrayList<>();
        for (Rankings.IndicatorRanking i : r.rankings()) {
            String label = text(english ? i.labelEn() : i.labelZh());
            for (Rankings.RankedChild c : i.ranked()) {
                rows.add(List.of(i.indicator(), label, "ranked", c.rank(), c.unit(), text(c.name()), c.source(),
                        plain(c.value()), plain(c.numerator()), plain(c.denominator()), ""));
            }
            for (Rankings.ChildNotDefined c : i.notDefined()) {
                rows.add(List.of(i.indicator(), label, "not_defined", "", c.unit(), text(c.name()), c.source(), "", "", "",
                        notDefined(c.notDefined(), english)));
            }
            Rankings.Spread s = i.spread();
            if (s != null) {
                String[] names = {"weighted_mean", "median", "p10", "p90", "p90_minus_p10"};
                BigDecimal[] values = {s.weightedMean(), s.median(), s.p10(), s.p90(), s.p90MinusP10()};
                for (int k = 0; k < names.length; k++) {
                    rows.add(List.of(i.indicator(), label, names[k], "", "", "", "", plain(values[k]), "", "", ""));
                }
            }
        }
        return write(List.of("indicator", "label", "row", "rank", "unit", "name", "source", "value", "numerator",
                "denominator", "not_defined"), rows);
    }

    static String risks(Risks r, boolean english) {
        List<List<Object>> rows = new ArrayList<>();
        for (Risks.UnitRisk f : r.flags()) {
            rows.add(List.of(f.unit(), text(f.name()), f.kind(), f.parent() == null ? "" : f.parent(), f.source(),
                    f.level(), f.value().indicator(), text(english ? f.value().labelEn() : f.value().labelZh()),
                    plain(f.value().value()), plain(f.value().numerator()), plain(f.value().denominator()), f.direction(),
                    plain(f.threshold()), plain(f.volume().value()), text(english ? f.messageEn() : f.messageZh())));
        }
        return write(List.of("unit", "name", "kind", "parent", "source", "level", "indicator", "label", "value",
                "numerator", "denominator", "direction", "threshold", "volume", "message"), rows);
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try {
            return "\uFEFF" + MAPPER.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    private static String notDefined(IndicatorView.NotDefinedView n, boolean english) {
        return n == null ? "" : text(n.code() + ": " + (english ? n.reasonEn() : n.reasonZh()));
    }

    /** Text Excel would run as a formula (a unit named "=…") is kept as text. */
    private static String text(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}

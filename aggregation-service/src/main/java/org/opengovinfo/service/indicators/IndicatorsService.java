package org.opengovinfo.service.indicators;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.indicator.Indicator;
import org.opengovinfo.model.indicator.IndicatorSet;
import org.opengovinfo.model.indicator.IndicatorValue;
import org.opengovinfo.model.indicator.Indicators;
import org.opengovinfo.model.indicator.NotDefined;
import org.opengovinfo.model.indicator.Ranking;
import org.opengovinfo.model.indicator.RiskFlag;
import org.opengovinfo.model.indicator.RiskFlags;
import org.opengovinfo.model.indicator.RiskSettings;
import org.opengovinfo.model.rule.Message;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.ReportYears;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * Indicators of a unit's figures, rankings of the units below it, and risk flags across its subtree. Computed from the
 * current figures and the latest snapshots on every call (nothing is stored), by the model's indicator definitions.
 */
@Singleton
public class IndicatorsService {

    static final String PERCENTILES = "linear interpolation between closest ranks (Hyndman–Fan type 7, as Excel "
            + "PERCENTILE.INC): h = (n − 1)·p, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋)";

    private final UnitService units;
    private final CurrentFigures figures;
    private final Templates templates;
    private final Indicators indicators;
    private final RiskSettings risks;
    private final ConsolidatedFigures consolidated;

    IndicatorsService(UnitService units, CurrentFigures figures, Templates templates, Indicators indicators,
                      RiskSettings risks, ConsolidatedFigures consolidated) {
        this.units = units;
        this.figures = figures;
        this.templates = templates;
        this.indicators = indicators;
        this.risks = risks;
        this.consolidated = consolidated;
    }

    /** Figures to compute from, where they come from, and last year's of the same source if wanted and there. */
    private record Basis(Source source, String snapshot, Figures current, Figures previous) {
    }

    /** A unit's indicators of its own or its consolidated figures. */
    public UnitIndicators indicators(String unitId, int year, Source source) {
        Unit unit = units.get(unitId);
        units.subtreeHierarchy(unitId, year); // refuses a unit not in force that year
        Template template = template(year);
        Basis basis;
        if (source == Source.OWN) {
            CurrentFigures.Current c = figures.of(year).units().get(unitId);
            if (c == null) {
                throw ErrorCode.SUBMISSION_NONE.problem(unitId, year);
            }
            basis = new Basis(Source.OWN, null, c.own(), previousOwn(unitId, year));
        } else {
            ConsolidatedFigures.Consolidated c = consolidated.latest(unitId, year)
                    .orElseThrow(() -> ErrorCode.ROLLUP_NONE.problem(unitId, year));
            basis = new Basis(Source.CONSOLIDATED, c.snapshot(), c.figures(), previousConsolidated(unitId, year));
        }
        List<IndicatorView> views = indicators.of(basis.current().template())
                .evaluate(basis.current(), basis.previous()).stream().map(IndicatorView::of).toList();
        return new UnitIndicators(unitId, unit.name(), year, template.id(), source.code(), basis.snapshot(),
                basis.previous() != null, views);
    }

    /** The units directly below {@code unitId} ranked by each indicator, or by the one asked for. */
    public Rankings rankings(String unitId, int year, @Nullable String indicatorId) {
        Unit unit = units.get(unitId);
        Hierarchy tree = units.subtreeHierarchy(unitId, year);
        Template template = template(year);
        IndicatorSet set = indicators.of(template);
        List<Indicator> asked = indicatorId == null ? set.indicators() : List.of(set.indicator(indicatorId).orElseThrow(
                () -> ErrorCode.INDICATOR_UNKNOWN.problem(Redaction.clip(indicatorId), template.id(),
                        String.join(", ", set.indicators().stream().map(Indicator::id).toList()))));
        int top = tree.indexOf(unitId);
        if (tree.children(top).length == 0) {
            throw ErrorCode.RANKING_NOTHING_BELOW.problem(year, unitId);
        }
        Map<String, Unit> all = units.all();
        List<String> children = new ArrayList<>();
        List<Basis> bases = new ArrayList<>();
        for (int c : tree.children(top)) {
            String child = tree.unit(c);
            children.add(child);
            bases.add(basis(child, year, tree.children(c).length > 0, true));
        }
        List<Rankings.IndicatorRanking> rankings = new ArrayList<>();
        for (Indicator indicator : asked) {
            List<Ranking.UnitValue> values = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                values.add(new Ranking.UnitValue(children.get(i), value(indicator, bases.get(i), set)));
            }
            rankings.add(view(Ranking.of(indicator, values), all, children, bases));
        }
        return new Rankings(unitId, unit.name(), year, template.id(), children.size(), PERCENTILES, rankings);
    }

    /** Every risk flag on the figures of the subtree, the unit itself included. */
    public Risks risks(String unitId, int year) {
        Unit unit = units.get(unitId);
        Hierarchy tree = units.subtreeHierarchy(unitId, year);
        Template template = template(year);
        IndicatorSet set = indicators.of(template);
        Map<String, Unit> all = units.all();
        List<Risks.UnitRisk> flags = new ArrayList<>();
        List<String> withoutFigures = new ArrayList<>();
        int checked = 0;
        for (int u : tree.order()) {
            String id = tree.unit(u);
            Basis basis = basis(id, year, tree.children(u).length > 0, false);
            if (basis.current() == null || basis.current().template() != template) {
                withoutFigures.add(id);
                continue;
            }
            checked++;
            String parent = tree.parent(u) < 0 ? null : tree.unit(tree.parent(u));
            Unit found = all.get(id);
            for (RiskFlag f : RiskFlags.raised(set.evaluate(basis.current(), null), risks)) {
                Message m = f.message();
                flags.add(new Risks.UnitRisk(id, found.name(), found.kind().code(), parent, basis.source().code(),
                        basis.snapshot(), f.level().code(), f.direction().code(), f.threshold(), IndicatorView.of(f.value()),
                        IndicatorView.of(f.volume()), Languages.english() ? m.en() : m.zh(), m.zh(), m.en()));
            }
        }
        Map<String, Integer> byLevel = new TreeMap<>(Map.of("red", 0, "yellow", 0));
        flags.forEach(f -> byLevel.merge(f.level(), 1, Integer::sum));
        Risks.Settings settings = new Risks.Settings(risks.volumeIndicator(), risks.minimumVolume(),
                risks.thresholds().stream().map(t -> new Risks.Threshold(t.indicator(), t.direction().code(), t.red(),
                        t.yellow())).toList());
        return new Risks(unitId, unit.name(), year, template.id(), settings, checked, withoutFigures, byLevel, flags);
    }

    /**
     * A unit's figures to judge: a consolidating unit's consolidated figures from its latest snapshot, a leaf's own.
     * {@code current} is {@code null} when there are none (nothing submitted, a blank report, no rollup yet).
     */
    private Basis basis(String unit, int year, boolean consolidating, boolean withPreviousYear) {
        if (consolidating) {
            var c = consolidated.latest(unit, year);
            return new Basis(Source.CONSOLIDATED, c.map(ConsolidatedFigures.Consolidated::snapshot).orElse(null),
                    c.map(ConsolidatedFigures.Consolidated::figures).orElse(null),
                    withPreviousYear && c.isPresent() ? previousConsolidated(unit, year) : null);
        }
        CurrentFigures.Current c = figures.of(year).units().get(unit);
        return new Basis(Source.OWN, null, c == null || c.blank() ? null : c.own(),
                withPreviousYear ? previousOwn(unit, year) : null);
    }

    private IndicatorValue value(Indicator indicator, Basis basis, IndicatorSet set) {
        if (basis.current() == null) {
            Message why = basis.source() == Source.CONSOLIDATED
                    ? new Message("尚未汇总（没有汇总快照）", "not rolled up yet (no snapshot)")
                    : new Message("没有填报数据", "no figures submitted");
            return IndicatorValue.notDefined(indicator, null, null, new NotDefined(NotDefined.NO_FIGURES, List.of(), why));
        }
        if (basis.current().template() != set.template()) {
            return IndicatorSet.notInFormat(indicator, basis.current().template());
        }
        return set.evaluate(indicator, basis.current(), basis.previous());
    }

    private static Rankings.IndicatorRanking view(Ranking ranking, Map<String, Unit> all, List<String> children,
                                                  List<Basis> bases) {
        Indicator i = ranking.indicator();
        List<Rankings.RankedChild> ranked = ranking.ranked().stream().map(r -> {
            Basis b = bases.get(children.indexOf(r.unit()));
            return new Rankings.RankedChild(r.rank(), r.unit(), all.get(r.unit()).name(), b.source().code(), b.snapshot(),
                    r.value().value(), r.value().numerator(), r.value().denominator());
        }).toList();
        List<Rankings.ChildNotDefined> notDefined = ranking.notDefined().stream().map(u -> {
            Basis b = bases.get(children.indexOf(u.unit()));
            return new Rankings.ChildNotDefined(u.unit(), all.get(u.unit()).name(), b.source().code(), b.snapshot(),
                    IndicatorView.NotDefinedView.of(u.value().notDefined()));
        }).toList();
        Ranking.Spread s = ranking.spread();
        return new Rankings.IndicatorRanking(i.id(), Languages.english() ? i.labelEn() : i.labelZh(), i.labelZh(),
                i.labelEn(), i.unit(), ranked, notDefined, s == null ? null
                : new Rankings.Spread(s.count(), s.weightedMean(), s.median(), s.p10(), s.p90(), s.p90MinusP10()));
    }

    private Figures previousOwn(String unit, int year) {
        if (year <= ReportYears.FIRST) {
            return null;
        }
        CurrentFigures.Current c = figures.of(year - 1).units().get(unit);
        return c == null || c.blank() ? null : c.own();
    }

    private Figures previousConsolidated(String unit, int year) {
        return year <= ReportYears.FIRST ? null
                : consolidated.latest(unit, year - 1).map(ConsolidatedFigures.Consolidated::figures).orElse(null);
    }

    private Template template(int year) {
        return templates.forYear(year).orElseThrow(() -> ErrorCode.TEMPLATE_NONE_FOR_YEAR.problem(year));
    }
}

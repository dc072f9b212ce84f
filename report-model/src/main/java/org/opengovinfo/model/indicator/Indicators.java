package org.opengovinfo.model.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * The indicators of every template: {@code <base><template id>.indicators.json} beside each template's files, and
 * the default risk flags in {@code <base>risk-flags.json}. Adding an indicator is adding an entry to a data file.
 * Immutable and safe to share.
 */
public final class Indicators {

    static final String BASE = "report-templates/";

    private static final class Bundled {
        static final Indicators INSTANCE = load(Indicators.class.getClassLoader(), BASE, Templates.bundled());
        static final RiskSettings RISKS = riskSettings(Indicators.class.getClassLoader(), BASE, INSTANCE);
    }

    private final Map<String, IndicatorSet> byTemplate;

    private Indicators(Map<String, IndicatorSet> byTemplate) {
        this.byTemplate = Map.copyOf(byTemplate);
    }

    /**
     * The indicators shipped with the model, for the bundled templates.
     *
     * @throws IndicatorDefinitionException on first use if a file is missing or malformed, naming it
     */
    public static Indicators bundled() {
        return Bundled.INSTANCE;
    }

    static RiskSettings defaultRiskSettings() {
        return Bundled.RISKS;
    }

    /** Loads the indicator file of each template from the class loader's resources. */
    public static Indicators load(ClassLoader loader, String base, Templates templates) {
        Map<String, IndicatorSet> sets = new LinkedHashMap<>();
        for (Template template : templates.all()) {
            String file = base + template.id() + ".indicators.json";
            sets.put(template.id(), IndicatorReader.indicators(file, loader.getResourceAsStream(file), template));
        }
        return new Indicators(sets);
    }

    /**
     * Reads risk flag settings and checks that every indicator they name is defined by some template.
     *
     * @throws IndicatorDefinitionException naming the file and the problem
     */
    public static RiskSettings riskSettings(ClassLoader loader, String base, Indicators indicators) {
        String file = base + "risk-flags.json";
        RiskSettings settings = IndicatorReader.riskFlags(file, loader.getResourceAsStream(file));
        indicators.requireKnown(file + ": $.volume.indicator", settings.volumeIndicator());
        for (int i = 0; i < settings.thresholds().size(); i++) {
            indicators.requireKnown(file + ": $.flags[" + i + "].indicator", settings.thresholds().get(i).indicator());
        }
        return settings;
    }

    private void requireKnown(String where, String id) {
        if (byTemplate.values().stream().noneMatch(s -> s.indicator(id).isPresent())) {
            throw new IndicatorDefinitionException(where + ": no template defines indicator '" + id + "'");
        }
    }

    /** The indicators of a template. */
    public IndicatorSet of(Template template) {
        IndicatorSet set = byTemplate.get(template.id());
        if (set == null || set.template() != template) {
            throw new IllegalArgumentException("no indicators for template " + template.id());
        }
        return set;
    }

    /** An indicator as some template defines it (for its labels), the newest format first. */
    public Optional<Indicator> anyNamed(String id) {
        List<IndicatorSet> sets = List.copyOf(byTemplate.values());
        for (int i = sets.size() - 1; i >= 0; i--) {
            Optional<Indicator> found = sets.get(i).indicator(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

package org.opengovinfo.model.consolidation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.model.template.Template;

/** The result of consolidating one hierarchy: a consolidated report for every consolidating unit. Immutable. */
public final class Consolidation {

    private final Template template;
    private final Map<String, ConsolidatedUnit> units;

    Consolidation(Template template, List<ConsolidatedUnit> units) {
        this.template = template;
        this.units = new LinkedHashMap<>();
        units.forEach(u -> this.units.put(u.unit(), u));
    }

    public Template template() {
        return template;
    }

    /** Every consolidating unit's report, parents before children. */
    public List<ConsolidatedUnit> units() {
        return List.copyOf(units.values());
    }

    /** The consolidated report of a unit, or empty if nothing reports to it. */
    public Optional<ConsolidatedUnit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }
}

package org.opengovinfo.model.consolidation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.figures.FiguresAccumulator;
import org.opengovinfo.model.template.Template;

/** The result of consolidating one hierarchy: a consolidated report for every consolidating unit. Immutable. */
public final class Consolidation {

    private final Template template;
    private final Map<String, ConsolidatedUnit> units;
    private final Memory memory;

    Consolidation(Template template, List<ConsolidatedUnit> units, Memory memory) {
        this.template = template;
        this.memory = memory;
        this.units = new LinkedHashMap<>();
        units.forEach(u -> this.units.put(u.unit(), u));
    }

    /**
     * What the engine computed for each unit, by unit number, kept so that the next consolidation of the same
     * hierarchy can take whatever did not change (see {@link Consolidator#consolidate(Consolidation, Template,
     * Hierarchy, Figures[], Figures[])}). Never handed out and never changed after the consolidation is made.
     */
    record Memory(Hierarchy hierarchy, Figures[] own, Figures[] declared, int[] subtree, FiguresAccumulator[] sums,
                  Figures[] totals, ConsolidatedUnit[] results) {
    }

    /** What this consolidation remembers, if it consolidated {@code template} over {@code hierarchy}; else null. */
    Memory memory(Template template, Hierarchy hierarchy) {
        return memory != null && this.template == template && memory.hierarchy() == hierarchy ? memory : null;
    }

    /** The consolidated report of the unit numbered {@code i} in its hierarchy, or null if it does not consolidate. */
    public ConsolidatedUnit unitAt(int i) {
        return memory.results()[i];
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

package org.opengovinfo.service.indicators;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.rollups.RollupService;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.ProblemException;

/**
 * A consolidating unit's consolidated figures from its latest rollup snapshot, as model figures. The one place this
 * feature reads rollups, so that a change in how snapshots are typed is adapted here alone.
 */
@Singleton
class ConsolidatedFigures {

    /** The consolidated figures and the snapshot they come from. */
    record Consolidated(String snapshot, Figures figures) {
    }

    private final RollupService rollups;
    private final Templates templates;

    ConsolidatedFigures(RollupService rollups, Templates templates) {
        this.rollups = rollups;
        this.templates = templates;
    }

    /** The unit's consolidated figures of the newest snapshot that consolidated it for the year; empty if none has. */
    Optional<Consolidated> latest(String unit, int year) {
        RollupService.Entry entry;
        try {
            entry = rollups.latestEntry(unit, year);
        } catch (ProblemException e) {
            if (e.error() == ErrorCode.ROLLUP_NONE) {
                return Optional.empty();
            }
            throw e;
        }
        Template template = templates.byId(entry.template()).orElseThrow(() -> new IllegalStateException(
                "snapshot " + entry.snapshot() + " names template " + entry.template() + ", which is unknown"));
        Map<String, BigDecimal> cells = entry.consolidated();
        return Optional.of(new Consolidated(entry.snapshot(), Figures.of(template, cells == null ? Map.of() : cells)));
    }
}

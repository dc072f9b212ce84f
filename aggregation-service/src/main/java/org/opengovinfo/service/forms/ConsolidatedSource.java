package org.opengovinfo.service.forms;

import jakarta.inject.Singleton;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.rollups.RollupService;

/**
 * The one place the forms read consolidated figures: a unit's part of the latest snapshot of a year, or of a given
 * one, through {@link RollupService}'s public methods (which refuse a missing snapshot, one of another year or one
 * without the unit, and record the snapshot as read).
 */
@Singleton
class ConsolidatedSource {

    private final RollupService rollups;
    private final Templates templates;

    ConsolidatedSource(RollupService rollups, Templates templates) {
        this.rollups = rollups;
        this.templates = templates;
    }

    /** A unit's consolidated figures and the snapshot they come from. */
    record Consolidated(String snapshot, Figures figures) {
    }

    Consolidated of(String unit, int year, String snapshot) {
        RollupService.Entry entry = snapshot == null ? rollups.latestEntry(unit, year) : rollups.entry(snapshot, unit, year);
        return new Consolidated(entry.snapshot(),
                Figures.of(templates.byId(entry.template()).orElseThrow(), entry.consolidated()));
    }
}

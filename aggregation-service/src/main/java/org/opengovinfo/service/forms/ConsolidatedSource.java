package org.opengovinfo.service.forms;

import jakarta.inject.Singleton;
import java.util.Map;
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

    @SuppressWarnings("unchecked")
    Consolidated of(String unit, int year, String snapshot) {
        Map<String, Object> entry = snapshot == null ? rollups.latestEntry(unit, year) : rollups.entry(snapshot, unit, year);
        String template = (String) entry.get("template");
        Map<String, Object> cells = (Map<String, Object>) entry.get("consolidated");
        return new Consolidated((String) entry.get("snapshot"),
                Figures.of(templates.byId(template).orElseThrow(), cells));
    }
}

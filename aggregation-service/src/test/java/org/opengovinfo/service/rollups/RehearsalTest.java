package org.opengovinfo.service.rollups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * The rollup rehearsed after a start (made-up units, nothing stored) runs on every year's template, and the part it
 * encodes reads back as it was written: the rehearsal meets the real path, not a shortcut.
 */
class RehearsalTest {

    @Test
    void everyTemplatesRehearsalEncodesItsTopPartAndReadsItBackUnchanged() {
        Templates templates = Templates.bundled();
        int rehearsed = 0;
        for (Template template : templates.all()) {
            assertEquals(1, RollupService.rehearse(template), template.id());
            rehearsed++;
        }
        assertEquals(templates.all().size(), rehearsed);
    }
}

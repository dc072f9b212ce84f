package org.opengovinfo.service.submissions;

import java.time.Instant;

/**
 * One stored version of a unit's figures for a year, as JSON text of the cells given.
 *
 * @param declared JSON of the declared values, or {@code null}
 * @param changes JSON list of the cells that changed from the version before, as stored before change lists were
 *     derived on read; {@code null} since
 * @param revision the year revision it was stored at (see {@code YearRevisions})
 */
record StoredSubmission(String unit, int year, int version, String template, String figures, String declared,
                        String contentHash, String submittedBy, Instant submittedAt, String changes, long revision) {
}

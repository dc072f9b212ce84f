package org.opengovinfo.service.publications;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.opengovinfo.service.rollups.RollupViews;

/**
 * What changed between two publications of a unit's year, and why.
 *
 * @param reasons the reopening of the publication and every return and reopening of a report below it in between
 * @param cells the snapshots' diff: changed units with their versions, and every consolidated cell that moved
 */
@Serdeable
public record PublicationDiff(String unit, int year, PublicationView from, PublicationView to, List<Reason> reasons,
                              RollupViews.Diff cells) {

    /** One step that explains a change: who did what to which unit when, with its detail (JSON text). */
    @Serdeable
    public record Reason(Instant at, String principal, String action, String unit, String detail) {
    }
}

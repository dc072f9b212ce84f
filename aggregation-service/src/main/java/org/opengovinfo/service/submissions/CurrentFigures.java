package org.opengovinfo.service.submissions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.service.system.YearRevisions;

/**
 * The current figures of every unit for a year, kept in memory between rollups.
 *
 * <p>Correct with several instances on one database: every write bumps the year's revision in its own
 * transaction, and a load reads the revision <em>before</em> the figures, so a cached year can only be newer than
 * its revision says, never older. A rollup reuses the cache only while the revision is unchanged.
 */
@Singleton
public class CurrentFigures {

    /** One unit's current submission. {@code declared} may be {@code null}. */
    public record Current(int version, Figures own, Figures declared) {
    }

    /** A year's figures as loaded at {@code revision}, by unit id. */
    public record OfYear(int year, long revision, Map<String, Current> units, Map<String, Instant> firstSubmitted) {
    }

    private final SubmissionRepository submissions;
    private final SubmissionService service;
    private final YearRevisions revisions;
    private final Map<Integer, OfYear> cache = new ConcurrentHashMap<>();

    CurrentFigures(SubmissionRepository submissions, SubmissionService service, YearRevisions revisions) {
        this.submissions = submissions;
        this.service = service;
        this.revisions = revisions;
    }

    @Transactional(readOnly = true)
    public OfYear of(int year) {
        long revision = revisions.year(year);
        OfYear cached = cache.get(year);
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        Map<String, Current> units = new HashMap<>();
        for (StoredSubmission s : submissions.currentOfYear(year)) {
            units.put(s.unit(), new Current(s.version(), service.figures(s), service.declared(s)));
        }
        OfYear loaded = new OfYear(year, revision, Map.copyOf(units), Map.copyOf(submissions.firstSubmitted(year)));
        cache.put(year, loaded);
        return loaded;
    }
}

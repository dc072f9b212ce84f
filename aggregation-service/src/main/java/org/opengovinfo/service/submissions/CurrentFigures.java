package org.opengovinfo.service.submissions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.service.season.FiguresOnRecord;
import org.opengovinfo.service.system.LayeredMap;
import org.opengovinfo.service.system.YearRevisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current figures of every unit for a year, kept in memory between rollups and brought up to date by reading
 * only the versions stored since.
 *
 * <p>Exact with several instances on one database: writers of a year hold its revision row until they commit, so
 * revisions are assigned in commit order and every version stored at or before revision R is visible once R is.
 * A year is loaded as it stood at the revision read first, and caught up later from the versions stored after it.
 */
@Singleton
public class CurrentFigures implements FiguresOnRecord {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentFigures.class);

    /** One unit's current submission. {@code declared} may be {@code null}. */
    public record Current(int version, Figures own, Figures declared) {

        /**
         * No value at all, own or declared: stored, but not a report (blank is not zero). A cell marked not
         * applicable is an answer, so figures holding only such marks are a report.
         */
        public boolean blank() {
            return own.isEmpty() && (declared == null || declared.isEmpty());
        }
    }

    /** A year's figures exactly as they stood at {@code revision}, by unit id. */
    public record OfYear(int year, long revision, Map<String, Current> units, Map<String, Instant> firstSubmitted) {
    }

    private final SubmissionRepository submissions;
    private final SubmissionService service;
    private final YearRevisions revisions;
    private final Map<Integer, OfYear> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Object> loading = new ConcurrentHashMap<>();
    /** The last catch-ups of each year, oldest first; a full load forgets them. */
    private final Map<Integer, Deque<Step>> changes = new ConcurrentHashMap<>();
    private static final int STEPS = 256;
    /** Per year, how many versions were caught up on (read or handed over, not from a checkpoint) since the last one. */
    private final Map<Integer, Long> sinceCheckpoint = new ConcurrentHashMap<>();
    private final FiguresCheckpoints checkpoints;
    private final JustStored justStored;

    CurrentFigures(SubmissionRepository submissions, SubmissionService service, YearRevisions revisions,
                   FiguresCheckpoints checkpoints, JustStored justStored) {
        this.justStored = justStored;
        this.submissions = submissions;
        this.service = service;
        this.revisions = revisions;
        this.checkpoints = checkpoints;
    }

    /**
     * The year's figures as of its current revision. One caller at a time brings a year up to date; the others wait
     * for it rather than load the same year beside it.
     */
    @Transactional(readOnly = true)
    public OfYear of(int year) {
        OfYear cached = cache.get(year);
        if (cached != null && cached.revision() == revisions.year(year)) {
            return cached;
        }
        synchronized (loading.computeIfAbsent(year, y -> new Object())) {
            long revision = revisions.year(year);
            cached = cache.get(year);
            if (cached != null && cached.revision() == revision) {
                return cached;
            }
            long[] readFromRows = {0};
            OfYear loaded = cached == null || cached.revision() > revision ? load(year, revision, readFromRows)
                    : catchUp(cached, revision, readFromRows);
            cache.put(year, loaded);
            checkpointIfDue(loaded, readFromRows[0]);
            return loaded;
        }
    }

    /** Counts the versions just caught up on, and checkpoints the year in the background if one is due. */
    private void checkpointIfDue(OfYear year, long read) {
        long changed = sinceCheckpoint.merge(year.year(), read, Long::sum);
        if (checkpoints.due(year, changed)) {
            checkpoints.writeLater(year, from -> changedSince(year.year(), from, year.revision()),
                    () -> sinceCheckpoint.merge(year.year(), -changed, Long::sum));
        }
    }

    /**
     * At a graceful stop, checkpoints each year held whose versions since the last checkpoint are in none, if it is
     * the year as stored now: the next start then reads the checkpoint and no versions. Killed, a start catches up
     * from the stored versions as always.
     */
    @PreDestroy
    void checkpointAtStop() {
        for (OfYear year : List.copyOf(cache.values())) {
            if (sinceCheckpoint.getOrDefault(year.year(), 0L) > 0) {
                try {
                    checkpoints.writeAtStop(year, from -> changedSince(year.year(), from, year.revision()));
                } catch (RuntimeException | InterruptedException e) {
                    LOG.warn("Could not checkpoint the figures of {} at the stop; the next start reads the versions "
                            + "stored since the last checkpoint: {}", year.year(), e.toString());
                }
            }
        }
    }

    /** One unit's figures at a given version (for a rollup over accepted figures when the current one moved on). */
    @Transactional(readOnly = true)
    public Current version(String unit, int year, int version) {
        return current(service.version(unit, year, version));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean blank(String unit, int year, int version) {
        return version(unit, year, version).blank();
    }

    /** The year's revision in the database now. */
    @Transactional(readOnly = true)
    public long revision(int year) {
        return revisions.year(year);
    }

    /** The units with a figures version stored after revision {@code after} up to {@code upTo}. */
    @Transactional(readOnly = true)
    public Set<String> storedBetween(int year, long after, long upTo) {
        Set<String> units = new HashSet<>();
        for (StoredSubmission s : submissions.storedBetweenWithoutFigures(year, after, upTo)) {
            units.add(s.unit());
        }
        return units;
    }

    /** The newest report year anyone has submitted figures for, if any. */
    @Transactional(readOnly = true)
    public Optional<Integer> latestYear() {
        return submissions.latestYear();
    }

    /** Each unit's version in the figures of {@code year} as they stood at {@code revision}. */
    @Transactional(readOnly = true)
    public Map<String, Integer> versionsAt(int year, long revision) {
        return submissions.versionsAt(year, revision);
    }

    /**
     * The year at {@code revision}: from the newest checkpoint and the versions stored after it, or without one from
     * every unit's stored figures.
     */
    private OfYear load(int year, long revision, long[] readFromRows) {
        changes.remove(year); // what changed before this load is no longer a way from a state anyone holds to this one
        justStored.forget(year);
        long start = System.nanoTime();
        Optional<OfYear> checkpoint = checkpoints.newest(year, revision);
        if (checkpoint.isPresent()) {
            sinceCheckpoint.put(year, 0L);
            long read = System.nanoTime();
            OfYear loaded = checkpoint.get().revision() == revision ? checkpoint.get()
                    : catchUp(checkpoint.get(), revision, readFromRows);
            LOG.info("Read the figures of {} units for {} at revision {}: from the checkpoint at revision {} in {} ms, "
                    + "then {} versions stored since in {} ms", loaded.units().size(), year, revision,
                    checkpoint.get().revision(), (read - start) / 1_000_000, readFromRows[0],
                    (System.nanoTime() - read) / 1_000_000);
            return loaded;
        }
        checkpoints.forget(year); // nothing to build checkpoints of changes on
        Map<String, Current> units = new HashMap<>();
        submissions.atRevision(year, revision, s -> units.put(s.unit(), current(s)));
        readFromRows[0] += units.size();
        LOG.info("Read the figures of {} units for {} at revision {} from the versions stored, no checkpoint, in {} ms",
                units.size(), year, revision, (System.nanoTime() - start) / 1_000_000);
        return new OfYear(year, revision, Collections.unmodifiableMap(units),
                Collections.unmodifiableMap(submissions.firstSubmitted(year, revision)));
    }

    private OfYear catchUp(OfYear cached, long revision, long[] readFromRows) {
        // first which versions were stored, then the text of only those this instance did not store itself; with
        // none of its own kept (a start, another instance's writes), every version's text in one pass
        List<StoredSubmission> versions = new ArrayList<>();
        if (justStored.holdsAny(cached.year())) {
            versions.addAll(submissions.storedBetweenWithoutFigures(cached.year(), cached.revision(), revision));
        } else {
            Map<UnitVersion, Current> all = new HashMap<>();
            submissions.storedBetween(cached.year(), cached.revision(), revision, s -> {
                // the row without its text: a catch-up over a whole ingest must not hold 186,667 texts at once
                versions.add(new StoredSubmission(s.unit(), s.year(), s.version(), s.template(), null, null,
                        s.contentHash(), s.submittedBy(), s.submittedAt(), null, s.revision()));
                all.put(UnitVersion.of(s), current(s));
            });
            return caughtUp(cached, revision, versions, Map.of(), all, readFromRows);
        }
        Map<StoredSubmission, Current> handedOver = new IdentityHashMap<>();
        Set<UnitVersion> toRead = new HashSet<>();
        for (StoredSubmission s : versions) {
            Current mine = justStored.take(s);
            if (mine != null) {
                handedOver.put(s, mine);
            } else {
                toRead.add(UnitVersion.of(s));
            }
        }
        Map<UnitVersion, Current> read = new HashMap<>();
        if (!toRead.isEmpty()) {
            submissions.storedBetween(cached.year(), cached.revision(), revision, s -> {
                UnitVersion key = UnitVersion.of(s);
                if (toRead.contains(key)) {
                    read.put(key, current(s));
                }
            });
        }
        return caughtUp(cached, revision, versions, handedOver, read, readFromRows);
    }

    /** A unit's version of the year being caught up on. */
    private record UnitVersion(String unit, int version) {
        static UnitVersion of(StoredSubmission s) {
            return new UnitVersion(s.unit(), s.version());
        }
    }

    /** The year caught up on {@code versions}, in the order stored, each taken as handed over or as read. */
    private OfYear caughtUp(OfYear cached, long revision, List<StoredSubmission> versions,
                            Map<StoredSubmission, Current> handedOver, Map<UnitVersion, Current> read, long[] readFromRows) {
        Map<String, Current> stored = new HashMap<>();
        Map<String, Instant> newcomers = new HashMap<>();
        for (StoredSubmission s : versions) {
            readFromRows[0]++;
            Current c = handedOver.containsKey(s) ? handedOver.get(s) : read.get(UnitVersion.of(s));
            if (c == null) {
                // stored in the range when listed, so read with it: only a version deleted between the two reads
                // (none are) could be missing
                throw new IllegalStateException("version " + s.version() + " of " + s.unit() + " was listed but not read");
            }
            stored.put(s.unit(), c);
            if (!c.blank() && !cached.firstSubmitted().containsKey(s.unit())) {
                newcomers.putIfAbsent(s.unit(), s.submittedAt());
            }
        }
        // the new versions over the year as it was, not a copy of it (a revision may also store none: a report moved
        // under review); the units that changed are kept for whoever asks what changed between the two
        OfYear caught = new OfYear(cached.year(), revision, LayeredMap.with(cached.units(), stored),
                LayeredMap.with(cached.firstSubmitted(), newcomers));
        changes.computeIfAbsent(cached.year(), y -> new ConcurrentLinkedDeque<>())
                .addLast(new Step(cached.revision(), revision, Set.copyOf(stored.keySet())));
        Deque<Step> steps = changes.get(cached.year());
        while (steps.size() > STEPS) {
            steps.pollFirst();
        }
        return caught;
    }

    /**
     * The units whose figures differ between two states of a year this instance held, {@code older} first, as far as
     * it remembers the catch-ups between them; empty if they are one; {@code null} if it cannot tell (a full load
     * came between, or the catch-ups were forgotten), in which case the caller compares the two.
     */
    public Set<String> changedBetween(OfYear older, OfYear newer) {
        if (older == newer) {
            return Set.of();
        }
        return older.year() == newer.year() ? changedSince(newer.year(), older.revision(), newer.revision()) : null;
    }

    /**
     * The units whose figures differ between the year at revision {@code from} and at {@code to}, as far as this
     * instance remembers its catch-ups between them; {@code null} if it cannot tell.
     */
    private Set<String> changedSince(int year, long from, long to) {
        Deque<Step> steps = changes.get(year);
        if (steps == null || from > to) {
            return null;
        }
        Set<String> changed = new HashSet<>();
        long at = from;
        for (Step step : steps) {
            if (step.from() == at && step.to() <= to) {
                changed.addAll(step.units());
                at = step.to();
            }
        }
        return at == to ? changed : null;
    }

    /** A catch-up: from one revision to the next, the units whose figures it read. */
    private record Step(long from, long to, Set<String> units) {
    }

    private Current current(StoredSubmission s) {
        return new Current(s.version(), service.figures(s), service.declared(s));
    }
}

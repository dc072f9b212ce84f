package org.opengovinfo.service.rollups;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.season.Standing;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.opengovinfo.service.system.LayeredMap;

/**
 * What a rollup of a year reads besides the tree — every unit's current figures and where every unit's report stands —
 * kept in memory and brought up to date by reading only what changed: new figures versions (each moved its report back
 * to draft, so those reports are read again) and the reports moved by review since the revision known (stamped with
 * the revision that moved them). At national scale this replaces a read of 186,667 report rows on every rollup by a
 * query that finds nothing or a few.
 *
 * <p>Exact with several instances on one database: the figures are read as they stood at a revision R (see
 * {@link CurrentFigures}); a review move committed before R was stamped with a revision up to R and is found by the
 * next look for moves after the revision known before, and one committed later is found the time after. A report read
 * again may already show a move after R; it is never older than R.
 */
@Singleton
class RollupInputs {

    /**
     * The figures as they stood at their revision, and every report's standing as read then or later.
     *
     * @param serial this object's number among those made, so a rollup can tell which one it computed from
     * @param changedSince for the last few inputs these were caught up from (by {@code serial}), the units whose
     *     figures or report may differ from those: a rollup computed from one of them recomputes these alone
     */
    record OfYear(CurrentFigures.OfYear figures, Map<String, Standing> standings, long serial,
                  Map<Long, Set<String>> changedSince) {

        /** The units that may differ from the inputs numbered {@code serial}, or {@code null} if that is not known. */
        @Nullable
        Set<String> changedSince(long serial) {
            return changedSince.get(serial);
        }
    }

    /** How many earlier inputs a year's inputs name what changed since (while that is at most {@link #CHANGES}). */
    private static final int STEPS = 8;
    private static final int CHANGES = 4096;

    private final AtomicLong serials = new AtomicLong();

    private final CurrentFigures figures;
    private final SeasonService season;
    private final ExecutorService io;
    private final boolean statesBesideFigures;
    private final Map<Integer, OfYear> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Object> loading = new ConcurrentHashMap<>();

    @Inject
    RollupInputs(CurrentFigures figures, SeasonService season, @Named(TaskExecutors.IO) ExecutorService io,
                 @Value("${datasources.default.url:}") String url) {
        // on the embedded H2 the two reads share one file and one page cache: side by side they took longer than one
        // after the other (a national checkpoint's read went from 2.7-2.9 s to 7.3-8.3 s)
        this(figures, season, io, !url.startsWith("jdbc:h2:"));
    }

    RollupInputs(CurrentFigures figures, SeasonService season, ExecutorService io, boolean statesBesideFigures) {
        this.figures = figures;
        this.season = season;
        this.io = io;
        this.statesBesideFigures = statesBesideFigures;
    }

    /** The year's inputs as of its current revision; the same object for as long as nothing changed. */
    @Transactional(readOnly = true)
    public OfYear of(int year) {
        if (!cache.containsKey(year)) {
            synchronized (loading.computeIfAbsent(year, y -> new Object())) {
                if (!cache.containsKey(year)) {
                    OfYear first = firstRead(year);
                    cache.put(year, first);
                    return first;
                }
            }
        }
        CurrentFigures.OfYear now = figures.of(year);
        OfYear known = cache.get(year);
        if (known != null && known.figures() == now) {
            return known;
        }
        synchronized (loading.computeIfAbsent(year, y -> new Object())) {
            known = cache.get(year);
            if (known != null && known.figures() == now) {
                return known;
            }
            OfYear fresh = known == null || known.figures().revision() > now.revision()
                    ? new OfYear(now, Collections.unmodifiableMap(season.standings(year)), serials.incrementAndGet(),
                            Map.of())
                    : caughtUp(known, now);
            if (known == null || known.figures().revision() <= now.revision()) {
                cache.put(year, fresh);
            }
            return fresh;
        }
    }

    /**
     * The year's first read: on PostgreSQL every report's state read on another connection while the figures are read
     * (nationally each takes seconds after a start, and one waited for the other), on H2 one after the other. The
     * states are read after revision {@code before} was, so they hold every move up to it; the reports stored or moved
     * by review after it up to the figures' revision are read again.
     */
    private OfYear firstRead(int year) {
        if (!statesBesideFigures) {
            CurrentFigures.OfYear now = figures.of(year);
            return new OfYear(now, Collections.unmodifiableMap(season.standings(year)), serials.incrementAndGet(), Map.of());
        }
        long before = figures.revision(year);
        Future<Map<String, Standing>> states = io.submit(() -> season.standings(year));
        CurrentFigures.OfYear now = figures.of(year);
        Map<String, Standing> standings;
        try {
            standings = new HashMap<>(states.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the reports' states of " + year, e);
        }
        if (now.revision() > before) {
            Set<String> moved = new HashSet<>(season.movedSince(year, before));
            moved.addAll(figures.storedBetween(year, before, now.revision()));
            Map<String, Standing> read = season.standings(year, moved);
            standings.keySet().removeAll(moved);
            standings.putAll(read);
        }
        return new OfYear(now, Collections.unmodifiableMap(standings), serials.incrementAndGet(), Map.of());
    }

    private OfYear caughtUp(OfYear known, CurrentFigures.OfYear now) {
        int year = now.year();
        Set<String> moved = new HashSet<>(season.movedSince(year, known.figures().revision()));
        Set<String> stored = figures.changedBetween(known.figures(), now);
        if (stored != null) {
            moved.addAll(stored);
        } else {
            Map<String, CurrentFigures.Current> before = known.figures().units();
            now.units().forEach((unit, current) -> {
                if (before.get(unit) != current) {
                    moved.add(unit);
                }
            });
        }
        Map<Long, Set<String>> changedSince = changedSince(known, moved);
        if (moved.isEmpty()) {
            return new OfYear(now, known.standings(), serials.incrementAndGet(), changedSince);
        }
        Map<String, Standing> read = season.standings(year, moved);
        Map<String, Standing> standings;
        if (moved.stream().anyMatch(unit -> !read.containsKey(unit) && known.standings().containsKey(unit))) {
            // a report gone (its unit deleted): start from a copy, since the layers only replace and add
            Map<String, Standing> copy = new HashMap<>(known.standings());
            copy.keySet().removeAll(moved);
            copy.putAll(read);
            standings = Collections.unmodifiableMap(copy);
        } else {
            standings = LayeredMap.with(known.standings(), read);
        }
        return new OfYear(now, standings, serials.incrementAndGet(), changedSince);
    }

    /** What changed since {@code known} and since the inputs it was caught up from, the oldest dropped first. */
    private static Map<Long, Set<String>> changedSince(OfYear known, Set<String> moved) {
        Map<Long, Set<String>> since = new HashMap<>();
        if (moved.size() > CHANGES) {
            return Map.of(); // as many as after an ingest: a rollup computes from scratch as fast
        }
        since.put(known.serial(), Collections.unmodifiableSet(moved));
        known.changedSince().forEach((serial, changed) -> {
            if (serial > known.serial() - STEPS && changed.size() + moved.size() <= CHANGES) {
                Set<String> union = new HashSet<>(changed);
                union.addAll(moved);
                since.put(serial, Collections.unmodifiableSet(union));
            }
        });
        return Collections.unmodifiableMap(since);
    }
}

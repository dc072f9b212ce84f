package org.opengovinfo.service.submissions;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.figures.PackedFigures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.submissions.CurrentFigures.Current;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.system.YearRevisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of a year's current figures: the year as {@link CurrentFigures} holds it at one revision, packed
 * ({@link PackedFigures}, deflated) into parts of under a megabyte. A start reads the newest checkpoint and then only
 * the versions stored after it — a national year is a few dozen blocks instead of 190,000 rows of text decoded cell
 * by cell.
 *
 * <p>A checkpoint holds the whole year, or only the units whose figures changed since the checkpoint it names (V22):
 * while a national ingest streams in, a checkpoint every twentieth of the year then costs that twentieth, not the
 * whole year each time. A start reads the newest chain — a whole year and the changes on top of it, in order. A whole
 * year is written again when no chain is known, when the changes since are not known, or when the chain would hold
 * {@value #MAX_CHANGES} checkpoints of changes or as many units as the year (so a start never reads more than twice
 * the year).
 *
 * <p>Never the only copy of anything: a checkpoint is derived from the submission rows, exact at its revision, and
 * ignored if it cannot be read (a format or template layout this build does not know, a damaged part, a chain whose
 * base is gone), in which case the year is read from the rows as before and a new checkpoint written.
 */
@Singleton
public class FiguresCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresCheckpoints.class);
    /** Parts of a checkpoint of the whole year. */
    private static final int FORMAT = 1;
    /** Parts of a checkpoint of the changes since another: a build that reads only the whole year ignores them. */
    private static final int FORMAT_CHANGES = 2;
    /** Checkpoints of changes on top of one of the whole year, at most. */
    static final int MAX_CHANGES = 64;
    /** Uncompressed bytes per part, below any column size limit once deflated (deflate never grows data by 1 %). */
    private static final int PART_BYTES = 900_000;
    private static final int HAS_DECLARED = 1;
    private static final int HAS_FIRST = 2;
    private static final int NO_FIGURES = 4;

    private final CheckpointRepository repository;
    private final YearRevisions revisions;
    private final Templates templates;
    private final Clock clock;
    private final int minimumChanges;
    /** Per year, the revision this instance last tried to checkpoint, written or not: never tried twice. */
    private final Map<Integer, Long> attempted = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "figures-checkpoint");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<Integer, Boolean> writing = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per year, the newest chain this instance read or wrote: what a checkpoint of changes builds on. */
    private final Map<Integer, Chain> chains = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A chain of checkpoints as far as this instance knows it: its newest revision, how many checkpoints of changes
     * it holds and how many units they hold together.
     */
    private record Chain(long revision, int changes, long changedUnits) {
    }

    FiguresCheckpoints(CheckpointRepository repository, Templates templates, Clock clock, YearRevisions revisions,
                       @Value("${reports.figures-checkpoint-changes:2000}") int minimumChanges) {
        this.repository = repository;
        this.revisions = revisions;
        this.templates = templates;
        this.clock = clock;
        this.minimumChanges = minimumChanges;
    }

    /**
     * Whether {@code changed} versions caught up on since the last checkpoint are worth a new one: enough that a
     * start would spend noticeably longer catching up on them than reading them packed (a twentieth of the year, at
     * least {@code reports.figures-checkpoint-changes}); a revision tried once is not tried again. Asked only when a
     * look has just caught up on new versions, so a checkpoint is written while writes stream in — where a national
     * ingest absorbs it — and not in the pause after them: on H2, writing one blocks other writers for seconds (a
     * policy that waited for a pause was tried, and stalled the PUTs after an ingest; docs/benchmarks.md).
     */
    boolean due(OfYear year, long changed) {
        return changed > 0 && changed >= Math.max(minimumChanges, year.units().size() / 20)
                && !Long.valueOf(year.revision()).equals(attempted.get(year.year()));
    }

    /**
     * The year at the newest readable chain of checkpoints at or before {@code upTo}, if any; this instance then
     * builds its next checkpoints of changes on that chain.
     */
    @Transactional(readOnly = true)
    public Optional<OfYear> newest(int year, long upTo) {
        List<CheckpointRepository.Stored> chain = repository.newest(year, upTo);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        long revision = chain.get(chain.size() - 1).revision();
        try {
            long[] changedUnits = {0};
            OfYear read = decode(year, chain, changedUnits);
            chains.put(year, new Chain(revision, chain.size() - 1, changedUnits[0]));
            return Optional.of(read);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warn("Ignoring the figures checkpoint of {} at revision {}: {}", year, revision, e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets the chain this instance knew of the year (read from the rows): its next checkpoint is a whole year. */
    void forget(int year) {
        chains.remove(year);
    }

    /** Stores a checkpoint of the whole year now, in this thread, and deletes the older ones. */
    @Transactional
    public void write(OfYear year) {
        write(year, null, null);
    }

    /**
     * Stores a checkpoint now, in this thread: of the units {@code changed} since the checkpoint at {@code base}, or
     * with {@code base} {@code null} of the whole year, deleting the older ones.
     */
    @Transactional
    public void write(OfYear year, @Nullable Long base, @Nullable Set<String> changed) {
        if (repository.has(year.year(), year.revision())) {
            return; // another instance checkpointed this revision: the same figures
        }
        List<byte[]> parts = base == null ? encode(year) : encode(year, changed);
        try {
            repository.insert(year.year(), year.revision(), base, parts, clock.instant());
        } catch (DataAccessException e) {
            // another instance checkpointed the same revision first: its checkpoint is the same figures
            if (repository.has(year.year(), year.revision())) {
                return;
            }
            throw e;
        }
        if (base == null) {
            repository.deleteOlder(year.year(), year.revision());
        }
    }

    /**
     * Writes a checkpoint of the year in the background, unless one of that year is being written already: of the
     * changes since the chain this instance knows, if {@code changedSince} tells them (the units changed after a
     * revision, {@code null} if not known) and the chain has room, else of the whole year.
     */
    void writeLater(OfYear year, Function<Long, Set<String>> changedSince, Runnable written) {
        if (writing.putIfAbsent(year.year(), Boolean.TRUE) != null) {
            return;
        }
        // a failed write (another instance's checkpoint of the same revision committed first, a full disk) is not
        // tried again for the same revision every second: the next revision may try again
        attempted.put(year.year(), year.revision());
        Plan plan = plan(year, changedSince);
        writer.execute(() -> {
            try {
                carryOut(plan);
                written.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not checkpoint the figures of {}; a start will read them from the versions stored", year.year(), e);
            } finally {
                writing.remove(year.year());
            }
        });
    }

    /**
     * At a graceful stop: once the background writer is done, checkpoints the year in this thread, provided it is the
     * year as stored now (its revision the database's), so that the next start reads no versions.
     */
    @Transactional
    public void writeAtStop(OfYear year, Function<Long, Set<String>> changedSince) throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        if (revisions.year(year.year()) == year.revision()) {
            carryOut(plan(year, changedSince));
        }
    }

    /** A checkpoint to write: of the units {@code changed} since the one at {@code base}, or of the whole year. */
    private record Plan(OfYear year, @Nullable Long base, @Nullable Set<String> changed) {
    }

    private Plan plan(OfYear year, Function<Long, Set<String>> changedSince) {
        Chain chain = chains.get(year.year());
        Set<String> changed = chain == null || chain.changes() >= MAX_CHANGES || chain.revision() >= year.revision()
                ? null : changedSince.apply(chain.revision());
        return changed != null && chain.changedUnits() + changed.size() < year.units().size()
                ? new Plan(year, chain.revision(), changed) : new Plan(year, null, null);
    }

    private void carryOut(Plan plan) {
        long start = System.nanoTime();
        OfYear year = plan.year();
        write(year, plan.base(), plan.changed());
        Chain chain = chains.get(year.year());
        chains.put(year.year(), plan.base() == null || chain == null ? new Chain(year.revision(), 0, 0)
                : new Chain(year.revision(), chain.changes() + 1, chain.changedUnits() + plan.changed().size()));
        LOG.info("Checkpointed the figures of {} units for {} at revision {} in {} ms", plan.base() == null
                ? year.units().size() : plan.changed().size(), year.year(), year.revision(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * The year packed into parts: each part names the templates it uses (with their layout keys) and then holds its
     * units, in id order so that equal years give equal bytes; the last part also holds first submission times of
     * units that have no current figures (none in practice, kept so the year reads back exactly).
     */
    List<byte[]> encode(OfYear year) {
        return encode(year, FORMAT, new TreeMap<>(year.units()), year.firstSubmitted().keySet());
    }

    /** The units of the year named in {@code changed} packed into parts, as a checkpoint of changes. */
    List<byte[]> encode(OfYear year, Set<String> changed) {
        TreeMap<String, Current> units = new TreeMap<>();
        for (String unit : changed) {
            Current c = year.units().get(unit);
            if (c != null) {
                units.put(unit, c);
            }
        }
        return encode(year, FORMAT_CHANGES, units, changed);
    }

    /**
     * {@code units} packed into parts of the given format, with the first submission times the year holds for them
     * and, in the last part, for those of {@code withFirst} that have no figures.
     */
    private static List<byte[]> encode(OfYear year, int format, TreeMap<String, Current> units, Set<String> withFirst) {
        List<byte[]> parts = new ArrayList<>();
        List<String> firstOnly = new ArrayList<>();
        for (String unit : withFirst) {
            if (!units.containsKey(unit) && year.firstSubmitted().containsKey(unit)) {
                firstOnly.add(unit);
            }
        }
        Collections.sort(firstOnly);
        Part part = new Part();
        for (Map.Entry<String, Current> e : units.entrySet()) {
            part.add(e.getKey(), e.getValue(), year.firstSubmitted().get(e.getKey()));
            if (part.body.length() >= PART_BYTES) {
                parts.add(part.finish(format, List.of(), year.firstSubmitted()));
                part = new Part();
            }
        }
        parts.add(part.finish(format, firstOnly, year.firstSubmitted()));
        return parts;
    }

    /**
     * The year from a chain of checkpoints, oldest first: the whole year, then each one's changes over it; counts the
     * units the checkpoints of changes hold into {@code changedUnits[0]}.
     */
    OfYear decode(int year, List<CheckpointRepository.Stored> chain, long[] changedUnits) {
        Map<String, Current> units = new HashMap<>();
        Map<String, Instant> first = new HashMap<>();
        for (CheckpointRepository.Stored stored : chain) {
            int read = decode(stored, stored.base() == null ? FORMAT : FORMAT_CHANGES, units, first);
            if (stored.base() != null) {
                changedUnits[0] += read;
            }
        }
        return new OfYear(year, chain.get(chain.size() - 1).revision(), Collections.unmodifiableMap(units),
                Collections.unmodifiableMap(first));
    }

    /** Reads one checkpoint's units over {@code units} and {@code first}; returns how many it holds. */
    private int decode(CheckpointRepository.Stored stored, int format, Map<String, Current> units, Map<String, Instant> first) {
        int read = 0;
        for (byte[] bytes : stored.parts()) {
            PackedFigures.In in = new PackedFigures.In(inflate(bytes));
            if (in.varInt() != format) {
                throw new IllegalArgumentException("a format this build does not read");
            }
            int templateCount = in.varInt();
            Template[] used = new Template[templateCount];
            for (int i = 0; i < templateCount; i++) {
                String id = in.string();
                long layout = in.varLong();
                Template t = templates.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown template " + id));
                if (PackedFigures.layoutKey(t) != layout) {
                    throw new IllegalArgumentException("template " + id + " has changed its layout since");
                }
                used[i] = t;
            }
            int count = in.varInt();
            read += count;
            for (int i = 0; i < count; i++) {
                String unit = in.string();
                int version = in.varInt();
                int flags = in.varInt();
                if ((flags & HAS_FIRST) != 0) {
                    first.put(unit, instant(in));
                }
                if ((flags & NO_FIGURES) != 0) {
                    continue;
                }
                int t = in.varInt();
                if (t >= used.length) {
                    throw new IllegalArgumentException("a unit names template " + t + " of " + used.length);
                }
                Figures own = PackedFigures.read(used[t], in);
                Figures declared = (flags & HAS_DECLARED) != 0 ? PackedFigures.read(used[t], in) : null;
                units.put(unit, new Current(version, own, declared));
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException("a part holds more than it says");
            }
        }
        return read;
    }

    /** How many units one stored part holds. */
    int unitsIn(byte[] part) {
        PackedFigures.In in = new PackedFigures.In(inflate(part));
        in.varInt(); // the format
        int templateCount = in.varInt();
        for (int i = 0; i < templateCount; i++) {
            in.string();
            in.varLong();
        }
        return in.varInt();
    }

    private static Instant instant(PackedFigures.In in) {
        long seconds = in.varLong();
        return Instant.ofEpochSecond((seconds >>> 1) ^ -(seconds & 1), in.varInt());
    }

    private static void instant(PackedFigures.Out out, Instant at) {
        out.varLong((at.getEpochSecond() << 1) ^ (at.getEpochSecond() >> 63));
        out.varInt(at.getNano());
    }

    /** One part being packed: the units' bytes, and the templates they use numbered in order of first use. */
    private static final class Part {
        final PackedFigures.Out body = new PackedFigures.Out(PART_BYTES + 64 * 1024);
        final Map<Template, Integer> used = new java.util.LinkedHashMap<>();
        int count;

        void add(String unit, Current c, Instant first) {
            body.string(unit);
            body.varInt(c.version());
            body.varInt((c.declared() != null ? HAS_DECLARED : 0) | (first != null ? HAS_FIRST : 0));
            if (first != null) {
                instant(body, first);
            }
            Template t = c.own().template();
            if (c.declared() != null && c.declared().template() != t) {
                throw new IllegalStateException("declared figures of " + unit + " under another template");
            }
            body.varInt(used.computeIfAbsent(t, x -> used.size()));
            PackedFigures.write(c.own(), body);
            if (c.declared() != null) {
                PackedFigures.write(c.declared(), body);
            }
            count++;
        }

        byte[] finish(int format, List<String> firstOnly, Map<String, Instant> firstSubmitted) {
            PackedFigures.Out out = new PackedFigures.Out(body.length() + 256);
            out.varInt(format);
            out.varInt(used.size());
            for (Template t : used.keySet()) {
                out.string(t.id());
                out.varLong(PackedFigures.layoutKey(t));
            }
            out.varInt(count + firstOnly.size());
            byte[] units = body.toByteArray();
            PackedFigures.Out rest = new PackedFigures.Out(64);
            for (String unit : firstOnly) {
                rest.string(unit);
                rest.varInt(0);
                rest.varInt(HAS_FIRST | NO_FIGURES);
                instant(rest, firstSubmitted.get(unit));
            }
            byte[] head = out.toByteArray();
            byte[] tail = rest.toByteArray();
            byte[] all = new byte[head.length + units.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(units, 0, all, head.length, units.length);
            System.arraycopy(tail, 0, all, head.length + units.length, tail.length);
            return deflate(all);
        }
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("a part ends early");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a damaged part: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}

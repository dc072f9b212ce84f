package org.opengovinfo.service.submissions;

import io.micronaut.context.annotation.Value;
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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.figures.PackedFigures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.submissions.CurrentFigures.Current;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of a year's current figures: the year as {@link CurrentFigures} holds it at one revision, packed
 * ({@link PackedFigures}, deflated) into parts of under a megabyte. A start reads the newest checkpoint and then only
 * the versions stored after it — a national year is a few dozen blocks instead of 190,000 rows of text decoded cell
 * by cell.
 *
 * <p>Never the only copy of anything: a checkpoint is derived from the submission rows, exact at its revision, and
 * ignored if it cannot be read (a format or template layout this build does not know, a damaged part), in which case
 * the year is read from the rows as before and a new checkpoint written.
 */
@Singleton
public class FiguresCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresCheckpoints.class);
    private static final int FORMAT = 1;
    /** Uncompressed bytes per part, below any column size limit once deflated (deflate never grows data by 1 %). */
    private static final int PART_BYTES = 900_000;
    private static final int HAS_DECLARED = 1;
    private static final int HAS_FIRST = 2;
    private static final int NO_FIGURES = 4;

    private final CheckpointRepository repository;
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

    FiguresCheckpoints(CheckpointRepository repository, Templates templates, Clock clock,
                       @Value("${reports.figures-checkpoint-changes:2000}") int minimumChanges) {
        this.repository = repository;
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

    /** The newest readable checkpoint of the year at or before {@code upTo}, if any. */
    @Transactional(readOnly = true)
    public Optional<OfYear> newest(int year, long upTo) {
        Optional<CheckpointRepository.Stored> stored = repository.newest(year, upTo);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(year, stored.get()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warn("Ignoring the figures checkpoint of {} at revision {}: {}", year, stored.get().revision(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a checkpoint of the year now, in this thread, and deletes the older ones. */
    @Transactional
    public void write(OfYear year) {
        if (repository.has(year.year(), year.revision())) {
            return; // another instance checkpointed this revision: the same figures
        }
        List<byte[]> parts = encode(year);
        try {
            repository.insert(year.year(), year.revision(), parts, clock.instant());
        } catch (DataAccessException e) {
            // another instance checkpointed the same revision first: its checkpoint is the same figures
            if (repository.newest(year.year(), year.revision()).map(s -> s.revision() == year.revision()).orElse(false)) {
                return;
            }
            throw e;
        }
        repository.deleteOlder(year.year(), year.revision());
    }

    /** Writes a checkpoint of the year in the background, unless one of that year is being written already. */
    void writeLater(OfYear year, Runnable written) {
        if (writing.putIfAbsent(year.year(), Boolean.TRUE) != null) {
            return;
        }
        // a failed write (another instance's checkpoint of the same revision committed first, a full disk) is not
        // tried again for the same revision every second: the next revision may try again
        attempted.put(year.year(), year.revision());
        writer.execute(() -> {
            long start = System.nanoTime();
            try {
                write(year);
                written.run();
                LOG.info("Checkpointed the figures of {} units for {} at revision {} in {} ms", year.units().size(),
                        year.year(), year.revision(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Could not checkpoint the figures of {}; a start will read them from the versions stored", year.year(), e);
            } finally {
                writing.remove(year.year());
            }
        });
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
        List<byte[]> parts = new ArrayList<>();
        TreeMap<String, Current> units = new TreeMap<>(year.units());
        List<String> firstOnly = new ArrayList<>();
        for (String unit : year.firstSubmitted().keySet()) {
            if (!units.containsKey(unit)) {
                firstOnly.add(unit);
            }
        }
        Collections.sort(firstOnly);
        Part part = new Part();
        for (Map.Entry<String, Current> e : units.entrySet()) {
            part.add(e.getKey(), e.getValue(), year.firstSubmitted().get(e.getKey()));
            if (part.body.length() >= PART_BYTES) {
                parts.add(part.finish(List.of(), year.firstSubmitted()));
                part = new Part();
            }
        }
        parts.add(part.finish(firstOnly, year.firstSubmitted()));
        return parts;
    }

    OfYear decode(int year, CheckpointRepository.Stored stored) {
        Map<String, Current> units = new HashMap<>();
        Map<String, Instant> first = new HashMap<>();
        for (byte[] bytes : stored.parts()) {
            PackedFigures.In in = new PackedFigures.In(inflate(bytes));
            if (in.varInt() != FORMAT) {
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
        return new OfYear(year, stored.revision(), Collections.unmodifiableMap(units), Collections.unmodifiableMap(first));
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

        byte[] finish(List<String> firstOnly, Map<String, Instant> firstSubmitted) {
            PackedFigures.Out out = new PackedFigures.Out(body.length() + 256);
            out.varInt(FORMAT);
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

package org.opengovinfo.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.sample.SampleTrees;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * Measures the real service, as its own JVM on H2 and on PostgreSQL, at city, province and national scale, against
 * the baselines of {@link Baselines} computed on the same data in the same run. Writes
 * {@code target/benchmarks/results.json} and {@code results.md}; see docs/benchmarks.md for how to run it.
 *
 * <p>Pulls are run twice and measured the second time; concurrent PUTs are run for {@code bench.putWarmUpSeconds}
 * first, until the JIT has compiled their path as it has in a service that has been up a while (after two rounds
 * of 800 PUTs it still took most of a core), then measured once; rollups are measured first, warm and after a change,
 * separately, the path after a change run {@code bench.repeats} times unmeasured first for the same reason. PUTs are measured once more paced (open loop), to give the latency at a load the machine is not
 * saturated by.
 *
 * <p>Settings (system properties): {@code bench.scales} (city,province,national), {@code bench.databases}
 * (h2,postgresql), {@code bench.repeats} (10), {@code bench.pulls} (200), {@code bench.putsPerClient} (100),
 * {@code bench.putWarmUpSeconds} (20), {@code bench.maxHeap} (1g), {@code bench.out} (target/benchmarks),
 * {@code bench.serviceJar} (the shaded jar to run; default this classpath), {@code bench.jvmArgs} (more options for
 * the service's JVM, e.g. to record a profile), {@code bench.syncCommit} (PostgreSQL's synchronous_commit, on).
 */
public final class ServiceBenchmark {

    static final int YEAR = 2021;
    static final String TOKEN = "ogi_benchmark-administrator-token-0123456789";
    private static final int PUT_CLIENTS = 16;
    /** The paced PUT phase: 16 clients at this rate in all, well below the ~1,000 PUTs/s the service sustains on 2 cores. */
    private static final double PACED_PUTS_PER_SECOND = 150;
    private static final int INGEST_CLIENTS = 2;
    private static final int BATCH = 1000;
    private static final int IMPORT_CHUNK = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How much to measure; {@link #fromSystemProperties()} reads the settings. */
    record Settings(List<Scale> scales, List<String> databases, int repeats, int pulls, int putsPerClient,
                    double putWarmUpSeconds, String maxHeap, Path out) {
        static Settings fromSystemProperties() {
            return new Settings(
                    List.of(System.getProperty("bench.scales", "city,province,national").split(",")).stream().map(Scale::parse).toList(),
                    List.of(System.getProperty("bench.databases", "h2,postgresql").split(",")),
                    Integer.getInteger("bench.repeats", 10),
                    Integer.getInteger("bench.pulls", 200),
                    Integer.getInteger("bench.putsPerClient", 100),
                    Double.parseDouble(System.getProperty("bench.putWarmUpSeconds", "20")),
                    System.getProperty("bench.maxHeap", "1g"),
                    Path.of(System.getProperty("bench.out", "target/benchmarks")));
        }
    }

    /** One scale on one database: times in milliseconds unless named otherwise. */
    record ServiceRun(String scale, String database, int units, double startupEmptyMs, double importUnitsMs,
                      double ingestSeconds, double ingestUnitsPerSecond, double firstRollupMs, double warmRollupMs,
                      double warmRollupMaxMs, double rollupAfterChangeMs, double pullP50Ms, double pullP99Ms,
                      double putP50Ms, double putP99Ms, double putsPerSecond, double serviceCpuMsPerPut,
                      double pacedPutP50Ms, double pacedPutP99Ms, double startupLoadedMs,
                      double rollupAfterRestartMs, long peakHeapMiB, long peakRssMiB, double warmRollupInServiceMs,
                      int snapshots, long snapshotBytesAveraged, long newestSnapshotBytes, long treeBytes,
                      Map<String, Double> warmRollupPhasesMs, Map<String, Double> changeRollupPhasesMs,
                      TwoInstances twoInstances) {
    }

    /**
     * The same 16 reporters' PUTs with every other reporter sent to a second instance of the service on the same
     * PostgreSQL database (both on this machine's 2 cores), and whether both instances' next rollups of the root then
     * agree to the cell; {@code null} on H2, which one instance owns.
     */
    record TwoInstances(double putP50Ms, double putP99Ms, double putsPerSecond, boolean rollupsAgree) {
    }

    record ScaleResult(String scale, int units, int consolidatingUnits, Baselines.Result baselines, List<ServiceRun> runs) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        List<ScaleResult> results = run(settings);
        System.out.println(Report.markdown(results));
    }

    static List<ScaleResult> run(Settings settings) throws Exception {
        Files.createDirectories(settings.out());
        Template template = Templates.bundled().forYear(YEAR).orElseThrow();
        List<ScaleResult> results = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", System.getProperty("bench.syncCommit", "on"))
                .setDataDirectory(settings.out().resolve("postgres-" + System.nanoTime())).setCleanDataDirectory(true).start()) {
            for (Scale scale : settings.scales()) {
                log("%s: generating the sample tree", scale.label());
                SampleTrees trees = scale.trees(template);
                Baselines baselines = new Baselines(trees, scale.root());
                log("%s: %,d units; baselines", scale.label(), trees.hierarchy().size());
                Path dir = settings.out().resolve(scale.label());
                Files.createDirectories(dir);
                Baselines.Result base = baselines.measure(createDatabase(pg, "baseline_" + scale.label()), "postgres",
                        "postgres", dir, Math.min(settings.repeats(), 5));
                List<ServiceRun> runs = new ArrayList<>();
                for (String database : settings.databases()) {
                    Path h2 = dir.resolve("h2-" + System.nanoTime()).toAbsolutePath();
                    Map<String, String> env = switch (database) {
                        case "h2" -> Map.of("DATA_DIR", h2.toString());
                        // the embedded default as it was before WRITE_DELAY=0: H2 writes commits up to a second later,
                        // the baseline for what durability costs (not a configuration anyone should run)
                        case "h2-delayed" -> Map.of("DATA_DIR", h2.toString(), "DB_URL", "jdbc:h2:file:" + h2.resolve("reports")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "DB_USER", "sa");
                        default -> Map.of("DB_URL", createDatabase(pg, "service_" + scale.label()), "DB_USER", "postgres",
                                "DB_PASSWORD", "postgres");
                    };
                    runs.add(new ServiceMeasurement(settings, scale, database, trees, template, baselines, dir, env).run());
                    if (env.containsKey("DATA_DIR")) {
                        deleteTree(h2);
                    }
                }
                int consolidating = 0;
                for (int u = 0; u < trees.hierarchy().size(); u++) {
                    consolidating += trees.hierarchy().isConsolidating(u) ? 1 : 0;
                }
                results.add(new ScaleResult(scale.label(), trees.hierarchy().size(), consolidating, base, runs));
                JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(settings.out().resolve("results.json").toFile(), results);
                Files.writeString(settings.out().resolve("results.md"), Report.markdown(results));
            }
        }
        return results;
    }

    private static String createDatabase(EmbeddedPostgres pg, String prefix) throws Exception {
        String name = prefix + "_" + System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** An H2 database of a national run takes gigabytes; the logs beside it stay. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    /** The measurements of one scale on one database, in the order a year's work happens. */
    private static final class ServiceMeasurement {
        private final Settings settings;
        private final Scale scale;
        private final String database;
        private final SampleTrees trees;
        private final Template template;
        private final Baselines baselines;
        private final Path dir;
        private final Map<String, String> env;
        private final Hierarchy tree;
        private final Random random = new Random(Scale.SEED);
        private final SampleFigures changes;
        /** The leaves whose figures this run's changes replaced, with their figures now. */
        private final Map<String, Figures> replaced = new HashMap<>();

        ServiceMeasurement(Settings settings, Scale scale, String database, SampleTrees trees, Template template,
                           Baselines baselines, Path dir, Map<String, String> env) {
            this.settings = settings;
            this.scale = scale;
            this.database = database;
            this.trees = trees;
            this.template = template;
            this.baselines = baselines;
            this.dir = dir;
            this.env = env;
            this.tree = trees.hierarchy();
            this.changes = new SampleFigures(template, new Random(Scale.SEED + 1), 0.15);
        }

        ServiceRun run() throws Exception {
            String what = scale.label() + " on " + database;
            double startupEmpty;
            double importMs;
            double ingestSeconds;
            double first;
            List<Double> warm;
            List<Double> afterChange = new ArrayList<>();
            List<Double> pulls;
            List<Double> puts;
            double putsPerSecond;
            double cpuPerPut;
            List<Double> paced;
            double warmInService;
            Map<String, Double> warmPhases = new LinkedHashMap<>();
            Map<String, Double> changePhases = new LinkedHashMap<>();
            Map<String, Double> restartPhases = new LinkedHashMap<>();
            long heap;
            long rss;
            TwoInstances twoInstances = null;
            log("%s: starting the service", what);
            try (ServiceProcess service = ServiceProcess.start(env, dir, settings.maxHeap(), TOKEN)) {
                Api api = service.api();
                startupEmpty = service.startup().toNanos() / 1e6;
                log("%s: started in %.0f ms; importing units", what, startupEmpty);
                importMs = importUnits(api);
                log("%s: imported in %.0f ms; ingesting figures", what, importMs);
                ingestSeconds = ingest(api);
                log("%s: ingested in %.1f s; rolling up", what, ingestSeconds);
                first = rollup(api);
                // unmeasured rounds of a change and a rollup, as for the PUTs: until the JIT has compiled the path a
                // rollup takes after a change (which a rollup with nothing changed does not run), it runs interpreted
                for (int i = 0; i < settings.repeats(); i++) {
                    change(api);
                    rollup(api);
                }
                warm = new ArrayList<>();
                Map<String, double[]> before = serviceRollups(api);
                for (int i = 0; i < settings.repeats(); i++) {
                    warm.add(rollup(api));
                }
                Map<String, double[]> after = serviceRollups(api);
                // the service's own timer (consolidate and write, before the commit): the rest of what the client
                // waited for is the HTTP exchange, authentication and the commit
                warmInService = perRollupMs(before.get("total"), after.get("total"));
                for (String phase : List.of("read", "consolidate", "encode", "store")) {
                    warmPhases.put(phase, perRollupMs(before.get(phase), after.get(phase)));
                }
                checkRootTotals(api);
                before = serviceRollups(api);
                for (int i = 0; i < settings.repeats(); i++) {
                    change(api);
                    afterChange.add(rollup(api));
                }
                checkRootTotals(api); // a rollup after changes recomputes only what they changed: it must still add up
                after = serviceRollups(api);
                for (String phase : List.of("read", "consolidate", "encode", "store")) {
                    changePhases.put(phase, perRollupMs(before.get(phase), after.get(phase)));
                }
                log("%s: rollups first %.0f ms, warm %.0f ms, after a change %.0f ms; pulling", what, first,
                        Stats.median(warm), Stats.median(afterChange));
                pulls(api);
                pulls = pulls(api);
                log("%s: pulls p50 %.1f ms; %d clients putting", what, Stats.median(pulls), PUT_CLIENTS);
                List<Reporter> reporters = reporters(service);
                try {
                    warmUp(reporters);
                    long start = System.nanoTime();
                    double cpuBefore = service.cpuMillis();
                    puts = concurrentPuts(reporters, 0);
                    cpuPerPut = (service.cpuMillis() - cpuBefore) / puts.size();
                    putsPerSecond = puts.size() / ((System.nanoTime() - start) / 1e9);
                    paced = concurrentPuts(reporters, PACED_PUTS_PER_SECOND);
                    if (database.equals("postgresql")) {
                        log("%s: a second instance on the same database", what);
                        twoInstances = twoInstances(service.api(), reporters);
                        log("%s: two instances: PUT p50 %.1f ms, p99 %.1f ms, %.0f PUTs/s (one: %.0f); rollups agree: %s",
                                what, twoInstances.putP50Ms(), twoInstances.putP99Ms(), twoInstances.putsPerSecond(),
                                putsPerSecond, twoInstances.rollupsAgree());
                    }
                } finally {
                    for (Reporter r : reporters) {
                        r.api().close();
                    }
                }
                heap = service.peakHeapMiB();
                rss = service.peakRssMiB();
            }
            SnapshotStorage storage = SnapshotStorage.measure(env);
            log("%s: %d snapshots stored in %,d bytes (%,d each on average); the newest on its own %,d bytes, "
                    + "beside the tree's %,d; warm rollup %.1f ms in the service (%s; after a change %s)", what,
                    storage.snapshots(), storage.totalBytes(), storage.bytesPerSnapshot(), storage.newestBytes(),
                    storage.treeBytes(), warmInService, warmPhases, changePhases);
            log("%s: restarting", what);
            double startupLoaded;
            double afterRestart;
            try (ServiceProcess service = ServiceProcess.start(env, dir, settings.maxHeap(), TOKEN)) {
                startupLoaded = service.startup().toNanos() / 1e6;
                Map<String, double[]> before = serviceRollups(service.api());
                afterRestart = rollup(service.api());
                Map<String, double[]> after = serviceRollups(service.api());
                for (String phase : List.of("read", "consolidate", "encode", "store")) {
                    restartPhases.put(phase, perRollupMs(before.get(phase), after.get(phase)));
                }
                heap = Math.max(heap, service.peakHeapMiB());
                rss = Math.max(rss, service.peakRssMiB());
            }
            log("%s: restarted in %.0f ms, first rollup %.0f ms (%s); peak heap %d MiB, RSS %d MiB", what,
                    startupLoaded, afterRestart, restartPhases, heap, rss);
            return new ServiceRun(scale.label(), database, tree.size(), startupEmpty, importMs, ingestSeconds,
                    tree.size() / ingestSeconds, first, Stats.median(warm), Collections.max(warm), Stats.median(afterChange),
                    Stats.median(pulls), Stats.percentile(pulls, 99), Stats.median(puts), Stats.percentile(puts, 99),
                    putsPerSecond, cpuPerPut, Stats.median(paced), Stats.percentile(paced, 99), startupLoaded, afterRestart,
                    heap, rss, warmInService, storage.snapshots(), storage.bytesPerSnapshot(), storage.newestBytes(),
                    storage.treeBytes(), warmPhases, changePhases, twoInstances);
        }

        /**
         * Starts a second instance on the same database and runs the reporters' PUTs again, every other reporter
         * sending to it: warmed up as for one instance, then measured once. Then each instance rolls up the root and
         * the two consolidated tables are compared.
         */
        private TwoInstances twoInstances(Api first, List<Reporter> reporters) throws Exception {
            try (ServiceProcess second = ServiceProcess.start(env, dir, settings.maxHeap(), TOKEN)) {
                List<Reporter> split = new ArrayList<>();
                for (int i = 0; i < reporters.size(); i++) {
                    Reporter r = reporters.get(i);
                    split.add(i % 2 == 0 ? r : new Reporter(r.api().at(second.api()), r.leaves()));
                }
                try {
                    warmUp(split);
                    long start = System.nanoTime();
                    List<Double> puts = concurrentPuts(split, 0);
                    double perSecond = puts.size() / ((System.nanoTime() - start) / 1e9);
                    JsonNode one = rootFigures(first);
                    JsonNode other = rootFigures(second.api());
                    return new TwoInstances(Stats.median(puts), Stats.percentile(puts, 99), perSecond, one.equals(other));
                } finally {
                    for (int i = 1; i < split.size(); i += 2) {
                        split.get(i).api().close();
                    }
                }
            }
        }

        /** Rounds of the reporters' PUTs, unmeasured, for {@code bench.putWarmUpSeconds} (at least one round). */
        private void warmUp(List<Reporter> reporters) throws Exception {
            long warmedUp = System.nanoTime() + (long) (settings.putWarmUpSeconds() * 1e9);
            do {
                concurrentPuts(reporters, 0);
            } while (System.nanoTime() < warmedUp);
        }

        /** A rollup of the root on this instance, and the root's consolidated figures in the snapshot it stored. */
        private JsonNode rootFigures(Api api) throws Exception {
            String id = JSON.readTree(api.post("/api/v1/units/" + scale.root() + "/rollups/" + YEAR, new byte[0])
                    .expect(201, "a rollup").body()).get("id").asText();
            return JSON.readTree(api.get("/api/v1/units/" + scale.root() + "/consolidated/" + YEAR + "?snapshot=" + id)
                    .expect(200, "the root's figures").body()).get("figures");
        }

        /**
         * The service's rollup timers as sum (seconds) and count: {@code total}, {@code ogi_rollup_duration_seconds},
         * and each phase of {@code ogi_rollup_phase_seconds} by name.
         */
        private static Map<String, double[]> serviceRollups(Api api) throws Exception {
            Map<String, double[]> timers = new LinkedHashMap<>();
            for (String line : api.get("/prometheus").expect(200, "the metrics").body().split("\n")) {
                String name = line.startsWith("ogi_rollup_duration_seconds_") ? "total"
                        : line.startsWith("ogi_rollup_phase_seconds_") ? line.replaceFirst(".*phase=\"([a-z]+)\".*", "$1")
                        : null;
                if (name != null && (line.contains("_sum") || line.contains("_count"))) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    timers.computeIfAbsent(name, n -> new double[2])[line.contains("_sum") ? 0 : 1] = value;
                }
            }
            return timers;
        }

        private static double perRollupMs(double[] before, double[] after) {
            before = before == null ? new double[2] : before; // no rollup yet since the start: nothing timed
            return after == null || after[1] == before[1] ? Double.NaN
                    : (after[0] - before[0]) * 1000 / (after[1] - before[1]);
        }

        private double importUnits(Api api) throws Exception {
            List<Map<String, Object>> units = new ArrayList<>();
            for (int u : tree.order()) {
                String id = tree.unit(u);
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("id", id);
                unit.put("name", id);
                unit.put("kind", Scale.kindOf(id));
                unit.put("fromYear", 2015);
                if (tree.parent(u) >= 0) {
                    unit.put("parent", tree.unit(tree.parent(u)));
                }
                units.add(unit);
            }
            double millis = 0;
            for (int i = 0; i < units.size(); i += IMPORT_CHUNK) {
                byte[] body = JSON.writeValueAsBytes(Map.of("units", units.subList(i, Math.min(units.size(), i + IMPORT_CHUNK))));
                millis += api.post("/api/v1/units/import", body).expect(200, "units import").millis();
            }
            return millis;
        }

        /** Every unit's figures through the batch API, in batches of {@value BATCH} from {@value INGEST_CLIENTS} clients. */
        private double ingest(Api api) throws Exception {
            List<byte[]> batches = new ArrayList<>();
            int[] order = tree.order();
            for (int i = 0; i < order.length; i += BATCH) {
                List<Map<String, Object>> submissions = new ArrayList<>();
                for (int j = i; j < Math.min(order.length, i + BATCH); j++) {
                    submissions.add(Map.of("unit", tree.unit(order[j]), "figures", trees.own()[order[j]].given()));
                }
                batches.add(JSON.writeValueAsBytes(Map.of("year", YEAR, "submissions", submissions)));
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            long start = System.nanoTime();
            parallel(INGEST_CLIENTS, () -> {
                for (int b; (b = next.getAndIncrement()) < batches.size(); ) {
                    JsonNode answer = JSON.readTree(api.post("/api/v1/figures/batch", batches.get(b)).expect(200, "a batch").body());
                    accepted.addAndGet(answer.get("accepted").asInt());
                }
                return null;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (accepted.get() != tree.size()) {
                throw new IllegalStateException("the batches accepted " + accepted + " of " + tree.size() + " units");
            }
            return seconds;
        }

        private double rollup(Api api) throws Exception {
            return api.post("/api/v1/units/" + scale.root() + "/rollups/" + YEAR, new byte[0]).expect(201, "a rollup").millis();
        }

        /** The service's consolidated root must equal the reverse pass over the data it was sent (changes included). */
        private void checkRootTotals(Api api) throws Exception {
            JsonNode figures = JSON.readTree(api.get("/api/v1/units/" + scale.root() + "/consolidated/" + YEAR)
                    .expect(200, "the root's consolidated figures").body()).get("figures");
            long[] expected = baselines.rootTotals(replaced);
            int[] cells = baselines.cells();
            for (int k = 0; k < cells.length; k++) {
                var cell = template.cell(cells[k]);
                JsonNode value = figures.get(cell.code());
                BigDecimal actual = value == null || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
                if (actual.compareTo(BigDecimal.valueOf(expected[k], cell.kind().scale())) != 0) {
                    throw new IllegalStateException(scale.label() + " on " + database + ": " + cell.code() + " is " + actual
                            + ", the reverse pass says " + BigDecimal.valueOf(expected[k], cell.kind().scale()));
                }
            }
        }

        /** Consolidated pulls, alternating the root and a random consolidating unit. */
        private List<Double> pulls(Api api) throws Exception {
            List<Integer> consolidating = new ArrayList<>();
            for (int u = 0; u < tree.size(); u++) {
                if (tree.isConsolidating(u)) {
                    consolidating.add(u);
                }
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < settings.pulls(); i++) {
                String unit = i % 2 == 0 ? scale.root() : tree.unit(consolidating.get(random.nextInt(consolidating.size())));
                millis.add(api.get("/api/v1/units/" + unit + "/consolidated/" + YEAR).expect(200, "a pull").millis());
            }
            return millis;
        }

        /** A county office's script: a reporter's token for one consolidating unit, and the leaves right below it. */
        private record Reporter(Api api, List<String> leaves) {
        }

        /**
         * {@value PUT_CLIENTS} reporters, each with a token of its own scoped to one of the consolidating units with
         * the most leaves directly below them, as county offices put their towns' and departments' figures: every
         * PUT is authenticated and checked against the token's subtree as theirs would be. No two reporters share
         * a leaf, so none is refused as a concurrent write.
         */
        private List<Reporter> reporters(ServiceProcess service) throws Exception {
            List<Integer> scopes = new ArrayList<>();
            for (int u = 0; u < tree.size(); u++) {
                if (tree.isConsolidating(u)) {
                    scopes.add(u);
                }
            }
            scopes.sort(Comparator.comparingInt(this::leafChildren).reversed().thenComparing(tree::unit));
            if (scopes.size() < PUT_CLIENTS || leafChildren(scopes.get(PUT_CLIENTS - 1)) == 0) {
                throw new IllegalStateException(scale.label() + " has fewer than " + PUT_CLIENTS
                        + " consolidating units with leaves right below them, one for each reporter");
            }
            List<Reporter> reporters = new ArrayList<>();
            for (int scope : scopes.subList(0, PUT_CLIENTS)) {
                List<String> leaves = new ArrayList<>();
                for (int c : tree.children(scope)) {
                    if (!tree.isConsolidating(c)) {
                        leaves.add(tree.unit(c));
                    }
                }
                Collections.shuffle(leaves, random);
                JsonNode token = JSON.readTree(service.api().post("/api/v1/tokens", JSON.writeValueAsBytes(Map.of(
                        "principal", "benchmark reporter for " + tree.unit(scope), "role", "reporter",
                        "scope", tree.unit(scope)))).expect(201, "a reporter's token").body());
                reporters.add(new Reporter(service.api().as(token.get("token").asText()), leaves));
            }
            return reporters;
        }

        private int leafChildren(int unit) {
            int leaves = 0;
            for (int c : tree.children(unit)) {
                leaves += tree.isConsolidating(c) ? 0 : 1;
            }
            return leaves;
        }

        /**
         * Each reporter putting new figures for its leaves in turn, one request at a time: as fast as answers come
         * ({@code perSecond} 0), or paced to {@code perSecond} in all, each latency then counted from when the
         * request was due, so that a client held up by a slow answer is not flattered.
         */
        private List<Double> concurrentPuts(List<Reporter> reporters, double perSecond) throws Exception {
            List<List<Put>> work = new ArrayList<>();
            for (Reporter r : reporters) {
                List<Put> mine = new ArrayList<>();
                for (int i = 0; i < settings.putsPerClient(); i++) {
                    mine.add(new Put(figuresPath(r.leaves().get(i % r.leaves().size())), submission(changes.next().given())));
                }
                work.add(mine);
            }
            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger client = new AtomicInteger();
            long start = System.nanoTime();
            parallel(reporters.size(), () -> {
                int c = client.getAndIncrement();
                Api api = reporters.get(c).api();
                List<Put> mine = work.get(c);
                for (int i = 0; i < mine.size(); i++) {
                    long due = perSecond > 0 ? start + (long) ((i * reporters.size() + c) * 1e9 / perSecond) : System.nanoTime();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    api.put(mine.get(i).path(), mine.get(i).body()).expect(200, "a PUT");
                    millis.add((System.nanoTime() - due) / 1e6);
                }
                return null;
            });
            return millis;
        }

        private record Put(String path, byte[] body) {
        }

        /** A random leaf's figures replaced by new ones, remembered for the check of the root's totals. */
        private void change(Api api) throws Exception {
            String leaf = randomLeaf();
            Figures figures = changes.next();
            api.put(figuresPath(leaf), submission(figures.given())).expect(200, "a change");
            replaced.put(leaf, figures);
        }

        private String randomLeaf() {
            while (true) {
                int u = random.nextInt(tree.size());
                if (!tree.isConsolidating(u)) {
                    return tree.unit(u);
                }
            }
        }

        private static String figuresPath(String unit) {
            return "/api/v1/units/" + unit + "/figures/" + YEAR;
        }

        private static byte[] submission(Map<String, Object> figures) throws Exception {
            return JSON.writeValueAsBytes(Map.of("figures", figures));
        }

        private static void parallel(int threads, Callable<Void> task) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Void>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(task));
                }
                for (Future<Void> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

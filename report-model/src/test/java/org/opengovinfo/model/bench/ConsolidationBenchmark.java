package org.opengovinfo.model.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.opengovinfo.model.consolidation.Consolidation;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.sample.SampleTrees;

/**
 * In-memory consolidation of a generated city (996 units) and national tree (186,620 units), 2021 format.
 *
 * <p>{@code consolidate} is the engine as the service will call it: every consolidating unit's totals, derived
 * cells, the rules on every total, overflow checks. {@code baselineReversePass} is the plain anchor from
 * ARCHITECTURE.md on the same data: dense {@code long[]} rows, one unchecked reverse pass child → parent into
 * preallocated rows of the consolidating units; no blanks, declared cells, rules or overflow checks. Report the engine as a ratio to it. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ConsolidationBenchmark {

    @Param({"city", "national"})
    public String scale;

    private Template template;
    private Hierarchy hierarchy;
    private Figures[] own;
    private Figures[] declared;
    private long[][] rows;
    private long[][] sums;
    private int[] reverseOrder;
    private int[] parent;

    @Setup(Level.Trial)
    public void generate() {
        template = Templates.bundled().byId("2021").orElseThrow();
        SampleTrees tree = scale.equals("city") ? SampleTrees.city(template, 42) : SampleTrees.national(template, 42);
        hierarchy = tree.hierarchy();
        own = tree.own();
        declared = new Figures[hierarchy.size()];
        int n = hierarchy.size();
        int cells = template.cellCount();
        rows = new long[n][];
        for (int u = 0; u < n; u++) {
            rows[u] = new long[cells];
            for (int i = 0; i < cells; i++) {
                rows[u][i] = own[u].value(i);
            }
        }
        sums = new long[n][];
        for (int u = 0; u < n; u++) {
            if (hierarchy.isConsolidating(u)) {
                sums[u] = new long[cells];
            }
        }
        int[] order = hierarchy.order();
        reverseOrder = new int[n];
        parent = new int[n];
        for (int k = 0; k < n; k++) {
            reverseOrder[k] = order[n - 1 - k];
            parent[k] = hierarchy.parent(k);
        }
    }

    @Benchmark
    public Consolidation consolidate() {
        return Consolidator.consolidate(template, hierarchy, own, declared);
    }

    @Benchmark
    public long[][] baselineReversePass() {
        int cells = template.cellCount();
        for (int u = 0; u < sums.length; u++) {
            if (sums[u] != null) {
                System.arraycopy(rows[u], 0, sums[u], 0, cells);
            }
        }
        for (int u : reverseOrder) {
            int p = parent[u];
            if (p < 0) {
                continue;
            }
            long[] from = sums[u] != null ? sums[u] : rows[u];
            long[] to = sums[p];
            for (int i = 0; i < cells; i++) {
                to[i] += from[i];
            }
        }
        return sums;
    }
}

package org.opengovinfo.service.bench;

import java.util.List;
import java.util.Locale;

/** The measurements as Markdown tables, ratios computed from times of the same run. */
final class Report {

    private Report() {}

    static String markdown(List<ServiceBenchmark.ScaleResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("### Baselines (same data, same run; median ms of the rollup of every consolidating unit)\n\n")
                .append("| scale | units | consolidating | cell rows | closure rows | in-memory reverse pass | PostgreSQL SQL | DuckDB SQL |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : results) {
            var b = r.baselines();
            md.append(row(r.scale(), n(r.units()), n(r.consolidatingUnits()), n(b.cellRows()), n(b.closureRows()),
                    ms(b.reversePassMs()), ms(b.postgresMs()), ms(b.duckDbMs())));
        }
        md.append("\n### Rollup, trigger → snapshot stored (ms), and each baseline's time ÷ ours (> 1: ours is faster; after one change unless said warm)\n\n")
                .append("| scale | database | first | warm (median) | warm (max) | after one change (median) | after restart "
                        + "| PostgreSQL SQL ÷ ours | DuckDB ÷ ours | DuckDB ÷ ours, warm | reverse pass ÷ ours |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : results) {
            for (var s : r.runs()) {
                double ours = s.rollupAfterChangeMs();
                md.append(row(s.scale(), s.database(), ms(s.firstRollupMs()), ms(s.warmRollupMs()), ms(s.warmRollupMaxMs()),
                        ms(ours), ms(s.rollupAfterRestartMs()), ratio(r.baselines().postgresMs() / ours),
                        ratio(r.baselines().duckDbMs() / ours), ratio(r.baselines().duckDbMs() / s.warmRollupMs()),
                        ratio(r.baselines().reversePassMs() / ours)));
            }
        }
        md.append("\n### Snapshots stored (bytes: every column of every row of the rollup tables, text as UTF-8)\n\n")
                .append("| scale | database | snapshots | bytes per snapshot, all averaged | newest snapshot on its own "
                        + "| the tree, shared | warm rollup at the client (ms) | in the service, before the commit "
                        + "| read / consolidate / encode / store, warm | the same after a change |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (var r : results) {
            for (var s : r.runs()) {
                md.append(row(s.scale(), s.database(), n(s.snapshots()), n(s.snapshotBytesAveraged()),
                        n(s.newestSnapshotBytes()), n(s.treeBytes()), ms(s.warmRollupMs()), ms(s.warmRollupInServiceMs()),
                        String.join(" / ", s.warmRollupPhasesMs().values().stream().map(Report::ms).toList()),
                        String.join(" / ", s.changeRollupPhasesMs().values().stream().map(Report::ms).toList())));
            }
        }
        md.append("\n### Ingest, requests, startup, memory\n\n")
                .append("| scale | database | units import (ms) | batch ingest (s) | units/s | pull p50 / p99 (ms) "
                        + "| PUT p50 / p99 at 16 clients (ms) | PUTs/s | service CPU per PUT (ms) | paced PUT p50 / p99 (ms) | startup empty / loaded (ms) "
                        + "| peak heap (MiB) | peak RSS (MiB) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : results) {
            for (var s : r.runs()) {
                md.append(row(s.scale(), s.database(), ms(s.importUnitsMs()), String.format(Locale.ROOT, "%.1f", s.ingestSeconds()),
                        n(Math.round(s.ingestUnitsPerSecond())), ms(s.pullP50Ms()) + " / " + ms(s.pullP99Ms()),
                        ms(s.putP50Ms()) + " / " + ms(s.putP99Ms()), n(Math.round(s.putsPerSecond())), ms(s.serviceCpuMsPerPut()),
                        ms(s.pacedPutP50Ms()) + " / " + ms(s.pacedPutP99Ms()),
                        ms(s.startupEmptyMs()) + " / " + ms(s.startupLoadedMs()), n(s.peakHeapMiB()), n(s.peakRssMiB())));
            }
        }
        md.append("\n### One and two service instances on one PostgreSQL (PUTs of the same 16 reporters)\n\n")
                .append("| scale | one: PUT p50 / p99 (ms) | one: PUTs/s | two: PUT p50 / p99 (ms) | two: PUTs/s "
                        + "| both instances' next rollups agree |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        for (var r : results) {
            for (var s : r.runs()) {
                if (s.twoInstances() != null) {
                    md.append(row(s.scale(), ms(s.putP50Ms()) + " / " + ms(s.putP99Ms()), n(Math.round(s.putsPerSecond())),
                            ms(s.twoInstances().putP50Ms()) + " / " + ms(s.twoInstances().putP99Ms()),
                            n(Math.round(s.twoInstances().putsPerSecond())), s.twoInstances().rollupsAgree() ? "yes" : "NO"));
                }
            }
        }
        return md.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%,.0f", millis);
    }

    private static String ratio(double r) {
        return r < 10 ? String.format(Locale.ROOT, "%.2f×", r) : String.format(Locale.ROOT, "%.0f×", r);
    }
}

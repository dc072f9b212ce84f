package org.opengovinfo.service.rollups;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovinfo.model.consolidation.ConsolidatedUnit;
import org.opengovinfo.model.consolidation.Consolidation;
import org.opengovinfo.model.consolidation.Consolidator;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.sample.SampleTrees;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.system.Sha256;

/**
 * A measurement, not a test: what one snapshot of the benchmark's sample trees (city, province, national) takes as
 * stored before V18 (header JSON with the report states by unit id, a JSON part per consolidating unit) and since
 * (header with the states as runs over the tree, deflated; parts deflated, once per distinct content), computed in
 * memory from the same generator and seed as the service benchmark, so the national figure needs no national run.
 * Every report is a draft, as after the benchmark's ingest. Run with the test classpath:
 * {@code java -cp … org.opengovinfo.service.rollups.SnapshotSizes [city,province,national]}.
 */
public final class SnapshotSizes {

    private SnapshotSizes() {}

    public static void main(String[] args) {
        Template template = Templates.bundled().forYear(2021).orElseThrow();
        for (String scale : (args.length > 0 ? args[0] : "city,province,national").split(",")) {
            SampleTrees trees = switch (scale) {
                case "city" -> SampleTrees.city(template, 20211231L);
                case "province" -> SampleTrees.province(template, 20211231L);
                default -> SampleTrees.national(template, 20211231L);
            };
            measure(scale, template, trees);
        }
    }

    private static void measure(String scale, Template template, SampleTrees trees) {
        Hierarchy tree = trees.hierarchy();
        Consolidation consolidation = Consolidator.consolidate(template, tree, trees.own(), new Figures[tree.size()]);
        List<String> ids = new ArrayList<>();
        Map<String, String> notAccepted = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (int u : tree.order()) {
            ids.add(tree.unit(u));
            notAccepted.put(tree.unit(u), "draft");
            parents.put(tree.unit(u), tree.parent(u) < 0 ? null : tree.unit(tree.parent(u)));
        }
        long partsJson = 0;
        long partsPacked = 0;
        long values = 0;
        long findings = 0;
        Set<String> distinct = new HashSet<>();
        long hashNanos = 0;
        for (ConsolidatedUnit c : consolidation.units()) {
            SnapshotCodec.Part part = RollupService.part(tree, template, c);
            String json = SnapshotCodec.write(part);
            partsJson += utf8(json);
            values += utf8(SnapshotCodec.write(new SnapshotCodec.Part(part.unit(), null, 0, 0, part.values(), null,
                    null, List.of(), null, null, null, null)));
            findings += utf8(system(part.findings()));
            long t = System.nanoTime();
            String id = Sha256.hex(json);
            hashNanos += System.nanoTime() - t;
            if (distinct.add(id)) {
                partsPacked += SnapshotCodec.pack(json).length;
            }
        }
        RollupViews.Completeness completeness = new RollupViews.Completeness(tree.size(), tree.size(), List.of(), Map.of());
        String treeJson = SnapshotCodec.writeTree(parents);
        SnapshotCodec.Header before = new SnapshotCodec.Header("00000000-0000-0000-0000-000000000000", tree.unit(tree.order()[0]),
                2021, template.id(), 2021, Instant.parse("2022-01-05T08:00:00Z"), "administrator", completeness, 42L,
                Sha256.hex(treeJson), "all", notAccepted, null, null, null, null, null, null);
        SnapshotCodec.Header after = new SnapshotCodec.Header(before.id(), before.unit(), 2021, template.id(), 2021,
                before.computedAt(), before.triggeredBy(), completeness, 42L, before.treeId(), "all", null, null, null,
                null, null, null, SnapshotCodec.runs(ids, notAccepted));
        int n = consolidation.units().size();
        System.out.printf("%s: %,d units, %,d consolidating%n", scale, tree.size(), n);
        System.out.printf("  before: header %,d B (report states by unit %,d B); parts %,d B (%,d B each; their "
                        + "values alone %,d B, findings %,d B); snapshot %,d B; tree %,d B, shared%n",
                utf8(SnapshotCodec.write(before)), utf8(system(notAccepted)), partsJson, partsJson / n, values,
                findings, utf8(SnapshotCodec.write(before)) + partsJson, utf8(treeJson));
        System.out.printf("  after: header %,d B deflated; parts %,d B deflated (%,d B each, %,d distinct), stored once; "
                        + "hashing them %.1f ms%n",
                SnapshotCodec.pack(SnapshotCodec.write(after)).length, partsPacked, partsPacked / distinct.size(),
                distinct.size(), hashNanos / 1e6);
    }

    private static String system(Object value) {
        return org.opengovinfo.service.system.Json.write(value);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

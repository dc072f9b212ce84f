package org.opengovinfo.model.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.opengovinfo.model.consolidation.Hierarchy;

/** Seeded random hierarchies for comparing the engine with a reference. */
public final class RandomTrees {

    private RandomTrees() {}

    /**
     * A random forest of {@code units} units with 1–3 top units and at most {@code maxDepth} ≥ 1 levels below them;
     * units are added to the builder in shuffled order, so parents often come after their children.
     */
    public static Hierarchy forest(Random random, int units, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1");
        }
        int[] parent = new int[units];
        int[] depth = new int[units];
        int roots = Math.min(units, 1 + random.nextInt(3));
        for (int i = 0; i < units; i++) {
            if (i < roots) {
                parent[i] = -1;
                depth[i] = 0;
                continue;
            }
            int p;
            do {
                p = random.nextInt(i);
            } while (depth[p] >= maxDepth);
            parent[i] = p;
            depth[i] = depth[p] + 1;
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, random);
        Hierarchy.Builder builder = Hierarchy.builder();
        for (int i : shuffled) {
            builder.add("u" + i, parent[i] < 0 ? null : "u" + parent[i]);
        }
        return builder.build();
    }
}

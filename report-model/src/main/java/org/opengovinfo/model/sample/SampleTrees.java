package org.opengovinfo.model.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Template;

/**
 * Seeded administrative trees shaped like the real ones, with invented, rule-consistent figures: sparse leaves
 * (towns and departments, about 15 % non-zero cells), denser own figures for governments. For the demo, tests and
 * benchmarks at city, province and national scale.
 *
 * @param hierarchy the tree; department ids end in {@code -dN}, town ids in {@code -tN}
 * @param own own figures by unit number, one for every unit
 */
public record SampleTrees(Hierarchy hierarchy, Figures[] own) {

    private static final double LEAF_DENSITY = 0.15;
    private static final double GOVERNMENT_DENSITY = 0.6;

    /** A 临沂市-like city: 12 counties and 3 zones with towns and departments, 50 city departments; 996 units. */
    public static SampleTrees city(Template template, long seed) {
        Shape shape = new Shape(template, seed);
        shape.government("city", null, 50);
        for (int c = 0; c < 12; c++) {
            String county = shape.government("county-" + c, "city", 60);
            for (int t = 0; t < 15; t++) {
                shape.leaf(county + "-town-" + t, county);
            }
        }
        for (int z = 0; z < 3; z++) {
            String zone = shape.government("zone-" + z, "city", 6);
            for (int t = 0; t < 4; t++) {
                shape.leaf(zone + "-street-" + t, zone);
            }
        }
        return shape.build();
    }

    /**
     * A province: 16 cities → 11 counties → 22 towns, the province, every city and county with 60 departments;
     * 15,645 units.
     */
    public static SampleTrees province(Template template, long seed) {
        Shape shape = new Shape(template, seed);
        shape.region("p0", null, 60, 22, new Level("c", 16), new Level("k", 11));
        return shape.build();
    }

    /**
     * A national tree rooted at {@code cn}: 31 provinces → 11 cities → 8 counties → 15 towns, every government
     * (the root too) with 46 departments; 186,667 units.
     */
    public static SampleTrees national(Template template, long seed) {
        Shape shape = new Shape(template, seed);
        shape.government("cn", null, 46);
        for (int p = 0; p < 31; p++) {
            shape.region("p" + p, "cn", 46, 15, new Level("c", 11), new Level("k", 8));
        }
        return shape.build();
    }

    /** One level of governments below a region: the id suffix letter of its units, and how many per parent. */
    private record Level(String suffix, int count) {
    }

    private static final class Shape {
        private final Hierarchy.Builder builder = Hierarchy.builder();
        private final List<String> order = new ArrayList<>();
        private final Map<String, Figures> figures = new HashMap<>();
        private final SampleFigures leaves;
        private final SampleFigures governments;

        Shape(Template template, long seed) {
            Random random = new Random(seed);
            leaves = new SampleFigures(template, random, LEAF_DENSITY);
            governments = new SampleFigures(template, random, GOVERNMENT_DENSITY);
        }

        String government(String id, String parent, int departments) {
            add(id, parent, governments.next());
            for (int d = 0; d < departments; d++) {
                leaf(id + "-d" + d, id);
            }
            return id;
        }

        /**
         * A government with its departments and, level by level, the governments below it (16 cities of 11
         * counties each: {@code new Level("c", 16), new Level("k", 11)}), the lowest ones with {@code towns} towns.
         */
        void region(String id, String parent, int departments, int towns, Level... levels) {
            government(id, parent, departments);
            if (levels.length == 0) {
                for (int t = 0; t < towns; t++) {
                    leaf(id + "-t" + t, id);
                }
                return;
            }
            Level[] below = Arrays.copyOfRange(levels, 1, levels.length);
            for (int n = 0; n < levels[0].count(); n++) {
                region(id + "-" + levels[0].suffix() + n, id, departments, towns, below);
            }
        }

        void leaf(String id, String parent) {
            add(id, parent, leaves.next());
        }

        private void add(String id, String parent, Figures f) {
            builder.add(id, parent);
            order.add(id);
            figures.put(id, f);
        }

        SampleTrees build() {
            Hierarchy h = builder.build();
            Figures[] own = new Figures[h.size()];
            for (String id : order) {
                own[h.indexOf(id)] = figures.get(id);
            }
            return new SampleTrees(h, own);
        }
    }
}

package org.opengovinfo.model.consolidation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which unit reports to which, as it stood in one year: a forest of units identified by stable ids.
 *
 * <p>Units are numbered {@code 0 … size()-1} in the order they were added. {@link #order()} lists them parents
 * before children, so walking it backwards visits every unit after all units below it. Immutable.
 */
public final class Hierarchy {

    private final String[] units;
    private final int[] parent;
    private final Map<String, Integer> index;
    private final int[] order;
    private final int[] childStart;
    private final int[] children;

    private Hierarchy(String[] units, int[] parent, Map<String, Integer> index) {
        this.units = units;
        this.parent = parent;
        this.index = index;
        int n = units.length;
        childStart = new int[n + 1];
        for (int p : parent) {
            if (p >= 0) {
                childStart[p + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        children = new int[childStart[n]];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int u = 0; u < n; u++) {
            if (parent[u] >= 0) {
                children[fill[parent[u]]++] = u;
            }
        }
        order = new int[n];
        int head = 0;
        int tail = 0;
        for (int u = 0; u < n; u++) {
            if (parent[u] < 0) {
                order[tail++] = u;
            }
        }
        while (head < tail) {
            int u = order[head++];
            for (int c = childStart[u]; c < childStart[u + 1]; c++) {
                order[tail++] = children[c];
            }
        }
        if (tail != n) {
            throw new IllegalStateException("unreachable units survived the cycle check");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return units.length;
    }

    public String unit(int i) {
        return units[i];
    }

    /** The unit's number, or -1 if it is not in this hierarchy. */
    public int indexOf(String unit) {
        Integer i = index.get(unit);
        return i == null ? -1 : i;
    }

    /** The parent's number, or -1 for a top unit. */
    public int parent(int i) {
        return parent[i];
    }

    /** The numbers of the units directly below, in the order they were added. */
    public int[] children(int i) {
        return Arrays.copyOfRange(children, childStart[i], childStart[i + 1]);
    }

    public int childCount(int i) {
        return childStart[i + 1] - childStart[i];
    }

    /** Whether units report to this one, so it has a consolidated report. */
    public boolean isConsolidating(int i) {
        return childCount(i) > 0;
    }

    /** All units, every parent before its children (breadth first from the top units). Returns a copy. */
    public int[] order() {
        return order.clone();
    }

    /** The {@code k}-th unit of {@link #order()}, without copying it: a national tree's order is 0.75 MB. */
    public int inOrder(int k) {
        return order[k];
    }

    /** The order itself, for this package's engine, which does not change it. */
    int[] orderShared() {
        return order;
    }

    /** Collects units and parents; {@link #build()} checks them all at once. */
    public static final class Builder {

        private final Map<String, String> parents = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        /**
         * Adds a unit under a parent, or as a top unit when {@code parent} is {@code null}. The parent may be added
         * later.
         */
        public Builder add(String unit, String parent) {
            Objects.requireNonNull(unit, "unit");
            if (parents.containsKey(unit)) {
                String before = parents.get(unit);
                problems.add(Objects.equals(before, parent)
                        ? "unit " + unit + " is listed twice"
                        : "unit " + unit + " has two parents: " + describe(before) + " and " + describe(parent));
            } else {
                parents.put(unit, parent);
            }
            return this;
        }

        private static String describe(String parent) {
            return parent == null ? "none (a top unit)" : parent;
        }

        /** @throws HierarchyException listing every unknown parent, unit added twice, and cycle */
        public Hierarchy build() {
            List<String> all = new ArrayList<>(problems);
            int n = parents.size();
            String[] units = parents.keySet().toArray(new String[0]);
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                index.put(units[i], i);
            }
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                String p = parents.get(units[i]);
                if (p == null) {
                    parent[i] = -1;
                } else if (!index.containsKey(p)) {
                    all.add("unit " + units[i] + " has an unknown parent " + p);
                    parent[i] = -1;
                } else {
                    parent[i] = index.get(p);
                }
            }
            all.addAll(cycles(units, parent));
            if (!all.isEmpty()) {
                throw new HierarchyException(all);
            }
            return new Hierarchy(units, parent, index);
        }

        private static List<String> cycles(String[] units, int[] parent) {
            List<String> found = new ArrayList<>();
            byte[] state = new byte[units.length];
            for (int start = 0; start < units.length; start++) {
                List<Integer> path = new ArrayList<>();
                int u = start;
                while (u >= 0 && state[u] == 0) {
                    state[u] = 1;
                    path.add(u);
                    u = parent[u];
                }
                if (u >= 0 && state[u] == 1) {
                    List<String> cycle = new ArrayList<>();
                    for (int k = path.indexOf(u); k < path.size(); k++) {
                        cycle.add(units[path.get(k)]);
                    }
                    cycle.add(units[u]);
                    found.add("units report to each other in a cycle: " + String.join(" → ", cycle));
                }
                for (int v : path) {
                    state[v] = 2;
                }
            }
            return found;
        }
    }
}

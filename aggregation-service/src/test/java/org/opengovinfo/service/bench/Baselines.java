package org.opengovinfo.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.opengovinfo.model.consolidation.Hierarchy;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.sample.SampleTrees;
import org.postgresql.PGConnection;

/**
 * What a rollup of the same data costs done the obvious other ways: a plain reverse pass over arrays in memory, and
 * the textbook SQL (one row per non-zero cell, a closure table of ancestor → descendant, one GROUP BY) in PostgreSQL
 * and in DuckDB. Every way's totals of the root are checked against the reverse pass before its time counts.
 */
final class Baselines {

    /** Median times in milliseconds, and the sizes the SQL worked on. */
    record Result(double reversePassMs, double postgresMs, double duckDbMs, long cellRows, long closureRows) {
    }

    private static final String ROLLUP = "CREATE TABLE rollup_total AS SELECT c.ancestor AS unit, f.cell, SUM(f.v) AS total "
            + "FROM closure c JOIN cell_value f ON f.unit = c.descendant GROUP BY c.ancestor, f.cell";

    private final Hierarchy tree;
    private final int[] cells;
    private final long[][] own;
    private final int root;
    /** Keeps the measured work's results alive, so the JIT cannot drop the work. */
    private long sink;

    Baselines(SampleTrees trees, String root) {
        this.tree = trees.hierarchy();
        this.cells = trees.own()[0].template().summedCells();
        this.own = new long[tree.size()][];
        for (int u = 0; u < tree.size(); u++) {
            Figures f = trees.own()[u];
            own[u] = new long[cells.length];
            for (int k = 0; k < cells.length; k++) {
                own[u][k] = f.value(cells[k]);
            }
        }
        this.root = tree.indexOf(root);
    }

    /** The summed cells' totals of the root (template order of {@code Template.summedCells()}). */
    long[] rootTotals() {
        return reversePass()[root];
    }

    /**
     * The summed cells' totals of the root with some units' figures replaced, as the run's PUTs replaced them: what
     * the service must answer after changes.
     */
    long[] rootTotals(Map<String, Figures> replaced) {
        long[] totals = rootTotals();
        for (Map.Entry<String, Figures> e : replaced.entrySet()) {
            long[] before = own[tree.indexOf(e.getKey())];
            for (int k = 0; k < cells.length; k++) {
                totals[k] += e.getValue().value(cells[k]) - before[k];
            }
        }
        return totals;
    }

    int[] cells() {
        return cells.clone();
    }

    Result measure(String postgresUrl, String user, String password, Path dir, int repeats) throws Exception {
        double reverse = Stats.median(repeat(repeats * 5, () -> reversePass()[root][0]));
        Path values = dir.resolve("cell_value.csv");
        Path closure = dir.resolve("closure.csv");
        long cellRows = writeCellValues(values);
        long closureRows = writeClosure(closure);
        double postgres;
        try (Connection c = DriverManager.getConnection(postgresUrl, user, password)) {
            createTables(c);
            PGConnection pg = c.unwrap(PGConnection.class);
            try (Reader r = Files.newBufferedReader(values)) {
                pg.getCopyAPI().copyIn("COPY cell_value FROM STDIN WITH (FORMAT csv)", r);
            }
            try (Reader r = Files.newBufferedReader(closure)) {
                pg.getCopyAPI().copyIn("COPY closure FROM STDIN WITH (FORMAT csv)", r);
            }
            execute(c, "ANALYZE");
            postgres = sqlRollup(c, repeats);
        }
        double duck;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            createTables(c);
            execute(c, "COPY cell_value FROM '" + values.toAbsolutePath() + "' (FORMAT csv)");
            execute(c, "COPY closure FROM '" + closure.toAbsolutePath() + "' (FORMAT csv)");
            duck = sqlRollup(c, repeats);
        }
        return new Result(reverse, postgres, duck, cellRows, closureRows);
    }

    /** Every unit's totals: its own figures plus the totals of the units below it. */
    long[][] reversePass() {
        long[][] totals = new long[own.length][];
        for (int u = 0; u < own.length; u++) {
            totals[u] = own[u].clone();
        }
        int[] order = tree.order();
        for (int i = order.length - 1; i >= 0; i--) {
            int u = order[i];
            int p = tree.parent(u);
            if (p >= 0) {
                long[] from = totals[u];
                long[] to = totals[p];
                for (int k = 0; k < from.length; k++) {
                    to[k] += from[k];
                }
            }
        }
        return totals;
    }

    private static void createTables(Connection c) throws SQLException {
        execute(c, "CREATE TABLE cell_value (unit INTEGER NOT NULL, cell INTEGER NOT NULL, v BIGINT NOT NULL, "
                + "PRIMARY KEY (unit, cell))");
        execute(c, "CREATE TABLE closure (ancestor INTEGER NOT NULL, descendant INTEGER NOT NULL, "
                + "PRIMARY KEY (ancestor, descendant))");
    }

    /** Median time of the GROUP BY into a result table, after checking the root's totals. */
    private double sqlRollup(Connection c, int repeats) throws SQLException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= repeats; i++) {
            execute(c, "DROP TABLE IF EXISTS rollup_total");
            long start = System.nanoTime();
            execute(c, ROLLUP);
            if (i > 0) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        long[] totals = new long[cells.length];
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT cell, total FROM rollup_total WHERE unit = " + root)) {
            while (rs.next()) {
                totals[rs.getInt(1)] = rs.getBigDecimal(2).longValueExact();
            }
        }
        if (!Arrays.equals(totals, rootTotals())) {
            throw new IllegalStateException(c.getMetaData().getDatabaseProductName() + " rollup disagrees with the reverse pass");
        }
        return Stats.median(times);
    }

    private long writeCellValues(Path file) throws IOException {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int u = 0; u < own.length; u++) {
                for (int k = 0; k < cells.length; k++) {
                    if (own[u][k] != 0) {
                        w.write(u + "," + k + "," + own[u][k] + "\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** (ancestor, descendant) for every consolidating ancestor, itself included. */
    private long writeClosure(Path file) throws IOException {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int u = 0; u < tree.size(); u++) {
                for (int a = u; a >= 0; a = tree.parent(a)) {
                    if (tree.isConsolidating(a)) {
                        w.write(a + "," + u + "\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<Double> repeat(int times, LongSupplier work) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            sink += work.getAsLong();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}

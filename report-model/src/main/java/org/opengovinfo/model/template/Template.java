package org.opengovinfo.model.template;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.RuleSet;

/**
 * A report format: its tables, cells and consistency rules, in force for a range of years.
 *
 * <p>Immutable and safe to share. Cell indices are dense, {@code 0 … cellCount()-1}, in table order.
 */
public final class Template {

    private final String id;
    private final String name;
    private final String authority;
    private final YearRange years;
    private final List<Table> tables;
    private final List<Cell> cells;
    private final Map<String, Cell> byCode;
    private final RuleSet rules;
    private final int[] summedCells;
    /** Each cell's printed label, by index: findings name thousands of cells in a rollup, so it is built once. */
    private final String[] labels;

    Template(String id, String name, String authority, YearRange years, List<Table> tables, RuleSet rules) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.authority = Objects.requireNonNull(authority);
        this.years = Objects.requireNonNull(years);
        this.tables = List.copyOf(tables);
        this.cells = this.tables.stream().flatMap(t -> t.cells().stream()).toList();
        this.byCode = new HashMap<>();
        for (Cell cell : cells) {
            byCode.put(cell.code(), cell);
        }
        this.rules = Objects.requireNonNull(rules);
        this.summedCells = cells.stream()
                .filter(c -> c.consolidation() != ConsolidationMode.DECLARED)
                .mapToInt(Cell::index)
                .toArray();
        this.labels = new String[cells.size()];
        for (Table table : this.tables) {
            for (Cell cell : table.cells()) {
                String[] parts = cell.code().split("\\.");
                String row = String.join(" ", table.rowLabels(parts[1]));
                labels[cell.index()] = parts.length == 2 ? row : row + " / " + String.join(" ", table.columnLabels(parts[2]));
            }
        }
    }

    /** Stable template id, e.g. {@code 2021}, {@code 2019}, {@code legacy}. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The document that defines the format, e.g. 国办公开办函〔2021〕30号. */
    public String authority() {
        return authority;
    }

    public YearRange years() {
        return years;
    }

    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String code) {
        return tables.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public List<Cell> cells() {
        return cells;
    }

    public int cellCount() {
        return cells.size();
    }

    public Cell cell(int index) {
        return cells.get(index);
    }

    public Optional<Cell> cell(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Index of the cell with this code, or -1. */
    public int indexOf(String code) {
        Cell cell = byCode.get(code);
        return cell == null ? -1 : cell.index();
    }

    /**
     * How a finding names a cell for a clerk: the row's printed label, then the column's, e.g.
     * {@code 三、本年度办理结果 （七）总计 / 申请人情况 自然人}; a cell of a table without columns by its row alone. A code
     * this template lacks (a previous-year cell of another format) is named by its code.
     */
    public String label(String code) {
        Cell cell = byCode.get(code);
        return cell == null ? code : labels[cell.index()];
    }

    /** The label of every code, in order; a {@code previous:} code is labelled "上年" + its label. */
    public List<String> labels(List<String> codes) {
        String prefix = Finding.PREVIOUS_YEAR_PREFIX;
        return codes.stream()
                .map(c -> c.startsWith(prefix) ? "上年 " + label(c.substring(prefix.length())) : label(c))
                .toList();
    }

    /** The table a cell belongs to. */
    public Table tableOf(int cell) {
        String code = cells.get(cell).code();
        return table(code.substring(0, code.indexOf('.'))).orElseThrow();
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * Indices of the cells that a consolidation adds up: summed and derived cells (a derived total of complete
     * figures is the sum of its parts, so summing it equals recomputing it, and keeps a total that a unit filled
     * without its breakdown). Declared cells are left out. Returns a fresh copy.
     */
    public int[] summedCells() {
        return summedCells.clone();
    }

    /** The declared cells as a set of indices. */
    public BitSet declaredCells() {
        BitSet declared = new BitSet(cells.size());
        cells.stream().filter(c -> c.consolidation() == ConsolidationMode.DECLARED).forEach(c -> declared.set(c.index()));
        return declared;
    }

    @Override
    public String toString() {
        return "Template[" + id + ", " + years + "]";
    }
}

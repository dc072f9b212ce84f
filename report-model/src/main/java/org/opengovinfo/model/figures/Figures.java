package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opengovinfo.model.rule.CellValues;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.RuleContext;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;

/**
 * One report's figures under one template: immutable, exact, and complete — every derived total left blank
 * whose parts are filled has been computed. A blank cell is not a zero: {@link #value(String)} is empty for it.
 *
 * <p>Values are scaled {@code long}s (counts as is, amounts in 万元 times 10<sup>4</sup>), held sparsely: a bit set of
 * the cells whose value is not zero and those values in cell order. A unit fills a sixth of its 200 cells on average,
 * and a year holds every unit's figures in memory (186,667 at national scale), so dense arrays of 200 would be four
 * fifths zeros: about 1.8 KB a unit instead of about 0.5.
 */
public final class Figures implements CellValues {

    private final Template template;
    /** The cells whose value is not zero. */
    private final long[] nonZero;
    /** Their values, in cell order. */
    private final long[] packed;
    private final long[] present;
    private final long[] derived;
    private final long[] notApplicable;

    /**
     * The mark a cell written as not applicable ({@code 不适用}, {@code N/A}, {@code NA}, {@code --}) is kept under
     * in {@link #toStorable()}, and read back as by {@link #of}.
     */
    public static final String NOT_APPLICABLE = "不适用";

    /** Takes ownership of the bit sets (the values are copied); callers have validated and completed them. */
    Figures(Template template, long[] values, long[] present, long[] derived) {
        this(template, values, present, derived, Bits.forCells(values.length));
    }

    /** As above, with the cells marked not applicable (never present at the same time). */
    Figures(Template template, long[] values, long[] present, long[] derived, long[] notApplicable) {
        this.template = template;
        this.nonZero = Bits.forCells(values.length);
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                Bits.set(nonZero, i);
                count++;
            }
        }
        this.packed = new long[count];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (values[i] != 0) {
                packed[k++] = values[i];
            }
        }
        this.present = present;
        this.derived = derived;
        this.notApplicable = notApplicable;
    }

    /**
     * Decodes a flat map of cell code → value (see {@link #of(Template, Map)} for the values accepted) and reports
     * every problem at once.
     */
    public static Decoded decode(Template template, Map<String, ?> cells) {
        return FiguresDecoder.decode(template, cells);
    }

    /**
     * Decodes figures that are known to be valid, such as test fixtures and generated data.
     *
     * <p>Values may be {@code null} (blank), integers, {@link BigDecimal}s, or text in the forms published reports
     * use ({@code 增加15}, {@code 63800万元}, …).
     *
     * @throws InvalidFiguresException listing every input problem if any value is rejected
     */
    public static Figures of(Template template, Map<String, ?> cells) {
        Decoded decoded = decode(template, cells);
        return decoded.figures().orElseThrow(() -> new InvalidFiguresException(decoded.problems()));
    }

    /** Figures with every cell blank. */
    public static Figures blank(Template template) {
        int n = template.cellCount();
        return new Figures(template, new long[n], Bits.forCells(n), Bits.forCells(n), Bits.forCells(n));
    }

    public Template template() {
        return template;
    }

    /** The cell's value, or empty if it is blank. Counts have scale 0, amounts are in 万元. */
    public Optional<BigDecimal> value(String code) {
        int i = index(code);
        return isPresent(i) ? Optional.of(decimal(i)) : Optional.empty();
    }

    /** Whether the cell holds no value: neither filled in nor marked not applicable. */
    public boolean isBlank(String code) {
        int i = index(code);
        return !isPresent(i) && !Bits.get(notApplicable, i);
    }

    /**
     * Whether the cell was marked not applicable ({@code 不适用}): it holds no value, like a blank cell, but the unit
     * said so — distinct from a cell not filled in, and from 0.
     */
    public boolean isNotApplicable(String code) {
        return Bits.get(notApplicable, index(code));
    }

    /** Whether the cell at this index was marked not applicable. */
    public boolean isNotApplicableCell(int cell) {
        return Bits.get(notApplicable, cell);
    }

    /** The codes of the cells marked not applicable, in template order. */
    public List<String> notApplicable() {
        List<String> codes = new ArrayList<>();
        for (Cell cell : template.cells()) {
            if (Bits.get(notApplicable, cell.index())) {
                codes.add(cell.code());
            }
        }
        return codes;
    }

    /** Whether the cell was computed from its parts rather than given. */
    public boolean isDerived(String code) {
        return Bits.get(derived, index(code));
    }

    /** Whether the cell at this index was computed from its parts rather than given. */
    public boolean isDerivedCell(int cell) {
        return Bits.get(derived, cell);
    }

    /** Whether every cell is blank: nothing at all was reported, not even that a cell is not applicable. */
    public boolean isEmpty() {
        if (filledCount() != 0) {
            return false;
        }
        for (long word : notApplicable) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** Number of cells that are not blank. */
    public int filledCount() {
        int n = 0;
        for (long word : present) {
            n += Long.bitCount(word);
        }
        return n;
    }

    /**
     * Every filled cell in template order, including computed totals: counts as {@link Long}, amounts as
     * {@link BigDecimal} in 万元 without trailing zeros. Decoding the map gives equal figures.
     */
    public Map<String, Object> toMap() {
        return cells(false);
    }

    /**
     * Every filled cell in template order, including computed totals, as an exact decimal (amounts in 万元 without
     * trailing zeros): the typed form of {@link #toMap()}, for records that say what their values are.
     */
    public Map<String, BigDecimal> decimals() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            int i = cell.index();
            if (isPresent(i)) {
                map.put(cell.code(), cell.kind().scale() == 0 ? BigDecimal.valueOf(value(i)) : decimal(i));
            }
        }
        return map;
    }

    /** The filled cells that were given rather than computed, in template order. */
    public Map<String, Object> given() {
        return cells(true);
    }

    /**
     * What is kept of these figures: the cells given, in template order, and the cells marked not applicable as
     * {@value #NOT_APPLICABLE}. Decoding the map gives equal figures.
     */
    public Map<String, Object> toStorable() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            int i = cell.index();
            if (isPresent(i) && !Bits.get(derived, i)) {
                map.put(cell.code(), cell.kind().scale() == 0 ? (Object) value(i) : decimal(i));
            } else if (Bits.get(notApplicable, i)) {
                map.put(cell.code(), NOT_APPLICABLE);
            }
        }
        return map;
    }

    private Map<String, Object> cells(boolean givenOnly) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Cell cell : template.cells()) {
            int i = cell.index();
            if (isPresent(i) && !(givenOnly && Bits.get(derived, i))) {
                map.put(cell.code(), cell.kind().scale() == 0 ? (Object) value(i) : decimal(i));
            }
        }
        return map;
    }

    /**
     * Findings of the template's single-year rules on these figures as one unit's report: one finding per broken
     * rule instance, in rule order, each labelled. See {@link #validate()} for what a clerk should be shown.
     */
    public List<Finding> check() {
        return check(RuleContext.SINGLE_UNIT);
    }

    public List<Finding> check(RuleContext context) {
        return template.rules().check(this, context).stream().map(f -> f.withLabels(template.labels(f.cells()))).toList();
    }

    /**
     * What a clerk should be shown about these figures as one unit's report: causes before consequences (one error
     * per typed cell to fix, the rules it breaks listed under it; see {@link Attribution}), every finding labelled,
     * and a warning for each table left wholly blank while others are filled ({@value Sections#SECTION_BLANK}).
     * The number of errors is the number of things to fix.
     */
    public List<Finding> validate() {
        return validate(RuleContext.SINGLE_UNIT);
    }

    public List<Finding> validate(RuleContext context) {
        List<Finding> findings = new ArrayList<>(Attribution.explain(this, context));
        findings.addAll(Sections.blankSections(this));
        return List.copyOf(findings);
    }

    /** The consistency findings alone, with causes before consequences, without the section check. */
    public List<Finding> explainRules(RuleContext context) {
        return Attribution.explain(this, context);
    }

    /**
     * Findings of the cross-year rules: these figures against the same unit's figures of the year before, which
     * may be under another template (rules whose cells that template lacks do not apply).
     */
    public List<Finding> checkAgainstPreviousYear(Figures previous) {
        return template.rules().checkAcrossYears(this, Objects.requireNonNull(previous, "previous")).stream()
                .map(f -> f.withLabels(template.labels(f.cells()))).toList();
    }

    @Override
    public boolean isPresent(int cell) {
        return Bits.get(present, cell);
    }

    /** The scaled value of a cell by index; 0 for a blank cell. */
    @Override
    public long value(int cell) {
        int w = cell >>> 6;
        long word = nonZero[w];
        long bit = 1L << cell;
        if ((word & bit) == 0) {
            return 0;
        }
        int rank = Long.bitCount(word & (bit - 1));
        for (int i = 0; i < w; i++) {
            rank += Long.bitCount(nonZero[i]);
        }
        return packed[rank];
    }

    @Override
    public int indexOf(String code) {
        return template.indexOf(code);
    }

    private BigDecimal decimal(int i) {
        BigDecimal d = BigDecimal.valueOf(value(i), template.cell(i).kind().scale()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private int index(String code) {
        int i = template.indexOf(code);
        if (i < 0) {
            throw new IllegalArgumentException("template " + template.id() + " has no cell " + code);
        }
        return i;
    }

    /** Every cell's value by index, 0 where blank: a new array. */
    long[] values() {
        long[] values = new long[template.cellCount()];
        int k = 0;
        for (int w = 0; w < nonZero.length; w++) {
            for (long bits = nonZero[w]; bits != 0; bits &= bits - 1) {
                values[(w << 6) + Long.numberOfTrailingZeros(bits)] = packed[k++];
            }
        }
        return values;
    }

    /** The cells whose value is not zero (not to be changed). */
    long[] nonZeroBits() {
        return nonZero;
    }

    /** Their values in cell order (not to be changed). */
    long[] packedValues() {
        return packed;
    }

    long[] present() {
        return present;
    }

    long[] notApplicableBits() {
        return notApplicable;
    }

    long[] derivedBits() {
        return derived;
    }

    /**
     * Equal figures have the same template, the same filled cells with the same values, whether a total was given
     * or computed, and the same cells marked not applicable.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Figures other
                && template.id().equals(other.template.id())
                && Arrays.equals(nonZero, other.nonZero)
                && Arrays.equals(packed, other.packed)
                && Arrays.equals(present, other.present)
                && Arrays.equals(notApplicable, other.notApplicable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template.id(), Arrays.hashCode(nonZero), Arrays.hashCode(packed), Arrays.hashCode(present), Arrays.hashCode(notApplicable));
    }

    @Override
    public String toString() {
        return "Figures[" + template.id() + ", " + filledCount() + " cells filled]";
    }
}

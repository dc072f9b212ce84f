package org.opengovinfo.model.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.opengovinfo.model.template.Template;

/**
 * Adds up figures of one template: the mutable side of a consolidation, handing out immutable snapshots.
 *
 * <p>Summed and derived cells are added; a cell is blank in the sum only if it is blank in everything added, and
 * not applicable only if every unit added marked it so (a unit that left it blank or filled it in outweighs that).
 * Declared cells are never added: they come from {@link #snapshot(Figures)}'s declaration. Sums are exact: a
 * cell whose sum leaves the range of {@code long} is <em>overflowed</em>, blank in the snapshot and reported by
 * {@link #overflowedCells()}, never wrapped. Not thread-safe.
 */
public final class FiguresAccumulator {

    /** What every accumulator of one template shares: which cells are added, as indices and as masks. */
    private record SummedCells(int[] indices, long[] presenceMask, long[] valueMask) {

        private static final Map<Template, SummedCells> BY_TEMPLATE = Collections.synchronizedMap(new WeakHashMap<>());

        static SummedCells of(Template template) {
            return BY_TEMPLATE.computeIfAbsent(template, t -> {
                int[] indices = t.summedCells();
                long[] presence = Bits.forCells(t.cellCount());
                long[] values = new long[t.cellCount()];
                for (int i : indices) {
                    Bits.set(presence, i);
                    values[i] = -1L;
                }
                return new SummedCells(indices, presence, values);
            });
        }
    }

    private final Template template;
    private final int[] summed;
    private final long[] summedMask;
    private final long[] summedValueMask;
    private final long[] values;
    private final long[] present;
    private final long[] overflowed;
    /** Cells marked not applicable in every unit added so far (all set before the first). */
    private final long[] notApplicableInAll;
    private int reportingUnits;

    public FiguresAccumulator(Template template) {
        this.template = template;
        int n = template.cellCount();
        SummedCells shared = SummedCells.of(template);
        this.summed = shared.indices();
        this.summedMask = shared.presenceMask();
        this.summedValueMask = shared.valueMask();
        this.values = new long[n];
        this.present = Bits.forCells(n);
        this.overflowed = Bits.forCells(n);
        this.notApplicableInAll = Bits.forCells(n);
        java.util.Arrays.fill(notApplicableInAll, -1L);
    }

    /** Adds one unit's figures, which must be of this accumulator's template. */
    public void add(Figures figures) {
        requireSameTemplate(figures.template());
        addNonZero(figures.nonZeroBits(), figures.packedValues(), figures.present());
        intersectNotApplicable(figures.notApplicableBits());
        reportingUnits++;
    }

    /** Adds everything another accumulator of the same template has added. */
    public void addAll(FiguresAccumulator other) {
        requireSameTemplate(other.template);
        addValues(other.values, other.present);
        for (int w = 0; w < overflowed.length; w++) {
            overflowed[w] |= other.overflowed[w];
        }
        if (other.reportingUnits > 0) {
            intersectNotApplicable(other.notApplicableInAll);
        }
        reportingUnits += other.reportingUnits;
    }

    /**
     * Adds every summed cell in one branch-free loop that vectorises. Summed cells are never negative (signed cells
     * must be declared), and declared cells are masked to zero, so a sum overflowed exactly when its sign bit is
     * set: one OR over the sums tells whether any did, and only then does a second pass find which.
     */
    private void addValues(long[] source, long[] sourcePresent) {
        long[] v = values;
        long[] mask = summedValueMask;
        long signs = 0;
        for (int i = 0; i < v.length; i++) {
            long s = v[i] + (source[i] & mask[i]);
            signs |= s;
            v[i] = s;
        }
        added(signs, sourcePresent);
    }

    /**
     * The same for one unit's figures, held sparsely: only its non-zero cells are added (a sixth of them on average),
     * and only those can have overflowed by this addition.
     */
    private void addNonZero(long[] nonZero, long[] packed, long[] sourcePresent) {
        long[] v = values;
        long[] mask = summedValueMask;
        long signs = 0;
        int k = 0;
        for (int w = 0; w < nonZero.length; w++) {
            for (long bits = nonZero[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                long s = v[i] + (packed[k++] & mask[i]);
                signs |= s;
                v[i] = s;
            }
        }
        added(signs, sourcePresent);
    }

    /** After an addition: which sums overflowed (only if any sign bit is set), and which cells are now present. */
    private void added(long signs, long[] sourcePresent) {
        if (signs < 0) {
            for (int i : summed) {
                if (values[i] < 0) {
                    Bits.set(overflowed, i);
                }
            }
        }
        for (int w = 0; w < present.length; w++) {
            present[w] |= sourcePresent[w] & summedMask[w];
        }
    }

    private void intersectNotApplicable(long[] marked) {
        for (int w = 0; w < notApplicableInAll.length; w++) {
            notApplicableInAll[w] &= marked[w];
        }
    }

    /** How many units' figures were added, directly or through {@link #addAll}. */
    public int reportingUnits() {
        return reportingUnits;
    }

    /** Codes of the cells whose sum overflowed, in template order. */
    public List<String> overflowedCells() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Bits.get(overflowed, i)) {
                codes.add(template.cell(i).code());
            }
        }
        return codes;
    }

    /**
     * The sum so far as complete figures: declared cells taken from {@code declaration} (blank where it has none,
     * or where it is {@code null}), overflowed cells blank, and derived cells still blank computed from their parts.
     */
    public Figures snapshot(Figures declaration) {
        if (declaration != null) {
            requireSameTemplate(declaration.template());
        }
        int n = values.length;
        long[] v = new long[n];
        long[] p = Bits.forCells(n);
        long[] na = Bits.forCells(n);
        for (int i = 0; i < n; i++) {
            boolean filled;
            long value;
            if (Bits.get(summedMask, i)) {
                filled = Bits.get(present, i) && !Bits.get(overflowed, i);
                value = values[i];
            } else {
                filled = declaration != null && declaration.isPresent(i);
                value = filled ? declaration.value(i) : 0;
            }
            if (filled) {
                v[i] = value;
                Bits.set(p, i);
            } else if (Bits.get(summedMask, i) ? reportingUnits > 0 && Bits.get(notApplicableInAll, i)
                    && !Bits.get(overflowed, i) : declaration != null && declaration.isNotApplicableCell(i)) {
                // not applicable in every unit added: not applicable in the sum too; in one unit only, nothing
                Bits.set(na, i);
            }
        }
        long[] derived = Bits.forCells(n);
        FiguresDecoder.complete(template, v, p, derived, overflowed.clone());
        FiguresDecoder.markNotApplicableTotals(template, p, na);
        return new Figures(template, v, p, derived, na);
    }

    /** Whether the cell's sum overflowed. */
    public boolean isOverflowed(int cell) {
        return Bits.get(overflowed, cell);
    }

    private void requireSameTemplate(Template other) {
        if (other != template) {
            throw new IllegalArgumentException("figures of template " + other.id() + " cannot be added to template " + template.id());
        }
    }
}

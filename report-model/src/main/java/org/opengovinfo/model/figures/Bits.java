package org.opengovinfo.model.figures;

/** Bit sets over cell indices as plain {@code long[]}, kept minimal for the consolidation's inner loop. */
final class Bits {

    private Bits() {}

    static long[] forCells(int cells) {
        return new long[(cells + 63) >>> 6];
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }
}

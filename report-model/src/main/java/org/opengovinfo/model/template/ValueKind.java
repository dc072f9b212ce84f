package org.opengovinfo.model.template;

/**
 * What a cell holds. Every value is stored exactly as a scaled {@code long}: the number times
 * 10<sup>{@link #scale()}</sup>.
 */
public enum ValueKind {
    /** A whole number ≥ 0. */
    COUNT(0, false),
    /** A whole number that may be negative, such as 本年增/减. */
    SIGNED_COUNT(0, true),
    /** An amount in 万元 ≥ 0 with at most four decimals (one yuan). */
    AMOUNT(4, false);

    private final int scale;
    private final boolean signed;

    ValueKind(int scale, boolean signed) {
        this.scale = scale;
        this.signed = signed;
    }

    /** Decimal places kept: 0 for counts, 4 for amounts. */
    public int scale() {
        return scale;
    }

    /** Whether negative values are allowed. */
    public boolean isSigned() {
        return signed;
    }
}

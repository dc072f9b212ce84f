package org.opengovinfo.model.rule;

/** How the two sides of a {@link SumRule} must relate. */
public enum Relation {
    /** left = right. */
    EQUAL,
    /** left ≤ right: an "of which" within its total, or an item counted once within its channel breakdown. */
    AT_MOST;

    boolean holds(int comparison) {
        return this == EQUAL ? comparison == 0 : comparison <= 0;
    }
}

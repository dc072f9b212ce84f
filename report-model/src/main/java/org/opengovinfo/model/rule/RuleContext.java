package org.opengovinfo.model.rule;

/**
 * What a rule may need to know about the figures besides their cells.
 *
 * @param reportingUnits how many units' figures were added up into these figures: 1 for one unit's own report
 */
public record RuleContext(int reportingUnits) {

    public static final RuleContext SINGLE_UNIT = new RuleContext(1);

    public RuleContext {
        if (reportingUnits < 1) {
            throw new IllegalArgumentException("reportingUnits must be at least 1, was " + reportingUnits);
        }
    }
}

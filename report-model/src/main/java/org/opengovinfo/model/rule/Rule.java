package org.opengovinfo.model.rule;

import java.util.List;

/** A consistency rule of a report template, declared as data beside the template. */
public sealed interface Rule permits SumRule, AmountLimitRule {

    /** Stable identifier, e.g. {@code s3.balance}. Several instances of a per-row or per-column rule share it. */
    String id();

    Severity severity();

    Message message();

    /** Whether the rule compares a report with the same unit's report of the previous year. */
    boolean isCrossYear();

    /**
     * Checks the figures and adds a finding to {@code findings} for every violation.
     *
     * @param current the figures to check
     * @param previous the same unit's previous-year figures; {@code null} unless the rule is cross-year
     */
    void check(CellValues current, CellValues previous, RuleContext context, List<Finding> findings);
}

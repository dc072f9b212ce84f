package org.opengovinfo.model.rule;

/** How a broken rule is treated: errors reject a submission, warnings are accepted and reported. */
public enum Severity {
    ERROR,
    WARNING
}

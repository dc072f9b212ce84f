package org.opengovinfo.service.access;

/** What a request may do; roles grant sets of permissions within their unit's subtree. */
public enum Permission {
    READ_TEMPLATES,
    READ_UNITS,
    MANAGE_UNITS,
    MANAGE_TOKENS,
    READ_AUDIT,
    WRITE_FIGURES,
    READ_FIGURES,
    ROLL_UP,
    READ_CONSOLIDATED
}

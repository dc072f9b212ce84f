package org.opengovinfo.service.indicators;

import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/** Which figures indicators are computed from, and what a caller needs to read them. */
public enum Source {
    /** The unit's own figures (本级), as submitted. */
    OWN("own", Permission.READ_FIGURES),
    /** The unit's figures consolidated over its subtree, from its latest rollup snapshot. */
    CONSOLIDATED("consolidated", Permission.READ_CONSOLIDATED);

    private final String code;
    private final Permission permission;

    Source(String code, Permission permission) {
        this.code = code;
        this.permission = permission;
    }

    String code() {
        return code;
    }

    /** Reading indicators of these figures needs what reading the figures needs. */
    Permission permission() {
        return permission;
    }

    /** {@code own} when not given; anything but {@code own} or {@code consolidated} is refused. */
    static Source parse(String value) {
        if (value == null || value.equals("own")) {
            return OWN;
        }
        if (value.equals("consolidated")) {
            return CONSOLIDATED;
        }
        throw ErrorCode.REQUEST_INVALID_PARAMETER.problem("source", Redaction.clip(value),
                new Words("own 或 consolidated", "own or consolidated"));
    }
}

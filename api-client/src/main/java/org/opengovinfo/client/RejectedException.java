package org.opengovinfo.client;

import java.util.List;

/** Figures that break rules or hold bad values (422): {@link #findings()} lists every one, cell by cell. */
public class RejectedException extends ApiException {

    public RejectedException(int status, String code, String detail, List<Finding> findings) {
        super(status, code, detail, findings);
    }
}

package org.opengovinfo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Figures that break rules or hold bad values (422): {@link #findings()} lists every one, cell by cell. */
public class RejectedException extends ApiException {

    public RejectedException(int status, String code, String detail, List<Finding> findings) {
        super(status, code, detail, findings);
    }

    public RejectedException(int status, String code, String detail, List<Finding> findings, List<ProblemItem> problems,
                             JsonNode document) {
        super(status, code, detail, findings, problems, document);
    }
}

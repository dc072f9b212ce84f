package org.opengovinfo.client;

import java.util.List;

/**
 * The service refused a request. {@code code} is the problem's stable code ({@code unit.not_found},
 * {@code request.duplicate_key}, …); {@code findings} lists every finding when the service gave them.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<Finding> findings;

    public ApiException(int status, String code, String detail, List<Finding> findings) {
        super(status + " " + code + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.findings = List.copyOf(findings);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Finding> findings() {
        return findings;
    }
}

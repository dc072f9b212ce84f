package org.opengovinfo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The service refused a request. {@code code} is the problem's stable code ({@code unit.not_found},
 * {@code request.duplicate_key}, …); every entry of the problem's {@code errors} is in {@link #findings()} (broken
 * rules and rejected values) or {@link #problems()} (everything else, e.g. the units of an import).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final transient List<Finding> findings;
    private final transient List<ProblemItem> problems;
    private final transient JsonNode document;

    public ApiException(int status, String code, String detail, List<Finding> findings) {
        this(status, code, detail, findings, List.of(), null);
    }

    /** @param document the problem as the service sent it, or {@code null} if its answer was no problem document */
    public ApiException(int status, String code, String detail, List<Finding> findings, List<ProblemItem> problems,
                        JsonNode document) {
        super(status + " " + code + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
        this.document = document;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The problem's {@code detail}, or the answer's body if it was not a problem document. */
    public String detail() {
        return detail;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The entries of the problem's {@code errors} that are not findings. */
    public List<ProblemItem> problems() {
        return problems;
    }

    /** The whole problem document as the service sent it ({@code application/problem+json}), or {@code null}. */
    public JsonNode document() {
        return document;
    }
}

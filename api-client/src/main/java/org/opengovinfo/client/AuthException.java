package org.opengovinfo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The token is missing, bad, expired or revoked (401), or may not do this here (403). */
public class AuthException extends ApiException {

    public AuthException(int status, String code, String detail) {
        this(status, code, detail, List.of(), null);
    }

    public AuthException(int status, String code, String detail, List<ProblemItem> problems, JsonNode document) {
        super(status, code, detail, List.of(), problems, document);
    }
}

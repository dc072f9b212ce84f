package org.opengovinfo.client;

import java.util.List;

/** The token is missing, bad, expired or revoked (401), or may not do this here (403). */
public class AuthException extends ApiException {

    public AuthException(int status, String code, String detail) {
        super(status, code, detail, List.of());
    }
}

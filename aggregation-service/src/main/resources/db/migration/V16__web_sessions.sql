-- Sessions of the web app (issue #16): a signed-in browser holds a random session id in an HttpOnly cookie; the
-- database holds only its SHA-256 hash, the hash of the token it was exchanged for (so that the session is exactly
-- that token: revoked or expired, the session ends with it), and the CSRF token its pages send with every write.
-- Stored here, not in memory, so that every instance knows every session and a restart ends none.
CREATE TABLE web_session (
    id_hash     VARCHAR(64)  PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    csrf_token  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_expiry ON web_session (expires_at);

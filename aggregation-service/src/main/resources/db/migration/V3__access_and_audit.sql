-- API tokens are stored only as SHA-256 hashes; the token itself is shown once, when it is created.
CREATE TABLE api_token (
    id          VARCHAR(36)  PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    principal   VARCHAR(128) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    scope_unit  VARCHAR(64)  REFERENCES unit (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- Every write: who, when, what, on which unit and year.
CREATE TABLE audit_event (
    id          VARCHAR(36)  PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    principal   VARCHAR(128) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    unit_id     VARCHAR(64),
    report_year INTEGER,
    detail      TEXT         NOT NULL
);
CREATE INDEX audit_event_unit ON audit_event (unit_id, report_year, at);
CREATE INDEX audit_event_principal ON audit_event (principal, at);

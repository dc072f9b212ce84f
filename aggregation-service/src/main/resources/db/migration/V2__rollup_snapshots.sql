-- A rollup snapshot is written once and never changed; a later rollup makes a new one.
CREATE TABLE rollup_snapshot (
    id           VARCHAR(36)  PRIMARY KEY,
    unit_id      VARCHAR(64)  NOT NULL REFERENCES unit (id),
    report_year  INTEGER      NOT NULL,
    template_id  VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(128) NOT NULL,
    content      TEXT         NOT NULL
);
CREATE INDEX rollup_snapshot_unit_year ON rollup_snapshot (unit_id, report_year, created_at);

-- Every consolidating unit a snapshot holds consolidated figures for, so a pull finds the latest for any unit.
CREATE TABLE rollup_snapshot_unit (
    snapshot_id VARCHAR(36) NOT NULL REFERENCES rollup_snapshot (id),
    unit_id     VARCHAR(64) NOT NULL,
    report_year INTEGER     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (snapshot_id, unit_id)
);
CREATE INDEX rollup_snapshot_unit_latest ON rollup_snapshot_unit (unit_id, report_year, created_at);

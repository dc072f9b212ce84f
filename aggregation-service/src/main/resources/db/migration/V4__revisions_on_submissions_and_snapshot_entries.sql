-- The year revision a submission was stored at. Writers of a year hold its revision row until commit, so
-- revisions follow commit order: the figures of a year "at revision R" are, per unit, the newest version stored at
-- or before R. Caches catch up by reading only the versions stored after the revision they hold.
ALTER TABLE submission ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX submission_year_revision ON submission (report_year, revision);

-- Which cells a version changed is derived when read, from it and the version before; rows stored earlier keep
-- their list, new rows store NULL.
ALTER TABLE submission ALTER COLUMN changes DROP NOT NULL;

-- One consolidating unit's part of a snapshot (consolidated values, counts, findings) as JSON, so that a pull reads
-- one small row. Snapshots stored before this column held their entries in rollup_snapshot.content.
ALTER TABLE rollup_snapshot_unit ADD COLUMN content TEXT;
ALTER TABLE rollup_snapshot_unit ADD COLUMN ordinal INTEGER;

-- The hierarchy a snapshot consolidated (unit → parent), stored once per distinct tree and named by its SHA-256:
-- January's many rollups of one tree share one row.
CREATE TABLE rollup_tree (
    id      VARCHAR(64) PRIMARY KEY,
    content TEXT        NOT NULL
);

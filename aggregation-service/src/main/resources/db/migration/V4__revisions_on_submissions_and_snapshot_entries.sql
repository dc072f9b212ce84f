-- The year revision a submission was stored at. Writers of a year hold its revision row until commit, so
-- revisions follow commit order: the figures of a year "at revision R" are, per unit, the newest version stored at
-- or before R. Caches catch up by reading only the versions stored after the revision they hold.
ALTER TABLE submission ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX submission_year_revision ON submission (report_year, revision);

-- One consolidating unit's part of a snapshot (consolidated values, counts, findings) as JSON, so that a pull reads
-- one small row. Snapshots stored before this column held their entries in rollup_snapshot.content.
ALTER TABLE rollup_snapshot_unit ADD COLUMN content TEXT;
ALTER TABLE rollup_snapshot_unit ADD COLUMN ordinal INTEGER;

-- The year's revision at which a report last moved by review (handed in, accepted, returned, reopened): an instance
-- that keeps the year's report states in memory for its rollups re-reads only the reports moved since the revision it
-- knows, instead of every report of the year on every rollup. A move bumps the year's revision after it updates the
-- row, in the same order as a figures write (row first, then the revision), so the two never wait on each other in a
-- cycle. Figures writes leave the column alone: their new versions tell the instance which reports they moved back to
-- draft. 0: not moved by review since this column was added.
ALTER TABLE report_state ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX report_state_revision ON report_state (report_year, revision);

-- When a snapshot was first read by a pull or a snapshot read: a snapshot someone has read may be cited, so
-- retention never prunes it (NULL: never read). Only the first read writes it.
ALTER TABLE rollup_snapshot ADD COLUMN last_read_at TIMESTAMP WITH TIME ZONE;

-- retention looks for old snapshots by creation time, and publications by snapshot
CREATE INDEX rollup_snapshot_created ON rollup_snapshot (created_at);
CREATE INDEX publication_snapshot ON publication (snapshot_id);

-- Snapshots stored compactly. A header is deflated JSON in `packed` (content stays for snapshots stored before), and
-- lists the reports not accepted as runs over its stored tree's order instead of by unit id (at national scale the
-- map by id was most of a snapshot's 5 MB). A consolidating unit's part is deflated JSON stored once per distinct
-- content, named by the SHA-256 of its JSON: a rollup after one leaf changed stores new parts only for that leaf's
-- ancestors, and a rollup with nothing changed stores none. Parts are never deleted, so a part found stored stays
-- stored; the snapshot's row names its part in part_id (content stays for rows stored before).
ALTER TABLE rollup_snapshot ADD COLUMN packed BYTEA;
ALTER TABLE rollup_snapshot ALTER COLUMN content DROP NOT NULL;

CREATE TABLE rollup_part (
    id      VARCHAR(64) PRIMARY KEY,
    content BYTEA       NOT NULL
);
ALTER TABLE rollup_snapshot_unit ADD COLUMN part_id VARCHAR(64);

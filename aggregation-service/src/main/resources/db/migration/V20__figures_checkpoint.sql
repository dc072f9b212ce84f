-- A year's current figures as they stood at one revision, in a packed binary form (see FiguresCheckpoints): a
-- service starting reads these few blocks and then only the versions stored after that revision, instead of every
-- unit's stored figures as text. Derived from the submission rows and never the only copy: without a checkpoint,
-- or with one written under another template layout, a year is read from the rows as before. A checkpoint's parts
-- are written in one transaction, so a reader sees all of them or none.
CREATE TABLE figures_checkpoint (
    report_year INTEGER NOT NULL,
    revision    BIGINT  NOT NULL,
    part        INTEGER NOT NULL,
    parts       INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    content     BYTEA   NOT NULL,
    PRIMARY KEY (report_year, revision, part)
);

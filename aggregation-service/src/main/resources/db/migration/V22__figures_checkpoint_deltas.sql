-- A checkpoint may hold only the units whose figures changed since an earlier checkpoint, named in base_revision (NULL:
-- the whole year, as before). Writing the whole year again for every twentieth of it that changed cost a national
-- ingest tens of seconds of a core; a start reads the whole checkpoint and the changes after it in order. Such parts
-- carry a format number older builds do not read, so that a build rolled back ignores them and reads the rows.
ALTER TABLE figures_checkpoint ADD COLUMN base_revision BIGINT;

-- A rollup with nothing changed since the last one of the same unit, year and basis names the same part for every
-- unit: instead of writing those rows again (3,101 nationally, most of such a rollup's time), its snapshot names the
-- snapshot whose rows it shares in units_of. Only a snapshot that wrote rows is named; when retention prunes it, its
-- rows go to the newest snapshot sharing them, which the others then name.
ALTER TABLE rollup_snapshot ADD COLUMN units_of VARCHAR(36);
ALTER TABLE rollup_snapshot ADD CONSTRAINT rollup_snapshot_units_of_fk FOREIGN KEY (units_of) REFERENCES rollup_snapshot (id);
CREATE INDEX rollup_snapshot_units_of ON rollup_snapshot (units_of);

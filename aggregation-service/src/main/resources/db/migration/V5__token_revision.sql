-- Revoking a token bumps this counter (key -1, beside 0 for the hierarchy), so that every instance can keep the
-- tokens it has seen in memory and still refuse a revoked one at once: one shared read per request tells.
INSERT INTO year_revision (report_year, revision) VALUES (-1, 0);

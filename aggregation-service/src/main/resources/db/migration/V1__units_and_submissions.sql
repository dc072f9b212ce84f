-- Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE unit (
    id            VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    division_code VARCHAR(12),
    from_year     INTEGER      NOT NULL,
    to_year       INTEGER,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where a unit sits for a span of years. A unit's spans are contiguous and cover its years; a top unit has no
-- parent. A unit moved in 2021 keeps its old span, so 2020 rollups still find it under its old parent.
CREATE TABLE unit_placement (
    unit_id   VARCHAR(64) NOT NULL REFERENCES unit (id),
    from_year INTEGER     NOT NULL,
    to_year   INTEGER,
    parent_id VARCHAR(64) REFERENCES unit (id),
    PRIMARY KEY (unit_id, from_year)
);
CREATE INDEX unit_placement_parent ON unit_placement (parent_id);

-- Bumped in the same transaction as every write that changes a report year's figures or hierarchy, so a cache
-- on any instance can tell cheaply whether anyone has written since it loaded.
CREATE TABLE year_revision (
    report_year INTEGER PRIMARY KEY,
    revision    BIGINT  NOT NULL
);

-- Every accepted version of a unit's figures for a year is kept.
CREATE TABLE submission (
    unit_id      VARCHAR(64)  NOT NULL REFERENCES unit (id),
    report_year  INTEGER      NOT NULL,
    version      INTEGER      NOT NULL,
    template_id  VARCHAR(32)  NOT NULL,
    figures      TEXT         NOT NULL,
    declared     TEXT,
    content_hash VARCHAR(64)  NOT NULL,
    submitted_by VARCHAR(128) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changes      TEXT         NOT NULL,
    PRIMARY KEY (unit_id, report_year, version)
);

-- The current version per unit and year; writers move it with compare-and-set, so two writers never both win.
CREATE TABLE submission_head (
    unit_id     VARCHAR(64) NOT NULL REFERENCES unit (id),
    report_year INTEGER     NOT NULL,
    version     INTEGER     NOT NULL,
    PRIMARY KEY (unit_id, report_year)
);
CREATE INDEX submission_head_year ON submission_head (report_year);

-- Revision 0 counts hierarchy changes; one row per report year counts figure changes. Seeded so that writers only
-- ever UPDATE (an INSERT race would abort a PostgreSQL transaction).
INSERT INTO year_revision (report_year, revision) VALUES
    (0, 0),
    (2008, 0),
    (2009, 0),
    (2010, 0),
    (2011, 0),
    (2012, 0),
    (2013, 0),
    (2014, 0),
    (2015, 0),
    (2016, 0),
    (2017, 0),
    (2018, 0),
    (2019, 0),
    (2020, 0),
    (2021, 0),
    (2022, 0),
    (2023, 0),
    (2024, 0),
    (2025, 0),
    (2026, 0),
    (2027, 0),
    (2028, 0),
    (2029, 0),
    (2030, 0),
    (2031, 0),
    (2032, 0),
    (2033, 0),
    (2034, 0),
    (2035, 0),
    (2036, 0),
    (2037, 0),
    (2038, 0),
    (2039, 0),
    (2040, 0),
    (2041, 0),
    (2042, 0),
    (2043, 0),
    (2044, 0),
    (2045, 0),
    (2046, 0),
    (2047, 0),
    (2048, 0),
    (2049, 0),
    (2050, 0),
    (2051, 0),
    (2052, 0),
    (2053, 0),
    (2054, 0),
    (2055, 0),
    (2056, 0),
    (2057, 0),
    (2058, 0),
    (2059, 0),
    (2060, 0),
    (2061, 0),
    (2062, 0),
    (2063, 0),
    (2064, 0),
    (2065, 0),
    (2066, 0),
    (2067, 0),
    (2068, 0),
    (2069, 0),
    (2070, 0),
    (2071, 0),
    (2072, 0),
    (2073, 0),
    (2074, 0),
    (2075, 0),
    (2076, 0),
    (2077, 0),
    (2078, 0),
    (2079, 0),
    (2080, 0),
    (2081, 0),
    (2082, 0),
    (2083, 0),
    (2084, 0),
    (2085, 0),
    (2086, 0),
    (2087, 0),
    (2088, 0),
    (2089, 0),
    (2090, 0),
    (2091, 0),
    (2092, 0),
    (2093, 0),
    (2094, 0),
    (2095, 0),
    (2096, 0),
    (2097, 0),
    (2098, 0),
    (2099, 0),
    (2100, 0);

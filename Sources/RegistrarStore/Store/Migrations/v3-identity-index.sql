-- Migration v3: the identity number's uniqueness as a named index, member_identity.
--
-- It was a table constraint, UNIQUE (id_number, id_type), whose index SQLite names itself and will not
-- drop. A first import into an empty registry drops the named index inside its transaction and builds
-- it once its rows are in (or sooner, should a row repeat an identity number): a million random
-- insertions into a B-tree four times the size of the page cache cost more than one sort. The member
-- table is rebuilt as v2 rebuilt it (renamed aside under legacy_alter_table, so that other tables'
-- REFERENCES keep the name), the rows copied, the old table dropped with its indexes, and those
-- recreated. The migrator runs this in one transaction with foreign keys checked at the end. This
-- file is frozen once shipped.

PRAGMA legacy_alter_table = ON;

ALTER TABLE member RENAME TO member_v2;
CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    member_no TEXT UNIQUE CHECK (member_no <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    gender TEXT CHECK (gender IN ('M', 'F')),
    -- A full date, or 'YYYY-MM' when the roster only gives the month (出生年月).
    birth_date TEXT CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                           OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    id_type TEXT CHECK (id_type = 'resident' OR id_type = 'passport' OR id_type = 'hk_macao' OR
        id_type = 'taiwan' OR id_type = 'foreign_permanent' OR id_type = 'other'),
    id_number TEXT CHECK (id_number <> ''),
    orcid TEXT CHECK (orcid GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9X]'),
    email TEXT,
    phone TEXT,
    employer TEXT,
    unit_id INTEGER REFERENCES unit_member (id),
    title TEXT,
    title_level TEXT CHECK (title_level = 'senior' OR title_level = 'associate' OR
        title_level = 'intermediate' OR title_level = 'junior' OR title_level = 'other'),
    education TEXT,
    degree TEXT,
    discipline TEXT,
    province TEXT,
    nationality TEXT,
    grade TEXT CHECK (grade = 'student' OR grade = 'regular' OR grade = 'senior' OR grade = 'fellow' OR
        grade = 'honorary' OR grade = 'foreign'),
    grassroots INTEGER CHECK (grassroots IN (0, 1)),
    political_status TEXT,
    created_batch INTEGER REFERENCES import_batch (id),
    updated_batch INTEGER REFERENCES import_batch (id),
    CHECK (member_no IS NOT NULL OR id_number IS NOT NULL),
    CHECK ((id_type IS NULL) = (id_number IS NULL)),
    CHECK (id_type IS NOT 'resident' OR length(id_number) = 18)
);
INSERT INTO member SELECT * FROM member_v2;
DROP TABLE member_v2;
CREATE UNIQUE INDEX member_orcid ON member (orcid) WHERE orcid IS NOT NULL;
-- Identity number first, so a look-up by number alone (type unknown) uses this index.
CREATE UNIQUE INDEX member_identity ON member (id_number, id_type);

PRAGMA legacy_alter_table = OFF;

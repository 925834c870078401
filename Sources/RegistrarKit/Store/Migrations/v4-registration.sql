-- Migration v4: annual registration (年度注册, RULES.md R1).
--
-- Adds the registration table (a member registered for a calendar year, with the payment if known),
-- the society's three registration settings, the import kind 'registrations' and the end reason
-- 'unregistered' (a member treated as withdrawn, 视为自动退会, when staff run `registration lapse`).
-- SQLite cannot alter a CHECK constraint or add a column in place of a table's constraints, so
-- society, import_batch and membership_period are rebuilt as v2 rebuilt them (renamed aside under
-- legacy_alter_table, so that other tables' REFERENCES keep the name), the rows copied, the old
-- tables dropped with their indexes and triggers, and those recreated. The migrator runs this in one
-- transaction with foreign keys checked at the end. This file is frozen once shipped.

PRAGMA legacy_alter_table = ON;

-- society
ALTER TABLE society RENAME TO society_v3;
CREATE TABLE society (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    base_year INTEGER NOT NULL DEFAULT 2017 CHECK (base_year BETWEEN 1949 AND 2999),
    target_year INTEGER NOT NULL DEFAULT 2018 CHECK (target_year BETWEEN 1949 AND 2999),
    goal_basis_points INTEGER NOT NULL DEFAULT 1500 CHECK (goal_basis_points BETWEEN 0 AND 100000),
    relaxation_threshold_basis_points INTEGER NOT NULL DEFAULT 3000
        CHECK (relaxation_threshold_basis_points BETWEEN 0 AND 100000),
    relaxed_cap_seats INTEGER CHECK (relaxed_cap_seats > 0),
    relaxed_cap_basis_points INTEGER CHECK (relaxed_cap_basis_points > 0),
    young_age INTEGER NOT NULL DEFAULT 45 CHECK (young_age BETWEEN 18 AND 100),
    absence_threshold INTEGER NOT NULL DEFAULT 2 CHECK (absence_threshold > 0),
    branch_inactive_months INTEGER NOT NULL DEFAULT 24 CHECK (branch_inactive_months > 0),
    -- R1: the first year registration is required (NULL: never), the months of the next year a
    -- registration still covers, and the unregistered years after which a member is treated as withdrawn (0: never).
    registration_required_from INTEGER CHECK (registration_required_from BETWEEN 1900 AND 9999),
    registration_grace_months INTEGER NOT NULL DEFAULT 3 CHECK (registration_grace_months BETWEEN 0 AND 11),
    registration_lapse_years INTEGER NOT NULL DEFAULT 0 CHECK (registration_lapse_years BETWEEN 0 AND 10),
    CHECK (target_year > base_year),
    CHECK (relaxed_cap_seats IS NULL OR relaxed_cap_basis_points IS NULL)
);
INSERT INTO society (id, name, base_year, target_year, goal_basis_points, relaxation_threshold_basis_points,
                     relaxed_cap_seats, relaxed_cap_basis_points, young_age, absence_threshold, branch_inactive_months)
SELECT id, name, base_year, target_year, goal_basis_points, relaxation_threshold_basis_points,
       relaxed_cap_seats, relaxed_cap_basis_points, young_age, absence_threshold, branch_inactive_months FROM society_v3;
DROP TABLE society_v3;

-- import_batch
ALTER TABLE import_batch RENAME TO import_batch_v3;
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'members' OR kind = 'units' OR kind = 'services' OR kind = 'integrity' OR
        kind = 'board' OR kind = 'branches' OR kind = 'registrations'),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    encoding TEXT NOT NULL CHECK (encoding IN ('utf-8', 'gb18030')),
    as_of TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    mode TEXT NOT NULL CHECK (mode IN ('update', 'snapshot')),
    read_count INTEGER NOT NULL DEFAULT 0 CHECK (read_count >= 0),
    inserted_count INTEGER NOT NULL DEFAULT 0 CHECK (inserted_count >= 0),
    updated_count INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
    unchanged_count INTEGER NOT NULL DEFAULT 0 CHECK (unchanged_count >= 0),
    rejected_count INTEGER NOT NULL DEFAULT 0 CHECK (rejected_count >= 0),
    lapsed_count INTEGER NOT NULL DEFAULT 0 CHECK (lapsed_count >= 0),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    CHECK (finished_at IS NULL OR finished_at >= started_at)
);
INSERT INTO import_batch SELECT * FROM import_batch_v3;
DROP TABLE import_batch_v3;

-- membership_period
ALTER TABLE membership_period RENAME TO membership_period_v3;
CREATE TABLE membership_period (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_date TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_reason TEXT CHECK (end_reason = 'lapsed' OR end_reason = 'resigned' OR end_reason = 'expelled' OR
        end_reason = 'deceased' OR end_reason = 'absent_from_roster' OR end_reason = 'unregistered'),
    batch_id INTEGER REFERENCES import_batch (id),
    ended_batch_id INTEGER REFERENCES import_batch (id),
    CHECK (end_date IS NULL OR start_date <= end_date),
    CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
INSERT INTO membership_period SELECT * FROM membership_period_v3;
DROP TABLE membership_period_v3;
CREATE INDEX membership_period_member ON membership_period (member_id, start_date);
CREATE UNIQUE INDEX membership_period_one_open ON membership_period (member_id) WHERE end_date IS NULL;
CREATE TRIGGER membership_period_no_overlap_insert BEFORE INSERT ON membership_period
WHEN EXISTS (
    SELECT 1 FROM membership_period AS p
    WHERE p.member_id = NEW.member_id
      AND p.start_date < coalesce(NEW.end_date, '9999-12-31')
      AND NEW.start_date < coalesce(p.end_date, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'membership periods of one member must not overlap');
END;
CREATE TRIGGER membership_period_no_overlap_update BEFORE UPDATE OF start_date, end_date ON membership_period
WHEN EXISTS (
    SELECT 1 FROM membership_period AS p
    WHERE p.member_id = NEW.member_id AND p.id <> NEW.id
      AND p.start_date < coalesce(NEW.end_date, '9999-12-31')
      AND NEW.start_date < coalesce(p.end_date, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'membership periods of one member must not overlap');
END;

-- Annual registrations (年度注册): a member registered for a calendar year, from a roster's
-- registration column or a registrations file. Amounts are whole fen (分), never floating point.
-- recorded_on is the as-of date of the import that recorded it; a renewal is dated by paid_on when
-- known, else by recorded_on.
CREATE TABLE registration (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    paid_on TEXT CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    amount_fen INTEGER CHECK (amount_fen >= 0),
    receipt TEXT,
    recorded_on TEXT NOT NULL CHECK (recorded_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    batch_id INTEGER REFERENCES import_batch (id),
    UNIQUE (member_id, year)
);
-- Counts on a day read the registrations of one or two years: by year, covering the member.
CREATE INDEX registration_year ON registration (year, member_id);

PRAGMA legacy_alter_table = OFF;

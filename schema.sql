-- registrar: the whole current schema of a society's registry.
--
-- This file is the one source of truth. The binary embeds it (Sources/RegistrarKit/Store/schema.sql
-- is a symbolic link to it); the store tests check that a database built by the migrations in
-- Sources/RegistrarKit/Store/Migrations.swift equals one built from this file, text for text.
-- When the schema changes: update this file to the whole new schema, and add a migration (a new
-- frozen SQL file under Sources/RegistrarKit/Store/Migrations/) that takes a registry from the
-- previous schema to this one. A migration that has shipped is never edited.
--
-- Conventions: dates are TEXT 'YYYY-MM-DD' (they sort and compare as dates); timestamps are TEXT
-- ISO 8601 in UTC; enumerations are lower-case English words, translated only for display;
-- percentages are whole basis points (1500 = 15.00%) so every rule is exact integer arithmetic.
-- An enumeration of more than two words is checked as `x = 'a' OR x = 'b' OR …`, never `x IN ('a', 'b', …)`:
-- for an IN list longer than two SQLite builds a temporary index each time a statement runs, so every
-- INSERT paid for it (importing a million members took 63 s with IN lists, 33 s with OR chains).

PRAGMA application_id = 1380271954; -- 'REGR'

-- Society settings (学会设置): one row.
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
INSERT INTO society (id) VALUES (1);

-- Import batches (导入批次): one row per file brought in, whatever its kind.
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

-- Unit members (单位会员/团体会员).
CREATE TABLE unit_member (
    id INTEGER PRIMARY KEY,
    unit_no TEXT UNIQUE CHECK (unit_no <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    uscc TEXT UNIQUE CHECK (length(uscc) = 18),
    kind TEXT CHECK (kind = 'university' OR kind = 'institute' OR kind = 'enterprise' OR kind = 'hospital' OR
        kind = 'other'),
    province TEXT,
    staff_count INTEGER CHECK (staff_count >= 0),
    created_batch INTEGER REFERENCES import_batch (id),
    updated_batch INTEGER REFERENCES import_batch (id),
    CHECK (unit_no IS NOT NULL OR uscc IS NOT NULL)
);
CREATE INDEX unit_member_name ON unit_member (name);

-- Individual members (个人会员).
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
-- Identity number first, so a look-up by number alone (type unknown) uses this index. An index of its
-- own, not a table constraint, so that a first import can build it after its rows (migration v3).
CREATE UNIQUE INDEX member_identity ON member (id_number, id_type);
-- One ORCID iD identifies one person. A partial index: most members have none, and a NULL entry would
-- still cost every import a B-tree insert.
CREATE UNIQUE INDEX member_orcid ON member (orcid) WHERE orcid IS NOT NULL;
-- No B-tree index on name (look-ups by name match a fragment anywhere, which no B-tree serves) nor on
-- unit_id (only whole-table aggregates read it): each would cost every import a B-tree insert a row.

-- Member names for the web view's search by a fragment of three or more characters: an FTS5 trigram
-- index holding no copy of the names, kept in step by triggers (a first import builds it once at
-- the end instead, NameIndexDeferral). Migration v7; v9 made it again without the column sizes
-- (docsize) that only ranking reads, which more than halves a first import's build of it.
CREATE VIRTUAL TABLE member_name_fts USING fts5 (name, content = 'member', content_rowid = 'id', tokenize = 'trigram', columnsize = 0);

CREATE TRIGGER member_name_fts_insert AFTER INSERT ON member
BEGIN
    INSERT INTO member_name_fts (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER member_name_fts_update AFTER UPDATE OF name ON member WHEN old.name IS NOT new.name
BEGIN
    INSERT INTO member_name_fts (member_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO member_name_fts (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER member_name_fts_delete AFTER DELETE ON member
BEGIN
    INSERT INTO member_name_fts (member_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;

-- Membership periods (会籍期间): each continuous span of an individual's membership.
-- A member counts on day D when start_date <= D and (end_date IS NULL OR end_date > D).
-- registered_from, registered_through (v6; beside the dates since v8, so a count in good standing
-- reads no further into a row than the dates): the member's latest run of consecutive recorded
-- registration years, the same on each of the member's periods, which `Standing` compares with the
-- day's year; 0 and 0 for none recorded, NULL when not derived yet.
CREATE TABLE membership_period (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_date TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    registered_from INTEGER CHECK (registered_from BETWEEN 0 AND 9999),
    registered_through INTEGER CHECK (registered_through BETWEEN 0 AND 9999 AND registered_through >= registered_from),
    end_reason TEXT CHECK (end_reason = 'lapsed' OR end_reason = 'resigned' OR end_reason = 'expelled' OR
        end_reason = 'deceased' OR end_reason = 'absent_from_roster' OR end_reason = 'unregistered'),
    batch_id INTEGER REFERENCES import_batch (id),
    ended_batch_id INTEGER REFERENCES import_batch (id),
    CHECK (end_date IS NULL OR start_date <= end_date),
    CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
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

-- Membership periods of unit members, counted by the same rule and never toward the G1 goal.
CREATE TABLE unit_membership_period (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES unit_member (id),
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_date TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_reason TEXT CHECK (end_reason = 'lapsed' OR end_reason = 'resigned' OR end_reason = 'expelled' OR
        end_reason = 'absent_from_roster'),
    batch_id INTEGER REFERENCES import_batch (id),
    ended_batch_id INTEGER REFERENCES import_batch (id),
    CHECK (end_date IS NULL OR start_date <= end_date),
    CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX unit_membership_period_unit ON unit_membership_period (unit_id, start_date);
CREATE UNIQUE INDEX unit_membership_period_one_open ON unit_membership_period (unit_id) WHERE end_date IS NULL;

CREATE TRIGGER unit_membership_period_no_overlap_insert BEFORE INSERT ON unit_membership_period
WHEN EXISTS (
    SELECT 1 FROM unit_membership_period AS p
    WHERE p.unit_id = NEW.unit_id
      AND p.start_date < coalesce(NEW.end_date, '9999-12-31')
      AND NEW.start_date < coalesce(p.end_date, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'membership periods of one unit must not overlap');
END;

CREATE TRIGGER unit_membership_period_no_overlap_update BEFORE UPDATE OF start_date, end_date ON unit_membership_period
WHEN EXISTS (
    SELECT 1 FROM unit_membership_period AS p
    WHERE p.unit_id = NEW.unit_id AND p.id <> NEW.id
      AND p.start_date < coalesce(NEW.end_date, '9999-12-31')
      AND NEW.start_date < coalesce(p.end_date, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'membership periods of one unit must not overlap');
END;

-- Services given to members (会员服务).
CREATE TABLE service_record (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    served_on TEXT NOT NULL CHECK (served_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    type TEXT NOT NULL CHECK (type = 'conference' OR type = 'training' OR type = 'journal' OR
        type = 'award' OR type = 'recommendation' OR type = 'consultation' OR type = 'mentoring' OR
        type = 'popular_science' OR type = 'other'),
    channel TEXT NOT NULL CHECK (channel IN ('online', 'offline')),
    title TEXT NOT NULL DEFAULT '',
    batch_id INTEGER REFERENCES import_batch (id),
    -- The same service given twice to the same member on the same day is one record: re-importing a
    -- file must not double it.
    UNIQUE (member_id, served_on, type, channel, title)
);
CREATE INDEX service_record_served_on ON service_record (served_on);

-- Academic-integrity cases (学术诚信档案): each member's dossier is the set of its cases.
CREATE TABLE integrity_case (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE CHECK (case_no <> ''),
    member_id INTEGER NOT NULL REFERENCES member (id),
    opened_on TEXT NOT NULL CHECK (opened_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    allegation TEXT NOT NULL CHECK (allegation = 'fabrication' OR allegation = 'falsification' OR
        allegation = 'plagiarism' OR allegation = 'improper_authorship' OR
        allegation = 'duplicate_submission' OR allegation = 'paper_mill' OR
        allegation = 'review_manipulation' OR allegation = 'other'),
    status TEXT NOT NULL CHECK (status = 'open' OR status = 'investigating' OR status = 'decided' OR
        status = 'appealed' OR status = 'closed'),
    finding TEXT CHECK (finding IN ('substantiated', 'unsubstantiated')),
    decided_on TEXT CHECK (decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sanction TEXT NOT NULL DEFAULT 'none' CHECK (sanction = 'none' OR sanction = 'warning' OR
        sanction = 'criticism' OR sanction = 'suspension' OR sanction = 'expulsion' OR
        sanction = 'award_revocation' OR sanction = 'nomination_ban'),
    sanction_start TEXT CHECK (sanction_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sanction_end TEXT CHECK (sanction_end GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    reference TEXT,
    note TEXT,
    batch_id INTEGER REFERENCES import_batch (id),
    CHECK (decided_on IS NULL OR opened_on <= decided_on),
    CHECK (sanction_end IS NULL OR (sanction_start IS NOT NULL AND sanction_start <= sanction_end)),
    CHECK (sanction = 'none' OR sanction_start IS NOT NULL)
);
CREATE INDEX integrity_case_member ON integrity_case (member_id, opened_on);

-- What changed in a case, when, and from which batch or command: a case's history.
CREATE TABLE integrity_case_change (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES integrity_case (id),
    changed_at TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batch (id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX integrity_case_change_case ON integrity_case_change (case_id);

-- Board terms (理事会届次), seats, meetings and attendance.
CREATE TABLE board_term (
    id INTEGER PRIMARY KEY,
    term_no INTEGER NOT NULL UNIQUE CHECK (term_no > 0),
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_date TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    planned_size INTEGER CHECK (planned_size > 0),
    CHECK (end_date IS NULL OR start_date <= end_date)
);

-- A seat on a board: every seat is a director (理事); `standing` marks a standing director (常务理事);
-- `office` the chair, a vice-chair or the secretary-general.
CREATE TABLE board_seat (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES board_term (id),
    member_id INTEGER NOT NULL REFERENCES member (id),
    standing INTEGER NOT NULL DEFAULT 0 CHECK (standing IN (0, 1)),
    office TEXT CHECK (office = 'chair' OR office = 'vice_chair' OR office = 'secretary_general'),
    grassroots INTEGER CHECK (grassroots IN (0, 1)),
    full_time INTEGER CHECK (full_time IN (0, 1)),
    UNIQUE (term_id, member_id)
);

CREATE TABLE board_meeting (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES board_term (id),
    held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('board', 'standing_board')),
    title TEXT NOT NULL DEFAULT '',
    UNIQUE (term_id, held_on, kind)
);

CREATE TABLE board_attendance (
    meeting_id INTEGER NOT NULL REFERENCES board_meeting (id),
    member_id INTEGER NOT NULL REFERENCES member (id),
    attendance TEXT NOT NULL CHECK (attendance = 'present' OR attendance = 'excused' OR
        attendance = 'unexcused'),
    PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

-- Branches (分支机构).
CREATE TABLE branch (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    founded_on TEXT CHECK (founded_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    last_activity_on TEXT CHECK (last_activity_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    dissolved_on TEXT CHECK (dissolved_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (dissolved_on IS NULL OR founded_on IS NULL OR founded_on <= dissolved_on)
);

-- Accounts of the staff web view (registrar serve; migration v5). Passwords only as bcrypt hashes; five
-- failed sign-ins in a row lock an account until locked_until. Roles: viewer, staff, admin.
CREATE TABLE web_user (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    role TEXT NOT NULL CHECK (role = 'admin' OR role = 'staff' OR role = 'viewer'),
    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[abxy]$*'),
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until TEXT,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

-- For each audit journal of `registrar serve` (`<registry>.web-audit`: entries made while an import
-- had the registry), the last of its entries already copied into audit_log, so none is copied twice.
-- Migration v7.
CREATE TABLE web_audit_journal (
    journal TEXT PRIMARY KEY,
    last_entry INTEGER NOT NULL CHECK (last_entry >= 0)
);

-- The audit log (审计日志): append-only. Every import, change, and look-up of an integrity dossier or of
-- an unmasked identity number. Subjects and details never hold an identity number in clear.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT
);

CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

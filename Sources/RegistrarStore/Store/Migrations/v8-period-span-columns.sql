-- Migration v8: the registration span beside the dates in membership_period.
--
-- v6 added registered_from and registered_through in place, so they came last in every row, after
-- end_reason and the two batch columns. A count in good standing reads the dates and then the span
-- of each period on the roll; with the span straight after the dates SQLite reads the row's header
-- no further than it does for the dates, and a count of a million members in good standing takes
-- 5% fewer instructions (callgrind), while counts without registration read the same as before.
-- SQLite cannot move a column, so the table is rebuilt as v2 rebuilt tables: renamed aside
-- (legacy_alter_table keeps other tables' references on the name), made again under its name, the
-- rows copied, the old one dropped with its indexes and triggers, and those made again after the
-- copy (the overlap trigger would otherwise search the table for each copied row). The migrator
-- runs this in one transaction with foreign keys checked at the end. This file is frozen once shipped.

PRAGMA legacy_alter_table = ON;

ALTER TABLE membership_period RENAME TO membership_period_v7;
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
INSERT INTO membership_period (id, member_id, start_date, end_date, registered_from, registered_through, end_reason,
                               batch_id, ended_batch_id)
SELECT id, member_id, start_date, end_date, registered_from, registered_through, end_reason, batch_id, ended_batch_id
FROM membership_period_v7;
DROP TABLE membership_period_v7;
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

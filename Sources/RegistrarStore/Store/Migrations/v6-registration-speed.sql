-- Migration v6: standing on a day as a comparison (issue 15's speed).
--
-- Counting members in good standing (RULES.md R1) asked, for every period on the roll, whether a
-- registration for the day's year is recorded: a B-tree search of the registration table per
-- period. Each period now carries the member's latest run of consecutive recorded registration
-- years, registered_from through registered_through (the same on every period of the member), so
-- for a day in or after that run's first year the question is a comparison on the row being
-- counted. 0 and 0: the member has no registration recorded. NULL: not derived yet (a period
-- written since the last derivation, such as a roster's new member); then the registration table
-- is asked, as before. `Standing` is the one place that reads them, and the writers of
-- registrations keep them in step in the same transaction (`RegistrationSpans`).
--
-- ADD COLUMN leaves every row as it is; the UPDATEs below derive the values once. A run's first
-- year is the latest recorded year whose year before is not recorded. This file is frozen once shipped.

ALTER TABLE membership_period ADD COLUMN registered_from INTEGER CHECK (registered_from BETWEEN 0 AND 9999);
ALTER TABLE membership_period ADD COLUMN registered_through INTEGER CHECK (registered_through BETWEEN 0 AND 9999 AND registered_through >= registered_from);

CREATE TEMP TABLE registration_span_v6 (member_id INTEGER PRIMARY KEY, first_year INTEGER NOT NULL, last_year INTEGER NOT NULL);
INSERT INTO registration_span_v6 (member_id, first_year, last_year)
SELECT member_id,
       max(CASE WHEN NOT EXISTS (SELECT 1 FROM registration b WHERE b.member_id = r.member_id AND b.year = r.year - 1)
                THEN year END),
       max(year)
FROM registration r GROUP BY member_id;
UPDATE membership_period SET (registered_from, registered_through) = (
    SELECT coalesce(s.first_year, 0), coalesce(s.last_year, 0)
    FROM (SELECT 1) LEFT JOIN registration_span_v6 s ON s.member_id = membership_period.member_id);
DROP TABLE registration_span_v6;

-- Migration v7: the staff web view's member search by part of a name, and its audit journal's mark.
--
-- member_name_fts: an FTS5 index of member names with the trigram tokenizer, so that a search for any
-- fragment of three or more characters (`name LIKE '%fragment%'`) reads the index instead of every
-- member. It holds no copy of the names (content = member); the three triggers keep it in step with
-- the member table, and a first import, which adds every member at once, drops the insert trigger and
-- builds the index once from the table before it commits (NameIndexDeferral).
--
-- web_audit_journal: for each audit journal of `registrar serve` (the file `<registry>.web-audit`,
-- which holds audit entries made while an import had the registry), the last of its entries already
-- copied into audit_log, so that no entry is copied twice. This file is frozen once shipped.

CREATE VIRTUAL TABLE member_name_fts USING fts5 (name, content = 'member', content_rowid = 'id', tokenize = 'trigram');

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

INSERT INTO member_name_fts (member_name_fts) VALUES ('rebuild');

CREATE TABLE web_audit_journal (
    journal TEXT PRIMARY KEY,
    last_entry INTEGER NOT NULL CHECK (last_entry >= 0)
);

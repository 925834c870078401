-- Migration v9: the name search index keeps no column sizes.
--
-- An FTS5 table keeps, beside its index, each row's token count in a table of its own (docsize), which
-- only the ranking functions (bm25) read; the name search matches a phrase and ranks nothing. Without
-- it the index answers the same MATCH and a first import of a million members builds it in 0.37 s
-- instead of 0.94 s (`INSERT ... VALUES ('rebuild')`, sqlite3's .timer). FTS5 cannot drop the
-- option in place, so the index is made again under its name and built from the member table; the
-- triggers on member name it and are kept. This file is frozen once shipped.

DROP TABLE member_name_fts;

CREATE VIRTUAL TABLE member_name_fts USING fts5 (name, content = 'member', content_rowid = 'id', tokenize = 'trigram', columnsize = 0);

INSERT INTO member_name_fts (member_name_fts) VALUES ('rebuild');

-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Migration 3: Chinese full-text search over concerns (subject, details, place, resident name)
-- and the indexes the concerns list sorts and filters on.
--
-- Most Chinese words have two characters (积水, 停车, 噪音), and the trigram index of migration 2
-- cannot find a query shorter than three characters: such a search scanned the table, about
-- 950 ms on a million concerns. concerns_fts is now tokenized by "ld_bigram" (src/core/ld-fts.c):
-- a CJK run becomes its overlapping bigrams, a run of Latin letters and digits one case-folded
-- word. A query of two or more CJK characters is a phrase of bigrams, which is an exact substring
-- match and an index lookup. A single character still needs a scan, which the store makes with
-- instr() (ld_fts_build_query).
--
-- The tokenizer lives in the app, not in SQLite: ld-database registers it on every connection it
-- opens. A connection without it (the sqlite3 shell) cannot read or write concerns_fts, but can
-- still write the record tables, because the triggers below only write the journal.
--
-- The index is external content over the view concerns_search, so that the resident's name is
-- indexed with the concern without being copied into it. FTS5 reads a view like a table for
-- 'rebuild' and for reading column values, and 'delete' takes the old values from the statement,
-- never from the content, so a view serves (checked on SQLite 3.40).
--
-- The journal works as in 0002-search.sql, now with the old values of all four columns. A
-- concern is noted when it is inserted, deleted, or its subject, details, place or resident
-- changes, and every concern of a resident is noted when the resident's name changes, with that
-- OLD name: the index holds the name as it was. The first note of a row in a transaction wins
-- (WHERE NOT EXISTS), so old values are what the index held before the transaction; the writer
-- replays the journal just before COMMIT (ld-database.c):
--
--   INSERT INTO concerns_fts (concerns_fts, rowid, subject, details, place, resident_name)
--     SELECT 'delete', concern_id, old_subject, old_details, old_place, old_resident_name
--       FROM concerns_fts_pending WHERE indexed = 1;
--   INSERT INTO concerns_fts (rowid, subject, details, place, resident_name)
--     SELECT s.id, s.subject, s.details, s.place, s.resident_name
--       FROM concerns_fts_pending AS p JOIN concerns_search AS s ON s.id = p.concern_id;
--   DELETE FROM concerns_fts_pending;
--
-- A concern inserted and deleted in the same transaction is absent from concerns_search at
-- commit and never reaches the index. The suggestions index and its journal are unchanged.
-- As before, never write concerns or residents with INSERT OR REPLACE.

DROP TRIGGER concerns_fts_insert;
DROP TRIGGER concerns_fts_delete;
DROP TRIGGER concerns_fts_update;
DROP TABLE concerns_fts_pending;
DROP TABLE concerns_fts;

CREATE VIEW concerns_search AS
  SELECT c.id AS id, c.subject AS subject, c.details AS details, c.place AS place,
         r.name AS resident_name
    FROM concerns AS c LEFT JOIN residents AS r ON r.id = c.resident_id;

CREATE VIRTUAL TABLE concerns_fts USING fts5 (
  subject,
  details,
  place,
  resident_name,
  content = 'concerns_search',
  content_rowid = 'id',
  tokenize = 'ld_bigram'
);

-- indexed = 1: the index holds the old_* values for this row and must forget them.
CREATE TABLE concerns_fts_pending (
  concern_id        INTEGER PRIMARY KEY,
  indexed           INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_subject       TEXT,
  old_details       TEXT,
  old_place         TEXT,
  old_resident_name TEXT,
  CHECK (indexed = 0 OR (old_subject IS NOT NULL AND old_details IS NOT NULL))
) STRICT;

CREATE TRIGGER concerns_fts_insert AFTER INSERT ON concerns
BEGIN
  INSERT INTO concerns_fts_pending (concern_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = new.id);
END;

CREATE TRIGGER concerns_fts_delete AFTER DELETE ON concerns
BEGIN
  INSERT INTO concerns_fts_pending (concern_id, indexed, old_subject, old_details, old_place,
                                    old_resident_name)
    SELECT old.id, 1, old.subject, old.details, old.place,
           (SELECT name FROM residents WHERE id = old.resident_id)
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = old.id);
END;

-- Only a change of the indexed text re-indexes: state changes and edits of other fields, which
-- are most updates, leave the index alone.
CREATE TRIGGER concerns_fts_update
  AFTER UPDATE OF id, subject, details, place, resident_id ON concerns
BEGIN
  INSERT INTO concerns_fts_pending (concern_id, indexed, old_subject, old_details, old_place,
                                    old_resident_name)
    SELECT old.id, 1, old.subject, old.details, old.place,
           (SELECT name FROM residents WHERE id = old.resident_id)
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = old.id);
  INSERT INTO concerns_fts_pending (concern_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = new.id);
END;

-- The resident's name is indexed with each of their concerns.
CREATE TRIGGER concerns_fts_resident_name AFTER UPDATE OF name ON residents
  WHEN old.name IS NOT new.name
BEGIN
  INSERT INTO concerns_fts_pending (concern_id, indexed, old_subject, old_details, old_place,
                                    old_resident_name)
    SELECT c.id, 1, c.subject, c.details, c.place, old.name
      FROM concerns AS c
     WHERE c.resident_id = old.id
       AND NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = c.id);
END;

-- Rows written at earlier versions become searchable.
INSERT INTO concerns_fts (concerns_fts) VALUES ('rebuild');

-- The concerns list sorts and filters on these at a million rows.
CREATE INDEX concerns_by_due ON concerns (due_date, id) WHERE due_date IS NOT NULL;
-- Sorted by due date, the concerns without one follow, newest first: without this index that
-- segment reads every row of the table to test due_date.
-- A search lists the concerns its index finds in received order: reading received_at (and
-- state, for the status filter) of tens of thousands of matches from this narrow index instead
-- of the wide rows keeps a common word like 停车 fast (the store names it with INDEXED BY).
CREATE INDEX concerns_by_id_received ON concerns (id, received_at, state);
CREATE INDEX concerns_by_received_undue ON concerns (received_at, id) WHERE due_date IS NULL;
CREATE INDEX concerns_by_state_received ON concerns (state, received_at);
CREATE INDEX concerns_by_category_received ON concerns (category_id, received_at);
CREATE INDEX concerns_by_channel_received ON concerns (channel_id, received_at);
CREATE INDEX concerns_by_confidential ON concerns (received_at) WHERE confidential = 1;

-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Migration 2: full-text search over concerns (subject, details) and suggestions (title, content).
--
-- Chinese has no spaces between words, so the indexes are built from character trigrams: any
-- query of three or more characters is an index lookup, e.g. MATCH '路灯不'. Shorter queries find
-- nothing through MATCH and must fall back to LIKE (or a later tokenizer) in the store.
--
-- The indexes are external content: they hold only the trigrams and read the text back from the
-- record table by rowid, so they must be told the old text of every row that changes (the 'delete'
-- command needs exactly what was indexed).
--
-- Why the triggers write a journal instead of the index itself: SQLite 3.40 does not mark FTS5 as
-- innocuous, and with trusted_schema=OFF a trigger that writes an FTS5 table makes every INSERT,
-- UPDATE and DELETE on the record table fail ("unsafe use of virtual table"). So the triggers note
-- each changed row once per transaction, with the text the index holds for it, in an ordinary
-- table, and the writer replays the journal with top-level statements just before COMMIT:
--
--   INSERT INTO concerns_fts (concerns_fts, rowid, subject, details)
--     SELECT 'delete', concern_id, old_subject, old_details
--       FROM concerns_fts_pending WHERE indexed = 1;
--   INSERT INTO concerns_fts (rowid, subject, details)
--     SELECT c.id, c.subject, c.details
--       FROM concerns_fts_pending AS p JOIN concerns AS c ON c.id = p.concern_id;
--   DELETE FROM concerns_fts_pending;
--
--   INSERT INTO suggestions_fts (suggestions_fts, rowid, title, content)
--     SELECT 'delete', suggestion_id, old_title, old_content
--       FROM suggestions_fts_pending WHERE indexed = 1;
--   INSERT INTO suggestions_fts (rowid, title, content)
--     SELECT s.id, s.title, s.content
--       FROM suggestions_fts_pending AS p JOIN suggestions AS s ON s.id = p.suggestion_id;
--   DELETE FROM suggestions_fts_pending;
--
-- Keeping only the first note of a row until the replay is what makes it exact: the old text is
-- what the index held before, the new text is read from the row as it is at commit, and a row
-- inserted and deleted in the same transaction never reaches the index. The notes use WHERE NOT
-- EXISTS rather than INSERT OR IGNORE because a trigger's conflict clause is overridden by the
-- outer statement's (an UPSERT or UPDATE OR … would turn IGNORE into something else). Writes made
-- outside the app (the sqlite3 shell) stay in the journal until the app's next commit replays
-- them. A bulk load may instead clear the journal and run 'rebuild' once at the end.
--
-- Never write these tables with INSERT OR REPLACE: the row it replaces is deleted without firing
-- the DELETE trigger (unless recursive_triggers is on), and its old text would stay in the index.
-- Use UPDATE or INSERT … ON CONFLICT DO UPDATE.

CREATE VIRTUAL TABLE concerns_fts USING fts5 (
  subject,
  details,
  content = 'concerns',
  content_rowid = 'id',
  tokenize = 'trigram'
);

-- indexed = 1: the index holds old_subject/old_details for this row and must forget them.
CREATE TABLE concerns_fts_pending (
  concern_id      INTEGER PRIMARY KEY,
  indexed         INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_subject     TEXT,
  old_details     TEXT,
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
  INSERT INTO concerns_fts_pending (concern_id, indexed, old_subject, old_details)
    SELECT old.id, 1, old.subject, old.details
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = old.id);
END;

-- Only a change of the indexed text re-indexes: state changes and edits of other fields, which
-- are most updates, leave the index alone.
CREATE TRIGGER concerns_fts_update AFTER UPDATE OF id, subject, details ON concerns
BEGIN
  INSERT INTO concerns_fts_pending (concern_id, indexed, old_subject, old_details)
    SELECT old.id, 1, old.subject, old.details
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = old.id);
  INSERT INTO concerns_fts_pending (concern_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM concerns_fts_pending WHERE concern_id = new.id);
END;

CREATE VIRTUAL TABLE suggestions_fts USING fts5 (
  title,
  content,
  content = 'suggestions',
  content_rowid = 'id',
  tokenize = 'trigram'
);

CREATE TABLE suggestions_fts_pending (
  suggestion_id   INTEGER PRIMARY KEY,
  indexed         INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_title       TEXT,
  old_content     TEXT,
  CHECK (indexed = 0 OR (old_title IS NOT NULL AND old_content IS NOT NULL))
) STRICT;

CREATE TRIGGER suggestions_fts_insert AFTER INSERT ON suggestions
BEGIN
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = new.id);
END;

CREATE TRIGGER suggestions_fts_delete AFTER DELETE ON suggestions
BEGIN
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed, old_title, old_content)
    SELECT old.id, 1, old.title, old.content
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = old.id);
END;

CREATE TRIGGER suggestions_fts_update AFTER UPDATE OF id, title, content ON suggestions
BEGIN
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed, old_title, old_content)
    SELECT old.id, 1, old.title, old.content
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = old.id);
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = new.id);
END;

-- Rows written at schema version 1 become searchable.
INSERT INTO concerns_fts (concerns_fts) VALUES ('rebuild');
INSERT INTO suggestions_fts (suggestions_fts) VALUES ('rebuild');

-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Migration 4: Chinese full-text search over deputy suggestions (title, content, number), the
-- rolling supervision due date, and the indexes the suggestions list sorts and filters on.
--
-- As for concerns in migration 3, the trigram index of migration 2 cannot find a query shorter
-- than three characters, and most Chinese words have two (交通, 停车). suggestions_fts is now
-- tokenized by "ld_bigram" (src/core/ld-fts.c) and also holds the number the congress gives a
-- suggestion (第0123号), so that a clerk finds it by the number on the reply letter. The index
-- is external content over the suggestions table itself: every indexed column is one of its
-- columns, so no view is needed.
--
-- The journal works as in 0002-search.sql and 0003-concerns.sql, now with the old values of
-- the three columns. A suggestion is noted when it is inserted, deleted, or its title, content
-- or number changes; the first note of a row in a transaction wins (WHERE NOT EXISTS), so the
-- old values are what the index held before the transaction. The writer replays the journal
-- just before COMMIT (ld-database.c):
--
--   INSERT INTO suggestions_fts (suggestions_fts, rowid, title, content, number)
--     SELECT 'delete', suggestion_id, old_title, old_content, old_number
--       FROM suggestions_fts_pending WHERE indexed = 1;
--   INSERT INTO suggestions_fts (rowid, title, content, number)
--     SELECT s.id, s.title, s.content, s.number
--       FROM suggestions_fts_pending AS p JOIN suggestions AS s ON s.id = p.suggestion_id;
--   DELETE FROM suggestions_fts_pending;
--
-- The concerns index and its journal are unchanged. As before, never write suggestions with
-- INSERT OR REPLACE.

DROP TRIGGER suggestions_fts_insert;
DROP TRIGGER suggestions_fts_delete;
DROP TRIGGER suggestions_fts_update;
DROP TABLE suggestions_fts_pending;
DROP TABLE suggestions_fts;

CREATE VIRTUAL TABLE suggestions_fts USING fts5 (
  title,
  content,
  number,
  content = 'suggestions',
  content_rowid = 'id',
  tokenize = 'ld_bigram'
);

-- indexed = 1: the index holds the old_* values for this row and must forget them.
CREATE TABLE suggestions_fts_pending (
  suggestion_id   INTEGER PRIMARY KEY,
  indexed         INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_title       TEXT,
  old_content     TEXT,
  old_number      TEXT,
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
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed, old_title, old_content, old_number)
    SELECT old.id, 1, old.title, old.content, old.number
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = old.id);
END;

-- Only a change of the indexed text re-indexes: the workflow's updates, which are most of
-- them, leave the index alone.
CREATE TRIGGER suggestions_fts_update AFTER UPDATE OF id, title, content, number ON suggestions
BEGIN
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed, old_title, old_content, old_number)
    SELECT old.id, 1, old.title, old.content, old.number
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = old.id);
  INSERT INTO suggestions_fts_pending (suggestion_id, indexed)
    SELECT new.id, 0
     WHERE NOT EXISTS (SELECT 1 FROM suggestions_fts_pending WHERE suggestion_id = new.id);
END;

-- Rows written at earlier versions become searchable.
INSERT INTO suggestions_fts (suggestions_fts) VALUES ('rebuild');

-- 滚动督办: the day of the next year ("MM-DD") by which a unit reports again on a suggestion
-- still being solved.
INSERT INTO settings (station_id, key, value) VALUES
  (NULL, 'suggestion.rolling_followup_due', '06-30')
  ON CONFLICT DO NOTHING;

-- The suggestions list sorts and filters on these at a district's hundred thousand rows:
-- newest first over every station, by state in workflow order, by category, by number, and
-- the key supervision and year filters. suggestions_by_due (migration 1) serves the due-date
-- sort, and UNIQUE (suggestion_id, year) of rolling_supervision the rolling filter.
CREATE INDEX suggestions_by_created ON suggestions (created_at, id);
CREATE INDEX suggestions_by_state_created ON suggestions (state, created_at);
CREATE INDEX suggestions_by_category_created ON suggestions (category_id, created_at)
  WHERE category_id IS NOT NULL;
CREATE INDEX suggestions_by_number ON suggestions (number, id) WHERE number IS NOT NULL;
CREATE INDEX suggestions_by_key_supervision ON suggestions (created_at) WHERE key_supervision = 1;
CREATE INDEX suggestions_by_submitted ON suggestions (submitted_date) WHERE submitted_date IS NOT NULL;
-- Carrying a year's answers over into the rolling ledger reads the suggestions answered in it.
CREATE INDEX suggestions_by_answered ON suggestions (answer_date) WHERE answer_date IS NOT NULL;

-- The period figures of ld-report over every station: suggestions by assignment, concerns by
-- conclusion and by feedback (the last two cover their queries without reading the table).
CREATE INDEX suggestions_by_assigned ON suggestions (assigned_date) WHERE assigned_date IS NOT NULL;
CREATE INDEX concerns_by_concluded ON concerns (concluded_date) WHERE concluded_date IS NOT NULL;
CREATE INDEX concerns_by_feedback ON concerns (feedback_date, satisfaction) WHERE feedback_date IS NOT NULL;

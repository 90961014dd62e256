-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Migration 1: the base schema of Liaison Desk.
--
-- The runner (src/core/ld-database.c) executes this file in one transaction and then sets
-- user_version; the file itself must never contain BEGIN/COMMIT or PRAGMA user_version.
-- A released migration is never edited: change the schema in a new numbered file.
--
-- Conventions every later migration follows:
--
-- * Values (enforced here, relied on by the C code and by merges between stations):
--     …_date   a calendar date in the station's local time:  'YYYY-MM-DD'
--     …_time   a local time of day:                          'HH:MM'
--     …_at     an instant, always UTC with a 'Z':            'YYYY-MM-DDTHH:MM:SSZ'
--   Instants are UTC so that they sort and merge exactly whatever the machine's time zone is.
--   To select a local day or period on an …_at column, convert its bounds to UTC in C (GDateTime)
--   and compare text; never compare an …_at column with a bare 'YYYY-MM-DD'.
--   Checks use date(x, '+0 days') IS x (and strftime(…, '+0 seconds') for instants) because the
--   date functions echo an impossible date like 2025-02-30 unchanged unless a modifier forces
--   them to compute it; the round trip also rejects '2026-1-5', trailing text and other offsets.
--
-- * Records: id INTEGER PRIMARY KEY; uuid (lowercase 8-4-4-4-12 hex, a random v4 by default)
--   identifies a row across stations when districts merge files; station_id names the owning
--   station; created_at/updated_at are instants, and updated_at moves by trigger on every UPDATE
--   that does not set it itself (a merge may set it to keep the source's value).
--   Link tables have no uuid: they are identified by the uuids of the rows they link; they are
--   WITHOUT ROWID so that the key is the row and the reverse index covers the lookup.
--
-- * Workflow states, kinds and roles are CHECK (x IN (…)): the code enforces the glossary's
--   workflow and an unknown value must never reach the file. Widening such a list means
--   rebuilding the table in a migration (create new, copy, drop, rename), so open vocabularies
--   (timeline actions, export kinds) are only checked for snake_case shape instead.
--   Categories, channels and answer classes differ between localities, so they are data:
--   editable lists with a seed_key (English snake_case, NULL for user entries), a name that stays
--   NULL until the user renames a seeded entry (the UI then shows the seed's translation),
--   hidden (entries in use are hidden, not deleted) and position.
--
-- * Booleans are INTEGER 0/1. Phone numbers are stored normalised (digits, '-', '+').
--
-- * The connection runs with trusted_schema=OFF and defensive mode, so every function in a
--   DEFAULT, CHECK, index, view or trigger must be innocuous. In SQLite 3.40 the JSON functions
--   are not (JSON columns are only checked for shape), and FTS5 tables cannot be written from a
--   trigger (see 0002-search.sql).
--
-- * Foreign keys: RESTRICT where a person, unit, station or list entry is referenced (the app
--   retires or hides instead), CASCADE only for link rows owned by their parent.
--   The history of a concern or suggestion (timeline) is never removed as a side effect.

-- ------------------------------------------------------------------ stations

CREATE TABLE stations (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  -- 家站点: station 代表联络站, home 人大代表之家, central 中心联络站, point 代表联络点,
  -- workroom 代表工作室, enterprise 企业/园区联络站, online 网上联络站
  kind            TEXT NOT NULL DEFAULT 'station'
                  CHECK (kind IN ('station', 'home', 'central', 'point', 'workroom',
                                  'enterprise', 'online')),
  name            TEXT NOT NULL CHECK (trim(name) <> ''),
  district        TEXT,
  subdistrict     TEXT,             -- sub-district office or township
  address         TEXT,
  phone           TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32
                                                AND phone NOT GLOB '*[^0-9+-]*')),
  reporting_unit  TEXT,             -- the name exports give as the reporting unit
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

-- ------------------------------------------------------------------ people and units

CREATE TABLE deputies (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  -- The deputy's home station.
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  name            TEXT NOT NULL CHECK (trim(name) <> ''),
  name_pinyin     TEXT,             -- pinyin initials for type-to-search, filled by the app
  gender          TEXT CHECK (gender IS NULL OR gender IN ('female', 'male')),
  -- 五级代表
  level           TEXT NOT NULL
                  CHECK (level IN ('national', 'provincial', 'municipal', 'district', 'township')),
  professional_group TEXT,          -- 代表专业小组, free text as the congress names them
  constituency    TEXT,
  occupation      TEXT,
  workplace       TEXT,
  phone           TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32
                                                AND phone NOT GLOB '*[^0-9+-]*')),
  -- A referenced deputy is retired rather than deleted.
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

CREATE INDEX deputies_by_name ON deputies (name);
CREATE INDEX deputies_by_station ON deputies (station_id, status, name);

-- 承办单位. station_id NULL: shared by every station in the file (a district's departments).
CREATE TABLE units (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  name            TEXT NOT NULL CHECK (trim(name) <> ''),
  kind            TEXT NOT NULL DEFAULT 'department'
                  CHECK (kind IN ('department', 'subdistrict', 'community', 'village',
                                  'enterprise', 'other')),
  contact         TEXT,
  phone           TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32
                                                AND phone NOT GLOB '*[^0-9+-]*')),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

CREATE INDEX units_by_name ON units (name);

-- ------------------------------------------------------------------ editable lists
--
-- Four lists of one shape, kept apart so that a foreign key alone guarantees that a concern
-- gets a concern category and a suggestion a suggestion category.
-- station_id NULL: shared by every station in the file (all seeded entries are).

CREATE TABLE concern_categories (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  seed_key        TEXT CHECK (seed_key IS NULL OR (seed_key GLOB '[a-z]*'
                                                   AND seed_key NOT GLOB '*[^a-z0-9_]*')),
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0,
  -- Working days a handling unit gets; NULL: the setting concern.time_limit_working_days.
  time_limit_days INTEGER CHECK (time_limit_days IS NULL OR time_limit_days BETWEEN 1 AND 366),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (seed_key IS NOT NULL OR name IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX concern_categories_seed ON concern_categories (ifnull(station_id, 0), seed_key)
  WHERE seed_key IS NOT NULL;

CREATE TABLE suggestion_categories (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  seed_key        TEXT CHECK (seed_key IS NULL OR (seed_key GLOB '[a-z]*'
                                                   AND seed_key NOT GLOB '*[^a-z0-9_]*')),
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (seed_key IS NOT NULL OR name IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX suggestion_categories_seed
  ON suggestion_categories (ifnull(station_id, 0), seed_key) WHERE seed_key IS NOT NULL;

CREATE TABLE channels (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  seed_key        TEXT CHECK (seed_key IS NULL OR (seed_key GLOB '[a-z]*'
                                                   AND seed_key NOT GLOB '*[^a-z0-9_]*')),
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (seed_key IS NOT NULL OR name IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX channels_seed ON channels (ifnull(station_id, 0), seed_key)
  WHERE seed_key IS NOT NULL;

-- The rates must not depend on a class's label (A, 甲, …), so the meaning is data:
-- solved counts towards the solved rate, carry_over sends an answer into the next year's
-- rolling supervision ledger.
CREATE TABLE answer_classes (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  seed_key        TEXT CHECK (seed_key IS NULL OR (seed_key GLOB '[A-Za-z]*'
                                                   AND seed_key NOT GLOB '*[^A-Za-z0-9_]*')),
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0,
  solved          INTEGER NOT NULL DEFAULT 0 CHECK (solved IN (0, 1)),
  carry_over      INTEGER NOT NULL DEFAULT 0 CHECK (carry_over IN (0, 1)),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (seed_key IS NOT NULL OR name IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX answer_classes_seed ON answer_classes (ifnull(station_id, 0), seed_key)
  WHERE seed_key IS NOT NULL;

-- ------------------------------------------------------------------ reception calendar

-- A recurrence rule kept as fields, not as an RRULE string, so that SQL can read it; the
-- iCalendar export translates it. Occurrences are computed by src/core/ld-recurrence.
CREATE TABLE event_series (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL
                  CHECK (kind IN ('reception_day', 'duty', 'visit_enterprise', 'visit_community',
                                  'visit_village', 'visit_constituency', 'forum', 'hearing',
                                  'council', 'other')),
  theme           TEXT,
  place           TEXT,
  start_time      TEXT CHECK (start_time IS NULL
                              OR strftime('%H:%M', start_time, '+0 seconds') IS start_time),
  end_time        TEXT CHECK (end_time IS NULL
                              OR strftime('%H:%M', end_time, '+0 seconds') IS end_time),
  -- monthly_day: day month_day of every interval-th month (the 15th);
  -- monthly_weekday: the week_ordinal-th (-1: last) weekday of the month (second Saturday);
  -- weekly: the weekdays in the mask (bit 0 Monday … bit 6 Sunday) every interval-th week.
  freq            TEXT NOT NULL CHECK (freq IN ('monthly_day', 'monthly_weekday', 'weekly')),
  interval        INTEGER NOT NULL DEFAULT 1 CHECK (interval BETWEEN 1 AND 52),
  month_day       INTEGER CHECK (month_day IS NULL OR month_day BETWEEN 1 AND 31),
  week_ordinal    INTEGER CHECK (week_ordinal IS NULL OR week_ordinal IN (-1, 1, 2, 3, 4, 5)),
  weekday         INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),  -- 1 Monday
  weekdays_mask   INTEGER CHECK (weekdays_mask IS NULL OR weekdays_mask BETWEEN 1 AND 127),
  -- What a month_day the month lacks (the 31st in April) means.
  month_day_overflow TEXT NOT NULL DEFAULT 'last_day'
                  CHECK (month_day_overflow IN ('last_day', 'skip')),
  -- What an occurrence on a public holiday does.
  on_holiday      TEXT NOT NULL DEFAULT 'keep'
                  CHECK (on_holiday IN ('keep', 'next_working_day', 'skip')),
  start_date      TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  until_date      TEXT CHECK (until_date IS NULL OR date(until_date, '+0 days') IS until_date),
  count           INTEGER CHECK (count IS NULL OR count >= 1),
  -- How many deputies of the rotation each occurrence takes.
  deputies_per_event INTEGER NOT NULL DEFAULT 1 CHECK (deputies_per_event >= 1),
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time),
  CHECK (until_date IS NULL OR until_date >= start_date),
  CHECK (until_date IS NULL OR count IS NULL),
  CHECK (freq <> 'monthly_day' OR month_day IS NOT NULL),
  CHECK (freq <> 'monthly_weekday' OR (week_ordinal IS NOT NULL AND weekday IS NOT NULL)),
  CHECK (freq <> 'weekly' OR weekdays_mask IS NOT NULL)
) STRICT;

CREATE INDEX event_series_by_station ON event_series (station_id, start_date);

-- Deputies of a series in turn (A, B, C, A, …); a per-occurrence swap or leave is recorded on
-- that occurrence's event_deputies.
CREATE TABLE event_series_rotation (
  series_id       INTEGER NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  deputy_id       INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,
  PRIMARY KEY (series_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_series_rotation_by_deputy ON event_series_rotation (deputy_id);

-- One reception day, duty day, visit, forum, …  An occurrence of a series gets its own row once
-- it is materialised (edited, cancelled, held, or planned ahead); (series_id, occurrence_date)
-- names the occurrence it stands for, so moving it to another event_date keeps the link.
CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL
                  CHECK (kind IN ('reception_day', 'duty', 'visit_enterprise', 'visit_community',
                                  'visit_village', 'visit_constituency', 'forum', 'hearing',
                                  'council', 'other')),
  status          TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'held', 'cancelled')),
  event_date      TEXT NOT NULL CHECK (date(event_date, '+0 days') IS event_date),
  start_time      TEXT CHECK (start_time IS NULL
                              OR strftime('%H:%M', start_time, '+0 seconds') IS start_time),
  end_time        TEXT CHECK (end_time IS NULL
                              OR strftime('%H:%M', end_time, '+0 seconds') IS end_time),
  place           TEXT,
  theme           TEXT,
  notes           TEXT,
  series_id       INTEGER REFERENCES event_series (id) ON DELETE SET NULL,
  occurrence_date TEXT CHECK (occurrence_date IS NULL
                              OR date(occurrence_date, '+0 days') IS occurrence_date),
  -- When the reception notice was printed; Today reminds until it is.
  notice_printed_at TEXT CHECK (notice_printed_at IS NULL
                                OR strftime('%Y-%m-%dT%H:%M:%SZ', notice_printed_at, '+0 seconds')
                                   IS notice_printed_at),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time),
  -- A series deleted later leaves its held events standing alone, so only this direction holds.
  CHECK (series_id IS NULL OR occurrence_date IS NOT NULL)
) STRICT;

CREATE INDEX events_by_station_date ON events (station_id, event_date);
CREATE INDEX events_by_date ON events (event_date);
CREATE UNIQUE INDEX events_by_occurrence ON events (series_id, occurrence_date)
  WHERE series_id IS NOT NULL;

-- A deputy on duty who came has two rows, on_duty and attended; one on leave has on_duty and
-- on_leave. A deputy cannot be both attended and on leave (event_deputies_presence).
CREATE TABLE event_deputies (
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  deputy_id       INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,
  role            TEXT NOT NULL CHECK (role IN ('on_duty', 'on_leave', 'attended')),
  PRIMARY KEY (event_id, deputy_id, role)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_deputies_by_deputy ON event_deputies (deputy_id, role);
CREATE UNIQUE INDEX event_deputies_presence ON event_deputies (event_id, deputy_id)
  WHERE role IN ('on_leave', 'attended');

-- ------------------------------------------------------------------ residents and concerns

CREATE TABLE residents (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),   -- NULL: anonymous letter
  phone           TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32
                                                AND phone NOT GLOB '*[^0-9+-]*')),
  address         TEXT,
  community       TEXT,             -- community or village
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

CREATE INDEX residents_by_phone ON residents (phone) WHERE phone IS NOT NULL;
CREATE INDEX residents_by_name ON residents (name) WHERE name IS NOT NULL;

-- The reference number YYYY-NNNN is (ref_year, ref_seq): the local year of registration and a
-- number taken from reference_counters in the same BEGIN IMMEDIATE transaction as the insert, so
-- it is gap-free and unique per station.
CREATE TABLE concerns (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  ref_year        INTEGER NOT NULL CHECK (ref_year BETWEEN 1000 AND 9999),
  ref_seq         INTEGER NOT NULL CHECK (ref_seq >= 1),
  received_at     TEXT NOT NULL
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', received_at, '+0 seconds') IS received_at),
  channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE RESTRICT,
  -- The reception day or visit where it was raised; residents received are counted from here.
  event_id        INTEGER REFERENCES events (id) ON DELETE RESTRICT,
  resident_id     INTEGER REFERENCES residents (id) ON DELETE RESTRICT,
  confidential    INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  category_id     INTEGER NOT NULL REFERENCES concern_categories (id) ON DELETE RESTRICT,
  place_kind      TEXT CHECK (place_kind IS NULL
                              OR place_kind IN ('enterprise', 'community', 'village', 'constituency')),
  place           TEXT,
  subject         TEXT NOT NULL CHECK (trim(subject) <> ''),
  details         TEXT NOT NULL DEFAULT '',      -- the resident's own words, unedited (原话原意)
  urgency         TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  state           TEXT NOT NULL DEFAULT 'registered'
                  CHECK (state IN ('registered', 'answered', 'redirected', 'referred', 'converted',
                                   'in_progress', 'concluded', 'feedback_given', 'closed')),
  redirect_reason TEXT CHECK (redirect_reason IS NULL
                              OR redirect_reason IN ('litigation', 'administrative_review',
                                                     'arbitration', 'petition', 'private_dispute',
                                                     'other')),
  -- What the resident was answered on the spot, or what the unit concluded.
  outcome         TEXT,
  unit_id         INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  referred_date   TEXT CHECK (referred_date IS NULL OR date(referred_date, '+0 days') IS referred_date),
  due_date        TEXT CHECK (due_date IS NULL OR date(due_date, '+0 days') IS due_date),
  concluded_date  TEXT CHECK (concluded_date IS NULL
                              OR date(concluded_date, '+0 days') IS concluded_date),
  -- When the resident was told the outcome; NULL while feedback is owed.
  feedback_date   TEXT CHECK (feedback_date IS NULL OR date(feedback_date, '+0 days') IS feedback_date),
  satisfaction    TEXT CHECK (satisfaction IS NULL
                              OR satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  duplicate_of    INTEGER REFERENCES concerns (id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (state <> 'redirected' OR redirect_reason IS NOT NULL),
  CHECK (state <> 'referred' OR (unit_id IS NOT NULL AND referred_date IS NOT NULL
                                 AND due_date IS NOT NULL)),
  CHECK (state <> 'concluded' OR concluded_date IS NOT NULL),
  CHECK (state <> 'feedback_given' OR feedback_date IS NOT NULL),
  CHECK (satisfaction IS NULL OR feedback_date IS NOT NULL),
  CHECK (due_date IS NULL OR referred_date IS NULL OR due_date >= referred_date),
  CHECK (concluded_date IS NULL OR referred_date IS NULL OR concluded_date >= referred_date),
  CHECK (feedback_date IS NULL OR concluded_date IS NULL OR feedback_date >= concluded_date),
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
) STRICT;

-- The lists DESIGN.md names at a million rows: every one sorts or filters on an index.
CREATE UNIQUE INDEX concerns_by_reference ON concerns (station_id, ref_year, ref_seq);
CREATE INDEX concerns_by_station_received ON concerns (station_id, received_at);
CREATE INDEX concerns_by_received ON concerns (received_at);
CREATE INDEX concerns_by_state_due ON concerns (state, due_date);
CREATE INDEX concerns_by_resident ON concerns (resident_id, received_at)
  WHERE resident_id IS NOT NULL;
CREATE INDEX concerns_by_unit ON concerns (unit_id, state) WHERE unit_id IS NOT NULL;
CREATE INDEX concerns_by_event ON concerns (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX concerns_by_duplicate ON concerns (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- The deputies who received the concern.
CREATE TABLE concern_deputies (
  concern_id      INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  deputy_id       INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,
  PRIMARY KEY (concern_id, deputy_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX concern_deputies_by_deputy ON concern_deputies (deputy_id);

-- Gap-free numbering: inside the transaction that inserts the record,
--   INSERT INTO reference_counters (station_id, kind, year, last_seq) VALUES (?, 'concern', ?, 1)
--   ON CONFLICT (station_id, kind, year) DO UPDATE SET last_seq = last_seq + 1
--   RETURNING last_seq;
-- A rolled-back insert rolls the counter back with it.
CREATE TABLE reference_counters (
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL DEFAULT 'concern' CHECK (kind IN ('concern', 'suggestion')),
  year            INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  last_seq        INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (station_id, kind, year)
) STRICT, WITHOUT ROWID;

-- The intake form as the clerk types it (a JSON object of the form's fields), so that a crash
-- or a failed save loses nothing. concern_id is set when the draft edits an existing concern.
CREATE TABLE concern_drafts (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  concern_id      INTEGER REFERENCES concerns (id) ON DELETE CASCADE,
  operator        TEXT,
  -- Only the shape is checked: the JSON functions are not innocuous in SQLite 3.40, so they
  -- cannot run in a CHECK with trusted_schema off.
  form            TEXT NOT NULL DEFAULT '{}' CHECK (form GLOB '{*}'),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

CREATE INDEX concern_drafts_by_time ON concern_drafts (updated_at);
CREATE INDEX concern_drafts_by_concern ON concern_drafts (concern_id) WHERE concern_id IS NOT NULL;

-- ------------------------------------------------------------------ suggestions

-- due_date is the deadline in force (extended, or the re-handling deadline), which lists sort
-- and colour by; initial_due_date keeps the one set at assignment. The answer columns hold the
-- latest answer; earlier ones stay in the timeline.
CREATE TABLE suggestions (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  number          TEXT,             -- as the congress numbers it; NULL until it does
  title           TEXT NOT NULL CHECK (trim(title) <> ''),
  content         TEXT NOT NULL DEFAULT '',
  category_id     INTEGER REFERENCES suggestion_categories (id) ON DELETE RESTRICT,
  state           TEXT NOT NULL DEFAULT 'draft'
                  CHECK (state IN ('draft', 'submitted', 'assigned', 'returned', 'answered',
                                   'evaluated', 'rehandling', 'closed')),
  submitted_date  TEXT CHECK (submitted_date IS NULL
                              OR date(submitted_date, '+0 days') IS submitted_date),
  assigned_date   TEXT CHECK (assigned_date IS NULL OR date(assigned_date, '+0 days') IS assigned_date),
  initial_due_date TEXT CHECK (initial_due_date IS NULL
                               OR date(initial_due_date, '+0 days') IS initial_due_date),
  due_date        TEXT CHECK (due_date IS NULL OR date(due_date, '+0 days') IS due_date),
  -- 退办: a unit sent it back as outside its remit; it is then reassigned.
  returned_date   TEXT CHECK (returned_date IS NULL OR date(returned_date, '+0 days') IS returned_date),
  return_reason   TEXT,
  -- 延期: approved extension; due_date then holds the extended deadline.
  extension_date  TEXT CHECK (extension_date IS NULL
                              OR date(extension_date, '+0 days') IS extension_date),
  extension_reason TEXT,
  answer_date     TEXT CHECK (answer_date IS NULL OR date(answer_date, '+0 days') IS answer_date),
  answer_class_id INTEGER REFERENCES answer_classes (id) ON DELETE RESTRICT,
  answer_text     TEXT,
  answer_face_to_face INTEGER NOT NULL DEFAULT 0 CHECK (answer_face_to_face IN (0, 1)),  -- 面商
  evaluation      TEXT CHECK (evaluation IS NULL
                              OR evaluation IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  evaluation_date TEXT CHECK (evaluation_date IS NULL
                              OR date(evaluation_date, '+0 days') IS evaluation_date),
  rehandling_count INTEGER NOT NULL DEFAULT 0 CHECK (rehandling_count >= 0),
  key_supervision INTEGER NOT NULL DEFAULT 0 CHECK (key_supervision IN (0, 1)),     -- 重点督办
  supervisor      TEXT,
  -- 并案: handled together with that suggestion; this one still gets its answer.
  merged_into     INTEGER REFERENCES suggestions (id) ON DELETE RESTRICT,
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  CHECK (state NOT IN ('assigned', 'answered', 'evaluated', 'rehandling')
         OR (assigned_date IS NOT NULL AND due_date IS NOT NULL)),
  CHECK (state NOT IN ('answered', 'evaluated') OR answer_date IS NOT NULL),
  CHECK (state <> 'evaluated' OR evaluation IS NOT NULL),
  CHECK (state <> 'returned' OR returned_date IS NOT NULL),
  CHECK (submitted_date IS NULL OR assigned_date IS NULL OR assigned_date >= submitted_date),
  CHECK (due_date IS NULL OR assigned_date IS NULL OR due_date >= assigned_date),
  CHECK (initial_due_date IS NULL OR assigned_date IS NULL OR initial_due_date >= assigned_date),
  CHECK (answer_date IS NULL OR assigned_date IS NULL OR answer_date >= assigned_date),
  CHECK (evaluation_date IS NULL OR answer_date IS NULL OR evaluation_date >= answer_date),
  CHECK (extension_date IS NULL OR (extension_reason IS NOT NULL AND trim(extension_reason) <> '')),
  CHECK (answer_class_id IS NULL OR answer_date IS NOT NULL),
  CHECK (evaluation IS NULL OR answer_date IS NOT NULL),
  CHECK (supervisor IS NULL OR key_supervision = 1),
  CHECK (merged_into IS NULL OR merged_into <> id)
) STRICT;

CREATE INDEX suggestions_by_state_due ON suggestions (state, due_date);
CREATE INDEX suggestions_by_due ON suggestions (due_date) WHERE due_date IS NOT NULL;
CREATE INDEX suggestions_by_station_assigned ON suggestions (station_id, assigned_date);
CREATE INDEX suggestions_by_station_created ON suggestions (station_id, created_at);
CREATE INDEX suggestions_by_merged ON suggestions (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE suggestion_deputies (
  suggestion_id   INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
  deputy_id       INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,
  role            TEXT NOT NULL CHECK (role IN ('lead', 'co_signer')),
  PRIMARY KEY (suggestion_id, deputy_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX suggestion_deputies_by_deputy ON suggestion_deputies (deputy_id, role);
-- 领衔代表: one per suggestion.
CREATE UNIQUE INDEX suggestion_deputies_one_lead ON suggestion_deputies (suggestion_id)
  WHERE role = 'lead';

-- A co-handling unit owes the lead unit its opinion (opinion_due_date).
CREATE TABLE suggestion_units (
  suggestion_id   INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
  unit_id         INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  role            TEXT NOT NULL CHECK (role IN ('lead', 'co')),
  opinion_due_date TEXT CHECK (opinion_due_date IS NULL
                               OR date(opinion_due_date, '+0 days') IS opinion_due_date),
  opinion_date    TEXT CHECK (opinion_date IS NULL OR date(opinion_date, '+0 days') IS opinion_date),
  PRIMARY KEY (suggestion_id, unit_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX suggestion_units_by_unit ON suggestion_units (unit_id, role);

-- The concerns a suggestion was built from; an answer flows back to each of them.
CREATE TABLE suggestion_concerns (
  suggestion_id   INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
  concern_id      INTEGER NOT NULL REFERENCES concerns (id) ON DELETE RESTRICT,
  PRIMARY KEY (suggestion_id, concern_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX suggestion_concerns_by_concern ON suggestion_concerns (concern_id);

-- 滚动督办: an answer that carries over (class B or C by default) enters the ledger of the next
-- year with a follow-up reply due; it may roll on for several years, one row per year.
CREATE TABLE rolling_supervision (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  suggestion_id   INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
  year            INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  followup_due_date TEXT NOT NULL CHECK (date(followup_due_date, '+0 days') IS followup_due_date),
  followup_date   TEXT CHECK (followup_date IS NULL OR date(followup_date, '+0 days') IS followup_date),
  followup_text   TEXT,
  answer_class_id INTEGER REFERENCES answer_classes (id) ON DELETE RESTRICT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at),
  UNIQUE (suggestion_id, year)
) STRICT;

CREATE INDEX rolling_supervision_by_year ON rolling_supervision (year, followup_due_date);

-- ------------------------------------------------------------------ timeline (audit)

-- Append-only history of one concern or one suggestion: what the record page shows and what the
-- audit relies on. action is open (create, edit, transition, note, chase, reopen, answer, …) so
-- later features add actions without a migration; states are checked against the owner's
-- workflow. changes holds edited fields as a JSON object {"field": [old, new]}.
CREATE TABLE timeline (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  concern_id      INTEGER REFERENCES concerns (id) ON DELETE RESTRICT,
  suggestion_id   INTEGER REFERENCES suggestions (id) ON DELETE RESTRICT,
  at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  operator        TEXT NOT NULL CHECK (trim(operator) <> ''),
  action          TEXT NOT NULL CHECK (action GLOB '[a-z]*' AND action NOT GLOB '*[^a-z0-9_]*'),
  from_state      TEXT,
  to_state        TEXT,
  note            TEXT,
  changes         TEXT CHECK (changes IS NULL OR changes GLOB '{*}'),
  CHECK ((concern_id IS NULL) <> (suggestion_id IS NULL)),
  CHECK (concern_id IS NULL
         OR ((from_state IS NULL
              OR from_state IN ('registered', 'answered', 'redirected', 'referred', 'converted',
                                'in_progress', 'concluded', 'feedback_given', 'closed'))
             AND (to_state IS NULL
                  OR to_state IN ('registered', 'answered', 'redirected', 'referred', 'converted',
                                  'in_progress', 'concluded', 'feedback_given', 'closed')))),
  CHECK (suggestion_id IS NULL
         OR ((from_state IS NULL
              OR from_state IN ('draft', 'submitted', 'assigned', 'returned', 'answered',
                                'evaluated', 'rehandling', 'closed'))
             AND (to_state IS NULL
                  OR to_state IN ('draft', 'submitted', 'assigned', 'returned', 'answered',
                                  'evaluated', 'rehandling', 'closed'))))
) STRICT;

CREATE INDEX timeline_by_concern ON timeline (concern_id, at) WHERE concern_id IS NOT NULL;
CREATE INDEX timeline_by_suggestion ON timeline (suggestion_id, at) WHERE suggestion_id IS NOT NULL;

-- History is corrected by appending, never by rewriting.
CREATE TRIGGER timeline_append_only BEFORE UPDATE ON timeline
BEGIN
  SELECT RAISE (ABORT, 'timeline rows cannot be changed');
END;

-- ------------------------------------------------------------------ feedback owed to residents

-- A resident is owed feedback when the outcome of their concern is known and nobody has told
-- them yet: the concern is concluded, or it was converted into a suggestion that has since been
-- answered (again, after re-handling) later than the last feedback.
CREATE VIEW feedback_owed AS
  SELECT c.id AS concern_id, c.station_id AS station_id, NULL AS suggestion_id,
         c.concluded_date AS outcome_date
    FROM concerns AS c
   WHERE c.state = 'concluded' AND c.feedback_date IS NULL
  UNION ALL
  SELECT c.id, c.station_id, s.id, s.answer_date
    FROM concerns AS c
    JOIN suggestion_concerns AS sc ON sc.concern_id = c.id
    JOIN suggestions AS s ON s.id = sc.suggestion_id
   WHERE c.state = 'converted'
     AND s.answer_date IS NOT NULL
     AND (c.feedback_date IS NULL OR c.feedback_date < s.answer_date);

-- ------------------------------------------------------------------ working-day calendar

-- Public holidays and make-up working days (调休); every other Saturday and Sunday is a rest
-- day and every other weekday a working day. seed_key names the festival of a seeded row
-- (shown translated); name is the user's text for days added or renamed by hand.
CREATE TABLE calendar_days (
  day             TEXT PRIMARY KEY CHECK (date(day, '+0 days') IS day),
  kind            TEXT NOT NULL CHECK (kind IN ('holiday', 'makeup_workday')),
  seed_key        TEXT CHECK (seed_key IS NULL OR (seed_key GLOB '[a-z]*'
                                                   AND seed_key NOT GLOB '*[^a-z0-9_]*')),
  name            TEXT CHECK (name IS NULL OR trim(name) <> ''),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT, WITHOUT ROWID;

-- ------------------------------------------------------------------ settings and export log

-- Deadlines and other rules a locality sets. station_id NULL: the default for every station;
-- a row for a station overrides it. Values are text; keys are dotted snake_case.
CREATE TABLE settings (
  id              INTEGER PRIMARY KEY,
  station_id      INTEGER REFERENCES stations (id) ON DELETE CASCADE,
  key             TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_.]*'),
  value           TEXT NOT NULL,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 seconds') IS updated_at)
) STRICT;

CREATE UNIQUE INDEX settings_by_key ON settings (ifnull(station_id, 0), key);

-- Every export of personal data: who, when, what period, and whether it was masked.
-- station_id NULL: all stations.
CREATE TABLE export_log (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE
                  DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                           || substr(lower(hex(randomblob(2))), 2) || '-'
                           || substr('89ab', 1 + (random() & 3), 1)
                           || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
                  CHECK (uuid GLOB '????????-????-????-????-????????????'
                         AND length(replace(uuid, '-', '')) = 32
                         AND uuid NOT GLOB '*[^0-9a-f-]*'),
  station_id      INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  operator        TEXT NOT NULL CHECK (trim(operator) <> ''),
  kind            TEXT NOT NULL DEFAULT 'district_workbook'
                  CHECK (kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-z0-9_]*'),
  period_from     TEXT NOT NULL CHECK (date(period_from, '+0 days') IS period_from),
  period_to       TEXT NOT NULL CHECK (date(period_to, '+0 days') IS period_to),
  masked          INTEGER NOT NULL CHECK (masked IN (0, 1)),
  file_path       TEXT NOT NULL CHECK (file_path <> ''),
  CHECK (period_to >= period_from)
) STRICT;

CREATE INDEX export_log_by_time ON export_log (at);

-- ------------------------------------------------------------------ updated_at

-- updated_at moves on every change unless the statement set it (a merge keeps the source's
-- value). The inner UPDATE leaves a row already stamped this second alone, so these triggers
-- cannot recurse even with recursive_triggers on.

CREATE TRIGGER stations_touch AFTER UPDATE ON stations WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE stations SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER deputies_touch AFTER UPDATE ON deputies WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE deputies SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER units_touch AFTER UPDATE ON units WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE units SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER concern_categories_touch AFTER UPDATE ON concern_categories
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE concern_categories SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER suggestion_categories_touch AFTER UPDATE ON suggestion_categories
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE suggestion_categories SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER channels_touch AFTER UPDATE ON channels WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE channels SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER answer_classes_touch AFTER UPDATE ON answer_classes
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE answer_classes SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER event_series_touch AFTER UPDATE ON event_series
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE event_series SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER events_touch AFTER UPDATE ON events WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE events SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER residents_touch AFTER UPDATE ON residents WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE residents SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER concerns_touch AFTER UPDATE ON concerns WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE concerns SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER concern_drafts_touch AFTER UPDATE ON concern_drafts
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE concern_drafts SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER suggestions_touch AFTER UPDATE ON suggestions WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE suggestions SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER rolling_supervision_touch AFTER UPDATE ON rolling_supervision
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE rolling_supervision SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER calendar_days_touch AFTER UPDATE ON calendar_days
WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE calendar_days SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE day = new.day AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

CREATE TRIGGER settings_touch AFTER UPDATE ON settings WHEN new.updated_at IS old.updated_at
BEGIN
  UPDATE settings SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE id = new.id AND updated_at IS NOT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
END;

-- ------------------------------------------------------------------ seeds: glossary defaults
--
-- seed_key values are stable identifiers: the C code maps them to translatable names and looks
-- up the defaults it needs by them (e.g. the channel 'reception_day').

INSERT INTO concern_categories (seed_key, position) VALUES
  ('urban_construction',     10),   -- 城市建设与管理
  ('business_environment',   20),   -- 营商环境
  ('rural_revitalisation',   30),   -- 乡村振兴
  ('grassroots_governance',  40),   -- 基层治理
  ('social_security',        50),   -- 社会保障
  ('education',              60),   -- 教育
  ('health',                 70),   -- 医疗卫生
  ('transport',              80),   -- 交通出行
  ('environment',            90),   -- 生态环境
  ('housing_property',      100),   -- 物业与住房
  ('other',                 110);   -- 其他

INSERT INTO suggestion_categories (seed_key, position) VALUES
  ('finance_economy',                   10),   -- 财政经济
  ('urban_rural_construction_environment', 20), -- 城乡建设与环境
  ('agriculture_rural_affairs',         30),   -- 农业农村
  ('education_science_culture_health',  40),   -- 教科文卫
  ('internal_affairs_justice',          50),   -- 内务司法
  ('social_development',                60);   -- 社会建设

INSERT INTO channels (seed_key, position) VALUES
  ('reception_day',  10),   -- 接待日
  ('duty',           20),   -- 进站值班
  ('visit',          30),   -- 走访
  ('letter',         40),   -- 来信
  ('phone_call',     50),   -- 来电
  ('suggestion_box', 60),   -- 意见箱
  ('online',         70),   -- 网上联络站
  ('hotline_12345',  80);   -- 12345转来

INSERT INTO answer_classes (seed_key, position, solved, carry_over) VALUES
  ('A', 10, 1, 0),   -- 已解决或基本解决
  ('B', 20, 0, 1),   -- 正在解决
  ('C', 30, 0, 1),   -- 列入计划逐步解决
  ('D', 40, 0, 0);   -- 留作参考

-- Defaults for every station (station_id NULL); months are calendar months, days working days.
INSERT INTO settings (station_id, key, value) VALUES
  (NULL, 'concern.time_limit_working_days',     '15'),
  (NULL, 'suggestion.answer_due_months',        '3'),
  (NULL, 'suggestion.co_unit_opinion_months',   '1'),
  (NULL, 'suggestion.return_working_days',      '7'),
  (NULL, 'suggestion.extension_max_months',     '3'),
  (NULL, 'suggestion.rehandling_months',        '1'),
  (NULL, 'deadline.due_soon_days',              '7'),
  (NULL, 'event.notice_days_ahead',             '3');

-- The State Council's schedules (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026.
-- Later years are added by the user in Preferences.
WITH RECURSIVE
  spans (first_day, last_day, kind, seed_key) AS (VALUES
    ('2025-01-01', '2025-01-01', 'holiday', 'new_year'),
    ('2025-01-28', '2025-02-04', 'holiday', 'spring_festival'),
    ('2025-04-04', '2025-04-06', 'holiday', 'qingming'),
    ('2025-05-01', '2025-05-05', 'holiday', 'labour_day'),
    ('2025-05-31', '2025-06-02', 'holiday', 'dragon_boat'),
    ('2025-10-01', '2025-10-08', 'holiday', 'national_day_mid_autumn'),
    ('2025-01-26', '2025-01-26', 'makeup_workday', 'spring_festival'),
    ('2025-02-08', '2025-02-08', 'makeup_workday', 'spring_festival'),
    ('2025-04-27', '2025-04-27', 'makeup_workday', 'labour_day'),
    ('2025-09-28', '2025-09-28', 'makeup_workday', 'national_day_mid_autumn'),
    ('2025-10-11', '2025-10-11', 'makeup_workday', 'national_day_mid_autumn'),
    ('2026-01-01', '2026-01-03', 'holiday', 'new_year'),
    ('2026-02-15', '2026-02-23', 'holiday', 'spring_festival'),
    ('2026-04-04', '2026-04-06', 'holiday', 'qingming'),
    ('2026-05-01', '2026-05-05', 'holiday', 'labour_day'),
    ('2026-06-19', '2026-06-21', 'holiday', 'dragon_boat'),
    ('2026-09-25', '2026-09-27', 'holiday', 'mid_autumn'),
    ('2026-10-01', '2026-10-07', 'holiday', 'national_day'),
    ('2026-01-04', '2026-01-04', 'makeup_workday', 'new_year'),
    ('2026-02-14', '2026-02-14', 'makeup_workday', 'spring_festival'),
    ('2026-02-28', '2026-02-28', 'makeup_workday', 'spring_festival'),
    ('2026-05-09', '2026-05-09', 'makeup_workday', 'labour_day'),
    ('2026-09-20', '2026-09-20', 'makeup_workday', 'mid_autumn'),
    ('2026-10-10', '2026-10-10', 'makeup_workday', 'national_day')),
  days (day, last_day, kind, seed_key) AS (
    SELECT first_day, last_day, kind, seed_key FROM spans
    UNION ALL
    SELECT date(day, '+1 day'), last_day, kind, seed_key FROM days WHERE day < last_day)
INSERT INTO calendar_days (day, kind, seed_key)
  SELECT day, kind, seed_key FROM days ORDER BY day;

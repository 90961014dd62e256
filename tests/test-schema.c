/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-schema"

#include "config.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

#include "ld-database.h"
#include "ld-fts.h"
#include "ld-test-util.h"

/* What the schema itself guarantees, whatever code writes to it: impossible dates, unknown states
 * and dangling references never reach the file, seeded lists and the holiday calendar are there
 * from the first start, search follows every edit, and the big lists run on indexes. Every test
 * runs on a fresh database opened by ld_database_open(), with its pragmas (trusted_schema off,
 * defensive mode, foreign keys), so that what passes here also works in the app. */

#define RESOURCE_DB RESOURCE_PATH "/db/"

/* Rows most tests build on: two stations, two deputies, a unit, a resident, a reception day and
 * a series, one concern and one suggestion. */
static const char base_rows[] =
  "INSERT INTO stations (id, name) VALUES (1, '东湖街道人大代表联络站'), (2, '沙湖街道人大代表联络站');"
  "INSERT INTO deputies (id, station_id, name, level) VALUES"
  "  (1, 1, '李建国', 'district'), (2, 1, '王秀兰', 'municipal');"
  "INSERT INTO units (id, name, kind) VALUES (1, '区城市管理执法局', 'department');"
  "INSERT INTO residents (id, station_id, name, phone) VALUES (1, 1, '张桂芳', '13612345678');"
  "INSERT INTO events (id, station_id, kind, event_date, start_time, end_time)"
  "  VALUES (1, 1, 'reception_day', '2026-01-15', '09:00', '11:30');"
  "INSERT INTO event_series (id, station_id, kind, freq, month_day, start_date)"
  "  VALUES (1, 1, 'reception_day', 'monthly_day', 15, '2026-01-15');"
  "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, category_id,"
  "                      resident_id, subject)"
  "  VALUES (1, 1, 2026, 1, '2026-01-15T01:20:00Z',"
  "          (SELECT id FROM channels WHERE seed_key = 'reception_day'),"
  "          (SELECT id FROM concern_categories WHERE seed_key = 'urban_construction'),"
  "          1, '小区门口路灯不亮');"
  "INSERT INTO suggestions (id, station_id, title) VALUES (1, 1, '关于缓解东湖小学周边交通拥堵的建议');";

/* The replay of the search journal that the writer runs before COMMIT, as documented in
 * data/db/0002-search.sql, data/db/0003-concerns.sql and data/db/0004-suggestions.sql. */
static const char search_replay[] =
  "INSERT INTO concerns_fts (concerns_fts, rowid, subject, details, place, resident_name)"
  "  SELECT 'delete', concern_id, old_subject, old_details, old_place, old_resident_name"
  "    FROM concerns_fts_pending WHERE indexed = 1;"
  "INSERT INTO concerns_fts (rowid, subject, details, place, resident_name)"
  "  SELECT s.id, s.subject, s.details, s.place, s.resident_name"
  "    FROM concerns_fts_pending AS p JOIN concerns_search AS s ON s.id = p.concern_id;"
  "DELETE FROM concerns_fts_pending;"
  "INSERT INTO suggestions_fts (suggestions_fts, rowid, title, content, number)"
  "  SELECT 'delete', suggestion_id, old_title, old_content, old_number"
  "    FROM suggestions_fts_pending WHERE indexed = 1;"
  "INSERT INTO suggestions_fts (rowid, title, content, number)"
  "  SELECT s.id, s.title, s.content, s.number"
  "    FROM suggestions_fts_pending AS p JOIN suggestions AS s ON s.id = p.suggestion_id;"
  "DELETE FROM suggestions_fts_pending;";

/* ------------------------------------------------------------------ helpers */

typedef struct
{
  char       *dir;
  char       *path;
  LdDatabase *db;
  sqlite3    *h;
} TestDb;

static void
test_db_free (TestDb *t)
{
  if (t->db != NULL)
    {
      ld_database_close (t->db);
      g_object_unref (t->db);
    }
  ld_test_remove_tree (t->dir);
  g_free (t->dir);
  g_free (t->path);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDb, test_db_free)

/* sqlite3_mprintf() for %Q quoting, into memory that g_free() owns. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sqlite_owned;
  char *sql;

  va_start (args, format);
  sqlite_owned = sqlite3_vmprintf (format, args);
  va_end (args);
  g_assert_nonnull (sqlite_owned);
  sql = g_strdup (sqlite_owned);
  sqlite3_free (sqlite_owned);
  return sql;
}

static void
exec_ok (sqlite3    *h,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (h, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("SQL failed (%d, %s): %s", rc, message, sql);
}

/* Writes the way the stores do: one BEGIN IMMEDIATE … COMMIT through LdDatabase. */
static void
write_ok (TestDb     *t,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  ld_database_begin_immediate (t->db, &error);
  g_assert_no_error (error);
  exec_ok (t->h, sql);
  ld_database_commit (t->db, &error);
  g_assert_no_error (error);
}

static TestDb *
test_db_open_path (char *dir,
                   char *path)
{
  g_autoptr(GError) error = NULL;
  TestDb *t = g_new0 (TestDb, 1);

  t->dir = dir;
  t->path = path;
  t->db = ld_database_open (t->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->db);
  t->h = ld_database_get_handle (t->db);
  g_assert_nonnull (t->h);
  return t;
}

static TestDb *
test_db_new_empty (void)
{
  char *dir = ld_test_make_tmpdir ();

  return test_db_open_path (dir, g_build_filename (dir, "liaison-desk.db", NULL));
}

static TestDb *
test_db_new (void)
{
  TestDb *t = test_db_new_empty ();

  write_ok (t, base_rows);
  return t;
}

static gint64
query_int (sqlite3    *h,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (h), sql);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *h,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (h), sql);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Compares the first value of a query with @expected (NULL: no row, or NULL). */
#define assert_query_text(h, sql, expected) \
  G_STMT_START { \
    g_autofree char *assert_value = query_text ((h), (sql)); \
    g_assert_cmpstr (assert_value, ==, (expected)); \
  } G_STMT_END

/* All rows of a one-column query, joined by ",". */
static char *
query_list (sqlite3    *h,
            const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (h), sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Runs @sql (in its own statement transaction) and records a failure unless SQLite refuses it
 * with @expected, an extended result code such as SQLITE_CONSTRAINT_CHECK. A RESTRICT action
 * that fires while a CASCADE action of the same delete runs is reported through SQLite's action
 * triggers as SQLITE_CONSTRAINT_TRIGGER, with the foreign key message. */
static void
expect_refused (sqlite3    *h,
                int         expected,
                const char *sql)
{
  int rc = sqlite3_exec (h, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    g_test_fail_printf ("accepted, expected error %d: %s", expected, sql);
  else if (expected == SQLITE_CONSTRAINT_FOREIGNKEY
           && g_str_equal (sqlite3_errmsg (h), "FOREIGN KEY constraint failed"))
    return;
  else if (sqlite3_extended_errcode (h) != expected)
    g_test_fail_printf ("refused with %d (%s), expected %d: %s",
                        sqlite3_extended_errcode (h), sqlite3_errmsg (h), expected, sql);
}

static void
expect_accepted (sqlite3    *h,
                 const char *sql)
{
  if (sqlite3_exec (h, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_test_fail_printf ("refused (%s): %s", sqlite3_errmsg (h), sql);
}

static gint64
count_matches (sqlite3    *h,
               const char *fts_table,
               const char *query)
{
  g_autofree char *sql = sql_printf ("SELECT count(*) FROM %s WHERE %s MATCH %Q",
                                          fts_table, fts_table, query);

  return query_int (h, sql);
}

static GBytes *
lookup_migration (const char *name)
{
  g_autofree char *resource = g_strconcat (RESOURCE_DB, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* A private connection with the app's safety settings, for tests that must not go through
 * ld_database_open(). */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *h = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_extended_result_codes (h, 1);
  sqlite3_db_config (h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  exec_ok (h, "PRAGMA foreign_keys = ON");
  return h;
}

static char *
schema_of (sqlite3 *h)
{
  return query_list (h, "SELECT type || ' ' || name || ' ' || tbl_name || ': ' || ifnull(sql, '')"
                        "  FROM sqlite_schema ORDER BY type, name");
}

/* ------------------------------------------------------------------ version and pragmas */

static void
test_version (void)
{
  g_autoptr(TestDb) t = test_db_new_empty ();
  int value = -1;

  g_assert_cmpint (ld_database_latest_version (), ==, 4);
  g_assert_cmpint (ld_database_get_schema_version (t->db), ==, 4);
  g_assert_cmpint (query_int (t->h, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (query_int (t->h, "PRAGMA application_id"), ==, LD_DATABASE_APPLICATION_ID);

  /* The rest of this file relies on running with the app's safety settings. */
  sqlite3_db_config (t->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &value);
  g_assert_cmpint (value, ==, 0);
  sqlite3_db_config (t->h, SQLITE_DBCONFIG_DEFENSIVE, -1, &value);
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpint (query_int (t->h, "PRAGMA foreign_keys"), ==, 1);

  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM pragma_integrity_check"
                                    " WHERE integrity_check <> 'ok'"), ==, 0);
}

/* The runner wraps each migration in its own transaction and sets the version itself; a file
 * that committed, or set user_version, would break the all-or-nothing upgrade. */
static void
test_migrations_are_transactional (void)
{
  const char *names[] = { "0001-base.sql", "0002-search.sql", "0003-concerns.sql" };
  sqlite3 *h = open_raw (":memory:");

  /* Migration 3 indexes with the app's tokenizer, which ld-database registers at open. */
  g_assert_cmpint (ld_fts_register (h, NULL), ==, SQLITE_OK);

  exec_ok (h, "BEGIN IMMEDIATE");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = lookup_migration (names[i]);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      exec_ok (h, sql);
      g_assert_false (sqlite3_get_autocommit (h));
    }
  g_assert_cmpint (query_int (h, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (query_int (h, "PRAGMA application_id"), ==, 0);
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM sqlite_schema"), >, 50);
  exec_ok (h, "ROLLBACK");
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  sqlite3_close (h);
}

/* ------------------------------------------------------------------ types and identities */

static void
test_strict_tables (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  g_autofree char *loose = NULL;

  /* Every table of ours is STRICT; only the FTS5 shadow tables, which SQLite makes, are not. */
  loose = query_list (t->h,
                      "SELECT name FROM pragma_table_list"
                      " WHERE schema = 'main' AND type = 'table' AND NOT strict"
                      "   AND name NOT GLOB 'sqlite_*'"
                      "   AND name NOT GLOB '*_fts_data' AND name NOT GLOB '*_fts_idx'"
                      "   AND name NOT GLOB '*_fts_docsize' AND name NOT GLOB '*_fts_config'");
  g_assert_cmpstr (loose, ==, "");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM pragma_table_list"
                                    " WHERE schema = 'main' AND type = 'table' AND strict"), >=, 27);

  /* A value of the wrong type is refused, not stored as something else. */
  expect_refused (t->h, SQLITE_CONSTRAINT_DATATYPE,
                  "UPDATE concerns SET ref_seq = 'abc' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_DATATYPE,
                  "UPDATE concerns SET ref_seq = 1.5 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_DATATYPE,
                  "UPDATE concerns SET confidential = X'01' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_DATATYPE,
                  "UPDATE concerns SET subject = X'E8B7AF' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_DATATYPE,
                  "UPDATE deputies SET station_id = 'one' WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT ref_seq FROM concerns WHERE id = 1"), ==, 1);

  /* Booleans are 0 or 1. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET confidential = 2 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "UPDATE units SET hidden = -1 WHERE id = 1");

  /* Required text is not blank. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET subject = '   ' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_NOTNULL, "UPDATE deputies SET name = NULL WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE residents SET phone = '138 1234 5678' WHERE id = 1");
}

static void
test_uuids (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  g_autoptr(GRegex) v4 = g_regex_new ("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}"
                                      "-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", 0, 0, NULL);
  static const char *const malformed[] = {
    "0F8E2A3C-1B2D-4C4E-9F60-A1B2C3D4E5F6",     /* upper case */
    "0f8e2a3c1b2d4c4e9f60a1b2c3d4e5f6",         /* no dashes */
    "0f8e2a3c-1b2d-4c4e-9f60-a1b2c3d4e5f",      /* short */
    "0f8e2a3c-1b2d-4c4e-9f60--1b2c3d4e5f6",     /* dash in place of a digit */
    "0f8e2a3c-1b2d-4c4e-9f60-a1b2c3d4e5fg",     /* not hex */
    "{0f8e2a3c-1b2d-4c4e-9f60-a1b2c3d4e5f6}",
    "",
  };
  g_auto(GStrv) uuids = NULL;
  g_autofree char *list = NULL;

  write_ok (t, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
               " INSERT INTO residents (station_id, name) SELECT 1, '居民' || i FROM n;");
  g_assert_cmpint (query_int (t->h, "SELECT count(DISTINCT uuid) FROM residents"), ==, 301);

  /* Every default is a well-formed random (version 4) UUID, in every kind of record. */
  list = query_list (t->h,
                     "SELECT uuid FROM residents UNION ALL SELECT uuid FROM stations"
                     " UNION ALL SELECT uuid FROM deputies UNION ALL SELECT uuid FROM units"
                     " UNION ALL SELECT uuid FROM concern_categories"
                     " UNION ALL SELECT uuid FROM suggestion_categories"
                     " UNION ALL SELECT uuid FROM channels"
                     " UNION ALL SELECT uuid FROM answer_classes"
                     " UNION ALL SELECT uuid FROM events UNION ALL SELECT uuid FROM event_series"
                     " UNION ALL SELECT uuid FROM concerns UNION ALL SELECT uuid FROM suggestions");
  uuids = g_strsplit (list, ",", -1);
  g_assert_cmpuint (g_strv_length (uuids), ==, 301 + 2 + 2 + 1 + 11 + 6 + 8 + 4 + 1 + 1 + 1 + 1);
  for (guint i = 0; uuids[i] != NULL; i++)
    if (!g_regex_match (v4, uuids[i], 0, NULL))
      g_test_fail_printf ("not a v4 UUID: %s", uuids[i]);

  /* A merge brings UUIDs from elsewhere: they are checked for shape and must stay unique. */
  expect_accepted (t->h, "INSERT INTO residents (station_id, uuid)"
                         " VALUES (1, '0f8e2a3c-1b2d-7c4e-9f60-a1b2c3d4e5f6')");
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO residents (station_id, uuid)"
                  " VALUES (1, '0f8e2a3c-1b2d-7c4e-9f60-a1b2c3d4e5f6')");
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *sql = sql_printf ("INSERT INTO residents (station_id, uuid) VALUES (1, %Q)",
                                         malformed[i]);
      expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, sql);
    }
}

static void
test_timestamps (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *kept = NULL;

  /* Defaults are instants in UTC, in the one canonical form. */
  created_at = query_text (t->h, "SELECT created_at FROM concerns WHERE id = 1");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       created_at, 0, 0));
  created = g_date_time_new_from_iso8601 (created_at, NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (ABS (g_date_time_difference (now, created)), <, 120 * G_TIME_SPAN_SECOND);

  /* Any change moves updated_at, even when the writer forgets it … */
  exec_ok (t->h, "UPDATE concerns SET created_at = '2026-01-15T01:20:00Z',"
                 " updated_at = '2026-01-15T01:20:00Z' WHERE id = 1");
  exec_ok (t->h, "UPDATE concerns SET urgency = 'urgent' WHERE id = 1");
  updated_at = query_text (t->h, "SELECT updated_at FROM concerns WHERE id = 1");
  updated = g_date_time_new_from_iso8601 (updated_at, NULL);
  g_assert_nonnull (updated);
  g_assert_cmpint (ABS (g_date_time_difference (now, updated)), <, 120 * G_TIME_SPAN_SECOND);
  assert_query_text (t->h, "SELECT created_at FROM concerns WHERE id = 1",
                   "2026-01-15T01:20:00Z");

  /* … and a merge that sets it keeps the source's value. */
  exec_ok (t->h, "UPDATE deputies SET phone = '13807150001', updated_at = '2026-01-02T03:04:05Z'"
                 " WHERE id = 1");
  kept = query_text (t->h, "SELECT updated_at FROM deputies WHERE id = 1");
  g_assert_cmpstr (kept, ==, "2026-01-02T03:04:05Z");

  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET created_at = '2026-01-15 01:20:00' WHERE id = 1");
}

/* ------------------------------------------------------------------ dates */

typedef struct
{
  const char *table;
  const char *column;
  const char *where;
} DateTarget;

static void
check_values (sqlite3           *h,
              const DateTarget  *target,
              const char *const *bad,
              const char *const *good)
{
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *sql = sql_printf ("UPDATE %s SET %s = %Q WHERE %s",
                                              target->table, target->column, bad[i], target->where);
      expect_refused (h, SQLITE_CONSTRAINT_CHECK, sql);
    }
  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autofree char *sql = sql_printf ("UPDATE %s SET %s = %Q WHERE %s",
                                              target->table, target->column, good[i], target->where);
      g_autofree char *check = sql_printf ("SELECT %s FROM %s WHERE %s",
                                                target->column, target->table, target->where);
      g_autofree char *stored = NULL;

      expect_accepted (h, sql);
      stored = query_text (h, check);
      if (g_strcmp0 (stored, good[i]) != 0)
        g_test_fail_printf ("%s.%s stored %s for %s",
                            target->table, target->column, stored, good[i]);
    }
}

static void
test_impossible_dates (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char *const bad[] = {
    "2025-02-30", "2026-13-01", "2026-1-5", "2025-02-29", "2026-04-31", "2026-00-10", "2026-01-00",
    "2026-01-05 ", " 2026-01-05", "20260105", "2026/01/05", "2026-01-05T00:00:00", "05.01.2026",
    "tomorrow", "", NULL
  };
  static const char *const good[] = { "2024-02-29", "2026-01-05", "2026-12-31", NULL };
  static const DateTarget targets[] = {
    { "concerns", "due_date", "id = 1" },
    { "concerns", "referred_date", "id = 1" },
    { "concerns", "concluded_date", "id = 1" },
    { "concerns", "feedback_date", "id = 1" },
    { "events", "event_date", "id = 1" },
    { "events", "occurrence_date", "id = 1" },
    { "event_series", "start_date", "id = 1" },
    { "event_series", "until_date", "id = 1" },
    { "suggestions", "submitted_date", "id = 1" },
    { "suggestions", "assigned_date", "id = 1" },
    { "suggestions", "initial_due_date", "id = 1" },
    { "suggestions", "due_date", "id = 1" },
    { "suggestions", "answer_date", "id = 1" },
    { "suggestions", "evaluation_date", "id = 1" },
    { "suggestion_units", "opinion_due_date", "suggestion_id = 1" },
    { "rolling_supervision", "followup_due_date", "id = 1" },
    { "export_log", "period_from", "id = 1" },
  };

  exec_ok (t->h, "INSERT INTO suggestion_units (suggestion_id, unit_id, role) VALUES (1, 1, 'co');"
                 "INSERT INTO rolling_supervision"
                 "  (id, station_id, suggestion_id, year, followup_due_date)"
                 "  VALUES (1, 1, 1, 2027, '2027-03-31');"
                 "INSERT INTO export_log (id, operator, period_from, period_to, masked, file_path)"
                 "  VALUES (1, '刘晓燕', '2000-01-01', '2099-12-31', 1, '/tmp/x.xlsx');");

  /* Each column on its own, so that an order check (due after assigned, …) never stands in for the
   * date check; the series starts early enough for every good until_date. */
  exec_ok (t->h, "UPDATE event_series SET start_date = '2000-01-01' WHERE id = 1");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      exec_ok (t->h, "SAVEPOINT target");
      check_values (t->h, &targets[i], bad, good);
      exec_ok (t->h, "ROLLBACK TO target; RELEASE target");
    }

  /* Inserting is checked the same way as updating. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO events (station_id, kind, event_date)"
                  " VALUES (1, 'forum', '2025-02-30')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO export_log (operator, period_from, period_to, masked, file_path)"
                  " VALUES ('刘晓燕', '2026-01-01', '2026-02-30', 1, '/tmp/x.xlsx')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO calendar_days (day, kind) VALUES ('2027-02-29', 'holiday')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO calendar_days (day, kind) VALUES ('2027-1-1', 'holiday')");
}

static void
test_impossible_instants (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char *const bad[] = {
    "2026-01-05 09:30:00", "2026-01-05T09:30:00", "2026-01-05T09:30:00+08:00", "2026-01-05T09:30Z",
    "2025-02-30T09:30:00Z", "2026-13-05T09:30:00Z", "2026-01-05T24:00:00Z", "2026-01-05T09:60:00Z",
    "2026-01-05T9:30:00Z", "2026-01-05T09:30:00.123Z", "2026-01-05t09:30:00z", "2026-01-05", "",
    NULL
  };
  static const char *const good[] = { "2026-01-05T09:30:00Z", "2024-02-29T23:59:59Z", NULL };
  static const DateTarget targets[] = {
    { "concerns", "received_at", "id = 1" },
    { "concerns", "created_at", "id = 1" },
    { "events", "notice_printed_at", "id = 1" },
    { "suggestions", "updated_at", "id = 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    check_values (t->h, &targets[i], bad, good);

  exec_ok (t->h, "INSERT INTO timeline (concern_id, operator, action) VALUES (1, '刘晓燕', 'note')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, at, operator, action)"
                  " VALUES (1, '2026-02-30T08:00:00Z', '刘晓燕', 'note')");
}

static void
test_times_of_day (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char *const bad[] = { "24:00", "9:30", "09:30:00", "09:60", "0930", "", NULL };
  static const char *const good[] = { "00:00", "08:30", NULL };
  static const DateTarget targets[] = {
    { "events", "start_time", "id = 1" },
    { "event_series", "start_time", "id = 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    check_values (t->h, &targets[i], bad, good);
}

static void
test_date_order (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  /* An event ends after it starts. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE events SET end_time = '08:00' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE events SET end_time = '09:00' WHERE id = 1");
  expect_accepted (t->h, "UPDATE events SET end_time = '09:01' WHERE id = 1");

  /* A series ends after it starts, by a date or a count but not both. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE event_series SET until_date = '2026-01-14' WHERE id = 1");
  expect_accepted (t->h, "UPDATE event_series SET until_date = '2026-12-15' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "UPDATE event_series SET count = 12 WHERE id = 1");

  /* A referral is due on or after the day it was made, and concluded after it. */
  exec_ok (t->h, "UPDATE concerns SET referred_date = '2026-01-16' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET due_date = '2026-01-15' WHERE id = 1");
  expect_accepted (t->h, "UPDATE concerns SET due_date = '2026-01-16' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET concluded_date = '2026-01-10' WHERE id = 1");
  exec_ok (t->h, "UPDATE concerns SET concluded_date = '2026-02-01' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET feedback_date = '2026-01-31' WHERE id = 1");

  /* A suggestion is assigned after it is submitted, due and answered after it is assigned. */
  exec_ok (t->h, "UPDATE suggestions SET submitted_date = '2026-01-28' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET assigned_date = '2026-01-27' WHERE id = 1");
  exec_ok (t->h, "UPDATE suggestions SET assigned_date = '2026-02-02' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET due_date = '2026-02-01' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET answer_date = '2026-02-01' WHERE id = 1");
  exec_ok (t->h,
           "UPDATE suggestions SET due_date = '2026-05-02', answer_date = '2026-04-20' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET evaluation_date = '2026-04-19' WHERE id = 1");

  /* An extension needs a reason. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET extension_date = '2026-04-01' WHERE id = 1");
  expect_accepted (t->h, "UPDATE suggestions SET extension_date = '2026-04-01',"
                         " extension_reason = '涉及多部门协调，需延期办理' WHERE id = 1");

  /* An export covers a period that ends after it begins. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO export_log (operator, period_from, period_to, masked, file_path)"
                  " VALUES ('刘晓燕', '2026-02-01', '2026-01-31', 1, '/tmp/x.xlsx')");
  expect_accepted (t->h, "INSERT INTO export_log"
                         "  (station_id, operator, period_from, period_to, masked, file_path)"
                         " VALUES (1, '刘晓燕', '2026-01-01', '2026-01-31', 0, '/tmp/x.xlsx')");
}

/* ------------------------------------------------------------------ states and kinds */

static void
test_concern_states (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char *const states[] = {
    "registered", "answered", "redirected", "referred", "converted", "in_progress", "concluded",
    "feedback_given", "closed",
  };
  static const char *const unknown[] = {
    "done", "Registered", "open", "rejected", "feedback", "", NULL
  };

  /* A state needs the facts that define it. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET state = 'redirected' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET state = 'referred' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET state = 'referred', unit_id = 1 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET state = 'concluded' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET state = 'feedback_given' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET satisfaction = 'satisfied' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concerns SET redirect_reason = 'lawsuit' WHERE id = 1");

  exec_ok (t->h, "UPDATE concerns SET redirect_reason = 'litigation', unit_id = 1,"
                 " referred_date = '2026-01-16', due_date = '2026-02-06',"
                 " concluded_date = '2026-02-03', feedback_date = '2026-02-04',"
                 " satisfaction = 'basically_satisfied' WHERE id = 1");

  /* Exactly the glossary's workflow states. */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = sql_printf ("UPDATE concerns SET state = %Q WHERE id = 1", states[i]);
      expect_accepted (t->h, sql);
    }
  for (guint i = 0; unknown[i] != NULL; i++)
    {
      g_autofree char *sql = sql_printf ("UPDATE concerns SET state = %Q WHERE id = 1", unknown[i]);
      expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, sql);
    }
  expect_refused (t->h, SQLITE_CONSTRAINT_NOTNULL, "UPDATE concerns SET state = NULL WHERE id = 1");
  assert_query_text (t->h, "SELECT state FROM concerns WHERE id = 1", "closed");
}

static void
test_suggestion_states (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char *const states[] = {
    "draft", "submitted", "assigned", "returned", "answered", "evaluated", "rehandling", "closed",
  };

  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET state = 'assigned' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET state = 'returned' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET evaluation = 'satisfied' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET supervisor = '张主任' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET merged_into = 1 WHERE id = 1");

  exec_ok (t->h, "UPDATE suggestions SET submitted_date = '2026-01-28',"
                 " assigned_date = '2026-02-02', initial_due_date = '2026-05-02',"
                 " due_date = '2026-05-02', returned_date = '2026-02-05',"
                 " answer_date = '2026-04-20', answer_face_to_face = 1,"
                 " answer_class_id = (SELECT id FROM answer_classes WHERE seed_key = 'B'),"
                 " evaluation = 'dissatisfied', evaluation_date = '2026-04-25',"
                 " key_supervision = 1, supervisor = '张主任' WHERE id = 1");

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = sql_printf ("UPDATE suggestions SET state = %Q WHERE id = 1",
                                         states[i]);
      expect_accepted (t->h, sql);
    }
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET state = 'extended' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET state = 'merged' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET state = 'Answered' WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestions SET evaluation = 'ok' WHERE id = 1");
}

typedef struct
{
  const char *sql;      /* with one %Q for the value */
  const char *good;     /* comma-separated */
  const char *bad;
} KindCase;

static void
test_kinds (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const KindCase cases[] = {
    { "UPDATE stations SET kind = %Q WHERE id = 1",
      "station,home,central,point,workroom,enterprise,online", "office" },
    { "UPDATE deputies SET level = %Q WHERE id = 1",
      "national,provincial,municipal,district,township", "county" },
    { "UPDATE deputies SET gender = %Q WHERE id = 1", "female,male", "f" },
    { "UPDATE deputies SET status = %Q WHERE id = 1", "active,retired", "deleted" },
    { "UPDATE units SET kind = %Q WHERE id = 1",
      "department,subdistrict,community,village,enterprise,other", "government" },
    { "UPDATE events SET kind = %Q WHERE id = 1",
      "reception_day,duty,visit_enterprise,visit_community,visit_village,visit_constituency,"
      "forum,hearing,council,other", "visit" },
    { "UPDATE events SET status = %Q WHERE id = 1", "planned,held,cancelled", "postponed" },
    { "UPDATE event_series SET kind = %Q WHERE id = 1", "reception_day,duty,forum", "meeting" },
    { "UPDATE event_series SET on_holiday = %Q WHERE id = 1", "keep,next_working_day,skip", "move" },
    { "UPDATE event_series SET month_day_overflow = %Q WHERE id = 1", "last_day,skip", "clamp" },
    { "UPDATE concerns SET place_kind = %Q WHERE id = 1",
      "enterprise,community,village,constituency", "street" },
    { "UPDATE concerns SET urgency = %Q WHERE id = 1", "normal,urgent", "high" },
    { "UPDATE calendar_days SET kind = %Q WHERE day = '2026-02-14'",
      "holiday,makeup_workday", "weekend" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) good = g_strsplit (cases[i].good, ",", -1);
      g_autofree char *bad_sql = sql_printf (cases[i].sql, cases[i].bad);

      for (guint j = 0; good[j] != NULL; j++)
        {
          g_autofree char *sql = sql_printf (cases[i].sql, good[j]);
          expect_accepted (t->h, sql);
        }
      expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, bad_sql);
    }

  /* A series' rule needs its fields. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO event_series (station_id, kind, freq, start_date)"
                  " VALUES (1, 'duty', 'weekly', '2026-01-05')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO event_series (station_id, kind, freq, weekday, start_date)"
                  " VALUES (1, 'reception_day', 'monthly_weekday', 6, '2026-01-10')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO event_series (station_id, kind, freq, month_day, start_date)"
                  " VALUES (1, 'reception_day', 'monthly_day', 32, '2026-01-10')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO event_series (station_id, kind, freq, month_day, start_date)"
                  " VALUES (1, 'reception_day', 'yearly', 15, '2026-01-10')");
  expect_accepted (t->h, "INSERT INTO event_series"
                         "  (station_id, kind, freq, week_ordinal, weekday, start_date)"
                         " VALUES (1, 'reception_day', 'monthly_weekday', 2, 6, '2026-01-10')");
  expect_accepted (t->h, "INSERT INTO event_series"
                         "  (station_id, kind, freq, interval, weekdays_mask, start_date, count)"
                         " VALUES (1, 'duty', 'weekly', 2, 5, '2026-01-05', 10)");
}

static void
test_roles (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  /* Deputies of an event: on duty, and then either attended or on leave — never both. */
  expect_accepted (t->h, "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES"
                         " (1, 1, 'on_duty'), (1, 1, 'attended'),"
                         " (1, 2, 'on_duty'), (1, 2, 'on_leave')");
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO event_deputies (event_id, deputy_id, role)"
                  " VALUES (1, 2, 'attended')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES (1, 2, 'absent')");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM event_deputies"
                                    " WHERE deputy_id = 1 AND role = 'attended'"), ==, 1);

  /* A suggestion has one lead deputy; the others co-sign. */
  expect_accepted (t->h,
                   "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role)"
                   " VALUES (1, 1, 'lead')");
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role)"
                  " VALUES (1, 2, 'lead')");
  expect_accepted (t->h,
                   "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role)"
                   " VALUES (1, 2, 'co_signer')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestion_deputies SET role = 'signer' WHERE deputy_id = 2");

  expect_accepted (t->h,
                   "INSERT INTO suggestion_units (suggestion_id, unit_id, role)"
                   " VALUES (1, 1, 'lead')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE suggestion_units SET role = 'main' WHERE unit_id = 1");

  /* The rotation of a series keeps its order. */
  expect_accepted (t->h, "INSERT INTO event_series_rotation (series_id, position, deputy_id)"
                         " VALUES (1, 0, 1), (1, 1, 2)");
  expect_refused (t->h, SQLITE_CONSTRAINT_PRIMARYKEY,
                  "INSERT INTO event_series_rotation (series_id, position, deputy_id)"
                  " VALUES (1, 1, 1)");
}

/* ------------------------------------------------------------------ references */

static void
test_foreign_keys (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  /* Nothing points at a record that does not exist. */
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET resident_id = 99 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET category_id = 999 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET channel_id = 999 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET unit_id = 99 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET event_id = 99 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE concerns SET station_id = 99 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES (1, 99)");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "INSERT INTO suggestion_concerns (suggestion_id, concern_id) VALUES (1, 99)");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "INSERT INTO deputies (station_id, name, level) VALUES (99, '赵六', 'district')");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "UPDATE suggestions SET answer_date = '2026-04-20', answer_class_id = 99"
                  " WHERE id = 1");

  /* People, units and stations in use are retired or hidden, never deleted from under a record. */
  exec_ok (t->h, "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES (1, 1), (1, 2);"
                 "INSERT INTO suggestion_concerns (suggestion_id, concern_id) VALUES (1, 1);"
                 "INSERT INTO suggestion_units (suggestion_id, unit_id, role) VALUES (1, 1, 'lead');"
                 "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES (1, 2, 'on_duty')");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM deputies WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM residents WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM units WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM stations WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "DELETE FROM concern_categories WHERE seed_key = 'urban_construction'");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "DELETE FROM channels WHERE seed_key = 'reception_day'");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM concerns WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM deputies"), ==, 2);

  /* An unused list entry can go. */
  expect_accepted (t->h, "DELETE FROM channels WHERE seed_key = 'suggestion_box'");

  /* Link rows belong to their parent and go with it. */
  exec_ok (t->h, "DELETE FROM suggestions WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM suggestion_concerns"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM suggestion_units"), ==, 0);
  exec_ok (t->h, "DELETE FROM concerns WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concern_deputies"), ==, 0);
  exec_ok (t->h, "DELETE FROM events WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM event_deputies"), ==, 0);
  expect_accepted (t->h, "DELETE FROM deputies WHERE id = 1");
}

static void
test_reference_numbers (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char next_seq[] =
    "INSERT INTO reference_counters (station_id, kind, year, last_seq)"
    " VALUES (1, 'concern', 2026, 1)"
    " ON CONFLICT (station_id, kind, year) DO UPDATE SET last_seq = last_seq + 1"
    " RETURNING last_seq";
  g_autoptr(GError) error = NULL;

  /* 2026-0001 exists once per station. */
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO concerns (station_id, ref_year, ref_seq, received_at, channel_id,"
                  "                      category_id, subject)"
                  " SELECT 1, 2026, 1, '2026-01-16T02:00:00Z', channel_id, category_id, '另一件事'"
                  "   FROM concerns WHERE id = 1");
  expect_accepted (t->h, "INSERT INTO concerns (station_id, ref_year, ref_seq, received_at,"
                         "                      channel_id, category_id, subject)"
                         " SELECT 2, 2026, 1, '2026-01-16T02:00:00Z', channel_id, category_id,"
                         "        '另一站的事'"
                         "   FROM concerns WHERE id = 1");
  expect_accepted (t->h, "INSERT INTO concerns (station_id, ref_year, ref_seq, received_at,"
                         "                      channel_id, category_id, subject)"
                         " SELECT 1, 2025, 1, '2025-12-30T02:00:00Z', channel_id, category_id,"
                         "        '去年的事'"
                         "   FROM concerns WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "UPDATE concerns SET ref_seq = 0 WHERE id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "UPDATE concerns SET ref_year = 26 WHERE id = 1");

  /* The counter hands out 1, 2, 3 per station and year, and a rolled-back save leaves no gap. */
  g_assert_cmpint (query_int (t->h, next_seq), ==, 1);
  g_assert_cmpint (query_int (t->h, next_seq), ==, 2);
  ld_database_begin_immediate (t->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (t->h, next_seq), ==, 3);
  ld_database_rollback (t->db);
  g_assert_cmpint (query_int (t->h, next_seq), ==, 3);
  g_assert_cmpint (query_int (t->h, "INSERT INTO reference_counters (station_id, kind, year, last_seq)"
                                    " VALUES (1, 'concern', 2027, 1)"
                                    " ON CONFLICT (station_id, kind, year)"
                                    " DO UPDATE SET last_seq = last_seq + 1"
                                    " RETURNING last_seq"), ==, 1);
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO reference_counters (station_id, kind, year, last_seq)"
                  " VALUES (1, 'petition', 2026, 1)");
}

/* ------------------------------------------------------------------ timeline */

static void
test_timeline (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  expect_accepted (t->h, "INSERT INTO timeline"
                         "  (concern_id, operator, action, from_state, to_state, note)"
                         " VALUES (1, '刘晓燕', 'transition', 'registered', 'referred', '转区城管局办理')");
  expect_accepted (t->h, "INSERT INTO timeline (suggestion_id, operator, action, to_state, changes)"
                         " VALUES (1, '刘晓燕', 'edit', 'draft', '{\"title\": [\"旧\", \"新\"]}')");

  /* Each entry belongs to exactly one concern or one suggestion. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (operator, action) VALUES ('刘晓燕', 'note')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, suggestion_id, operator, action)"
                  " VALUES (1, 1, '刘晓燕', 'note')");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY,
                  "INSERT INTO timeline (concern_id, operator, action) VALUES (99, '刘晓燕', 'note')");

  /* States are those of the record's own workflow. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, operator, action, to_state)"
                  " VALUES (1, '刘晓燕', 'transition', 'assigned')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (suggestion_id, operator, action, from_state)"
                  " VALUES (1, '刘晓燕', 'transition', 'referred')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, operator, action) VALUES (1, '', 'note')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, operator, action)"
                  " VALUES (1, '刘晓燕', 'Add Note')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO timeline (concern_id, operator, action, changes)"
                  " VALUES (1, '刘晓燕', 'edit', 'subject changed')");

  /* History is appended, never rewritten, and never lost with its record. */
  expect_refused (t->h, SQLITE_CONSTRAINT_TRIGGER,
                  "UPDATE timeline SET note = '改过的' WHERE concern_id = 1");
  expect_refused (t->h, SQLITE_CONSTRAINT_FOREIGNKEY, "DELETE FROM concerns WHERE id = 1");
  assert_query_text (t->h, "SELECT note FROM timeline WHERE concern_id = 1", "转区城管局办理");
}

/* A resident hears the outcome of every concern: concluded, or answered through a suggestion. */
static void
test_feedback_owed (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char owed[] = "SELECT group_concat(concern_id) FROM"
                             " (SELECT concern_id FROM feedback_owed ORDER BY concern_id)";

  write_ok (t, "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id,"
               "                      category_id, subject, state)"
               " SELECT 2, 1, 2026, 2, '2026-01-15T01:45:00Z', channel_id, category_id,"
               "        '学校门口上下学时段交通拥堵', 'converted' FROM concerns WHERE id = 1;"
               "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id,"
               "                      category_id, subject, state)"
               " SELECT 3, 1, 2026, 3, '2026-01-15T01:50:00Z', channel_id, category_id,"
               "        '学校门口缺少斑马线', 'converted' FROM concerns WHERE id = 1;"
               "INSERT INTO suggestion_concerns (suggestion_id, concern_id) VALUES (1, 2), (1, 3);");
  assert_query_text (t->h, owed, NULL);

  exec_ok (t->h,
           "UPDATE concerns SET state = 'concluded', concluded_date = '2026-02-03' WHERE id = 1");
  assert_query_text (t->h, owed, "1");

  exec_ok (t->h, "UPDATE suggestions SET state = 'answered', submitted_date = '2026-01-28',"
                 " assigned_date = '2026-02-02', due_date = '2026-05-02', answer_date = '2026-04-20'"
                 " WHERE id = 1");
  assert_query_text (t->h, owed, "1,2,3");

  exec_ok (t->h, "UPDATE concerns SET state = 'feedback_given', feedback_date = '2026-02-05'"
                 " WHERE id = 1;"
                 "UPDATE concerns SET feedback_date = '2026-04-22' WHERE id = 2;");
  assert_query_text (t->h, owed, "3");

  /* Re-handled and answered again: the residents are owed the new answer. */
  exec_ok (t->h, "UPDATE suggestions SET state = 'answered', answer_date = '2026-05-20',"
                 " rehandling_count = 1 WHERE id = 1");
  assert_query_text (t->h, owed, "2,3");
}

/* ------------------------------------------------------------------ seeded data */

static void
test_seeded_lists (void)
{
  g_autoptr(TestDb) t = test_db_new_empty ();
  g_autofree char *categories = NULL;
  g_autofree char *suggestion_categories = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *classes = NULL;

  categories = query_list (t->h, "SELECT seed_key FROM concern_categories ORDER BY position");
  g_assert_cmpstr (categories, ==,
                   "urban_construction,business_environment,rural_revitalisation,"
                   "grassroots_governance,social_security,education,health,transport,environment,"
                   "housing_property,other");
  suggestion_categories = query_list (t->h, "SELECT seed_key FROM suggestion_categories"
                                            " ORDER BY position");
  g_assert_cmpstr (suggestion_categories, ==,
                   "finance_economy,urban_rural_construction_environment,agriculture_rural_affairs,"
                   "education_science_culture_health,internal_affairs_justice,social_development");
  channels = query_list (t->h, "SELECT seed_key FROM channels ORDER BY position");
  g_assert_cmpstr (channels, ==,
                   "reception_day,duty,visit,letter,phone_call,suggestion_box,online,hotline_12345");
  classes = query_list (t->h, "SELECT seed_key || ':' || solved || carry_over FROM answer_classes"
                              " ORDER BY position");
  g_assert_cmpstr (classes, ==, "A:10,B:01,C:01,D:00");

  /* Seeded entries are shared, visible, and show their translation until renamed. */
  g_assert_cmpint (query_int (t->h,
                              "SELECT count(*) FROM"
                              " (SELECT station_id, name, hidden FROM concern_categories"
                              "  UNION ALL SELECT station_id, name, hidden FROM suggestion_categories"
                              "  UNION ALL SELECT station_id, name, hidden FROM channels"
                              "  UNION ALL SELECT station_id, name, hidden FROM answer_classes)"
                              " WHERE station_id IS NOT NULL OR name IS NOT NULL OR hidden <> 0"),
                   ==, 0);

  /* A user entry has a name; a seed exists once; a rename keeps the seed. */
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "INSERT INTO channels (position) VALUES (90)");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK, "INSERT INTO channels (name) VALUES ('  ')");
  expect_accepted (t->h, "INSERT INTO channels (name, position) VALUES ('代表直通车', 90)");
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO channels (seed_key) VALUES ('letter')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO channels (seed_key) VALUES ('Letter Box')");
  expect_accepted (t->h, "UPDATE answer_classes SET name = '甲' WHERE seed_key = 'A'");
  expect_accepted (t->h, "UPDATE channels SET hidden = 1 WHERE seed_key = 'suggestion_box'");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "UPDATE concern_categories SET time_limit_days = 0 WHERE seed_key = 'education'");
  expect_accepted (t->h,
                   "UPDATE concern_categories SET time_limit_days = 10 WHERE seed_key = 'education'");
}

static void
test_seeded_settings (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const char upsert[] =
    "INSERT INTO settings (station_id, key, value) VALUES (%s, 'suggestion.answer_due_months', %Q)"
    " ON CONFLICT (ifnull(station_id, 0), key) DO UPDATE SET value = excluded.value";
  g_autofree char *station = sql_printf (upsert, "1", "2");
  g_autofree char *global = sql_printf (upsert, "NULL", "4");

  assert_query_text (t->h, "SELECT value FROM settings WHERE station_id IS NULL"
                                     " AND key = 'suggestion.answer_due_months'", "3");
  assert_query_text (t->h, "SELECT value FROM settings WHERE station_id IS NULL"
                                     " AND key = 'suggestion.return_working_days'", "7");
  assert_query_text (t->h, "SELECT value FROM settings WHERE station_id IS NULL"
                                     " AND key = 'concern.time_limit_working_days'", "15");

  /* One value per key for all stations, and one per station that overrides it. */
  expect_refused (t->h, SQLITE_CONSTRAINT_UNIQUE,
                  "INSERT INTO settings (key, value) VALUES ('suggestion.answer_due_months', '6')");
  exec_ok (t->h, station);
  exec_ok (t->h, global);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM settings"
                                    " WHERE key = 'suggestion.answer_due_months'"), ==, 2);
  assert_query_text (t->h, "SELECT value FROM settings WHERE station_id IS NULL"
                                     " AND key = 'suggestion.answer_due_months'", "4");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO settings (key, value) VALUES ('Answer Due', '3')");
}

static void
test_working_day_calendar (void)
{
  g_autoptr(TestDb) t = test_db_new_empty ();
  g_autofree char *makeup = NULL;

  /* The State Council's 2025 and 2026 schedules are there from the first start. */
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2025-10-08'", "holiday");
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2026-02-14'",
                   "makeup_workday");
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2026-02-16'", "holiday");
  assert_query_text (t->h, "SELECT seed_key FROM calendar_days WHERE day = '2026-02-16'",
                   "spring_festival");
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2025-01-28'", "holiday");
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2025-02-04'", "holiday");
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2025-02-05'", NULL);
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2025-10-09'", NULL);
  assert_query_text (t->h, "SELECT kind FROM calendar_days WHERE day = '2026-10-08'", NULL);

  /* 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7. */
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM calendar_days"
                                    " WHERE kind = 'holiday' AND day LIKE '2025-%'"), ==, 28);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM calendar_days"
                                    " WHERE kind = 'holiday' AND day LIKE '2026-%'"), ==, 33);

  makeup = query_list (t->h, "SELECT day FROM calendar_days WHERE kind = 'makeup_workday'"
                             " ORDER BY day");
  g_assert_cmpstr (makeup, ==,
                   "2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11,"
                   "2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10");

  /* Make-up working days are weekend days, by definition. */
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM calendar_days WHERE kind = 'makeup_workday'"
                                    " AND strftime('%w', day) NOT IN ('0', '6')"), ==, 0);

  /* A day is either off or a make-up working day. */
  expect_refused (t->h, SQLITE_CONSTRAINT_PRIMARYKEY,
                  "INSERT INTO calendar_days (day, kind) VALUES ('2026-02-14', 'holiday')");
  expect_accepted (t->h,
                   "INSERT INTO calendar_days (day, kind, name)"
                   " VALUES ('2027-01-01', 'holiday', '元旦')");
}

static void
test_concern_drafts (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  expect_accepted (t->h, "INSERT INTO concern_drafts (station_id, operator, form)"
                         " VALUES (1, '刘晓燕', '{\"subject\": \"小区门口路灯\"}')");
  expect_accepted (t->h, "INSERT INTO concern_drafts (station_id) VALUES (1)");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO concern_drafts (station_id, form) VALUES (1, 'subject=路灯')");
  expect_refused (t->h, SQLITE_CONSTRAINT_CHECK,
                  "INSERT INTO concern_drafts (station_id, form) VALUES (1, '[\"路灯\"]')");

  /* A draft that edits a concern goes with it. */
  exec_ok (t->h, "INSERT INTO concern_drafts (station_id, concern_id) VALUES (1, 1);"
                 "DELETE FROM concerns WHERE id = 1");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concern_drafts"), ==, 2);
}

/* ------------------------------------------------------------------ full-text search */

static void
test_search_journal (void)
{
  g_autoptr(TestDb) t = test_db_new_empty ();

  /* The triggers only take notes, so writes work with trusted_schema off … */
  exec_ok (t->h, "BEGIN IMMEDIATE");
  exec_ok (t->h, base_rows);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 1);
  exec_ok (t->h, search_replay);
  exec_ok (t->h, "COMMIT");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "路灯不"), ==, 1);

  /* … and a replay follows several edits of one row in one transaction exactly. */
  exec_ok (t->h, "BEGIN IMMEDIATE;"
                 "UPDATE concerns SET subject = '楼道积水严重' WHERE id = 1;"
                 "UPDATE concerns SET details = '一楼楼道下雨就积水' WHERE id = 1;"
                 "UPDATE concerns SET subject = '楼道积水很严重' WHERE id = 1;");
  exec_ok (t->h, "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id,"
                 "                      category_id, subject)"
                 " SELECT 2, 1, 2026, 2, received_at, channel_id, category_id, '临时记录'"
                 "   FROM concerns WHERE id = 1;"
                 "DELETE FROM concerns WHERE id = 2;");
  exec_ok (t->h, search_replay);
  exec_ok (t->h, "COMMIT");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "路灯不"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "积水严"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "积水很严重"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "下雨就"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "临时记"), ==, 0);

  /* The index holds exactly what the table holds. */
  exec_ok (t->h, "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");
  exec_ok (t->h,
           "INSERT INTO suggestions_fts (suggestions_fts, rank) VALUES ('integrity-check', 1)");

  /* A statement's own conflict clause (OR REPLACE) cannot turn the journal's notes into
   * replacements that would forget what the index holds. */
  exec_ok (t->h, "BEGIN IMMEDIATE;"
                 "UPDATE OR REPLACE suggestions SET title = '关于增设学校门口斑马线的建议' WHERE id = 1;"
                 "UPDATE OR REPLACE suggestions SET title = '关于增设学校门口斑马线和信号灯的建议' WHERE id = 1;");
  exec_ok (t->h, search_replay);
  exec_ok (t->h, "COMMIT");
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "斑马线和信号灯"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "交通拥堵"), ==, 0);
  exec_ok (t->h,
           "INSERT INTO suggestions_fts (suggestions_fts, rank) VALUES ('integrity-check', 1)");
}

/* What the clerk sees: a concern saved through the app is found by its words at once, follows
 * every edit, and disappears when deleted. */
static void
test_search_concerns (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  /* ld_database_commit() replays the search journal (data/db/0002-search.sql) before COMMIT. */
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);

  g_assert_cmpint (count_matches (t->h, "concerns_fts", "路灯不"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "小区门口"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "灯不亮"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "路灯坏"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT c.ref_seq"
                                    "  FROM concerns_fts AS f JOIN concerns AS c ON c.id = f.rowid"
                                    " WHERE concerns_fts MATCH '路灯不'"), ==, 1);

  write_ok (t, "UPDATE concerns SET details = '北门外三盏路灯从元旦起一直不亮，老人晚上出门不便。' WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "details: 老人晚上"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "subject: 老人晚上"), ==, 0);

  write_ok (t, "UPDATE concerns SET subject = '楼道内电动车充电存在安全隐患' WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "subject: 路灯不"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "电动车"), ==, 1);

  /* Most saves change other fields; the index stays right. */
  write_ok (t, "UPDATE concerns SET urgency = 'urgent', confidential = 1 WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "电动车"), ==, 1);

  write_ok (t, "DELETE FROM concerns WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "电动车"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "老人晚上"), ==, 0);

  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);
  exec_ok (t->h, "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");
}

static void
test_search_suggestions (void)
{
  g_autoptr(TestDb) t = test_db_new ();

  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "交通拥堵"), ==, 1);
  write_ok (t, "UPDATE suggestions SET content = '建议在放学时段设置临时停车区，增派交通协管员。' WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "临时停车"), ==, 1);
  write_ok (t, "UPDATE suggestions SET title = '关于错峰放学的建议' WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "交通拥堵"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "错峰放学"), ==, 1);
  write_ok (t, "DELETE FROM suggestions WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "错峰放学"), ==, 0);
  exec_ok (t->h,
           "INSERT INTO suggestions_fts (suggestions_fts, rank) VALUES ('integrity-check', 1)");
}

/* ------------------------------------------------------------------ version 1 databases */

static TestDb *
test_db_from_v1_fixture (void)
{
  g_autofree char *fixture = ld_test_src_path ("fixtures/schema-v1.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = ld_test_make_tmpdir ();
  char *path = g_build_filename (dir, "liaison-desk.db", NULL);
  sqlite3 *raw;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  raw = open_raw (path);
  exec_ok (raw, sql);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LD_DATABASE_APPLICATION_ID);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (raw);

  return test_db_open_path (dir, path);
}

/* The fixture is what migration 1 makes: a released migration never changes. */
static void
test_v1_fixture_is_migration_1 (void)
{
  g_autofree char *fixture = ld_test_src_path ("fixtures/schema-v1.sql");
  g_autoptr(GBytes) bytes = lookup_migration ("0001-base.sql");
  g_autofree char *base = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *fresh = open_raw (":memory:");
  sqlite3 *old = open_raw (":memory:");

  exec_ok (fresh, base);
  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  exec_ok (old, sql);

  expected = schema_of (fresh);
  actual = schema_of (old);
  g_assert_cmpstr (actual, ==, expected);

  /* Its seeds, too: the calendar and every list. */
  g_assert_cmpint (query_int (old, "SELECT count(*) FROM calendar_days"), ==,
                   query_int (fresh, "SELECT count(*) FROM calendar_days"));
  g_assert_cmpint (query_int (old, "SELECT count(*) FROM concern_categories"), ==,
                   query_int (fresh, "SELECT count(*) FROM concern_categories"));
  g_assert_cmpint (query_int (old, "SELECT count(*) FROM settings"), ==,
                   query_int (fresh, "SELECT count(*) FROM settings"));
  sqlite3_close (fresh);
  sqlite3_close (old);
}

static void
test_v1_migrates_searchable (void)
{
  g_autoptr(TestDb) t = test_db_from_v1_fixture ();

  g_assert_cmpint (ld_database_get_schema_version (t->db), ==, 4);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns"), ==, 3);

  /* Concerns and suggestions written at version 1 are found after the upgrade. */
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM concerns_fts"
                                    " WHERE concerns_fts MATCH '路灯不'"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "交通拥堵"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "电动车"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "老人出门"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "上下学"), ==, 1);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);
  exec_ok (t->h, "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");

  /* And they keep following edits. */
  write_ok (t, "UPDATE concerns SET subject = '小区北门路灯已修复但仍偶尔闪烁' WHERE id = 1");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "subject: 路灯不"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "偶尔闪烁"), ==, 1);

  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM timeline"), ==, 8);
}

/* ------------------------------------------------------------------ version 2 databases */

static TestDb *
test_db_from_v2_fixture (void)
{
  g_autofree char *fixture = ld_test_src_path ("fixtures/schema-v2.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = ld_test_make_tmpdir ();
  char *path = g_build_filename (dir, "liaison-desk.db", NULL);
  sqlite3 *raw = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  /* Not open_raw(): the dump writes sqlite_schema for its FTS5 tables, which defensive mode
   * forbids. */
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  exec_ok (raw, sql);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LD_DATABASE_APPLICATION_ID);
  exec_ok (raw, "PRAGMA foreign_keys = ON");
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (raw);

  return test_db_open_path (dir, path);
}

static void
test_v2_migrates_searchable (void)
{
  g_autoptr(TestDb) t = test_db_from_v2_fixture ();

  g_assert_cmpint (ld_database_get_schema_version (t->db), ==, 4);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns"), ==, 4);

  /* Two characters, the length of most Chinese words, now find what version 2 wrote: in the
   * subject, the details, the place and the resident's name. */
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM concerns_fts"
                                    " WHERE concerns_fts MATCH '路灯'"), ==, 1);
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM concerns_fts"
                                    " WHERE concerns_fts MATCH '噪音'"), ==, 4);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "电动"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "details: 音响"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "place: 沙湖"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "resident_name: 桂芳"), ==, 2);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "交通拥堵"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "拥堵路灯"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "上下学"), ==, 1);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);
  exec_ok (t->h, "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");

  /* And they keep following edits, a resident's new name included. */
  write_ok (t, "UPDATE residents SET name = '刘德华' WHERE id = 2");
  g_assert_cmpint (count_matches (t->h, "concerns_fts", "德明"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM concerns_fts"
                                    " WHERE concerns_fts MATCH '德华'"), ==, 4);
  exec_ok (t->h, "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");

  /* The list indexes of migration 3 are there. */
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                    " AND name IN ('concerns_by_due', 'concerns_by_state_received',"
                                    "  'concerns_by_category_received',"
                                    "  'concerns_by_channel_received', 'concerns_by_confidential')"),
                   ==, 5);
}

/* ------------------------------------------------------------------ version 3 databases */

static TestDb *
test_db_from_v3_fixture (void)
{
  g_autofree char *fixture = ld_test_src_path ("fixtures/schema-v3.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = ld_test_make_tmpdir ();
  char *path = g_build_filename (dir, "liaison-desk.db", NULL);
  sqlite3 *raw = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  /* As for version 2: the dump writes sqlite_schema for its FTS5 tables. */
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  exec_ok (raw, sql);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LD_DATABASE_APPLICATION_ID);
  exec_ok (raw, "PRAGMA foreign_keys = ON");
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (raw);

  return test_db_open_path (dir, path);
}

static void
test_v3_migrates_searchable (void)
{
  g_autoptr(TestDb) t = test_db_from_v3_fixture ();

  g_assert_cmpint (ld_database_get_schema_version (t->db), ==, 4);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM suggestions"), ==, 2);

  /* Two characters now find the suggestions version 3 wrote, in the title and the content, and
   * so does the number on the reply letter. */
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM suggestions_fts"
                                    " WHERE suggestions_fts MATCH '拥堵'"), ==, 1);
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM suggestions_fts"
                                    " WHERE suggestions_fts MATCH 'title: 广场'"), ==, 2);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "停车"), ==, 2);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "content: 音量"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "title: 音量"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM suggestions_fts"
                                    " WHERE suggestions_fts MATCH 'number: 0123'"), ==, 2);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "拥堵广场"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM suggestions_fts_pending"), ==, 0);
  exec_ok (t->h,
           "INSERT INTO suggestions_fts (suggestions_fts, rank) VALUES ('integrity-check', 1)");

  /* The concerns index of version 3 is untouched. */
  g_assert_cmpint (query_int (t->h, "SELECT rowid FROM concerns_fts"
                                    " WHERE concerns_fts MATCH '噪音'"), ==, 4);

  /* And they keep following edits, the number included. */
  write_ok (t, "UPDATE suggestions SET number = '第0456号', title = '关于沙湖花园增设停车位的建议'"
               " WHERE id = 2");
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "number: 0123"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "number: 0456"), ==, 1);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "title: 广场"), ==, 0);
  g_assert_cmpint (count_matches (t->h, "suggestions_fts", "content: 广场"), ==, 1);
  exec_ok (t->h,
           "INSERT INTO suggestions_fts (suggestions_fts, rank) VALUES ('integrity-check', 1)");

  /* What migration 4 adds besides: the rolling follow-up date and the list indexes. */
  assert_query_text (t->h, "SELECT value FROM settings WHERE station_id IS NULL"
                           " AND key = 'suggestion.rolling_followup_due'", "06-30");
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                    " AND name IN ('suggestions_by_created',"
                                    "  'suggestions_by_state_created',"
                                    "  'suggestions_by_category_created', 'suggestions_by_number',"
                                    "  'suggestions_by_key_supervision', 'suggestions_by_submitted',"
                                    "  'suggestions_by_answered')"),
                   ==, 7);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (t->h, "SELECT count(*) FROM timeline WHERE suggestion_id = 2"), ==, 1);
}

/* ------------------------------------------------------------------ indexes */

typedef struct
{
  const char *what;
  const char *sql;
  const char *index;    /* must appear in the plan */
} PlanCase;

static void
test_query_plans (void)
{
  g_autoptr(TestDb) t = test_db_new ();
  static const PlanCase cases[] = {
    { "concern list of a station, newest first",
      "SELECT id FROM concerns WHERE station_id = ?1 ORDER BY received_at DESC, id DESC LIMIT 50",
      "concerns_by_station_received" },
    { "next page of that list (keyset)",
      "SELECT id FROM concerns WHERE station_id = ?1 AND (received_at, id) < (?2, ?3)"
      " ORDER BY received_at DESC, id DESC LIMIT 50",
      "concerns_by_station_received" },
    { "concerns of a station in a period",
      "SELECT count(*) FROM concerns"
      " WHERE station_id = ?1 AND received_at >= ?2 AND received_at < ?3",
      "concerns_by_station_received" },
    { "concern list of all stations",
      "SELECT id FROM concerns ORDER BY received_at DESC, id DESC LIMIT 50",
      "concerns_by_received" },
    { "overdue referrals",
      "SELECT id FROM concerns WHERE state = 'referred' AND due_date < ?1 ORDER BY due_date",
      "concerns_by_state_due" },
    { "due today, whatever the state",
      "SELECT count(*) FROM concerns WHERE state IN ('referred', 'in_progress') AND due_date = ?1",
      "concerns_by_state_due" },
    { "earlier concerns of a resident",
      "SELECT id FROM concerns WHERE resident_id = ?1 ORDER BY received_at DESC",
      "concerns_by_resident" },
    { "concerns of a handling unit",
      "SELECT id FROM concerns WHERE unit_id = ?1 AND state = 'referred'",
      "concerns_by_unit" },
    { "a concern by its reference number",
      "SELECT id FROM concerns WHERE station_id = ?1 AND ref_year = ?2 AND ref_seq = ?3",
      "concerns_by_reference" },
    { "residents received on a reception day",
      "SELECT count(*) FROM concerns WHERE event_id = ?1",
      "concerns_by_event" },
    { "a deputy's concerns",
      "SELECT concern_id FROM concern_deputies WHERE deputy_id = ?1",
      "concern_deputies_by_deputy" },
    { "a resident by phone",
      "SELECT id FROM residents WHERE phone = ?1",
      "residents_by_phone" },
    { "deputies by name",
      "SELECT id FROM deputies ORDER BY name",
      "deputies_by_name" },
    { "a month of a station's calendar",
      "SELECT id FROM events WHERE station_id = ?1 AND event_date BETWEEN ?2 AND ?3"
      " ORDER BY event_date",
      "events_by_station_date" },
    { "a deputy's duty days",
      "SELECT event_id FROM event_deputies WHERE deputy_id = ?1 AND role = 'on_duty'",
      "event_deputies_by_deputy" },
    { "a concern's timeline",
      "SELECT id FROM timeline WHERE concern_id = ?1 ORDER BY at, id",
      "timeline_by_concern" },
    { "a suggestion's timeline",
      "SELECT id FROM timeline WHERE suggestion_id = ?1 ORDER BY at, id",
      "timeline_by_suggestion" },
    { "suggestions due soon or overdue",
      "SELECT id FROM suggestions WHERE state = 'assigned' AND due_date <= ?1 ORDER BY due_date",
      "suggestions_by_state_due" },
    { "suggestions assigned in a year",
      "SELECT id FROM suggestions WHERE station_id = ?1 AND assigned_date BETWEEN ?2 AND ?3",
      "suggestions_by_station_assigned" },
    { "suggestions assigned in a period, every station (report)",
      "SELECT count(*) FROM suggestions WHERE assigned_date BETWEEN ?1 AND ?2",
      "suggestions_by_assigned" },
    { "concerns concluded in a period, every station (report)",
      "SELECT count(*) FROM concerns WHERE concluded_date BETWEEN ?1 AND ?2",
      "concerns_by_concluded" },
    { "satisfaction given in a period, every station (report)",
      "SELECT count(*), sum(satisfaction = 'satisfied') FROM concerns"
      " WHERE feedback_date BETWEEN ?1 AND ?2",
      "concerns_by_feedback" },
    { "a deputy's suggestions",
      "SELECT suggestion_id FROM suggestion_deputies WHERE deputy_id = ?1 AND role = 'lead'",
      "suggestion_deputies_by_deputy" },
    { "suggestions of a concern",
      "SELECT suggestion_id FROM suggestion_concerns WHERE concern_id = ?1",
      "suggestion_concerns_by_concern" },
    { "suggestion list, newest first",
      "SELECT id FROM suggestions ORDER BY created_at DESC, id DESC LIMIT 50",
      "suggestions_by_created" },
    { "suggestions in one state, newest first",
      "SELECT id FROM suggestions WHERE state = 'answered' ORDER BY created_at DESC, id DESC",
      "suggestions_by_state_created" },
    { "suggestions of a category",
      "SELECT id FROM suggestions WHERE category_id = ?1 ORDER BY created_at, id",
      "suggestions_by_category_created" },
    { "suggestions by number",
      "SELECT id FROM suggestions WHERE number IS NOT NULL ORDER BY number, id",
      "suggestions_by_number" },
    { "suggestions under key supervision",
      "SELECT id FROM suggestions WHERE key_supervision = 1 ORDER BY created_at DESC",
      "suggestions_by_key_supervision" },
    { "suggestions answered in a year",
      "SELECT id FROM suggestions WHERE answer_date BETWEEN ?1 AND ?2",
      "suggestions_by_answered" },
    { "the rolling ledger of a suggestion",
      "SELECT id FROM rolling_supervision WHERE suggestion_id = ?1",
      "sqlite_autoindex_rolling_supervision" },
    { "export log, newest first",
      "SELECT id FROM export_log ORDER BY at DESC LIMIT 20",
      "export_log_by_time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", cases[i].sql, NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (t->h, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);

          g_string_append_printf (plan, "%s; ", detail);
          /* A full scan or a sort of the whole table is what makes a million-row list slow. */
          if ((g_str_has_prefix (detail, "SCAN ") && strstr (detail, " USING ") == NULL)
              || strstr (detail, "TEMP B-TREE") != NULL)
            g_test_fail_printf ("%s: %s", cases[i].what, detail);
        }
      sqlite3_finalize (stmt);

      if (strstr (plan->str, cases[i].index) == NULL)
        g_test_fail_printf ("%s does not use %s: %s", cases[i].what, cases[i].index, plan->str);
    }
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/version", test_version);
  g_test_add_func ("/schema/migrations-are-transactional", test_migrations_are_transactional);
  g_test_add_func ("/schema/strict-tables", test_strict_tables);
  g_test_add_func ("/schema/uuids", test_uuids);
  g_test_add_func ("/schema/timestamps", test_timestamps);
  g_test_add_func ("/schema/dates/impossible", test_impossible_dates);
  g_test_add_func ("/schema/dates/instants", test_impossible_instants);
  g_test_add_func ("/schema/dates/times-of-day", test_times_of_day);
  g_test_add_func ("/schema/dates/order", test_date_order);
  g_test_add_func ("/schema/states/concerns", test_concern_states);
  g_test_add_func ("/schema/states/suggestions", test_suggestion_states);
  g_test_add_func ("/schema/kinds", test_kinds);
  g_test_add_func ("/schema/roles", test_roles);
  g_test_add_func ("/schema/foreign-keys", test_foreign_keys);
  g_test_add_func ("/schema/reference-numbers", test_reference_numbers);
  g_test_add_func ("/schema/timeline", test_timeline);
  g_test_add_func ("/schema/feedback-owed", test_feedback_owed);
  g_test_add_func ("/schema/seeds/lists", test_seeded_lists);
  g_test_add_func ("/schema/seeds/settings", test_seeded_settings);
  g_test_add_func ("/schema/seeds/working-day-calendar", test_working_day_calendar);
  g_test_add_func ("/schema/concern-drafts", test_concern_drafts);
  g_test_add_func ("/schema/search/journal", test_search_journal);
  g_test_add_func ("/schema/search/concerns", test_search_concerns);
  g_test_add_func ("/schema/search/suggestions", test_search_suggestions);
  g_test_add_func ("/schema/v1/fixture-is-migration-1", test_v1_fixture_is_migration_1);
  g_test_add_func ("/schema/v1/migrates-searchable", test_v1_migrates_searchable);
  g_test_add_func ("/schema/v2/migrates-searchable", test_v2_migrates_searchable);
  g_test_add_func ("/schema/v3/migrates-searchable", test_v3_migrates_searchable);
  g_test_add_func ("/schema/query-plans", test_query_plans);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-import"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ld-csv.h"
#include "ld-database.h"
#include "ld-roster-import.h"
#include "ld-store.h"

/*
 * What importing a district's roster costs, stage by stage, against two floors that no import
 * can beat: reading the bytes once (memchr over the file, the speed of memory) and parsing the
 * CSV without looking at the values; and for the write, a bare prepared INSERT of the same rows
 * in one transaction, without any checks.
 *
 *   LD_BENCH_ROWS   rows to generate (default 10000)
 *   LD_BENCH_RUNS   repetitions; the best time of each stage is reported (default 5)
 */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

/* A roster as stations receive it: every column, Chinese text, a quoted workplace with a
 * comma, a two-line note, phone numbers written with spaces. */
static char *
generate_roster (guint n_rows)
{
  static const char * const levels[] = { "全国", "省", "市", "区(县)", "乡镇" };
  static const char * const groups[] = { "财经组", "城建环资组", "教科文卫组", "农业农村组" };
  GString *text = g_string_new ("姓名,性别,代表层级,选区,专业小组,职业,工作单位,手机,备注\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text,
                            "代表%05u,%s,%s,第%u选区,%s,教师,\"武汉市第%u中学,教务处\","
                            "138 %04u %04u,\"第%u届连任\n联系人：办公室\"\r\n",
                            i, i % 2 ? "男" : "女", levels[i % 5], i % 40, groups[i % 4], i % 300,
                            i / 10000, i % 10000, 1 + i % 3);
  return g_string_free (text, FALSE);
}

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
} Target;

static void
target_open (Target *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  target->dir = g_dir_make_tmp ("liaison-desk-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (target->dir, "liaison-desk.db", NULL);
  target->database = ld_database_open (path, &error);
  g_assert_no_error (error);
  target->store = ld_store_new (target->database);
  ld_database_exec (target->database, "INSERT INTO stations (name) VALUES ('联络站')", &error);
  g_assert_no_error (error);
}

static void
target_close (Target *target)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&target->store);
  ld_database_close (target->database);
  g_clear_object (&target->database);

  dir = g_dir_open (target->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (target->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (target->dir);
  g_clear_pointer (&target->dir, g_free);
}

/* The floor of the write: the same rows, one prepared INSERT each, one transaction. */
static double
time_bare_insert (LdRosterImport *import)
{
  Target target = { 0 };
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  double seconds;

  target_open (&target);
  db = ld_database_get_handle (target.database);

  start = g_get_monotonic_time ();
  g_assert_true (ld_database_begin_immediate (target.database, NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO deputies (station_id, name, gender, level,"
                                       " professional_group, constituency, occupation,"
                                       " workplace, phone, notes)"
                                       " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < ld_roster_import_get_n_rows (import); i++)
    {
      LdDeputy *deputy = LD_DEPUTY (ld_roster_import_get_record (import, i));

      sqlite3_bind_text (stmt, 1, ld_deputy_get_name (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, ld_deputy_get_gender (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, ld_deputy_get_level (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, ld_deputy_get_group (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, ld_deputy_get_constituency (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, ld_deputy_get_occupation (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, ld_deputy_get_workplace (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, ld_deputy_get_phone (deputy), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, ld_deputy_get_notes (deputy), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_true (ld_database_commit (target.database, NULL));
  seconds = seconds_since (start);

  target_close (&target);
  return seconds;
}

static void
report (const char *stage,
        double      seconds,
        guint       n_rows,
        double      reference)
{
  printf ("  %-34s %9.2f ms  %11.0f rows/s  %7.1f×\n",
          stage, seconds * 1e3, n_rows / seconds, seconds / reference);
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = env_uint ("LD_BENCH_ROWS", 10000);
  guint n_runs = MAX (1, env_uint ("LD_BENCH_RUNS", 5));
  g_autofree char *utf8 = generate_roster (n_rows);
  g_autofree char *gb = NULL;
  gsize utf8_length = strlen (utf8);
  gsize gb_length = 0;
  double scan = G_MAXDOUBLE, decode_utf8 = G_MAXDOUBLE, decode_gb = G_MAXDOUBLE;
  double parse = G_MAXDOUBLE, check = G_MAXDOUBLE, run = G_MAXDOUBLE, whole = G_MAXDOUBLE;
  double bare = G_MAXDOUBLE;
  g_autoptr(GError) error = NULL;

  gb = g_convert (utf8, utf8_length, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < n_runs; r++)
    {
      g_autoptr(LdRosterImport) import = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *text = NULL;
      Target target = { 0 };
      const char *p;
      guint n_lines = 0;
      guint n_imported = 0;
      gint64 start;

      /* Reading every byte once: the speed of memory, no import is faster. */
      start = g_get_monotonic_time ();
      for (p = gb; (p = memchr (p, '\n', gb_length - (p - gb))) != NULL; p++)
        n_lines++;
      scan = MIN (scan, seconds_since (start));
      g_assert_cmpuint (n_lines, ==, 1 + 2 * n_rows);

      start = g_get_monotonic_time ();
      g_free (ld_csv_decode (utf8, utf8_length, NULL, NULL));
      decode_utf8 = MIN (decode_utf8, seconds_since (start));

      start = g_get_monotonic_time ();
      text = ld_csv_decode (gb, gb_length, NULL, NULL);
      decode_gb = MIN (decode_gb, seconds_since (start));

      start = g_get_monotonic_time ();
      rows = ld_csv_parse (text, NULL);
      parse = MIN (parse, seconds_since (start));
      g_assert_cmpuint (rows->len, ==, n_rows + 1);

      target_open (&target);

      start = g_get_monotonic_time ();
      import = ld_roster_import_new_from_data (target.store, LD_IMPORT_DEPUTIES, gb, gb_length,
                                               &error);
      check = MIN (check, seconds_since (start));
      g_assert_no_error (error);
      g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, n_rows);

      start = g_get_monotonic_time ();
      ld_roster_import_run (import, 1, FALSE, &n_imported, &error);
      run = MIN (run, seconds_since (start));
      g_assert_no_error (error);
      g_assert_cmpuint (n_imported, ==, n_rows);

      whole = MIN (whole, check + run);
      target_close (&target);

      bare = MIN (bare, time_bare_insert (import));
    }

  printf ("Roster import: %u rows, %.1f MB as GB18030 (%.1f MB as UTF-8), best of %u runs\n",
          n_rows, gb_length / 1e6, utf8_length / 1e6, n_runs);
  printf ("  %-34s %12s  %18s  %8s\n", "stage", "time", "speed", "÷ parse");
  report ("scan bytes (memchr)", scan, n_rows, parse);
  report ("decode UTF-8 (validate)", decode_utf8, n_rows, parse);
  report ("decode GB18030 (convert)", decode_gb, n_rows, parse);
  report ("parse CSV", parse, n_rows, parse);
  report ("read + check (new_from_data)", check, n_rows, parse);
  report ("write, one transaction (run)", run, n_rows, parse);
  report ("bare INSERT of the same rows", bare, n_rows, parse);
  report ("whole import", whole, n_rows, parse);
  printf ("Whole import = %.1f× parsing alone; the write = %.2f× a bare INSERT of the rows; "
          "%.0f rows/s end to end.\n",
          whole / parse, run / bare, n_rows / whole);

  return 0;
}

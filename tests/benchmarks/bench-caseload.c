/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-caseload"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld-caseload.h"
#include "ld-concern-generator.h"
#include "ld-database.h"
#include "ld-store.h"

/*
 * A deputy's caseload and duty record on a district's million concerns (issue 7):
 * ld_caseload_compute() for the deputy with the most open suggestions, and ld_duty_record_load() as
 * Print and Export build it. Medians of RUNS runs after a warm-up; the target is 100 ms.
 *
 * The database is bench-today's (same seed, size and suggestions, so one cache serves both),
 * with events added in a copy of its own: a reception day every working day for five years,
 * two deputies on duty at each, one of whom attended, and a visit a week.
 *
 *   LD_BENCH_CONCERNS     concerns to generate (default 1000000)
 *   LD_BENCH_DIR          where the databases are kept between runs (default: build dir)
 *   LD_BENCH_CONCERNS_DB  an already generated concerns database to copy instead
 */

#define RUNS        7
#define TODAY       "2026-12-01"
#define TARGET_MS   100.0

/* ------------------------------------------------------------------ helpers */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
report (const char *what,
        double      ms,
        const char *extra)
{
  printf ("%-46s %9.1f ms  (target %.0f ms: %s)%s%s\n", what, ms, TARGET_MS,
          ms <= TARGET_MS ? "ok" : "SLOW", extra ? "  " : "", extra ? extra : "");
}

static gint64
scalar (LdDatabase *db,
        const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (ld_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}




static const char events_sql[] =
  "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1825), "
  "d AS (SELECT min(id) AS first, count(*) AS n FROM deputies) "
  "INSERT INTO events (id, station_id, kind, status, event_date) "
  "SELECT i + 1, (SELECT min(id) FROM stations), "
  "  CASE WHEN i % 7 = 3 THEN 'visit_village' WHEN i % 7 = 5 THEN 'visit_enterprise' "
  "  ELSE 'reception_day' END, "
  "  CASE WHEN date('" TODAY "', '-1460 days', '+' || i || ' days') < '" TODAY "' "
  "  THEN 'held' ELSE 'planned' END, "
  "  date('" TODAY "', '-1460 days', '+' || i || ' days') FROM n;"
  "INSERT INTO event_deputies (event_id, deputy_id, role) "
  "  SELECT e.id, d.first + e.id % d.n, 'on_duty' FROM events AS e, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d;"
  "INSERT INTO event_deputies (event_id, deputy_id, role) "
  "  SELECT e.id, d.first + (e.id + 1) % d.n, 'on_duty' FROM events AS e, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d;"
  "INSERT INTO event_deputies (event_id, deputy_id, role) "
  "  SELECT e.id, d.first + e.id % d.n, 'attended' FROM events AS e, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d WHERE e.status = 'held';"
  "INSERT INTO event_deputies (event_id, deputy_id, role) "
  "  SELECT e.id, d.first + (e.id + 1) % d.n, 'on_leave' FROM events AS e, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d "
  "  WHERE e.status = 'held' AND e.id % 5 = 0;";

static char *
ensure_caseload_db (const char *dir,
                    const char *today_path,
                    guint       n_concerns)
{
  g_autofree char *base = g_strndup (today_path, strlen (today_path) - strlen (".db"));
  char *path = g_strdup_printf ("%s-caseload.db", base);
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  tmp = g_strconcat (path, ".tmp", NULL);
  g_unlink (tmp);
  from = g_file_new_for_path (today_path);
  to = g_file_new_for_path (tmp);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  db = ld_database_open (tmp, &error);
  g_assert_no_error (error);
  if (ld_database_exec (db, "DELETE FROM event_deputies; DELETE FROM events", &error)
      && ld_database_begin_immediate (db, &error)
      && ld_database_exec (db, events_sql, &error)
      && ld_database_commit (db, &error))
    ld_database_exec (db, "ANALYZE", NULL);
  else
    g_error ("%s", error->message);
  ld_database_close (db);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("LD_BENCH_DIR") ? g_getenv ("LD_BENCH_DIR")
                                               : g_getenv ("LD_TEST_BUILDDIR");
  guint n_concerns = g_getenv ("LD_BENCH_CONCERNS") ? atoi (g_getenv ("LD_BENCH_CONCERNS"))
                                                      : 1000000;
  g_autofree char *today_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(LdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_local (2026, 12, 1, 10, 0, 0);
  double compute_runs[RUNS], record_runs[RUNS];
  gint64 deputy_id;
  LdCaseload caseload;

  if (dir == NULL)
    dir = ".";
  today_path = ld_concern_generator_cached_with_suggestions (dir, n_concerns);
  path = ensure_caseload_db (dir, today_path, n_concerns);

  db = ld_database_open (path, &error);
  g_assert_no_error (error);
  store = ld_store_new (db);
  /* The deputy with the most open suggestions (the generated concerns are spread evenly). */
  deputy_id = scalar (db, "SELECT sd.deputy_id FROM suggestion_deputies AS sd "
                          "JOIN suggestions AS s ON s.id = sd.suggestion_id "
                          "WHERE s.state IN ('assigned', 'rehandling', 'answered') "
                          "GROUP BY sd.deputy_id ORDER BY count(*) DESC LIMIT 1");
  printf ("%" G_GINT64_FORMAT " concerns, %" G_GINT64_FORMAT " suggestions, %" G_GINT64_FORMAT
          " events; deputy %" G_GINT64_FORMAT " received %" G_GINT64_FORMAT "\n",
          scalar (db, "SELECT count(*) FROM concerns"),
          scalar (db, "SELECT count(*) FROM suggestions"),
          scalar (db, "SELECT count(*) FROM events"), deputy_id,
          scalar (db, "SELECT count(*) FROM concern_deputies WHERE deputy_id = "
                      "(SELECT sd.deputy_id FROM suggestion_deputies AS sd "
                      "JOIN suggestions AS s ON s.id = sd.suggestion_id "
                      "WHERE s.state IN ('assigned', 'rehandling', 'answered') "
                      "GROUP BY sd.deputy_id ORDER BY count(*) DESC LIMIT 1)"));

  for (int r = -1; r < RUNS; r++)
    {
      LdCaseloadQuery query = { TODAY, 2026, deputy_id, 50 };
      gint64 start = g_get_monotonic_time ();

      if (!ld_caseload_compute (store, &query, &caseload, &error))
        g_error ("%s", error->message);
      if (r >= 0)
        compute_runs[r] = ms_since (start);
      if (r + 1 < RUNS)
        ld_caseload_clear (&caseload);
    }
  {
    char extra[160];

    g_snprintf (extra, sizeof extra, "%" G_GINT64_FORMAT " open concerns, %" G_GINT64_FORMAT
                " open suggestions, %" G_GINT64_FORMAT " duty days ahead",
                caseload.open_concerns.count, caseload.open_suggestions.count,
                caseload.duty_days.count);
    report ("ld_caseload_compute (a busy deputy)", median (compute_runs, RUNS), extra);
  }
  ld_caseload_clear (&caseload);

  for (int r = -1; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LdDutyRecord) record = ld_duty_record_load (store, deputy_id, 2026, issued,
                                                            &error);

      if (record == NULL)
        g_error ("%s", error->message);
      if (r >= 0)
        record_runs[r] = ms_since (start);
    }
  report ("ld_duty_record_load (print / export)", median (record_runs, RUNS), NULL);

  g_clear_object (&store);
  ld_database_close (db);
  return 0;
}

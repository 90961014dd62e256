/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-today"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ld-concern-generator.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-today-page.h"
#include "ld-today.h"

/*
 * Today on a district's million concerns (issue 7): ld_today_compute() for the whole station and
 * for one deputy's caseload, and the Today page from its construction to its lists on screen.
 * Medians of RUNS runs after a warm-up; the target is 100 ms.
 *
 * The database is the one bench-concerns generates (same seed and size, so one cache serves
 * both), copied once and given 100,000 suggestions with their deputies and units, since the
 * generator makes none; the copy is cached beside it.
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




static double
time_compute (LdStore  *store,
              gint64    deputy_id,
              LdToday  *last)
{
  LdTodayQuery query = { .today = TODAY, .deputy_id = deputy_id, .limit = 5 };
  double runs[RUNS];
  g_autoptr(GError) error = NULL;
  LdToday today;

  /* Warm-up: the pages the lists read come into the cache. */
  if (!ld_today_compute (store, &query, &today, &error))
    g_error ("%s", error->message);
  ld_today_clear (&today);

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!ld_today_compute (store, &query, &today, &error))
        g_error ("%s", error->message);
      runs[r] = ms_since (start);
      if (r + 1 < RUNS)
        ld_today_clear (&today);
    }
  *last = today;
  return median (runs, RUNS);
}

/* The part of ld_today_compute() that ld-report answers: the month's figures. */
static double
time_month (LdStore *store,
            gint64   deputy_id)
{
  LdReportPeriod period = { .from = "2026-12-01", .to = TODAY, .deputy_id = deputy_id };
  g_autoptr(GError) error = NULL;
  double runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      LdConcernFigures concerns;
      LdSuggestionFigures suggestions;

      if (!ld_report_concern_figures (store, &period, &concerns, &error)
          || !ld_report_suggestion_figures (store, &period, &suggestions, &error))
        g_error ("%s", error->message);
      runs[r] = ms_since (start);
      ld_suggestion_figures_clear (&suggestions);
    }
  return median (runs, RUNS);
}

static gboolean
page_shown (LdTodayPage *page)
{
  return gtk_widget_get_mapped (GTK_WIDGET (page)) && ld_today_page_get_today (page) != NULL;
}

/* From ld_today_page_new() to its lists filled and the page mapped, in a window already on
 * screen as the app's is when the clerk comes back to Today. */
static double
time_page_once (GtkWindow *window,
                LdContext *context)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *page = ld_today_page_new (context);
  double ms;

  gtk_window_set_child (window, page);
  while (!page_shown (LD_TODAY_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  ms = ms_since (start);
  gtk_window_set_child (window, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ms;
}

static void
time_page (LdDatabase *db,
           const char *deputy_uuid)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LdContext) context = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 12, 1, 9, 0, 0);
  double whole[RUNS], deputy[RUNS];
  GtkWindow *window;

  if (g_getenv ("DISPLAY") == NULL || !gtk_init_check ())
    {
      printf ("%-46s  skipped (no display; run under xvfb-run)\n", "Today page");
      return;
    }
  adw_init ();
  settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_set_string (settings, "caseload-deputy", "");
  context = ld_context_new (settings);
  ld_context_set_database (context, db);
  ld_context_set_fixed_now (context, now);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  time_page_once (window, context);
  for (guint r = 0; r < RUNS; r++)
    whole[r] = time_page_once (window, context);
  g_settings_set_string (settings, "caseload-deputy", deputy_uuid);
  for (guint r = 0; r < RUNS; r++)
    deputy[r] = time_page_once (window, context);
  gtk_window_destroy (window);

  report ("Today page, whole station (new → shown)", median (whole, RUNS), NULL);
  report ("Today page, one deputy (new → shown)", median (deputy, RUNS), NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *count_env = g_getenv ("LD_BENCH_CONCERNS");
  guint n_concerns = count_env ? (guint) g_ascii_strtoull (count_env, NULL, 10) : 1000000;
  const char *dir_env = g_getenv ("LD_BENCH_DIR");
  g_autofree char *dir = g_strdup (dir_env ? dir_env
                                   : g_getenv ("LD_TEST_BUILDDIR") ? g_getenv ("LD_TEST_BUILDDIR")
                                   : g_get_tmp_dir ());
  g_autofree char *path = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(LdStore) store = NULL;
  gint64 deputy_id;
  LdToday today;
  double ms;

  setvbuf (stdout, NULL, _IOLBF, 0);
  /* Before anything reads settings: the schema of this build. */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", LD_BENCH_SCHEMA_DIR, TRUE);
  path = ld_concern_generator_cached_with_suggestions (dir, n_concerns);

  db = ld_database_open (path, &error);
  g_assert_no_error (error);
  /* A concerns cache generated by an early build of migration 4 lacks the indexes of the period
   * figures that every database at version 4 has now; without them the month's figures read the
   * whole table. */
  if (!ld_database_exec (db,
                         "CREATE INDEX IF NOT EXISTS suggestions_by_assigned ON suggestions "
                         "(assigned_date) WHERE assigned_date IS NOT NULL;"
                         "CREATE INDEX IF NOT EXISTS concerns_by_concluded ON concerns "
                         "(concluded_date) WHERE concluded_date IS NOT NULL;"
                         "CREATE INDEX IF NOT EXISTS concerns_by_feedback ON concerns "
                         "(feedback_date, satisfaction) WHERE feedback_date IS NOT NULL;",
                         &error))
    g_error ("%s", error->message);
  store = ld_store_new (db);
  printf ("%" G_GINT64_FORMAT " concerns, %" G_GINT64_FORMAT " suggestions, %" G_GINT64_FORMAT
          " deputies; today is " TODAY "\n",
          scalar (db, "SELECT count(*) FROM concerns"),
          scalar (db, "SELECT count(*) FROM suggestions"),
          scalar (db, "SELECT count(*) FROM deputies"));

  ms = time_compute (store, 0, &today);
  extra = g_strdup_printf ("(overdue %" G_GINT64_FORMAT ", due soon %" G_GINT64_FORMAT
                           ", feedback owed %" G_GINT64_FORMAT ", suggestions overdue %"
                           G_GINT64_FORMAT ")",
                           today.concerns_overdue.count, today.concerns_due_soon.count,
                           today.feedback_owed.count, today.suggestions_overdue.count);
  ld_today_clear (&today);
  report ("ld_today_compute, whole station", ms, extra);
  g_clear_pointer (&extra, g_free);

  /* The deputy with the most concerns: the heaviest caseload. */
  deputy_id = scalar (db, "SELECT deputy_id FROM concern_deputies GROUP BY deputy_id "
                          "ORDER BY count(*) DESC LIMIT 1");
  {
    sqlite3_stmt *stmt;

    sqlite3_prepare_v2 (ld_database_get_handle (db), "SELECT uuid FROM deputies WHERE id = ?1",
                        -1, &stmt, NULL);
    sqlite3_bind_int64 (stmt, 1, deputy_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  ms = time_compute (store, deputy_id, &today);
  extra = g_strdup_printf ("(deputy %" G_GINT64_FORMAT ": overdue %" G_GINT64_FORMAT
                           ", feedback owed %" G_GINT64_FORMAT ")", deputy_id,
                           today.concerns_overdue.count, today.feedback_owed.count);
  ld_today_clear (&today);
  report ("ld_today_compute, one deputy", ms, extra);
  report ("  of which the month's figures (ld-report)", time_month (store, deputy_id), NULL);

  time_page (db, uuid ? uuid : "");
  return 0;
}

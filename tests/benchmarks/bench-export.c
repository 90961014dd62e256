/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ld-concern-generator.h"

/*
 * The district workbook through the command line, on the benchmarks' database (a million
 * concerns, generated once by ld_concern_generator_cached and reused): about 20,000 concerns of
 * the busy station (from 2025-01-01 to the day of the 20,000th), then everything. Each run is a
 * process of its own, timed with wait4() for the wall time and peak RSS. In the same run, two
 * references write the same cells (those of the Concerns and Deputies sheets, the two this
 * database fills): a bare libxlsxwriter loop (the floor, bench-export-bare) and openpyxl in
 * write-only mode (bench-export-openpyxl.py). The bare loop also runs on the Concerns sheet
 * alone, a stricter floor shown beside it. They take turns, eleven rounds for the busy station
 * and three for the million, and their medians (wall and CPU time) are compared: on a shared
 * machine single runs vary by a fifth. For the busy station, valgrind's callgrind also counts
 * the instructions of each once: a figure that does not move with the machine's load.
 *
 * The command line records the export in export_log, so it runs on a copy of the cached file,
 * which stays as it was. Environment: LD_BENCH_DIR (where the cached database is),
 * LD_BENCH_CONCERNS_DB (another file to use), LD_BENCH_OPENPYXL_FULL=1 to time openpyxl on the
 * million as well (minutes).
 */

typedef struct
{
  double seconds;
  double cpu;
  double rss_mb;
  gboolean ok;
} Run;

static Run
run (const char * const *argv)
{
  Run result = { 0, 0, 0, FALSE };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    return result;
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  result.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
               + usage.ru_stime.tv_usec / 1e6;
  result.rss_mb = usage.ru_maxrss / 1024.0;
  result.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  return result;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static char *
utc_of_local (const char *day,
              int         add_days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, atoi (day), atoi (day + 5), atoi (day + 8),
                                                0, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, add_days);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (shifted);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
report (const char *what,
        Run         r)
{
  printf ("  %-36s %8.2f s (CPU %.2f s)  %7.1f MiB%s\n", what, r.seconds, r.cpu, r.rss_mb,
          r.ok ? "" : "  FAILED");
}

static void
compare (const char *what,
         Run         ours,
         Run         bare,
         Run         concerns_only,
         Run         openpyxl)
{
  printf ("  %s: %.2f× the bare loop (target ≤ 1.2; %.2f× the Concerns sheet alone)", what,
          ours.seconds / bare.seconds, ours.seconds / concerns_only.seconds);
  if (openpyxl.seconds > 0)
    printf (", openpyxl %.2f× slower than ours (target ≥ 4)", openpyxl.seconds / ours.seconds);
  printf (", peak RSS %.1f MiB (target ≤ 100)\n", ours.rss_mb);
  printf ("  CPU time: %.2f× the bare loop's (%.2f× the Concerns sheet alone)\n",
          ours.cpu / bare.cpu, ours.cpu / concerns_only.cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  const double *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

/* The median wall and CPU times of @n runs (each on its own) and the largest RSS; not ok if any
 * run failed. */
static Run
median (const Run *runs,
        guint      n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  Run result = { 0, 0, 0, TRUE };

  for (guint i = 0; i < n; i++)
    {
      wall[i] = runs[i].seconds;
      cpu[i] = runs[i].cpu;
      result.rss_mb = MAX (result.rss_mb, runs[i].rss_mb);
      result.ok = result.ok && runs[i].ok;
    }
  qsort (wall, n, sizeof *wall, compare_doubles);
  qsort (cpu, n, sizeof *cpu, compare_doubles);
  result.seconds = wall[n / 2];
  result.cpu = cpu[n / 2];
  return result;
}

/* The instructions @argv runs, counted by valgrind's callgrind: the same count on every run of
 * the same program and input, however busy the machine. 0 when valgrind is not there. */
static double
instructions (const char * const *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) full = NULL;
  g_autofree char *err = NULL;
  const char *at;
  int status = 0;

  if (!g_file_test ("/usr/bin/valgrind", G_FILE_TEST_IS_EXECUTABLE))
    return 0;
  g_strv_builder_add_many (builder, "/usr/bin/valgrind", "--tool=callgrind",
                           "--callgrind-out-file=/dev/null", NULL);
  g_strv_builder_addv (builder, (const char **) argv);
  full = g_strv_builder_end (builder);
  if (!g_spawn_sync (NULL, full, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL)
      || (at = strstr (err, "Collected : ")) == NULL)
    return 0;
  return g_ascii_strtod (at + strlen ("Collected : "), NULL);
}

/* Each program runs @rounds times, in turn (ours, the bare loop, openpyxl, ours…), so that a
 * busy moment of the machine falls on all of them alike; the medians are compared. */
static void
measure (const char *label,
         const char *db_path,
         const char *work,
         const char *from,
         const char *to,
         guint       rounds,
         gboolean    with_openpyxl,
         gboolean    with_callgrind)
{
  g_autofree char *out = g_build_filename (work, "ours.xlsx", NULL);
  g_autofree char *bare_out = g_build_filename (work, "bare.xlsx", NULL);
  g_autofree char *py_out = g_build_filename (work, "openpyxl.xlsx", NULL);
  g_autofree char *from_utc = utc_of_local (from, 0);
  g_autofree char *to_utc = utc_of_local (to, 1);
  const char *cli[] = { LD_BENCH_APP, "--export", out, "--from", from, "--to", to,
                        "--database", db_path, NULL };
  const char *empty[] = { LD_BENCH_APP, "--export", out, "--from", "1990-01-01", "--to",
                          "1990-01-01", "--database", db_path, NULL };
  const char *bare_argv[] = { LD_BENCH_BARE, db_path, bare_out, from_utc, to_utc, NULL };
  const char *concerns_argv[] = { LD_BENCH_BARE, db_path, bare_out, from_utc, to_utc, "concerns",
                                  NULL };
  const char *py_argv[] = { "/usr/bin/python3", LD_BENCH_OPENPYXL, db_path, py_out, from_utc,
                            to_utc, NULL };
  g_autofree Run *ours_runs = g_new0 (Run, rounds);
  g_autofree Run *bare_runs = g_new0 (Run, rounds);
  g_autofree Run *concerns_runs = g_new0 (Run, rounds);
  g_autofree Run *py_runs = g_new0 (Run, rounds);
  g_autofree Run *fixed_runs = g_new0 (Run, rounds);
  Run ours, bare, concerns_only, openpyxl = { 0, 0, 0, FALSE }, fixed;
  GStatBuf st;

  printf ("%s (%s to %s), median of %u runs each:\n", label, from, to, rounds);
  for (guint i = 0; i < rounds; i++)
    {
      fixed_runs[i] = run (empty);
      ours_runs[i] = run (cli);
      bare_runs[i] = run (bare_argv);
      concerns_runs[i] = run (concerns_argv);
      if (with_openpyxl)
        py_runs[i] = run (py_argv);
      printf ("  run %u: liaison-desk %.2f s, bare loop %.2f s (Concerns alone %.2f s)%s", i + 1,
              ours_runs[i].seconds, bare_runs[i].seconds, concerns_runs[i].seconds,
              with_openpyxl ? "" : "\n");
      if (with_openpyxl)
        printf (", openpyxl %.2f s\n", py_runs[i].seconds);
      fflush (stdout);
    }
  fixed = median (fixed_runs, rounds);
  ours = median (ours_runs, rounds);
  bare = median (bare_runs, rounds);
  concerns_only = median (concerns_runs, rounds);
  report ("liaison-desk, an empty period", fixed);
  report ("liaison-desk --export", ours);
  report ("bare libxlsxwriter loop", bare);
  report ("bare loop, the Concerns sheet alone", concerns_only);
  if (with_openpyxl)
    {
      openpyxl = median (py_runs, rounds);
      report ("openpyxl write-only", openpyxl);
    }
  if (g_stat (out, &st) == 0)
    printf ("  workbook: %.1f MB\n", st.st_size / 1e6);
  compare ("liaison-desk", ours, bare, concerns_only, openpyxl);
  /* The empty period's time is the start, the open, the Deputies sheet and the checks: what is
   * left is the work per concern. */
  printf ("  less the empty period's time: %.2f× the Concerns sheet alone\n",
          (ours.seconds - fixed.seconds) / concerns_only.seconds);
  if (with_callgrind)
    {
      double ours_i = instructions (cli);
      double bare_i = instructions (bare_argv);
      double concerns_i = instructions (concerns_argv);

      if (ours_i > 0 && bare_i > 0 && concerns_i > 0)
        printf ("  instructions (callgrind, the same on every run): liaison-desk %.2f G, bare loop"
                " %.2f G (%.2f×), the Concerns sheet alone %.2f G (%.2f×)\n", ours_i / 1e9,
                bare_i / 1e9, ours_i / bare_i, concerns_i / 1e9, ours_i / concerns_i);
      else
        printf ("  instructions: not counted (valgrind is not installed)\n");
    }
}

int
main (int    argc,
      char **argv)
{
  const char *dir_env = g_getenv ("LD_BENCH_DIR");
  g_autofree char *dir = g_strdup (dir_env ? dir_env : g_getenv ("LD_TEST_BUILDDIR"));
  g_autofree char *cached = ld_concern_generator_cached (dir, 1000000);
  g_autofree char *work = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *from_utc = NULL;
  g_autofree char *to = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *n = NULL;
  const char *cp[] = { "/bin/cp", "--reflink=auto", cached, NULL, NULL };
  sqlite3 *db;
  int status;

  work = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_assert_nonnull (work);
  copy = g_build_filename (work, "liaison-desk.db", NULL);
  cp[3] = copy;
  printf ("copying %s (the export log is written to the copy)\n", cached);
  g_assert_true (g_spawn_sync (NULL, (char **) cp, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  from_utc = utc_of_local ("2025-01-01", 0);
  to = query_text (db, "SELECT date(received_at, 'localtime') FROM concerns"
                       " WHERE received_at >= ?1 ORDER BY received_at LIMIT 1 OFFSET 19999",
                   from_utc);
  first = query_text (db, "SELECT date(min(received_at), 'localtime') FROM concerns", NULL);
  last = query_text (db, "SELECT date(max(received_at), 'localtime') FROM concerns", NULL);
  {
    g_autofree char *to_utc = utc_of_local (to, 1);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM concerns WHERE received_at >= ?1"
                                            " AND received_at < '%s'", to_utc);

    n = query_text (db, sql, from_utc);
  }
  sqlite3_close (db);

  printf ("%s concerns from 2025-01-01 to %s; the database spans %s to %s\n", n, to, first, last);
  measure ("a busy station, ~20,000 concerns", copy, work, "2025-01-01", to, 11, TRUE, TRUE);
  measure ("the whole database, 1,000,000 concerns", copy, work, first, last, 3,
           g_strcmp0 (g_getenv ("LD_BENCH_OPENPYXL_FULL"), "1") == 0, FALSE);

  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_autofree char *a = g_build_filename (work, "ours.xlsx", NULL);
    g_autofree char *b = g_build_filename (work, "bare.xlsx", NULL);
    g_autofree char *c = g_build_filename (work, "openpyxl.xlsx", NULL);

    g_unlink (copy);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (a);
    g_unlink (b);
    g_unlink (c);
    g_rmdir (work);
  }
  return 0;
}

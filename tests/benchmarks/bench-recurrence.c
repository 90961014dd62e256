/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-recurrence"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ld-recurrence.h"
#include "ld-workdays.h"

/*
 * The month view of a district asks every series for the days it shows. The worst case here:
 * 100 weekly series (two days a week, moved off holidays) expanded over ten years each time,
 * which must fit in a frame (16.7 ms at 60 Hz); then the same series for one month late in the
 * window, the usual request, which walks the whole series from its start.
 *
 *   LD_BENCH_SERIES   series to expand (default 100)
 *   LD_BENCH_RUNS     runs (default 20); the median is printed
 */

#define FRAME_MS 16.7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static LdWorkdays *
make_workdays (void)
{
  LdWorkdays *workdays = ld_workdays_new ();
  GDate day;

  /* A week of holidays each October for ten years: enough to exercise the moves. */
  for (GDateYear year = 2026; year < 2036; year++)
    for (GDateDay d = 1; d <= 7; d++)
      {
        g_date_clear (&day, 1);
        g_date_set_dmy (&day, d, G_DATE_OCTOBER, year);
        ld_workdays_add (workdays, &day, LD_DAY_KIND_HOLIDAY, NULL);
      }
  return workdays;
}

static double
run (const LdRecurrence *rules,
     guint               n_rules,
     LdWorkdays         *workdays,
     const GDate        *from,
     const GDate        *to,
     guint              *n_occurrences)
{
  gint64 start = g_get_monotonic_time ();

  *n_occurrences = 0;
  for (guint i = 0; i < n_rules; i++)
    {
      g_autoptr(GArray) occurrences = ld_recurrence_expand (&rules[i], workdays, NULL, 0,
                                                            from, to);

      *n_occurrences += occurrences->len;
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure (const char         *what,
         const LdRecurrence *rules,
         guint               n_rules,
         LdWorkdays         *workdays,
         const GDate        *from,
         const GDate        *to,
         guint               runs)
{
  g_autofree double *times = g_new (double, runs);
  guint n_occurrences = 0;

  for (guint i = 0; i < runs; i++)
    times[i] = run (rules, n_rules, workdays, from, to, &n_occurrences);
  qsort (times, runs, sizeof (double), compare_doubles);

  printf ("%-40s %8u occurrences  %8.2f ms  (%.0f%% of a frame)\n", what, n_occurrences,
          times[runs / 2], 100.0 * times[runs / 2] / FRAME_MS);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_series = g_getenv ("LD_BENCH_SERIES");
  const char *env_runs = g_getenv ("LD_BENCH_RUNS");
  guint n_series = env_series ? (guint) atoi (env_series) : 100;
  guint runs = env_runs ? (guint) atoi (env_runs) : 20;
  g_autoptr(LdWorkdays) workdays = make_workdays ();
  g_autofree LdRecurrence *rules = NULL;
  GDate from, to, month_from, month_to;

  if (n_series == 0 || runs == 0)
    return EXIT_FAILURE;

  rules = g_new (LdRecurrence, n_series);
  for (guint i = 0; i < n_series; i++)
    {
      ld_recurrence_init (&rules[i]);
      rules[i].freq = LD_RECURRENCE_WEEKLY;
      rules[i].weekdays_mask = (1u << (i % 5)) | (1u << ((i + 2) % 5));
      rules[i].on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY;
      g_date_set_dmy (&rules[i].start_date, 1 + i % 28, G_DATE_JANUARY, 2026);
    }

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_clear (&month_from, 1);
  g_date_clear (&month_to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2026);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2035);
  g_date_set_dmy (&month_from, 1, G_DATE_OCTOBER, 2035);
  g_date_set_dmy (&month_to, 31, G_DATE_OCTOBER, 2035);

  printf ("%u weekly series, median of %u runs\n", n_series, runs);
  measure ("ten years, 2026–2035", rules, n_series, workdays, &from, &to, runs);
  measure ("one month ten years in, 2035-10", rules, n_series, workdays, &month_from, &month_to,
           runs);

  return EXIT_SUCCESS;
}

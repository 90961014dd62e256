/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-deadline"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-database.h"
#include "ld-deadline.h"
#include "ld-store.h"
#include "ld-test-util.h"
#include "ld-workdays.h"

/*
 * Deadlines of deputy suggestions: the reply due in calendar months (clamped to the end of a
 * shorter month), the 7 working days in which a unit may return a suggestion (across the Spring
 * Festival, with its make-up Saturdays), the extension limit and the 三色 colours a clerk sees.
 * The expected dates were counted on a wall calendar, not computed.
 */

/* ------------------------------------------------------------------ helpers */

typedef struct
{
  const char *first;
  const char *last;
  LdDayKind   kind;
} Span;

/* The 2026 rows of calendar_days in data/db/0001-base.sql. */
static const Span seeded_2026[] = {
  { "2026-01-01", "2026-01-03", LD_DAY_KIND_HOLIDAY },
  { "2026-02-15", "2026-02-23", LD_DAY_KIND_HOLIDAY },
  { "2026-04-04", "2026-04-06", LD_DAY_KIND_HOLIDAY },
  { "2026-05-01", "2026-05-05", LD_DAY_KIND_HOLIDAY },
  { "2026-06-19", "2026-06-21", LD_DAY_KIND_HOLIDAY },
  { "2026-09-25", "2026-09-27", LD_DAY_KIND_HOLIDAY },
  { "2026-10-01", "2026-10-07", LD_DAY_KIND_HOLIDAY },
  { "2026-01-04", "2026-01-04", LD_DAY_KIND_MAKEUP_WORKDAY },
  { "2026-02-14", "2026-02-14", LD_DAY_KIND_MAKEUP_WORKDAY },
  { "2026-02-28", "2026-02-28", LD_DAY_KIND_MAKEUP_WORKDAY },
  { "2026-05-09", "2026-05-09", LD_DAY_KIND_MAKEUP_WORKDAY },
  { "2026-09-20", "2026-09-20", LD_DAY_KIND_MAKEUP_WORKDAY },
  { "2026-10-10", "2026-10-10", LD_DAY_KIND_MAKEUP_WORKDAY },
};

static GDate
date_from_iso (const char *text)
{
  GDate date;
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy (day, month, year));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static LdWorkdays *
make_2026 (void)
{
  LdWorkdays *workdays = ld_workdays_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (seeded_2026); i++)
    {
      GDate day = date_from_iso (seeded_2026[i].first);
      GDate last = date_from_iso (seeded_2026[i].last);

      for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
        ld_workdays_add (workdays, &day, seeded_2026[i].kind, NULL);
    }
  return workdays;
}

static void
assert_months (const char *date,
               int         months,
               const char *expected)
{
  g_autofree char *due = ld_deadline_add_months (date, months);

  g_test_message ("%s + %d months", date, months);
  g_assert_cmpstr (due, ==, expected);
}

static void
assert_window_end (LdWorkdays *workdays,
                   const char *assigned,
                   int         working_days,
                   const char *expected)
{
  g_autofree char *end = ld_deadline_return_window_end (workdays, assigned, working_days);

  g_test_message ("assigned %s, %d working days", assigned, working_days);
  g_assert_cmpstr (end, ==, expected);
}

/* ------------------------------------------------------------------ calendar months */

static void
test_add_months_clamped (void)
{
  /* The examples of the rule: a shorter month ends the count at its last day. */
  assert_months ("2026-11-30", 3, "2027-02-28");
  assert_months ("2027-11-30", 3, "2028-02-29");      /* 2028 is a leap year */
  assert_months ("2026-08-31", 3, "2026-11-30");
  assert_months ("2026-01-31", 1, "2026-02-28");
  assert_months ("2028-01-31", 1, "2028-02-29");
  assert_months ("2026-03-31", 1, "2026-04-30");
  /* Clamping is not carried on: two months from 31 January is 31 March, not 28 March. */
  assert_months ("2026-01-31", 2, "2026-03-31");
  /* Days that exist in the later month stay the same day. */
  assert_months ("2026-02-28", 3, "2026-05-28");
  assert_months ("2026-05-15", 3, "2026-08-15");
}

static void
test_add_months_across_years (void)
{
  assert_months ("2026-12-15", 1, "2027-01-15");
  assert_months ("2026-10-31", 3, "2027-01-31");
  assert_months ("2026-12-31", 2, "2027-02-28");
  assert_months ("2026-06-30", 12, "2027-06-30");
  assert_months ("2028-02-29", 12, "2029-02-28");
  assert_months ("2026-02-28", 120, "2036-02-28");
  assert_months ("2026-04-10", 0, "2026-04-10");
  assert_months ("2026-02-29", 0, NULL);              /* not a day in 2026 */
  /* A deadline on a holiday stays there: 1 October is National Day. */
  assert_months ("2026-07-01", 3, "2026-10-01");
}

static void
test_add_months_invalid (void)
{
  const char * const bad[] = {
    "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "abc", "", "2026-2-05",
    "2026-02-05x", "2026/02/05", " 026-02-05", "2026-+1-05", "20260205", "2026-02-05T00:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_months (bad[i], 3, NULL);
  assert_months (NULL, 3, NULL);

  assert_months ("2026-04-10", -1, NULL);
  assert_months ("2026-04-10", 121, NULL);
  assert_months ("2026-04-10", G_MAXINT, NULL);
  assert_months ("2026-04-10", G_MININT, NULL);
  /* No five-digit years. */
  assert_months ("9999-06-30", 12, NULL);
  assert_months ("9999-06-30", 6, "9999-12-30");
}

/* ------------------------------------------------------------------ return window */

static void
check_spring_festival_window (LdWorkdays *workdays)
{
  /* Thursday 12 February: Fri 13, the make-up Saturday 14, then nine days off (15 … 23), then
   * Tue 24 … Fri 27 and the make-up Saturday 28 are the 7 working days. */
  assert_window_end (workdays, "2026-02-12", 7, "2026-02-28");
  /* Friday 13 February: the window runs past the Sunday 1 March to Monday 2 March. */
  assert_window_end (workdays, "2026-02-13", 7, "2026-03-02");
  /* Assigned on a holiday: counting starts with the first working day after it. */
  assert_window_end (workdays, "2026-02-16", 7, "2026-03-03");
  assert_window_end (workdays, "2026-02-16", 1, "2026-02-24");
  /* No working days at all: the assignment day when it is one, else the next working day. */
  assert_window_end (workdays, "2026-02-12", 0, "2026-02-12");
  assert_window_end (workdays, "2026-02-16", 0, "2026-02-24");
  /* National Day: Wed 30 September, then 1 … 7 October off, the make-up Saturday 10. */
  assert_window_end (workdays, "2026-09-30", 7, "2026-10-15");
}

static void
test_return_window_spring_festival (void)
{
  g_autoptr(LdWorkdays) workdays = make_2026 ();
  g_autoptr(LdWorkdays) plain = ld_workdays_new ();

  check_spring_festival_window (workdays);

  /* Without the holidays the same assignment would end the window in the festival. */
  assert_window_end (plain, "2026-02-12", 7, "2026-02-23");
}

static void
test_return_window_invalid (void)
{
  g_autoptr(LdWorkdays) workdays = make_2026 ();
  g_autofree char *longest = NULL;

  assert_window_end (workdays, "2026-02-30", 7, NULL);
  assert_window_end (workdays, "abc", 7, NULL);
  assert_window_end (workdays, NULL, 7, NULL);
  assert_window_end (workdays, "2026-02-12", -1, NULL);
  assert_window_end (workdays, "2026-02-12", 367, NULL);

  longest = ld_deadline_return_window_end (workdays, "2026-02-12", 366);
  g_assert_nonnull (longest);
  g_assert_cmpstr (longest, >, "2027-02-12");
}

static void
test_can_return (void)
{
  g_autoptr(LdWorkdays) workdays = make_2026 ();

  /* The last day of the window still counts; the day after does not. */
  g_assert_true (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-28", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-03-01", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-03-02", 7));
  /* From the assignment day on, holidays inside the window included; never before it. */
  g_assert_true (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-12", 7));
  g_assert_true (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-18", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-11", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2025-02-20", 7));

  /* Friday 13: Monday 2 March is the last day. */
  g_assert_true (ld_deadline_can_return (workdays, "2026-02-13", "2026-03-02", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-13", "2026-03-03", 7));

  /* Bad input never allows a return. */
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", NULL, 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-30", 7));
  g_assert_false (ld_deadline_can_return (workdays, NULL, "2026-02-13", 7));
  g_assert_false (ld_deadline_can_return (workdays, "abc", "2026-02-13", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-13", -1));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-13", 367));
}

/* The calendar the app really uses: the rows seeded into a new database. */
static void
test_return_window_seeded_database (void)
{
  g_autofree char *dir = ld_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "liaison-desk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(LdStore) store = NULL;
  g_autoptr(LdWorkdays) workdays = NULL;

  database = ld_database_open (path, &error);
  g_assert_no_error (error);
  store = ld_store_new (database);
  workdays = ld_calendar_store_load_workdays (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workdays);

  check_spring_festival_window (workdays);
  g_assert_true (ld_deadline_can_return (workdays, "2026-02-12", "2026-02-28", 7));
  g_assert_false (ld_deadline_can_return (workdays, "2026-02-12", "2026-03-01", 7));

  g_clear_object (&store);
  ld_database_close (database);
  g_clear_object (&database);
  ld_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ extension limit */

static void
test_extension_limit (void)
{
  g_autofree char *a = ld_deadline_extension_limit ("2026-05-31", 3);
  g_autofree char *b = ld_deadline_extension_limit ("2026-11-30", 3);
  g_autofree char *c = ld_deadline_extension_limit ("2027-11-30", 3);
  g_autofree char *d = ld_deadline_extension_limit ("2026-04-10", 0);
  g_autofree char *e = ld_deadline_extension_limit ("2026-10-15", 3);

  g_assert_cmpstr (a, ==, "2026-08-31");
  g_assert_cmpstr (b, ==, "2027-02-28");
  g_assert_cmpstr (c, ==, "2028-02-29");
  g_assert_cmpstr (d, ==, "2026-04-10");
  g_assert_cmpstr (e, ==, "2027-01-15");

  g_assert_null (ld_deadline_extension_limit ("2026-02-30", 3));
  g_assert_null (ld_deadline_extension_limit (NULL, 3));
  g_assert_null (ld_deadline_extension_limit ("2026-04-10", -1));
  g_assert_null (ld_deadline_extension_limit ("2026-04-10", 121));
}

/* ------------------------------------------------------------------ 三色 status */

static void
test_status_boundaries (void)
{
  /* Due soon means: due today or on one of the @soon_days − 1 days after. */
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "2026-03-10", 7), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2026-03-09", "2026-03-10", 7), ==, LD_DUE_OVERDUE);
  g_assert_cmpint (ld_deadline_status ("2025-12-01", "2026-03-10", 7), ==, LD_DUE_OVERDUE);
  g_assert_cmpint (ld_deadline_status ("2026-03-11", "2026-03-10", 7), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2026-03-16", "2026-03-10", 7), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2026-03-17", "2026-03-10", 7), ==, LD_DUE_ON_TIME);
  g_assert_cmpint (ld_deadline_status ("2026-06-10", "2026-03-10", 7), ==, LD_DUE_ON_TIME);

  /* Across the end of a year. */
  g_assert_cmpint (ld_deadline_status ("2027-01-03", "2026-12-28", 7), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2027-01-04", "2026-12-28", 7), ==, LD_DUE_ON_TIME);
  g_assert_cmpint (ld_deadline_status ("2026-12-31", "2027-01-01", 7), ==, LD_DUE_OVERDUE);

  /* Other widths of the band: 1 is the due day alone, 0 never warns. */
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "2026-03-10", 1), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2026-03-11", "2026-03-10", 1), ==, LD_DUE_ON_TIME);
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "2026-03-10", 0), ==, LD_DUE_ON_TIME);
  g_assert_cmpint (ld_deadline_status ("2026-03-09", "2026-03-10", 0), ==, LD_DUE_OVERDUE);
  g_assert_cmpint (ld_deadline_status ("2026-04-08", "2026-03-10", 30), ==, LD_DUE_SOON);
  g_assert_cmpint (ld_deadline_status ("2026-04-09", "2026-03-10", 30), ==, LD_DUE_ON_TIME);
}

static void
test_status_none (void)
{
  g_assert_cmpint (ld_deadline_status (NULL, "2026-03-10", 7), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("", "2026-03-10", 7), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("2026-02-30", "2026-03-10", 7), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("2026-03-10", NULL, 7), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "abc", 7), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "2026-03-10", -1), ==, LD_DUE_NONE);
  g_assert_cmpint (ld_deadline_status ("2026-03-10", "2026-03-10", 367), ==, LD_DUE_NONE);
}

static void
test_status_strings (void)
{
  g_assert_cmpstr (ld_due_status_to_string (LD_DUE_ON_TIME), ==, "On time");
  g_assert_cmpstr (ld_due_status_to_string (LD_DUE_SOON), ==, "Due soon");
  g_assert_cmpstr (ld_due_status_to_string (LD_DUE_OVERDUE), ==, "Overdue");
  g_assert_null (ld_due_status_to_string (LD_DUE_NONE));

  g_assert_cmpstr (ld_due_status_to_css_class (LD_DUE_ON_TIME), ==, "success");
  g_assert_cmpstr (ld_due_status_to_css_class (LD_DUE_SOON), ==, "warning");
  g_assert_cmpstr (ld_due_status_to_css_class (LD_DUE_OVERDUE), ==, "error");
  g_assert_null (ld_due_status_to_css_class (LD_DUE_NONE));
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadline/add-months/clamped", test_add_months_clamped);
  g_test_add_func ("/deadline/add-months/across-years", test_add_months_across_years);
  g_test_add_func ("/deadline/add-months/invalid", test_add_months_invalid);
  g_test_add_func ("/deadline/return-window/spring-festival", test_return_window_spring_festival);
  g_test_add_func ("/deadline/return-window/invalid", test_return_window_invalid);
  g_test_add_func ("/deadline/return-window/seeded-database",
                   test_return_window_seeded_database);
  g_test_add_func ("/deadline/can-return", test_can_return);
  g_test_add_func ("/deadline/extension-limit", test_extension_limit);
  g_test_add_func ("/deadline/status/boundaries", test_status_boundaries);
  g_test_add_func ("/deadline/status/none", test_status_none);
  g_test_add_func ("/deadline/status/strings", test_status_strings);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-workdays"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-phone.h"
#include "ld-test-util.h"
#include "ld-workdays.h"

/*
 * The working-day calendar: rest days and make-up Saturdays around the Spring Festival and
 * National Day, "N working days after", years without data, and the seeded schedules of the
 * database, which must match the State Council's published dates day for day.
 */

typedef struct
{
  const char *first;
  const char *last;
  LdDayKind   kind;
  const char *name;
} Span;

#define NATIONAL_DAY_MID_AUTUMN "National Day and Mid-Autumn Festival"

/* The published schedules, typed in from the notices (not from the migration). */
static const Span published[] = {
  { "2025-01-01", "2025-01-01", LD_DAY_KIND_HOLIDAY, "New Year’s Day" },
  { "2025-01-28", "2025-02-04", LD_DAY_KIND_HOLIDAY, "Spring Festival" },
  { "2025-04-04", "2025-04-06", LD_DAY_KIND_HOLIDAY, "Qingming Festival" },
  { "2025-05-01", "2025-05-05", LD_DAY_KIND_HOLIDAY, "Labour Day" },
  { "2025-05-31", "2025-06-02", LD_DAY_KIND_HOLIDAY, "Dragon Boat Festival" },
  { "2025-10-01", "2025-10-08", LD_DAY_KIND_HOLIDAY, NATIONAL_DAY_MID_AUTUMN },
  { "2025-01-26", "2025-01-26", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
  { "2025-02-08", "2025-02-08", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
  { "2025-04-27", "2025-04-27", LD_DAY_KIND_MAKEUP_WORKDAY, "Labour Day" },
  { "2025-09-28", "2025-09-28", LD_DAY_KIND_MAKEUP_WORKDAY, NATIONAL_DAY_MID_AUTUMN },
  { "2025-10-11", "2025-10-11", LD_DAY_KIND_MAKEUP_WORKDAY, NATIONAL_DAY_MID_AUTUMN },
  { "2026-01-01", "2026-01-03", LD_DAY_KIND_HOLIDAY, "New Year’s Day" },
  { "2026-02-15", "2026-02-23", LD_DAY_KIND_HOLIDAY, "Spring Festival" },
  { "2026-04-04", "2026-04-06", LD_DAY_KIND_HOLIDAY, "Qingming Festival" },
  { "2026-05-01", "2026-05-05", LD_DAY_KIND_HOLIDAY, "Labour Day" },
  { "2026-06-19", "2026-06-21", LD_DAY_KIND_HOLIDAY, "Dragon Boat Festival" },
  { "2026-09-25", "2026-09-27", LD_DAY_KIND_HOLIDAY, "Mid-Autumn Festival" },
  { "2026-10-01", "2026-10-07", LD_DAY_KIND_HOLIDAY, "National Day" },
  { "2026-01-04", "2026-01-04", LD_DAY_KIND_MAKEUP_WORKDAY, "New Year’s Day" },
  { "2026-02-14", "2026-02-14", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
  { "2026-02-28", "2026-02-28", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
  { "2026-05-09", "2026-05-09", LD_DAY_KIND_MAKEUP_WORKDAY, "Labour Day" },
  { "2026-09-20", "2026-09-20", LD_DAY_KIND_MAKEUP_WORKDAY, "Mid-Autumn Festival" },
  { "2026-10-10", "2026-10-10", LD_DAY_KIND_MAKEUP_WORKDAY, "National Day" },
};

/* ------------------------------------------------------------------ helpers */

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

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static const char *
name_or_dash (const char *name)
{
  return name != NULL ? name : "-";
}

static void
add_spans (LdWorkdays *workdays,
           const Span *spans,
           gsize       n_spans)
{
  for (gsize i = 0; i < n_spans; i++)
    {
      GDate day = date_from_iso (spans[i].first);
      GDate last = date_from_iso (spans[i].last);

      for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
        ld_workdays_add (workdays, &day, spans[i].kind, spans[i].name);
    }
}

static LdWorkdays *
make_published (void)
{
  LdWorkdays *workdays = ld_workdays_new ();

  add_spans (workdays, published, G_N_ELEMENTS (published));
  return workdays;
}

static void
assert_kind (LdWorkdays *workdays,
             const char *day,
             LdDayKind   kind,
             gboolean    working)
{
  GDate date = date_from_iso (day);

  g_test_message ("%s", day);
  g_assert_cmpint (ld_workdays_get_day_kind (workdays, &date), ==, kind);
  g_assert_cmpint (ld_workdays_is_working_day (workdays, &date), ==, working);
}

static void
assert_after (LdWorkdays *workdays,
              const char *start,
              guint       n,
              const char *expected)
{
  GDate date = date_from_iso (start);
  GDate result;
  g_autofree char *text = NULL;

  ld_workdays_add_working_days (workdays, &date, n, &result);
  text = date_to_iso (&result);
  g_test_message ("%u working days after %s", n, start);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_next (LdWorkdays *workdays,
             const char *day,
             const char *expected)
{
  GDate date = date_from_iso (day);
  GDate result;
  g_autofree char *text = NULL;

  ld_workdays_next_working_day (workdays, &date, &result);
  text = date_to_iso (&result);
  g_test_message ("next working day after %s", day);
  g_assert_cmpstr (text, ==, expected);
}

/* ------------------------------------------------------------------ shared checks */

static void
check_spring_festival_2026 (LdWorkdays *workdays)
{
  static const char * const ten_days[] = {
    "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24",
    "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-02",
  };
  GDate date;

  assert_kind (workdays, "2026-02-07", LD_DAY_KIND_WEEKEND, FALSE);          /* plain Saturday */
  assert_kind (workdays, "2026-02-13", LD_DAY_KIND_NORMAL, TRUE);
  assert_kind (workdays, "2026-02-14", LD_DAY_KIND_MAKEUP_WORKDAY, TRUE);    /* Saturday 班 */
  assert_kind (workdays, "2026-02-15", LD_DAY_KIND_HOLIDAY, FALSE);          /* Sunday 休 */
  assert_kind (workdays, "2026-02-16", LD_DAY_KIND_HOLIDAY, FALSE);          /* Monday 休 */
  assert_kind (workdays, "2026-02-23", LD_DAY_KIND_HOLIDAY, FALSE);
  assert_kind (workdays, "2026-02-24", LD_DAY_KIND_NORMAL, TRUE);
  assert_kind (workdays, "2026-02-28", LD_DAY_KIND_MAKEUP_WORKDAY, TRUE);
  assert_kind (workdays, "2026-03-01", LD_DAY_KIND_WEEKEND, FALSE);

  /* Worked by hand: Feb 11–13, the make-up Saturday 14, the holiday 15–23, Feb 24–27, the
   * make-up Saturday 28, Sunday Mar 1 off, Monday Mar 2 is the tenth. */
  for (guint n = 1; n <= G_N_ELEMENTS (ten_days); n++)
    assert_after (workdays, "2026-02-10", n, ten_days[n - 1]);

  assert_after (workdays, "2026-02-10", 0, "2026-02-10");
  assert_after (workdays, "2026-02-15", 0, "2026-02-24");
  assert_after (workdays, "2026-02-28", 0, "2026-02-28");
  assert_after (workdays, "2026-03-01", 0, "2026-03-02");
  /* Counting starts after the start date, whatever the start date is. */
  assert_after (workdays, "2026-02-15", 1, "2026-02-24");

  assert_next (workdays, "2026-02-13", "2026-02-14");
  assert_next (workdays, "2026-02-14", "2026-02-24");
  assert_next (workdays, "2026-02-28", "2026-03-02");

  date = date_from_iso ("2026-02-17");
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "Spring Festival");
  date = date_from_iso ("2026-02-28");
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "Spring Festival");
  date = date_from_iso ("2026-02-24");
  g_assert_null (ld_workdays_get_day_name (workdays, &date));
}

static void
check_national_day_2025 (LdWorkdays *workdays)
{
  assert_kind (workdays, "2025-09-27", LD_DAY_KIND_WEEKEND, FALSE);
  assert_kind (workdays, "2025-09-28", LD_DAY_KIND_MAKEUP_WORKDAY, TRUE);    /* Sunday 班 */
  assert_kind (workdays, "2025-10-01", LD_DAY_KIND_HOLIDAY, FALSE);
  assert_kind (workdays, "2025-10-08", LD_DAY_KIND_HOLIDAY, FALSE);          /* Wednesday 休 */
  assert_kind (workdays, "2025-10-09", LD_DAY_KIND_NORMAL, TRUE);
  assert_kind (workdays, "2025-10-11", LD_DAY_KIND_MAKEUP_WORKDAY, TRUE);    /* Saturday 班 */
  assert_kind (workdays, "2025-10-12", LD_DAY_KIND_WEEKEND, FALSE);

  assert_next (workdays, "2025-09-26", "2025-09-28");
  assert_next (workdays, "2025-09-30", "2025-10-09");
  assert_after (workdays, "2025-09-30", 1, "2025-10-09");
  assert_after (workdays, "2025-09-30", 2, "2025-10-10");
  assert_after (workdays, "2025-09-30", 3, "2025-10-11");
  assert_after (workdays, "2025-09-30", 4, "2025-10-13");
  assert_after (workdays, "2025-10-01", 0, "2025-10-09");
}

/* ------------------------------------------------------------------ hand-made lists */

static void
test_spring_festival (void)
{
  static const Span spans[] = {
    { "2026-02-15", "2026-02-23", LD_DAY_KIND_HOLIDAY, "Spring Festival" },
    { "2026-02-14", "2026-02-14", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
    { "2026-02-28", "2026-02-28", LD_DAY_KIND_MAKEUP_WORKDAY, "Spring Festival" },
  };
  g_autoptr(LdWorkdays) workdays = ld_workdays_new ();

  add_spans (workdays, spans, G_N_ELEMENTS (spans));
  check_spring_festival_2026 (workdays);
}

static void
test_national_day (void)
{
  static const Span spans[] = {
    { "2025-10-01", "2025-10-08", LD_DAY_KIND_HOLIDAY, NULL },
    { "2025-09-28", "2025-09-28", LD_DAY_KIND_MAKEUP_WORKDAY, NULL },
    { "2025-10-11", "2025-10-11", LD_DAY_KIND_MAKEUP_WORKDAY, NULL },
  };
  g_autoptr(LdWorkdays) workdays = ld_workdays_new ();

  add_spans (workdays, spans, G_N_ELEMENTS (spans));
  check_national_day_2025 (workdays);
}

static void
test_without_data (void)
{
  g_autoptr(LdWorkdays) workdays = make_published ();
  g_autoptr(LdWorkdays) empty = ld_workdays_new ();

  g_assert_true (ld_workdays_has_year (workdays, 2025));
  g_assert_true (ld_workdays_has_year (workdays, 2026));
  g_assert_false (ld_workdays_has_year (workdays, 2027));

  /* New Year's Day 2027 is not published yet: a plain Friday. */
  assert_kind (workdays, "2027-01-01", LD_DAY_KIND_NORMAL, TRUE);
  assert_kind (workdays, "2027-01-02", LD_DAY_KIND_WEEKEND, FALSE);
  assert_after (workdays, "2027-01-01", 1, "2027-01-04");
  assert_after (workdays, "2027-01-01", 5, "2027-01-08");

  /* Without any data the Spring Festival is just weeks. */
  assert_kind (empty, "2026-02-16", LD_DAY_KIND_NORMAL, TRUE);
  assert_kind (empty, "2026-02-14", LD_DAY_KIND_WEEKEND, FALSE);
  assert_after (empty, "2026-02-10", 10, "2026-02-24");
}

static void
test_replace_day (void)
{
  g_autoptr(LdWorkdays) workdays = ld_workdays_new ();
  GDate date = date_from_iso ("2026-02-14");

  ld_workdays_add (workdays, &date, LD_DAY_KIND_HOLIDAY, "First");
  ld_workdays_add (workdays, &date, LD_DAY_KIND_MAKEUP_WORKDAY, "Second");
  g_assert_cmpint (ld_workdays_get_day_kind (workdays, &date), ==, LD_DAY_KIND_MAKEUP_WORKDAY);
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "Second");
}

static void
test_day_kind_strings (void)
{
  g_assert_cmpstr (ld_day_kind_to_badge (LD_DAY_KIND_HOLIDAY), ==, "Off");
  g_assert_cmpstr (ld_day_kind_to_badge (LD_DAY_KIND_MAKEUP_WORKDAY), ==, "Work");
  g_assert_null (ld_day_kind_to_badge (LD_DAY_KIND_NORMAL));
  g_assert_null (ld_day_kind_to_badge (LD_DAY_KIND_WEEKEND));

  g_assert_cmpstr (ld_day_kind_to_string (LD_DAY_KIND_NORMAL), ==, "Working day");
  g_assert_cmpstr (ld_day_kind_to_string (LD_DAY_KIND_WEEKEND), ==, "Weekend");
  g_assert_cmpstr (ld_day_kind_to_string (LD_DAY_KIND_HOLIDAY), ==, "Public holiday");
  g_assert_cmpstr (ld_day_kind_to_string (LD_DAY_KIND_MAKEUP_WORKDAY), ==,
                   "Make-up working day");

  g_assert_cmpstr (ld_workdays_festival_name ("spring_festival"), ==, "Spring Festival");
  g_assert_cmpstr (ld_workdays_festival_name ("national_day_mid_autumn"), ==,
                   "National Day and Mid-Autumn Festival");
  g_assert_null (ld_workdays_festival_name ("unknown_festival"));
  g_assert_null (ld_workdays_festival_name (NULL));
}

/* ------------------------------------------------------------------ the seeded database */

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = ld_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->database = ld_database_open (path, &error);
  g_assert_no_error (error);
  fixture->store = ld_store_new (fixture->database);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  ld_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_seeded (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdWorkdays) seeded = NULL;
  g_autoptr(LdWorkdays) expected = make_published ();
  GDate day, last;

  seeded = ld_calendar_store_load_workdays (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seeded);

  check_spring_festival_2026 (seeded);
  check_national_day_2025 (seeded);
  assert_kind (seeded, "2026-01-04", LD_DAY_KIND_MAKEUP_WORKDAY, TRUE);      /* Sunday 班 */
  g_assert_false (ld_workdays_has_year (seeded, 2027));

  /* Every day of both years as the notices publish it, with the festival's name. */
  day = date_from_iso ("2025-01-01");
  last = date_from_iso ("2026-12-31");
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *text = date_to_iso (&day);
      const char *seeded_name = ld_workdays_get_day_name (seeded, &day);
      const char *expected_name = ld_workdays_get_day_name (expected, &day);
      g_autofree char *got = g_strdup_printf ("%s %d %s", text,
                                              ld_workdays_get_day_kind (seeded, &day),
                                              name_or_dash (seeded_name));
      g_autofree char *want = g_strdup_printf ("%s %d %s", text,
                                               ld_workdays_get_day_kind (expected, &day),
                                               name_or_dash (expected_name));

      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_user_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdWorkdays) workdays = NULL;
  sqlite3 *db = ld_database_get_handle (fixture->database);
  GDate date;

  /* A day added by hand, and a seeded day the user renamed: the user's text wins. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO calendar_days (day, kind, name) "
                                 "VALUES ('2027-02-06', 'holiday', '春节');"
                                 "UPDATE calendar_days SET name = '元旦假期' "
                                 "WHERE day = '2026-01-02';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  workdays = ld_calendar_store_load_workdays (fixture->store, &error);
  g_assert_no_error (error);

  date = date_from_iso ("2027-02-06");
  g_assert_cmpint (ld_workdays_get_day_kind (workdays, &date), ==, LD_DAY_KIND_HOLIDAY);
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "春节");
  g_assert_true (ld_workdays_has_year (workdays, 2027));
  date = date_from_iso ("2026-01-02");
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "元旦假期");
  date = date_from_iso ("2026-01-03");
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "New Year’s Day");
}

static void
test_closed_database (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdWorkdays) workdays = NULL;

  ld_database_close (fixture->database);
  workdays = ld_calendar_store_load_workdays (fixture->store, &error);
  g_assert_null (workdays);
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
}

static void
count_changed_cb (LdStore    *store,
                  const char *kind,
                  gint64      id,
                  guint      *n_changed)
{
  g_assert_cmpstr (kind, ==, "calendar");
  g_assert_cmpint (id, ==, 0);
  (*n_changed)++;
}

static void
test_edit_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(LdCalendarDay) day = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GArray) years = NULL;
  guint n_changed = 0;
  GDate date;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  years = ld_calendar_store_list_years (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpuint (g_array_index (years, guint, 0), ==, 2025);
  g_assert_cmpuint (g_array_index (years, guint, 1), ==, 2026);
  g_clear_pointer (&years, g_array_unref);

  /* The seeded days of a year, by date, named by their festival. */
  days = ld_calendar_store_list_days (fixture->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 33 + 6);
  day = ld_calendar_day_copy (g_ptr_array_index (days, 0));
  g_assert_cmpstr (day->day, ==, "2026-01-01");
  g_assert_cmpint (day->kind, ==, LD_DAY_KIND_HOLIDAY);
  g_assert_cmpstr (ld_calendar_day_get_display_name (day), ==, "New Year’s Day");
  g_clear_pointer (&days, g_ptr_array_unref);
  g_clear_pointer (&day, ld_calendar_day_free);

  /* A new year's first day: the year appears and the day rests. */
  day = ld_calendar_day_new ("2027-01-01", LD_DAY_KIND_HOLIDAY, NULL, "  元旦 ");
  g_assert_true (ld_calendar_store_save_day (fixture->store, day, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  years = ld_calendar_store_list_years (fixture->store, &error);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpuint (g_array_index (years, guint, 2), ==, 2027);
  days = ld_calendar_store_list_days (fixture->store, 2027, &error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (((LdCalendarDay *) g_ptr_array_index (days, 0))->name, ==, "元旦");
  g_clear_pointer (&days, g_ptr_array_unref);
  workdays = ld_calendar_store_load_workdays (fixture->store, &error);
  date = date_from_iso ("2027-01-01");     /* a Friday */
  g_assert_false (ld_workdays_is_working_day (workdays, &date));
  g_clear_pointer (&workdays, ld_workdays_unref);

  /* Saving the same date again replaces it. */
  g_clear_pointer (&day, ld_calendar_day_free);
  day = ld_calendar_day_new ("2027-01-01", LD_DAY_KIND_MAKEUP_WORKDAY, NULL, NULL);
  g_assert_true (ld_calendar_store_save_day (fixture->store, day, &error));
  g_assert_cmpuint (n_changed, ==, 2);
  days = ld_calendar_store_list_days (fixture->store, 2027, &error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (((LdCalendarDay *) g_ptr_array_index (days, 0))->kind, ==,
                   LD_DAY_KIND_MAKEUP_WORKDAY);
  g_assert_null (((LdCalendarDay *) g_ptr_array_index (days, 0))->name);
  g_clear_pointer (&days, g_ptr_array_unref);

  /* Removing, then removing again. */
  g_assert_true (ld_calendar_store_remove_day (fixture->store, "2027-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_false (ld_calendar_store_remove_day (fixture->store, "2027-01-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_changed, ==, 3);

  /* A seeded day removed and put back keeps its festival. */
  g_assert_true (ld_calendar_store_remove_day (fixture->store, "2026-02-16", &error));
  g_clear_pointer (&day, ld_calendar_day_free);
  day = ld_calendar_day_new ("2026-02-16", LD_DAY_KIND_HOLIDAY, "spring_festival", NULL);
  g_assert_true (ld_calendar_store_save_day (fixture->store, day, &error));
  workdays = ld_calendar_store_load_workdays (fixture->store, &error);
  date = date_from_iso ("2026-02-16");
  g_assert_cmpstr (ld_workdays_get_day_name (workdays, &date), ==, "Spring Festival");

  /* Not a real date. */
  g_clear_pointer (&day, ld_calendar_day_free);
  day = ld_calendar_day_new ("2027-02-30", LD_DAY_KIND_HOLIDAY, NULL, NULL);
  g_assert_false (ld_calendar_store_save_day (fixture->store, day, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_cmpuint (n_changed, ==, 5);

  g_signal_handlers_disconnect_by_data (fixture->store, &n_changed);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/spring-festival-2026", test_spring_festival);
  g_test_add_func ("/workdays/national-day-2025", test_national_day);
  g_test_add_func ("/workdays/without-data", test_without_data);
  g_test_add_func ("/workdays/replace-day", test_replace_day);
  g_test_add_func ("/workdays/day-kind-strings", test_day_kind_strings);
  g_test_add ("/workdays/seeded", Fixture, NULL, fixture_set_up, test_seeded, fixture_tear_down);
  g_test_add ("/workdays/user-name", Fixture, NULL, fixture_set_up, test_user_name,
              fixture_tear_down);
  g_test_add ("/workdays/edit-days", Fixture, NULL, fixture_set_up, test_edit_days,
              fixture_tear_down);
  g_test_add ("/workdays/closed-database", Fixture, NULL, fixture_set_up, test_closed_database,
              fixture_tear_down);

  return g_test_run ();
}

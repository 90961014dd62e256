/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ld-calendar-store.h"
#include "ld-ics-export.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * The iCalendar export: a monthly reception day with one occurrence cancelled and one moved by
 * hand is one VEVENT with RRULE, EXDATE and an override (RECURRENCE-ID); an all-day forum is a
 * VEVENT of its own. libical and Python's icalendar both read the file back; a file that cannot
 * be written leaves nothing behind.
 */

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  gint64      series_id;
  gint64      forum_id;
} Fixture;

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (fixture->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
set_date (GDate      *date,
          const char *text)
{
  int y, m, d;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static LdEvent *
find_occurrence (Fixture    *fixture,
                 const char *occurrence_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = ld_calendar_store_list_events (fixture->store, "2026-01-01",
                                                               "2026-12-31", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (ld_event_get_occurrence_date (g_ptr_array_index (events, i)),
                     occurrence_date))
      return g_object_ref (g_ptr_array_index (events, i));
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LdEventSeries) series = ld_event_series_new ();
  g_autoptr(LdEvent) june = NULL;
  g_autoptr(LdEvent) august = NULL;
  g_autoptr(LdEvent) forum = ld_event_new ();
  gint64 rotation[] = { 1, 2, 3 };
  LdRecurrence recurrence;

  fixture->dir = ld_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->database = ld_database_open (path, &error);
  g_assert_no_error (error);
  fixture->db = ld_database_get_handle (fixture->database);
  fixture->store = ld_store_new (fixture->database);

  exec_sql (fixture, "INSERT INTO stations (name) VALUES ('水果湖代表联络站')");
  exec_sql (fixture, "INSERT INTO deputies (station_id, name, level) VALUES "
                     "(1, '张伟', 'district'), (1, '李娜', 'district'), (1, '王芳', 'township')");

  ld_recurrence_init (&recurrence);
  recurrence.freq = LD_RECURRENCE_MONTHLY_DAY;
  recurrence.month_day = 15;
  set_date (&recurrence.start_date, "2026-01-15");
  set_date (&recurrence.until_date, "2026-12-31");
  ld_event_series_set_recurrence (series, &recurrence);
  ld_event_series_set_rotation (series, rotation, G_N_ELEMENTS (rotation));
  ld_event_series_set_theme (series, "代表接待日");
  ld_event_series_set_place (series, "联络站一楼接待室");
  ld_event_series_set_start_time (series, "09:00");
  ld_event_series_set_end_time (series, "11:30");
  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);
  fixture->series_id = ld_event_series_get_id (series);

  june = find_occurrence (fixture, "2026-06-15");
  g_assert_true (ld_calendar_store_cancel_event (fixture->store, ld_event_get_id (june),
                                                 &error));
  g_assert_no_error (error);

  august = find_occurrence (fixture, "2026-08-15");
  ld_event_set_date (august, "2026-08-17");
  g_assert_true (ld_calendar_store_save_event (fixture->store, august, &error));
  g_assert_no_error (error);

  ld_event_set_kind (forum, "forum");
  ld_event_set_theme (forum, "人大代表座谈会");
  ld_event_set_date (forum, "2026-03-05");
  ld_event_set_place (forum, "街道会议室");
  g_assert_true (ld_calendar_store_save_event (fixture->store, forum, &error));
  g_assert_no_error (error);
  fixture->forum_id = ld_event_get_id (forum);
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

/* ------------------------------------------------------------------ helpers */

static char *
uid_of (Fixture    *fixture,
        const char *table,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = ld_calendar_store_get_uuid (fixture->store, table, id, &error);

  g_assert_no_error (error);
  return g_strconcat (uuid, "@liaisondesk", NULL);
}

static char *
export_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "liaison-desk-2026.ics", NULL);

  g_assert_true (ld_ics_export (fixture->store, "2026-01-01", "2026-12-31", path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_time (struct icaltimetype t,
             const char         *expected)
{
  char text[32];

  if (t.is_date)
    g_snprintf (text, sizeof text, "%04d-%02d-%02d", t.year, t.month, t.day);
  else
    g_snprintf (text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute);
  g_assert_cmpstr (text, ==, expected);
}

/* ------------------------------------------------------------------ tests */

static void
test_libical (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = export_file (fixture);
  g_autofree char *text = NULL;
  g_autofree char *series_uid = uid_of (fixture, "event_series", fixture->series_id);
  g_autofree char *forum_uid = uid_of (fixture, "events", fixture->forum_id);
  icalcomponent *calendar, *vevent, *master = NULL, *moved = NULL, *forum = NULL;
  icalproperty *prop;
  struct icalrecurrencetype recur;
  icalrecur_iterator *iter;
  struct icaltimetype next;
  guint n_events = 0, n_exdates = 0, n_dates = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar,
                                                                            ICAL_PRODID_PROPERTY)), ==,
                   "-//Liaison Desk//Liaison Desk 0.1//EN");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar,
                                                                              ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  g_assert_nonnull (icalcomponent_get_timezone (calendar, "Asia/Shanghai"));

  for (vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      n_events++;
      if (icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY) != NULL)
        master = vevent;
      else if (icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) != NULL)
        moved = vevent;
      else
        forum = vevent;
    }
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_nonnull (master);
  g_assert_nonnull (moved);
  g_assert_nonnull (forum);

  /* The series: one rule, June taken out, times in Shanghai. */
  g_assert_cmpstr (icalcomponent_get_uid (master), ==, series_uid);
  g_assert_cmpstr (icalcomponent_get_summary (master), ==, "代表接待日");
  g_assert_cmpstr (icalcomponent_get_location (master), ==, "联络站一楼接待室");
  g_assert_nonnull (strstr (icalcomponent_get_description (master), "张伟"));
  assert_time (icalcomponent_get_dtstart (master), "2026-01-15 09:00");
  assert_time (icalcomponent_get_dtend (master), "2026-01-15 11:30");
  g_assert_cmpstr (icaltimezone_get_tzid ((icaltimezone *) icalcomponent_get_dtstart (master).zone),
                   ==, "Asia/Shanghai");
  prop = icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY);
  recur = icalproperty_get_rrule (prop);
  g_assert_cmpint (recur.freq, ==, ICAL_MONTHLY_RECURRENCE);
  g_assert_cmpint (recur.by_month_day[0], ==, 15);
  g_assert_cmpint (recur.interval, ==, 1);
  g_assert_true (icaltime_is_utc (recur.until));
  g_assert_cmpstr (icalproperty_get_value_as_string (prop), ==,
                   "FREQ=MONTHLY;UNTIL=20261215T010000Z;BYMONTHDAY=15");
  for (prop = icalcomponent_get_first_property (master, ICAL_EXDATE_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (master, ICAL_EXDATE_PROPERTY))
    {
      n_exdates++;
      assert_time (icalproperty_get_exdate (prop), "2026-06-15 09:00");
    }
  g_assert_cmpuint (n_exdates, ==, 1);

  iter = icalrecur_iterator_new (recur, icalcomponent_get_dtstart (master));
  for (next = icalrecur_iterator_next (iter); !icaltime_is_null_time (next);
       next = icalrecur_iterator_next (iter))
    n_dates++;
  icalrecur_iterator_free (iter);
  g_assert_cmpuint (n_dates, ==, 12);

  /* The occurrence moved by hand: same UID, the date it stands for as RECURRENCE-ID. */
  g_assert_cmpstr (icalcomponent_get_uid (moved), ==, series_uid);
  assert_time (icalcomponent_get_recurrenceid (moved), "2026-08-15 09:00");
  assert_time (icalcomponent_get_dtstart (moved), "2026-08-17 09:00");
  g_assert_cmpint (icalcomponent_get_status (moved), ==, ICAL_STATUS_CONFIRMED);

  /* The forum: all day, a UID of its own. */
  g_assert_cmpstr (icalcomponent_get_uid (forum), ==, forum_uid);
  g_assert_cmpstr (icalcomponent_get_summary (forum), ==, "人大代表座谈会");
  g_assert_true (icalcomponent_get_dtstart (forum).is_date);
  assert_time (icalcomponent_get_dtstart (forum), "2026-03-05");
  assert_time (icalcomponent_get_dtend (forum), "2026-03-06");

  icalcomponent_free (calendar);
}

static void
test_python (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_file (fixture);
  g_autofree char *script = ld_test_src_path ("check-ics.py");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *series_uid = uid_of (fixture, "event_series", fixture->series_id);
  g_autofree char *forum_uid = uid_of (fixture, "events", fixture->forum_id);
  g_autofree char *expected = NULL;
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py failed (is python3-icalendar installed?): %s", err);

  expected = g_strdup_printf (
    "VERSION 2.0\n"
    "%s|人大代表座谈会|2026-03-05|2026-03-06|-|-|-|CONFIRMED\n"
    "%s|代表接待日|2026-01-15T09:00:00+08:00|2026-01-15T11:30:00+08:00|-|"
    "FREQ=MONTHLY;UNTIL=20261215T010000Z;BYMONTHDAY=15|2026-06-15T09:00:00+08:00|CONFIRMED\n"
    "%s|代表接待日|2026-08-17T09:00:00+08:00|2026-08-17T11:30:00+08:00|"
    "2026-08-15T09:00:00+08:00|-|-|CONFIRMED\n",
    forum_uid, series_uid, series_uid);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "a.ics", NULL);
  g_autofree char *good = export_file (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *under_file = g_build_filename (good, "a.ics", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (ld_ics_export (fixture->store, "2026-01-01", "2026-12-31", missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "a.ics"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (ld_ics_export (fixture->store, "2026-01-01", "2026-12-31", under_file,
                                 &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A read-only folder; root writes anyway, so only as a user. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "a.ics", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (ld_ics_export (fixture->store, "2026-01-01", "2026-12-31", target,
                                     &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      g_chmod (locked, 0755);
    }

  /* A failed export never replaces a good file. */
  g_assert_true (g_file_get_contents (good, &before, NULL, NULL));
  g_assert_false (ld_ics_export (fixture->store, "2026-12-31", "2026-01-01", good, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_file_get_contents (good, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* No temporary file is left beside it. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "liaison-desk"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics/libical", Fixture, NULL, fixture_set_up, test_libical, fixture_tear_down);
  g_test_add ("/ics/python", Fixture, NULL, fixture_set_up, test_python, fixture_tear_down);
  g_test_add ("/ics/failed-write", Fixture, NULL, fixture_set_up, test_failed_write,
              fixture_tear_down);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-events"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ld-calendar-store.h"
#include "ld-phone.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * The reception calendar against a real database: a series becomes a year of reception days
 * with its deputies in turn and the published 2026 holidays applied; one occurrence cancelled
 * or edited stays as it is when the series changes; a failed save leaves nothing behind.
 */

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  gint64      a, b, c;    /* deputies */
  guint       n_changed;
} Fixture;

/* ------------------------------------------------------------------ fixture */

static void
changed_cb (LdStore    *store,
            const char *kind,
            gint64      id,
            Fixture    *fixture)
{
  if (g_str_equal (kind, "event"))
    fixture->n_changed++;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  ld_test_exec_sql (fixture->db, sql);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return ld_test_query_int (fixture->db, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, TRUE);
  fixture->db = ld_database_get_handle (fixture->database);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);

  exec_sql (fixture, "INSERT INTO deputies (station_id, name, level) VALUES "
                     "(1, '张伟', 'district'), (1, '李娜', 'district'), (1, '王芳', 'township')");
  fixture->a = 1;
  fixture->b = 2;
  fixture->c = 3;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_test_close_store (&fixture->dir, &fixture->database, &fixture->store);
}

/* ------------------------------------------------------------------ helpers */

static void
set_date (GDate      *date,
          const char *text)
{
  int y, m, d;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/* A reception day on @month_day of every month of 2026, A, B, C in turn. */
static LdEventSeries *
make_monthly (Fixture     *fixture,
              guint        month_day,
              LdOnHoliday  on_holiday)
{
  LdEventSeries *series = ld_event_series_new ();
  gint64 rotation[] = { fixture->a, fixture->b, fixture->c };
  LdRecurrence recurrence;
  g_autofree char *start = g_strdup_printf ("2026-01-%02u", month_day);

  ld_recurrence_init (&recurrence);
  recurrence.freq = LD_RECURRENCE_MONTHLY_DAY;
  recurrence.month_day = month_day;
  recurrence.on_holiday = on_holiday;
  set_date (&recurrence.start_date, start);
  set_date (&recurrence.until_date, "2026-12-31");
  ld_event_series_set_recurrence (series, &recurrence);
  ld_event_series_set_rotation (series, rotation, G_N_ELEMENTS (rotation));
  ld_event_series_set_place (series, "联络站一楼接待室");
  ld_event_series_set_start_time (series, "09:00");
  ld_event_series_set_end_time (series, "11:30");
  return series;
}

static GPtrArray *
list_events (Fixture    *fixture,
             const char *from,
             const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = ld_calendar_store_list_events (fixture->store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

/* The one deputy on duty at @event. */
static gint64
on_duty (LdEvent *event)
{
  g_autoptr(GArray) ids = ld_event_get_deputy_ids (event, LD_EVENT_ROLE_ON_DUTY);

  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static LdEvent *
find_occurrence (GPtrArray  *events,
                 const char *occurrence_date)
{
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (ld_event_get_occurrence_date (g_ptr_array_index (events, i)),
                     occurrence_date))
      return g_ptr_array_index (events, i);
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ tests */

static void
test_monthly_rotation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(LdEventSeries) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *rotation;
  LdRecurrence recurrence;
  guint n;

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_event_series_get_id (series), >, 0);
  g_assert_cmpint (ld_event_series_get_station_id (series), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  events = list_events (fixture, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (events->len, ==, 12);
  for (guint i = 0; i < events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = g_strdup_printf ("2026-%02u-15", i + 1);
      gint64 expected[] = { fixture->a, fixture->b, fixture->c };

      g_assert_cmpstr (ld_event_get_date (event), ==, date);
      g_assert_cmpstr (ld_event_get_occurrence_date (event), ==, date);
      g_assert_cmpstr (ld_event_get_status (event), ==, "planned");
      g_assert_cmpstr (ld_event_get_kind (event), ==, "reception_day");
      g_assert_cmpstr (ld_event_get_place (event), ==, "联络站一楼接待室");
      g_assert_cmpstr (ld_event_get_start_time (event), ==, "09:00");
      g_assert_cmpint (ld_event_get_series_id (event), ==, ld_event_series_get_id (series));
      g_assert_cmpint (on_duty (event), ==, expected[i % 3]);
    }

  /* The series comes back as saved. */
  loaded = ld_calendar_store_get_series (fixture->store, ld_event_series_get_id (series), &error);
  g_assert_no_error (error);
  ld_event_series_get_recurrence (loaded, &recurrence);
  g_assert_cmpint (recurrence.freq, ==, LD_RECURRENCE_MONTHLY_DAY);
  g_assert_cmpuint (recurrence.month_day, ==, 15);
  g_assert_cmpuint (g_date_get_month (&recurrence.until_date), ==, 12);
  rotation = ld_event_series_get_rotation (loaded, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (rotation[0], ==, fixture->a);
  g_assert_cmpint (rotation[2], ==, fixture->c);
  g_assert_cmpstr (ld_event_series_get_end_time (loaded), ==, "11:30");

  /* Saving it again unchanged generates nothing twice. */
  g_assert_true (ld_calendar_store_save_series (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 12);
  g_assert_true (ld_calendar_store_extend_series (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 12);
}

static void
test_holiday_rule (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 1, LD_ON_HOLIDAY_NEXT_WORKING_DAY);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  LdEvent *event;

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);

  events = list_events (fixture, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (events->len, ==, 12);

  /* Labour Day, May 1–5: held on Wednesday May 6, still the May occurrence, still B's turn
   * after A, B, C, A (Jan–Apr). */
  event = find_occurrence (events, "2026-05-01");
  g_assert_cmpstr (ld_event_get_date (event), ==, "2026-05-06");
  g_assert_cmpint (on_duty (event), ==, fixture->b);
  /* New Year, Jan 1–3: the make-up Sunday Jan 4 is a working day. */
  g_assert_cmpstr (ld_event_get_date (find_occurrence (events, "2026-01-01")), ==, "2026-01-04");
  /* National Day, Oct 1–7. */
  g_assert_cmpstr (ld_event_get_date (find_occurrence (events, "2026-10-01")), ==, "2026-10-08");
  /* An ordinary first of the month stays. */
  g_assert_cmpstr (ld_event_get_date (find_occurrence (events, "2026-06-01")), ==, "2026-06-01");
}

static void
test_cancel_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 june;

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  events = list_events (fixture, "2026-01-01", "2026-12-31");
  june = ld_event_get_id (find_occurrence (events, "2026-06-15"));

  fixture->n_changed = 0;
  g_assert_true (ld_calendar_store_cancel_event (fixture->store, june, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The series saved again (its theme changed) regenerates the others, not June. */
  ld_event_series_set_theme (series, "优化营商环境");
  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);

  after = list_events (fixture, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (after->len, ==, 12);
  for (guint i = 0; i < after->len; i++)
    {
      LdEvent *event = g_ptr_array_index (after, i);

      if (ld_event_get_id (event) == june)
        {
          g_assert_cmpstr (ld_event_get_status (event), ==, "cancelled");
          g_assert_cmpstr (ld_event_get_theme (event), ==, "");
        }
      else
        {
          g_assert_cmpstr (ld_event_get_status (event), ==, "planned");
          g_assert_cmpstr (ld_event_get_theme (event), ==, "优化营商环境");
        }
    }
  g_assert_cmpint (ld_event_get_id (find_occurrence (after, "2026-06-15")), ==, june);
}

static void
test_edit_one_then_series_from (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LdEvent) july = NULL;
  g_autoptr(GError) error = NULL;
  gint64 swap[] = { 0 };
  gint64 may_id;

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  events = list_events (fixture, "2026-01-01", "2026-12-31");
  may_id = ld_event_get_id (find_occurrence (events, "2026-05-15"));

  /* "This one": July moves to the 16th, with C instead of A. */
  july = ld_event_copy (find_occurrence (events, "2026-07-15"));
  g_assert_cmpint (on_duty (july), ==, fixture->a);
  swap[0] = fixture->c;
  ld_event_set_date (july, "2026-07-16");
  ld_event_set_deputies (july, LD_EVENT_ROLE_ON_DUTY, swap, 1);
  g_assert_true (ld_calendar_store_save_event (fixture->store, july, &error));
  g_assert_no_error (error);

  /* "All future ones" from June: a new place and an afternoon. */
  ld_event_series_set_place (series, "社区党群服务中心");
  ld_event_series_set_start_time (series, "14:30");
  ld_event_series_set_end_time (series, "17:00");
  g_assert_true (ld_calendar_store_save_series_from (fixture->store, series, "2026-06-01",
                                                     &error));
  g_assert_no_error (error);

  after = list_events (fixture, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (after->len, ==, 12);

  /* Before June: as they were, same rows. */
  g_assert_cmpint (ld_event_get_id (find_occurrence (after, "2026-05-15")), ==, may_id);
  g_assert_cmpstr (ld_event_get_place (find_occurrence (after, "2026-05-15")), ==,
                   "联络站一楼接待室");
  /* The edited July: kept, with its own date, deputy and the old place. */
  g_assert_cmpint (ld_event_get_id (find_occurrence (after, "2026-07-15")), ==,
                   ld_event_get_id (july));
  g_assert_cmpstr (ld_event_get_date (find_occurrence (after, "2026-07-15")), ==, "2026-07-16");
  g_assert_cmpint (on_duty (find_occurrence (after, "2026-07-15")), ==, fixture->c);
  g_assert_cmpstr (ld_event_get_place (find_occurrence (after, "2026-07-15")), ==,
                   "联络站一楼接待室");
  /* The untouched future: the new place and time, the rotation where it was (Aug is B). */
  g_assert_cmpstr (ld_event_get_place (find_occurrence (after, "2026-06-15")), ==,
                   "社区党群服务中心");
  g_assert_cmpstr (ld_event_get_start_time (find_occurrence (after, "2026-12-15")), ==, "14:30");
  g_assert_cmpint (on_duty (find_occurrence (after, "2026-08-15")), ==, fixture->b);
  g_assert_cmpint (on_duty (find_occurrence (after, "2026-06-15")), ==, fixture->c);
}

static void
test_list_month (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(LdEvent) forum = ld_event_new ();
  g_autoptr(LdEvent) visit = ld_event_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 both[] = { fixture->a, fixture->b };

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));

  ld_event_set_kind (forum, "forum");
  ld_event_set_date (forum, "2026-03-15");
  ld_event_set_start_time (forum, "08:30");
  ld_event_set_theme (forum, "老旧小区加装电梯");
  ld_event_set_deputies (forum, LD_EVENT_ROLE_ON_DUTY, both, 2);
  g_assert_true (ld_calendar_store_save_event (fixture->store, forum, &error));
  g_assert_no_error (error);

  ld_event_set_kind (visit, "visit_enterprise");
  ld_event_set_date (visit, "2026-03-02");
  g_assert_true (ld_calendar_store_save_event (fixture->store, visit, &error));
  g_assert_no_error (error);

  events = list_events (fixture, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpint (ld_event_get_id (g_ptr_array_index (events, 0)), ==, ld_event_get_id (visit));
  g_assert_cmpint (ld_event_get_id (g_ptr_array_index (events, 1)), ==, ld_event_get_id (forum));
  g_assert_cmpstr (ld_event_get_occurrence_date (g_ptr_array_index (events, 2)), ==,
                   "2026-03-15");
  g_assert_true (ld_event_has_deputy (g_ptr_array_index (events, 1), LD_EVENT_ROLE_ON_DUTY,
                                      fixture->b));
  none = ld_event_get_deputy_ids (g_ptr_array_index (events, 0), LD_EVENT_ROLE_ON_DUTY);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (on_duty (g_ptr_array_index (events, 2)), ==, fixture->c);

  g_clear_pointer (&events, g_ptr_array_unref);
  events = list_events (fixture, "2026-04-01", "2026-04-14");
  g_assert_cmpuint (events->len, ==, 0);
}

static void
assert_event_error (LdEvent    *event,
                    const char *field)
{
  g_autoptr(GHashTable) errors = ld_event_validate (event);

  if (field == NULL)
    g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  else
    g_assert_nonnull (g_hash_table_lookup (errors, field));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdEvent) event = ld_event_new ();
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *long_place = NULL;
  gint64 one[] = { fixture->a };
  gint64 twice[] = { fixture->a, fixture->b, fixture->a };
  LdRecurrence recurrence;

  assert_event_error (event, "date");
  ld_event_set_date (event, "2026-02-30");
  assert_event_error (event, "date");
  ld_event_set_date (event, "2026-02-27");
  assert_event_error (event, "deputies");          /* a reception day needs a deputy */
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_DUTY, one, 1);
  assert_event_error (event, NULL);

  ld_event_set_start_time (event, "14:00");
  ld_event_set_end_time (event, "09:00");
  assert_event_error (event, "end-time");
  ld_event_set_end_time (event, "14:00");
  assert_event_error (event, "end-time");
  ld_event_set_end_time (event, "25:00");
  assert_event_error (event, "end-time");
  ld_event_set_end_time (event, "16:00");
  assert_event_error (event, NULL);

  ld_event_set_kind (event, "picnic");
  assert_event_error (event, "kind");
  ld_event_set_kind (event, "duty");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_DUTY, NULL, 0);
  assert_event_error (event, NULL);                /* only a reception day needs one */
  ld_event_set_status (event, "postponed");
  assert_event_error (event, "status");
  ld_event_set_status (event, "held");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ATTENDED, one, 1);
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_LEAVE, one, 1);
  assert_event_error (event, "deputies");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_LEAVE, NULL, 0);
  long_place = g_strnfill (201, 'x');
  ld_event_set_place (event, long_place);
  assert_event_error (event, "place");
  ld_event_set_place (event, "会议室");
  ld_event_set_series_id (event, 7);
  assert_event_error (event, "occurrence-date");

  g_assert_cmpstr (ld_event_kind_to_string ("council"), ==, "People's council");
  g_assert_cmpstr (ld_event_status_to_string ("cancelled"), ==, "Cancelled");
  g_assert_null (ld_event_kind_to_string ("picnic"));

  /* The series: its own fields and the recurrence's. */
  errors = ld_event_series_validate (series);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_clear_pointer (&errors, g_hash_table_unref);

  ld_event_series_set_rotation (series, twice, G_N_ELEMENTS (twice));
  ld_event_series_get_recurrence (series, &recurrence);
  g_date_clear (&recurrence.start_date, 1);
  ld_event_series_set_recurrence (series, &recurrence);
  ld_event_series_set_end_time (series, "08:00");
  errors = ld_event_series_validate (series);
  g_assert_nonnull (g_hash_table_lookup (errors, "rotation"));
  g_assert_nonnull (g_hash_table_lookup (errors, "start-date"));
  g_assert_nonnull (g_hash_table_lookup (errors, "end-time"));
  g_clear_pointer (&errors, g_hash_table_unref);

  ld_event_series_set_rotation (series, NULL, 0);
  errors = ld_event_series_validate (series);
  g_assert_nonnull (g_hash_table_lookup (errors, "rotation"));
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(LdEvent) event = ld_event_new ();
  g_autoptr(GError) error = NULL;
  gint64 rotation[] = { fixture->a, 999 };   /* no such deputy */

  /* The rotation is refused by the database after the series row went in: none of it stays. */
  ld_event_series_set_rotation (series, rotation, G_N_ELEMENTS (rotation));
  g_assert_false (ld_calendar_store_save_series (fixture->store, series, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (ld_event_series_get_id (series), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_series"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_deputies"), ==, 0);
  g_assert_cmpint (sqlite3_get_autocommit (fixture->db), !=, 0);

  /* An event whose deputy is gone: no row, no id. */
  ld_event_set_date (event, "2026-03-01");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_DUTY, &rotation[1], 1);
  g_assert_false (ld_calendar_store_save_event (fixture->store, event, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (ld_event_get_id (event), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 0);

  /* An invalid event never reaches the database. */
  ld_event_set_date (event, "");
  g_assert_false (ld_calendar_store_save_event (fixture->store, event, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (sqlite3_get_autocommit (fixture->db), !=, 0);
}

static void
test_held_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdEventSeries) series = make_monthly (fixture, 15, LD_ON_HOLIDAY_KEEP);
  g_autoptr(LdEvent) visit = ld_event_new ();
  g_autoptr(LdEvent) held = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  gint64 attended[] = { fixture->a };
  gint64 leave[] = { fixture->b };
  LdDeleteOutcome outcome;
  gint64 jan, feb;

  g_assert_true (ld_calendar_store_save_series (fixture->store, series, &error));
  events = list_events (fixture, "2026-01-01", "2026-02-28");
  jan = ld_event_get_id (g_ptr_array_index (events, 0));
  feb = ld_event_get_id (g_ptr_array_index (events, 1));

  /* Held in January: A came, B was on leave; A's duty row stays. */
  g_assert_true (ld_calendar_store_mark_held (fixture->store, jan, attended, 1, leave, 1,
                                              &error));
  g_assert_no_error (error);
  held = ld_calendar_store_get_event (fixture->store, jan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_event_get_status (held), ==, "held");
  g_assert_true (ld_event_has_deputy (held, LD_EVENT_ROLE_ON_DUTY, fixture->a));
  g_assert_true (ld_event_has_deputy (held, LD_EVENT_ROLE_ATTENDED, fixture->a));
  g_assert_true (ld_event_has_deputy (held, LD_EVENT_ROLE_ON_LEAVE, fixture->b));
  g_assert_false (ld_calendar_store_mark_held (fixture->store, jan, attended, 1, attended, 1,
                                               &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* A held event stays on record. */
  g_assert_false (ld_calendar_store_delete_event (fixture->store, jan, &outcome, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ld_calendar_store_cancel_event (fixture->store, jan, &error));
  g_clear_error (&error);

  /* An occurrence is cancelled rather than deleted, so the series does not bring it back. */
  g_assert_true (ld_calendar_store_delete_event (fixture->store, feb, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_RETIRED);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 12);

  /* An event of its own is deleted. */
  ld_event_set_kind (visit, "visit_village");
  ld_event_set_date (visit, "2026-04-20");
  g_assert_true (ld_calendar_store_save_event (fixture->store, visit, &error));
  g_assert_true (ld_calendar_store_delete_event (fixture->store, ld_event_get_id (visit),
                                                 &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_DELETED);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 12);

  /* The notice of March. */
  when = g_date_time_new_utc (2026, 3, 12, 1, 30, 0);
  g_assert_true (ld_calendar_store_set_notice_printed (fixture->store, feb + 1, when, &error));
  g_assert_no_error (error);
  g_clear_object (&held);
  held = ld_calendar_store_get_event (fixture->store, feb + 1, &error);
  g_assert_cmpstr (ld_event_get_notice_printed_at (held), ==, "2026-03-12T01:30:00Z");

  /* Deleting the series: the held, cancelled and announced ones stay as events of their own. */
  g_assert_true (ld_calendar_store_delete_series (fixture->store,
                                                  ld_event_series_get_id (series), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events WHERE series_id IS NULL"),
                   ==, 3);

  g_assert_false (ld_calendar_store_cancel_event (fixture->store, 4242, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/events/series/monthly-rotation", test_monthly_rotation);
  ADD ("/events/series/holiday-rule", test_holiday_rule);
  ADD ("/events/series/cancel-one", test_cancel_one);
  ADD ("/events/series/edit-one-then-all-future", test_edit_one_then_series_from);
  ADD ("/events/list-month", test_list_month);
  ADD ("/events/validation", test_validation);
  ADD ("/events/failed-save", test_failed_save);
  ADD ("/events/held-and-delete", test_held_and_delete);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-today"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ld-calendar-store.h"
#include "ld-phone.h"
#include "ld-store.h"
#include "ld-test-util.h"
#include "ld-today.h"

/*
 * What Today lists, on a small hand-made station with a fixed "today", Tuesday 3 March 2026.
 * The due-soon days are the default 7, so "due soon" is 4 … 9 March (0 ≤ due − today < 7, the
 * day itself being "due today"), and the notices due are those of 3 … 6 March (3 days ahead).
 * Every expected id and count below was worked out by hand from the tables in the comments.
 *
 * Deputies: 张伟 (1, station 1), 李娜 (2, station 1), 王芳 (3, station 2).
 *
 * Concerns          st state           due         received (UTC)         deputies
 *   C1   referred 2026-02-10, 15 working days across Spring Festival (15 … 23 Feb off,
 *        14 and 28 Feb worked): due 2026-03-09      2026-02-09T02:00:00Z   张伟
 *   C2   1  in_progress  2026-03-02                 2026-02-11T02:00:00Z   李娜
 *   C3   1  referred     2026-03-03                 2026-02-28T16:30:00Z   张伟  (local 1 Mar)
 *   C4   1  referred     2026-03-10                 2026-02-12T02:00:00Z   张伟
 *   C5   1  concluded 2026-03-02, no feedback       2026-02-13T02:00:00Z   张伟
 *   C6   1  in_progress  2026-02-20                 2026-01-20T02:00:00Z   张伟, 李娜
 *   C7   2  referred     2026-03-04                 2026-02-14T02:00:00Z   王芳
 *   C8   1  registered   -                          2026-03-02T02:00:00Z   -
 *   C9   1  concluded 2026-02-25, no feedback       2026-02-01T02:00:00Z   李娜
 *   C10  1  feedback_given (concluded 03-01, told 03-02)  2026-02-05T02:00:00Z  张伟
 *   C11  2  referred     2026-01-30                 2026-01-10T02:00:00Z   王芳
 *   C12  1  registered   -                          2026-02-28T15:59:59Z   张伟  (local 28 Feb)
 *
 * Suggestions (station 1)  state       due         deputies
 *   S1                     assigned    2026-03-03  张伟 lead
 *   S2                     rehandling  2026-02-28  李娜 lead, 张伟 co-signer
 *   S3                     assigned    2026-03-09  李娜 lead
 *   S4                     answered    2026-03-01  张伟 lead (answered 02-27: not due)
 *   S5                     assigned    2026-03-10  张伟 lead
 *   S6                     answered    2026-06-02  李娜 lead (assigned 03-02, answered 03-03, A)
 *
 * Events          date        time   kind           status     notice   deputies
 *   E1            2026-03-03  14:00  reception_day  planned    printed  张伟 on duty
 *   E2            2026-03-03  09:00  duty           planned    -        李娜 on duty
 *   E3            2026-03-03  10:00  visit          cancelled  -        张伟 on duty
 *   E4            2026-03-04  09:00  reception_day  planned    -        张伟 on duty
 *   E5            2026-03-06  09:00  reception_day  planned    -        李娜 on duty
 *   E6            2026-03-07  09:00  reception_day  planned    -        -
 *   E7            2026-03-05  09:00  reception_day  planned    printed  -
 *   E8            2026-03-05  09:00  reception_day  cancelled  -        -
 *   E9 (st 2)     2026-03-04  -      reception_day  planned    -        王芳 on duty
 *
 * Drafts: D1 new concern (updated 2026-03-02T01:00:00Z), D2 new concern (2026-03-03T01:00:00Z),
 * D3 an edit of C3 (not an intake draft).
 */

#define TODAY "2026-03-03"

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
} Fixture;

/* ------------------------------------------------------------------ fixture */

static char *
holiday_due_date (LdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdWorkdays) workdays = ld_calendar_store_load_workdays (store, &error);
  GDate start, due;

  g_assert_no_error (error);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 10, G_DATE_FEBRUARY, 2026);
  ld_workdays_add_working_days (workdays, &start, 15, &due);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&due), g_date_get_month (&due),
                          g_date_get_day (&due));
}

static void
insert_fixture (Fixture *fixture)
{
  g_autofree char *c1_due = holiday_due_date (fixture->store);
  g_autofree char *c1 = NULL;

  /* The working-day calendar moves the 15 days over Spring Festival. */
  g_assert_cmpstr (c1_due, ==, "2026-03-09");

  ld_test_exec_sql (fixture->db,
    "INSERT INTO stations (id, name) VALUES (2, '中南路代表联络站');"
    "INSERT INTO deputies (id, uuid, station_id, name, level) VALUES "
    " (1, '11111111-1111-4111-8111-111111111111', 1, '张伟', 'district'),"
    " (2, '22222222-2222-4222-8222-222222222222', 1, '李娜', 'district'),"
    " (3, '33333333-3333-4333-8333-333333333333', 2, '王芳', 'district');"
    "INSERT INTO units (id, name) VALUES (1, '区城管执法局');");

  c1 = g_strdup_printf (
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date, concluded_date, "
    "feedback_date, satisfaction) VALUES "
    "(1, 1, 2026, 1, '2026-02-09T02:00:00Z', (SELECT min(id) FROM channels), "
    " (SELECT min(id) FROM concern_categories), '小区积水', 'referred', 1, '2026-02-10', '%s', "
    " NULL, NULL, NULL)", c1_due);
  ld_test_exec_sql (fixture->db, c1);

#define CONCERN(id, st, seq, received, state, unit, referred, due, concluded, feedback, sat) \
  "(" id ", " st ", 2026, " seq ", '" received "', (SELECT min(id) FROM channels), " \
  "(SELECT min(id) FROM concern_categories), '诉求" id "', '" state "', " unit ", " \
  referred ", " due ", " concluded ", " feedback ", " sat ")"

  ld_test_exec_sql (fixture->db,
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date, concluded_date, "
    "feedback_date, satisfaction) VALUES "
    CONCERN ("2", "1", "2", "2026-02-11T02:00:00Z", "in_progress", "1", "'2026-02-11'",
             "'2026-03-02'", "NULL", "NULL", "NULL") ","
    CONCERN ("3", "1", "3", "2026-02-28T16:30:00Z", "referred", "1", "'2026-03-01'",
             "'2026-03-03'", "NULL", "NULL", "NULL") ","
    CONCERN ("4", "1", "4", "2026-02-12T02:00:00Z", "referred", "1", "'2026-02-12'",
             "'2026-03-10'", "NULL", "NULL", "NULL") ","
    CONCERN ("5", "1", "5", "2026-02-13T02:00:00Z", "concluded", "1", "'2026-02-13'",
             "'2026-03-01'", "'2026-03-02'", "NULL", "NULL") ","
    CONCERN ("6", "1", "6", "2026-01-20T02:00:00Z", "in_progress", "1", "'2026-01-21'",
             "'2026-02-20'", "NULL", "NULL", "NULL") ","
    CONCERN ("7", "2", "1", "2026-02-14T02:00:00Z", "referred", "1", "'2026-02-14'",
             "'2026-03-04'", "NULL", "NULL", "NULL") ","
    CONCERN ("8", "1", "8", "2026-03-02T02:00:00Z", "registered", "NULL", "NULL",
             "NULL", "NULL", "NULL", "NULL") ","
    CONCERN ("9", "1", "9", "2026-02-01T02:00:00Z", "concluded", "1", "'2026-02-02'",
             "'2026-02-24'", "'2026-02-25'", "NULL", "NULL") ","
    CONCERN ("10", "1", "10", "2026-02-05T02:00:00Z", "feedback_given", "1", "'2026-02-05'",
             "'2026-02-27'", "'2026-03-01'", "'2026-03-02'", "'satisfied'") ","
    CONCERN ("11", "2", "2", "2026-01-10T02:00:00Z", "referred", "1", "'2026-01-10'",
             "'2026-01-30'", "NULL", "NULL", "NULL") ","
    CONCERN ("12", "1", "12", "2026-02-28T15:59:59Z", "registered", "NULL", "NULL",
             "NULL", "NULL", "NULL", "NULL") ";"
    "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES "
    " (1, 1), (2, 2), (3, 1), (4, 1), (5, 1), (6, 1), (6, 2), (7, 3), (9, 2), (10, 1), (11, 3),"
    " (12, 1);");
#undef CONCERN

  ld_test_exec_sql (fixture->db,
    "INSERT INTO suggestions (id, station_id, title, state, assigned_date, due_date, "
    "answer_date, answer_class_id) VALUES "
    " (1, 1, '建议一', 'assigned', '2025-12-03', '2026-03-03', NULL, NULL),"
    " (2, 1, '建议二', 'rehandling', '2025-11-01', '2026-02-28', '2026-01-20', NULL),"
    " (3, 1, '建议三', 'assigned', '2025-12-09', '2026-03-09', NULL, NULL),"
    " (4, 1, '建议四', 'answered', '2025-12-01', '2026-03-01', '2026-02-27', NULL),"
    " (5, 1, '建议五', 'assigned', '2025-12-10', '2026-03-10', NULL, NULL),"
    " (6, 1, '建议六', 'answered', '2026-03-02', '2026-06-02', '2026-03-03',"
    "  (SELECT id FROM answer_classes WHERE seed_key = 'A'));"
    "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES "
    " (1, 1, 'lead'), (2, 2, 'lead'), (2, 1, 'co_signer'), (3, 2, 'lead'), (4, 1, 'lead'),"
    " (5, 1, 'lead'), (6, 2, 'lead');");

  ld_test_exec_sql (fixture->db,
    "INSERT INTO events (id, station_id, kind, status, event_date, start_time, "
    "notice_printed_at) VALUES "
    " (1, 1, 'reception_day', 'planned', '2026-03-03', '14:00', '2026-02-28T02:00:00Z'),"
    " (2, 1, 'duty', 'planned', '2026-03-03', '09:00', NULL),"
    " (3, 1, 'visit_community', 'cancelled', '2026-03-03', '10:00', NULL),"
    " (4, 1, 'reception_day', 'planned', '2026-03-04', '09:00', NULL),"
    " (5, 1, 'reception_day', 'planned', '2026-03-06', '09:00', NULL),"
    " (6, 1, 'reception_day', 'planned', '2026-03-07', '09:00', NULL),"
    " (7, 1, 'reception_day', 'planned', '2026-03-05', '09:00', '2026-03-01T02:00:00Z'),"
    " (8, 1, 'reception_day', 'cancelled', '2026-03-05', '09:00', NULL),"
    " (9, 2, 'reception_day', 'planned', '2026-03-04', NULL, NULL);"
    "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
    " (1, 1, 'on_duty'), (2, 2, 'on_duty'), (3, 1, 'on_duty'), (4, 1, 'on_duty'),"
    " (5, 2, 'on_duty'), (9, 3, 'on_duty');"
    "INSERT INTO concern_drafts (id, station_id, concern_id, form, updated_at) VALUES "
    " (1, 1, NULL, '{}', '2026-03-02T01:00:00Z'),"
    " (2, 1, NULL, '{}', '2026-03-03T01:00:00Z'),"
    " (3, 1, 3, '{}', '2026-03-03T02:00:00Z');");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, TRUE);
  fixture->db = ld_database_get_handle (fixture->database);
  if (data == NULL)
    insert_fixture (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_test_close_store (&fixture->dir, &fixture->database, &fixture->store);
}

/* ------------------------------------------------------------------ helpers */

static void
compute (Fixture      *fixture,
         const char   *today,
         gint64        station_id,
         gint64        deputy_id,
         guint         limit,
         LdToday      *out)
{
  g_autoptr(GError) error = NULL;
  LdTodayQuery query = {
    .today = today, .station_id = station_id, .deputy_id = deputy_id, .limit = limit,
  };

  g_assert_true (ld_today_compute (fixture->store, &query, out, &error));
  g_assert_no_error (error);
}

/* Asserts the list holds @count items and exactly the ids given (end with 0). */
static void
assert_list (const LdTodayList *list,
             gint64             count,
             ...)
{
  va_list args;
  guint i = 0;
  gint64 id;

  g_assert_cmpint (list->count, ==, count);
  g_assert_nonnull (list->ids);
  va_start (args, count);
  while ((id = va_arg (args, gint64)) != 0)
    {
      g_assert_cmpuint (i, <, list->ids->len);
      g_assert_cmpint (g_array_index (list->ids, gint64, i), ==, id);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (list->ids->len, ==, i);
}

#define I(n) ((gint64) (n))

/* ------------------------------------------------------------------ tests */

static void
test_station_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  LdToday today;

  compute (fixture, TODAY, 0, 0, 10, &today);

  /* Today by start time, the cancelled visit left out; tomorrow both stations' reception
   * days, the one without a time first. */
  assert_list (&today.events_today, 2, I (2), I (1), I (0));
  assert_list (&today.events_tomorrow, 2, I (9), I (4), I (0));
  /* 4 and 6 March unprinted and planned; 7 March is 4 days ahead; E7 printed, E8 off. */
  assert_list (&today.notices_due, 3, I (9), I (4), I (5), I (0));

  assert_list (&today.concerns_overdue, 3, I (11), I (6), I (2), I (0));
  assert_list (&today.concerns_due_today, 1, I (3), I (0));
  /* C1 across the holiday (6 days), C7 tomorrow; C4 is 7 days away: not yet. */
  assert_list (&today.concerns_due_soon, 2, I (7), I (1), I (0));
  assert_list (&today.feedback_owed, 2, I (9), I (5), I (0));

  assert_list (&today.suggestions_overdue, 1, I (2), I (0));
  assert_list (&today.suggestions_due_today, 1, I (1), I (0));
  assert_list (&today.suggestions_due_soon, 1, I (3), I (0));

  /* Intake drafts newest first; the edit of C3 is not one. */
  assert_list (&today.drafts, 2, I (2), I (1), I (0));

  /* 1 … 3 March: received C3 (1 Mar local) and C8, not C12 (28 Feb local); concluded C5 and
   * C10; S6 assigned and answered on time. */
  g_assert_cmpint (today.month_concerns.received, ==, 2);
  g_assert_cmpint (today.month_concerns.concluded, ==, 2);
  g_assert_cmpint (today.month_concerns.feedback_given, ==, 1);
  g_assert_cmpint (today.month_suggestions.assigned, ==, 1);
  g_assert_cmpint (today.month_suggestions.answered, ==, 1);
  g_assert_cmpint (today.month_suggestions.solved, ==, 1);

  ld_today_clear (&today);
  g_assert_null (today.concerns_overdue.ids);
  g_assert_cmpint (today.concerns_overdue.count, ==, 0);
  /* Clearing twice is harmless. */
  ld_today_clear (&today);
}

static void
test_boundaries (Fixture       *fixture,
                 gconstpointer  data)
{
  LdToday today;

  /* 2 March: C1 (9 March) is 7 days away, outside; C7 (4 Mar) and C3 (3 Mar) in; C2 due today. */
  compute (fixture, "2026-03-02", 0, 0, 10, &today);
  assert_list (&today.concerns_due_today, 1, I (2), I (0));
  assert_list (&today.concerns_due_soon, 2, I (3), I (7), I (0));
  assert_list (&today.concerns_overdue, 2, I (11), I (6), I (0));
  ld_today_clear (&today);

  /* 9 March, the due day of C1 after the holiday: due today, and C4 tomorrow is due soon. */
  compute (fixture, "2026-03-09", 0, 0, 10, &today);
  assert_list (&today.concerns_due_today, 1, I (1), I (0));
  assert_list (&today.concerns_due_soon, 1, I (4), I (0));
  assert_list (&today.concerns_overdue, 5, I (11), I (6), I (2), I (3), I (7), I (0));
  ld_today_clear (&today);

  /* 10 March: C1 is overdue. */
  compute (fixture, "2026-03-10", 0, 0, 10, &today);
  assert_list (&today.concerns_overdue, 6, I (11), I (6), I (2), I (3), I (7), I (1), I (0));
  assert_list (&today.concerns_due_today, 1, I (4), I (0));
  ld_today_clear (&today);

  /* With 3 due-soon days, 4 … 5 March only. */
  ld_test_exec_sql (fixture->db,
                    "UPDATE settings SET value = '3' WHERE station_id IS NULL "
                    "AND key = 'deadline.due_soon_days'");
  compute (fixture, TODAY, 0, 0, 10, &today);
  assert_list (&today.concerns_due_soon, 1, I (7), I (0));
  assert_list (&today.suggestions_due_soon, 0, I (0));
  ld_today_clear (&today);
}

static void
test_notices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdToday today;

  /* Printed: the reminder goes. */
  g_assert_true (ld_calendar_store_set_notice_printed (fixture->store, 4, NULL, &error));
  g_assert_no_error (error);
  compute (fixture, TODAY, 1, 0, 10, &today);
  assert_list (&today.notices_due, 1, I (5), I (0));
  ld_today_clear (&today);

  /* A day later, 7 March comes within the 3 days; 4 March has passed. */
  compute (fixture, "2026-03-04", 1, 0, 10, &today);
  assert_list (&today.notices_due, 2, I (5), I (6), I (0));
  ld_today_clear (&today);
}

static void
test_deputy (Fixture       *fixture,
             gconstpointer  data)
{
  LdToday today;

  /* 张伟's items only. */
  compute (fixture, TODAY, 0, 1, 10, &today);
  assert_list (&today.events_today, 1, I (1), I (0));
  assert_list (&today.events_tomorrow, 1, I (4), I (0));
  assert_list (&today.notices_due, 1, I (4), I (0));
  assert_list (&today.concerns_overdue, 1, I (6), I (0));
  assert_list (&today.concerns_due_today, 1, I (3), I (0));
  assert_list (&today.concerns_due_soon, 1, I (1), I (0));
  assert_list (&today.feedback_owed, 1, I (5), I (0));
  /* Co-signed S2 counts; led S1 is due today. */
  assert_list (&today.suggestions_overdue, 1, I (2), I (0));
  assert_list (&today.suggestions_due_today, 1, I (1), I (0));
  assert_list (&today.suggestions_due_soon, 0, I (0));
  /* Drafts are the desk's, whoever's caseload is shown. */
  assert_list (&today.drafts, 2, I (2), I (1), I (0));
  /* In March 张伟 received C3 only (C12 is of 28 February); concluded C5 and C10. */
  g_assert_cmpint (today.month_concerns.received, ==, 1);
  g_assert_cmpint (today.month_concerns.concluded, ==, 2);
  g_assert_cmpint (today.month_suggestions.assigned, ==, 0);
  ld_today_clear (&today);

  /* 李娜 */
  compute (fixture, TODAY, 0, 2, 10, &today);
  assert_list (&today.events_today, 1, I (2), I (0));
  assert_list (&today.events_tomorrow, 0, I (0));
  assert_list (&today.concerns_overdue, 2, I (6), I (2), I (0));
  assert_list (&today.concerns_due_soon, 0, I (0));
  assert_list (&today.feedback_owed, 1, I (9), I (0));
  assert_list (&today.suggestions_due_soon, 1, I (3), I (0));
  g_assert_cmpint (today.month_suggestions.assigned, ==, 1);
  ld_today_clear (&today);
}

static void
test_station_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  LdToday today;

  compute (fixture, TODAY, 2, 0, 10, &today);
  assert_list (&today.events_tomorrow, 1, I (9), I (0));
  assert_list (&today.concerns_overdue, 1, I (11), I (0));
  assert_list (&today.concerns_due_soon, 1, I (7), I (0));
  assert_list (&today.suggestions_due_today, 0, I (0));
  assert_list (&today.feedback_owed, 0, I (0));
  ld_today_clear (&today);

  compute (fixture, TODAY, 1, 0, 10, &today);
  assert_list (&today.concerns_overdue, 2, I (6), I (2), I (0));
  assert_list (&today.notices_due, 2, I (4), I (5), I (0));
  ld_today_clear (&today);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  LdToday today;

  /* The counts stay complete while the ids stop at the limit. */
  compute (fixture, TODAY, 0, 0, 1, &today);
  assert_list (&today.concerns_overdue, 3, I (11), I (0));
  assert_list (&today.notices_due, 3, I (9), I (0));
  assert_list (&today.feedback_owed, 2, I (9), I (0));
  assert_list (&today.drafts, 2, I (2), I (0));
  ld_today_clear (&today);

  compute (fixture, TODAY, 0, 0, 0, &today);
  assert_list (&today.concerns_overdue, 3, I (0));
  assert_list (&today.events_today, 2, I (0));
  ld_today_clear (&today);
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdTodayQuery query = { .today = "2026-02-30", .limit = 5 };
  LdToday today;

  g_assert_false (ld_today_compute (fixture->store, &query, &today, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_null (today.drafts.ids);
  ld_today_clear (&today);
}

static void
test_new_station (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Only the station profile: new. */
  g_assert_true (ld_today_is_new_station (fixture->store, &error));
  g_assert_no_error (error);

  /* Deputies alone do not make it any less new. */
  ld_test_exec_sql (fixture->db,
                    "INSERT INTO deputies (id, station_id, name, level) "
                    "VALUES (1, 1, '张伟', 'district')");
  g_assert_true (ld_today_is_new_station (fixture->store, &error));

  /* The first reception day planned: no longer. */
  ld_test_exec_sql (fixture->db,
                    "INSERT INTO events (station_id, kind, event_date) "
                    "VALUES (1, 'reception_day', '2026-03-10')");
  g_assert_false (ld_today_is_new_station (fixture->store, &error));
  g_assert_no_error (error);

  ld_test_exec_sql (fixture->db, "DELETE FROM events");
  g_assert_true (ld_today_is_new_station (fixture->store, &error));
  ld_test_exec_sql (fixture->db,
                    "INSERT INTO suggestions (station_id, title) VALUES (1, '关于路灯的建议')");
  g_assert_false (ld_today_is_new_station (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_busy_is_not_new (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ld_today_is_new_station (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_deputy_by_uuid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ld_today_deputy_by_uuid (fixture->store,
                                            "22222222-2222-4222-8222-222222222222", &error),
                   ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (ld_today_deputy_by_uuid (fixture->store,
                                            "99999999-2222-4222-8222-222222222222", &error),
                   ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (ld_today_deputy_by_uuid (fixture->store, "", &error), ==, 0);
  g_assert_cmpint (ld_today_deputy_by_uuid (fixture->store, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

/* Every statement of the lists reads an index, never the whole table: the plans name an index
 * for each table they search. */
static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const statements[] = {
    "SELECT count(*) FROM concerns AS c WHERE c.state IN ('referred', 'in_progress') "
    "AND c.due_date < '2026-03-03'",
    "SELECT c.id FROM concerns AS c WHERE c.state IN ('referred', 'in_progress') "
    "AND c.due_date > '2026-03-03' AND c.due_date < '2026-03-10' "
    "ORDER BY +c.due_date, c.id LIMIT 5",
    "SELECT count(*) FROM concerns AS c WHERE c.state IN ('referred', 'in_progress') "
    "AND c.due_date = '2026-03-03' AND EXISTS (SELECT 1 FROM concern_deputies AS l "
    "WHERE l.concern_id = c.id AND l.deputy_id = 1)",
    "SELECT count(DISTINCT f.concern_id) FROM feedback_owed AS f WHERE 1 AND EXISTS "
    "(SELECT 1 FROM concern_deputies AS l WHERE l.concern_id = f.concern_id AND l.deputy_id = 1)",
    "SELECT e.id FROM events AS e WHERE e.event_date = '2026-03-03' AND e.status <> 'cancelled' "
    "AND EXISTS (SELECT 1 FROM event_deputies AS l WHERE l.event_id = e.id AND l.deputy_id = 1) "
    "ORDER BY e.start_time IS NOT NULL, e.start_time, e.id LIMIT 5",
    "SELECT s.id FROM suggestions AS s WHERE s.state IN ('assigned', 'rehandling') "
    "AND s.due_date < '2026-03-03' AND s.id IN (SELECT suggestion_id FROM suggestion_deputies "
    "WHERE deputy_id = 1) ORDER BY +s.due_date, s.id LIMIT 5",
    "SELECT e.id FROM events AS e WHERE e.event_date = '2026-03-03' "
    "AND e.status <> 'cancelled' ORDER BY e.start_time IS NOT NULL, e.start_time, e.id LIMIT 5",
    "SELECT e.id FROM events AS e WHERE e.event_date >= '2026-03-03' "
    "AND e.event_date <= '2026-03-06' AND e.kind = 'reception_day' AND e.status = 'planned' "
    "AND e.notice_printed_at IS NULL ORDER BY e.event_date LIMIT 5",
    "SELECT count(DISTINCT f.concern_id) FROM feedback_owed AS f WHERE 1",
    "SELECT d.id FROM concern_drafts AS d WHERE d.concern_id IS NULL "
    "ORDER BY d.updated_at DESC, d.id DESC LIMIT 5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", statements[i], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);

      g_test_message ("%s\n%s", statements[i], plan->str);
      for (const char *line = plan->str; line && *line; )
        {
          const char *end = strchr (line, '\n');
          g_autofree char *one = g_strndup (line, end ? (gsize) (end - line) : strlen (line));

          /* "SCAN c" without an index reads every row; "SCAN f" reads the rows of the view's
           * co-routine, which searched its own indexes. */
          if (g_str_has_prefix (one, "SCAN ") && strstr (one, " USING ") == NULL
              && !g_str_equal (one, "SCAN f"))
            g_error ("A full scan in the plan of %s: %s", statements[i], one);
          line = end ? end + 1 : NULL;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/today/station-lists", test_station_lists, NULL);
  ADD ("/today/boundaries", test_boundaries, NULL);
  ADD ("/today/notices", test_notices, NULL);
  ADD ("/today/deputy", test_deputy, NULL);
  ADD ("/today/station-filter", test_station_filter, NULL);
  ADD ("/today/limit", test_limit, NULL);
  ADD ("/today/bad-date", test_bad_date, NULL);
  ADD ("/today/new-station", test_new_station, "empty");
  ADD ("/today/busy-is-not-new", test_busy_is_not_new, NULL);
  ADD ("/today/deputy-by-uuid", test_deputy_by_uuid, NULL);
  ADD ("/today/query-plans", test_query_plans, NULL);

  return g_test_run ();
}

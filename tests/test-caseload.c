/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-caseload"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "ld-caseload.h"
#include "ld-caseload-xlsx.h"
#include "ld-list-entry.h"
#include "ld-phone.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * A deputy's caseload and duty record (履职档案) for 2026 over a small fixture, on 15 June 2026.
 * Every expected value was counted by hand from the tables below, never by SQL. China is UTC+8.
 *
 * Deputies: 张伟 (1, district, 财经组), 李娜 (2, municipal). Station 1.
 *
 * Events: (D = on duty, A = attended, L = on leave)
 *   E1  2026-01-15 reception_day held       张伟 D A   李娜 D L
 *   E2  2026-02-15 reception_day held       张伟 D L   李娜 D A
 *   E3  2026-03-15 reception_day held       张伟 D A
 *   E4  2026-03-20 duty          held       张伟 D A
 *   E5  2026-04-02 visit_enterprise held    张伟 A
 *   E6  2026-04-10 visit_community held     张伟 A     李娜 A
 *   E7  2026-05-05 visit_village held       张伟 A
 *   E8  2026-05-06 visit_village held       张伟 A
 *   E9  2026-05-20 visit_constituency cancelled  张伟 A       (cancelled: not counted)
 *   E10 2025-12-15 reception_day held       张伟 D A           (another year)
 *   E11 2026-06-15 reception_day planned    张伟 D             (today: upcoming)
 *   E12 2026-07-15 duty          planned    张伟 D             (upcoming)
 *   E13 2026-06-20 reception_day cancelled  张伟 D             (cancelled)
 *   E14 2026-06-10 duty          planned    张伟 D             (past)
 *   E15 2027-01-15 reception_day planned    张伟 D             (upcoming, another year)
 *   E16 2026-08-01 forum         planned    李娜 D
 *
 * Concerns (received_at UTC → local day):
 *   C1  2026-01-10 registered                                   张伟
 *   C2  2026-02-01 referred    due 2026-06-01 (overdue)          张伟
 *   C3  2026-03-01 in_progress due 2026-06-30                    张伟
 *   C4  2026-03-05 referred    due 2026-05-20 (overdue)          张伟 李娜
 *   C5  2026-02-10 concluded   due 2026-03-04, concluded 04-01   张伟
 *   C6  2026-01-20 feedback_given concluded 02-20, feedback 02-25 satisfied  张伟
 *   C7  2026-04-01 answered                                      张伟
 *   C8  2025-12-31 (15:59:59Z) feedback_given concluded 2026-01-05, feedback 2026-01-06
 *       basically satisfied                                      张伟
 *   C9  2025-11-01 closed concluded 2025-11-20 feedback 2025-11-25 satisfied  张伟
 *   C10 2026-05-01 registered                                    李娜
 *
 * Suggestions:
 *   S1 evaluated  submitted 2026-01-05 assigned 01-10 due 04-10 answer 04-01 A satisfied   lead 张伟
 *   S2 answered   submitted 2026-02-01 assigned 02-05 due 05-05 answer 05-10 B (late)      lead 张伟
 *   S3 assigned   submitted 2026-03-01 assigned 03-02 due 06-02 (overdue)   lead 李娜, co 张伟
 *   S4 rehandling submitted 2026-01-20 assigned 01-25 due 07-20 answer 03-01 C dissat.     lead 张伟
 *   S5 submitted  submitted 2026-05-01                                                     lead 张伟
 *   S6 evaluated  submitted 2025-11-01 assigned 2025-11-05 due 2026-02-05 answer 2026-01-10 A
 *      basically satisfied                                              lead 李娜, co 张伟
 *   S7 assigned   submitted 2026-03-25 assigned 04-01 due 07-01                            lead 李娜
 *   S8 draft                                                                               lead 张伟
 */

#define TODAY "2026-06-15"

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
} Fixture;

/* ------------------------------------------------------------------ fixture */

static void
insert_fixture (Fixture *fixture)
{
  ld_test_exec_sql (fixture->db,
    "INSERT INTO stations (id, name) VALUES (1, '水果湖代表联络站');"
    "INSERT INTO deputies (id, station_id, name, level, professional_group) VALUES "
    "(1, 1, '张伟', 'district', '财经组'), (2, 1, '李娜', 'municipal', NULL);"
    "INSERT INTO units (id, name) VALUES (1, '区城管执法局');"
    "INSERT INTO events (id, station_id, kind, status, event_date) VALUES "
    "(1, 1, 'reception_day', 'held', '2026-01-15'),"
    "(2, 1, 'reception_day', 'held', '2026-02-15'),"
    "(3, 1, 'reception_day', 'held', '2026-03-15'),"
    "(4, 1, 'duty', 'held', '2026-03-20'),"
    "(5, 1, 'visit_enterprise', 'held', '2026-04-02'),"
    "(6, 1, 'visit_community', 'held', '2026-04-10'),"
    "(7, 1, 'visit_village', 'held', '2026-05-05'),"
    "(8, 1, 'visit_village', 'held', '2026-05-06'),"
    "(9, 1, 'visit_constituency', 'cancelled', '2026-05-20'),"
    "(10, 1, 'reception_day', 'held', '2025-12-15'),"
    "(11, 1, 'reception_day', 'planned', '2026-06-15'),"
    "(12, 1, 'duty', 'planned', '2026-07-15'),"
    "(13, 1, 'reception_day', 'cancelled', '2026-06-20'),"
    "(14, 1, 'duty', 'planned', '2026-06-10'),"
    "(15, 1, 'reception_day', 'planned', '2027-01-15'),"
    "(16, 1, 'forum', 'planned', '2026-08-01');"
    "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
    "(1, 1, 'on_duty'), (1, 1, 'attended'), (1, 2, 'on_duty'), (1, 2, 'on_leave'),"
    "(2, 1, 'on_duty'), (2, 1, 'on_leave'), (2, 2, 'on_duty'), (2, 2, 'attended'),"
    "(3, 1, 'on_duty'), (3, 1, 'attended'),"
    "(4, 1, 'on_duty'), (4, 1, 'attended'),"
    "(5, 1, 'attended'), (6, 1, 'attended'), (6, 2, 'attended'),"
    "(7, 1, 'attended'), (8, 1, 'attended'), (9, 1, 'attended'),"
    "(10, 1, 'on_duty'), (10, 1, 'attended'),"
    "(11, 1, 'on_duty'), (12, 1, 'on_duty'), (13, 1, 'on_duty'), (14, 1, 'on_duty'),"
    "(15, 1, 'on_duty'), (16, 2, 'on_duty');");

  ld_test_exec_sql (fixture->db,
    "CREATE TEMP TABLE c (id, received_at, state, unit_id, referred_date, due_date, "
    "concluded_date, feedback_date, satisfaction);"
    "INSERT INTO temp.c VALUES "
    "(1, '2026-01-10T02:00:00Z', 'registered', NULL, NULL, NULL, NULL, NULL, NULL),"
    "(2, '2026-02-01T02:00:00Z', 'referred', 1, '2026-02-02', '2026-06-01', NULL, NULL, NULL),"
    "(3, '2026-03-01T02:00:00Z', 'in_progress', 1, '2026-03-02', '2026-06-30', NULL, NULL, "
    " NULL),"
    "(4, '2026-03-05T02:00:00Z', 'referred', 1, '2026-03-06', '2026-05-20', NULL, NULL, NULL),"
    "(5, '2026-02-10T02:00:00Z', 'concluded', 1, '2026-02-11', '2026-03-04', '2026-04-01', "
    " NULL, NULL),"
    "(6, '2026-01-20T02:00:00Z', 'feedback_given', 1, '2026-01-21', '2026-02-10', "
    " '2026-02-20', '2026-02-25', 'satisfied'),"
    "(7, '2026-04-01T02:00:00Z', 'answered', NULL, NULL, NULL, NULL, NULL, NULL),"
    "(8, '2025-12-31T15:59:59Z', 'feedback_given', 1, '2026-01-02', '2026-01-22', "
    " '2026-01-05', '2026-01-06', 'basically_satisfied'),"
    "(9, '2025-11-01T02:00:00Z', 'closed', 1, '2025-11-02', '2025-11-21', '2025-11-20', "
    " '2025-11-25', 'satisfied'),"
    "(10, '2026-05-01T02:00:00Z', 'registered', NULL, NULL, NULL, NULL, NULL, NULL);"
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date, concluded_date, "
    "feedback_date, satisfaction) "
    "SELECT id, 1, 2026, id, received_at, "
    "(SELECT id FROM channels WHERE seed_key = 'reception_day'), "
    "(SELECT id FROM concern_categories WHERE seed_key = 'urban_construction'), "
    "'小区门口道路积水 ' || id, state, unit_id, referred_date, due_date, concluded_date, "
    "feedback_date, satisfaction FROM temp.c ORDER BY id;"
    "DROP TABLE temp.c;"
    "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES "
    "(1, 1), (2, 1), (3, 1), (4, 1), (4, 2), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 2);");

  ld_test_exec_sql (fixture->db,
    "INSERT INTO suggestions (id, station_id, title, state, submitted_date, assigned_date, "
    "due_date, answer_date, answer_class_id, evaluation) VALUES "
    "(1, 1, '关于增设公交站点的建议', 'evaluated', '2026-01-05', '2026-01-10', '2026-04-10', "
    " '2026-04-01', (SELECT id FROM answer_classes WHERE seed_key = 'A'), 'satisfied'),"
    "(2, 1, '关于老旧小区加装电梯的建议', 'answered', '2026-02-01', '2026-02-05', "
    " '2026-05-05', '2026-05-10', (SELECT id FROM answer_classes WHERE seed_key = 'B'), NULL),"
    "(3, 1, '关于整治背街小巷积水的建议', 'assigned', '2026-03-01', '2026-03-02', "
    " '2026-06-02', NULL, NULL, NULL),"
    "(4, 1, '关于社区医院扩建的建议', 'rehandling', '2026-01-20', '2026-01-25', '2026-07-20', "
    " '2026-03-01', (SELECT id FROM answer_classes WHERE seed_key = 'C'), 'dissatisfied'),"
    "(5, 1, '关于增设停车位的建议', 'submitted', '2026-05-01', NULL, NULL, NULL, NULL, NULL),"
    "(6, 1, '关于路灯维修的建议', 'evaluated', '2025-11-01', '2025-11-05', '2026-02-05', "
    " '2026-01-10', (SELECT id FROM answer_classes WHERE seed_key = 'A'), "
    " 'basically_satisfied'),"
    "(7, 1, '关于农贸市场改造的建议', 'assigned', '2026-03-25', '2026-04-01', '2026-07-01', "
    " NULL, NULL, NULL),"
    "(8, 1, '关于夜市噪音治理的建议', 'draft', NULL, NULL, NULL, NULL, NULL, NULL);"
    "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES "
    "(1, 1, 'lead'), (2, 1, 'lead'), (3, 2, 'lead'), (3, 1, 'co_signer'), (4, 1, 'lead'),"
    "(5, 1, 'lead'), (6, 2, 'lead'), (6, 1, 'co_signer'), (7, 2, 'lead'), (8, 1, 'lead');");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, FALSE);
  fixture->db = ld_database_get_handle (fixture->database);
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
compute (Fixture    *fixture,
         gint64      deputy_id,
         int         year,
         guint       limit,
         LdCaseload *caseload)
{
  g_autoptr(GError) error = NULL;
  LdCaseloadQuery query = { TODAY, year, deputy_id, limit };

  g_assert_true (ld_caseload_compute (fixture->store, &query, caseload, &error));
  g_assert_no_error (error);
}

static void
assert_ids (const LdCaseloadList *list,
            gint64                count,
            const gint64         *ids,
            guint                 n_ids)
{
  g_assert_cmpint (list->count, ==, count);
  g_assert_cmpuint (list->ids->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (g_array_index (list->ids, gint64, i), ==, ids[i]);
}

static gint64
kind (const gint64 *counts,
      const char   *name)
{
  int index = ld_report_event_kind_index (name);

  g_assert_cmpint (index, >=, 0);
  return counts[index];
}

static gint64
class_count (const LdCaseload *caseload,
             const char       *seed_key,
             Fixture          *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM answer_classes WHERE seed_key = '%s'",
                                          seed_key);
  gint64 id = ld_test_query_int (fixture->db, sql);
  gint64 *count = g_hash_table_lookup (caseload->suggestions.by_class, &id);

  return count != NULL ? *count : 0;
}

static GDateTime *
issued (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, 2026, 6, 15, 10, 0, 0);
}

/* ------------------------------------------------------------------ tests */

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  LdCaseload caseload;
  /* E11 today, E12, E15 next year; not E14 (past) nor E13 (cancelled). */
  const gint64 duties[] = { 11, 12, 15 };
  /* Overdue C4 (05-20), C2 (06-01); then C5 (03-04, concluded: not overdue), C3 (06-30);
   * then C1 without a due date. */
  const gint64 concerns[] = { 4, 2, 5, 3, 1 };
  /* S3 overdue; S2 (05-05, answered: not overdue), S4 (07-20); S5 and S8 undated.
   * Not S1 nor S6 (evaluated), nor S7 (李娜's). */
  const gint64 suggestions[] = { 3, 2, 4, 5, 8 };

  compute (fixture, 1, 2026, 10, &caseload);
  assert_ids (&caseload.duty_days, 3, duties, G_N_ELEMENTS (duties));
  assert_ids (&caseload.open_concerns, 5, concerns, G_N_ELEMENTS (concerns));
  assert_ids (&caseload.open_suggestions, 5, suggestions, G_N_ELEMENTS (suggestions));
  /* Open: C1–C5; done: C6–C9. */
  g_assert_cmpint (caseload.concerns_open, ==, 5);
  g_assert_cmpint (caseload.concerns_done, ==, 4);
  ld_caseload_clear (&caseload);

  /* The limit keeps the first ids and the full counts. */
  compute (fixture, 1, 2026, 2, &caseload);
  assert_ids (&caseload.duty_days, 3, duties, 2);
  assert_ids (&caseload.open_concerns, 5, concerns, 2);
  assert_ids (&caseload.open_suggestions, 5, suggestions, 2);
  ld_caseload_clear (&caseload);

  /* With no ids wanted the counts are still there. */
  compute (fixture, 1, 2026, 0, &caseload);
  assert_ids (&caseload.open_concerns, 5, NULL, 0);
  ld_caseload_clear (&caseload);

  /* 李娜: E16; C4 overdue then C10; S3 overdue then S7. */
  {
    const gint64 li_duties[] = { 16 };
    const gint64 li_concerns[] = { 4, 10 };
    const gint64 li_suggestions[] = { 3, 7 };

    compute (fixture, 2, 2026, 10, &caseload);
    assert_ids (&caseload.duty_days, 1, li_duties, 1);
    assert_ids (&caseload.open_concerns, 2, li_concerns, 2);
    assert_ids (&caseload.open_suggestions, 2, li_suggestions, 2);
    g_assert_cmpint (caseload.concerns_done, ==, 0);
    ld_caseload_clear (&caseload);
  }
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  LdCaseload caseload;

  compute (fixture, 1, 2026, 10, &caseload);
  g_assert_cmpint (caseload.year, ==, 2026);
  /* Reception days on duty: E1, E2, E3, E11 (not E10 of 2025, E13 cancelled, E15 of 2027). */
  g_assert_cmpint (kind (caseload.events.on_duty, "reception_day"), ==, 4);
  /* Attended E1, E3; on leave E2. */
  g_assert_cmpint (kind (caseload.events.attended, "reception_day"), ==, 2);
  g_assert_cmpint (kind (caseload.events.on_leave, "reception_day"), ==, 1);
  /* Duty days: on duty E4, E14 (E12 is July, still 2026: 3); attended E4. */
  g_assert_cmpint (kind (caseload.events.on_duty, "duty"), ==, 3);
  g_assert_cmpint (kind (caseload.events.attended, "duty"), ==, 1);
  /* Visits: E5; E6; E7, E8; E9 was cancelled. */
  g_assert_cmpint (kind (caseload.events.attended, "visit_enterprise"), ==, 1);
  g_assert_cmpint (kind (caseload.events.attended, "visit_community"), ==, 1);
  g_assert_cmpint (kind (caseload.events.attended, "visit_village"), ==, 2);
  g_assert_cmpint (kind (caseload.events.attended, "visit_constituency"), ==, 0);
  g_assert_cmpint (ld_event_figures_visits (caseload.events.attended), ==, 4);

  /* Concerns received in 2026: C1–C7 (C8 is 31 December 2025 in China). */
  g_assert_cmpint (caseload.concerns.received, ==, 7);
  g_assert_cmpint (caseload.concerns.by_state[LD_CONCERN_REFERRED], ==, 2);
  /* Concluded in 2026: C5, C6, C8; feedback C6 satisfied, C8 basically. */
  g_assert_cmpint (caseload.concerns.concluded, ==, 3);
  g_assert_cmpint (caseload.concerns.feedback_given, ==, 2);
  g_assert_cmpint (caseload.concerns.satisfied, ==, 1);
  g_assert_cmpint (caseload.concerns.basically_satisfied, ==, 1);

  /* Submitted in 2026: led S1, S2, S4, S5 (S8 is a draft); co-signed S3 (S6 is of 2025). */
  g_assert_cmpint (caseload.roles.led, ==, 4);
  g_assert_cmpint (caseload.roles.co_signed, ==, 1);
  /* Assigned in 2026: S1, S2, S3, S4; answered S1, S2, S4; on time S1, S4. */
  g_assert_cmpint (caseload.suggestions.assigned, ==, 4);
  g_assert_cmpint (caseload.suggestions.answered, ==, 3);
  g_assert_cmpint (caseload.suggestions.answered_on_time, ==, 2);
  g_assert_cmpint (caseload.suggestions.rated, ==, 2);
  g_assert_cmpint (caseload.suggestions.satisfied, ==, 1);
  g_assert_cmpint (caseload.suggestions.dissatisfied, ==, 1);
  g_assert_cmpint (caseload.suggestions.solved, ==, 1);
  g_assert_cmpint (class_count (&caseload, "A", fixture), ==, 1);
  g_assert_cmpint (class_count (&caseload, "B", fixture), ==, 1);
  g_assert_cmpint (class_count (&caseload, "C", fixture), ==, 1);
  g_assert_cmpint (class_count (&caseload, "D", fixture), ==, 0);
  ld_caseload_clear (&caseload);

  /* 2025: E10 attended; S6 co-signed; C8, C9 received; C9 concluded. */
  compute (fixture, 1, 2025, 10, &caseload);
  g_assert_cmpint (kind (caseload.events.attended, "reception_day"), ==, 1);
  g_assert_cmpint (caseload.roles.led, ==, 0);
  g_assert_cmpint (caseload.roles.co_signed, ==, 1);
  g_assert_cmpint (caseload.concerns.received, ==, 2);
  g_assert_cmpint (caseload.concerns.concluded, ==, 1);
  ld_caseload_clear (&caseload);

  /* 李娜 2026: on duty E1, E2; attended E2, on leave E1; E6. */
  compute (fixture, 2, 2026, 10, &caseload);
  g_assert_cmpint (kind (caseload.events.on_duty, "reception_day"), ==, 2);
  g_assert_cmpint (kind (caseload.events.attended, "reception_day"), ==, 1);
  g_assert_cmpint (kind (caseload.events.on_leave, "reception_day"), ==, 1);
  g_assert_cmpint (ld_event_figures_visits (caseload.events.attended), ==, 1);
  /* Led S3, S7; received C4, C10. */
  g_assert_cmpint (caseload.roles.led, ==, 2);
  g_assert_cmpint (caseload.roles.co_signed, ==, 0);
  g_assert_cmpint (caseload.concerns.received, ==, 2);
  ld_caseload_clear (&caseload);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdCaseloadQuery query = { "2026-02-30", 2026, 1, 10 };
  LdCaseload caseload;

  g_assert_false (ld_caseload_compute (fixture->store, &query, &caseload, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_null (caseload.open_concerns.ids);
}

/* The lists start from the deputy's link rows and look records up by key. */
static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *statements[] = {
    "SELECT e.id FROM event_deputies AS ed JOIN events AS e ON e.id = ed.event_id "
    "WHERE ed.deputy_id = 1 AND ed.role = 'on_duty' AND e.event_date >= '2026-06-15'",
    "SELECT c.id FROM concern_deputies AS cd JOIN concerns AS c ON c.id = cd.concern_id "
    "WHERE cd.deputy_id = 1 AND c.state IN ('registered', 'referred')",
    "SELECT s.id FROM suggestion_deputies AS sd JOIN suggestions AS s ON s.id = sd.suggestion_id "
    "WHERE sd.deputy_id = 1 AND s.state IN ('assigned', 'draft')",
  };
  const char *indexes[] = {
    "event_deputies_by_deputy", "concern_deputies_by_deputy", "suggestion_deputies_by_deputy",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", statements[i], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_assert_nonnull (strstr (plan->str, indexes[i]));
      g_assert_null (strstr (plan->str, "SCAN e"));
      g_assert_null (strstr (plan->str, "SCAN c"));
      g_assert_null (strstr (plan->str, "SCAN s"));
    }
}

static void
test_record_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = issued ();
  g_autoptr(LdDutyRecord) record = NULL;
  g_autofree char *text = NULL;

  record = ld_duty_record_load (fixture->store, 1, 2026, when, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  text = ld_duty_record_to_text (record);

  g_assert_cmpstr (record->title, ==, "Duty Record 2026");
  g_assert_cmpstr (record->deputy, ==, "张伟");
  g_assert_cmpstr (record->subtitle, ==, "District · 财经组 · 水果湖代表联络站");
  g_assert_nonnull (strstr (text, "Reception days on duty: 4\n"));
  g_assert_nonnull (strstr (text, "Reception days attended: 2\n"));
  g_assert_nonnull (strstr (text, "Reception days on leave: 1\n"));
  g_assert_nonnull (strstr (text, "Duty days attended: 1\n"));
  g_assert_nonnull (strstr (text, "Visits to enterprises: 1\n"));
  g_assert_nonnull (strstr (text, "Visits to villages: 2\n"));
  g_assert_nonnull (strstr (text, "Visits to the constituency: 0\n"));
  g_assert_nonnull (strstr (text, "Visits in all: 4\n"));
  g_assert_nonnull (strstr (text, "Concerns received: 7\n"));
  g_assert_nonnull (strstr (text, "Concerns concluded: 3\n"));
  g_assert_nonnull (strstr (text, "Suggestions led: 4\n"));
  g_assert_nonnull (strstr (text, "Suggestions co-signed: 1\n"));
  g_assert_nonnull (strstr (text, "Answered — A: Solved or basically solved: 1\n"));
  g_assert_nonnull (strstr (text, "Answered — D: Kept for reference: 0\n"));
  g_assert_nonnull (strstr (text, "Deputies dissatisfied: 1\n"));
  /* 3 of 4 answered, 2 of 3 on time, 1 of 2 satisfied, 1 of 3 solved. */
  g_assert_nonnull (strstr (text, "Reply rate: 75.0%\n"));
  g_assert_nonnull (strstr (text, "On-time rate: 66.7%\n"));
  g_assert_nonnull (strstr (text, "Satisfaction rate: 50.0%\n"));
  g_assert_nonnull (strstr (text, "Solved rate: 33.3%\n"));
  g_assert_nonnull (strstr (text, "Printed on 15 June 2026"));
  /* 李娜's and 2025's items are nowhere. */
  g_assert_null (strstr (text, "李娜"));
}

/* ------------------------------------------------------------------ the workbook */

static void
run_check (const char *path,
           const char *expect)
{
  g_autofree char *script = ld_test_src_path ("check-caseload-xlsx.py");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", script, path, expect, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-caseload-xlsx.py failed (is python3-openpyxl installed?): %s%s", out, err);
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = issued ();
  g_autoptr(LdDutyRecord) record = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "record.xlsx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere", "record.xlsx", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  record = ld_duty_record_load (fixture->store, 1, 2026, when, &error);
  g_assert_no_error (error);

  g_assert_true (ld_caseload_xlsx_write (record, path, &error));
  g_assert_no_error (error);
  run_check (path, "Duty Record|Item|Value|张伟|Reception days attended=2|"
                   "Reception days on leave=1|Visits to villages=2|Concerns received=7|"
                   "Suggestions led=4|Suggestions co-signed=1|"
                   "Answered — A: Solved or basically solved=1|Reply rate=75.0%");

  /* An earlier file is replaced whole; no temporary file is left. */
  g_assert_true (ld_caseload_xlsx_write (record, path, &error));
  g_assert_no_error (error);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xlsx") || strstr (name, "record") != NULL)
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* A directory that is not there: an error, and nothing written. */
  g_assert_false (ld_caseload_xlsx_write (record, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A failed export leaves the earlier good file as it was. */
static void
test_workbook_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = issued ();
  g_autoptr(LdDutyRecord) record = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "ro", NULL);
  g_autofree char *path = g_build_filename (sub, "record.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_autofree char *blocked = g_build_filename (fixture->dir, "blocked.xlsx", NULL);
  g_autofree char *inside = g_build_filename (blocked, "keep", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  record = ld_duty_record_load (fixture->store, 1, 2026, when, &error);
  g_assert_no_error (error);

  /* The rename over a directory fails: the directory stays and no temporary file is left. */
  g_assert_cmpint (g_mkdir (blocked, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "earlier", -1, NULL));
  g_assert_false (ld_caseload_xlsx_write (record, blocked, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (inside, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, "earlier");
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".blocked.xlsx."));

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only directories");
      return;
    }
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
  g_assert_cmpint (g_chmod (sub, 0500), ==, 0);

  g_assert_false (ld_caseload_xlsx_write (record, path, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "earlier");
  g_chmod (sub, 0700);
}

/* ------------------------------------------------------------------ reminders */

static void
test_reminder_text (void)
{
  LdToday today = { 0 };
  char *title = NULL;
  char *body = NULL;

  /* Nothing due, nothing overdue, no duty tomorrow: no reminder. */
  g_assert_false (ld_caseload_reminder_text (&today, &title, &body));
  g_assert_null (title);
  g_assert_null (body);

  today.concerns_due_today.count = 2;
  today.suggestions_due_today.count = 1;
  today.concerns_overdue.count = 3;
  today.suggestions_overdue.count = 1;
  today.events_tomorrow.count = 1;
  g_assert_true (ld_caseload_reminder_text (&today, &title, &body));
  g_assert_cmpstr (title, ==, "3 items due today");
  g_assert_cmpstr (body, ==, "Concerns due today: 2\nSuggestions due today: 1\nOverdue: 4\n"
                             "Tomorrow: 1 on the calendar");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  memset (&today, 0, sizeof today);
  today.suggestions_due_today.count = 1;
  g_assert_true (ld_caseload_reminder_text (&today, &title, &body));
  g_assert_cmpstr (title, ==, "1 item due today");
  g_assert_cmpstr (body, ==, "Suggestions due today: 1");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  memset (&today, 0, sizeof today);
  today.concerns_overdue.count = 1;
  g_assert_true (ld_caseload_reminder_text (&today, &title, &body));
  g_assert_cmpstr (title, ==, "1 item overdue");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  memset (&today, 0, sizeof today);
  today.events_tomorrow.count = 2;
  g_assert_true (ld_caseload_reminder_text (&today, &title, &body));
  g_assert_cmpstr (title, ==, "On duty tomorrow");
  g_assert_cmpstr (body, ==, "Tomorrow: 2 on the calendar");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
}

static guint
seconds_from (const char *zone,
              int         year,
              int         month,
              int         day,
              int         hour,
              int         minute,
              double      seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) now = NULL;

  g_assert_nonnull (tz);
  now = g_date_time_new (tz, year, month, day, hour, minute, seconds);
  return ld_caseload_seconds_to_next_day (now);
}

static void
test_next_day (void)
{
  /* 10:00 → 00:01 tomorrow: 14 h 1 min. */
  g_assert_cmpuint (seconds_from ("Asia/Shanghai", 2026, 6, 15, 10, 0, 0), ==, 14 * 3600 + 60);
  /* 23:59:30 → 90 s; the last day of a year too. */
  g_assert_cmpuint (seconds_from ("Asia/Shanghai", 2026, 12, 31, 23, 59, 30), ==, 90);
  /* 00:00:30 → today's 00:01, 30 s; exactly 00:01 → tomorrow's. */
  g_assert_cmpuint (seconds_from ("Asia/Shanghai", 2026, 6, 15, 0, 0, 30), ==, 30);
  g_assert_cmpuint (seconds_from ("Asia/Shanghai", 2026, 6, 15, 0, 1, 0), ==, 24 * 3600);
  /* A fraction of a second rounds up, never to 0. */
  g_assert_cmpuint (seconds_from ("Asia/Shanghai", 2026, 6, 15, 0, 0, 59.5), ==, 1);
  /* A 23-hour day (Berlin, 29 March 2026): 22:00 → 00:01 is 2 h 1 min by the clock. */
  g_assert_cmpuint (seconds_from ("Europe/Berlin", 2026, 3, 28, 22, 0, 0), ==, 2 * 3600 + 60);
  /* The night the clocks go forward: 00:30 on 29 March → 00:01 on 30 March is 22 h 31 min. */
  g_assert_cmpuint (seconds_from ("Europe/Berlin", 2026, 3, 29, 0, 30, 0), ==,
                    22 * 3600 + 31 * 60);
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

  ADD ("/caseload/lists", test_lists);
  ADD ("/caseload/record", test_record);
  ADD ("/caseload/invalid", test_invalid);
  ADD ("/caseload/query-plans", test_query_plans);
  ADD ("/caseload/record-text", test_record_text);
  ADD ("/caseload/workbook", test_workbook);
  ADD ("/caseload/workbook-failure", test_workbook_failure);
  g_test_add_func ("/caseload/reminder-text", test_reminder_text);
  g_test_add_func ("/caseload/next-day", test_next_day);

  return g_test_run ();
}

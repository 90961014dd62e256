/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-report"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "ld-phone.h"
#include "ld-report.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * The figures of a period over a small hand-made district: two stations, three deputies, 14
 * suggestions and 16 concerns. Every expected value below was counted by hand from the fixture
 * (the comments name the rows counted), never recomputed by SQL, so a wrong aggregate, a lost
 * boundary day or a UTC instant read as a local date shows up as a wrong number. The tests run
 * in China's time zone (tests/meson.build), UTC+8.
 */

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  gint64      class_a, class_b, class_c, class_d;
} Fixture;

/* ------------------------------------------------------------------ fixture */

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

/*
 * Suggestions (S1 … S14). Station 1 unless marked (2). Dates are local; created_at is UTC.
 *
 *       state       assigned    due         answer      class eval       created_at (UTC)
 *   S1  evaluated   2026-01-01  2026-04-01  2026-03-20  A     satisfied  2025-12-31T16:00:00Z
 *   S2  evaluated   2026-01-15  2026-04-15  2026-05-10  B     basic.     2026-01-10T02:00:00Z
 *   S3  evaluated   2026-02-01  2026-05-01  2026-04-20  C     dissat.    2026-01-20T02:00:00Z
 *   S4  answered    2026-03-31  2026-06-30  2026-06-30  D     -          2026-03-31T15:59:59Z
 *   S5  assigned    2026-02-10  2026-05-10  -           -     -          2026-03-31T16:00:00Z
 *   S6  evaluated(2)2026-03-01  2026-06-01  2026-05-01  A     satisfied  2026-02-01T02:00:00Z
 *   S7  answered (2)2026-02-20  2026-05-20  2026-06-01  A     -          2026-02-02T02:00:00Z
 *   S8  returned (2)2026-01-05  2026-04-05  -           -     -          2026-01-03T02:00:00Z
 *   S9  draft       -           -           -           -     -          2026-03-05T02:00:00Z
 *   S10 submitted   -           -           -           -     -          2026-03-06T02:00:00Z
 *   S11 evaluated   2025-12-31  2026-03-31  2026-02-01  A     satisfied  2025-12-31T15:59:59Z
 *   S12 answered (2)2026-04-01  2026-07-01  2026-04-10  B     -          2026-03-25T02:00:00Z
 *   S13 rehandling  2026-01-20  2026-06-10  2026-03-01  C     dissat.    2026-01-18T02:00:00Z
 *   S14 closed      2026-01-10  2026-04-10  2026-04-11  B     satisfied  2026-01-05T02:00:00Z
 *
 * Deputies: 张伟 (1) leads S1, S2, S4, S9 and co-signs S6 (of station 2); 李娜 (2) leads S3,
 * S5, S10, S11, S13, S14 and co-signs S1; 王芳 (3) leads S6, S7, S8, S12.
 *
 * Concerns (C1 … C16), received_at UTC, China is UTC+8:
 *
 *       st state           received_at (UTC)     local day   concluded   feedback    satisf.
 *   C1  1  registered      2025-12-31T16:00:00Z  2026-01-01  -           -           -
 *   C2  1  feedback_given  2025-12-31T15:59:59Z  2025-12-31  2026-01-05  2026-01-06  satisfied
 *   C3  1  answered        2026-01-10T02:00:00Z  2026-01-10  -           -           -
 *   C4  1  redirected      2026-01-20T02:00:00Z  2026-01-20  -           -           -
 *   C5  1  referred        2026-02-01T02:00:00Z  2026-02-01  -           -           -
 *   C6  1  in_progress     2026-02-05T02:00:00Z  2026-02-05  -           -           -
 *   C7  1  concluded       2026-02-10T02:00:00Z  2026-02-10  2026-03-31  -           -
 *   C8  1  feedback_given  2026-02-15T02:00:00Z  2026-02-15  2026-03-01  2026-03-02  basic.
 *   C9  1  closed          2026-03-01T02:00:00Z  2026-03-01  2026-03-05  2026-03-10  dissat.
 *   C10 1  registered      2026-03-31T17:00:00Z  2026-04-01  -           -           -
 *   C11 2  converted       2026-03-31T15:00:00Z  2026-03-31  -           -           -
 *   C12 2  feedback_given  2025-12-20T02:00:00Z  2025-12-20  2026-01-01  2026-04-01  satisfied
 *   C13 2  feedback_given  2026-02-20T02:00:00Z  2026-02-20  2026-03-10  2026-03-31  satisfied
 *   C14 2  concluded       2025-11-01T02:00:00Z  2025-11-01  2025-12-31  -           -
 *   C15 1  feedback_given  2026-03-20T02:00:00Z  2026-03-20  -           2026-03-25  -
 *   C16 1  closed          2026-01-12T02:00:00Z  2026-01-12  -           -           -
 *   C17 2  answered        2026-03-31T16:00:00Z  2026-04-01  -           -           -
 *
 * Received by: 张伟 C1, C2, C4, C7, C8, C10, C13; 李娜 C3, C4, C5, C9, C15; 王芳 C11, C12,
 * C13, C14.
 */
static void
insert_fixture (Fixture *fixture)
{
  exec_sql (fixture,
            "INSERT INTO stations (id, name) VALUES (1, '水果湖代表联络站'), "
            "(2, '中南路代表联络站');"
            "INSERT INTO deputies (id, station_id, name, level) VALUES "
            "(1, 1, '张伟', 'district'), (2, 1, '李娜', 'district'), (3, 2, '王芳', 'district');"
            "INSERT INTO units (id, name) VALUES (1, '区城管执法局');");

  exec_sql (fixture,
            "INSERT INTO suggestions (id, station_id, title, state, submitted_date, "
            "assigned_date, due_date, answer_date, answer_class_id, evaluation, "
            "returned_date, created_at) VALUES "
            "(1, 1, '关于增设公交站点的建议', 'evaluated', '2025-12-20', '2026-01-01', "
            " '2026-04-01', '2026-03-20', (SELECT id FROM answer_classes WHERE seed_key = 'A'), "
            " 'satisfied', NULL, '2025-12-31T16:00:00Z'),"
            "(2, 1, '关于老旧小区加装电梯的建议', 'evaluated', '2026-01-10', '2026-01-15', "
            " '2026-04-15', '2026-05-10', (SELECT id FROM answer_classes WHERE seed_key = 'B'), "
            " 'basically_satisfied', NULL, '2026-01-10T02:00:00Z'),"
            "(3, 1, '关于整治背街小巷积水的建议', 'evaluated', '2026-01-20', '2026-02-01', "
            " '2026-05-01', '2026-04-20', (SELECT id FROM answer_classes WHERE seed_key = 'C'), "
            " 'dissatisfied', NULL, '2026-01-20T02:00:00Z'),"
            "(4, 1, '关于增加社区养老服务的建议', 'answered', '2026-03-30', '2026-03-31', "
            " '2026-06-30', '2026-06-30', (SELECT id FROM answer_classes WHERE seed_key = 'D'), "
            " NULL, NULL, '2026-03-31T15:59:59Z'),"
            "(5, 1, '关于规范共享单车停放的建议', 'assigned', '2026-02-01', '2026-02-10', "
            " '2026-05-10', NULL, NULL, NULL, NULL, '2026-03-31T16:00:00Z'),"
            "(6, 2, '关于学校周边交通安全的建议', 'evaluated', '2026-02-20', '2026-03-01', "
            " '2026-06-01', '2026-05-01', (SELECT id FROM answer_classes WHERE seed_key = 'A'), "
            " 'satisfied', NULL, '2026-02-01T02:00:00Z'),"
            "(7, 2, '关于农贸市场改造的建议', 'answered', '2026-02-10', '2026-02-20', "
            " '2026-05-20', '2026-06-01', (SELECT id FROM answer_classes WHERE seed_key = 'A'), "
            " NULL, NULL, '2026-02-02T02:00:00Z'),"
            "(8, 2, '关于河道清淤的建议', 'returned', '2026-01-04', '2026-01-05', "
            " '2026-04-05', NULL, NULL, NULL, '2026-01-08', '2026-01-03T02:00:00Z'),"
            "(9, 1, '关于夜市噪音治理的建议', 'draft', NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            " '2026-03-05T02:00:00Z'),"
            "(10, 1, '关于增设停车位的建议', 'submitted', '2026-03-10', NULL, NULL, NULL, NULL, "
            " NULL, NULL, '2026-03-06T02:00:00Z'),"
            "(11, 1, '关于路灯维修的建议', 'evaluated', '2025-12-30', '2025-12-31', "
            " '2026-03-31', '2026-02-01', (SELECT id FROM answer_classes WHERE seed_key = 'A'), "
            " 'satisfied', NULL, '2025-12-31T15:59:59Z'),"
            "(12, 2, '关于垃圾分类设施的建议', 'answered', '2026-03-28', '2026-04-01', "
            " '2026-07-01', '2026-04-10', (SELECT id FROM answer_classes WHERE seed_key = 'B'), "
            " NULL, NULL, '2026-03-25T02:00:00Z'),"
            "(13, 1, '关于社区医院扩建的建议', 'rehandling', '2026-01-19', '2026-01-20', "
            " '2026-06-10', '2026-03-01', (SELECT id FROM answer_classes WHERE seed_key = 'C'), "
            " 'dissatisfied', NULL, '2026-01-18T02:00:00Z'),"
            "(14, 1, '关于公园改造的建议', 'closed', '2026-01-06', '2026-01-10', "
            " '2026-04-10', '2026-04-11', (SELECT id FROM answer_classes WHERE seed_key = 'B'), "
            " 'satisfied', NULL, '2026-01-05T02:00:00Z');"
            "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES "
            "(1, 1, 'lead'), (2, 1, 'lead'), (4, 1, 'lead'), (9, 1, 'lead'), (6, 1, 'co_signer'),"
            "(3, 2, 'lead'), (5, 2, 'lead'), (10, 2, 'lead'), (11, 2, 'lead'), (13, 2, 'lead'),"
            "(14, 2, 'lead'), (1, 2, 'co_signer'),"
            "(6, 3, 'lead'), (7, 3, 'lead'), (8, 3, 'lead'), (12, 3, 'lead');");

  exec_sql (fixture,
            "CREATE TEMP TABLE c (id, station_id, received_at, state, redirect_reason, unit_id, "
            "referred_date, due_date, concluded_date, feedback_date, satisfaction);"
            "INSERT INTO temp.c VALUES "
            "(1, 1, '2025-12-31T16:00:00Z', 'registered', NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            "(2, 1, '2025-12-31T15:59:59Z', 'feedback_given', NULL, 1, '2026-01-02', '2026-01-22', "
            " '2026-01-05', '2026-01-06', 'satisfied'),"
            "(3, 1, '2026-01-10T02:00:00Z', 'answered', NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            "(4, 1, '2026-01-20T02:00:00Z', 'redirected', 'litigation', NULL, NULL, NULL, NULL, "
            " NULL, NULL),"
            "(5, 1, '2026-02-01T02:00:00Z', 'referred', NULL, 1, '2026-02-02', '2026-02-25', "
            " NULL, NULL, NULL),"
            "(6, 1, '2026-02-05T02:00:00Z', 'in_progress', NULL, 1, '2026-02-06', '2026-03-01', "
            " NULL, NULL, NULL),"
            "(7, 1, '2026-02-10T02:00:00Z', 'concluded', NULL, 1, '2026-02-11', '2026-03-04', "
            " '2026-03-31', NULL, NULL),"
            "(8, 1, '2026-02-15T02:00:00Z', 'feedback_given', NULL, 1, '2026-02-16', "
            " '2026-03-09', '2026-03-01', '2026-03-02', 'basically_satisfied'),"
            "(9, 1, '2026-03-01T02:00:00Z', 'closed', NULL, 1, '2026-03-02', '2026-03-20', "
            " '2026-03-05', '2026-03-10', 'dissatisfied'),"
            "(10, 1, '2026-03-31T17:00:00Z', 'registered', NULL, NULL, NULL, NULL, NULL, NULL, "
            " NULL),"
            "(11, 2, '2026-03-31T15:00:00Z', 'converted', NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            "(12, 2, '2025-12-20T02:00:00Z', 'feedback_given', NULL, 1, '2025-12-21', "
            " '2026-01-14', '2026-01-01', '2026-04-01', 'satisfied'),"
            "(13, 2, '2026-02-20T02:00:00Z', 'feedback_given', NULL, 1, '2026-02-21', "
            " '2026-03-13', '2026-03-10', '2026-03-31', 'satisfied'),"
            "(14, 2, '2025-11-01T02:00:00Z', 'concluded', NULL, 1, '2025-11-02', '2025-11-21', "
            " '2025-12-31', NULL, NULL),"
            "(15, 1, '2026-03-20T02:00:00Z', 'feedback_given', NULL, NULL, NULL, NULL, NULL, "
            " '2026-03-25', NULL),"
            "(16, 1, '2026-01-12T02:00:00Z', 'closed', NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            "(17, 2, '2026-03-31T16:00:00Z', 'answered', NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
            "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
            "category_id, subject, state, redirect_reason, unit_id, referred_date, due_date, "
            "concluded_date, feedback_date, satisfaction) "
            "SELECT id, station_id, 2026, id, received_at, "
            "(SELECT id FROM channels WHERE seed_key = 'reception_day'), "
            "(SELECT id FROM concern_categories WHERE seed_key = 'urban_construction'), "
            "'小区门口道路积水', state, redirect_reason, unit_id, referred_date, due_date, "
            "concluded_date, feedback_date, satisfaction FROM temp.c ORDER BY id;"
            "DROP TABLE temp.c;"
            "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES "
            "(1, 1), (2, 1), (4, 1), (7, 1), (8, 1), (10, 1), (13, 1),"
            "(3, 2), (4, 2), (5, 2), (9, 2), (15, 2),"
            "(11, 3), (12, 3), (13, 3), (14, 3);");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, FALSE);
  fixture->db = ld_database_get_handle (fixture->database);

  insert_fixture (fixture);
  fixture->class_a = query_int (fixture, "SELECT id FROM answer_classes WHERE seed_key = 'A'");
  fixture->class_b = query_int (fixture, "SELECT id FROM answer_classes WHERE seed_key = 'B'");
  fixture->class_c = query_int (fixture, "SELECT id FROM answer_classes WHERE seed_key = 'C'");
  fixture->class_d = query_int (fixture, "SELECT id FROM answer_classes WHERE seed_key = 'D'");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_test_close_store (&fixture->dir, &fixture->database, &fixture->store);
}

/* ------------------------------------------------------------------ helpers */

static void
suggestion_figures (Fixture             *fixture,
                    const char          *from,
                    const char          *to,
                    gint64               station_id,
                    gint64               deputy_id,
                    LdSuggestionFigures *figures)
{
  g_autoptr(GError) error = NULL;
  LdReportPeriod period = { from, to, station_id, deputy_id };

  g_assert_true (ld_report_suggestion_figures (fixture->store, &period, figures, &error));
  g_assert_no_error (error);
  g_assert_nonnull (figures->by_class);
}

static void
concern_figures (Fixture          *fixture,
                 const char       *from,
                 const char       *to,
                 gint64            station_id,
                 gint64            deputy_id,
                 LdConcernFigures *figures)
{
  g_autoptr(GError) error = NULL;
  LdReportPeriod period = { from, to, station_id, deputy_id };

  g_assert_true (ld_report_concern_figures (fixture->store, &period, figures, &error));
  g_assert_no_error (error);
}

/* The count of @class_id in by_class; absent is 0. */
static gint64
class_count (const LdSuggestionFigures *figures,
             gint64                     class_id)
{
  gint64 *count = g_hash_table_lookup (figures->by_class, &class_id);

  return count != NULL ? *count : 0;
}

static void
assert_rate (double      rate,
             double      expected,
             const char *text)
{
  g_autofree char *formatted = ld_report_format_rate (rate);

  if (isnan (expected))
    g_assert_true (isnan (rate));
  else
    g_assert_cmpfloat_with_epsilon (rate, expected, 1e-12);
  g_assert_cmpstr (formatted, ==, text);
}

static void
assert_suggestion_states (const LdSuggestionFigures *figures,
                          const gint64               expected[LD_SUGGESTION_N_STATES])
{
  for (guint i = 0; i < LD_SUGGESTION_N_STATES; i++)
    {
      g_test_message ("suggestion state %u", i);
      g_assert_cmpint (figures->by_state[i], ==, expected[i]);
    }
}

static void
assert_concern_states (const LdConcernFigures *figures,
                       const gint64            expected[LD_CONCERN_N_STATES])
{
  for (guint i = 0; i < LD_CONCERN_N_STATES; i++)
    {
      g_test_message ("concern state %u", i);
      g_assert_cmpint (figures->by_state[i], ==, expected[i]);
    }
}

/* ------------------------------------------------------------------ tests */

static void
test_rate_format (void)
{
  g_autofree char *seven_eighths = ld_report_format_rate (ld_report_rate (7, 8));
  g_autofree char *two_thirds = ld_report_format_rate (ld_report_rate (2, 3));
  g_autofree char *all = ld_report_format_rate (ld_report_rate (5, 5));
  g_autofree char *none = ld_report_format_rate (ld_report_rate (0, 5));
  g_autofree char *nothing = ld_report_format_rate (ld_report_rate (0, 0));

  g_assert_cmpstr (seven_eighths, ==, "87.5%");
  g_assert_cmpstr (two_thirds, ==, "66.7%");
  g_assert_cmpstr (all, ==, "100.0%");
  g_assert_cmpstr (none, ==, "0.0%");
  /* Nothing to divide by is not a number, not 0 %. */
  g_assert_true (isnan (ld_report_rate (0, 0)));
  g_assert_true (isnan (ld_report_rate (3, 0)));
  g_assert_cmpstr (nothing, ==, "—");
}

/* The first quarter of 2026 over both stations. */
static void
test_suggestions_quarter (Fixture       *fixture,
                          gconstpointer  data)
{
  LdSuggestionFigures figures;
  /* Created 2026-01-01 … 03-31 local: S9 draft; S10 submitted; none assigned (S5 was created
   * at 04-01 00:00 local); S8 returned; S4, S7, S12 answered; S1 (created 01-01 00:00 local),
   * S2, S3, S6 evaluated; S13 rehandling; S14 closed. S11 (12-31 23:59:59 local) is out. */
  const gint64 states[LD_SUGGESTION_N_STATES] = { 1, 1, 0, 1, 3, 4, 1, 1 };

  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 0, 0, &figures);

  /* Assigned 01-01 … 03-31: S1 (on the first day), S2, S3, S4 (on the last day), S5, S6, S7,
   * S8, S13, S14; not S11 (12-31), S12 (04-01), nor the draft and submitted S9, S10. */
  g_assert_cmpint (figures.assigned, ==, 10);
  /* Of those, answered: all but S5 (assigned) and S8 (returned). */
  g_assert_cmpint (figures.answered, ==, 8);
  /* On or before the due date: S1, S3, S4 (on the due date itself), S6, S13; late: S2, S7,
   * S14 (by one day). */
  g_assert_cmpint (figures.answered_on_time, ==, 5);
  /* Evaluated: S1, S6, S14 satisfied; S2 basically; S3, S13 dissatisfied. */
  g_assert_cmpint (figures.rated, ==, 6);
  g_assert_cmpint (figures.satisfied, ==, 3);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 2);
  /* Class A (the solved class): S1, S6, S7. */
  g_assert_cmpint (figures.solved, ==, 3);
  /* A: S1, S6, S7; B: S2, S14; C: S3, S13; D: S4. */
  g_assert_cmpint (g_hash_table_size (figures.by_class), ==, 4);
  g_assert_cmpint (class_count (&figures, fixture->class_a), ==, 3);
  g_assert_cmpint (class_count (&figures, fixture->class_b), ==, 2);
  g_assert_cmpint (class_count (&figures, fixture->class_c), ==, 2);
  g_assert_cmpint (class_count (&figures, fixture->class_d), ==, 1);
  assert_suggestion_states (&figures, states);

  /* 8 ÷ 10; 5 ÷ 8; (3 + 1) ÷ 6; 3 ÷ 8. */
  assert_rate (ld_suggestion_figures_reply_rate (&figures), 0.8, "80.0%");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), 0.625, "62.5%");
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), 4.0 / 6.0, "66.7%");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 0.375, "37.5%");

  ld_suggestion_figures_clear (&figures);
  g_assert_null (figures.by_class);
  g_assert_cmpint (figures.assigned, ==, 0);
  /* Clearing twice is harmless. */
  ld_suggestion_figures_clear (&figures);
}

/* The solved class is data: a locality that counts B as solved too gets it without code. */
static void
test_suggestions_solved_class (Fixture       *fixture,
                               gconstpointer  data)
{
  LdSuggestionFigures figures;

  exec_sql (fixture, "UPDATE answer_classes SET solved = 1 WHERE seed_key = 'B'");
  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 0, 0, &figures);

  /* A: S1, S6, S7 and now B: S2, S14, of 8 answered. */
  g_assert_cmpint (figures.solved, ==, 5);
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 0.625, "62.5%");
  ld_suggestion_figures_clear (&figures);
}

static void
test_suggestions_station (Fixture       *fixture,
                          gconstpointer  data)
{
  LdSuggestionFigures figures;
  /* Station 1, created in the quarter: S9 draft, S10 submitted, S4 answered, S1, S2, S3
   * evaluated, S13 rehandling, S14 closed (S5, S11 out as above). */
  const gint64 states_1[LD_SUGGESTION_N_STATES] = { 1, 1, 0, 0, 1, 3, 1, 1 };
  /* Station 2: S8 returned; S7, S12 answered; S6 evaluated. */
  const gint64 states_2[LD_SUGGESTION_N_STATES] = { 0, 0, 0, 1, 2, 1, 0, 0 };

  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 1, 0, &figures);
  /* Station 1 assigned in the quarter: S1, S2, S3, S4, S5, S13, S14. */
  g_assert_cmpint (figures.assigned, ==, 7);
  /* All but S5. */
  g_assert_cmpint (figures.answered, ==, 6);
  /* S1, S3, S4, S13 on time; S2, S14 late. */
  g_assert_cmpint (figures.answered_on_time, ==, 4);
  /* S1, S14 satisfied; S2 basically; S3, S13 dissatisfied. */
  g_assert_cmpint (figures.rated, ==, 5);
  g_assert_cmpint (figures.satisfied, ==, 2);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 2);
  /* A: S1 only. */
  g_assert_cmpint (figures.solved, ==, 1);
  /* A: S1; B: S2, S14; C: S3, S13; D: S4. */
  g_assert_cmpint (class_count (&figures, fixture->class_a), ==, 1);
  g_assert_cmpint (class_count (&figures, fixture->class_b), ==, 2);
  g_assert_cmpint (class_count (&figures, fixture->class_c), ==, 2);
  g_assert_cmpint (class_count (&figures, fixture->class_d), ==, 1);
  assert_suggestion_states (&figures, states_1);
  /* 6 ÷ 7; 4 ÷ 6; (2 + 1) ÷ 5; 1 ÷ 6. */
  assert_rate (ld_suggestion_figures_reply_rate (&figures), 6.0 / 7.0, "85.7%");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), 4.0 / 6.0, "66.7%");
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), 0.6, "60.0%");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 1.0 / 6.0, "16.7%");
  ld_suggestion_figures_clear (&figures);

  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 2, 0, &figures);
  /* Station 2 assigned in the quarter: S6, S7, S8 (not S12, assigned 04-01). */
  g_assert_cmpint (figures.assigned, ==, 3);
  /* S6 (on time), S7 (late). */
  g_assert_cmpint (figures.answered, ==, 2);
  g_assert_cmpint (figures.answered_on_time, ==, 1);
  /* S6 satisfied. */
  g_assert_cmpint (figures.rated, ==, 1);
  g_assert_cmpint (figures.satisfied, ==, 1);
  g_assert_cmpint (figures.basically_satisfied, ==, 0);
  g_assert_cmpint (figures.dissatisfied, ==, 0);
  /* S6, S7 are both A. */
  g_assert_cmpint (figures.solved, ==, 2);
  g_assert_cmpint (g_hash_table_size (figures.by_class), ==, 1);
  g_assert_cmpint (class_count (&figures, fixture->class_a), ==, 2);
  assert_suggestion_states (&figures, states_2);
  /* 2 ÷ 3; 1 ÷ 2; 1 ÷ 1; 2 ÷ 2. */
  assert_rate (ld_suggestion_figures_reply_rate (&figures), 2.0 / 3.0, "66.7%");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), 0.5, "50.0%");
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), 1.0, "100.0%");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 1.0, "100.0%");
  ld_suggestion_figures_clear (&figures);
}

static void
test_suggestions_deputy (Fixture       *fixture,
                         gconstpointer  data)
{
  LdSuggestionFigures figures;
  /* 张伟's, created in the quarter: S9 draft, S4 answered, S1, S2, S6 evaluated. */
  const gint64 states[LD_SUGGESTION_N_STATES] = { 1, 0, 0, 0, 1, 3, 0, 0 };

  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 0, 1, &figures);
  /* 张伟 leads S1, S2, S4 and co-signs S6 (station 2), all assigned in the quarter (S9 is a
   * draft); S1 counts once although 李娜 co-signs it too. */
  g_assert_cmpint (figures.assigned, ==, 4);
  g_assert_cmpint (figures.answered, ==, 4);
  /* S1, S4, S6 on time; S2 late. */
  g_assert_cmpint (figures.answered_on_time, ==, 3);
  /* S1, S6 satisfied; S2 basically. */
  g_assert_cmpint (figures.rated, ==, 3);
  g_assert_cmpint (figures.satisfied, ==, 2);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 0);
  /* A: S1, S6. */
  g_assert_cmpint (figures.solved, ==, 2);
  /* A: S1, S6; B: S2; D: S4. */
  g_assert_cmpint (g_hash_table_size (figures.by_class), ==, 3);
  g_assert_cmpint (class_count (&figures, fixture->class_a), ==, 2);
  g_assert_cmpint (class_count (&figures, fixture->class_b), ==, 1);
  g_assert_cmpint (class_count (&figures, fixture->class_c), ==, 0);
  g_assert_cmpint (class_count (&figures, fixture->class_d), ==, 1);
  assert_suggestion_states (&figures, states);
  /* 4 ÷ 4; 3 ÷ 4; 3 ÷ 3; 2 ÷ 4. */
  assert_rate (ld_suggestion_figures_reply_rate (&figures), 1.0, "100.0%");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), 0.75, "75.0%");
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), 1.0, "100.0%");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 0.5, "50.0%");
  ld_suggestion_figures_clear (&figures);

  /* 张伟 at station 1 only: S1, S2, S4 (S6 is station 2's). */
  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 1, 1, &figures);
  g_assert_cmpint (figures.assigned, ==, 3);
  g_assert_cmpint (figures.solved, ==, 1);
  ld_suggestion_figures_clear (&figures);

  /* 李娜 as a co-signer counts S1: she leads S3, S5, S13, S14 assigned in the quarter (S11 was
   * assigned 12-31, S10 only submitted). */
  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 0, 2, &figures);
  g_assert_cmpint (figures.assigned, ==, 5);
  /* S1, S3, S13, S14; S5 is not answered. */
  g_assert_cmpint (figures.answered, ==, 4);
  ld_suggestion_figures_clear (&figures);
}

/* One day, the last of March, checks both ends of a period at once. */
static void
test_suggestions_boundaries (Fixture       *fixture,
                             gconstpointer  data)
{
  LdSuggestionFigures figures;
  /* Created 03-31 local, i.e. 03-30T16:00Z … 03-31T16:00Z: S4 (15:59:59Z), answered; S5 at
   * 16:00:00Z is 04-01. */
  const gint64 states_31[LD_SUGGESTION_N_STATES] = { 0, 0, 0, 0, 1, 0, 0, 0 };
  /* Created 01-01 local: S1 (2025-12-31T16:00:00Z) only; S11 at 15:59:59Z is 12-31. */
  const gint64 states_1[LD_SUGGESTION_N_STATES] = { 0, 0, 0, 0, 0, 1, 0, 0 };

  suggestion_figures (fixture, "2026-03-31", "2026-03-31", 0, 0, &figures);
  /* Assigned 03-31: S4, answered on its due date, not evaluated. */
  g_assert_cmpint (figures.assigned, ==, 1);
  g_assert_cmpint (figures.answered, ==, 1);
  g_assert_cmpint (figures.answered_on_time, ==, 1);
  g_assert_cmpint (figures.rated, ==, 0);
  g_assert_cmpint (figures.solved, ==, 0);
  g_assert_cmpint (class_count (&figures, fixture->class_d), ==, 1);
  assert_suggestion_states (&figures, states_31);
  assert_rate (ld_suggestion_figures_reply_rate (&figures), 1.0, "100.0%");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), 1.0, "100.0%");
  /* Nothing rated: no satisfaction rate, rather than 0 %. */
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), NAN, "—");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), 0.0, "0.0%");
  ld_suggestion_figures_clear (&figures);

  suggestion_figures (fixture, "2026-01-01", "2026-01-01", 0, 0, &figures);
  /* Assigned 01-01: S1 (A, satisfied, on time). */
  g_assert_cmpint (figures.assigned, ==, 1);
  g_assert_cmpint (figures.satisfied, ==, 1);
  g_assert_cmpint (figures.solved, ==, 1);
  assert_suggestion_states (&figures, states_1);
  ld_suggestion_figures_clear (&figures);

  suggestion_figures (fixture, "2026-04-01", "2026-04-30", 0, 0, &figures);
  /* April: S12 assigned 04-01, answered on time, class B. Nothing was created in April
   * except S5 (04-01 00:00 local), assigned. */
  g_assert_cmpint (figures.assigned, ==, 1);
  g_assert_cmpint (figures.answered_on_time, ==, 1);
  g_assert_cmpint (class_count (&figures, fixture->class_b), ==, 1);
  g_assert_cmpint (figures.by_state[LD_SUGGESTION_ASSIGNED], ==, 1);
  ld_suggestion_figures_clear (&figures);
}

static void
test_suggestions_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  LdSuggestionFigures figures;
  const gint64 none[LD_SUGGESTION_N_STATES] = { 0 };

  suggestion_figures (fixture, "2027-01-01", "2027-12-31", 0, 0, &figures);
  g_assert_cmpint (figures.assigned, ==, 0);
  g_assert_cmpint (figures.answered, ==, 0);
  g_assert_cmpint (figures.answered_on_time, ==, 0);
  g_assert_cmpint (figures.rated, ==, 0);
  g_assert_cmpint (figures.satisfied, ==, 0);
  g_assert_cmpint (figures.basically_satisfied, ==, 0);
  g_assert_cmpint (figures.dissatisfied, ==, 0);
  g_assert_cmpint (figures.solved, ==, 0);
  g_assert_cmpint (g_hash_table_size (figures.by_class), ==, 0);
  assert_suggestion_states (&figures, none);
  assert_rate (ld_suggestion_figures_reply_rate (&figures), NAN, "—");
  assert_rate (ld_suggestion_figures_on_time_rate (&figures), NAN, "—");
  assert_rate (ld_suggestion_figures_satisfaction_rate (&figures), NAN, "—");
  assert_rate (ld_suggestion_figures_solved_rate (&figures), NAN, "—");
  ld_suggestion_figures_clear (&figures);

  /* A deputy with nothing in a busy period is empty too. */
  exec_sql (fixture, "INSERT INTO deputies (id, station_id, name, level) "
                     "VALUES (4, 2, '赵敏', 'township')");
  suggestion_figures (fixture, "2026-01-01", "2026-03-31", 0, 4, &figures);
  g_assert_cmpint (figures.assigned, ==, 0);
  assert_suggestion_states (&figures, none);
  assert_rate (ld_suggestion_figures_reply_rate (&figures), NAN, "—");
  ld_suggestion_figures_clear (&figures);
}

static void
test_invalid_period (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdReportPeriod period = { "2026-02-30", "2026-03-31", 0, 0 };
  LdSuggestionFigures figures;
  LdConcernFigures concerns;

  g_assert_false (ld_report_suggestion_figures (fixture->store, &period, &figures, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_null (figures.by_class);
  g_clear_error (&error);

  period.from = "2026-01-01";
  period.to = "2026-3-31";
  g_assert_false (ld_report_concern_figures (fixture->store, &period, &concerns, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_cmpint (concerns.received, ==, 0);
}

static void
test_concerns_quarter (Fixture       *fixture,
                       gconstpointer  data)
{
  LdConcernFigures figures;
  /* Received 01-01 … 03-31 local: C1 registered (01-01 00:00 local); C3 answered; C4
   * redirected; C5 referred; C11 converted (03-31 23:00 local); C6 in progress; C7 concluded;
   * C8, C13, C15 feedback given; C9, C16 closed. Not C2 (12-31 23:59:59 local), C17 (04-01
   * 00:00 local), C10 (04-01 01:00 local), C12, C14. */
  const gint64 states[LD_CONCERN_N_STATES] = { 1, 1, 1, 1, 1, 1, 1, 3, 2 };

  concern_figures (fixture, "2026-01-01", "2026-03-31", 0, 0, &figures);
  g_assert_cmpint (figures.received, ==, 12);
  assert_concern_states (&figures, states);
  /* Concluded 01-01 … 03-31 whenever received: C2 (01-05), C7 (03-31), C8, C9, C12 (01-01),
   * C13; not C14 (12-31). */
  g_assert_cmpint (figures.concluded, ==, 6);
  /* Feedback 01-01 … 03-31: C2 satisfied, C8 basically, C9 dissatisfied, C13 satisfied (03-31),
   * C15 without an answer; not C12 (04-01). */
  g_assert_cmpint (figures.feedback_given, ==, 5);
  g_assert_cmpint (figures.satisfied, ==, 2);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 1);
}

static void
test_concerns_station (Fixture       *fixture,
                       gconstpointer  data)
{
  LdConcernFigures figures;
  /* Station 1 received in the quarter: C1, C3, C4, C5, C6, C7, C8, C9, C15, C16. */
  const gint64 states[LD_CONCERN_N_STATES] = { 1, 1, 1, 1, 0, 1, 1, 2, 2 };

  concern_figures (fixture, "2026-01-01", "2026-03-31", 1, 0, &figures);
  g_assert_cmpint (figures.received, ==, 10);
  assert_concern_states (&figures, states);
  /* C2, C7, C8, C9. */
  g_assert_cmpint (figures.concluded, ==, 4);
  /* C2 satisfied, C8 basically, C9 dissatisfied, C15 none. */
  g_assert_cmpint (figures.feedback_given, ==, 4);
  g_assert_cmpint (figures.satisfied, ==, 1);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 1);
}

static void
test_concerns_deputy (Fixture       *fixture,
                      gconstpointer  data)
{
  LdConcernFigures figures;
  /* 张伟 received C1 registered, C4 redirected, C7 concluded, C8 and C13 (station 2, also
   * 王芳's) feedback given in the quarter; C2 and C10 fall outside. */
  const gint64 states[LD_CONCERN_N_STATES] = { 1, 0, 1, 0, 0, 0, 1, 2, 0 };

  concern_figures (fixture, "2026-01-01", "2026-03-31", 0, 1, &figures);
  g_assert_cmpint (figures.received, ==, 5);
  assert_concern_states (&figures, states);
  /* C2, C7, C8, C13. */
  g_assert_cmpint (figures.concluded, ==, 4);
  /* C2 satisfied, C8 basically, C13 satisfied. */
  g_assert_cmpint (figures.feedback_given, ==, 3);
  g_assert_cmpint (figures.satisfied, ==, 2);
  g_assert_cmpint (figures.basically_satisfied, ==, 1);
  g_assert_cmpint (figures.dissatisfied, ==, 0);

  /* 张伟 at station 2: C13 only. */
  concern_figures (fixture, "2026-01-01", "2026-03-31", 2, 1, &figures);
  g_assert_cmpint (figures.received, ==, 1);
  g_assert_cmpint (figures.by_state[LD_CONCERN_FEEDBACK_GIVEN], ==, 1);
  g_assert_cmpint (figures.concluded, ==, 1);
  g_assert_cmpint (figures.feedback_given, ==, 1);
}

/* Received at 2026-03-31T17:00:00Z is 1 April in China, as the concerns list files it. */
static void
test_concerns_local_day (Fixture       *fixture,
                         gconstpointer  data)
{
  LdConcernFigures figures;

  concern_figures (fixture, "2026-03-31", "2026-03-31", 0, 0, &figures);
  /* 03-31 local: C11 (15:00Z, 23:00 local); not C10 nor C17, although their UTC date is
   * 03-31. */
  g_assert_cmpint (figures.received, ==, 1);
  g_assert_cmpint (figures.by_state[LD_CONCERN_CONVERTED], ==, 1);
  g_assert_cmpint (figures.by_state[LD_CONCERN_REGISTERED], ==, 0);
  /* Concluded 03-31: C7; feedback 03-31: C13, satisfied. */
  g_assert_cmpint (figures.concluded, ==, 1);
  g_assert_cmpint (figures.feedback_given, ==, 1);
  g_assert_cmpint (figures.satisfied, ==, 1);

  concern_figures (fixture, "2026-04-01", "2026-04-01", 0, 0, &figures);
  /* 04-01 local: C17 (03-31T16:00:00Z, local midnight) and C10. Feedback 04-01: C12
   * satisfied; nothing concluded. */
  g_assert_cmpint (figures.received, ==, 2);
  g_assert_cmpint (figures.by_state[LD_CONCERN_ANSWERED], ==, 1);
  g_assert_cmpint (figures.by_state[LD_CONCERN_REGISTERED], ==, 1);
  g_assert_cmpint (figures.concluded, ==, 0);
  g_assert_cmpint (figures.feedback_given, ==, 1);
  g_assert_cmpint (figures.satisfied, ==, 1);

  concern_figures (fixture, "2026-01-01", "2026-01-01", 0, 0, &figures);
  /* 01-01 local: C1 (2025-12-31T16:00:00Z); not C2 one second earlier. Concluded: C12. */
  g_assert_cmpint (figures.received, ==, 1);
  g_assert_cmpint (figures.by_state[LD_CONCERN_REGISTERED], ==, 1);
  g_assert_cmpint (figures.concluded, ==, 1);
  g_assert_cmpint (figures.feedback_given, ==, 0);
}

static void
test_concerns_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  LdConcernFigures figures;
  const gint64 none[LD_CONCERN_N_STATES] = { 0 };

  concern_figures (fixture, "2027-01-01", "2027-12-31", 0, 0, &figures);
  g_assert_cmpint (figures.received, ==, 0);
  assert_concern_states (&figures, none);
  g_assert_cmpint (figures.concluded, ==, 0);
  g_assert_cmpint (figures.feedback_given, ==, 0);
  g_assert_cmpint (figures.satisfied, ==, 0);
  g_assert_cmpint (figures.basically_satisfied, ==, 0);
  g_assert_cmpint (figures.dissatisfied, ==, 0);
}

/* Suggestions by the deputy's role, submitted in the quarter (submitted_date, see the table's
 * assignments: 张伟 leads S2 01-10, S4 03-30 (S1 was submitted 2025-12-20, S9 is a draft) and
 * co-signs S6 02-20; 李娜 leads S3, S5, S10, S13, S14 (not S11, 2025-12-30) and co-signs S1
 * (2025). */
static void
test_deputy_suggestions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdReportPeriod period = { "2026-01-01", "2026-03-31", 0, 1 };
  LdDeputySuggestionCounts counts;

  g_assert_true (ld_report_deputy_suggestions (fixture->store, &period, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.led, ==, 2);
  g_assert_cmpint (counts.co_signed, ==, 1);

  period.deputy_id = 2;
  g_assert_true (ld_report_deputy_suggestions (fixture->store, &period, &counts, &error));
  g_assert_cmpint (counts.led, ==, 5);
  g_assert_cmpint (counts.co_signed, ==, 0);

  /* Everyone: those 7 leads and 王芳's S6, S7, S8, S12; the one co-signature S6. */
  period.deputy_id = 0;
  g_assert_true (ld_report_deputy_suggestions (fixture->store, &period, &counts, &error));
  g_assert_cmpint (counts.led, ==, 11);
  g_assert_cmpint (counts.co_signed, ==, 1);

  /* Station 2: S6, S7, S8, S12 led; S6 co-signed. */
  period.station_id = 2;
  g_assert_true (ld_report_deputy_suggestions (fixture->store, &period, &counts, &error));
  g_assert_cmpint (counts.led, ==, 4);
  g_assert_cmpint (counts.co_signed, ==, 1);
}

/*
 * Events of the quarter and the deputies' part in them:
 *   E1 2026-01-15 reception_day held       张伟 on duty, attended; 李娜 on duty, on leave
 *   E2 2026-03-31 reception_day planned    张伟 on duty                 (last day counts)
 *   E3 2026-02-10 visit_village held       张伟 attended; 王芳 attended (station 2)
 *   E4 2026-02-11 visit_enterprise cancelled  张伟 attended            (cancelled: not counted)
 *   E5 2025-12-31 reception_day held       张伟 on duty, attended      (outside)
 *   E6 2026-04-01 duty planned             李娜 on duty                 (outside)
 *   E7 2026-03-01 duty held (station 2)    王芳 on duty, attended
 */
static void
test_event_figures (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdReportPeriod period = { "2026-01-01", "2026-03-31", 0, 1 };
  LdEventFigures figures;
  int reception = ld_report_event_kind_index ("reception_day");
  int duty = ld_report_event_kind_index ("duty");
  int village = ld_report_event_kind_index ("visit_village");
  int enterprise = ld_report_event_kind_index ("visit_enterprise");

  g_assert_cmpint (reception, ==, 0);
  g_assert_cmpint (ld_report_event_kind_index ("council"), ==, 8);
  g_assert_cmpint (ld_report_event_kind_index ("nonsense"), ==, -1);

  exec_sql (fixture,
            "INSERT INTO events (id, station_id, kind, status, event_date) VALUES "
            "(1, 1, 'reception_day', 'held', '2026-01-15'),"
            "(2, 1, 'reception_day', 'planned', '2026-03-31'),"
            "(3, 2, 'visit_village', 'held', '2026-02-10'),"
            "(4, 1, 'visit_enterprise', 'cancelled', '2026-02-11'),"
            "(5, 1, 'reception_day', 'held', '2025-12-31'),"
            "(6, 1, 'duty', 'planned', '2026-04-01'),"
            "(7, 2, 'duty', 'held', '2026-03-01');"
            "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
            "(1, 1, 'on_duty'), (1, 1, 'attended'), (1, 2, 'on_duty'), (1, 2, 'on_leave'),"
            "(2, 1, 'on_duty'), (3, 1, 'attended'), (3, 3, 'attended'), (4, 1, 'attended'),"
            "(5, 1, 'on_duty'), (5, 1, 'attended'), (6, 2, 'on_duty'),"
            "(7, 3, 'on_duty'), (7, 3, 'attended');");

  /* 张伟: on duty E1, E2; attended E1; visits E3 (not E4). */
  g_assert_true (ld_report_event_figures (fixture->store, &period, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.on_duty[reception], ==, 2);
  g_assert_cmpint (figures.attended[reception], ==, 1);
  g_assert_cmpint (figures.on_leave[reception], ==, 0);
  g_assert_cmpint (figures.attended[village], ==, 1);
  g_assert_cmpint (figures.attended[enterprise], ==, 0);
  g_assert_cmpint (ld_event_figures_visits (figures.attended), ==, 1);

  /* 李娜: on duty and on leave at E1; E6 is April. */
  period.deputy_id = 2;
  g_assert_true (ld_report_event_figures (fixture->store, &period, &figures, &error));
  g_assert_cmpint (figures.on_duty[reception], ==, 1);
  g_assert_cmpint (figures.on_leave[reception], ==, 1);
  g_assert_cmpint (figures.attended[reception], ==, 0);
  g_assert_cmpint (figures.on_duty[duty], ==, 0);

  /* Everyone: reception on duty 张伟 E1, E2, 李娜 E1; attended 张伟 E1; on leave 李娜;
   * village visits 张伟 and 王芳 at E3; duty 王芳 E7. */
  period.deputy_id = 0;
  g_assert_true (ld_report_event_figures (fixture->store, &period, &figures, &error));
  g_assert_cmpint (figures.on_duty[reception], ==, 3);
  g_assert_cmpint (figures.attended[reception], ==, 1);
  g_assert_cmpint (figures.on_leave[reception], ==, 1);
  g_assert_cmpint (figures.attended[village], ==, 2);
  g_assert_cmpint (figures.attended[duty], ==, 1);

  /* Station 2: E3 and E7 only. */
  period.station_id = 2;
  g_assert_true (ld_report_event_figures (fixture->store, &period, &figures, &error));
  g_assert_cmpint (figures.on_duty[reception], ==, 0);
  g_assert_cmpint (figures.attended[village], ==, 2);
  g_assert_cmpint (figures.on_duty[duty], ==, 1);

  /* A period that is not two dates. */
  period.from = "2026-13-01";
  g_assert_false (ld_report_event_figures (fixture->store, &period, &figures, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
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

  g_test_add_func ("/report/rate-format", test_rate_format);
  ADD ("/report/suggestions-quarter", test_suggestions_quarter);
  ADD ("/report/suggestions-solved-class", test_suggestions_solved_class);
  ADD ("/report/suggestions-station", test_suggestions_station);
  ADD ("/report/suggestions-deputy", test_suggestions_deputy);
  ADD ("/report/suggestions-boundaries", test_suggestions_boundaries);
  ADD ("/report/suggestions-empty", test_suggestions_empty);
  ADD ("/report/invalid-period", test_invalid_period);
  ADD ("/report/concerns-quarter", test_concerns_quarter);
  ADD ("/report/concerns-station", test_concerns_station);
  ADD ("/report/concerns-deputy", test_concerns_deputy);
  ADD ("/report/concerns-local-day", test_concerns_local_day);
  ADD ("/report/concerns-empty", test_concerns_empty);
  ADD ("/report/deputy-suggestions", test_deputy_suggestions);
  ADD ("/report/event-figures", test_event_figures);

  return g_test_run ();
}

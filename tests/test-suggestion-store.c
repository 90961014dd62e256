/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-suggestion-store"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-concern-store.h"
#include "ld-context.h"
#include "ld-phone.h"
#include "ld-store.h"
#include "ld-suggestion-store.h"
#include "ld-test-util.h"

/*
 * Deputy suggestions against a real database file: built from concerns, which are converted in
 * the same transaction or not at all; the whole life from draft to closed with its deadlines in
 * calendar months and the return window in working days across Spring Festival; answers flow
 * back to every originating concern (feedback owed) and to the suggestions merged with it;
 * carried-over answers enter the rolling ledger once per year; the list filters, sorts and
 * searches in SQL; every step the workflow does not allow is refused with nothing written.
 */

#define OPERATOR "联络员小王"

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  gint64      concern_category;
  gint64      channel;
  gint64      category;            /* a suggestion category */
  gint64      class_a, class_b, class_c, class_d;
  gint64      unit_a, unit_b, unit_c;
  gint64      deputy_a, deputy_b, deputy_c;
  GPtrArray  *changes;             /* "kind:id" of every ::changed */
} Fixture;

/* ------------------------------------------------------------------ fixture */

static gboolean
changed_contains (Fixture    *fixture,
                  const char *kind,
                  gint64      id)
{
  g_autofree char *wanted = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);

  for (guint i = 0; i < fixture->changes->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->changes, i), wanted))
      return TRUE;
  return FALSE;
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
  fixture->changes = ld_test_record_changes (fixture->store);

  exec_sql (fixture, "INSERT INTO deputies (station_id, name, level) VALUES "
                     "(1, '张伟', 'district'), (1, '李娜', 'district'), (1, '王芳', 'municipal')");
  exec_sql (fixture, "INSERT INTO units (name) VALUES ('区住建局'), ('区交通运输局'), "
                     "('水果湖街道办事处')");
  fixture->deputy_a = 1;
  fixture->deputy_b = 2;
  fixture->deputy_c = 3;
  fixture->unit_a = 1;
  fixture->unit_b = 2;
  fixture->unit_c = 3;
  fixture->concern_category = query_int (fixture, "SELECT id FROM concern_categories "
                                                  "WHERE seed_key = 'transport'");
  fixture->channel = query_int (fixture, "SELECT id FROM channels WHERE seed_key = 'reception_day'");
  fixture->category = query_int (fixture, "SELECT id FROM suggestion_categories "
                                          "WHERE seed_key = 'social_development'");
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
  g_ptr_array_unref (fixture->changes);
}

/* ------------------------------------------------------------------ helpers */

static gint64
register_concern (Fixture    *fixture,
                  const char *subject)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GError) error = NULL;

  ld_concern_set_received_at (concern, "2026-03-10T02:00:00Z");
  ld_concern_set_channel_id (concern, fixture->channel);
  ld_concern_set_category_id (concern, fixture->concern_category);
  ld_concern_set_subject (concern, subject);
  ld_concern_set_resident_name (concern, "陈阿姨");
  g_assert_true (ld_concern_store_register (fixture->store, concern, 0, OPERATOR, &error));
  g_assert_no_error (error);
  return ld_concern_get_id (concern);
}

static LdSuggestion *
make_suggestion (Fixture    *fixture,
                 const char *title,
                 const char *submitted_date)
{
  LdSuggestion *suggestion = ld_suggestion_new ();

  ld_suggestion_set_title (suggestion, title);
  ld_suggestion_set_content (suggestion, "建议有关部门统筹研究，尽快解决。");
  ld_suggestion_set_category_id (suggestion, fixture->category);
  ld_suggestion_set_lead_deputy_id (suggestion, fixture->deputy_a);
  ld_suggestion_set_submitted_date (suggestion, submitted_date);
  return suggestion;
}

static gint64
create (Fixture      *fixture,
        LdSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_suggestion_store_create (fixture->store, suggestion, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_suggestion_get_id (suggestion), >, 0);
  return ld_suggestion_get_id (suggestion);
}

static gint64
create_simple (Fixture    *fixture,
               const char *title,
               const char *submitted_date)
{
  g_autoptr(LdSuggestion) suggestion = make_suggestion (fixture, title, submitted_date);

  return create (fixture, suggestion);
}

static void
step (Fixture                      *fixture,
      gint64                        id,
      LdSuggestionAction            action,
      const LdSuggestionTransition *args)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_suggestion_store_transition (fixture->store, id, action, args, OPERATOR,
                                                 &error));
  g_assert_no_error (error);
}

static void
refused (Fixture                      *fixture,
         gint64                        id,
         LdSuggestionAction            action,
         const LdSuggestionTransition *args)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ld_suggestion_store_transition (fixture->store, id, action, args, OPERATOR,
                                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, !=, "");
}

static LdSuggestion *
get (Fixture *fixture,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  LdSuggestion *suggestion = ld_suggestion_store_get (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  return suggestion;
}

static LdSuggestionState
state_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(LdSuggestion) suggestion = get (fixture, id);

  return ld_suggestion_get_state (suggestion);
}

static LdConcernState
concern_state (Fixture *fixture,
               gint64   id)
{
  g_autoptr(LdConcern) concern = ld_concern_store_get (fixture->store, id, NULL);

  g_assert_nonnull (concern);
  return ld_concern_get_state (concern);
}

static gint64
timeline_rows (Fixture *fixture)
{
  return query_int (fixture, "SELECT count(*) FROM timeline");
}

/* The last timeline entry of concern @id, described. */
static char *
last_concern_entry (Fixture    *fixture,
                    gint64      id,
                    const char *action)
{
  g_autoptr(GPtrArray) timeline = ld_concern_store_timeline (fixture->store, id, NULL);
  const LdTimelineEntry *entry;

  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->len, >, 0);
  entry = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (entry->action, ==, action);
  return ld_timeline_entry_describe (entry);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static GArray *
query_ids (Fixture                 *fixture,
           const LdSuggestionQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = ld_suggestion_store_query_ids (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpint (ld_suggestion_store_count (fixture->store, query, NULL), ==, ids->len);
  return ids;
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n_expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (got, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  if (ids->len != n_expected
      || (n_expected > 0 && memcmp (ids->data, expected, n_expected * sizeof (gint64)) != 0))
    {
      g_autoptr(GString) want = g_string_new (NULL);

      for (guint i = 0; i < n_expected; i++)
        g_string_append_printf (want, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", expected[i]);
      g_test_fail_printf ("ids %s, expected %s", got->str, want->str);
    }
}

#define ASSERT_IDS(ids, ...) \
  G_STMT_START { \
    const gint64 expected_[] = { __VA_ARGS__ }; \
    assert_ids ((ids), expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

/* Brings a new suggestion to assigned, on @assigned_date, to unit A. */
static gint64
create_assigned (Fixture    *fixture,
                 const char *title,
                 const char *submitted_date,
                 const char *assigned_date)
{
  gint64 id = create_simple (fixture, title, submitted_date);
  LdSuggestionTransition assign = { .unit_id = fixture->unit_a, .date = assigned_date };

  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &assign);
  return id;
}

static void
answer (Fixture    *fixture,
        gint64      id,
        gint64      class_id,
        const char *date)
{
  LdSuggestionTransition args = { .answer_class_id = class_id, .date = date,
                                  .answer_text = "已列入年度计划，正在组织实施。" };

  step (fixture, id, LD_SUGGESTION_ACTION_ANSWER, &args);
}

/* ------------------------------------------------------------------ records */

static void
test_create_from_concerns (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 concerns[3];
  g_autoptr(LdSuggestion) suggestion = make_suggestion (fixture, "关于增设公交站台的建议",
                                                        "2026-03-20");
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autofree char *described = NULL;
  const gint64 co_signers[] = { fixture->deputy_b, fixture->deputy_c };
  gint64 id;

  concerns[0] = register_concern (fixture, "公交站太远");
  concerns[1] = register_concern (fixture, "站台没有遮雨棚");
  concerns[2] = register_concern (fixture, "老人候车没有座椅");
  ld_suggestion_set_concern_ids (suggestion, concerns, 3);
  ld_suggestion_set_co_signer_ids (suggestion, co_signers, 2);
  ld_suggestion_set_number (suggestion, "第0031号");
  g_ptr_array_set_size (fixture->changes, 0);

  id = create (fixture, suggestion);

  /* A submitted date makes it submitted at once; the record is complete when read back. */
  g_assert_cmpint (ld_suggestion_get_state (suggestion), ==, LD_SUGGESTION_SUBMITTED);
  g_assert_cmpuint (strlen (ld_suggestion_get_uuid (suggestion)), ==, 36);
  g_assert_nonnull (ld_suggestion_get_created_at (suggestion));
  loaded = get (fixture, id);
  g_assert_true (ld_suggestion_equal (loaded, suggestion));
  g_assert_cmpstr (ld_suggestion_get_lead_deputy_name (loaded), ==, "张伟");
  g_assert_cmpstr (ld_suggestion_get_number_display (loaded), ==, "第0031号");
  g_assert_nonnull (ld_suggestion_get_category_name (loaded));
  g_assert_cmpuint (ld_suggestion_get_co_signer_ids (loaded)->len, ==, 2);

  /* Each concern is converted, with the step on its own timeline. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpint (concern_state (fixture, concerns[i]), ==, LD_CONCERN_CONVERTED);
      text = last_concern_entry (fixture, concerns[i], "convert");
      g_assert_cmpstr (text, ==, "Converted into a deputy suggestion");
      g_assert_true (changed_contains (fixture, "concern", concerns[i]));
      linked = ld_suggestion_store_for_concern (fixture->store, concerns[i], NULL);
      g_assert_cmpuint (linked->len, ==, 1);
      g_assert_cmpint (g_array_index (linked, gint64, 0), ==, id);
      g_clear_pointer (&linked, g_array_unref);
    }
  g_assert_true (changed_contains (fixture, "suggestion", id));

  timeline = ld_suggestion_store_timeline (fixture->store, id, NULL);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpstr (((LdTimelineEntry *) g_ptr_array_index (timeline, 0))->action, ==, "create");
  g_assert_cmpint (((LdTimelineEntry *) g_ptr_array_index (timeline, 0))->to_state, ==,
                   LD_SUGGESTION_SUBMITTED);
  g_assert_cmpstr (((LdTimelineEntry *) g_ptr_array_index (timeline, 0))->operator, ==, OPERATOR);
  described = ld_suggestion_timeline_describe (g_ptr_array_index (timeline, 0));
  g_assert_cmpstr (described, ==, "Recorded");

  /* Without a submitted date it is a draft. */
  g_assert_cmpint (state_of (fixture, create_simple (fixture, "关于路灯的建议", NULL)), ==,
                   LD_SUGGESTION_DRAFT);
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdSuggestion) suggestion = make_suggestion (fixture, "关于增设公交站台的建议",
                                                        "2026-03-20");
  g_autoptr(LdSuggestion) invalid = make_suggestion (fixture, "  ", NULL);
  g_autoptr(GError) error = NULL;
  LdConcernTransition refer = { .unit_id = fixture->unit_a, .date = "2026-03-11" };
  gint64 open_concern = register_concern (fixture, "公交站太远");
  gint64 referred = register_concern (fixture, "站台没有遮雨棚");
  gint64 concerns[2] = { open_concern, referred };
  gint64 rows;

  g_assert_true (ld_concern_store_transition (fixture->store, referred, LD_CONCERN_ACTION_REFER,
                                              &refer, OPERATOR, NULL));
  rows = timeline_rows (fixture);
  g_ptr_array_set_size (fixture->changes, 0);

  /* A concern already referred to a unit cannot become a suggestion: the message names it and
   * nothing is written, not even the conversion of the other concern. */
  ld_suggestion_set_concern_ids (suggestion, concerns, 2);
  g_assert_false (ld_suggestion_store_create (fixture->store, suggestion, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "2026-0002"));
  g_clear_error (&error);
  g_assert_cmpint (ld_suggestion_get_id (suggestion), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestions"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestion_concerns"), ==, 0);
  g_assert_cmpint (concern_state (fixture, open_concern), ==, LD_CONCERN_REGISTERED);
  g_assert_cmpint (concern_state (fixture, referred), ==, LD_CONCERN_REFERRED);
  g_assert_cmpint (timeline_rows (fixture), ==, rows);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* The form's rule, and who did it. */
  g_assert_false (ld_suggestion_store_create (fixture->store, invalid, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  ld_suggestion_set_concern_ids (suggestion, concerns, 1);
  g_assert_false (ld_suggestion_store_create (fixture->store, suggestion, "  ", &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestions"), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LdSuggestion) suggestion = make_suggestion (fixture, "关于增设公交站台的建议",
                                                        "2026-03-20");
  g_autoptr(LdSuggestion) edit = NULL;
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  LdSuggestionTransition assign = { .unit_id = fixture->unit_a, .date = "2026-03-25" };
  gint64 first = register_concern (fixture, "公交站太远");
  gint64 second = register_concern (fixture, "站台没有遮雨棚");
  gint64 both[2] = { first, second };
  gint64 rows, id;

  ld_suggestion_set_concern_ids (suggestion, both, 1);
  id = create (fixture, suggestion);

  /* Nothing changed: nothing written. */
  rows = timeline_rows (fixture);
  edit = ld_suggestion_copy (suggestion);
  g_assert_true (ld_suggestion_store_update (fixture->store, edit, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timeline_rows (fixture), ==, rows);

  /* A new concern is converted; the edit lists what changed. */
  ld_suggestion_set_title (edit, "关于在水果湖路增设公交站台的建议");
  ld_suggestion_set_key_supervision (edit, TRUE);
  ld_suggestion_set_supervisor (edit, "区人大常委会");
  ld_suggestion_set_concern_ids (edit, both, 2);
  g_assert_true (ld_suggestion_store_update (fixture->store, edit, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (concern_state (fixture, second), ==, LD_CONCERN_CONVERTED);
  loaded = get (fixture, id);
  g_assert_true (ld_suggestion_equal (loaded, edit));
  g_assert_true (ld_suggestion_get_key_supervision (loaded));
  timeline = ld_suggestion_store_timeline (fixture->store, id, NULL);
  described = ld_suggestion_timeline_describe (g_ptr_array_index (timeline, timeline->len - 1));
  g_assert_cmpstr (described, ==, "Edited: title, key supervision, supervisor, concerns");

  /* Once assigned, a concern stays with the suggestion. */
  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &assign);
  g_clear_object (&edit);
  edit = get (fixture, id);
  ld_suggestion_set_concern_ids (edit, both, 1);
  g_assert_false (ld_suggestion_store_update (fixture->store, edit, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestion_concerns"), ==, 2);

  /* Nor can it lose its lead unit; another may take over. */
  ld_suggestion_set_concern_ids (edit, both, 2);
  ld_suggestion_set_lead_unit_id (edit, 0);
  g_assert_false (ld_suggestion_store_update (fixture->store, edit, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  ld_suggestion_set_lead_unit_id (edit, fixture->unit_c);
  g_assert_true (ld_suggestion_store_update (fixture->store, edit, OPERATOR, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  g_assert_cmpstr (ld_suggestion_get_lead_unit_name (loaded), ==, "水果湖街道办事处");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestion_units"), ==, 1);
}

/* ------------------------------------------------------------------ workflow */

static void
test_life (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 co_units[] = { fixture->unit_b };
  LdSuggestionTransition submit = { .date = "2026-11-20" };
  LdSuggestionTransition assign = { .unit_id = fixture->unit_a, .co_unit_ids = co_units,
                                    .n_co_unit_ids = 1, .date = "2026-11-30" };
  LdSuggestionTransition no_class = { .answer_text = "已答复", .date = "2027-01-15" };
  LdSuggestionTransition dissatisfied = { .evaluation = "dissatisfied", .date = "2027-01-20" };
  LdSuggestionTransition rehandle = { .date = "2027-01-21", .note = "代表对答复不满意" };
  LdSuggestionTransition satisfied = { .evaluation = "satisfied", .date = "2027-02-15" };
  static const char * const expected[] = {
    "Recorded", "Submitted", "Assigned to 区住建局, due 2027-02-28", "Answered: B: Being solved",
    /* B is still being solved: next year's rolling ledger. */
    "Carried into rolling supervision, follow-up due 2028-06-30",
    "Evaluated by the deputies: Dissatisfied", "Handled again, due 2027-02-21",
    "Answered: A: Solved or basically solved", "Evaluated by the deputies: Satisfied", "Closed",
  };
  gint64 id = create_simple (fixture, "关于整治水果湖路占道经营的建议", NULL);

  g_assert_cmpint (state_of (fixture, id), ==, LD_SUGGESTION_DRAFT);
  step (fixture, id, LD_SUGGESTION_ACTION_SUBMIT, &submit);
  g_assert_cmpint (state_of (fixture, id), ==, LD_SUGGESTION_SUBMITTED);

  /* Assigned on 30 November: due three calendar months later, on the last day of February. */
  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &assign);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_ASSIGNED);
  g_assert_cmpstr (ld_suggestion_get_assigned_date (loaded), ==, "2026-11-30");
  g_assert_cmpstr (ld_suggestion_get_initial_due_date (loaded), ==, "2027-02-28");
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2027-02-28");
  g_assert_cmpint (ld_suggestion_get_lead_unit_id (loaded), ==, fixture->unit_a);
  g_assert_cmpstr (ld_suggestion_get_lead_unit_name (loaded), ==, "区住建局");
  g_assert_cmpuint (ld_suggestion_get_co_unit_ids (loaded)->len, ==, 1);
  /* The co-handling unit owes its opinion within one month. */
  g_assert_cmpint (query_int (fixture, "SELECT opinion_due_date = '2026-12-30' FROM "
                                       "suggestion_units WHERE role = 'co'"), ==, 1);

  /* An answer needs its class. */
  g_assert_false (ld_suggestion_store_transition (fixture->store, id, LD_SUGGESTION_ACTION_ANSWER,
                                                  &no_class, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  answer (fixture, id, fixture->class_b, "2027-01-15");
  step (fixture, id, LD_SUGGESTION_ACTION_EVALUATE, &dissatisfied);
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_EVALUATED);
  g_assert_cmpstr (ld_suggestion_get_evaluation (loaded), ==, "dissatisfied");
  g_assert_cmpstr (ld_suggestion_get_answer_class_name (loaded), ==, "B: Being solved");

  /* After 不满意: handled again, a new reply due within one month. */
  step (fixture, id, LD_SUGGESTION_ACTION_REHANDLE, &rehandle);
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_REHANDLING);
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2027-02-21");
  g_assert_cmpstr (ld_suggestion_get_initial_due_date (loaded), ==, "2027-02-28");
  g_assert_cmpuint (ld_suggestion_get_rehandling_count (loaded), ==, 1);

  answer (fixture, id, fixture->class_a, "2027-02-10");
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  /* A new answer waits for a new evaluation. */
  g_assert_null (ld_suggestion_get_evaluation (loaded));
  g_assert_cmpstr (ld_suggestion_get_answer_date (loaded), ==, "2027-02-10");
  step (fixture, id, LD_SUGGESTION_ACTION_EVALUATE, &satisfied);

  /* Handled again only after 不满意. */
  refused (fixture, id, LD_SUGGESTION_ACTION_REHANDLE, NULL);
  step (fixture, id, LD_SUGGESTION_ACTION_CLOSE, NULL);
  g_assert_cmpint (state_of (fixture, id), ==, LD_SUGGESTION_CLOSED);

  timeline = ld_suggestion_store_timeline (fixture->store, id, NULL);
  g_assert_cmpuint (timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < timeline->len; i++)
    {
      LdTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *text = ld_suggestion_timeline_describe (entry);

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_cmpstr (entry->operator, ==, OPERATOR);
    }
  g_assert_cmpint (((LdTimelineEntry *) g_ptr_array_index (timeline, 6))->from_state, ==,
                   LD_SUGGESTION_EVALUATED);
  g_assert_cmpint (((LdTimelineEntry *) g_ptr_array_index (timeline, 6))->to_state, ==,
                   LD_SUGGESTION_REHANDLING);
  g_assert_cmpstr (((LdTimelineEntry *) g_ptr_array_index (timeline, 6))->note, ==,
                   "代表对答复不满意");

  /* A closed suggestion is not edited any more. */
  ld_suggestion_set_title (loaded, "改个标题");
  g_assert_false (ld_suggestion_store_update (fixture->store, loaded, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
test_return_window (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GError) error = NULL;
  LdSuggestionTransition no_reason = { .date = "2026-02-27" };
  /* Seven working days after Thursday 12 February 2026: 13 and the make-up Saturday 14, then
   * Spring Festival until the 23rd, then 24 to 27 and the make-up Saturday 28. */
  LdSuggestionTransition inside = { .date = "2026-02-27", .reason = "不属于本单位职责" };
  LdSuggestionTransition last_day = { .date = "2026-02-28", .reason = "不属于本单位职责" };
  LdSuggestionTransition outside = { .date = "2026-03-02", .reason = "不属于本单位职责" };
  LdSuggestionTransition before = { .date = "2026-02-11", .reason = "不属于本单位职责" };
  LdSuggestionTransition reassign = { .unit_id = fixture->unit_b, .date = "2026-03-03" };
  gint64 id = create_assigned (fixture, "关于老旧小区加装电梯的建议", "2026-02-10", "2026-02-12");
  gint64 other = create_assigned (fixture, "关于背街小巷改造的建议", "2026-02-10", "2026-02-12");
  gint64 rows;

  /* A reason is needed. */
  g_assert_false (ld_suggestion_store_transition (fixture->store, id, LD_SUGGESTION_ACTION_RETURN,
                                                  &no_reason, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Outside the window, or before the assignment: refused, and nothing written. */
  rows = timeline_rows (fixture);
  g_assert_false (ld_suggestion_store_transition (fixture->store, id, LD_SUGGESTION_ACTION_RETURN,
                                                  &outside, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "2026-02-28"));
  g_clear_error (&error);
  refused (fixture, id, LD_SUGGESTION_ACTION_RETURN, &before);
  g_assert_cmpint (timeline_rows (fixture), ==, rows);
  g_assert_cmpint (state_of (fixture, id), ==, LD_SUGGESTION_ASSIGNED);

  /* Inside it, across the holiday, and on its last day. */
  step (fixture, id, LD_SUGGESTION_ACTION_RETURN, &inside);
  step (fixture, other, LD_SUGGESTION_ACTION_RETURN, &last_day);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_RETURNED);
  g_assert_cmpstr (ld_suggestion_get_returned_date (loaded), ==, "2026-02-27");
  g_assert_cmpstr (ld_suggestion_get_return_reason (loaded), ==, "不属于本单位职责");

  /* Then it is assigned again, with a new clock. */
  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &reassign);
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_ASSIGNED);
  g_assert_cmpint (ld_suggestion_get_lead_unit_id (loaded), ==, fixture->unit_b);
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2026-06-03");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM suggestion_units WHERE "
                                       "suggestion_id = 1"), ==, 1);
}

static void
test_extension (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GError) error = NULL;
  LdSuggestionTransition no_reason = { .due_date = "2027-03-31", .date = "2027-02-01" };
  LdSuggestionTransition earlier = { .due_date = "2027-02-28", .reason = "需协调多部门",
                                     .date = "2027-02-01" };
  LdSuggestionTransition past_limit = { .due_date = "2027-05-29", .reason = "需协调多部门",
                                        .date = "2027-02-01" };
  LdSuggestionTransition extend = { .due_date = "2027-04-30", .reason = "需协调多部门",
                                    .date = "2027-02-01" };
  LdSuggestionTransition to_limit = { .due_date = "2027-05-28", .reason = "资金待批复",
                                      .date = "2027-04-20" };
  gint64 id = create_assigned (fixture, "关于修缮社区活动中心的建议", "2026-11-20", "2026-11-28");

  g_assert_false (ld_suggestion_store_transition (fixture->store, id, LD_SUGGESTION_ACTION_EXTEND,
                                                  &no_reason, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Due 2027-02-28: an extension moves it later, at most three months past it. */
  refused (fixture, id, LD_SUGGESTION_ACTION_EXTEND, &earlier);
  refused (fixture, id, LD_SUGGESTION_ACTION_EXTEND, &past_limit);
  step (fixture, id, LD_SUGGESTION_ACTION_EXTEND, &extend);
  loaded = get (fixture, id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_ASSIGNED);
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2027-04-30");
  g_assert_cmpstr (ld_suggestion_get_initial_due_date (loaded), ==, "2027-02-28");
  g_assert_cmpstr (ld_suggestion_get_extension_date (loaded), ==, "2027-02-01");
  g_assert_cmpstr (ld_suggestion_get_extension_reason (loaded), ==, "需协调多部门");

  /* The limit counts from the first due date, not from the extended one. */
  step (fixture, id, LD_SUGGESTION_ACTION_EXTEND, &to_limit);
  refused (fixture, id, LD_SUGGESTION_ACTION_EXTEND, &past_limit);
  g_clear_object (&loaded);
  loaded = get (fixture, id);
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2027-05-28");

  timeline = ld_suggestion_store_timeline (fixture->store, id, NULL);
  described = ld_suggestion_timeline_describe (g_ptr_array_index (timeline, timeline->len - 1));
  g_assert_cmpstr (described, ==, "Extended, now due 2027-05-28");
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LdSuggestion) merged = NULL;
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *described = NULL;
  g_autofree char *concern_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 main_id = create_assigned (fixture, "关于治理水果湖周边噪音的建议", "2026-04-01",
                                    "2026-04-10");
  g_autoptr(LdSuggestion) second = make_suggestion (fixture, "关于夜间施工扰民的建议",
                                                    "2026-04-02");
  gint64 concern = register_concern (fixture, "夜间施工噪音大");
  gint64 other_id, third_id;
  LdSuggestionTransition merge = { .merge_into = main_id };
  LdSuggestionTransition merge_self = { 0 };
  LdSuggestionTransition merge_chain = { 0 };

  ld_suggestion_set_lead_deputy_id (second, fixture->deputy_b);
  ld_suggestion_set_concern_ids (second, &concern, 1);
  other_id = create (fixture, second);
  third_id = create_simple (fixture, "关于广场舞噪音的建议", "2026-04-03");
  merge_self.merge_into = other_id;
  merge_chain.merge_into = other_id;

  /* Not with itself, nor with one that is merged itself. */
  g_assert_false (ld_suggestion_store_transition (fixture->store, other_id,
                                                  LD_SUGGESTION_ACTION_MERGE, &merge_self,
                                                  OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  step (fixture, other_id, LD_SUGGESTION_ACTION_MERGE, &merge);
  g_assert_cmpint (state_of (fixture, other_id), ==, LD_SUGGESTION_SUBMITTED);
  refused (fixture, third_id, LD_SUGGESTION_ACTION_MERGE, &merge_chain);
  timeline = ld_suggestion_store_timeline (fixture->store, other_id, NULL);
  described = ld_suggestion_timeline_describe (g_ptr_array_index (timeline, timeline->len - 1));
  g_assert_cmpstr (described, ==, "Merged with 关于治理水果湖周边噪音的建议");
  g_clear_pointer (&timeline, g_ptr_array_unref);

  /* The main one's answer is every merged one's, down to its concerns. */
  g_ptr_array_set_size (fixture->changes, 0);
  answer (fixture, main_id, fixture->class_a, "2026-06-20");
  merged = get (fixture, other_id);
  g_assert_cmpint (ld_suggestion_get_state (merged), ==, LD_SUGGESTION_ANSWERED);
  g_assert_cmpint (ld_suggestion_get_merged_into (merged), ==, main_id);
  g_assert_cmpstr (ld_suggestion_get_answer_date (merged), ==, "2026-06-20");
  g_assert_cmpint (ld_suggestion_get_answer_class_id (merged), ==, fixture->class_a);
  g_assert_cmpstr (ld_suggestion_get_answer_text (merged), ==, "已列入年度计划，正在组织实施。");
  g_assert_cmpstr (ld_suggestion_get_assigned_date (merged), ==, "2026-04-10");
  g_assert_true (changed_contains (fixture, "suggestion", other_id));
  g_assert_true (changed_contains (fixture, "concern", concern));
  concern_text = last_concern_entry (fixture, concern, "suggestion_answered");
  g_assert_cmpstr (concern_text, ==, "Suggestion answered: A: Solved or basically solved");
  timeline = ld_suggestion_store_timeline (fixture->store, other_id, NULL);
  g_assert_cmpstr (((LdTimelineEntry *) g_ptr_array_index (timeline, timeline->len - 1))->action,
                   ==, "answer");

  /* The one not merged is untouched. */
  loaded = get (fixture, third_id);
  g_assert_cmpint (ld_suggestion_get_state (loaded), ==, LD_SUGGESTION_SUBMITTED);
  g_assert_null (ld_suggestion_get_answer_date (loaded));
}

static void
test_feedback_owed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LdSuggestion) suggestion = make_suggestion (fixture, "关于增设公交站台的建议",
                                                        "2026-03-20");
  g_autoptr(GArray) owed = NULL;
  LdSuggestionTransition assign = { .unit_id = fixture->unit_b, .date = "2026-03-25" };
  LdConcernTransition feedback = { .satisfaction = "satisfied", .date = "2026-07-02" };
  gint64 concerns[3];
  gint64 id;

  concerns[0] = register_concern (fixture, "公交站太远");
  concerns[1] = register_concern (fixture, "站台没有遮雨棚");
  concerns[2] = register_concern (fixture, "老人候车没有座椅");
  ld_suggestion_set_concern_ids (suggestion, concerns, 3);
  id = create (fixture, suggestion);
  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &assign);

  /* Before the answer nobody is owed anything. */
  owed = ld_suggestion_store_feedback_owed (fixture->store, 0, NULL);
  g_assert_cmpuint (owed->len, ==, 0);
  g_clear_pointer (&owed, g_array_unref);

  answer (fixture, id, fixture->class_b, "2026-06-30");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = last_concern_entry (fixture, concerns[i], "suggestion_answered");

      g_assert_cmpstr (text, ==, "Suggestion answered: B: Being solved");
      g_assert_cmpint (concern_state (fixture, concerns[i]), ==, LD_CONCERN_CONVERTED);
    }
  owed = ld_suggestion_store_feedback_owed (fixture->store, 0, NULL);
  ASSERT_IDS (owed, concerns[0], concerns[1], concerns[2]);
  g_clear_pointer (&owed, g_array_unref);
  owed = ld_suggestion_store_feedback_owed (fixture->store, 1, NULL);
  g_assert_cmpuint (owed->len, ==, 3);
  g_clear_pointer (&owed, g_array_unref);
  owed = ld_suggestion_store_feedback_owed (fixture->store, 2, NULL);
  g_assert_cmpuint (owed->len, ==, 0);
  g_clear_pointer (&owed, g_array_unref);

  /* The clerk tells one resident: that one leaves the list. */
  g_assert_true (ld_concern_store_transition (fixture->store, concerns[1],
                                              LD_CONCERN_ACTION_GIVE_FEEDBACK, &feedback,
                                              OPERATOR, NULL));
  owed = ld_suggestion_store_feedback_owed (fixture->store, 0, NULL);
  ASSERT_IDS (owed, concerns[0], concerns[2]);
}

static void
test_rolling (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(LdSuggestion) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  LdSuggestionQuery rolling_only = { .rolling_only = TRUE };
  gint64 being_solved = create_assigned (fixture, "关于建设口袋公园的建议", "2026-03-01",
                                         "2026-03-02");
  gint64 solved = create_assigned (fixture, "关于路灯维修的建议", "2026-03-01", "2026-03-02");
  gint64 planned = create_assigned (fixture, "关于扩建菜市场的建议", "2026-03-01", "2026-03-02");
  gint64 followed = create_assigned (fixture, "关于增设停车场的建议", "2026-03-01", "2026-03-02");
  LdRollingEntry *entry;
  gint64 rows;

  /* B in 2026: in the ledger of 2027 at once, its follow-up due by 30 June. */
  answer (fixture, being_solved, fixture->class_b, "2026-06-15");
  answer (fixture, solved, fixture->class_a, "2026-06-15");
  answer (fixture, planned, fixture->class_c, "2026-07-15");
  answer (fixture, followed, fixture->class_b, "2026-08-15");
  ledger = ld_suggestion_store_rolling (fixture->store, 2027, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 3);
  entry = g_ptr_array_index (ledger, 0);
  g_assert_cmpint (entry->suggestion_id, ==, being_solved);
  g_assert_cmpuint (entry->year, ==, 2027);
  g_assert_cmpstr (entry->followup_due_date, ==, "2027-06-30");
  g_assert_null (entry->followup_date);
  g_assert_cmpint (entry->answer_class_id, ==, 0);
  loaded = get (fixture, being_solved);
  g_assert_true (ld_suggestion_get_rolling (loaded));
  g_clear_object (&loaded);
  loaded = get (fixture, solved);
  g_assert_false (ld_suggestion_get_rolling (loaded));
  ids = query_ids (fixture, &rolling_only);
  ASSERT_IDS (ids, being_solved, planned, followed);
  g_clear_pointer (&ids, g_array_unref);

  /* The year-end run finds them all there already. */
  g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2026, OPERATOR, &error), ==, 0);
  g_assert_no_error (error);

  /* 2027's follow-ups: still planned (C) enters 2028 at once, solved (A) does not; one never
   * reported. */
  for (guint i = 0; i < ledger->len; i++)
    {
      LdRollingEntry *row = g_ptr_array_index (ledger, i);

      if (row->suggestion_id == being_solved)
        g_assert_true (ld_suggestion_store_record_followup (fixture->store, row->id, "2027-06-20",
                                                            fixture->class_c, "二期工程施工中",
                                                            OPERATOR, &error));
      else if (row->suggestion_id == followed)
        g_assert_true (ld_suggestion_store_record_followup (fixture->store, row->id, "2027-06-25",
                                                            fixture->class_a, "已建成投用",
                                                            OPERATOR, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&ledger, g_ptr_array_unref);
  ledger = ld_suggestion_store_rolling (fixture->store, 2028, 0, NULL);
  g_assert_cmpuint (ledger->len, ==, 1);
  g_assert_cmpint (((LdRollingEntry *) g_ptr_array_index (ledger, 0))->suggestion_id, ==,
                   being_solved);
  g_assert_cmpstr (((LdRollingEntry *) g_ptr_array_index (ledger, 0))->followup_due_date, ==,
                   "2028-06-30");
  g_clear_pointer (&ledger, g_ptr_array_unref);

  /* The run for 2027 adds the one without a follow-up, once. */
  rows = timeline_rows (fixture);
  g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2027, OPERATOR, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (timeline_rows (fixture), ==, rows + 1);
  g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2027, OPERATOR, &error), ==, 0);
  g_assert_cmpint (timeline_rows (fixture), ==, rows + 1);
  ledger = ld_suggestion_store_rolling (fixture->store, 2028, 0, NULL);
  g_assert_cmpuint (ledger->len, ==, 2);
  g_assert_cmpint (((LdRollingEntry *) g_ptr_array_index (ledger, 1))->suggestion_id, ==, planned);
  g_clear_pointer (&ledger, g_ptr_array_unref);

  /* The classes are the locality's data: once its "D" also carries over, the next run carries
   * a follow-up of that class too. */
  {
    gint64 kept = create_assigned (fixture, "关于规划社区食堂的建议", "2026-03-01", "2026-03-02");
    gint64 entry_id;
    g_autofree char *sql = NULL;

    answer (fixture, kept, fixture->class_c, "2026-05-01");
    sql = g_strdup_printf ("SELECT id FROM rolling_supervision WHERE year = 2027 "
                           "AND suggestion_id = %" G_GINT64_FORMAT, kept);
    entry_id = query_int (fixture, sql);
    g_assert_true (ld_suggestion_store_record_followup (fixture->store, entry_id, "2027-06-28",
                                                        fixture->class_d, "留作参考", OPERATOR,
                                                        &error));
    g_assert_no_error (error);
    g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2027, OPERATOR, NULL), ==, 0);
    exec_sql (fixture, "UPDATE answer_classes SET carry_over = 1 WHERE seed_key = 'D'");
    g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2027, OPERATOR, NULL), ==, 1);
    g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2027, OPERATOR, NULL), ==, 0);
    exec_sql (fixture, "UPDATE answer_classes SET carry_over = 0 WHERE seed_key = 'D'");
  }

  /* The whole ledger, and a station with none. */
  ledger = ld_suggestion_store_rolling (fixture->store, 0, 0, NULL);
  g_assert_cmpuint (ledger->len, ==, 7);
  g_clear_pointer (&ledger, g_ptr_array_unref);
  ledger = ld_suggestion_store_rolling (fixture->store, 0, 2, NULL);
  g_assert_cmpuint (ledger->len, ==, 0);
  g_clear_pointer (&ledger, g_ptr_array_unref);

  /* A locality's own follow-up date, clamped in a common year. */
  exec_sql (fixture, "UPDATE settings SET value = '02-29' "
                     "WHERE key = 'suggestion.rolling_followup_due'");
  answer (fixture, create_assigned (fixture, "关于改造农贸市场的建议", "2026-03-01", "2026-03-02"),
          fixture->class_c, "2026-09-01");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rolling_supervision "
                                       "WHERE year = 2027 AND followup_due_date = '2027-02-28'"),
                   ==, 1);
}

/* The ledger rows of @id by year, "2027:2027-06-30:-" or, once reported,
 * "2027:2027-06-30:2027-06-20" — comma-separated. */
static char *
dup_rows_of (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  rows = ld_suggestion_store_rolling_for (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      LdRollingEntry *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->suggestion_id, ==, id);
      g_string_append_printf (text, "%s%u:%s:%s", i > 0 ? "," : "", row->year,
                              row->followup_due_date, row->followup_date ? row->followup_date : "-");
    }
  return g_string_free (text, FALSE);
}

/* One suggestion's ledger rows, by year whatever the follow-up due dates, and none for one that
 * was never carried over. */
static void
test_rolling_for (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 planned = create_assigned (fixture, "关于扩建菜市场的建议", "2026-03-01", "2026-03-02");
  gint64 solved = create_assigned (fixture, "关于路灯维修的建议", "2026-03-01", "2026-03-02");
  gint64 other = create_assigned (fixture, "关于建设口袋公园的建议", "2026-03-01", "2026-03-02");
  g_autofree char *rows = NULL;
  gint64 entry_id;
  g_autofree char *sql = NULL;

  answer (fixture, planned, fixture->class_c, "2026-07-15");
  answer (fixture, solved, fixture->class_a, "2026-07-15");
  answer (fixture, other, fixture->class_b, "2026-07-20");
  sql = g_strdup_printf ("SELECT id FROM rolling_supervision WHERE year = 2027 "
                         "AND suggestion_id = %" G_GINT64_FORMAT, planned);
  entry_id = query_int (fixture, sql);
  g_assert_true (ld_suggestion_store_record_followup (fixture->store, entry_id, "2027-06-20",
                                                      fixture->class_c, "一期已完工", OPERATOR,
                                                      NULL));
  /* A later year due earlier in its year still comes after: the order is the year's. */
  exec_sql (fixture, "UPDATE settings SET value = '01-31' "
                     "WHERE key = 'suggestion.rolling_followup_due'");
  g_assert_cmpint (ld_suggestion_store_carry_over (fixture->store, 2028, OPERATOR, NULL), ==, 1);

  rows = dup_rows_of (fixture, planned);
  g_assert_cmpstr (rows, ==, "2027:2027-06-30:2027-06-20,2028:2028-06-30:-,2029:2029-01-31:-");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, other);
  g_assert_cmpstr (rows, ==, "2027:2027-06-30:-");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, solved);
  g_assert_cmpstr (rows, ==, "");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, 9999);
  g_assert_cmpstr (rows, ==, "");

  /* It reads the ledger on an index, not by scanning it. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM pragma_index_list('rolling_supervision') "
                                       "WHERE origin = 'u'"), >, 0);
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GString) plan = g_string_new (NULL);

    g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                         "EXPLAIN QUERY PLAN SELECT id, followup_due_date "
                                         "FROM rolling_supervision "
                                         "WHERE suggestion_id = 1 ORDER BY year",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    g_test_message ("plan: %s", plan->str);
    g_assert_nonnull (strstr (plan->str, "USING INDEX"));
    g_assert_nonnull (strstr (plan->str, "(suggestion_id=?)"));
    g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  }
}

/* Opening a database runs the year-end carry-over of the year before, by the context's clock
 * and with its operator: in January 2027 the 2026 answers and ledger rows still being solved
 * get their 2027 row if they lack it, and nothing else changes; the next opening adds none. */
static void
test_carry_over_on_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(LdContext) context = ld_context_new (settings);
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 1, 4, 9, 0, 0);
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *rows = NULL;
  const LdTimelineEntry *last;
  gint64 missed, followed, solved, unreported, done, total;

  /* Answered B in 2026, but its 2027 row is missing (written by a version before the ledger). */
  missed = create_assigned (fixture, "关于建设口袋公园的建议", "2026-03-01", "2026-03-02");
  answer (fixture, missed, fixture->class_b, "2026-06-15");
  sql = g_strdup_printf ("DELETE FROM rolling_supervision WHERE suggestion_id = %" G_GINT64_FORMAT,
                         missed);
  exec_sql (fixture, sql);
  /* Answered B in 2026, in the 2027 ledger, whose class-C follow-up entered it into 2028. */
  followed = create_assigned (fixture, "关于增设停车场的建议", "2026-03-01", "2026-03-02");
  answer (fixture, followed, fixture->class_b, "2026-08-15");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT id FROM rolling_supervision WHERE year = 2027 "
                         "AND suggestion_id = %" G_GINT64_FORMAT, followed);
  g_assert_true (ld_suggestion_store_record_followup (fixture->store, query_int (fixture, sql),
                                                      "2027-06-20", fixture->class_c,
                                                      "二期工程施工中", OPERATOR, NULL));
  /* Answered A: solved, never in the ledger. */
  solved = create_assigned (fixture, "关于路灯维修的建议", "2026-03-01", "2026-03-02");
  answer (fixture, solved, fixture->class_a, "2026-06-15");
  /* Answered B in 2025: in the 2026 ledger, never reported again — still being solved. */
  unreported = create_assigned (fixture, "关于扩建菜市场的建议", "2025-03-01", "2025-03-03");
  answer (fixture, unreported, fixture->class_b, "2025-05-10");
  /* Answered C in 2025, reported solved (A) in 2026: done. */
  done = create_assigned (fixture, "关于规划社区食堂的建议", "2025-03-01", "2025-03-03");
  answer (fixture, done, fixture->class_c, "2025-05-10");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT id FROM rolling_supervision WHERE year = 2026 "
                         "AND suggestion_id = %" G_GINT64_FORMAT, done);
  g_assert_true (ld_suggestion_store_record_followup (fixture->store, query_int (fixture, sql),
                                                      "2026-06-20", fixture->class_a, "已建成投用",
                                                      OPERATOR, NULL));
  total = query_int (fixture, "SELECT count(*) FROM rolling_supervision");
  g_assert_cmpint (total, ==, 4);

  g_settings_set_string (settings, "operator-name", "联络员小李");
  ld_context_set_fixed_now (context, now);
  ld_context_set_database (context, fixture->database);
  g_assert_true (ld_context_get_store (context) != NULL);

  /* Exactly the two rows still missing, due on the 2027 follow-up date. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rolling_supervision"), ==, total + 2);
  rows = dup_rows_of (fixture, missed);
  g_assert_cmpstr (rows, ==, "2027:2027-06-30:-");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, unreported);
  g_assert_cmpstr (rows, ==, "2026:2026-06-30:-,2027:2027-06-30:-");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, followed);
  g_assert_cmpstr (rows, ==, "2027:2027-06-30:2027-06-20,2028:2028-06-30:-");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, solved);
  g_assert_cmpstr (rows, ==, "");
  g_clear_pointer (&rows, g_free);
  rows = dup_rows_of (fixture, done);
  g_assert_cmpstr (rows, ==, "2026:2026-06-30:2026-06-20");
  g_clear_pointer (&rows, g_free);

  /* On the timeline with the operator of the context. */
  timeline = ld_suggestion_store_timeline (fixture->store, missed, NULL);
  g_assert_nonnull (timeline);
  last = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (last->action, ==, "carry_over");
  g_assert_cmpstr (last->operator, ==, "联络员小李");

  /* Every later opening finds them there. */
  ld_context_set_database (context, NULL);
  ld_context_set_database (context, fixture->database);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM rolling_supervision"), ==, total + 2);
  ld_context_set_database (context, NULL);
}

/* Every step the workflow does not allow from a state is refused there, with nothing written. */
static void
test_forbidden_transitions (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 by_state[LD_SUGGESTION_N_STATES];
  LdSuggestionTransition dissatisfied = { .evaluation = "dissatisfied", .date = "2026-07-01" };
  LdSuggestionTransition satisfied = { .evaluation = "satisfied", .date = "2026-07-01" };
  LdSuggestionTransition ret = { .reason = "不属于本单位职责", .date = "2026-03-03" };
  LdSuggestionTransition rehandle = { .date = "2026-07-02" };
  gint64 target = create_simple (fixture, "并案的主建议", "2026-03-01");
  guint n_refused = 0;

  by_state[LD_SUGGESTION_DRAFT] = create_simple (fixture, "草稿", NULL);
  by_state[LD_SUGGESTION_SUBMITTED] = create_simple (fixture, "已提出", "2026-03-01");
  by_state[LD_SUGGESTION_ASSIGNED] = create_assigned (fixture, "已交办", "2026-03-01",
                                                      "2026-03-02");
  by_state[LD_SUGGESTION_RETURNED] = create_assigned (fixture, "已退办", "2026-03-01",
                                                      "2026-03-02");
  step (fixture, by_state[LD_SUGGESTION_RETURNED], LD_SUGGESTION_ACTION_RETURN, &ret);
  by_state[LD_SUGGESTION_ANSWERED] = create_assigned (fixture, "已答复", "2026-03-01",
                                                      "2026-03-02");
  answer (fixture, by_state[LD_SUGGESTION_ANSWERED], fixture->class_a, "2026-06-01");
  by_state[LD_SUGGESTION_EVALUATED] = create_assigned (fixture, "已评价", "2026-03-01",
                                                       "2026-03-02");
  answer (fixture, by_state[LD_SUGGESTION_EVALUATED], fixture->class_a, "2026-06-01");
  step (fixture, by_state[LD_SUGGESTION_EVALUATED], LD_SUGGESTION_ACTION_EVALUATE, &satisfied);
  by_state[LD_SUGGESTION_REHANDLING] = create_assigned (fixture, "重新办理", "2026-03-01",
                                                        "2026-03-02");
  answer (fixture, by_state[LD_SUGGESTION_REHANDLING], fixture->class_d, "2026-06-01");
  step (fixture, by_state[LD_SUGGESTION_REHANDLING], LD_SUGGESTION_ACTION_EVALUATE,
        &dissatisfied);
  step (fixture, by_state[LD_SUGGESTION_REHANDLING], LD_SUGGESTION_ACTION_REHANDLE, &rehandle);
  by_state[LD_SUGGESTION_CLOSED] = create_assigned (fixture, "已办结", "2026-03-01", "2026-03-02");
  answer (fixture, by_state[LD_SUGGESTION_CLOSED], fixture->class_a, "2026-06-01");
  step (fixture, by_state[LD_SUGGESTION_CLOSED], LD_SUGGESTION_ACTION_CLOSE, NULL);

  for (int state = 0; state < LD_SUGGESTION_N_STATES; state++)
    {
      gint64 id = by_state[state];

      g_assert_cmpint (state_of (fixture, id), ==, state);
      for (int action = 0; action < LD_SUGGESTION_N_ACTIONS; action++)
        {
          /* Everything each action needs, so that only the state can refuse it. */
          const gint64 co_units[] = { fixture->unit_c };
          LdSuggestionTransition args = {
            .date = "2026-12-01", .note = "备注", .reason = "理由", .unit_id = fixture->unit_b,
            .co_unit_ids = co_units, .n_co_unit_ids = 1, .due_date = "2026-06-10",
            .answer_class_id = fixture->class_b, .answer_text = "答复内容",
            .evaluation = "dissatisfied", .merge_into = target,
          };
          LdSuggestionState to;
          gint64 rows;

          if (ld_workflow_suggestion_allows (state, action, &to))
            continue;
          rows = timeline_rows (fixture);
          refused (fixture, id, action, &args);
          g_assert_cmpint (state_of (fixture, id), ==, state);
          g_assert_cmpint (timeline_rows (fixture), ==, rows);
          n_refused++;
        }
    }
  /* The table is not empty of refusals: e.g. answering a draft, closing what was never
   * answered, merging a closed one. */
  g_assert_cmpuint (n_refused, >=, 40);
  {
    LdSuggestionTransition args = { .answer_class_id = fixture->class_a, .answer_text = "答复" };

    refused (fixture, by_state[LD_SUGGESTION_DRAFT], LD_SUGGESTION_ACTION_ANSWER, &args);
    refused (fixture, by_state[LD_SUGGESTION_SUBMITTED], LD_SUGGESTION_ACTION_CLOSE, NULL);
    refused (fixture, by_state[LD_SUGGESTION_CLOSED], LD_SUGGESTION_ACTION_ANSWER, &args);
  }

  /* A note is welcome everywhere. */
  for (int state = 0; state < LD_SUGGESTION_N_STATES; state++)
    {
      LdSuggestionTransition note = { .note = "电话联系了承办单位" };

      step (fixture, by_state[state], LD_SUGGESTION_ACTION_NOTE, &note);
      g_assert_cmpint (state_of (fixture, by_state[state]), ==, state);
    }
}

/* ------------------------------------------------------------------ lists */

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LdSuggestion) parking = make_suggestion (fixture, "关于老旧小区停车难的建议",
                                                     "2025-11-20");
  g_autoptr(LdSuggestion) traffic = make_suggestion (fixture, "关于缓解学校门口交通拥堵的建议",
                                                     "2026-03-01");
  g_autoptr(LdSuggestion) keyed = make_suggestion (fixture, "关于整治河道的建议", "2026-03-02");
  g_autoptr(LdSuggestion) draft = make_suggestion (fixture, "关于增设垃圾分类亭的建议", NULL);
  const gint64 co_signer_b[] = { fixture->deputy_b };
  LdSuggestionTransition assign_a = { .unit_id = fixture->unit_a, .date = "2026-03-10" };
  const gint64 co_unit_c[] = { fixture->unit_c };
  LdSuggestionTransition assign_b = { .unit_id = fixture->unit_b, .co_unit_ids = co_unit_c,
                                      .n_co_unit_ids = 1, .date = "2026-03-20" };
  gint64 p, t, k, d;

  ld_suggestion_set_content (parking, "小区内车位严重不足，\n建议利用边角地增设停车泊位。");
  ld_suggestion_set_number (parking, "第0123号");
  ld_suggestion_set_lead_deputy_id (parking, fixture->deputy_b);
  ld_suggestion_set_number (traffic, "第0007号");
  ld_suggestion_set_co_signer_ids (traffic, co_signer_b, 1);
  ld_suggestion_set_key_supervision (keyed, TRUE);
  ld_suggestion_set_lead_deputy_id (keyed, fixture->deputy_c);
  ld_suggestion_set_category_id (draft, 0);
  p = create (fixture, parking);
  t = create (fixture, traffic);
  k = create (fixture, keyed);
  d = create (fixture, draft);
  step (fixture, t, LD_SUGGESTION_ACTION_ASSIGN, &assign_a);   /* due 2026-06-10 */
  step (fixture, k, LD_SUGGESTION_ACTION_ASSIGN, &assign_b);   /* due 2026-06-20 */
  answer (fixture, k, fixture->class_b, "2026-06-01");

  /* Everything, newest first and oldest first. */
  {
    LdSuggestionQuery all_desc = { .descending = TRUE };

    ids = query_ids (fixture, NULL);
    ASSERT_IDS (ids, p, t, k, d);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &all_desc);
    ASSERT_IDS (ids, d, k, t, p);
    g_clear_pointer (&ids, g_array_unref);
  }

  /* By state, by deputy (lead or co-signer), by unit (lead or co), by category. */
  {
    LdSuggestionQuery states = { .state_mask = 1u << LD_SUGGESTION_ASSIGNED
                                               | 1u << LD_SUGGESTION_DRAFT };
    LdSuggestionQuery deputy_b = { .deputy_id = fixture->deputy_b };
    LdSuggestionQuery deputy_c = { .deputy_id = fixture->deputy_c };
    LdSuggestionQuery unit_c = { .unit_id = fixture->unit_c };
    LdSuggestionQuery unit_a = { .unit_id = fixture->unit_a };
    LdSuggestionQuery category = { .category_id = fixture->category };

    ids = query_ids (fixture, &states);
    ASSERT_IDS (ids, t, d);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &deputy_b);
    ASSERT_IDS (ids, p, t);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &deputy_c);
    ASSERT_IDS (ids, k);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &unit_c);
    ASSERT_IDS (ids, k);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &unit_a);
    ASSERT_IDS (ids, t);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &category);
    ASSERT_IDS (ids, p, t, k);
    g_clear_pointer (&ids, g_array_unref);
  }

  /* The year of the submitted date, else of the creation. */
  {
    LdSuggestionQuery y2025 = { .year = 2025 };
    LdSuggestionQuery y2026 = { .year = 2026 };
    LdSuggestionQuery this_year = { .year = (guint) g_date_time_get_year (now) };

    ids = query_ids (fixture, &y2025);
    ASSERT_IDS (ids, p);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &y2026);
    g_assert_true (ids_contain (ids, t) && ids_contain (ids, k) && !ids_contain (ids, p));
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &this_year);
    g_assert_true (ids_contain (ids, d));
    g_clear_pointer (&ids, g_array_unref);
  }

  /* Key supervision, rolling, overdue and due soon (on a given day). */
  {
    LdSuggestionQuery key = { .key_supervision_only = TRUE };
    LdSuggestionQuery rolling = { .rolling_only = TRUE };
    LdSuggestionQuery overdue = { .overdue_only = TRUE, .today = "2026-06-11" };
    LdSuggestionQuery not_yet = { .overdue_only = TRUE, .today = "2026-06-10" };
    LdSuggestionQuery soon = { .due_soon_only = TRUE, .today = "2026-06-04" };
    LdSuggestionQuery not_soon = { .due_soon_only = TRUE, .today = "2026-06-03" };

    ids = query_ids (fixture, &key);
    ASSERT_IDS (ids, k);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &rolling);
    ASSERT_IDS (ids, k);
    g_clear_pointer (&ids, g_array_unref);
    /* k is answered: its due date is no longer live. */
    ids = query_ids (fixture, &overdue);
    ASSERT_IDS (ids, t);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &not_yet);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &soon);
    ASSERT_IDS (ids, t);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &not_soon);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
  }

  /* Sorts: by number (those without last), state in workflow order, due date. */
  {
    LdSuggestionQuery by_number = { .sort = LD_SUGGESTION_SORT_NUMBER };
    LdSuggestionQuery by_state = { .sort = LD_SUGGESTION_SORT_STATE };
    LdSuggestionQuery by_due = { .sort = LD_SUGGESTION_SORT_DUE };
    LdSuggestionQuery by_due_desc = { .sort = LD_SUGGESTION_SORT_DUE, .descending = TRUE };

    ids = query_ids (fixture, &by_number);
    ASSERT_IDS (ids, t, p, d, k);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &by_state);
    ASSERT_IDS (ids, d, p, t, k);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &by_due);
    ASSERT_IDS (ids, t, k, d, p);
    g_clear_pointer (&ids, g_array_unref);
    ids = query_ids (fixture, &by_due_desc);
    ASSERT_IDS (ids, k, t, d, p);
    g_clear_pointer (&ids, g_array_unref);
  }

  /* Loading keeps the order asked for and skips what is gone. */
  {
    const gint64 wanted[] = { k, 999, p };
    g_autoptr(GPtrArray) rows = ld_suggestion_store_load (fixture->store, wanted, 3, NULL);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpint (ld_suggestion_get_id (g_ptr_array_index (rows, 0)), ==, k);
    g_assert_cmpstr (ld_suggestion_get_lead_unit_name (g_ptr_array_index (rows, 0)), ==,
                     "区交通运输局");
    g_assert_cmpstr (ld_suggestion_get_answer_class_name (g_ptr_array_index (rows, 0)), ==,
                     "B: Being solved");
    g_assert_true (ld_suggestion_get_rolling (g_ptr_array_index (rows, 0)));
    g_assert_cmpuint (ld_suggestion_get_co_unit_ids (g_ptr_array_index (rows, 0))->len, ==, 1);
    g_assert_cmpint (ld_suggestion_get_id (g_ptr_array_index (rows, 1)), ==, p);
    g_assert_cmpstr (ld_suggestion_get_lead_deputy_name (g_ptr_array_index (rows, 1)), ==,
                     "李娜");
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LdSuggestion) parking = make_suggestion (fixture, "关于老旧小区改造的建议",
                                                     "2026-03-01");
  g_autoptr(LdSuggestion) traffic = make_suggestion (fixture, "关于缓解学校门口交通拥堵的建议",
                                                     "2026-03-01");
  LdSuggestionQuery query = { 0 };
  gint64 p, t;

  ld_suggestion_set_content (parking, "小区内车位严重不足，\n建议利用边角地增设停车泊位。");
  ld_suggestion_set_number (parking, "第0123号");
  p = create (fixture, parking);
  t = create (fixture, traffic);

  /* Two characters, in the content and in the title. */
  query.search = "停车";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, p);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "拥堵";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, t);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "小区 车位";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, p);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "建议";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, p, t);
  g_clear_pointer (&ids, g_array_unref);

  /* The number on the reply letter, and one character (a scan, still exact). */
  query.search = "0123";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, p);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "堵";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, t);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "停车拥堵";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* An edit is found at once, the old words no more. */
  ld_suggestion_set_title (traffic, "关于错峰放学的建议");
  g_assert_true (ld_suggestion_store_update (fixture->store, traffic, OPERATOR, NULL));
  query.search = "拥堵";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "错峰";
  ids = query_ids (fixture, &query);
  ASSERT_IDS (ids, t);
}

/* ------------------------------------------------------------------ deadlines */

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  LdSuggestionDeadlines deadlines = { 0 };
  LdSuggestionDeadlines bad;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdSuggestion) loaded = NULL;
  LdSuggestionTransition assign = { .unit_id = fixture->unit_a, .date = "2026-01-31" };
  gint64 id;

  g_assert_true (ld_suggestion_store_get_deadlines (fixture->store, 1, &deadlines, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deadlines.answer_due_months, ==, 3);
  g_assert_cmpint (deadlines.co_unit_opinion_months, ==, 1);
  g_assert_cmpint (deadlines.return_working_days, ==, 7);
  g_assert_cmpint (deadlines.extension_max_months, ==, 3);
  g_assert_cmpint (deadlines.rehandling_months, ==, 1);
  g_assert_cmpint (deadlines.due_soon_days, ==, 7);

  bad = deadlines;
  bad.rehandling_months = 0;
  g_assert_false (ld_suggestion_store_set_deadlines (fixture->store, &bad, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* A locality that gives two months: the next assignment follows it. */
  deadlines.answer_due_months = 2;
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_true (ld_suggestion_store_set_deadlines (fixture->store, &deadlines, &error));
  g_assert_no_error (error);
  g_assert_true (changed_contains (fixture, "settings", 0));
  memset (&deadlines, 0, sizeof deadlines);
  g_assert_true (ld_suggestion_store_get_deadlines (fixture->store, 0, &deadlines, NULL));
  g_assert_cmpint (deadlines.answer_due_months, ==, 2);

  id = create_simple (fixture, "关于增设充电桩的建议", "2026-01-20");
  step (fixture, id, LD_SUGGESTION_ACTION_ASSIGN, &assign);
  loaded = get (fixture, id);
  g_assert_cmpstr (ld_suggestion_get_due_date (loaded), ==, "2026-03-31");

  /* A station's own setting wins over the default. */
  exec_sql (fixture, "INSERT INTO settings (station_id, key, value) "
                     "VALUES (1, 'suggestion.answer_due_months', '4')");
  g_assert_true (ld_suggestion_store_get_deadlines (fixture->store, 1, &deadlines, NULL));
  g_assert_cmpint (deadlines.answer_due_months, ==, 4);
  g_assert_true (ld_suggestion_store_get_deadlines (fixture->store, 0, &deadlines, NULL));
  g_assert_cmpint (deadlines.answer_due_months, ==, 2);
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/suggestion-store/create-from-concerns", test_create_from_concerns);
  ADD ("/suggestion-store/create-refused", test_create_refused);
  ADD ("/suggestion-store/update", test_update);
  ADD ("/suggestion-store/life", test_life);
  ADD ("/suggestion-store/return-window", test_return_window);
  ADD ("/suggestion-store/extension", test_extension);
  ADD ("/suggestion-store/merge", test_merge);
  ADD ("/suggestion-store/feedback-owed", test_feedback_owed);
  ADD ("/suggestion-store/rolling", test_rolling);
  ADD ("/suggestion-store/rolling-for", test_rolling_for);
  ADD ("/suggestion-store/carry-over-on-open", test_carry_over_on_open);
  ADD ("/suggestion-store/forbidden-transitions", test_forbidden_transitions);
  ADD ("/suggestion-store/query", test_query);
  ADD ("/suggestion-store/search", test_search);
  ADD ("/suggestion-store/deadlines", test_deadlines);

  return g_test_run ();
}

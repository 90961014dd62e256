/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-concern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ld-concern-store.h"
#include "ld-phone.h"
#include "ld-query-model.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * Concerns against a real database file: registering numbers them gap-free per station and
 * year (also with two writers at once), finds the returning resident by phone, and records the
 * timeline; the workflow moves only along its table and computes due dates in working days
 * across the published holidays; the list filters and sorts in SQL; drafts survive a killed
 * process.
 */

#define OPERATOR "联络员小王"

typedef struct
{
  char       *dir;
  char       *path;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  gint64      category;     /* urban construction */
  gint64      other_category;
  gint64      channel;      /* reception day */
  gint64      phone_channel;
  gint64      unit;
  gint64      deputy_a, deputy_b;
  guint       n_changed;
} Fixture;

/* ------------------------------------------------------------------ fixture */

static void
changed_cb (LdStore    *store,
            const char *kind,
            gint64      id,
            Fixture    *fixture)
{
  if (g_str_equal (kind, "concern"))
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
open_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->database = ld_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->db = ld_database_get_handle (fixture->database);
  fixture->store = ld_store_new (fixture->database);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
close_database (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  fixture->db = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ld_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  open_database (fixture);

  exec_sql (fixture, "INSERT INTO stations (name) VALUES ('水果湖代表联络站')");
  exec_sql (fixture, "INSERT INTO deputies (station_id, name, level) VALUES "
                     "(1, '张伟', 'district'), (1, '李娜', 'district')");
  exec_sql (fixture, "INSERT INTO units (name) VALUES ('区城管执法局')");
  fixture->deputy_a = 1;
  fixture->deputy_b = 2;
  fixture->unit = 1;
  fixture->category = query_int (fixture, "SELECT id FROM concern_categories "
                                          "WHERE seed_key = 'urban_construction'");
  fixture->other_category = query_int (fixture, "SELECT id FROM concern_categories "
                                                "WHERE seed_key = 'transport'");
  fixture->channel = query_int (fixture, "SELECT id FROM channels WHERE seed_key = 'reception_day'");
  fixture->phone_channel = query_int (fixture, "SELECT id FROM channels "
                                               "WHERE seed_key = 'phone_call'");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_database (fixture);
  ld_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------ helpers */

static LdConcern *
make_concern (Fixture    *fixture,
              const char *received_at,
              const char *subject,
              const char *name,
              const char *phone)
{
  LdConcern *concern = ld_concern_new ();
  gint64 deputies[] = { fixture->deputy_a };

  ld_concern_set_received_at (concern, received_at);
  ld_concern_set_channel_id (concern, fixture->channel);
  ld_concern_set_category_id (concern, fixture->category);
  ld_concern_set_subject (concern, subject);
  ld_concern_set_details (concern, "我家楼下那条路，一下雨就积水，\n老人孩子出门都很不方便。");
  ld_concern_set_resident_name (concern, name);
  ld_concern_set_resident_phone (concern, phone);
  ld_concern_set_deputy_ids (concern, deputies, G_N_ELEMENTS (deputies));
  return concern;
}

static LdConcern *
register_concern (Fixture    *fixture,
                  const char *received_at,
                  const char *subject,
                  const char *name,
                  const char *phone)
{
  g_autoptr(GError) error = NULL;
  LdConcern *concern = make_concern (fixture, received_at, subject, name, phone);

  g_assert_true (ld_concern_store_register (fixture->store, concern, 0, OPERATOR, &error));
  g_assert_no_error (error);
  return concern;
}

static void
transition (Fixture                   *fixture,
            gint64                     id,
            LdConcernAction            action,
            const LdConcernTransition *args)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_concern_store_transition (fixture->store, id, action, args, OPERATOR, &error));
  g_assert_no_error (error);
}

static GArray *
query_ids (Fixture              *fixture,
           const LdConcernQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = ld_concern_store_query_ids (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpint (ld_concern_store_count (fixture->store, query, NULL), ==, ids->len);
  return ids;
}

static LdConcernState
state_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(LdConcern) concern = ld_concern_store_get (fixture->store, id, NULL);

  g_assert_nonnull (concern);
  return ld_concern_get_state (concern);
}

/* ------------------------------------------------------------------ registering */

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LdConcern) first = NULL;
  g_autoptr(LdConcern) second = NULL;
  g_autoptr(LdConcern) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *description = NULL;

  first = register_concern (fixture, "2026-03-15T02:00:00Z", "小区门口路面积水", "张三",
                            "138 1234 5678");
  reference = ld_concern_dup_reference (first);
  g_assert_cmpstr (reference, ==, "2026-0001");
  g_assert_cmpint (ld_concern_get_state (first), ==, LD_CONCERN_REGISTERED);
  g_assert_cmpint (ld_concern_get_resident_id (first), >, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The same resident comes back: found by the phone, however it is written. */
  second = register_concern (fixture, "2026-03-16T02:00:00Z", "楼道路灯不亮", NULL,
                             "+86 13812345678");
  g_clear_pointer (&reference, g_free);
  reference = ld_concern_dup_reference (second);
  g_assert_cmpstr (reference, ==, "2026-0002");
  g_assert_cmpint (ld_concern_get_resident_id (second), ==, ld_concern_get_resident_id (first));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM residents"), ==, 1);

  loaded = ld_concern_store_get (fixture->store, ld_concern_get_id (first), NULL);
  g_assert_cmpstr (ld_concern_get_resident_name (loaded), ==, "张三");
  g_assert_cmpstr (ld_concern_get_resident_phone (loaded), ==, "13812345678");
  /* The resident's own words are kept exactly, newline included. */
  g_assert_cmpstr (ld_concern_get_details (loaded), ==,
                   "我家楼下那条路，一下雨就积水，\n老人孩子出门都很不方便。");
  g_assert_cmpuint (ld_concern_get_deputy_ids (loaded)->len, ==, 1);
  g_assert_nonnull (ld_concern_get_category_name (loaded));
  g_assert_nonnull (ld_concern_get_channel_name (loaded));

  timeline = ld_concern_store_timeline (fixture->store, ld_concern_get_id (first), NULL);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[0])->action, ==, "create");
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[0])->operator, ==, OPERATOR);
  description = ld_timeline_entry_describe (timeline->pdata[0]);
  g_assert_cmpstr (description, ==, "Registered");
}

/* The reference number follows the local year: 00:30 on New Year's Day in Beijing is still
 * 31 December in UTC. */
static void
test_reference_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdConcern) late = register_concern (fixture, "2025-12-31T15:30:00Z", "年末来信", NULL,
                                                NULL);
  g_autoptr(LdConcern) early = register_concern (fixture, "2025-12-31T16:30:00Z", "新年来电",
                                                 NULL, NULL);
  g_autoptr(LdConcern) next = register_concern (fixture, "2026-01-02T01:00:00Z", "第二封来信",
                                                NULL, NULL);
  g_autofree char *a = ld_concern_dup_reference (late);
  g_autofree char *b = ld_concern_dup_reference (early);
  g_autofree char *c = ld_concern_dup_reference (next);

  g_assert_cmpstr (a, ==, "2025-0001");
  g_assert_cmpstr (b, ==, "2026-0001");
  g_assert_cmpstr (c, ==, "2026-0002");
  /* Anonymous letters have no resident. */
  g_assert_cmpint (ld_concern_get_resident_id (late), ==, 0);
}

typedef struct
{
  Fixture *fixture;
  guint    n;
  guint    failures;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; i < writer->n; i++)
    {
      g_autoptr(LdConcern) concern = make_concern (writer->fixture, "2026-05-01T02:00:00Z",
                                                   "同时登记的诉求", NULL, NULL);
      g_autoptr(GError) error = NULL;

      if (!ld_concern_store_register (writer->fixture->store, concern, 0, OPERATOR, &error))
        writer->failures++;
    }
  return NULL;
}

/* Two windows saving at the same moment (two threads on the shared connection): every number
 * is used once and none is skipped. */
static void
test_reference_concurrent (Fixture       *fixture,
                           gconstpointer  data)
{
  Writer a = { fixture, 150, 0 }, b = { fixture, 150, 0 };
  GThread *ta, *tb;

  ta = g_thread_new ("writer-a", writer_thread, &a);
  tb = g_thread_new ("writer-b", writer_thread, &b);
  g_thread_join (ta);
  g_thread_join (tb);

  g_assert_cmpuint (a.failures + b.failures, ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM concerns"), ==, 300);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT ref_seq) FROM concerns "
                                       "WHERE ref_year = 2026"), ==, 300);
  g_assert_cmpint (query_int (fixture, "SELECT min(ref_seq) FROM concerns"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT max(ref_seq) FROM concerns"), ==, 300);
}

/* A save that fails leaves nothing: no concern, no resident, no number used up. */
static void
test_register_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LdConcern) invalid = make_concern (fixture, "2026-03-15T02:00:00Z", "   ", "张三",
                                               "13812345678");
  g_autoptr(LdConcern) missing_deputy = make_concern (fixture, "2026-03-15T02:00:00Z",
                                                      "路灯坏了", "李四", "13900001111");
  g_autoptr(LdConcern) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  gint64 ghost[] = { 4242 };

  g_assert_false (ld_concern_store_register (fixture->store, invalid, 0, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* A deputy deleted while the form was open: the database refuses, in plain words. */
  ld_concern_set_deputy_ids (missing_deputy, ghost, 1);
  g_assert_false (ld_concern_store_register (fixture->store, missing_deputy, 0, OPERATOR, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ld_concern_get_id (missing_deputy), ==, 0);
  g_clear_error (&error);

  g_assert_false (ld_concern_store_register (fixture->store, invalid, 0, "  ", &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM concerns"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM residents"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM timeline"), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  good = register_concern (fixture, "2026-03-15T02:00:00Z", "路灯坏了", "李四", "13900001111");
  reference = ld_concern_dup_reference (good);
  g_assert_cmpstr (reference, ==, "2026-0001");
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LdConcern) concern = register_concern (fixture, "2026-03-15T02:00:00Z",
                                                   "小区门口路面积水", "张三", "13812345678");
  g_autoptr(LdConcern) edited = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  LdTimelineEntry *entry;

  edited = ld_concern_copy (concern);
  ld_concern_set_subject (edited, "小区门口路面严重积水");
  ld_concern_set_category_id (edited, fixture->other_category);
  g_assert_true (ld_concern_store_update (fixture->store, edited, OPERATOR, &error));
  g_assert_no_error (error);

  /* Saving again with nothing changed writes nothing. */
  g_assert_true (ld_concern_store_update (fixture->store, edited, OPERATOR, &error));

  timeline = ld_concern_store_timeline (fixture->store, ld_concern_get_id (concern), NULL);
  g_assert_cmpuint (timeline->len, ==, 2);
  entry = timeline->pdata[1];
  g_assert_cmpstr (entry->action, ==, "edit");
  g_assert_nonnull (strstr (entry->fields, "subject"));
  g_assert_nonnull (strstr (entry->fields, "category-id"));
  g_assert_null (strstr (entry->fields, "details"));
  g_assert_nonnull (strstr (entry->changes, "小区门口路面积水"));
  description = ld_timeline_entry_describe (entry);
  g_assert_nonnull (strstr (description, "subject"));

  g_clear_object (&concern);
  concern = ld_concern_store_get (fixture->store, ld_concern_get_id (edited), NULL);
  g_assert_cmpstr (ld_concern_get_subject (concern), ==, "小区门口路面严重积水");
}

/* ------------------------------------------------------------------ workflow */

static void
test_due_dates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *national_day = NULL;
  g_autofree char *mid_autumn = NULL;
  g_autofree char *general = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE concern_categories SET time_limit_days = 5 WHERE id = %"
                         G_GINT64_FORMAT, fixture->category);
  exec_sql (fixture, sql);

  /* Referred the day before the National Day week: 8, 9, the make-up Saturday 10, 12, 13. */
  national_day = ld_concern_store_due_date (fixture->store, fixture->category, "2026-09-30",
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (national_day, ==, "2026-10-13");

  /* Mid-Autumn (25–27 September 2026) falls in the first three working days' way. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE concern_categories SET time_limit_days = 3 WHERE id = %"
                         G_GINT64_FORMAT, fixture->category);
  exec_sql (fixture, sql);
  mid_autumn = ld_concern_store_due_date (fixture->store, fixture->category, "2026-09-24", NULL);
  g_assert_cmpstr (mid_autumn, ==, "2026-09-30");

  /* Without a limit of its own, the general one (15 working days) applies. */
  general = ld_concern_store_due_date (fixture->store, fixture->other_category, "2026-03-02",
                                       NULL);
  g_assert_cmpstr (general, ==, "2026-03-23");

  bad = ld_concern_store_due_date (fixture->store, fixture->category, "2026-02-30", &error);
  g_assert_null (bad);
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
}

/* A concern followed to the end: referred with a due date, taken up, concluded, the resident
 * told and dissatisfied, reopened, referred again, closed. */
static void
test_closing_the_loop (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LdConcern) concern = register_concern (fixture, "2026-09-29T02:00:00Z",
                                                   "路面积水", "张三", "13812345678");
  g_autoptr(LdConcern) loaded = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refer_text = NULL;
  g_autofree char *feedback_text = NULL;
  LdConcernTransition refer = { .unit_id = fixture->unit, .date = "2026-09-30" };
  LdConcernTransition conclude = { .outcome = "已疏通排水管道", .date = "2026-10-09" };
  LdConcernTransition feedback = { .satisfaction = "dissatisfied", .date = "2026-10-10" };
  LdConcernTransition reopen = { .note = "群众反映雨后仍有积水" };
  LdConcernTransition refer_again = { .unit_id = fixture->unit, .date = "2026-10-12" };
  gint64 id = ld_concern_get_id (concern);

  transition (fixture, id, LD_CONCERN_ACTION_REFER, &refer);
  loaded = ld_concern_store_get (fixture->store, id, NULL);
  g_assert_cmpint (ld_concern_get_state (loaded), ==, LD_CONCERN_REFERRED);
  g_assert_cmpstr (ld_concern_get_unit_name (loaded), ==, "区城管执法局");
  g_assert_cmpstr (ld_concern_get_referred_date (loaded), ==, "2026-09-30");
  /* 15 working days from 30 September, across the National Day week. */
  g_assert_cmpstr (ld_concern_get_due_date (loaded), ==, "2026-10-27");
  g_assert_true (ld_concern_is_overdue (loaded, "2026-10-28"));
  g_assert_false (ld_concern_is_overdue (loaded, "2026-10-27"));

  transition (fixture, id, LD_CONCERN_ACTION_CHASE, NULL);
  g_assert_cmpint (state_of (fixture, id), ==, LD_CONCERN_REFERRED);
  transition (fixture, id, LD_CONCERN_ACTION_START, NULL);

  /* An outcome is needed to conclude. */
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_CONCLUDE,
                                               NULL, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (state_of (fixture, id), ==, LD_CONCERN_IN_PROGRESS);

  transition (fixture, id, LD_CONCERN_ACTION_CONCLUDE, &conclude);
  transition (fixture, id, LD_CONCERN_ACTION_GIVE_FEEDBACK, &feedback);
  g_clear_object (&loaded);
  loaded = ld_concern_store_get (fixture->store, id, NULL);
  g_assert_cmpint (ld_concern_get_state (loaded), ==, LD_CONCERN_FEEDBACK_GIVEN);
  g_assert_cmpstr (ld_concern_get_satisfaction (loaded), ==, "dissatisfied");
  g_assert_cmpstr (ld_concern_get_outcome (loaded), ==, "已疏通排水管道");

  /* Reopening needs its reason, and clears the referral for a new course. */
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_REOPEN,
                                               NULL, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  transition (fixture, id, LD_CONCERN_ACTION_REOPEN, &reopen);
  g_clear_object (&loaded);
  loaded = ld_concern_store_get (fixture->store, id, NULL);
  g_assert_cmpint (ld_concern_get_state (loaded), ==, LD_CONCERN_REGISTERED);
  g_assert_null (ld_concern_get_due_date (loaded));

  transition (fixture, id, LD_CONCERN_ACTION_REFER, &refer_again);

  timeline = ld_concern_store_timeline (fixture->store, id, NULL);
  /* create, refer, chase, start, conclude, feedback, reopen, refer */
  g_assert_cmpuint (timeline->len, ==, 8);
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[1])->action, ==, "refer");
  g_assert_cmpint (((LdTimelineEntry *) timeline->pdata[1])->from_state, ==, LD_CONCERN_REGISTERED);
  g_assert_cmpint (((LdTimelineEntry *) timeline->pdata[1])->to_state, ==, LD_CONCERN_REFERRED);
  refer_text = ld_timeline_entry_describe (timeline->pdata[1]);
  g_assert_cmpstr (refer_text, ==, "Referred to 区城管执法局, due 2026-10-27");
  feedback_text = ld_timeline_entry_describe (timeline->pdata[5]);
  g_assert_nonnull (strstr (feedback_text, "Dissatisfied"));
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[6])->note, ==, "群众反映雨后仍有积水");
}

/* What the table forbids is refused by the store too, and changes nothing. */
static void
test_forbidden_transition (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LdConcern) concern = register_concern (fixture, "2026-03-15T02:00:00Z", "噪音扰民",
                                                   NULL, NULL);
  g_autoptr(GError) error = NULL;
  LdConcernTransition answer = { .outcome = "已当场解释相关政策" };
  LdConcernTransition redirect = { .redirect_reason = "litigation" };
  LdConcernTransition bad_reason = { .redirect_reason = "weather" };
  gint64 id = ld_concern_get_id (concern);
  guint before;

  before = (guint) query_int (fixture, "SELECT count(*) FROM timeline");
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_CONCLUDE,
                                               &answer, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_CLOSE,
                                               NULL, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_REDIRECT,
                                               &bad_reason, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM timeline"), ==, before);
  g_assert_cmpint (state_of (fixture, id), ==, LD_CONCERN_REGISTERED);

  transition (fixture, id, LD_CONCERN_ACTION_REDIRECT, &redirect);
  g_assert_cmpint (state_of (fixture, id), ==, LD_CONCERN_REDIRECTED);
  g_assert_false (ld_concern_store_transition (fixture->store, id, LD_CONCERN_ACTION_ANSWER,
                                               &answer, OPERATOR, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  transition (fixture, id, LD_CONCERN_ACTION_CLOSE, NULL);
  g_assert_cmpint (state_of (fixture, id), ==, LD_CONCERN_CLOSED);
}

/* A matter for the courts from the start is registered redirected in one step: with a reason
 * the store refuses, nothing is registered and no reference number is used up. */
static void
test_register_redirected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LdConcern) refused = make_concern (fixture, "2026-03-15T02:00:00Z", "邻里纠纷",
                                               "赵六", NULL);
  g_autoptr(LdConcern) redirected = make_concern (fixture, "2026-03-15T03:00:00Z", "劳动合同纠纷",
                                                  "赵六", NULL);
  g_autoptr(LdConcern) next = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;

  ld_concern_set_redirect_reason (refused, "weather");
  g_assert_false (ld_concern_store_register (fixture->store, refused, 0, OPERATOR, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ld_concern_get_id (refused), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM concerns"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM timeline"), ==, 0);

  ld_concern_set_redirect_reason (redirected, "litigation");
  g_assert_true (ld_concern_store_register (fixture->store, redirected, 0, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_concern_get_state (redirected), ==, LD_CONCERN_REDIRECTED);
  g_assert_cmpint (state_of (fixture, ld_concern_get_id (redirected)), ==, LD_CONCERN_REDIRECTED);
  g_assert_cmpuint (ld_concern_get_ref_seq (redirected), ==, 1);
  timeline = ld_concern_store_timeline (fixture->store, ld_concern_get_id (redirected), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[0])->action, ==, "create");
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[1])->action, ==, "redirect");
  g_assert_cmpstr (((LdTimelineEntry *) timeline->pdata[1])->reason, ==, "litigation");

  next = register_concern (fixture, "2026-03-15T04:00:00Z", "路灯不亮", NULL, NULL);
  g_assert_cmpint (ld_concern_get_state (next), ==, LD_CONCERN_REGISTERED);
  g_assert_cmpuint (ld_concern_get_ref_seq (next), ==, 2);
}

/* ------------------------------------------------------------------ the list */

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LdConcern) a = register_concern (fixture, "2026-03-01T02:00:00Z", "小区门口积水",
                                             "张三", "13812345678");
  g_autoptr(LdConcern) b = register_concern (fixture, "2026-03-02T02:00:00Z", "停车位不足",
                                             "李四", "13900001111");
  g_autoptr(LdConcern) c = make_concern (fixture, "2026-03-02T17:00:00Z", "夜间施工噪音",
                                         "王五", NULL);
  g_autoptr(LdConcern) d = register_concern (fixture, "2026-03-04T02:00:00Z", "路口积水严重",
                                             NULL, NULL);
  g_autoptr(GArray) ids = NULL;
  LdConcernTransition refer_early = { .unit_id = fixture->unit, .date = "2026-03-03" };
  LdConcernTransition refer_late = { .unit_id = fixture->unit, .date = "2026-03-05" };
  gint64 deputies[] = { fixture->deputy_b };
  LdConcernQuery query = { 0 };

  /* 01:00 on 3 March in Beijing. */
  ld_concern_set_confidential (c, TRUE);
  ld_concern_set_deputy_ids (c, deputies, 1);
  ld_concern_set_channel_id (c, fixture->phone_channel);
  g_assert_true (ld_concern_store_register (fixture->store, c, 0, OPERATOR, NULL));

  transition (fixture, ld_concern_get_id (b), LD_CONCERN_ACTION_REFER, &refer_late);
  transition (fixture, ld_concern_get_id (d), LD_CONCERN_ACTION_REFER, &refer_early);

  /* Newest first by default when descending. */
  query.descending = TRUE;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (d));
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, ld_concern_get_id (a));
  g_clear_pointer (&ids, g_array_unref);

  /* Two Chinese characters find both concerns about standing water, in subject or details. */
  query.search = "积水";
  query.descending = FALSE;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 4);   /* every concern's details say 积水 */
  g_clear_pointer (&ids, g_array_unref);
  query.search = "路口积水";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (d));
  g_clear_pointer (&ids, g_array_unref);
  /* The resident's name is searched too; one character is still found. */
  query.search = "李四";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  query.search = "噪";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (c));
  g_clear_pointer (&ids, g_array_unref);
  query.search = NULL;

  /* Local dates: received at 01:00 on 3 March Beijing time. */
  query.from_date = "2026-03-03";
  query.to_date = "2026-03-03";
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (c));
  g_clear_pointer (&ids, g_array_unref);
  query.from_date = query.to_date = NULL;

  query.confidential_only = TRUE;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  query.confidential_only = FALSE;

  query.deputy_id = fixture->deputy_b;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  query.deputy_id = 0;

  query.channel_id = fixture->phone_channel;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  query.channel_id = 0;

  query.state_mask = 1u << LD_CONCERN_REFERRED;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  query.state_mask = 0;

  query.unit_id = fixture->unit;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  query.unit_id = 0;

  /* Overdue: d is due first; on the day after its due date only d is late. */
  {
    g_autoptr(LdConcern) loaded = ld_concern_store_get (fixture->store, ld_concern_get_id (d), NULL);
    g_autoptr(GDateTime) due = NULL;
    g_autofree char *iso = g_strconcat (ld_concern_get_due_date (loaded), "T00:00:00Z", NULL);
    g_autofree char *day_after = NULL;
    g_autoptr(GDateTime) next = NULL;

    due = g_date_time_new_from_iso8601 (iso, NULL);
    next = g_date_time_add_days (due, 1);
    day_after = g_date_time_format (next, "%Y-%m-%d");
    query.overdue_only = TRUE;
    query.today = day_after;
    ids = query_ids (fixture, &query);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (d));
    g_clear_pointer (&ids, g_array_unref);
    query.overdue_only = FALSE;
    query.today = NULL;
  }

  /* By due date: d, b, then those without one. */
  query.sort = LD_CONCERN_SORT_DUE;
  ids = query_ids (fixture, &query);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (d));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, ld_concern_get_id (b));
  g_clear_pointer (&ids, g_array_unref);

  /* By state in workflow order: registered before referred. */
  query.sort = LD_CONCERN_SORT_STATE;
  ids = query_ids (fixture, &query);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (state_of (fixture, g_array_index (ids, gint64, 0)), ==, LD_CONCERN_REGISTERED);
  g_assert_cmpint (state_of (fixture, g_array_index (ids, gint64, 3)), ==, LD_CONCERN_REFERRED);
  g_clear_pointer (&ids, g_array_unref);

  /* c was registered last, so it has the highest number although received earlier than d. */
  query.sort = LD_CONCERN_SORT_REFERENCE;
  query.descending = TRUE;
  ids = query_ids (fixture, &query);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ld_concern_get_id (c));
}

static GArray *
model_ids_cb (gpointer   user_data,
              GError   **error)
{
  Fixture *fixture = user_data;
  LdConcernQuery query = { .search = g_object_get_data (G_OBJECT (fixture->store), "search") };

  return ld_concern_store_query_ids (fixture->store, &query, error);
}

static GPtrArray *
model_load_cb (gpointer      user_data,
               const gint64 *ids,
               guint         n_ids,
               GError      **error)
{
  Fixture *fixture = user_data;

  return ld_concern_store_load (fixture->store, ids, n_ids, error);
}

static gint64
model_id_of_cb (gpointer item)
{
  return ld_concern_get_id (item);
}

typedef struct
{
  guint position, removed, added, n;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->n++;
}

/* The lazy list tells its views exactly what changed when a concern is added or the search
 * changes. */
static void
test_query_model (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LdQueryModel) model = NULL;
  g_autoptr(LdConcern) first = NULL;
  g_autoptr(LdConcern) added = NULL;
  g_autoptr(LdConcern) item = NULL;
  ItemsChanged seen = { 0 };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-03-0%uT02:00:00Z", i + 1);
      g_autoptr(LdConcern) concern = register_concern (fixture, when,
                                                       i % 2 ? "停车难" : "垃圾分类", NULL, NULL);
      if (i == 0)
        first = g_object_ref (concern);
    }

  model = ld_query_model_new (LD_TYPE_CONCERN, model_ids_cb, model_load_cb, model_id_of_cb,
                              fixture, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (ld_concern_get_id (item), ==, ld_concern_get_id (first));

  /* A new concern, received last, appears at the end: one row added, nothing removed. */
  added = register_concern (fixture, "2026-03-09T02:00:00Z", "停车难", NULL, NULL);
  g_assert_true (ld_query_model_reload (model, NULL));
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_cmpuint (seen.position, ==, 5);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);

  /* A search for 停车 keeps three rows. */
  g_object_set_data_full (G_OBJECT (fixture->store), "search", g_strdup ("停车"), g_free);
  seen.n = 0;
  g_assert_true (ld_query_model_reload (model, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpuint (seen.n, >=, 1);
}

/* ------------------------------------------------------------------ lookups */

static void
test_lookups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LdConcern) a = register_concern (fixture, "2026-03-01T02:00:00Z", "小区门口路面积水",
                                             "张三", "13812345678");
  g_autoptr(LdConcern) b = register_concern (fixture, "2026-03-02T02:00:00Z", "加装电梯费用分摊",
                                             "李四", "13900001111");
  g_autoptr(LdConcern) c = register_concern (fixture, "2026-03-03T02:00:00Z", "路面积水未处理",
                                             "张三", "138-1234-5678");
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GArray) deputies = NULL;
  LdConcernTransition answer = { .outcome = "已解释" };
  g_autoptr(GError) error = NULL;
  gint64 event;

  similar = ld_concern_store_find_similar (fixture->store, "门口积水", 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 2);
  g_assert_cmpint (ld_concern_get_id (similar->pdata[0]), ==, ld_concern_get_id (a));
  g_clear_pointer (&similar, g_ptr_array_unref);

  /* Only open concerns are offered. */
  transition (fixture, ld_concern_get_id (c), LD_CONCERN_ACTION_ANSWER, &answer);
  similar = ld_concern_store_find_similar (fixture->store, "积水", ld_concern_get_id (a), 3, NULL);
  g_assert_cmpuint (similar->len, ==, 0);
  g_clear_pointer (&similar, g_ptr_array_unref);
  similar = ld_concern_store_find_similar (fixture->store, "水", 0, 3, NULL);
  g_assert_cmpuint (similar->len, ==, 0);

  earlier = ld_concern_store_find_by_phone (fixture->store, "+86 138 1234 5678", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 2);
  g_assert_cmpint (ld_concern_get_id (earlier->pdata[0]), ==, ld_concern_get_id (c));
  none = ld_concern_store_find_by_phone (fixture->store, "12", 5, NULL);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpint (ld_concern_store_todays_reception (fixture->store, "2026-03-15", &deputies,
                                                      NULL), ==, 0);
  g_clear_pointer (&deputies, g_array_unref);
  exec_sql (fixture, "INSERT INTO events (station_id, kind, event_date) VALUES "
                     "(1, 'visit_community', '2026-03-15'), (1, 'reception_day', '2026-03-15')");
  exec_sql (fixture, "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
                     "(2, 1, 'on_duty'), (2, 2, 'on_duty')");
  event = ld_concern_store_todays_reception (fixture->store, "2026-03-15", &deputies, NULL);
  g_assert_cmpint (event, ==, 2);
  g_assert_cmpuint (deputies->len, ==, 2);
  g_assert_cmpint (ld_concern_store_channel_by_seed (fixture->store, "reception_day", NULL), ==,
                   fixture->channel);
}

/* ------------------------------------------------------------------ drafts */

static void
test_drafts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(LdConcern) concern = NULL;
  gint64 id, again, found = 0;

  id = ld_concern_store_save_draft (fixture->store, 0, 0, "{'subject': <'路灯'>}", OPERATOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = ld_concern_store_save_draft (fixture->store, id, 0, "{'subject': <'路灯不亮'>}",
                                       OPERATOR, &error);
  g_assert_cmpint (again, ==, id);
  latest = ld_concern_store_latest_draft (fixture->store, 0, &found, &error);
  g_assert_cmpstr (latest, ==, "{'subject': <'路灯不亮'>}");
  g_assert_cmpint (found, ==, id);

  g_assert_cmpint (ld_concern_store_save_draft (fixture->store, 0, 0, "not a form", OPERATOR,
                                                &error), ==, 0);
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* Registering from the draft removes it in the same transaction. */
  concern = make_concern (fixture, "2026-03-15T02:00:00Z", "路灯不亮", NULL, NULL);
  g_assert_true (ld_concern_store_register (fixture->store, concern, id, OPERATOR, &error));
  g_clear_pointer (&latest, g_free);
  latest = ld_concern_store_latest_draft (fixture->store, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_null (latest);
  g_assert_cmpint (found, ==, 0);
}

/* The process is killed right after the draft was saved: it is there when the app comes back. */
static void
test_draft_after_crash (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *latest = NULL;

  close_database (fixture);

  if (g_test_subprocess ())
    {
      g_autoptr(LdConcern) concern = NULL;
      g_autofree char *draft = NULL;

      /* The subprocess ran the fixture again: write into the parent's database. */
      g_free (fixture->path);
      fixture->path = g_strdup (g_getenv ("LD_TEST_CRASH_DB"));
      open_database (fixture);
      concern = make_concern (fixture, "2026-03-15T02:00:00Z", "楼上漏水“急”\n已三天", "张三",
                              "13812345678");
      draft = ld_concern_to_draft (concern);
      g_assert_cmpint (ld_concern_store_save_draft (fixture->store, 0, 0, draft, OPERATOR, NULL),
                       >, 0);
      kill (getpid (), SIGKILL);
      return;
    }

  g_setenv ("LD_TEST_CRASH_DB", fixture->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  open_database (fixture);
  latest = ld_concern_store_latest_draft (fixture->store, 0, NULL, NULL);
  g_assert_nonnull (latest);
  {
    gboolean ok = FALSE;
    g_autoptr(LdConcern) restored = ld_concern_new_from_draft (latest, &ok);

    g_assert_true (ok);
    g_assert_cmpstr (ld_concern_get_subject (restored), ==, "楼上漏水“急”\n已三天");
    g_assert_cmpstr (ld_concern_get_resident_phone (restored), ==, "13812345678");
  }
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

  ADD ("/concern-store/register", test_register);
  ADD ("/concern-store/reference-year", test_reference_year);
  ADD ("/concern-store/reference-concurrent", test_reference_concurrent);
  ADD ("/concern-store/register-failure", test_register_failure);
  ADD ("/concern-store/update", test_update);
  ADD ("/concern-store/due-dates", test_due_dates);
  ADD ("/concern-store/closing-the-loop", test_closing_the_loop);
  ADD ("/concern-store/forbidden-transition", test_forbidden_transition);
  ADD ("/concern-store/register-redirected", test_register_redirected);
  ADD ("/concern-store/query", test_query);
  ADD ("/concern-store/query-model", test_query_model);
  ADD ("/concern-store/lookups", test_lookups);
  ADD ("/concern-store/drafts", test_drafts);
  ADD ("/concern-store/draft-after-crash", test_draft_after_crash);

  return g_test_run ();
}

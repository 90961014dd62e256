/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-query-model"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ld-query-model.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * The lazy list behind the deputies page, over a real store with a district's 2,000 deputies:
 * every position shows the right deputy, only a few pages are kept in memory, and after a
 * change the list tells its view exactly what moved, so the view stays in step with the data.
 */

#define N_DEPUTIES 2000

typedef struct
{
  char          *dir;
  LdDatabase    *database;
  LdStore       *store;
  LdDeputyQuery  query;
  char          *search;
  guint          n_loads;
  LdQueryModel  *model;
  GArray        *mirror;      /* what a view sees: ids, kept in step by items-changed alone */
  GArray        *signals;     /* (position, removed, added) triples */
} Fixture;

/* ------------------------------------------------------------------ the query */

static GArray *
ids_cb (gpointer   user_data,
        GError   **error)
{
  Fixture *fixture = user_data;

  fixture->query.search = fixture->search;
  return ld_store_query_deputy_ids (fixture->store, &fixture->query, error);
}

static GPtrArray *
load_cb (gpointer       user_data,
         const gint64  *ids,
         guint          n_ids,
         GError       **error)
{
  Fixture *fixture = user_data;

  fixture->n_loads++;
  return ld_store_load_deputies (fixture->store, ids, n_ids, error);
}

static gint64
id_of_cb (gpointer item)
{
  return ld_deputy_get_id (LD_DEPUTY (item));
}

static gint64
item_id (LdQueryModel *model,
         guint         position)
{
  g_autoptr(LdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (deputy);
  return ld_deputy_get_id (deputy);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (fixture->signals, triple, 3);

  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (LD_QUERY_MODEL (model), position + i);

      g_array_insert_val (fixture->mirror, position + i, id);
    }
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const groups[] = { "财经组", "城建环资组", "教科文卫组", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(GPtrArray) deputies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;
  const char * const *levels = ld_deputy_levels ();

  fixture->dir = ld_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->database = ld_database_open (path, &error);
  g_assert_no_error (error);
  fixture->store = ld_store_new (fixture->database);

  ld_station_set_name (station, "水果湖街道代表联络站");
  ld_station_set_reporting_unit (station, "水果湖街道人大工委");
  g_assert_true (ld_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_DEPUTIES; i++)
    {
      LdDeputy *deputy = ld_deputy_new ();
      g_autofree char *name = g_strdup_printf ("代表%04u", i * 2);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);

      ld_deputy_set_name (deputy, name);
      ld_deputy_set_level (deputy, levels[i % 5]);
      ld_deputy_set_group (deputy, groups[i % 4]);
      ld_deputy_set_phone (deputy, phone);
      g_ptr_array_add (deputies, deputy);
    }
  g_assert_true (ld_store_insert_deputies (fixture->store, deputies, NULL, &error));
  g_assert_no_error (error);

  fixture->query.active = -1;
  fixture->query.sort = LD_DEPUTY_SORT_NAME;
  fixture->model = ld_query_model_new (LD_TYPE_DEPUTY, ids_cb, load_cb, id_of_cb, fixture, NULL);

  /* The view starts with what the model has. */
  fixture->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    {
      gint64 id = item_id (fixture->model, i);

      g_array_append_val (fixture->mirror, id);
    }
  fixture->signals = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->store);
  ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->mirror, g_array_unref);
  g_clear_pointer (&fixture->signals, g_array_unref);
  g_clear_pointer (&fixture->search, g_free);
  ld_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------ helpers */

/* The view's copy matches what the store answers now. */
static void
assert_in_step (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ids_cb (fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, ids->len);
  g_assert_cmpuint (fixture->mirror->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpint (g_array_index (fixture->mirror, gint64, i), ==,
                       g_array_index (ids, gint64, i));
      g_assert_cmpint (item_id (fixture->model, i), ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (ld_query_model_get_n_cached (fixture->model), <=, 400);
}

static void
assert_signals (Fixture     *fixture,
                const guint *expected,
                guint        n_expected)
{
  g_assert_cmpuint (fixture->signals->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (fixture->signals, guint, i), ==, expected[i]);
  g_array_set_size (fixture->signals, 0);
}

static void
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ld_query_model_reload (fixture->model, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ tests */

static void
test_positions (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(LdDeputy) first = NULL;
  g_autoptr(LdDeputy) last = NULL;
  g_autoptr(LdDeputy) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DEPUTIES);
  g_assert_true (g_list_model_get_item_type (model) == LD_TYPE_DEPUTY);
  g_assert_null (g_list_model_get_item (model, N_DEPUTIES));

  /* Sorted by name: 代表0000, 代表0002, … */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ld_deputy_get_name (first), ==, "代表0000");

  /* A row asked for twice is the same object while it is cached. */
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == first);

  last = g_list_model_get_item (model, N_DEPUTIES - 1);
  g_assert_cmpstr (ld_deputy_get_name (last), ==, "代表3998");
  for (guint i = 0; i < N_DEPUTIES; i += 37)
    {
      g_autoptr(LdDeputy) deputy = g_list_model_get_item (model, i);
      g_autofree char *name = g_strdup_printf ("代表%04u", i * 2);

      g_assert_cmpstr (ld_deputy_get_name (deputy), ==, name);
      g_assert_cmpuint (ld_query_model_find (fixture->model, ld_deputy_get_id (deputy)), ==, i);
    }
  g_assert_cmpuint (ld_query_model_find (fixture->model, 999999), ==, G_MAXUINT);

  assert_in_step (fixture);
}

static void
test_cache_bounded (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  guint loads_before;

  ld_query_model_set_page_size (fixture->model, 100);
  fixture->n_loads = 0;

  /* Scrolling through the whole roster: one load per page, never more than a few kept. */
  for (guint i = 0; i < N_DEPUTIES; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_cmpuint (ld_query_model_get_n_cached (fixture->model), <=, 400);
    }
  g_assert_cmpuint (fixture->n_loads, ==, N_DEPUTIES / 100);
  g_assert_cmpuint (ld_query_model_get_n_cached (fixture->model), ==, 400);

  /* Back and forth within the cached pages costs nothing. */
  loads_before = fixture->n_loads;
  for (guint i = N_DEPUTIES - 1; i >= N_DEPUTIES - 400; i--)
    g_object_unref (g_list_model_get_item (model, i));
  g_assert_cmpuint (fixture->n_loads, ==, loads_before);

  /* Jumping to the top loads that page again. */
  g_object_unref (g_list_model_get_item (model, 5));
  g_assert_cmpuint (fixture->n_loads, ==, loads_before + 1);

  /* A smaller page. */
  ld_query_model_set_page_size (fixture->model, 10);
  g_assert_cmpuint (ld_query_model_get_n_cached (fixture->model), ==, 0);
  for (guint i = 0; i < 200; i++)
    g_object_unref (g_list_model_get_item (model, i));
  g_assert_cmpuint (ld_query_model_get_n_cached (fixture->model), ==, 40);
  assert_in_step (fixture);
}

static void
test_reload_after_insert_and_delete (Fixture       *fixture,
                                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) added = ld_deputy_new ();
  g_autoptr(LdDeputy) before = NULL;
  g_autoptr(LdDeputy) after = NULL;
  g_autoptr(LdDeputy) kept = NULL;
  LdDeleteOutcome outcome;
  guint inserted_at[] = { 51, 0, 1 };
  guint deleted_at[] = { 51, 1, 0 };
  guint nothing[1] = { 0 };

  /* The view shows the top of the list. */
  before = g_list_model_get_item (model, 10);
  after = g_list_model_get_item (model, 90);

  /* 代表0101 sorts between 代表0100 (position 50) and 代表0102. */
  ld_deputy_set_name (added, "代表0101");
  g_assert_true (ld_store_save_deputy (fixture->store, added, &error));
  g_assert_no_error (error);
  reload (fixture);
  assert_signals (fixture, inserted_at, G_N_ELEMENTS (inserted_at));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DEPUTIES + 1);
  g_assert_cmpint (item_id (fixture->model, 51), ==, ld_deputy_get_id (added));

  /* Rows still listed keep their objects, before and after the new one. */
  kept = g_list_model_get_item (model, 10);
  g_assert_true (kept == before);
  g_clear_object (&kept);
  kept = g_list_model_get_item (model, 91);
  g_assert_true (kept == after);
  g_clear_object (&kept);
  assert_in_step (fixture);

  /* Nothing changed: nothing announced. */
  reload (fixture);
  assert_signals (fixture, nothing, 0);

  /* The view is back at the top (assert_in_step went through every row). */
  g_clear_object (&after);
  after = g_list_model_get_item (model, 91);

  g_assert_true (ld_store_delete_deputy (fixture->store, ld_deputy_get_id (added), &outcome,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_DELETED);
  reload (fixture);
  assert_signals (fixture, deleted_at, G_N_ELEMENTS (deleted_at));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DEPUTIES);
  kept = g_list_model_get_item (model, 90);
  g_assert_true (kept == after);
  assert_in_step (fixture);
}

static void
test_invalidate_after_edit (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) shown = g_list_model_get_item (model, 7);
  g_autoptr(LdDeputy) edited = ld_deputy_copy (shown);
  g_autoptr(LdDeputy) fresh = NULL;
  guint changed_at[] = { 7, 1, 1 };

  /* The editor works on a copy; the list learns of the change through invalidate. */
  ld_deputy_set_workplace (edited, "武汉大学");
  g_assert_true (ld_store_save_deputy (fixture->store, edited, &error));
  g_assert_no_error (error);
  ld_query_model_invalidate (fixture->model, ld_deputy_get_id (edited));
  assert_signals (fixture, changed_at, G_N_ELEMENTS (changed_at));

  fresh = g_list_model_get_item (model, 7);
  g_assert_true (fresh != shown);
  g_assert_cmpstr (ld_deputy_get_workplace (fresh), ==, "武汉大学");
  g_assert_cmpstr (ld_deputy_get_workplace (shown), ==, "");

  /* An id not listed: nothing to announce. */
  ld_query_model_invalidate (fixture->model, 999999);
  g_assert_cmpuint (fixture->signals->len, ==, 0);
  assert_in_step (fixture);
}

/* Reloading after an edit fetches the rows anew: a kept row is refreshed in place and
 * announced, even when its position did not change. */
static void
test_reload_refreshes_rows (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) shown = g_list_model_get_item (model, 3);
  g_autoptr(LdDeputy) edited = ld_deputy_copy (shown);
  g_autoptr(LdDeputy) same = NULL;
  guint changed_at[] = { 3, 1, 1 };

  ld_deputy_set_phone (edited, "027-85551234");
  g_assert_true (ld_store_save_deputy (fixture->store, edited, &error));
  g_assert_no_error (error);
  reload (fixture);
  assert_signals (fixture, changed_at, G_N_ELEMENTS (changed_at));

  same = g_list_model_get_item (model, 3);
  g_assert_true (same == shown);
  g_assert_cmpstr (ld_deputy_get_phone (shown), ==, "027-85551234");
  assert_in_step (fixture);
}

/* A new search, filter or sort: the view ends up with exactly the new list. */
static void
test_reload_new_query (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);

  g_object_unref (g_list_model_get_item (model, 0));
  g_object_unref (g_list_model_get_item (model, 1500));

  fixture->search = g_strdup ("代表01");
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  assert_in_step (fixture);

  fixture->query.level = "national";
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  assert_in_step (fixture);

  g_clear_pointer (&fixture->search, g_free);
  fixture->query.level = NULL;
  fixture->query.sort = LD_DEPUTY_SORT_LEVEL;
  fixture->query.descending = TRUE;
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DEPUTIES);
  assert_in_step (fixture);

  fixture->search = g_strdup ("no such deputy");
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  assert_in_step (fixture);
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

  ADD ("/query-model/positions", test_positions);
  ADD ("/query-model/cache-bounded", test_cache_bounded);
  ADD ("/query-model/reload-insert-delete", test_reload_after_insert_and_delete);
  ADD ("/query-model/invalidate-after-edit", test_invalidate_after_edit);
  ADD ("/query-model/reload-refreshes-rows", test_reload_refreshes_rows);
  ADD ("/query-model/reload-new-query", test_reload_new_query);

#undef ADD

  return g_test_run ();
}

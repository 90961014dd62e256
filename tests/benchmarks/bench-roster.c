/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-roster"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "ld-query-model.h"
#include "ld-store.h"

/*
 * The deputies page of a district (DESIGN.md: 2,000 deputies in one file): every keystroke of
 * type-to-search, every filter and every sort runs the ids query again, and scrolling loads a
 * page of rows. Each must fit in a frame (16.7 ms at 60 Hz) for the list to feel instant; the
 * figures are medians, printed with their share of a frame.
 *
 *   LD_BENCH_DEPUTIES   deputies to generate (default 2000)
 *   LD_BENCH_RUNS       runs of each operation (default 50)
 */

#define FRAME_MS 16.7

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "欧阳", "单", "曾", "闫",
};

static const char * const given[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "国庆", "璐", "琦", "婷",
};

static const char * const groups[] = {
  "财经组", "城建环资组", "教科文卫组", "农业农村组", "社会建设组", "法制组", NULL,
};

static const char * const workplaces[] = {
  "武汉钢铁有限公司", "水果湖第一小学", "湖北省人民医院", "东湖社区居委会", "中铁大桥局",
  "武昌区住房和城市更新局", "个体经营户", "武汉大学",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*)(const void *, const void *)) compare_doubles);
  return values[n / 2];
}

static void
report (const char *what,
        double     *ms,
        guint       runs)
{
  double m = median (ms, runs);

  g_print ("%-52s %8.3f ms  %5.1f%% of a frame\n", what, m, 100.0 * m / FRAME_MS);
}

static void
generate (LdStore *store,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(GPtrArray) deputies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260315);
  const char * const *levels = ld_deputy_levels ();
  gint64 start = g_get_monotonic_time ();

  ld_station_set_name (station, "武昌区人大代表联络总站");
  ld_station_set_reporting_unit (station, "武昌区人大常委会");
  if (!ld_store_save_station (store, station, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n; i++)
    {
      LdDeputy *deputy = ld_deputy_new ();
      g_autofree char *name = g_strdup_printf ("%s%s%s",
        surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
        given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
        i % 3 == 0 ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))] : "");
      g_autofree char *phone = g_strdup_printf ("13%u%08u", 3 + i % 7, i);
      g_autofree char *constituency = g_strdup_printf ("第%u选区", 1 + i % 40);

      ld_deputy_set_name (deputy, name);
      ld_deputy_set_gender (deputy, i % 2 ? "female" : "male");
      ld_deputy_set_level (deputy, levels[(i * 7) % 5]);
      ld_deputy_set_group (deputy, groups[i % G_N_ELEMENTS (groups)]);
      ld_deputy_set_constituency (deputy, constituency);
      ld_deputy_set_occupation (deputy, "职工");
      ld_deputy_set_workplace (deputy, workplaces[i % G_N_ELEMENTS (workplaces)]);
      ld_deputy_set_phone (deputy, phone);
      ld_deputy_set_active (deputy, i % 10 != 0);
      g_ptr_array_add (deputies, deputy);
    }

  /* Common names repeat: give the phone numbers the job of telling them apart. */
  if (!ld_store_insert_deputies (store, deputies, NULL, &error))
    g_error ("%s", error->message);

  g_print ("generated %u deputies in %.0f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);
}

typedef struct
{
  const char    *what;
  LdDeputyQuery  query;
} QueryBench;

static GArray *
ids_cb (gpointer   user_data,
        GError   **error)
{
  static const LdDeputyQuery all = { .active = -1 };

  return ld_store_query_deputy_ids (LD_STORE (user_data), &all, error);
}

static GPtrArray *
load_cb (gpointer       user_data,
         const gint64  *ids,
         guint          n_ids,
         GError       **error)
{
  return ld_store_load_deputies (LD_STORE (user_data), ids, n_ids, error);
}

static gint64
id_of_cb (gpointer item)
{
  return ld_deputy_get_id (LD_DEPUTY (item));
}

int
main (int   argc,
      char *argv[])
{
  const char *count_env = g_getenv ("LD_BENCH_DEPUTIES");
  const char *runs_env = g_getenv ("LD_BENCH_RUNS");
  guint n = count_env ? (guint) g_ascii_strtoull (count_env, NULL, 10) : 2000;
  guint runs = runs_env ? (guint) g_ascii_strtoull (runs_env, NULL, 10) : 50;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-desk-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(LdStore) store = NULL;
  g_autofree double *ms = NULL;
  g_autoptr(GArray) all_ids = NULL;
  static const LdDeputyQuery all = { .active = -1 };
  QueryBench queries[] = {
    { "ids: everyone, by name",                   { .active = -1, .sort = LD_DEPUTY_SORT_NAME } },
    { "ids: everyone, by level, descending",      { .active = -1, .sort = LD_DEPUTY_SORT_LEVEL,
                                                    .descending = TRUE } },
    { "ids: everyone, by group",                  { .active = -1, .sort = LD_DEPUTY_SORT_GROUP } },
    { "ids: everyone, by constituency",           { .active = -1,
                                                    .sort = LD_DEPUTY_SORT_CONSTITUENCY } },
    { "ids: everyone, by station",                { .active = -1, .sort = LD_DEPUTY_SORT_STATION } },
    { "ids: search a surname (Zhang)",             { .search = "张", .active = -1 } },
    { "ids: search pinyin initials (zw)",          { .search = "zw", .active = -1 } },
    { "ids: search part of a phone (138 0000 12)", { .search = "138 0000 12", .active = -1 } },
    { "ids: search a workplace (hospital)",        { .search = "医院", .active = -1 } },
    { "ids: search with no match",                { .search = "没有这个人", .active = -1 } },
    { "ids: level + group + active filters",      { .level = "district", .group = "财经组",
                                                    .active = 1,
                                                    .sort = LD_DEPUTY_SORT_CONSTITUENCY } },
  };

  g_assert_no_error (error);
  path = g_build_filename (dir, "roster.db", NULL);
  database = ld_database_open (path, &error);
  g_assert_no_error (error);
  store = ld_store_new (database);
  generate (store, n);
  ms = g_new0 (double, runs);

  g_print ("%u deputies, median of %u runs; a frame is %.1f ms\n\n", n, runs, FRAME_MS);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint found = 0;
      g_autofree char *label = NULL;

      for (guint r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GArray) ids = ld_store_query_deputy_ids (store, &queries[q].query, &error);

          ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert_no_error (error);
          found = ids->len;
        }
      label = g_strdup_printf ("%s (%u)", queries[q].what, found);
      report (label, ms, runs);
    }

  /* Scrolling: one page of 100 rows at a spot that is not cached. */
  all_ids = ld_store_query_deputy_ids (store, &all, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < runs; r++)
    {
      guint offset = (r * 137) % (all_ids->len - MIN (all_ids->len, 100) + 1);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = ld_store_load_deputies (store,
                                                          &g_array_index (all_ids, gint64, offset),
                                                          MIN (all_ids->len, 100), &error);

      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, MIN (all_ids->len, 100));
    }
  report ("load a page of 100 rows", ms, runs);

  /* Through the list model, as the view does it. */
  {
    g_autoptr(LdQueryModel) model = NULL;
    gint64 start = g_get_monotonic_time ();
    double created;

    model = ld_query_model_new (LD_TYPE_DEPUTY, ids_cb, load_cb, id_of_cb, store, NULL);
    created = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("%-52s %8.3f ms  %5.1f%% of a frame\n", "model: create (ids of everyone)", created,
             100.0 * created / FRAME_MS);

    for (guint r = 0; r < runs; r++)
      {
        guint position = ((r * 7 + 3) % (n / 100 ? n / 100 : 1)) * 100;
        g_autoptr(GObject) item = NULL;

        /* A page that is not among the cached ones. */
        ld_query_model_set_page_size (model, r % 2 ? 100 : 99);
        ld_query_model_set_page_size (model, 100);
        start = g_get_monotonic_time ();
        item = g_list_model_get_item (G_LIST_MODEL (model), position);
        ms[r] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_nonnull (item);
      }
    report ("model: first row of an uncached page", ms, runs);

    for (guint r = 0; r < runs; r++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 5);

        start = g_get_monotonic_time ();
        g_assert_true (ld_query_model_reload (model, &error));
        ms[r] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
      }
    report ("model: reload (ids again, cached rows refreshed)", ms, runs);
  }

  /* A save, for scale: it waits for the disk (synchronous=FULL), not for the CPU. */
  for (guint r = 0; r < MIN (runs, 20); r++)
    {
      g_autoptr(LdDeputy) deputy = ld_deputy_new ();
      g_autofree char *name = g_strdup_printf ("新代表%u", r);
      gint64 start;

      ld_deputy_set_name (deputy, name);
      start = g_get_monotonic_time ();
      g_assert_true (ld_store_save_deputy (store, deputy, &error));
      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }
  report ("save one deputy (with fsync)", ms, MIN (runs, 20));

  g_clear_object (&store);
  ld_database_close (database);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (listing && (entry = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, entry, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}

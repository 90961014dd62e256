/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-store"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-phone.h"
#include "ld-store.h"
#include "ld-test-util.h"

/*
 * The store against a real database file: what is saved comes back field for field, a failed
 * save leaves nothing behind, people and entries in use are retired or hidden rather than
 * deleted, and every write tells the open views once.
 */

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  sqlite3    *db;
  GPtrArray  *changes;    /* "kind:id" of every ::changed */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, FALSE);
  fixture->db = ld_database_get_handle (fixture->database);
  fixture->changes = ld_test_record_changes (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_test_close_store (&fixture->dir, &fixture->database, &fixture->store);
  g_clear_pointer (&fixture->changes, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ helpers */

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

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_no_transaction (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_get_autocommit (fixture->db), !=, 0);
}

static void
assert_changes (Fixture    *fixture,
                const char *expected)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (fixture->changes, NULL);
  joined = g_strjoinv (" ", (char **) fixture->changes->pdata);
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_cmpstr (joined, ==, expected);
}

static gint64
add_station (Fixture *fixture)
{
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(GError) error = NULL;

  ld_station_set_name (station, "水果湖街道代表联络站");
  ld_station_set_reporting_unit (station, "水果湖街道人大工委");
  g_assert_true (ld_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->changes, 0);
  return ld_station_get_id (station);
}

static LdDeputy *
add_deputy (Fixture    *fixture,
            const char *name,
            const char *level,
            const char *group,
            const char *phone)
{
  LdDeputy *deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, level);
  ld_deputy_set_group (deputy, group);
  ld_deputy_set_phone (deputy, phone);
  g_assert_true (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->changes, 0);
  return deputy;
}

static LdDeputy *
full_deputy (void)
{
  LdDeputy *deputy = ld_deputy_new ();

  ld_deputy_set_name (deputy, "  张伟 ");
  ld_deputy_set_gender (deputy, "male");
  ld_deputy_set_level (deputy, "municipal");
  ld_deputy_set_group (deputy, "城建环资组");
  ld_deputy_set_constituency (deputy, "第五选区");
  ld_deputy_set_occupation (deputy, "工程师");
  ld_deputy_set_workplace (deputy, "中铁大桥局");
  ld_deputy_set_phone (deputy, "+86 138 0000 1111");
  ld_deputy_set_active (deputy, TRUE);
  ld_deputy_set_notes (deputy, "第一行\n第二行\t缩进");
  return deputy;
}

/* ------------------------------------------------------------------ station */

static void
test_station_first_start (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdStation) none = NULL;
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(LdStation) loaded = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autofree char *expected = NULL;

  /* A new database has no station: the app asks for the profile first. */
  none = ld_store_get_station (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* An incomplete profile is refused and leaves nothing. */
  ld_station_set_name (station, "代表之家");
  g_assert_false (ld_store_save_station (fixture->store, station, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (ld_station_get_id (station), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM stations"), ==, 0);
  assert_changes (fixture, "");

  ld_station_set_kind (station, "home");
  ld_station_set_district (station, "武昌区");
  ld_station_set_subdistrict (station, "水果湖街道");
  ld_station_set_address (station, "东湖路 10 号");
  ld_station_set_phone (station, "(027) 8555 1234");
  ld_station_set_reporting_unit (station, " 武昌区人大常委会 ");
  g_assert_true (ld_store_save_station (fixture->store, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_station_get_id (station), >, 0);
  g_assert_cmpstr (ld_station_get_phone (station), ==, "027-85551234");
  g_assert_cmpstr (ld_station_get_reporting_unit (station), ==, "武昌区人大常委会");
  expected = g_strdup_printf ("station:%" G_GINT64_FORMAT, ld_station_get_id (station));
  assert_changes (fixture, expected);

  loaded = ld_store_get_station (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_station_get_id (loaded), ==, ld_station_get_id (station));
  g_assert_cmpstr (ld_station_get_kind (loaded), ==, "home");
  g_assert_cmpstr (ld_station_get_name (loaded), ==, "代表之家");
  g_assert_cmpstr (ld_station_get_district (loaded), ==, "武昌区");
  g_assert_cmpstr (ld_station_get_subdistrict (loaded), ==, "水果湖街道");
  g_assert_cmpstr (ld_station_get_address (loaded), ==, "东湖路 10 号");
  g_assert_cmpstr (ld_station_get_phone (loaded), ==, "027-85551234");
  g_assert_cmpstr (ld_station_get_reporting_unit (loaded), ==, "武昌区人大常委会");

  /* Editing later in Preferences updates the same row. */
  ld_station_set_name (loaded, "水果湖人大代表之家");
  ld_station_set_address (loaded, "");
  g_assert_true (ld_store_save_station (fixture->store, loaded, &error));
  g_assert_no_error (error);
  stations = ld_store_list_stations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stations->len, ==, 1);
  g_assert_cmpstr (ld_station_get_name (g_ptr_array_index (stations, 0)), ==, "水果湖人大代表之家");
  g_assert_cmpstr (ld_station_get_address (g_ptr_array_index (stations, 0)), ==, "");
  g_assert_cmpint (query_int (fixture, "SELECT address IS NULL FROM stations"), ==, 1);
}

/* ------------------------------------------------------------------ deputies */

static void
test_deputy_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = full_deputy ();
  g_autoptr(LdDeputy) loaded = NULL;
  g_autoptr(LdDeputy) again = NULL;
  g_autofree char *pinyin = NULL;
  g_autofree char *expected = NULL;
  gint64 station_id = add_station (fixture);

  g_assert_true (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);

  /* The object takes what was stored: id, uuid, home station, trimmed name, normalised phone. */
  g_assert_cmpint (ld_deputy_get_id (deputy), >, 0);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                                       ld_deputy_get_uuid (deputy), 0, 0));
  g_assert_cmpint (ld_deputy_get_station_id (deputy), ==, station_id);
  g_assert_cmpstr (ld_deputy_get_name (deputy), ==, "张伟");
  g_assert_cmpstr (ld_deputy_get_phone (deputy), ==, "13800001111");
  expected = g_strdup_printf ("deputy:%" G_GINT64_FORMAT, ld_deputy_get_id (deputy));
  assert_changes (fixture, expected);

  loaded = ld_store_get_deputy (fixture->store, ld_deputy_get_id (deputy), &error);
  g_assert_no_error (error);
  g_assert_true (ld_deputy_equal (deputy, loaded));
  g_assert_cmpstr (ld_deputy_get_notes (loaded), ==, "第一行\n第二行\t缩进");
  g_assert_cmpstr (ld_deputy_get_gender (loaded), ==, "male");

  pinyin = query_text (fixture, "SELECT name_pinyin FROM deputies");
  g_assert_cmpstr (pinyin, ==, "zw");

  /* Every field changed and saved again, including back to empty. */
  ld_deputy_set_name (loaded, "张伟强");
  ld_deputy_set_gender (loaded, NULL);
  ld_deputy_set_level (loaded, "township");
  ld_deputy_set_group (loaded, "");
  ld_deputy_set_constituency (loaded, "第六选区");
  ld_deputy_set_occupation (loaded, "");
  ld_deputy_set_workplace (loaded, "武汉大学");
  ld_deputy_set_phone (loaded, "027 8555 1234");
  ld_deputy_set_active (loaded, FALSE);
  ld_deputy_set_notes (loaded, "");
  g_assert_true (ld_store_save_deputy (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_deputy_get_id (loaded), ==, ld_deputy_get_id (deputy));
  g_assert_cmpstr (ld_deputy_get_uuid (loaded), ==, ld_deputy_get_uuid (deputy));

  again = ld_store_get_deputy (fixture->store, ld_deputy_get_id (deputy), &error);
  g_assert_no_error (error);
  g_assert_true (ld_deputy_equal (loaded, again));
  g_assert_null (ld_deputy_get_gender (again));
  g_assert_cmpstr (ld_deputy_get_phone (again), ==, "027-85551234");
  g_assert_false (ld_deputy_get_active (again));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT professional_group IS NULL FROM deputies"), ==, 1);
}

static void
test_deputy_failed_save (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(LdDeputy) before = NULL;
  g_autoptr(LdDeputy) kept = NULL;
  g_autoptr(LdDeputy) loaded = NULL;
  g_autofree char *long_name = NULL;
  GString *builder = g_string_new (NULL);

  /* Without a station nothing can be added, and the clerk is told what to do. */
  ld_deputy_set_name (deputy, "李娜");
  ld_deputy_set_phone (deputy, "138 0000 2222");
  before = ld_deputy_copy (deputy);
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "station"));
  g_clear_error (&error);
  g_assert_true (ld_deputy_equal (deputy, before));
  assert_no_transaction (fixture);

  add_station (fixture);

  /* Validation: nothing is written, the form keeps what was typed. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (builder, "张");
  long_name = g_string_free (builder, FALSE);
  ld_deputy_set_name (deputy, long_name);
  g_clear_object (&before);
  before = ld_deputy_copy (deputy);
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "Use at most 50 characters");
  g_clear_error (&error);
  g_assert_true (ld_deputy_equal (deputy, before));

  ld_deputy_set_name (deputy, "李娜");
  ld_deputy_set_phone (deputy, "138 0000 222");
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ld_deputy_get_phone (deputy), ==, "138 0000 222");

  ld_deputy_set_phone (deputy, "");
  ld_deputy_set_name (deputy, "李\xff娜");
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* The database refuses (a home station that does not exist): plain words, nothing kept. */
  ld_deputy_set_name (deputy, "李娜");
  ld_deputy_set_station_id (deputy, 999);
  g_clear_object (&before);
  before = ld_deputy_copy (deputy);
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Saving the deputy failed"));
  g_clear_error (&error);
  g_assert_true (ld_deputy_equal (deputy, before));
  g_assert_cmpint (ld_deputy_get_id (deputy), ==, 0);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 0);
  assert_no_transaction (fixture);
  assert_changes (fixture, "");

  /* A failed update leaves the stored row as it was. */
  ld_deputy_set_station_id (deputy, 0);
  g_assert_true (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);
  kept = ld_deputy_copy (deputy);
  ld_deputy_set_workplace (deputy, "新单位");
  ld_deputy_set_station_id (deputy, 999);
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  loaded = ld_store_get_deputy (fixture->store, ld_deputy_get_id (deputy), &error);
  g_assert_no_error (error);
  g_assert_true (ld_deputy_equal (loaded, kept));
  assert_no_transaction (fixture);

  /* A deputy deleted meanwhile cannot be updated. */
  exec_sql (fixture, "DELETE FROM deputies");
  ld_deputy_set_station_id (deputy, 0);
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (ld_store_get_deputy (fixture->store, ld_deputy_get_id (deputy), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_deputy_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) first = NULL;
  g_autoptr(LdDeputy) same = ld_deputy_new ();
  g_autoptr(LdDeputy) other_phone = NULL;

  add_station (fixture);
  first = add_deputy (fixture, "王芳", "district", "", "13800003333");

  /* The same person typed again, with the phone written differently. */
  ld_deputy_set_name (same, " 王芳");
  ld_deputy_set_phone (same, "+86 138-0000-3333");
  g_assert_false (ld_store_save_deputy (fixture->store, same, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  g_assert_cmpint (ld_deputy_get_id (same), ==, 0);

  /* Saving the first one again is no duplicate of itself. */
  ld_deputy_set_notes (first, "更新");
  g_assert_true (ld_store_save_deputy (fixture->store, first, &error));
  g_assert_no_error (error);

  other_phone = add_deputy (fixture, "王芳", "district", "", "13800004444");
  g_assert_cmpint (ld_store_find_deputy (fixture->store, "王芳", "138 0000 4444", &error), ==,
                   ld_deputy_get_id (other_phone));
  g_assert_cmpint (ld_store_find_deputy (fixture->store, "王芳", NULL, &error), ==,
                   ld_deputy_get_id (first));
  g_assert_cmpint (ld_store_find_deputy (fixture->store, "王芳", "13900000000", &error), ==, 0);
  g_assert_cmpint (ld_store_find_deputy (fixture->store, "王", NULL, &error), ==, 0);
  g_assert_cmpint (ld_store_find_deputy (fixture->store, "", NULL, &error), ==, 0);
  g_assert_no_error (error);
}

typedef struct
{
  const char *table;
  const char *sql;     /* ?1 stands for the deputy's id */
} Reference;

/* Every table whose rows point at a deputy (foreign keys to deputies in the schema). */
static const Reference deputy_references[] = {
  { "event_deputies",
    "INSERT INTO events (id, station_id, kind, event_date) VALUES (1, 1, 'reception_day', '2026-03-15');"
    "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES (1, ?1, 'on_duty');" },
  { "event_series_rotation",
    "INSERT INTO event_series (id, station_id, kind, freq, month_day, start_date)"
    "  VALUES (1, 1, 'reception_day', 'monthly_day', 15, '2026-01-15');"
    "INSERT INTO event_series_rotation (series_id, position, deputy_id) VALUES (1, 0, ?1);" },
  { "concern_deputies",
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, category_id, subject)"
    "  VALUES (1, 1, 2026, 1, '2026-03-15T02:00:00Z', 1, 1, '路灯不亮');"
    "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES (1, ?1);" },
  { "suggestion_deputies",
    "INSERT INTO suggestions (id, station_id, title) VALUES (1, 1, '关于增设路灯的建议');"
    "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES (1, ?1, 'lead');" },
};

static void
run_with_id (Fixture    *fixture,
             const char *sql,
             gint64      id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto(GStrv) parts = g_strsplit (sql, "?1", -1);
  g_autofree char *filled = g_strjoinv (id_text, parts);

  exec_sql (fixture, filled);
}

static void
test_deputy_retire_or_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_station (fixture);

  /* The schema's own list of references is exactly what this test covers. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                         "SELECT m.name FROM sqlite_schema AS m,"
                                         " pragma_foreign_key_list (m.name) AS f"
                                         " WHERE m.type = 'table' AND f.\"table\" = 'deputies'"
                                         " ORDER BY m.name", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *table = (const char *) sqlite3_column_text (stmt, 0);
        gboolean covered = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (deputy_references); i++)
          covered |= g_str_equal (table, deputy_references[i].table);
        if (!covered)
          g_test_message ("No test for references from %s", table);
        g_assert_true (covered);
      }
    sqlite3_finalize (stmt);
  }

  for (guint i = 0; i < G_N_ELEMENTS (deputy_references); i++)
    {
      g_autoptr(LdDeputy) deputy = add_deputy (fixture, "赵敏", "district", "", "");
      g_autoptr(LdDeputy) loaded = NULL;
      g_autofree char *expected = NULL;
      LdDeleteOutcome outcome = LD_DELETE_DELETED;
      gint64 id = ld_deputy_get_id (deputy);

      run_with_id (fixture, deputy_references[i].sql, id);

      g_assert_true (ld_store_delete_deputy (fixture->store, id, &outcome, &error));
      g_assert_no_error (error);
      g_assert_cmpint (outcome, ==, LD_DELETE_RETIRED);
      expected = g_strdup_printf ("deputy:%" G_GINT64_FORMAT, id);
      assert_changes (fixture, expected);

      /* Still there for the records that name them, now retired. */
      loaded = ld_store_get_deputy (fixture->store, id, &error);
      g_assert_no_error (error);
      g_assert_false (ld_deputy_get_active (loaded));
      g_assert_cmpstr (ld_deputy_get_name (loaded), ==, "赵敏");

      /* Clean up for the next table. */
      exec_sql (fixture,
                "DELETE FROM event_deputies; DELETE FROM events;"
                "DELETE FROM event_series_rotation; DELETE FROM event_series;"
                "DELETE FROM concern_deputies; DELETE FROM concerns;"
                "DELETE FROM suggestion_deputies; DELETE FROM suggestions;"
                "DELETE FROM deputies;");
    }
  assert_no_transaction (fixture);
}

static void
test_deputy_delete_and_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = NULL;
  g_autoptr(LdDeputy) restored = NULL;
  g_autofree char *expected = NULL;
  LdDeleteOutcome outcome = LD_DELETE_RETIRED;
  gint64 id;

  add_station (fixture);
  deputy = full_deputy ();
  g_assert_true (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->changes, 0);
  id = ld_deputy_get_id (deputy);

  g_assert_true (ld_store_delete_deputy (fixture->store, id, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_DELETED);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 0);
  expected = g_strdup_printf ("deputy:%" G_GINT64_FORMAT, id);
  assert_changes (fixture, expected);

  /* Deleting again: it is gone, and nothing else changes. */
  g_assert_false (ld_store_delete_deputy (fixture->store, id, &outcome, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_changes (fixture, "");

  /* Undo in the toast: back with the same id and uuid. */
  g_assert_true (ld_store_undelete_deputy (fixture->store, deputy, &error));
  g_assert_no_error (error);
  assert_changes (fixture, expected);
  restored = ld_store_get_deputy (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (ld_deputy_equal (deputy, restored));

  /* A second undo cannot make a second copy. */
  g_assert_false (ld_store_undelete_deputy (fixture->store, deputy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 1);
  assert_no_transaction (fixture);
  assert_changes (fixture, "");
}

/* The roster used by the query tests. */
static const struct
{
  const char *name;
  const char *level;
  const char *group;
  const char *constituency;
  const char *workplace;
  const char *phone;
  gboolean    active;
} roster[] = {
  { "张伟",     "district",   "财经组",     "第一选区", "武汉钢铁公司",  "13800000001", TRUE },
  { "王秀英",   "township",   "城建环资组", "第二选区", "水果湖小学",    "13800000002", TRUE },
  { "李娜",     "municipal",  "财经组",     "第一选区", "武汉大学",      "027-85550003", TRUE },
  { "刘强",     "national",   "",           "",         "",              "",            FALSE },
  { "陈静",     "provincial", "教科文卫组", "第三选区", "湖北省人民医院", "13800000005", TRUE },
  { "张敏",     "district",   "城建环资组", "第二选区", "100%物业公司",  "13800000006", TRUE },
  { "Ahmatjan", "district",   "财经组",     "第四选区", "A_B 公司",      "13800000007", TRUE },
};

static void
add_roster (Fixture *fixture)
{
  add_station (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    {
      g_autoptr(LdDeputy) deputy = ld_deputy_new ();
      g_autoptr(GError) error = NULL;

      ld_deputy_set_name (deputy, roster[i].name);
      ld_deputy_set_level (deputy, roster[i].level);
      ld_deputy_set_group (deputy, roster[i].group);
      ld_deputy_set_constituency (deputy, roster[i].constituency);
      ld_deputy_set_workplace (deputy, roster[i].workplace);
      ld_deputy_set_phone (deputy, roster[i].phone);
      ld_deputy_set_active (deputy, roster[i].active);
      g_assert_true (ld_store_save_deputy (fixture->store, deputy, &error));
      g_assert_no_error (error);
    }
  g_ptr_array_set_size (fixture->changes, 0);
}

/* The names @query selects, in order, joined by spaces. */
static char *
query_names (Fixture             *fixture,
             const LdDeputyQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ld_store_query_deputy_ids (fixture->store, query, &error);
  g_autoptr(GPtrArray) deputies = NULL;
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  deputies = ld_store_load_deputies (fixture->store, (const gint64 *) (gpointer) ids->data,
                                     ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deputies->len, ==, ids->len);
  for (guint i = 0; i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);

      /* Same order out as in. */
      g_assert_cmpint (ld_deputy_get_id (deputy), ==, g_array_index (ids, gint64, i));
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, ld_deputy_get_name (deputy));
    }
  return g_string_free (names, FALSE);
}

typedef struct
{
  const char   *search;
  const char   *level;
  const char   *group;
  int           active;
  LdDeputySort  sort;
  gboolean      descending;
  const char   *expected;
} QueryCase;

static const QueryCase query_cases[] = {
  /* Everyone, by name: pinyin initials order (ahmatjan, cj, ln, lq, wxy, zm, zw). */
  { NULL,       NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE,
    "Ahmatjan 陈静 李娜 刘强 王秀英 张敏 张伟" },
  { NULL,       NULL, NULL, -1, LD_DEPUTY_SORT_NAME, TRUE,
    "张伟 张敏 王秀英 刘强 李娜 陈静 Ahmatjan" },
  { "",         NULL, NULL, 1,  LD_DEPUTY_SORT_NAME, FALSE,
    "Ahmatjan 陈静 李娜 王秀英 张敏 张伟" },
  { NULL,       NULL, NULL, 0,  LD_DEPUTY_SORT_NAME, FALSE, "刘强" },

  /* Search: name, pinyin initials, phone as typed, group, constituency, workplace. */
  { "张",       NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "张敏 张伟" },
  { "  张 ",    NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "张敏 张伟" },
  { "zw",       NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "张伟" },
  { "Z",        NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "张敏 张伟" },
  { "wxy",      NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "王秀英" },
  { "138 0000 0002", NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "王秀英" },
  { "8555",     NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "李娜" },
  { "02785550003", NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "李娜" },
  { "城建",     NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "王秀英 张敏" },
  { "第一选区", NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "李娜 张伟" },
  { "大学",     NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "李娜" },
  { "nobody",   NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "" },

  /* LIKE's wildcards are plain characters in a search. */
  { "%",        NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "张敏" },
  { "_",        NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "Ahmatjan" },
  { "\\",       NULL, NULL, -1, LD_DEPUTY_SORT_NAME, FALSE, "" },

  /* Filters, alone and together. */
  { NULL, "district", NULL,     -1, LD_DEPUTY_SORT_NAME, FALSE, "Ahmatjan 张敏 张伟" },
  { NULL, NULL,       "财经组", -1, LD_DEPUTY_SORT_NAME, FALSE, "Ahmatjan 李娜 张伟" },
  { "张", "district", "财经组", 1,  LD_DEPUTY_SORT_NAME, FALSE, "张伟" },
  { NULL, "national", NULL,     1,  LD_DEPUTY_SORT_NAME, FALSE, "" },

  /* Sorts: ties broken by name, so the order is stable. */
  { NULL, NULL, NULL, -1, LD_DEPUTY_SORT_LEVEL, FALSE,
    "刘强 陈静 李娜 Ahmatjan 张敏 张伟 王秀英" },
  { NULL, NULL, NULL, -1, LD_DEPUTY_SORT_LEVEL, TRUE,
    "王秀英 Ahmatjan 张敏 张伟 李娜 陈静 刘强" },
  { NULL, NULL, NULL, -1, LD_DEPUTY_SORT_GROUP, FALSE,
    "王秀英 张敏 陈静 Ahmatjan 李娜 张伟 刘强" },
  /* Text sorts by code point (第一 第三 第二 第四), empty last. */
  { NULL, NULL, NULL, -1, LD_DEPUTY_SORT_CONSTITUENCY, FALSE,
    "李娜 张伟 陈静 王秀英 张敏 Ahmatjan 刘强" },
  { NULL, NULL, NULL, -1, LD_DEPUTY_SORT_STATION, FALSE,
    "Ahmatjan 陈静 李娜 刘强 王秀英 张敏 张伟" },
};

static void
test_deputy_query (Fixture       *fixture,
                   gconstpointer  data)
{
  guint failures = 0;

  add_roster (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (query_cases); i++)
    {
      const QueryCase *c = &query_cases[i];
      LdDeputyQuery query = {
        .search = c->search,
        .level = c->level,
        .group = c->group,
        .active = c->active,
        .sort = c->sort,
        .descending = c->descending,
      };
      g_autofree char *names = query_names (fixture, &query);

      if (!g_str_equal (names, c->expected))
        {
          g_test_message ("case %u (search “%s”): expected “%s”, got “%s”", i,
                          c->search ? c->search : "", c->expected, names);
          failures++;
        }
    }
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_deputy_groups_and_load (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) some = NULL;
  gint64 ids[] = { 3, 999, 1 };

  add_roster (fixture);

  groups = ld_store_list_deputy_groups (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  g_assert_cmpstr (groups[0], ==, "城建环资组");
  g_assert_cmpstr (groups[1], ==, "教科文卫组");
  g_assert_cmpstr (groups[2], ==, "财经组");

  none = ld_store_load_deputies (fixture->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Missing ids are skipped; the rest keep the order asked for. */
  some = ld_store_load_deputies (fixture->store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpint (ld_deputy_get_id (g_ptr_array_index (some, 0)), ==, 3);
  g_assert_cmpint (ld_deputy_get_id (g_ptr_array_index (some, 1)), ==, 1);
}

static void
test_insert_deputies (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const names[] = { "周杰", "吴刚", "郑洁" };

  add_station (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LdDeputy *deputy = ld_deputy_new ();

      ld_deputy_set_name (deputy, names[i]);
      g_ptr_array_add (batch, deputy);
    }
  g_assert_true (ld_store_insert_deputies (fixture->store, batch, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (ld_deputy_get_id (g_ptr_array_index (batch, i)), >, 0);
  assert_changes (fixture, "deputy:0");

  /* One bad row: none of the batch is imported. */
  g_ptr_array_add (bad, ld_deputy_new ());
  ld_deputy_set_name (g_ptr_array_index (bad, 0), "孙丽");
  g_ptr_array_add (bad, ld_deputy_new ());
  ld_deputy_set_name (g_ptr_array_index (bad, 1), "吴刚");     /* already there */
  g_assert_false (ld_store_insert_deputies (fixture->store, bad, NULL, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Deputy 2: "));
  g_clear_error (&error);
  g_assert_cmpint (ld_deputy_get_id (g_ptr_array_index (bad, 0)), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 3);
  assert_no_transaction (fixture);
  assert_changes (fixture, "");
}

/* A caller that asks which record was refused gets its index and the problem alone, to say
 * which one in its own terms (an import names the line of its file). */
static void
test_insert_failed_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deputies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LdDeputy) existing = NULL;
  static const char * const names[] = { "孙丽", "周杰", "吴刚" };
  guint failed = 0;

  add_station (fixture);
  existing = add_deputy (fixture, "吴刚", "district", "", "");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LdDeputy *deputy = ld_deputy_new ();

      ld_deputy_set_name (deputy, names[i]);
      g_ptr_array_add (deputies, deputy);
    }

  /* Refused inside the transaction: the third is already in the roster. */
  g_assert_false (ld_store_insert_deputies (fixture->store, deputies, &failed, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_cmpuint (failed, ==, 2);
  g_assert_cmpstr (error->message, ==,
                   "A deputy of this name and phone number is already in the roster");
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies"), ==, 1);
  g_assert_cmpint (ld_deputy_get_id (g_ptr_array_index (deputies, 0)), ==, 0);
  assert_no_transaction (fixture);

  /* Refused before: the second has no name. */
  ld_deputy_set_name (g_ptr_array_index (deputies, 1), "");
  g_assert_false (ld_store_insert_deputies (fixture->store, deputies, &failed, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_false (g_str_has_prefix (error->message, "Deputy"));
  g_clear_error (&error);

  /* Without the index, the message says which one. */
  g_assert_false (ld_store_insert_deputies (fixture->store, deputies, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Deputy 2: "));
  g_clear_error (&error);

  ld_deputy_set_name (g_ptr_array_index (deputies, 1), "周杰");
  g_ptr_array_remove_index (deputies, 2);
  g_assert_true (ld_store_insert_deputies (fixture->store, deputies, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, G_MAXUINT);
  assert_changes (fixture, "deputy:0");

  /* Units: the same, with the duplicate first. */
  for (guint i = 0; i < 2; i++)
    {
      LdUnit *unit = ld_unit_new ();

      ld_unit_set_name (unit, i == 0 ? "区教育局" : "区卫健委");
      ld_unit_set_kind (unit, "department");
      g_ptr_array_add (units, unit);
    }
  exec_sql (fixture, "INSERT INTO units (name, kind) VALUES ('区卫健委', 'department')");
  g_assert_false (ld_store_insert_units (fixture->store, units, &failed, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpstr (error->message, ==, "A handling unit of this name is already in the list");
  g_clear_error (&error);
  g_assert_false (ld_store_insert_units (fixture->store, units, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Handling unit 2: "));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 1);
  assert_changes (fixture, "");

  /* A failure of the batch as a whole is no record's. */
  ld_database_close (fixture->database);
  failed = 0;
  g_assert_false (ld_store_insert_units (fixture->store, units, &failed, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_assert_cmpuint (failed, ==, G_MAXUINT);
}

typedef struct
{
  LdStore   *store;
  GPtrArray *units;
  gboolean   ok;
} InsertInThread;

static gpointer
insert_units_thread (gpointer data)
{
  InsertInThread *insert = data;

  insert->ok = ld_store_insert_units (insert->store, insert->units, NULL, NULL);
  return NULL;
}

/* Handlers of ::changed are widgets: a write made in a worker thread reaches them later, on the
 * main context, never in the worker, even when the main context is free to take. */
static void
test_changed_from_thread (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  InsertInThread insert = { fixture->store, units, FALSE };
  GThread *thread;

  g_ptr_array_add (units, ld_unit_new ());
  ld_unit_set_name (g_ptr_array_index (units, 0), "区教育局");
  ld_unit_set_kind (g_ptr_array_index (units, 0), "department");

  thread = g_thread_new ("insert", insert_units_thread, &insert);
  g_thread_join (thread);
  g_assert_true (insert.ok);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 1);
  assert_changes (fixture, "");

  while (fixture->changes->len == 0)
    g_main_context_iteration (NULL, TRUE);
  assert_changes (fixture, "unit:0");
}

typedef struct
{
  LdDatabase *database;
  GMutex      mutex;
  GCond       cond;
  gboolean    began;
} HoldTransaction;

static gpointer
hold_transaction_thread (gpointer data)
{
  HoldTransaction *hold = data;

  g_assert_true (ld_database_begin_immediate (hold->database, NULL));
  g_mutex_lock (&hold->mutex);
  hold->began = TRUE;
  g_cond_signal (&hold->cond);
  g_mutex_unlock (&hold->mutex);

  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_true (ld_database_commit (hold->database, NULL));
  return NULL;
}

/* A transaction another thread has open on the connection is waited for, not written into. */
static void
test_write_waits_for_thread (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LdUnit) unit = ld_unit_new ();
  g_autoptr(GError) error = NULL;
  HoldTransaction hold = { fixture->database, };
  GThread *thread;
  gint64 start;

  g_mutex_init (&hold.mutex);
  g_cond_init (&hold.cond);
  thread = g_thread_new ("hold", hold_transaction_thread, &hold);
  g_mutex_lock (&hold.mutex);
  while (!hold.began)
    g_cond_wait (&hold.cond, &hold.mutex);
  g_mutex_unlock (&hold.mutex);

  start = g_get_monotonic_time ();
  ld_unit_set_name (unit, "区教育局");
  ld_unit_set_kind (unit, "department");
  g_assert_true (ld_store_save_unit (fixture->store, unit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 10);

  g_thread_join (thread);
  g_mutex_clear (&hold.mutex);
  g_cond_clear (&hold.cond);
  assert_no_transaction (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 1);
  assert_changes (fixture, "unit:1");
}

/* ------------------------------------------------------------------ handling units */

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdUnit) housing = ld_unit_new ();
  g_autoptr(LdUnit) office = ld_unit_new ();
  g_autoptr(LdUnit) twin = ld_unit_new ();
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *sql = NULL;
  LdDeleteOutcome outcome;
  LdUnit *loaded;

  add_station (fixture);

  ld_unit_set_name (housing, "区住房和城市更新局 ");
  ld_unit_set_kind (housing, "department");
  ld_unit_set_contact (housing, "刘科长");
  ld_unit_set_phone (housing, "027 8555 0000");
  g_assert_true (ld_store_save_unit (fixture->store, housing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_unit_get_id (housing), >, 0);
  g_assert_cmpstr (ld_unit_get_name (housing), ==, "区住房和城市更新局");
  g_assert_cmpstr (ld_unit_get_phone (housing), ==, "027-85550000");

  ld_unit_set_name (office, "水果湖街道办事处");
  ld_unit_set_kind (office, "subdistrict");
  g_assert_true (ld_store_save_unit (fixture->store, office, &error));
  g_assert_no_error (error);

  /* Invalid or duplicate: refused, nothing written. */
  ld_unit_set_name (twin, "区住房和城市更新局");
  g_assert_false (ld_store_save_unit (fixture->store, twin, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  ld_unit_set_name (twin, "");
  g_assert_false (ld_store_save_unit (fixture->store, twin, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (ld_unit_get_id (twin), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 2);

  visible = ld_store_list_units (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visible->len, ==, 2);
  loaded = g_ptr_array_index (visible, 0);
  g_assert_cmpstr (ld_unit_get_name (loaded), ==, "区住房和城市更新局");
  g_assert_cmpstr (ld_unit_get_contact (loaded), ==, "刘科长");
  g_assert_cmpstr (ld_unit_get_phone (loaded), ==, "027-85550000");
  g_assert_cmpstr (ld_unit_get_kind (g_ptr_array_index (visible, 1)), ==, "subdistrict");
  g_clear_pointer (&visible, g_ptr_array_unref);

  g_assert_cmpint (ld_store_find_unit (fixture->store, " 水果湖街道办事处", &error), ==,
                   ld_unit_get_id (office));
  g_assert_cmpint (ld_store_find_unit (fixture->store, "水果湖", &error), ==, 0);

  /* A unit a concern was referred to is hidden, not deleted. */
  sql = g_strdup_printf ("INSERT INTO concerns (station_id, ref_year, ref_seq, received_at,"
                         " channel_id, category_id, subject, unit_id)"
                         " VALUES (1, 2026, 1, '2026-03-15T02:00:00Z', 1, 1, '井盖破损', %"
                         G_GINT64_FORMAT ")", ld_unit_get_id (housing));
  exec_sql (fixture, sql);
  g_ptr_array_set_size (fixture->changes, 0);

  g_assert_true (ld_store_delete_unit (fixture->store, ld_unit_get_id (housing), &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_RETIRED);
  g_assert_true (ld_store_delete_unit (fixture->store, ld_unit_get_id (office), &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_DELETED);
  g_assert_cmpuint (fixture->changes->len, ==, 2);

  visible = ld_store_list_units (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visible->len, ==, 0);
  all = ld_store_list_units (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (ld_unit_get_hidden (g_ptr_array_index (all, 0)));

  /* Unhiding is an edit. */
  loaded = g_ptr_array_index (all, 0);
  ld_unit_set_hidden (loaded, FALSE);
  g_assert_true (ld_store_save_unit (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT hidden FROM units"), ==, 0);
  assert_no_transaction (fixture);
}

/* ------------------------------------------------------------------ editable lists */

static void
test_lists_seeded (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const english[] = {
    "Urban construction", "Business environment", "Rural revitalisation",
    "Grassroots governance", "Social security", "Education", "Health", "Transport",
    "Environment", "Housing and property", "Other"
  };
  static const guint counts[] = { 11, 6, 8, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  for (LdListKind kind = LD_LIST_CONCERN_CATEGORY; kind <= LD_LIST_ANSWER_CLASS; kind++)
    {
      g_autoptr(GPtrArray) entries = ld_store_list_entries (fixture->store, kind, FALSE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, counts[kind]);
      for (guint i = 0; i < entries->len; i++)
        {
          LdListEntry *entry = g_ptr_array_index (entries, i);

          g_assert_cmpint (ld_list_entry_get_kind (entry), ==, kind);
          g_assert_nonnull (ld_list_entry_get_seed_key (entry));
          g_assert_null (ld_list_entry_get_name (entry));
          g_assert_cmpstr (ld_list_entry_get_display_name (entry), !=,
                           ld_list_entry_get_seed_key (entry));
        }
    }

  /* With no language set, the seeds show their English names, in the seeded order. */
  categories = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < categories->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (categories, i);

      g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, english[i]);
      g_assert_cmpint (ld_list_entry_get_time_limit_days (entry), ==, -1);
    }
}

static void
test_lists_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) with_hidden = NULL;
  g_autoptr(LdListEntry) wechat = ld_list_entry_new (LD_LIST_CHANNEL);
  g_autoptr(LdListEntry) empty = ld_list_entry_new (LD_LIST_CHANNEL);
  g_autoptr(GPtrArray) categories = NULL;
  LdListEntry *letter;
  LdListEntry *reception;
  LdListEntry *noise;
  LdDeleteOutcome outcome;
  gint64 letter_id;

  add_station (fixture);

  channels = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, FALSE, &error);
  g_assert_no_error (error);
  reception = g_ptr_array_index (channels, 0);
  letter = g_ptr_array_index (channels, 3);
  g_assert_cmpstr (ld_list_entry_get_seed_key (letter), ==, "letter");
  letter_id = ld_list_entry_get_id (letter);

  /* Renamed, the entry shows the user's text; cleared, the translated default again. */
  ld_list_entry_set_name (letter, " 群众来信 ");
  g_assert_true (ld_store_save_entry (fixture->store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ld_list_entry_get_name (letter), ==, "群众来信");
  after = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_list_entry_get_display_name (g_ptr_array_index (after, 3)), ==, "群众来信");
  g_clear_pointer (&after, g_ptr_array_unref);

  ld_list_entry_set_name (letter, NULL);
  g_assert_true (ld_store_save_entry (fixture->store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT name IS NULL FROM channels WHERE seed_key = 'letter'"),
                   ==, 1);
  g_assert_cmpstr (ld_list_entry_get_display_name (letter), ==, "Letter");

  /* A new entry goes last. */
  ld_list_entry_set_name (wechat, "微信群");
  g_assert_true (ld_store_save_entry (fixture->store, wechat, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_list_entry_get_id (wechat), >, 0);
  g_assert_cmpint (ld_list_entry_get_position (wechat), ==, 90);
  g_assert_false (ld_store_save_entry (fixture->store, empty, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  after = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 9);
  g_assert_cmpstr (ld_list_entry_get_display_name (g_ptr_array_index (after, 8)), ==, "微信群");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Not in use: deleted. In use by a concern: hidden from new records, kept for old ones. */
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_true (ld_store_delete_entry (fixture->store, wechat, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_DELETED);

  exec_sql (fixture,
            "INSERT INTO concerns (station_id, ref_year, ref_seq, received_at, channel_id,"
            " category_id, subject) VALUES (1, 2026, 1, '2026-03-15T02:00:00Z', 1, 1, '路灯')");
  g_assert_true (ld_store_delete_entry (fixture->store, reception, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LD_DELETE_RETIRED);
  g_assert_true (ld_list_entry_get_hidden (reception));
  g_assert_cmpuint (fixture->changes->len, ==, 2);

  after = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 7);
  g_assert_cmpstr (ld_list_entry_get_seed_key (g_ptr_array_index (after, 0)), ==, "duty");
  with_hidden = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_hidden->len, ==, 8);
  g_assert_true (ld_list_entry_get_hidden (g_ptr_array_index (with_hidden, 0)));
  g_assert_cmpint (ld_list_entry_get_id (g_ptr_array_index (with_hidden, 3)), ==, letter_id);

  /* A category's own time limit, and back to the general one. */
  categories = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, FALSE, &error);
  g_assert_no_error (error);
  noise = g_ptr_array_index (categories, 0);
  ld_list_entry_set_time_limit_days (noise, 10);
  g_assert_true (ld_store_save_entry (fixture->store, noise, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT time_limit_days FROM concern_categories"
                                       " WHERE seed_key = 'urban_construction'"), ==, 10);
  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, FALSE, &error);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (g_ptr_array_index (categories, 0)), ==, 10);
  ld_list_entry_set_time_limit_days (g_ptr_array_index (categories, 0), -1);
  g_assert_true (ld_store_save_entry (fixture->store, g_ptr_array_index (categories, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT time_limit_days IS NULL FROM concern_categories"
                                       " WHERE seed_key = 'urban_construction'"), ==, 1);
  assert_no_transaction (fixture);
}

/* ------------------------------------------------------------------ settings */

static void
test_default_time_limit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 15);

  g_assert_true (ld_store_set_default_time_limit (fixture->store, 20, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 20);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM settings"
                                       " WHERE key = 'concern.time_limit_working_days'"), ==, 1);
  assert_changes (fixture, "settings:0");

  g_assert_false (ld_store_set_default_time_limit (fixture->store, 0, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ld_store_set_default_time_limit (fixture->store, 367, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 20);
  assert_changes (fixture, "");

  /* A broken or missing value falls back to the national rule. */
  exec_sql (fixture, "UPDATE settings SET value = 'soon'"
                     " WHERE key = 'concern.time_limit_working_days'");
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 15);
  exec_sql (fixture, "DELETE FROM settings WHERE key = 'concern.time_limit_working_days'");
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 15);
  g_assert_true (ld_store_set_default_time_limit (fixture->store, 12, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 12);
}

/* ------------------------------------------------------------------ the database closed */

static void
test_closed_database (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  LdDeputyQuery query = { .active = -1 };

  add_roster (fixture);
  ld_database_close (fixture->database);

  ld_deputy_set_name (deputy, "钱多");
  g_assert_false (ld_store_save_deputy (fixture->store, deputy, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (ld_store_query_deputy_ids (fixture->store, &query, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (ld_store_get_default_time_limit (fixture->store), ==, 15);
  assert_changes (fixture, "");
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

  ADD ("/store/station/first-start", test_station_first_start);
  ADD ("/store/deputy/round-trip", test_deputy_round_trip);
  ADD ("/store/deputy/failed-save", test_deputy_failed_save);
  ADD ("/store/deputy/duplicate", test_deputy_duplicate);
  ADD ("/store/deputy/retire-when-referenced", test_deputy_retire_or_delete);
  ADD ("/store/deputy/delete-and-undo", test_deputy_delete_and_undo);
  ADD ("/store/deputy/query", test_deputy_query);
  ADD ("/store/deputy/groups-and-load", test_deputy_groups_and_load);
  ADD ("/store/deputy/insert-many", test_insert_deputies);
  ADD ("/store/batch/failed-index", test_insert_failed_index);
  ADD ("/store/threads/changed-on-main-context", test_changed_from_thread);
  ADD ("/store/threads/write-waits", test_write_waits_for_thread);
  ADD ("/store/units", test_units);
  ADD ("/store/lists/seeded", test_lists_seeded);
  ADD ("/store/lists/edit", test_lists_edit);
  ADD ("/store/settings/time-limit", test_default_time_limit);
  ADD ("/store/closed-database", test_closed_database);

#undef ADD

  return g_test_run ();
}

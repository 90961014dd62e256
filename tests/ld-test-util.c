/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ld-test-util.h"

/* A fresh private directory per test: every test gets its own database file. */
char *
ld_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("liaison-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ld_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;

  file = g_file_new_for_path (path);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        ld_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* A path inside tests/ of the source tree. */
char *
ld_test_src_path (const char *relative)
{
  const char *srcdir = g_getenv ("LD_TEST_SRCDIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, relative, NULL);
}

LdStore *
ld_test_open_store (char       **dir,
                    LdDatabase **database,
                    gboolean     station)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LdStore *store;

  g_assert_nonnull (dir);
  g_assert_nonnull (database);

  *dir = ld_test_make_tmpdir ();
  path = g_build_filename (*dir, "liaison-desk.db", NULL);
  *database = ld_database_open (path, &error);
  g_assert_no_error (error);
  store = ld_store_new (*database);

  if (station)
    ld_test_exec_sql (ld_database_get_handle (*database),
                      "INSERT INTO stations (name) VALUES ('水果湖代表联络站')");

  return store;
}

void
ld_test_close_store (char       **dir,
                     LdDatabase **database,
                     LdStore    **store)
{
  g_clear_object (store);
  /* The store keeps no statement open, so the database closes cleanly (a critical otherwise). */
  if (*database)
    ld_database_close (*database);
  g_clear_object (database);
  ld_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

static void
record_change_cb (LdStore    *store,
                  const char *kind,
                  gint64      id,
                  GPtrArray  *changes)
{
  g_ptr_array_add (changes, g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id));
}

GPtrArray *
ld_test_record_changes (LdStore *store)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (store, "changed", G_CALLBACK (record_change_cb), changes);
  return changes;
}

void
ld_test_exec_sql (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
ld_test_query_int (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-kill-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "ld-database.h"

/*
 * A process for test-database to kill at random moments or to hold the lock:
 *
 *   ld-kill-writer write DB   commit rows one transaction at a time, printing each committed id
 *   ld-kill-writer hold DB    open the database, print "ready", sleep until killed
 *
 * The parent trusts every id printed here to be on disk: the line is written only after COMMIT
 * returned.
 */

#define INSERT_SQL \
  "INSERT INTO residents (station_id, name, phone, address, community) " \
  "VALUES (?1, ?2, ?3, ?4, ?5)"

static gint64
ensure_station (LdDatabase *db)
{
  sqlite3 *handle = ld_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (handle, "SELECT id FROM stations ORDER BY id LIMIT 1", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (id != 0)
    return id;

  if (!ld_database_begin_immediate (db, NULL))
    return 0;
  sqlite3_exec (handle,
                "INSERT INTO stations (name, kind, district, reporting_unit) "
                "VALUES ('测试联络站', 'station', '测试区', '测试区人大常委会')",
                NULL, NULL, NULL);
  id = sqlite3_last_insert_rowid (handle);
  if (!ld_database_commit (db, NULL))
    return 0;
  return id;
}

static int
write_rows (LdDatabase *db)
{
  sqlite3 *handle = ld_database_get_handle (db);
  gint64 station = ensure_station (db);
  sqlite3_stmt *stmt = NULL;

  if (station == 0 || sqlite3_prepare_v2 (handle, INSERT_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("prepare failed: %s\n", sqlite3_errmsg (handle));
      return 1;
    }

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("居民%u", i);
      g_autofree char *phone = g_strdup_printf ("138%08u", i % 100000000);
      g_autofree char *address = g_strdup_printf ("幸福路%u号%s", i, "院内东侧单元楼三层");
      gint64 id;

      if (!ld_database_begin_immediate (db, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, station);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, address, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, "幸福社区", -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_printerr ("insert failed: %s\n", sqlite3_errmsg (handle));
          return 1;
        }
      id = sqlite3_last_insert_rowid (handle);

      if (!ld_database_commit (db, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) db = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s write|hold DB\n", argv[0]);
      return 2;
    }

  db = ld_database_open (argv[2], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "hold"))
    {
      printf ("ready\n");
      fflush (stdout);
      for (;;)
        pause ();
    }

  return write_rows (db);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-sql"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-database.h"
#include "ld-sql.h"

sqlite3 *
ld_sql_get_handle (LdStore  *store,
                   GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);

  db = ld_database_get_handle (ld_store_get_database (store));
  if (db == NULL)
    g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                         _("The database is closed. Open it again to continue."));
  return db;
}

sqlite3_stmt *
ld_sql_prepare (sqlite3     *db,
                const char  *sql,
                const char  *what,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
ld_sql_step_done (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  const char    *what,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

void
ld_sql_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
ld_sql_bind_id (sqlite3_stmt *stmt,
                int           index,
                gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
ld_sql_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
ld_sql_json_string (GString    *json,
                    const char *text)
{
  g_return_if_fail (json != NULL);

  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (json, "\\u%04x", c);
          else
            g_string_append_c (json, (char) c);
        }
    }
  g_string_append_c (json, '"');
}

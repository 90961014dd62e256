/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-sql"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-concern-store.h"
#include "ld-database.h"
#include "ld-phone.h"
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

GPtrArray *
ld_sql_read_timeline (LdStore     *store,
                      const char  *owner_column,
                      gint64       owner_id,
                      int        (*state_from_id) (const char *id),
                      const char  *what,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  /* Pasted into the statement, so only the two owners the table has. */
  g_return_val_if_fail (g_strcmp0 (owner_column, "concern_id") == 0
                        || g_strcmp0 (owner_column, "suggestion_id") == 0, NULL);
  g_return_val_if_fail (state_from_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT id, at, operator, action, from_state, to_state, note, changes, "
                         "(SELECT group_concat(key, ',') FROM json_each(t.changes)), "
                         "json_extract(t.changes, '$.unit[1]'), "
                         "json_extract(t.changes, '$.due_date[1]'), "
                         "json_extract(t.changes, '$.reason[1]'), "
                         "json_extract(t.changes, '$.satisfaction[1]'), "
                         "json_extract(t.changes, '$.outcome[1]') "
                         "FROM timeline AS t WHERE %s = ?1 ORDER BY at, id",
                         owner_column);
  stmt = ld_sql_prepare (db, sql, what, error);
  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ld_timeline_entry_free);
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdTimelineEntry *entry = g_new0 (LdTimelineEntry, 1);
      const char *from = ld_sql_column_text (stmt, 4);
      const char *to = ld_sql_column_text (stmt, 5);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (ld_sql_column_text (stmt, 1));
      entry->operator = g_strdup (ld_sql_column_text (stmt, 2));
      entry->action = g_strdup (ld_sql_column_text (stmt, 3));
      entry->from_state = from != NULL ? state_from_id (from) : -1;
      entry->to_state = to != NULL ? state_from_id (to) : -1;
      entry->note = g_strdup (ld_sql_column_text (stmt, 6));
      entry->changes = g_strdup (ld_sql_column_text (stmt, 7));
      entry->fields = g_strdup (ld_sql_column_text (stmt, 8));
      entry->unit = g_strdup (ld_sql_column_text (stmt, 9));
      entry->due_date = g_strdup (ld_sql_column_text (stmt, 10));
      entry->reason = g_strdup (ld_sql_column_text (stmt, 11));
      entry->satisfaction = g_strdup (ld_sql_column_text (stmt, 12));
      entry->outcome = g_strdup (ld_sql_column_text (stmt, 13));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
ld_sql_begin (LdStore  *store,
              GError  **error)
{
  if (ld_sql_get_handle (store, error) == NULL)
    return FALSE;
  return ld_database_begin_immediate (ld_store_get_database (store), error);
}

void
ld_sql_rollback (LdStore *store)
{
  ld_database_rollback (ld_store_get_database (store));
}

gboolean
ld_sql_commit (LdStore  *store,
               GError  **error)
{
  if (!ld_database_commit (ld_store_get_database (store), error))
    {
      ld_sql_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
ld_sql_check_operator (const char  *operator,
                       GError     **error)
{
  g_autofree char *stripped = operator != NULL ? g_strstrip (g_strdup (operator)) : NULL;

  if (stripped == NULL || stripped[0] == '\0')
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                           _("Enter your name in Preferences so the record shows who did this"));
      return FALSE;
    }
  return TRUE;
}

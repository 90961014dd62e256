/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-calendar-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-database.h"

/* The SQL of the reception calendar and the working-day calendar. */

/* ------------------------------------------------------------------ helpers */

/* 'YYYY-MM-DD' as the schema's CHECKs guarantee it. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  int year, month, day;
  char tail;

  g_assert (date != NULL);

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* ------------------------------------------------------------------ working-day calendar */

LdWorkdays *
ld_calendar_store_load_workdays (LdStore  *store,
                                 GError  **error)
{
  const char *what = _("Reading the working-day calendar");
  g_autoptr(LdWorkdays) workdays = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = ld_database_get_handle (ld_store_get_database (store));
  if (db == NULL)
    {
      g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                           _("The database is closed. Open it again to continue."));
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db, "SELECT day, kind, seed_key, name FROM calendar_days ORDER BY day",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }

  workdays = ld_workdays_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day_text = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *seed_key = (const char *) sqlite3_column_text (stmt, 2);
      const char *name = (const char *) sqlite3_column_text (stmt, 3);
      GDate date;

      /* The CHECKs make both impossible; a row that slipped past them is left out, not fatal. */
      if (!parse_iso_date (day_text, &date) || kind == NULL)
        {
          g_warning ("Ignoring calendar day with a malformed date: %s", day_text);
          continue;
        }

      if (name == NULL)
        name = ld_workdays_festival_name (seed_key);

      ld_workdays_add (workdays, &date,
                       g_str_equal (kind, "holiday") ? LD_DAY_KIND_HOLIDAY
                                                     : LD_DAY_KIND_MAKEUP_WORKDAY,
                       name);
    }

  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&workdays);
}

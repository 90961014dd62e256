/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-calendar-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-database.h"
#include "ld-phone.h"

/* The SQL of the reception calendar and the working-day calendar. */

/* Room after a series' until date for its last occurrence to move past a holiday (the longest,
 * the Spring Festival, is nine days). */
#define HOLIDAY_MARGIN_DAYS 31
/* A series with a count ends by itself; the horizon only has to be far enough. */
#define COUNT_HORIZON_YEARS 200

#define EVENT_COLUMNS \
  "e.id, e.station_id, e.kind, e.status, e.event_date, e.start_time, e.end_time, e.place, " \
  "e.theme, e.notes, e.series_id, e.occurrence_date, e.notice_printed_at"

#define EVENT_INSERT_SQL \
  "INSERT INTO events (station_id, kind, status, event_date, start_time, end_time, place, " \
  "theme, notes, series_id, occurrence_date, notice_printed_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"

#define EVENT_UPDATE_SQL \
  "UPDATE events SET station_id = ?1, kind = ?2, status = ?3, event_date = ?4, " \
  "start_time = ?5, end_time = ?6, place = ?7, theme = ?8, notes = ?9, series_id = ?10, " \
  "occurrence_date = ?11, notice_printed_at = ?12 WHERE id = ?13"

#define SERIES_COLUMNS \
  "id, station_id, kind, theme, place, start_time, end_time, freq, interval, month_day, " \
  "week_ordinal, weekday, weekdays_mask, month_day_overflow, on_holiday, start_date, " \
  "until_date, count, deputies_per_event, notes"

#define SERIES_INSERT_SQL \
  "INSERT INTO event_series (station_id, kind, theme, place, start_time, end_time, freq, " \
  "interval, month_day, week_ordinal, weekday, weekdays_mask, month_day_overflow, on_holiday, " \
  "start_date, until_date, count, deputies_per_event, notes) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"

#define SERIES_UPDATE_SQL \
  "UPDATE event_series SET station_id = ?1, kind = ?2, theme = ?3, place = ?4, " \
  "start_time = ?5, end_time = ?6, freq = ?7, interval = ?8, month_day = ?9, " \
  "week_ordinal = ?10, weekday = ?11, weekdays_mask = ?12, month_day_overflow = ?13, " \
  "on_holiday = ?14, start_date = ?15, until_date = ?16, count = ?17, " \
  "deputies_per_event = ?18, notes = ?19 WHERE id = ?20"

/* An occurrence keeps its row, and so is left alone by the series, unless it is still exactly
 * what the series generated: planned, no notice printed, no concern registered at it. The
 * fields are compared in delete_untouched(). */
#define UNTOUCHED_CANDIDATES_SQL \
  "SELECT e.id, e.event_date, e.start_time, e.end_time, e.place, e.theme, e.notes, e.kind, " \
  "e.occurrence_date FROM events e " \
  "WHERE e.series_id = ?1 AND e.occurrence_date >= ?2 AND e.status = 'planned' " \
  "AND e.notice_printed_at IS NULL " \
  "AND NOT EXISTS (SELECT 1 FROM concerns c WHERE c.event_id = e.id)"

/* The order of the editors' fields, so that the error of a save names the first problem. */
static const char * const event_fields[] = {
  "kind", "status", "date", "start-time", "end-time", "deputies", "place", "theme", "notes",
  "occurrence-date", NULL
};

static const char * const series_fields[] = {
  "kind", "freq", "start-date", "interval", "month-day", "week-ordinal", "weekday",
  "weekdays-mask", "month-day-overflow", "until-date", "count", "on-holiday",
  "deputies-per-event", "rotation", "start-time", "end-time", "place", "theme", "notes", NULL
};

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

static void
format_iso_date (const GDate *date,
                 char         buffer[11])
{
  g_assert (g_date_valid (date));

  g_snprintf (buffer, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
set_event_not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This event is no longer in the calendar"));
}

static void
set_series_not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This series is no longer in the calendar"));
}

/* ------------------------------------------------------------------ statements */

static sqlite3 *
get_handle (LdStore  *store,
            GError  **error)
{
  sqlite3 *db = ld_database_get_handle (ld_store_get_database (store));

  if (db == NULL)
    g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                         _("The database is closed. Open it again to continue."));
  return db;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         const char  *what,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps a statement whose rows do not matter and resets it for the next use. */
static gboolean
step_done (sqlite3       *db,
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

/* Runs @sql with @id bound to ?1. */
static gboolean
exec_with_id (sqlite3     *db,
              const char  *sql,
              gint64       id,
              const char  *what,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, sql, what, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = step_done (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* Empty text is stored as NULL. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* NULL is read as "". */
static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* ld_database_begin_immediate() waits for a transaction another thread (an import) has open on
 * the shared connection. */
static gboolean
begin (LdStore  *store,
       GError  **error)
{
  if (get_handle (store, error) == NULL)
    return FALSE;

  return ld_database_begin_immediate (ld_store_get_database (store), error);
}

static void
rollback (LdStore *store)
{
  ld_database_rollback (ld_store_get_database (store));
}

/* @station_id, or this desk's station when it is 0. */
static gboolean
resolve_station (sqlite3  *db,
                 gint64   *station_id,
                 GError  **error)
{
  const char *what = _("Reading the station profile");
  sqlite3_stmt *stmt;
  int rc;

  if (*station_id != 0)
    return TRUE;

  if ((stmt = prepare (db, "SELECT id FROM stations ORDER BY id LIMIT 1", what, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *station_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                         _("Set up the station profile before planning events"));
  return rc == SQLITE_ROW;
}

/* ------------------------------------------------------------------ events: rows */

static LdEvent *
event_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (LD_TYPE_EVENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "station-id", sqlite3_column_int64 (stmt, 1),
                       "kind", column_text (stmt, 2),
                       "status", column_text (stmt, 3),
                       "date", column_text (stmt, 4),
                       "start-time", column_text (stmt, 5),
                       "end-time", column_text (stmt, 6),
                       "place", column_text (stmt, 7),
                       "theme", column_text (stmt, 8),
                       "notes", column_text (stmt, 9),
                       "series-id", sqlite3_column_int64 (stmt, 10),
                       "occurrence-date", column_text (stmt, 11),
                       "notice-printed-at", column_text (stmt, 12),
                       NULL);
}

/* Runs @sql (with @from and @to, or @id, bound) returning EVENT_COLUMNS. */
static GPtrArray *
query_events (sqlite3     *db,
              const char  *sql,
              const char  *from,
              const char  *to,
              gint64       id,
              GError     **error)
{
  const char *what = _("Reading the calendar");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = prepare (db, sql, what, error)) == NULL)
    return NULL;
  if (from != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&events);
}

/* Gives @events their deputies from @sql, which returns (event_id, deputy_id, role) for them
 * ordered by event, with @from and @to, or @id, bound: one query for a whole range. */
static gboolean
load_deputies (sqlite3     *db,
               GPtrArray   *events,
               const char  *sql,
               const char  *from,
               const char  *to,
               gint64       id,
               GError     **error)
{
  const char *what = _("Reading the calendar");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *ids[LD_EVENT_N_ROLES];
  LdEvent *current = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  for (guint i = 0; i < events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (events, i);
      gint64 *key = g_new (gint64, 1);

      /* The keys live as long as the table: freed below. */
      *key = ld_event_get_id (event);
      g_hash_table_insert (by_id, key, event);
    }

  if ((stmt = prepare (db, sql, what, error)) == NULL)
    goto out;
  if (from != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  for (guint r = 0; r < LD_EVENT_N_ROLES; r++)
    ids[r] = g_array_new (FALSE, FALSE, sizeof (gint64));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event_id = sqlite3_column_int64 (stmt, 0);
      gint64 deputy_id = sqlite3_column_int64 (stmt, 1);
      LdEventRole role;
      LdEvent *event;

      if (!ld_event_role_from_id ((const char *) sqlite3_column_text (stmt, 2), &role))
        continue;
      event = g_hash_table_lookup (by_id, &event_id);
      if (event == NULL)
        continue;

      if (event != current)
        {
          for (guint r = 0; current != NULL && r < LD_EVENT_N_ROLES; r++)
            ld_event_set_deputies (current, r, (const gint64 *) ids[r]->data, ids[r]->len);
          for (guint r = 0; r < LD_EVENT_N_ROLES; r++)
            g_array_set_size (ids[r], 0);
          current = event;
        }
      g_array_append_val (ids[role], deputy_id);
    }
  for (guint r = 0; current != NULL && r < LD_EVENT_N_ROLES; r++)
    ld_event_set_deputies (current, r, (const gint64 *) ids[r]->data, ids[r]->len);
  for (guint r = 0; r < LD_EVENT_N_ROLES; r++)
    g_array_unref (ids[r]);

  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);

out:
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }
  return stmt != NULL && rc == SQLITE_DONE;
}

static void
bind_event (sqlite3_stmt *stmt,
            LdEvent      *event,
            gint64        station_id)
{
  sqlite3_bind_int64 (stmt, 1, station_id);
  bind_text (stmt, 2, ld_event_get_kind (event));
  bind_text (stmt, 3, ld_event_get_status (event));
  bind_text (stmt, 4, ld_event_get_date (event));
  bind_text (stmt, 5, ld_event_get_start_time (event));
  bind_text (stmt, 6, ld_event_get_end_time (event));
  bind_text (stmt, 7, ld_event_get_place (event));
  bind_text (stmt, 8, ld_event_get_theme (event));
  bind_text (stmt, 9, ld_event_get_notes (event));
  bind_id (stmt, 10, ld_event_get_series_id (event));
  bind_text (stmt, 11, ld_event_get_series_id (event) != 0
                       ? ld_event_get_occurrence_date (event) : NULL);
  bind_text (stmt, 12, ld_event_get_notice_printed_at (event));
}

/* Inserts a deputy with @role at event @id with a prepared INSERT. */
static gboolean
insert_deputy (sqlite3       *db,
               sqlite3_stmt  *insert,
               gint64         id,
               gint64         deputy_id,
               LdEventRole    role,
               GError       **error)
{
  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_int64 (insert, 2, deputy_id);
  sqlite3_bind_text (insert, 3, ld_event_role_to_id (role), -1, SQLITE_STATIC);
  return step_done (db, insert, _("Saving the deputies of the event"), error);
}

/* Replaces the deputies of event @id with those of @event in @roles (a mask of 1 << role). */
static gboolean
write_deputies (sqlite3  *db,
                gint64    id,
                LdEvent  *event,
                guint     roles,
                GError  **error)
{
  const char *what = _("Saving the deputies of the event");
  sqlite3_stmt *delete = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;

  if ((delete = prepare (db, "DELETE FROM event_deputies WHERE event_id = ?1 AND role = ?2",
                         what, error)) == NULL
      || (insert = prepare (db, "INSERT INTO event_deputies (event_id, deputy_id, role) "
                                "VALUES (?1, ?2, ?3)", what, error)) == NULL)
    goto out;

  for (guint r = 0; r < LD_EVENT_N_ROLES; r++)
    {
      g_autoptr(GArray) ids = NULL;

      if ((roles & (1u << r)) == 0)
        continue;

      sqlite3_bind_int64 (delete, 1, id);
      sqlite3_bind_text (delete, 2, ld_event_role_to_id (r), -1, SQLITE_STATIC);
      if (!step_done (db, delete, what, error))
        goto out;

      ids = ld_event_get_deputy_ids (event, r);
      for (guint i = 0; i < ids->len; i++)
        if (!insert_deputy (db, insert, id, g_array_index (ids, gint64, i), r, error))
          goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (delete);
  sqlite3_finalize (insert);
  return ok;
}

#define ALL_ROLES ((1u << LD_EVENT_N_ROLES) - 1)

/* The status of event @id, whether it belongs to a series and whether concerns were registered
 * at it; FALSE with G_IO_ERROR_NOT_FOUND when it is not there. */
static gboolean
read_event_state (sqlite3  *db,
                  gint64    id,
                  char    **status,
                  gboolean *in_series,
                  gboolean *has_concerns,
                  GError  **error)
{
  const char *what = _("Reading the calendar");
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT status, series_id IS NOT NULL, "
                      "EXISTS (SELECT 1 FROM concerns WHERE event_id = ?1) "
                      "FROM events WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *status = g_strdup (column_text (stmt, 0));
      *in_series = sqlite3_column_int (stmt, 1) != 0;
      *has_concerns = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc == SQLITE_DONE)
    set_event_not_found (error);
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* ------------------------------------------------------------------ series: rows */

static LdEventSeries *
series_from_row (sqlite3_stmt *stmt)
{
  LdEventSeries *series;
  LdRecurrence recurrence;

  series = g_object_new (LD_TYPE_EVENT_SERIES,
                         "id", sqlite3_column_int64 (stmt, 0),
                         "station-id", sqlite3_column_int64 (stmt, 1),
                         "kind", column_text (stmt, 2),
                         "theme", column_text (stmt, 3),
                         "place", column_text (stmt, 4),
                         "start-time", column_text (stmt, 5),
                         "end-time", column_text (stmt, 6),
                         "notes", column_text (stmt, 19),
                         NULL);

  ld_recurrence_init (&recurrence);
  ld_recurrence_freq_from_string (column_text (stmt, 7), &recurrence.freq);
  recurrence.interval = sqlite3_column_int (stmt, 8);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    recurrence.month_day = sqlite3_column_int (stmt, 9);
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    recurrence.week_ordinal = sqlite3_column_int (stmt, 10);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    recurrence.weekday = sqlite3_column_int (stmt, 11);
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    recurrence.weekdays_mask = sqlite3_column_int (stmt, 12);
  ld_month_day_overflow_from_string (column_text (stmt, 13), &recurrence.month_day_overflow);
  ld_on_holiday_from_string (column_text (stmt, 14), &recurrence.on_holiday);
  parse_iso_date (column_text (stmt, 15), &recurrence.start_date);
  if (!parse_iso_date (column_text (stmt, 16), &recurrence.until_date))
    g_date_clear (&recurrence.until_date, 1);
  recurrence.count = sqlite3_column_int (stmt, 17);
  recurrence.deputies_per_event = sqlite3_column_int (stmt, 18);
  ld_event_series_set_recurrence (series, &recurrence);

  return series;
}

/* Every series (@id 0) or one, with its rotation. */
static GPtrArray *
query_series (sqlite3  *db,
              gint64    id,
              GError  **error)
{
  const char *what = _("Reading the calendar");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, id != 0 ? "SELECT " SERIES_COLUMNS " FROM event_series WHERE id = ?1"
                              : "SELECT " SERIES_COLUMNS " FROM event_series "
                                "ORDER BY start_date, id", what, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (all, series_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return NULL;
    }

  stmt = prepare (db, "SELECT deputy_id FROM event_series_rotation WHERE series_id = ?1 "
                      "ORDER BY position", what, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      LdEventSeries *series = g_ptr_array_index (all, i);
      g_autoptr(GArray) rotation = g_array_new (FALSE, FALSE, sizeof (gint64));

      sqlite3_bind_int64 (stmt, 1, ld_event_series_get_id (series));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 deputy_id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (rotation, deputy_id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          ld_database_set_error_from_sqlite (error, db, rc, what);
          sqlite3_finalize (stmt);
          return NULL;
        }
      ld_event_series_set_rotation (series, (const gint64 *) rotation->data, rotation->len);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&all);
}

static LdEventSeries *
load_series (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(GPtrArray) all = query_series (db, id, error);

  if (all == NULL)
    return NULL;
  if (all->len == 0)
    {
      set_series_not_found (error);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (all, 0));
}

static void
bind_series (sqlite3_stmt  *stmt,
             LdEventSeries *series,
             gint64         station_id)
{
  LdRecurrence r;
  char start[11], until[11];

  ld_event_series_get_recurrence (series, &r);

  sqlite3_bind_int64 (stmt, 1, station_id);
  bind_text (stmt, 2, ld_event_series_get_kind (series));
  bind_text (stmt, 3, ld_event_series_get_theme (series));
  bind_text (stmt, 4, ld_event_series_get_place (series));
  bind_text (stmt, 5, ld_event_series_get_start_time (series));
  bind_text (stmt, 6, ld_event_series_get_end_time (series));
  bind_text (stmt, 7, ld_recurrence_freq_to_string (r.freq));
  sqlite3_bind_int (stmt, 8, r.interval);
  /* Only the fields of the rule's own frequency are kept: the others are NULL. */
  if (r.freq == LD_RECURRENCE_MONTHLY_DAY)
    sqlite3_bind_int (stmt, 9, r.month_day);
  if (r.freq == LD_RECURRENCE_MONTHLY_WEEKDAY)
    {
      sqlite3_bind_int (stmt, 10, r.week_ordinal);
      sqlite3_bind_int (stmt, 11, r.weekday);
    }
  if (r.freq == LD_RECURRENCE_WEEKLY)
    sqlite3_bind_int (stmt, 12, r.weekdays_mask);
  bind_text (stmt, 13, ld_month_day_overflow_to_string (r.month_day_overflow));
  bind_text (stmt, 14, ld_on_holiday_to_string (r.on_holiday));
  format_iso_date (&r.start_date, start);
  bind_text (stmt, 15, start);
  if (g_date_valid (&r.until_date))
    {
      format_iso_date (&r.until_date, until);
      bind_text (stmt, 16, until);
    }
  if (r.count > 0)
    sqlite3_bind_int (stmt, 17, r.count);
  sqlite3_bind_int (stmt, 18, MAX (r.deputies_per_event, 1));
  bind_text (stmt, 19, ld_event_series_get_notes (series));
}

static gboolean
write_rotation (sqlite3        *db,
                gint64          id,
                LdEventSeries  *series,
                GError        **error)
{
  const char *what = _("Saving the rotation");
  const gint64 *rotation;
  sqlite3_stmt *insert;
  guint n;
  gboolean ok = TRUE;

  if (!exec_with_id (db, "DELETE FROM event_series_rotation WHERE series_id = ?1", id, what,
                     error))
    return FALSE;

  insert = prepare (db, "INSERT INTO event_series_rotation (series_id, position, deputy_id) "
                        "VALUES (?1, ?2, ?3)", what, error);
  if (insert == NULL)
    return FALSE;
  rotation = ld_event_series_get_rotation (series, &n);
  for (guint i = 0; i < n && ok; i++)
    {
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int (insert, 2, i);
      sqlite3_bind_int64 (insert, 3, rotation[i]);
      ok = step_done (db, insert, what, error);
    }
  sqlite3_finalize (insert);
  return ok;
}

/* ------------------------------------------------------------------ series: occurrences */

/*
 * Where materialising stops: the until date (with room for the last occurrence to move past
 * a holiday); for a count, far enough for the count to end it; without either, the last day
 * of the year after the later of today and the start date, so that the year ahead is always
 * on the calendar (ld_calendar_store_extend_series() moves it on).
 */
static void
get_horizon (const LdRecurrence *recurrence,
             GDate              *horizon)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint year;

  g_date_clear (horizon, 1);
  if (g_date_valid (&recurrence->until_date))
    {
      *horizon = recurrence->until_date;
      g_date_add_days (horizon, HOLIDAY_MARGIN_DAYS);
      return;
    }

  year = MAX ((guint) g_date_time_get_year (now), (guint) g_date_get_year (&recurrence->start_date));
  if (recurrence->count > 0)
    g_date_set_dmy (horizon, 31, 12, year + COUNT_HORIZON_YEARS);
  else
    g_date_set_dmy (horizon, 31, 12, year + 1);
}

/* The occurrences of @series from occurrence date @from to the horizon, @exceptions left out. */
static GArray *
expand_series (LdEventSeries *series,
               LdWorkdays    *workdays,
               GArray        *exceptions,
               const GDate   *from)
{
  LdRecurrence recurrence;
  GDate horizon;
  GArray *occurrences;
  guint i = 0;

  ld_event_series_get_recurrence (series, &recurrence);
  if (!g_date_valid (&recurrence.start_date))
    return g_array_new (FALSE, FALSE, sizeof (LdOccurrence));

  get_horizon (&recurrence, &horizon);
  occurrences = ld_recurrence_expand (&recurrence, workdays,
                                      exceptions != NULL ? (const GDate *) exceptions->data : NULL,
                                      exceptions != NULL ? exceptions->len : 0,
                                      from, &horizon);
  /* The window is one of scheduled dates; an earlier occurrence moved into it is not ours. */
  while (i < occurrences->len)
    {
      if (g_date_compare (&g_array_index (occurrences, LdOccurrence, i).occurrence_date, from) < 0)
        g_array_remove_index (occurrences, i);
      else
        i++;
    }
  return occurrences;
}

/* The deputies on duty at occurrence @index of @series, sorted. */
static GArray *
rotation_deputies (LdEventSeries *series,
                   guint          index)
{
  LdRecurrence recurrence;
  const gint64 *rotation;
  GArray *deputies;
  guint n, written;

  ld_event_series_get_recurrence (series, &recurrence);
  rotation = ld_event_series_get_rotation (series, &n);
  deputies = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_set_size (deputies, MAX (n, 1));
  written = ld_recurrence_rotation (rotation, n, MAX (recurrence.deputies_per_event, 1), index,
                                    (gint64 *) deputies->data);
  g_array_set_size (deputies, written);
  return deputies;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Inserts the occurrences of series @id from @from to the horizon that have no row yet. */
static gboolean
materialise (sqlite3        *db,
             LdEventSeries  *series,
             gint64          id,
             gint64          station_id,
             LdWorkdays     *workdays,
             const GDate    *from,
             guint          *n_made,
             GError        **error)
{
  const char *what = _("Planning the occurrences of the series");
  g_autoptr(GArray) exceptions = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) occurrences = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *insert = NULL;
  gboolean ok = FALSE;
  int rc;

  if ((stmt = prepare (db, "SELECT occurrence_date FROM events WHERE series_id = ?1",
                       what, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      if (parse_iso_date (column_text (stmt, 0), &date))
        g_array_append_val (exceptions, date);
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      goto out;
    }
  sqlite3_finalize (stmt);

  occurrences = expand_series (series, workdays, exceptions, from);

  if ((stmt = prepare (db, EVENT_INSERT_SQL, what, error)) == NULL
      || (insert = prepare (db, "INSERT INTO event_deputies (event_id, deputy_id, role) "
                                "VALUES (?1, ?2, ?3)", what, error)) == NULL)
    goto out;

  for (guint i = 0; i < occurrences->len; i++)
    {
      const LdOccurrence *occurrence = &g_array_index (occurrences, LdOccurrence, i);
      g_autoptr(GArray) deputies = rotation_deputies (series, occurrence->index);
      char scheduled[11], occurrence_date[11];
      gint64 event_id;

      format_iso_date (&occurrence->scheduled_date, scheduled);
      format_iso_date (&occurrence->occurrence_date, occurrence_date);

      sqlite3_bind_int64 (stmt, 1, station_id);
      bind_text (stmt, 2, ld_event_series_get_kind (series));
      bind_text (stmt, 3, "planned");
      bind_text (stmt, 4, scheduled);
      bind_text (stmt, 5, ld_event_series_get_start_time (series));
      bind_text (stmt, 6, ld_event_series_get_end_time (series));
      bind_text (stmt, 7, ld_event_series_get_place (series));
      bind_text (stmt, 8, ld_event_series_get_theme (series));
      bind_text (stmt, 9, ld_event_series_get_notes (series));
      sqlite3_bind_int64 (stmt, 10, id);
      bind_text (stmt, 11, occurrence_date);
      if (!step_done (db, stmt, what, error))
        goto out;
      event_id = sqlite3_last_insert_rowid (db);

      for (guint j = 0; j < deputies->len; j++)
        if (!insert_deputy (db, insert, event_id, g_array_index (deputies, gint64, j),
                            LD_EVENT_ROLE_ON_DUTY, error))
          goto out;
    }
  if (n_made != NULL)
    *n_made += occurrences->len;
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_finalize (insert);
  return ok;
}

/* Whether the deputies of event @id are exactly @on_duty (sorted) on duty and nothing else. */
static gboolean
deputies_untouched (sqlite3       *db,
                    sqlite3_stmt  *stmt,
                    gint64         id,
                    GArray        *on_duty,
                    gboolean      *untouched,
                    GError       **error)
{
  guint n = 0;
  int rc;

  *untouched = TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!g_str_equal (column_text (stmt, 1), "on_duty")
          || n >= on_duty->len
          || g_array_index (on_duty, gint64, n) != sqlite3_column_int64 (stmt, 0))
        *untouched = FALSE;
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, _("Reading the calendar"));
      return FALSE;
    }
  if (n != on_duty->len)
    *untouched = FALSE;
  return TRUE;
}

/*
 * Deletes the occurrences of @old (the series as saved) on or after @from that are still what
 * it generated. Touched ones stay: their row is their own now, and it keeps the series from
 * generating that occurrence again.
 */
static gboolean
delete_untouched (sqlite3        *db,
                  LdEventSeries  *old,
                  LdWorkdays     *workdays,
                  const GDate    *from,
                  GError        **error)
{
  const char *what = _("Planning the occurrences of the series");
  g_autoptr(GArray) occurrences = expand_series (old, workdays, NULL, from);
  g_autoptr(GHashTable) by_date = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *deputies = NULL;
  char from_text[11];
  gboolean ok = FALSE;
  int rc;

  for (guint i = 0; i < occurrences->len; i++)
    {
      LdOccurrence *occurrence = &g_array_index (occurrences, LdOccurrence, i);

      g_hash_table_insert (by_date,
                           GUINT_TO_POINTER (g_date_get_julian (&occurrence->occurrence_date)),
                           occurrence);
    }

  if ((stmt = prepare (db, UNTOUCHED_CANDIDATES_SQL, what, error)) == NULL
      || (deputies = prepare (db, "SELECT deputy_id, role FROM event_deputies "
                                  "WHERE event_id = ?1 ORDER BY role = 'on_duty' DESC, deputy_id",
                              what, error)) == NULL)
    goto out;

  format_iso_date (from, from_text);
  sqlite3_bind_int64 (stmt, 1, ld_event_series_get_id (old));
  sqlite3_bind_text (stmt, 2, from_text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const LdOccurrence *occurrence;
      g_autoptr(GArray) on_duty = NULL;
      char scheduled[11];
      GDate date;
      gboolean untouched;

      if (!parse_iso_date (column_text (stmt, 8), &date))
        continue;
      occurrence = g_hash_table_lookup (by_date, GUINT_TO_POINTER (g_date_get_julian (&date)));
      if (occurrence == NULL)
        continue;

      format_iso_date (&occurrence->scheduled_date, scheduled);
      if (!g_str_equal (column_text (stmt, 1), scheduled)
          || !g_str_equal (column_text (stmt, 2), ld_event_series_get_start_time (old))
          || !g_str_equal (column_text (stmt, 3), ld_event_series_get_end_time (old))
          || !g_str_equal (column_text (stmt, 4), ld_event_series_get_place (old))
          || !g_str_equal (column_text (stmt, 5), ld_event_series_get_theme (old))
          || !g_str_equal (column_text (stmt, 6), ld_event_series_get_notes (old))
          || !g_str_equal (column_text (stmt, 7), ld_event_series_get_kind (old)))
        continue;

      on_duty = rotation_deputies (old, occurrence->index);
      g_array_sort (on_duty, compare_ids);
      if (!deputies_untouched (db, deputies, id, on_duty, &untouched, error))
        goto out;
      if (untouched)
        g_array_append_val (doomed, id);
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      goto out;
    }

  for (guint i = 0; i < doomed->len; i++)
    if (!exec_with_id (db, "DELETE FROM events WHERE id = ?1", g_array_index (doomed, gint64, i),
                       what, error))
      goto out;
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_finalize (deputies);
  return ok;
}

/* The day after the last occurrence of series @id that has a row, or its start date. */
static gboolean
get_next_unplanned (sqlite3        *db,
                    LdEventSeries  *series,
                    GDate          *from,
                    GError        **error)
{
  const char *what = _("Reading the calendar");
  LdRecurrence recurrence;
  sqlite3_stmt *stmt;
  int rc;

  ld_event_series_get_recurrence (series, &recurrence);
  *from = recurrence.start_date;

  stmt = prepare (db, "SELECT max(occurrence_date) FROM events WHERE series_id = ?1", what,
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ld_event_series_get_id (series));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && parse_iso_date (column_text (stmt, 0), from))
    g_date_add_days (from, 1);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
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


/* ------------------------------------------------------------------ public API: events */

GPtrArray *
ld_calendar_store_list_events (LdStore     *store,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3 *db;
  GDate date;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (parse_iso_date (from, &date), NULL);
  g_return_val_if_fail (parse_iso_date (to, &date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL)
    return NULL;

  /* NULL start times sort first: an event without a time comes before the timed ones. */
  events = query_events (db, "SELECT " EVENT_COLUMNS " FROM events e "
                             "WHERE e.event_date BETWEEN ?1 AND ?2 "
                             "ORDER BY e.event_date, e.start_time, e.id",
                         from, to, 0, error);
  if (events == NULL
      || !load_deputies (db, events,
                         "SELECT d.event_id, d.deputy_id, d.role FROM event_deputies d "
                         "JOIN events e ON e.id = d.event_id "
                         "WHERE e.event_date BETWEEN ?1 AND ?2 "
                         "ORDER BY d.event_id, d.deputy_id",
                         from, to, 0, error))
    return NULL;

  return g_steal_pointer (&events);
}

LdEvent *
ld_calendar_store_get_event (LdStore  *store,
                             gint64    id,
                             GError  **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL)
    return NULL;

  events = query_events (db, "SELECT " EVENT_COLUMNS " FROM events e WHERE e.id = ?1",
                         NULL, NULL, id, error);
  if (events == NULL
      || !load_deputies (db, events,
                         "SELECT event_id, deputy_id, role FROM event_deputies "
                         "WHERE event_id = ?1 ORDER BY deputy_id",
                         NULL, NULL, id, error))
    return NULL;

  if (events->len == 0)
    {
      set_event_not_found (error);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (events, 0));
}

gboolean
ld_calendar_store_save_event (LdStore  *store,
                              LdEvent  *event,
                              GError  **error)
{
  g_autoptr(GHashTable) errors = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id, station_id;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  errors = ld_event_validate (event);
  if (!ld_validation_first_error (errors, event_fields, error))
    return FALSE;

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  id = ld_event_get_id (event);
  station_id = ld_event_get_station_id (event);
  if (!resolve_station (db, &station_id, error))
    goto fail;

  if ((stmt = prepare (db, id == 0 ? EVENT_INSERT_SQL : EVENT_UPDATE_SQL,
                       _("Saving the event"), error)) == NULL)
    goto fail;
  bind_event (stmt, event, station_id);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 13, id);
  if (!step_done (db, stmt, _("Saving the event"), error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (id == 0)
    id = sqlite3_last_insert_rowid (db);
  else if (sqlite3_changes (db) == 0)
    {
      set_event_not_found (error);
      goto fail;
    }

  if (!write_deputies (db, id, event, ALL_ROLES, error)
      || !ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_event_set_id (event, id);
  ld_event_set_station_id (event, station_id);
  ld_store_emit_changed (store, "event", id);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_cancel_event (LdStore  *store,
                                gint64    id,
                                GError  **error)
{
  g_autofree char *status = NULL;
  gboolean in_series, has_concerns;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if (!read_event_state (db, id, &status, &in_series, &has_concerns, error))
    goto fail;
  if (g_str_equal (status, "held"))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("This event was held and cannot be cancelled"));
      goto fail;
    }
  if (!exec_with_id (db, "UPDATE events SET status = 'cancelled' WHERE id = ?1", id,
                     _("Cancelling the event"), error)
      || !ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "event", id);
  return TRUE;

fail:
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_delete_event (LdStore          *store,
                                gint64            id,
                                LdDeleteOutcome  *outcome,
                                GError          **error)
{
  g_autofree char *status = NULL;
  gboolean in_series, has_concerns;
  LdDeleteOutcome result;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if (!read_event_state (db, id, &status, &in_series, &has_concerns, error))
    goto fail;
  if (g_str_equal (status, "held"))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("This event was held and stays on record"));
      goto fail;
    }
  if (has_concerns)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Concerns were registered at this event, so it stays on record"));
      goto fail;
    }

  if (in_series)
    {
      result = LD_DELETE_RETIRED;
      if (!exec_with_id (db, "UPDATE events SET status = 'cancelled' WHERE id = ?1", id,
                         _("Cancelling the event"), error))
        goto fail;
    }
  else
    {
      result = LD_DELETE_DELETED;
      if (!exec_with_id (db, "DELETE FROM events WHERE id = ?1", id, _("Deleting the event"),
                         error))
        goto fail;
    }

  if (!ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  if (outcome != NULL)
    *outcome = result;
  ld_store_emit_changed (store, "event", id);
  return TRUE;

fail:
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_mark_held (LdStore       *store,
                             gint64         id,
                             const gint64  *attended,
                             guint          n_attended,
                             const gint64  *on_leave,
                             guint          n_on_leave,
                             GError       **error)
{
  g_autoptr(LdEvent) attendance = NULL;
  g_autofree char *status = NULL;
  gboolean in_series, has_concerns;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (attended != NULL || n_attended == 0, FALSE);
  g_return_val_if_fail (on_leave != NULL || n_on_leave == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  attendance = ld_event_new ();
  ld_event_set_deputies (attendance, LD_EVENT_ROLE_ATTENDED, attended, n_attended);
  ld_event_set_deputies (attendance, LD_EVENT_ROLE_ON_LEAVE, on_leave, n_on_leave);
  for (guint i = 0; i < n_attended; i++)
    if (ld_event_has_deputy (attendance, LD_EVENT_ROLE_ON_LEAVE, attended[i]))
      {
        g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                             _("A deputy cannot both attend and be on leave"));
        return FALSE;
      }

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if (!read_event_state (db, id, &status, &in_series, &has_concerns, error)
      || !exec_with_id (db, "UPDATE events SET status = 'held' WHERE id = ?1", id,
                        _("Saving the attendance"), error)
      || !write_deputies (db, id, attendance,
                          (1u << LD_EVENT_ROLE_ATTENDED) | (1u << LD_EVENT_ROLE_ON_LEAVE), error)
      || !ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "event", id);
  return TRUE;

fail:
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_set_notice_printed (LdStore    *store,
                                      gint64      id,
                                      GDateTime  *when,
                                      GError    **error)
{
  const char *what = _("Saving the event");
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  utc = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if ((stmt = prepare (db, "UPDATE events SET notice_printed_at = ?1 WHERE id = ?2", what,
                       error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (db, stmt, what, error))
    goto fail;
  if (sqlite3_changes (db) == 0)
    {
      set_event_not_found (error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "event", id);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ calendar days */

LdCalendarDay *
ld_calendar_day_new (const char *day,
                     LdDayKind   kind,
                     const char *seed_key,
                     const char *name)
{
  LdCalendarDay *self = g_new0 (LdCalendarDay, 1);

  self->day = g_strdup (day);
  self->kind = kind;
  self->seed_key = g_strdup (seed_key != NULL && seed_key[0] != '\0' ? seed_key : NULL);
  self->name = g_strdup (name != NULL && name[0] != '\0' ? name : NULL);
  return self;
}

LdCalendarDay *
ld_calendar_day_copy (const LdCalendarDay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ld_calendar_day_new (self->day, self->kind, self->seed_key, self->name);
}

void
ld_calendar_day_free (LdCalendarDay *self)
{
  if (self == NULL)
    return;

  g_free (self->day);
  g_free (self->seed_key);
  g_free (self->name);
  g_free (self);
}

const char *
ld_calendar_day_get_display_name (const LdCalendarDay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->name != NULL)
    return self->name;
  return ld_workdays_festival_name (self->seed_key);
}

GArray *
ld_calendar_store_list_years (LdStore  *store,
                              GError  **error)
{
  const char *what = _("Reading the working-day calendar");
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL
      || (stmt = prepare (db, "SELECT DISTINCT CAST(substr(day, 1, 4) AS INTEGER) "
                              "FROM calendar_days ORDER BY 1", what, error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint year = (guint) sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return NULL;
    }
  return g_steal_pointer (&years);
}

GPtrArray *
ld_calendar_store_list_days (LdStore  *store,
                             guint     year,
                             GError  **error)
{
  const char *what = _("Reading the working-day calendar");
  g_autoptr(GPtrArray) days = NULL;
  char first[11], last[11];
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL
      || (stmt = prepare (db, "SELECT day, kind, seed_key, name FROM calendar_days "
                              "WHERE day BETWEEN ?1 AND ?2 ORDER BY day", what, error)) == NULL)
    return NULL;

  g_snprintf (first, sizeof first, "%04u-01-01", year);
  g_snprintf (last, sizeof last, "%04u-12-31", year);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) ld_calendar_day_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (days,
                     ld_calendar_day_new (column_text (stmt, 0),
                                          g_str_equal (column_text (stmt, 1), "holiday")
                                            ? LD_DAY_KIND_HOLIDAY
                                            : LD_DAY_KIND_MAKEUP_WORKDAY,
                                          (const char *) sqlite3_column_text (stmt, 2),
                                          (const char *) sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return NULL;
    }
  return g_steal_pointer (&days);
}

gboolean
ld_calendar_store_save_day (LdStore              *store,
                            const LdCalendarDay  *day,
                            GError              **error)
{
  const char *what = _("Saving the working-day calendar");
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt = NULL;
  char normal[11];
  sqlite3 *db;
  GDate date;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (day->kind == LD_DAY_KIND_HOLIDAY ||
                        day->kind == LD_DAY_KIND_MAKEUP_WORKDAY, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso_date (day->day, &date))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Enter a real date as YYYY-MM-DD"));
      return FALSE;
    }
  format_iso_date (&date, normal);
  name = day->name != NULL ? g_strstrip (g_strdup (day->name)) : NULL;

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if ((stmt = prepare (db, "INSERT OR REPLACE INTO calendar_days (day, kind, seed_key, name) "
                           "VALUES (?1, ?2, ?3, ?4)", what, error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, normal, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day->kind == LD_DAY_KIND_HOLIDAY ? "holiday" : "makeup_workday",
                     -1, SQLITE_STATIC);
  bind_text (stmt, 3, day->seed_key);
  bind_text (stmt, 4, name);
  if (!step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "calendar", 0);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_remove_day (LdStore     *store,
                              const char  *date,
                              GError     **error)
{
  const char *what = _("Saving the working-day calendar");
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if ((stmt = prepare (db, "DELETE FROM calendar_days WHERE day = ?1", what, error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This day is no longer in the working-day calendar"));
      goto fail;
    }
  if (!ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "calendar", 0);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ public API: series */

GPtrArray *
ld_calendar_store_list_series (LdStore  *store,
                               GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL)
    return NULL;
  return query_series (db, 0, error);
}

LdEventSeries *
ld_calendar_store_get_series (LdStore  *store,
                              gint64    id,
                              GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL)
    return NULL;
  return load_series (db, id, error);
}

gboolean
ld_calendar_store_save_series (LdStore        *store,
                               LdEventSeries  *series,
                               GError        **error)
{
  return ld_calendar_store_save_series_from (store, series, NULL, error);
}

/**
 * ld_calendar_store_save_series_from:
 * @from_date: (nullable): the first occurrence date to generate again; NULL for the start date
 */
gboolean
ld_calendar_store_save_series_from (LdStore        *store,
                                    LdEventSeries  *series,
                                    const char     *from_date,
                                    GError        **error)
{
  const char *what = _("Saving the series");
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(LdEventSeries) old = NULL;
  LdRecurrence recurrence;
  sqlite3_stmt *stmt = NULL;
  gint64 id, station_id;
  sqlite3 *db;
  GDate from;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_EVENT_SERIES (series), FALSE);
  g_return_val_if_fail (from_date == NULL || parse_iso_date (from_date, &from), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  errors = ld_event_series_validate (series);
  if (!ld_validation_first_error (errors, series_fields, error))
    return FALSE;

  ld_event_series_get_recurrence (series, &recurrence);
  if (from_date == NULL)
    from = recurrence.start_date;

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  id = ld_event_series_get_id (series);
  station_id = ld_event_series_get_station_id (series);
  if (!resolve_station (db, &station_id, error)
      || (workdays = ld_calendar_store_load_workdays (store, error)) == NULL)
    goto fail;

  if (id != 0)
    {
      if ((old = load_series (db, id, error)) == NULL
          || !delete_untouched (db, old, workdays, &from, error))
        goto fail;
    }

  if ((stmt = prepare (db, id == 0 ? SERIES_INSERT_SQL : SERIES_UPDATE_SQL, what, error)) == NULL)
    goto fail;
  bind_series (stmt, series, station_id);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 20, id);
  if (!step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (id == 0)
    id = sqlite3_last_insert_rowid (db);

  if (!write_rotation (db, id, series, error)
      || !materialise (db, series, id, station_id, workdays, &from, NULL, error)
      || !ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_event_series_set_id (series, id);
  ld_event_series_set_station_id (series, station_id);
  ld_store_emit_changed (store, "event", 0);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_extend_series (LdStore  *store,
                                 GError  **error)
{
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n_made = 0;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if ((workdays = ld_calendar_store_load_workdays (store, error)) == NULL
      || (all = query_series (db, 0, error)) == NULL)
    goto fail;

  for (guint i = 0; i < all->len; i++)
    {
      LdEventSeries *series = g_ptr_array_index (all, i);
      GDate from;

      if (!get_next_unplanned (db, series, &from, error)
          || !materialise (db, series, ld_event_series_get_id (series),
                           ld_event_series_get_station_id (series), workdays, &from, &n_made,
                           error))
        goto fail;
    }

  if (!ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  if (n_made > 0)
    ld_store_emit_changed (store, "event", 0);
  return TRUE;

fail:
  rollback (store);
  return FALSE;
}

gboolean
ld_calendar_store_delete_series (LdStore  *store,
                                 gint64    id,
                                 GError  **error)
{
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(LdEventSeries) old = NULL;
  LdRecurrence recurrence;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (store, error))
    return FALSE;
  db = ld_database_get_handle (ld_store_get_database (store));

  if ((workdays = ld_calendar_store_load_workdays (store, error)) == NULL
      || (old = load_series (db, id, error)) == NULL)
    goto fail;

  ld_event_series_get_recurrence (old, &recurrence);
  if (!delete_untouched (db, old, workdays, &recurrence.start_date, error)
      || !exec_with_id (db, "DELETE FROM event_series WHERE id = ?1", id,
                        _("Deleting the series"), error)
      || !ld_database_commit (ld_store_get_database (store), error))
    goto fail;

  ld_store_emit_changed (store, "event", 0);
  return TRUE;

fail:
  rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ uuids */

char *
ld_calendar_store_get_uuid (LdStore     *store,
                            const char  *table,
                            gint64       id,
                            GError     **error)
{
  const char *what = _("Reading the calendar");
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (table, "events") == 0 ||
                        g_strcmp0 (table, "event_series") == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = get_handle (store, error)) == NULL)
    return NULL;
  if (g_str_equal (table, "events"))
    stmt = prepare (db, "SELECT uuid FROM events WHERE id = ?1", what, error);
  else
    stmt = prepare (db, "SELECT uuid FROM event_series WHERE id = ?1", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = g_strdup (column_text (stmt, 0));
  else if (rc == SQLITE_DONE && g_str_equal (table, "events"))
    set_event_not_found (error);
  else if (rc == SQLITE_DONE)
    set_series_not_found (error);
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return uuid;
}

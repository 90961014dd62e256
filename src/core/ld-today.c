/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-today"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-database.h"
#include "ld-phone.h"
#include "ld-sql.h"
#include "ld-suggestion-store.h"
#include "ld-today.h"
#include "ld-workflow.h"

/*
 * Each list is two statements on the same WHERE: a count(*) that the index answers alone, and
 * the first ids in the order shown, with a LIMIT. The parameters are numbered the same in every
 * statement: ?1 and ?2 the dates of the list, ?3 the station, ?4 the deputy, ?5 the limit; a
 * statement binds those it names.
 *
 * As in ld-report.c, the station and deputy filters are appended to the SQL text rather than
 * written as (?3 = 0 OR …), so that the planner sees them. The deputy's items are checked in
 * the link tables: the deputies who received a concern (concern_deputies), who lead or co-signed
 * a suggestion (suggestion_deputies), who are on duty at, attended or are on leave from an event
 * (event_deputies). Drafts are not filtered by deputy: they are what was typed at this desk, and
 * hiding one would look like losing it.
 *
 * The due lists order by +due_date: the unary plus keeps the planner from walking the whole
 * due-date index in order (checking each row's state and deputy) to spare a sort of the few rows
 * the (state, due_date) index finds.
 *
 * The dates are local "YYYY-MM-DD" text, compared as text on the _date columns, with the bands
 * of ld_deadline_status(): overdue when due < today, due soon when 0 ≤ due − today < soon days,
 * of which the day itself is the separate "due today" list.
 */

#define CONCERN_DUE_STATES "('referred', 'in_progress')"
#define NOTICE_DAYS_KEY    "event.notice_days_ahead"
#define NOTICE_DAYS_FALLBACK 3

/* One list's statements: FROM … WHERE (without the filters), the link of the deputy filter, and
 * the order of the ids. */
typedef struct
{
  const char *id;          /* the id column, e.g. "c.id" */
  const char *from_where;  /* "FROM concerns AS c WHERE …" */
  const char *alias;       /* the row the filters apply to */
  const char *station;     /* its station column, NULL: no station filter */
  const char *link;        /* "concern_deputies", NULL: no deputy filter */
  const char *link_id;     /* the link's column naming the row */
  const char *owner_id;    /* the row's column the link names, e.g. "c.id" */
  const char *order;       /* ORDER BY … */
  gboolean    distinct;    /* rows may repeat an id (the view feedback_owed) */
  gboolean    few_per_deputy;  /* a deputy has few of these rows: read them through the link */
} ListSql;

/* ------------------------------------------------------------------ helpers */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
add_days (const GDate *date,
          guint        days)
{
  GDate shifted = *date;

  g_date_add_days (&shifted, days);
  return format_date (&shifted);
}

static void
list_init (LdTodayList *list)
{
  list->count = 0;
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
list_clear (LdTodayList *list)
{
  g_clear_pointer (&list->ids, g_array_unref);
  list->count = 0;
}

static void
append_filters (GString            *sql,
                const ListSql      *list,
                const LdTodayQuery *query)
{
  if (query->station_id != 0 && list->station != NULL)
    g_string_append_printf (sql, " AND %s = ?3", list->station);
  /* A deputy has received tens of thousands of concerns on a district's database: "id IN (the
   * deputy's ids)" would read every one of those rows, so the concerns found on the date index
   * are checked with EXISTS on the link's primary key. A deputy leads or co-signs a few hundred
   * suggestions, fewer than are overdue at the station: those rows are read through the link. */
  if (query->deputy_id != 0 && list->link != NULL && list->few_per_deputy)
    g_string_append_printf (sql, " AND %s IN (SELECT %s FROM %s WHERE deputy_id = ?4)",
                            list->owner_id, list->link_id, list->link);
  else if (query->deputy_id != 0 && list->link != NULL)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s AS l WHERE l.%s = %s "
                            "AND l.deputy_id = ?4)",
                            list->link, list->link_id, list->owner_id);
}

static void
bind_params (sqlite3_stmt       *stmt,
             const char         *first,
             const char         *second,
             const LdTodayQuery *query)
{
  /* A parameter the statement does not name answers SQLITE_RANGE, which is harmless. */
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, query->station_id);
  sqlite3_bind_int64 (stmt, 4, query->deputy_id);
  sqlite3_bind_int64 (stmt, 5, query->limit);
}

/* Fills @out with the count and the first ids of @list for the dates @first and @second. */
static gboolean
run_list (sqlite3            *db,
          const ListSql      *list,
          const LdTodayQuery *query,
          const char         *first,
          const char         *second,
          LdTodayList        *out,
          const char         *what,
          GError            **error)
{
  g_autoptr(GString) where = g_string_new (list->from_where);
  g_autofree char *count_sql = NULL;
  g_autofree char *ids_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  append_filters (where, list, query);
  count_sql = g_strdup_printf ("SELECT count(%s%s) %s", list->distinct ? "DISTINCT " : "",
                               list->distinct ? list->id : "*", where->str);
  if (list->distinct)
    ids_sql = g_strdup_printf ("SELECT %s %s GROUP BY %s ORDER BY %s LIMIT ?5",
                               list->id, where->str, list->id, list->order);
  else
    ids_sql = g_strdup_printf ("SELECT %s %s ORDER BY %s LIMIT ?5",
                               list->id, where->str, list->order);

  if ((stmt = ld_sql_prepare (db, count_sql, what, error)) == NULL)
    return FALSE;
  bind_params (stmt, first, second, query);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    out->count = sqlite3_column_int64 (stmt, 0);
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  if (query->limit == 0 || out->count == 0)
    return TRUE;

  if ((stmt = ld_sql_prepare (db, ids_sql, what, error)) == NULL)
    return FALSE;
  bind_params (stmt, first, second, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out->ids, id);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* The days ahead of a reception day on which its notice is due: the station's setting over the
 * default, 0 … 60; a value that makes no sense is the default. */
static gboolean
read_notice_days (sqlite3  *db,
                  gint64    station_id,
                  guint    *days,
                  GError  **error)
{
  const char *what = _("Reading the settings");
  sqlite3_stmt *stmt;
  gint64 parsed;
  int rc;

  *days = NOTICE_DAYS_FALLBACK;
  stmt = ld_sql_prepare (db,
                         "SELECT value FROM settings WHERE key = ?1 "
                         "AND (station_id IS NULL OR station_id = ?2) "
                         "ORDER BY station_id IS NULL LIMIT 1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, NOTICE_DAYS_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, station_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW
      && g_ascii_string_to_signed (ld_sql_column_text (stmt, 0), 10, 0, 60, &parsed, NULL))
    *days = (guint) parsed;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* "s.state IN ('assigned', 'rehandling')": the states in which a suggestion is due. */
static char *
suggestion_due_states (void)
{
  g_autoptr(GString) in = g_string_new ("s.state IN (");
  gboolean first = TRUE;

  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    if (ld_suggestion_state_is_due (s))
      {
        g_string_append_printf (in, "%s'%s'", first ? "" : ", ", ld_suggestion_state_to_id (s));
        first = FALSE;
      }
  if (first)
    g_string_append (in, "NULL");
  g_string_append (in, ")");
  return g_string_free (g_steal_pointer (&in), FALSE);
}

/* ------------------------------------------------------------------ the lists */

static gboolean
compute_events (sqlite3            *db,
                const LdTodayQuery *query,
                const char         *today,
                const char         *tomorrow,
                const char         *notice_end,
                LdToday            *out,
                GError            **error)
{
  const char *what = _("Reading the calendar");
  const ListSql events = {
    .id = "e.id",
    .from_where = "FROM events AS e WHERE e.event_date = ?1 AND e.status <> 'cancelled'",
    .alias = "e", .station = "e.station_id",
    .link = "event_deputies", .link_id = "event_id", .owner_id = "e.id",
    .order = "e.start_time IS NOT NULL, e.start_time, e.id",
  };
  const ListSql notices = {
    .id = "e.id",
    .from_where = "FROM events AS e WHERE e.event_date >= ?1 AND e.event_date <= ?2 "
                  "AND e.kind = 'reception_day' AND e.status = 'planned' "
                  "AND e.notice_printed_at IS NULL",
    .alias = "e", .station = "e.station_id",
    .link = "event_deputies", .link_id = "event_id", .owner_id = "e.id",
    .order = "e.event_date, e.start_time IS NOT NULL, e.start_time, e.id",
  };

  return run_list (db, &events, query, today, NULL, &out->events_today, what, error)
         && run_list (db, &events, query, tomorrow, NULL, &out->events_tomorrow, what, error)
         && run_list (db, &notices, query, today, notice_end, &out->notices_due, what, error);
}

static gboolean
compute_concerns (sqlite3            *db,
                  const LdTodayQuery *query,
                  const char         *today,
                  const char         *soon_end,
                  LdToday            *out,
                  GError            **error)
{
  const char *what = _("Listing concerns");
  ListSql due = {
    .id = "c.id", .alias = "c", .station = "c.station_id",
    .link = "concern_deputies", .link_id = "concern_id", .owner_id = "c.id",
    .order = "+c.due_date, c.id",
  };
  const ListSql feedback = {
    .id = "f.concern_id",
    .from_where = "FROM feedback_owed AS f WHERE 1",
    .alias = "f", .station = "f.station_id",
    .link = "concern_deputies", .link_id = "concern_id", .owner_id = "f.concern_id",
    .order = "min(f.outcome_date), f.concern_id",
    .distinct = TRUE,
  };

  due.from_where = "FROM concerns AS c WHERE c.state IN " CONCERN_DUE_STATES " "
                   "AND c.due_date < ?1";
  if (!run_list (db, &due, query, today, NULL, &out->concerns_overdue, what, error))
    return FALSE;
  due.from_where = "FROM concerns AS c WHERE c.state IN " CONCERN_DUE_STATES " "
                   "AND c.due_date = ?1";
  if (!run_list (db, &due, query, today, NULL, &out->concerns_due_today, what, error))
    return FALSE;
  due.from_where = "FROM concerns AS c WHERE c.state IN " CONCERN_DUE_STATES " "
                   "AND c.due_date > ?1 AND c.due_date < ?2";
  if (!run_list (db, &due, query, today, soon_end, &out->concerns_due_soon, what, error))
    return FALSE;
  return run_list (db, &feedback, query, NULL, NULL, &out->feedback_owed, what, error);
}

static gboolean
compute_suggestions (sqlite3            *db,
                     const LdTodayQuery *query,
                     const char         *today,
                     const char         *soon_end,
                     LdToday            *out,
                     GError            **error)
{
  const char *what = _("Listing suggestions");
  g_autofree char *states = suggestion_due_states ();
  g_autofree char *overdue = NULL;
  g_autofree char *due_today = NULL;
  g_autofree char *due_soon = NULL;
  ListSql due = {
    .id = "s.id", .alias = "s", .station = "s.station_id",
    .link = "suggestion_deputies", .link_id = "suggestion_id", .owner_id = "s.id",
    .order = "+s.due_date, s.id",
    .few_per_deputy = TRUE,
  };

  overdue = g_strdup_printf ("FROM suggestions AS s WHERE %s AND s.due_date < ?1", states);
  due_today = g_strdup_printf ("FROM suggestions AS s WHERE %s AND s.due_date = ?1", states);
  due_soon = g_strdup_printf ("FROM suggestions AS s WHERE %s "
                              "AND s.due_date > ?1 AND s.due_date < ?2", states);

  due.from_where = overdue;
  if (!run_list (db, &due, query, today, NULL, &out->suggestions_overdue, what, error))
    return FALSE;
  due.from_where = due_today;
  if (!run_list (db, &due, query, today, NULL, &out->suggestions_due_today, what, error))
    return FALSE;
  due.from_where = due_soon;
  return run_list (db, &due, query, today, soon_end, &out->suggestions_due_soon, what, error);
}

static gboolean
compute_drafts (sqlite3            *db,
                const LdTodayQuery *query,
                LdToday            *out,
                GError            **error)
{
  /* Only drafts of new concerns: the intake form resumes them (an edit's draft belongs to the
   * concern's own window). A draft without a station was typed before one was chosen. */
  const ListSql drafts = {
    .id = "d.id",
    .from_where = query->station_id != 0
                  ? "FROM concern_drafts AS d WHERE d.concern_id IS NULL "
                    "AND (d.station_id IS NULL OR d.station_id = ?3)"
                  : "FROM concern_drafts AS d WHERE d.concern_id IS NULL",
    .alias = "d",
    .order = "d.updated_at DESC, d.id DESC",
  };

  return run_list (db, &drafts, query, NULL, NULL, &out->drafts, _("Reading the drafts"),
                   error);
}

static gboolean
compute_month (LdStore            *store,
               const LdTodayQuery *query,
               const GDate        *today,
               LdToday            *out,
               GError            **error)
{
  GDate first = *today;
  g_autofree char *from = NULL;
  LdReportPeriod period = { 0 };

  g_date_set_day (&first, 1);
  from = format_date (&first);
  period.from = from;
  period.to = query->today;
  period.station_id = query->station_id;
  period.deputy_id = query->deputy_id;

  return ld_report_concern_figures (store, &period, &out->month_concerns, error)
         && ld_report_suggestion_figures (store, &period, &out->month_suggestions, error);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_today_compute:
 *
 * Fills @today, which need not be initialised and is overwritten (clear it before reusing it).
 * On error @today is left cleared.
 */
gboolean
ld_today_compute (LdStore             *store,
                  const LdTodayQuery  *query,
                  LdToday             *today,
                  GError             **error)
{
  LdTodayList *lists[] = {
    &today->events_today, &today->events_tomorrow, &today->notices_due,
    &today->concerns_overdue, &today->concerns_due_today, &today->concerns_due_soon,
    &today->suggestions_overdue, &today->suggestions_due_today, &today->suggestions_due_soon,
    &today->feedback_owed, &today->drafts,
  };
  LdSuggestionDeadlines deadlines = { 0 };
  g_autofree char *tomorrow = NULL;
  g_autofree char *soon_end = NULL;
  g_autofree char *notice_end = NULL;
  guint notice_days;
  sqlite3 *db;
  GDate date;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (today, 0, sizeof *today);
  if (!parse_date (query->today, &date))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Today must be a date, as YYYY-MM-DD"));
      return FALSE;
    }
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    list_init (lists[i]);

  if (!ld_suggestion_store_get_deadlines (store, query->station_id, &deadlines, error)
      || !read_notice_days (db, query->station_id, &notice_days, error))
    goto fail;

  tomorrow = add_days (&date, 1);
  soon_end = add_days (&date, (guint) MAX (deadlines.due_soon_days, 1));
  notice_end = add_days (&date, notice_days);

  if (!compute_events (db, query, query->today, tomorrow, notice_end, today, error)
      || !compute_concerns (db, query, query->today, soon_end, today, error)
      || !compute_suggestions (db, query, query->today, soon_end, today, error)
      || !compute_drafts (db, query, today, error)
      || !compute_month (store, query, &date, today, error))
    goto fail;
  return TRUE;

fail:
  ld_today_clear (today);
  return FALSE;
}

/* Frees the lists and sets everything to 0; safe on a cleared or zeroed LdToday. */
void
ld_today_clear (LdToday *today)
{
  g_return_if_fail (today != NULL);

  list_clear (&today->events_today);
  list_clear (&today->events_tomorrow);
  list_clear (&today->notices_due);
  list_clear (&today->concerns_overdue);
  list_clear (&today->concerns_due_today);
  list_clear (&today->concerns_due_soon);
  list_clear (&today->suggestions_overdue);
  list_clear (&today->suggestions_due_today);
  list_clear (&today->suggestions_due_soon);
  list_clear (&today->feedback_owed);
  list_clear (&today->drafts);
  ld_suggestion_figures_clear (&today->month_suggestions);
  memset (today, 0, sizeof *today);
}

gboolean
ld_today_is_new_station (LdStore  *store,
                         GError  **error)
{
  const char *what = _("Reading the station");
  sqlite3_stmt *stmt;
  gboolean is_new = FALSE;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;
  stmt = ld_sql_prepare (db,
                         "SELECT NOT EXISTS (SELECT 1 FROM events) "
                         "AND NOT EXISTS (SELECT 1 FROM concerns) "
                         "AND NOT EXISTS (SELECT 1 FROM suggestions)", what, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    is_new = sqlite3_column_int (stmt, 0) != 0;
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return is_new;
}

gint64
ld_today_deputy_by_uuid (LdStore     *store,
                         const char  *uuid,
                         GError     **error)
{
  const char *what = _("Reading the deputies");
  sqlite3_stmt *stmt;
  gint64 id = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (uuid == NULL || uuid[0] == '\0')
    return 0;
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return 0;
  if ((stmt = ld_sql_prepare (db, "SELECT id FROM deputies WHERE uuid = ?1", what, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return id;
}

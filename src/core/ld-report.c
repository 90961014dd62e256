/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ld-database.h"
#include "ld-event.h"
#include "ld-phone.h"
#include "ld-report.h"
#include "ld-sql.h"

/*
 * Every figure is a SQL aggregate over the rows of the period, so a district's million concerns
 * never cross into C: three statements for suggestions, two for concerns.
 *
 * The period is two local dates. Columns ending in _date hold local dates and are compared as
 * text; the instants (received_at, created_at) are UTC, so the period becomes
 * [local midnight of from, local midnight of the day after to) in UTC, exactly as the concerns
 * list filters (ld-concern-store.c): a concern received at 2026-03-31T17:00:00Z is one of
 * 1 April in China.
 *
 * The filters are appended to the SQL text rather than written as (?3 = 0 OR …), so that the
 * planner sees them and picks the (station_id, …) indexes when there is a station.
 *
 * by_class maps a gint64 answer_classes.id (a g_new'd key, g_int64_hash) to a g_new'd gint64
 * count; a class with no answer in the period is absent, which reads as 0.
 */

G_STATIC_ASSERT (LD_SUGGESTION_N_STATES == 8);
G_STATIC_ASSERT (LD_CONCERN_N_STATES == 9);

/* The stored state ids in the order of LdSuggestionState and LdConcernState. */
#define SUGGESTION_STATE_INDEX \
  "CASE s.state WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'assigned' THEN 2 " \
  "WHEN 'returned' THEN 3 WHEN 'answered' THEN 4 WHEN 'evaluated' THEN 5 " \
  "WHEN 'rehandling' THEN 6 WHEN 'closed' THEN 7 END"
#define CONCERN_STATE_INDEX \
  "CASE c.state WHEN 'registered' THEN 0 WHEN 'answered' THEN 1 WHEN 'redirected' THEN 2 " \
  "WHEN 'referred' THEN 3 WHEN 'converted' THEN 4 WHEN 'in_progress' THEN 5 " \
  "WHEN 'concluded' THEN 6 WHEN 'feedback_given' THEN 7 WHEN 'closed' THEN 8 END"
/* Every state, so that (state, created_at) and (state, received_at) serve the counts as one
 * range per state from the index alone. */
#define SUGGESTION_STATES \
  "('draft', 'submitted', 'assigned', 'returned', 'answered', 'evaluated', 'rehandling', " \
  "'closed')"
#define CONCERN_STATES \
  "('registered', 'answered', 'redirected', 'referred', 'converted', 'in_progress', " \
  "'concluded', 'feedback_given', 'closed')"

/* The period, checked, with its bounds as the SQL binds them. */
typedef struct
{
  char   *from;       /* local "YYYY-MM-DD" */
  char   *to;
  char   *from_utc;   /* local midnight of from, as stored UTC text */
  char   *to_utc;     /* local midnight of the day after to */
  gint64  station_id;
  gint64  deputy_id;
} Bounds;

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

/* Local midnight of @date plus @days, as the stored UTC text. */
static char *
local_midnight_utc (const GDate *date,
                    int          days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  g_autoptr(GDateTime) utc = NULL;

  local = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date), 0, 0, 0);
  if (local == NULL)
    return NULL;
  shifted = g_date_time_add_days (local, days);
  utc = g_date_time_to_utc (shifted);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
bounds_clear (Bounds *bounds)
{
  g_clear_pointer (&bounds->from, g_free);
  g_clear_pointer (&bounds->to, g_free);
  g_clear_pointer (&bounds->from_utc, g_free);
  g_clear_pointer (&bounds->to_utc, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

static gboolean
bounds_init (Bounds               *bounds,
             const LdReportPeriod *period,
             GError              **error)
{
  GDate from, to;

  memset (bounds, 0, sizeof *bounds);
  if (!parse_date (period->from, &from) || !parse_date (period->to, &to))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The period must run from one date to another, as YYYY-MM-DD"));
      return FALSE;
    }
  bounds->from = g_strdup (period->from);
  bounds->to = g_strdup (period->to);
  bounds->from_utc = local_midnight_utc (&from, 0);
  bounds->to_utc = local_midnight_utc (&to, 1);
  bounds->station_id = period->station_id;
  bounds->deputy_id = period->deputy_id;
  if (bounds->from_utc == NULL || bounds->to_utc == NULL)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The period must run from one date to another, as YYYY-MM-DD"));
      return FALSE;
    }
  return TRUE;
}

/*
 * Appends the station and deputy filters on @alias (a row of suggestions or concerns; @link is
 * suggestion_deputies or concern_deputies, @link_id its column naming the row). They bind
 * ?3 and ?4, which every statement here leaves free for them.
 */
static void
append_filters (GString      *sql,
                const Bounds *bounds,
                const char   *alias,
                const char   *link,
                const char   *link_id)
{
  if (bounds->station_id != 0)
    g_string_append_printf (sql, " AND %s.station_id = ?3", alias);
  if (bounds->deputy_id != 0)
    g_string_append_printf (sql, " AND %s.id IN (SELECT %s FROM %s WHERE deputy_id = ?4)",
                            alias, link_id, link);
}

/* Prepares @sql and binds the period: ?1 and ?2 are @lower and @upper, then the filters. */
static sqlite3_stmt *
prepare_period (sqlite3      *db,
                const char   *sql,
                const Bounds *bounds,
                const char   *lower,
                const char   *upper,
                const char   *what,
                GError      **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = ld_sql_prepare (db, sql, what, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  if (bounds->station_id != 0)
    sqlite3_bind_int64 (stmt, 3, bounds->station_id);
  if (bounds->deputy_id != 0)
    sqlite3_bind_int64 (stmt, 4, bounds->deputy_id);
  return stmt;
}

/* Steps a statement of (index, count) rows into @counts[index]. */
static gboolean
read_by_state (sqlite3      *db,
               sqlite3_stmt *stmt,
               gint64       *counts,
               guint         n_counts,
               const char   *what,
               GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* NULL (an unknown state, which the CHECK forbids) reads as a negative index. */
      gint64 index = sqlite3_column_type (stmt, 0) == SQLITE_NULL
                     ? -1 : sqlite3_column_int64 (stmt, 0);

      if (index >= 0 && index < (gint64) n_counts)
        counts[index] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ suggestions */

static gboolean
count_assigned (sqlite3             *db,
                const Bounds        *bounds,
                LdSuggestionFigures *figures,
                const char          *what,
                GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* The CHECKs make an evaluation imply an answer; the filters say it anyway, so that the
   * figures match their definitions whatever a merge wrote. */
  g_string_append (sql,
                   "SELECT count(*), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL), "
                   "count(*) FILTER (WHERE s.answer_date <= s.due_date), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL "
                   "AND s.evaluation IS NOT NULL), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL "
                   "AND s.evaluation = 'satisfied'), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL "
                   "AND s.evaluation = 'basically_satisfied'), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL "
                   "AND s.evaluation = 'dissatisfied'), "
                   "count(*) FILTER (WHERE s.answer_date IS NOT NULL AND s.answer_class_id IN "
                   "(SELECT id FROM answer_classes WHERE solved = 1)) "
                   "FROM suggestions AS s "
                   "WHERE s.assigned_date >= ?1 AND s.assigned_date <= ?2");
  append_filters (sql, bounds, "s", "suggestion_deputies", "suggestion_id");

  if ((stmt = prepare_period (db, sql->str, bounds, bounds->from, bounds->to, what,
                              error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      figures->assigned = sqlite3_column_int64 (stmt, 0);
      figures->answered = sqlite3_column_int64 (stmt, 1);
      figures->answered_on_time = sqlite3_column_int64 (stmt, 2);
      figures->rated = sqlite3_column_int64 (stmt, 3);
      figures->satisfied = sqlite3_column_int64 (stmt, 4);
      figures->basically_satisfied = sqlite3_column_int64 (stmt, 5);
      figures->dissatisfied = sqlite3_column_int64 (stmt, 6);
      figures->solved = sqlite3_column_int64 (stmt, 7);
    }
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
count_by_class (sqlite3             *db,
                const Bounds        *bounds,
                LdSuggestionFigures *figures,
                const char          *what,
                GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_append (sql,
                   "SELECT s.answer_class_id, count(*) FROM suggestions AS s "
                   "WHERE s.assigned_date >= ?1 AND s.assigned_date <= ?2 "
                   "AND s.answer_date IS NOT NULL AND s.answer_class_id IS NOT NULL");
  append_filters (sql, bounds, "s", "suggestion_deputies", "suggestion_id");
  g_string_append (sql, " GROUP BY s.answer_class_id");

  if ((stmt = prepare_period (db, sql->str, bounds, bounds->from, bounds->to, what,
                              error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      gint64 *count = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      *count = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (figures->by_class, id, count);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
count_created_by_state (sqlite3             *db,
                        const Bounds        *bounds,
                        LdSuggestionFigures *figures,
                        const char          *what,
                        GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_string_append (sql,
                   "SELECT " SUGGESTION_STATE_INDEX ", count(*) FROM suggestions AS s "
                   "WHERE s.state IN " SUGGESTION_STATES " "
                   "AND s.created_at >= ?1 AND s.created_at < ?2");
  append_filters (sql, bounds, "s", "suggestion_deputies", "suggestion_id");
  g_string_append (sql, " GROUP BY s.state");

  if ((stmt = prepare_period (db, sql->str, bounds, bounds->from_utc, bounds->to_utc, what,
                              error)) == NULL)
    return FALSE;
  ok = read_by_state (db, stmt, figures->by_state, G_N_ELEMENTS (figures->by_state), what,
                      error);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * ld_report_suggestion_figures:
 *
 * Fills @figures, which need not be initialised and is overwritten (clear it before reusing
 * it). On error @figures is left cleared (all 0, by_class NULL).
 */
gboolean
ld_report_suggestion_figures (LdStore               *store,
                              const LdReportPeriod  *period,
                              LdSuggestionFigures   *figures,
                              GError               **error)
{
  const char *what = _("Counting suggestions");
  g_auto(Bounds) bounds = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  if (!bounds_init (&bounds, period, error) || (db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  figures->by_class = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!count_assigned (db, &bounds, figures, what, error)
      || !count_by_class (db, &bounds, figures, what, error)
      || !count_created_by_state (db, &bounds, figures, what, error))
    {
      ld_suggestion_figures_clear (figures);
      return FALSE;
    }
  return TRUE;
}

/* Frees by_class and sets every figure to 0; safe on cleared figures. */
void
ld_suggestion_figures_clear (LdSuggestionFigures *figures)
{
  g_return_if_fail (figures != NULL);

  g_clear_pointer (&figures->by_class, g_hash_table_unref);
  memset (figures, 0, sizeof *figures);
}

/* ------------------------------------------------------------------ concerns */

static gboolean
count_received_by_state (sqlite3          *db,
                         const Bounds     *bounds,
                         LdConcernFigures *figures,
                         const char       *what,
                         GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_string_append (sql,
                   "SELECT " CONCERN_STATE_INDEX ", count(*) FROM concerns AS c "
                   "WHERE c.state IN " CONCERN_STATES " "
                   "AND c.received_at >= ?1 AND c.received_at < ?2");
  append_filters (sql, bounds, "c", "concern_deputies", "concern_id");
  g_string_append (sql, " GROUP BY c.state");

  if ((stmt = prepare_period (db, sql->str, bounds, bounds->from_utc, bounds->to_utc, what,
                              error)) == NULL)
    return FALSE;
  ok = read_by_state (db, stmt, figures->by_state, G_N_ELEMENTS (figures->by_state), what,
                      error);
  sqlite3_finalize (stmt);

  for (guint i = 0; ok && i < G_N_ELEMENTS (figures->by_state); i++)
    figures->received += figures->by_state[i];
  return ok;
}

/* Concluded and given feedback in the period, whenever they were received: one statement of
 * two subqueries, each on its own date column. */
static gboolean
count_outcomes (sqlite3          *db,
                const Bounds     *bounds,
                LdConcernFigures *figures,
                const char       *what,
                GError          **error)
{
  g_autoptr(GString) concluded = g_string_new (NULL);
  g_autoptr(GString) feedback = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_string_append (concluded,
                   "SELECT count(*) FROM concerns AS c "
                   "WHERE c.concluded_date >= ?1 AND c.concluded_date <= ?2");
  append_filters (concluded, bounds, "c", "concern_deputies", "concern_id");
  g_string_append (feedback,
                   "SELECT count(*), "
                   "count(*) FILTER (WHERE c.satisfaction = 'satisfied'), "
                   "count(*) FILTER (WHERE c.satisfaction = 'basically_satisfied'), "
                   "count(*) FILTER (WHERE c.satisfaction = 'dissatisfied') "
                   "FROM concerns AS c "
                   "WHERE c.feedback_date >= ?1 AND c.feedback_date <= ?2");
  append_filters (feedback, bounds, "c", "concern_deputies", "concern_id");
  sql = g_strdup_printf ("SELECT (%s), f.* FROM (%s) AS f", concluded->str, feedback->str);

  if ((stmt = prepare_period (db, sql, bounds, bounds->from, bounds->to, what, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      figures->concluded = sqlite3_column_int64 (stmt, 0);
      figures->feedback_given = sqlite3_column_int64 (stmt, 1);
      figures->satisfied = sqlite3_column_int64 (stmt, 2);
      figures->basically_satisfied = sqlite3_column_int64 (stmt, 3);
      figures->dissatisfied = sqlite3_column_int64 (stmt, 4);
    }
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/**
 * ld_report_concern_figures:
 *
 * Fills @figures (overwritten; nothing to free). On error @figures is all 0.
 */
gboolean
ld_report_concern_figures (LdStore               *store,
                           const LdReportPeriod  *period,
                           LdConcernFigures      *figures,
                           GError               **error)
{
  const char *what = _("Counting concerns");
  g_auto(Bounds) bounds = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  if (!bounds_init (&bounds, period, error) || (db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  if (!count_received_by_state (db, &bounds, figures, what, error)
      || !count_outcomes (db, &bounds, figures, what, error))
    {
      memset (figures, 0, sizeof *figures);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ events and deputies */

G_STATIC_ASSERT (LD_EVENT_N_ROLES == 3);

int
ld_report_event_kind_index (const char *kind)
{
  const char * const *kinds = ld_event_kinds ();

  for (int i = 0; kinds[i] != NULL && i < LD_REPORT_N_EVENT_KINDS; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return i;
  return -1;
}

gint64
ld_event_figures_visits (const gint64 *counts)
{
  static const char * const visits[] = {
    "visit_enterprise", "visit_community", "visit_village", "visit_constituency",
  };
  gint64 total = 0;

  g_return_val_if_fail (counts != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    total += counts[ld_report_event_kind_index (visits[i])];
  return total;
}

/**
 * ld_report_event_figures:
 *
 * One GROUP BY over event_deputies: with a deputy it starts from event_deputies_by_deputy and
 * looks each event up by its key, otherwise it walks events_by_date (or events_by_station_date)
 * over the period. Fills @figures (overwritten); all 0 on error.
 */
gboolean
ld_report_event_figures (LdStore               *store,
                         const LdReportPeriod  *period,
                         LdEventFigures        *figures,
                         GError               **error)
{
  const char *what = _("Counting reception days and visits");
  g_auto(Bounds) bounds = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  if (!bounds_init (&bounds, period, error) || (db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  g_string_append (sql,
                   "SELECT e.kind, ed.role, count(*) FROM event_deputies AS ed "
                   "JOIN events AS e ON e.id = ed.event_id "
                   "WHERE e.event_date >= ?1 AND e.event_date <= ?2 "
                   "AND e.status <> 'cancelled'");
  if (bounds.station_id != 0)
    g_string_append (sql, " AND e.station_id = ?3");
  if (bounds.deputy_id != 0)
    g_string_append (sql, " AND ed.deputy_id = ?4");
  g_string_append (sql, " GROUP BY e.kind, ed.role");

  if ((stmt = prepare_period (db, sql->str, &bounds, bounds.from, bounds.to, what,
                              error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = ld_report_event_kind_index (ld_sql_column_text (stmt, 0));
      LdEventRole role;
      gint64 count = sqlite3_column_int64 (stmt, 2);

      if (kind < 0 || !ld_event_role_from_id (ld_sql_column_text (stmt, 1), &role))
        continue;
      switch (role)
        {
        case LD_EVENT_ROLE_ON_DUTY:
          figures->on_duty[kind] = count;
          break;
        case LD_EVENT_ROLE_ATTENDED:
          figures->attended[kind] = count;
          break;
        case LD_EVENT_ROLE_ON_LEAVE:
          figures->on_leave[kind] = count;
          break;
        default:
          break;
        }
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      memset (figures, 0, sizeof *figures);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * ld_report_deputy_suggestions:
 *
 * With a deputy, suggestion_deputies_by_deputy gives the rows and each suggestion is looked up
 * by its key; otherwise suggestions_by_submitted walks the period. All 0 on error.
 */
gboolean
ld_report_deputy_suggestions (LdStore                   *store,
                              const LdReportPeriod      *period,
                              LdDeputySuggestionCounts  *counts,
                              GError                   **error)
{
  const char *what = _("Counting suggestions");
  g_auto(Bounds) bounds = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!bounds_init (&bounds, period, error) || (db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  g_string_append (sql,
                   "SELECT count(*) FILTER (WHERE sd.role = 'lead'), "
                   "count(*) FILTER (WHERE sd.role = 'co_signer') "
                   "FROM suggestion_deputies AS sd "
                   "JOIN suggestions AS s ON s.id = sd.suggestion_id "
                   "WHERE s.submitted_date >= ?1 AND s.submitted_date <= ?2");
  if (bounds.station_id != 0)
    g_string_append (sql, " AND s.station_id = ?3");
  if (bounds.deputy_id != 0)
    g_string_append (sql, " AND sd.deputy_id = ?4");

  if ((stmt = prepare_period (db, sql->str, &bounds, bounds.from, bounds.to, what,
                              error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      counts->led = sqlite3_column_int64 (stmt, 0);
      counts->co_signed = sqlite3_column_int64 (stmt, 1);
    }
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* ------------------------------------------------------------------ rates */

double
ld_report_rate (gint64 numerator,
                gint64 denominator)
{
  if (denominator == 0)
    return NAN;
  return (double) numerator / (double) denominator;
}

double
ld_suggestion_figures_reply_rate (const LdSuggestionFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NAN);

  return ld_report_rate (figures->answered, figures->assigned);
}

double
ld_suggestion_figures_on_time_rate (const LdSuggestionFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NAN);

  return ld_report_rate (figures->answered_on_time, figures->answered);
}

double
ld_suggestion_figures_satisfaction_rate (const LdSuggestionFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NAN);

  return ld_report_rate (figures->satisfied + figures->basically_satisfied, figures->rated);
}

double
ld_suggestion_figures_solved_rate (const LdSuggestionFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NAN);

  return ld_report_rate (figures->solved, figures->answered);
}

char *
ld_report_format_rate (double rate)
{
  if (isnan (rate))
    return g_strdup ("—");
  /* Translators: a rate in percent with one decimal, e.g. "87.5%"; keep the %.1f and write
   * the percent sign as %%. */
  return g_strdup_printf (_("%.1f%%"), rate * 100.0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-caseload"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-caseload.h"
#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-phone.h"
#include "ld-sql.h"
#include "ld-station.h"
#include "ld-workflow.h"

/*
 * The lists are one statement each that starts from the deputy's link rows
 * (event_deputies_by_deputy, concern_deputies_by_deputy, suggestion_deputies_by_deputy) and looks
 * every record up by its key: a deputy has hundreds of records where the district has a million.
 * A window count(*) OVER () gives the full count beside the first @limit ids.
 *
 * The states that are open come from the workflow (ld_concern_state_is_open() and its suggestion
 * twin), so that the page and the lists never disagree on what "open" means.
 */

/* ------------------------------------------------------------------ helpers */

/* "('registered', 'referred', …)": the stored ids of the states @is_open accepts. */
static char *
open_states_sql (guint       n_states,
                 gboolean  (*is_open) (int state),
                 const char *(*to_id) (int state))
{
  GString *sql = g_string_new ("(");
  gboolean first = TRUE;

  for (guint i = 0; i < n_states; i++)
    if (is_open ((int) i))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", to_id ((int) i));
        first = FALSE;
      }
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static gboolean
concern_is_open (int state)
{
  return ld_concern_state_is_open ((LdConcernState) state);
}

static const char *
concern_to_id (int state)
{
  return ld_concern_state_to_id ((LdConcernState) state);
}

static gboolean
suggestion_is_open (int state)
{
  return ld_suggestion_state_is_open ((LdSuggestionState) state);
}

static const char *
suggestion_to_id (int state)
{
  return ld_suggestion_state_to_id ((LdSuggestionState) state);
}

/* Runs @sql (?1 the deputy, ?2 today, ?3 the limit) whose rows are (id, count(*) OVER ()). */
static gboolean
read_list (sqlite3               *db,
           const char            *sql,
           const LdCaseloadQuery *query,
           LdCaseloadList        *list,
           const char            *what,
           GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = ld_sql_prepare (db, sql, what, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, query->deputy_id);
  sqlite3_bind_text (stmt, 2, query->today, -1, SQLITE_TRANSIENT);
  /* One row at least, so that the count is known even when no id is wanted. */
  sqlite3_bind_int64 (stmt, 3, MAX (query->limit, 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      list->count = sqlite3_column_int64 (stmt, 1);
      if (list->ids->len < query->limit)
        g_array_append_val (list->ids, id);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
read_duty_days (sqlite3               *db,
                const LdCaseloadQuery *query,
                LdCaseload            *caseload,
                GError               **error)
{
  return read_list (db,
                    "SELECT e.id, count(*) OVER () FROM event_deputies AS ed "
                    "JOIN events AS e ON e.id = ed.event_id "
                    "WHERE ed.deputy_id = ?1 AND ed.role = 'on_duty' "
                    "AND e.event_date >= ?2 AND e.status <> 'cancelled' "
                    "ORDER BY e.event_date, e.start_time IS NULL, e.start_time, e.id LIMIT ?3",
                    query, &caseload->duty_days, _("Reading the duty days"), error);
}

static gboolean
read_concerns (sqlite3               *db,
               const LdCaseloadQuery *query,
               LdCaseload            *caseload,
               GError               **error)
{
  const char *what = _("Reading the deputy's concerns");
  g_autofree char *open = open_states_sql (LD_CONCERN_N_STATES, concern_is_open, concern_to_id);
  g_autofree char *counts = NULL;
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  counts = g_strdup_printf ("SELECT count(*) FILTER (WHERE c.state IN %s), "
                            "count(*) FILTER (WHERE c.state NOT IN %s) "
                            "FROM concern_deputies AS cd JOIN concerns AS c ON c.id = cd.concern_id "
                            "WHERE cd.deputy_id = ?1", open, open);
  if ((stmt = ld_sql_prepare (db, counts, what, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, query->deputy_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      caseload->concerns_open = sqlite3_column_int64 (stmt, 0);
      caseload->concerns_done = sqlite3_column_int64 (stmt, 1);
    }
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  list = g_strdup_printf ("SELECT c.id, count(*) OVER () FROM concern_deputies AS cd "
                          "JOIN concerns AS c ON c.id = cd.concern_id "
                          "WHERE cd.deputy_id = ?1 AND c.state IN %s "
                          "ORDER BY (c.state IN ('referred', 'in_progress') AND c.due_date < ?2) "
                          "DESC, c.due_date IS NULL, c.due_date, c.received_at, c.id LIMIT ?3",
                          open);
  return read_list (db, list, query, &caseload->open_concerns, what, error);
}

static gboolean
read_suggestions (sqlite3               *db,
                  const LdCaseloadQuery *query,
                  LdCaseload            *caseload,
                  GError               **error)
{
  g_autofree char *open = open_states_sql (LD_SUGGESTION_N_STATES, suggestion_is_open,
                                           suggestion_to_id);
  g_autofree char *list = NULL;

  list = g_strdup_printf ("SELECT s.id, count(*) OVER () FROM suggestion_deputies AS sd "
                          "JOIN suggestions AS s ON s.id = sd.suggestion_id "
                          "WHERE sd.deputy_id = ?1 AND s.state IN %s "
                          "ORDER BY (s.state IN ('assigned', 'rehandling') AND s.due_date < ?2) "
                          "DESC, s.due_date IS NULL, s.due_date, s.id LIMIT ?3", open);
  return read_list (db, list, query, &caseload->open_suggestions,
                    _("Reading the deputy's suggestions"), error);
}

static gboolean
is_date (const char *text)
{
  int year, month, day;
  char tail;

  return text != NULL && strlen (text) == 10
         && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3
         && g_date_valid_dmy (day, month, year);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_caseload_compute:
 *
 * Fills @caseload (overwritten; clear it with ld_caseload_clear()). On error it is left
 * cleared.
 */
gboolean
ld_caseload_compute (LdStore                *store,
                     const LdCaseloadQuery  *query,
                     LdCaseload             *caseload,
                     GError                **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  LdReportPeriod period = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (caseload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (caseload, 0, sizeof *caseload);
  if (!is_date (query->today) || query->year < 1000 || query->year > 9999)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The caseload needs today's date and a year"));
      return FALSE;
    }
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;

  caseload->year = query->year;
  caseload->duty_days.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  caseload->open_concerns.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  caseload->open_suggestions.ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  from = g_strdup_printf ("%04d-01-01", query->year);
  to = g_strdup_printf ("%04d-12-31", query->year);
  period.from = from;
  period.to = to;
  period.deputy_id = query->deputy_id;

  if (!read_duty_days (db, query, caseload, error)
      || !read_concerns (db, query, caseload, error)
      || !read_suggestions (db, query, caseload, error)
      || !ld_report_event_figures (store, &period, &caseload->events, error)
      || !ld_report_concern_figures (store, &period, &caseload->concerns, error)
      || !ld_report_suggestion_figures (store, &period, &caseload->suggestions, error)
      || !ld_report_deputy_suggestions (store, &period, &caseload->roles, error))
    {
      ld_caseload_clear (caseload);
      return FALSE;
    }
  return TRUE;
}

void
ld_caseload_clear (LdCaseload *caseload)
{
  g_return_if_fail (caseload != NULL);

  g_clear_pointer (&caseload->duty_days.ids, g_array_unref);
  g_clear_pointer (&caseload->open_concerns.ids, g_array_unref);
  g_clear_pointer (&caseload->open_suggestions.ids, g_array_unref);
  ld_suggestion_figures_clear (&caseload->suggestions);
  memset (caseload, 0, sizeof *caseload);
}

/* ------------------------------------------------------------------ the printable record */

static void
line_free (gpointer data)
{
  LdDutyRecordLine *line = data;

  g_free (line->label);
  g_free (line->value);
  g_free (line);
}

static void
section_free (gpointer data)
{
  LdDutyRecordSection *section = data;

  g_free (section->heading);
  g_ptr_array_unref (section->lines);
  g_free (section);
}

static LdDutyRecordSection *
add_section (LdDutyRecord *record,
             const char   *heading)
{
  LdDutyRecordSection *section = g_new0 (LdDutyRecordSection, 1);

  section->heading = g_strdup (heading);
  section->lines = g_ptr_array_new_with_free_func (line_free);
  g_ptr_array_add (record->sections, section);
  return section;
}

static void
add_text (LdDutyRecordSection *section,
          const char          *label,
          char                *value)
{
  LdDutyRecordLine *line = g_new0 (LdDutyRecordLine, 1);

  line->label = g_strdup (label);
  line->value = value;
  g_ptr_array_add (section->lines, line);
}

static void
add_count (LdDutyRecordSection *section,
           const char          *label,
           gint64               count)
{
  add_text (section, label, g_strdup_printf ("%" G_GINT64_FORMAT, count));
}

static void
add_rate (LdDutyRecordSection *section,
          const char          *label,
          double               rate)
{
  add_text (section, label, ld_report_format_rate (rate));
}

static gint64
kind_count (const gint64 *counts,
            const char   *kind)
{
  int index = ld_report_event_kind_index (kind);

  g_assert (index >= 0);
  return counts[index];
}

static void
add_calendar (LdDutyRecord     *record,
              const LdCaseload *caseload)
{
  const LdEventFigures *events = &caseload->events;
  LdDutyRecordSection *section = add_section (record, _("Reception Calendar"));

  add_count (section, _("Reception days on duty"), kind_count (events->on_duty, "reception_day"));
  add_count (section, _("Reception days attended"),
             kind_count (events->attended, "reception_day"));
  add_count (section, _("Reception days on leave"),
             kind_count (events->on_leave, "reception_day"));
  add_count (section, _("Duty days attended"), kind_count (events->attended, "duty"));
  add_count (section, _("Duty days on leave"), kind_count (events->on_leave, "duty"));

  section = add_section (record, _("Outreach Visits"));
  add_count (section, _("Visits to enterprises"),
             kind_count (events->attended, "visit_enterprise"));
  add_count (section, _("Visits to communities"),
             kind_count (events->attended, "visit_community"));
  add_count (section, _("Visits to villages"), kind_count (events->attended, "visit_village"));
  add_count (section, _("Visits to the constituency"),
             kind_count (events->attended, "visit_constituency"));
  add_count (section, _("Visits in all"), ld_event_figures_visits (events->attended));
  add_count (section, _("Forums attended"), kind_count (events->attended, "forum"));
  add_count (section, _("Hearings attended"), kind_count (events->attended, "hearing"));
  add_count (section, _("People's councils attended"), kind_count (events->attended, "council"));
}

static void
add_concerns (LdDutyRecord     *record,
              const LdCaseload *caseload)
{
  const LdConcernFigures *concerns = &caseload->concerns;
  LdDutyRecordSection *section = add_section (record, _("Concerns"));

  add_count (section, _("Concerns received"), concerns->received);
  add_count (section, _("Concerns concluded"), concerns->concluded);
  add_count (section, _("Feedback given to residents"), concerns->feedback_given);
  add_count (section, _("Residents satisfied"), concerns->satisfied);
  add_count (section, _("Residents basically satisfied"), concerns->basically_satisfied);
  add_count (section, _("Residents dissatisfied"), concerns->dissatisfied);
}

static void
add_suggestions (LdDutyRecord     *record,
                 const LdCaseload *caseload,
                 GPtrArray        *answer_classes)
{
  const LdSuggestionFigures *figures = &caseload->suggestions;
  LdDutyRecordSection *section = add_section (record, _("Deputy Suggestions"));

  add_count (section, _("Suggestions led"), caseload->roles.led);
  add_count (section, _("Suggestions co-signed"), caseload->roles.co_signed);
  add_count (section, _("Suggestions assigned"), figures->assigned);
  add_count (section, _("Suggestions answered"), figures->answered);
  for (guint i = 0; answer_classes != NULL && i < answer_classes->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (answer_classes, i);
      gint64 id = ld_list_entry_get_id (entry);
      gint64 *count = figures->by_class != NULL
                      ? g_hash_table_lookup (figures->by_class, &id) : NULL;
      g_autofree char *label = NULL;

      /* Translators: a line of the duty record, the suggestions answered with one answer
       * class; %s is the class as the station names it ("A: Solved or basically solved"). */
      label = g_strdup_printf (_("Answered — %s"), ld_list_entry_get_display_name (entry));
      add_count (section, label, count != NULL ? *count : 0);
    }
  add_count (section, _("Deputies satisfied"), figures->satisfied);
  add_count (section, _("Deputies basically satisfied"), figures->basically_satisfied);
  add_count (section, _("Deputies dissatisfied"), figures->dissatisfied);

  section = add_section (record, _("Rates"));
  add_rate (section, _("Reply rate"), ld_suggestion_figures_reply_rate (figures));
  add_rate (section, _("On-time rate"), ld_suggestion_figures_on_time_rate (figures));
  add_rate (section, _("Satisfaction rate"), ld_suggestion_figures_satisfaction_rate (figures));
  add_rate (section, _("Solved rate"), ld_suggestion_figures_solved_rate (figures));
}

LdDutyRecord *
ld_duty_record_new (LdDeputy         *deputy,
                    const char       *station_name,
                    const LdCaseload *caseload,
                    GPtrArray        *answer_classes,
                    GDateTime        *issued)
{
  LdDutyRecord *record;
  GPtrArray *parts;
  const char *level;

  g_return_val_if_fail (LD_IS_DEPUTY (deputy), NULL);
  g_return_val_if_fail (caseload != NULL, NULL);
  g_return_val_if_fail (issued != NULL, NULL);

  record = g_new0 (LdDutyRecord, 1);
  /* Translators: the title of a deputy's duty record (履职档案); %d is the year. */
  record->title = g_strdup_printf (_("Duty Record %d"), caseload->year);
  record->deputy = g_strdup (ld_deputy_get_name (deputy));

  parts = g_ptr_array_new ();
  level = ld_deputy_level_to_string (ld_deputy_get_level (deputy));
  if (level != NULL)
    g_ptr_array_add (parts, (gpointer) level);
  if (ld_deputy_get_group (deputy)[0] != '\0')
    g_ptr_array_add (parts, (gpointer) ld_deputy_get_group (deputy));
  if (station_name != NULL && station_name[0] != '\0')
    g_ptr_array_add (parts, (gpointer) station_name);
  g_ptr_array_add (parts, NULL);
  record->subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  g_ptr_array_unref (parts);

  record->sections = g_ptr_array_new_with_free_func (section_free);
  add_calendar (record, caseload);
  add_concerns (record, caseload);
  add_suggestions (record, caseload, answer_classes);

  {
    g_autofree char *date = NULL;

    /* Translators: the date under a duty record, a g_date_time_format() pattern, e.g.
     * "2 December 2026"; zh_CN: "%Y年%-m月%-d日". */
    date = g_date_time_format (issued, _("%-d %B %Y"));
    /* Translators: under a duty record; %s is the date it was printed. */
    record->issue_date = g_strdup_printf (_("Printed on %s"), date);
  }
  return record;
}

LdDutyRecord *
ld_duty_record_load (LdStore     *store,
                     gint64       deputy_id,
                     int          year,
                     GDateTime   *issued,
                     GError     **error)
{
  g_autoptr(LdDeputy) deputy = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  const char *station_name = "";
  g_autofree char *today = NULL;
  LdCaseloadQuery query = { 0 };
  LdCaseload caseload;
  LdDutyRecord *record;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (issued != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((deputy = ld_store_get_deputy (store, deputy_id, error)) == NULL)
    return NULL;
  stations = ld_store_list_stations (store, NULL);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      LdStation *station = g_ptr_array_index (stations, i);

      if (ld_station_get_id (station) == ld_deputy_get_station_id (deputy))
        station_name = ld_station_get_name (station);
    }
  if ((classes = ld_store_list_entries (store, LD_LIST_ANSWER_CLASS, FALSE, error)) == NULL)
    return NULL;

  today = g_date_time_format (issued, "%Y-%m-%d");
  query.today = today;
  query.year = year;
  query.deputy_id = deputy_id;
  query.limit = 0;
  if (!ld_caseload_compute (store, &query, &caseload, error))
    return NULL;
  record = ld_duty_record_new (deputy, station_name, &caseload, classes, issued);
  ld_caseload_clear (&caseload);
  return record;
}

void
ld_duty_record_free (LdDutyRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->title);
  g_free (record->deputy);
  g_free (record->subtitle);
  g_clear_pointer (&record->sections, g_ptr_array_unref);
  g_free (record->issue_date);
  g_free (record);
}

char *
ld_duty_record_to_text (LdDutyRecord *record)
{
  GString *text;

  g_return_val_if_fail (record != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n%s\n", record->title, record->deputy, record->subtitle);
  for (guint i = 0; i < record->sections->len; i++)
    {
      LdDutyRecordSection *section = g_ptr_array_index (record->sections, i);

      g_string_append_printf (text, "\n%s\n", section->heading);
      for (guint j = 0; j < section->lines->len; j++)
        {
          LdDutyRecordLine *line = g_ptr_array_index (section->lines, j);

          /* Translators: one line of the duty record as plain text, "label: value". */
          g_string_append_printf (text, _("%s: %s"), line->label, line->value);
          g_string_append_c (text, '\n');
        }
    }
  g_string_append_printf (text, "\n%s\n", record->issue_date);
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ reminders */

static void
append_line (GString    *body,
             const char *line)
{
  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append (body, line);
}

gboolean
ld_caseload_reminder_text (const LdToday  *today,
                           char          **title,
                           char          **body)
{
  gint64 due_today, overdue, tomorrow;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  *title = NULL;
  *body = NULL;
  due_today = today->concerns_due_today.count + today->suggestions_due_today.count;
  overdue = today->concerns_overdue.count + today->suggestions_overdue.count;
  tomorrow = today->events_tomorrow.count;
  if (due_today == 0 && overdue == 0 && tomorrow == 0)
    return FALSE;

  if (due_today > 0)
    /* Translators: the title of the daily reminder; %d is how many items are due today */
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item due today",
                                           "%d items due today", (gulong) due_today),
                              (int) due_today);
  else if (overdue > 0)
    /* Translators: the title of the daily reminder; %d is how many items are overdue */
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item overdue",
                                           "%d items overdue", (gulong) overdue),
                              (int) overdue);
  else
    *title = g_strdup (_("On duty tomorrow"));

  text = g_string_new (NULL);
  if (today->concerns_due_today.count > 0)
    {
      /* Translators: a line of the daily reminder */
      g_autofree char *line = g_strdup_printf (_("Concerns due today: %lld"),
                                               (long long) today->concerns_due_today.count);
      append_line (text, line);
    }
  if (today->suggestions_due_today.count > 0)
    {
      /* Translators: a line of the daily reminder */
      g_autofree char *line = g_strdup_printf (_("Suggestions due today: %lld"),
                                               (long long) today->suggestions_due_today.count);
      append_line (text, line);
    }
  if (overdue > 0)
    {
      /* Translators: a line of the daily reminder: concerns and suggestions past their due date */
      g_autofree char *line = g_strdup_printf (_("Overdue: %lld"), (long long) overdue);
      append_line (text, line);
    }
  if (tomorrow > 0)
    {
      /* Translators: a line of the daily reminder: reception days, duty days, visits … */
      g_autofree char *line = g_strdup_printf (_("Tomorrow: %lld on the calendar"),
                                               (long long) tomorrow);
      append_line (text, line);
    }
  *body = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

guint
ld_caseload_seconds_to_next_day (GDateTime *now)
{
  GTimeZone *tz;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) next = NULL;
  GTimeSpan span;

  g_return_val_if_fail (now != NULL, 60);

  tz = g_date_time_get_timezone (now);
  today = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 1, 0);
  if (g_date_time_compare (now, today) < 0)
    /* Between midnight and 00:01: today's minute is still ahead. */
    next = g_date_time_ref (today);
  else
    {
      /* Tomorrow's 00:01 by the calendar, not 24 hours on: a day may be 23 or 25 hours. */
      tomorrow = g_date_time_add_days (today, 1);
      next = g_date_time_new (tz, g_date_time_get_year (tomorrow),
                              g_date_time_get_month (tomorrow),
                              g_date_time_get_day_of_month (tomorrow), 0, 1, 0);
    }
  span = g_date_time_difference (next, now);
  return (guint) MAX (1, (span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-suggestion-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-calendar-store.h"
#include "ld-concern-store-private.h"
#include "ld-database.h"
#include "ld-deadline.h"
#include "ld-fts.h"
#include "ld-list-entry.h"
#include "ld-phone.h"
#include "ld-sql.h"
#include "ld-suggestion-store.h"

/*
 * The SQL of deputy suggestions, shaped like ld-concern-store.c for a district's hundred
 * thousand rows: a list is a run of segments, each one SELECT that an index of
 * 0004-suggestions.sql serves in order, and search narrows through the "ld_bigram" FTS5 index
 * before instr() makes it exact (ld-fts.h).
 *
 * A suggestion changes the concerns it was built from inside its own transaction: converting
 * them when they are linked goes through the concern store's own transition
 * (ld-concern-store-private.h), so that the concern's workflow and timeline stay its store's.
 */

#define SUGGESTION_COLUMNS \
  "s.id, s.uuid, s.station_id, s.number, s.title, s.content, s.category_id, s.state, " \
  "s.submitted_date, s.assigned_date, s.initial_due_date, s.due_date, s.returned_date, " \
  "s.return_reason, s.extension_date, s.extension_reason, s.answer_date, s.answer_class_id, " \
  "s.answer_text, s.answer_face_to_face, s.evaluation, s.evaluation_date, s.rehandling_count, " \
  "s.key_supervision, s.supervisor, s.merged_into, s.notes, s.created_at, s.updated_at, " \
  "cat.seed_key, cat.name, ac.seed_key, ac.name, su.unit_id, u.name, sd.deputy_id, d.name, " \
  "EXISTS (SELECT 1 FROM rolling_supervision AS r WHERE r.suggestion_id = s.id)"

#define SUGGESTION_FROM \
  "suggestions AS s " \
  "LEFT JOIN suggestion_categories AS cat ON cat.id = s.category_id " \
  "LEFT JOIN answer_classes AS ac ON ac.id = s.answer_class_id " \
  "LEFT JOIN suggestion_units AS su ON su.suggestion_id = s.id AND su.role = 'lead' " \
  "LEFT JOIN units AS u ON u.id = su.unit_id " \
  "LEFT JOIN suggestion_deputies AS sd ON sd.suggestion_id = s.id AND sd.role = 'lead' " \
  "LEFT JOIN deputies AS d ON d.id = sd.deputy_id"

/* How many ids one load binds at most. */
#define LOAD_CHUNK 200
/* The longest note, reason or answer a transition takes. */
#define NOTE_MAX_CHARS   2000
#define ANSWER_MAX_CHARS 20000

/* The order of the form's fields, so that a refused save names the first problem. */
static const char * const suggestion_fields[] = {
  "title", "number", "category-id", "lead-deputy-id", "co-signer-ids", "lead-unit-id",
  "co-unit-ids", "concern-ids", "submitted-date", "content", "key-supervision", "supervisor",
  "notes", NULL
};

/* The deadlines, with their settings keys and defaults. */
static const struct
{
  const char *key;
  int         fallback;
  gsize       offset;
} deadline_settings[] = {
  { "suggestion.answer_due_months", 3, G_STRUCT_OFFSET (LdSuggestionDeadlines, answer_due_months) },
  { "suggestion.co_unit_opinion_months", 1,
    G_STRUCT_OFFSET (LdSuggestionDeadlines, co_unit_opinion_months) },
  { "suggestion.return_working_days", 7,
    G_STRUCT_OFFSET (LdSuggestionDeadlines, return_working_days) },
  { "suggestion.extension_max_months", 3,
    G_STRUCT_OFFSET (LdSuggestionDeadlines, extension_max_months) },
  { "suggestion.rehandling_months", 1, G_STRUCT_OFFSET (LdSuggestionDeadlines, rehandling_months) },
  { "deadline.due_soon_days", 7, G_STRUCT_OFFSET (LdSuggestionDeadlines, due_soon_days) },
};

#define ROLLING_DUE_KEY      "suggestion.rolling_followup_due"
#define ROLLING_DUE_FALLBACK "06-30"

/* ------------------------------------------------------------------ helpers */

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This suggestion is no longer in the database"));
}

/* Whether @text is a real date written exactly "YYYY-MM-DD"; @date (optional) gets it. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static char *
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Local midnight of 1 January @year as the stored UTC text. */
static char *
year_start_utc (guint year)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, (int) year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) utc = NULL;

  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
list_display_name (LdListKind  kind,
                   const char *seed_key,
                   const char *name)
{
  if (name != NULL)
    return name;
  if (seed_key != NULL)
    return ld_list_seed_display_name (kind, seed_key);
  return NULL;
}

static void
json_pair (GString    *json,
           const char *key,
           const char *old_value,
           const char *new_value)
{
  if (json->len > 1)
    g_string_append (json, ", ");
  ld_sql_json_string (json, key);
  g_string_append (json, ": [");
  ld_sql_json_string (json, old_value);
  g_string_append (json, ", ");
  ld_sql_json_string (json, new_value);
  g_string_append (json, "]");
}

static gboolean
require (const char  *text,
         const char  *message,
         GError     **error)
{
  g_autofree char *stripped = ld_validation_strip_text (text);

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED, message);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            guint        max_chars,
            GError     **error)
{
  g_autofree char *message = ld_validation_check_text (text, max_chars, TRUE);

  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID, message);
  return FALSE;
}

static void
set_bad_date (GError **error)
{
  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                       _("Enter the date as YYYY-MM-DD, for example 2026-03-15"));
}

static void
set_refused (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, message);
}

/* A constraint the validation did not foresee (a deputy or unit deleted meanwhile) in plain
 * words. */
static void
prefix_save_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == LD_DATABASE_ERROR)
    g_prefix_error (error, "%s", _("The suggestion could not be saved: "));
}

static gboolean
array_contains (GArray *ids,
                gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The same ids, in any order. */
static gboolean
same_ids (GArray *a,
          GArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!array_contains (b, g_array_index (a, gint64, i)))
      return FALSE;
  return TRUE;
}

static GArray *
read_ids (sqlite3       *db,
          sqlite3_stmt  *stmt,
          const char    *what,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* One statement that binds @id as ?1 (and @other as ?2, when it has a ?2) and whose rows do
 * not matter. */
static gboolean
exec_with_ids (sqlite3     *db,
               const char  *sql,
               gint64       id,
               gint64       other,
               const char  *what,
               GError     **error)
{
  sqlite3_stmt *stmt = ld_sql_prepare (db, sql, what, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, other);
  ok = ld_sql_step_done (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* ------------------------------------------------------------------ settings */

static gboolean
read_setting (sqlite3     *db,
              const char  *key,
              gint64       station_id,
              char       **value,
              GError     **error)
{
  const char *what = _("Reading the settings");
  sqlite3_stmt *stmt;
  int rc;

  *value = NULL;
  stmt = ld_sql_prepare (db, "SELECT value FROM settings WHERE key = ?1 "
                             "AND (station_id IS NULL OR station_id = ?2) "
                             "ORDER BY station_id IS NULL LIMIT 1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, station_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup (ld_sql_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
read_deadlines (sqlite3                *db,
                gint64                  station_id,
                LdSuggestionDeadlines  *deadlines,
                GError                **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadline_settings); i++)
    {
      g_autofree char *text = NULL;
      int *field = G_STRUCT_MEMBER_P (deadlines, deadline_settings[i].offset);
      gint64 parsed;

      if (!read_setting (db, deadline_settings[i].key, station_id, &text, error))
        return FALSE;
      /* A value typed outside the app that makes no sense is the default. */
      if (text != NULL && g_ascii_string_to_signed (text, 10, 1, 120, &parsed, NULL))
        *field = (int) parsed;
      else
        *field = deadline_settings[i].fallback;
    }
  return TRUE;
}

/* The follow-up due date of the rolling ledger of @year for @station_id: the setting's "MM-DD"
 * of that year, the end of February for a 29 February in a common year. */
static gboolean
rolling_due_date (sqlite3     *db,
                  gint64       station_id,
                  guint        year,
                  char       **due,
                  GError     **error)
{
  g_autofree char *text = NULL;
  int month = 0, day = 0;
  char tail;

  if (!read_setting (db, ROLLING_DUE_KEY, station_id, &text, error))
    return FALSE;
  if (text == NULL || strlen (text) != 5 || text[2] != '-'
      || sscanf (text, "%2d-%2d%c", &month, &day, &tail) != 2
      || month < 1 || month > 12 || day < 1 || day > 31)
    sscanf (ROLLING_DUE_FALLBACK, "%2d-%2d", &month, &day);
  day = MIN (day, (int) g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  *due = g_strdup_printf ("%04u-%02d-%02d", year, month, day);
  return TRUE;
}

/* ------------------------------------------------------------------ rows */

static LdSuggestion *
suggestion_from_row (sqlite3_stmt *stmt)
{
  LdSuggestion *suggestion = ld_suggestion_new ();
  int state;

  ld_suggestion_set_id (suggestion, sqlite3_column_int64 (stmt, 0));
  ld_suggestion_set_uuid (suggestion, ld_sql_column_text (stmt, 1));
  ld_suggestion_set_station_id (suggestion, sqlite3_column_int64 (stmt, 2));
  ld_suggestion_set_number (suggestion, ld_sql_column_text (stmt, 3));
  ld_suggestion_set_title (suggestion, ld_sql_column_text (stmt, 4));
  ld_suggestion_set_content (suggestion, ld_sql_column_text (stmt, 5));
  ld_suggestion_set_category_id (suggestion, sqlite3_column_int64 (stmt, 6));
  state = ld_suggestion_state_from_id (ld_sql_column_text (stmt, 7));
  ld_suggestion_set_state (suggestion, state >= 0 ? (LdSuggestionState) state
                                                  : LD_SUGGESTION_DRAFT);
  ld_suggestion_set_submitted_date (suggestion, ld_sql_column_text (stmt, 8));
  ld_suggestion_set_assigned_date (suggestion, ld_sql_column_text (stmt, 9));
  ld_suggestion_set_initial_due_date (suggestion, ld_sql_column_text (stmt, 10));
  ld_suggestion_set_due_date (suggestion, ld_sql_column_text (stmt, 11));
  ld_suggestion_set_returned_date (suggestion, ld_sql_column_text (stmt, 12));
  ld_suggestion_set_return_reason (suggestion, ld_sql_column_text (stmt, 13));
  ld_suggestion_set_extension_date (suggestion, ld_sql_column_text (stmt, 14));
  ld_suggestion_set_extension_reason (suggestion, ld_sql_column_text (stmt, 15));
  ld_suggestion_set_answer_date (suggestion, ld_sql_column_text (stmt, 16));
  ld_suggestion_set_answer_class_id (suggestion, sqlite3_column_int64 (stmt, 17));
  ld_suggestion_set_answer_text (suggestion, ld_sql_column_text (stmt, 18));
  ld_suggestion_set_answer_face_to_face (suggestion, sqlite3_column_int (stmt, 19) != 0);
  ld_suggestion_set_evaluation (suggestion, ld_sql_column_text (stmt, 20));
  ld_suggestion_set_evaluation_date (suggestion, ld_sql_column_text (stmt, 21));
  ld_suggestion_set_rehandling_count (suggestion, (guint) sqlite3_column_int (stmt, 22));
  ld_suggestion_set_key_supervision (suggestion, sqlite3_column_int (stmt, 23) != 0);
  ld_suggestion_set_supervisor (suggestion, ld_sql_column_text (stmt, 24));
  ld_suggestion_set_merged_into (suggestion, sqlite3_column_int64 (stmt, 25));
  ld_suggestion_set_notes (suggestion, ld_sql_column_text (stmt, 26));
  ld_suggestion_set_created_at (suggestion, ld_sql_column_text (stmt, 27));
  ld_suggestion_set_updated_at (suggestion, ld_sql_column_text (stmt, 28));
  ld_suggestion_set_category_name (suggestion,
                                   list_display_name (LD_LIST_SUGGESTION_CATEGORY,
                                                      ld_sql_column_text (stmt, 29),
                                                      ld_sql_column_text (stmt, 30)));
  ld_suggestion_set_answer_class_name (suggestion,
                                       list_display_name (LD_LIST_ANSWER_CLASS,
                                                          ld_sql_column_text (stmt, 31),
                                                          ld_sql_column_text (stmt, 32)));
  ld_suggestion_set_lead_unit_id (suggestion, sqlite3_column_int64 (stmt, 33));
  ld_suggestion_set_lead_unit_name (suggestion, ld_sql_column_text (stmt, 34));
  ld_suggestion_set_lead_deputy_id (suggestion, sqlite3_column_int64 (stmt, 35));
  ld_suggestion_set_lead_deputy_name (suggestion, ld_sql_column_text (stmt, 36));
  ld_suggestion_set_rolling (suggestion, sqlite3_column_int (stmt, 37) != 0);
  return suggestion;
}

typedef enum
{
  LINK_CO_SIGNERS,
  LINK_CO_UNITS,
  LINK_CONCERNS,
} LinkKind;

/* The linked ids of every suggestion in @by_id (id → LdSuggestion) whose id is in @ids: one
 * query per kind. The link tables have no rowid to keep the order chosen in, so ids come in id
 * order. */
static gboolean
load_links (sqlite3       *db,
            GHashTable    *by_id,
            const gint64  *ids,
            guint          n_ids,
            LinkKind       kind,
            GError       **error)
{
  const char *what = _("Reading the suggestion’s deputies, units and concerns");
  static const char * const sql[] = {
    [LINK_CO_SIGNERS] = "SELECT suggestion_id, deputy_id FROM suggestion_deputies "
                        "WHERE role = 'co_signer' AND suggestion_id IN (",
    [LINK_CO_UNITS] = "SELECT suggestion_id, unit_id FROM suggestion_units "
                      "WHERE role = 'co' AND suggestion_id IN (",
    [LINK_CONCERNS] = "SELECT suggestion_id, concern_id FROM suggestion_concerns "
                      "WHERE suggestion_id IN (",
  };
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GString) text = g_string_new (sql[kind]);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_ids; i++)
    g_string_append (text, i == 0 ? "?" : ", ?");
  g_string_append (text, ") ORDER BY 1, 2");
  if ((stmt = ld_sql_prepare (db, text->str, what, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 suggestion_id = sqlite3_column_int64 (stmt, 0);
      gint64 linked = sqlite3_column_int64 (stmt, 1);
      LdSuggestion *suggestion = g_hash_table_lookup (by_id, &suggestion_id);
      GArray *list;

      if (suggestion == NULL)
        continue;
      if ((list = g_hash_table_lookup (found, suggestion)) == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (found, suggestion, list);
        }
      g_array_append_val (list, linked);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LdSuggestion *suggestion = key;
      GArray *list = value;
      const gint64 *data = (const gint64 *) (gpointer) list->data;

      if (kind == LINK_CO_SIGNERS)
        ld_suggestion_set_co_signer_ids (suggestion, data, list->len);
      else if (kind == LINK_CO_UNITS)
        ld_suggestion_set_co_unit_ids (suggestion, data, list->len);
      else
        ld_suggestion_set_concern_ids (suggestion, data, list->len);
    }
  return TRUE;
}

/* Rows by id: @ids (any order) → suggestions in the same order, with their links. */
static GPtrArray *
load_rows (sqlite3       *db,
           const gint64  *ids,
           guint          n_ids,
           GError       **error)
{
  const char *what = _("Reading suggestions");
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_object_unref);

  for (guint start = 0; start < n_ids; start += LOAD_CHUNK)
    {
      guint n = MIN (LOAD_CHUNK, n_ids - start);
      g_autoptr(GString) sql = g_string_new ("SELECT " SUGGESTION_COLUMNS " FROM " SUGGESTION_FROM
                                             " WHERE s.id IN (");
      sqlite3_stmt *stmt;
      int rc;

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i == 0 ? "?" : ", ?");
      g_string_append (sql, ")");

      if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[start + i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LdSuggestion *suggestion = suggestion_from_row (stmt);
          gint64 *key = g_new (gint64, 1);

          *key = ld_suggestion_get_id (suggestion);
          g_hash_table_insert (by_id, key, suggestion);
        }
      if (rc != SQLITE_DONE)
        ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return NULL;

      if (!load_links (db, by_id, ids + start, n, LINK_CO_SIGNERS, error)
          || !load_links (db, by_id, ids + start, n, LINK_CO_UNITS, error)
          || !load_links (db, by_id, ids + start, n, LINK_CONCERNS, error))
        return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      LdSuggestion *suggestion = g_hash_table_lookup (by_id, &ids[i]);

      if (suggestion != NULL)
        g_ptr_array_add (result, g_object_ref (suggestion));
    }
  return g_steal_pointer (&result);
}

static LdSuggestion *
get_suggestion (sqlite3  *db,
                gint64    id,
                GError  **error)
{
  g_autoptr(GPtrArray) rows = load_rows (db, &id, 1, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      set_not_found (error);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* "第0123号", else the title, for messages and the timeline. */
static const char *
suggestion_label (LdSuggestion *suggestion)
{
  const char *number = ld_suggestion_get_number (suggestion);

  return number != NULL ? number : ld_suggestion_get_title (suggestion);
}

/* ------------------------------------------------------------------ writing */

static gboolean
append_timeline (sqlite3     *db,
                 gint64       suggestion_id,
                 const char  *operator,
                 const char  *action,
                 int          from_state,
                 int          to_state,
                 const char  *note,
                 const char  *changes,
                 GError     **error)
{
  const char *what = _("Writing the suggestion’s history");
  g_autofree char *stripped_operator = ld_validation_strip_text (operator);
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO timeline (suggestion_id, operator, action, from_state, "
                         "to_state, note, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  sqlite3_bind_text (stmt, 2, stripped_operator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  ld_sql_bind_text (stmt, 4, from_state >= 0 ? ld_suggestion_state_to_id (from_state) : NULL);
  ld_sql_bind_text (stmt, 5, to_state >= 0 ? ld_suggestion_state_to_id (to_state) : NULL);
  ld_sql_bind_text (stmt, 6, note);
  ld_sql_bind_text (stmt, 7, changes);
  ok = ld_sql_step_done (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ok;
}

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
  if ((stmt = ld_sql_prepare (db, "SELECT id FROM stations ORDER BY id LIMIT 1", what,
                              error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *station_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                         _("Set up the station profile before recording suggestions"));
  return rc == SQLITE_ROW;
}

/* The lead deputy and co-signers of @suggestion, replacing what was there. */
static gboolean
write_deputies (sqlite3       *db,
                gint64         id,
                LdSuggestion  *suggestion,
                GError       **error)
{
  const char *what = _("Saving the suggestion’s deputies");
  GArray *co = ld_suggestion_get_co_signer_ids (suggestion);
  sqlite3_stmt *stmt;

  if (!exec_with_ids (db, "DELETE FROM suggestion_deputies WHERE suggestion_id = ?1", id, 0,
                      what, error))
    return FALSE;
  stmt = ld_sql_prepare (db, "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) "
                             "VALUES (?1, ?2, ?3)", what, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i <= co->len; i++)
    {
      gint64 deputy_id = i == 0 ? ld_suggestion_get_lead_deputy_id (suggestion)
                                : g_array_index (co, gint64, i - 1);

      if (deputy_id == 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, deputy_id);
      sqlite3_bind_text (stmt, 3, i == 0 ? "lead" : "co_signer", -1, SQLITE_STATIC);
      if (!ld_sql_step_done (db, stmt, what, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The lead and co-handling units: @lead_unit_id and @co_ids replace what was there; a unit
 * that stays keeps its opinion dates unless @opinion_due is given for the co-units. */
static gboolean
write_units (sqlite3       *db,
             gint64         id,
             gint64         lead_unit_id,
             const gint64  *co_ids,
             guint          n_co_ids,
             const char    *opinion_due,
             GError       **error)
{
  const char *what = _("Saving the handling units");
  g_autoptr(GString) keep = g_string_new ("DELETE FROM suggestion_units WHERE suggestion_id = ?1 "
                                          "AND unit_id NOT IN (");
  sqlite3_stmt *stmt;

  g_string_append_printf (keep, "%" G_GINT64_FORMAT, lead_unit_id);
  for (guint i = 0; i < n_co_ids; i++)
    g_string_append_printf (keep, ", %" G_GINT64_FORMAT, co_ids[i]);
  g_string_append (keep, ")");
  if (!exec_with_ids (db, keep->str, id, 0, what, error))
    return FALSE;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO suggestion_units (suggestion_id, unit_id, role, "
                         "opinion_due_date) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (suggestion_id, unit_id) DO UPDATE SET role = excluded.role, "
                         "opinion_due_date = coalesce(excluded.opinion_due_date, "
                         "CASE WHEN excluded.role = 'co' THEN opinion_due_date END)",
                         what, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i <= n_co_ids; i++)
    {
      gint64 unit_id = i == 0 ? lead_unit_id : co_ids[i - 1];

      if (unit_id == 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      sqlite3_bind_text (stmt, 3, i == 0 ? "lead" : "co", -1, SQLITE_STATIC);
      ld_sql_bind_text (stmt, 4, i == 0 ? NULL : opinion_due);
      if (!ld_sql_step_done (db, stmt, what, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Links concern @concern_id to suggestion @id and converts it (LD_CONCERN_ACTION_CONVERT through
 * the concern store, so its timeline says so), or refuses naming the concern. */
static gboolean
link_concern (LdStore     *store,
              sqlite3     *db,
              gint64       id,
              gint64       concern_id,
              const char  *operator,
              GError     **error)
{
  const char *what = _("Linking the concern");
  LdConcernTransition args = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reference = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ld_sql_prepare (db, "SELECT ref_year, ref_seq FROM concerns WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, concern_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    reference = g_strdup_printf ("%d-%04d", sqlite3_column_int (stmt, 0),
                                 sqlite3_column_int (stmt, 1));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("A concern of this suggestion is no longer in the database"));
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (reference == NULL)
    return FALSE;

  if (!_ld_concern_store_transition_in (store, db, concern_id, LD_CONCERN_ACTION_CONVERT, &args,
                                        operator, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     /* Translators: %s is a concern's reference number, e.g. 2026-0012; the
                      * second sentence is the concern store's reason */
                     _("Concern %s cannot be turned into a suggestion. %s"), reference,
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return exec_with_ids (db, "INSERT INTO suggestion_concerns (suggestion_id, concern_id) "
                            "VALUES (?1, ?2)", id, concern_id, what, error);
}

static gboolean
unlink_concern (sqlite3  *db,
                gint64    id,
                gint64    concern_id,
                GError  **error)
{
  return exec_with_ids (db, "DELETE FROM suggestion_concerns WHERE suggestion_id = ?1 "
                            "AND concern_id = ?2", id, concern_id, _("Unlinking the concern"),
                       error);
}

static void
bind_form_fields (sqlite3_stmt *stmt,
                  LdSuggestion *suggestion)
{
  g_autofree char *title = ld_validation_strip_text (ld_suggestion_get_title (suggestion));
  g_autofree char *number = ld_validation_strip_text (ld_suggestion_get_number (suggestion));
  g_autofree char *supervisor = ld_validation_strip_text (ld_suggestion_get_supervisor (suggestion));
  const char *content = ld_suggestion_get_content (suggestion);

  /* ?1 … ?8; the content is kept exactly as typed. */
  ld_sql_bind_text (stmt, 1, number);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, content != NULL ? content : "", -1, SQLITE_TRANSIENT);
  ld_sql_bind_id (stmt, 4, ld_suggestion_get_category_id (suggestion));
  ld_sql_bind_text (stmt, 5, ld_suggestion_get_submitted_date (suggestion));
  sqlite3_bind_int (stmt, 6, ld_suggestion_get_key_supervision (suggestion) ? 1 : 0);
  ld_sql_bind_text (stmt, 7, supervisor);
  ld_sql_bind_text (stmt, 8, ld_suggestion_get_notes (suggestion));
}

static gboolean
validate (LdSuggestion  *suggestion,
          GError       **error)
{
  g_autofree char *today = today_local ();
  g_autoptr(GHashTable) errors = ld_suggestion_validate (suggestion, today);

  return ld_validation_first_error (errors, suggestion_fields, error);
}

static void
emit_concerns (LdStore *store,
               GArray  *concern_ids)
{
  for (guint i = 0; concern_ids != NULL && i < concern_ids->len; i++)
    ld_store_emit_changed (store, "concern", g_array_index (concern_ids, gint64, i));
}

gboolean
ld_suggestion_store_create (LdStore       *store,
                            LdSuggestion  *suggestion,
                            const char    *operator,
                            GError       **error)
{
  const char *what = _("Recording the suggestion");
  g_autoptr(LdSuggestion) saved = NULL;
  GArray *concern_ids = ld_suggestion_get_concern_ids (suggestion);
  GArray *co_units = ld_suggestion_get_co_unit_ids (suggestion);
  sqlite3_stmt *stmt = NULL;
  LdSuggestionState state;
  gint64 station_id, id;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (ld_suggestion_get_id (suggestion) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ld_sql_check_operator (operator, error) || !validate (suggestion, error))
    return FALSE;
  state = ld_suggestion_get_submitted_date (suggestion) != NULL ? LD_SUGGESTION_SUBMITTED
                                                                : LD_SUGGESTION_DRAFT;

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;

  station_id = ld_suggestion_get_station_id (suggestion);
  if (!resolve_station (db, &station_id, error))
    goto fail;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO suggestions (number, title, content, category_id, "
                         "submitted_date, key_supervision, supervisor, notes, station_id, state) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", what, error);
  if (stmt == NULL)
    goto fail;
  bind_form_fields (stmt, suggestion);
  sqlite3_bind_int64 (stmt, 9, station_id);
  sqlite3_bind_text (stmt, 10, ld_suggestion_state_to_id (state), -1, SQLITE_STATIC);
  if (!ld_sql_step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  id = sqlite3_last_insert_rowid (db);

  if (!write_deputies (db, id, suggestion, error)
      || !write_units (db, id, ld_suggestion_get_lead_unit_id (suggestion),
                       (const gint64 *) (gpointer) co_units->data, co_units->len, NULL, error)
      || !append_timeline (db, id, operator, "create", -1, state, NULL, NULL, error))
    goto fail;
  for (guint i = 0; i < concern_ids->len; i++)
    if (!link_concern (store, db, id, g_array_index (concern_ids, gint64, i), operator, error))
      goto fail;

  if ((saved = get_suggestion (db, id, error)) == NULL)
    goto fail;
  if (!ld_sql_commit (store, error))
    {
      prefix_save_error (error);
      return FALSE;
    }

  ld_suggestion_set_id (suggestion, id);
  ld_suggestion_set_uuid (suggestion, ld_suggestion_get_uuid (saved));
  ld_suggestion_set_station_id (suggestion, station_id);
  ld_suggestion_set_state (suggestion, state);
  ld_suggestion_set_created_at (suggestion, ld_suggestion_get_created_at (saved));
  ld_suggestion_set_updated_at (suggestion, ld_suggestion_get_updated_at (saved));
  ld_suggestion_set_category_name (suggestion, ld_suggestion_get_category_name (saved));
  ld_suggestion_set_lead_deputy_name (suggestion, ld_suggestion_get_lead_deputy_name (saved));
  ld_suggestion_set_lead_unit_name (suggestion, ld_suggestion_get_lead_unit_name (saved));

  ld_store_emit_changed (store, "suggestion", id);
  emit_concerns (store, concern_ids);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  prefix_save_error (error);
  return FALSE;
}

/* ------------------------------------------------------------------ edits */

/* The scalar fields an edit compares and records, in the form's order. */
static const char * const form_scalars[] = {
  "title", "number", "category-id", "lead-deputy-id", "lead-unit-id", "submitted-date",
  "content", "key-supervision", "supervisor", "notes",
};

static char *
field_as_text (LdSuggestion *suggestion,
               const char   *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (suggestion), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (suggestion), property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);

      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "1" : "0");
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value) != 0
             ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value)) : NULL;
  return NULL;
}

/* {"field": [old, new], …} of what differs, or NULL; the id lists as [null, null]. */
static char *
describe_changes (LdSuggestion *old,
                  LdSuggestion *new)
{
  g_autoptr(GString) json = g_string_new ("{");

  for (guint i = 0; i < G_N_ELEMENTS (form_scalars); i++)
    {
      g_autofree char *a = field_as_text (old, form_scalars[i]);
      g_autofree char *b = field_as_text (new, form_scalars[i]);

      if (g_strcmp0 (a, b) != 0)
        json_pair (json, form_scalars[i], a, b);
    }
  if (!same_ids (ld_suggestion_get_co_signer_ids (old), ld_suggestion_get_co_signer_ids (new)))
    json_pair (json, "co-signer-ids", NULL, NULL);
  if (!same_ids (ld_suggestion_get_co_unit_ids (old), ld_suggestion_get_co_unit_ids (new)))
    json_pair (json, "co-unit-ids", NULL, NULL);
  if (!same_ids (ld_suggestion_get_concern_ids (old), ld_suggestion_get_concern_ids (new)))
    json_pair (json, "concern-ids", NULL, NULL);

  if (json->len == 1)
    return NULL;
  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

gboolean
ld_suggestion_store_update (LdStore       *store,
                            LdSuggestion  *suggestion,
                            const char    *operator,
                            GError       **error)
{
  const char *what = _("Saving the suggestion");
  g_autoptr(LdSuggestion) old = NULL;
  g_autoptr(LdSuggestion) saved = NULL;
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *changes = NULL;
  GArray *old_concerns, *new_concerns, *co_units;
  sqlite3_stmt *stmt = NULL;
  LdSuggestionState state;
  gint64 id;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (ld_suggestion_get_id (suggestion) != 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = ld_suggestion_get_id (suggestion);
  if (!ld_sql_check_operator (operator, error) || !validate (suggestion, error))
    return FALSE;

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;
  if ((old = get_suggestion (db, id, error)) == NULL)
    goto fail;
  if ((changes = describe_changes (old, suggestion)) == NULL)
    {
      ld_sql_rollback (store);
      return TRUE;
    }

  state = ld_suggestion_get_state (old);
  if (state == LD_SUGGESTION_CLOSED)
    {
      set_refused (error, _("A closed suggestion can no longer be edited"));
      goto fail;
    }
  /* The units answer for an assigned suggestion; only another one can take the lead. */
  if (ld_suggestion_get_assigned_date (old) != NULL
      && ld_suggestion_get_lead_unit_id (suggestion) == 0)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                           _("An assigned suggestion needs its lead unit"));
      goto fail;
    }
  if (ld_suggestion_get_assigned_date (old) != NULL
      && g_strcmp0 (ld_suggestion_get_submitted_date (suggestion),
                    ld_suggestion_get_assigned_date (old)) > 0)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The date submitted cannot be after the date assigned"));
      goto fail;
    }
  old_concerns = ld_suggestion_get_concern_ids (old);
  new_concerns = ld_suggestion_get_concern_ids (suggestion);
  for (guint i = 0; i < old_concerns->len; i++)
    {
      gint64 concern_id = g_array_index (old_concerns, gint64, i);

      if (array_contains (new_concerns, concern_id))
        continue;
      if (state != LD_SUGGESTION_DRAFT && state != LD_SUGGESTION_SUBMITTED)
        {
          set_refused (error, _("A concern cannot be taken off a suggestion once it is assigned"));
          goto fail;
        }
      if (!unlink_concern (db, id, concern_id, error))
        goto fail;
      g_array_append_val (touched, concern_id);
    }

  stmt = ld_sql_prepare (db,
                         "UPDATE suggestions SET number = ?1, title = ?2, content = ?3, "
                         "category_id = ?4, submitted_date = ?5, key_supervision = ?6, "
                         "supervisor = ?7, notes = ?8 WHERE id = ?9", what, error);
  if (stmt == NULL)
    goto fail;
  bind_form_fields (stmt, suggestion);
  sqlite3_bind_int64 (stmt, 9, id);
  if (!ld_sql_step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  co_units = ld_suggestion_get_co_unit_ids (suggestion);
  if (!write_deputies (db, id, suggestion, error)
      || !write_units (db, id, ld_suggestion_get_lead_unit_id (suggestion),
                       (const gint64 *) (gpointer) co_units->data, co_units->len, NULL, error))
    goto fail;
  for (guint i = 0; i < new_concerns->len; i++)
    {
      gint64 concern_id = g_array_index (new_concerns, gint64, i);

      if (array_contains (old_concerns, concern_id))
        continue;
      if (!link_concern (store, db, id, concern_id, operator, error))
        goto fail;
      g_array_append_val (touched, concern_id);
    }
  if (!append_timeline (db, id, operator, "edit", -1, -1, NULL, changes, error))
    goto fail;
  if ((saved = get_suggestion (db, id, error)) == NULL)
    goto fail;
  if (!ld_sql_commit (store, error))
    {
      prefix_save_error (error);
      return FALSE;
    }

  ld_suggestion_set_updated_at (suggestion, ld_suggestion_get_updated_at (saved));
  ld_suggestion_set_category_name (suggestion, ld_suggestion_get_category_name (saved));
  ld_suggestion_set_lead_deputy_name (suggestion, ld_suggestion_get_lead_deputy_name (saved));
  ld_suggestion_set_lead_unit_name (suggestion, ld_suggestion_get_lead_unit_name (saved));
  ld_store_emit_changed (store, "suggestion", id);
  emit_concerns (store, touched);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  prefix_save_error (error);
  return FALSE;
}

/* ------------------------------------------------------------------ workflow */

static gboolean
check_args (LdSuggestionAction             action,
            gint64                         id,
            const LdSuggestionTransition  *args,
            GError                       **error)
{
  if (args->date != NULL && !parse_date (args->date, NULL))
    {
      set_bad_date (error);
      return FALSE;
    }
  if (!check_text (args->note, NOTE_MAX_CHARS, error)
      || !check_text (args->reason, NOTE_MAX_CHARS, error)
      || !check_text (args->answer_text, ANSWER_MAX_CHARS, error))
    return FALSE;

  switch (action)
    {
    case LD_SUGGESTION_ACTION_ASSIGN:
      if (args->unit_id <= 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                               _("Choose the lead unit"));
          return FALSE;
        }
      g_return_val_if_fail (args->co_unit_ids != NULL || args->n_co_unit_ids == 0, FALSE);
      for (guint i = 0; i < args->n_co_unit_ids; i++)
        {
          gboolean twice = args->co_unit_ids[i] == args->unit_id;

          for (guint j = i + 1; j < args->n_co_unit_ids && !twice; j++)
            twice = args->co_unit_ids[i] == args->co_unit_ids[j];
          if (twice)
            {
              g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                                   _("Name each handling unit once, the lead unit not also as a "
                                     "co-handling unit"));
              return FALSE;
            }
        }
      return TRUE;
    case LD_SUGGESTION_ACTION_RETURN:
      return require (args->reason, _("Say why the unit returned the suggestion"), error);
    case LD_SUGGESTION_ACTION_EXTEND:
      if (args->due_date == NULL || args->due_date[0] == '\0')
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                               _("Enter the new due date"));
          return FALSE;
        }
      if (!parse_date (args->due_date, NULL))
        {
          set_bad_date (error);
          return FALSE;
        }
      return require (args->reason, _("Say why the extension was approved"), error);
    case LD_SUGGESTION_ACTION_ANSWER:
      if (args->answer_class_id <= 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                               _("Choose the answer class"));
          return FALSE;
        }
      return require (args->answer_text, _("Enter what the unit answered"), error);
    case LD_SUGGESTION_ACTION_EVALUATE:
      if (!require (args->evaluation, _("Choose how satisfied the deputies were"), error))
        return FALSE;
      if (!g_strv_contains (ld_satisfactions (), args->evaluation))
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("Choose how satisfied the deputies were"));
          return FALSE;
        }
      return TRUE;
    case LD_SUGGESTION_ACTION_MERGE:
      if (args->merge_into <= 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                               _("Choose the suggestion to handle it with"));
          return FALSE;
        }
      if (args->merge_into == id)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("A suggestion cannot be merged with itself"));
          return FALSE;
        }
      return TRUE;
    case LD_SUGGESTION_ACTION_NOTE:
      return require (args->note, _("Write the note"), error);
    case LD_SUGGESTION_ACTION_SUBMIT:
    case LD_SUGGESTION_ACTION_REHANDLE:
    case LD_SUGGESTION_ACTION_CLOSE:
    case LD_SUGGESTION_N_ACTIONS:
    default:
      return TRUE;
    }
}

static char *
unit_name (sqlite3  *db,
           gint64    unit_id,
           GError  **error)
{
  const char *what = _("Reading the handling unit");
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  stmt = ld_sql_prepare (db, "SELECT name FROM units WHERE id = ?1", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup (ld_sql_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("This handling unit is no longer in the list"));
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return name;
}

/* The answer class @id: its name in the UI language and whether it carries over. */
static gboolean
read_answer_class (sqlite3    *db,
                   gint64      id,
                   char      **name,
                   gboolean   *carry_over,
                   GError    **error)
{
  const char *what = _("Reading the answer classes");
  sqlite3_stmt *stmt;
  int rc;

  *name = NULL;
  stmt = ld_sql_prepare (db, "SELECT seed_key, name, carry_over FROM answer_classes WHERE id = ?1",
                         what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_strdup (list_display_name (LD_LIST_ANSWER_CLASS, ld_sql_column_text (stmt, 0),
                                           ld_sql_column_text (stmt, 1)));
      *carry_over = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("This answer class is no longer in the list"));
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* Enters suggestion @suggestion_id into the rolling ledger of @year unless it is there; @added
 * counts a new row, which the suggestion's timeline records. */
static gboolean
enter_rolling (sqlite3     *db,
               gint64       suggestion_id,
               gint64       station_id,
               guint        year,
               const char  *operator,
               int         *added,
               GError     **error)
{
  const char *what = _("Carrying the suggestion into rolling supervision");
  g_autoptr(GString) changes = g_string_new ("{");
  g_autofree char *due = NULL;
  sqlite3_stmt *stmt;

  if (year < 1000 || year > 9999 || !rolling_due_date (db, station_id, year, &due, error))
    return year < 1000 || year > 9999;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO rolling_supervision (station_id, suggestion_id, year, "
                         "followup_due_date) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (suggestion_id, year) DO NOTHING", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  sqlite3_bind_int64 (stmt, 2, suggestion_id);
  sqlite3_bind_int (stmt, 3, (int) year);
  sqlite3_bind_text (stmt, 4, due, -1, SQLITE_TRANSIENT);
  if (!ld_sql_step_done (db, stmt, what, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (sqlite3_changes (db) == 0)
    return TRUE;

  json_pair (changes, "due_date", NULL, due);
  g_string_append (changes, "}");
  if (added != NULL)
    (*added)++;
  return append_timeline (db, suggestion_id, operator, "carry_over", -1, -1, NULL, changes->str,
                          error);
}

/* Records an answer on @suggestion (the one answered, or one merged into it) and passes it on:
 * the timeline of each concern it was built from, and the rolling ledger of the next year when
 * the class carries over. @touched gets the concerns. */
static gboolean
record_answer (sqlite3             *db,
               LdSuggestion        *suggestion,
               LdSuggestion        *main,
               const char          *date,
               gint64               class_id,
               const char          *class_name,
               gboolean             carry_over,
               const char          *text,
               gboolean             face_to_face,
               const char          *operator,
               const char          *note,
               GArray              *touched,
               GError             **error)
{
  const char *what = _("Recording the answer");
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(GString) concern_changes = g_string_new ("{");
  GArray *concerns = ld_suggestion_get_concern_ids (suggestion);
  gint64 id = ld_suggestion_get_id (suggestion);
  sqlite3_stmt *stmt;

  /* A suggestion merged into another takes the other's assignment when it had none, so that
   * it counts as assigned and answered with it (the schema wants both for "answered"). */
  stmt = ld_sql_prepare (db,
                         "UPDATE suggestions SET state = 'answered', answer_date = ?2, "
                         "answer_class_id = ?3, answer_text = ?4, answer_face_to_face = ?5, "
                         "evaluation = NULL, evaluation_date = NULL, "
                         "assigned_date = coalesce(assigned_date, ?6), "
                         "initial_due_date = coalesce(initial_due_date, ?7), "
                         "due_date = coalesce(due_date, ?8) WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, class_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, face_to_face ? 1 : 0);
  ld_sql_bind_text (stmt, 6, ld_suggestion_get_assigned_date (main));
  ld_sql_bind_text (stmt, 7, ld_suggestion_get_initial_due_date (main));
  ld_sql_bind_text (stmt, 8, ld_suggestion_get_due_date (main));
  if (!ld_sql_step_done (db, stmt, what, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  json_pair (changes, "outcome", ld_suggestion_get_answer_class_name (suggestion), class_name);
  g_string_append (changes, "}");
  if (!append_timeline (db, id, operator, ld_suggestion_action_to_id (LD_SUGGESTION_ACTION_ANSWER),
                        ld_suggestion_get_state (suggestion), LD_SUGGESTION_ANSWERED, note,
                        changes->str, error))
    return FALSE;

  json_pair (concern_changes, "outcome", NULL, class_name);
  g_string_append (concern_changes, "}");
  for (guint i = 0; i < concerns->len; i++)
    {
      gint64 concern_id = g_array_index (concerns, gint64, i);

      if (!_ld_concern_store_append_timeline (db, concern_id, operator, "suggestion_answered", -1,
                                              -1, NULL, concern_changes->str, error))
        return FALSE;
      if (!array_contains (touched, concern_id))
        g_array_append_val (touched, concern_id);
    }

  if (carry_over)
    {
      GDate day;

      if (!parse_date (date, &day)
          || !enter_rolling (db, id, ld_suggestion_get_station_id (suggestion),
                             (guint) g_date_get_year (&day) + 1, operator, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The suggestions merged into @id that are not closed, oldest first. */
static GPtrArray *
merged_into (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  const char *what = _("Reading the merged suggestions");
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  stmt = ld_sql_prepare (db, "SELECT id FROM suggestions WHERE merged_into = ?1 "
                             "AND state <> 'closed' ORDER BY id", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  ids = read_ids (db, stmt, what, error);
  sqlite3_finalize (stmt);
  if (ids == NULL)
    return NULL;
  return load_rows (db, (const gint64 *) (gpointer) ids->data, ids->len, error);
}

static gboolean
check_merge_target (sqlite3       *db,
                    LdSuggestion  *suggestion,
                    gint64         target_id,
                    char         **label,
                    GError       **error)
{
  const char *what = _("Reading the suggestion to merge with");
  g_autoptr(LdSuggestion) target = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((target = get_suggestion (db, target_id, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The suggestion to merge with is no longer in the database"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (ld_suggestion_get_merged_into (target) != 0)
    {
      set_refused (error, _("That suggestion is itself merged with another; merge with that one"));
      return FALSE;
    }
  if (ld_suggestion_get_state (target) == LD_SUGGESTION_CLOSED)
    {
      set_refused (error, _("A suggestion cannot be merged with one that is closed"));
      return FALSE;
    }

  stmt = ld_sql_prepare (db, "SELECT 1 FROM suggestions WHERE merged_into = ?1 LIMIT 1", what,
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ld_suggestion_get_id (suggestion));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    set_refused (error, _("Other suggestions are handled with this one, so it cannot be merged "
                          "itself"));
  if (rc != SQLITE_DONE)
    return FALSE;

  *label = g_strdup (suggestion_label (target));
  return TRUE;
}

gboolean
ld_suggestion_store_transition (LdStore                       *store,
                                gint64                         id,
                                LdSuggestionAction             action,
                                const LdSuggestionTransition  *args,
                                const char                    *operator,
                                GError                       **error)
{
  const char *what = _("Updating the suggestion");
  static const LdSuggestionTransition no_args = { 0 };
  g_autoptr(LdSuggestion) old = NULL;
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) merged_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *today = today_local ();
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *due = NULL;
  g_autofree char *opinion_due = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *label = NULL;
  LdSuggestionDeadlines deadlines;
  LdSuggestionState from, to;
  sqlite3_stmt *stmt = NULL;
  gboolean timeline_written = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (action < LD_SUGGESTION_N_ACTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (args == NULL)
    args = &no_args;
  if (!ld_sql_check_operator (operator, error) || !check_args (action, id, args, error))
    return FALSE;
  date = args->date != NULL ? g_strdup (args->date) : g_strdup (today);
  note = ld_validation_strip_text (args->note);
  reason = ld_validation_strip_text (args->reason);

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;
  if ((old = get_suggestion (db, id, error)) == NULL)
    goto fail;

  from = ld_suggestion_get_state (old);
  if (!ld_workflow_suggestion_allows (from, action, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the suggestion's state, e.g. "Closed"; the step the
                    * user asked for is the one on the button they pressed */
                   _("This step is not open to a suggestion that is “%s”"),
                   ld_suggestion_state_to_string (from));
      goto fail;
    }
  if (!read_deadlines (db, ld_suggestion_get_station_id (old), &deadlines, error))
    goto fail;

  switch (action)
    {
    case LD_SUGGESTION_ACTION_SUBMIT:
      /* Without a date, the one the form already holds. */
      if (args->date == NULL && ld_suggestion_get_submitted_date (old) != NULL)
        {
          g_free (date);
          date = g_strdup (ld_suggestion_get_submitted_date (old));
        }
      if (strcmp (date, today) > 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date submitted cannot be in the future"));
          goto fail;
        }
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2, submitted_date = ?3 "
                                 "WHERE id = ?1", what, error);
      json_pair (changes, "submitted_date", ld_suggestion_get_submitted_date (old), date);
      break;

    case LD_SUGGESTION_ACTION_ASSIGN:
      if (g_strcmp0 (date, ld_suggestion_get_submitted_date (old)) < 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date assigned cannot be before the date submitted"));
          goto fail;
        }
      if ((unit = unit_name (db, args->unit_id, error)) == NULL)
        goto fail;
      due = ld_deadline_add_months (date, deadlines.answer_due_months);
      opinion_due = ld_deadline_add_months (date, deadlines.co_unit_opinion_months);
      if (due == NULL || opinion_due == NULL)
        {
          set_bad_date (error);
          goto fail;
        }
      if (!write_units (db, id, args->unit_id, args->co_unit_ids, args->n_co_unit_ids,
                        opinion_due, error))
        goto fail;
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2, assigned_date = ?3, "
                                 "initial_due_date = ?4, due_date = ?4, extension_date = NULL, "
                                 "extension_reason = NULL WHERE id = ?1", what, error);
      json_pair (changes, "unit", ld_suggestion_get_lead_unit_name (old), unit);
      json_pair (changes, "due_date", ld_suggestion_get_due_date (old), due);
      break;

    case LD_SUGGESTION_ACTION_RETURN:
      {
        g_autoptr(LdWorkdays) workdays = ld_calendar_store_load_workdays (store, error);
        const char *assigned = ld_suggestion_get_assigned_date (old);

        if (workdays == NULL)
          goto fail;
        if (!ld_deadline_can_return (workdays, assigned, date, deadlines.return_working_days))
          {
            g_autofree char *end = ld_deadline_return_window_end (workdays, assigned,
                                                                  deadlines.return_working_days);

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* Translators: %d is a number of working days, the %s are dates */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "A unit may return a suggestion only within %d working day "
                                      "of its assignment: from %s to %s",
                                      "A unit may return a suggestion only within %d working days "
                                      "of its assignment: from %s to %s",
                                      (gulong) deadlines.return_working_days),
                         deadlines.return_working_days, assigned != NULL ? assigned : "",
                         end != NULL ? end : "");
            goto fail;
          }
        stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2, returned_date = ?3, "
                                   "return_reason = ?4 WHERE id = ?1", what, error);
        json_pair (changes, "reason", NULL, reason);
      }
      break;

    case LD_SUGGESTION_ACTION_EXTEND:
      {
        g_autofree char *limit = ld_deadline_extension_limit (
          ld_suggestion_get_initial_due_date (old), deadlines.extension_max_months);

        if (g_strcmp0 (args->due_date, ld_suggestion_get_due_date (old)) <= 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* Translators: %s is a date */
                         _("An extension must move the due date past the one in force, %s"),
                         ld_suggestion_get_due_date (old));
            goto fail;
          }
        if (limit == NULL || strcmp (args->due_date, limit) > 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* Translators: %s is a date */
                         _("An extension may move the due date to %s at the latest"),
                         limit != NULL ? limit : "");
            goto fail;
          }
        due = g_strdup (args->due_date);
        stmt = ld_sql_prepare (db, "UPDATE suggestions SET extension_date = ?3, "
                                   "extension_reason = ?4, due_date = ?5 WHERE id = ?1",
                               what, error);
        json_pair (changes, "due_date", ld_suggestion_get_due_date (old), due);
        json_pair (changes, "reason", ld_suggestion_get_extension_reason (old), reason);
      }
      break;

    case LD_SUGGESTION_ACTION_ANSWER:
      {
        g_autoptr(GPtrArray) merged = NULL;
        g_autofree char *class_name = NULL;
        g_autofree char *text = ld_validation_strip_text (args->answer_text);
        gboolean carry_over = FALSE;

        if (g_strcmp0 (date, ld_suggestion_get_assigned_date (old)) < 0)
          {
            g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                                 _("The date answered cannot be before the date assigned"));
            goto fail;
          }
        if (!read_answer_class (db, args->answer_class_id, &class_name, &carry_over, error)
            || !record_answer (db, old, old, date, args->answer_class_id, class_name, carry_over,
                               text, args->face_to_face, operator, note, touched, error))
          goto fail;
        /* 并案: every deputy of a merged suggestion still gets the reply. */
        if ((merged = merged_into (db, id, error)) == NULL)
          goto fail;
        for (guint i = 0; i < merged->len; i++)
          {
            LdSuggestion *other = g_ptr_array_index (merged, i);
            gint64 other_id = ld_suggestion_get_id (other);

            if (!record_answer (db, other, old, date, args->answer_class_id, class_name,
                                carry_over, text, args->face_to_face, operator, NULL, touched,
                                error))
              goto fail;
            g_array_append_val (merged_ids, other_id);
          }
        timeline_written = TRUE;
      }
      break;

    case LD_SUGGESTION_ACTION_EVALUATE:
      if (g_strcmp0 (date, ld_suggestion_get_answer_date (old)) < 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date of the evaluation cannot be before the answer"));
          goto fail;
        }
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2, evaluation = ?3, "
                                 "evaluation_date = ?4 WHERE id = ?1", what, error);
      json_pair (changes, "satisfaction", ld_suggestion_get_evaluation (old), args->evaluation);
      break;

    case LD_SUGGESTION_ACTION_REHANDLE:
      if (g_strcmp0 (ld_suggestion_get_evaluation (old), "dissatisfied") != 0)
        {
          set_refused (error, _("A suggestion is handled again only when its deputies were "
                                "dissatisfied with the answer"));
          goto fail;
        }
      if (g_strcmp0 (date, ld_suggestion_get_evaluation_date (old)) < 0
          || (due = ld_deadline_add_months (date, deadlines.rehandling_months)) == NULL)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date of the re-handling cannot be before the evaluation"));
          goto fail;
        }
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2, due_date = ?3, "
                                 "rehandling_count = rehandling_count + 1 WHERE id = ?1",
                             what, error);
      json_pair (changes, "due_date", ld_suggestion_get_due_date (old), due);
      break;

    case LD_SUGGESTION_ACTION_MERGE:
      if (!check_merge_target (db, old, args->merge_into, &label, error))
        goto fail;
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET merged_into = ?3 WHERE id = ?1",
                             what, error);
      /* What it was merged with, for ld_suggestion_timeline_describe(). */
      json_pair (changes, "outcome", NULL, label);
      break;

    case LD_SUGGESTION_ACTION_CLOSE:
      stmt = ld_sql_prepare (db, "UPDATE suggestions SET state = ?2 WHERE id = ?1", what, error);
      break;

    case LD_SUGGESTION_ACTION_NOTE:
    case LD_SUGGESTION_N_ACTIONS:
    default:
      break;
    }

  if (stmt == NULL && action != LD_SUGGESTION_ACTION_NOTE && !timeline_written)
    goto fail;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_bind_parameter_index (stmt, "?2") > 0)
        sqlite3_bind_text (stmt, 2, ld_suggestion_state_to_id (to), -1, SQLITE_STATIC);
      switch (action)
        {
        case LD_SUGGESTION_ACTION_SUBMIT:
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_ASSIGN:
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, due, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_RETURN:
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_EXTEND:
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, due, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_EVALUATE:
          sqlite3_bind_text (stmt, 3, args->evaluation, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_REHANDLE:
          sqlite3_bind_text (stmt, 3, due, -1, SQLITE_TRANSIENT);
          break;
        case LD_SUGGESTION_ACTION_MERGE:
          sqlite3_bind_int64 (stmt, 3, args->merge_into);
          break;
        case LD_SUGGESTION_ACTION_ANSWER:
        case LD_SUGGESTION_ACTION_CLOSE:
        case LD_SUGGESTION_ACTION_NOTE:
        case LD_SUGGESTION_N_ACTIONS:
        default:
          break;
        }
      if (!ld_sql_step_done (db, stmt, what, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  g_string_append (changes, "}");
  if (!timeline_written
      && !append_timeline (db, id, operator, ld_suggestion_action_to_id (action), from, to, note,
                           changes->len > 2 ? changes->str : NULL, error))
    goto fail;
  if (!ld_sql_commit (store, error))
    {
      prefix_save_error (error);
      return FALSE;
    }

  ld_store_emit_changed (store, "suggestion", id);
  for (guint i = 0; i < merged_ids->len; i++)
    ld_store_emit_changed (store, "suggestion", g_array_index (merged_ids, gint64, i));
  emit_concerns (store, touched);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  prefix_save_error (error);
  return FALSE;
}

/* ------------------------------------------------------------------ reading */

LdSuggestion *
ld_suggestion_store_get (LdStore  *store,
                         gint64    id,
                         GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  return get_suggestion (db, id, error);
}

GPtrArray *
ld_suggestion_store_load (LdStore       *store,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  return load_rows (db, ids, n_ids, error);
}

/* The WHERE clause of a query over "suggestions AS s" and its text parameters, in order. */
typedef struct
{
  GString   *where;
  GPtrArray *params;     /* char *, bound as text; numbers are inlined */
  gboolean   nothing;    /* the query cannot match anything */
} Filter;

static void
filter_clear (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_ptr_array_unref (filter->params);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

static void
filter_add (Filter     *filter,
            const char *condition)
{
  g_string_append (filter->where, filter->where->len == 0 ? " WHERE " : " AND ");
  g_string_append (filter->where, condition);
}

static void
filter_add_param (Filter     *filter,
                  const char *condition,
                  char       *param)
{
  filter_add (filter, condition);
  g_ptr_array_add (filter->params, param);
}

/* The states whose due date is live (ld_suggestion_state_is_due()), for SQL. */
static char *
due_states_sql (void)
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

static gboolean
build_filter (sqlite3                  *db,
              const LdSuggestionQuery  *query,
              Filter                   *filter,
              GError                  **error)
{
  g_autofree char *today = NULL;

  filter->where = g_string_new (NULL);
  filter->params = g_ptr_array_new_with_free_func (g_free);
  filter->nothing = FALSE;

  if (query->search != NULL && query->search[0] != '\0')
    {
      g_autofree char *match = NULL;
      g_auto(GStrv) like_words = NULL;

      if (!ld_fts_build_query (query->search, &match, &like_words))
        {
          /* Only punctuation or spaces filter nothing; text that is not UTF-8 matches nothing. */
          if (!g_utf8_validate (query->search, -1, NULL))
            filter->nothing = TRUE;
        }
      else
        {
          if (match != NULL)
            filter_add_param (filter, "s.id IN (SELECT rowid FROM suggestions_fts "
                                      "WHERE suggestions_fts MATCH ?)",
                              g_steal_pointer (&match));
          for (guint i = 0; like_words != NULL && like_words[i] != NULL; i++)
            {
              filter_add (filter, "(instr(lower(s.title), ?) OR instr(lower(s.content), ?) "
                                  "OR instr(lower(ifnull(s.number, '')), ?))");
              for (guint k = 0; k < 3; k++)
                g_ptr_array_add (filter->params, g_strdup (like_words[i]));
            }
        }
    }

  if (query->state_mask != 0)
    {
      g_autoptr(GString) in = g_string_new ("s.state IN (");
      gboolean first = TRUE;

      for (guint s = 0; s < LD_SUGGESTION_N_STATES; s++)
        if (query->state_mask & (1u << s))
          {
            g_string_append_printf (in, "%s'%s'", first ? "" : ", ",
                                    ld_suggestion_state_to_id (s));
            first = FALSE;
          }
      if (first)
        filter->nothing = TRUE;
      g_string_append (in, first ? "NULL)" : ")");
      filter_add (filter, in->str);
    }

  if (query->category_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("s.category_id = %" G_GINT64_FORMAT,
                                            query->category_id);
      filter_add (filter, c);
    }
  if (query->deputy_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("s.id IN (SELECT suggestion_id FROM suggestion_deputies "
                                            "WHERE deputy_id = %" G_GINT64_FORMAT ")",
                                            query->deputy_id);
      filter_add (filter, c);
    }
  if (query->unit_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("s.id IN (SELECT suggestion_id FROM suggestion_units "
                                            "WHERE unit_id = %" G_GINT64_FORMAT ")",
                                            query->unit_id);
      filter_add (filter, c);
    }
  if (query->year != 0)
    {
      g_autofree char *from = year_start_utc (query->year);
      g_autofree char *to = year_start_utc (query->year + 1);

      if (query->year < 1000 || query->year > 9998 || from == NULL || to == NULL)
        filter->nothing = TRUE;
      else
        {
          filter_add (filter, "((s.submitted_date >= ? AND s.submitted_date <= ?) "
                              "OR (s.submitted_date IS NULL AND s.created_at >= ? "
                              "AND s.created_at < ?))");
          g_ptr_array_add (filter->params, g_strdup_printf ("%04u-01-01", query->year));
          g_ptr_array_add (filter->params, g_strdup_printf ("%04u-12-31", query->year));
          g_ptr_array_add (filter->params, g_steal_pointer (&from));
          g_ptr_array_add (filter->params, g_steal_pointer (&to));
        }
    }
  if (query->key_supervision_only)
    filter_add (filter, "s.key_supervision = 1");
  if (query->rolling_only)
    filter_add (filter, "s.id IN (SELECT suggestion_id FROM rolling_supervision)");

  if (query->overdue_only || query->due_soon_only)
    {
      g_autofree char *due_states = due_states_sql ();

      today = query->today != NULL ? g_strdup (query->today) : today_local ();
      if (!parse_date (today, NULL))
        {
          filter->nothing = TRUE;
          return TRUE;
        }
      filter_add (filter, due_states);
      filter_add (filter, "s.due_date IS NOT NULL");
    }
  if (query->overdue_only)
    filter_add_param (filter, "s.due_date < ?", g_strdup (today));
  if (query->due_soon_only)
    {
      LdSuggestionDeadlines deadlines;
      GDate end;

      /* The band of ld_deadline_status(): today ≤ due < today + due-soon days. */
      if (!read_deadlines (db, 0, &deadlines, error))
        return FALSE;
      parse_date (today, &end);
      g_date_add_days (&end, (guint) deadlines.due_soon_days);
      filter_add_param (filter, "s.due_date >= ?", g_strdup (today));
      filter_add_param (filter, "s.due_date < ?", format_date (&end));
    }
  return TRUE;
}

/* Appends the ids of one segment: the filter, @extra (nullable) and @order. */
static gboolean
run_segment (sqlite3       *db,
             const Filter  *filter,
             const char    *extra,
             const char    *order,
             GArray        *ids,
             GError       **error)
{
  const char *what = _("Listing suggestions");
  g_autoptr(GString) sql = g_string_new ("SELECT s.id FROM suggestions AS s");
  g_autoptr(GArray) found = NULL;
  sqlite3_stmt *stmt;

  g_string_append (sql, filter->where->str);
  if (extra != NULL)
    g_string_append_printf (sql, "%s%s", filter->where->len == 0 ? " WHERE " : " AND ", extra);
  g_string_append_printf (sql, " ORDER BY %s", order);

  if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < filter->params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (filter->params, i), -1,
                       SQLITE_STATIC);
  found = read_ids (db, stmt, what, error);
  sqlite3_finalize (stmt);
  if (found == NULL)
    return FALSE;
  g_array_append_vals (ids, found->data, found->len);
  return TRUE;
}

GArray *
ld_suggestion_store_query_ids (LdStore                  *store,
                               const LdSuggestionQuery  *query,
                               GError                  **error)
{
  static const LdSuggestionQuery all = { 0 };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(Filter) filter = { 0 };
  const char *dir;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    query = &all;
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  if (!build_filter (db, query, &filter, error))
    return NULL;
  if (filter.nothing)
    return g_steal_pointer (&ids);
  dir = query->descending ? "DESC" : "ASC";

  switch (query->sort)
    {
    case LD_SUGGESTION_SORT_NUMBER:
      {
        g_autofree char *order = g_strdup_printf ("s.number %s, s.id %s", dir, dir);

        /* Those with a number in order, then those without, newest first. */
        if (!run_segment (db, &filter, "s.number IS NOT NULL", order, ids, error)
            || !run_segment (db, &filter, "s.number IS NULL", "s.created_at DESC, s.id DESC",
                             ids, error))
          return NULL;
      }
      break;

    case LD_SUGGESTION_SORT_STATE:
      for (guint i = 0; i < LD_SUGGESTION_N_STATES; i++)
        {
          guint state = query->descending ? LD_SUGGESTION_N_STATES - 1 - i : i;
          g_autofree char *extra = NULL;

          if (query->state_mask != 0 && !(query->state_mask & (1u << state)))
            continue;
          extra = g_strdup_printf ("s.state = '%s'", ld_suggestion_state_to_id (state));
          /* Newest first within a state, as for concerns. */
          if (!run_segment (db, &filter, extra, "s.created_at DESC, s.id DESC", ids, error))
            return NULL;
        }
      break;

    case LD_SUGGESTION_SORT_DUE:
      {
        g_autofree char *order = g_strdup_printf ("s.due_date %s, s.id %s", dir, dir);

        if (!run_segment (db, &filter, "s.due_date IS NOT NULL", order, ids, error)
            || !run_segment (db, &filter, "s.due_date IS NULL", "s.created_at DESC, s.id DESC",
                             ids, error))
          return NULL;
      }
      break;

    case LD_SUGGESTION_SORT_CREATED:
    default:
      {
        g_autofree char *order = g_strdup_printf ("s.created_at %s, s.id %s", dir, dir);

        if (!run_segment (db, &filter, NULL, order, ids, error))
          return NULL;
      }
      break;
    }

  return g_steal_pointer (&ids);
}

gint64
ld_suggestion_store_count (LdStore                  *store,
                           const LdSuggestionQuery  *query,
                           GError                  **error)
{
  static const LdSuggestionQuery all = { 0 };
  const char *what = _("Counting suggestions");
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM suggestions AS s");
  g_auto(Filter) filter = { 0 };
  sqlite3_stmt *stmt;
  gint64 count = -1;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (query == NULL)
    query = &all;
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return -1;
  if (!build_filter (db, query, &filter, error))
    return -1;
  if (filter.nothing)
    return 0;
  g_string_append (sql, filter.where->str);

  if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
    return -1;
  for (guint i = 0; i < filter.params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (filter.params, i), -1,
                       SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return count;
}

GArray *
ld_suggestion_store_for_concern (LdStore  *store,
                                 gint64    concern_id,
                                 GError  **error)
{
  const char *what = _("Reading the suggestions of the concern");
  sqlite3_stmt *stmt;
  GArray *ids;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  stmt = ld_sql_prepare (db, "SELECT suggestion_id FROM suggestion_concerns "
                             "WHERE concern_id = ?1 ORDER BY suggestion_id", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, concern_id);
  ids = read_ids (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ids;
}

/* ------------------------------------------------------------------ timeline */

/* The form's field names as the edit row lists them. */
static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "title", N_("title") },
    { "number", N_("number") },
    { "category-id", N_("category") },
    { "lead-deputy-id", N_("lead deputy") },
    { "co-signer-ids", N_("co-signers") },
    { "lead-unit-id", N_("lead unit") },
    { "co-unit-ids", N_("co-handling units") },
    { "concern-ids", N_("concerns") },
    { "submitted-date", N_("date submitted") },
    { "content", N_("content") },
    { "key-supervision", N_("key supervision") },
    { "supervisor", N_("supervisor") },
    { "notes", N_("notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].property, property) == 0)
      return _(labels[i].label);
  return property;
}

char *
ld_suggestion_timeline_describe (const LdTimelineEntry *entry)
{
  const char *unit, *due, *reason, *outcome;

  g_return_val_if_fail (entry != NULL, NULL);

  unit = entry->unit != NULL ? entry->unit : "";
  due = entry->due_date != NULL ? entry->due_date : "";
  reason = entry->reason != NULL ? entry->reason : "";
  outcome = entry->outcome != NULL ? entry->outcome : "";

  if (g_strcmp0 (entry->action, "create") == 0)
    return g_strdup (_("Recorded"));
  if (g_strcmp0 (entry->action, "edit") == 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_auto(GStrv) fields = g_strsplit (entry->fields != NULL ? entry->fields : "", ",", -1);

      for (guint i = 0; fields[i] != NULL; i++)
        {
          if (fields[i][0] == '\0')
            continue;
          if (list->len > 0)
            /* Translators: separates the names of edited fields */
            g_string_append (list, _(", "));
          g_string_append (list, field_label (fields[i]));
        }
      if (list->len == 0)
        return g_strdup (_("Edited"));
      /* Translators: %s lists the edited fields, e.g. "title, content" */
      return g_strdup_printf (_("Edited: %s"), list->str);
    }
  if (g_strcmp0 (entry->action, "carry_over") == 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Carried into rolling supervision, follow-up due %s"), due);
  if (g_strcmp0 (entry->action, "followup") == 0)
    /* Translators: %s is the answer class of the unit's follow-up report */
    return g_strdup_printf (_("Follow-up report: %s"), outcome);

  switch (ld_suggestion_action_from_id (entry->action))
    {
    case LD_SUGGESTION_ACTION_SUBMIT:
      return g_strdup (_("Submitted"));
    case LD_SUGGESTION_ACTION_ASSIGN:
      /* Translators: the first %s is a handling unit, the second a date */
      return g_strdup_printf (_("Assigned to %s, due %s"), unit, due);
    case LD_SUGGESTION_ACTION_RETURN:
      /* Translators: %s is the unit's reason */
      return g_strdup_printf (_("Returned by the unit: %s"), reason);
    case LD_SUGGESTION_ACTION_EXTEND:
      /* Translators: %s is the new due date */
      return g_strdup_printf (_("Extended, now due %s"), due);
    case LD_SUGGESTION_ACTION_ANSWER:
      /* Translators: %s is the answer class, e.g. "A: Solved or basically solved" */
      return g_strdup_printf (_("Answered: %s"), outcome);
    case LD_SUGGESTION_ACTION_EVALUATE:
      /* Translators: %s is the deputies' evaluation, e.g. "Satisfied" */
      return g_strdup_printf (_("Evaluated by the deputies: %s"),
                              entry->satisfaction != NULL
                                ? ld_satisfaction_to_string (entry->satisfaction) : "");
    case LD_SUGGESTION_ACTION_REHANDLE:
      /* Translators: %s is the new due date */
      return g_strdup_printf (_("Handled again, due %s"), due);
    case LD_SUGGESTION_ACTION_MERGE:
      /* Translators: %s is the number or title of another suggestion */
      return g_strdup_printf (_("Merged with %s"), outcome);
    case LD_SUGGESTION_ACTION_CLOSE:
      return g_strdup (C_("suggestion timeline", "Closed"));
    case LD_SUGGESTION_ACTION_NOTE:
      return g_strdup (_("Note"));
    default:
      return g_strdup (entry->action);
    }
}

GPtrArray *
ld_suggestion_store_timeline (LdStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ld_sql_read_timeline (store, "suggestion_id", id, ld_suggestion_state_from_id,
                               _("Reading the suggestion’s history"), error);
}

/* ------------------------------------------------------------------ feedback owed */

GArray *
ld_suggestion_store_feedback_owed (LdStore  *store,
                                   gint64    station_id,
                                   GError  **error)
{
  const char *what = _("Listing the feedback owed to residents");
  sqlite3_stmt *stmt;
  GArray *ids;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  /* A concern of two answered suggestions is owed feedback once, from the earlier outcome. */
  stmt = ld_sql_prepare (db, "SELECT concern_id FROM feedback_owed "
                             "WHERE ?1 = 0 OR station_id = ?1 "
                             "GROUP BY concern_id ORDER BY min(outcome_date), concern_id",
                         what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, station_id);
  ids = read_ids (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ids;
}

/* ------------------------------------------------------------------ rolling supervision */

void
ld_rolling_entry_free (LdRollingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->followup_due_date);
  g_free (entry->followup_date);
  g_free (entry->followup_text);
  g_free (entry);
}

int
ld_suggestion_store_carry_over (LdStore     *store,
                                guint        year,
                                const char  *operator,
                                GError     **error)
{
  const char *what = _("Carrying suggestions into rolling supervision");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt = NULL;
  int added = 0, rc;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!ld_sql_check_operator (operator, error))
    return -1;
  if (year < 1000 || year > 9998)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Choose a year between 1000 and 9998"));
      return -1;
    }
  from = g_strdup_printf ("%04u-01-01", year);
  to = g_strdup_printf ("%04u-12-31", year);

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return -1;

  /* The answers of @year that carry over, and the ledger rows of @year still unsolved: a
   * follow-up missing, or of a class that carries over. */
  stmt = ld_sql_prepare (db,
                         "SELECT s.id, s.station_id FROM suggestions AS s "
                         "JOIN answer_classes AS ac ON ac.id = s.answer_class_id "
                         "WHERE s.answer_date BETWEEN ?1 AND ?2 AND ac.carry_over = 1 "
                         "UNION "
                         "SELECT r.suggestion_id, r.station_id FROM rolling_supervision AS r "
                         "LEFT JOIN answer_classes AS ac ON ac.id = r.answer_class_id "
                         "WHERE r.year = ?3 AND (r.followup_date IS NULL "
                         "OR r.answer_class_id IS NULL OR ac.carry_over = 1) "
                         "ORDER BY 1", what, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) year);
  {
    g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

        g_array_append_vals (rows, pair, 2);
      }
    if (rc != SQLITE_DONE)
      {
        ld_database_set_error_from_sqlite (error, db, rc, what);
        goto fail;
      }
    g_clear_pointer (&stmt, sqlite3_finalize);

    for (guint i = 0; i + 1 < rows->len; i += 2)
      if (!enter_rolling (db, g_array_index (rows, gint64, i), g_array_index (rows, gint64, i + 1),
                          year + 1, operator, &added, error))
        goto fail;
  }

  if (!ld_sql_commit (store, error))
    return -1;
  if (added > 0)
    ld_store_emit_changed (store, "suggestion", 0);
  return added;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  return -1;
}

/* The columns of a ledger row, in the order read_rolling_entries() reads them. */
#define ROLLING_COLUMNS \
  "id, suggestion_id, year, followup_due_date, followup_date, followup_text, answer_class_id"

/* The ledger rows @stmt (prepared and bound, selecting ROLLING_COLUMNS) returns, as
 * LdRollingEntry; finalizes @stmt. */

static GPtrArray *
read_rolling_entries (sqlite3       *db,
                      sqlite3_stmt  *stmt,
                      const char    *what,
                      GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ld_rolling_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdRollingEntry *entry = g_new0 (LdRollingEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->suggestion_id = sqlite3_column_int64 (stmt, 1);
      entry->year = (guint) sqlite3_column_int (stmt, 2);
      entry->followup_due_date = g_strdup (ld_sql_column_text (stmt, 3));
      entry->followup_date = g_strdup (ld_sql_column_text (stmt, 4));
      entry->followup_text = g_strdup (ld_sql_column_text (stmt, 5));
      entry->answer_class_id = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&entries);
}

GPtrArray *
ld_suggestion_store_rolling (LdStore  *store,
                             guint     year,
                             gint64    station_id,
                             GError  **error)
{
  const char *what = _("Reading the rolling supervision ledger");
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  stmt = ld_sql_prepare (db,
                         "SELECT " ROLLING_COLUMNS " FROM rolling_supervision "
                         "WHERE (?1 = 0 OR year = ?1) AND (?2 = 0 OR station_id = ?2) "
                         "ORDER BY followup_due_date, id", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) year);
  sqlite3_bind_int64 (stmt, 2, station_id);
  return read_rolling_entries (db, stmt, what, error);
}

GPtrArray *
ld_suggestion_store_rolling_for (LdStore  *store,
                                 gint64    suggestion_id,
                                 GError  **error)
{
  const char *what = _("Reading the rolling supervision ledger");
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  /* On the index of UNIQUE (suggestion_id, year), which also gives the order. */
  stmt = ld_sql_prepare (db,
                         "SELECT " ROLLING_COLUMNS " FROM rolling_supervision "
                         "WHERE suggestion_id = ?1 ORDER BY year", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  return read_rolling_entries (db, stmt, what, error);
}

gboolean
ld_suggestion_store_record_followup (LdStore     *store,
                                     gint64       entry_id,
                                     const char  *date,
                                     gint64       answer_class_id,
                                     const char  *text,
                                     const char  *operator,
                                     GError     **error)
{
  const char *what = _("Recording the follow-up report");
  g_autoptr(GString) changes = g_string_new ("{");
  g_autofree char *class_name = NULL;
  g_autofree char *stripped = ld_validation_strip_text (text);
  gint64 suggestion_id = 0, station_id = 0;
  gboolean carry_over = FALSE;
  sqlite3_stmt *stmt = NULL;
  guint year = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ld_sql_check_operator (operator, error))
    return FALSE;
  if (!parse_date (date, NULL))
    {
      set_bad_date (error);
      return FALSE;
    }
  if (answer_class_id <= 0)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                           _("Choose the answer class"));
      return FALSE;
    }
  if (!check_text (text, ANSWER_MAX_CHARS, error))
    return FALSE;

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;

  stmt = ld_sql_prepare (db, "SELECT suggestion_id, station_id, year FROM rolling_supervision "
                             "WHERE id = ?1", what, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      suggestion_id = sqlite3_column_int64 (stmt, 0);
      station_id = sqlite3_column_int64 (stmt, 1);
      year = (guint) sqlite3_column_int (stmt, 2);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("This row of the rolling supervision ledger is no longer there"));
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (suggestion_id == 0)
    goto fail;

  if (!read_answer_class (db, answer_class_id, &class_name, &carry_over, error))
    goto fail;
  stmt = ld_sql_prepare (db, "UPDATE rolling_supervision SET followup_date = ?2, "
                             "answer_class_id = ?3, followup_text = ?4 WHERE id = ?1",
                         what, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, answer_class_id);
  ld_sql_bind_text (stmt, 4, stripped);
  if (!ld_sql_step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_pair (changes, "outcome", NULL, class_name);
  g_string_append (changes, "}");
  if (!append_timeline (db, suggestion_id, operator, "followup", -1, -1, NULL, changes->str,
                        error))
    goto fail;
  /* Still being solved: into next year's ledger at once. */
  if (carry_over && !enter_rolling (db, suggestion_id, station_id, year + 1, operator, NULL,
                                    error))
    goto fail;
  if (!ld_sql_commit (store, error))
    return FALSE;

  ld_store_emit_changed (store, "suggestion", suggestion_id);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ deadlines */

gboolean
ld_suggestion_store_get_deadlines (LdStore                *store,
                                   gint64                  station_id,
                                   LdSuggestionDeadlines  *deadlines,
                                   GError                **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (deadlines != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return FALSE;
  return read_deadlines (db, station_id, deadlines, error);
}

gboolean
ld_suggestion_store_set_deadlines (LdStore                      *store,
                                   const LdSuggestionDeadlines  *deadlines,
                                   GError                      **error)
{
  const char *what = _("Saving the deadlines");
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (deadlines != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (deadline_settings); i++)
    {
      int value = G_STRUCT_MEMBER (int, deadlines, deadline_settings[i].offset);

      if (value < 1 || value > 120)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("Each deadline is between 1 and 120"));
          return FALSE;
        }
    }

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;
  stmt = ld_sql_prepare (db, "INSERT INTO settings (station_id, key, value) VALUES (NULL, ?1, ?2) "
                             "ON CONFLICT (ifnull(station_id, 0), key) "
                             "DO UPDATE SET value = excluded.value", what, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (deadline_settings); i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", G_STRUCT_MEMBER (int, deadlines,
                                                                       deadline_settings[i].offset));

      sqlite3_bind_text (stmt, 1, deadline_settings[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (!ld_sql_step_done (db, stmt, what, error))
        goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!ld_sql_commit (store, error))
    return FALSE;

  ld_store_emit_changed (store, "settings", 0);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  return FALSE;
}

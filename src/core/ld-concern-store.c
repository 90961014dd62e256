/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-concern-store-private.h"
#include "ld-concern-store.h"
#include "ld-database.h"
#include "ld-fts.h"
#include "ld-list-entry.h"
#include "ld-phone.h"
#include "ld-sql.h"

/*
 * The SQL of concerns. Two rules shape it, both for a district's million rows:
 *
 * - A list is a run of "segments", each one SELECT that an index serves in order, appended one
 *   after the other. Sorting by state in workflow order is one segment per state on
 *   (state, received_at), or, unfiltered, one pass over that index whose runs of states are then
 *   put in order; sorting by due date is the concerns with one on (due_date, id), then those
 *   without. So no list ever sorts a million rows in memory.
 * - Search narrows through the "ld_bigram" FTS5 index (an IN (…) on its rowids, or a join from
 *   it when only concerns_by_id_received is read) and makes the words the index cannot find
 *   exact with instr() (ld-fts.h). The matches of a search listed by received or state are
 *   sorted here (tens of thousands for a common word), cheaper than by SQLite's sorter.
 */

#define CONCERN_COLUMNS \
  "c.id, c.uuid, c.station_id, c.ref_year, c.ref_seq, c.received_at, c.channel_id, " \
  "c.event_id, c.resident_id, r.name, r.phone, r.address, r.community, c.confidential, " \
  "c.category_id, c.place_kind, c.place, c.subject, c.details, c.urgency, c.state, " \
  "c.redirect_reason, c.outcome, c.unit_id, c.referred_date, c.due_date, c.concluded_date, " \
  "c.feedback_date, c.satisfaction, c.duplicate_of, c.created_at, c.updated_at, " \
  "cat.seed_key, cat.name, ch.seed_key, ch.name, u.name"

#define CONCERN_FROM \
  "concerns AS c LEFT JOIN residents AS r ON r.id = c.resident_id " \
  "JOIN concern_categories AS cat ON cat.id = c.category_id " \
  "JOIN channels AS ch ON ch.id = c.channel_id " \
  "LEFT JOIN units AS u ON u.id = c.unit_id"

/* How many ids one load binds at most. */
#define LOAD_CHUNK 200

/* The order of the form's fields, so that a refused save names the first problem. */
static const char * const concern_fields[] = {
  "received-at", "channel-id", "deputy-ids", "resident-name", "resident-phone",
  "resident-address", "resident-community", "confidential", "category-id", "place-kind",
  "place", "subject", "details", "urgency", NULL
};

/* The open states, for similar concerns. */
#define OPEN_STATES_SQL \
  "('registered', 'referred', 'in_progress', 'concluded', 'converted')"

/* ------------------------------------------------------------------ helpers */

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This concern is no longer in the database"));
}

/* @date ("YYYY-MM-DD") when it is a real date; NULL otherwise. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
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

/* Local midnight of @date ("YYYY-MM-DD") plus @days, as the stored UTC text. */
static char *
local_midnight_utc (const char *date_text,
                    int         days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate date;

  if (!parse_date (date_text, &date))
    return NULL;
  local = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), 0, 0, 0);
  if (local == NULL)
    return NULL;
  shifted = g_date_time_add_days (local, days);
  utc = g_date_time_to_utc (shifted);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The local year of a stored UTC time, or 0. */
static guint
local_year_of (const char *received_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (received_at == NULL || (utc = g_date_time_new_from_iso8601 (received_at, NULL)) == NULL)
    return 0;
  local = g_date_time_to_local (utc);
  return (guint) g_date_time_get_year (local);
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

static char *
dup_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* ------------------------------------------------------------------ rows */

static LdConcern *
concern_from_row (sqlite3_stmt *stmt)
{
  LdConcern *concern = ld_concern_new ();
  int state;

  ld_concern_set_id (concern, sqlite3_column_int64 (stmt, 0));
  ld_concern_set_uuid (concern, ld_sql_column_text (stmt, 1));
  ld_concern_set_station_id (concern, sqlite3_column_int64 (stmt, 2));
  ld_concern_set_ref_year (concern, (guint) sqlite3_column_int (stmt, 3));
  ld_concern_set_ref_seq (concern, (guint) sqlite3_column_int (stmt, 4));
  ld_concern_set_received_at (concern, ld_sql_column_text (stmt, 5));
  ld_concern_set_channel_id (concern, sqlite3_column_int64 (stmt, 6));
  ld_concern_set_event_id (concern, sqlite3_column_int64 (stmt, 7));
  ld_concern_set_resident_id (concern, sqlite3_column_int64 (stmt, 8));
  ld_concern_set_resident_name (concern, ld_sql_column_text (stmt, 9));
  ld_concern_set_resident_phone (concern, ld_sql_column_text (stmt, 10));
  ld_concern_set_resident_address (concern, ld_sql_column_text (stmt, 11));
  ld_concern_set_resident_community (concern, ld_sql_column_text (stmt, 12));
  ld_concern_set_confidential (concern, sqlite3_column_int (stmt, 13) != 0);
  ld_concern_set_category_id (concern, sqlite3_column_int64 (stmt, 14));
  ld_concern_set_place_kind (concern, ld_sql_column_text (stmt, 15));
  ld_concern_set_place (concern, ld_sql_column_text (stmt, 16));
  ld_concern_set_subject (concern, ld_sql_column_text (stmt, 17));
  ld_concern_set_details (concern, ld_sql_column_text (stmt, 18));
  ld_concern_set_urgency (concern, ld_sql_column_text (stmt, 19));
  state = ld_concern_state_from_id (ld_sql_column_text (stmt, 20));
  ld_concern_set_state (concern, state >= 0 ? (LdConcernState) state : LD_CONCERN_REGISTERED);
  ld_concern_set_redirect_reason (concern, ld_sql_column_text (stmt, 21));
  ld_concern_set_outcome (concern, ld_sql_column_text (stmt, 22));
  ld_concern_set_unit_id (concern, sqlite3_column_int64 (stmt, 23));
  ld_concern_set_referred_date (concern, ld_sql_column_text (stmt, 24));
  ld_concern_set_due_date (concern, ld_sql_column_text (stmt, 25));
  ld_concern_set_concluded_date (concern, ld_sql_column_text (stmt, 26));
  ld_concern_set_feedback_date (concern, ld_sql_column_text (stmt, 27));
  ld_concern_set_satisfaction (concern, ld_sql_column_text (stmt, 28));
  ld_concern_set_duplicate_of (concern, sqlite3_column_int64 (stmt, 29));
  ld_concern_set_created_at (concern, ld_sql_column_text (stmt, 30));
  ld_concern_set_updated_at (concern, ld_sql_column_text (stmt, 31));
  ld_concern_set_category_name (concern,
                                list_display_name (LD_LIST_CONCERN_CATEGORY,
                                                   ld_sql_column_text (stmt, 32),
                                                   ld_sql_column_text (stmt, 33)));
  ld_concern_set_channel_name (concern,
                               list_display_name (LD_LIST_CHANNEL,
                                                  ld_sql_column_text (stmt, 34),
                                                  ld_sql_column_text (stmt, 35)));
  ld_concern_set_unit_name (concern, ld_sql_column_text (stmt, 36));
  return concern;
}

static gboolean
load_deputy_ids (sqlite3    *db,
                 LdConcern  *concern,
                 GError    **error)
{
  const char *what = _("Reading the receiving deputies");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* The table has no rowid to keep the order chosen in: the deputies come in id order. */
  stmt = ld_sql_prepare (db,
                         "SELECT deputy_id FROM concern_deputies WHERE concern_id = ?1 "
                         "ORDER BY deputy_id", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ld_concern_get_id (concern));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  ld_concern_set_deputy_ids (concern, (const gint64 *) ids->data, ids->len);
  return TRUE;
}

static LdConcern *
get_concern (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  const char *what = _("Reading a concern");
  g_autoptr(LdConcern) concern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ld_sql_prepare (db, "SELECT " CONCERN_COLUMNS " FROM " CONCERN_FROM " WHERE c.id = ?1",
                         what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    concern = concern_from_row (stmt);
  else if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);

  if (concern == NULL || !load_deputy_ids (db, concern, error))
    return NULL;
  return g_steal_pointer (&concern);
}

/* ------------------------------------------------------------------ writing */

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
                         _("Set up the station profile before registering concerns"));
  return rc == SQLITE_ROW;
}

/* The resident of @concern: the one with its (normalised) phone at its station, their name,
 * address and community brought up to date with what was typed; else a new resident when a
 * name or phone is given; else none (an anonymous letter). */
static gboolean
write_resident (sqlite3    *db,
                LdConcern  *concern,
                gint64      station_id,
                gint64     *resident_id,
                GError    **error)
{
  const char *what = _("Saving the resident");
  g_autofree char *phone = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *community = NULL;
  const char *typed_phone = ld_concern_get_resident_phone (concern);
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  name = ld_validation_strip_text (ld_concern_get_resident_name (concern));
  address = ld_validation_strip_text (ld_concern_get_resident_address (concern));
  community = ld_validation_strip_text (ld_concern_get_resident_community (concern));
  /* Blank fields are no fields. */
  if (name != NULL && name[0] == '\0')
    g_clear_pointer (&name, g_free);
  if (address != NULL && address[0] == '\0')
    g_clear_pointer (&address, g_free);
  if (community != NULL && community[0] == '\0')
    g_clear_pointer (&community, g_free);
  if (typed_phone != NULL && typed_phone[0] != '\0'
      && (phone = ld_phone_normalize (typed_phone, error)) == NULL)
    return FALSE;

  if (phone != NULL)
    {
      stmt = ld_sql_prepare (db,
                             "SELECT id FROM residents WHERE phone = ?1 AND station_id = ?2 "
                             "ORDER BY id DESC LIMIT 1", what, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, station_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        found = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
    }
  else if (ld_concern_get_resident_id (concern) != 0 && name != NULL)
    {
      /* Same resident without a phone: keep them when the name is unchanged. */
      stmt = ld_sql_prepare (db, "SELECT id FROM residents WHERE id = ?1 AND name = ?2 "
                                 "AND phone IS NULL", what, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ld_concern_get_resident_id (concern));
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        found = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }

  if (found != 0)
    {
      stmt = ld_sql_prepare (db,
                             "UPDATE residents SET name = coalesce(?2, name), "
                             "address = coalesce(?3, address), "
                             "community = coalesce(?4, community) WHERE id = ?1", what, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, found);
      ld_sql_bind_text (stmt, 2, name);
      ld_sql_bind_text (stmt, 3, address);
      ld_sql_bind_text (stmt, 4, community);
      if (!ld_sql_step_done (db, stmt, what, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
      *resident_id = found;
      return TRUE;
    }

  if (name == NULL && phone == NULL)
    {
      *resident_id = 0;
      return TRUE;
    }

  stmt = ld_sql_prepare (db,
                         "INSERT INTO residents (station_id, name, phone, address, community) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  ld_sql_bind_text (stmt, 2, name);
  ld_sql_bind_text (stmt, 3, phone);
  ld_sql_bind_text (stmt, 4, address);
  ld_sql_bind_text (stmt, 5, community);
  if (!ld_sql_step_done (db, stmt, what, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  *resident_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
write_deputies (sqlite3    *db,
                gint64      concern_id,
                GArray     *deputy_ids,
                GError    **error)
{
  const char *what = _("Saving the receiving deputies");
  sqlite3_stmt *stmt;

  stmt = ld_sql_prepare (db, "DELETE FROM concern_deputies WHERE concern_id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, concern_id);
  if (!ld_sql_step_done (db, stmt, what, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (deputy_ids == NULL || deputy_ids->len == 0)
    return TRUE;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES (?1, ?2) "
                         "ON CONFLICT DO NOTHING", what, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < deputy_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, concern_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (deputy_ids, gint64, i));
      if (!ld_sql_step_done (db, stmt, what, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
append_timeline (sqlite3     *db,
                 gint64       concern_id,
                 const char  *operator,
                 const char  *action,
                 int          from_state,
                 int          to_state,
                 const char  *note,
                 const char  *changes,
                 GError     **error)
{
  const char *what = _("Writing the concern’s history");
  g_autofree char *stripped_operator = g_strstrip (g_strdup (operator));
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO timeline (concern_id, operator, action, from_state, "
                         "to_state, note, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, concern_id);
  sqlite3_bind_text (stmt, 2, stripped_operator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  ld_sql_bind_text (stmt, 4, from_state >= 0 ? ld_concern_state_to_id (from_state) : NULL);
  ld_sql_bind_text (stmt, 5, to_state >= 0 ? ld_concern_state_to_id (to_state) : NULL);
  ld_sql_bind_text (stmt, 6, note);
  ld_sql_bind_text (stmt, 7, changes);
  ok = ld_sql_step_done (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
delete_draft (sqlite3  *db,
              gint64    draft_id,
              GError  **error)
{
  const char *what = _("Removing the draft");
  sqlite3_stmt *stmt;
  gboolean ok;

  if (draft_id == 0)
    return TRUE;
  stmt = ld_sql_prepare (db, "DELETE FROM concern_drafts WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft_id);
  ok = ld_sql_step_done (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* The next gap-free number of @station_id's concerns in @year; rolled back with the insert. */
static gboolean
next_reference (sqlite3  *db,
                gint64    station_id,
                guint     year,
                guint    *seq,
                GError  **error)
{
  const char *what = _("Numbering the concern");
  sqlite3_stmt *stmt;
  int rc;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO reference_counters (station_id, kind, year, last_seq) "
                         "VALUES (?1, 'concern', ?2, 1) "
                         "ON CONFLICT (station_id, kind, year) DO UPDATE SET last_seq = last_seq + 1 "
                         "RETURNING last_seq", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = (guint) sqlite3_column_int (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static void
bind_form_fields (sqlite3_stmt *stmt,
                  LdConcern    *concern,
                  gint64        resident_id)
{
  g_autofree char *subject = ld_validation_strip_text (ld_concern_get_subject (concern));
  g_autofree char *place = ld_validation_strip_text (ld_concern_get_place (concern));
  const char *details = ld_concern_get_details (concern);
  const char *urgency = ld_concern_get_urgency (concern);

  /* ?1 … ?12; the resident's own words are kept exactly as typed. */
  sqlite3_bind_text (stmt, 1, ld_concern_get_received_at (concern), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ld_concern_get_channel_id (concern));
  ld_sql_bind_id (stmt, 3, ld_concern_get_event_id (concern));
  ld_sql_bind_id (stmt, 4, resident_id);
  sqlite3_bind_int (stmt, 5, ld_concern_get_confidential (concern) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, ld_concern_get_category_id (concern));
  ld_sql_bind_text (stmt, 7, ld_concern_get_place_kind (concern));
  ld_sql_bind_text (stmt, 8, place);
  sqlite3_bind_text (stmt, 9, subject != NULL ? subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, details != NULL ? details : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, urgency != NULL && urgency[0] != '\0' ? urgency : "normal", -1,
                     SQLITE_TRANSIENT);
  ld_sql_bind_id (stmt, 12, ld_concern_get_duplicate_of (concern));
}

/* A constraint the validation did not foresee (a deputy or unit that was deleted meanwhile, a
 * duplicate that points at itself) in plain words. */
static void
prefix_save_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == LD_DATABASE_ERROR)
    g_prefix_error (error, "%s", _("The concern could not be saved: "));
}

gboolean
ld_concern_store_register (LdStore     *store,
                           LdConcern   *concern,
                           gint64       draft_id,
                           const char  *operator,
                           GError     **error)
{
  const char *what = _("Registering the concern");
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(LdConcern) saved = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 station_id, resident_id = 0, id;
  guint year, seq = 0;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_CONCERN (concern), FALSE);
  g_return_val_if_fail (ld_concern_get_id (concern) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ld_sql_check_operator (operator, error))
    return FALSE;
  now = g_date_time_new_now_utc ();
  errors = ld_concern_validate (concern, now);
  if (!ld_validation_first_error (errors, concern_fields, error))
    return FALSE;
  if ((year = local_year_of (ld_concern_get_received_at (concern))) == 0)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The time received is not a real time"));
      return FALSE;
    }

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;

  station_id = ld_concern_get_station_id (concern);
  if (!resolve_station (db, &station_id, error)
      || !write_resident (db, concern, station_id, &resident_id, error)
      || !next_reference (db, station_id, year, &seq, error))
    goto fail;

  stmt = ld_sql_prepare (db,
                         "INSERT INTO concerns (received_at, channel_id, event_id, resident_id, "
                         "confidential, category_id, place_kind, place, subject, details, "
                         "urgency, duplicate_of, station_id, ref_year, ref_seq) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                         what, error);
  if (stmt == NULL)
    goto fail;
  bind_form_fields (stmt, concern, resident_id);
  sqlite3_bind_int64 (stmt, 13, station_id);
  sqlite3_bind_int (stmt, 14, (int) year);
  sqlite3_bind_int (stmt, 15, (int) seq);
  if (!ld_sql_step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  id = sqlite3_last_insert_rowid (db);

  if (!write_deputies (db, id, ld_concern_get_deputy_ids (concern), error)
      || !append_timeline (db, id, operator, "create", -1, LD_CONCERN_REGISTERED, NULL, NULL,
                           error))
    goto fail;
  if (ld_concern_get_duplicate_of (concern) != 0)
    {
      g_autoptr(LdConcern) original = get_concern (db, ld_concern_get_duplicate_of (concern),
                                                   error);
      g_autofree char *reference = NULL;

      if (original == NULL)
        goto fail;
      reference = ld_concern_dup_reference (original);
      if (!append_timeline (db, id, operator, "link_duplicate", -1, -1, reference, NULL, error))
        goto fail;
    }
  /* Out of scope from the start: registered and redirected in one step, or not at all. */
  if (ld_concern_get_redirect_reason (concern) != NULL)
    {
      LdConcernTransition args = { .redirect_reason = ld_concern_get_redirect_reason (concern) };

      if (!_ld_concern_store_transition_in (store, db, id, LD_CONCERN_ACTION_REDIRECT, &args,
                                            operator, NULL, error))
        goto fail;
    }
  if (!delete_draft (db, draft_id, error))
    goto fail;

  if ((saved = get_concern (db, id, error)) == NULL)
    goto fail;
  if (!ld_sql_commit (store, error))
    {
      prefix_save_error (error);
      return FALSE;
    }

  ld_concern_set_id (concern, id);
  ld_concern_set_uuid (concern, ld_concern_get_uuid (saved));
  ld_concern_set_station_id (concern, station_id);
  ld_concern_set_ref_year (concern, year);
  ld_concern_set_ref_seq (concern, seq);
  ld_concern_set_resident_id (concern, resident_id);
  ld_concern_set_state (concern, ld_concern_get_state (saved));
  ld_concern_set_created_at (concern, ld_concern_get_created_at (saved));
  ld_concern_set_updated_at (concern, ld_concern_get_updated_at (saved));
  ld_concern_set_category_name (concern, ld_concern_get_category_name (saved));
  ld_concern_set_channel_name (concern, ld_concern_get_channel_name (saved));

  ld_store_emit_changed (store, "concern", id);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  prefix_save_error (error);
  return FALSE;
}

/* ------------------------------------------------------------------ edits */

typedef struct
{
  const char *property;
  gboolean    is_int;
} FormField;

/* The fields an edit compares and records, in the form's order. */
static const FormField form_fields[] = {
  { "received-at", FALSE },
  { "channel-id", TRUE },
  { "resident-name", FALSE },
  { "resident-phone", FALSE },
  { "resident-address", FALSE },
  { "resident-community", FALSE },
  { "confidential", TRUE },
  { "category-id", TRUE },
  { "place-kind", FALSE },
  { "place", FALSE },
  { "subject", FALSE },
  { "details", FALSE },
  { "urgency", FALSE },
  { "duplicate-of", TRUE },
};

static char *
field_as_text (LdConcern       *concern,
               const FormField *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (concern),
                                                    field->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (concern), field->property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    return dup_nonempty (g_value_get_string (&value));
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "1" : "0");
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value) != 0
             ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value)) : NULL;
  return NULL;
}

static gboolean
deputies_equal (GArray *a,
                GArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < nb && !found; j++)
        found = g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* {"field": [old, new], …} of what differs, or NULL; personal data is recorded as it is in the
 * record itself (the timeline is inside the same protected file). */
static char *
describe_changes (LdConcern *old,
                  LdConcern *new)
{
  g_autoptr(GString) json = g_string_new ("{");
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      g_autofree char *a = field_as_text (old, &form_fields[i]);
      g_autofree char *b = field_as_text (new, &form_fields[i]);

      if (g_strcmp0 (a, b) == 0)
        continue;
      if (any)
        g_string_append (json, ", ");
      ld_sql_json_string (json, form_fields[i].property);
      g_string_append (json, ": [");
      ld_sql_json_string (json, a);
      g_string_append (json, ", ");
      ld_sql_json_string (json, b);
      g_string_append (json, "]");
      any = TRUE;
    }

  if (!deputies_equal (ld_concern_get_deputy_ids (old), ld_concern_get_deputy_ids (new)))
    {
      if (any)
        g_string_append (json, ", ");
      g_string_append (json, "\"deputy-ids\": [null, null]");
      any = TRUE;
    }

  if (!any)
    return NULL;
  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

gboolean
ld_concern_store_update (LdStore     *store,
                         LdConcern   *concern,
                         const char  *operator,
                         GError     **error)
{
  const char *what = _("Saving the concern");
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(LdConcern) old = NULL;
  g_autoptr(LdConcern) saved = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 resident_id = 0, id;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (LD_IS_CONCERN (concern), FALSE);
  g_return_val_if_fail (ld_concern_get_id (concern) != 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = ld_concern_get_id (concern);
  if (!ld_sql_check_operator (operator, error))
    return FALSE;
  now = g_date_time_new_now_utc ();
  errors = ld_concern_validate (concern, now);
  if (!ld_validation_first_error (errors, concern_fields, error))
    return FALSE;
  if (ld_concern_get_duplicate_of (concern) == id)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("A concern cannot be a duplicate of itself"));
      return FALSE;
    }

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;

  if ((old = get_concern (db, id, error)) == NULL)
    goto fail;
  if ((changes = describe_changes (old, concern)) == NULL)
    {
      ld_sql_rollback (store);
      return TRUE;
    }

  if (!write_resident (db, concern, ld_concern_get_station_id (old), &resident_id, error))
    goto fail;

  stmt = ld_sql_prepare (db,
                         "UPDATE concerns SET received_at = ?1, channel_id = ?2, event_id = ?3, "
                         "resident_id = ?4, confidential = ?5, category_id = ?6, place_kind = ?7, "
                         "place = ?8, subject = ?9, details = ?10, urgency = ?11, "
                         "duplicate_of = ?12 WHERE id = ?13", what, error);
  if (stmt == NULL)
    goto fail;
  bind_form_fields (stmt, concern, resident_id);
  sqlite3_bind_int64 (stmt, 13, id);
  if (!ld_sql_step_done (db, stmt, what, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!write_deputies (db, id, ld_concern_get_deputy_ids (concern), error)
      || !append_timeline (db, id, operator, "edit", -1, -1, NULL, changes, error))
    goto fail;
  if ((saved = get_concern (db, id, error)) == NULL)
    goto fail;
  if (!ld_sql_commit (store, error))
    {
      prefix_save_error (error);
      return FALSE;
    }

  ld_concern_set_resident_id (concern, resident_id);
  ld_concern_set_updated_at (concern, ld_concern_get_updated_at (saved));
  ld_concern_set_category_name (concern, ld_concern_get_category_name (saved));
  ld_concern_set_channel_name (concern, ld_concern_get_channel_name (saved));
  ld_store_emit_changed (store, "concern", id);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  prefix_save_error (error);
  return FALSE;
}

/* ------------------------------------------------------------------ workflow */

static gboolean
read_setting_int (sqlite3    *db,
                  const char *key,
                  int         fallback,
                  int        *value,
                  GError    **error)
{
  const char *what = _("Reading the settings");
  sqlite3_stmt *stmt;
  int rc;

  *value = fallback;
  stmt = ld_sql_prepare (db, "SELECT value FROM settings WHERE key = ?1 "
                             "ORDER BY station_id IS NULL LIMIT 1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 parsed;

      if (g_ascii_string_to_signed (ld_sql_column_text (stmt, 0), 10, 1, 366, &parsed, NULL))
        *value = (int) parsed;
    }
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

char *
ld_concern_store_due_date (LdStore     *store,
                           gint64       category_id,
                           const char  *referred_date,
                           GError     **error)
{
  const char *what = _("Computing the due date");
  g_autoptr(LdWorkdays) workdays = NULL;
  sqlite3_stmt *stmt;
  int limit = 15, rc;
  gboolean have_limit = FALSE;
  GDate start, due;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_date (referred_date, &start))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Enter the date as YYYY-MM-DD, for example 2026-03-15"));
      return NULL;
    }
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;

  stmt = ld_sql_prepare (db, "SELECT time_limit_days FROM concern_categories WHERE id = ?1",
                         what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, category_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      limit = sqlite3_column_int (stmt, 0);
      have_limit = TRUE;
    }
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;

  if (!have_limit && !read_setting_int (db, "concern.time_limit_working_days", 15, &limit, error))
    return NULL;
  if ((workdays = ld_calendar_store_load_workdays (store, error)) == NULL)
    return NULL;

  ld_workdays_add_working_days (workdays, &start, (guint) limit, &due);
  return format_date (&due);
}

static gboolean
require (const char  *text,
         const char  *message,
         GError     **error)
{
  g_autofree char *stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (stripped != NULL && stripped[0] != '\0')
    return TRUE;
  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED, message);
  return FALSE;
}

static gboolean
check_args (LdConcernAction             action,
            const LdConcernTransition  *args,
            GError                    **error)
{
  GDate date;

  if (args->date != NULL && !parse_date (args->date, &date))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Enter the date as YYYY-MM-DD, for example 2026-03-15"));
      return FALSE;
    }
  if (args->note != NULL)
    {
      g_autofree char *message = ld_validation_check_text (args->note, 2000, TRUE);

      if (message != NULL)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID, message);
          return FALSE;
        }
    }
  if (args->outcome != NULL)
    {
      g_autofree char *message = ld_validation_check_text (args->outcome, 20000, TRUE);

      if (message != NULL)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID, message);
          return FALSE;
        }
    }

  switch (action)
    {
    case LD_CONCERN_ACTION_ANSWER:
      return require (args->outcome, _("Enter what the resident was told"), error);
    case LD_CONCERN_ACTION_CONCLUDE:
      return require (args->outcome, _("Enter what the handling unit concluded"), error);
    case LD_CONCERN_ACTION_REDIRECT:
      if (!require (args->redirect_reason, _("Choose why the station cannot take it up"), error))
        return FALSE;
      for (const char * const *r = ld_redirect_reasons (); *r != NULL; r++)
        if (g_strcmp0 (*r, args->redirect_reason) == 0)
          return TRUE;
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Choose why the station cannot take it up"));
      return FALSE;
    case LD_CONCERN_ACTION_REFER:
      if (args->unit_id == 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                               _("Choose the handling unit"));
          return FALSE;
        }
      return TRUE;
    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      if (args->satisfaction == NULL || args->satisfaction[0] == '\0')
        return TRUE;
      for (const char * const *s = ld_satisfactions (); *s != NULL; s++)
        if (g_strcmp0 (*s, args->satisfaction) == 0)
          return TRUE;
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("Choose how satisfied the resident was"));
      return FALSE;
    case LD_CONCERN_ACTION_REOPEN:
      return require (args->note, _("Say why the concern is reopened"), error);
    case LD_CONCERN_ACTION_NOTE:
      return require (args->note, _("Write the note"), error);
    case LD_CONCERN_ACTION_CONVERT:
    case LD_CONCERN_ACTION_START:
    case LD_CONCERN_ACTION_CLOSE:
    case LD_CONCERN_ACTION_CHASE:
    case LD_CONCERN_N_ACTIONS:
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

/* The steps of a transition inside the caller's open transaction (ld-concern-store-private.h):
 * no BEGIN, COMMIT, rollback or ::changed here. */
static gboolean
transition_in (LdStore                    *store,
               sqlite3                    *db,
               gint64                      id,
               LdConcernAction             action,
               const LdConcernTransition  *args,
               const char                 *operator,
               LdConcernState             *from_state,
               GError                    **error)
{
  const char *what = _("Updating the concern");
  static const LdConcernTransition no_args = { 0 };
  g_autoptr(LdConcern) old = NULL;
  g_autoptr(GString) changes = g_string_new ("{");
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *note = NULL;
  LdConcernState from, to;
  sqlite3_stmt *stmt = NULL;
  const char *sql;

  if (args == NULL)
    args = &no_args;
  if (!ld_sql_check_operator (operator, error) || !check_args (action, args, error))
    return FALSE;
  date = args->date != NULL ? g_strdup (args->date) : today_local ();
  outcome = ld_validation_strip_text (args->outcome);
  note = ld_validation_strip_text (args->note);

  if ((old = get_concern (db, id, error)) == NULL)
    return FALSE;

  from = ld_concern_get_state (old);
  if (from_state != NULL)
    *from_state = from;
  if (!ld_workflow_concern_allows (from, action, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the concern's state, e.g. "Closed"; the step the user
                    * asked for is the one on the button they pressed */
                   _("This step is not open to a concern that is “%s”"),
                   ld_concern_state_to_string (from));
      return FALSE;
    }

  switch (action)
    {
    case LD_CONCERN_ACTION_ANSWER:
      sql = "UPDATE concerns SET state = ?2, outcome = ?3 WHERE id = ?1";
      json_pair (changes, "outcome", ld_concern_get_outcome (old), outcome);
      break;
    case LD_CONCERN_ACTION_REDIRECT:
      sql = "UPDATE concerns SET state = ?2, redirect_reason = ?3 WHERE id = ?1";
      json_pair (changes, "reason", NULL, args->redirect_reason);
      break;
    case LD_CONCERN_ACTION_REFER:
      if ((unit = unit_name (db, args->unit_id, error)) == NULL
          || (due = ld_concern_store_due_date (store, ld_concern_get_category_id (old), date,
                                               error)) == NULL)
        goto fail;
      sql = "UPDATE concerns SET state = ?2, unit_id = ?3, referred_date = ?4, due_date = ?5 "
            "WHERE id = ?1";
      json_pair (changes, "unit", ld_concern_get_unit_name (old), unit);
      json_pair (changes, "due_date", ld_concern_get_due_date (old), due);
      break;
    case LD_CONCERN_ACTION_CONCLUDE:
      if (g_strcmp0 (date, ld_concern_get_referred_date (old)) < 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date concluded cannot be before the date referred"));
          goto fail;
        }
      sql = "UPDATE concerns SET state = ?2, outcome = ?3, concluded_date = ?4 WHERE id = ?1";
      json_pair (changes, "outcome", ld_concern_get_outcome (old), outcome);
      break;
    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      if (g_strcmp0 (date, ld_concern_get_concluded_date (old)) < 0)
        {
          g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                               _("The date of the feedback cannot be before the conclusion"));
          goto fail;
        }
      sql = "UPDATE concerns SET state = ?2, feedback_date = ?4, satisfaction = ?5 WHERE id = ?1";
      if (args->satisfaction != NULL && args->satisfaction[0] != '\0')
        json_pair (changes, "satisfaction", ld_concern_get_satisfaction (old),
                   args->satisfaction);
      break;
    case LD_CONCERN_ACTION_REOPEN:
      sql = "UPDATE concerns SET state = ?2, redirect_reason = NULL, outcome = NULL, "
            "unit_id = NULL, referred_date = NULL, due_date = NULL, concluded_date = NULL, "
            "feedback_date = NULL, satisfaction = NULL WHERE id = ?1";
      break;
    case LD_CONCERN_ACTION_CONVERT:
    case LD_CONCERN_ACTION_START:
    case LD_CONCERN_ACTION_CLOSE:
      sql = "UPDATE concerns SET state = ?2 WHERE id = ?1";
      break;
    case LD_CONCERN_ACTION_CHASE:
    case LD_CONCERN_ACTION_NOTE:
    case LD_CONCERN_N_ACTIONS:
    default:
      sql = NULL;
      break;
    }

  if (sql != NULL)
    {
      if ((stmt = ld_sql_prepare (db, sql, what, error)) == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, ld_concern_state_to_id (to), -1, SQLITE_STATIC);
      switch (action)
        {
        case LD_CONCERN_ACTION_ANSWER:
          ld_sql_bind_text (stmt, 3, outcome);
          break;
        case LD_CONCERN_ACTION_REDIRECT:
          ld_sql_bind_text (stmt, 3, args->redirect_reason);
          break;
        case LD_CONCERN_ACTION_REFER:
          sqlite3_bind_int64 (stmt, 3, args->unit_id);
          sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, due, -1, SQLITE_TRANSIENT);
          break;
        case LD_CONCERN_ACTION_CONCLUDE:
          ld_sql_bind_text (stmt, 3, outcome);
          sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
          break;
        case LD_CONCERN_ACTION_GIVE_FEEDBACK:
          sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
          ld_sql_bind_text (stmt, 5, args->satisfaction);
          break;
        case LD_CONCERN_ACTION_REOPEN:
        case LD_CONCERN_ACTION_CONVERT:
        case LD_CONCERN_ACTION_START:
        case LD_CONCERN_ACTION_CLOSE:
        case LD_CONCERN_ACTION_CHASE:
        case LD_CONCERN_ACTION_NOTE:
        case LD_CONCERN_N_ACTIONS:
        default:
          break;
        }
      if (!ld_sql_step_done (db, stmt, what, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  g_string_append (changes, "}");
  if (!append_timeline (db, id, operator, ld_concern_action_to_id (action), from, to, note,
                        changes->len > 2 ? changes->str : NULL, error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  return FALSE;
}

gboolean
_ld_concern_store_transition_in (LdStore                    *store,
                                 sqlite3                    *db,
                                 gint64                      id,
                                 LdConcernAction             action,
                                 const LdConcernTransition  *args,
                                 const char                 *operator,
                                 LdConcernState             *from,
                                 GError                    **error)
{
  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (action < LD_CONCERN_N_ACTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return transition_in (store, db, id, action, args, operator, from, error);
}

gboolean
_ld_concern_store_append_timeline (sqlite3     *db,
                                   gint64       concern_id,
                                   const char  *operator,
                                   const char  *action,
                                   int          from_state,
                                   int          to_state,
                                   const char  *note,
                                   const char  *changes,
                                   GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (operator != NULL && action != NULL, FALSE);

  return append_timeline (db, concern_id, operator, action, from_state, to_state, note, changes,
                          error);
}

gboolean
ld_concern_store_transition (LdStore                    *store,
                             gint64                      id,
                             LdConcernAction             action,
                             const LdConcernTransition  *args,
                             const char                 *operator,
                             GError                    **error)
{
  static const LdConcernTransition no_args = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (action < LD_CONCERN_N_ACTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (args == NULL)
    args = &no_args;
  if (!ld_sql_check_operator (operator, error) || !check_args (action, args, error))
    return FALSE;

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;
  if (!transition_in (store, db, id, action, args, operator, NULL, error))
    {
      ld_sql_rollback (store);
      prefix_save_error (error);
      return FALSE;
    }
  if (!ld_sql_commit (store, error))
    return FALSE;

  ld_store_emit_changed (store, "concern", id);
  return TRUE;
}

/* ------------------------------------------------------------------ reading */

LdConcern *
ld_concern_store_get (LdStore  *store,
                      gint64    id,
                      GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  return get_concern (db, id, error);
}

/* The WHERE clause of @query over "concerns AS c" and its parameters (strings, in order). */
typedef struct
{
  GString   *where;
  GPtrArray *params;     /* char *, bound as text; numbers are inlined */
  gboolean   needs_resident;
  gboolean   nothing;    /* the search cannot match anything */
  gboolean   has_match;  /* an FTS5 MATCH narrows the list: the first condition, first param */
  gsize      after_match; /* where the conditions after the MATCH start in @where */
  gboolean   only_narrow; /* every condition reads columns of concerns_by_id_received */
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

static void
build_filter (const LdConcernQuery *query,
              Filter               *filter)
{
  filter->where = g_string_new (NULL);
  filter->params = g_ptr_array_new_with_free_func (g_free);
  filter->needs_resident = FALSE;
  filter->nothing = FALSE;
  filter->has_match = FALSE;
  filter->after_match = 0;
  filter->only_narrow = query->category_id == 0 && query->channel_id == 0 && query->unit_id == 0
                        && query->deputy_id == 0 && !query->overdue_only
                        && !query->confidential_only;

  if (query->search != NULL && query->search[0] != '\0')
    {
      g_autofree char *match = NULL;
      g_auto(GStrv) like_words = NULL;

      if (!ld_fts_build_query (query->search, &match, &like_words))
        {
          /* Only punctuation or spaces: nothing to look for, so nothing is filtered out
           * unless there was text that is not valid UTF-8. */
          if (!g_utf8_validate (query->search, -1, NULL))
            filter->nothing = TRUE;
        }
      else
        {
          filter->has_match = match != NULL;
          if (match != NULL)
            filter_add_param (filter,
                              "c.id IN (SELECT rowid FROM concerns_fts WHERE concerns_fts MATCH ?)",
                              g_steal_pointer (&match));
          filter->after_match = filter->where->len;
          for (guint i = 0; like_words != NULL && like_words[i] != NULL; i++)
            {
              filter_add (filter,
                          "(instr(lower(c.subject), ?) OR instr(lower(c.details), ?) "
                          "OR instr(lower(ifnull(c.place, '')), ?) "
                          "OR instr(lower(ifnull(r.name, '')), ?))");
              for (guint k = 0; k < 4; k++)
                g_ptr_array_add (filter->params, g_strdup (like_words[i]));
              filter->needs_resident = TRUE;
            }
        }
    }

  if (query->state_mask != 0)
    {
      g_autoptr(GString) in = g_string_new ("c.state IN (");
      gboolean first = TRUE;

      for (guint s = 0; s < LD_CONCERN_N_STATES; s++)
        if (query->state_mask & (1u << s))
          {
            g_string_append_printf (in, "%s'%s'", first ? "" : ", ", ld_concern_state_to_id (s));
            first = FALSE;
          }
      g_string_append (in, ")");
      filter_add (filter, in->str);
    }

  if (query->category_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("c.category_id = %" G_GINT64_FORMAT, query->category_id);
      filter_add (filter, c);
    }
  if (query->channel_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("c.channel_id = %" G_GINT64_FORMAT, query->channel_id);
      filter_add (filter, c);
    }
  if (query->unit_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("c.unit_id = %" G_GINT64_FORMAT, query->unit_id);
      filter_add (filter, c);
    }
  if (query->deputy_id != 0)
    {
      g_autofree char *c = g_strdup_printf ("c.id IN (SELECT concern_id FROM concern_deputies "
                                            "WHERE deputy_id = %" G_GINT64_FORMAT ")",
                                            query->deputy_id);
      filter_add (filter, c);
    }
  if (query->from_date != NULL && query->from_date[0] != '\0')
    {
      char *from = local_midnight_utc (query->from_date, 0);

      if (from != NULL)
        filter_add_param (filter, "c.received_at >= ?", from);
      else
        filter->nothing = TRUE;
    }
  if (query->to_date != NULL && query->to_date[0] != '\0')
    {
      char *to = local_midnight_utc (query->to_date, 1);

      if (to != NULL)
        filter_add_param (filter, "c.received_at < ?", to);
      else
        filter->nothing = TRUE;
    }
  if (query->overdue_only)
    filter_add_param (filter,
                      "c.state IN ('referred', 'in_progress') AND c.due_date IS NOT NULL "
                      "AND c.due_date < ?",
                      query->today != NULL ? g_strdup (query->today) : today_local ());
  if (query->confidential_only)
    filter_add (filter, "c.confidential = 1");
}

/* Appends the ids of one segment: the filter, @extra (nullable) and @order, which ends on a
 * unique column. @reverse: the rows are read in @order and appended last first, which is exactly
 * the opposite order. For a range with only a lower bound (due_date IS NOT NULL) that is cheaper
 * than reading it backwards, which tests the bound on every row. */
static gboolean
run_segment (sqlite3       *db,
             const Filter  *filter,
             const char    *extra,
             const char    *order,
             gboolean       order_is_narrow,
             gboolean       reverse,
             GArray        *ids,
             GError       **error)
{
  const char *what = _("Listing concerns");
  g_autoptr(GString) sql = g_string_new ("SELECT c.id");
  guint first = ids->len;
  guint n = ids->len;
  sqlite3_stmt *stmt;
  int rc;

  if (filter->has_match && filter->only_narrow && !filter->needs_resident && order_is_narrow)
    {
      /* The index hands its rowids over in order, each a look-up in the narrow
       * concerns_by_id_received (see 0003-concerns.sql); an IN (…) would first copy them into a
       * temporary index. The MATCH keeps its place as the first condition and parameter. */
      g_string_append (sql, " FROM concerns_fts CROSS JOIN concerns AS c"
                            " INDEXED BY concerns_by_id_received ON c.id = concerns_fts.rowid"
                            " WHERE concerns_fts MATCH ?");
      g_string_append (sql, filter->where->str + filter->after_match);
    }
  else
    {
      g_string_append (sql, " FROM concerns AS c");
      if (filter->needs_resident)
        g_string_append (sql, " LEFT JOIN residents AS r ON r.id = c.resident_id");
      g_string_append (sql, filter->where->str);
    }
  if (extra != NULL)
    g_string_append_printf (sql, "%s%s", filter->where->len == 0 ? " WHERE " : " AND ", extra);
  g_string_append_printf (sql, " ORDER BY %s", order);

  if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < filter->params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (filter->params, i), -1,
                       SQLITE_STATIC);
  /* Up to a million rows: written in place, the array grown by doubling, not row by row. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n == ids->len)
        g_array_set_size (ids, MAX (2 * n, 1024));
      g_array_index (ids, gint64, n++) = sqlite3_column_int64 (stmt, 0);
    }
  g_array_set_size (ids, n);
  if (reverse)
    for (guint i = first, j = n; i + 1 < j; i++, j--)
      {
        gint64 id = g_array_index (ids, gint64, i);

        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j - 1);
        g_array_index (ids, gint64, j - 1) = id;
      }
  if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* The states in workflow order (as the enum lists them). */
static const LdConcernState state_order[] = {
  LD_CONCERN_REGISTERED, LD_CONCERN_REFERRED, LD_CONCERN_IN_PROGRESS, LD_CONCERN_CONCLUDED,
  LD_CONCERN_CONVERTED, LD_CONCERN_ANSWERED, LD_CONCERN_REDIRECTED, LD_CONCERN_FEEDBACK_GIVEN,
  LD_CONCERN_CLOSED,
};

/* A match of a search (list_matches): ascending (key, tie) is the order of the list. */
typedef struct
{
  guint64 key;   /* the state's place in the list, then received_at */
  guint64 tie;   /* the id, or its complement when the newest come first */
} Match;

/* received_at as an integer in the same order: it is always "YYYY-MM-DDTHH:MM:SSZ" (a CHECK of
 * the table), whose text order is that of its 14 digits (< 2^47). FALSE for any other text. */
static gboolean
received_digits (const char *text,
                 int         len,
                 guint64    *value)
{
  static const char pattern[] = "0000-00-00T00:00:00Z";
  guint64 v = 0;

  if (text == NULL || len != (int) sizeof pattern - 1)
    return FALSE;
  for (int i = 0; i < len; i++)
    {
      if (pattern[i] == '0' && g_ascii_isdigit (text[i]))
        v = v * 10 + (guint64) (text[i] - '0');
      else if (pattern[i] != text[i])
        return FALSE;
    }
  *value = v;
  return TRUE;
}

static inline gboolean
match_before (const Match *a,
              const Match *b)
{
  return a->key < b->key || (a->key == b->key && a->tie < b->tie);
}

/* A stable merge sort of @n matches, with @tmp as large: a common word has tens of thousands,
 * which g_array_sort() sorts several times slower through its generic element copies. */
static void
sort_matches (Match *m,
              Match *tmp,
              gsize  n)
{
  gsize half;

  if (n < 16)
    {
      for (gsize i = 1; i < n; i++)
        {
          Match x = m[i];
          gsize j = i;

          for (; j > 0 && match_before (&x, &m[j - 1]); j--)
            m[j] = m[j - 1];
          m[j] = x;
        }
      return;
    }
  half = n / 2;
  sort_matches (m, tmp, half);
  sort_matches (m + half, tmp, n - half);
  if (!match_before (&m[half], &m[half - 1]))
    return;
  memcpy (tmp, m, half * sizeof *m);
  for (gsize i = 0, j = half, k = 0; i < half; k++)
    m[k] = j < n && match_before (&m[j], &tmp[i]) ? m[j++] : tmp[i++];
}

/* The ids of a search that reads only the narrow concerns_by_id_received (see 0003-concerns.sql),
 * sorted by received or by state. The FTS5 index hands its rowids over in order, each one a
 * look-up in that index, and the tens of thousands of matches of a common word are sorted here,
 * in the order run_segment would give them, at a fraction of what SQLite's sorter costs for the
 * text of received_at. *@done is FALSE, and @ids untouched, should a received_at not have its
 * usual form: then the segments list them. */
static gboolean
list_matches (sqlite3               *db,
              const Filter          *filter,
              const LdConcernQuery  *query,
              GArray                *ids,
              gboolean              *done,
              GError               **error)
{
  const char *what = _("Listing concerns");
  gboolean by_state = query->sort == LD_CONCERN_SORT_STATE;
  gboolean newest_first = by_state || query->descending;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree Match *tmp = NULL;
  guint64 rank_of[LD_CONCERN_N_STATES];
  sqlite3_stmt *stmt;
  int rc;

  *done = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (state_order); i++)
    rank_of[state_order[i]] = query->descending ? G_N_ELEMENTS (state_order) - 1 - i : i;

  g_string_printf (sql, "SELECT c.id, c.received_at%s FROM concerns_fts CROSS JOIN concerns AS c"
                        " INDEXED BY concerns_by_id_received ON c.id = concerns_fts.rowid"
                        " WHERE concerns_fts MATCH ?%s",
                   by_state ? ", c.state" : "", filter->where->str + filter->after_match);
  if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < filter->params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (filter->params, i), -1,
                       SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 id = (guint64) sqlite3_column_int64 (stmt, 0);
      const char *received = (const char *) sqlite3_column_text (stmt, 1);
      guint64 digits;
      Match match;

      if (!received_digits (received, sqlite3_column_bytes (stmt, 1), &digits))
        break;
      match.key = newest_first ? G_MAXUINT64 - digits : digits;
      match.tie = newest_first ? G_MAXUINT64 - id : id;
      if (by_state)
        {
          int state = ld_concern_state_from_id ((const char *) sqlite3_column_text (stmt, 2));

          /* Listed by state, a row of no known state is in no segment. */
          if (state < 0)
            continue;
          match.key = rank_of[state] << 48 | (match.key & ((G_GUINT64_CONSTANT (1) << 48) - 1));
        }
      g_array_append_val (matches, match);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc == SQLITE_ROW;

  tmp = g_new (Match, matches->len / 2 + 1);
  sort_matches ((Match *) (gpointer) matches->data, tmp, matches->len);
  g_array_set_size (ids, matches->len);
  for (guint i = 0; i < matches->len; i++)
    {
      guint64 tie = g_array_index (matches, Match, i).tie;

      g_array_index (ids, gint64, i) = (gint64) (newest_first ? G_MAXUINT64 - tie : tie);
    }
  *done = TRUE;
  return TRUE;
}

/* Where the rows of @state start (@past FALSE) or end (@past TRUE) in @ids, which lists rows by
 * state descending (as text) first: a binary search that reads the state of about twenty rows. */
static gboolean
find_state_edge (sqlite3       *db,
                 sqlite3_stmt  *state_of,
                 const GArray  *ids,
                 const char    *state,
                 gboolean       past,
                 guint         *edge,
                 GError       **error)
{
  guint low = 0, high = ids->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const char *at;
      int rc, cmp;

      sqlite3_bind_int64 (state_of, 1, g_array_index (ids, gint64, mid));
      rc = sqlite3_step (state_of);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ld_database_set_error_from_sqlite (error, db, rc, _("Listing concerns"));
          sqlite3_reset (state_of);
          return FALSE;
        }
      /* A row deleted since the list was read counts as the last state. */
      at = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (state_of, 0) : NULL;
      cmp = strcmp (at != NULL ? at : "", state);
      sqlite3_reset (state_of);
      if (past ? cmp >= 0 : cmp > 0)
        low = mid + 1;
      else
        high = mid;
    }
  *edge = low;
  return TRUE;
}

/* The whole list by state, with no filter: one pass over (state, received_at) from its end, with
 * no bound to test on each row as a segment per state has, which lists each state's rows
 * together, newest first, in the (text) order of the states; a few look-ups then find where each
 * state's rows are, and they are put in workflow order. */
static gboolean
list_all_by_state (sqlite3               *db,
                   const Filter          *filter,
                   const LdConcernQuery  *query,
                   GArray                *ids,
                   GError               **error)
{
  g_autoptr(GArray) by_text = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *state_of;
  guint start[LD_CONCERN_N_STATES], end[LD_CONCERN_N_STATES];
  gboolean ok = TRUE;
  guint n = 0;

  if (!run_segment (db, filter, NULL, "c.state DESC, c.received_at DESC, c.id DESC", FALSE,
                    FALSE, by_text, error))
    return FALSE;

  state_of = ld_sql_prepare (db, "SELECT state FROM concerns WHERE id = ?1",
                             _("Listing concerns"), error);
  if (state_of == NULL)
    return FALSE;
  for (guint s = 0; s < LD_CONCERN_N_STATES && ok; s++)
    ok = find_state_edge (db, state_of, by_text, ld_concern_state_to_id (s), FALSE, &start[s],
                          error)
         && find_state_edge (db, state_of, by_text, ld_concern_state_to_id (s), TRUE, &end[s],
                             error);
  sqlite3_finalize (state_of);
  if (!ok)
    return FALSE;

  g_array_set_size (ids, by_text->len);
  for (guint i = 0; i < G_N_ELEMENTS (state_order); i++)
    {
      LdConcernState s = state_order[query->descending ? G_N_ELEMENTS (state_order) - 1 - i : i];

      if (end[s] <= start[s])
        continue;
      memcpy (&g_array_index (ids, gint64, n), &g_array_index (by_text, gint64, start[s]),
              (end[s] - start[s]) * sizeof (gint64));
      n += end[s] - start[s];
    }
  g_array_set_size (ids, n);
  return TRUE;
}

GArray *
ld_concern_store_query_ids (LdStore               *store,
                            const LdConcernQuery  *query,
                            GError               **error)
{
  static const LdConcernQuery all = { 0 };
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

  build_filter (query, &filter);
  if (filter.nothing)
    return g_steal_pointer (&ids);
  dir = query->descending ? "DESC" : "ASC";

  if (filter.has_match && filter.only_narrow && !filter.needs_resident
      && (query->sort == LD_CONCERN_SORT_RECEIVED || query->sort == LD_CONCERN_SORT_STATE))
    {
      gboolean done;

      if (!list_matches (db, &filter, query, ids, &done, error))
        return NULL;
      if (done)
        return g_steal_pointer (&ids);
    }

  switch (query->sort)
    {
    case LD_CONCERN_SORT_REFERENCE:
      {
        g_autofree char *order = g_strdup_printf ("c.station_id %s, c.ref_year %s, c.ref_seq %s",
                                                  dir, dir, dir);
        if (!run_segment (db, &filter, NULL, order, FALSE, FALSE, ids, error))
          return NULL;
      }
      break;

    case LD_CONCERN_SORT_STATE:
      if (filter.where->len == 0)
        {
          if (!list_all_by_state (db, &filter, query, ids, error))
            return NULL;
          break;
        }
      for (guint i = 0; i < G_N_ELEMENTS (state_order); i++)
        {
          LdConcernState state = state_order[query->descending ? G_N_ELEMENTS (state_order) - 1 - i
                                                               : i];
          g_autofree char *extra = NULL;

          if (query->state_mask != 0 && !(query->state_mask & (1u << state)))
            continue;
          extra = g_strdup_printf ("c.state = '%s'", ld_concern_state_to_id (state));
          /* Newest first within a state: what a clerk looks for. */
          if (!run_segment (db, &filter, extra, "c.received_at DESC, c.id DESC", TRUE, FALSE, ids,
                            error))
            return NULL;
        }
      break;

    case LD_CONCERN_SORT_DUE:
      /* Those with a due date in order (read ascending, see run_segment), then those without,
       * newest first. */
      if (!run_segment (db, &filter, "c.due_date IS NOT NULL", "c.due_date ASC, c.id ASC", FALSE,
                        query->descending, ids, error)
          || !run_segment (db, &filter, "c.due_date IS NULL", "c.received_at DESC, c.id DESC",
                           FALSE, FALSE, ids, error))
        return NULL;
      break;

    case LD_CONCERN_SORT_RECEIVED:
    default:
      {
        g_autofree char *order = g_strdup_printf ("c.received_at %s, c.id %s", dir, dir);

        if (!run_segment (db, &filter, NULL, order, TRUE, FALSE, ids, error))
          return NULL;
      }
      break;
    }

  return g_steal_pointer (&ids);
}

gint64
ld_concern_store_count (LdStore               *store,
                        const LdConcernQuery  *query,
                        GError               **error)
{
  static const LdConcernQuery all = { 0 };
  const char *what = _("Counting concerns");
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM concerns AS c");
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

  build_filter (query, &filter);
  if (filter.nothing)
    return 0;
  if (filter.needs_resident)
    g_string_append (sql, " LEFT JOIN residents AS r ON r.id = c.resident_id");
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

/* Rows by id: @ids (any order) → concerns in the same order, via an IN list per chunk. */
static GPtrArray *
load_rows (sqlite3       *db,
           const char    *select_from,
           const gint64  *ids,
           guint          n_ids,
           GError       **error)
{
  const char *what = _("Reading concerns");
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_object_unref);

  for (guint start = 0; start < n_ids; start += LOAD_CHUNK)
    {
      guint n = MIN (LOAD_CHUNK, n_ids - start);
      g_autoptr(GString) sql = g_string_new (select_from);
      sqlite3_stmt *stmt;
      int rc;

      g_string_append (sql, " WHERE c.id IN (");
      for (guint i = 0; i < n; i++)
        g_string_append (sql, i == 0 ? "?" : ", ?");
      g_string_append (sql, ")");

      if ((stmt = ld_sql_prepare (db, sql->str, what, error)) == NULL)
        return NULL;
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[start + i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LdConcern *concern = concern_from_row (stmt);
          gint64 *key = g_new (gint64, 1);

          *key = ld_concern_get_id (concern);
          g_hash_table_insert (by_id, key, concern);
        }
      if (rc != SQLITE_DONE)
        ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      LdConcern *concern = g_hash_table_lookup (by_id, &ids[i]);

      if (concern != NULL)
        g_ptr_array_add (result, g_object_ref (concern));
    }
  return g_steal_pointer (&result);
}

GPtrArray *
ld_concern_store_load (LdStore       *store,
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
  return load_rows (db, "SELECT " CONCERN_COLUMNS " FROM " CONCERN_FROM, ids, n_ids, error);
}

/* The ids a statement answers, then those rows, in that order. */
static GPtrArray *
load_ids_of (sqlite3       *db,
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
  return load_rows (db, "SELECT " CONCERN_COLUMNS " FROM " CONCERN_FROM,
                    (const gint64 *) ids->data, ids->len, error);
}

/* ------------------------------------------------------------------ timeline */

void
ld_timeline_entry_free (LdTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->operator);
  g_free (entry->action);
  g_free (entry->note);
  g_free (entry->changes);
  g_free (entry->fields);
  g_free (entry->unit);
  g_free (entry->due_date);
  g_free (entry->reason);
  g_free (entry->satisfaction);
  g_free (entry->outcome);
  g_free (entry);
}

/* The form's field names as the edit row lists them. */
static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "received-at", N_("time received") },
    { "channel-id", N_("channel") },
    { "deputy-ids", N_("receiving deputies") },
    { "resident-name", N_("resident’s name") },
    { "resident-phone", N_("phone") },
    { "resident-address", N_("address") },
    { "resident-community", N_("community or village") },
    { "confidential", N_("confidential") },
    { "category-id", N_("category") },
    { "place-kind", N_("where it applies") },
    { "place", N_("place") },
    { "subject", N_("subject") },
    { "details", N_("the resident’s own words") },
    { "urgency", N_("urgency") },
    { "duplicate-of", N_("duplicate of") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].property, property) == 0)
      return _(labels[i].label);
  return property;
}

char *
ld_timeline_entry_describe (const LdTimelineEntry *entry)
{
  int action;

  g_return_val_if_fail (entry != NULL, NULL);

  if (g_strcmp0 (entry->action, "create") == 0)
    return g_strdup (_("Registered"));
  if (g_strcmp0 (entry->action, "suggestion_answered") == 0)
    {
      /* Written by ld-suggestion-store.c: the answer class is the outcome. */
      if (entry->outcome != NULL)
        /* Translators: %s is the answer class, e.g. "A: Solved or basically solved" */
        return g_strdup_printf (_("Suggestion answered: %s"), entry->outcome);
      return g_strdup (_("Suggestion answered"));
    }
  if (g_strcmp0 (entry->action, "link_duplicate") == 0)
    /* Translators: %s is a reference number such as 2026-0012 */
    return g_strdup_printf (_("Linked as a duplicate of %s"), entry->note != NULL ? entry->note : "");
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
      /* Translators: %s lists the edited fields, e.g. "subject, phone" */
      return g_strdup_printf (_("Edited: %s"), list->str);
    }

  action = ld_concern_action_from_id (entry->action);
  switch (action)
    {
    case LD_CONCERN_ACTION_ANSWER:
      return g_strdup (_("Answered on the spot"));
    case LD_CONCERN_ACTION_REDIRECT:
      /* Translators: %s is the reason, e.g. "Litigation" */
      return g_strdup_printf (_("Redirected: %s"),
                              entry->reason != NULL ? ld_redirect_reason_to_string (entry->reason)
                                                    : "");
    case LD_CONCERN_ACTION_REFER:
      /* Translators: the first %s is a handling unit, the second a date */
      return g_strdup_printf (_("Referred to %s, due %s"), entry->unit != NULL ? entry->unit : "",
                              entry->due_date != NULL ? entry->due_date : "");
    case LD_CONCERN_ACTION_CONVERT:
      return g_strdup (_("Converted into a deputy suggestion"));
    case LD_CONCERN_ACTION_START:
      return g_strdup (_("The handling unit took it up"));
    case LD_CONCERN_ACTION_CONCLUDE:
      return g_strdup (_("Concluded by the handling unit"));
    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      if (entry->satisfaction != NULL)
        /* Translators: %s is the resident's satisfaction, e.g. "Satisfied" */
        return g_strdup_printf (_("The resident was told the outcome: %s"),
                                ld_satisfaction_to_string (entry->satisfaction));
      return g_strdup (_("The resident was told the outcome"));
    case LD_CONCERN_ACTION_CLOSE:
      return g_strdup (_("Closed"));
    case LD_CONCERN_ACTION_CHASE:
      return g_strdup (_("Chased the handling unit"));
    case LD_CONCERN_ACTION_REOPEN:
      return g_strdup (_("Reopened"));
    case LD_CONCERN_ACTION_NOTE:
      return g_strdup (_("Note"));
    default:
      return g_strdup (entry->action);
    }
}

GPtrArray *
ld_concern_store_timeline (LdStore  *store,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ld_sql_read_timeline (store, "concern_id", id, ld_concern_state_from_id,
                               _("Reading the concern’s history"), error);
}

/* ------------------------------------------------------------------ lookups */

/* How many of a subject's words the similar-concerns query ranks on: the rarest ones. Common
 * bigrams (社区, 小区) match hundreds of thousands of concerns in a district and would make bm25
 * score every one of them; the rare words are what makes two concerns alike anyway. */
#define SIMILAR_TERMS 3

typedef struct
{
  const char *term;
  gint64      docs;
} TermCount;

static int
compare_term_counts (gconstpointer a,
                     gconstpointer b)
{
  const TermCount *x = a, *y = b;

  return x->docs < y->docs ? -1 : x->docs > y->docs;
}

/* The concerns of each of @terms, counted through the vocabulary of the index, exactly but
 * reading the whole list of each (~20 ms for a term as common as 社区 on a million concerns). */
static gboolean
count_terms (sqlite3     *db,
             GStrv        terms,
             GArray      *counts,
             GError     **error)
{
  const char *what = _("Looking for similar concerns");
  sqlite3_stmt *stmt;
  char *message = NULL;

  /* A vocabulary view of the index, on this connection only (no schema change). */
  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.concerns_fts_vocab "
                        "USING fts5vocab (main, concerns_fts, row)", NULL, NULL, &message)
      != SQLITE_OK)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED, "%s: %s", what,
                   message != NULL ? message : "");
      sqlite3_free (message);
      return FALSE;
    }

  stmt = ld_sql_prepare (db, "SELECT doc FROM temp.concerns_fts_vocab WHERE term = ?1", what,
                         error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; terms[i] != NULL; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, terms[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
        {
          TermCount count = { terms[i], sqlite3_column_int64 (stmt, 0) };

          g_array_append_val (counts, count);
        }
      else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ld_database_set_error_from_sqlite (error, db, rc, what);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Above this many concerns a term is not counted to the end by count_rare_terms(). */
#define RARE_TERM_CEILING 1000

/* The counts of the terms that may be among the SIMILAR_TERMS rarest, in @terms' order, without
 * reading more of a term's list than can matter: a term is counted up to the count of the
 * SIMILAR_TERMS-th rarest one before it (where it would come after them, the sort being stable)
 * and up to RARE_TERM_CEILING. Those it leaves out cannot be among the rarest, unless fewer than
 * SIMILAR_TERMS terms are under the ceiling: then *@complete is FALSE. */
static gboolean
count_rare_terms (sqlite3     *db,
                  GStrv        terms,
                  GArray      *counts,
                  gboolean    *complete,
                  GError     **error)
{
  const char *what = _("Looking for similar concerns");
  gboolean over_ceiling = FALSE;
  sqlite3_stmt *stmt;

  stmt = ld_sql_prepare (db, "SELECT count(*) FROM (SELECT 1 FROM concerns_fts "
                             "WHERE concerns_fts MATCH ?1 LIMIT ?2)", what, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *phrase = g_strdup_printf ("\"%s\"", terms[i]);
      gint64 cap = RARE_TERM_CEILING;
      gint64 docs;
      int rc;

      if (counts->len >= SIMILAR_TERMS)
        {
          g_autoptr(GArray) sorted = g_array_copy (counts);

          g_array_sort (sorted, compare_term_counts);
          cap = MIN (cap, g_array_index (sorted, TermCount, SIMILAR_TERMS - 1).docs);
        }
      sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, cap);
      rc = sqlite3_step (stmt);
      docs = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW)
        {
          ld_database_set_error_from_sqlite (error, db, rc, what);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (docs > 0 && docs < cap)
        {
          TermCount count = { terms[i], docs };

          g_array_append_val (counts, count);
        }
      else if (docs == cap && cap == RARE_TERM_CEILING)
        over_ceiling = TRUE;
    }
  sqlite3_finalize (stmt);
  *complete = counts->len >= SIMILAR_TERMS || !over_ceiling;
  return TRUE;
}

/* "subject : ("a" OR "b" …)" over the rarest terms of @terms that occur at all, or NULL. */
static char *
rarest_terms_match (sqlite3     *db,
                    GStrv        terms,
                    GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (TermCount));
  g_autoptr(GString) expr = g_string_new (NULL);
  gboolean complete;

  if (!count_rare_terms (db, terms, counts, &complete, error))
    return NULL;
  if (!complete)
    {
      g_array_set_size (counts, 0);
      if (!count_terms (db, terms, counts, error))
        return NULL;
    }

  g_array_sort (counts, compare_term_counts);
  for (guint i = 0; i < counts->len && i < SIMILAR_TERMS; i++)
    g_string_append_printf (expr, "%s\"%s\"", i > 0 ? " OR " : "",
                            g_array_index (counts, TermCount, i).term);
  if (expr->len == 0)
    return NULL;
  return g_strdup_printf ("subject : (%s)", expr->str);
}

GPtrArray *
ld_concern_store_find_similar (LdStore     *store,
                               const char  *subject,
                               gint64       exclude_id,
                               guint        limit,
                               GError     **error)
{
  const char *what = _("Looking for similar concerns");
  g_auto(GStrv) terms = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (subject == NULL || limit == 0 || (terms = ld_fts_similar_terms (subject)) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  if ((match = rarest_terms_match (db, terms, &local_error)) == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* bm25 ranks by the rarest shared words; only open concerns are worth linking to. */
  stmt = ld_sql_prepare (db,
                         "SELECT c.id FROM concerns_fts AS f JOIN concerns AS c ON c.id = f.rowid "
                         "WHERE concerns_fts MATCH ?1 AND c.id <> ?2 "
                         "AND c.state IN " OPEN_STATES_SQL " "
                         "ORDER BY f.rank LIMIT ?3", what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, exclude_id);
  sqlite3_bind_int (stmt, 3, (int) limit);
  result = load_ids_of (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return g_steal_pointer (&result);
}

GPtrArray *
ld_concern_store_find_by_phone (LdStore     *store,
                                const char  *phone,
                                guint        limit,
                                GError     **error)
{
  const char *what = _("Looking up the resident");
  g_autofree char *normalized = NULL;
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (phone == NULL || limit == 0 || (normalized = ld_phone_normalize (phone, NULL)) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;

  stmt = ld_sql_prepare (db,
                         "SELECT c.id FROM residents AS r "
                         "JOIN concerns AS c ON c.resident_id = r.id "
                         "WHERE r.phone = ?1 ORDER BY c.received_at DESC, c.id DESC LIMIT ?2",
                         what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) limit);
  result = load_ids_of (db, stmt, what, error);
  sqlite3_finalize (stmt);
  return g_steal_pointer (&result);
}

gint64
ld_concern_store_todays_reception (LdStore     *store,
                                   const char  *today,
                                   GArray     **deputy_ids,
                                   GError     **error)
{
  const char *what = _("Looking for today’s reception day");
  sqlite3_stmt *stmt;
  gint64 event_id = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (deputy_ids != NULL)
    *deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return 0;

  stmt = ld_sql_prepare (db,
                         "SELECT id FROM events WHERE event_date = ?1 "
                         "AND kind IN ('reception_day', 'duty') AND status <> 'cancelled' "
                         "ORDER BY kind = 'duty', start_time, id LIMIT 1", what, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  if (event_id == 0 || deputy_ids == NULL)
    return event_id;

  stmt = ld_sql_prepare (db,
                         "SELECT deputy_id FROM event_deputies WHERE event_id = ?1 "
                         "AND role = 'on_duty' ORDER BY deputy_id", what, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (*deputy_ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      event_id = 0;
    }
  sqlite3_finalize (stmt);
  return event_id;
}

gint64
ld_concern_store_channel_by_seed (LdStore     *store,
                                  const char  *seed_key,
                                  GError     **error)
{
  const char *what = _("Reading the channels");
  sqlite3_stmt *stmt;
  gint64 id = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), 0);
  g_return_val_if_fail (seed_key != NULL, 0);

  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return 0;
  stmt = ld_sql_prepare (db, "SELECT id FROM channels WHERE seed_key = ?1 AND hidden = 0 "
                             "ORDER BY station_id IS NULL, id LIMIT 1", what, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, seed_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return id;
}

/* ------------------------------------------------------------------ drafts */

gint64
ld_concern_store_save_draft (LdStore     *store,
                             gint64       draft_id,
                             gint64       concern_id,
                             const char  *draft,
                             const char  *operator,
                             GError     **error)
{
  const char *what = _("Saving the draft");
  sqlite3_stmt *stmt = NULL;
  gint64 id = draft_id;
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!g_utf8_validate (draft, -1, NULL) || draft[0] != '{' || !g_str_has_suffix (draft, "}"))
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("The draft could not be kept: its text is damaged"));
      return 0;
    }
  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return 0;

  if (draft_id != 0)
    {
      stmt = ld_sql_prepare (db, "UPDATE concern_drafts SET form = ?1, operator = ?2 "
                                 "WHERE id = ?3", what, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, draft, -1, SQLITE_TRANSIENT);
      ld_sql_bind_text (stmt, 2, operator);
      sqlite3_bind_int64 (stmt, 3, draft_id);
      if (!ld_sql_step_done (db, stmt, what, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);
      /* The draft was taken by a save in another window: start a new one. */
      if (sqlite3_changes (db) == 0)
        id = 0;
    }
  if (id == 0)
    {
      stmt = ld_sql_prepare (db, "INSERT INTO concern_drafts (station_id, concern_id, operator, "
                                 "form) VALUES ((SELECT min(id) FROM stations), ?1, ?2, ?3)",
                             what, error);
      if (stmt == NULL)
        goto fail;
      ld_sql_bind_id (stmt, 1, concern_id);
      ld_sql_bind_text (stmt, 2, operator);
      sqlite3_bind_text (stmt, 3, draft, -1, SQLITE_TRANSIENT);
      if (!ld_sql_step_done (db, stmt, what, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);
      id = sqlite3_last_insert_rowid (db);
    }
  if (!ld_sql_commit (store, error))
    return 0;
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  ld_sql_rollback (store);
  return 0;
}

gboolean
ld_concern_store_delete_draft (LdStore  *store,
                               gint64    draft_id,
                               GError  **error)
{
  sqlite3 *db;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((db = ld_sql_get_handle (store, error)) == NULL || !ld_sql_begin (store, error))
    return FALSE;
  if (!delete_draft (db, draft_id, error))
    {
      ld_sql_rollback (store);
      return FALSE;
    }
  return ld_sql_commit (store, error);
}

char *
ld_concern_store_latest_draft (LdStore  *store,
                               gint64    concern_id,
                               gint64   *draft_id,
                               GError  **error)
{
  const char *what = _("Reading the draft");
  sqlite3_stmt *stmt;
  char *form = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (draft_id != NULL)
    *draft_id = 0;
  if ((db = ld_sql_get_handle (store, error)) == NULL)
    return NULL;
  stmt = ld_sql_prepare (db,
                         "SELECT id, form FROM concern_drafts WHERE concern_id IS ?1 "
                         "ORDER BY updated_at DESC, id DESC LIMIT 1", what, error);
  if (stmt == NULL)
    return NULL;
  if (concern_id != 0)
    sqlite3_bind_int64 (stmt, 1, concern_id);
  else
    sqlite3_bind_null (stmt, 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (draft_id != NULL)
        *draft_id = sqlite3_column_int64 (stmt, 0);
      form = g_strdup (ld_sql_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    ld_database_set_error_from_sqlite (error, db, rc, what);
  sqlite3_finalize (stmt);
  return form;
}

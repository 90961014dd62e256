/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-phone.h"
#include "ld-store.h"

/*
 * Typed reads and writes of the people and places every other record refers to: the station
 * profile, deputies, handling units, the editable lists and the general time limit.
 *
 * Statements are prepared for each call and finalised before it returns, so the store never
 * holds a statement that would keep the database from closing. User text only ever reaches
 * SQLite as a bound parameter; the only SQL assembled at run time is made of fixed fragments
 * (sort orders, table names of the editable lists) and of identifiers read from the schema.
 */

#define DEFAULT_TIME_LIMIT      15
#define TIME_LIMIT_SETTING      "concern.time_limit_working_days"
#define TIME_LIMIT_MAX          366

/* How long a write waits for one running in another thread on the same connection: as long as
 * SQLite waits for another program (the busy timeout). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _LdStore
{
  GObject     parent_instance;

  /* Owned */
  LdDatabase   *database;
  GHashTable   *references;  /* table → GPtrArray of "is this row referenced" queries */
  GMainContext *context;     /* where ::changed is emitted: the creating thread's */
  GThread      *thread;      /* the thread that created the store */
};

G_DEFINE_FINAL_TYPE (LdStore, ld_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tables of the editable lists, by LdListKind. */
static const char * const list_tables[] = {
  [LD_LIST_CONCERN_CATEGORY]    = "concern_categories",
  [LD_LIST_SUGGESTION_CATEGORY] = "suggestion_categories",
  [LD_LIST_CHANNEL]             = "channels",
  [LD_LIST_ANSWER_CLASS]        = "answer_classes",
};

#define DEPUTY_COLUMNS \
  "id, uuid, station_id, name, gender, level, professional_group, constituency, occupation, " \
  "workplace, phone, status, notes"

#define STATION_COLUMNS \
  "id, kind, name, district, subdistrict, address, phone, reporting_unit"

#define UNIT_COLUMNS \
  "id, name, kind, contact, phone, hidden"

/* A deputy as it goes into the table: validated, trimmed, the phone normalised. */
typedef struct
{
  gint64    station_id;
  char     *name;
  char     *name_pinyin;
  char     *gender;
  char     *level;
  char     *group;
  char     *constituency;
  char     *occupation;
  char     *workplace;
  char     *phone;
  char     *notes;
  gboolean  active;
} DeputyRow;

/* ------------------------------------------------------------------ errors and statements */

static sqlite3 *
get_handle (LdStore  *self,
            GError  **error)
{
  sqlite3 *db = ld_database_get_handle (self->database);

  if (db == NULL)
    g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                         _("The database is closed. Open it again to continue."));
  return db;
}

static sqlite3_stmt *
prepare (LdStore     *self,
         const char  *sql,
         const char  *what,
         GError     **error)
{
  sqlite3 *db = get_handle (self, error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    return NULL;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no rows (or whose rows do not matter). */
static gboolean
step_done (LdStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ld_database_set_error_from_sqlite (error, ld_database_get_handle (self->database), rc, what);
      return FALSE;
    }
  return TRUE;
}

static void
set_step_error (LdStore     *self,
                int          rc,
                const char  *what,
                GError     **error)
{
  ld_database_set_error_from_sqlite (error, ld_database_get_handle (self->database), rc, what);
}

/* The error of a batch of @type whose record @index was refused with @problem: the problem
 * alone when the caller asked for @failed_index (it says which record in its own terms), else
 * with the position in front. */
static void
set_batch_error (GError      **error,
                 guint        *failed_index,
                 GType         type,
                 guint         index,
                 GError       *problem)
{
  if (failed_index != NULL)
    {
      *failed_index = index;
      g_propagate_error (error, problem);
      return;
    }

  if (type == LD_TYPE_UNIT)
    g_set_error (error, problem->domain, problem->code,
                 /* Translators: %u is a position in a list, %s the problem */
                 _("Handling unit %u: %s"), index + 1, problem->message);
  else
    g_set_error (error, problem->domain, problem->code,
                 /* Translators: %u is a position in a list, %s the problem */
                 _("Deputy %u: %s"), index + 1, problem->message);
  g_error_free (problem);
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

/* NULL is read as "". */
static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static const char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* ld_database_begin_immediate() waits for a transaction another thread (an import) has open on
 * the shared connection. */
static gboolean
begin (LdStore  *self,
       GError  **error)
{
  if (get_handle (self, error) == NULL)
    return FALSE;

  return ld_database_begin_immediate (self->database, error);
}

static gint64
last_changes (LdStore *self)
{
  return sqlite3_changes (ld_database_get_handle (self->database));
}

/* Turns the first problem of a record's validation (in the order of @fields, which is the order
 * of the form) into a GError. */
static gboolean
check_validation (GObject            *record,
                  GHashTable         *errors,
                  const char * const *fields,
                  const char * const *free_text_fields,
                  GError            **error)
{
  g_autoptr(GHashTable) owned = errors;
  GHashTableIter iter;
  const char *first = NULL;

  if (g_hash_table_size (errors) == 0)
    return TRUE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *message = g_hash_table_lookup (errors, fields[i]);
      LdValidationError code = LD_VALIDATION_ERROR_INVALID;
      GParamSpec *pspec;

      if (message == NULL)
        continue;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i]);
      if (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        {
          g_autofree char *value = NULL;
          g_autofree char *stripped = NULL;

          g_object_get (record, fields[i], &value, NULL);
          stripped = ld_validation_strip_text (value);
          if (stripped[0] == '\0')
            code = LD_VALIDATION_ERROR_REQUIRED;
          else if (g_strv_contains (free_text_fields, fields[i]))
            {
              g_autofree char *other =
                ld_validation_check_text (value, G_MAXUINT, g_str_equal (fields[i], "notes"));

              /* A free text field that is readable and free of control characters can only be
               * too long. */
              if (other == NULL)
                code = LD_VALIDATION_ERROR_TOO_LONG;
            }
        }

      g_set_error_literal (error, LD_VALIDATION_ERROR, code, message);
      return FALSE;
    }

  /* A field the form does not show. */
  g_hash_table_iter_init (&iter, errors);
  g_hash_table_iter_next (&iter, NULL, (gpointer *) &first);
  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID, first);
  return FALSE;
}

typedef struct
{
  LdStore *store;
  char    *kind;
  gint64   id;
} Changed;

static void
changed_free (gpointer data)
{
  Changed *changed = data;

  g_object_unref (changed->store);
  g_free (changed->kind);
  g_free (changed);
}

static gboolean
emit_changed_cb (gpointer data)
{
  Changed *changed = data;

  g_signal_emit (changed->store, signals[CHANGED], 0, changed->kind, changed->id);
  return G_SOURCE_REMOVE;
}

/*
 * Handlers are widgets, so ::changed is emitted in the thread that made the store. A write
 * done in a worker thread hands it to that thread's main context. Not with
 * g_main_context_invoke(): a worker whose thread-default context is the global default would
 * acquire it, when it is free, and run the handlers itself.
 */
static void
emit_changed (LdStore    *self,
              const char *kind,
              gint64      id)
{
  g_autoptr(GSource) source = NULL;
  Changed *changed;

  if (g_thread_self () == self->thread)
    {
      g_signal_emit (self, signals[CHANGED], 0, kind, id);
      return;
    }

  changed = g_new0 (Changed, 1);
  changed->store = g_object_ref (self);
  changed->kind = g_strdup (kind);
  changed->id = id;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[ld-store] changed");
  g_source_set_callback (source, emit_changed_cb, changed, changed_free);
  g_source_attach (source, self->context);
}

/* ------------------------------------------------------------------ references */

static char *
quote_identifier (const char *name)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* The queries that tell whether a row of @table is referenced, one per foreign key pointing at
 * it, read from the schema so that tables added by later migrations are covered too. */
static GPtrArray *
reference_queries (LdStore     *self,
                   const char  *table,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  GPtrArray *cached;
  int rc;

  cached = g_hash_table_lookup (self->references, table);
  if (cached != NULL)
    return cached;

  stmt = prepare (self,
                  "SELECT m.name, f.\"from\""
                  "  FROM sqlite_schema AS m, pragma_foreign_key_list (m.name) AS f"
                  " WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE"
                  " ORDER BY m.name, f.\"from\"",
                  _("Checking where the record is used"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);

  queries = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *child = quote_identifier (column_text (stmt, 0));
      g_autofree char *column = quote_identifier (column_text (stmt, 1));

      g_ptr_array_add (queries, g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1 LIMIT 1",
                                                 child, column));
    }
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Checking where the record is used"), error);
      return NULL;
    }

  cached = g_steal_pointer (&queries);
  g_hash_table_insert (self->references, g_strdup (table), cached);
  return cached;
}

static gboolean
is_referenced (LdStore     *self,
               const char  *table,
               gint64       id,
               gboolean    *referenced,
               GError     **error)
{
  GPtrArray *queries = reference_queries (self, table, error);

  *referenced = FALSE;
  if (queries == NULL)
    return FALSE;

  for (guint i = 0; i < queries->len && !*referenced; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      stmt = prepare (self, g_ptr_array_index (queries, i),
                      _("Checking where the record is used"), error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *referenced = TRUE;
      else if (rc != SQLITE_DONE)
        {
          set_step_error (self, rc, _("Checking where the record is used"), error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Deletes row @id of @table; when other records refer to it, the row is kept for them and only
 * retired by the assignment @retire, such as "hidden = 1". @retiring and @deleting name the step
 * in an error, @missing is the error when the row is gone. */
static gboolean
delete_or_retire (LdStore          *self,
                  const char       *table,
                  const char       *retire,
                  gint64            id,
                  const char       *retiring,
                  const char       *deleting,
                  const char       *missing,
                  LdDeleteOutcome  *outcome,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean referenced;

  if (!begin (self, error))
    return FALSE;

  if (!is_referenced (self, table, id, &referenced, error))
    goto fail;

  if (referenced)
    sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", table, retire);
  else
    sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  stmt = prepare (self, sql, referenced ? retiring : deleting, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, deleting, error))
    goto fail;
  if (last_changes (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, missing);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!ld_database_commit (self->database, error))
    return FALSE;

  *outcome = referenced ? LD_DELETE_RETIRED : LD_DELETE_DELETED;
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

/* ------------------------------------------------------------------ stations */

static LdStation *
station_from_row (sqlite3_stmt *stmt)
{
  LdStation *station = ld_station_new ();

  ld_station_set_id (station, sqlite3_column_int64 (stmt, 0));
  ld_station_set_kind (station, column_text (stmt, 1));
  ld_station_set_name (station, column_text (stmt, 2));
  ld_station_set_district (station, column_text (stmt, 3));
  ld_station_set_subdistrict (station, column_text (stmt, 4));
  ld_station_set_address (station, column_text (stmt, 5));
  ld_station_set_phone (station, column_text (stmt, 6));
  ld_station_set_reporting_unit (station, column_text (stmt, 7));
  return station;
}

/* The id of this desk's station (the first one), 0 when there is none yet. */
static gboolean
first_station_id (LdStore  *self,
                  gint64   *id,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *id = 0;
  stmt = prepare (self, "SELECT id FROM stations ORDER BY id LIMIT 1",
                  _("Reading the station profile"), error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the station profile"), error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ deputies */

static LdDeputy *
deputy_from_row (sqlite3_stmt *stmt)
{
  LdDeputy *deputy = ld_deputy_new ();

  ld_deputy_set_id (deputy, sqlite3_column_int64 (stmt, 0));
  ld_deputy_set_uuid (deputy, column_text (stmt, 1));
  ld_deputy_set_station_id (deputy, sqlite3_column_int64 (stmt, 2));
  ld_deputy_set_name (deputy, column_text (stmt, 3));
  ld_deputy_set_gender (deputy, column_text_or_null (stmt, 4));
  ld_deputy_set_level (deputy, column_text (stmt, 5));
  ld_deputy_set_group (deputy, column_text (stmt, 6));
  ld_deputy_set_constituency (deputy, column_text (stmt, 7));
  ld_deputy_set_occupation (deputy, column_text (stmt, 8));
  ld_deputy_set_workplace (deputy, column_text (stmt, 9));
  ld_deputy_set_phone (deputy, column_text (stmt, 10));
  ld_deputy_set_active (deputy, g_strcmp0 (column_text (stmt, 11), "retired") != 0);
  ld_deputy_set_notes (deputy, column_text (stmt, 12));
  return deputy;
}

static void
deputy_row_clear (DeputyRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->name_pinyin, g_free);
  g_clear_pointer (&row->gender, g_free);
  g_clear_pointer (&row->level, g_free);
  g_clear_pointer (&row->group, g_free);
  g_clear_pointer (&row->constituency, g_free);
  g_clear_pointer (&row->occupation, g_free);
  g_clear_pointer (&row->workplace, g_free);
  g_clear_pointer (&row->phone, g_free);
  g_clear_pointer (&row->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeputyRow, deputy_row_clear)

/* Validates @deputy and fills @row with what goes into the table. */
static gboolean
deputy_row_init (DeputyRow  *row,
                 LdDeputy   *deputy,
                 GError    **error)
{
  static const char * const fields[] = {
    "name", "gender", "level", "group", "constituency", "occupation", "workplace", "phone",
    "notes", NULL
  };
  static const char * const free_text[] = {
    "name", "group", "constituency", "occupation", "workplace", "notes", NULL
  };

  if (!check_validation (G_OBJECT (deputy), ld_deputy_validate (deputy), fields, free_text, error))
    return FALSE;

  row->station_id = ld_deputy_get_station_id (deputy);
  row->name = ld_validation_strip_text (ld_deputy_get_name (deputy));
  row->name_pinyin = ld_deputy_name_initials (row->name);
  row->gender = g_strdup (ld_deputy_get_gender (deputy));
  row->level = g_strdup (ld_deputy_get_level (deputy));
  row->group = ld_validation_strip_text (ld_deputy_get_group (deputy));
  row->constituency = ld_validation_strip_text (ld_deputy_get_constituency (deputy));
  row->occupation = ld_validation_strip_text (ld_deputy_get_occupation (deputy));
  row->workplace = ld_validation_strip_text (ld_deputy_get_workplace (deputy));
  row->phone = ld_phone_normalize (ld_deputy_get_phone (deputy), NULL);
  row->notes = g_strdup (ld_deputy_get_notes (deputy));
  row->active = ld_deputy_get_active (deputy);

  g_assert (row->phone != NULL);
  return TRUE;
}

/* Inside a transaction: gives a deputy without a home station this desk's station. */
static gboolean
deputy_row_resolve_station (LdStore    *self,
                            DeputyRow  *row,
                            GError    **error)
{
  if (row->station_id != 0)
    return TRUE;

  if (!first_station_id (self, &row->station_id, error))
    return FALSE;

  if (row->station_id == 0)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_REQUIRED,
                           _("Set up the station profile before adding deputies"));
      return FALSE;
    }
  return TRUE;
}

#define DEPUTY_DUPLICATE_SQL \
  "SELECT id FROM deputies WHERE name = ?1 AND phone IS ?2 AND id <> ?3 LIMIT 1"

/* deputy_row_check_duplicate() with DEPUTY_DUPLICATE_SQL already prepared, so that a batch
 * prepares it once; @stmt is reset for the next row. */
static gboolean
deputy_row_check_duplicate_with (LdStore          *self,
                                 sqlite3_stmt     *stmt,
                                 const DeputyRow  *row,
                                 gint64            own_id,
                                 GError          **error)
{
  gboolean ok = TRUE;
  int rc;

  bind_text (stmt, 1, row->name);
  bind_text (stmt, 2, row->phone);
  sqlite3_bind_int64 (stmt, 3, own_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("A deputy of this name and phone number is already in the roster"));
      ok = FALSE;
    }
  else if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Saving the deputy"), error);
      ok = FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Inside a transaction: fails when another deputy has the same name and phone. */
static gboolean
deputy_row_check_duplicate (LdStore          *self,
                            const DeputyRow  *row,
                            gint64            own_id,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, DEPUTY_DUPLICATE_SQL, _("Saving the deputy"), error);
  if (stmt == NULL)
    return FALSE;
  return deputy_row_check_duplicate_with (self, stmt, row, own_id, error);
}

static void
bind_deputy_row (sqlite3_stmt    *stmt,
                 const DeputyRow *row)
{
  sqlite3_bind_int64 (stmt, 1, row->station_id);
  bind_text (stmt, 2, row->name);
  bind_text (stmt, 3, row->name_pinyin);
  bind_text (stmt, 4, row->gender);
  bind_text (stmt, 5, row->level);
  bind_text (stmt, 6, row->group);
  bind_text (stmt, 7, row->constituency);
  bind_text (stmt, 8, row->occupation);
  bind_text (stmt, 9, row->workplace);
  bind_text (stmt, 10, row->phone);
  sqlite3_bind_text (stmt, 11, row->active ? "active" : "retired", -1, SQLITE_STATIC);
  bind_text (stmt, 12, row->notes);
}

#define INSERT_DEPUTY \
  "INSERT INTO deputies (station_id, name, name_pinyin, gender, level, professional_group," \
  "                      constituency, occupation, workplace, phone, status, notes, id"
/* A new deputy gets the uuid the schema makes; a restored one keeps its own. */
#define INSERT_NEW_DEPUTY_SQL \
  INSERT_DEPUTY ")" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" \
  " RETURNING id, uuid"
#define INSERT_RESTORED_DEPUTY_SQL \
  INSERT_DEPUTY ", uuid)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" \
  " RETURNING id, uuid"

/* deputy_row_insert() with INSERT_NEW_DEPUTY_SQL or INSERT_RESTORED_DEPUTY_SQL (when @uuid is
 * given) already prepared, so that a batch prepares it once; @stmt is reset for the next row. */
static gboolean
deputy_row_insert_with (LdStore          *self,
                        sqlite3_stmt     *stmt,
                        const DeputyRow  *row,
                        gint64            id,
                        const char       *uuid,
                        gint64           *out_id,
                        char            **out_uuid,
                        GError          **error)
{
  gboolean ok = FALSE;
  int rc;

  bind_deputy_row (stmt, row);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 13, id);
  else
    sqlite3_bind_null (stmt, 13);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 14, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_uuid = g_strdup (column_text (stmt, 1));
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_DONE;
    }
  if (!ok)
    {
      set_step_error (self, rc, _("Saving the deputy"), error);
      g_clear_pointer (out_uuid, g_free);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Inside a transaction. @id and @uuid: 0 / NULL for a new deputy, or the ones to restore. */
static gboolean
deputy_row_insert (LdStore          *self,
                   const DeputyRow  *row,
                   gint64            id,
                   const char       *uuid,
                   gint64           *out_id,
                   char            **out_uuid,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, uuid != NULL ? INSERT_RESTORED_DEPUTY_SQL : INSERT_NEW_DEPUTY_SQL,
                  _("Saving the deputy"), error);
  if (stmt == NULL)
    return FALSE;
  return deputy_row_insert_with (self, stmt, row, id, uuid, out_id, out_uuid, error);
}

static gboolean
deputy_row_update (LdStore          *self,
                   const DeputyRow  *row,
                   gint64            id,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE deputies SET station_id = ?1, name = ?2, name_pinyin = ?3, gender = ?4,"
                  "                    level = ?5, professional_group = ?6, constituency = ?7,"
                  "                    occupation = ?8, workplace = ?9, phone = ?10, status = ?11,"
                  "                    notes = ?12"
                  " WHERE id = ?13",
                  _("Saving the deputy"), error);
  if (stmt == NULL)
    return FALSE;

  bind_deputy_row (stmt, row);
  sqlite3_bind_int64 (stmt, 13, id);

  if (!step_done (self, stmt, _("Saving the deputy"), error))
    return FALSE;

  if (last_changes (self) == 0)
    {
      g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                           _("This deputy is no longer in the roster; it may have been deleted in another window"));
      return FALSE;
    }
  return TRUE;
}

/* After the commit: the object takes what was stored. */
static void
deputy_row_apply (const DeputyRow *row,
                  LdDeputy        *deputy,
                  gint64           id,
                  const char      *uuid)
{
  g_object_freeze_notify (G_OBJECT (deputy));
  ld_deputy_set_id (deputy, id);
  if (uuid != NULL)
    ld_deputy_set_uuid (deputy, uuid);
  ld_deputy_set_station_id (deputy, row->station_id);
  ld_deputy_set_name (deputy, row->name);
  ld_deputy_set_group (deputy, row->group);
  ld_deputy_set_constituency (deputy, row->constituency);
  ld_deputy_set_occupation (deputy, row->occupation);
  ld_deputy_set_workplace (deputy, row->workplace);
  ld_deputy_set_phone (deputy, row->phone);
  g_object_thaw_notify (G_OBJECT (deputy));
}

/* LIKE pattern for "contains @text", with % _ and \ escaped. */
static char *
like_contains (const char *text,
               gboolean    prefix_only)
{
  GString *pattern = g_string_new (prefix_only ? "" : "%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The digits of a search that looks like part of a phone number ("138 0000", "027-8555"), so
 * that it finds the stored form; NULL otherwise. */
static char *
phone_digits (const char *search)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = search; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-' && *p != '.' && *p != '(' && *p != ')' && *p != '+')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  if (digits->len < 3)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* ------------------------------------------------------------------ handling units */

static LdUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  LdUnit *unit = ld_unit_new ();

  ld_unit_set_id (unit, sqlite3_column_int64 (stmt, 0));
  ld_unit_set_name (unit, column_text (stmt, 1));
  ld_unit_set_kind (unit, column_text (stmt, 2));
  ld_unit_set_contact (unit, column_text (stmt, 3));
  ld_unit_set_phone (unit, column_text (stmt, 4));
  ld_unit_set_hidden (unit, sqlite3_column_int (stmt, 5) != 0);
  return unit;
}

/* Inside a transaction: inserts or updates @unit (already validated). */
static gboolean
write_unit (LdStore     *self,
            LdUnit      *unit,
            const char  *name,
            const char  *contact,
            const char  *phone,
            gint64      *out_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = ld_unit_get_id (unit);
  int rc;

  check = prepare (self, "SELECT 1 FROM units WHERE name = ?1 AND id <> ?2 LIMIT 1",
                   _("Saving the handling unit"), error);
  if (check == NULL)
    return FALSE;
  bind_text (check, 1, name);
  sqlite3_bind_int64 (check, 2, id);
  rc = sqlite3_step (check);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("A handling unit of this name is already in the list"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Saving the handling unit"), error);
      return FALSE;
    }

  if (id == 0)
    stmt = prepare (self,
                    "INSERT INTO units (name, kind, contact, phone, hidden)"
                    " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                    _("Saving the handling unit"), error);
  else
    stmt = prepare (self,
                    "UPDATE units SET name = ?1, kind = ?2, contact = ?3, phone = ?4, hidden = ?5"
                    " WHERE id = ?6",
                    _("Saving the handling unit"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, ld_unit_get_kind (unit));
  bind_text (stmt, 3, contact);
  bind_text (stmt, 4, phone);
  sqlite3_bind_int (stmt, 5, ld_unit_get_hidden (unit) ? 1 : 0);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);

  rc = sqlite3_step (stmt);
  if (id == 0 && rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (id != 0 && rc == SQLITE_DONE)
    {
      *out_id = id;
      if (last_changes (self) == 0)
        {
          g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                               _("This handling unit is no longer in the list; it may have been deleted in another window"));
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Saving the handling unit"), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
unit_prepare (LdUnit     *unit,
              char      **name,
              char      **contact,
              char      **phone,
              GError    **error)
{
  static const char * const fields[] = { "name", "kind", "contact", "phone", NULL };
  static const char * const free_text[] = { "name", "contact", NULL };

  if (!check_validation (G_OBJECT (unit), ld_unit_validate (unit), fields, free_text, error))
    return FALSE;

  *name = ld_validation_strip_text (ld_unit_get_name (unit));
  *contact = ld_validation_strip_text (ld_unit_get_contact (unit));
  *phone = ld_phone_normalize (ld_unit_get_phone (unit), NULL);
  return TRUE;
}

/* ------------------------------------------------------------------ editable lists */

static const char *
list_table (LdListKind kind)
{
  g_assert (kind <= LD_LIST_ANSWER_CLASS);
  return list_tables[kind];
}

static LdListEntry *
entry_from_row (LdListKind    kind,
                sqlite3_stmt *stmt)
{
  LdListEntry *entry = ld_list_entry_new (kind);

  ld_list_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  ld_list_entry_set_seed_key (entry, column_text_or_null (stmt, 1));
  ld_list_entry_set_name (entry, column_text_or_null (stmt, 2));
  ld_list_entry_set_hidden (entry, sqlite3_column_int (stmt, 3) != 0);
  ld_list_entry_set_position (entry, sqlite3_column_int (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    ld_list_entry_set_time_limit_days (entry, sqlite3_column_int (stmt, 5));
  return entry;
}

/* ------------------------------------------------------------------ settings */

/* The row of @key that applies to this desk: its station's own, else the general one. */
static gboolean
find_setting (LdStore     *self,
              const char  *key,
              gint64      *row_id,
              char       **value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 station_id;
  int rc;

  *row_id = 0;
  *value = NULL;

  if (!first_station_id (self, &station_id, error))
    return FALSE;

  stmt = prepare (self,
                  "SELECT id, value FROM settings"
                  " WHERE key = ?1 AND (station_id IS NULL OR station_id = ?2)"
                  " ORDER BY station_id IS NULL LIMIT 1",
                  _("Reading the settings"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, station_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *row_id = sqlite3_column_int64 (stmt, 0);
      *value = g_strdup (column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the settings"), error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_store_dispose (GObject *object)
{
  LdStore *self = LD_STORE (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ld_store_parent_class)->dispose (object);
}

static void
ld_store_finalize (GObject *object)
{
  LdStore *self = LD_STORE (object);

  g_clear_pointer (&self->references, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->thread, g_thread_unref);

  G_OBJECT_CLASS (ld_store_parent_class)->finalize (object);
}

static void
ld_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LdStore *self = LD_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LdStore *self = LD_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_assert (self->database == NULL);
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_store_class_init (LdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ld_store_dispose;
  object_class->finalize = ld_store_finalize;
  object_class->get_property = ld_store_get_property;
  object_class->set_property = ld_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, LD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdStore::changed:
   * @kind: "station", "deputy", "unit", "list" or "settings"
   * @id: the row written, or 0 when several rows changed
   *
   * Emitted once after every committed write, always in the thread that created the store
   * (normally the main thread): a write done in another thread emits it from an idle
   * callback of the main context that was the thread-default one at ld_store_new().
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64);
}

static void
ld_store_init (LdStore *self)
{
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_ref (g_thread_self ());
}

/* ------------------------------------------------------------------ public API */

LdStore *
ld_store_new (LdDatabase *database)
{
  g_return_val_if_fail (LD_IS_DATABASE (database), NULL);

  return g_object_new (LD_TYPE_STORE, "database", database, NULL);
}

void
ld_store_emit_changed (LdStore    *self,
                       const char *kind,
                       gint64      id)
{
  g_return_if_fail (LD_IS_STORE (self));
  g_return_if_fail (kind != NULL);

  emit_changed (self, kind, id);
}

LdDatabase *
ld_store_get_database (LdStore *self)
{
  g_return_val_if_fail (LD_IS_STORE (self), NULL);

  return self->database;
}

/* ------------------------------------------------------------------ public API: stations */

LdStation *
ld_store_get_station (LdStore  *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " STATION_COLUMNS " FROM stations ORDER BY id LIMIT 1",
                  _("Reading the station profile"), error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return station_from_row (stmt);
  if (rc != SQLITE_DONE)
    set_step_error (self, rc, _("Reading the station profile"), error);
  return NULL;
}

/* Returns: (transfer full) (element-type LdStation): every station in the file, oldest first */
GPtrArray *
ld_store_list_stations (LdStore  *self,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " STATION_COLUMNS " FROM stations ORDER BY id",
                  _("Reading the stations"), error);
  if (stmt == NULL)
    return NULL;

  stations = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stations, station_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the stations"), error);
      return NULL;
    }
  return g_steal_pointer (&stations);
}

gboolean
ld_store_save_station (LdStore    *self,
                       LdStation  *station,
                       GError    **error)
{
  static const char * const fields[] = {
    "kind", "name", "district", "subdistrict", "address", "phone", "reporting-unit", NULL
  };
  static const char * const free_text[] = {
    "name", "district", "subdistrict", "address", "reporting-unit", NULL
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *district = NULL;
  g_autofree char *subdistrict = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *reporting_unit = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_STATION (station), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_validation (G_OBJECT (station), ld_station_validate (station), fields, free_text,
                         error))
    return FALSE;

  name = ld_validation_strip_text (ld_station_get_name (station));
  district = ld_validation_strip_text (ld_station_get_district (station));
  subdistrict = ld_validation_strip_text (ld_station_get_subdistrict (station));
  address = ld_validation_strip_text (ld_station_get_address (station));
  phone = ld_phone_normalize (ld_station_get_phone (station), NULL);
  reporting_unit = ld_validation_strip_text (ld_station_get_reporting_unit (station));
  id = ld_station_get_id (station);

  if (!begin (self, error))
    return FALSE;

  if (id == 0)
    stmt = prepare (self,
                    "INSERT INTO stations (kind, name, district, subdistrict, address, phone,"
                    "                      reporting_unit)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                    _("Saving the station profile"), error);
  else
    stmt = prepare (self,
                    "UPDATE stations SET kind = ?1, name = ?2, district = ?3, subdistrict = ?4,"
                    "                    address = ?5, phone = ?6, reporting_unit = ?7"
                    " WHERE id = ?8",
                    _("Saving the station profile"), error);
  if (stmt == NULL)
    goto fail;

  bind_text (stmt, 1, ld_station_get_kind (station));
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, district);
  bind_text (stmt, 4, subdistrict);
  bind_text (stmt, 5, address);
  bind_text (stmt, 6, phone);
  bind_text (stmt, 7, reporting_unit);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);

  rc = sqlite3_step (stmt);
  if (id == 0 && rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (rc == SQLITE_DONE && last_changes (self) == 0)
    {
      g_set_error_literal (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                           _("This station is no longer in the database"));
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Saving the station profile"), error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!ld_database_commit (self->database, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (station));
  ld_station_set_id (station, id);
  ld_station_set_name (station, name);
  ld_station_set_district (station, district);
  ld_station_set_subdistrict (station, subdistrict);
  ld_station_set_address (station, address);
  ld_station_set_phone (station, phone);
  ld_station_set_reporting_unit (station, reporting_unit);
  g_object_thaw_notify (G_OBJECT (station));

  emit_changed (self, "station", id);
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

/* ------------------------------------------------------------------ public API: deputies */

/* Returns: (transfer full) (nullable): the deputy, or NULL with @error set when it is not there */
LdDeputy *
ld_store_get_deputy (LdStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(GPtrArray) deputies = NULL;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  deputies = ld_store_load_deputies (self, &id, 1, error);
  if (deputies == NULL)
    return NULL;

  if (deputies->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This deputy is no longer in the roster"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (deputies, 0));
}

gboolean
ld_store_save_deputy (LdStore   *self,
                      LdDeputy  *deputy,
                      GError   **error)
{
  g_auto(DeputyRow) row = { 0, };
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_DEPUTY (deputy), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!deputy_row_init (&row, deputy, error))
    return FALSE;

  id = ld_deputy_get_id (deputy);

  if (!begin (self, error))
    return FALSE;

  if (!deputy_row_resolve_station (self, &row, error)
      || !deputy_row_check_duplicate (self, &row, id, error))
    goto fail;

  if (id == 0)
    {
      if (!deputy_row_insert (self, &row, 0, NULL, &id, &uuid, error))
        goto fail;
    }
  else if (!deputy_row_update (self, &row, id, error))
    goto fail;

  if (!ld_database_commit (self->database, error))
    return FALSE;

  deputy_row_apply (&row, deputy, id, uuid);
  emit_changed (self, "deputy", id);
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

/**
 * ld_store_insert_deputies:
 * @deputies: (element-type LdDeputy): new deputies (id 0)
 * @failed_index: (out) (optional): the index of the deputy that could not be saved
 *
 * Inserts all of @deputies in one transaction, or none of them when one cannot be saved. Each
 * gets its id and uuid; deputies without a home station get this desk's. ::changed is emitted
 * once, with id 0.
 *
 * When a deputy is refused, its index goes to @failed_index and the error is its problem alone;
 * without @failed_index the error names its position, 1-based ("Deputy 3: …"). @failed_index
 * is %G_MAXUINT unless one record is to blame: on success, or when the batch as a whole fails
 * (the database is busy, the commit fails).
 */
gboolean
ld_store_insert_deputies (LdStore    *self,
                          GPtrArray  *deputies,
                          guint      *failed_index,
                          GError    **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  sqlite3_stmt *check = NULL;
  sqlite3_stmt *insert = NULL;
  gint64 home_station = 0;
  guint i;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputies != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (failed_index)
    *failed_index = G_MAXUINT;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (DeputyRow), deputies->len);
  g_array_set_clear_func (rows, (GDestroyNotify) deputy_row_clear);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), deputies->len);
  uuids = g_ptr_array_new_full (deputies->len, g_free);

  for (i = 0; i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      DeputyRow row = { 0, };
      GError *local_error = NULL;

      g_return_val_if_fail (LD_IS_DEPUTY (deputy) && ld_deputy_get_id (deputy) == 0, FALSE);

      if (!deputy_row_init (&row, deputy, &local_error))
        {
          set_batch_error (error, failed_index, LD_TYPE_DEPUTY, i, local_error);
          return FALSE;
        }
      g_array_append_val (rows, row);
    }

  if (!begin (self, error))
    return FALSE;

  /* Prepared once for the whole batch: preparing an INSERT compiles the table's triggers,
   * which would cost more than the insert itself. */
  check = prepare (self, DEPUTY_DUPLICATE_SQL, _("Saving the deputy"), error);
  if (check != NULL)
    insert = prepare (self, INSERT_NEW_DEPUTY_SQL, _("Saving the deputy"), error);
  if (insert == NULL)
    goto fail;

  for (i = 0; i < rows->len; i++)
    {
      DeputyRow *row = &g_array_index (rows, DeputyRow, i);
      GError *local_error = NULL;
      gint64 id = 0;
      char *uuid = NULL;

      if (row->station_id == 0 && home_station != 0)
        row->station_id = home_station;

      if (!deputy_row_resolve_station (self, row, &local_error)
          || !deputy_row_check_duplicate_with (self, check, row, 0, &local_error)
          || !deputy_row_insert_with (self, insert, row, 0, NULL, &id, &uuid, &local_error))
        {
          set_batch_error (error, failed_index, LD_TYPE_DEPUTY, i, local_error);
          goto fail;
        }
      if (home_station == 0 && ld_deputy_get_station_id (g_ptr_array_index (deputies, i)) == 0)
        home_station = row->station_id;
      g_array_append_val (ids, id);
      g_ptr_array_add (uuids, uuid);
    }

  g_clear_pointer (&check, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!ld_database_commit (self->database, error))
    return FALSE;

  for (i = 0; i < rows->len; i++)
    deputy_row_apply (&g_array_index (rows, DeputyRow, i), g_ptr_array_index (deputies, i),
                      g_array_index (ids, gint64, i), g_ptr_array_index (uuids, i));

  emit_changed (self, "deputy", 0);
  return TRUE;

fail:
  g_clear_pointer (&check, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  ld_database_rollback (self->database);
  return FALSE;
}

gboolean
ld_store_delete_deputy (LdStore          *self,
                        gint64            id,
                        LdDeleteOutcome  *outcome,
                        GError          **error)
{
  LdDeleteOutcome done;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!delete_or_retire (self, "deputies", "status = 'retired'", id,
                         _("Retiring the deputy"), _("Deleting the deputy"),
                         _("This deputy is no longer in the roster"), &done, error))
    return FALSE;

  if (outcome)
    *outcome = done;
  emit_changed (self, "deputy", id);
  return TRUE;
}

gboolean
ld_store_undelete_deputy (LdStore   *self,
                          LdDeputy  *deputy,
                          GError   **error)
{
  g_auto(DeputyRow) row = { 0, };
  g_autofree char *uuid = NULL;
  const char *old_uuid;
  gint64 id;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_DEPUTY (deputy), FALSE);
  g_return_val_if_fail (ld_deputy_get_id (deputy) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!deputy_row_init (&row, deputy, error))
    return FALSE;

  old_uuid = ld_deputy_get_uuid (deputy);

  if (!begin (self, error))
    return FALSE;

  if (!deputy_row_resolve_station (self, &row, error)
      || !deputy_row_insert (self, &row, ld_deputy_get_id (deputy),
                             old_uuid[0] != '\0' ? old_uuid : NULL, &id, &uuid, error))
    goto fail;

  if (!ld_database_commit (self->database, error))
    return FALSE;

  deputy_row_apply (&row, deputy, id, uuid);
  emit_changed (self, "deputy", id);
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

/* Returns: (transfer full) (element-type gint64): the ids @query selects, in its order */
GArray *
ld_store_query_deputy_ids (LdStore              *self,
                           const LdDeputyQuery  *query,
                           GError              **error)
{
  /* DIR stands for the direction. */
  static const char * const sort_keys[] = {
    [LD_DEPUTY_SORT_NAME]         = "ifnull (d.name_pinyin, '') DIR, d.name DIR, d.id DIR",
    [LD_DEPUTY_SORT_LEVEL]        = "CASE d.level WHEN 'national' THEN 1 WHEN 'provincial' THEN 2"
                                    " WHEN 'municipal' THEN 3 WHEN 'district' THEN 4 ELSE 5 END"
                                    " DIR",
    [LD_DEPUTY_SORT_GROUP]        = "d.professional_group IS NULL, d.professional_group DIR",
    [LD_DEPUTY_SORT_CONSTITUENCY] = "d.constituency IS NULL, d.constituency DIR",
    [LD_DEPUTY_SORT_STATION]      = "(SELECT s.name FROM stations AS s WHERE s.id = d.station_id)"
                                    " DIR",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) order = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *search = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *digits_pattern = NULL;
  LdDeputySort sort;
  const char *direction;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sort = query->sort <= LD_DEPUTY_SORT_STATION ? query->sort : LD_DEPUTY_SORT_NAME;
  direction = query->descending ? "DESC" : "ASC";

  /* The name and then the id break ties, so that the order never changes between reloads. */
  order = g_string_new (sort_keys[sort]);
  g_string_replace (order, "DIR", direction, 0);
  sql = g_strdup_printf ("SELECT d.id FROM deputies AS d"
                         " WHERE (?1 IS NULL"
                         "        OR d.name LIKE ?1 ESCAPE '\\'"
                         "        OR d.name_pinyin LIKE ?2 ESCAPE '\\'"
                         "        OR d.phone LIKE ?1 ESCAPE '\\'"
                         "        OR replace (d.phone, '-', '') LIKE ?3"
                         "        OR d.professional_group LIKE ?1 ESCAPE '\\'"
                         "        OR d.constituency LIKE ?1 ESCAPE '\\'"
                         "        OR d.workplace LIKE ?1 ESCAPE '\\')"
                         "   AND (?4 IS NULL OR d.level = ?4)"
                         "   AND (?5 IS NULL OR d.professional_group = ?5)"
                         "   AND (?6 < 0"
                         "        OR d.status = CASE ?6 WHEN 0 THEN 'retired' ELSE 'active' END)"
                         " ORDER BY %s%s",
                         order->str,
                         sort == LD_DEPUTY_SORT_NAME
                         ? "" : ", ifnull (d.name_pinyin, ''), d.name, d.id");

  stmt = prepare (self, sql, _("Reading the roster"), error);
  if (stmt == NULL)
    return NULL;

  search = ld_validation_strip_text (query->search);
  if (search[0] != '\0')
    {
      pattern = like_contains (search, FALSE);
      prefix = like_contains (search, TRUE);
      digits = phone_digits (search);
      if (digits != NULL)
        digits_pattern = g_strdup_printf ("%%%s%%", digits);
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
      bind_text (stmt, 3, digits_pattern);
    }
  bind_text (stmt, 4, query->level);
  bind_text (stmt, 5, query->group);
  sqlite3_bind_int (stmt, 6, query->active < 0 ? -1 : query->active ? 1 : 0);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the roster"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Returns: (transfer full) (element-type LdDeputy) */
GPtrArray *
ld_store_load_deputies (LdStore       *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) deputies = NULL;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " DEPUTY_COLUMNS " FROM deputies WHERE id = ?1",
                  _("Reading the roster"), error);
  if (stmt == NULL)
    return NULL;

  deputies = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (deputies, deputy_from_row (stmt));
      else if (rc != SQLITE_DONE)
        {
          set_step_error (self, rc, _("Reading the roster"), error);
          return NULL;
        }
    }
  return g_steal_pointer (&deputies);
}

/* Returns: (transfer full): the professional groups in use, sorted */
GStrv
ld_store_list_deputy_groups (LdStore  *self,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT DISTINCT professional_group FROM deputies"
                  " WHERE professional_group IS NOT NULL ORDER BY 1",
                  _("Reading the roster"), error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the roster"), error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gint64
ld_store_find_deputy (LdStore     *self,
                      const char  *name,
                      const char  *phone,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *normalized = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stripped = ld_validation_strip_text (name);
  if (stripped[0] == '\0')
    return 0;

  /* The phone as it would be stored; a number that cannot be normalised matches as typed. */
  if (phone != NULL && phone[0] != '\0')
    {
      normalized = ld_phone_normalize (phone, NULL);
      if (normalized == NULL)
        normalized = ld_validation_strip_text (phone);
    }

  stmt = prepare (self,
                  "SELECT id FROM deputies WHERE name = ?1 AND (?2 IS NULL OR phone = ?2)"
                  " ORDER BY status = 'active' DESC, id LIMIT 1",
                  _("Reading the roster"), error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);
  bind_text (stmt, 2, normalized);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    set_step_error (self, rc, _("Reading the roster"), error);
  return 0;
}

/* ------------------------------------------------------------------ public API: units */

/* Returns: (transfer full) (element-type LdUnit): by name; hidden units last */
GPtrArray *
ld_store_list_units (LdStore   *self,
                     gboolean   include_hidden,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) units = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT " UNIT_COLUMNS " FROM units WHERE ?1 OR hidden = 0"
                  " ORDER BY hidden, name, id",
                  _("Reading the handling units"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_hidden ? 1 : 0);

  units = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the handling units"), error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

gboolean
ld_store_save_unit (LdStore  *self,
                    LdUnit   *unit,
                    GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;
  gint64 id = 0;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_UNIT (unit), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!unit_prepare (unit, &name, &contact, &phone, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  if (!write_unit (self, unit, name, contact, phone, &id, error))
    {
      ld_database_rollback (self->database);
      return FALSE;
    }

  if (!ld_database_commit (self->database, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (unit));
  ld_unit_set_id (unit, id);
  ld_unit_set_name (unit, name);
  ld_unit_set_contact (unit, contact);
  ld_unit_set_phone (unit, phone);
  g_object_thaw_notify (G_OBJECT (unit));

  emit_changed (self, "unit", id);
  return TRUE;
}

/**
 * ld_store_insert_units:
 * @units: (element-type LdUnit): new units (id 0)
 * @failed_index: (out) (optional): the index of the unit that could not be saved
 *
 * Inserts all of @units in one transaction, or none of them when one cannot be saved. The
 * units are shared by every station (no station of their own). ::changed is emitted once, with
 * id 0. @failed_index and the error as for ld_store_insert_deputies().
 */
gboolean
ld_store_insert_units (LdStore    *self,
                       GPtrArray  *units,
                       guint      *failed_index,
                       GError    **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GArray) ids = NULL;
  guint i;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (failed_index)
    *failed_index = G_MAXUINT;

  names = g_ptr_array_new_full (units->len, g_free);
  contacts = g_ptr_array_new_full (units->len, g_free);
  phones = g_ptr_array_new_full (units->len, g_free);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), units->len);

  for (i = 0; i < units->len; i++)
    {
      LdUnit *unit = g_ptr_array_index (units, i);
      GError *local_error = NULL;
      char *name = NULL;
      char *contact = NULL;
      char *phone = NULL;

      g_return_val_if_fail (LD_IS_UNIT (unit) && ld_unit_get_id (unit) == 0, FALSE);

      if (!unit_prepare (unit, &name, &contact, &phone, &local_error))
        {
          set_batch_error (error, failed_index, LD_TYPE_UNIT, i, local_error);
          return FALSE;
        }
      g_ptr_array_add (names, name);
      g_ptr_array_add (contacts, contact);
      g_ptr_array_add (phones, phone);
    }

  if (!begin (self, error))
    return FALSE;

  for (i = 0; i < units->len; i++)
    {
      GError *local_error = NULL;
      gint64 id = 0;

      if (!write_unit (self, g_ptr_array_index (units, i), g_ptr_array_index (names, i),
                       g_ptr_array_index (contacts, i), g_ptr_array_index (phones, i), &id,
                       &local_error))
        {
          set_batch_error (error, failed_index, LD_TYPE_UNIT, i, local_error);
          ld_database_rollback (self->database);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }

  if (!ld_database_commit (self->database, error))
    return FALSE;

  for (i = 0; i < units->len; i++)
    {
      LdUnit *unit = g_ptr_array_index (units, i);

      ld_unit_set_id (unit, g_array_index (ids, gint64, i));
      ld_unit_set_name (unit, g_ptr_array_index (names, i));
      ld_unit_set_contact (unit, g_ptr_array_index (contacts, i));
      ld_unit_set_phone (unit, g_ptr_array_index (phones, i));
    }

  emit_changed (self, "unit", 0);
  return TRUE;
}

gboolean
ld_store_delete_unit (LdStore          *self,
                      gint64            id,
                      LdDeleteOutcome  *outcome,
                      GError          **error)
{
  LdDeleteOutcome done;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!delete_or_retire (self, "units", "hidden = 1", id,
                         _("Hiding the handling unit"), _("Deleting the handling unit"),
                         _("This handling unit is no longer in the list"), &done, error))
    return FALSE;

  if (outcome)
    *outcome = done;
  emit_changed (self, "unit", id);
  return TRUE;
}

gint64
ld_store_find_unit (LdStore     *self,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stripped = ld_validation_strip_text (name);
  if (stripped[0] == '\0')
    return 0;

  stmt = prepare (self, "SELECT id FROM units WHERE name = ?1 ORDER BY hidden, id LIMIT 1",
                  _("Reading the handling units"), error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    set_step_error (self, rc, _("Reading the handling units"), error);
  return 0;
}

/* ------------------------------------------------------------------ public API: lists */

/* Returns: (transfer full) (element-type LdListEntry): in the order the user gave them */
GPtrArray *
ld_store_list_entries (LdStore     *self,
                       LdListKind   kind,
                       gboolean     include_hidden,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), NULL);
  g_return_val_if_fail (kind <= LD_LIST_ANSWER_CLASS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT id, seed_key, name, hidden, position, %s FROM %s"
                         " WHERE ?1 OR hidden = 0 ORDER BY position, id",
                         kind == LD_LIST_CONCERN_CATEGORY ? "time_limit_days" : "NULL",
                         list_table (kind));
  stmt = prepare (self, sql, _("Reading the list"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_hidden ? 1 : 0);

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (kind, stmt));
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Reading the list"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Inserts when the id is 0 (and sets it; a position of 0 puts it last), updates otherwise.
 * A seeded entry with an empty name goes back to its default name. */
gboolean
ld_store_save_entry (LdStore      *self,
                     LdListEntry  *entry,
                     GError      **error)
{
  static const char * const fields[] = { "name", "time-limit-days", NULL };
  static const char * const free_text[] = { "name", NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  LdListKind kind;
  const char *table;
  gint64 id;
  int position;
  int days;
  int rc;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_LIST_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_validation (G_OBJECT (entry), ld_list_entry_validate (entry), fields, free_text,
                         error))
    return FALSE;

  kind = ld_list_entry_get_kind (entry);
  table = list_table (kind);
  name = ld_validation_strip_text (ld_list_entry_get_name (entry));
  id = ld_list_entry_get_id (entry);
  position = ld_list_entry_get_position (entry);
  days = ld_list_entry_get_time_limit_days (entry);

  if (id == 0)
    sql = g_strdup_printf ("INSERT INTO %1$s (seed_key, name, hidden, position%2$s)"
                           " VALUES (?1, ?2, ?3,"
                           "         CASE WHEN ?4 <> 0 THEN ?4"
                           "              ELSE (SELECT ifnull (max (position), 0) + 10"
                           "                      FROM %1$s) END"
                           "         %3$s)"
                           " RETURNING id, position",
                           table,
                           kind == LD_LIST_CONCERN_CATEGORY ? ", time_limit_days" : "",
                           kind == LD_LIST_CONCERN_CATEGORY ? ", ?5" : "");
  else
    sql = g_strdup_printf ("UPDATE %s SET seed_key = ?1, name = ?2, hidden = ?3, position = ?4%s"
                           " WHERE id = ?6 RETURNING id, position",
                           table,
                           kind == LD_LIST_CONCERN_CATEGORY ? ", time_limit_days = ?5" : "");

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self, sql, _("Saving the list entry"), error);
  if (stmt == NULL)
    goto fail;

  bind_text (stmt, 1, ld_list_entry_get_seed_key (entry));
  bind_text (stmt, 2, name);
  sqlite3_bind_int (stmt, 3, ld_list_entry_get_hidden (entry) ? 1 : 0);
  sqlite3_bind_int (stmt, 4, position);
  if (kind == LD_LIST_CONCERN_CATEGORY)
    {
      if (days > 0)
        sqlite3_bind_int (stmt, 5, days);
      else
        sqlite3_bind_null (stmt, 5);
    }
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This entry is no longer in the list; it may have been deleted in another window"));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      set_step_error (self, rc, _("Saving the list entry"), error);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  position = sqlite3_column_int (stmt, 1);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_step_error (self, rc, _("Saving the list entry"), error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!ld_database_commit (self->database, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (entry));
  ld_list_entry_set_id (entry, id);
  ld_list_entry_set_name (entry, name);
  ld_list_entry_set_position (entry, position);
  g_object_thaw_notify (G_OBJECT (entry));

  emit_changed (self, "list", id);
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

gboolean
ld_store_delete_entry (LdStore          *self,
                       LdListEntry      *entry,
                       LdDeleteOutcome  *outcome,
                       GError          **error)
{
  LdDeleteOutcome done;
  gint64 id;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (LD_IS_LIST_ENTRY (entry), FALSE);
  g_return_val_if_fail (ld_list_entry_get_id (entry) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = ld_list_entry_get_id (entry);

  if (!delete_or_retire (self, list_table (ld_list_entry_get_kind (entry)), "hidden = 1", id,
                         _("Deleting the list entry"), _("Deleting the list entry"),
                         _("This entry is no longer in the list"), &done, error))
    return FALSE;

  if (done == LD_DELETE_RETIRED)
    ld_list_entry_set_hidden (entry, TRUE);
  if (outcome)
    *outcome = done;
  emit_changed (self, "list", id);
  return TRUE;
}

/* ------------------------------------------------------------------ public API: settings */

/* Returns: the working days, or 15 (the national rule) when the setting is missing or broken */
int
ld_store_get_default_time_limit (LdStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 row_id;
  gint64 days;

  g_return_val_if_fail (LD_IS_STORE (self), DEFAULT_TIME_LIMIT);

  if (!find_setting (self, TIME_LIMIT_SETTING, &row_id, &value, &error))
    {
      g_debug ("Using the default time limit: %s", error->message);
      return DEFAULT_TIME_LIMIT;
    }

  if (value == NULL
      || !g_ascii_string_to_signed (value, 10, 1, TIME_LIMIT_MAX, &days, NULL))
    return DEFAULT_TIME_LIMIT;

  return (int) days;
}

gboolean
ld_store_set_default_time_limit (LdStore  *self,
                                 int       days,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  gint64 row_id;

  g_return_val_if_fail (LD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (days < 1 || days > TIME_LIMIT_MAX)
    {
      g_set_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                   /* Translators: %d is the largest number allowed */
                   _("Use between 1 and %d working days"), TIME_LIMIT_MAX);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  if (!find_setting (self, TIME_LIMIT_SETTING, &row_id, &value, error))
    goto fail;

  if (row_id != 0)
    stmt = prepare (self, "UPDATE settings SET value = ?1 WHERE id = ?2",
                    _("Saving the time limit"), error);
  else
    stmt = prepare (self, "INSERT INTO settings (station_id, key, value) VALUES (NULL, ?2, ?1)",
                    _("Saving the time limit"), error);
  if (stmt == NULL)
    goto fail;

  text = g_strdup_printf ("%d", days);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (row_id != 0)
    sqlite3_bind_int64 (stmt, 2, row_id);
  else
    sqlite3_bind_text (stmt, 2, TIME_LIMIT_SETTING, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, _("Saving the time limit"), error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!ld_database_commit (self->database, error))
    return FALSE;

  emit_changed (self, "settings", 0);
  return TRUE;

fail:
  ld_database_rollback (self->database);
  return FALSE;
}

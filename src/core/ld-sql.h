/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "ld-store.h"

G_BEGIN_DECLS

/* Small statement helpers for the stores (src/core only). Errors are in plain words through
 * ld_database_set_error_from_sqlite(), with @what saying what was being done. */

/* The store's open connection, or NULL with "the database is closed". */
sqlite3      *ld_sql_get_handle   (LdStore       *store,
                                   GError       **error);
sqlite3_stmt *ld_sql_prepare      (sqlite3       *db,
                                   const char    *sql,
                                   const char    *what,
                                   GError       **error);
/* Steps a statement whose rows do not matter, then resets it and clears its bindings. */
gboolean      ld_sql_step_done    (sqlite3       *db,
                                   sqlite3_stmt  *stmt,
                                   const char    *what,
                                   GError       **error);
/* Empty or NULL text binds NULL; id 0 binds NULL. */
void          ld_sql_bind_text    (sqlite3_stmt  *stmt,
                                   int            index,
                                   const char    *text);
void          ld_sql_bind_id      (sqlite3_stmt  *stmt,
                                   int            index,
                                   gint64         id);
/* (nullable): the column's text. */
const char   *ld_sql_column_text  (sqlite3_stmt  *stmt,
                                   int            column);
/* Appends @text to @json as a JSON string, or null for NULL. */
void          ld_sql_json_string  (GString       *json,
                                   const char    *text);

/* The rows of one record's timeline, oldest first, as LdTimelineEntry (ld-concern-store.h):
 * the concerns' and the suggestions' timelines share one table and one shape, told apart by
 * @owner_column ("concern_id" or "suggestion_id"), and differ only in which state ids
 * @state_from_id turns into numbers. */
GPtrArray    *ld_sql_read_timeline (LdStore      *store,
                                    const char   *owner_column,
                                    gint64        owner_id,
                                    int         (*state_from_id) (const char *id),
                                    const char   *what,
                                    GError      **error);

/* The write transaction of a record store: BEGIN IMMEDIATE on the store's database; commit
 * rolls back when COMMIT fails. */
gboolean      ld_sql_begin        (LdStore       *store,
                                   GError       **error);
gboolean      ld_sql_commit       (LdStore       *store,
                                   GError       **error);
void          ld_sql_rollback     (LdStore       *store);
/* Every timeline row names who did it: LD_VALIDATION_ERROR_REQUIRED for an empty @operator. */
gboolean      ld_sql_check_operator (const char  *operator,
                                     GError     **error);

G_END_DECLS

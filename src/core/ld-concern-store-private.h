/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ld-concern-store.h"

G_BEGIN_DECLS

/*
 * For the suggestion store, which changes the concerns a suggestion is built from inside its
 * own transaction: the steps of ld_concern_store_transition() and of a timeline row without
 * the BEGIN, COMMIT, rollback or ::changed, which stay the caller's. On failure the caller
 * rolls back. @db is ld_sql_get_handle() of @store, in a transaction already open.
 */

/* Takes @action on concern @id as ld_concern_store_transition() does; @from (optional) gets the
 * state it left. */
gboolean  _ld_concern_store_transition_in  (LdStore                    *store,
                                            sqlite3                    *db,
                                            gint64                      id,
                                            LdConcernAction             action,
                                            const LdConcernTransition  *args,
                                            const char                 *operator,
                                            LdConcernState             *from,
                                            GError                    **error);
/* Appends a row to concern @concern_id's timeline (@action a snake_case id such as
 * "suggestion_answered"; states -1 for none, @changes a JSON object or NULL). */
gboolean  _ld_concern_store_append_timeline (sqlite3                   *db,
                                            gint64                      concern_id,
                                            const char                 *operator,
                                            const char                 *action,
                                            int                         from_state,
                                            int                         to_state,
                                            const char                 *note,
                                            const char                 *changes,
                                            GError                    **error);

G_END_DECLS

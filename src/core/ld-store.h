/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-station.h"
#include "ld-unit.h"

G_BEGIN_DECLS

/*
 * The only place with SQL for records. Every write runs in ld_database_begin_immediate() …
 * commit and then emits ::changed (kind, id) so that every open view refreshes; id is 0 when
 * several rows changed. Kinds: "station", "deputy", "unit", "list", "settings", "event".
 *
 * Threads: the store may be used from a worker thread (a long import), on the same connection,
 * which SQLite serialises. A write waits for a transaction that another thread has open to
 * close, up to the busy timeout, instead of writing into it; a read meanwhile sees that
 * transaction's rows before they are committed. ::changed is always emitted in
 * the thread that called ld_store_new(), so that handlers (widgets) run on the main thread: a
 * write made in another thread emits it later, from an idle callback of the main context that
 * was thread-default at ld_store_new(), after the write has returned.
 */

#define LD_TYPE_STORE (ld_store_get_type ())

G_DECLARE_FINAL_TYPE (LdStore, ld_store, LD, STORE, GObject)

typedef enum
{
  LD_DEPUTY_SORT_NAME,
  LD_DEPUTY_SORT_LEVEL,
  LD_DEPUTY_SORT_GROUP,
  LD_DEPUTY_SORT_CONSTITUENCY,
  LD_DEPUTY_SORT_STATION,
} LdDeputySort;

/* What the deputies list shows. Strings may be NULL (no filter). @search matches the name,
 * its pinyin initials, phone, group, constituency and workplace. */
typedef struct
{
  const char   *search;
  const char   *level;
  const char   *group;
  int           active;         /* -1 all, 0 retired, 1 active */
  LdDeputySort  sort;
  gboolean      descending;
} LdDeputyQuery;

typedef enum
{
  LD_DELETE_DELETED,  /* removed; ld_store_undelete_deputy() can bring it back */
  LD_DELETE_RETIRED,  /* referenced by records, so retired instead */
} LdDeleteOutcome;

LdStore     *ld_store_new                  (LdDatabase          *database);
LdDatabase  *ld_store_get_database         (LdStore             *self);
/* Emits ::changed as the store's own writes do (in the thread that made the store), for the
 * stores of other records that share this one's connection (ld-calendar-store). */
void         ld_store_emit_changed         (LdStore             *self,
                                            const char          *kind,
                                            gint64               id);

/* ------------------------------------------------------------------ stations */

/* Returns: (transfer full) (nullable): this desk's station (the first one), or NULL on a new
 * database: the app then asks for the profile before anything else. */
LdStation   *ld_store_get_station          (LdStore             *self,
                                            GError             **error);
GPtrArray   *ld_store_list_stations        (LdStore             *self,
                                            GError             **error);
/* Inserts when the id is 0 (and sets it), updates otherwise. Validates first. */
gboolean     ld_store_save_station         (LdStore             *self,
                                            LdStation           *station,
                                            GError             **error);

/* ------------------------------------------------------------------ deputies */

LdDeputy    *ld_store_get_deputy           (LdStore             *self,
                                            gint64               id,
                                            GError             **error);
/* Inserts when the id is 0 (and sets id and uuid), updates otherwise. Validates first and
 * normalises the phone; a deputy of the same name and phone already there is
 * LD_VALIDATION_ERROR_INVALID. The deputy is unchanged when it fails. */
gboolean     ld_store_save_deputy          (LdStore             *self,
                                            LdDeputy            *deputy,
                                            GError             **error);
/* Inserts every deputy of @deputies (new ones, id 0) in one transaction, or none when one of
 * them cannot be saved; for an import. ::changed is emitted once, with id 0. When a deputy is
 * refused, @failed_index (optional) gets its index and the error is its problem alone, for the
 * caller to say which one; without @failed_index the error starts with its position
 * ("Deputy 3: …"). It is G_MAXUINT unless one record is to blame (success, busy, commit). */
gboolean     ld_store_insert_deputies      (LdStore             *self,
                                            GPtrArray           *deputies,
                                            guint               *failed_index,
                                            GError             **error);
/* A deputy referenced by events, concerns or suggestions is retired, not deleted. */
gboolean     ld_store_delete_deputy        (LdStore             *self,
                                            gint64               id,
                                            LdDeleteOutcome     *outcome,
                                            GError             **error);
/* Undo of a deletion: inserts @deputy again with its id and uuid. */
gboolean     ld_store_undelete_deputy      (LdStore             *self,
                                            LdDeputy            *deputy,
                                            GError             **error);
/* The ids of the deputies @query selects, in its order. */
GArray      *ld_store_query_deputy_ids     (LdStore             *self,
                                            const LdDeputyQuery *query,
                                            GError             **error);
/* The deputies with these ids (any order in, same order out; missing ids are skipped). */
GPtrArray   *ld_store_load_deputies        (LdStore             *self,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
/* Distinct professional groups in use, sorted, for the filter. */
GStrv        ld_store_list_deputy_groups   (LdStore             *self,
                                            GError             **error);
/* A deputy of this name (and phone, when given) already in the roster, or 0. */
gint64       ld_store_find_deputy          (LdStore             *self,
                                            const char          *name,
                                            const char          *phone,
                                            GError             **error);

/* ------------------------------------------------------------------ handling units */

GPtrArray   *ld_store_list_units           (LdStore             *self,
                                            gboolean             include_hidden,
                                            GError             **error);
gboolean     ld_store_save_unit            (LdStore             *self,
                                            LdUnit              *unit,
                                            GError             **error);
/* Inserts every unit of @units (new ones, id 0, shared by every station) in one transaction,
 * or none; for an import. @failed_index as for ld_store_insert_deputies(). */
gboolean     ld_store_insert_units         (LdStore             *self,
                                            GPtrArray           *units,
                                            guint               *failed_index,
                                            GError             **error);
/* A unit referenced by concerns or suggestions is hidden instead (@outcome RETIRED). */
gboolean     ld_store_delete_unit          (LdStore             *self,
                                            gint64               id,
                                            LdDeleteOutcome     *outcome,
                                            GError             **error);
gint64       ld_store_find_unit            (LdStore             *self,
                                            const char          *name,
                                            GError             **error);

/* ------------------------------------------------------------------ editable lists */

GPtrArray   *ld_store_list_entries         (LdStore             *self,
                                            LdListKind           kind,
                                            gboolean             include_hidden,
                                            GError             **error);
gboolean     ld_store_save_entry           (LdStore             *self,
                                            LdListEntry         *entry,
                                            GError             **error);
/* An entry in use is hidden from new records instead (@outcome RETIRED). */
gboolean     ld_store_delete_entry         (LdStore             *self,
                                            LdListEntry         *entry,
                                            LdDeleteOutcome     *outcome,
                                            GError             **error);

/* ------------------------------------------------------------------ settings */

/* The general default time limit of a concern in working days (settings table). */
int          ld_store_get_default_time_limit (LdStore           *self);
gboolean     ld_store_set_default_time_limit (LdStore           *self,
                                              int                days,
                                              GError           **error);

G_END_DECLS

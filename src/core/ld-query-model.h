/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A lazy GListModel over a query (DESIGN.md, Scale): it holds the ids of the rows in order and
 * fetches the rows themselves a page at a time when a view asks for them, keeping a small cache.
 * The query is two functions: one that answers the ids in order, one that loads rows by id.
 */

typedef GArray    *(*LdQueryIdsFunc)  (gpointer       user_data,
                                       GError       **error);
typedef GPtrArray *(*LdQueryLoadFunc) (gpointer       user_data,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error);
/* The id of a loaded row, so the model can match rows to ids. */
typedef gint64     (*LdQueryIdOfFunc) (gpointer       item);

#define LD_TYPE_QUERY_MODEL (ld_query_model_get_type ())

G_DECLARE_FINAL_TYPE (LdQueryModel, ld_query_model, LD, QUERY_MODEL, GObject)

LdQueryModel *ld_query_model_new          (GType            item_type,
                                           LdQueryIdsFunc   ids_func,
                                           LdQueryLoadFunc  load_func,
                                           LdQueryIdOfFunc  id_of_func,
                                           gpointer         user_data,
                                           GDestroyNotify   user_data_free);
/* Runs the ids query again and tells the views what changed; rows are fetched anew. */
gboolean      ld_query_model_reload       (LdQueryModel    *self,
                                           GError         **error);
/* Forgets the cached row of @id (after an edit), announcing it as changed if it is listed. */
void          ld_query_model_invalidate   (LdQueryModel    *self,
                                           gint64           id);
guint         ld_query_model_find         (LdQueryModel    *self,
                                           gint64           id);
void          ld_query_model_set_page_size (LdQueryModel   *self,
                                            guint           page_size);
/* How many rows are cached (at most a few pages), for tests and benchmarks. */
guint         ld_query_model_get_n_cached  (LdQueryModel   *self);

G_END_DECLS

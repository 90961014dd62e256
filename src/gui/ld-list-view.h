/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ld-list-entry.h"
#include "ld-store.h"

G_BEGIN_DECLS

/*
 * The pieces the pages that list records in a column view share: the cell every text column
 * shows, one factory a column wired to the page's callbacks, the search, and the filter
 * drop-downs of "All …" and then the categories, units or deputies of the database.
 */

/* A one-line, left-aligned cell that ellipsizes, tall enough for Chinese text. */
GtkWidget  *ld_list_view_new_inscription        (void);
/* Gives each of @columns a factory whose callbacks get the column's index as their data and
 * find @page as the factory's "page" data; @unbind and @teardown may be NULL. */
void        ld_list_view_set_factories          (GtkColumnViewColumn **columns,
                                                 guint                 n_columns,
                                                 gpointer              page,
                                                 GCallback             setup,
                                                 GCallback             bind,
                                                 GCallback             unbind,
                                                 GCallback             teardown);

/* Fills @dropdown with @all and then @names, and *@ids_out with @ids, the id behind each name.
 * The entry of *@current stays chosen while it still exists; when it is gone, *@current
 * becomes 0 (all). */
void        ld_list_view_fill_dropdown          (GtkDropDown          *dropdown,
                                                 GArray              **ids_out,
                                                 gint64               *current,
                                                 const char           *all,
                                                 GPtrArray            *names,
                                                 GArray               *ids);
/* The same, with the entries of list @kind, the units or the deputies of @store (nullable),
 * hidden and retired ones included: a filter still finds the records that name them. */
void        ld_list_view_fill_entries_dropdown  (GtkDropDown          *dropdown,
                                                 GArray              **ids_out,
                                                 gint64               *current,
                                                 const char           *all,
                                                 LdStore              *store,
                                                 LdListKind            kind);
void        ld_list_view_fill_units_dropdown    (GtkDropDown          *dropdown,
                                                 GArray              **ids_out,
                                                 gint64               *current,
                                                 const char           *all,
                                                 LdStore              *store);
void        ld_list_view_fill_deputies_dropdown (GtkDropDown          *dropdown,
                                                 GArray              **ids_out,
                                                 gint64               *current,
                                                 const char           *all,
                                                 LdStore              *store);
/* The stripped text of @entry into *@search (NULL when there is none); whether it changed, so
 * that the caller queries again only then. */
gboolean    ld_list_view_take_search            (GtkSearchEntry       *entry,
                                                 char                **search);

/* The id behind drop-down @position of a drop-down filled above, 0 for "All …" or none. */
gint64      ld_list_view_id_at                  (GArray               *ids,
                                                 guint                 position);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Which column a GtkColumnView sorts by, for lists whose sorting runs in SQL. GTK 4.8 has no
 * getter for it (4.10 does), but the view's sorter consults the sorters of the columns in sort
 * order: each sortable column gets a probe sorter, the first probe asked names the primary
 * column, and the sign of the answer is its direction.
 */

typedef struct _LdColumnSort LdColumnSort;

LdColumnSort *ld_column_sort_new        (GtkColumnView       *view);
void          ld_column_sort_free       (LdColumnSort        *self);
/* Makes @column sortable; @sort is the caller's value for it (an enum, ≥ 0). */
void          ld_column_sort_add_column (LdColumnSort        *self,
                                         GtkColumnViewColumn *column,
                                         int                  sort);
/* The @sort of the primary column and its direction, or -1 when the view is not sorted. */
int           ld_column_sort_read       (LdColumnSort        *self,
                                         gboolean            *descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdColumnSort, ld_column_sort_free)

G_END_DECLS

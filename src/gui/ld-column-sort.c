/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-column-sort"

#include "config.h"

#include "ld-column-sort.h"

typedef struct
{
  LdColumnSort *owner;
  int           sort;
} Probe;

struct _LdColumnSort
{
  /* Borrowed */
  GtkColumnView *view;

  /* Owned */
  GObject       *items[2];
  GPtrArray     *probes;    /* Probe *, at stable addresses for the sorters */
  int            probed;
};

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  Probe *probe = data;

  if (probe->owner->probed < 0)
    probe->owner->probed = probe->sort;
  return -1;
}

LdColumnSort *
ld_column_sort_new (GtkColumnView *view)
{
  LdColumnSort *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_new0 (LdColumnSort, 1);
  self->view = view;
  self->items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->items[1] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probes = g_ptr_array_new_with_free_func (g_free);
  self->probed = -1;
  return self;
}

void
ld_column_sort_free (LdColumnSort *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->items[0]);
  g_clear_object (&self->items[1]);
  g_ptr_array_unref (self->probes);
  g_free (self);
}

void
ld_column_sort_add_column (LdColumnSort        *self,
                           GtkColumnViewColumn *column,
                           int                  sort)
{
  g_autoptr(GtkSorter) sorter = NULL;
  Probe *probe;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (sort >= 0);

  probe = g_new (Probe, 1);
  probe->owner = self;
  probe->sort = sort;
  g_ptr_array_add (self->probes, probe);

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, probe, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

int
ld_column_sort_read (LdColumnSort *self,
                     gboolean     *descending)
{
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_val_if_fail (self != NULL, -1);

  sorter = gtk_column_view_get_sorter (self->view);
  self->probed = -1;
  order = gtk_sorter_compare (sorter, self->items[0], self->items[1]);
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return self->probed;
}

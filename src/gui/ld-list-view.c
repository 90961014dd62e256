/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-list-view"

#include "config.h"

#include "ld-deputy.h"
#include "ld-list-view.h"
#include "ld-unit.h"

/* ------------------------------------------------------------------ cells */

GtkWidget *
ld_list_view_new_inscription (void)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  int line_height;

  /* Inscriptions are made for list cells: unlike labels they do not measure their text, and
   * GTK 4.8 keeps about 200 rows bound, all of them rebound after a new sort. */
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  /* An inscription is as tall as the interface font's line; Chinese text drawn with a CJK
   * fallback font is taller and would lose its lowest strokes. */
  layout = gtk_widget_create_pango_layout (inscription, "国");
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  gtk_widget_set_size_request (inscription, -1, line_height);

  return inscription;
}

void
ld_list_view_set_factories (GtkColumnViewColumn **columns,
                            guint                 n_columns,
                            gpointer              page,
                            GCallback             setup,
                            GCallback             bind,
                            GCallback             unbind,
                            GCallback             teardown)
{
  g_return_if_fail (columns != NULL || n_columns == 0);
  g_return_if_fail (setup != NULL && bind != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "page", page);
      g_signal_connect (factory, "setup", setup, GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (i));
      if (unbind)
        g_signal_connect (factory, "unbind", unbind, GINT_TO_POINTER (i));
      if (teardown)
        g_signal_connect (factory, "teardown", teardown, GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

/* ------------------------------------------------------------------ filters */

gboolean
ld_list_view_take_search (GtkSearchEntry  *entry,
                          char           **search)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_SEARCH_ENTRY (entry), FALSE);
  g_return_val_if_fail (search != NULL, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  if (g_strcmp0 (text, *search) == 0)
    return FALSE;

  g_free (*search);
  *search = g_steal_pointer (&text);
  return TRUE;
}


void
ld_list_view_fill_dropdown (GtkDropDown  *dropdown,
                            GArray      **ids_out,
                            gint64       *current,
                            const char   *all,
                            GPtrArray    *names,
                            GArray       *ids)
{
  g_autoptr(GtkStringList) list = NULL;
  guint selected = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (ids_out != NULL && current != NULL);
  g_return_if_fail (names != NULL && ids != NULL && names->len == ids->len);

  list = gtk_string_list_new ((const char * const []) { all, NULL });
  for (guint i = 0; i < ids->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (names, i));
      if (g_array_index (ids, gint64, i) == *current)
        selected = i + 1;
    }

  g_clear_pointer (ids_out, g_array_unref);
  *ids_out = g_array_ref (ids);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
  if (gtk_drop_down_get_selected (dropdown) == 0)
    *current = 0;
}

void
ld_list_view_fill_entries_dropdown (GtkDropDown  *dropdown,
                                    GArray      **ids_out,
                                    gint64       *current,
                                    const char   *all,
                                    LdStore      *store,
                                    LdListKind    kind)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store)
    entries = ld_store_list_entries (store, kind, TRUE, NULL);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (entries, i);
      gint64 id = ld_list_entry_get_id (entry);

      g_ptr_array_add (names, (gpointer) ld_list_entry_get_display_name (entry));
      g_array_append_val (ids, id);
    }

  ld_list_view_fill_dropdown (dropdown, ids_out, current, all, names, ids);
}

void
ld_list_view_fill_units_dropdown (GtkDropDown  *dropdown,
                                  GArray      **ids_out,
                                  gint64       *current,
                                  const char   *all,
                                  LdStore      *store)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store)
    units = ld_store_list_units (store, TRUE, NULL);
  for (guint i = 0; units && i < units->len; i++)
    {
      LdUnit *unit = g_ptr_array_index (units, i);
      gint64 id = ld_unit_get_id (unit);

      g_ptr_array_add (names, (gpointer) ld_unit_get_name (unit));
      g_array_append_val (ids, id);
    }

  ld_list_view_fill_dropdown (dropdown, ids_out, current, all, names, ids);
}

void
ld_list_view_fill_deputies_dropdown (GtkDropDown  *dropdown,
                                     GArray      **ids_out,
                                     gint64       *current,
                                     const char   *all,
                                     LdStore      *store)
{
  LdDeputyQuery query = { .active = -1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store)
    all_ids = ld_store_query_deputy_ids (store, &query, NULL);
  if (all_ids && all_ids->len > 0)
    deputies = ld_store_load_deputies (store, (const gint64 *) all_ids->data, all_ids->len, NULL);
  for (guint i = 0; deputies && i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      gint64 id = ld_deputy_get_id (deputy);

      g_ptr_array_add (names, (gpointer) ld_deputy_get_name (deputy));
      g_array_append_val (ids, id);
    }

  ld_list_view_fill_dropdown (dropdown, ids_out, current, all, names, ids);
}

gint64
ld_list_view_id_at (GArray *ids,
                    guint   position)
{
  if (ids == NULL || position == GTK_INVALID_LIST_POSITION || position == 0
      || position > ids->len)
    return 0;

  return g_array_index (ids, gint64, position - 1);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-editor-parts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-editor-parts.h"
#include "ld-form.h"

/* ------------------------------------------------------------------ the deputies */

GPtrArray *
ld_editor_parts_load_deputies (LdStore *store,
                               GArray  *keep)
{
  LdDeputyQuery query = { .active = 1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) ids = NULL;

  if (store == NULL)
    return NULL;

  ids = ld_store_query_deputy_ids (store, &query, NULL);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; keep && i < keep->len; i++)
    {
      gint64 id = g_array_index (keep, gint64, i);

      if (id != 0 && !ld_editor_parts_contains_id (ids, id))
        g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return ld_store_load_deputies (store, (const gint64 *) ids->data, ids->len, NULL);
}

GtkWidget *
ld_editor_parts_new_deputy_row (LdDeputy  *deputy,
                                gboolean   checked,
                                GCallback  toggled,
                                gpointer   object)
{
  gint64 id;
  GtkWidget *row;
  GtkWidget *check;

  g_return_val_if_fail (LD_IS_DEPUTY (deputy), NULL);

  id = ld_deputy_get_id (deputy);
  row = adw_action_row_new ();
  check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ld_deputy_get_name (deputy));
  if (ld_deputy_get_constituency (deputy))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ld_deputy_get_constituency (deputy));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "name",
                          g_utf8_casefold (ld_deputy_get_name (deputy), -1), g_free);
  g_object_set_data_full (G_OBJECT (check), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect_object (check, "toggled", toggled, object, G_CONNECT_SWAPPED);

  return row;
}

gint64
ld_editor_parts_get_deputy_id (GtkCheckButton *check)
{
  gint64 *id;

  g_return_val_if_fail (GTK_IS_CHECK_BUTTON (check), 0);

  id = g_object_get_data (G_OBJECT (check), "deputy-id");
  return id ? *id : 0;
}

void
ld_editor_parts_sync_deputy_checks (GtkListBox *list,
                                    GArray     *checked,
                                    gint64      excluded)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 id;

      if (check == NULL)
        continue;
      id = ld_editor_parts_get_deputy_id (check);
      gtk_check_button_set_active (check, id != excluded
                                          && ld_editor_parts_contains_id (checked, id));
      gtk_widget_set_sensitive (row, id != excluded);
    }
}

gboolean
ld_editor_parts_filter_deputy_row (GtkListBoxRow *row,
                                   gpointer       search_entry)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (search_entry));
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  g_autofree char *folded = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;

  folded = g_utf8_casefold (search, -1);
  return name != NULL && strstr (name, folded) != NULL;
}

gboolean
ld_editor_parts_contains_id (GArray *ids,
                             gint64  id)
{
  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

void
ld_editor_parts_toggle_id (GArray   *checked,
                           gint64    id,
                           gboolean  active)
{
  g_return_if_fail (checked != NULL);

  if (active && id != 0 && !ld_editor_parts_contains_id (checked, id))
    g_array_append_val (checked, id);
  for (guint i = 0; !active && i < checked->len; i++)
    if (g_array_index (checked, gint64, i) == id)
      g_array_remove_index (checked, i--);
}

/* ------------------------------------------------------------------ unsaved work */

void
ld_editor_parts_ask_discard (GtkWindow         *editor,
                             AdwMessageDialog **question,
                             const char        *heading,
                             const char        *body,
                             GCallback          response_cb)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (question != NULL);

  if (*question)
    {
      gtk_window_present (GTK_WINDOW (*question));
      return;
    }

  dialog = ld_form_new_discard_dialog (editor, heading, body,
                                       "cancel", _("_Keep Editing"), _("_Discard"));
  g_signal_connect_object (dialog, "response", response_cb, editor, G_CONNECT_SWAPPED);

  *question = g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-record-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-form.h"
#include "ld-record-view.h"

/* ------------------------------------------------------------------ values */

char *
ld_record_view_dup_today (LdContext *context)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  now = ld_context_now (context);
  local = g_date_time_to_local (now);
  return g_date_time_format (local, "%Y-%m-%d");
}

char *
ld_record_view_format_local_time (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || *utc == '\0')
    return NULL;

  time = g_date_time_new_from_iso8601 (utc, NULL);
  if (time == NULL)
    return g_strdup (utc);
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

gboolean
ld_record_view_is_valid_date (const char *text)
{
  unsigned year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

void
ld_record_view_clear (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (container) || GTK_IS_GRID (container)
                    || GTK_IS_BOX (container));

  while ((child = gtk_widget_get_first_child (container)))
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

/* ------------------------------------------------------------------ the record */

GtkLabel *
ld_record_view_add_field (GtkGrid    *grid,
                          int        *row,
                          const char *name,
                          const char *value,
                          GtkAlign    valign)
{
  GtkWidget *name_label;
  GtkWidget *value_label;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  name_label = gtk_label_new (name);
  value_label = gtk_label_new (value && *value ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (name_label), 1.0);
  gtk_label_set_yalign (GTK_LABEL (name_label), 0.0);
  gtk_widget_set_valign (name_label, valign);
  if (valign == GTK_ALIGN_BASELINE)
    gtk_widget_set_valign (value_label, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (name_label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name_label, NULL, -1);

  gtk_grid_attach (grid, name_label, 0, *row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, *row, 1, 1);
  (*row)++;

  return GTK_LABEL (value_label);
}

void
ld_record_view_show_timeline (GtkListBox             *list,
                              GPtrArray              *entries,
                              const GError           *error,
                              LdTimelineDescribeFunc  describe)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (describe != NULL);

  ld_record_view_clear (GTK_WIDGET (list));

  if (entries == NULL)
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The timeline could not be read: %s"),
                                                  error ? error->message : "");
      GtkWidget *label = gtk_label_new (message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (list, label);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LdTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *what = describe (entry);
      g_autofree char *when = ld_record_view_format_local_time (entry->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (entry->note && *entry->note)
        /* Translators: a timeline row: time · operator, then the note on its own line */
        subtitle = g_strdup_printf (_("%s · %s\n%s"), when, entry->operator ? entry->operator : "",
                                    entry->note);
      else
        /* Translators: a timeline row: time · operator */
        subtitle = g_strdup_printf (_("%s · %s"), when, entry->operator ? entry->operator : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (list, row);
    }
}

void
ld_record_view_show_error (GtkStack      *stack,
                           AdwStatusPage *page,
                           const GError  *error,
                           const char    *missing)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  escaped = g_markup_escape_text (error ? error->message : missing, -1);
  adw_status_page_set_description (page, escaped);
  gtk_stack_set_visible_child_name (stack, "error");
}

GtkWidget *
ld_record_view_add_action_button (GtkBox     *box,
                                  const char *label,
                                  int         action,
                                  gboolean    suggested,
                                  GCallback   clicked,
                                  gpointer    object)
{
  GtkWidget *button;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  button = gtk_button_new_with_label (label);
  g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (action));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", clicked, object, G_CONNECT_SWAPPED);
  gtk_box_append (box, button);

  return button;
}

int
ld_record_view_get_button_action (GtkButton *button)
{
  g_return_val_if_fail (GTK_IS_BUTTON (button), -1);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action"));
}

/* ------------------------------------------------------------------ a step's dialog */

GtkWindow *
ld_record_view_new_dialog (GtkWindow   *parent,
                           const char  *title,
                           const char  *opening_label,
                           int          width,
                           GCallback    commit,
                           gpointer     data,
                           GtkBox     **box)
{
  g_autofree char *commit_label = ld_form_dup_commit_label (opening_label);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *commit_button = gtk_button_new_with_label (commit_label);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (box != NULL, NULL);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, -1);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), commit_button);
  gtk_widget_add_css_class (commit_button, "suggested-action");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (commit_button, "clicked", commit, data);
  gtk_window_set_default_widget (GTK_WINDOW (window), commit_button);

  gtk_widget_set_margin_top (column, 12);
  gtk_widget_set_margin_bottom (column, 18);
  gtk_widget_set_margin_start (column, 18);
  gtk_widget_set_margin_end (column, 18);

  *box = GTK_BOX (column);
  return GTK_WINDOW (window);
}

GtkLabel *
ld_record_view_add_dialog_error (GtkBox *box)
{
  GtkWidget *error_label;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_widget_set_margin_top (error_label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_box_append (box, error_label);

  return GTK_LABEL (error_label);
}

void
ld_record_view_set_dialog_error (GtkLabel   *error_label,
                                 const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_text (error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), message != NULL);
}

void
ld_record_view_present_dialog (GtkWindow *dialog,
                               GtkBox    *box,
                               GtkWidget *focus)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (GTK_IS_BOX (box));

  gtk_window_set_child (dialog, GTK_WIDGET (box));
  if (focus)
    gtk_window_set_focus (dialog, focus);
  gtk_window_present (dialog);
}

GtkWidget *
ld_record_view_add_dialog_label (GtkBox     *box,
                                 const char *text,
                                 GtkWidget  *mnemonic_widget)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  label = gtk_label_new_with_mnemonic (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_box_append (box, label);

  return label;
}

GtkTextView *
ld_record_view_add_text_field (GtkBox     *box,
                               const char *title)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  ld_record_view_add_dialog_label (box, title, view);
  gtk_box_append (box, frame);

  return GTK_TEXT_VIEW (view);
}

GtkEntry *
ld_record_view_add_date_field (GtkBox     *box,
                               const char *title,
                               const char *value)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  ld_record_view_add_dialog_label (box, title, entry);
  gtk_box_append (box, entry);

  return GTK_ENTRY (entry);
}

GtkDropDown *
ld_record_view_add_dropdown (GtkBox        *box,
                             const char    *title,
                             GtkStringList *names)
{
  GtkWidget *dropdown;

  g_return_val_if_fail (GTK_IS_STRING_LIST (names), NULL);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  ld_record_view_add_dialog_label (box, title, dropdown);
  gtk_box_append (box, dropdown);

  return GTK_DROP_DOWN (dropdown);
}

GtkLabel *
ld_record_view_add_hint (GtkBox *box)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "accent");
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

char *
ld_record_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (view == NULL)
    return NULL;

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* ------------------------------------------------------------------ the next step */

void
ld_record_view_offer_step (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           const char *response,
                           const char *label,
                           GCallback   response_cb,
                           gpointer    object)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (response != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", response_cb, object, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

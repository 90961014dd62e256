/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-concern-editor.h"
#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deputy.h"
#include "ld-mask.h"
#include "ld-store.h"
#include "ld-unit.h"

/*
 * One concern with all it records, its timeline, and a button for each step the workflow allows
 * in its state. It is a window of its own, not a page pushed over the list: a clerk on the phone
 * with a unit keeps the list (and other concerns) open beside it, and the list stays where it
 * was scrolled to in a million rows.
 */

struct _LdConcernPage
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkLabel          *subject_label;
  GtkWidget         *confidential_badge;
  GtkLabel          *state_label;
  GtkBox            *actions_box;
  GtkGrid           *fields_grid;
  GtkLabel          *details_label;
  GtkListBox        *timeline_list;
  AdwStatusPage     *error_page;

  /* Owned */
  LdContext         *context;
  LdStore           *store;
  LdConcern         *concern;

  gint64             concern_id;
  gboolean           show_phone;

  /* Borrowed: the phone's value in the fields */
  GtkLabel          *phone_label;
};

/* What one action's dialog holds while it is open. */
typedef struct
{
  LdConcernPage   *page;     /* borrowed: the dialog dies with the page */
  LdConcernAction  action;
  GtkWindow       *window;
  GtkDropDown     *unit_dropdown;
  GArray          *unit_ids;
  GtkDropDown     *reason_dropdown;
  GtkLabel        *advice_label;
  GtkDropDown     *satisfaction_dropdown;
  GtkEntry        *date_entry;
  GtkLabel        *due_label;
  GtkTextView     *text_view;
  GtkLabel        *error_label;
} ActionDialog;

static void store_changed_cb (LdConcernPage *self,
                              const char    *kind,
                              gint64         id);

G_DEFINE_FINAL_TYPE (LdConcernPage, ld_concern_page, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ helpers */

static char *
dup_today (LdConcernPage *self)
{
  g_autoptr(GDateTime) now = ld_context_now (self->context);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
format_local_time (const char *utc)
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

static gboolean
is_valid_date (const char *text)
{
  unsigned year, month, day;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static const char *
place_kind_to_string (const char *kind)
{
  if (g_strcmp0 (kind, "enterprise") == 0)
    return C_("place", "Enterprise");
  if (g_strcmp0 (kind, "community") == 0)
    return C_("place", "Community");
  if (g_strcmp0 (kind, "village") == 0)
    return C_("place", "Village");
  if (g_strcmp0 (kind, "constituency") == 0)
    return C_("place", "Constituency");
  return NULL;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

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

/* One "name: value" row of the fields; an empty value shows as a dash. */
static GtkLabel *
add_field (LdConcernPage *self,
           int           *row,
           const char    *name,
           const char    *value)
{
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *value_label = gtk_label_new (value && *value ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (name_label), 1.0);
  gtk_label_set_yalign (GTK_LABEL (name_label), 0.0);
  gtk_widget_set_valign (name_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (name_label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name_label, NULL, -1);

  gtk_grid_attach (self->fields_grid, name_label, 0, *row, 1, 1);
  gtk_grid_attach (self->fields_grid, value_label, 1, *row, 1, 1);
  (*row)++;

  return GTK_LABEL (value_label);
}

static char *
dup_deputy_names (LdConcernPage *self)
{
  GArray *ids = ld_concern_get_deputy_ids (self->concern);
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids == NULL || ids->len == 0)
    return NULL;

  deputies = ld_store_load_deputies (self->store, (const gint64 *) ids->data, ids->len, NULL);
  for (guint i = 0; deputies && i < deputies->len; i++)
    {
      if (names->len > 0)
        /* Translators: between the names of deputies in a list */
        g_string_append (names, _(", "));
      g_string_append (names, ld_deputy_get_name (g_ptr_array_index (deputies, i)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
phone_toggled_cb (LdConcernPage   *self,
                  GtkToggleButton *toggle);

static void
update_fields (LdConcernPage *self)
{
  LdConcern *concern = self->concern;
  g_autofree char *received = format_local_time (ld_concern_get_received_at (concern));
  g_autofree char *deputies = dup_deputy_names (self);
  g_autofree char *masked_phone = ld_mask_phone (ld_concern_get_resident_phone (concern));
  g_autofree char *today = dup_today (self);
  g_autofree char *place = NULL;
  const char *phone = ld_concern_get_resident_phone (concern);
  const char *place_kind = place_kind_to_string (ld_concern_get_place_kind (concern));
  const char *urgency = ld_concern_get_urgency (concern);
  const char *satisfaction = ld_concern_get_satisfaction (concern);
  GtkLabel *label;
  int row = 0;

  self->phone_label = NULL;
  clear_container (GTK_WIDGET (self->fields_grid));

  add_field (self, &row, _("Received"), received);
  add_field (self, &row, _("Channel"), ld_concern_get_channel_name (concern));
  add_field (self, &row, _("Receiving Deputies"), deputies);
  add_field (self, &row, _("Resident"), ld_concern_get_resident_name (concern));

  label = add_field (self, &row, _("Phone"), self->show_phone ? phone : masked_phone);
  self->phone_label = label;
  if (phone && *phone)
    {
      GtkWidget *value = GTK_WIDGET (label);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (_("_Show"));

      g_object_ref (value);
      gtk_grid_remove (self->fields_grid, value);
      gtk_widget_set_hexpand (value, FALSE);
      /* A phone number is one word: never broken over two lines. */
      gtk_label_set_wrap (GTK_LABEL (value), FALSE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_box_append (GTK_BOX (box), value);
      g_object_unref (value);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), self->show_phone);
      gtk_widget_set_tooltip_text (toggle, _("Show the whole phone number"));
      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (phone_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), toggle);
      gtk_grid_attach (self->fields_grid, box, 1, row - 1, 1, 1);
    }

  add_field (self, &row, _("Address"), ld_concern_get_resident_address (concern));
  add_field (self, &row, _("Community or Village"),
             ld_concern_get_resident_community (concern));
  add_field (self, &row, _("Category"), ld_concern_get_category_name (concern));
  if (place_kind && ld_concern_get_place (concern))
    /* Translators: a place and its kind, "东湖社区 (Community)" */
    place = g_strdup_printf (_("%s (%s)"), ld_concern_get_place (concern), place_kind);
  else
    place = g_strdup (ld_concern_get_place (concern));
  add_field (self, &row, _("Place"), place);
  add_field (self, &row, _("Urgency"),
             g_strcmp0 (urgency, "urgent") == 0 ? C_("urgency", "Urgent")
                                                : C_("urgency", "Normal"));
  add_field (self, &row, _("Status"), ld_concern_state_to_string (ld_concern_get_state (concern)));
  if (ld_concern_get_redirect_reason (concern))
    add_field (self, &row, _("Redirected Because"),
               ld_redirect_reason_to_string (ld_concern_get_redirect_reason (concern)));
  add_field (self, &row, _("Handling Unit"), ld_concern_get_unit_name (concern));
  add_field (self, &row, _("Referred On"), ld_concern_get_referred_date (concern));

  label = add_field (self, &row, _("Due"), ld_concern_get_due_date (concern));
  if (ld_concern_is_overdue (concern, today))
    {
      g_autofree char *text = g_strdup_printf ("%s — %s", ld_concern_get_due_date (concern),
                                               _("Overdue"));

      gtk_label_set_text (label, text);
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }

  add_field (self, &row, _("Outcome"), ld_concern_get_outcome (concern));
  add_field (self, &row, _("Concluded On"), ld_concern_get_concluded_date (concern));
  add_field (self, &row, _("Feedback On"), ld_concern_get_feedback_date (concern));
  add_field (self, &row, _("Satisfaction"),
             satisfaction ? ld_satisfaction_to_string (satisfaction) : NULL);
}

static void
update_timeline (LdConcernPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  clear_container (GTK_WIDGET (self->timeline_list));

  entries = ld_concern_store_timeline (self->store, self->concern_id, &error);
  if (entries == NULL)
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The timeline could not be read: %s"),
                                                  error->message);
      GtkWidget *label = gtk_label_new (message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->timeline_list, label);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LdTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *what = ld_timeline_entry_describe (entry);
      g_autofree char *when = format_local_time (entry->at);
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
      gtk_list_box_append (self->timeline_list, row);
    }
}

static void
action_button_clicked_cb (LdConcernPage *self,
                          GtkButton     *button)
{
  LdConcernAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action"));

  ld_concern_page_start_action (self, action);
}

static void
update_actions (LdConcernPage *self)
{
  guint n_actions = 0;
  const LdConcernAction *actions =
    ld_workflow_concern_actions (ld_concern_get_state (self->concern), &n_actions);

  clear_container (GTK_WIDGET (self->actions_box));

  for (guint i = 0; i < n_actions; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (ld_concern_action_to_label (actions[i]));

      g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (actions[i]));
      if (i == 0 && actions[i] != LD_CONCERN_ACTION_NOTE)
        gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (action_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->actions_box, button);
    }
}

static void
show_error (LdConcernPage *self,
            const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error ? error->message
                                                         : _("This concern no longer exists."),
                                                   -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.edit", FALSE);
}

static void
reload (LdConcernPage *self)
{
  g_autoptr(LdConcern) concern = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  const char *details;

  if (self->store == NULL)
    return;

  concern = ld_concern_store_get (self->store, self->concern_id, &error);
  if (concern == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->concern, concern);

  reference = ld_concern_dup_reference (concern);
  /* Translators: the concern window's title, with its reference number */
  title = g_strdup_printf (_("Concern %s"), reference ? reference : "");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, ld_concern_get_category_name (concern));

  gtk_label_set_text (self->subject_label, ld_concern_get_subject (concern));
  gtk_widget_set_visible (self->confidential_badge, ld_concern_get_confidential (concern));
  gtk_label_set_text (self->state_label, ld_concern_state_to_string (ld_concern_get_state (concern)));
  details = ld_concern_get_details (concern);
  gtk_label_set_text (self->details_label, details != NULL ? details : "");

  update_fields (self);
  update_actions (self);
  update_timeline (self);

  gtk_stack_set_visible_child_name (self->stack, "concern");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.edit", TRUE);
}

/* ------------------------------------------------------------------ the action dialogs */

static void
action_dialog_free (gpointer data)
{
  ActionDialog *dialog = data;

  g_clear_pointer (&dialog->unit_ids, g_array_unref);
  g_free (dialog);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (view == NULL)
    return NULL;

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_dialog_error (ActionDialog *dialog,
                  const char   *message)
{
  gtk_label_set_text (dialog->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (dialog->error_label), message != NULL);
}

/* The due date a referral made on the chosen date would get, while the clerk picks it. */
static void
update_due_date (ActionDialog *dialog)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (dialog->due_label == NULL)
    return;

  if (!is_valid_date (date))
    {
      gtk_label_set_text (dialog->due_label, _("Write the date as YYYY-MM-DD"));
      return;
    }

  due = ld_concern_store_due_date (dialog->page->store,
                                   ld_concern_get_category_id (dialog->page->concern), date,
                                   &error);
  if (due == NULL)
    {
      gtk_label_set_text (dialog->due_label, error ? error->message : "");
      return;
    }

  /* Translators: %s is a date, the deadline of the handling unit */
  text = g_strdup_printf (_("Due on %s"), due);
  gtk_label_set_text (dialog->due_label, text);
}

static void
reason_changed_cb (ActionDialog *dialog)
{
  const char * const *reasons = ld_redirect_reasons ();
  guint selected = gtk_drop_down_get_selected (dialog->reason_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  gtk_label_set_text (dialog->advice_label, ld_redirect_reason_advice (reasons[selected]));
}

static void
dissatisfied_response_cb (LdConcernPage *self,
                          const char    *response)
{
  if (g_strcmp0 (response, "reopen") == 0)
    ld_concern_page_start_action (self, LD_CONCERN_ACTION_REOPEN);
}

/* A dissatisfied resident usually means the concern is not done with. */
static void
offer_reopen (LdConcernPage *self)
{
  AdwMessageDialog *dialog;

  if (!ld_workflow_concern_allows (ld_concern_get_state (self->concern),
                                   LD_CONCERN_ACTION_REOPEN, NULL))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Resident Is Dissatisfied"),
                                                       _("Reopen the concern so that it can be "
                                                         "handled again?")));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "reopen", _("_Reopen…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reopen");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (dissatisfied_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
commit_clicked_cb (ActionDialog *dialog)
{
  LdConcernPage *self = dialog->page;
  const char * const *reasons = ld_redirect_reasons ();
  const char * const *satisfactions = ld_satisfactions ();
  g_autofree char *text = dup_text (dialog->text_view);
  g_autofree char *operator = ld_context_dup_operator (self->context);
  g_autoptr(GError) error = NULL;
  LdConcernTransition args = { 0 };
  gboolean dissatisfied = FALSE;

  if (dialog->date_entry)
    {
      const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));

      if (!is_valid_date (date))
        {
          set_dialog_error (dialog, _("Write the date as YYYY-MM-DD, for example 2026-03-15."));
          gtk_widget_grab_focus (GTK_WIDGET (dialog->date_entry));
          return;
        }
      args.date = date;
    }

  switch (dialog->action)
    {
    case LD_CONCERN_ACTION_ANSWER:
    case LD_CONCERN_ACTION_CONCLUDE:
      args.outcome = text && *text ? text : NULL;
      break;
    case LD_CONCERN_ACTION_REDIRECT:
      {
        guint selected = gtk_drop_down_get_selected (dialog->reason_dropdown);

        if (selected != GTK_INVALID_LIST_POSITION)
          args.redirect_reason = reasons[selected];
        args.note = text && *text ? text : NULL;
      }
      break;
    case LD_CONCERN_ACTION_REFER:
      {
        guint selected = gtk_drop_down_get_selected (dialog->unit_dropdown);

        if (selected != GTK_INVALID_LIST_POSITION && selected < dialog->unit_ids->len)
          args.unit_id = g_array_index (dialog->unit_ids, gint64, selected);
        args.note = text && *text ? text : NULL;
      }
      break;
    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      {
        guint selected = gtk_drop_down_get_selected (dialog->satisfaction_dropdown);

        if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
          args.satisfaction = satisfactions[selected - 1];
        dissatisfied = g_strcmp0 (args.satisfaction, "dissatisfied") == 0;
        args.note = text && *text ? text : NULL;
      }
      break;
    case LD_CONCERN_ACTION_CONVERT:
    case LD_CONCERN_ACTION_START:
    case LD_CONCERN_ACTION_CLOSE:
    case LD_CONCERN_ACTION_CHASE:
    case LD_CONCERN_ACTION_REOPEN:
    case LD_CONCERN_ACTION_NOTE:
      args.note = text && *text ? text : NULL;
      break;
    case LD_CONCERN_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  if (!ld_concern_store_transition (self->store, self->concern_id, dialog->action, &args,
                                    operator, &error))
    {
      /* What was typed stays, so the clerk only fixes what is missing. */
      set_dialog_error (dialog, error->message);
      return;
    }

  gtk_window_destroy (dialog->window);
  reload (self);

  if (dissatisfied)
    offer_reopen (self);
}

static GtkWidget *
add_dialog_label (GtkBox     *box,
                  const char *text,
                  GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_box_append (box, label);

  return label;
}

static GtkTextView *
add_text_field (GtkBox     *box,
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

  add_dialog_label (box, title, view);
  gtk_box_append (box, frame);

  return GTK_TEXT_VIEW (view);
}

static GtkEntry *
add_date_field (GtkBox     *box,
                const char *title,
                const char *today)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_widget_set_halign (entry, GTK_ALIGN_START);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  add_dialog_label (box, title, entry);
  gtk_box_append (box, entry);

  return GTK_ENTRY (entry);
}

static const char *
action_dialog_title (LdConcernAction action)
{
  switch (action)
    {
    case LD_CONCERN_ACTION_ANSWER:
      return _("Answer on the Spot");
    case LD_CONCERN_ACTION_REDIRECT:
      return _("Redirect the Resident");
    case LD_CONCERN_ACTION_REFER:
      return _("Refer to a Handling Unit");
    case LD_CONCERN_ACTION_CONVERT:
      return _("Convert into a Suggestion");
    case LD_CONCERN_ACTION_START:
      return _("Handling Started");
    case LD_CONCERN_ACTION_CONCLUDE:
      return _("Record the Conclusion");
    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      return _("Record the Feedback");
    case LD_CONCERN_ACTION_CLOSE:
      return _("Close the Concern");
    case LD_CONCERN_ACTION_CHASE:
      return _("Chase the Unit");
    case LD_CONCERN_ACTION_REOPEN:
      return _("Reopen the Concern");
    case LD_CONCERN_ACTION_NOTE:
      return _("Add a Note");
    case LD_CONCERN_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static GtkWindow *
open_action_dialog (LdConcernPage   *self,
                    LdConcernAction  action)
{
  ActionDialog *dialog = g_new0 (ActionDialog, 1);
  g_autofree char *today = dup_today (self);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *commit = gtk_button_new_with_label (ld_concern_action_to_label (action));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *focus = NULL;

  dialog->page = self;
  dialog->action = action;
  dialog->window = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "ld-action-dialog", dialog, action_dialog_free);

  gtk_window_set_title (GTK_WINDOW (window), action_dialog_title (action));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), commit);
  gtk_widget_add_css_class (commit, "suggested-action");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (commit, "clicked", G_CALLBACK (commit_clicked_cb), dialog);
  gtk_window_set_default_widget (GTK_WINDOW (window), commit);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  switch (action)
    {
    case LD_CONCERN_ACTION_REFER:
      {
        g_autoptr(GPtrArray) units = ld_store_list_units (self->store, FALSE, NULL);
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
        GtkWidget *due;

        dialog->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        for (guint i = 0; units && i < units->len; i++)
          {
            LdUnit *unit = g_ptr_array_index (units, i);
            gint64 id = ld_unit_get_id (unit);

            gtk_string_list_append (names, ld_unit_get_name (unit));
            g_array_append_val (dialog->unit_ids, id);
          }
        dialog->unit_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
        gtk_drop_down_set_enable_search (dialog->unit_dropdown, TRUE);
        add_dialog_label (GTK_BOX (box), _("Handling _Unit"), GTK_WIDGET (dialog->unit_dropdown));
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->unit_dropdown));
        focus = GTK_WIDGET (dialog->unit_dropdown);

        dialog->date_entry = add_date_field (GTK_BOX (box), _("_Referred On"), today);
        due = gtk_label_new (NULL);
        gtk_label_set_xalign (GTK_LABEL (due), 0.0);
        gtk_widget_add_css_class (due, "accent");
        dialog->due_label = GTK_LABEL (due);
        gtk_box_append (GTK_BOX (box), due);
        g_signal_connect_swapped (dialog->date_entry, "changed", G_CALLBACK (update_due_date),
                                  dialog);
        update_due_date (dialog);

        dialog->text_view = add_text_field (GTK_BOX (box), _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_ANSWER:
    case LD_CONCERN_ACTION_CONCLUDE:
      dialog->text_view = add_text_field (GTK_BOX (box),
                                          action == LD_CONCERN_ACTION_ANSWER
                                          ? _("What the Resident Was _Told")
                                          : _("What the Unit _Concluded"));
      focus = GTK_WIDGET (dialog->text_view);
      if (action == LD_CONCERN_ACTION_CONCLUDE)
        dialog->date_entry = add_date_field (GTK_BOX (box), _("Concluded _On"), today);
      break;

    case LD_CONCERN_ACTION_REDIRECT:
      {
        const char * const *reasons = ld_redirect_reasons ();
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
        GtkWidget *advice = gtk_label_new (NULL);

        for (guint i = 0; reasons[i]; i++)
          gtk_string_list_append (names, ld_redirect_reason_to_string (reasons[i]));
        dialog->reason_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
        add_dialog_label (GTK_BOX (box), _("_Reason"), GTK_WIDGET (dialog->reason_dropdown));
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->reason_dropdown));
        focus = GTK_WIDGET (dialog->reason_dropdown);

        add_dialog_label (GTK_BOX (box), _("Tell the Resident"), NULL);
        gtk_label_set_xalign (GTK_LABEL (advice), 0.0);
        gtk_label_set_wrap (GTK_LABEL (advice), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (advice), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_selectable (GTK_LABEL (advice), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (advice), 50);
        dialog->advice_label = GTK_LABEL (advice);
        gtk_box_append (GTK_BOX (box), advice);
        g_signal_connect_swapped (dialog->reason_dropdown, "notify::selected",
                                  G_CALLBACK (reason_changed_cb), dialog);
        reason_changed_cb (dialog);

        dialog->text_view = add_text_field (GTK_BOX (box), _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      {
        const char * const *satisfactions = ld_satisfactions ();
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        gtk_string_list_append (names, C_("satisfaction", "Not Asked"));
        for (guint i = 0; satisfactions[i]; i++)
          gtk_string_list_append (names, ld_satisfaction_to_string (satisfactions[i]));
        dialog->satisfaction_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
        add_dialog_label (GTK_BOX (box), _("_Satisfaction"),
                          GTK_WIDGET (dialog->satisfaction_dropdown));
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->satisfaction_dropdown));
        focus = GTK_WIDGET (dialog->satisfaction_dropdown);
        dialog->date_entry = add_date_field (GTK_BOX (box), _("Told _On"), today);
        dialog->text_view = add_text_field (GTK_BOX (box), _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_REOPEN:
      dialog->text_view = add_text_field (GTK_BOX (box), _("_Why It Is Reopened"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_ACTION_NOTE:
      dialog->text_view = add_text_field (GTK_BOX (box), _("_Note"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_ACTION_CONVERT:
    case LD_CONCERN_ACTION_START:
    case LD_CONCERN_ACTION_CLOSE:
    case LD_CONCERN_ACTION_CHASE:
      dialog->text_view = add_text_field (GTK_BOX (box), _("_Note (optional)"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_widget_set_margin_top (error_label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  dialog->error_label = GTK_LABEL (error_label);
  gtk_box_append (GTK_BOX (box), error_label);

  gtk_window_set_child (GTK_WINDOW (window), box);
  if (focus)
    gtk_window_set_focus (GTK_WINDOW (window), focus);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

/* ------------------------------------------------------------------ callbacks */

static void
phone_toggled_cb (LdConcernPage   *self,
                  GtkToggleButton *toggle)
{
  const char *phone = ld_concern_get_resident_phone (self->concern);
  g_autofree char *masked = ld_mask_phone (phone);

  self->show_phone = gtk_toggle_button_get_active (toggle);
  gtk_label_set_text (self->phone_label, self->show_phone ? phone : masked);
}

static void
store_changed_cb (LdConcernPage *self,
                  const char    *kind,
                  gint64         id)
{
  if (g_strcmp0 (kind, "concern") != 0 || (id != 0 && id != self->concern_id))
    return;

  reload (self);
}

/* ------------------------------------------------------------------ actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdConcernPage *self = LD_CONCERN_PAGE (widget);
  GtkWindow *editor;

  if (self->concern == NULL)
    return;

  editor = ld_concern_editor_new (self->context, self->concern);
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_concern_page_dispose (GObject *object)
{
  LdConcernPage *self = LD_CONCERN_PAGE (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->concern);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_CONCERN_PAGE);

  G_OBJECT_CLASS (ld_concern_page_parent_class)->dispose (object);
}

static void
ld_concern_page_class_init (LdConcernPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_concern_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-concern-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, subject_label);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, confidential_badge);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, LdConcernPage, error_page);

  gtk_widget_class_install_action (widget_class, "concern.edit", NULL, edit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ld_concern_page_init (LdConcernPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ public API */

GtkWindow *
ld_concern_page_new (GtkWindow *parent,
                     LdContext *context,
                     gint64     concern_id)
{
  LdConcernPage *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (concern_id > 0, NULL);

  self = g_object_new (LD_TYPE_CONCERN_PAGE,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->concern_id = concern_id;
  self->store = ld_context_get_store (context);
  if (self->store)
    {
      g_object_ref (self->store);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  reload (self);

  return GTK_WINDOW (self);
}

gint64
ld_concern_page_get_concern_id (LdConcernPage *self)
{
  g_return_val_if_fail (LD_IS_CONCERN_PAGE (self), 0);

  return self->concern_id;
}

GtkWindow *
ld_concern_page_start_action (LdConcernPage   *self,
                              LdConcernAction  action)
{
  g_return_val_if_fail (LD_IS_CONCERN_PAGE (self), NULL);
  g_return_val_if_fail (action < LD_CONCERN_N_ACTIONS, NULL);

  if (self->concern == NULL
      || !ld_workflow_concern_allows (ld_concern_get_state (self->concern), action, NULL))
    return NULL;

  return open_action_dialog (self, action);
}

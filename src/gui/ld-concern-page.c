/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-concern-editor.h"
#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deputy.h"
#include "ld-mask.h"
#include "ld-record-view.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
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

static GtkLabel *
add_field (LdConcernPage *self,
           int           *row,
           const char    *name,
           const char    *value)
{
  return ld_record_view_add_field (self->fields_grid, row, name, value, GTK_ALIGN_START);
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
  g_autofree char *received =
    ld_record_view_format_local_time (ld_concern_get_received_at (concern));
  g_autofree char *deputies = dup_deputy_names (self);
  g_autofree char *masked_phone = ld_mask_phone (ld_concern_get_resident_phone (concern));
  g_autofree char *today = ld_record_view_dup_today (self->context);
  g_autofree char *place = NULL;
  const char *phone = ld_concern_get_resident_phone (concern);
  const char *place_kind = place_kind_to_string (ld_concern_get_place_kind (concern));
  const char *urgency = ld_concern_get_urgency (concern);
  const char *satisfaction = ld_concern_get_satisfaction (concern);
  GtkLabel *label;
  int row = 0;

  self->phone_label = NULL;
  ld_record_view_clear (GTK_WIDGET (self->fields_grid));

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

  entries = ld_concern_store_timeline (self->store, self->concern_id, &error);
  ld_record_view_show_timeline (self->timeline_list, entries, error, ld_timeline_entry_describe);
}

static void
action_button_clicked_cb (LdConcernPage *self,
                          GtkButton     *button)
{
  LdConcernAction action = ld_record_view_get_button_action (button);

  ld_concern_page_start_action (self, action);
}

static void
update_actions (LdConcernPage *self)
{
  guint n_actions = 0;
  const LdConcernAction *actions =
    ld_workflow_concern_actions (ld_concern_get_state (self->concern), &n_actions);

  ld_record_view_clear (GTK_WIDGET (self->actions_box));

  for (guint i = 0; i < n_actions; i++)
    ld_record_view_add_action_button (self->actions_box, ld_concern_action_to_label (actions[i]),
                                      actions[i], i == 0 && actions[i] != LD_CONCERN_ACTION_NOTE,
                                      G_CALLBACK (action_button_clicked_cb), self);
}

static void
show_error (LdConcernPage *self,
            const GError  *error)
{
  ld_record_view_show_error (self->stack, self->error_page, error,
                             _("This concern no longer exists."));
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

  if (!ld_record_view_is_valid_date (date))
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
  if (!ld_workflow_concern_allows (ld_concern_get_state (self->concern),
                                   LD_CONCERN_ACTION_REOPEN, NULL))
    return;

  ld_record_view_offer_step (GTK_WINDOW (self), _("The Resident Is Dissatisfied"),
                             _("Reopen the concern so that it can be handled again?"),
                             "reopen", _("_Reopen…"), G_CALLBACK (dissatisfied_response_cb),
                             self);
}

static void
commit_clicked_cb (ActionDialog *dialog)
{
  LdConcernPage *self = dialog->page;
  const char * const *reasons = ld_redirect_reasons ();
  const char * const *satisfactions = ld_satisfactions ();
  g_autofree char *text = ld_record_view_dup_text (dialog->text_view);
  g_autofree char *operator = ld_context_dup_operator (self->context);
  g_autoptr(GError) error = NULL;
  LdConcernTransition args = { 0 };
  gboolean dissatisfied = FALSE;

  if (dialog->date_entry)
    {
      const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));

      if (!ld_record_view_is_valid_date (date))
        {
          ld_record_view_set_dialog_error (dialog->error_label,
                                           _("Write the date as YYYY-MM-DD, for example "
                                             "2026-03-15."));
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
      ld_record_view_set_dialog_error (dialog->error_label, error->message);
      return;
    }

  gtk_window_destroy (dialog->window);
  reload (self);

  if (dissatisfied)
    offer_reopen (self);
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
  g_autofree char *today = ld_record_view_dup_today (self->context);
  GtkWidget *focus = NULL;
  GtkBox *box;

  dialog->page = self;
  dialog->action = action;
  dialog->window = ld_record_view_new_dialog (GTK_WINDOW (self), action_dialog_title (action),
                                              ld_concern_action_to_label (action), 440,
                                              G_CALLBACK (commit_clicked_cb), dialog, &box);
  g_object_set_data_full (G_OBJECT (dialog->window), "ld-action-dialog", dialog,
                          action_dialog_free);

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
        dialog->unit_dropdown = ld_record_view_add_dropdown (box, _("Handling _Unit"), names);
        gtk_drop_down_set_enable_search (dialog->unit_dropdown, TRUE);
        focus = GTK_WIDGET (dialog->unit_dropdown);

        dialog->date_entry = ld_record_view_add_date_field (box, _("_Referred On"), today);
        due = gtk_label_new (NULL);
        gtk_label_set_xalign (GTK_LABEL (due), 0.0);
        gtk_widget_add_css_class (due, "accent");
        dialog->due_label = GTK_LABEL (due);
        gtk_box_append (box, due);
        g_signal_connect_swapped (dialog->date_entry, "changed", G_CALLBACK (update_due_date),
                                  dialog);
        update_due_date (dialog);

        dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_ANSWER:
    case LD_CONCERN_ACTION_CONCLUDE:
      dialog->text_view = ld_record_view_add_text_field (box,
                                                         action == LD_CONCERN_ACTION_ANSWER
                                                         ? _("What the Resident Was _Told")
                                                         : _("What the Unit _Concluded"));
      focus = GTK_WIDGET (dialog->text_view);
      if (action == LD_CONCERN_ACTION_CONCLUDE)
        dialog->date_entry = ld_record_view_add_date_field (box, _("Concluded _On"), today);
      break;

    case LD_CONCERN_ACTION_REDIRECT:
      {
        const char * const *reasons = ld_redirect_reasons ();
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
        GtkWidget *advice = gtk_label_new (NULL);

        for (guint i = 0; reasons[i]; i++)
          gtk_string_list_append (names, ld_redirect_reason_to_string (reasons[i]));
        dialog->reason_dropdown = ld_record_view_add_dropdown (box, _("_Reason"), names);
        focus = GTK_WIDGET (dialog->reason_dropdown);

        ld_record_view_add_dialog_label (box, _("Tell the Resident"), NULL);
        gtk_label_set_xalign (GTK_LABEL (advice), 0.0);
        gtk_label_set_wrap (GTK_LABEL (advice), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (advice), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_selectable (GTK_LABEL (advice), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (advice), 50);
        dialog->advice_label = GTK_LABEL (advice);
        gtk_box_append (box, advice);
        g_signal_connect_swapped (dialog->reason_dropdown, "notify::selected",
                                  G_CALLBACK (reason_changed_cb), dialog);
        reason_changed_cb (dialog);

        dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_GIVE_FEEDBACK:
      {
        const char * const *satisfactions = ld_satisfactions ();
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        gtk_string_list_append (names, C_("satisfaction", "Not Asked"));
        for (guint i = 0; satisfactions[i]; i++)
          gtk_string_list_append (names, ld_satisfaction_to_string (satisfactions[i]));
        dialog->satisfaction_dropdown = ld_record_view_add_dropdown (box, _("_Satisfaction"),
                                                                     names);
        focus = GTK_WIDGET (dialog->satisfaction_dropdown);
        dialog->date_entry = ld_record_view_add_date_field (box, _("Told _On"), today);
        dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      }
      break;

    case LD_CONCERN_ACTION_REOPEN:
      dialog->text_view = ld_record_view_add_text_field (box, _("_Why It Is Reopened"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_ACTION_NOTE:
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_ACTION_CONVERT:
    case LD_CONCERN_ACTION_START:
    case LD_CONCERN_ACTION_CLOSE:
    case LD_CONCERN_ACTION_CHASE:
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_CONCERN_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  dialog->error_label = ld_record_view_add_dialog_error (box);
  ld_record_view_present_dialog (dialog->window, box, focus);

  return dialog->window;
}

static GtkWindow *
open_suggestion_editor (LdConcernPage *self)
{
  GtkWindow *editor = ld_suggestion_editor_new (self->context, NULL, &self->concern_id, 1);

  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);

  return editor;
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

  /* A conversion is the new suggestion itself: the store converts the concern when the
   * suggestion made from it is saved, and not before. */
  if (action == LD_CONCERN_ACTION_CONVERT)
    return open_suggestion_editor (self);

  return open_action_dialog (self, action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-suggestion-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-calendar-store.h"
#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deadline.h"
#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-mask.h"
#include "ld-record-view.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
#include "ld-suggestion-page.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-unit.h"

/*
 * One suggestion with what it records, the concerns it came from, its timeline and a button for
 * each step the workflow allows in its state. Like a concern, it is a window of its own, so the
 * clerk can keep it open beside the list while on the phone with a unit. Each step's dialog
 * shows what the step will mean before it is taken: the due date an assignment sets, the last
 * day of the return window, how far an extension may go. A suggestion still being solved after
 * its answer shows its rows of the rolling supervision ledger (滚动督办), one a year, where the
 * unit's follow-up report is recorded.
 */

/* How many suggestions the merge dialog lists for a search. */
#define N_MERGE_CANDIDATES 20

struct _LdSuggestionPage
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkWidget         *key_badge;
  GtkLabel          *state_label;
  GtkBox            *actions_box;
  GtkGrid           *fields_grid;
  GtkLabel          *content_label;
  GtkWidget         *answer_box;
  GtkLabel          *answer_label;
  GtkListBox        *concerns_list;
  GtkListBox        *timeline_list;
  AdwStatusPage     *error_page;
  GtkWidget         *rolling_heading;   /* the rolling supervision section, built in code */
  GtkListBox        *rolling_list;

  /* Owned */
  LdContext         *context;
  LdStore           *store;
  LdSuggestion      *suggestion;

  gint64             suggestion_id;
};

/* What one action's dialog holds while it is open. */
typedef struct
{
  LdSuggestionPage   *page;     /* borrowed: the dialog dies with the page */
  LdSuggestionAction  action;
  GtkWindow          *window;
  GtkDropDown        *unit_dropdown;
  GArray             *unit_ids;        /* in the order of unit_dropdown */
  GtkListBox         *co_units_list;
  GtkDropDown        *class_dropdown;
  GArray             *class_ids;       /* in the order of class_dropdown */
  GtkDropDown        *evaluation_dropdown;
  GtkSwitch          *face_to_face_switch;
  GtkSearchEntry     *merge_search;
  GtkListBox         *merge_list;
  GtkEntry           *date_entry;
  GtkEntry           *due_entry;
  GtkLabel           *due_label;
  GtkTextView        *reason_view;
  GtkTextView        *text_view;
  GtkLabel           *error_label;
} ActionDialog;

/* What the follow-up dialog of one ledger row holds while it is open. */
typedef struct
{
  LdSuggestionPage *page;     /* borrowed: the dialog dies with the page */
  gint64            entry_id;
  GtkWindow        *window;
  GtkEntry         *date_entry;
  GtkDropDown      *class_dropdown;
  GArray           *class_ids;       /* in the order of class_dropdown */
  GtkTextView      *text_view;
  GtkLabel         *error_label;
} FollowupDialog;

static void store_changed_cb (LdSuggestionPage *self,
                              const char       *kind,
                              gint64            id);
static void open_followup_dialog (LdSuggestionPage *self,
                                  gint64            entry_id,
                                  guint             year);

G_DEFINE_FINAL_TYPE (LdSuggestionPage, ld_suggestion_page, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ helpers */

static gboolean
get_deadlines (LdSuggestionPage      *self,
               LdSuggestionDeadlines *deadlines)
{
  gint64 station_id = self->suggestion ? ld_suggestion_get_station_id (self->suggestion) : 0;

  *deadlines = (LdSuggestionDeadlines) { 3, 1, 7, 3, 1, 7 };
  return ld_suggestion_store_get_deadlines (self->store, station_id, deadlines, NULL);
}

static GtkLabel *
add_field (LdSuggestionPage *self,
           int              *row,
           const char       *name,
           const char       *value)
{
  return ld_record_view_add_field (self->fields_grid, row, name, value, GTK_ALIGN_BASELINE);
}

static void
append_name (GString    *names,
             const char *name)
{
  if (names->len > 0)
    /* Translators: between the names of deputies or units in a list */
    g_string_append (names, _(", "));
  g_string_append (names, name);
}

static char *
dup_deputy_names (LdSuggestionPage *self,
                  GArray           *ids)
{
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids == NULL || ids->len == 0)
    return NULL;

  deputies = ld_store_load_deputies (self->store, (const gint64 *) ids->data, ids->len, NULL);
  for (guint i = 0; deputies && i < deputies->len; i++)
    append_name (names, ld_deputy_get_name (g_ptr_array_index (deputies, i)));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_unit_names (LdSuggestionPage *self,
                GArray           *ids)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids == NULL || ids->len == 0)
    return NULL;

  units = ld_store_list_units (self->store, TRUE, NULL);
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; units && j < units->len; j++)
      {
        LdUnit *unit = g_ptr_array_index (units, j);

        if (ld_unit_get_id (unit) == g_array_index (ids, gint64, i))
          append_name (names, ld_unit_get_name (unit));
      }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
evaluation_to_string (const char *evaluation)
{
  return evaluation ? ld_satisfaction_to_string (evaluation) : NULL;
}

/* The due date with its 三色 colour while a unit's answer is due. */
static void
add_due_field (LdSuggestionPage *self,
               int              *row)
{
  LdSuggestion *suggestion = self->suggestion;
  const char *due = ld_suggestion_get_due_date (suggestion);
  g_autofree char *today = ld_record_view_dup_today (self->context);
  LdSuggestionDeadlines deadlines;
  LdDueStatus status = LD_DUE_NONE;
  GtkLabel *label;

  get_deadlines (self, &deadlines);
  if (due && ld_suggestion_state_is_due (ld_suggestion_get_state (suggestion)))
    status = ld_deadline_status (due, today, deadlines.due_soon_days);

  label = add_field (self, row, _("Due"), due);
  if (status != LD_DUE_NONE)
    {
      /* Translators: a due date and its status, "2027-02-28 — Due soon" */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), due,
                                               ld_due_status_to_string (status));

      gtk_label_set_text (label, text);
      gtk_widget_add_css_class (GTK_WIDGET (label), ld_due_status_to_css_class (status));
      /* Colour alone does not reach a screen reader or a colour-blind clerk: the words say it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      ld_due_status_to_string (status), -1);
    }
}

static void
update_fields (LdSuggestionPage *self)
{
  LdSuggestion *suggestion = self->suggestion;
  g_autofree char *co_signers = dup_deputy_names (self, ld_suggestion_get_co_signer_ids (suggestion));
  g_autofree char *co_units = dup_unit_names (self, ld_suggestion_get_co_unit_ids (suggestion));
  g_autofree char *key = NULL;
  const char *initial_due = ld_suggestion_get_initial_due_date (suggestion);
  int row = 0;

  ld_record_view_clear (GTK_WIDGET (self->fields_grid));

  add_field (self, &row, _("Number"), ld_suggestion_get_number (suggestion));
  add_field (self, &row, _("Status"),
             ld_suggestion_state_to_string (ld_suggestion_get_state (suggestion)));
  add_field (self, &row, _("Category"), ld_suggestion_get_category_name (suggestion));
  add_field (self, &row, _("Lead Deputy"), ld_suggestion_get_lead_deputy_name (suggestion));
  add_field (self, &row, _("Co-signing Deputies"), co_signers);
  add_field (self, &row, _("Submitted On"), ld_suggestion_get_submitted_date (suggestion));
  add_field (self, &row, _("Lead Unit"), ld_suggestion_get_lead_unit_name (suggestion));
  add_field (self, &row, _("Co-handling Units"), co_units);
  add_field (self, &row, _("Assigned On"), ld_suggestion_get_assigned_date (suggestion));
  add_due_field (self, &row);
  if (initial_due && g_strcmp0 (initial_due, ld_suggestion_get_due_date (suggestion)) != 0)
    add_field (self, &row, _("First Due Date"), initial_due);

  if (ld_suggestion_get_returned_date (suggestion))
    {
      /* Translators: when and why a unit returned a suggestion, "2026-12-08: 不属于本单位职责" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"),
                                               ld_suggestion_get_returned_date (suggestion),
                                               ld_suggestion_get_return_reason (suggestion)
                                               ? ld_suggestion_get_return_reason (suggestion) : "");

      add_field (self, &row, _("Returned"), text);
    }
  if (ld_suggestion_get_extension_date (suggestion))
    {
      g_autofree char *text = g_strdup_printf (_("%s: %s"),
                                               ld_suggestion_get_extension_date (suggestion),
                                               ld_suggestion_get_extension_reason (suggestion)
                                               ? ld_suggestion_get_extension_reason (suggestion)
                                               : "");

      add_field (self, &row, _("Extended"), text);
    }

  add_field (self, &row, _("Answered On"), ld_suggestion_get_answer_date (suggestion));
  if (ld_suggestion_get_answer_date (suggestion))
    {
      add_field (self, &row, _("Answer Class"), ld_suggestion_get_answer_class_name (suggestion));
      add_field (self, &row, _("Face-to-Face Consultation"),
                 ld_suggestion_get_answer_face_to_face (suggestion) ? _("Yes") : _("No"));
    }
  add_field (self, &row, _("Deputies’ Evaluation"),
             evaluation_to_string (ld_suggestion_get_evaluation (suggestion)));
  if (ld_suggestion_get_rehandling_count (suggestion) > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time",
                                                             "%u times",
                                                             ld_suggestion_get_rehandling_count (suggestion)),
                                                ld_suggestion_get_rehandling_count (suggestion));

      add_field (self, &row, _("Handled Again"), count);
    }
  if (ld_suggestion_get_merged_into (suggestion) != 0)
    {
      g_autoptr(LdSuggestion) other = ld_suggestion_store_get (self->store,
                                                               ld_suggestion_get_merged_into (suggestion),
                                                               NULL);
      g_autofree char *text = NULL;

      if (other)
        /* Translators: the suggestion this one was merged with: its number and title */
        text = g_strdup_printf (_("%s %s"), ld_suggestion_get_number_display (other),
                                ld_suggestion_get_title (other));
      add_field (self, &row, _("Handled Together With"), text);
    }

  if (ld_suggestion_get_key_supervision (suggestion))
    key = ld_suggestion_get_supervisor (suggestion)
          /* Translators: key supervision, and by whom, "Yes, 王副区长" */
          ? g_strdup_printf (_("Yes, %s"), ld_suggestion_get_supervisor (suggestion))
          : g_strdup (_("Yes"));
  add_field (self, &row, _("Key Supervision"), key ? key : _("No"));
  add_field (self, &row, _("In the Rolling Ledger"),
             ld_suggestion_get_rolling (suggestion) ? _("Yes") : _("No"));
  add_field (self, &row, _("Notes"), ld_suggestion_get_notes (suggestion));
}

static void
update_concerns (LdSuggestionPage *self)
{
  GArray *ids = ld_suggestion_get_concern_ids (self->suggestion);
  g_autoptr(GPtrArray) concerns = NULL;

  ld_record_view_clear (GTK_WIDGET (self->concerns_list));

  if (ids && ids->len > 0)
    concerns = ld_concern_store_load (self->store, (const gint64 *) ids->data, ids->len, NULL);

  for (guint i = 0; concerns && i < concerns->len; i++)
    {
      LdConcern *concern = g_ptr_array_index (concerns, i);
      g_autofree char *reference = ld_concern_dup_reference (concern);
      /* Residents are always masked here: the suggestion goes to units and deputies. */
      g_autofree char *resident = ld_mask_name (ld_concern_get_resident_name (concern));
      const char *state = ld_concern_state_to_string (ld_concern_get_state (concern));
      const char *subject = ld_concern_get_subject (concern);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gint64 id = ld_concern_get_id (concern);

      if (resident && *resident)
        /* Translators: a linked concern: its reference, the masked resident and its state */
        subtitle = g_strdup_printf (_("%s · %s · %s"), reference ? reference : "", resident, state);
      else
        /* Translators: a linked concern: its reference and its state */
        subtitle = g_strdup_printf (_("%s · %s"), reference ? reference : "", state);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject ? subject : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "concern-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->concerns_list, row);
    }

  if (concerns == NULL || concerns->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("None: the suggestion was written from scratch"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->concerns_list, row);
    }
}

/* The label of the button that opens a ledger row's follow-up dialog. */
#define RECORD_FOLLOWUP_LABEL _("Record Follow-up…")

static void
followup_button_clicked_cb (LdSuggestionPage *self,
                            GtkButton        *button)
{
  gint64 *entry_id = g_object_get_data (G_OBJECT (button), "entry-id");
  guint year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "year"));

  if (entry_id)
    open_followup_dialog (self, *entry_id, year);
}

static const char *
class_name_of (GPtrArray *classes,
               gint64     id)
{
  for (guint i = 0; classes && i < classes->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (classes, i);

      if (ld_list_entry_get_id (entry) == id)
        return ld_list_entry_get_display_name (entry);
    }

  return NULL;
}

/* One row a year: when the follow-up is due, in its 三色 colour until the unit reports, then
 * what it reported. */
static void
update_rolling (LdSuggestionPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = ld_record_view_dup_today (self->context);
  LdSuggestionDeadlines deadlines;

  ld_record_view_clear (GTK_WIDGET (self->rolling_list));

  entries = ld_suggestion_store_rolling_for (self->store, self->suggestion_id, &error);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->rolling_list, row);
    }
  gtk_widget_set_visible (self->rolling_heading, entries == NULL || entries->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rolling_list), entries == NULL || entries->len > 0);
  if (entries == NULL || entries->len == 0)
    return;

  get_deadlines (self, &deadlines);
  classes = ld_store_list_entries (self->store, LD_LIST_ANSWER_CLASS, TRUE, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      LdRollingEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *title = g_strdup_printf ("%u", entry->year);
      GtkWidget *title_label = gtk_label_new (title);
      /* Translators: %s is the date by which the unit reports again on a suggestion */
      g_autofree char *due = g_strdup_printf (_("Follow-up due %s"), entry->followup_due_date);
      GtkWidget *due_label = gtk_label_new (due);
      g_autofree char *report = NULL;
      GtkWidget *report_label;
      LdDueStatus status = LD_DUE_NONE;

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (line, 12);
      gtk_widget_set_margin_end (line, 12);
      gtk_widget_set_margin_top (line, 8);
      gtk_widget_set_margin_bottom (line, 8);
      gtk_widget_set_hexpand (column, TRUE);

      gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
      gtk_widget_add_css_class (title_label, "heading");
      gtk_box_append (GTK_BOX (column), title_label);

      if (entry->followup_date == NULL)
        status = ld_deadline_status (entry->followup_due_date, today, deadlines.due_soon_days);
      gtk_label_set_xalign (GTK_LABEL (due_label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (due_label), TRUE);
      if (status != LD_DUE_NONE)
        {
          /* Translators: a due date and its status, "2027-02-28 — Due soon" */
          g_autofree char *text = g_strdup_printf (_("%s — %s"), due,
                                                   ld_due_status_to_string (status));

          gtk_label_set_text (GTK_LABEL (due_label), text);
          gtk_widget_add_css_class (due_label, ld_due_status_to_css_class (status));
          /* Colour alone does not reach a screen reader or a colour-blind clerk: the words say
           * it. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (due_label),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          ld_due_status_to_string (status), -1);
        }
      gtk_box_append (GTK_BOX (column), due_label);

      if (entry->followup_date)
        {
          const char *class_name = class_name_of (classes, entry->answer_class_id);

          if (entry->followup_text && *entry->followup_text)
            /* Translators: a follow-up report: its date, answer class and what the unit
             * reported, "Reported on 2027-06-20 · C · 二期工程施工中" */
            report = g_strdup_printf (_("Reported on %s · %s · %s"), entry->followup_date,
                                      class_name ? class_name : "", entry->followup_text);
          else
            /* Translators: a follow-up report: its date and answer class */
            report = g_strdup_printf (_("Reported on %s · %s"), entry->followup_date,
                                      class_name ? class_name : "");
        }
      report_label = gtk_label_new (report ? report : _("The unit has not reported yet"));
      gtk_label_set_xalign (GTK_LABEL (report_label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (report_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (report_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (report_label), report != NULL);
      gtk_widget_add_css_class (report_label, "dim-label");
      gtk_box_append (GTK_BOX (column), report_label);
      gtk_box_append (GTK_BOX (line), column);

      if (entry->followup_date == NULL)
        {
          GtkWidget *button = gtk_button_new_with_label (RECORD_FOLLOWUP_LABEL);
          gint64 id = entry->id;

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "entry-id", g_memdup2 (&id, sizeof id),
                                  g_free);
          g_object_set_data (G_OBJECT (button), "year", GUINT_TO_POINTER (entry->year));
          g_signal_connect_swapped (button, "clicked", G_CALLBACK (followup_button_clicked_cb),
                                    self);
          gtk_box_append (GTK_BOX (line), button);
        }

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      gtk_list_box_append (self->rolling_list, row);
    }
}

static void
update_timeline (LdSuggestionPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = ld_suggestion_store_timeline (self->store, self->suggestion_id, &error);
  ld_record_view_show_timeline (self->timeline_list, entries, error,
                                ld_suggestion_timeline_describe);
}

static void
action_button_clicked_cb (LdSuggestionPage *self,
                          GtkButton        *button)
{
  LdSuggestionAction action = ld_record_view_get_button_action (button);

  ld_suggestion_page_start_action (self, action);
}

static void
update_actions (LdSuggestionPage *self)
{
  LdSuggestionState state = ld_suggestion_get_state (self->suggestion);
  guint n_actions = 0;
  const LdSuggestionAction *actions = ld_workflow_suggestion_actions (state, &n_actions);

  ld_record_view_clear (GTK_WIDGET (self->actions_box));

  for (guint i = 0; i < n_actions; i++)
    ld_record_view_add_action_button (self->actions_box,
                                      ld_suggestion_action_to_label (actions[i]), actions[i],
                                      i == 0 && actions[i] != LD_SUGGESTION_ACTION_NOTE,
                                      G_CALLBACK (action_button_clicked_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.edit",
                                 state != LD_SUGGESTION_CLOSED);
}

static void
show_error (LdSuggestionPage *self,
            const GError     *error)
{
  ld_record_view_show_error (self->stack, self->error_page, error,
                             _("This suggestion no longer exists."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.edit", FALSE);
}

static void
reload (LdSuggestionPage *self)
{
  g_autoptr(LdSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *content;
  const char *answer;

  if (self->store == NULL)
    return;

  suggestion = ld_suggestion_store_get (self->store, self->suggestion_id, &error);
  if (suggestion == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->suggestion, suggestion);

  /* Translators: the suggestion window's title, with its number (or a dash before it has one) */
  title = g_strdup_printf (_("Suggestion %s"), ld_suggestion_get_number_display (suggestion));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, ld_suggestion_get_lead_deputy_name (suggestion));

  gtk_label_set_text (self->title_label, ld_suggestion_get_title (suggestion));
  gtk_widget_set_visible (self->key_badge, ld_suggestion_get_key_supervision (suggestion));
  gtk_label_set_text (self->state_label,
                      ld_suggestion_state_to_string (ld_suggestion_get_state (suggestion)));
  content = ld_suggestion_get_content (suggestion);
  gtk_label_set_text (self->content_label, content != NULL ? content : "");
  answer = ld_suggestion_get_answer_text (suggestion);
  gtk_label_set_text (self->answer_label, answer != NULL ? answer : "");
  gtk_widget_set_visible (self->answer_box, answer != NULL && *answer != '\0');

  update_fields (self);
  update_actions (self);
  update_concerns (self);
  update_rolling (self);
  update_timeline (self);

  gtk_stack_set_visible_child_name (self->stack, "suggestion");
}

/* ------------------------------------------------------------------ the action dialogs */

static void
action_dialog_free (gpointer data)
{
  ActionDialog *dialog = data;

  g_clear_pointer (&dialog->unit_ids, g_array_unref);
  g_clear_pointer (&dialog->class_ids, g_array_unref);
  g_free (dialog);
}

static const char *
action_dialog_title (LdSuggestionAction action)
{
  switch (action)
    {
    case LD_SUGGESTION_ACTION_SUBMIT:
      return _("Submit the Suggestion");
    case LD_SUGGESTION_ACTION_ASSIGN:
      return _("Assign to Handling Units");
    case LD_SUGGESTION_ACTION_RETURN:
      return _("Returned by the Unit");
    case LD_SUGGESTION_ACTION_EXTEND:
      return _("Extend the Due Date");
    case LD_SUGGESTION_ACTION_ANSWER:
      return _("Record the Answer");
    case LD_SUGGESTION_ACTION_EVALUATE:
      return _("Deputies’ Evaluation");
    case LD_SUGGESTION_ACTION_REHANDLE:
      return _("Handle It Again");
    case LD_SUGGESTION_ACTION_MERGE:
      return _("Merge Suggestions");
    case LD_SUGGESTION_ACTION_CLOSE:
      return _("Close the Suggestion");
    case LD_SUGGESTION_ACTION_NOTE:
      return _("Add a Note");
    case LD_SUGGESTION_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static GArray *dup_checked_co_units (ActionDialog *dialog,
                                     gint64        lead_id);
static gint64  dropdown_id          (GtkDropDown  *dropdown,
                                     GArray       *ids);

/* The due dates an assignment on the chosen date sets, while the clerk picks it. */
static void
update_assign_due (ActionDialog *dialog)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));
  LdSuggestionDeadlines deadlines;
  g_autofree char *due = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *text = NULL;

  if (!ld_record_view_is_valid_date (date))
    {
      gtk_label_set_text (dialog->due_label, _("Write the date as YYYY-MM-DD"));
      return;
    }

  get_deadlines (dialog->page, &deadlines);
  due = ld_deadline_add_months (date, deadlines.answer_due_months);
  opinion = ld_deadline_add_months (date, deadlines.co_unit_opinion_months);
  if (due == NULL)
    {
      gtk_label_set_text (dialog->due_label, _("Write the date as YYYY-MM-DD"));
      return;
    }

  if (dialog->co_units_list)
    {
      g_autoptr(GArray) co_units =
        dup_checked_co_units (dialog, dropdown_id (dialog->unit_dropdown, dialog->unit_ids));

      if (co_units->len == 0)
        g_clear_pointer (&opinion, g_free);
    }

  if (opinion)
    /* Translators: the deadlines an assignment sets: the answer, then the co-units' opinion */
    text = g_strdup_printf (_("The answer is due on %s; co-handling units give their opinion "
                              "by %s."), due, opinion);
  else
    /* Translators: %s is a date, the deadline of the unit's answer */
    text = g_strdup_printf (_("The answer is due on %s."), due);
  gtk_label_set_text (dialog->due_label, text);
}

/* The new due date of a re-handling started on the chosen date. */
static void
update_rehandle_due (ActionDialog *dialog)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));
  LdSuggestionDeadlines deadlines;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  get_deadlines (dialog->page, &deadlines);
  due = ld_record_view_is_valid_date (date) ? ld_deadline_add_months (date, deadlines.rehandling_months) : NULL;
  if (due == NULL)
    {
      gtk_label_set_text (dialog->due_label, _("Write the date as YYYY-MM-DD"));
      return;
    }

  /* Translators: %s is a date, the deadline of the new answer */
  text = g_strdup_printf (_("The new answer is due on %s."), due);
  gtk_label_set_text (dialog->due_label, text);
}

static void
add_co_units (ActionDialog *dialog,
              GtkBox       *box,
              GPtrArray    *units)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GArray *current = ld_suggestion_get_co_unit_ids (dialog->page->suggestion);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; units && i < units->len; i++)
    {
      LdUnit *unit = g_ptr_array_index (units, i);
      gint64 id = ld_unit_get_id (unit);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean checked = FALSE;

      for (guint j = 0; current && j < current->len; j++)
        checked = checked || g_array_index (current, gint64, j) == id;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ld_unit_get_name (unit));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "unit-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_assign_due), dialog);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  ld_record_view_add_dialog_label (box, _("Co-handling Units (optional)"), list);
  gtk_box_append (box, scrolled);
  dialog->co_units_list = GTK_LIST_BOX (list);
}

/* The lead unit is not also its own co-handling unit. */
static void
lead_unit_changed_cb (ActionDialog *dialog)
{
  gint64 lead_id = dropdown_id (dialog->unit_dropdown, dialog->unit_ids);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (dialog->co_units_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "unit-id");

      if (check == NULL || id == NULL)
        continue;
      if (*id == lead_id)
        gtk_check_button_set_active (check, FALSE);
      gtk_widget_set_sensitive (row, *id != lead_id);
    }

  update_assign_due (dialog);
}

static GArray *
dup_checked_co_units (ActionDialog *dialog,
                      gint64        lead_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (dialog->co_units_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "unit-id");

      if (check && id && *id != lead_id && gtk_check_button_get_active (check))
        g_array_append_val (ids, *id);
    }

  return ids;
}

/* The suggestions the search finds, this one and those merged themselves left out. */
static void
update_merge_candidates (ActionDialog *dialog)
{
  LdSuggestionPage *self = dialog->page;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (dialog->merge_search));
  g_autofree char *search = g_strstrip (g_strdup (text));
  LdSuggestionQuery query = { .search = *search ? search : NULL,
                              .sort = LD_SUGGESTION_SORT_CREATED, .descending = TRUE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));

  ld_record_view_clear (GTK_WIDGET (dialog->merge_list));

  ids = ld_suggestion_store_query_ids (self->store, &query, NULL);
  for (guint i = 0; ids && i < ids->len && wanted->len < N_MERGE_CANDIDATES; i++)
    if (g_array_index (ids, gint64, i) != self->suggestion_id)
      g_array_append_val (wanted, g_array_index (ids, gint64, i));
  if (wanted->len > 0)
    found = ld_suggestion_store_load (self->store, (const gint64 *) wanted->data, wanted->len,
                                      NULL);

  for (guint i = 0; found && i < found->len; i++)
    {
      LdSuggestion *other = g_ptr_array_index (found, i);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = ld_suggestion_get_id (other);
      /* Translators: a suggestion to merge with: its number and state */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   ld_suggestion_get_number_display (other),
                                                   ld_suggestion_state_to_string (ld_suggestion_get_state (other)));

      if (ld_suggestion_get_merged_into (other) != 0)
        continue;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ld_suggestion_get_title (other));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "suggestion-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (dialog->merge_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (dialog->merge_list)))
    gtk_list_box_select_row (dialog->merge_list,
                             gtk_list_box_get_row_at_index (dialog->merge_list, 0));
}

static void
add_merge_fields (ActionDialog *dialog,
                  GtkBox       *box)
{
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  /* GtkSearchEntry has no setter for it before GTK 4.10. */
  g_object_set (search, "placeholder-text", _("Search by number or title"), NULL);
  ld_record_view_add_dialog_label (box, _("_Handle Together With"), search);
  gtk_box_append (box, search);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (box, scrolled);

  dialog->merge_search = GTK_SEARCH_ENTRY (search);
  dialog->merge_list = GTK_LIST_BOX (list);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (update_merge_candidates),
                            dialog);
  update_merge_candidates (dialog);

  gtk_label_set_text (ld_record_view_add_hint (box),
                      _("The other suggestion’s answer is copied to this one, so each deputy "
                        "still gets a reply."));
}

static void
rehandle_response_cb (LdSuggestionPage *self,
                      const char       *response)
{
  if (g_strcmp0 (response, "rehandle") == 0)
    ld_suggestion_page_start_action (self, LD_SUGGESTION_ACTION_REHANDLE);
}

/* Deputies dissatisfied with the answer usually mean the unit has to handle it again. */
static void
offer_rehandling (LdSuggestionPage *self)
{
  if (!ld_workflow_suggestion_allows (ld_suggestion_get_state (self->suggestion),
                                      LD_SUGGESTION_ACTION_REHANDLE, NULL))
    return;

  ld_record_view_offer_step (GTK_WINDOW (self), _("The Deputies Are Dissatisfied"),
                             _("Send the suggestion back to the unit to be handled again?"),
                             "rehandle", _("_Handle Again…"), G_CALLBACK (rehandle_response_cb),
                             self);
}

static gint64
dropdown_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected;

  if (dropdown == NULL || ids == NULL)
    return 0;

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static void
commit_clicked_cb (ActionDialog *dialog)
{
  LdSuggestionPage *self = dialog->page;
  const char * const *evaluations = ld_satisfactions ();
  g_autofree char *text = ld_record_view_dup_text (dialog->text_view);
  g_autofree char *reason = ld_record_view_dup_text (dialog->reason_view);
  g_autofree char *operator = ld_context_dup_operator (self->context);
  g_autoptr(GArray) co_units = NULL;
  g_autoptr(GError) error = NULL;
  LdSuggestionTransition args = { 0 };
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
    case LD_SUGGESTION_ACTION_ASSIGN:
      args.unit_id = dropdown_id (dialog->unit_dropdown, dialog->unit_ids);
      if (args.unit_id == 0)
        {
          ld_record_view_set_dialog_error (dialog->error_label, _("Choose the lead unit."));
          gtk_widget_grab_focus (GTK_WIDGET (dialog->unit_dropdown));
          return;
        }
      co_units = dup_checked_co_units (dialog, args.unit_id);
      args.co_unit_ids = (const gint64 *) co_units->data;
      args.n_co_unit_ids = co_units->len;
      args.note = text && *text ? text : NULL;
      break;

    case LD_SUGGESTION_ACTION_RETURN:
      args.reason = reason && *reason ? reason : NULL;
      break;

    case LD_SUGGESTION_ACTION_EXTEND:
      {
        const char *due = gtk_editable_get_text (GTK_EDITABLE (dialog->due_entry));

        if (!ld_record_view_is_valid_date (due))
          {
            ld_record_view_set_dialog_error (dialog->error_label,
                                             _("Write the new due date as YYYY-MM-DD, for "
                                               "example 2027-05-31."));
            gtk_widget_grab_focus (GTK_WIDGET (dialog->due_entry));
            return;
          }
        args.due_date = due;
        args.reason = reason && *reason ? reason : NULL;
      }
      break;

    case LD_SUGGESTION_ACTION_ANSWER:
      args.answer_class_id = dropdown_id (dialog->class_dropdown, dialog->class_ids);
      args.answer_text = text && *text ? text : NULL;
      args.face_to_face = gtk_switch_get_active (dialog->face_to_face_switch);
      break;

    case LD_SUGGESTION_ACTION_EVALUATE:
      {
        guint selected = gtk_drop_down_get_selected (dialog->evaluation_dropdown);

        if (selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length ((char **) evaluations))
          args.evaluation = evaluations[selected];
        dissatisfied = g_strcmp0 (args.evaluation, "dissatisfied") == 0;
        args.note = text && *text ? text : NULL;
      }
      break;

    case LD_SUGGESTION_ACTION_MERGE:
      {
        GtkListBoxRow *row = gtk_list_box_get_selected_row (dialog->merge_list);
        gint64 *id = row ? g_object_get_data (G_OBJECT (row), "suggestion-id") : NULL;

        if (id == NULL)
          {
            ld_record_view_set_dialog_error (dialog->error_label,
                                             _("Choose the suggestion to handle it together "
                                               "with."));
            gtk_widget_grab_focus (GTK_WIDGET (dialog->merge_search));
            return;
          }
        args.merge_into = *id;
        args.note = text && *text ? text : NULL;
      }
      break;

    case LD_SUGGESTION_ACTION_SUBMIT:
    case LD_SUGGESTION_ACTION_REHANDLE:
    case LD_SUGGESTION_ACTION_CLOSE:
    case LD_SUGGESTION_ACTION_NOTE:
      args.note = text && *text ? text : NULL;
      break;

    case LD_SUGGESTION_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  if (!ld_suggestion_store_transition (self->store, self->suggestion_id, dialog->action, &args,
                                       operator, &error))
    {
      /* What was typed stays, so the clerk only fixes what is missing. */
      ld_record_view_set_dialog_error (dialog->error_label, error->message);
      return;
    }

  gtk_window_destroy (dialog->window);
  reload (self);

  if (dissatisfied)
    offer_rehandling (self);
}

static void
fill_assign (ActionDialog *dialog,
             GtkBox       *box,
             const char   *today)
{
  LdSuggestionPage *self = dialog->page;
  g_autoptr(GPtrArray) units = ld_store_list_units (self->store, FALSE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 current = ld_suggestion_get_lead_unit_id (self->suggestion);
  guint selected = 0;

  dialog->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; units && i < units->len; i++)
    {
      LdUnit *unit = g_ptr_array_index (units, i);
      gint64 id = ld_unit_get_id (unit);

      if (id == current)
        selected = i;
      gtk_string_list_append (names, ld_unit_get_name (unit));
      g_array_append_val (dialog->unit_ids, id);
    }
  dialog->unit_dropdown = ld_record_view_add_dropdown (box, _("Lead _Unit"), names);
  gtk_drop_down_set_enable_search (dialog->unit_dropdown, TRUE);
  if (units && units->len > 0)
    gtk_drop_down_set_selected (dialog->unit_dropdown, selected);

  add_co_units (dialog, box, units);

  dialog->date_entry = ld_record_view_add_date_field (box, _("_Assigned On"), today);
  dialog->due_label = ld_record_view_add_hint (box);
  g_signal_connect_swapped (dialog->date_entry, "changed", G_CALLBACK (update_assign_due),
                            dialog);
  g_signal_connect_swapped (dialog->unit_dropdown, "notify::selected",
                            G_CALLBACK (lead_unit_changed_cb), dialog);
  lead_unit_changed_cb (dialog);

  dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
}

static void
fill_return (ActionDialog *dialog,
             GtkBox       *box)
{
  LdSuggestionPage *self = dialog->page;
  const char *assigned = ld_suggestion_get_assigned_date (self->suggestion);
  g_autoptr(LdWorkdays) workdays = ld_calendar_store_load_workdays (self->store, NULL);
  LdSuggestionDeadlines deadlines;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;
  GtkLabel *hint;

  get_deadlines (self, &deadlines);
  if (workdays && assigned)
    end = ld_deadline_return_window_end (workdays, assigned, deadlines.return_working_days);

  dialog->reason_view = ld_record_view_add_text_field (box, _("_Why the Unit Returned It"));
  hint = ld_record_view_add_hint (box);
  if (end)
    /* Translators: %u is a number of working days, %s the last day a unit may return it */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A unit may return a suggestion within %u working day "
                                         "of its assignment: until %s.",
                                         "A unit may return a suggestion within %u working days "
                                         "of its assignment: until %s.",
                                         deadlines.return_working_days),
                            deadlines.return_working_days, end);
  gtk_label_set_text (hint, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (hint), text != NULL);
}

static void
fill_extend (ActionDialog *dialog,
             GtkBox       *box)
{
  LdSuggestionPage *self = dialog->page;
  const char *initial = ld_suggestion_get_initial_due_date (self->suggestion);
  LdSuggestionDeadlines deadlines;
  g_autofree char *limit = NULL;
  g_autofree char *text = NULL;
  GtkLabel *hint;

  get_deadlines (self, &deadlines);
  if (initial == NULL)
    initial = ld_suggestion_get_due_date (self->suggestion);
  if (initial)
    limit = ld_deadline_extension_limit (initial, deadlines.extension_max_months);

  dialog->due_entry = ld_record_view_add_date_field (box, _("New _Due Date"), limit);
  hint = ld_record_view_add_hint (box);
  if (limit)
    /* Translators: %u is a number of months, %s the latest due date an extension may set */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "An extension may add at most %u month to the first "
                                         "due date: until %s.",
                                         "An extension may add at most %u months to the first "
                                         "due date: until %s.",
                                         deadlines.extension_max_months),
                            deadlines.extension_max_months, limit);
  gtk_label_set_text (hint, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (hint), text != NULL);
  dialog->reason_view = ld_record_view_add_text_field (box, _("_Reason"));
}

/* The answer classes the locality uses, into *@ids in the dropdown's order. */
static GtkDropDown *
add_class_dropdown (LdSuggestionPage  *self,
                    GtkBox            *box,
                    GArray           **ids)
{
  g_autoptr(GPtrArray) classes = ld_store_list_entries (self->store, LD_LIST_ANSWER_CLASS, FALSE,
                                                        NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; classes && i < classes->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (classes, i);
      gint64 id = ld_list_entry_get_id (entry);

      gtk_string_list_append (names, ld_list_entry_get_display_name (entry));
      g_array_append_val (*ids, id);
    }

  return ld_record_view_add_dropdown (box, _("Answer _Class"), names);
}

static void
fill_answer (ActionDialog *dialog,
             GtkBox       *box,
             const char   *today)
{
  LdSuggestionPage *self = dialog->page;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Face-to-face consultation with the "
                                                    "deputies"));
  GtkWidget *toggle = gtk_switch_new ();

  dialog->date_entry = ld_record_view_add_date_field (box, _("Answered _On"), today);
  dialog->class_dropdown = add_class_dropdown (self, box, &dialog->class_ids);

  dialog->text_view = ld_record_view_add_text_field (box, _("What the Unit _Answered"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), toggle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (row, 6);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), toggle);
  gtk_box_append (box, row);
  dialog->face_to_face_switch = GTK_SWITCH (toggle);
}

static GtkWindow *
open_action_dialog (LdSuggestionPage   *self,
                    LdSuggestionAction  action)
{
  ActionDialog *dialog = g_new0 (ActionDialog, 1);
  g_autofree char *today = ld_record_view_dup_today (self->context);
  GtkWidget *focus = NULL;
  GtkBox *box;

  dialog->page = self;
  dialog->action = action;
  dialog->window = ld_record_view_new_dialog (GTK_WINDOW (self), action_dialog_title (action),
                                              ld_suggestion_action_to_label (action), 460,
                                              G_CALLBACK (commit_clicked_cb), dialog, &box);
  g_object_set_data_full (G_OBJECT (dialog->window), "ld-action-dialog", dialog,
                          action_dialog_free);

  switch (action)
    {
    case LD_SUGGESTION_ACTION_SUBMIT:
      dialog->date_entry =
        ld_record_view_add_date_field (box, _("Submitted _On"),
                                       ld_suggestion_get_submitted_date (self->suggestion)
                                       ? ld_suggestion_get_submitted_date (self->suggestion)
                                       : today);
      focus = GTK_WIDGET (dialog->date_entry);
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      break;

    case LD_SUGGESTION_ACTION_ASSIGN:
      fill_assign (dialog, box, today);
      focus = GTK_WIDGET (dialog->unit_dropdown);
      break;

    case LD_SUGGESTION_ACTION_RETURN:
      dialog->date_entry = ld_record_view_add_date_field (box, _("Returned _On"), today);
      fill_return (dialog, box);
      focus = GTK_WIDGET (dialog->reason_view);
      break;

    case LD_SUGGESTION_ACTION_EXTEND:
      dialog->date_entry = ld_record_view_add_date_field (box, _("Approved _On"), today);
      fill_extend (dialog, box);
      focus = GTK_WIDGET (dialog->due_entry);
      break;

    case LD_SUGGESTION_ACTION_ANSWER:
      fill_answer (dialog, box, today);
      focus = GTK_WIDGET (dialog->class_dropdown);
      break;

    case LD_SUGGESTION_ACTION_EVALUATE:
      {
        const char * const *evaluations = ld_satisfactions ();
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        for (guint i = 0; evaluations[i]; i++)
          gtk_string_list_append (names, ld_satisfaction_to_string (evaluations[i]));
        dialog->evaluation_dropdown = ld_record_view_add_dropdown (box, _("_Evaluation"), names);
        focus = GTK_WIDGET (dialog->evaluation_dropdown);
        dialog->date_entry = ld_record_view_add_date_field (box, _("Evaluated _On"), today);
        dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      }
      break;

    case LD_SUGGESTION_ACTION_REHANDLE:
      dialog->date_entry = ld_record_view_add_date_field (box, _("Sent Back _On"), today);
      dialog->due_label = ld_record_view_add_hint (box);
      g_signal_connect_swapped (dialog->date_entry, "changed", G_CALLBACK (update_rehandle_due),
                                dialog);
      update_rehandle_due (dialog);
      dialog->text_view = ld_record_view_add_text_field (box, _("What Is to Be Done _Again"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_SUGGESTION_ACTION_MERGE:
      add_merge_fields (dialog, box);
      focus = GTK_WIDGET (dialog->merge_search);
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      break;

    case LD_SUGGESTION_ACTION_NOTE:
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_SUGGESTION_ACTION_CLOSE:
      dialog->text_view = ld_record_view_add_text_field (box, _("_Note (optional)"));
      focus = GTK_WIDGET (dialog->text_view);
      break;

    case LD_SUGGESTION_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  dialog->error_label = ld_record_view_add_dialog_error (box);
  /* A long refusal wraps inside the dialog instead of widening it. */
  gtk_label_set_wrap_mode (dialog->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (dialog->error_label, 50);
  ld_record_view_present_dialog (dialog->window, box, focus);

  return dialog->window;
}

/* ------------------------------------------------------------------ the follow-up dialog */

static void
followup_dialog_free (gpointer data)
{
  FollowupDialog *dialog = data;

  g_clear_pointer (&dialog->class_ids, g_array_unref);
  g_free (dialog);
}

static void
followup_commit_clicked_cb (FollowupDialog *dialog)
{
  LdSuggestionPage *self = dialog->page;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (dialog->date_entry));
  g_autofree char *text = ld_record_view_dup_text (dialog->text_view);
  g_autofree char *operator = ld_context_dup_operator (self->context);
  g_autoptr(GError) error = NULL;
  gint64 class_id;

  if (!ld_record_view_is_valid_date (date))
    {
      ld_record_view_set_dialog_error (dialog->error_label,
                                       _("Write the date as YYYY-MM-DD, for example "
                                         "2026-03-15."));
      gtk_widget_grab_focus (GTK_WIDGET (dialog->date_entry));
      return;
    }
  class_id = dropdown_id (dialog->class_dropdown, dialog->class_ids);

  if (!ld_suggestion_store_record_followup (self->store, dialog->entry_id, date, class_id,
                                            text && *text ? text : NULL, operator, &error))
    {
      /* What was typed stays, so the clerk only fixes what is missing. */
      ld_record_view_set_dialog_error (dialog->error_label, error->message);
      return;
    }

  gtk_window_destroy (dialog->window);
  reload (self);
}

static void
open_followup_dialog (LdSuggestionPage *self,
                      gint64            entry_id,
                      guint             year)
{
  FollowupDialog *dialog = g_new0 (FollowupDialog, 1);
  g_autofree char *today = ld_record_view_dup_today (self->context);
  g_autofree char *title = NULL;
  GtkBox *box;

  dialog->page = self;
  dialog->entry_id = entry_id;
  /* Translators: the title of the dialog of one year's follow-up report, "Follow-up for 2027";
   * keep it short */
  title = g_strdup_printf (_("Follow-up for %u"), year);
  dialog->window = ld_record_view_new_dialog (GTK_WINDOW (self), title, RECORD_FOLLOWUP_LABEL,
                                              460, G_CALLBACK (followup_commit_clicked_cb),
                                              dialog, &box);
  g_object_set_data_full (G_OBJECT (dialog->window), "ld-followup-dialog", dialog,
                          followup_dialog_free);

  dialog->date_entry = ld_record_view_add_date_field (box, _("Reported _On"), today);
  dialog->class_dropdown = add_class_dropdown (self, box, &dialog->class_ids);
  gtk_label_set_text (ld_record_view_add_hint (box),
                      _("A class still being solved enters next year’s ledger at once."));
  dialog->text_view = ld_record_view_add_text_field (box, _("What the Unit _Reported"));

  dialog->error_label = ld_record_view_add_dialog_error (box);
  gtk_label_set_wrap_mode (dialog->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (dialog->error_label, 50);
  ld_record_view_present_dialog (dialog->window, box, GTK_WIDGET (dialog->class_dropdown));
}

/* ------------------------------------------------------------------ callbacks */

static void
concern_row_activated_cb (LdSuggestionPage *self,
                          GtkListBoxRow    *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "concern-id");
  GtkWindow *page;

  if (id == NULL)
    return;

  page = ld_concern_page_new (GTK_WINDOW (self), self->context, *id);
  gtk_window_present (page);
}

static void
store_changed_cb (LdSuggestionPage *self,
                  const char       *kind,
                  gint64            id)
{
  GArray *concern_ids;

  if (g_strcmp0 (kind, "suggestion") == 0 && (id == 0 || id == self->suggestion_id))
    {
      reload (self);
      return;
    }

  if (g_strcmp0 (kind, "concern") != 0 || self->suggestion == NULL)
    return;

  /* A linked concern's state shows in its row. */
  concern_ids = ld_suggestion_get_concern_ids (self->suggestion);
  for (guint i = 0; concern_ids && i < concern_ids->len; i++)
    if (id == 0 || g_array_index (concern_ids, gint64, i) == id)
      {
        update_concerns (self);
        return;
      }
}

/* ------------------------------------------------------------------ actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdSuggestionPage *self = LD_SUGGESTION_PAGE (widget);
  GtkWindow *editor;

  if (self->suggestion == NULL)
    return;

  editor = ld_suggestion_editor_new (self->context, self->suggestion, NULL, 0);
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_suggestion_page_dispose (GObject *object)
{
  LdSuggestionPage *self = LD_SUGGESTION_PAGE (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->suggestion);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_SUGGESTION_PAGE);

  G_OBJECT_CLASS (ld_suggestion_page_parent_class)->dispose (object);
}

static void
ld_suggestion_page_class_init (LdSuggestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_suggestion_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-suggestion-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LdSuggestionPage, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (stack);
  BIND (title_label);
  BIND (key_badge);
  BIND (state_label);
  BIND (actions_box);
  BIND (fields_grid);
  BIND (content_label);
  BIND (answer_box);
  BIND (answer_label);
  BIND (concerns_list);
  BIND (timeline_list);
  BIND (error_page);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, concern_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "suggestion.edit", NULL, edit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The rolling supervision section goes between the linked concerns and the timeline, and shows
 * only for a suggestion in the ledger. */
static void
add_rolling_section (LdSuggestionPage *self)
{
  GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (self->concerns_list));
  GtkWidget *heading = gtk_label_new (_("Rolling Supervision"));
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_widget_set_visible (heading, FALSE);
  gtk_widget_set_visible (list, FALSE);

  gtk_box_insert_child_after (GTK_BOX (column), heading, GTK_WIDGET (self->concerns_list));
  gtk_box_insert_child_after (GTK_BOX (column), list, heading);
  self->rolling_heading = heading;
  self->rolling_list = GTK_LIST_BOX (list);
}

static void
ld_suggestion_page_init (LdSuggestionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_rolling_section (self);
}

/* ------------------------------------------------------------------ public API */

GtkWindow *
ld_suggestion_page_new (GtkWindow *parent,
                        LdContext *context,
                        gint64     suggestion_id)
{
  LdSuggestionPage *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (suggestion_id > 0, NULL);

  self = g_object_new (LD_TYPE_SUGGESTION_PAGE,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->suggestion_id = suggestion_id;
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
ld_suggestion_page_get_suggestion_id (LdSuggestionPage *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION_PAGE (self), 0);

  return self->suggestion_id;
}

GtkWindow *
ld_suggestion_page_start_action (LdSuggestionPage   *self,
                                 LdSuggestionAction  action)
{
  g_return_val_if_fail (LD_IS_SUGGESTION_PAGE (self), NULL);
  g_return_val_if_fail (action < LD_SUGGESTION_N_ACTIONS, NULL);

  if (self->suggestion == NULL
      || !ld_workflow_suggestion_allows (ld_suggestion_get_state (self->suggestion), action, NULL))
    return NULL;

  return open_action_dialog (self, action);
}

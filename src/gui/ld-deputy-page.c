/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-deputy-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ld-calendar-store.h"
#include "ld-caseload.h"
#include "ld-caseload-print.h"
#include "ld-caseload-xlsx.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deadline.h"
#include "ld-deputy.h"
#include "ld-deputy-page.h"
#include "ld-event.h"
#include "ld-record-view.h"
#include "ld-station.h"
#include "ld-store.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-workflow.h"

/*
 * What a deputy opens to review their own work (DESIGN.md, "Deputy"): the duty days ahead,
 * what is still open and what is late, and the year's duty record (履职档案), whose figures are
 * ld-caseload's and ld-report's, the same ones the district workbook sends up.
 *
 * The window is built in code rather than from a template: every part of it is a list of rows
 * that reload() fills from the caseload, and the rows are what differs between deputies.
 * Its rows open a concern or a suggestion through the main window's win.open-concern and
 * win.open-suggestion, so that a record is open only once whichever list it was opened from.
 */

/* How many rows each open list shows; its heading says how many there are in all. */
#define LIST_LIMIT 50
/* How many past years the record's selector offers. */
#define N_YEARS    6

struct _LdDeputyPage
{
  AdwWindow            parent_instance;

  /* Widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *duty_group;
  GtkListBox          *duty_list;
  AdwPreferencesGroup *concerns_group;
  GtkListBox          *concerns_list;
  AdwPreferencesGroup *suggestions_group;
  GtkListBox          *suggestions_list;
  GtkDropDown         *year_dropdown;
  GtkBox              *record_box;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  GtkFileChooserNative *chooser;

  gint64               deputy_id;
  int                  this_year;   /* the first year the selector offers */
  int                  year;
};

G_DEFINE_FINAL_TYPE (LdDeputyPage, ld_deputy_page, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ helpers */

static void
add_toast (LdDeputyPage *self,
           const char   *message,
           gboolean      sticky)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (sticky)
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkListBox *
add_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

/* A row of text that is data, never markup (a subject may hold "&" or "<"). */
static AdwActionRow *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  AdwActionRow *row = add_row (list, text, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
}

static void
make_activatable (AdwActionRow *row,
                  const char   *action,
                  gint64        id)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: a name without its "x" target warns of a type mismatch. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
}

/* The due date with its 三色 colour and its words (colour alone reaches no screen reader). */
static void
add_due_suffix (AdwActionRow *row,
                const char   *due,
                LdDueStatus   status)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* A date no unit is held to any more (a concluded concern's, an answered suggestion's)
   * would only look like a deadline. */
  if (due == NULL || due[0] == '\0' || status == LD_DUE_NONE)
    return;

  /* Translators: a due date and its status, "2027-02-28 — Due soon" */
  text = g_strdup_printf (_("%s — %s"), due, ld_due_status_to_string (status));
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, ld_due_status_to_css_class (status));
  adw_action_row_add_suffix (row, label);
}

static int
due_soon_days (LdDeputyPage *self)
{
  g_autoptr(LdStation) station = ld_store_get_station (self->store, NULL);
  LdSuggestionDeadlines deadlines;

  if (ld_suggestion_store_get_deadlines (self->store, station ? ld_station_get_id (station) : 0,
                                         &deadlines, NULL)
      && deadlines.due_soon_days > 0)
    return deadlines.due_soon_days;
  return 7;
}

/* "Showing 50 of 73" when the list is cut, else NULL. */
static char *
dup_cut_note (const LdCaseloadList *list)
{
  if (list->count <= (gint64) list->ids->len)
    return NULL;
  /* Translators: under a list of a deputy's open items that shows only the first ones */
  return g_strdup_printf (_("Showing %u of %lld"), list->ids->len, (long long) list->count);
}

static void
show_duty_days (LdDeputyPage     *self,
                const LdCaseload *caseload,
                const char       *today)
{
  g_autofree char *note = dup_cut_note (&caseload->duty_days);

  ld_record_view_clear (GTK_WIDGET (self->duty_list));
  adw_preferences_group_set_description (self->duty_group, note);
  for (guint i = 0; i < caseload->duty_days.ids->len; i++)
    {
      gint64 id = g_array_index (caseload->duty_days.ids, gint64, i);
      g_autoptr(LdEvent) event = ld_calendar_store_get_event (self->store, id, NULL);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *start, *end, *place;
      AdwActionRow *row;

      if (event == NULL)
        continue;
      start = ld_event_get_start_time (event);
      end = ld_event_get_end_time (event);
      place = ld_event_get_place (event);
      /* Translators: a duty day in a deputy's caseload, "2026-06-15 · Reception day" */
      title = g_strdup_printf (_("%s · %s"), ld_event_get_date (event),
                               ld_event_kind_to_string (ld_event_get_kind (event)));
      if (start[0] != '\0' && end[0] != '\0')
        /* Translators: the hours and place of a duty day, "09:00–11:30 · 水果湖代表联络站" */
        subtitle = g_strdup_printf (_("%s–%s · %s"), start, end, place);
      else if (start[0] != '\0')
        subtitle = g_strdup_printf (_("%s · %s"), start, place);
      else
        subtitle = g_strdup (place);
      row = add_row (self->duty_list, title, g_strstrip (subtitle));
      if (g_strcmp0 (ld_event_get_date (event), today) == 0)
        {
          GtkWidget *badge = gtk_label_new (C_("duty day", "Today"));

          gtk_widget_add_css_class (badge, "accent");
          adw_action_row_add_suffix (row, badge);
        }
    }
  if (caseload->duty_days.ids->len == 0)
    add_placeholder (self->duty_list, _("No duty days ahead"));
}

static void
show_concerns (LdDeputyPage     *self,
               const LdCaseload *caseload,
               const char       *today,
               int               soon_days)
{
  g_autoptr(GPtrArray) concerns = NULL;
  g_autofree char *note = dup_cut_note (&caseload->open_concerns);
  g_autofree char *counts = NULL;
  g_autofree char *description = NULL;

  ld_record_view_clear (GTK_WIDGET (self->concerns_list));
  /* Translators: under "Open Concerns": how many concerns the deputy received are still open
   * and how many are done */
  counts = g_strdup_printf (_("%lld open · %lld done"),
                            (long long) caseload->concerns_open, (long long) caseload->concerns_done);
  description = note != NULL ? g_strdup_printf ("%s — %s", counts, note) : g_strdup (counts);
  adw_preferences_group_set_description (self->concerns_group, description);

  concerns = ld_concern_store_load (self->store, (const gint64 *) caseload->open_concerns.ids->data,
                                    caseload->open_concerns.ids->len, NULL);
  for (guint i = 0; concerns != NULL && i < concerns->len; i++)
    {
      LdConcern *concern = g_ptr_array_index (concerns, i);
      LdConcernState state = ld_concern_get_state (concern);
      const char *due = ld_concern_get_due_date (concern);
      g_autofree char *reference = ld_concern_dup_reference (concern);
      g_autofree char *title = g_strdup_printf ("%s  %s", reference,
                                                ld_concern_get_subject (concern));
      LdDueStatus status = LD_DUE_NONE;
      AdwActionRow *row;

      if (due != NULL && (state == LD_CONCERN_REFERRED || state == LD_CONCERN_IN_PROGRESS))
        status = ld_deadline_status (due, today, soon_days);
      row = add_row (self->concerns_list, title, ld_concern_state_to_string (state));
      add_due_suffix (row, due, status);
      make_activatable (row, "deputy.open-concern", ld_concern_get_id (concern));
    }
  if (caseload->open_concerns.ids->len == 0)
    add_placeholder (self->concerns_list, _("No open concerns"));
}

static void
show_suggestions (LdDeputyPage     *self,
                  const LdCaseload *caseload,
                  const char       *today,
                  int               soon_days)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *note = dup_cut_note (&caseload->open_suggestions);

  ld_record_view_clear (GTK_WIDGET (self->suggestions_list));
  adw_preferences_group_set_description (self->suggestions_group, note);

  suggestions = ld_suggestion_store_load (self->store,
                                          (const gint64 *) caseload->open_suggestions.ids->data,
                                          caseload->open_suggestions.ids->len, NULL);
  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      LdSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      LdSuggestionState state = ld_suggestion_get_state (suggestion);
      const char *due = ld_suggestion_get_due_date (suggestion);
      gboolean led = ld_suggestion_get_lead_deputy_id (suggestion) == self->deputy_id;
      g_autofree char *subtitle = NULL;
      LdDueStatus status = LD_DUE_NONE;
      AdwActionRow *row;

      if (due != NULL && ld_suggestion_state_is_due (state))
        status = ld_deadline_status (due, today, soon_days);
      /* Translators: the deputy's part in a suggestion and its state, "Lead deputy · Assigned" */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  led ? _("Lead deputy") : _("Co-signer"),
                                  ld_suggestion_state_to_string (state));
      row = add_row (self->suggestions_list, ld_suggestion_get_title (suggestion), subtitle);
      add_due_suffix (row, due, status);
      make_activatable (row, "deputy.open-suggestion", ld_suggestion_get_id (suggestion));
    }
  if (caseload->open_suggestions.ids->len == 0)
    add_placeholder (self->suggestions_list, _("No open suggestions"));
}

static void
show_record (LdDeputyPage *self,
             LdDutyRecord *record)
{
  ld_record_view_clear (GTK_WIDGET (self->record_box));

  for (guint i = 0; i < record->sections->len; i++)
    {
      LdDutyRecordSection *section = g_ptr_array_index (record->sections, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkListBox *list;

      adw_preferences_group_set_title (group, section->heading);
      list = add_list (group);
      for (guint j = 0; j < section->lines->len; j++)
        {
          LdDutyRecordLine *line = g_ptr_array_index (section->lines, j);
          AdwActionRow *row = add_row (list, line->label, NULL);
          GtkWidget *value = gtk_label_new (line->value);

          gtk_widget_add_css_class (value, "numeric");
          adw_action_row_add_suffix (row, value);
        }
      gtk_box_append (self->record_box, GTK_WIDGET (group));
    }
}

static void
reload (LdDeputyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = NULL;
  g_autoptr(LdDutyRecord) record = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  LdCaseloadQuery query = { 0 };
  LdCaseload caseload;
  const char *station_name = "";
  int soon_days;

  if (self->store == NULL)
    return;

  deputy = ld_store_get_deputy (self->store, self->deputy_id, &error);
  if (deputy == NULL)
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The deputy could not be read: %s"),
                                                  error ? error->message : "");
      add_toast (self, message, TRUE);
      return;
    }

  now = ld_context_now (self->context);
  today = ld_record_view_dup_today (self->context);
  query.today = today;
  query.year = self->year;
  query.deputy_id = self->deputy_id;
  query.limit = LIST_LIMIT;
  if (!ld_caseload_compute (self->store, &query, &caseload, &error))
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The caseload could not be read: %s"),
                                                  error->message);
      add_toast (self, message, TRUE);
      return;
    }

  stations = ld_store_list_stations (self->store, NULL);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    if (ld_station_get_id (g_ptr_array_index (stations, i)) == ld_deputy_get_station_id (deputy))
      station_name = ld_station_get_name (g_ptr_array_index (stations, i));
  classes = ld_store_list_entries (self->store, LD_LIST_ANSWER_CLASS, FALSE, NULL);
  record = ld_duty_record_new (deputy, station_name, &caseload, classes, now);

  gtk_window_set_title (GTK_WINDOW (self), ld_deputy_get_name (deputy));
  adw_window_title_set_title (self->window_title, ld_deputy_get_name (deputy));
  gtk_label_set_text (self->name_label, ld_deputy_get_name (deputy));
  gtk_label_set_text (self->subtitle_label, record->subtitle);

  soon_days = due_soon_days (self);
  show_duty_days (self, &caseload, today);
  show_concerns (self, &caseload, today, soon_days);
  show_suggestions (self, &caseload, today, soon_days);
  show_record (self, record);

  ld_caseload_clear (&caseload);
}

static void
open_in_parent (LdDeputyPage *self,
                const char   *action,
                GVariant     *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), action, parameter);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdDeputyPage *self,
                  const char   *kind,
                  gint64        id)
{
  reload (self);
}

static void
year_selected_cb (LdDeputyPage *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  ld_deputy_page_set_year (self, self->this_year - (int) position);
}

static void
chooser_response_cb (LdDeputyPage *self,
                     int           response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDutyRecord) record = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->store == NULL)
    return;

  path = g_file_get_path (file);
  now = ld_context_now (self->context);
  record = ld_duty_record_load (self->store, self->deputy_id, self->year, now, &error);
  if (record == NULL || !ld_caseload_xlsx_write (record, path, &error))
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The duty record was not exported: %s"),
                                                  error->message);
      add_toast (self, message, TRUE);
      return;
    }
  add_toast (self, _("Duty record exported"), FALSE);
}

/* ------------------------------------------------------------------ actions */

static void
open_concern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_in_parent (LD_DEPUTY_PAGE (widget), "win.open-concern", parameter);
}

static void
open_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_in_parent (LD_DEPUTY_PAGE (widget), "win.open-suggestion", parameter);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LdDeputyPage *self = LD_DEPUTY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!ld_caseload_print (GTK_WINDOW (self), self->context, self->deputy_id, self->year,
                          &error))
    {
      /* Translators: %s says in plain words what went wrong */
      g_autofree char *message = g_strdup_printf (_("The duty record was not printed: %s"),
                                                  error->message);
      add_toast (self, message, TRUE);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdDeputyPage *self = LD_DEPUTY_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  /* GtkFileDialog needs GTK 4.10; the portal-aware native chooser serves GTK 4.8. */
  self->chooser = gtk_file_chooser_native_new (_("Export Duty Record"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the file name offered for a duty record: the deputy's name and the year */
  name = g_strdup_printf (_("%s Duty Record %d.xlsx"), gtk_label_get_text (self->name_label),
                          self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ building */

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
build (LdDeputyPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  AdwPreferencesGroup *record_group;
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", _("Caseload")));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_set_margin_top (column, 24);
  gtk_widget_set_margin_bottom (column, 24);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);

  self->name_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-1");
  self->subtitle_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_label_set_wrap (self->subtitle_label, TRUE);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->subtitle_label));
  gtk_box_append (GTK_BOX (column), heading);

  self->duty_group = add_group (GTK_BOX (column), _("Duty Days Ahead"));
  self->duty_list = add_list (self->duty_group);
  self->concerns_group = add_group (GTK_BOX (column), _("Open Concerns"));
  self->concerns_list = add_list (self->concerns_group);
  self->suggestions_group = add_group (GTK_BOX (column), _("Open Suggestions"));
  self->suggestions_list = add_list (self->suggestions_group);

  /* The duty record: its year, Print… and Export… above its sections. */
  record_group = add_group (GTK_BOX (column), _("Duty Record"));
  adw_preferences_group_set_description (record_group,
                                         _("What the deputy did in the year, as the district "
                                           "counts it"));
  for (int i = 0; i < N_YEARS; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->this_year - i);

      gtk_string_list_append (years, year);
    }
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (years)),
                                                          NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->year_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year of the record"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year of the record"), -1);
  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->year_dropdown));
  gtk_box_append (GTK_BOX (suffix), new_button (_("_Print…"), "deputy.print",
                                                _("Print the duty record on A4 paper")));
  gtk_box_append (GTK_BOX (suffix), new_button (_("_Export…"), "deputy.export",
                                                _("Save the duty record as a workbook")));
  adw_preferences_group_set_header_suffix (record_group, suffix);

  self->record_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->record_box));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), scrolled);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_deputy_page_dispose (GObject *object)
{
  LdDeputyPage *self = LD_DEPUTY_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ld_deputy_page_parent_class)->dispose (object);
}

static void
ld_deputy_page_class_init (LdDeputyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_deputy_page_dispose;

  gtk_widget_class_install_action (widget_class, "deputy.open-concern", "x",
                                   open_concern_action);
  gtk_widget_class_install_action (widget_class, "deputy.open-suggestion", "x",
                                   open_suggestion_action);
  gtk_widget_class_install_action (widget_class, "deputy.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "deputy.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "deputy.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ld_deputy_page_init (LdDeputyPage *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 820);
}

/* ------------------------------------------------------------------ public API */

GtkWindow *
ld_deputy_page_new (GtkWindow *parent,
                    LdContext *context,
                    gint64     deputy_id)
{
  LdDeputyPage *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (deputy_id > 0, NULL);

  self = g_object_new (LD_TYPE_DEPUTY_PAGE, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->deputy_id = deputy_id;
  today = ld_record_view_dup_today (context);
  self->this_year = today != NULL ? atoi (today) : 2026;
  self->year = self->this_year;
  build (self);

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
ld_deputy_page_get_deputy_id (LdDeputyPage *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY_PAGE (self), 0);

  return self->deputy_id;
}

int
ld_deputy_page_get_year (LdDeputyPage *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY_PAGE (self), 0);

  return self->year;
}

void
ld_deputy_page_set_year (LdDeputyPage *self,
                         int           year)
{
  int position;

  g_return_if_fail (LD_IS_DEPUTY_PAGE (self));
  g_return_if_fail (year >= 1000 && year <= 9999);

  if (self->year == year)
    return;
  self->year = year;
  position = self->this_year - year;
  if (position >= 0 && position < N_YEARS
      && gtk_drop_down_get_selected (self->year_dropdown) != (guint) position)
    gtk_drop_down_set_selected (self->year_dropdown, (guint) position);
  reload (self);
}

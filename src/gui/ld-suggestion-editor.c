/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-suggestion-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deputy.h"
#include "ld-editor-parts.h"
#include "ld-form.h"
#include "ld-list-entry.h"
#include "ld-station.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
#include "ld-suggestion-page.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-toast.h"
#include "ld-window.h"

/*
 * The suggestion form. Deputies usually build a suggestion out of what residents raised, so a
 * new one made from concerns starts with their subjects and words, their receiving deputies and
 * the links that carry the answer back to each resident. As the concern form, it edits a copy
 * that goes through ld_suggestion_validate() after every change, and a failed save keeps
 * everything typed.
 */

enum {
  FIELD_TITLE,
  FIELD_NUMBER,
  FIELD_SUBMITTED,
  FIELD_SUPERVISOR,
  N_FIELDS
};

struct _LdSuggestionEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *save_error_revealer;
  GtkLabel            *save_error_label;
  AdwPreferencesPage  *page;
  AdwEntryRow         *title_row;
  GtkLabel            *title_error;
  AdwEntryRow         *number_row;
  GtkLabel            *number_error;
  AdwComboRow         *category_row;
  AdwEntryRow         *submitted_row;
  GtkLabel            *submitted_error;
  GtkFrame            *content_frame;
  GtkTextView         *content_view;
  GtkLabel            *content_error;
  AdwComboRow         *lead_row;
  GtkSearchEntry      *deputy_search;
  GtkWidget           *co_signers_scroller;
  GtkListBox          *co_signers_list;
  GtkLabel            *co_signers_error;
  AdwPreferencesGroup *concerns_group;
  GtkListBox          *concerns_list;
  GtkLabel            *concerns_error;
  AdwActionRow        *key_row;
  GtkSwitch           *key_switch;
  AdwEntryRow         *supervisor_row;
  GtkLabel            *supervisor_error;
  GtkFrame            *notes_frame;
  GtkTextView         *notes_view;
  GtkLabel            *notes_error;

  /* Owned */
  LdContext           *context;
  LdSuggestion        *given;
  LdSuggestion        *original;     /* what the form started from, to tell whether it changed */
  LdSuggestion        *suggestion;   /* the copy the form edits */
  LdForm              *form;
  AdwMessageDialog    *confirm_dialog;
  GArray              *category_ids; /* gint64, in the order of category_row; 0 first */
  GArray              *deputy_ids;   /* gint64, in the order of lead_row; 0 first */
  GArray              *checked;      /* gint64 co-signer ids, in the order they were checked */

  LdFormEntry          fields[N_FIELDS];
  gboolean             filling;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (LdSuggestionEditor, ld_suggestion_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SUGGESTION,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fill_form (LdSuggestionEditor *self);

/* ------------------------------------------------------------------ helpers */

static LdStore *
get_store (LdSuggestionEditor *self)
{
  return self->context ? ld_context_get_store (self->context) : NULL;
}

static gboolean
is_new (LdSuggestionEditor *self)
{
  return ld_suggestion_get_id (self->suggestion) == 0;
}

static char *
dup_today (LdSuggestionEditor *self)
{
  g_autoptr(GDateTime) now = ld_context_now (self->context);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Concerns may be unlinked until the suggestion goes to a unit: then they are in its file. */
static gboolean
can_unlink_concerns (LdSuggestionEditor *self)
{
  LdSuggestionState state = ld_suggestion_get_state (self->original);

  return is_new (self) || state == LD_SUGGESTION_DRAFT || state == LD_SUGGESTION_SUBMITTED;
}

static void
append_unique (GArray *ids,
               gint64  id)
{
  if (id != 0 && !ld_editor_parts_contains_id (ids, id))
    g_array_append_val (ids, id);
}

static void
set_string_field (LdSuggestion *suggestion,
                  guint         field,
                  const char   *text)
{
  const char *value = text && *text ? text : NULL;

  switch (field)
    {
    case FIELD_TITLE:
      ld_suggestion_set_title (suggestion, value);
      break;
    case FIELD_NUMBER:
      ld_suggestion_set_number (suggestion, value);
      break;
    case FIELD_SUBMITTED:
      ld_suggestion_set_submitted_date (suggestion, value);
      break;
    case FIELD_SUPERVISOR:
      ld_suggestion_set_supervisor (suggestion, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_string_field (LdSuggestion *suggestion,
                  guint         field)
{
  const char *value = NULL;

  switch (field)
    {
    case FIELD_TITLE:
      value = ld_suggestion_get_title (suggestion);
      break;
    case FIELD_NUMBER:
      value = ld_suggestion_get_number (suggestion);
      break;
    case FIELD_SUBMITTED:
      value = ld_suggestion_get_submitted_date (suggestion);
      break;
    case FIELD_SUPERVISOR:
      value = ld_suggestion_get_supervisor (suggestion);
      break;
    default:
      g_assert_not_reached ();
    }

  return value ? value : "";
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_actions (LdSuggestionEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.save",
                                 get_store (self) != NULL
                                 && ld_suggestion_editor_get_valid (self));
}

static void
validate (LdSuggestionEditor *self)
{
  gboolean was_valid = ld_suggestion_editor_get_valid (self);
  g_autofree char *today = dup_today (self);
  g_autoptr(GHashTable) errors = ld_suggestion_validate (self->suggestion, today);

  ld_form_show_errors (self->form, errors);
  update_actions (self);

  if (was_valid != ld_suggestion_editor_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
show_save_error (LdSuggestionEditor *self,
                 const char         *message)
{
  if (message)
    gtk_label_set_label (self->save_error_label, message);
  gtk_revealer_set_reveal_child (self->save_error_revealer, message != NULL);
}

static gboolean
is_modified (LdSuggestionEditor *self)
{
  return !ld_suggestion_equal (self->original, self->suggestion);
}

static void
changed (LdSuggestionEditor *self)
{
  show_save_error (self, NULL);
  validate (self);
}

/* ------------------------------------------------------------------ deputies */

static void co_signer_toggled_cb (LdSuggestionEditor *self,
                                  GtkCheckButton     *check);

static void
read_checked (LdSuggestionEditor *self)
{
  GArray *ids = ld_suggestion_get_co_signer_ids (self->suggestion);

  g_array_set_size (self->checked, 0);
  if (ids && ids->len > 0)
    g_array_append_vals (self->checked, ids->data, ids->len);
}

/* The roster's active deputies by name, and those this suggestion already names even when they
 * have retired since. */
static GPtrArray *
load_deputies (LdSuggestionEditor *self)
{
  GArray *co_signers = ld_suggestion_get_co_signer_ids (self->suggestion);
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (gint64));

  append_unique (named, ld_suggestion_get_lead_deputy_id (self->suggestion));
  for (guint i = 0; co_signers && i < co_signers->len; i++)
    append_unique (named, g_array_index (co_signers, gint64, i));

  return ld_editor_parts_load_deputies (get_store (self), named);
}

static void
fill_deputies (LdSuggestionEditor *self)
{
  g_autoptr(GPtrArray) deputies = load_deputies (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;
  gint64 none = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->co_signers_list))))
    gtk_list_box_remove (self->co_signers_list, child);

  g_array_set_size (self->deputy_ids, 0);
  g_array_append_val (self->deputy_ids, none);
  gtk_string_list_append (names, C_("lead deputy", "Not Chosen"));

  for (guint i = 0; deputies && i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      gint64 id = ld_deputy_get_id (deputy);

      g_array_append_val (self->deputy_ids, id);
      gtk_string_list_append (names, ld_deputy_get_name (deputy));
      gtk_list_box_append (self->co_signers_list,
                           ld_editor_parts_new_deputy_row (deputy, FALSE,
                                                           G_CALLBACK (co_signer_toggled_cb),
                                                           self));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (names));
  self->filling = FALSE;
}

/* The lead deputy signs first and only once: their row in the co-signers cannot be checked. */
static void
sync_co_signer_checks (LdSuggestionEditor *self)
{
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  ld_editor_parts_sync_deputy_checks (self->co_signers_list, self->checked,
                                      ld_suggestion_get_lead_deputy_id (self->suggestion));
  self->filling = was_filling;
}

/* ------------------------------------------------------------------ linked concerns */

static void unlink_concern_clicked_cb (LdSuggestionEditor *self,
                                       GtkButton          *button);

static void
fill_concerns (LdSuggestionEditor *self)
{
  LdStore *store = get_store (self);
  GArray *ids = ld_suggestion_get_concern_ids (self->suggestion);
  g_autoptr(GPtrArray) concerns = NULL;
  gboolean removable = can_unlink_concerns (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->concerns_list))))
    gtk_list_box_remove (self->concerns_list, child);

  if (store && ids && ids->len > 0)
    concerns = ld_concern_store_load (store, (const gint64 *) ids->data, ids->len, NULL);

  for (guint i = 0; concerns && i < concerns->len; i++)
    {
      LdConcern *concern = g_ptr_array_index (concerns, i);
      g_autofree char *reference = ld_concern_dup_reference (concern);
      const char *subject = ld_concern_get_subject (concern);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = ld_concern_get_id (concern);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject ? subject : "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      if (reference)
        {
          GtkWidget *label = gtk_label_new (reference);

          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
        }

      if (removable)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
          /* Translators: %s is a concern's reference, e.g. 2026-0012 */
          g_autofree char *tooltip = g_strdup_printf (_("Unlink Concern %s"),
                                                      reference ? reference : "");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data_full (G_OBJECT (button), "concern-id", g_memdup2 (&id, sizeof id),
                                  g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (unlink_concern_clicked_cb),
                                   self, G_CONNECT_SWAPPED);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      gtk_list_box_append (self->concerns_list, row);
    }

  if (concerns == NULL || concerns->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("None: the suggestion was written from scratch"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->concerns_list, row);
    }
}

/* ------------------------------------------------------------------ form */

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  adw_combo_row_set_selected (row, 0);
}

static void
fill_form (LdSuggestionEditor *self)
{
  const char *content = ld_suggestion_get_content (self->suggestion);
  const char *notes = ld_suggestion_get_notes (self->suggestion);

  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_text (self->fields[i].row, get_string_field (self->suggestion, i));

  select_id (self->category_row, self->category_ids,
             ld_suggestion_get_category_id (self->suggestion));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            content ? content : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  gtk_switch_set_active (self->key_switch, ld_suggestion_get_key_supervision (self->suggestion));

  read_checked (self);
  fill_deputies (self);
  self->filling = TRUE;
  select_id (self->lead_row, self->deputy_ids, ld_suggestion_get_lead_deputy_id (self->suggestion));
  sync_co_signer_checks (self);
  fill_concerns (self);

  self->filling = FALSE;
}

static void
load_lists (LdSuggestionEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  if (store)
    categories = ld_store_list_entries (store, LD_LIST_SUGGESTION_CATEGORY, FALSE, NULL);

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, none);
  gtk_string_list_append (names, C_("category", "Not Chosen"));
  for (guint i = 0; categories && i < categories->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (categories, i);
      gint64 id = ld_list_entry_get_id (entry);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (names, ld_list_entry_get_display_name (entry));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  self->filling = FALSE;
}

/* A new suggestion: of this station, submitted today unless the clerk says otherwise. */
static LdSuggestion *
create_defaults (LdSuggestionEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(LdStation) station = NULL;
  g_autofree char *today = dup_today (self);
  LdSuggestion *suggestion = ld_suggestion_new ();

  if (store)
    station = ld_store_get_station (store, NULL);
  if (station)
    ld_suggestion_set_station_id (suggestion, ld_station_get_id (station));
  ld_suggestion_set_submitted_date (suggestion, today);

  return suggestion;
}

/*
 * What the concerns give a new suggestion: the first one's subject as the title, every
 * concern's subject and the resident's words as a numbered list with its reference, the first
 * concern's first receiving deputy as the lead and the others as co-signers. The category is
 * left to the clerk: suggestion categories are not those of concerns.
 */
static void
prefill_from_concerns (LdSuggestionEditor *self,
                       const gint64       *concern_ids,
                       guint               n_concern_ids)
{
  LdStore *store = get_store (self);
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GArray) deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LdSuggestion *suggestion = self->original;

  if (store == NULL || n_concern_ids == 0)
    return;

  /* Each one whole, with its receiving deputies, which the lists' loading leaves out. */
  concerns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_concern_ids; i++)
    {
      LdConcern *concern = ld_concern_store_get (store, concern_ids[i], NULL);

      if (concern)
        g_ptr_array_add (concerns, concern);
    }
  if (concerns->len == 0)
    return;

  for (guint i = 0; i < concerns->len; i++)
    {
      LdConcern *concern = g_ptr_array_index (concerns, i);
      g_autofree char *reference = ld_concern_dup_reference (concern);
      const char *subject = ld_concern_get_subject (concern);
      const char *details = ld_concern_get_details (concern);
      GArray *receiving = ld_concern_get_deputy_ids (concern);

      append_unique (ids, ld_concern_get_id (concern));
      for (guint j = 0; receiving && j < receiving->len; j++)
        append_unique (deputies, g_array_index (receiving, gint64, j));

      if (content->len > 0)
        g_string_append (content, "\n\n");
      /* Translators: one concern in the content of a suggestion made from concerns: its number
       * in the list, its reference and its subject, e.g. "1. 2026-0012 路灯不亮" */
      g_string_append_printf (content, C_("suggestion content", "%u. %s %s"), i + 1,
                              reference ? reference : "", subject ? subject : "");
      if (details && *details)
        {
          g_string_append_c (content, '\n');
          g_string_append (content, details);
        }
    }

  ld_suggestion_set_title (suggestion,
                           ld_concern_get_subject (g_ptr_array_index (concerns, 0)));
  ld_suggestion_set_content (suggestion, content->str);
  ld_suggestion_set_category_id (suggestion, 0);
  ld_suggestion_set_concern_ids (suggestion, (const gint64 *) ids->data, ids->len);
  if (ld_concern_get_station_id (g_ptr_array_index (concerns, 0)) != 0)
    ld_suggestion_set_station_id (suggestion,
                                  ld_concern_get_station_id (g_ptr_array_index (concerns, 0)));

  /* The lead is the first concern's first receiving deputy, the order the receptions kept. */
  {
    GArray *first = ld_concern_get_deputy_ids (g_ptr_array_index (concerns, 0));
    gint64 lead = first && first->len > 0 ? g_array_index (first, gint64, 0) : 0;
    g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < deputies->len; i++)
      if (g_array_index (deputies, gint64, i) != lead)
        g_array_append_val (others, g_array_index (deputies, gint64, i));

    ld_suggestion_set_lead_deputy_id (suggestion, lead);
    ld_suggestion_set_co_signer_ids (suggestion, (const gint64 *) others->data, others->len);
  }

  g_clear_object (&self->suggestion);
  self->suggestion = ld_suggestion_copy (self->original);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Closes the window after the current event, so that a dialog answering from inside its own
 * response handler is not destroyed under it. */
static void
close_later (LdSuggestionEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

/* The main window, where the suggestion opens and the toast shows after the form closed. */
static GtkWindow *
find_main_window (LdSuggestionEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* Opened from a concern's window, which belongs to the main one. */
  for (GtkWindow *w = parent; w; w = gtk_window_get_transient_for (w))
    {
      if (LD_IS_WINDOW (w))
        return w;
      if (app == NULL)
        app = gtk_window_get_application (w);
    }

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    if (LD_IS_WINDOW (l->data))
      return l->data;

  return parent;
}

/* A new suggestion opens at once: what comes next (assigning it) happens on its page. */
static void
open_saved (LdSuggestionEditor *self,
            gint64              id)
{
  GtkWindow *main_window = find_main_window (self);
  GtkWindow *page;

  if (main_window
      && gtk_widget_activate_action (GTK_WIDGET (main_window), "win.open-suggestion", "x", id))
    return;

  page = ld_suggestion_page_new (main_window, self->context, id);
  gtk_window_present (page);
}

static void
add_toast_after_close (LdSuggestionEditor *self,
                       const char         *text)
{
  /* The main window: a suggestion's or concern's own window has no room for toasts. */
  GtkWindow *parent = find_main_window (self);

  if (parent)
    ld_toast_add (GTK_WIDGET (parent), ld_toast_new_plain (text));
}

/* Creates or updates a copy of the form's suggestion; the form stays as typed when it fails. */
static LdSuggestion *
store_suggestion (LdSuggestionEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(LdSuggestion) saving = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *operator = NULL;
  gboolean ok;

  ld_form_touch_all (self->form);
  validate (self);

  if (store == NULL)
    return NULL;
  if (!ld_suggestion_editor_get_valid (self))
    {
      show_save_error (self, _("Fill in the fields marked in red first."));
      return NULL;
    }

  operator = ld_context_dup_operator (self->context);
  saving = ld_suggestion_copy (self->suggestion);

  if (is_new (self))
    ok = ld_suggestion_store_create (store, saving, operator, &error);
  else
    ok = ld_suggestion_store_update (store, saving, operator, &error);

  if (!ok)
    {
      /* Translators: %s says in plain words why the suggestion could not be saved */
      g_autofree char *message = g_strdup_printf (_("The suggestion could not be saved, and "
                                                    "nothing typed is lost: %s"),
                                                  error->message);

      show_save_error (self, message);
      return NULL;
    }

  show_save_error (self, NULL);
  return g_steal_pointer (&saving);
}

/* ------------------------------------------------------------------ callbacks */

static void
entry_changed_cb (LdSuggestionEditor *self,
                  GtkEditable        *editable)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == editable)
      set_string_field (self->suggestion, i, gtk_editable_get_text (editable));

  changed (self);
}

/* A field's message shows once the clerk has left it, not while they are still typing. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                LdSuggestionEditor      *self)
{
  const char *field = g_object_get_data (G_OBJECT (controller), "field");

  /* Focus also moves while the window is taken down. */
  if (self->suggestion == NULL || self->closing)
    return;

  ld_form_touch (self->form, field);
  validate (self);
}

static void
combo_selected_cb (LdSuggestionEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);
  guint lead = adw_combo_row_get_selected (self->lead_row);

  if (self->filling)
    return;

  if (category < self->category_ids->len)
    ld_suggestion_set_category_id (self->suggestion,
                                   g_array_index (self->category_ids, gint64, category));
  if (lead < self->deputy_ids->len)
    {
      gint64 lead_id = g_array_index (self->deputy_ids, gint64, lead);

      if (lead_id != ld_suggestion_get_lead_deputy_id (self->suggestion))
        {
          /* A co-signer made the lead signs only once. */
          for (guint i = 0; i < self->checked->len; i++)
            if (g_array_index (self->checked, gint64, i) == lead_id)
              g_array_remove_index (self->checked, i--);
          ld_suggestion_set_co_signer_ids (self->suggestion,
                                           (const gint64 *) self->checked->data,
                                           self->checked->len);
          ld_suggestion_set_lead_deputy_id (self->suggestion, lead_id);
          sync_co_signer_checks (self);
        }
      ld_form_touch (self->form, "lead-deputy-id");
    }

  changed (self);
}

static void
key_notify_cb (LdSuggestionEditor *self)
{
  if (self->filling)
    return;

  ld_suggestion_set_key_supervision (self->suggestion, gtk_switch_get_active (self->key_switch));
  ld_form_touch (self->form, "supervisor");
  changed (self);
}

static void
content_changed_cb (LdSuggestionEditor *self)
{
  g_autofree char *text = NULL;

  if (self->filling)
    return;

  text = dup_text (self->content_view);
  ld_suggestion_set_content (self->suggestion, *text ? text : NULL);
  changed (self);
}

static void
notes_changed_cb (LdSuggestionEditor *self)
{
  g_autofree char *text = NULL;

  if (self->filling)
    return;

  text = dup_text (self->notes_view);
  ld_suggestion_set_notes (self->suggestion, *text ? text : NULL);
  changed (self);
}

static void
co_signer_toggled_cb (LdSuggestionEditor *self,
                      GtkCheckButton     *check)
{
  if (self->filling)
    return;

  ld_editor_parts_toggle_id (self->checked, ld_editor_parts_get_deputy_id (check),
                             gtk_check_button_get_active (check));

  ld_suggestion_set_co_signer_ids (self->suggestion, (const gint64 *) self->checked->data,
                                   self->checked->len);
  ld_form_touch (self->form, "co-signer-ids");
  changed (self);
}

static void
deputy_search_changed_cb (LdSuggestionEditor *self)
{
  gtk_list_box_invalidate_filter (self->co_signers_list);
}

static gboolean
fill_concerns_idle_cb (gpointer data)
{
  LdSuggestionEditor *self = data;

  if (self->suggestion)
    fill_concerns (self);

  return G_SOURCE_REMOVE;
}

static void
unlink_concern_clicked_cb (LdSuggestionEditor *self,
                           GtkButton          *button)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "concern-id");
  GArray *ids = ld_suggestion_get_concern_ids (self->suggestion);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != id)
      g_array_append_val (kept, g_array_index (ids, gint64, i));

  ld_suggestion_set_concern_ids (self->suggestion, (const gint64 *) kept->data, kept->len);
  ld_form_touch (self->form, "concern-ids");
  /* The button goes with its row: rebuild after this signal has returned. */
  g_idle_add_full (G_PRIORITY_DEFAULT, fill_concerns_idle_cb, g_object_ref (self),
                   g_object_unref);
  changed (self);
}

static void
confirm_response_cb (LdSuggestionEditor *self,
                     const char         *response)
{
  g_clear_object (&self->confirm_dialog);

  if (g_strcmp0 (response, "discard") == 0)
    close_later (self);
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ld_suggestion_editor_save (LD_SUGGESTION_EDITOR (widget));
}

/* Ctrl+Enter: a save attempt shows every message, even while the action is disabled. */
static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (widget);

  ld_form_touch_all (self->form);
  validate (self);
  if (ld_suggestion_editor_get_valid (self))
    gtk_widget_activate_action (widget, "suggestion.save", NULL);

  return TRUE;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_suggestion_editor_close_request (GtkWindow *window)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (window);

  if (self->closing || !is_modified (self))
    return GTK_WINDOW_CLASS (ld_suggestion_editor_parent_class)->close_request (window);

  ld_editor_parts_ask_discard (window, &self->confirm_dialog,
                               is_new (self) ? _("Discard This Suggestion?")
                                             : _("Discard the Changes?"),
                               is_new (self)
                               ? _("What you typed has not been saved and will be lost.")
                               : _("The changes have not been saved and will be lost."),
                               G_CALLBACK (confirm_response_cb));

  return TRUE;
}

static void
ld_suggestion_editor_constructed (GObject *object)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (object);

  G_OBJECT_CLASS (ld_suggestion_editor_parent_class)->constructed (object);

  load_lists (self);

  self->original = self->given ? ld_suggestion_copy (self->given) : create_defaults (self);
  self->suggestion = ld_suggestion_copy (self->original);

  gtk_window_set_title (GTK_WINDOW (self),
                        is_new (self) ? _("New Suggestion") : _("Edit Suggestion"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (!is_new (self))
    adw_window_title_set_subtitle (self->window_title,
                                   ld_suggestion_get_number_display (self->suggestion));

  /* A stored suggestion shows every problem at once; a new one as the clerk leaves each field. */
  ld_form_set_show_all (self->form, !is_new (self));

  fill_form (self);
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
ld_suggestion_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SUGGESTION:
      g_value_set_object (value, self->given);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, ld_suggestion_editor_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestion_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SUGGESTION:
      self->given = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestion_editor_dispose (GObject *object)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (object);

  if (self->confirm_dialog)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
  g_clear_object (&self->confirm_dialog);
  g_clear_object (&self->context);
  g_clear_object (&self->given);
  g_clear_object (&self->original);
  g_clear_object (&self->suggestion);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_SUGGESTION_EDITOR);

  G_OBJECT_CLASS (ld_suggestion_editor_parent_class)->dispose (object);
}

static void
ld_suggestion_editor_finalize (GObject *object)
{
  LdSuggestionEditor *self = LD_SUGGESTION_EDITOR (object);

  g_clear_object (&self->form);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->deputy_ids, g_array_unref);
  g_clear_pointer (&self->checked, g_array_unref);

  G_OBJECT_CLASS (ld_suggestion_editor_parent_class)->finalize (object);
}

static void
ld_suggestion_editor_class_init (LdSuggestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_suggestion_editor_constructed;
  object_class->get_property = ld_suggestion_editor_get_property;
  object_class->set_property = ld_suggestion_editor_set_property;
  object_class->dispose = ld_suggestion_editor_dispose;
  object_class->finalize = ld_suggestion_editor_finalize;

  window_class->close_request = ld_suggestion_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUGGESTION] =
    g_param_spec_object ("suggestion", NULL, NULL,
                         LD_TYPE_SUGGESTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-suggestion-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LdSuggestionEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (save_error_revealer);
  BIND (save_error_label);
  BIND (page);
  BIND (title_row);
  BIND (title_error);
  BIND (number_row);
  BIND (number_error);
  BIND (category_row);
  BIND (submitted_row);
  BIND (submitted_error);
  BIND (content_frame);
  BIND (content_view);
  BIND (content_error);
  BIND (lead_row);
  BIND (deputy_search);
  BIND (co_signers_scroller);
  BIND (co_signers_list);
  BIND (co_signers_error);
  BIND (concerns_group);
  BIND (concerns_list);
  BIND (concerns_error);
  BIND (key_row);
  BIND (key_switch);
  BIND (supervisor_row);
  BIND (supervisor_error);
  BIND (notes_frame);
  BIND (notes_view);
  BIND (notes_error);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "suggestion.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "suggestion.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "suggestion.cancel", NULL);
}

static void
add_focus_field (LdSuggestionEditor *self,
                 GtkWidget          *widget,
                 const char         *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (focus), "field", (gpointer) field);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

static void
ld_suggestion_editor_init (LdSuggestionEditor *self)
{
  /* The field names are the properties of LdSuggestion, as ld_suggestion_validate() reports
   * them. */
  static const char * const field_names[N_FIELDS] = {
    "title", "number", "submitted-date", "supervisor",
  };
  AdwEntryRow *rows[N_FIELDS];
  GtkLabel *errors[N_FIELDS];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checked = g_array_new (FALSE, FALSE, sizeof (gint64));

  rows[FIELD_TITLE] = self->title_row;
  rows[FIELD_NUMBER] = self->number_row;
  rows[FIELD_SUBMITTED] = self->submitted_row;
  rows[FIELD_SUPERVISOR] = self->supervisor_row;
  errors[FIELD_TITLE] = self->title_error;
  errors[FIELD_NUMBER] = self->number_error;
  errors[FIELD_SUBMITTED] = self->submitted_error;
  errors[FIELD_SUPERVISOR] = self->supervisor_error;

  self->form = ld_form_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i] = (LdFormEntry) { field_names[i], GTK_EDITABLE (rows[i]), errors[i] };
      add_focus_field (self, GTK_WIDGET (rows[i]), field_names[i]);
    }
  ld_form_add_entries (self->form, self->fields, N_FIELDS);
  ld_form_add_field (self->form, "content", GTK_WIDGET (self->content_frame), self->content_error);
  ld_form_add_field (self->form, "notes", GTK_WIDGET (self->notes_frame), self->notes_error);
  ld_form_add_field (self->form, "category-id", GTK_WIDGET (self->category_row), NULL);
  ld_form_add_field (self->form, "lead-deputy-id", GTK_WIDGET (self->lead_row), NULL);
  ld_form_add_field (self->form, "co-signer-ids", self->co_signers_scroller,
                     self->co_signers_error);
  ld_form_add_field (self->form, "concern-ids", GTK_WIDGET (self->concerns_list),
                     self->concerns_error);
  ld_form_set_catch_all (self->form, "title");
  add_focus_field (self, GTK_WIDGET (self->content_view), "content");
  add_focus_field (self, GTK_WIDGET (self->notes_view), "notes");
  add_focus_field (self, GTK_WIDGET (self->lead_row), "lead-deputy-id");
  add_focus_field (self, GTK_WIDGET (self->category_row), "category-id");

  gtk_list_box_set_filter_func (self->co_signers_list, ld_editor_parts_filter_deputy_row,
                                self->deputy_search, NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->content_view), "changed",
                           G_CALLBACK (content_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_suggestion_editor_new:
 * @context: the shared services, with an open database
 * @suggestion: (nullable): the suggestion to edit, or %NULL for a new one
 * @concern_ids: (array length=n_concern_ids) (nullable): for a new one, the concerns it is
 *   made from, in the order chosen
 * @n_concern_ids: how many
 *
 * Returns: (transfer none): the form, not yet presented; a new suggestion opens once saved
 */
GtkWindow *
ld_suggestion_editor_new (LdContext          *context,
                          LdSuggestion       *suggestion,
                          const gint64       *concern_ids,
                          guint               n_concern_ids)
{
  LdSuggestionEditor *self;

  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!suggestion || LD_IS_SUGGESTION (suggestion), NULL);
  g_return_val_if_fail (concern_ids != NULL || n_concern_ids == 0, NULL);

  self = g_object_new (LD_TYPE_SUGGESTION_EDITOR,
                       "context", context,
                       "suggestion", suggestion,
                       NULL);

  if (suggestion == NULL && n_concern_ids > 0)
    {
      prefill_from_concerns (self, concern_ids, n_concern_ids);
      fill_form (self);
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }

  return GTK_WINDOW (self);
}

/* Returns: (transfer none): the copy being edited */
LdSuggestion *
ld_suggestion_editor_get_suggestion (LdSuggestionEditor *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION_EDITOR (self), NULL);

  return self->suggestion;
}

gboolean
ld_suggestion_editor_get_valid (LdSuggestionEditor *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION_EDITOR (self), FALSE);

  return ld_form_get_valid (self->form);
}

gboolean
ld_suggestion_editor_save (LdSuggestionEditor *self)
{
  g_autoptr(LdSuggestion) saved = NULL;
  gboolean was_new;

  g_return_val_if_fail (LD_IS_SUGGESTION_EDITOR (self), FALSE);

  was_new = is_new (self);
  saved = store_suggestion (self);
  if (saved == NULL)
    return FALSE;

  if (was_new)
    {
      /* Translators: %s is the new suggestion's title */
      g_autofree char *message = g_strdup_printf (_("Suggestion “%s” saved"),
                                                  ld_suggestion_get_title (saved));

      add_toast_after_close (self, message);
      self->closing = TRUE;
      open_saved (self, ld_suggestion_get_id (saved));
    }
  else
    {
      add_toast_after_close (self, _("Suggestion saved"));
    }

  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-concern-editor.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deputy.h"
#include "ld-editor-parts.h"
#include "ld-form.h"
#include "ld-list-entry.h"
#include "ld-station.h"
#include "ld-store.h"
#include "ld-toast.h"
#include "ld-workflow.h"

/*
 * The intake form: the clerk registers what a resident says while they are still talking, in
 * the order of the paper register, keyboard only. It edits a copy of the concern; after every
 * change the copy goes through ld_concern_validate(), the pure rule of what may be saved, and
 * is kept as a draft, so that nothing typed is lost when the app closes. A failed save keeps
 * everything typed.
 */

#define DRAFT_DELAY_MS    500
#define SIMILAR_DELAY_MS  300
#define N_SIMILAR         3
#define N_EARLIER         20

enum {
  FIELD_RECEIVED,
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_ADDRESS,
  FIELD_COMMUNITY,
  FIELD_PLACE,
  FIELD_SUBJECT,
  N_FIELDS
};

static const char * const urgencies[] = { "normal", "urgent" };

struct _LdConcernEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkRevealer      *draft_revealer;
  GtkLabel         *draft_label;
  GtkRevealer      *save_error_revealer;
  GtkLabel         *save_error_label;
  AdwPreferencesPage *page;
  AdwEntryRow      *received_row;
  GtkLabel         *received_error;
  AdwComboRow      *channel_row;
  AdwPreferencesGroup *deputies_group;
  GtkSearchEntry   *deputy_search;
  GtkListBox       *deputies_list;
  AdwEntryRow      *name_row;
  GtkLabel         *name_error;
  AdwEntryRow      *phone_row;
  GtkLabel         *phone_error;
  AdwExpanderRow   *earlier_row;
  AdwEntryRow      *address_row;
  GtkLabel         *address_error;
  AdwEntryRow      *community_row;
  GtkLabel         *community_error;
  GtkSwitch        *confidential_switch;
  AdwComboRow      *category_row;
  AdwComboRow      *place_kind_row;
  AdwEntryRow      *place_row;
  GtkLabel         *place_error;
  AdwEntryRow      *subject_row;
  GtkLabel         *subject_error;
  GtkWidget        *duplicate_chip_row;
  GtkLabel         *duplicate_label;
  AdwExpanderRow   *similar_row;
  GtkFrame         *details_frame;
  GtkTextView      *details_view;
  GtkLabel         *details_error;
  AdwComboRow      *urgency_row;

  /* Owned */
  LdContext        *context;
  LdConcern        *given;
  LdConcern        *original;       /* what the form started from, to tell whether it changed */
  LdConcern        *concern;        /* the copy the form edits */
  LdForm           *form;
  AdwMessageDialog *confirm_dialog;
  GArray           *channel_ids;    /* gint64, in the order of channel_row */
  GArray           *category_ids;   /* gint64, in the order of category_row; 0 first */
  GArray           *checked;        /* gint64 deputy ids, in the order they were checked */
  GPtrArray        *similar_rows;   /* the rows added to similar_row */
  GPtrArray        *earlier_rows;   /* the rows added to earlier_row */
  char             *duplicate_ref;
  char             *looked_up_phone;

  gint64            draft_id;
  gint64            reception_event_id;
  gint64            reception_channel_id;
  guint             draft_source;
  guint             similar_source;

  LdFormEntry       fields[N_FIELDS];
  gboolean          filling;
  gboolean          closing;
  gboolean          discarded;
};

G_DEFINE_FINAL_TYPE (LdConcernEditor, ld_concern_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONCERN,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill_form (LdConcernEditor *self);

/* ------------------------------------------------------------------ helpers */

static LdStore *
get_store (LdConcernEditor *self)
{
  return self->context ? ld_context_get_store (self->context) : NULL;
}

static gboolean
is_new (LdConcernEditor *self)
{
  return ld_concern_get_id (self->concern) == 0;
}

/* "2026-12-01T02:30:00Z" → "2026-12-01 10:30" in local time; NULL when it is not a time. */
static char *
format_local_time (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;

  time = g_date_time_new_from_iso8601 (utc, NULL);
  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "2026-12-01 10:30" in local time → "2026-12-01T02:30:00Z"; NULL when it is not one. */
static char *
parse_local_time (const char *text)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day, hour, minute, end = 0;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (sscanf (stripped, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &end) != 5
      || stripped[end] != '\0')
    return NULL;

  if (!g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  local = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (local == NULL)
    return NULL;

  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
dup_today (LdConcernEditor *self)
{
  g_autoptr(GDateTime) now = ld_context_now (self->context);

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_string_field (LdConcern  *concern,
                  guint       field,
                  const char *text)
{
  const char *value = text && *text ? text : NULL;

  switch (field)
    {
    case FIELD_RECEIVED:
      {
        g_autofree char *utc = value ? parse_local_time (value) : NULL;

        /* A time that does not parse stays as typed, for the validation to name. */
        ld_concern_set_received_at (concern, utc ? utc : value);
      }
      break;
    case FIELD_NAME:
      ld_concern_set_resident_name (concern, value);
      break;
    case FIELD_PHONE:
      ld_concern_set_resident_phone (concern, value);
      break;
    case FIELD_ADDRESS:
      ld_concern_set_resident_address (concern, value);
      break;
    case FIELD_COMMUNITY:
      ld_concern_set_resident_community (concern, value);
      break;
    case FIELD_PLACE:
      ld_concern_set_place (concern, value);
      break;
    case FIELD_SUBJECT:
      ld_concern_set_subject (concern, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* What the field's row shows for the concern's value. */
static char *
dup_string_field (LdConcern *concern,
                  guint      field)
{
  const char *value = NULL;

  switch (field)
    {
    case FIELD_RECEIVED:
      value = ld_concern_get_received_at (concern);
      {
        char *local = format_local_time (value);

        if (local)
          return local;
      }
      break;
    case FIELD_NAME:
      value = ld_concern_get_resident_name (concern);
      break;
    case FIELD_PHONE:
      value = ld_concern_get_resident_phone (concern);
      break;
    case FIELD_ADDRESS:
      value = ld_concern_get_resident_address (concern);
      break;
    case FIELD_COMMUNITY:
      value = ld_concern_get_resident_community (concern);
      break;
    case FIELD_PLACE:
      value = ld_concern_get_place (concern);
      break;
    case FIELD_SUBJECT:
      value = ld_concern_get_subject (concern);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_strdup (value ? value : "");
}

static void
update_actions (LdConcernEditor *self)
{
  gboolean valid = ld_concern_editor_get_valid (self);
  gboolean can_save = get_store (self) != NULL && valid;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save-another",
                                 can_save && is_new (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.redirect",
                                 get_store (self) != NULL && is_new (self));
}

static void
validate (LdConcernEditor *self)
{
  gboolean was_valid = ld_concern_editor_get_valid (self);
  g_autoptr(GDateTime) now = ld_context_now (self->context);
  g_autoptr(GHashTable) errors = ld_concern_validate (self->concern, now);

  ld_form_show_errors (self->form, errors);
  update_actions (self);

  if (was_valid != ld_concern_editor_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
show_save_error (LdConcernEditor *self,
                 const char      *message)
{
  if (message)
    gtk_label_set_label (self->save_error_label, message);
  gtk_revealer_set_reveal_child (self->save_error_revealer, message != NULL);
}

static gboolean
is_modified (LdConcernEditor *self)
{
  return !ld_concern_equal (self->original, self->concern);
}

/* ------------------------------------------------------------------ drafts */

/* Keeps the form as it is now as the draft; an unchanged form needs none. */
static void
save_draft_now (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  g_autofree char *text = NULL;
  g_autofree char *operator = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (store == NULL || self->discarded || self->closing)
    return;
  if (self->draft_id == 0 && !is_modified (self))
    return;

  text = ld_concern_to_draft (self->concern);
  operator = ld_context_dup_operator (self->context);
  id = ld_concern_store_save_draft (store, self->draft_id, ld_concern_get_id (self->concern),
                                    text, operator, &error);
  if (id == 0)
    {
      /* Not fatal: the form still has everything, and the next change tries again. */
      g_debug ("Could not keep the draft: %s", error->message);
      return;
    }

  self->draft_id = id;
}

static gboolean
draft_timeout_cb (gpointer data)
{
  LdConcernEditor *self = data;

  self->draft_source = 0;
  save_draft_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (LdConcernEditor *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
delete_draft (LdConcernEditor *self)
{
  LdStore *store = get_store (self);

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (store && self->draft_id != 0)
    ld_concern_store_delete_draft (store, self->draft_id, NULL);
  self->draft_id = 0;
}

/* ------------------------------------------------------------------ duplicate, similar, earlier */

static void
update_duplicate_chip (LdConcernEditor *self)
{
  gint64 duplicate_of = ld_concern_get_duplicate_of (self->concern);
  g_autofree char *text = NULL;

  if (duplicate_of != 0 && self->duplicate_ref == NULL && get_store (self))
    {
      g_autoptr(LdConcern) other = ld_concern_store_get (get_store (self), duplicate_of, NULL);

      if (other)
        self->duplicate_ref = ld_concern_dup_reference (other);
    }

  gtk_widget_set_visible (self->duplicate_chip_row, duplicate_of != 0);
  if (duplicate_of == 0)
    return;

  /* Translators: %s is the reference of the concern this one repeats, e.g. 2026-0012 */
  text = g_strdup_printf (_("Duplicate of %s"), self->duplicate_ref ? self->duplicate_ref : "?");
  gtk_label_set_label (self->duplicate_label, text);
}

static void
clear_rows (AdwExpanderRow *expander,
            GPtrArray      *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
new_concern_row (LdConcern *concern,
                 gboolean   with_date)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *reference = ld_concern_dup_reference (concern);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *subject = ld_concern_get_subject (concern);
  const char *state = ld_concern_state_to_string (ld_concern_get_state (concern));

  if (with_date)
    {
      date = format_local_time (ld_concern_get_received_at (concern));
      if (date && strlen (date) > 10)
        date[10] = '\0';
    }

  /* Translators: a concern in a short list: its reference and subject, e.g. "2026-0012  路灯不亮" */
  title = g_strdup_printf (_("%s  %s"), reference ? reference : "", subject ? subject : "");
  if (date)
    /* Translators: the date a concern was received and its state, e.g. "2026-11-03 · Referred" */
    subtitle = g_strdup_printf (_("%s · %s"), date, state);
  else
    subtitle = g_strdup (state);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

  return row;
}

static void link_button_clicked_cb (LdConcernEditor *self,
                                    GtkButton       *button);

static void
update_similar (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  const char *subject = ld_concern_get_subject (self->concern);
  g_autoptr(GPtrArray) similar = NULL;
  g_autofree char *title = NULL;

  clear_rows (self->similar_row, self->similar_rows);

  if (store && subject && g_utf8_strlen (subject, -1) >= 2)
    similar = ld_concern_store_find_similar (store, subject, ld_concern_get_id (self->concern),
                                             N_SIMILAR, NULL);

  for (guint i = 0; similar && i < similar->len; i++)
    {
      LdConcern *other = g_ptr_array_index (similar, i);
      GtkWidget *row = new_concern_row (other, FALSE);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Link as Duplicate"));
      gint64 id = ld_concern_get_id (other);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "concern-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (button), "reference", ld_concern_dup_reference (other),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (link_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (self->similar_row, row);
      g_ptr_array_add (self->similar_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->similar_row), self->similar_rows->len > 0);
  if (self->similar_rows->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u similar open concern",
                                        "%u similar open concerns", self->similar_rows->len),
                           self->similar_rows->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->similar_row), title);
  adw_expander_row_set_subtitle (self->similar_row,
                                 _("Is the resident raising one of these again?"));
}

static gboolean
similar_timeout_cb (gpointer data)
{
  LdConcernEditor *self = data;

  self->similar_source = 0;
  update_similar (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_similar (LdConcernEditor *self)
{
  g_clear_handle_id (&self->similar_source, g_source_remove);
  self->similar_source = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout_cb, self);
}

/* Fills an empty field from what the resident gave last time. */
static void
prefill_entry (AdwEntryRow *row,
               const char  *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (value && *value && (text == NULL || *text == '\0'))
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

/* The resident's earlier concerns, found by the phone as it is typed. */
static void
update_earlier (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  const char *phone = ld_concern_get_resident_phone (self->concern);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
  g_autofree char *title = NULL;

  if (g_strcmp0 (phone, self->looked_up_phone) == 0)
    return;
  g_free (self->looked_up_phone);
  self->looked_up_phone = g_strdup (phone);

  clear_rows (self->earlier_row, self->earlier_rows);

  if (store && phone)
    found = ld_concern_store_find_by_phone (store, phone, N_EARLIER, NULL);

  for (guint i = 0; found && i < found->len; i++)
    {
      LdConcern *other = g_ptr_array_index (found, i);

      if (ld_concern_get_id (other) != ld_concern_get_id (self->concern))
        g_ptr_array_add (earlier, other);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->earlier_row), earlier->len > 0);
  if (earlier->len == 0)
    return;

  for (guint i = 0; i < earlier->len; i++)
    {
      GtkWidget *row = new_concern_row (g_ptr_array_index (earlier, i), TRUE);

      adw_expander_row_add_row (self->earlier_row, row);
      g_ptr_array_add (self->earlier_rows, row);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier concern",
                                        "%u earlier concerns", earlier->len),
                           earlier->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->earlier_row), title);
  adw_expander_row_set_subtitle (self->earlier_row, _("From the same phone number"));

  /* The newest one knows who the resident is and where they live. */
  {
    LdConcern *newest = g_ptr_array_index (earlier, 0);

    prefill_entry (self->name_row, ld_concern_get_resident_name (newest));
    prefill_entry (self->address_row, ld_concern_get_resident_address (newest));
    prefill_entry (self->community_row, ld_concern_get_resident_community (newest));
  }
}

/* ------------------------------------------------------------------ deputies */

static void deputy_toggled_cb (LdConcernEditor *self,
                               GtkCheckButton  *check);

static void
read_checked (LdConcernEditor *self)
{
  GArray *ids = ld_concern_get_deputy_ids (self->concern);

  g_array_set_size (self->checked, 0);
  if (ids && ids->len > 0)
    g_array_append_vals (self->checked, ids->data, ids->len);
}

/* Deputies already chosen stay listed even when retired since. */
static void
fill_deputies (LdConcernEditor *self)
{
  g_autoptr(GPtrArray) deputies = ld_editor_parts_load_deputies (get_store (self), self->checked);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list))))
    gtk_list_box_remove (self->deputies_list, child);

  for (guint i = 0; deputies && i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      gboolean checked = ld_editor_parts_contains_id (self->checked, ld_deputy_get_id (deputy));

      gtk_list_box_append (self->deputies_list,
                           ld_editor_parts_new_deputy_row (deputy, checked,
                                                           G_CALLBACK (deputy_toggled_cb), self));
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
}

static void
fill_form (LdConcernEditor *self)
{
  const char * const *kinds = ld_place_kinds ();
  const char *details = ld_concern_get_details (self->concern);
  const char *place_kind = ld_concern_get_place_kind (self->concern);

  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = dup_string_field (self->concern, i);

      gtk_editable_set_text (self->fields[i].row, text);
    }

  select_id (self->channel_row, self->channel_ids, ld_concern_get_channel_id (self->concern));
  select_id (self->category_row, self->category_ids, ld_concern_get_category_id (self->concern));

  adw_combo_row_set_selected (self->place_kind_row, 0);
  for (guint i = 0; place_kind && kinds[i]; i++)
    if (g_strcmp0 (kinds[i], place_kind) == 0)
      adw_combo_row_set_selected (self->place_kind_row, i + 1);

  for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
    if (g_strcmp0 (urgencies[i], ld_concern_get_urgency (self->concern)) == 0)
      adw_combo_row_set_selected (self->urgency_row, i);

  gtk_switch_set_active (self->confidential_switch, ld_concern_get_confidential (self->concern));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view),
                            details ? details : "", -1);

  read_checked (self);
  ld_editor_parts_sync_deputy_checks (self->deputies_list, self->checked, 0);

  g_clear_pointer (&self->duplicate_ref, g_free);
  update_duplicate_chip (self);

  self->filling = FALSE;

  g_clear_pointer (&self->looked_up_phone, g_free);
  update_earlier (self);
  clear_rows (self->similar_row, self->similar_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->similar_row), FALSE);
}

/* A new concern as the clerk meets it: received now, at today's reception when there is one,
 * by the deputies on duty there. */
static LdConcern *
create_defaults (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GDateTime) now = ld_context_now (self->context);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *received = g_date_time_format (utc, "%Y-%m-%dT%H:%M:00Z");
  LdConcern *concern = ld_concern_new ();

  ld_concern_set_received_at (concern, received);
  ld_concern_set_urgency (concern, "normal");

  if (store)
    station = ld_store_get_station (store, NULL);
  if (station)
    ld_concern_set_station_id (concern, ld_station_get_id (station));

  if (self->reception_event_id != 0 && self->reception_channel_id != 0)
    {
      ld_concern_set_channel_id (concern, self->reception_channel_id);
      ld_concern_set_event_id (concern, self->reception_event_id);
    }
  else if (self->channel_ids->len > 0)
    {
      ld_concern_set_channel_id (concern, g_array_index (self->channel_ids, gint64, 0));
    }

  return concern;
}

static void
load_reception (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  g_autofree char *today = NULL;
  g_autoptr(GArray) deputy_ids = NULL;

  if (store == NULL)
    return;

  today = dup_today (self);
  self->reception_event_id = ld_concern_store_todays_reception (store, today, &deputy_ids, NULL);
  self->reception_channel_id = ld_concern_store_channel_by_seed (store, "reception_day", NULL);
  if (self->reception_event_id != 0 && deputy_ids)
    g_object_set_data_full (G_OBJECT (self), "reception-deputies", g_array_ref (deputy_ids),
                            (GDestroyNotify) g_array_unref);
}

static void
apply_reception_deputies (LdConcernEditor *self,
                          LdConcern       *concern)
{
  GArray *ids = g_object_get_data (G_OBJECT (self), "reception-deputies");

  if (self->reception_event_id != 0 && self->reception_channel_id != 0 && ids && ids->len > 0)
    ld_concern_set_deputy_ids (concern, (const gint64 *) ids->data, ids->len);
}

static void
load_lists (LdConcernEditor *self)
{
  LdStore *store = get_store (self);
  const char * const *kinds = ld_place_kinds ();
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GtkStringList) channel_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) urgency_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  if (store)
    {
      channels = ld_store_list_entries (store, LD_LIST_CHANNEL, FALSE, NULL);
      categories = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, FALSE, NULL);
    }

  for (guint i = 0; channels && i < channels->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (channels, i);
      gint64 id = ld_list_entry_get_id (entry);

      g_array_append_val (self->channel_ids, id);
      gtk_string_list_append (channel_names, ld_list_entry_get_display_name (entry));
    }

  /* A category is the clerk's judgement, so the form does not guess one. */
  g_array_append_val (self->category_ids, none);
  gtk_string_list_append (category_names, C_("category", "Not Chosen"));
  for (guint i = 0; categories && i < categories->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (categories, i);
      gint64 id = ld_list_entry_get_id (entry);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (category_names, ld_list_entry_get_display_name (entry));
    }

  gtk_string_list_append (kind_names, C_("place kind", "None"));
  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (kind_names, ld_place_kind_to_string (kinds[i]));

  for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
    gtk_string_list_append (urgency_names, ld_urgency_to_string (urgencies[i]));

  self->filling = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_names));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));
  adw_combo_row_set_model (self->place_kind_row, G_LIST_MODEL (kind_names));
  adw_combo_row_set_model (self->urgency_row, G_LIST_MODEL (urgency_names));
  self->filling = FALSE;
}

static void
changed (LdConcernEditor *self)
{
  validate (self);
  schedule_draft (self);
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
close_later (LdConcernEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

/* Where a toast goes once the form has closed: the window the form belongs to. */
static void
add_toast_after_close (LdConcernEditor *self,
                       const char      *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (parent == NULL && app)
    {
      for (GList *l = gtk_application_get_windows (app); l; l = l->next)
        if (l->data != (gpointer) self && !LD_IS_CONCERN_EDITOR (l->data))
          {
            parent = l->data;
            break;
          }
    }

  if (parent)
    ld_toast_add (GTK_WIDGET (parent), ld_toast_new_plain (text));
}

/* Registers or updates a copy of the form's concern; the form stays as typed when it fails. */
/* Saves the form; a new concern with @redirect_reason (or NULL) is registered as redirected in
 * the same step. */
static LdConcern *
store_concern (LdConcernEditor *self,
               const char      *redirect_reason)
{
  LdStore *store = get_store (self);
  g_autoptr(LdConcern) saving = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *operator = NULL;
  gboolean ok;

  ld_form_touch_all (self->form);
  validate (self);

  if (store == NULL || !ld_concern_editor_get_valid (self))
    return NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  operator = ld_context_dup_operator (self->context);
  saving = ld_concern_copy (self->concern);
  if (is_new (self))
    ld_concern_set_redirect_reason (saving, redirect_reason);

  if (is_new (self))
    ok = ld_concern_store_register (store, saving, self->draft_id, operator, &error);
  else
    ok = ld_concern_store_update (store, saving, operator, &error);

  if (!ok)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the concern could not be saved */
      message = g_strdup_printf (_("The concern could not be saved, and nothing typed is lost: %s"),
                                 error->message);
      show_save_error (self, message);
      return NULL;
    }

  if (is_new (self))
    self->draft_id = 0;   /* the store deleted it with the registration */
  else
    delete_draft (self);

  show_save_error (self, NULL);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);

  return g_steal_pointer (&saving);
}

static char *
dup_registered_message (LdConcern *saved)
{
  g_autofree char *reference = ld_concern_dup_reference (saved);

  /* Translators: %s is the new concern's reference, e.g. 2026-0153 */
  return g_strdup_printf (_("Registered %s"), reference ? reference : "");
}

/* The next resident at the same reception: the date, channel and deputies stay. */
static void
start_another (LdConcernEditor *self,
               LdConcern       *saved)
{
  g_autoptr(LdConcern) next = ld_concern_new ();
  GArray *ids = ld_concern_get_deputy_ids (saved);

  ld_concern_set_station_id (next, ld_concern_get_station_id (saved));
  ld_concern_set_received_at (next, ld_concern_get_received_at (self->concern));
  ld_concern_set_channel_id (next, ld_concern_get_channel_id (saved));
  ld_concern_set_event_id (next, ld_concern_get_event_id (saved));
  ld_concern_set_urgency (next, "normal");
  if (ids && ids->len > 0)
    ld_concern_set_deputy_ids (next, (const gint64 *) ids->data, ids->len);

  g_set_object (&self->original, next);
  g_clear_object (&self->concern);
  self->concern = ld_concern_copy (next);

  ld_form_clear_touched (self->form);
  fill_form (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* ------------------------------------------------------------------ callbacks */

static void
entry_changed_cb (LdConcernEditor *self,
                  GtkEditable     *editable)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == editable)
      {
        set_string_field (self->concern, i, gtk_editable_get_text (editable));

        if (i == FIELD_SUBJECT)
          schedule_similar (self);
        else if (i == FIELD_PHONE)
          update_earlier (self);
      }

  changed (self);
}

/* A field's message shows once the clerk has left it, not while they are still typing. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                LdConcernEditor         *self)
{
  const char *field = g_object_get_data (G_OBJECT (controller), "field");

  /* Focus also moves while the window is taken down. */
  if (self->concern == NULL || self->closing)
    return;

  ld_form_touch (self->form, field);
  validate (self);
  if (self->draft_source != 0)
    save_draft_now (self);
}

static void
combo_selected_cb (LdConcernEditor *self)
{
  const char * const *kinds = ld_place_kinds ();
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint kind = adw_combo_row_get_selected (self->place_kind_row);
  guint urgency = adw_combo_row_get_selected (self->urgency_row);

  if (self->filling)
    return;

  if (channel < self->channel_ids->len)
    {
      gint64 channel_id = g_array_index (self->channel_ids, gint64, channel);

      /* A concern received at today's reception belongs to its event. */
      if (is_new (self) && channel_id != ld_concern_get_channel_id (self->concern))
        ld_concern_set_event_id (self->concern,
                                 channel_id == self->reception_channel_id
                                 ? self->reception_event_id : 0);
      ld_concern_set_channel_id (self->concern, channel_id);
    }
  if (category < self->category_ids->len)
    ld_concern_set_category_id (self->concern, g_array_index (self->category_ids, gint64, category));
  if (kind != GTK_INVALID_LIST_POSITION)
    ld_concern_set_place_kind (self->concern, kind == 0 ? NULL : kinds[kind - 1]);
  if (urgency < G_N_ELEMENTS (urgencies))
    ld_concern_set_urgency (self->concern, urgencies[urgency]);

  changed (self);
}

static void
confidential_notify_cb (LdConcernEditor *self)
{
  if (self->filling)
    return;

  ld_concern_set_confidential (self->concern, gtk_switch_get_active (self->confidential_switch));
  changed (self);
}

static void
details_changed_cb (LdConcernEditor *self,
                    GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->filling)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ld_concern_set_details (self->concern, *text ? text : NULL);

  changed (self);
}

static void
deputy_toggled_cb (LdConcernEditor *self,
                   GtkCheckButton  *check)
{
  if (self->filling)
    return;

  ld_editor_parts_toggle_id (self->checked, ld_editor_parts_get_deputy_id (check),
                             gtk_check_button_get_active (check));

  ld_concern_set_deputy_ids (self->concern, (const gint64 *) self->checked->data,
                             self->checked->len);
  changed (self);
}

static void
deputy_search_changed_cb (LdConcernEditor *self)
{
  gtk_list_box_invalidate_filter (self->deputies_list);
}

static void
link_button_clicked_cb (LdConcernEditor *self,
                        GtkButton       *button)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "concern-id");

  g_free (self->duplicate_ref);
  self->duplicate_ref = g_strdup (g_object_get_data (G_OBJECT (button), "reference"));
  ld_concern_set_duplicate_of (self->concern, id);
  update_duplicate_chip (self);
  adw_expander_row_set_expanded (self->similar_row, FALSE);
  changed (self);
}

static void
unlink_button_clicked_cb (LdConcernEditor *self)
{
  ld_concern_set_duplicate_of (self->concern, 0);
  g_clear_pointer (&self->duplicate_ref, g_free);
  update_duplicate_chip (self);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static void
discard_draft_button_clicked_cb (LdConcernEditor *self)
{
  g_autoptr(LdConcern) fresh = NULL;

  delete_draft (self);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);

  fresh = ld_concern_copy (self->original);
  g_clear_object (&self->concern);
  self->concern = g_steal_pointer (&fresh);
  ld_form_clear_touched (self->form);
  fill_form (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->received_row));
}

static void
is_active_notify_cb (LdConcernEditor *self)
{
  /* The clerk went to another window: whatever is typed is kept now, not in half a second. */
  if (self->concern && !gtk_window_is_active (GTK_WINDOW (self)) && self->draft_source != 0)
    save_draft_now (self);
}

static void
confirm_response_cb (LdConcernEditor *self,
                     const char      *response)
{
  g_clear_object (&self->confirm_dialog);

  if (g_strcmp0 (response, "discard") == 0)
    {
      delete_draft (self);
      self->discarded = TRUE;
      close_later (self);
    }
}

static void
reason_selected_cb (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    GtkLabel    *advice)
{
  const char * const *reasons = ld_redirect_reasons ();
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected < g_strv_length ((char **) reasons))
    gtk_label_set_label (advice, ld_redirect_reason_advice (reasons[selected]));
}

static void
redirect_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LdConcernEditor  *self)
{
  const char * const *reasons = ld_redirect_reasons ();
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "reasons");
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(LdConcern) saved = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "redirect") != 0 || selected >= g_strv_length ((char **) reasons))
    return;

  saved = store_concern (self, reasons[selected]);
  if (saved == NULL)
    return;

  reference = ld_concern_dup_reference (saved);
  /* Translators: %s is the new concern's reference, e.g. 2026-0153 */
  message = g_strdup_printf (_("Registered %s as redirected"), reference);

  g_signal_emit (self, signals[SAVED], 0, saved);
  add_toast_after_close (self, message);
  self->closing = TRUE;
  close_later (self);
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (widget);
  gboolean another = g_strcmp0 (action_name, "concern.save-another") == 0;
  gboolean was_new = is_new (self);
  g_autoptr(LdConcern) saved = NULL;
  g_autofree char *message = NULL;

  saved = store_concern (self, NULL);
  if (saved == NULL)
    return;

  message = was_new ? dup_registered_message (saved) : g_strdup (_("Concern saved"));
  g_signal_emit (self, signals[SAVED], 0, saved);

  if (another && was_new)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, ld_toast_new_plain (message));
      start_another (self, saved);
      return;
    }

  add_toast_after_close (self, message);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl+Enter: a save attempt shows every message, even while the action is disabled. */
static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (widget);
  const char *action = g_variant_get_string (args, NULL);

  ld_form_touch_all (self->form);
  validate (self);
  if (ld_concern_editor_get_valid (self))
    gtk_widget_activate_action (widget, action, NULL);

  return TRUE;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
redirect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (widget);
  const char * const *reasons = ld_redirect_reasons ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box, *card, *drop_down, *advice;

  ld_form_touch_all (self->form);
  validate (self);
  if (!ld_concern_editor_get_valid (self))
    {
      show_save_error (self, _("Fill in the fields marked in red first: the concern is registered before it is redirected."));
      return;
    }
  show_save_error (self, NULL);

  for (guint i = 0; reasons[i]; i++)
    gtk_string_list_append (names, ld_redirect_reason_to_string (reasons[i]));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Not for the Station"),
                                                       _("Why the station cannot take it up, and what to tell the resident.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  advice = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (advice), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (advice), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (advice), 0);
  gtk_label_set_selectable (GTK_LABEL (advice), TRUE);
  g_object_set (advice, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), advice);
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_box_append (GTK_BOX (box), card);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (reason_selected_cb), advice);
  reason_selected_cb (GTK_DROP_DOWN (drop_down), NULL, GTK_LABEL (advice));
  g_object_set_data (G_OBJECT (dialog), "reasons", drop_down);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "redirect", _("_Register as Redirected"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "redirect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "redirect");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (redirect_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (drop_down);
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_concern_editor_close_request (GtkWindow *window)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (window);

  if (self->closing || !is_modified (self))
    {
      if (!self->closing)
        delete_draft (self);
      self->discarded = TRUE;
      return GTK_WINDOW_CLASS (ld_concern_editor_parent_class)->close_request (window);
    }

  ld_editor_parts_ask_discard (window, &self->confirm_dialog, _("Discard This Concern?"),
                               _("What you typed has not been registered and will be "
                                 "lost."),
                               G_CALLBACK (confirm_response_cb));

  return TRUE;
}

static void
ld_concern_editor_constructed (GObject *object)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (object);
  LdStore *store = get_store (self);
  gboolean restored = FALSE;

  G_OBJECT_CLASS (ld_concern_editor_parent_class)->constructed (object);

  load_lists (self);

  if (self->given)
    {
      self->original = ld_concern_copy (self->given);
      self->concern = ld_concern_copy (self->original);
    }
  else
    {
      g_autofree char *draft = NULL;
      gint64 draft_id = 0;

      load_reception (self);
      self->original = create_defaults (self);
      apply_reception_deputies (self, self->original);

      if (store)
        draft = ld_concern_store_latest_draft (store, 0, &draft_id, NULL);
      if (draft)
        {
          gboolean ok = FALSE;
          g_autoptr(LdConcern) from_draft = ld_concern_new_from_draft (draft, &ok);

          if (ok)
            {
              if (ld_concern_get_station_id (from_draft) == 0)
                ld_concern_set_station_id (from_draft, ld_concern_get_station_id (self->original));
              self->concern = g_steal_pointer (&from_draft);
              self->draft_id = draft_id;
              restored = TRUE;
            }
        }

      if (self->concern == NULL)
        self->concern = ld_concern_copy (self->original);
    }

  gtk_window_set_title (GTK_WINDOW (self),
                        is_new (self) ? _("Register Concern") : _("Edit Concern"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (!is_new (self))
    {
      g_autofree char *reference = ld_concern_dup_reference (self->concern);

      adw_window_title_set_subtitle (self->window_title, reference);
    }

  /* A stored concern shows every problem at once; a new one as the clerk leaves each field. */
  ld_form_set_show_all (self->form, !is_new (self));

  read_checked (self);
  fill_deputies (self);
  fill_form (self);
  validate (self);

  if (restored)
    {
      gtk_label_set_label (self->draft_label, _("Restored what was typed before the app closed"));
      gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (restored ? self->subject_row : self->received_row));
}

static void
ld_concern_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CONCERN:
      g_value_set_object (value, self->given);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, ld_concern_editor_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concern_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CONCERN:
      self->given = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concern_editor_dispose (GObject *object)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (object);

  /* A window destroyed with changes still waiting keeps them as the draft. */
  if (self->draft_source != 0 && self->concern && !self->discarded && !self->closing)
    save_draft_now (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_handle_id (&self->similar_source, g_source_remove);

  if (self->confirm_dialog)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
  g_clear_object (&self->confirm_dialog);
  g_clear_object (&self->context);
  g_clear_object (&self->given);
  g_clear_object (&self->original);
  g_clear_object (&self->concern);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_CONCERN_EDITOR);

  G_OBJECT_CLASS (ld_concern_editor_parent_class)->dispose (object);
}

static void
ld_concern_editor_finalize (GObject *object)
{
  LdConcernEditor *self = LD_CONCERN_EDITOR (object);

  g_clear_object (&self->form);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->checked, g_array_unref);
  g_clear_pointer (&self->similar_rows, g_ptr_array_unref);
  g_clear_pointer (&self->earlier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_ref, g_free);
  g_clear_pointer (&self->looked_up_phone, g_free);

  G_OBJECT_CLASS (ld_concern_editor_parent_class)->finalize (object);
}

static void
ld_concern_editor_class_init (LdConcernEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_concern_editor_constructed;
  object_class->get_property = ld_concern_editor_get_property;
  object_class->set_property = ld_concern_editor_set_property;
  object_class->dispose = ld_concern_editor_dispose;
  object_class->finalize = ld_concern_editor_finalize;

  window_class->close_request = ld_concern_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONCERN] =
    g_param_spec_object ("concern", NULL, NULL,
                         LD_TYPE_CONCERN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdConcernEditor::saved:
   * @concern: the concern as stored, with its id and reference
   *
   * The concern was registered or saved.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LD_TYPE_CONCERN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-concern-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LdConcernEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (draft_revealer);
  BIND (draft_label);
  BIND (save_error_revealer);
  BIND (save_error_label);
  BIND (page);
  BIND (received_row);
  BIND (received_error);
  BIND (channel_row);
  BIND (deputies_group);
  BIND (deputy_search);
  BIND (deputies_list);
  BIND (name_row);
  BIND (name_error);
  BIND (phone_row);
  BIND (phone_error);
  BIND (earlier_row);
  BIND (address_row);
  BIND (address_error);
  BIND (community_row);
  BIND (community_error);
  BIND (confidential_switch);
  BIND (category_row);
  BIND (place_kind_row);
  BIND (place_row);
  BIND (place_error);
  BIND (subject_row);
  BIND (subject_error);
  BIND (duplicate_chip_row);
  BIND (duplicate_label);
  BIND (similar_row);
  BIND (details_frame);
  BIND (details_view);
  BIND (details_error);
  BIND (urgency_row);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, confidential_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlink_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, discard_draft_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "concern.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "concern.save-another", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "concern.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "concern.redirect", NULL, redirect_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                save_shortcut_cb, "s", "concern.save");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                save_shortcut_cb, "s", "concern.save");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                save_shortcut_cb, "s", "concern.save-another");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                save_shortcut_cb, "s", "concern.save-another");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "concern.cancel", NULL);
}

static void
ld_concern_editor_init (LdConcernEditor *self)
{
  static const char * const field_names[N_FIELDS] = {
    "received-at", "resident-name", "resident-phone", "resident-address",
    "resident-community", "place", "subject",
  };
  AdwEntryRow *rows[N_FIELDS];
  GtkLabel *errors[N_FIELDS];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checked = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->similar_rows = g_ptr_array_new ();
  self->earlier_rows = g_ptr_array_new ();

  rows[FIELD_RECEIVED] = self->received_row;
  rows[FIELD_NAME] = self->name_row;
  rows[FIELD_PHONE] = self->phone_row;
  rows[FIELD_ADDRESS] = self->address_row;
  rows[FIELD_COMMUNITY] = self->community_row;
  rows[FIELD_PLACE] = self->place_row;
  rows[FIELD_SUBJECT] = self->subject_row;
  errors[FIELD_RECEIVED] = self->received_error;
  errors[FIELD_NAME] = self->name_error;
  errors[FIELD_PHONE] = self->phone_error;
  errors[FIELD_ADDRESS] = self->address_error;
  errors[FIELD_COMMUNITY] = self->community_error;
  errors[FIELD_PLACE] = self->place_error;
  errors[FIELD_SUBJECT] = self->subject_error;

  self->form = ld_form_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      /* The field names are the properties of LdConcern, as ld_concern_validate() reports them. */
      self->fields[i] = (LdFormEntry) { field_names[i], GTK_EDITABLE (rows[i]), errors[i] };
      g_object_set_data (G_OBJECT (focus), "field", (gpointer) field_names[i]);
      g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (rows[i]), focus);
    }
  ld_form_add_entries (self->form, self->fields, N_FIELDS);
  ld_form_add_field (self->form, "details", GTK_WIDGET (self->details_frame), self->details_error);
  ld_form_add_field (self->form, "channel-id", GTK_WIDGET (self->channel_row), NULL);
  ld_form_add_field (self->form, "category-id", GTK_WIDGET (self->category_row), NULL);
  ld_form_add_field (self->form, "place-kind", GTK_WIDGET (self->place_kind_row), NULL);
  ld_form_add_field (self->form, "urgency", GTK_WIDGET (self->urgency_row), NULL);
  ld_form_set_catch_all (self->form, "subject");
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_object_set_data (G_OBJECT (focus), "field", (gpointer) "details");
    g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->details_view), focus);
  }
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_object_set_data (G_OBJECT (focus), "field", (gpointer) "category-id");
    g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->category_row), focus);
  }

  gtk_list_box_set_filter_func (self->deputies_list, ld_editor_parts_filter_deputy_row,
                                self->deputy_search, NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->details_view), "changed",
                           G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (is_active_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_concern_editor_new:
 * @context: the shared services, with an open database
 * @concern: (nullable): the concern to edit, or %NULL to register a new one
 *
 * Returns: (transfer none): the form, not yet presented; it saves through the store and says
 *   so in a toast, and ::saved tells the caller.
 */
GtkWindow *
ld_concern_editor_new (LdContext *context,
                       LdConcern *concern)
{
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!concern || LD_IS_CONCERN (concern), NULL);

  return g_object_new (LD_TYPE_CONCERN_EDITOR,
                       "context", context,
                       "concern", concern,
                       NULL);
}

/* Returns: (transfer none): the copy being edited */
LdConcern *
ld_concern_editor_get_concern (LdConcernEditor *self)
{
  g_return_val_if_fail (LD_IS_CONCERN_EDITOR (self), NULL);

  return self->concern;
}

gboolean
ld_concern_editor_get_valid (LdConcernEditor *self)
{
  g_return_val_if_fail (LD_IS_CONCERN_EDITOR (self), FALSE);

  return ld_form_get_valid (self->form);
}

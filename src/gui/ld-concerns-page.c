/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concerns-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-column-sort.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-concerns-page.h"
#include "ld-list-entry.h"
#include "ld-list-view.h"
#include "ld-query-model.h"
#include "ld-record-view.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
#include "ld-toast.h"
#include "ld-today.h"

/*
 * Every concern of the database in a column view over a lazy model. The search, the filters and
 * the sort become one LdConcernQuery that the store answers on its indexes, so a district's
 * million concerns list as fast as a station's hundred: only the rows on screen are loaded.
 */

/* Typing pauses shorter than this are one search. */
#define SEARCH_DELAY_MS 200

/* More concerns than this are not one matter: a selection of all rows is a slip of the keys,
 * and would load a million rows to find out. */
#define MAX_SUGGESTION_CONCERNS 100

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_RECEIVED,
  COLUMN_RESIDENT,
  COLUMN_CATEGORY,
  COLUMN_SUBJECT,
  COLUMN_STATE,
  COLUMN_UNIT,
  COLUMN_DUE,
  N_COLUMNS
} Column;

/* The first entries of the state drop-down, before one entry per state. */
enum
{
  STATE_FILTER_ALL,
  STATE_FILTER_OPEN,
  N_STATE_FILTERS
};

struct _LdConcernsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *filter_bar;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *overdue_toggle;
  GtkToggleButton     *confidential_toggle;
  GtkDropDown         *state_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *deputy_dropdown;
  GtkDropDown         *unit_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *date_error_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *resident_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *state_column;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *due_column;
  AdwStatusPage       *error_page;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  LdQueryModel        *model;
  GtkMultiSelection   *selection;    /* several concerns make one suggestion */
  GArray              *category_ids;
  GArray              *channel_ids;
  GArray              *deputy_ids;
  GArray              *unit_ids;
  char                *search;
  char                *from_date;
  char                *to_date;
  char                *today;
  LdColumnSort        *column_sort;
  guint                reload_source;

  guint                state_mask;
  gint64               category_id;
  gint64               channel_id;
  gint64               deputy_id;
  gint64               unit_id;
  gboolean             overdue_only;
  gboolean             confidential_only;
  LdConcernSort        sort;
  gboolean             descending;
  gboolean             folded;
  gboolean             filling;
};

static void store_changed_cb (LdConcernsPage *self,
                              const char     *kind,
                              gint64          id);

G_DEFINE_FINAL_TYPE (LdConcernsPage, ld_concerns_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

/* Today's local date, as the overdue rule and filter see it. */
static void
update_today (LdConcernsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_clear_pointer (&self->today, g_free);
  now = self->context ? ld_context_now (self->context) : g_date_time_new_now_local ();
  local = g_date_time_to_local (now);
  self->today = g_date_time_format (local, "%Y-%m-%d");
}

static void
fill_query (LdConcernsPage *self,
            LdConcernQuery *query)
{
  *query = (LdConcernQuery) {
    .search = self->search,
    .state_mask = self->state_mask,
    .category_id = self->category_id,
    .channel_id = self->channel_id,
    .deputy_id = self->deputy_id,
    .unit_id = self->unit_id,
    .from_date = self->from_date,
    .to_date = self->to_date,
    .overdue_only = self->overdue_only,
    .confidential_only = self->confidential_only,
    .today = self->today,
    .sort = self->sort,
    .descending = self->descending,
  };
}

static gboolean
has_filters (LdConcernsPage *self)
{
  return self->search != NULL || self->state_mask != 0 || self->category_id != 0
         || self->channel_id != 0 || self->deputy_id != 0 || self->unit_id != 0
         || self->from_date != NULL || self->to_date != NULL || self->overdue_only
         || self->confidential_only;
}

static GArray *
query_ids (gpointer   user_data,
           GError   **error)
{
  LdConcernsPage *self = user_data;
  LdConcernQuery query;

  if (self->store == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  update_today (self);
  fill_query (self, &query);
  return ld_concern_store_query_ids (self->store, &query, error);
}

static GPtrArray *
load_concerns (gpointer      user_data,
               const gint64 *ids,
               guint         n_ids,
               GError      **error)
{
  LdConcernsPage *self = user_data;

  if (self->store == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return ld_concern_store_load (self->store, ids, n_ids, error);
}

static gint64
concern_id_of (gpointer item)
{
  return ld_concern_get_id (LD_CONCERN (item));
}

/* Whether the database has any concern at all, whatever the filters say. */
static gboolean
has_any_concern (LdConcernsPage *self)
{
  LdConcernQuery query = { .sort = LD_CONCERN_SORT_RECEIVED };

  if (self->store == NULL)
    return FALSE;

  return ld_concern_store_count (self->store, &query, NULL) > 0;
}

static void
update_view (LdConcernsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;
  const char *view;

  if (n_items > 0)
    view = "list";
  else if (has_filters (self) && has_any_concern (self))
    view = "no-match";
  else
    view = "empty";

  /* Translators: the number of concerns listed, shown under the page title */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u concern", "%'u concerns", n_items),
                           n_items);
  adw_window_title_set_subtitle (self->window_title, g_str_equal (view, "empty") ? "" : count);

  gtk_stack_set_visible_child_name (self->content_stack, view);
  gtk_widget_set_visible (self->filter_bar, !g_str_equal (view, "empty"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concerns.clear-filters",
                                 has_filters (self));
}

static void
show_error (LdConcernsPage *self,
            const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
reload_now (LdConcernsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (!ld_query_model_reload (self->model, &error))
    {
      show_error (self, error);
      return;
    }

  update_view (self);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  LdConcernsPage *self = data;

  self->reload_source = 0;
  reload_now (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (typing, a burst of store signals) make one query. */
static void
queue_reload (LdConcernsPage *self,
              guint           delay_ms)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (delay_ms, reload_timeout_cb, self);
}

/* The list sorts in SQL by the column the user clicked (ld-column-sort). */
static void
read_sort (LdConcernsPage *self)
{
  gboolean descending = FALSE;
  int sort = ld_column_sort_read (self->column_sort, &descending);

  if (sort < 0)
    {
      self->sort = LD_CONCERN_SORT_RECEIVED;
      self->descending = TRUE;
    }
  else
    {
      self->sort = sort;
      self->descending = descending;
    }
}

static char *
concern_column_text (LdConcern *concern,
                     Column     column)
{
  switch (column)
    {
    case COLUMN_REFERENCE:
      return ld_concern_dup_reference (concern);
    case COLUMN_RECEIVED:
      return ld_record_view_format_local_time (ld_concern_get_received_at (concern));
    case COLUMN_RESIDENT:
      return ld_concern_dup_resident_display (concern);
    case COLUMN_CATEGORY:
      return g_strdup (ld_concern_get_category_name (concern));
    case COLUMN_SUBJECT:
      return g_strdup (ld_concern_get_subject (concern));
    case COLUMN_STATE:
      return g_strdup (ld_concern_state_to_string (ld_concern_get_state (concern)));
    case COLUMN_UNIT:
      return g_strdup (ld_concern_get_unit_name (concern));
    case COLUMN_DUE:
      return g_strdup (ld_concern_get_due_date (concern));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
open_concern (LdConcernsPage *self,
              LdConcern      *concern)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-concern", "x",
                              ld_concern_get_id (concern));
}

static void
update_dropdowns (LdConcernsPage *self)
{
  self->filling = TRUE;
  ld_list_view_fill_entries_dropdown (self->category_dropdown, &self->category_ids,
                                      &self->category_id, _("All Categories"), self->store,
                                      LD_LIST_CONCERN_CATEGORY);
  ld_list_view_fill_entries_dropdown (self->channel_dropdown, &self->channel_ids,
                                      &self->channel_id, _("All Channels"), self->store,
                                      LD_LIST_CHANNEL);
  ld_list_view_fill_deputies_dropdown (self->deputy_dropdown, &self->deputy_ids, &self->deputy_id,
                                       _("All Deputies"), self->store);
  ld_list_view_fill_units_dropdown (self->unit_dropdown, &self->unit_ids, &self->unit_id,
                                    _("All Units"), self->store);
  self->filling = FALSE;
}

/* "My caseload": the deputy this desk belongs to (the caseload-deputy setting) is the deputy
 * filter's default, chosen when the page gets its database and whenever the setting changes;
 * the whole station ("") chooses "All Deputies". */
static void
select_caseload_deputy (LdConcernsPage *self)
{
  g_autofree char *uuid = NULL;
  gint64 id;

  if (self->context == NULL || self->store == NULL || self->deputy_ids == NULL)
    return;

  uuid = g_settings_get_string (ld_context_get_settings (self->context), "caseload-deputy");
  id = ld_today_deputy_by_uuid (self->store, uuid, NULL);
  for (guint i = 0; i <= self->deputy_ids->len; i++)
    if (ld_list_view_id_at (self->deputy_ids, i) == id)
      {
        gtk_drop_down_set_selected (self->deputy_dropdown, i);
        break;
      }
}

static void
set_store (LdConcernsPage *self,
           LdStore        *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_dropdowns (self);
  select_caseload_deputy (self);
  reload_now (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *inscription = ld_list_view_new_inscription ();

  if (column == COLUMN_REFERENCE || column == COLUMN_RECEIVED || column == COLUMN_DUE)
    gtk_widget_add_css_class (inscription, "numeric");
  gtk_list_item_set_child (item, inscription);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  LdConcernsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  LdConcern *concern = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  gboolean overdue;

  if (!LD_IS_CONCERN (concern))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), NULL);
      return;
    }

  text = concern_column_text (concern, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription,
                               column == COLUMN_SUBJECT && text && *text ? text : NULL);

  if (column != COLUMN_DUE)
    return;

  overdue = self->today && ld_concern_is_overdue (concern, self->today);
  if (overdue)
    {
      gtk_widget_add_css_class (inscription, "error");
      gtk_widget_set_tooltip_text (inscription, _("Overdue"));
      /* Red alone does not reach a screen reader or a colour-blind clerk. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (inscription),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Overdue"),
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (inscription, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (inscription),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
search_changed_cb (LdConcernsPage *self)
{
  if (ld_list_view_take_search (self->search_entry, &self->search))
    /* GtkSearchEntry already waited for a pause in the typing. */
    queue_reload (self, 0);
}

static void
stop_search_cb (LdConcernsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search moves to the first match, so that a second Enter opens it. */
static void
search_activate_cb (LdConcernsPage *self)
{
  reload_now (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (LdConcernsPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->filling)
    return;

  self->state_mask = 0;
  if (state == STATE_FILTER_OPEN)
    {
      for (guint i = 0; i < LD_CONCERN_N_STATES; i++)
        if (ld_concern_state_is_open (i))
          self->state_mask |= 1u << i;
    }
  else if (state != GTK_INVALID_LIST_POSITION && state >= N_STATE_FILTERS)
    self->state_mask = 1u << (state - N_STATE_FILTERS);

  self->category_id = ld_list_view_id_at (self->category_ids,
                                          gtk_drop_down_get_selected (self->category_dropdown));
  self->channel_id = ld_list_view_id_at (self->channel_ids,
                                         gtk_drop_down_get_selected (self->channel_dropdown));
  self->deputy_id = ld_list_view_id_at (self->deputy_ids,
                                        gtk_drop_down_get_selected (self->deputy_dropdown));
  self->unit_id = ld_list_view_id_at (self->unit_ids,
                                      gtk_drop_down_get_selected (self->unit_dropdown));
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  self->confidential_only = gtk_toggle_button_get_active (self->confidential_toggle);

  queue_reload (self, 0);
}

/* A date being typed filters nothing until it is whole; a wrong one says why next to it. */
static void
date_changed_cb (LdConcernsPage *self)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  gboolean from_ok = *from == '\0' || ld_record_view_is_valid_date (from);
  gboolean to_ok = *to == '\0' || ld_record_view_is_valid_date (to);
  const char *message = NULL;

  g_clear_pointer (&self->from_date, g_free);
  g_clear_pointer (&self->to_date, g_free);
  if (*from != '\0' && from_ok)
    self->from_date = g_strdup (from);
  if (*to != '\0' && to_ok)
    self->to_date = g_strdup (to);

  if (!from_ok || !to_ok)
    message = _("Write dates as YYYY-MM-DD, for example 2026-03-15");
  else if (self->from_date && self->to_date && strcmp (self->from_date, self->to_date) > 0)
    message = _("The “From” date is after the “To” date");

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");

  gtk_label_set_text (self->date_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), message != NULL);

  queue_reload (self, SEARCH_DELAY_MS);
}

static void
sorter_changed_cb (LdConcernsPage *self)
{
  read_sort (self);
  queue_reload (self, 0);
}

static void
column_view_activate_cb (LdConcernsPage *self,
                         guint           position)
{
  g_autoptr(LdConcern) concern = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (LD_IS_CONCERN (concern))
    open_concern (self, concern);
}

static void
selection_changed_cb (LdConcernsPage *self)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concerns.create-suggestion",
                                 !gtk_bitset_is_empty (selected));
}

static void
store_changed_cb (LdConcernsPage *self,
                  const char     *kind,
                  gint64          id)
{
  if (g_strcmp0 (kind, "list") == 0 || g_strcmp0 (kind, "unit") == 0
      || g_strcmp0 (kind, "deputy") == 0)
    {
      update_dropdowns (self);
      return;
    }

  if (g_strcmp0 (kind, "concern") != 0)
    return;

  /* An edit of a listed concern, in a list no filter or order of state could reshuffle, only
   * needs that row again; anything else may add, drop or move rows. */
  if (id != 0 && !has_filters (self)
      && (self->sort == LD_CONCERN_SORT_REFERENCE || self->sort == LD_CONCERN_SORT_RECEIVED)
      && ld_query_model_find (self->model, id) != GTK_INVALID_LIST_POSITION)
    {
      ld_query_model_invalidate (self->model, id);
      return;
    }

  if (id != 0)
    ld_query_model_invalidate (self->model, id);
  queue_reload (self, 0);
}

static void
context_notify_database_cb (LdConcernsPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

/* ------------------------------------------------------------------ actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (widget);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, STATE_FILTER_ALL);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->deputy_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->confidential_toggle, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->filling = FALSE;

  g_clear_pointer (&self->search, g_free);
  filter_changed_cb (self);
  reload_now (self);
}

/* Deputies take up what several residents raised as one suggestion: the selected concerns, in
 * the order listed, prefill its form. */
static void
create_suggestion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  GtkWindow *editor;
  GtkRoot *root;
  guint position;

  if (self->context == NULL || self->store == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) > MAX_SUGGESTION_CONCERNS)
    {
      /* Translators: %u is the most concerns one suggestion can be made from */
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "A suggestion can be made from at most %u concern; "
                                      "select fewer.",
                                      "A suggestion can be made from at most %u concerns; "
                                      "select fewer.",
                                      MAX_SUGGESTION_CONCERNS),
                         MAX_SUGGESTION_CONCERNS);

      adw_toast_overlay_add_toast (self->toast_overlay, ld_toast_new_plain (text));
      return;
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LdConcern) concern = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            position);
      gint64 id;

      if (!LD_IS_CONCERN (concern))
        continue;
      id = ld_concern_get_id (concern);
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return;

  editor = ld_suggestion_editor_new (self->context, NULL, (const gint64 *) ids->data, ids->len);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_concerns_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concerns_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_concerns_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_concerns_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concerns_page_dispose (GObject *object)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Dropping the columns changes the sorter; there is nothing left to sort then. */
  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_CONCERNS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->column_sort, ld_column_sort_free);

  G_OBJECT_CLASS (ld_concerns_page_parent_class)->dispose (object);
}

static void
ld_concerns_page_finalize (GObject *object)
{
  LdConcernsPage *self = LD_CONCERNS_PAGE (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->from_date, g_free);
  g_clear_pointer (&self->to_date, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->deputy_ids, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (ld_concerns_page_parent_class)->finalize (object);
}

static void
ld_concerns_page_class_init (LdConcernsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_concerns_page_get_property;
  object_class->set_property = ld_concerns_page_set_property;
  object_class->dispose = ld_concerns_page_dispose;
  object_class->finalize = ld_concerns_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Whether the window shows the page without its sidebar: the header bar then offers the way
   * back and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-concerns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, confidential_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, deputy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, reference_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, resident_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, state_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, LdConcernsPage, error_page);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "concerns.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "concerns.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "concerns.create-suggestion", NULL,
                                   create_suggestion_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "concerns.search", NULL);
}

static void
ld_concerns_page_init (LdConcernsPage *self)
{
  g_autoptr(GtkStringList) state_names = gtk_string_list_new (NULL);
  GtkColumnViewColumn *columns[N_COLUMNS];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = LD_CONCERN_SORT_RECEIVED;
  self->descending = TRUE;
  update_today (self);

  self->model = ld_query_model_new (LD_TYPE_CONCERN, query_ids, load_concerns, concern_id_of,
                                    self, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* A reload drops rows, and their selection with them. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concerns.create-suggestion", FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  columns[COLUMN_REFERENCE] = self->reference_column;
  columns[COLUMN_RECEIVED] = self->received_column;
  columns[COLUMN_RESIDENT] = self->resident_column;
  columns[COLUMN_CATEGORY] = self->category_column;
  columns[COLUMN_SUBJECT] = self->subject_column;
  columns[COLUMN_STATE] = self->state_column;
  columns[COLUMN_UNIT] = self->unit_column;
  columns[COLUMN_DUE] = self->due_column;
  ld_list_view_set_factories (columns, N_COLUMNS, self, G_CALLBACK (cell_setup_cb),
                              G_CALLBACK (cell_bind_cb), NULL, NULL);

  /* Sorting happens in SQL, on indexes only; these sorters only make the headers clickable. */
  self->column_sort = ld_column_sort_new (self->column_view);
  ld_column_sort_add_column (self->column_sort, self->reference_column, LD_CONCERN_SORT_REFERENCE);
  ld_column_sort_add_column (self->column_sort, self->received_column, LD_CONCERN_SORT_RECEIVED);
  ld_column_sort_add_column (self->column_sort, self->state_column, LD_CONCERN_SORT_STATE);
  ld_column_sort_add_column (self->column_sort, self->due_column, LD_CONCERN_SORT_DUE);
  /* The newest concerns first: they are the ones the clerk is working on. */
  gtk_column_view_sort_by_column (self->column_view, self->received_column,
                                  GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  read_sort (self);

  self->filling = TRUE;
  gtk_string_list_append (state_names, _("All States"));
  gtk_string_list_append (state_names, C_("concerns filter", "Open"));
  for (guint i = 0; i < LD_CONCERN_N_STATES; i++)
    gtk_string_list_append (state_names, ld_concern_state_to_string (i));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_names));
  update_dropdowns (self);
  self->filling = FALSE;

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  update_view (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_concerns_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_CONCERNS_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_concerns_page_get_context (LdConcernsPage *self)
{
  g_return_val_if_fail (LD_IS_CONCERNS_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context and lists its concerns. */
void
ld_concerns_page_set_context (LdConcernsPage *self,
                              LdContext      *context)
{
  g_return_if_fail (LD_IS_CONCERNS_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (ld_context_get_settings (self->context), self);
    }
  g_set_object (&self->context, context);
  if (context)
    {
      g_signal_connect_object (context, "notify::database",
                               G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ld_context_get_settings (context), "changed::caseload-deputy",
                               G_CALLBACK (select_caseload_deputy), self, G_CONNECT_SWAPPED);
    }
  set_store (self, context ? ld_context_get_store (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_concerns_page_get_folded (LdConcernsPage *self)
{
  g_return_val_if_fail (LD_IS_CONCERNS_PAGE (self), FALSE);

  return self->folded;
}

void
ld_concerns_page_set_folded (LdConcernsPage *self,
                             gboolean        folded)
{
  g_return_if_fail (LD_IS_CONCERNS_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/* Returns: (transfer none): the concerns listed, in order, as the column view shows them */
GListModel *
ld_concerns_page_get_model (LdConcernsPage *self)
{
  g_return_val_if_fail (LD_IS_CONCERNS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Runs the query again at once, instead of after the usual short pause. */
void
ld_concerns_page_reload (LdConcernsPage *self)
{
  g_return_if_fail (LD_IS_CONCERNS_PAGE (self));

  reload_now (self);
}

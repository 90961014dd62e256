/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-deputies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-column-sort.h"
#include "ld-deputies-page.h"
#include "ld-deputy-editor.h"
#include "ld-deputy.h"
#include "ld-deputy-page.h"
#include "ld-list-view.h"
#include "ld-query-model.h"
#include "ld-store.h"

/*
 * The roster: every deputy of the database in a column view over a lazy model. Searching,
 * filtering and sorting all become one LdDeputyQuery that the store answers in SQL, so a
 * district's 2,000 deputies list as fast as a station's twenty.
 */

/* Typing pauses shorter than this are one search. */
#define SEARCH_DELAY_MS 150

typedef enum
{
  COLUMN_NAME,
  COLUMN_LEVEL,
  COLUMN_GROUP,
  COLUMN_CONSTITUENCY,
  COLUMN_WORKPLACE,
  COLUMN_PHONE,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* The status filter, in the order of its drop-down. */
static const int status_filters[] = { 1, 0, -1 };

struct _LdDeputiesPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *filter_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *level_dropdown;
  GtkDropDown         *group_dropdown;
  GtkDropDown         *status_dropdown;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *constituency_column;
  GtkColumnViewColumn *workplace_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *status_column;
  AdwStatusPage       *error_page;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  LdQueryModel        *model;
  GtkSingleSelection  *selection;
  GtkStringList       *group_names;
  char                *search;
  char                *level;
  char                *group;
  LdDeputy            *deleted;
  LdColumnSort        *column_sort;
  guint                reload_source;

  /* Borrowed: the toast offering to undo the last deletion, while it is shown */
  AdwToast            *undo_toast;

  int                  active;
  LdDeputySort         sort;
  gboolean             descending;
  gboolean             folded;
  gboolean             filling;
};

static void store_changed_cb (LdDeputiesPage *self,
                              const char     *kind,
                              gint64          id);
static void editor_saved_cb  (LdDeputiesPage *self,
                              LdDeputy       *deputy);

G_DEFINE_FINAL_TYPE (LdDeputiesPage, ld_deputies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static void
fill_query (LdDeputiesPage *self,
            LdDeputyQuery  *query)
{
  *query = (LdDeputyQuery) {
    .search = self->search,
    .level = self->level,
    .group = self->group,
    .active = self->active,
    .sort = self->sort,
    .descending = self->descending,
  };
}

static GArray *
query_ids (gpointer   user_data,
           GError   **error)
{
  LdDeputiesPage *self = user_data;
  LdDeputyQuery query;

  if (self->store == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  fill_query (self, &query);
  return ld_store_query_deputy_ids (self->store, &query, error);
}

static GPtrArray *
load_deputies (gpointer      user_data,
               const gint64 *ids,
               guint         n_ids,
               GError      **error)
{
  LdDeputiesPage *self = user_data;

  if (self->store == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return ld_store_load_deputies (self->store, ids, n_ids, error);
}

static gint64
deputy_id_of (gpointer item)
{
  return ld_deputy_get_id (LD_DEPUTY (item));
}

/* Whether the database has any deputy at all, whatever the filters say. */
static gboolean
has_any_deputy (LdDeputiesPage *self)
{
  LdDeputyQuery query = { .active = -1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) ids = NULL;

  if (self->store == NULL)
    return FALSE;

  ids = ld_store_query_deputy_ids (self->store, &query, NULL);
  return ids != NULL && ids->len > 0;
}

static LdDeputy *
get_selected_deputy (LdDeputiesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (LdDeputiesPage *self)
{
  gboolean open = self->store != NULL;
  gboolean selected = get_selected_deputy (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.new", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.edit", open && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.delete", open && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.caseload", open && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.undo-delete",
                                 open && self->deleted != NULL);
}

static void
update_view (LdDeputiesPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;
  const char *view;

  if (n_items > 0)
    view = "list";
  else if (has_any_deputy (self))
    view = "no-match";
  else
    view = "empty";

  /* Translators: the number of deputies listed, shown under the page title */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u deputy", "%'u deputies", n_items),
                           n_items);
  adw_window_title_set_subtitle (self->window_title, g_str_equal (view, "empty") ? "" : count);

  gtk_stack_set_visible_child_name (self->content_stack, view);
  /* With nobody to find, the search and the filters would only be in the way; a search left
   * in the hidden entry would hide the first deputies added. */
  gtk_widget_set_visible (self->filter_bar, !g_str_equal (view, "empty"));
  if (g_str_equal (view, "empty") && self->search != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  update_actions (self);
}

static void
show_error (LdDeputiesPage *self,
            const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  update_actions (self);
}

static void
add_toast (LdDeputiesPage *self,
           AdwToast       *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Errors stay until dismissed: the user has to have read them. */
static void
add_error_toast (LdDeputiesPage *self,
                 char           *message)
{
  g_autofree char *owned = message;
  g_autofree char *escaped = g_markup_escape_text (owned, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

/* The groups in use, for the filter; the chosen one stays chosen while it still exists. */
static void
update_groups (LdDeputiesPage *self)
{
  g_auto(GStrv) groups = NULL;
  g_autoptr(GtkStringList) names = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->group_names));
  guint selected = 0;
  gboolean same;

  if (self->store)
    groups = ld_store_list_deputy_groups (self->store, NULL);

  same = n_old == 1 + (groups ? g_strv_length (groups) : 0);
  for (guint i = 0; same && groups && groups[i]; i++)
    same = g_str_equal (gtk_string_list_get_string (self->group_names, i + 1), groups[i]);
  if (same)
    return;

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All Groups"));
  for (guint i = 0; groups && groups[i]; i++)
    {
      gtk_string_list_append (names, groups[i]);
      if (g_strcmp0 (groups[i], self->group) == 0)
        selected = i + 1;
    }

  self->filling = TRUE;
  g_set_object (&self->group_names, names);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->filling = FALSE;

  if (selected == 0 && self->group != NULL)
    g_clear_pointer (&self->group, g_free);
}

static void
reload_now (LdDeputiesPage *self)
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
  LdDeputiesPage *self = data;

  self->reload_source = 0;
  reload_now (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (typing, a burst of store signals) make one query. */
static void
queue_reload (LdDeputiesPage *self,
              guint           delay_ms)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (delay_ms, reload_timeout_cb, self);
}

/* The list sorts in SQL by the column the user clicked (ld-column-sort). */
static void
read_sort (LdDeputiesPage *self)
{
  gboolean descending = FALSE;
  int sort = ld_column_sort_read (self->column_sort, &descending);

  if (sort < 0)
    {
      self->sort = LD_DEPUTY_SORT_NAME;
      self->descending = FALSE;
    }
  else
    {
      self->sort = sort;
      self->descending = descending;
    }
}

static const char *
deputy_column_text (LdDeputy *deputy,
                    Column    column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return ld_deputy_get_name (deputy);
    case COLUMN_LEVEL:
      return ld_deputy_level_to_string (ld_deputy_get_level (deputy));
    case COLUMN_GROUP:
      return ld_deputy_get_group (deputy);
    case COLUMN_CONSTITUENCY:
      return ld_deputy_get_constituency (deputy);
    case COLUMN_WORKPLACE:
      return ld_deputy_get_workplace (deputy);
    case COLUMN_PHONE:
      return ld_deputy_get_phone (deputy);
    case COLUMN_STATUS:
      return ld_deputy_get_active (deputy) ? C_("deputy", "Active") : C_("deputy", "Retired");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
open_editor (LdDeputiesPage *self,
             LdDeputy       *deputy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LdDeputyEditor *editor;

  if (self->context == NULL || self->store == NULL)
    return;

  editor = ld_deputy_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->context, deputy);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
set_store (LdDeputiesPage *self,
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

  /* Undo belongs to the database the deputy was deleted from. */
  if (self->undo_toast)
    adw_toast_dismiss (self->undo_toast);
  self->undo_toast = NULL;
  g_clear_object (&self->deleted);

  update_groups (self);
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

  if (column == COLUMN_PHONE)
    gtk_widget_add_css_class (inscription, "numeric");
  gtk_list_item_set_child (item, inscription);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  LdDeputy *deputy = gtk_list_item_get_item (item);
  const char *text;

  if (!LD_IS_DEPUTY (deputy))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), NULL);
      return;
    }

  text = deputy_column_text (deputy, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription,
                               column == COLUMN_WORKPLACE && text && *text ? text : NULL);

  /* Retired deputies stay findable but step back. */
  if (ld_deputy_get_active (deputy))
    gtk_widget_remove_css_class (inscription, "dim-label");
  else
    gtk_widget_add_css_class (inscription, "dim-label");
}

static void
search_changed_cb (LdDeputiesPage *self)
{
  if (ld_list_view_take_search (self->search_entry, &self->search))
    /* GtkSearchEntry already waited for a pause in the typing. */
    queue_reload (self, 0);
}

static void
stop_search_cb (LdDeputiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search moves to the first match, so that a second Enter opens it. */
static void
search_activate_cb (LdDeputiesPage *self)
{
  reload_now (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (LdDeputiesPage *self)
{
  const char * const *levels = ld_deputy_levels ();
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->filling)
    return;

  g_clear_pointer (&self->level, g_free);
  if (level != GTK_INVALID_LIST_POSITION && level > 0)
    self->level = g_strdup (levels[level - 1]);

  g_clear_pointer (&self->group, g_free);
  if (group != GTK_INVALID_LIST_POSITION && group > 0)
    self->group = g_strdup (gtk_string_list_get_string (self->group_names, group));

  self->active = status < G_N_ELEMENTS (status_filters) ? status_filters[status] : -1;

  queue_reload (self, SEARCH_DELAY_MS);
}

static void
sorter_changed_cb (LdDeputiesPage *self)
{
  read_sort (self);
  queue_reload (self, 0);
}

static void
selection_changed_cb (LdDeputiesPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (LdDeputiesPage *self,
                         guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "deputies.edit", NULL);
}

static void
store_changed_cb (LdDeputiesPage *self,
                  const char     *kind,
                  gint64          id)
{
  if (g_strcmp0 (kind, "deputy") != 0)
    return;

  if (id != 0)
    ld_query_model_invalidate (self->model, id);
  update_groups (self);
  queue_reload (self, 0);
}

static void
context_notify_database_cb (LdDeputiesPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

static void
editor_saved_cb (LdDeputiesPage *self,
                 LdDeputy       *deputy)
{
  guint position;

  /* Show the deputy just saved, even when the filters would hide it. */
  reload_now (self);
  position = ld_query_model_find (self->model, ld_deputy_get_id (deputy));
  if (position != GTK_INVALID_LIST_POSITION
      && position < g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
undo_toast_button_clicked_cb (LdDeputiesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "deputies.undo-delete", NULL);
}

static void
undo_toast_dismissed_cb (LdDeputiesPage *self,
                         AdwToast       *toast)
{
  if (self->undo_toast != toast)
    return;

  self->undo_toast = NULL;
  g_clear_object (&self->deleted);
  update_actions (self);
}

/* ------------------------------------------------------------------ actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (LD_DEPUTIES_PAGE (widget), NULL);
}

/* The deputy's caseload in a window of its own, one per deputy. */
static void
caseload_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (widget);
  LdDeputy *selected = get_selected_deputy (self);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *page;

  if (selected == NULL || self->context == NULL || self->store == NULL)
    return;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LD_IS_DEPUTY_PAGE (window)
          && ld_deputy_page_get_deputy_id (LD_DEPUTY_PAGE (window)) == ld_deputy_get_id (selected))
        {
          gtk_window_present (window);
          return;
        }
    }

  page = ld_deputy_page_new (parent, self->context, ld_deputy_get_id (selected));
  gtk_window_present (page);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (widget);
  LdDeputy *selected = get_selected_deputy (self);
  g_autoptr(LdDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;

  if (selected == NULL || self->store == NULL)
    return;

  /* Edit the deputy as stored now, not as the list last fetched it. */
  deputy = ld_store_get_deputy (self->store, ld_deputy_get_id (selected), &error);
  if (deputy == NULL)
    {
      if (error)
        {
          /* Translators: %s says in plain words what went wrong */
          add_error_toast (self, g_strdup_printf (_("The deputy could not be opened: %s"),
                                                  error->message));
        }
      reload_now (self);
      return;
    }

  open_editor (self, deputy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (widget);
  LdDeputy *selected = get_selected_deputy (self);
  g_autoptr(LdDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  LdDeleteOutcome outcome = LD_DELETE_DELETED;
  AdwToast *toast;

  if (selected == NULL || self->store == NULL)
    return;

  /* What Undo puts back: the deputy as stored, not as the list last fetched it. */
  deputy = ld_store_get_deputy (self->store, ld_deputy_get_id (selected), NULL);
  if (deputy == NULL)
    deputy = ld_deputy_copy (selected);

  if (!ld_store_delete_deputy (self->store, ld_deputy_get_id (deputy), &outcome, &error))
    {
      /* Translators: %s says in plain words what went wrong */
      add_error_toast (self, g_strdup_printf (_("The deputy could not be deleted: %s"),
                                              error->message));
      return;
    }

  escaped = g_markup_escape_text (ld_deputy_get_name (deputy), -1);

  if (outcome == LD_DELETE_RETIRED)
    {
      /* Translators: %s is a deputy's name */
      title = g_strdup_printf (_("%s was retired, not deleted, because records refer to them"),
                               escaped);
      add_toast (self, adw_toast_new (title));
      return;
    }

  if (self->undo_toast)
    adw_toast_dismiss (self->undo_toast);
  g_set_object (&self->deleted, deputy);

  /* Translators: %s is a deputy's name */
  title = g_strdup_printf (_("%s was deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (undo_toast_button_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  add_toast (self, toast);

  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (widget);
  g_autoptr(LdDeputy) deputy = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  if (toast)
    adw_toast_dismiss (toast);
  update_actions (self);

  if (deputy == NULL || self->store == NULL)
    return;

  if (!ld_store_undelete_deputy (self->store, deputy, &error))
    {
      /* Translators: %s says in plain words what went wrong */
      add_error_toast (self, g_strdup_printf (_("The deputy could not be brought back: %s"),
                                              error->message));
      return;
    }

  editor_saved_cb (self, deputy);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_deputies_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (object);

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
ld_deputies_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_deputies_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_deputies_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_deputies_page_dispose (GObject *object)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (object);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_DEPUTIES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->group_names);
  g_clear_object (&self->deleted);
  self->undo_toast = NULL;
  g_clear_pointer (&self->column_sort, ld_column_sort_free);

  G_OBJECT_CLASS (ld_deputies_page_parent_class)->dispose (object);
}

static void
ld_deputies_page_finalize (GObject *object)
{
  LdDeputiesPage *self = LD_DEPUTIES_PAGE (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->group, g_free);

  G_OBJECT_CLASS (ld_deputies_page_parent_class)->finalize (object);
}

static void
ld_deputies_page_class_init (LdDeputiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_deputies_page_get_property;
  object_class->set_property = ld_deputies_page_set_property;
  object_class->dispose = ld_deputies_page_dispose;
  object_class->finalize = ld_deputies_page_finalize;

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
                                               RESOURCE_PATH "/ui/ld-deputies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, level_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, group_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, constituency_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, workplace_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, phone_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, LdDeputiesPage, error_page);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "deputies.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "deputies.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "deputies.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "deputies.caseload", NULL, caseload_action);
  gtk_widget_class_install_action (widget_class, "deputies.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_install_action (widget_class, "deputies.search", NULL, search_action);

  /* Ctrl+N is kept for registering a concern from anywhere in the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "deputies.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0,
                                       "deputies.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "deputies.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "deputies.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "deputies.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "deputies.search", NULL);
}

static void
ld_deputies_page_init (LdDeputiesPage *self)
{
  const char * const *levels = ld_deputy_levels ();
  g_autoptr(GtkStringList) level_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = NULL;
  GtkColumnViewColumn *columns[N_COLUMNS];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->active = status_filters[0];
  self->sort = LD_DEPUTY_SORT_NAME;

  self->model = ld_query_model_new (LD_TYPE_DEPUTY, query_ids, load_deputies, deputy_id_of,
                                    self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  columns[COLUMN_NAME] = self->name_column;
  columns[COLUMN_LEVEL] = self->level_column;
  columns[COLUMN_GROUP] = self->group_column;
  columns[COLUMN_CONSTITUENCY] = self->constituency_column;
  columns[COLUMN_WORKPLACE] = self->workplace_column;
  columns[COLUMN_PHONE] = self->phone_column;
  columns[COLUMN_STATUS] = self->status_column;
  ld_list_view_set_factories (columns, N_COLUMNS, self, G_CALLBACK (cell_setup_cb),
                              G_CALLBACK (cell_bind_cb), NULL, NULL);

  /* Sorting happens in SQL; these sorters only make the headers clickable. */
  self->column_sort = ld_column_sort_new (self->column_view);
  ld_column_sort_add_column (self->column_sort, self->name_column, LD_DEPUTY_SORT_NAME);
  ld_column_sort_add_column (self->column_sort, self->level_column, LD_DEPUTY_SORT_LEVEL);
  ld_column_sort_add_column (self->column_sort, self->group_column, LD_DEPUTY_SORT_GROUP);
  ld_column_sort_add_column (self->column_sort, self->constituency_column, LD_DEPUTY_SORT_CONSTITUENCY);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  self->filling = TRUE;

  gtk_string_list_append (level_names, _("All Levels"));
  for (guint i = 0; levels[i]; i++)
    gtk_string_list_append (level_names, ld_deputy_level_to_string (levels[i]));
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (level_names));

  self->group_names = gtk_string_list_new ((const char * const []) { _("All Groups"), NULL });
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));

  status_names = gtk_string_list_new ((const char * const []) {
    C_("deputies filter", "Active"),
    C_("deputies filter", "Retired"),
    C_("deputies filter", "Active and Retired"),
    NULL,
  });
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_names));

  self->filling = FALSE;

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  update_view (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_deputies_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_DEPUTIES_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_deputies_page_get_context (LdDeputiesPage *self)
{
  g_return_val_if_fail (LD_IS_DEPUTIES_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context and lists its deputies. */
void
ld_deputies_page_set_context (LdDeputiesPage *self,
                              LdContext      *context)
{
  g_return_if_fail (LD_IS_DEPUTIES_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    g_signal_connect_object (context, "notify::database",
                             G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
  set_store (self, context ? ld_context_get_store (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_deputies_page_get_folded (LdDeputiesPage *self)
{
  g_return_val_if_fail (LD_IS_DEPUTIES_PAGE (self), FALSE);

  return self->folded;
}

void
ld_deputies_page_set_folded (LdDeputiesPage *self,
                             gboolean        folded)
{
  g_return_if_fail (LD_IS_DEPUTIES_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/* Returns: (transfer none): the deputies listed, in order, as the column view shows them */
GListModel *
ld_deputies_page_get_model (LdDeputiesPage *self)
{
  g_return_val_if_fail (LD_IS_DEPUTIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Runs the query again at once, instead of after the usual short pause. */
void
ld_deputies_page_reload (LdDeputiesPage *self)
{
  g_return_if_fail (LD_IS_DEPUTIES_PAGE (self));

  reload_now (self);
}

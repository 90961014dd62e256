/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-backups.h"
#include "ld-calendar-page.h"
#include "ld-concern-editor.h"
#include "ld-concern-page.h"
#include "ld-concerns-page.h"
#include "ld-database.h"
#include "ld-deputies-page.h"
#include "ld-import-dialog.h"
#include "ld-reports-page.h"
#include "ld-station-setup-window.h"
#include "ld-suggestion-editor.h"
#include "ld-suggestion-page.h"
#include "ld-suggestions-page.h"
#include "ld-today-page.h"
#include "ld-window.h"

struct _LdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar;
  GtkStack             *pages;
  AdwStatusPage        *error_page;
  AdwStatusPage        *busy_page;
  GtkLabel             *error_path_label;
  GtkWidget            *restore_newest_button;
  LdTodayPage          *today_page;
  LdCalendarPage       *calendar_page;
  LdConcernsPage       *concerns_page;
  LdSuggestionsPage    *suggestions_page;
  LdDeputiesPage       *deputies_page;
  LdReportsPage        *reports_page;

  /* Owned */
  LdContext            *context;
  char                 *database_path;
  GError               *database_error;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gboolean              restoring;
  gboolean              needs_station;
  GtkWindow            *station_setup;
};

static void station_saved_cb (LdWindow *self);

G_DEFINE_FINAL_TYPE (LdWindow, ld_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DATABASE_PATH,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of the content pages, in sidebar order; Ctrl+1… follow this order too. */
static const char * const page_names[] = {
  "today",
  "calendar",
  "concerns",
  "suggestions",
  "deputies",
  "reports",
};

/* ------------------------------------------------------------------ helpers */

static gboolean
is_page_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (page_names[i], name) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_database (LdWindow *self)
{
  return self->context != NULL && ld_context_get_database (self->context) != NULL;
}

static gboolean
has_backups (LdWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;

  if (self->database_path == NULL)
    return FALSE;

  backups = ld_database_list_backups (self->database_path);
  return backups->len > 0;
}

static void
select_sidebar_row (LdWindow   *self,
                    const char *page)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)); i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      if (target && g_strcmp0 (g_variant_get_string (target, NULL), page) == 0)
        {
          gtk_list_box_select_row (self->sidebar, row);
          return;
        }
    }
}

/* A new database has no station yet; every record belongs to one, so its profile comes first. */
static void
check_station (LdWindow *self)
{
  LdStore *store = self->context ? ld_context_get_store (self->context) : NULL;
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GError) error = NULL;

  self->needs_station = FALSE;
  if (store == NULL)
    return;

  station = ld_store_get_station (store, &error);
  if (error)
    {
      g_autofree char *message = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: %s says in plain words why the station could not be read */
      message = g_strdup_printf (_("The station profile could not be read: %s"), error->message);
      escaped = g_markup_escape_text (message, -1);
      ld_window_add_toast (self, adw_toast_new (escaped));
      return;
    }

  self->needs_station = station == NULL;
}

/* Shows the station profile over the window while it is missing, once the window is on
 * screen. */
static void
sync_station_setup (LdWindow *self)
{
  gboolean wanted = has_database (self) && self->needs_station;

  if (!wanted && self->station_setup)
    gtk_window_destroy (self->station_setup);

  if (!wanted || self->station_setup || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->station_setup = GTK_WINDOW (ld_station_setup_window_new (GTK_WINDOW (self),
                                                                 self->context));
  g_object_add_weak_pointer (G_OBJECT (self->station_setup), (gpointer *) &self->station_setup);
  g_signal_connect_object (self->station_setup, "saved", G_CALLBACK (station_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (self->station_setup);
}

static void
update_actions (LdWindow *self)
{
  gboolean open = has_database (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-roster", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-database", !self->restoring);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-newest-backup",
                                 !open && !self->restoring && has_backups (self));
}

static void
update_error_page (LdWindow *self)
{
  g_autofree char *description = NULL;
  g_autofree char *display_path = NULL;
  gboolean show_path = FALSE;

  if (self->database_error)
    description = g_markup_escape_text (self->database_error->message, -1);
  else
    description = g_markup_escape_text (_("No database is open."), -1);
  adw_status_page_set_description (self->error_page, description);

  /* Most reasons already name the file; the others get it underneath. */
  if (self->database_path)
    {
      display_path = g_filename_display_name (self->database_path);
      show_path = self->database_error == NULL
                  || strstr (self->database_error->message, display_path) == NULL;
    }
  gtk_label_set_label (self->error_path_label, show_path ? display_path : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_path_label), show_path);

  gtk_widget_set_visible (self->restore_newest_button, has_backups (self));
}

static void
update_view (LdWindow *self)
{
  const char *view;

  if (has_database (self) && self->needs_station)
    view = "busy";
  else if (has_database (self))
    view = "main";
  else if (self->restoring || (self->database_error == NULL && self->context != NULL))
    view = "busy";
  else
    view = "error";

  if (g_str_equal (view, "error"))
    update_error_page (self);

  gtk_widget_set_visible (adw_status_page_get_child (self->busy_page), !self->needs_station);

  if (has_database (self) && self->needs_station)
    {
      adw_status_page_set_title (self->busy_page, _("Setting Up the Station"));
      adw_status_page_set_description (self->busy_page,
                                       _("Fill in the station profile to begin. All of it can be changed later in Preferences."));
    }
  else if (self->restoring)
    {
      adw_status_page_set_title (self->busy_page, _("Restoring the Backup…"));
      adw_status_page_set_description (self->busy_page,
                                       _("The database stays closed until the backup is in place and checked."));
    }
  else
    {
      adw_status_page_set_title (self->busy_page, _("Opening the Database…"));
      adw_status_page_set_description (self->busy_page,
                                       _("The database is checked for damage before it is used."));
    }

  gtk_stack_set_visible_child_name (self->view_stack, view);
  update_actions (self);
  sync_station_setup (self);
}

static void
load_state (LdWindow *self)
{
  GSettings *settings;
  g_autofree char *page = NULL;

  if (self->context == NULL)
    return;

  settings = ld_context_get_settings (self->context);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (settings, "last-page");
  ld_window_set_page (self, is_page_name (page) ? page : page_names[0]);
}

static void
save_state (LdWindow *self)
{
  GSettings *settings;
  gboolean maximized;

  if (self->context == NULL)
    return;

  settings = ld_context_get_settings (self->context);
  maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* A maximized window's size is the screen's; keep the size it returns to. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  g_settings_set_boolean (settings, "window-maximized", maximized);
}

static void
open_database (LdWindow   *self,
               const char *path)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ld_database_open (path, &error);
  if (database == NULL)
    {
      ld_window_set_database_error (self, path, error);
      return;
    }

  ld_context_set_database (self->context, database);
}

/* ------------------------------------------------------------------ callbacks */

static void
station_saved_cb (LdWindow *self)
{
  self->needs_station = FALSE;
  update_view (self);
}

static gboolean
sync_station_setup_idle_cb (gpointer data)
{
  sync_station_setup (LD_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
map_cb (LdWindow *self)
{
  /* After the window itself is on screen, so that the dialog opens over it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sync_station_setup_idle_cb, g_object_ref (self),
                   g_object_unref);
}

static void
context_notify_database_cb (LdWindow *self)
{
  LdDatabase *database = ld_context_get_database (self->context);

  if (database)
    {
      g_clear_error (&self->database_error);
      if (g_strcmp0 (self->database_path, ld_database_get_path (database)) != 0)
        {
          g_free (self->database_path);
          self->database_path = g_strdup (ld_database_get_path (database));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
        }
    }

  check_station (self);
  update_view (self);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
restore_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  if (!ld_backups_restore_finish (result, &kept_aside, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->restoring = FALSE;

  if (error == NULL)
    {
      update_view (self);
      ld_window_add_toast (self, ld_backups_new_restored_toast (kept_aside));
      return;
    }

  if (!has_database (self))
    {
      ld_window_set_database_error (self, self->database_path, error);
      return;
    }

  update_view (self);
  /* Translators: %s says in plain words why the restore failed */
  message = g_strdup_printf (_("The backup could not be restored: %s"), error->message);
  escaped = g_markup_escape_text (message, -1);
  ld_window_add_toast (self, adw_toast_new (escaped));
}

static void
confirm_restore_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LdWindow) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;

  if (!ld_backups_confirm_finish (result, NULL))
    return;

  backups = ld_database_list_backups (self->database_path);
  if (backups->len == 0)
    return;

  self->restoring = TRUE;
  update_view (self);
  ld_backups_restore_async (self->context, self->database_path, g_ptr_array_index (backups, 0),
                            self->cancellable, restore_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ actions */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  if (!is_page_name (page))
    return;

  ld_window_set_page (self, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages));
}

/* Parameter: a local "YYYY-MM-DD". The calendar, turned to that day. */
static void
show_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  const char *text = g_variant_get_string (parameter, NULL);
  int year, month, day;

  if (!has_database (self))
    return;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      ld_month_view_set_selected_date (ld_calendar_page_get_month_view (self->calendar_page),
                                       &date);
    }
  ld_window_set_page (self, "calendar");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Choose a Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Liaison Desk Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  if (self->database_path)
    {
      g_autofree char *dir = g_path_get_dirname (self->database_path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      if (g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Parameter: "deputies" or "units". */
static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  LdImportDialog *dialog;

  if (!has_database (self))
    return;

  dialog = ld_import_dialog_new (GTK_WINDOW (self), self->context,
                                 g_str_equal (what, "units") ? LD_IMPORT_UNITS : LD_IMPORT_DEPUTIES);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_concern_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  GtkWindow *editor;

  if (!has_database (self))
    return;

  editor = ld_concern_editor_new (self->context, NULL);
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);
}

/* Activates "<page>.@name" on the page shown, if it has that action. */
static void
activate_on_page (LdWindow   *self,
                  const char *name)
{
  const char *page = ld_window_get_page (self);
  GtkWidget *child = gtk_stack_get_visible_child (self->pages);
  g_autofree char *full = NULL;

  if (!has_database (self) || page == NULL || child == NULL)
    return;

  full = g_strconcat (page, ".", name, NULL);
  gtk_widget_activate_action (child, full, NULL);
}

/* Ctrl+F reaches the search of the page shown even while the focus is in the sidebar: each
 * page with a search has the action "<page>.search". */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  activate_on_page (LD_WINDOW (widget), "search");
}

/* A page's own keys are bindings of the page, which see the keys only while the focus is in
 * it; the window passes the same keys on from the sidebar. Parameter: the action's name on the
 * page shown, without the page's prefix. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  activate_on_page (LD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+E opens the export dialog of the Reports page from any page, the focus anywhere. */
static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);

  if (has_database (self))
    gtk_widget_activate_action (GTK_WIDGET (self->reports_page), "reports.export", NULL);
}

static void
new_suggestion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  GtkWindow *editor;

  if (!has_database (self))
    return;

  editor = ld_suggestion_editor_new (self->context, NULL, NULL, 0);
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);
}

/* Parameter: the suggestion's id. As with concerns, one open suggestion is brought to the
 * front, not opened twice. */
static void
open_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *page;

  if (!has_database (self) || id <= 0)
    return;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LD_IS_SUGGESTION_PAGE (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (self)
          && ld_suggestion_page_get_suggestion_id (LD_SUGGESTION_PAGE (window)) == id)
        {
          gtk_window_present (window);
          return;
        }
    }

  page = ld_suggestion_page_new (GTK_WINDOW (self), self->context, id);
  gtk_window_present (page);
}

/* Parameter: the concern's id. A concern already open is brought to the front, not opened
 * twice. */
static void
open_concern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *page;

  if (!has_database (self) || id <= 0)
    return;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LD_IS_CONCERN_PAGE (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (self)
          && ld_concern_page_get_concern_id (LD_CONCERN_PAGE (window)) == id)
        {
          gtk_window_present (window);
          return;
        }
    }

  page = ld_concern_page_new (GTK_WINDOW (self), self->context, id);
  gtk_window_present (page);
}

static void
restore_newest_backup_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LdWindow *self = LD_WINDOW (widget);
  g_autoptr(GPtrArray) backups = NULL;

  if (self->database_path == NULL || self->restoring)
    return;

  backups = ld_database_list_backups (self->database_path);
  if (backups->len == 0)
    return;

  ld_backups_confirm_async (GTK_WINDOW (self), g_ptr_array_index (backups, 0), self->cancellable,
                            confirm_restore_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_window_close_request (GtkWindow *window)
{
  LdWindow *self = LD_WINDOW (window);

  save_state (self);

  return GTK_WINDOW_CLASS (ld_window_parent_class)->close_request (window);
}

static void
ld_window_constructed (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  G_OBJECT_CLASS (ld_window_parent_class)->constructed (object);

  if (self->context)
    {
      LdDatabase *database = ld_context_get_database (self->context);

      if (database && self->database_path == NULL)
        self->database_path = g_strdup (ld_database_get_path (database));

      g_signal_connect_object (self->context, "notify::database",
                               G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
      ld_today_page_set_context (self->today_page, self->context);
      ld_calendar_page_set_context (self->calendar_page, self->context);
      ld_concerns_page_set_context (self->concerns_page, self->context);
      ld_suggestions_page_set_context (self->suggestions_page, self->context);
      ld_deputies_page_set_context (self->deputies_page, self->context);
      ld_reports_page_set_context (self->reports_page, self->context);
      check_station (self);
    }

  load_state (self);
  update_view (self);
}

static void
ld_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LdWindow *self = LD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_PAGE:
      g_value_set_string (value, ld_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LdWindow *self = LD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    case PROP_PAGE:
      ld_window_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_window_dispose (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->station_setup)
    gtk_window_destroy (self->station_setup);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_WINDOW);

  G_OBJECT_CLASS (ld_window_parent_class)->dispose (object);
}

static void
ld_window_finalize (GObject *object)
{
  LdWindow *self = LD_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->database_error);

  G_OBJECT_CLASS (ld_window_parent_class)->finalize (object);
}

static void
ld_window_class_init (LdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_window_constructed;
  object_class->get_property = ld_window_get_property;
  object_class->set_property = ld_window_set_property;
  object_class->dispose = ld_window_dispose;
  object_class->finalize = ld_window_finalize;

  g_type_ensure (LD_TYPE_TODAY_PAGE);
  g_type_ensure (LD_TYPE_CALENDAR_PAGE);
  g_type_ensure (LD_TYPE_CONCERNS_PAGE);
  g_type_ensure (LD_TYPE_SUGGESTIONS_PAGE);
  g_type_ensure (LD_TYPE_DEPUTIES_PAGE);
  g_type_ensure (LD_TYPE_REPORTS_PAGE);

  window_class->close_request = ld_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/ld-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, error_path_label);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, restore_newest_button);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, concerns_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, suggestions_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, deputies_page);
  gtk_widget_class_bind_template_child (widget_class, LdWindow, reports_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-day", "s", show_day_action);
  gtk_widget_class_install_action (widget_class, "win.choose-database", NULL,
                                   choose_database_action);
  gtk_widget_class_install_action (widget_class, "win.restore-newest-backup", NULL,
                                   restore_newest_backup_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", "s", import_roster_action);
  gtk_widget_class_install_action (widget_class, "win.new-concern", NULL, new_concern_action);
  gtk_widget_class_install_action (widget_class, "win.open-concern", "x", open_concern_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.page-action", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL,
                                   export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.new-suggestion", NULL,
                                   new_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.open-suggestion", "x",
                                   open_suggestion_action);

  /* A binding of the window rather than an application accelerator: on the Deputies page, whose
   * own binding comes first, the same keys add a deputy. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-workbook", NULL);
  /* The Calendar's keys (ld-calendar-page.c), from the sidebar. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.page-action", "s", "previous-month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.page-action", "s", "next-month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.page-action", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.page-action", "s", "new-event");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
ld_window_init (LdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @context: the shared services; its database may be %NULL
 * @database_path: (nullable): the database file the window is about
 * @open_error: (nullable): why the database could not be opened
 *
 * Without a database in @context, the window shows @open_error and the ways out instead of the
 * pages.
 */
LdWindow *
ld_window_new (LdApplication *application,
               LdContext     *context,
               const char    *database_path,
               const GError  *open_error)
{
  LdWindow *self;

  g_return_val_if_fail (!application || LD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  self = g_object_new (LD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "database-path", database_path,
                       NULL);

  if (open_error && ld_context_get_database (context) == NULL)
    ld_window_set_database_error (self, database_path, open_error);

  return self;
}

LdContext *
ld_window_get_context (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);

  return self->context;
}

/* Returns: (nullable): the database file the window shows, or failed to open */
const char *
ld_window_get_database_path (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);

  return self->database_path;
}

/* Shows why the database at @database_path could not be opened, while none is open. */
void
ld_window_set_database_error (LdWindow     *self,
                              const char   *database_path,
                              const GError *error)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->database_error);
  self->database_error = g_error_copy (error);

  if (database_path && g_strcmp0 (database_path, self->database_path) != 0)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (database_path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
    }

  update_view (self);
}

/* Returns: the name of the page shown: "today", "calendar", "concerns", … */
const char *
ld_window_get_page (LdWindow *self)
{
  g_return_val_if_fail (LD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

void
ld_window_set_page (LdWindow   *self,
                    const char *page)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (is_page_name (page));

  select_sidebar_row (self, page);

  if (g_strcmp0 (page, ld_window_get_page (self)) == 0)
    return;

  gtk_stack_set_visible_child_name (self->pages, page);

  if (self->context)
    {
      GSettings *settings = ld_context_get_settings (self->context);
      g_autofree char *saved = g_settings_get_string (settings, "last-page");

      if (g_strcmp0 (saved, page) != 0)
        g_settings_set_string (settings, "last-page", page);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Takes ownership of a floating @toast. */
void
ld_window_add_toast (LdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-backups.h"
#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-lists-page.h"
#include "ld-preferences-window.h"
#include "ld-station-editor.h"
#include "ld-units-page.h"
#include "ld-window.h"
#include "ld-workdays-page.h"

/* How long to wait after the backup folder changes before listing it again: writing one backup
 * creates, renames and removes several files. */
#define RELOAD_DELAY_MS 250

struct _LdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *operator_group;
  AdwEntryRow          *operator_row;
  GtkSwitch            *backup_on_exit_switch;
  GtkSpinButton        *backup_keep_spin;
  AdwPreferencesGroup  *saved_backups_group;
  GtkWidget            *no_backups_label;
  LdStationEditor      *station_page;
  LdUnitsPage          *units_page;
  LdListsPage          *lists_page;
  LdWorkdaysPage       *workdays_page;
  AdwComboRow          *caseload_row;
  GtkSwitch            *reminders_switch;

  /* Owned */
  GPtrArray            *caseload_uuids;   /* one per row of caseload_row; "" the whole station */
  LdContext            *context;
  char                 *database_path;
  GPtrArray            *backup_rows;
  GFileMonitor         *backup_monitor;
  char                 *restore_path;
  GCancellable         *cancellable;
  guint                 reload_source;
  gboolean              restoring;
};

G_DEFINE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);

  return g_filename_display_name (path);
}

/* The name recorded when the operator name is left empty; see ld_context_dup_operator(). */
static char *
dup_account_name (void)
{
  const char *real = g_get_real_name ();

  if (real && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

static void
add_toast (LdPreferencesWindow *self,
           const char          *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
update_actions (LdPreferencesWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.restore-backup", !self->restoring);
}

static GtkWidget *
create_backup_row (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *date = ld_backups_format_date (path);
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
    }

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Replace the database with this backup"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore-backup");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_bytestring (path));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  LdPreferencesWindow *self = user_data;

  self->reload_source = 0;
  ld_preferences_window_reload_backups (self);

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ callbacks */

static void
backup_folder_changed_cb (GFileMonitor        *monitor,
                          GFile               *file,
                          GFile               *other_file,
                          GFileMonitorEvent    event,
                          LdPreferencesWindow *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
restore_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;
  gboolean restored;

  restored = ld_backups_restore_finish (result, &kept_aside, &error);
  if (!restored && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->restoring = FALSE;
  update_actions (self);

  if (restored)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        ld_backups_new_restored_toast (kept_aside));
      ld_preferences_window_reload_backups (self);
      return;
    }

  /* Without a database there is nothing left to set here: the main window says what went wrong
   * and offers the ways out. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (ld_context_get_database (self->context) == NULL && LD_IS_WINDOW (parent))
    {
      ld_window_set_database_error (LD_WINDOW (parent), self->database_path, error);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* Translators: %s says in plain words why the restore failed */
  message = g_strdup_printf (_("The backup could not be restored: %s"), error->message);
  add_toast (self, message);
}

static void
confirm_restore_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LdPreferencesWindow) self = user_data;

  if (!ld_backups_confirm_finish (result, NULL))
    {
      /* Declined; unless the window went away meanwhile, the buttons work again. */
      if (self->cancellable && !g_cancellable_is_cancelled (self->cancellable))
        {
          self->restoring = FALSE;
          update_actions (self);
        }
      return;
    }

  ld_backups_restore_async (self->context, self->database_path, self->restore_path,
                            self->cancellable, restore_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ actions */

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (widget);
  const char *backup_path = g_variant_get_bytestring (parameter);

  if (self->restoring || self->database_path == NULL || backup_path[0] == '\0')
    return;

  g_free (self->restore_path);
  self->restore_path = g_strdup (backup_path);
  self->restoring = TRUE;
  update_actions (self);

  ld_backups_confirm_async (GTK_WINDOW (self), backup_path, self->cancellable,
                            confirm_restore_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ overrides */

/* ------------------------------------------------------------------ my caseload */

static void
select_caseload_deputy (LdPreferencesWindow *self)
{
  GSettings *settings = ld_context_get_settings (self->context);
  g_autofree char *uuid = g_settings_get_string (settings, "caseload-deputy");
  guint position = 0;

  for (guint i = 0; i < self->caseload_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->caseload_uuids, i), uuid) == 0)
      position = i;
  if (adw_combo_row_get_selected (self->caseload_row) != position)
    adw_combo_row_set_selected (self->caseload_row, position);
}

/* "Whole Station", then the roster by name; a retired deputy stays choosable so that a desk
 * set to one does not silently read "Whole Station". */
static void
fill_caseload_row (LdPreferencesWindow *self)
{
  LdStore *store = ld_context_get_store (self->context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  LdDeputyQuery query = { .active = -1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) deputies = NULL;

  g_ptr_array_set_size (self->caseload_uuids, 0);
  gtk_string_list_append (names, _("Whole Station"));
  g_ptr_array_add (self->caseload_uuids, g_strdup (""));

  if (store != NULL && (ids = ld_store_query_deputy_ids (store, &query, NULL)) != NULL)
    deputies = ld_store_load_deputies (store, (const gint64 *) ids->data, ids->len, NULL);
  for (guint i = 0; deputies != NULL && i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);

      gtk_string_list_append (names, ld_deputy_get_name (deputy));
      g_ptr_array_add (self->caseload_uuids, g_strdup (ld_deputy_get_uuid (deputy)));
    }

  g_signal_handlers_block_matched (self->caseload_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  adw_combo_row_set_model (self->caseload_row, G_LIST_MODEL (names));
  select_caseload_deputy (self);
  g_signal_handlers_unblock_matched (self->caseload_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
}

static void
caseload_row_selected_cb (LdPreferencesWindow *self)
{
  GSettings *settings = ld_context_get_settings (self->context);
  guint position = adw_combo_row_get_selected (self->caseload_row);
  g_autofree char *current = g_settings_get_string (settings, "caseload-deputy");
  const char *uuid;

  if (position >= self->caseload_uuids->len)
    return;
  uuid = g_ptr_array_index (self->caseload_uuids, position);
  if (g_strcmp0 (current, uuid) != 0)
    g_settings_set_string (settings, "caseload-deputy", uuid);
}

static void
caseload_setting_changed_cb (LdPreferencesWindow *self)
{
  select_caseload_deputy (self);
}

static void
caseload_store_changed_cb (LdPreferencesWindow *self,
                           const char          *kind,
                           gint64               id)
{
  if (g_strcmp0 (kind, "deputy") == 0)
    fill_caseload_row (self);
}

static void
ld_preferences_window_constructed (GObject *object)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);
  GSettings *settings = ld_context_get_settings (self->context);
  g_autofree char *account = dup_account_name ();
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  G_OBJECT_CLASS (ld_preferences_window_parent_class)->constructed (object);

  ld_station_editor_set_context (self->station_page, self->context);
  ld_units_page_set_context (self->units_page, self->context);
  ld_lists_page_set_context (self->lists_page, self->context);
  ld_workdays_page_set_context (self->workdays_page, self->context);

  g_settings_bind (settings, "reminders", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  fill_caseload_row (self);
  g_signal_connect_object (self->caseload_row, "notify::selected",
                           G_CALLBACK (caseload_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::caseload-deputy",
                           G_CALLBACK (caseload_setting_changed_cb), self, G_CONNECT_SWAPPED);
  if (ld_context_get_store (self->context) != NULL)
    g_signal_connect_object (ld_context_get_store (self->context), "changed",
                             G_CALLBACK (caseload_store_changed_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (settings, "operator-name", self->operator_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-on-exit", self->backup_on_exit_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep", self->backup_keep_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  /* Translators: %s is the full name of the user's account */
  description = g_strdup_printf (_("Timelines and the export log record this name. Leave it "
                                   "empty to use your account’s name, “%s”."), account);
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->operator_group, escaped);

  if (self->database_path)
    {
      g_autofree char *folder = ld_database_backup_dir (self->database_path);
      g_autofree char *display = dup_display_path (folder);
      g_autofree char *folder_description = NULL;
      g_autofree char *folder_escaped = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      /* Translators: %s is the folder the backups are kept in */
      folder_description = g_strdup_printf (_("Kept in %s"), display);
      folder_escaped = g_markup_escape_text (folder_description, -1);
      adw_preferences_group_set_description (self->saved_backups_group, folder_escaped);

      self->backup_monitor = g_file_monitor_directory (file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->backup_monitor)
        g_signal_connect_object (self->backup_monitor, "changed",
                                 G_CALLBACK (backup_folder_changed_cb), self, 0);
    }

  ld_preferences_window_reload_backups (self);
  update_actions (self);
}

static void
ld_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_preferences_window_dispose (GObject *object)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->backup_monitor)
    g_file_monitor_cancel (self->backup_monitor);
  g_clear_object (&self->backup_monitor);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ld_preferences_window_parent_class)->dispose (object);
}

static void
ld_preferences_window_finalize (GObject *object)
{
  LdPreferencesWindow *self = LD_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->restore_path, g_free);
  g_clear_pointer (&self->caseload_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (ld_preferences_window_parent_class)->finalize (object);
}

static void
ld_preferences_window_class_init (LdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ld_preferences_window_constructed;
  object_class->get_property = ld_preferences_window_get_property;
  object_class->set_property = ld_preferences_window_set_property;
  object_class->dispose = ld_preferences_window_dispose;
  object_class->finalize = ld_preferences_window_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LD_TYPE_STATION_EDITOR);
  g_type_ensure (LD_TYPE_UNITS_PAGE);
  g_type_ensure (LD_TYPE_LISTS_PAGE);
  g_type_ensure (LD_TYPE_WORKDAYS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, operator_group);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, backup_on_exit_switch);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, saved_backups_group);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, no_backups_label);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, station_page);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, units_page);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, lists_page);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, workdays_page);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, caseload_row);
  gtk_widget_class_bind_template_child (widget_class, LdPreferencesWindow, reminders_switch);

  gtk_widget_class_install_action (widget_class, "prefs.restore-backup", "ay",
                                   restore_backup_action);
}

static void
ld_preferences_window_init (LdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->backup_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->caseload_uuids = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_preferences_window_new:
 * @parent: (nullable): the window Preferences belongs to
 * @database_path: (nullable): the database whose backups are listed
 */
LdPreferencesWindow *
ld_preferences_window_new (GtkWindow  *parent,
                           LdContext  *context,
                           const char *database_path)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "context", context,
                       "database-path", database_path,
                       NULL);
}

/* Lists the backups of the database again, newest first. */
void
ld_preferences_window_reload_backups (LdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_if_fail (LD_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_preferences_group_remove (self->saved_backups_group,
                                  g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  if (self->database_path)
    backups = ld_database_list_backups (self->database_path);

  for (guint i = 0; backups && i < backups->len; i++)
    {
      GtkWidget *row = create_backup_row (g_ptr_array_index (backups, i));

      adw_preferences_group_add (self->saved_backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
    }

  gtk_widget_set_visible (self->no_backups_label, self->backup_rows->len == 0);
}

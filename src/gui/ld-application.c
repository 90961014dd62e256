/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-application.h"
#include "ld-caseload.h"
#include "ld-database.h"
#include "ld-export-cli.h"
#include "ld-preferences-window.h"
#include "ld-today.h"
#include "ld-window.h"

/* The id of the one reminder notification, replaced each day. */
#define REMINDER_ID "reminders"

struct _LdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  LdContext      *context;
  char           *database_path;
  GError         *open_error;
  gboolean        opening;
  gboolean        backup_running;

  /* Reminders */
  guint           reminder_source;
  char           *reminded_day;    /* the local day the last reminder was for */
};

G_DEFINE_FINAL_TYPE (LdApplication, ld_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use another database file instead of the usual one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

/* ------------------------------------------------------------------ helpers */

static void
update_actions (LdApplication *self)
{
  GAction *action;
  gboolean has_database;

  has_database = self->context != NULL && ld_context_get_database (self->context) != NULL;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "backup-now");
  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_database && !self->backup_running);
}

/* Toasts go to the window the user is looking at: the main window or Preferences. */
static void
show_toast (LdApplication *self,
            const char    *title)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else if (LD_IS_WINDOW (window))
    ld_window_add_toast (LD_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static const char *
pick_icon_name (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconTheme *theme = display ? gtk_icon_theme_get_for_display (display) : NULL;

  /* The development build installs its icon under the .Devel id; the resource always carries the
   * icon under the base id, so the uninstalled app still finds one. */
  if (theme && gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    return APPLICATION_ID;
  return BASE_APPLICATION_ID;
}

static void
present_preferences (LdApplication *self,
                     const char    *page_name)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *db_path = self->database_path;
  LdPreferencesWindow *preferences;

  if (ADW_IS_PREFERENCES_WINDOW (parent))
    {
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (parent), page_name);
      gtk_window_present (parent);
      return;
    }

  if (LD_IS_WINDOW (parent))
    db_path = ld_window_get_database_path (LD_WINDOW (parent));

  preferences = ld_preferences_window_new (parent, self->context, db_path);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page_name);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* ------------------------------------------------------------------ reminders */

static void arm_reminder (LdApplication *self);

/* Sends the reminder of today once per day: on start (when the database is open) and from the
 * daily timeout. Only counts are shown: the desk's screen may be shared. */
static void
send_reminder (LdApplication *self)
{
  LdStore *store = self->context ? ld_context_get_store (self->context) : NULL;
  GSettings *settings;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  LdTodayQuery query = { 0 };
  LdToday today;

  if (store == NULL)
    return;
  settings = ld_context_get_settings (self->context);
  if (!g_settings_get_boolean (settings, "reminders"))
    return;

  now = ld_context_now (self->context);
  day = g_date_time_format (now, "%Y-%m-%d");
  if (g_strcmp0 (day, self->reminded_day) == 0)
    return;

  uuid = g_settings_get_string (settings, "caseload-deputy");
  query.today = day;
  query.deputy_id = ld_today_deputy_by_uuid (store, uuid, NULL);
  query.limit = 1;
  if (!ld_today_compute (store, &query, &today, &error))
    {
      /* The log gets the kind of error only: messages may quote records. */
      g_warning ("The reminder could not be computed (%s, code %d)",
                 g_quark_to_string (error->domain), error->code);
      return;
    }
  g_free (self->reminded_day);
  self->reminded_day = g_steal_pointer (&day);
  if (ld_caseload_reminder_text (&today, &title, &body))
    {
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s", "today");
      g_application_send_notification (G_APPLICATION (self), REMINDER_ID, notification);
    }
  ld_today_clear (&today);
}

static gboolean
reminder_timeout_cb (gpointer user_data)
{
  LdApplication *self = user_data;

  self->reminder_source = 0;
  send_reminder (self);
  arm_reminder (self);
  return G_SOURCE_REMOVE;
}

/* One timeout to a minute past the next local midnight, armed again when it fires: a
 * repeating 24-hour timer would drift off midnight across a change of clocks or a suspend. */
static void
arm_reminder (LdApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  if (self->context == NULL
      || !g_settings_get_boolean (ld_context_get_settings (self->context), "reminders"))
    return;
  self->reminder_source = g_timeout_add_seconds_full (G_PRIORITY_LOW,
                                                      ld_caseload_seconds_to_next_day (now),
                                                      reminder_timeout_cb, self, NULL);
}

static void
reminders_changed_cb (LdApplication *self)
{
  if (!g_settings_get_boolean (ld_context_get_settings (self->context), "reminders"))
    {
      g_clear_handle_id (&self->reminder_source, g_source_remove);
      g_clear_pointer (&self->reminded_day, g_free);
      g_application_withdraw_notification (G_APPLICATION (self), REMINDER_ID);
      return;
    }
  send_reminder (self);
  arm_reminder (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
context_notify_database_cb (LdApplication *self)
{
  update_actions (self);
  send_reminder (self);
}

static void
open_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LdApplication) self = user_data;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  database = ld_database_open_finish (result, &error);

  if (database)
    {
      ld_context_set_database (self->context, database);
      return;
    }

  /* A file that cannot be opened is left as it is; the window explains why and offers a way
   * out. */
  self->open_error = g_steal_pointer (&error);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LD_IS_WINDOW (l->data))
      ld_window_set_database_error (l->data, self->database_path, self->open_error);
  update_actions (self);
}

static void
backup_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LdApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = ld_database_backup_finish (LD_DATABASE (source_object), result, &error);

  self->backup_running = FALSE;
  update_actions (self);

  if (path == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the backup failed */
      message = g_strdup_printf (_("The backup failed: %s"), error->message);
      show_toast (self, message);
      return;
    }

  show_toast (self, _("Backup saved"));
}

static void
show_items_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source_object), result, &error);
  if (reply == NULL)
    {
      /* No file manager that selects files: open the folder instead. */
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);
      GApplication *application = g_application_get_default ();
      GtkWindow *parent = NULL;

      if (GTK_IS_APPLICATION (application))
        parent = gtk_application_get_active_window (GTK_APPLICATION (application));
      gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
    }
}

/* ------------------------------------------------------------------ actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LdApplication *self = user_data;
  GList *windows;

  /* Closing lets every window save its state; the application ends with its last window, or
   * when a restore that holds it has finished. Closing one window can destroy another (a
   * dialog goes with its parent), so each is checked before it is closed. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l; l = l->next)
    if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), l->data))
      gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  present_preferences (LD_APPLICATION (user_data), "general");
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  present_preferences (LD_APPLICATION (user_data), "backups");
}

static void
backup_now_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LdApplication *self = user_data;
  LdDatabase *database = ld_context_get_database (self->context);
  GSettings *settings = ld_context_get_settings (self->context);

  if (database == NULL || self->backup_running)
    return;

  self->backup_running = TRUE;
  update_actions (self);

  ld_database_backup_async (database, g_settings_get_uint (settings, "backup-keep"), NULL,
                            backup_cb, g_object_ref (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("Liaison Desk developers"), NULL };
  /* Translators: put your names here, one per line */
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "destroy-with-parent", TRUE,
                        "application-name", _("Liaison Desk"),
                        "application-icon", pick_icon_name (),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the reception calendar of a deputy liaison station, "
                                      "follow every concern residents raise until it is "
                                      "answered, and report to the district people’s congress."),
                        "developer-name", _("Liaison Desk developers"),
                        "developers", developers,
                        "copyright", _("© 2026 Liaison Desk developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_URL "/issues",
                        NULL);

  /* The untranslated placeholder is no one's name. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
show_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LdApplication *self = user_data;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_bytestring (parameter));
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), folder_uri,
                    GDK_CURRENT_TIME);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, show_items_cb, g_steal_pointer (&file));
}

/* The reminder's default action: the main window on one of its pages. */
static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LdApplication *self = user_data;
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LD_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!LD_IS_WINDOW (window))
    return;

  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-page", parameter);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "restore", restore_action },
  { "backup-now", backup_now_action },
  { "about", about_action },
  { "show-file", show_file_action, "ay" },
  { "show-page", show_page_action, "s" },
};

/* ------------------------------------------------------------------ overrides */

static int
ld_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  LdApplication *self = LD_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("liaison-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The district workbook from the command line: before GTK starts, so no display is needed. */
  if (g_variant_dict_contains (options, "export"))
    return ld_export_cli_run (options);

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database[0] != '\0')
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (database, NULL);
    }

  return G_APPLICATION_CLASS (ld_application_parent_class)->handle_local_options (application,
                                                                                  options);
}

static void
ld_application_startup (GApplication *application)
{
  LdApplication *self = LD_APPLICATION (application);
  g_autoptr(GSettings) settings = NULL;

  G_APPLICATION_CLASS (ld_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-concern",
                                         (const char *[]) { "<Control>n", NULL });

  /* The schema keeps the base id, so the development build shares the user's settings. */
  settings = g_settings_new (BASE_APPLICATION_ID);
  self->context = ld_context_new (settings);
  g_signal_connect_object (self->context, "notify::database",
                           G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminders", G_CALLBACK (reminders_changed_cb),
                           self, G_CONNECT_SWAPPED);
  arm_reminder (self);

  if (self->database_path == NULL)
    self->database_path = ld_database_default_path ();

  /* Checking a district's database takes a moment: the window shows meanwhile. */
  self->opening = TRUE;
  ld_database_open_async (self->database_path, NULL, open_cb, g_object_ref (self));

  update_actions (self);
}

static void
ld_application_activate (GApplication *application)
{
  LdApplication *self = LD_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!LD_IS_WINDOW (window))
    window = GTK_WINDOW (ld_window_new (self, self->context, self->database_path,
                                        self->open_error));

  gtk_window_present (window);
}

static void
ld_application_shutdown (GApplication *application)
{
  LdApplication *self = LD_APPLICATION (application);
  LdDatabase *database;

  g_clear_handle_id (&self->reminder_source, g_source_remove);

  /* An open or a backup still under way finishes before the database closes. */
  while (self->opening || self->backup_running)
    g_main_context_iteration (NULL, TRUE);

  database = self->context ? ld_context_get_database (self->context) : NULL;

  if (database)
    {
      g_autoptr(LdDatabase) closing = g_object_ref (database);
      GSettings *settings = ld_context_get_settings (self->context);

      if (g_settings_get_boolean (settings, "backup-on-exit"))
        {
          g_autoptr(GDateTime) now = ld_context_now (self->context);
          g_autoptr(GError) error = NULL;
          g_autofree char *path = NULL;

          path = ld_database_backup_if_due (closing, now, g_settings_get_uint (settings, "backup-keep"),
                                            &error);
          /* The message names files under the user's home; the log gets only the kind of error. */
          if (error)
            g_warning ("The backup on exit failed (%s, code %d)",
                       g_quark_to_string (error->domain), error->code);
        }

      ld_context_set_database (self->context, NULL);
      ld_database_close (closing);
    }

  G_APPLICATION_CLASS (ld_application_parent_class)->shutdown (application);
}

static void
ld_application_dispose (GObject *object)
{
  LdApplication *self = LD_APPLICATION (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ld_application_parent_class)->dispose (object);
}

static void
ld_application_finalize (GObject *object)
{
  LdApplication *self = LD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->reminded_day, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (ld_application_parent_class)->finalize (object);
}

static void
ld_application_class_init (LdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ld_application_dispose;
  object_class->finalize = ld_application_finalize;

  app_class->handle_local_options = ld_application_handle_local_options;
  app_class->startup = ld_application_startup;
  app_class->activate = ld_application_activate;
  app_class->shutdown = ld_application_shutdown;
}

static void
ld_application_init (LdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_add_main_option_entries (G_APPLICATION (self), ld_export_cli_option_entries);
}

/* ------------------------------------------------------------------ public API */

LdApplication *
ld_application_new (void)
{
  return g_object_new (LD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Explicit, so that the .Devel id still finds the resources. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Returns: (transfer none) (nullable): the context, once the application has started */
LdContext *
ld_application_get_context (LdApplication *self)
{
  g_return_val_if_fail (LD_IS_APPLICATION (self), NULL);

  return self->context;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-backups"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "ld-backups.h"
#include "ld-database.h"

/* Restoring a backup is the same steps wherever the user starts it (Preferences, or the page
 * shown when the database cannot be opened): confirm, close, replace, reopen. */

typedef struct
{
  /* Owned */
  LdContext  *context;
  char       *db_path;
  char       *backup_path;
  char       *kept_aside;
  LdDatabase *database;
  gboolean    was_open;
} RestoreData;

/* ------------------------------------------------------------------ helpers */

static void
restore_data_free (gpointer user_data)
{
  RestoreData *data = user_data;

  g_clear_object (&data->context);
  g_clear_pointer (&data->db_path, g_free);
  g_clear_pointer (&data->backup_path, g_free);
  g_clear_pointer (&data->kept_aside, g_free);
  g_clear_object (&data->database);
  g_free (data);
}

/* Backups are named "<name>-YYYYMMDD-HHMMSS[-N].db" in local time when they are taken; the name
 * survives copying, the modification time does not. */
static GDateTime *
dup_backup_time (const char *backup_path)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  regex = g_regex_new ("-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(-\\d+)?\\.db$",
                       G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  if (g_regex_match (regex, name, G_REGEX_MATCH_DEFAULT, &match))
    {
      int parts[6];
      GDateTime *taken;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *digits = g_match_info_fetch (match, i + 1);

          parts[i] = atoi (digits);
        }

      taken = g_date_time_new_local (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
      if (taken)
        return taken;
    }

  file = g_file_new_for_path (backup_path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info)
    modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return NULL;

  return g_date_time_to_local (modified);
}

/* ------------------------------------------------------------------ callbacks */

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!ld_database_restore (data->db_path, data->backup_path, &data->kept_aside, &error))
    {
      /* Nothing was replaced, so carry on with the database as it was. Only reopen a file that
       * exists and was open: opening a missing one would create an empty database. */
      if (data->was_open && g_file_test (data->db_path, G_FILE_TEST_EXISTS))
        data->database = ld_database_open (data->db_path, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->database = ld_database_open (data->db_path, &error);
  if (data->database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
restore_thread_done_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RestoreData *data = g_task_get_task_data (task);
  GApplication *application = g_application_get_default ();
  g_autoptr(GError) error = NULL;

  /* Whatever happened, the context gets the database that is open now, if any. */
  if (data->database)
    ld_context_set_database (data->context, data->database);

  if (application)
    g_application_release (application);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;

  /* Closing the dialog answers again with the close response; the first answer counts. */
  g_signal_handlers_disconnect_by_func (dialog, confirm_response_cb, user_data);

  if (g_strcmp0 (response, "restore") == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The backup was not restored."));
}

/* ------------------------------------------------------------------ public API */

/* Returns: (transfer full): when the backup was taken, in the user's language */
char *
ld_backups_format_date (const char *backup_path)
{
  g_autoptr(GDateTime) taken = NULL;

  g_return_val_if_fail (backup_path != NULL, NULL);

  taken = dup_backup_time (backup_path);
  if (taken == NULL)
    return g_filename_display_basename (backup_path);

  /* Translators: the date and time a backup was taken, as a g_date_time_format() pattern.
   * For Chinese, use "%Y年%-m月%-d日 %H:%M". */
  return g_date_time_format (taken, _("%B %-d, %Y, %H:%M"));
}

/**
 * ld_backups_new_restored_toast:
 * @kept_aside: (nullable): where the replaced database was kept
 *
 * Returns: (transfer floating): a toast saying the restore worked, with a button that shows the
 *   replaced database in the file manager
 */
AdwToast *
ld_backups_new_restored_toast (const char *kept_aside)
{
  AdwToast *toast;

  if (kept_aside == NULL)
    return adw_toast_new (_("Backup restored"));

  toast = adw_toast_new (_("Backup restored; the old file was kept"));
  adw_toast_set_button_label (toast, _("_Show File"));
  adw_toast_set_action_name (toast, "app.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_bytestring (kept_aside));
  adw_toast_set_timeout (toast, 10);

  return toast;
}

/**
 * ld_backups_confirm_async:
 * @parent: the window the confirmation dialog belongs to
 * @backup_path: the backup the user chose
 *
 * Asks the user whether to replace the database with @backup_path, saying what will be replaced
 * and that the current file is kept aside. Declining fails with %G_IO_ERROR_CANCELLED.
 */
void
ld_backups_confirm_async (GtkWindow           *parent,
                          const char          *backup_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *date = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_backups_confirm_async);

  date = ld_backups_format_date (backup_path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore This Backup?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the date and time the backup was taken */
                                  _("The database will be replaced by the backup from %s. "
                                    "Anything recorded since then will not be in it. The "
                                    "current database file is kept aside, not deleted."),
                                  date);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb),
                    g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: %TRUE when the user chose to restore */
gboolean
ld_backups_confirm_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ld_backups_restore_async:
 * @db_path: the database to replace
 * @backup_path: the backup to put in its place
 *
 * Closes the context's database, replaces the file with a verified copy of the backup in a
 * worker thread (the current file is kept aside) and opens the result into @context. When the
 * restore fails before anything was replaced, the database that was open is opened again.
 * Cancelling only stops the callback from seeing the result: the file is replaced either way, and
 * the application is held until it is.
 */
void
ld_backups_restore_async (LdContext           *context,
                          const char          *db_path,
                          const char          *backup_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  LdDatabase *database;
  RestoreData *data;

  g_return_if_fail (LD_IS_CONTEXT (context));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (backup_path != NULL);

  data = g_new0 (RestoreData, 1);
  data->context = g_object_ref (context);
  data->db_path = g_strdup (db_path);
  data->backup_path = g_strdup (backup_path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_backups_restore_async);
  g_task_set_task_data (task, data, restore_data_free);

  /* The file can only be replaced while nobody has it open. */
  database = ld_context_get_database (context);
  if (database)
    {
      g_autoptr(LdDatabase) closing = g_object_ref (database);

      data->was_open = TRUE;
      ld_context_set_database (context, NULL);
      ld_database_close (closing);
    }

  /* Closing every window must not end the process while the file is being replaced. */
  if (g_application_get_default ())
    g_application_hold (g_application_get_default ());

  thread_task = g_task_new (NULL, NULL, restore_thread_done_cb, g_object_ref (task));
  g_task_set_source_tag (thread_task, restore_thread);
  g_task_set_task_data (thread_task, data, NULL);
  g_task_run_in_thread (thread_task, restore_thread);
}

/**
 * ld_backups_restore_finish:
 * @kept_aside: (out) (optional): where the replaced database was kept, or %NULL when there was
 *   none
 *
 * Returns: %TRUE when the backup is in place and open
 */
gboolean
ld_backups_restore_finish (GAsyncResult  *result,
                           char         **kept_aside,
                           GError       **error)
{
  RestoreData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (kept_aside)
    *kept_aside = g_strdup (data->kept_aside);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-ics-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-ics-dialog.h"
#include "ld-ics-export.h"
#include "ld-window.h"

/*
 * Export to iCalendar: the first and last day (this month through the end of the next by
 * default), then a file chosen with the portal's save dialog. The export runs in a thread.
 */

struct _LdIcsDialog
{
  AdwWindow             parent_instance;

  /* Widgets */
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkLabel             *error_label;
  GtkButton            *export_button;

  /* Owned */
  LdStore              *store;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  /* Borrowed */
  GtkWindow            *parent;
};

typedef struct
{
  char *from;
  char *to;
  char *path;
} ExportJob;

G_DEFINE_FINAL_TYPE (LdIcsDialog, ld_ics_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ helpers */

static void
export_job_free (ExportJob *job)
{
  g_free (job->from);
  g_free (job->to);
  g_free (job->path);
  g_free (job);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y);
}

static void
show_error (LdIcsDialog *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (LdIcsDialog *self,
          gboolean     busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), !busy);
}

/* ------------------------------------------------------------------ callbacks */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LdIcsDialog *self = source_object;
  ExportJob *job = task_data;
  GError *error = NULL;

  if (ld_ics_export (self->store, job->from, job->to, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LdIcsDialog *self = LD_ICS_DIALOG (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  if (LD_IS_WINDOW (self->parent))
    ld_window_add_toast (LD_WINDOW (self->parent), adw_toast_new (_("Calendar exported")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     LdIcsDialog     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    {
      show_error (self, _("Choose a file on this computer."));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  job->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  job->path = g_file_get_path (file);

  set_busy (self, TRUE);
  show_error (self, NULL);
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, chooser_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdIcsDialog *self = LD_ICS_DIALOG (widget);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (!valid_date (from) || !valid_date (to))
    {
      show_error (self, _("Enter the days as YYYY-MM-DD, for example 2026-05-01."));
      return;
    }
  if (g_strcmp0 (from, to) > 0)
    {
      show_error (self, _("The first day to export is after the last one."));
      return;
    }
  show_error (self, NULL);

  self->chooser = gtk_file_chooser_native_new (_("Export to iCalendar"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf ("liaison-desk-%.7s.ics", from);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_ics_dialog_dispose (GObject *object)
{
  LdIcsDialog *self = LD_ICS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ld_ics_dialog_parent_class)->dispose (object);
}

static void
ld_ics_dialog_class_init (LdIcsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_ics_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "ics.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ld_ics_dialog_init (LdIcsDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkWidget *toolbar, *header, *page, *group, *box;

  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export to iCalendar"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  /* This month through the end of the next one. */
  first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1,
                                 0, 0, 0);
  last = g_date_time_add_months (first, 2);
  {
    g_autoptr(GDateTime) end = g_date_time_add_days (last, -1);

    from = g_date_time_format (first, "%Y-%m-%d");
    to = g_date_time_format (end, "%Y-%m-%d");
  }

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (toolbar), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The events between these days, both included, "
                                           "as a file for GNOME Calendar, Outlook and other "
                                           "calendars."));
  self->from_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("_First Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->from_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  self->to_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("_Last Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->to_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->from_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->to_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Export…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->export_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->export_button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->export_button), GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "ics.export");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (toolbar), box);

  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_ics_dialog_new (GtkWindow *parent,
                   LdStore   *store)
{
  LdIcsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_STORE (store), NULL);

  self = g_object_new (LD_TYPE_ICS_DIALOG, "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->parent = parent;
  return GTK_WIDGET (self);
}

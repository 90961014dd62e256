/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-export-dialog.h"
#include "ld-station.h"
#include "ld-xlsx-export.h"

/* GtkFileDialog and GtkFileLauncher (GTK 4.10) where the build may use them; otherwise
 * GtkFileChooserNative and gtk_show_uri(). */
#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
#define LD_HAVE_FILE_DIALOG 1
#else
#define LD_HAVE_FILE_DIALOG 0
#endif

/*
 * Export the district workbook: the period (this quarter by default; a month, a half-year, a
 * year, or any first and last day), one station or all, masked unless the user chooses
 * otherwise (and is told that the choice is recorded), and the file, named after the period in
 * the UI language. The export runs in a thread with its progress bar and Cancel; afterwards the
 * dialog offers to open the file or its folder. A failure or a cancel keeps every choice, so
 * that the user can try again at once.
 */

struct _LdExportDialog
{
  AdwWindow             parent_instance;

  /* Widgets */
  GtkWidget            *form;
  AdwComboRow          *period_row;
  GtkWidget            *step_box;
  AdwActionRow         *from_row;
  AdwActionRow         *to_row;
  GtkEditable          *from_entry;
  GtkEditable          *to_entry;
  AdwComboRow          *station_row;
  GtkCheckButton       *masked_check;
  GtkCheckButton       *unmasked_check;
  GtkWidget            *unmask_warning;
  AdwEntryRow          *name_row;
  AdwActionRow         *folder_row;
  GtkLabel             *file_note;
  GtkStack             *action_stack;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *done_label;

  /* Owned */
  LdContext            *context;
  GArray               *station_ids;
  char                 *folder;
  char                 *done_path;
  GCancellable         *cancellable;
  char                 *job_from;
  char                 *job_to;
  char                 *job_operator;
#if !LD_HAVE_FILE_DIALOG
  GtkFileChooserNative *chooser;
#endif

  LdReportSpan          span;
  int                   year;
  int                   index;
  gboolean              updating;
  gboolean              name_edited;
  gboolean              busy;
  gboolean              disposed;
  gboolean              scroll_to_end;  /* once the form's height has changed */
  GtkAdjustment        *form_adjustment; /* the form's vertical scrolling; unowned */
};

G_DEFINE_FINAL_TYPE (LdExportDialog, ld_export_dialog, ADW_TYPE_WINDOW)

/* The rows of the period combo, in the order of LdReportSpan. */
static const char *span_names[] = {
  N_("Month"),
  N_("Quarter"),
  N_("Half-Year"),
  N_("Year"),
  N_("Custom Dates"),
};

/* ------------------------------------------------------------------ periods */

static int
span_length (LdReportSpan span)
{
  switch (span)
    {
    case LD_REPORT_SPAN_MONTH:
      return 1;
    case LD_REPORT_SPAN_QUARTER:
      return 3;
    case LD_REPORT_SPAN_HALF_YEAR:
      return 6;
    case LD_REPORT_SPAN_YEAR:
    case LD_REPORT_SPAN_CUSTOM:
    default:
      return 12;
    }
}

int
ld_report_span_index_of (LdReportSpan span,
                         int          month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 1);

  return (month - 1) / span_length (span) + 1;
}

void
ld_report_span_dates (LdReportSpan   span,
                      int            year,
                      int            index,
                      char         **from,
                      char         **to)
{
  int length = span_length (span);
  int first_month = (index - 1) * length + 1;
  int last_month = first_month + length - 1;
  int last_day;

  g_return_if_fail (span != LD_REPORT_SPAN_CUSTOM);
  g_return_if_fail (index >= 1 && index <= 12 / length);
  g_return_if_fail (from != NULL && to != NULL);

  last_day = g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year);
  *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
  *to = g_strdup_printf ("%04d-%02d-%02d", year, last_month, last_day);
}

static char *
describe_month (int year,
                int month)
{
  switch (month)
    {
    case 1:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("January %d"), year);
    case 2:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("February %d"), year);
    case 3:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("March %d"), year);
    case 4:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("April %d"), year);
    case 5:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("May %d"), year);
    case 6:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("June %d"), year);
    case 7:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("July %d"), year);
    case 8:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("August %d"), year);
    case 9:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("September %d"), year);
    case 10:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("October %d"), year);
    case 11:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("November %d"), year);
    case 12:
      /* Translators: a month of a year for a report's period; %d is the year */
      return g_strdup_printf (_("December %d"), year);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_quarter (int year,
                  int quarter)
{
  switch (quarter)
    {
    case 1:
      /* Translators: a quarter of a year for a report's period; %d is the year */
      return g_strdup_printf (_("First Quarter %d"), year);
    case 2:
      /* Translators: a quarter of a year for a report's period; %d is the year */
      return g_strdup_printf (_("Second Quarter %d"), year);
    case 3:
      /* Translators: a quarter of a year for a report's period; %d is the year */
      return g_strdup_printf (_("Third Quarter %d"), year);
    case 4:
      /* Translators: a quarter of a year for a report's period; %d is the year */
      return g_strdup_printf (_("Fourth Quarter %d"), year);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
ld_report_span_describe (LdReportSpan  span,
                         int           year,
                         int           index,
                         const char   *from,
                         const char   *to)
{
  switch (span)
    {
    case LD_REPORT_SPAN_MONTH:
      return describe_month (year, index);
    case LD_REPORT_SPAN_QUARTER:
      return describe_quarter (year, index);
    case LD_REPORT_SPAN_HALF_YEAR:
      /* Translators: a half of a year for a report's period; %d is the year */
      return g_strdup_printf (index == 1 ? _("First Half of %d") : _("Second Half of %d"), year);
    case LD_REPORT_SPAN_YEAR:
      /* Translators: a whole year for a report's period; %d is the year */
      return g_strdup_printf (C_("report period", "Year %d"), year);
    case LD_REPORT_SPAN_CUSTOM:
    default:
      /* Translators: a report's period from the first to the last day, both "YYYY-MM-DD" */
      return g_strdup_printf (_("%s to %s"), from ? from : "", to ? to : "");
    }
}

char *
ld_report_span_file_name (LdReportSpan  span,
                          int           year,
                          int           index,
                          const char   *from,
                          const char   *to)
{
  g_autofree char *period = ld_report_span_describe (span, year, index, from, to);
  g_autofree char *name = NULL;

  /* Translators: the workbook's default file name (without ".xlsx"); %s is the period, such as
   * "Fourth Quarter 2026". No "/" in it. */
  name = g_strdup_printf (_("Station Summary - %s"), period);
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (name, ".xlsx", NULL);
}

/* ------------------------------------------------------------------ helpers */

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char tail;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-'
         && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3;
}

static gboolean
is_valid_date (const char *text)
{
  int y, m, d;

  return is_date (text) && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3
         && y >= 1900 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Why @text is not a day, or NULL. */
static const char *
date_problem (const char *text)
{
  if (*text == '\0')
    return _("Enter a day, for example 2026-10-01.");
  if (!is_date (text))
    return _("Enter the day as YYYY-MM-DD, for example 2026-10-01.");
  if (!is_valid_date (text))
    return _("There is no such day in the calendar.");
  return NULL;
}

static void
set_row_problem (AdwActionRow *row,
                 GtkEditable  *entry,
                 const char   *problem)
{
  adw_action_row_set_subtitle (row, problem ? problem : "");
  if (problem)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
}

/* Shows the problems of the first and last day next to them; TRUE when both are good. */
static gboolean
check_dates (LdExportDialog *self)
{
  const char *from = gtk_editable_get_text (self->from_entry);
  const char *to = gtk_editable_get_text (self->to_entry);
  const char *from_problem = date_problem (from);
  const char *to_problem = date_problem (to);

  if (from_problem == NULL && to_problem == NULL && strcmp (from, to) > 0)
    to_problem = _("The last day is before the first day.");
  set_row_problem (self->from_row, self->from_entry, from_problem);
  set_row_problem (self->to_row, self->to_entry, to_problem);
  return from_problem == NULL && to_problem == NULL;
}

/* Why the file name cannot be used, or NULL. */
static const char *
name_problem (LdExportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (*name == '\0' || g_ascii_strcasecmp (name, ".xlsx") == 0)
    return _("Enter a name for the file.");
  if (strchr (name, '/') != NULL)
    return _("A file name cannot contain “/”.");
  if (self->folder == NULL)
    return _("Choose a folder for the file.");
  return NULL;
}

/* Scrolls the form to its end, where the file's rows are, now and once more after the area
 * under it has taken its new height: what is said there is about the file. */
static void
scroll_form_to_end (LdExportDialog *self)
{
  if (self->form_adjustment == NULL)
    return;
  self->scroll_to_end = TRUE;
  gtk_adjustment_set_value (self->form_adjustment,
                            gtk_adjustment_get_upper (self->form_adjustment)
                            - gtk_adjustment_get_page_size (self->form_adjustment));
}

static void
form_adjustment_changed_cb (LdExportDialog *self,
                            GtkAdjustment  *adjustment)
{
  if (!self->scroll_to_end)
    return;
  self->scroll_to_end = FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
}

/* The area under the form shows only what there is to say: an error, the progress, the file. */
static void
update_bottom (LdExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->action_stack),
                          self->busy || self->done_path != NULL
                          || gtk_widget_get_visible (GTK_WIDGET (self->status_label)));
}

static void
show_status (LdExportDialog *self,
             const char     *message,
             gboolean        is_error)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  update_bottom (self);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

static void
update_file_row (LdExportDialog *self)
{
  g_autofree char *path = ld_export_dialog_dup_path (self);
  const char *problem = name_problem (self);
  g_autofree char *display = NULL;

  if (self->folder)
    display = g_filename_display_name (self->folder);
  adw_action_row_set_subtitle (self->folder_row, display ? display : "");

  gtk_widget_remove_css_class (GTK_WIDGET (self->file_note), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->file_note), "dim-label");
  if (problem)
    {
      gtk_label_set_text (self->file_note, problem);
      gtk_widget_add_css_class (GTK_WIDGET (self->file_note), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->file_note), TRUE);
    }
  /* (not the file just written: the message under the form says where it is) */
  else if (path && g_file_test (path, G_FILE_TEST_EXISTS)
           && g_strcmp0 (path, self->done_path) != 0)
    {
      gtk_label_set_text (self->file_note,
                          _("A file of this name is in the folder already; the export replaces "
                            "it."));
      gtk_widget_add_css_class (GTK_WIDGET (self->file_note), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->file_note), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->file_note), FALSE);
}

static void
update_actions (LdExportDialog *self)
{
  gboolean dates_ok = check_dates (self);
  gboolean name_ok = name_problem (self) == NULL;
  gboolean done = self->done_path != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export",
                                 !self->busy && dates_ok && name_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.earlier",
                                 !self->busy && self->span != LD_REPORT_SPAN_CUSTOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.later",
                                 !self->busy && self->span != LD_REPORT_SPAN_CUSTOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open-file", done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open-folder", done);
  gtk_widget_set_sensitive (self->form, !self->busy);
  update_bottom (self);
}

/* Any change of a choice after an export asks for a new one. */
static void
back_to_ready (LdExportDialog *self)
{
  if (self->busy)
    return;
  g_clear_pointer (&self->done_path, g_free);
  /* (the user is at the form now: no late jump to its end) */
  self->scroll_to_end = FALSE;
  gtk_stack_set_visible_child_name (self->action_stack, "ready");
}

static void
update_name (LdExportDialog *self)
{
  g_autofree char *name = NULL;

  if (self->name_edited)
    return;
  /* Custom days name the file once they are days. */
  if (self->span == LD_REPORT_SPAN_CUSTOM && !check_dates (self))
    return;
  name = ld_report_span_file_name (self->span, self->year, self->index,
                                   gtk_editable_get_text (self->from_entry),
                                   gtk_editable_get_text (self->to_entry));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->updating = FALSE;
}

/* Shows the period chosen in the period row, its dates and the file name that follows. */
static void
show_period (LdExportDialog *self)
{
  gboolean custom = self->span == LD_REPORT_SPAN_CUSTOM;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->period_row, (guint) self->span);
  if (!custom)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *described = NULL;

      ld_report_span_dates (self->span, self->year, self->index, &from, &to);
      gtk_editable_set_text (self->from_entry, from);
      gtk_editable_set_text (self->to_entry, to);
      described = ld_report_span_describe (self->span, self->year, self->index, NULL, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), described);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row),
                                 _("The days below, both included"));
  self->updating = FALSE;

  gtk_widget_set_visible (self->step_box, !custom);
  update_name (self);
  back_to_ready (self);
  update_file_row (self);
  update_actions (self);
}

static void
load_stations (LdExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;
  LdStore *store = self->context ? ld_context_get_store (self->context) : NULL;
  gint64 all = 0;

  g_array_set_size (self->station_ids, 0);
  gtk_string_list_append (names, _("All Stations"));
  g_array_append_val (self->station_ids, all);
  if (store)
    stations = ld_store_list_stations (store, &error);
  if (error)
    g_warning ("The stations could not be listed: %s", error->message);
  for (guint i = 0; stations && i < stations->len; i++)
    {
      LdStation *station = g_ptr_array_index (stations, i);
      gint64 id = ld_station_get_id (station);

      gtk_string_list_append (names, ld_station_get_name (station));
      g_array_append_val (self->station_ids, id);
    }
  adw_combo_row_set_model (self->station_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->station_row, 0);
}

static void
set_busy (LdExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
clear_job (LdExportDialog *self)
{
  g_clear_pointer (&self->job_from, g_free);
  g_clear_pointer (&self->job_to, g_free);
  g_clear_pointer (&self->job_operator, g_free);
}

/* ------------------------------------------------------------------ callbacks */

static void
period_selected_cb (LdExportDialog *self)
{
  LdReportSpan span = (LdReportSpan) adw_combo_row_get_selected (self->period_row);

  if (self->updating || span > LD_REPORT_SPAN_CUSTOM || span == self->span)
    return;

  /* From a span to another, the period that holds the first day shown. */
  if (span != LD_REPORT_SPAN_CUSTOM)
    {
      const char *from = gtk_editable_get_text (self->from_entry);
      int y, m, d;

      if (is_valid_date (from) && sscanf (from, "%4d-%2d-%2d", &y, &m, &d) == 3)
        {
          self->year = y;
          self->index = ld_report_span_index_of (span, m);
        }
      else
        self->index = 1;
    }
  self->span = span;
  show_period (self);
}

static void
date_changed_cb (LdExportDialog *self)
{
  if (self->updating)
    return;

  /* Typing a day makes the period custom. */
  if (self->span != LD_REPORT_SPAN_CUSTOM)
    {
      self->span = LD_REPORT_SPAN_CUSTOM;
      self->updating = TRUE;
      adw_combo_row_set_selected (self->period_row, LD_REPORT_SPAN_CUSTOM);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row),
                                   _("The days below, both included"));
      self->updating = FALSE;
      gtk_widget_set_visible (self->step_box, FALSE);
    }
  update_name (self);
  back_to_ready (self);
  update_file_row (self);
  update_actions (self);
}

static void
name_changed_cb (LdExportDialog *self)
{
  if (!self->updating)
    self->name_edited = TRUE;
  back_to_ready (self);
  update_file_row (self);
  update_actions (self);
}

static void
choice_changed_cb (LdExportDialog *self)
{
  gtk_widget_set_visible (self->unmask_warning,
                          gtk_check_button_get_active (self->unmasked_check));
  back_to_ready (self);
  update_actions (self);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  LdExportDialog *self = user_data;

  if (self->disposed)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LdExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  ok = ld_xlsx_export_finish (result, &error);
  if (self->disposed)
    return;

  clear_job (self);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  path = ld_export_dialog_dup_path (self);

  if (!ok)
    {
      gtk_stack_set_visible_child_name (self->action_stack, "ready");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("Export cancelled. Nothing was written."), FALSE);
      else
        {
          g_autofree char *message = NULL;

          /* Translators: %s says in plain words why the workbook could not be written */
          message = g_strdup_printf (_("The workbook could not be written: %s"), error->message);
          show_status (self, message, TRUE);
        }
      update_file_row (self);
      return;
    }

  {
    g_autofree char *basename = g_path_get_basename (path);
    g_autofree char *dirname = g_path_get_dirname (path);
    g_autofree char *display_name = g_filename_display_name (basename);
    g_autofree char *display_dir = g_filename_display_name (dirname);
    g_autofree char *message = NULL;

    /* Translators: %1$s is the file's name, %2$s its folder */
    message = g_strdup_printf (_("The workbook is saved as “%1$s” in %2$s."), display_name,
                               display_dir);
    gtk_label_set_text (self->done_label, message);
  }
  self->done_path = g_steal_pointer (&path);
  show_status (self, NULL, FALSE);
  gtk_stack_set_visible_child_name (self->action_stack, "done");
  update_file_row (self);
  update_actions (self);
  scroll_form_to_end (self);
}

static void
apply_chosen_file (LdExportDialog *self,
                   GFile          *file)
{
  if (file == NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    {
      show_status (self, _("Choose a file on this computer."), TRUE);
      return;
    }
  ld_export_dialog_set_path (self, g_file_peek_path (file));
}

#if LD_HAVE_FILE_DIALOG
static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LdExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (!self->disposed)
    apply_chosen_file (self, file);
}
#else
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     LdExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  apply_chosen_file (self, file);
}
#endif

/* ------------------------------------------------------------------ actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (widget);
  LdDatabase *database = self->context ? ld_context_get_database (self->context) : NULL;
  g_autofree char *path = NULL;
  LdExportOptions options = { 0 };
  guint station;

  if (self->busy || !check_dates (self) || name_problem (self) != NULL)
    return;
  if (database == NULL)
    {
      show_status (self, _("No database is open."), TRUE);
      return;
    }

  path = ld_export_dialog_dup_path (self);
  self->job_from = g_strdup (gtk_editable_get_text (self->from_entry));
  self->job_to = g_strdup (gtk_editable_get_text (self->to_entry));
  self->job_operator = ld_context_dup_operator (self->context);
  station = adw_combo_row_get_selected (self->station_row);

  options.from = self->job_from;
  options.to = self->job_to;
  options.station_id = station < self->station_ids->len
                       ? g_array_index (self->station_ids, gint64, station) : 0;
  options.unmasked = gtk_check_button_get_active (self->unmasked_check);
  options.operator = self->job_operator;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->done_path, g_free);
  show_status (self, NULL, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->action_stack, "running");
  set_busy (self, TRUE);

  ld_xlsx_export_async (database, path, &options, progress_cb, self, self->cancellable,
                        export_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = self->folder ? g_file_new_for_path (self->folder) : NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

#if LD_HAVE_FILE_DIALOG
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Export Workbook"));
    gtk_file_dialog_set_accept_label (dialog, _("_Choose"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    if (folder)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_done_cb,
                          g_object_ref (self));
  }
#else
  if (self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Choose"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
#endif
}

static void
open_path (LdExportDialog *self,
           gboolean        folder)
{
  g_autoptr(GFile) file = NULL;

  if (self->done_path == NULL)
    return;
  file = g_file_new_for_path (self->done_path);

#if LD_HAVE_FILE_DIALOG
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    if (folder)
      gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
    else
      gtk_file_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
  }
#else
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *uri = g_file_get_uri (folder && parent ? parent : file);

    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  }
#endif
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_path (LD_EXPORT_DIALOG (widget), FALSE);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_path (LD_EXPORT_DIALOG (widget), TRUE);
}

static void
step (LdExportDialog *self,
      int             delta)
{
  int per_year = 12 / span_length (self->span);

  if (self->span == LD_REPORT_SPAN_CUSTOM)
    return;
  self->index += delta;
  if (self->index < 1)
    {
      self->year--;
      self->index = per_year;
    }
  else if (self->index > per_year)
    {
      self->year++;
      self->index = 1;
    }
  show_period (self);
}

static void
earlier_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step (LD_EXPORT_DIALOG (widget), -1);
}

static void
later_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  step (LD_EXPORT_DIALOG (widget), 1);
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_export_dialog_close_request (GtkWindow *window)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (window);

  /* Closing while writing cancels: the file is then not written. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ld_export_dialog_parent_class)->close_request (window);
}

static void
ld_export_dialog_dispose (GObject *object)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
#if !LD_HAVE_FILE_DIALOG
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
#endif
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ld_export_dialog_parent_class)->dispose (object);
}

static void
ld_export_dialog_finalize (GObject *object)
{
  LdExportDialog *self = LD_EXPORT_DIALOG (object);

  clear_job (self);
  g_clear_pointer (&self->station_ids, g_array_unref);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->done_path, g_free);

  G_OBJECT_CLASS (ld_export_dialog_parent_class)->finalize (object);
}

static void
ld_export_dialog_class_init (LdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ld_export_dialog_dispose;
  object_class->finalize = ld_export_dialog_finalize;
  window_class->close_request = ld_export_dialog_close_request;

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL,
                                   open_folder_action);
  gtk_widget_class_install_action (widget_class, "export.earlier", NULL, earlier_action);
  gtk_widget_class_install_action (widget_class, "export.later", NULL, later_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
new_date_row (LdExportDialog  *self,
              const char      *title,
              const char      *name,
              GtkEditable    **entry_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  *entry_out = GTK_EDITABLE (entry);
  return row;
}

static GtkWidget *
new_check_row (const char      *title,
               const char      *subtitle,
               const char      *name,
               GtkCheckButton **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

static GtkWidget *
new_pill (const char *label,
          const char *action,
          const char *name,
          gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
new_note (const char *name,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
ld_export_dialog_init (LdExportDialog *self)
{
  g_autoptr(GtkStringList) spans = gtk_string_list_new (NULL);
  GtkWidget *toolbar, *header, *page, *group, *row, *button, *box, *bottom;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  self->station_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->folder = g_strdup (documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                           ? documents : g_get_home_dir ());
  self->span = LD_REPORT_SPAN_QUARTER;
  self->year = 2026;
  self->index = 1;

  gtk_window_set_title (GTK_WINDOW (self), _("Export Workbook"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 740);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  button = gtk_button_new_with_mnemonic (_("_Export"));
  gtk_widget_set_name (button, "export-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.export");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_window_set_default_widget (GTK_WINDOW (self), button);
  gtk_box_append (GTK_BOX (toolbar), header);

  page = adw_preferences_page_new ();
  self->form = page;
  gtk_widget_set_vexpand (page, TRUE);

  /* The period */
  group = adw_preferences_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (span_names); i++)
    gtk_string_list_append (spans, _(span_names[i]));
  row = adw_combo_row_new ();
  self->period_row = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "period-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Period"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (spans));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, _("Earlier Period"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.earlier");
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (button, _("Later Period"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.later");
  gtk_box_append (GTK_BOX (box), button);
  self->step_box = box;
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = new_date_row (self, _("_First Day"), "from-row", &self->from_entry);
  self->from_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = new_date_row (self, _("_Last Day"), "to-row", &self->to_entry);
  self->to_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_combo_row_new ();
  self->station_row = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "station-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Station"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Personal data */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Residents’ Data"));
  row = new_check_row (_("_Masked"),
                       _("Names as 张**, phones as 138****1234, addresses cut to the "
                         "community"),
                       "masked-row", &self->masked_check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = new_check_row (_("_Unmasked"),
                       _("Full names, phones and addresses, except of confidential concerns"),
                       "unmasked-row", &self->unmasked_check);
  gtk_check_button_set_group (self->unmasked_check, self->masked_check);
  gtk_check_button_set_active (self->masked_check, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->unmask_warning = new_note ("unmask-warning", "warning");
  gtk_label_set_text (GTK_LABEL (self->unmask_warning),
                      _("The file will hold residents’ personal data. The export log records "
                        "that you exported it unmasked, with the period and the file."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unmask_warning);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The file */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("File"));
  row = adw_entry_row_new ();
  self->name_row = ADW_ENTRY_ROW (row);
  gtk_widget_set_name (row, "name-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("File _Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  self->folder_row = ADW_ACTION_ROW (row);
  gtk_widget_set_name (row, "folder-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Folder"));
  button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_name (button, "choose-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.choose");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->file_note = GTK_LABEL (new_note ("file-note", NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_note));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (toolbar), page);

  /* Export, its progress, then what to do with the file */
  self->action_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->action_stack, FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->action_stack), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->action_stack), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->action_stack), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->action_stack), 18);

  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->status_label = GTK_LABEL (new_note ("status-label", NULL));
  gtk_label_set_xalign (self->status_label, 0.5);
  gtk_label_set_justify (self->status_label, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->status_label));
  gtk_stack_add_named (self->action_stack, bottom, "ready");

  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->progress_bar), "progress-bar");
  gtk_progress_bar_set_text (self->progress_bar, _("Writing the workbook…"));
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->progress_bar));
  button = new_pill (_("_Cancel"), "export.cancel", "cancel-button", FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bottom), button);
  gtk_stack_add_named (self->action_stack, bottom, "running");

  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->done_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->done_label), "done-label");
  gtk_label_set_wrap (self->done_label, TRUE);
  gtk_label_set_wrap_mode (self->done_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->done_label, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->done_label));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box),
                  new_pill (_("_Open File"), "export.open-file", "open-file-button", TRUE));
  gtk_box_append (GTK_BOX (box),
                  new_pill (_("Open _Folder"), "export.open-folder", "open-folder-button",
                            FALSE));
  gtk_box_append (GTK_BOX (bottom), box);
  gtk_stack_add_named (self->action_stack, bottom, "done");
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->action_stack));

  adw_window_set_content (ADW_WINDOW (self), toolbar);

  /* The preferences page scrolls in a GtkScrolledWindow of its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      {
        self->form_adjustment =
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
        g_signal_connect_object (self->form_adjustment, "changed",
                                 G_CALLBACK (form_adjustment_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      }

  g_signal_connect_object (self->period_row, "notify::selected",
                           G_CALLBACK (period_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unmasked_check, "notify::active",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->station_row, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_export_dialog_new (GtkWindow *parent,
                      LdContext *context)
{
  LdExportDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  self = g_object_new (LD_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  load_stations (self);

  now = ld_context_now (context);
  local = g_date_time_to_local (now);
  ld_export_dialog_set_period (self, LD_REPORT_SPAN_QUARTER, g_date_time_get_year (local),
                               ld_report_span_index_of (LD_REPORT_SPAN_QUARTER,
                                                        g_date_time_get_month (local)));
  return GTK_WIDGET (self);
}

void
ld_export_dialog_set_period (LdExportDialog *self,
                             LdReportSpan    span,
                             int             year,
                             int             index)
{
  g_return_if_fail (LD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (span < LD_REPORT_SPAN_CUSTOM);
  g_return_if_fail (index >= 1 && index <= 12 / span_length (span));

  self->span = span;
  self->year = year;
  self->index = index;
  show_period (self);
}

char *
ld_export_dialog_dup_path (LdExportDialog *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LD_IS_EXPORT_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (self->folder == NULL || *name == '\0')
    return NULL;
  if (!g_str_has_suffix (name, ".xlsx") && !g_str_has_suffix (name, ".XLSX"))
    {
      char *with_suffix = g_strconcat (name, ".xlsx", NULL);

      g_free (name);
      name = with_suffix;
    }
  return g_build_filename (self->folder, name, NULL);
}

void
ld_export_dialog_set_path (LdExportDialog *self,
                           const char     *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (LD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->folder);
  self->folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->updating = FALSE;
  self->name_edited = TRUE;
  back_to_ready (self);
  show_status (self, NULL, FALSE);
  update_file_row (self);
  update_actions (self);
}

gboolean
ld_export_dialog_get_busy (LdExportDialog *self)
{
  g_return_val_if_fail (LD_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

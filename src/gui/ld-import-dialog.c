/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-deputy.h"
#include "ld-import-dialog.h"
#include "ld-unit.h"
#include "ld-window.h"

/* Importing a roster: choose a CSV file, read and check it in a worker thread (a district's
 * 10,000 rows must not freeze the window), show what would be imported with every row's
 * problems, then import all of it or only the valid rows, in one transaction, written in a
 * worker thread too. */

typedef enum
{
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_LEVEL,
  COLUMN_GROUP,
  COLUMN_CONSTITUENCY,
  COLUMN_KIND,
  COLUMN_CONTACT,
  COLUMN_PHONE,
  COLUMN_PROBLEMS,
} Column;

static const Column deputy_columns[] = {
  COLUMN_LINE, COLUMN_NAME, COLUMN_LEVEL, COLUMN_GROUP, COLUMN_CONSTITUENCY, COLUMN_PHONE,
  COLUMN_PROBLEMS,
};

static const Column unit_columns[] = {
  COLUMN_LINE, COLUMN_NAME, COLUMN_KIND, COLUMN_CONTACT, COLUMN_PHONE, COLUMN_PROBLEMS,
};

/* The fields a column header can map to, in the order the preview names them. */
static const struct
{
  const char *field;
  const char *label;
} field_labels[] = {
  { "name", N_("Name") },
  { "gender", N_("Gender") },
  { "level", N_("Level") },
  { "kind", N_("Kind") },
  { "constituency", N_("Constituency") },
  { "group", N_("Group") },
  { "occupation", N_("Occupation") },
  { "workplace", N_("Workplace") },
  { "contact", N_("Contact") },
  { "phone", N_("Phone") },
  { "notes", N_("Notes") },
};

struct _LdImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *choose_again_button;
  GtkStack             *stack;
  AdwStatusPage        *choose_page;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkWidget            *counts_icon;
  GtkLabel             *counts_label;
  GtkLabel             *encoding_label;
  GtkLabel             *mapping_label;
  GtkWidget            *ignored_title_label;
  GtkLabel             *ignored_label;
  GtkColumnView        *rows_view;
  GtkWidget            *only_problems_check;
  GtkWidget            *import_all_button;
  GtkWidget            *import_valid_button;

  /* Owned */
  LdContext            *context;
  GFile                *file;
  LdRosterImport       *import;
  GListStore           *rows;
  GHashTable           *row_index;
  GtkCustomFilter      *filter;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  LdImportKind          kind;
  gboolean              loading;
  gboolean              importing;
  gboolean              only_problems;
};

G_DEFINE_FINAL_TYPE (LdImportDialog, ld_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_ONLY_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  LdStore      *store;
  GFile        *file;
  LdImportKind  kind;
} LoadData;

/* ------------------------------------------------------------------ helpers */

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_clear_object (&load->file);
  g_free (load);
}

static void
add_toast (LdImportDialog *self,
           const char     *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static LdStore *
get_store (LdImportDialog *self)
{
  return self->context ? ld_context_get_store (self->context) : NULL;
}

static const char *
field_to_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].field, field) == 0)
      return _(field_labels[i].label);

  return field;
}

static guint
field_order (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].field, field) == 0)
      return i;

  return G_N_ELEMENTS (field_labels);
}

static const char *
encoding_to_string (LdCsvEncoding encoding)
{
  switch (encoding)
    {
    case LD_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case LD_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with BOM");
    case LD_CSV_ENCODING_GB18030:
      return _("GB18030 (Chinese Excel)");
    default:
      return _("Unknown");
    }
}

/* The row of the file @record was read from, or -1. */
static int
get_row_index (LdImportDialog *self,
               gpointer        record)
{
  gpointer value = g_hash_table_lookup (self->row_index, record);

  return value ? (int) GPOINTER_TO_UINT (value) - 1 : -1;
}

static gboolean
row_has_problems (LdImportDialog *self,
                  gpointer        record)
{
  int i = get_row_index (self, record);
  const char * const *errors;

  if (i < 0 || self->import == NULL)
    return FALSE;

  errors = ld_roster_import_get_errors (self->import, i);
  return errors != NULL && errors[0] != NULL;
}

static char *
dup_cell_text (LdImportDialog *self,
               Column          column,
               GObject        *record)
{
  int i = get_row_index (self, record);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_LINE:
      if (i < 0)
        return g_strdup ("");
      return g_strdup_printf ("%u", ld_roster_import_get_line (self->import, i));

    case COLUMN_PROBLEMS:
      {
        const char * const *errors = i < 0 ? NULL : ld_roster_import_get_errors (self->import, i);

        /* Translators: separates the problems of one row of an imported file */
        if (errors == NULL)
          return g_strdup ("");
        return g_strjoinv (C_("problems separator", "; "), (char **) errors);
      }

    case COLUMN_NAME:
      if (LD_IS_DEPUTY (record))
        text = ld_deputy_get_name (LD_DEPUTY (record));
      else if (LD_IS_UNIT (record))
        text = ld_unit_get_name (LD_UNIT (record));
      break;

    case COLUMN_LEVEL:
      if (LD_IS_DEPUTY (record))
        {
          const char *level = ld_deputy_get_level (LD_DEPUTY (record));

          /* An unknown level is shown as the file has it, next to its problem. */
          text = level && level[0] ? ld_deputy_level_to_string (level) : NULL;
          if (text == NULL)
            text = level;
        }
      break;

    case COLUMN_GROUP:
      if (LD_IS_DEPUTY (record))
        text = ld_deputy_get_group (LD_DEPUTY (record));
      break;

    case COLUMN_CONSTITUENCY:
      if (LD_IS_DEPUTY (record))
        text = ld_deputy_get_constituency (LD_DEPUTY (record));
      break;

    case COLUMN_KIND:
      if (LD_IS_UNIT (record))
        {
          const char *kind = ld_unit_get_kind (LD_UNIT (record));

          text = kind && kind[0] ? ld_unit_kind_to_string (kind) : NULL;
          if (text == NULL)
            text = kind;
        }
      break;

    case COLUMN_CONTACT:
      if (LD_IS_UNIT (record))
        text = ld_unit_get_contact (LD_UNIT (record));
      break;

    case COLUMN_PHONE:
      if (LD_IS_DEPUTY (record))
        text = ld_deputy_get_phone (LD_DEPUTY (record));
      else if (LD_IS_UNIT (record))
        text = ld_unit_get_phone (LD_UNIT (record));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_strdup (text ? text : "");
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_LINE:
      /* Translators: the line of the CSV file a row starts on */
      return C_("import column", "Line");
    case COLUMN_NAME:
      return C_("import column", "Name");
    case COLUMN_LEVEL:
      return C_("import column", "Level");
    case COLUMN_GROUP:
      return C_("import column", "Group");
    case COLUMN_CONSTITUENCY:
      return C_("import column", "Constituency");
    case COLUMN_KIND:
      return C_("import column", "Kind");
    case COLUMN_CONTACT:
      return C_("import column", "Contact");
    case COLUMN_PHONE:
      return C_("import column", "Phone");
    case COLUMN_PROBLEMS:
      return C_("import column", "Problems");
    default:
      g_return_val_if_reached ("");
    }
}

static void
update_actions (LdImportDialog *self)
{
  guint n_rows = self->import ? ld_roster_import_get_n_rows (self->import) : 0;
  guint n_valid = self->import ? ld_roster_import_get_n_valid (self->import) : 0;
  gboolean ready = self->import != NULL && !self->loading && !self->importing
                   && get_store (self) != NULL;
  gboolean mixed = n_valid > 0 && n_valid < n_rows;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose",
                                 !self->loading && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-all",
                                 ready && n_rows > 0 && n_valid == n_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-valid", ready && mixed);

  gtk_widget_set_visible (self->import_valid_button, mixed);
  gtk_widget_set_visible (self->only_problems_check, n_valid < n_rows);
}

static void
show_view (LdImportDialog *self,
           const char     *view)
{
  gboolean loading = g_str_equal (view, "loading");

  gtk_stack_set_visible_child_name (self->stack, view);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (self->choose_again_button,
                          g_str_equal (view, "preview") || g_str_equal (view, "error"));
}

static void
update_title (LdImportDialog *self)
{
  const char *title = self->kind == LD_IMPORT_DEPUTIES ? _("Import Deputies")
                                                       : _("Import Handling Units");
  g_autofree char *subtitle = NULL;

  if (self->file)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      subtitle = g_filename_display_name (basename);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_choose_page (LdImportDialog *self)
{
  const char *description;

  if (self->kind == LD_IMPORT_DEPUTIES)
    description = _("Save the roster from the spreadsheet as a CSV file. Its first line names the "
                    "columns, such as 姓名, 性别, 层级, 选区, 专业小组, 电话 or Name, Gender, Level, "
                    "Constituency, Group, Phone. Files in UTF-8 and in GB18030, as Chinese Excel "
                    "saves them, are both read.");
  else
    description = _("Save the list from the spreadsheet as a CSV file. Its first line names the "
                    "columns, such as 单位名称, 类型, 联系人, 电话 or Name, Kind, Contact, Phone. "
                    "Files in UTF-8 and in GB18030, as Chinese Excel saves them, are both read.");

  adw_status_page_set_description (self->choose_page, description);
}

static int
compare_mapping (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GHashTable *mapping = user_data;
  const char *header_a = *(const char * const *) a;
  const char *header_b = *(const char * const *) b;
  guint order_a = field_order (g_hash_table_lookup (mapping, header_a));
  guint order_b = field_order (g_hash_table_lookup (mapping, header_b));

  if (order_a != order_b)
    return order_a < order_b ? -1 : 1;

  return g_strcmp0 (header_a, header_b);
}

static void
fill_summary (LdImportDialog *self)
{
  GHashTable *mapping = ld_roster_import_get_mapping (self->import);
  GStrv ignored = ld_roster_import_get_ignored (self->import);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *counts = NULL;
  guint n_rows = ld_roster_import_get_n_rows (self->import);
  guint n_valid = ld_roster_import_get_n_valid (self->import);
  GHashTableIter iter;
  gpointer key;

  gtk_label_set_label (self->encoding_label,
                       encoding_to_string (ld_roster_import_get_encoding (self->import)));

  if (mapping)
    {
      g_hash_table_iter_init (&iter, mapping);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (headers, key);
      g_ptr_array_sort_with_data (headers, compare_mapping, mapping);
    }
  for (guint i = 0; i < headers->len; i++)
    {
      const char *header = g_ptr_array_index (headers, i);

      if (i > 0)
        /* Translators: separates the items of a list, such as the columns of a file */
        g_string_append (text, C_("list separator", ", "));
      /* Translators: a column header of the file, then the field it is read into */
      g_string_append_printf (text, _("%s → %s"), header,
                              field_to_label (g_hash_table_lookup (mapping, header)));
    }
  gtk_label_set_label (self->mapping_label, text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; ignored && ignored[i]; i++)
    {
      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, ignored[i]);
    }
  gtk_label_set_label (self->ignored_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), text->len > 0);
  gtk_widget_set_visible (self->ignored_title_label, text->len > 0);

  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: rows of a file: all, valid, others */
                                         "%u row, %u valid, %u with problems",
                                         "%u rows, %u valid, %u with problems",
                                         n_rows),
                            n_rows, n_valid, n_rows - n_valid);
  gtk_label_set_label (self->counts_label, counts);
  gtk_widget_set_visible (self->counts_icon, n_valid < n_rows);
}

static void
fill_rows (LdImportDialog *self)
{
  guint n_rows = ld_roster_import_get_n_rows (self->import);
  g_autoptr(GPtrArray) records = g_ptr_array_sized_new (n_rows);

  g_hash_table_remove_all (self->row_index);
  for (guint i = 0; i < n_rows; i++)
    {
      GObject *record = ld_roster_import_get_record (self->import, i);

      g_hash_table_insert (self->row_index, record, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (records, record);
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       records->pdata, records->len);
}

static void
clear_import (LdImportDialog *self)
{
  g_list_store_remove_all (self->rows);
  g_hash_table_remove_all (self->row_index);
  g_clear_object (&self->import);
}

static void
add_toast_to_parent (LdImportDialog *self,
                     const char     *title)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  if (LD_IS_WINDOW (parent))
    ld_window_add_toast (LD_WINDOW (parent), adw_toast_new (escaped));
  else if (ADW_IS_PREFERENCES_WINDOW (parent))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), adw_toast_new (escaped));
}

/* The write runs in a worker thread; the store tells every open view about the new rows on
 * the main thread before this runs. */
static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LdImportDialog) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_imported = 0;
  gboolean ok;

  ok = ld_roster_import_run_finish (LD_ROSTER_IMPORT (source_object), result, &n_imported,
                                    &error);

  /* The dialog went away meanwhile. */
  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    return;

  self->importing = FALSE;

  if (!ok)
    {
      show_view (self, "preview");
      update_actions (self);
      /* Translators: %s says in plain words why nothing was imported */
      message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      add_toast (self, message);
      return;
    }

  if (self->kind == LD_IMPORT_DEPUTIES)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %u is how many were imported */
                                            "Imported %u deputy",
                                            "Imported %u deputies",
                                            n_imported),
                               n_imported);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %u is how many were imported */
                                            "Imported %u handling unit",
                                            "Imported %u handling units",
                                            n_imported),
                               n_imported);

  add_toast_to_parent (self, message);
  g_signal_emit (self, signals[IMPORTED], 0, n_imported);
  gtk_window_close (GTK_WINDOW (self));
}

static void
run_import (LdImportDialog *self,
            gboolean        only_valid)
{
  LdStore *store = get_store (self);
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 station_id = 0;

  if (store == NULL || self->import == NULL || self->loading || self->importing)
    return;

  /* Deputies belong to a station: this desk's. */
  if (self->kind == LD_IMPORT_DEPUTIES)
    {
      station = ld_store_get_station (store, &error);
      if (station == NULL)
        {
          if (error)
            /* Translators: %s says in plain words why nothing was imported */
            message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
          else
            message = g_strdup (_("Nothing was imported: enter the station profile in "
                                  "Preferences first."));
          add_toast (self, message);
          return;
        }
      station_id = ld_station_get_id (station);
    }

  self->importing = TRUE;
  adw_status_page_set_title (self->loading_page, _("Importing…"));
  adw_status_page_set_description (self->loading_page,
                                   _("All the rows are written in one step, or none of them."));
  show_view (self, "loading");
  update_actions (self);

  ld_roster_import_run_async (self->import, station_id, only_valid, self->cancellable,
                              import_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ list item factories */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LdImportDialog           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);

  switch (column)
    {
    case COLUMN_LINE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

        gtk_widget_add_css_class (icon, "error");
        gtk_widget_set_tooltip_text (icon, _("This row has problems"));
        gtk_label_set_xalign (GTK_LABEL (label), 1);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (GTK_BOX (box), icon);
        gtk_box_append (GTK_BOX (box), label);
        gtk_list_item_set_child (item, box);
        return;
      }

    case COLUMN_PROBLEMS:
      gtk_widget_add_css_class (label, "error");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      break;

    case COLUMN_PHONE:
      gtk_widget_add_css_class (label, "numeric");
      break;

    default:
      /* Short values are shown whole (a narrow window scrolls sideways); a long workplace or
       * unit name is cut, and shown whole in its tooltip. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      break;
    }

  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LdImportDialog           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GObject *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (self->import == NULL || record == NULL)
    return;

  text = dup_cell_text (self, column, record);

  if (column == COLUMN_LINE)
    {
      GtkWidget *icon = gtk_widget_get_first_child (child);
      GtkWidget *label = gtk_widget_get_next_sibling (icon);

      gtk_widget_set_opacity (icon, row_has_problems (self, record) ? 1.0 : 0.0);
      gtk_label_set_label (GTK_LABEL (label), text);
      return;
    }

  gtk_label_set_label (GTK_LABEL (child), text);
  gtk_widget_set_tooltip_text (child, column != COLUMN_PROBLEMS && text[0] ? text : NULL);
}

static void
add_column (LdImportDialog *self,
            Column          column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);

  view_column = gtk_column_view_column_new (column_title (column), factory);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_LINE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_PROBLEMS);
  gtk_column_view_append_column (self->rows_view, view_column);
  g_object_unref (view_column);
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  LdImportDialog *self = user_data;

  return !self->only_problems || row_has_problems (self, item);
}

/* ------------------------------------------------------------------ callbacks */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  LdRosterImport *import;
  GError *error = NULL;

  import = ld_roster_import_new_from_file (load->store, load->kind, load->file, &error);
  if (import)
    g_task_return_pointer (task, import, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(LdRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  import = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another file was chosen meanwhile, or the dialog went away. */
  if (g_cancellable_is_cancelled (cancellable))
    return;

  self->loading = FALSE;

  if (import == NULL)
    {
      description = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (self->error_page, description);
      show_view (self, "error");
      update_actions (self);
      return;
    }

  self->import = g_steal_pointer (&import);
  fill_summary (self);
  fill_rows (self);
  show_view (self, "preview");
  update_actions (self);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LdImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        ld_import_dialog_load_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static gboolean
import_valid_idle_cb (gpointer user_data)
{
  LdImportDialog *self = user_data;

  if (self->context != NULL)
    run_import (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LdImportDialog   *self)
{
  /* Importing closes this dialog, and with it the question still answering: let the question
   * close first. */
  if (g_strcmp0 (response, "import") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, import_valid_idle_cb, g_object_ref (self),
                     g_object_unref);
}

/* ------------------------------------------------------------------ actions */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  if (self->file)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  run_import (LD_IMPORT_DIALOG (widget), FALSE);
}

static void
import_valid_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (widget);
  guint n_rows, n_valid, n_skipped;
  g_autofree char *body = NULL;
  g_autofree char *import_label = NULL;
  GtkWidget *dialog;

  if (self->import == NULL)
    return;

  n_rows = ld_roster_import_get_n_rows (self->import);
  n_valid = ld_roster_import_get_n_valid (self->import);
  n_skipped = n_rows - n_valid;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u rows with problems are not imported */
                                       "%u row with problems will be skipped. Fix it in the "
                                       "file and import it later.",
                                       "%u rows with problems will be skipped. Fix them in the "
                                       "file and import them later.",
                                       n_skipped),
                          n_skipped);
  import_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a button; %u valid rows */
                                               "_Import %u Row",
                                               "_Import %u Rows",
                                               n_valid),
                                  n_valid);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Only the Valid Rows?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", import_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_import_dialog_constructed (GObject *object)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (object);
  const Column *columns = self->kind == LD_IMPORT_DEPUTIES ? deputy_columns : unit_columns;
  guint n_columns = self->kind == LD_IMPORT_DEPUTIES ? G_N_ELEMENTS (deputy_columns)
                                                     : G_N_ELEMENTS (unit_columns);

  G_OBJECT_CLASS (ld_import_dialog_parent_class)->constructed (object);

  for (guint i = 0; i < n_columns; i++)
    add_column (self, columns[i]);

  update_title (self);
  update_choose_page (self);
  show_view (self, "choose");
  update_actions (self);
}

static void
ld_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_ONLY_PROBLEMS:
      g_value_set_boolean (value, self->only_problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (object);
  gboolean only_problems;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_ONLY_PROBLEMS:
      only_problems = g_value_get_boolean (value);
      if (self->only_problems != only_problems)
        {
          self->only_problems = only_problems;
          gtk_filter_changed (GTK_FILTER (self->filter),
                              only_problems ? GTK_FILTER_CHANGE_MORE_STRICT
                                            : GTK_FILTER_CHANGE_LESS_STRICT);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_import_dialog_dispose (GObject *object)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_index, g_hash_table_unref);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ld_import_dialog_parent_class)->dispose (object);
}

/* A write under way cannot be stopped halfway: the dialog stays until it says how it went. */
static gboolean
ld_import_dialog_close_request (GtkWindow *window)
{
  LdImportDialog *self = LD_IMPORT_DIALOG (window);

  if (self->importing)
    return TRUE;

  return GTK_WINDOW_CLASS (ld_import_dialog_parent_class)->close_request (window);
}

static void
ld_import_dialog_class_init (LdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_import_dialog_constructed;
  object_class->get_property = ld_import_dialog_get_property;
  object_class->set_property = ld_import_dialog_set_property;
  object_class->dispose = ld_import_dialog_dispose;

  window_class->close_request = ld_import_dialog_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* An LdImportKind. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       LD_IMPORT_DEPUTIES, LD_IMPORT_UNITS, LD_IMPORT_DEPUTIES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ONLY_PROBLEMS] =
    g_param_spec_boolean ("only-problems", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdImportDialog::imported:
   * @n_imported: how many rows were imported
   *
   * The rows are in the database; the dialog closes next.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, choose_again_button);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, loading_page);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, counts_icon);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, mapping_label);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, ignored_title_label);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, ignored_label);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, only_problems_check);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, import_all_button);
  gtk_widget_class_bind_template_child (widget_class, LdImportDialog, import_valid_button);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.import-all", NULL, import_all_action);
  gtk_widget_class_install_action (widget_class, "import.import-valid", NULL,
                                   import_valid_action);
  gtk_widget_class_install_property_action (widget_class, "import.only-problems",
                                            "only-problems");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ld_import_dialog_init (LdImportDialog *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->row_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (filtered)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to; it shows the summary toast
 * @context: the shared services; its store receives the rows
 * @kind: deputies or handling units
 */
LdImportDialog *
ld_import_dialog_new (GtkWindow    *parent,
                      LdContext    *context,
                      LdImportKind  kind)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "kind", (guint) kind,
                       NULL);
}

LdImportKind
ld_import_dialog_get_kind (LdImportDialog *self)
{
  g_return_val_if_fail (LD_IS_IMPORT_DIALOG (self), LD_IMPORT_DEPUTIES);

  return self->kind;
}

void
ld_import_dialog_load_file (LdImportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  LdStore *store;
  LoadData *load;

  g_return_if_fail (LD_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  store = get_store (self);
  if (store == NULL)
    {
      add_toast (self, _("No database is open."));
      return;
    }

  /* The rows being written decide what the dialog shows next. */
  if (self->importing)
    return;

  /* A file still being read is forgotten; its result is dropped when it comes. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  clear_import (self);
  self->loading = TRUE;
  adw_status_page_set_title (self->loading_page, _("Reading the File…"));
  adw_status_page_set_description (self->loading_page,
                                   _("Every row is checked before anything is imported."));
  update_title (self);
  show_view (self, "loading");
  update_actions (self);

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (store);
  load->file = g_object_ref (file);
  load->kind = self->kind;

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, ld_import_dialog_load_file);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Returns: (transfer none) (nullable): the file read, with its rows and their problems */
LdRosterImport *
ld_import_dialog_get_import (LdImportDialog *self)
{
  g_return_val_if_fail (LD_IS_IMPORT_DIALOG (self), NULL);

  return self->loading ? NULL : self->import;
}

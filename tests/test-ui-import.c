/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-import"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-import-dialog.h"
#include "ld-lists-page.h"
#include "ld-preferences-window.h"
#include "ld-store.h"
#include "ld-test-util.h"
#include "ld-unit-editor.h"
#include "ld-units-page.h"

/* The roster import, the handling units and the editable lists under Xvfb, as a user meets them:
 * a CSV file in UTF-8 and one in GB18030 previewed with their problems and imported, a unit added
 * through its editor, a seeded category renamed and given back its default name. Any warning or
 * critical fails the test. */

#define WAIT_SECONDS 20

static guint n_problems;

typedef struct
{
  char       *dir;
  char       *db_path;
  GSettings  *settings;
  LdContext  *context;
  LdStore    *store;
} Fixture;

typedef gboolean (*WidgetPredicate) (GtkWidget *widget,
                                     gpointer   data);

/* Four deputies: two valid, one without a name, one with an unknown level and a bad phone. */
static const char roster_with_problems[] =
  "姓名,性别,层级,选区,专业小组,手机,籍贯\r\n"
  "王芳,女,区,第一选区,财经组,13800001111,湖北\r\n"
  "李建国,男,市,第二选区,城建环资组,027-85551234,\r\n"
  ",男,区,第三选区,,13800002222,\r\n"
  "陈静,女,街道,第四选区,,12345,\r\n";

static const char roster_valid[] =
  "姓名,性别,层级,选区,专业小组,电话\r\n"
  "张伟,男,区,第五选区,财经组,13900001111\r\n"
  "刘洋,女,乡镇,第六选区,,13900002222\r\n";

/* ------------------------------------------------------------------ helpers */

static GLogWriterOutput
count_problems_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    n_problems++;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static void
iterate_idle (void)
{
  for (int i = 0; i < 5; i++)
    {
      iterate_until (nothing_pending, NULL);
      g_usleep (2000);
    }
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             gpointer         data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found)
        return found;
    }

  return NULL;
}

static gboolean
is_button_for_action (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_mapped_label_with_text (GtkWidget *widget,
                           gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
is_entry_row_titled (GtkWidget *widget,
                     gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_entry_row_with_text (GtkWidget *widget,
                        gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

static gboolean
is_mapped_status_page_titled (GtkWidget *widget,
                              gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
unit_editor_shown (gpointer data)
{
  return find_toplevel (LD_TYPE_UNIT_EDITOR) != NULL;
}

static gboolean
no_unit_editor (gpointer data)
{
  return find_toplevel (LD_TYPE_UNIT_EDITOR) == NULL;
}

static gboolean
preview_or_error_shown (gpointer data)
{
  LdImportDialog *dialog = data;

  return ld_import_dialog_get_import (dialog) != NULL
         || find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                         (gpointer) "The File Could Not Be Read") != NULL;
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static LdImportDialog *
open_preview (Fixture      *fixture,
              LdImportKind  kind,
              GFile        *file)
{
  LdImportDialog *dialog = ld_import_dialog_new (NULL, fixture->context, kind);

  gtk_window_present (GTK_WINDOW (dialog));
  iterate_until (widget_is_mapped, dialog);

  ld_import_dialog_load_file (dialog, file);
  iterate_until (preview_or_error_shown, dialog);
  iterate_idle ();

  return dialog;
}

static guint
count_rows_shown (LdImportDialog *dialog)
{
  GtkWidget *view = find_widget (GTK_WIDGET (dialog), is_column_view, NULL);
  GtkSelectionModel *model;

  g_assert_nonnull (view);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  GtkWidget *button = find_widget (root, is_button_for_action, (gpointer) action_name);

  g_assert_nonnull (button);
  return button;
}

static GPtrArray *
load_all_deputies (Fixture *fixture)
{
  LdDeputyQuery query = { .active = -1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *deputies;

  ids = ld_store_query_deputy_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  deputies = ld_store_load_deputies (fixture->store, (const gint64 *) ids->data, ids->len,
                                     &error);
  g_assert_no_error (error);

  return deputies;
}

static gboolean
has_deputy_named (GPtrArray  *deputies,
                  const char *name)
{
  for (guint i = 0; i < deputies->len; i++)
    if (g_strcmp0 (ld_deputy_get_name (g_ptr_array_index (deputies, i)), name) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

static void
imported_cb (LdImportDialog *dialog,
             guint           n_imported,
             guint          *result)
{
  *result = n_imported;
}

static LdPreferencesWindow *
present_preferences (Fixture    *fixture,
                     const char *page)
{
  LdPreferencesWindow *preferences;

  preferences = ld_preferences_window_new (NULL, fixture->context, fixture->db_path);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  gtk_window_present (GTK_WINDOW (preferences));
  iterate_until (widget_is_mapped, preferences);
  iterate_idle ();

  return preferences;
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = find_widget (root, is_entry_row_titled, (gpointer) row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  iterate_idle ();
}

static gboolean
is_units_page (GtkWidget *widget,
               gpointer   data)
{
  return LD_IS_UNITS_PAGE (widget);
}

static gboolean
is_lists_page (GtkWidget *widget,
               gpointer   data)
{
  return LD_IS_LISTS_PAGE (widget);
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  fixture->dir = ld_test_make_tmpdir ();
  fixture->db_path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->settings = g_settings_new (BASE_APPLICATION_ID);

  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->context = ld_context_new (fixture->settings);
  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  fixture->store = ld_context_get_store (fixture->context);
  g_assert_nonnull (fixture->store);

  ld_station_set_kind (station, "station");
  ld_station_set_name (station, "花桥社区代表联络站");
  ld_station_set_reporting_unit (station, "江岸区花桥街道人大工委");
  ld_store_save_station (fixture->store, station, &error);
  g_assert_no_error (error);

  n_problems = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  LdDatabase *database = ld_context_get_database (fixture->context);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  iterate_idle ();

  if (database)
    {
      g_autoptr(LdDatabase) closing = g_object_ref (database);

      ld_context_set_database (fixture->context, NULL);
      ld_database_close (closing);
    }

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  ld_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);

  g_assert_cmpuint (n_problems, ==, 0);
}

/* ------------------------------------------------------------------ tests */

static void
test_only_valid_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "roster.csv", roster_with_problems, -1);
  g_autoptr(GPtrArray) deputies = NULL;
  AdwMessageDialog *confirm;
  LdImportDialog *dialog;
  GtkWidget *label;
  GtkWidget *import_all;
  GtkWidget *import_valid;
  guint n_imported = 0;

  dialog = open_preview (fixture, LD_IMPORT_DEPUTIES, file);
  g_assert_nonnull (ld_import_dialog_get_import (dialog));

  /* Every row is shown, the invalid ones with their problems. */
  g_assert_cmpuint (count_rows_shown (dialog), ==, 4);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "4 rows, 2 valid, 2 with problems"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "UTF-8"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "籍贯"));
  label = find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                       (gpointer) "Name is missing");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* With a row in error, only the valid rows can be imported. */
  import_all = find_action_button (GTK_WIDGET (dialog), "import.import-all");
  import_valid = find_action_button (GTK_WIDGET (dialog), "import.import-valid");
  g_assert_false (gtk_widget_is_sensitive (import_all));
  g_assert_true (gtk_widget_get_mapped (import_valid));
  g_assert_true (gtk_widget_is_sensitive (import_valid));

  /* Showing only the rows with problems. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.only-problems", NULL);
  iterate_idle ();
  g_assert_cmpuint (count_rows_shown (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.only-problems", NULL);
  iterate_idle ();
  g_assert_cmpuint (count_rows_shown (dialog), ==, 4);

  /* Asks first, saying how many rows will be skipped. */
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-valid", NULL));
  iterate_until (message_dialog_shown, NULL);
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "2 rows with problems"));
  adw_message_dialog_response (confirm, "import");
  gtk_window_close (GTK_WINDOW (confirm));
  iterate_until (is_nonzero, &n_imported);
  iterate_idle ();

  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_null (find_toplevel (LD_TYPE_IMPORT_DIALOG));

  deputies = load_all_deputies (fixture);
  g_assert_cmpuint (deputies->len, ==, 2);
  g_assert_true (has_deputy_named (deputies, "王芳"));
  g_assert_true (has_deputy_named (deputies, "李建国"));
}

static void
test_gb18030 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  LdImportDialog *dialog;
  GtkWidget *import_all;
  GtkWidget *import_valid;
  gsize length = 0;
  guint n_imported = 0;

  encoded = g_convert (roster_valid, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  file = write_file (fixture, "花名册.csv", encoded, length);

  dialog = open_preview (fixture, LD_IMPORT_DEPUTIES, file);
  g_assert_cmpuint (count_rows_shown (dialog), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "GB18030 (Chinese Excel)"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "张伟"));

  import_all = find_action_button (GTK_WIDGET (dialog), "import.import-all");
  import_valid = find_action_button (GTK_WIDGET (dialog), "import.import-valid");
  g_assert_true (gtk_widget_is_sensitive (import_all));
  g_assert_false (gtk_widget_get_mapped (import_valid));

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-all", NULL));
  iterate_until (is_nonzero, &n_imported);
  iterate_idle ();
  g_assert_cmpuint (n_imported, ==, 2);

  deputies = load_all_deputies (fixture);
  g_assert_cmpuint (deputies->len, ==, 2);
  g_assert_true (has_deputy_named (deputies, "张伟"));
  g_assert_true (has_deputy_named (deputies, "刘洋"));
}

static void
test_unusable_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "wrong.csv", "电话,备注\r\n13800001111,x\r\n", -1);
  g_autoptr(GPtrArray) deputies = NULL;
  LdImportDialog *dialog;
  GtkWidget *status_page;

  dialog = open_preview (fixture, LD_IMPORT_DEPUTIES, file);
  g_assert_null (ld_import_dialog_get_import (dialog));

  /* Says why in plain words, and offers another file. */
  status_page = find_widget (GTK_WIDGET (dialog), is_mapped_status_page_titled,
                             (gpointer) "The File Could Not Be Read");
  g_assert_nonnull (status_page);
  g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (status_page))),
                    >, 20);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (status_page, "import.choose")));

  deputies = load_all_deputies (fixture);
  g_assert_cmpuint (deputies->len, ==, 0);
}

static void
test_units_import (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "units.csv",
                                      "单位名称,类型,联系人,电话\n"
                                      "江岸区住建局,部门,李明,027-85551234\n"
                                      "花桥街道办事处,街道,王强,13800001111\n",
                                      -1);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  LdImportDialog *dialog;
  guint n_imported = 0;

  dialog = open_preview (fixture, LD_IMPORT_UNITS, file);
  g_assert_cmpuint (count_rows_shown (dialog), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                 (gpointer) "Sub-district office"));

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-all", NULL));
  iterate_until (is_nonzero, &n_imported);
  iterate_idle ();
  g_assert_cmpuint (n_imported, ==, 2);

  units = ld_store_list_units (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
}

static void
test_add_unit (Fixture       *fixture,
               gconstpointer  data)
{
  LdPreferencesWindow *preferences = present_preferences (fixture, "units");
  GtkWidget *page = find_widget (GTK_WIDGET (preferences), is_units_page, NULL);
  GtkWindow *editor;
  GtkWidget *save;
  GListModel *model;
  LdUnit *unit;

  g_assert_nonnull (page);
  g_assert_nonnull (find_widget (page, is_mapped_label_with_text,
                                 (gpointer) "No Handling Units Yet"));

  g_assert_true (gtk_widget_activate_action (page, "units.add", NULL));
  iterate_until (unit_editor_shown, NULL);
  editor = find_toplevel (LD_TYPE_UNIT_EDITOR);
  iterate_until (widget_is_mapped, editor);
  iterate_idle ();

  /* Nothing to save without a name; a bad phone number is named beside the field. */
  save = find_action_button (GTK_WIDGET (editor), "unit.save");
  g_assert_false (gtk_widget_is_sensitive (save));
  type_into (GTK_WIDGET (editor), "Name", "江岸区住建局");
  g_assert_true (gtk_widget_is_sensitive (save));
  type_into (GTK_WIDGET (editor), "Phone", "12345");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), is_mapped_label_with_text,
                                 (gpointer) "Enter a mobile number of 11 digits starting with 1, "
                                            "or a landline with its area code, such as "
                                            "027-85551234"));
  type_into (GTK_WIDGET (editor), "Phone", "027-8555 1234");
  type_into (GTK_WIDGET (editor), "Contact Person", "李明");
  g_assert_true (gtk_widget_is_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.save", NULL));
  iterate_until (no_unit_editor, NULL);
  iterate_idle ();

  /* Listed, with its contact. */
  model = ld_units_page_get_model (LD_UNITS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  unit = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ld_unit_get_name (unit), ==, "江岸区住建局");
  g_assert_cmpstr (ld_unit_get_phone (unit), ==, "027-85551234");
  g_assert_nonnull (find_widget (page, is_mapped_label_with_text, (gpointer) "江岸区住建局"));

  /* Nothing refers to it, so it is deleted, not hidden. */
  g_assert_true (gtk_widget_activate_action (page, "units.delete", "x", ld_unit_get_id (unit)));
  g_object_unref (unit);
  iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (find_widget (page, is_mapped_label_with_text,
                                 (gpointer) "No Handling Units Yet"));
}

static void
test_rename_category (Fixture       *fixture,
                      gconstpointer  data)
{
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = find_widget (GTK_WIDGET (preferences), is_lists_page, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_name = NULL;
  LdListEntry *entry = NULL;
  GtkWidget *group;
  GtkWidget *row;
  gint64 id;

  g_assert_nonnull (page);
  group = GTK_WIDGET (ld_lists_page_get_group (LD_LISTS_PAGE (page), LD_LIST_CONCERN_CATEGORY));

  entries = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (ld_list_entry_get_seed_key (g_ptr_array_index (entries, i)))
      entry = g_ptr_array_index (entries, i);
  g_assert_nonnull (entry);
  id = ld_list_entry_get_id (entry);
  seed_name = g_strdup (ld_list_entry_get_display_name (entry));

  /* The seeded entry shows its default name. */
  row = find_widget (group, is_entry_row_with_text, seed_name);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));

  /* Renamed, it shows the user's text. */
  gtk_editable_set_text (GTK_EDITABLE (row), "背街小巷整治");
  g_signal_emit_by_name (row, "apply");
  iterate_idle ();
  g_assert_nonnull (find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治"));
  g_assert_null (find_widget (group, is_entry_row_with_text, seed_name));

  after = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    if (ld_list_entry_get_id (g_ptr_array_index (after, i)) == id)
      g_assert_cmpstr (ld_list_entry_get_name (g_ptr_array_index (after, i)), ==, "背街小巷整治");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Cleared, it has its default name back. */
  row = find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  iterate_idle ();
  g_assert_nonnull (find_widget (group, is_entry_row_with_text, seed_name));
  g_assert_null (find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治"));

  after = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    if (ld_list_entry_get_id (g_ptr_array_index (after, i)) == id)
      g_assert_null (ld_list_entry_get_name (g_ptr_array_index (after, i)));
}

static void
test_hide_and_move (Fixture       *fixture,
                    gconstpointer  data)
{
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = find_widget (GTK_WIDGET (preferences), is_lists_page, NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  before = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >=, 2);
  first = ld_list_entry_get_id (g_ptr_array_index (before, 0));
  second = ld_list_entry_get_id (g_ptr_array_index (before, 1));

  g_assert_true (gtk_widget_activate_action (page, "lists.move-down", "(ix)",
                                             (int) LD_LIST_CHANNEL, first));
  g_assert_true (gtk_widget_activate_action (page, "lists.toggle-hidden", "(ix)",
                                             (int) LD_LIST_CHANNEL, second));
  iterate_idle ();

  after = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_list_entry_get_id (g_ptr_array_index (after, 0)), ==, second);
  g_assert_cmpint (ld_list_entry_get_id (g_ptr_array_index (after, 1)), ==, first);
  g_assert_true (ld_list_entry_get_hidden (g_ptr_array_index (after, 0)));
  g_assert_false (ld_list_entry_get_hidden (g_ptr_array_index (after, 1)));
}

static gboolean
is_spin_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static void
test_add_entry_and_time_limit (Fixture       *fixture,
                               gconstpointer  data)
{
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = find_widget (GTK_WIDGET (preferences), is_lists_page, NULL);
  GtkWidget *channels = GTK_WIDGET (ld_lists_page_get_group (LD_LISTS_PAGE (page),
                                                             LD_LIST_CHANNEL));
  GtkWidget *categories = GTK_WIDGET (ld_lists_page_get_group (LD_LISTS_PAGE (page),
                                                               LD_LIST_CONCERN_CATEGORY));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  LdListEntry *last;
  LdListEntry *first;
  GtkWidget *add_row;
  GtkWidget *row;
  GtkWidget *spin;

  /* A new channel goes at the end, with the user's text. */
  add_row = find_widget (channels, is_entry_row_titled, (gpointer) "Add a Channel");
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "  政务微信群  ");
  g_signal_emit_by_name (add_row, "apply");
  iterate_idle ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = find_widget (channels, is_entry_row_with_text, (gpointer) "政务微信群");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Added for this station");
  entries = ld_store_list_entries (fixture->store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (ld_list_entry_get_name (last), ==, "政务微信群");
  g_assert_null (ld_list_entry_get_seed_key (last));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A category's own time limit, in working days; empty stands for the general one. */
  spin = find_widget (categories, is_spin_button, NULL);
  g_assert_nonnull (spin);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  iterate_idle ();
  entries = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (first), ==, 20);
  g_clear_pointer (&entries, g_ptr_array_unref);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  iterate_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  entries = ld_store_list_entries (fixture->store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (first), <=, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LIAISON_DESK_LOCALEDIR");

  /* The assertions read English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_log_set_writer_func (count_problems_writer, NULL, NULL);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui-import/only-valid-rows", test_only_valid_rows);
  ADD ("/ui-import/gb18030", test_gb18030);
  ADD ("/ui-import/unusable-file", test_unusable_file);
  ADD ("/ui-import/units", test_units_import);
  ADD ("/ui-import/add-unit", test_add_unit);
  ADD ("/ui-import/rename-category", test_rename_category);
  ADD ("/ui-import/hide-and-move", test_hide_and_move);
  ADD ("/ui-import/add-entry-and-time-limit", test_add_entry_and_time_limit);

#undef ADD

  return g_test_run ();
}

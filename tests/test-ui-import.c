/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-import"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-import-dialog.h"
#include "ld-lists-page.h"
#include "ld-preferences-window.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-unit-editor.h"
#include "ld-units-page.h"

/* The roster import, the handling units and the editable lists under Xvfb, as a user meets them:
 * a CSV file in UTF-8 and one in GB18030 previewed with their problems and imported, a unit added
 * through its editor, a seeded category renamed and given back its default name. Any warning or
 * critical fails the test. */

typedef LdTestFixture Fixture;

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

static gboolean
is_mapped_label_with_text (GtkWidget *widget,
                           gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
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

static gboolean
preview_or_error_shown (gpointer data)
{
  LdImportDialog *dialog = data;

  return ld_import_dialog_get_import (dialog) != NULL
         || ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
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
  ld_test_iterate_until (ld_test_widget_is_mapped, dialog);

  ld_import_dialog_load_file (dialog, file);
  ld_test_iterate_until (preview_or_error_shown, dialog);
  ld_test_iterate_idle ();

  return dialog;
}

static guint
count_rows_shown (LdImportDialog *dialog)
{
  GtkWidget *view = ld_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model;

  g_assert_nonnull (view);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  GtkWidget *button = ld_test_find_button_for_action (root, action_name);

  g_assert_nonnull (button);
  return button;
}

static GPtrArray *
load_all_deputies (Fixture *fixture)
{
  LdStore *store = ld_test_get_store (fixture);
  LdDeputyQuery query = { .active = -1, .sort = LD_DEPUTY_SORT_NAME };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *deputies;

  ids = ld_store_query_deputy_ids (store, &query, &error);
  g_assert_no_error (error);
  deputies = ld_store_load_deputies (store, (const gint64 *) ids->data, ids->len, &error);
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
  ld_test_present (GTK_WINDOW (preferences));

  return preferences;
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = ld_test_find_entry_row (root, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  ld_test_iterate_idle ();
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  ld_test_fixture_set_up (fixture, data);

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_test_save_station (ld_test_get_store (fixture), "花桥社区代表联络站",
                        "江岸区花桥街道人大工委");
}

/* The dialogs open their own windows: close every one of them. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  ld_test_fixture_tear_down (fixture, data);
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
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "4 rows, 2 valid, 2 with problems"));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "UTF-8"));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "籍贯"));
  label = ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
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
  ld_test_iterate_idle ();
  g_assert_cmpuint (count_rows_shown (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.only-problems", NULL);
  ld_test_iterate_idle ();
  g_assert_cmpuint (count_rows_shown (dialog), ==, 4);

  /* Asks first, saying how many rows will be skipped. */
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-valid", NULL));
  confirm = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "2 rows with problems"));
  adw_message_dialog_response (confirm, "import");
  gtk_window_close (GTK_WINDOW (confirm));
  ld_test_iterate_until (is_nonzero, &n_imported);
  ld_test_iterate_idle ();

  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_null (ld_test_find_toplevel (LD_TYPE_IMPORT_DIALOG));

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
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "GB18030 (Chinese Excel)"));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "张伟"));

  import_all = find_action_button (GTK_WIDGET (dialog), "import.import-all");
  import_valid = find_action_button (GTK_WIDGET (dialog), "import.import-valid");
  g_assert_true (gtk_widget_is_sensitive (import_all));
  g_assert_false (gtk_widget_get_mapped (import_valid));

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-all", NULL));
  ld_test_iterate_until (is_nonzero, &n_imported);
  ld_test_iterate_idle ();
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
  status_page = ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_status_page_titled,
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
  LdStore *store = ld_test_get_store (fixture);
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
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (dialog), is_mapped_label_with_text,
                                         (gpointer) "Sub-district office"));

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import-all", NULL));
  ld_test_iterate_until (is_nonzero, &n_imported);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_imported, ==, 2);

  units = ld_store_list_units (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
}

static void
test_add_unit (Fixture       *fixture,
               gconstpointer  data)
{
  LdPreferencesWindow *preferences = present_preferences (fixture, "units");
  GtkWidget *page = ld_test_find_widget_of_type (GTK_WIDGET (preferences), LD_TYPE_UNITS_PAGE);
  GtkWindow *editor;
  GtkWidget *save;
  GListModel *model;
  LdUnit *unit;

  g_assert_nonnull (page);
  g_assert_nonnull (ld_test_find_widget (page, is_mapped_label_with_text,
                                         (gpointer) "No Handling Units Yet"));

  g_assert_true (gtk_widget_activate_action (page, "units.add", NULL));
  editor = ld_test_wait_for_toplevel (LD_TYPE_UNIT_EDITOR);
  ld_test_iterate_until (ld_test_widget_is_mapped, editor);
  ld_test_iterate_idle ();

  /* Nothing to save without a name; a bad phone number is named beside the field. */
  save = find_action_button (GTK_WIDGET (editor), "unit.save");
  g_assert_false (gtk_widget_is_sensitive (save));
  type_into (GTK_WIDGET (editor), "Name", "江岸区住建局");
  g_assert_true (gtk_widget_is_sensitive (save));
  type_into (GTK_WIDGET (editor), "Phone", "12345");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (editor), is_mapped_label_with_text,
                                         (gpointer) "Enter a mobile number of 11 digits "
                                                    "starting with 1, or a landline with its "
                                                    "area code, such as 027-85551234"));
  type_into (GTK_WIDGET (editor), "Phone", "027-8555 1234");
  type_into (GTK_WIDGET (editor), "Contact Person", "李明");
  g_assert_true (gtk_widget_is_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.save", NULL));
  ld_test_wait_for_no_toplevel (LD_TYPE_UNIT_EDITOR);
  ld_test_iterate_idle ();

  /* Listed, with its contact. */
  model = ld_units_page_get_model (LD_UNITS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  unit = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ld_unit_get_name (unit), ==, "江岸区住建局");
  g_assert_cmpstr (ld_unit_get_phone (unit), ==, "027-85551234");
  g_assert_nonnull (ld_test_find_widget (page, is_mapped_label_with_text, (gpointer) "江岸区住建局"));

  /* Nothing refers to it, so it is deleted, not hidden. */
  g_assert_true (gtk_widget_activate_action (page, "units.delete", "x", ld_unit_get_id (unit)));
  g_object_unref (unit);
  ld_test_iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (ld_test_find_widget (page, is_mapped_label_with_text,
                                         (gpointer) "No Handling Units Yet"));
}

static void
test_rename_category (Fixture       *fixture,
                      gconstpointer  data)
{
  LdStore *store = ld_test_get_store (fixture);
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = ld_test_find_widget_of_type (GTK_WIDGET (preferences), LD_TYPE_LISTS_PAGE);
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

  entries = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (ld_list_entry_get_seed_key (g_ptr_array_index (entries, i)))
      entry = g_ptr_array_index (entries, i);
  g_assert_nonnull (entry);
  id = ld_list_entry_get_id (entry);
  seed_name = g_strdup (ld_list_entry_get_display_name (entry));

  /* The seeded entry shows its default name. */
  row = ld_test_find_widget (group, is_entry_row_with_text, seed_name);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));

  /* Renamed, it shows the user's text. */
  gtk_editable_set_text (GTK_EDITABLE (row), "背街小巷整治");
  g_signal_emit_by_name (row, "apply");
  ld_test_iterate_idle ();
  g_assert_nonnull (ld_test_find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治"));
  g_assert_null (ld_test_find_widget (group, is_entry_row_with_text, seed_name));

  after = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    if (ld_list_entry_get_id (g_ptr_array_index (after, i)) == id)
      g_assert_cmpstr (ld_list_entry_get_name (g_ptr_array_index (after, i)), ==, "背街小巷整治");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Cleared, it has its default name back. */
  row = ld_test_find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  ld_test_iterate_idle ();
  g_assert_nonnull (ld_test_find_widget (group, is_entry_row_with_text, seed_name));
  g_assert_null (ld_test_find_widget (group, is_entry_row_with_text, (gpointer) "背街小巷整治"));

  after = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->len; i++)
    if (ld_list_entry_get_id (g_ptr_array_index (after, i)) == id)
      g_assert_null (ld_list_entry_get_name (g_ptr_array_index (after, i)));
}

static void
test_hide_and_move (Fixture       *fixture,
                    gconstpointer  data)
{
  LdStore *store = ld_test_get_store (fixture);
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = ld_test_find_widget_of_type (GTK_WIDGET (preferences), LD_TYPE_LISTS_PAGE);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  before = ld_store_list_entries (store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >=, 2);
  first = ld_list_entry_get_id (g_ptr_array_index (before, 0));
  second = ld_list_entry_get_id (g_ptr_array_index (before, 1));

  g_assert_true (gtk_widget_activate_action (page, "lists.move-down", "(ix)",
                                             (int) LD_LIST_CHANNEL, first));
  g_assert_true (gtk_widget_activate_action (page, "lists.toggle-hidden", "(ix)",
                                             (int) LD_LIST_CHANNEL, second));
  ld_test_iterate_idle ();

  after = ld_store_list_entries (store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_list_entry_get_id (g_ptr_array_index (after, 0)), ==, second);
  g_assert_cmpint (ld_list_entry_get_id (g_ptr_array_index (after, 1)), ==, first);
  g_assert_true (ld_list_entry_get_hidden (g_ptr_array_index (after, 0)));
  g_assert_false (ld_list_entry_get_hidden (g_ptr_array_index (after, 1)));
}

static void
test_add_entry_and_time_limit (Fixture       *fixture,
                               gconstpointer  data)
{
  LdStore *store = ld_test_get_store (fixture);
  LdPreferencesWindow *preferences = present_preferences (fixture, "lists");
  GtkWidget *page = ld_test_find_widget_of_type (GTK_WIDGET (preferences), LD_TYPE_LISTS_PAGE);
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
  add_row = ld_test_find_entry_row (channels, "Add a Channel");
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "  政务微信群  ");
  g_signal_emit_by_name (add_row, "apply");
  ld_test_iterate_idle ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = ld_test_find_widget (channels, is_entry_row_with_text, (gpointer) "政务微信群");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Added for this station");
  entries = ld_store_list_entries (store, LD_LIST_CHANNEL, TRUE, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (ld_list_entry_get_name (last), ==, "政务微信群");
  g_assert_null (ld_list_entry_get_seed_key (last));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A category's own time limit, in working days; empty stands for the general one. */
  spin = ld_test_find_widget_of_type (categories, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  ld_test_iterate_idle ();
  entries = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (first), ==, 20);
  g_clear_pointer (&entries, g_ptr_array_unref);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  ld_test_iterate_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  entries = ld_store_list_entries (store, LD_LIST_CONCERN_CATEGORY, TRUE, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (first), <=, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  ld_test_init_ui (&argc, &argv);

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-smoke"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-preferences-window.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-window.h"

/* The window under Xvfb, as a user meets it: every page through its action, the state it
 * remembers, the page shown when the database cannot be opened, a restore from there, and the
 * Chinese title. Any warning or critical fails the test. */

static const char * const page_names[] = {
  "today", "calendar", "concerns", "suggestions", "deputies", "reports",
};

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static gboolean
is_page_stack (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "reports");
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = ld_test_find_widget (GTK_WIDGET (fixture->window), is_page_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static const char *
selected_sidebar_page (Fixture *fixture)
{
  GtkWidget *sidebar = ld_test_find_sidebar (GTK_WIDGET (fixture->window));
  GtkListBoxRow *row;
  GVariant *target;

  g_assert_nonnull (sidebar);
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar));
  g_assert_nonnull (row);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_nonnull (target);

  return g_variant_get_string (target, NULL);
}

/* A database without a station opens on the station profile; these tests are about the window
 * that comes after it. */
static void
add_station (LdDatabase *database)
{
  g_autoptr(LdStore) store = ld_store_new (database);

  ld_test_save_station (store, "东湖街道代表联络站", "东湖街道人大工委");
}

static void
open_fresh_database (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  add_station (database);
  ld_context_set_database (fixture->context, database);
}

static GBytes *
write_garbage (const char *path)
{
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (garbage->len < 8192)
    g_string_append (garbage, "not a database\n");
  g_file_set_contents (path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);

  return g_string_free_to_bytes (g_steal_pointer (&garbage));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static gboolean
context_has_database (gpointer data)
{
  return ld_context_get_database (LD_CONTEXT (data)) != NULL;
}

/* ------------------------------------------------------------------ tests */

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  open_fresh_database (fixture);
  ld_test_present_window (fixture, fixture->db_path, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Liaison Desk");
  g_assert_cmpstr (visible_page (fixture), ==, "today");
  g_assert_cmpstr (selected_sidebar_page (fixture), ==, "today");

  /* Backwards, so that every step changes the page. */
  for (int i = G_N_ELEMENTS (page_names) - 1; i >= 0; i--)
    {
      g_autofree char *saved = NULL;
      GtkWidget *status_page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                                 "s", page_names[i]));
      ld_test_iterate_idle ();

      g_assert_cmpstr (visible_page (fixture), ==, page_names[i]);
      g_assert_cmpstr (ld_window_get_page (fixture->window), ==, page_names[i]);
      g_assert_cmpstr (selected_sidebar_page (fixture), ==, page_names[i]);

      saved = g_settings_get_string (fixture->settings, "last-page");
      g_assert_cmpstr (saved, ==, page_names[i]);

      /* The calendar shows the month even when nothing is planned. */
      if (g_str_equal (page_names[i], "calendar"))
        continue;

      /* Each page says what it will hold, and does not pretend to hold anything yet. */
      status_page = ld_test_find_mapped_status_page (GTK_WIDGET (fixture->window));
      g_assert_nonnull (status_page);
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), !=, "");
      g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (status_page))),
                        >, 40);
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Liaison Desk");
}

static void
test_remembers_state (Fixture       *fixture,
                      gconstpointer  data)
{
  int width = 0, height = 0;

  g_settings_set_string (fixture->settings, "last-page", "reports");
  g_settings_set_int (fixture->settings, "window-width", 900);
  g_settings_set_int (fixture->settings, "window-height", 640);

  open_fresh_database (fixture);
  ld_test_present_window (fixture, fixture->db_path, NULL);

  g_assert_cmpstr (visible_page (fixture), ==, "reports");
  g_assert_cmpstr (selected_sidebar_page (fixture), ==, "reports");
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* Closing saves the size for next time. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 820, 600);
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  ld_test_iterate_idle ();

  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));
}

static void
test_database_error (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = write_garbage (fixture->db_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *status_page;
  GtkWidget *button;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_null (database);
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE);

  ld_test_present_window (fixture, fixture->db_path, error);

  status_page = ld_test_find_mapped_status_page (GTK_WIDGET (fixture->window));
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==,
                   "The Database Could Not Be Opened");
  escaped = g_markup_escape_text (error->message, -1);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), ==, escaped);

  /* The ways out are there and usable; there is no backup to offer. */
  button = ld_test_find_button_for_action (status_page, "win.choose-database");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  button = ld_test_find_button_for_action (status_page, "window.close");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  button = ld_test_find_button_for_action (status_page, "win.restore-newest-backup");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_mapped (button));

  /* The pages are out of reach while no database is open. */
  g_assert_false (gtk_widget_get_mapped (ld_test_find_sidebar (GTK_WIDGET (fixture->window))));

  /* Nothing touched the file. */
  after = read_bytes (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_IS_SYMLINK));
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ld_database_open_finish (result, &error);
  g_assert_no_error (error);
  add_station (database);
  ld_context_set_database (fixture->context, database);
}

static gboolean
widget_is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The window shows at once and says what it is waiting for while the database is checked. */
static void
test_opening (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *status_page;

  ld_test_present_window (fixture, fixture->db_path, NULL);

  status_page = ld_test_find_mapped_status_page (GTK_WIDGET (fixture->window));
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==,
                   "Opening the Database…");
  g_assert_false (ld_test_sidebar_is_mapped (fixture->window));

  ld_database_open_async (fixture->db_path, NULL, opened_cb, fixture);
  ld_test_iterate_until (ld_test_sidebar_is_mapped, fixture->window);
  ld_test_iterate_until (widget_is_unmapped, status_page);

  status_page = ld_test_find_mapped_status_page (GTK_WIDGET (fixture->window));
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==,
                   "Welcome to the Station");
}

static void
test_restore_newest_backup (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept_aside = NULL;
  LdDatabase *database;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  const char *name;

  /* A good database with a backup, then damaged. */
  open_fresh_database (fixture);
  database = ld_context_get_database (fixture->context);
  backup = ld_database_backup (database, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  {
    g_autoptr(LdDatabase) closing = g_object_ref (database);

    ld_context_set_database (fixture->context, NULL);
    ld_database_close (closing);
  }
  garbage = write_garbage (fixture->db_path);

  database = ld_database_open (fixture->db_path, &error);
  g_assert_null (database);
  g_assert_nonnull (error);

  ld_test_present_window (fixture, fixture->db_path, error);

  button = ld_test_find_button_for_action (GTK_WIDGET (fixture->window),
                                           "win.restore-newest-backup");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The restore asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.restore-newest-backup", NULL));
  dialog = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  /* As the dialog's button does: answer, then close. */
  adw_message_dialog_response (dialog, "restore");
  gtk_window_close (GTK_WINDOW (dialog));

  ld_test_iterate_until (context_has_database, fixture->context);
  ld_test_iterate_idle ();

  /* The pages are back, and the damaged file was kept aside, not deleted. */
  g_assert_true (gtk_widget_get_mapped (ld_test_find_sidebar (GTK_WIDGET (fixture->window))));
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "liaison-desk.db.replaced-") && !g_str_has_suffix (name, "-wal"))
      kept_aside = g_build_filename (fixture->dir, name, NULL);
  g_assert_nonnull (kept_aside);
  kept = read_bytes (kept_aside);
  g_assert_true (g_bytes_equal (garbage, kept));
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  LdPreferencesWindow *preferences;
  GtkWidget *entry_row;
  GtkWidget *empty;

  open_fresh_database (fixture);
  ld_test_present_window (fixture, fixture->db_path, NULL);
  g_settings_set_string (fixture->settings, "operator-name", "王芳");

  preferences = ld_preferences_window_new (GTK_WINDOW (fixture->window), fixture->context,
                                           fixture->db_path);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  ld_test_present (GTK_WINDOW (preferences));

  /* A fresh database has no backups, and says so. */
  empty = ld_test_find_widget (GTK_WIDGET (preferences), is_label_with_text,
                               (gpointer) "No backups yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));

  backup = ld_database_backup (ld_context_get_database (fixture->context), 10, &error);
  g_assert_no_error (error);
  ld_preferences_window_reload_backups (preferences);
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_mapped (empty));
  g_assert_nonnull (ld_test_find_button_for_action (GTK_WIDGET (preferences),
                                                    "prefs.restore-backup"));

  /* The operator name shown is the one in the settings. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "general");
  ld_test_iterate_idle ();
  entry_row = ld_test_find_widget_of_type (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry_row);
  g_assert_true (gtk_widget_get_mapped (entry_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, "王芳");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
has_latin_letters (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;

  return FALSE;
}

/* Fails on any label the user can see that still reads in English. File names are
 * not words to translate: @path is taken out first; so are mnemonic keys, which Chinese labels
 * show in brackets after the text, as in “退出(Q)”. */
static void
assert_labels_translated (GtkWidget  *widget,
                          const char *path)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_autoptr(GString) text = g_string_new (gtk_label_get_text (GTK_LABEL (widget)));

      g_string_replace (text, path, "", 0);
      for (char key = 'A'; key <= 'Z'; key++)
        {
          char mnemonic[] = { '(', key, ')', '\0' };
          g_string_replace (text, mnemonic, "", 0);
        }
      if (has_latin_letters (text->str))
        g_error ("Untranslated label in the Chinese window: “%s”", text->str);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_translated (child, path);
}

/* GLib decides once per process whether g_dgettext() translates, from the locale the process
 * starts in, so the Chinese window is checked in a child process started in Chinese, as the app
 * would be. */
static void
run_in_chinese (const char *test_path)
{
  g_autofree char *saved_locale = NULL;
  gboolean have_zh_locale;

  /* GNU gettext ignores LANGUAGE in the "C" locale; C.UTF-8 will do when zh_CN is not built. */
  saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  have_zh_locale = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;
  setlocale (LC_ALL, saved_locale);

  g_setenv ("LD_TEST_LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", have_zh_locale ? "zh_CN.UTF-8" : "C.UTF-8", TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LD_TEST_LANGUAGE");
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_trap_assert_passed ();
}

static void
test_chinese_title (Fixture       *fixture,
                    gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      run_in_chinese (NULL);
      return;
    }

  open_fresh_database (fixture);
  ld_test_present_window (fixture, fixture->db_path, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "联络站工作台");
}

static void
test_chinese_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) database = NULL;

  if (!g_test_subprocess ())
    {
      run_in_chinese (NULL);
      return;
    }

  open_fresh_database (fixture);
  ld_test_present_window (fixture, fixture->db_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                  page_names[i]);
      ld_test_iterate_idle ();
      assert_labels_translated (GTK_WIDGET (fixture->window), fixture->dir);
    }
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  /* The page shown when the database cannot be opened. */
  {
    g_autofree char *garbage_path = g_build_filename (fixture->dir, "garbage.db", NULL);
    g_autoptr(GBytes) garbage = write_garbage (garbage_path);

    database = ld_database_open (garbage_path, &error);
    g_assert_null (database);
    g_clear_object (&fixture->context);
    fixture->context = ld_context_new (fixture->settings);
    ld_test_present_window (fixture, garbage_path, error);
    assert_labels_translated (GTK_WIDGET (fixture->window), garbage_path);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The English assertions need English whatever language the test run has; only the child of
   * test_chinese_title() keeps the Chinese it was started with. */
  if (g_getenv ("LD_TEST_LANGUAGE") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_unsetenv ("LANGUAGE");
    }

  ld_test_init_ui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ld_test_fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-smoke/every-page", test_every_page);
  ADD ("/ui-smoke/remembers-state", test_remembers_state);
  ADD ("/ui-smoke/opening", test_opening);
  ADD ("/ui-smoke/database-error", test_database_error);
  ADD ("/ui-smoke/restore-newest-backup", test_restore_newest_backup);
  ADD ("/ui-smoke/preferences", test_preferences);
  ADD ("/ui-smoke/chinese-title", test_chinese_title);
  ADD ("/ui-smoke/chinese-window", test_chinese_window);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ld-database.h"
#include "ld-test-ui.h"
#include "ld-test-util.h"

/* Long enough for a slow machine, short enough that a hang fails the test rather than the run. */
#define WAIT_SECONDS 20

static guint n_problems;

/* ------------------------------------------------------------------ helpers */

/* Any warning or critical fails the test that logged it: the fixtures check the count. */
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

static gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static gboolean
toplevel_shown (gpointer data)
{
  return ld_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
no_toplevel_shown (gpointer data)
{
  return ld_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_button_for_action (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget *widget,
                     gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_mapped_status_page (GtkWidget *widget,
                       gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

/* The list of pages at the side of the main window. */
static gboolean
is_sidebar (GtkWidget *widget,
            gpointer   data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* ------------------------------------------------------------------ set-up */

/* The translations of this build, the problem counter, GTK and libadwaita. The caller sets the
 * language in the environment first. */
void
ld_test_init_ui (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("LIAISON_DESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_log_set_writer_func (count_problems_writer, NULL, NULL);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Returns: the warnings and criticals logged since ld_test_reset_problems() */
guint
ld_test_get_n_problems (void)
{
  return n_problems;
}

void
ld_test_reset_problems (void)
{
  n_problems = 0;
}

/* ------------------------------------------------------------------ fixture */

void
ld_test_fixture_set_up (LdTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  fixture->dir = ld_test_make_tmpdir ();
  fixture->db_path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->settings = g_settings_new (BASE_APPLICATION_ID);

  /* The memory backend lives as long as the process: start every test from the defaults. */
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->context = ld_context_new (fixture->settings);
  n_problems = 0;
}

/* Closes the window and the database, removes the directory, and fails the test if anything
 * logged a warning or a critical. */
void
ld_test_fixture_tear_down (LdTestFixture *fixture,
                           gconstpointer  data)
{
  LdDatabase *database = ld_context_get_database (fixture->context);

  if (fixture->window)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  ld_test_iterate_idle ();

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

/* Returns: (transfer none): the store of the context's open database */
LdStore *
ld_test_get_store (LdTestFixture *fixture)
{
  LdStore *store = ld_context_get_store (fixture->context);

  g_assert_nonnull (store);
  return store;
}

/* A database without a station opens on the station profile; most tests are about what comes
 * after it. */
void
ld_test_save_station (LdStore    *store,
                      const char *name,
                      const char *reporting_unit)
{
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(GError) error = NULL;

  ld_station_set_name (station, name);
  ld_station_set_reporting_unit (station, reporting_unit);
  ld_store_save_station (store, station, &error);
  g_assert_no_error (error);
}

/* Presents @window and waits until it is on screen and laid out. */
void
ld_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  ld_test_iterate_until (ld_test_widget_is_mapped, window);
  ld_test_iterate_idle ();
}

/* The main window over @db_path, or over the error @open_error when it could not be opened. */
void
ld_test_present_window (LdTestFixture *fixture,
                        const char    *db_path,
                        GError        *open_error)
{
  fixture->window = ld_window_new (NULL, fixture->context, db_path, open_error);
  ld_test_present (GTK_WINDOW (fixture->window));
}

/* ------------------------------------------------------------------ main loop */

/* Runs the main loop until @done says so; fails the test after WAIT_SECONDS. */
void
ld_test_iterate_until (LdTestCondition done,
                       gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
ld_test_iterate_idle (void)
{
  /* Let layout and frame clock catch up: a few rounds without pending sources. */
  for (int i = 0; i < 5; i++)
    {
      ld_test_iterate_until (nothing_pending, NULL);
      g_usleep (2000);
    }
}

/* Runs the main loop for @ms, e.g. past the pause the search waits for after typing. */
void
ld_test_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
ld_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* Whether the pages of the window @root can be reached. */
gboolean
ld_test_sidebar_is_mapped (gpointer root)
{
  GtkWidget *sidebar = ld_test_find_sidebar (GTK_WIDGET (root));

  return sidebar && gtk_widget_get_mapped (sidebar);
}

/* ------------------------------------------------------------------ finding widgets */

/* Returns: (nullable): @root or the first widget below it, depth first, that @predicate takes */
GtkWidget *
ld_test_find_widget (GtkWidget             *root,
                     LdTestWidgetPredicate  predicate,
                     gpointer               data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ld_test_find_widget (child, predicate, data);

      if (found)
        return found;
    }

  return NULL;
}

GtkWidget *
ld_test_find_widget_of_type (GtkWidget *root,
                             GType      type)
{
  return ld_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
ld_test_find_button_for_action (GtkWidget  *root,
                                const char *action_name)
{
  return ld_test_find_widget (root, is_button_for_action, (gpointer) action_name);
}

GtkWidget *
ld_test_find_entry_row (GtkWidget  *root,
                        const char *title)
{
  return ld_test_find_widget (root, is_entry_row_titled, (gpointer) title);
}

GtkWidget *
ld_test_find_mapped_status_page (GtkWidget *root)
{
  return ld_test_find_widget (root, is_mapped_status_page, NULL);
}

GtkWidget *
ld_test_find_sidebar (GtkWidget *root)
{
  return ld_test_find_widget (root, is_sidebar, NULL);
}

/* Returns: (nullable): the first visible toplevel of @type */
GtkWindow *
ld_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

GtkWindow *
ld_test_wait_for_toplevel (GType type)
{
  ld_test_iterate_until (toplevel_shown, GSIZE_TO_POINTER (type));
  return ld_test_find_toplevel (type);
}

void
ld_test_wait_for_no_toplevel (GType type)
{
  ld_test_iterate_until (no_toplevel_shown, GSIZE_TO_POINTER (type));
}

/* ------------------------------------------------------------------ shortcuts */

/* Whether @widget has the shortcut @accelerator for @action among its own bindings (those of
 * its class: gtk_widget_class_add_binding_action()). */
gboolean
ld_test_has_binding (GtkWidget  *widget,
                     const char *accelerator,
                     const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (named)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)),
                            action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

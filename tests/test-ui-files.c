/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-files"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-page.h"
#include "ld-concern-editor.h"
#include "ld-concern-page.h"
#include "ld-concerns-page.h"
#include "ld-context.h"
#include "ld-deputies-page.h"
#include "ld-deputy-editor.h"
#include "ld-deputy-page.h"
#include "ld-event-editor.h"
#include "ld-export-dialog.h"
#include "ld-import-dialog.h"
#include "ld-lists-page.h"
#include "ld-preferences-window.h"
#include "ld-reports-page.h"
#include "ld-station-editor.h"
#include "ld-station-setup-window.h"
#include "ld-suggestion-editor.h"
#include "ld-suggestion-page.h"
#include "ld-suggestions-page.h"
#include "ld-today-page.h"
#include "ld-test-ui.h"
#include "ld-unit-editor.h"
#include "ld-units-page.h"
#include "ld-window.h"
#include "ld-workdays-page.h"

/* Every .ui file in the resource loads after adw_init() without a warning: this catches typos,
 * unknown properties and widgets newer than the libadwaita floor, which gtk4-builder-tool cannot
 * check because it does not know libadwaita. */

/* ------------------------------------------------------------------ helpers */

/* The class named by <template class="…"> in @contents, or NULL for a plain builder file. */
static char *
dup_template_class (const char *contents)
{
  const char *start = strstr (contents, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;

  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static LdContext *
create_context (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);

  return ld_context_new (settings);
}

/* A template widget is made from its type, as the app makes it. Widgets that take the shared
 * services get a context without a database. */
static void
instantiate_template (const char *class_name)
{
  g_autoptr(LdContext) context = create_context ();
  GObjectClass *klass;
  GParamSpec *pspec;
  GObject *object;
  GType type;

  type = g_type_from_name (class_name);
  g_assert_true (type != G_TYPE_INVALID);
  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

  klass = g_type_class_ref (type);
  pspec = g_object_class_find_property (klass, "context");
  if (pspec && g_type_is_a (LD_TYPE_CONTEXT, pspec->value_type))
    object = g_object_new (type, "context", context, NULL);
  else
    object = g_object_new (type, NULL);
  g_type_class_unref (klass);

  g_assert_true (GTK_IS_WIDGET (object));
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
  else
    g_object_unref (g_object_ref_sink (object));
}

static void
load_plain (const char *resource_path)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GSList *objects;

  gtk_builder_add_from_resource (builder, resource_path, &error);
  g_assert_no_error (error);

  /* Toplevels in the file belong to us; destroy them so nothing outlives the test. */
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_slist_free (objects);
}

/* ------------------------------------------------------------------ tests */

static void
test_ui_file (gconstpointer data)
{
  const char *resource_path = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  contents = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));

  ld_test_reset_problems ();

  class_name = dup_template_class (contents);
  if (class_name)
    instantiate_template (class_name);
  else
    load_plain (resource_path);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

static void
test_every_template_is_checked (void)
{
  g_auto(GStrv) names = NULL;

  /* Guards against an empty or misplaced ui/ folder, which would make the test above vacuous. */
  names = g_resources_enumerate_children (RESOURCE_PATH "/ui/", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          NULL);
  g_assert_nonnull (names);
  g_assert_true (g_strv_contains ((const char * const *) names, "ld-window.ui"));
  g_assert_true (g_strv_contains ((const char * const *) names, "ld-preferences-window.ui"));
  g_assert_true (g_resources_get_info (RESOURCE_PATH "/gtk/help-overlay.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = NULL;

  ld_test_init_ui (&argc, &argv);

  /* Types used by the templates; g_type_from_name() only knows registered ones. */
  g_type_ensure (LD_TYPE_WINDOW);
  g_type_ensure (LD_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (LD_TYPE_IMPORT_DIALOG);
  g_type_ensure (LD_TYPE_LISTS_PAGE);
  g_type_ensure (LD_TYPE_UNIT_EDITOR);
  g_type_ensure (LD_TYPE_UNITS_PAGE);
  g_type_ensure (LD_TYPE_CALENDAR_PAGE);
  g_type_ensure (LD_TYPE_MONTH_VIEW);
  g_type_ensure (LD_TYPE_DEPUTIES_PAGE);
  g_type_ensure (LD_TYPE_DEPUTY_EDITOR);
  g_type_ensure (LD_TYPE_DEPUTY_PAGE);
  g_type_ensure (LD_TYPE_EVENT_EDITOR);
  g_type_ensure (LD_TYPE_STATION_EDITOR);
  g_type_ensure (LD_TYPE_STATION_SETUP_WINDOW);
  g_type_ensure (LD_TYPE_WORKDAYS_PAGE);
  g_type_ensure (LD_TYPE_CONCERN_EDITOR);
  g_type_ensure (LD_TYPE_CONCERN_PAGE);
  g_type_ensure (LD_TYPE_CONCERNS_PAGE);
  g_type_ensure (LD_TYPE_SUGGESTION_EDITOR);
  g_type_ensure (LD_TYPE_SUGGESTION_PAGE);
  g_type_ensure (LD_TYPE_SUGGESTIONS_PAGE);
  g_type_ensure (LD_TYPE_TODAY_PAGE);
  g_type_ensure (LD_TYPE_REPORTS_PAGE);
  g_type_ensure (LD_TYPE_EXPORT_DIALOG);

  g_test_add_func ("/ui-files/every-template-is-checked", test_every_template_is_checked);

  names = g_resources_enumerate_children (RESOURCE_PATH "/ui/", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          NULL);
  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *test_path = NULL;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      g_ptr_array_add (paths, g_strconcat (RESOURCE_PATH "/ui/", names[i], NULL));
      test_path = g_strconcat ("/ui-files/", names[i], NULL);
      g_test_add_data_func (test_path, g_ptr_array_index (paths, paths->len - 1), test_ui_file);
    }

  g_ptr_array_add (paths, g_strdup (RESOURCE_PATH "/gtk/help-overlay.ui"));
  g_test_add_data_func ("/ui-files/gtk/help-overlay.ui",
                        g_ptr_array_index (paths, paths->len - 1), test_ui_file);

  return g_test_run ();
}

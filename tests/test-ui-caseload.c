/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-caseload"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-caseload-print.h"
#include "ld-concerns-page.h"
#include "ld-concern.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-deputies-page.h"
#include "ld-deputy.h"
#include "ld-deputy-page.h"
#include "ld-preferences-window.h"
#include "ld-store.h"
#include "ld-suggestion.h"
#include "ld-suggestions-page.h"
#include "ld-test-ui.h"
#include "ld-test-util.h"

/*
 * "My caseload" and the deputy's page as a user sees them, on 15 June 2026:
 *
 *   张伟 (1, district, 财经组)           李娜 (2, municipal)
 *   E1 2026-01-15 reception held   张伟 on duty, attended
 *   E2 2026-02-15 reception held   张伟 on duty, on leave
 *   E3 2026-04-10 village visit    张伟 attended
 *   E4 2025-12-15 reception held   张伟 on duty, attended   (another year)
 *   E5 2026-06-20 duty planned     张伟 on duty              (ahead)
 *   C1 referred, due 2026-06-01 (overdue)  张伟
 *   C2 registered                          张伟
 *   C3 registered                          李娜
 *   S1 assigned, due 2026-06-01 (overdue), submitted 2026-02-01   lead 张伟
 *   S2 submitted 2026-03-01                                       lead 李娜
 *
 * Any warning or critical fails the test.
 */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static void
set_up_data (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 6, 15, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_context_set_fixed_now (fixture->context, now);
  db = ld_database_get_handle (database);

  ld_test_exec_sql (db,
    "INSERT INTO stations (id, name) VALUES (1, '水果湖代表联络站');"
    "INSERT INTO deputies (id, station_id, name, level, professional_group) VALUES "
    "(1, 1, '张伟', 'district', '财经组'), (2, 1, '李娜', 'municipal', NULL);"
    "INSERT INTO units (id, name) VALUES (1, '区城管执法局');"
    "INSERT INTO events (id, station_id, kind, status, event_date, place) VALUES "
    "(1, 1, 'reception_day', 'held', '2026-01-15', NULL),"
    "(2, 1, 'reception_day', 'held', '2026-02-15', NULL),"
    "(3, 1, 'visit_village', 'held', '2026-04-10', NULL),"
    "(4, 1, 'reception_day', 'held', '2025-12-15', NULL),"
    "(5, 1, 'duty', 'planned', '2026-06-20', '联络站一楼接待室');"
    "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
    "(1, 1, 'on_duty'), (1, 1, 'attended'), (2, 1, 'on_duty'), (2, 1, 'on_leave'),"
    "(3, 1, 'attended'), (4, 1, 'on_duty'), (4, 1, 'attended'), (5, 1, 'on_duty');"
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date) "
    "SELECT column1, 1, 2026, column1, column2, "
    "(SELECT id FROM channels WHERE seed_key = 'reception_day'), "
    "(SELECT id FROM concern_categories WHERE seed_key = 'urban_construction'), "
    "column3, column4, column5, column6, column7 FROM (VALUES "
    "(1, '2026-03-01T02:00:00Z', '小区门口道路积水', 'referred', 1, '2026-03-02', '2026-06-01'),"
    "(2, '2026-04-01T02:00:00Z', '路灯不亮', 'registered', NULL, NULL, NULL),"
    "(3, '2026-05-01T02:00:00Z', '垃圾清运不及时', 'registered', NULL, NULL, NULL));"
    "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES (1, 1), (2, 1), (3, 2);"
    "INSERT INTO suggestions (id, station_id, title, state, submitted_date, assigned_date, "
    "due_date) VALUES "
    "(1, 1, '关于增设公交站点的建议', 'assigned', '2026-02-01', '2026-03-01', '2026-06-01'),"
    "(2, 1, '关于增设停车位的建议', 'submitted', '2026-03-01', NULL, NULL);"
    "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES "
    "(1, 1, 'lead'), (2, 2, 'lead');");
}

static char *
dup_uuid (Fixture *fixture,
          gint64   deputy_id)
{
  g_autoptr(LdDeputy) deputy = ld_store_get_deputy (ld_test_get_store (fixture), deputy_id,
                                                    NULL);

  g_assert_nonnull (deputy);
  return g_strdup (ld_deputy_get_uuid (deputy));
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

static void
wait_for_n_items (GListModel *model,
                  guint       n_items)
{
  CountWait wait = { model, n_items };

  ld_test_iterate_until (has_n_items, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
}

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name,
           GType       type)
{
  GtkWidget *page;

  if (fixture->window == NULL)
    ld_test_present_window (fixture, fixture->db_path, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", name));
  ld_test_iterate_idle ();
  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), type);
  g_assert_nonnull (page);
  return page;
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_row_titled_prefix (GtkWidget *widget,
                      gpointer   data)
{
  const char *title;

  if (!ADW_IS_ACTION_ROW (widget))
    return FALSE;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return title != NULL && strstr (title, data) != NULL;
}

static gboolean
is_numeric_label (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

/* The value shown at the end of the row titled @title. */
static const char *
row_value (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = ld_test_find_widget (root, is_row_titled, (gpointer) title);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = ld_test_find_widget (row, is_numeric_label, NULL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static char *
pdf_to_text (const char *pdf_path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  if (pdftotext == NULL)
    g_error ("pdftotext is needed to read the record back; install poppler-utils");
  {
    const char *argv[] = { pdftotext, "-layout", pdf_path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return text;
}

/* ------------------------------------------------------------------ tests */

/* With the desk set to a deputy, the Concerns and Suggestions lists open on that deputy's
 * items, follow the setting when it changes, and show everything again for the station. */
static void
test_my_caseload (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *zhang = NULL;
  g_autofree char *li = NULL;
  GtkWidget *concerns, *suggestions;

  set_up_data (fixture);
  zhang = dup_uuid (fixture, 1);
  li = dup_uuid (fixture, 2);
  g_settings_set_string (fixture->settings, "caseload-deputy", zhang);

  concerns = show_page (fixture, "concerns", LD_TYPE_CONCERNS_PAGE);
  /* C1, C2. */
  wait_for_n_items (ld_concerns_page_get_model (LD_CONCERNS_PAGE (concerns)), 2);
  suggestions = show_page (fixture, "suggestions", LD_TYPE_SUGGESTIONS_PAGE);
  /* S1. */
  wait_for_n_items (ld_suggestions_page_get_model (LD_SUGGESTIONS_PAGE (suggestions)), 1);
  {
    g_autoptr(GObject) item =
      g_list_model_get_item (ld_suggestions_page_get_model (LD_SUGGESTIONS_PAGE (suggestions)),
                             0);

    g_assert_cmpstr (ld_suggestion_get_title (LD_SUGGESTION (item)), ==,
                     "关于增设公交站点的建议");
  }

  /* Another deputy's desk: C3; S2. */
  g_settings_set_string (fixture->settings, "caseload-deputy", li);
  wait_for_n_items (ld_concerns_page_get_model (LD_CONCERNS_PAGE (concerns)), 1);
  wait_for_n_items (ld_suggestions_page_get_model (LD_SUGGESTIONS_PAGE (suggestions)), 1);
  {
    g_autoptr(GObject) item =
      g_list_model_get_item (ld_concerns_page_get_model (LD_CONCERNS_PAGE (concerns)), 0);

    g_assert_cmpstr (ld_concern_get_subject (LD_CONCERN (item)), ==, "垃圾清运不及时");
  }

  /* The whole station: everything. */
  g_settings_set_string (fixture->settings, "caseload-deputy", "");
  wait_for_n_items (ld_concerns_page_get_model (LD_CONCERNS_PAGE (concerns)), 3);
  wait_for_n_items (ld_suggestions_page_get_model (LD_SUGGESTIONS_PAGE (suggestions)), 2);

  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

/* The chooser in Preferences writes the deputy's UUID, and "Whole Station" writes "". */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *li = NULL;
  g_autofree char *value = NULL;
  LdPreferencesWindow *prefs;
  GtkWidget *row;
  GtkWidget *toggle;
  GListModel *names;

  set_up_data (fixture);
  li = dup_uuid (fixture, 2);
  prefs = ld_preferences_window_new (NULL, fixture->context, fixture->db_path);
  ld_test_present (GTK_WINDOW (prefs));

  row = ld_test_find_widget_of_type (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "This Desk Belongs To");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  /* Whole Station, then 张伟 and 李娜 by name. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Whole Station");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  for (guint i = 1; i < 3; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "李娜") == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  value = g_settings_get_string (fixture->settings, "caseload-deputy");
  g_assert_cmpstr (value, ==, li);
  g_clear_pointer (&value, g_free);

  /* And back from the setting to the chooser. */
  g_settings_set_string (fixture->settings, "caseload-deputy", "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  /* The reminders switch next to it. */
  toggle = ld_test_find_widget (GTK_WIDGET (prefs), is_row_titled, (gpointer) "Reminders");
  g_assert_nonnull (toggle);
  toggle = ld_test_find_widget_of_type (toggle, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminders"));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "reminders"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ld_test_iterate_idle ();
  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

/* The deputy's page shows the fixture's figures, counted by hand. */
static void
test_deputy_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *page;
  GtkWidget *root;
  GtkWidget *row;
  GtkWidget *label;
  GVariant *target;

  set_up_data (fixture);
  page = ld_deputy_page_new (NULL, fixture->context, 1);
  ld_test_present (page);
  root = GTK_WIDGET (page);

  g_assert_cmpint (ld_deputy_page_get_year (LD_DEPUTY_PAGE (page)), ==, 2026);
  g_assert_cmpstr (gtk_window_get_title (page), ==, "张伟");

  /* The duty day ahead (E5), not the held ones. */
  row = ld_test_find_widget (root, is_row_titled, (gpointer) "2026-06-20 · Duty day");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "联络站一楼接待室");
  g_assert_null (ld_test_find_widget (root, is_row_titled_prefix, (gpointer) "2026-01-15"));

  /* The overdue concern, in red, opening the concern. */
  row = ld_test_find_widget (root, is_row_titled_prefix, (gpointer) "小区门口道路积水");
  g_assert_nonnull (row);
  label = ld_test_find_widget (row, is_numeric_label, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "2026-06-01 — Overdue");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "deputy.open-concern");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_cmpint (g_variant_get_int64 (target), ==, 1);
  g_assert_nonnull (ld_test_find_widget (root, is_row_titled_prefix, (gpointer) "路灯不亮"));
  /* 李娜's concern is not on 张伟's page. */
  g_assert_null (ld_test_find_widget (root, is_row_titled_prefix, (gpointer) "垃圾清运不及时"));

  row = ld_test_find_widget (root, is_row_titled, (gpointer) "关于增设公交站点的建议");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Lead deputy · Assigned");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "deputy.open-suggestion");
  g_assert_null (ld_test_find_widget (root, is_row_titled, (gpointer) "关于增设停车位的建议"));

  /* The record of 2026: on duty E1, E2; attended E1; on leave E2; the village visit E3;
   * C1 and C2 received; S1 led. */
  g_assert_cmpstr (row_value (root, "Reception days on duty"), ==, "2");
  g_assert_cmpstr (row_value (root, "Reception days attended"), ==, "1");
  g_assert_cmpstr (row_value (root, "Reception days on leave"), ==, "1");
  g_assert_cmpstr (row_value (root, "Visits to villages"), ==, "1");
  g_assert_cmpstr (row_value (root, "Visits in all"), ==, "1");
  g_assert_cmpstr (row_value (root, "Concerns received"), ==, "2");
  g_assert_cmpstr (row_value (root, "Suggestions led"), ==, "1");
  g_assert_cmpstr (row_value (root, "Reply rate"), ==, "0.0%");

  /* 2025: E4 attended, nothing else. */
  ld_deputy_page_set_year (LD_DEPUTY_PAGE (page), 2025);
  g_assert_cmpstr (row_value (root, "Reception days attended"), ==, "1");
  g_assert_cmpstr (row_value (root, "Reception days on leave"), ==, "0");
  g_assert_cmpstr (row_value (root, "Concerns received"), ==, "0");
  g_assert_cmpstr (row_value (root, "Reply rate"), ==, "—");

  g_assert_nonnull (ld_test_find_button_for_action (root, "deputy.print"));
  g_assert_nonnull (ld_test_find_button_for_action (root, "deputy.export"));

  gtk_window_destroy (page);
  ld_test_iterate_idle ();
  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

/* The Deputies page opens the selected deputy's page. */
static void
test_open_from_deputies (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *deputies;
  GtkWindow *page;
  GListModel *model;
  GtkWidget *button;

  set_up_data (fixture);
  deputies = show_page (fixture, "deputies", LD_TYPE_DEPUTIES_PAGE);
  model = ld_deputies_page_get_model (LD_DEPUTIES_PAGE (deputies));
  wait_for_n_items (model, 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LdDeputy) deputy = g_list_model_get_item (model, i);

      if (ld_deputy_get_id (deputy) == 2)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
    }
  ld_test_iterate_idle ();

  /* The header's Caseload button opens 李娜's page. */
  button = ld_test_find_button_for_action (deputies, "deputies.caseload");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  page = ld_test_wait_for_toplevel (LD_TYPE_DEPUTY_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpint (ld_deputy_page_get_deputy_id (LD_DEPUTY_PAGE (page)), ==, 2);
  g_assert_true (gtk_window_get_transient_for (page) == GTK_WINDOW (fixture->window));
  ld_test_iterate_idle ();
  g_assert_cmpstr (gtk_window_get_title (page), ==, "李娜");
  gtk_window_destroy (page);
  ld_test_iterate_idle ();
  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

/* The printed record, exported to PDF through GtkPrintOperation, names the deputy and says
 * the figures. */
static void
test_print_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  set_up_data (fixture);
  g_assert_true (ld_caseload_export_pdf (fixture->context, 1, 2026, pdf_path, &error));
  g_assert_no_error (error);
  text = pdf_to_text (pdf_path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Duty Record 2026"));
  g_assert_nonnull (strstr (text, "张伟"));
  g_assert_nonnull (strstr (text, "财经组"));
  g_assert_nonnull (strstr (text, "Reception days attended"));
  g_assert_nonnull (strstr (text, "Visits to villages"));

  /* A deputy who is not there: an error, no file. */
  g_clear_pointer (&pdf_path, g_free);
  pdf_path = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_assert_false (ld_caseload_export_pdf (fixture->context, 99, 2026, pdf_path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  ld_test_init_ui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ld_test_fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-caseload/my-caseload", test_my_caseload);
  ADD ("/ui-caseload/preferences", test_preferences);
  ADD ("/ui-caseload/deputy-page", test_deputy_page);
  ADD ("/ui-caseload/open-from-deputies", test_open_from_deputies);
  ADD ("/ui-caseload/print-pdf", test_print_pdf);

#undef ADD

  return g_test_run ();
}

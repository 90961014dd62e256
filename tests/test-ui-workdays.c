/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-workdays"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-store.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-preferences-window.h"
#include "ld-test-ui.h"
#include "ld-workdays-page.h"
#include "ld-workdays.h"

/* The Working Days page of Preferences under Xvfb, as a clerk meets it when the State Council
 * publishes the next year's schedule: the seeded Spring Festival of 2026, the note on a year
 * without data, a day added through the form and removed from its row. Any warning or critical
 * fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  ld_test_fixture_set_up (fixture, data);

  now = g_date_time_new_local (2026, 11, 25, 10, 0, 0);
  ld_context_set_fixed_now (fixture->context, now);
  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_test_save_station (ld_test_get_store (fixture), "东湖街道代表联络站", "东湖街道人大工委");
}

/* The row of @day in the page's list, or NULL. */
static AdwActionRow *
find_day_row (LdWorkdaysPage *page,
              const char     *day)
{
  GtkListBox *list = ld_workdays_page_get_days_list (page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "day"), day) == 0)
      return ADW_ACTION_ROW (child);

  return NULL;
}

static guint
count_rows (LdWorkdaysPage *page)
{
  GtkListBox *list = ld_workdays_page_get_days_list (page);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static gboolean
is_visible_label_cb (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static void
set_text (GtkWidget  *page,
          const char *title,
          const char *text)
{
  GtkWidget *row = ld_test_find_entry_row (page, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ------------------------------------------------------------------ tests */

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  LdPreferencesWindow *window;
  LdWorkdaysPage *page;
  AdwActionRow *row;
  GtkWidget *button;
  GDate date;

  window = ld_preferences_window_new (NULL, fixture->context, fixture->db_path);
  ld_test_present (GTK_WINDOW (window));
  page = LD_WORKDAYS_PAGE (ld_test_find_widget_of_type (GTK_WIDGET (window),
                                                        LD_TYPE_WORKDAYS_PAGE));
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (page));

  /* 2026 as seeded: the second day of the Spring Festival, a Monday off. */
  ld_workdays_page_set_year (page, 2026);
  ld_test_iterate_idle ();
  row = find_day_row (page, "2026-02-16");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "2026-02-16 Monday");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Spring Festival");
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (row), is_visible_label_cb,
                                         (gpointer) "Public holiday"));
  g_assert_cmpuint (count_rows (page), ==, 33 + 6);

  /* 2027, offered as the next year, has no schedule yet and says what that means. */
  ld_workdays_page_set_year (page, 2027);
  ld_test_iterate_idle ();
  g_assert_cmpuint (count_rows (page), ==, 0);
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_visible_label_cb,
                                         (gpointer) "No schedule for 2027 yet"));

  /* A date that is not one cannot be added. */
  ld_workdays_page_set_year (page, 2026);
  button = ld_test_find_button_for_action (GTK_WIDGET (page), "workdays.add");
  g_assert_nonnull (button);
  set_text (GTK_WIDGET (page), "Date (YYYY-MM-DD)", "2027-02-30");
  g_assert_false (gtk_widget_is_sensitive (button));

  /* New Year's Day 2027 as a holiday, through the form: the page turns to its year. */
  set_text (GTK_WIDGET (page), "Date (YYYY-MM-DD)", "2027-01-01");
  set_text (GTK_WIDGET (page), "Name (optional)", "New Year’s Day");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ld_test_iterate_idle ();

  g_assert_cmpuint (ld_workdays_page_get_year (page), ==, 2027);
  g_assert_cmpuint (count_rows (page), ==, 1);
  row = find_day_row (page, "2027-01-01");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "New Year’s Day");
  g_assert_null (ld_test_find_widget (GTK_WIDGET (page), is_visible_label_cb,
                                      (gpointer) "No schedule for 2027 yet"));

  workdays = ld_calendar_store_load_workdays (ld_test_get_store (fixture), &error);
  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  g_assert_false (ld_workdays_is_working_day (workdays, &date));
  g_clear_pointer (&workdays, ld_workdays_unref);

  /* Removed from its row: the year is empty again and the day works. */
  gtk_widget_activate_action (GTK_WIDGET (page), "workdays.remove", "s", "2027-01-01");
  ld_test_iterate_idle ();
  g_assert_cmpuint (count_rows (page), ==, 0);
  workdays = ld_calendar_store_load_workdays (ld_test_get_store (fixture), &error);
  g_assert_no_error (error);
  g_assert_true (ld_workdays_is_working_day (workdays, &date));

  gtk_window_destroy (GTK_WINDOW (window));
  ld_test_iterate_idle ();
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read English labels whatever language the test run has. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  ld_test_init_ui (&argc, &argv);

  g_test_add ("/ui-workdays/add-and-remove", Fixture, NULL, fixture_set_up, test_add_and_remove,
              ld_test_fixture_tear_down);

  return g_test_run ();
}

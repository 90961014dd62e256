/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-today"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-page.h"
#include "ld-concern-editor.h"
#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-month-view.h"
#include "ld-store.h"
#include "ld-suggestion-page.h"
#include "ld-test-ui.h"
#include "ld-test-util.h"
#include "ld-today-page.h"
#include "ld-window.h"

/* The Today page under Xvfb with the clock fixed at Tuesday 3 March 2026, 10:00 in China: the
 * lists a clerk starting the day sees, with their counts and rows; a row opens its record; the
 * first steps on a new station; and "My caseload", where only the chosen deputy's items show.
 * Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

#define ZHANG_WEI_UUID "11111111-1111-4111-8111-111111111111"

/* ------------------------------------------------------------------ helpers */

static gboolean
is_named (GtkWidget *widget,
          gpointer   data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return ld_test_find_widget (root, is_named, (gpointer) name);
}

/* The count shown beside the heading of section @name; NULL when the section is not shown. */
static const char *
section_count (GtkWidget  *page,
               const char *name)
{
  GtkWidget *section = find_named (page, name);
  GtkWidget *count;

  if (section == NULL)
    return NULL;
  count = find_named (section, "count");
  g_assert_nonnull (count);
  return gtk_label_get_text (GTK_LABEL (count));
}

/* The rows of section @name whose widget name is @row_name, in order. */
static GPtrArray *
section_rows (GtkWidget  *page,
              const char *name,
              const char *row_name)
{
  GtkWidget *section = find_named (page, name);
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list;

  g_assert_nonnull (section);
  list = ld_test_find_widget_of_type (section, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), row_name) == 0)
      g_ptr_array_add (rows, row);
  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
open_database (Fixture *fixture,
               gboolean busy)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 3, 3, 10, 0, 0);
  sqlite3 *db;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_context_set_fixed_now (fixture->context, now);
  ld_test_save_station (ld_test_get_store (fixture), "水果湖代表联络站", "武昌区人大常委会");
  if (!busy)
    return;

  /*
   * Concerns       state        due         deputies
   *   C1 (11)      referred     2026-01-30  李娜        overdue
   *   C2 (6)       in_progress  2026-02-20  张伟, 李娜  overdue
   *   C3 (2)       in_progress  2026-03-02  李娜        overdue
   *   C4 (3)       referred     2026-03-03  张伟        due today
   *   C5 (7)       referred     2026-03-04  李娜        due soon
   *   C6 (5)       concluded 2026-03-02                 张伟        feedback owed
   * Suggestions: S1 assigned due 2026-03-03 (张伟 leads), S2 rehandling due 2026-02-28 (李娜).
   * Events: E1 reception day today 14:00 (张伟 on duty, notice printed), E2 duty today 09:00
   * (李娜), E3 reception day tomorrow 09:00 (张伟, notice not printed).
   */
  db = ld_database_get_handle (database);
  ld_test_exec_sql (db,
    "INSERT INTO deputies (id, uuid, station_id, name, level) VALUES "
    " (1, '" ZHANG_WEI_UUID "', 1, '张伟', 'district'),"
    " (2, '22222222-2222-4222-8222-222222222222', 1, '李娜', 'district');"
    "INSERT INTO units (id, name) VALUES (1, '区城管执法局');"
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date, concluded_date) VALUES "
    " (1, 1, 2026, 1, '2026-01-10T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '路灯不亮', 'referred', 1, '2026-01-10',"
    "  '2026-01-30', NULL),"
    " (2, 1, 2026, 2, '2026-01-20T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '小区积水', 'in_progress', 1, '2026-01-21',"
    "  '2026-02-20', NULL),"
    " (3, 1, 2026, 3, '2026-02-11T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '噪音扰民', 'in_progress', 1, '2026-02-11',"
    "  '2026-03-02', NULL),"
    " (4, 1, 2026, 4, '2026-03-01T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '停车难', 'referred', 1, '2026-03-01',"
    "  '2026-03-03', NULL),"
    " (5, 1, 2026, 5, '2026-02-14T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '垃圾清运', 'referred', 1, '2026-02-14',"
    "  '2026-03-04', NULL),"
    " (6, 1, 2026, 6, '2026-02-13T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '道路破损', 'concluded', 1, '2026-02-13',"
    "  '2026-03-01', '2026-03-02');"
    "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES "
    " (1, 2), (2, 1), (2, 2), (3, 2), (4, 1), (5, 2), (6, 1);"
    "INSERT INTO suggestions (id, station_id, title, state, assigned_date, due_date, "
    "answer_date) VALUES "
    " (1, 1, '关于增设公交站点的建议', 'assigned', '2025-12-03', '2026-03-03', NULL),"
    " (2, 1, '关于老旧小区加装电梯的建议', 'rehandling', '2025-11-01', '2026-02-28',"
    "  '2026-01-20');"
    "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES "
    " (1, 1, 'lead'), (2, 2, 'lead');"
    "INSERT INTO events (id, station_id, kind, status, event_date, start_time, theme, "
    "notice_printed_at) VALUES "
    " (1, 1, 'reception_day', 'planned', '2026-03-03', '14:00', '听取民意',"
    "  '2026-02-28T02:00:00Z'),"
    " (2, 1, 'duty', 'planned', '2026-03-03', '09:00', NULL, NULL),"
    " (3, 1, 'reception_day', 'planned', '2026-03-04', '09:00', NULL, NULL);"
    "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES "
    " (1, 1, 'on_duty'), (2, 2, 'on_duty'), (3, 1, 'on_duty');");
}

static LdTodayPage *
show_today_page (Fixture *fixture)
{
  GtkWidget *page;

  if (fixture->window == NULL)
    ld_test_present_window (fixture, fixture->db_path, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "today"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_TODAY_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return LD_TODAY_PAGE (page);
}

/* ------------------------------------------------------------------ tests */

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) more = NULL;
  GtkWidget *figure;

  open_database (fixture, TRUE);
  page = GTK_WIDGET (show_today_page (fixture));

  g_assert_null (find_named (page, "caseload"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (ld_test_find_widget_of_type (page, GTK_TYPE_STACK))), ==,
                   "content");

  /* Today's duty at 09:00 before the reception at 14:00, with the deputies on duty. */
  g_assert_cmpstr (section_count (page, "events-today"), ==, "2");
  rows = section_rows (page, "events-today", "event");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Duty day");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[0]), "李娜"));
  g_assert_cmpstr (row_title (rows->pdata[1]), ==, "Reception day: 听取民意");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[1]), "On duty: 张伟"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpstr (section_count (page, "events-tomorrow"), ==, "1");
  /* Tomorrow's reception day has no notice printed: a reminder with a print button. */
  g_assert_cmpstr (section_count (page, "notices"), ==, "1");
  rows = section_rows (page, "notices", "notice");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (strstr (row_title (rows->pdata[0]), "2026-03-04"));
  g_assert_nonnull (ld_test_find_button_for_action (rows->pdata[0], "today.print-notice"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Oldest due first, in the overdue colour. */
  g_assert_cmpstr (section_count (page, "concerns-overdue"), ==, "3");
  rows = section_rows (page, "concerns-overdue", "concern");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "路灯不亮");
  g_assert_cmpstr (row_title (rows->pdata[1]), ==, "小区积水");
  g_assert_cmpstr (row_title (rows->pdata[2]), ==, "噪音扰民");
  g_assert_true (gtk_widget_has_css_class (find_named (find_named (page, "concerns-overdue"),
                                                       "count"), "error"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  more = section_rows (page, "concerns-overdue", "more");
  g_assert_cmpuint (more->len, ==, 0);
  g_clear_pointer (&more, g_ptr_array_unref);

  g_assert_cmpstr (section_count (page, "concerns-due-today"), ==, "1");
  g_assert_cmpstr (section_count (page, "concerns-due-soon"), ==, "1");
  g_assert_cmpstr (section_count (page, "suggestions-overdue"), ==, "1");
  g_assert_cmpstr (section_count (page, "suggestions-due-today"), ==, "1");
  g_assert_null (section_count (page, "suggestions-due-soon"));
  g_assert_cmpstr (section_count (page, "feedback-owed"), ==, "1");
  g_assert_null (find_named (page, "drafts"));

  /* This month: C4 registered on 1 March, C6 concluded on 2 March; no suggestion assigned,
   * so the rates are not numbers. */
  figure = find_named (find_named (page, "registered"), "value");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (figure)), ==, "1");
  figure = find_named (find_named (page, "concluded"), "value");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (figure)), ==, "1");
  figure = find_named (find_named (page, "reply-rate"), "value");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (figure)), ==, "—");

  /* Six more overdue concerns: five rows show, then "and 4 more" to the concerns list. */
  ld_test_exec_sql (ld_database_get_handle (ld_context_get_database (fixture->context)),
    "WITH RECURSIVE n (i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 15) "
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date) "
    "SELECT i, 1, 2026, i, '2026-01-05T02:00:00Z', (SELECT min(id) FROM channels), "
    "(SELECT min(id) FROM concern_categories), '旧诉求' || i, 'referred', 1, '2026-01-05', "
    "'2026-01-26' FROM n");
  ld_today_page_reload (LD_TODAY_PAGE (page));
  ld_test_iterate_idle ();
  g_assert_cmpstr (section_count (page, "concerns-overdue"), ==, "9");
  rows = section_rows (page, "concerns-overdue", "concern");
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "旧诉求10");
  g_clear_pointer (&rows, g_ptr_array_unref);
  more = section_rows (page, "concerns-overdue", "more");
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpstr (row_title (more->pdata[0]), ==, "and 4 more");
  gtk_widget_activate (more->pdata[0]);
  ld_test_iterate_idle ();
  g_assert_cmpstr (ld_window_get_page (fixture->window), ==, "concerns");
}

static void
test_rows_open (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWindow *opened;
  GtkWidget *calendar;
  GDate selected;

  open_database (fixture, TRUE);
  page = GTK_WIDGET (show_today_page (fixture));

  /* The first overdue concern opens in its own window. */
  rows = section_rows (page, "concerns-overdue", "concern");
  gtk_widget_activate (rows->pdata[0]);
  opened = ld_test_wait_for_toplevel (LD_TYPE_CONCERN_PAGE);
  g_assert_cmpint (ld_concern_page_get_concern_id (LD_CONCERN_PAGE (opened)), ==, 1);
  gtk_window_destroy (opened);
  ld_test_wait_for_no_toplevel (LD_TYPE_CONCERN_PAGE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = section_rows (page, "suggestions-overdue", "suggestion");
  g_assert_cmpuint (rows->len, ==, 1);
  gtk_widget_activate (rows->pdata[0]);
  opened = ld_test_wait_for_toplevel (LD_TYPE_SUGGESTION_PAGE);
  g_assert_cmpint (ld_suggestion_page_get_suggestion_id (LD_SUGGESTION_PAGE (opened)), ==, 2);
  gtk_window_destroy (opened);
  ld_test_wait_for_no_toplevel (LD_TYPE_SUGGESTION_PAGE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A concern typed but not registered: one row that resumes it in the intake form. */
  {
    g_autoptr(LdConcern) concern = ld_concern_new ();
    g_autofree char *draft = NULL;
    g_autoptr(GError) error = NULL;

    ld_concern_set_subject (concern, "楼道堆放杂物");
    draft = ld_concern_to_draft (concern);
    ld_concern_store_save_draft (ld_test_get_store (fixture), 0, 0, draft, "王芳", &error);
    g_assert_no_error (error);
    ld_today_page_reload (LD_TODAY_PAGE (page));
    ld_test_iterate_idle ();
    g_assert_cmpstr (section_count (page, "drafts"), ==, "1");
    rows = section_rows (page, "drafts", "draft");
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Not yet registered: 楼道堆放杂物");
    gtk_widget_activate (rows->pdata[0]);
    opened = ld_test_wait_for_toplevel (LD_TYPE_CONCERN_EDITOR);
    g_assert_cmpstr (ld_concern_get_subject (
                       ld_concern_editor_get_concern (LD_CONCERN_EDITOR (opened))), ==,
                     "楼道堆放杂物");
    gtk_window_destroy (opened);
    ld_test_wait_for_no_toplevel (LD_TYPE_CONCERN_EDITOR);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  /* Tomorrow's event opens the calendar on that day. */
  rows = section_rows (page, "events-tomorrow", "event");
  gtk_widget_activate (rows->pdata[0]);
  ld_test_iterate_idle ();
  g_assert_cmpstr (ld_window_get_page (fixture->window), ==, "calendar");
  calendar = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_CALENDAR_PAGE);
  ld_month_view_get_selected_date (ld_calendar_page_get_month_view (LD_CALENDAR_PAGE (calendar)),
                                   &selected);
  g_assert_cmpuint (g_date_get_day (&selected), ==, 4);
  g_assert_cmpuint (g_date_get_month (&selected), ==, 3);
  g_assert_cmpuint (g_date_get_year (&selected), ==, 2026);
}

static void
test_new_station (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *stack;
  GtkWidget *button;

  open_database (fixture, FALSE);
  page = GTK_WIDGET (show_today_page (fixture));

  stack = ld_test_find_widget_of_type (page, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_nonnull (ld_test_find_button_for_action (page, "app.preferences"));
  g_assert_nonnull (ld_test_find_button_for_action (page, "win.new-concern"));
  g_assert_null (ld_today_page_get_today (LD_TODAY_PAGE (page)));

  /* The third step goes to the calendar. */
  button = find_named (page, "plan-reception-day");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ld_test_iterate_idle ();
  g_assert_cmpstr (ld_window_get_page (fixture->window), ==, "calendar");

  /* Once a reception day is planned, the page has lists to show. */
  ld_test_exec_sql (ld_database_get_handle (ld_context_get_database (fixture->context)),
                    "INSERT INTO events (station_id, kind, event_date, start_time) "
                    "VALUES (1, 'reception_day', '2026-03-03', '09:00')");
  ld_store_emit_changed (ld_test_get_store (fixture), "event", 0);
  page = GTK_WIDGET (show_today_page (fixture));
  ld_test_iterate_for (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  g_assert_cmpstr (section_count (page, "events-today"), ==, "1");
  g_assert_nonnull (find_named (page, "nothing-due"));
}

static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = NULL;
  AdwWindowTitle *title;

  open_database (fixture, TRUE);
  page = GTK_WIDGET (show_today_page (fixture));
  title = ADW_WINDOW_TITLE (ld_test_find_widget_of_type (page, ADW_TYPE_WINDOW_TITLE));
  g_assert_null (strstr (adw_window_title_get_subtitle (title), "张伟"));

  /* "My caseload": 张伟's items only. */
  g_settings_set_string (fixture->settings, "caseload-deputy", ZHANG_WEI_UUID);
  ld_test_iterate_idle ();
  g_assert_cmpint (ld_today_page_get_deputy_id (LD_TODAY_PAGE (page)), ==, 1);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "张伟’s caseload"));
  g_assert_nonnull (find_named (page, "caseload"));

  g_assert_cmpstr (section_count (page, "events-today"), ==, "1");
  rows = section_rows (page, "events-today", "event");
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Reception day: 听取民意");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpstr (section_count (page, "concerns-overdue"), ==, "1");
  rows = section_rows (page, "concerns-overdue", "concern");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "小区积水");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpstr (section_count (page, "concerns-due-today"), ==, "1");
  g_assert_null (section_count (page, "concerns-due-soon"));
  g_assert_null (section_count (page, "suggestions-overdue"));
  g_assert_cmpstr (section_count (page, "suggestions-due-today"), ==, "1");
  g_assert_cmpstr (section_count (page, "feedback-owed"), ==, "1");

  /* An unknown deputy (removed since) shows the whole station. */
  g_settings_set_string (fixture->settings, "caseload-deputy",
                         "99999999-9999-4999-8999-999999999999");
  ld_test_iterate_idle ();
  g_assert_cmpint (ld_today_page_get_deputy_id (LD_TODAY_PAGE (page)), ==, 0);
  g_assert_cmpstr (section_count (page, "concerns-overdue"), ==, "3");

  g_settings_set_string (fixture->settings, "caseload-deputy", "");
  ld_test_iterate_idle ();
  g_assert_null (find_named (page, "caseload"));
  g_assert_cmpstr (section_count (page, "concerns-overdue"), ==, "3");
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read English labels whatever language the test run has. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  ld_test_init_ui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ld_test_fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-today/lists", test_lists);
  ADD ("/ui-today/rows-open", test_rows_open);
  ADD ("/ui-today/new-station", test_new_station);
  ADD ("/ui-today/caseload", test_caseload);

#undef ADD

  return g_test_run ();
}

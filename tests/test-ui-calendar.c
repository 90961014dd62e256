/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-calendar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-page.h"
#include "ld-calendar-store.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-event.h"
#include "ld-month-view.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-window.h"

/* The month view and the Calendar page under Xvfb, as a clerk meets them: February 2026 with
 * the Spring Festival marked 休 and the make-up Saturday 班 from the seeded calendar, today
 * highlighted, the keyboard moving the selection and turning the month, events as coloured
 * chips with "+N", and the page's Previous/Today/Next. Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
open_database (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_test_save_station (ld_test_get_store (fixture), "东湖街道代表联络站", "东湖街道人大工委");
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  ld_database_exec (ld_context_get_database (fixture->context), sql, &error);
  g_assert_no_error (error);
}

static void
insert_event (Fixture    *fixture,
              const char *kind,
              const char *date,
              const char *start_time,
              const char *theme)
{
  char *sql = sqlite3_mprintf ("INSERT INTO events (station_id, kind, event_date, start_time, theme) "
                         "VALUES ((SELECT min(id) FROM stations), %Q, %Q, %Q, %Q)",
                         kind, date, start_time, theme);

  exec_sql (fixture, sql);
  sqlite3_free (sql);
}

/* A month view alone in a window, on February 2026, weeks from Monday. */
static LdMonthView *
present_month_view (GtkWindow **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ld_month_view_new ();
  GDate date;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), view);
  ld_month_view_set_week_start (LD_MONTH_VIEW (view), G_DATE_MONDAY);
  set_date (&date, 2026, 2, 10);
  ld_month_view_set_selected_date (LD_MONTH_VIEW (view), &date);
  ld_test_present (GTK_WINDOW (window));

  *out_window = GTK_WINDOW (window);
  return LD_MONTH_VIEW (view);
}

static GtkWidget *
day_widget (LdMonthView *view,
            guint        year,
            guint        month,
            guint        day)
{
  GDate date;
  int index;

  set_date (&date, year, month, day);
  index = ld_month_layout_find_cell (ld_month_view_get_layout (view), &date);
  g_assert_cmpint (index, >=, 0);

  return ld_month_view_get_day_widget (view, (guint) index);
}

static gboolean
is_mapped_label_with_class (GtkWidget *widget,
                            gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && gtk_widget_has_css_class (widget, data);
}

/* The text of the day's mapped label that has @css_class, or NULL. */
static const char *
day_label_text (GtkWidget  *day,
                const char *css_class)
{
  GtkWidget *label = ld_test_find_widget (day, is_mapped_label_with_class, (gpointer) css_class);

  return label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static guint
count_day_labels (GtkWidget  *day,
                  const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (day); child;
       child = gtk_widget_get_next_sibling (child))
    if (is_mapped_label_with_class (child, (gpointer) css_class))
      n++;

  return n;
}

/* Presses @keyval on @widget as the keyboard would, through its key controller. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

static void
count_cb (gpointer  instance,
          gpointer  user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
day_activated_cb (LdMonthView *view,
                  const GDate *date,
                  GDate       *out)
{
  *out = *date;
}

static void
assert_selected (LdMonthView *view,
                 guint        year,
                 guint        month,
                 guint        day)
{
  GDate selected;

  ld_month_view_get_selected_date (view, &selected);
  g_assert_cmpuint (g_date_get_year (&selected), ==, year);
  g_assert_cmpuint (g_date_get_month (&selected), ==, month);
  g_assert_cmpuint (g_date_get_day (&selected), ==, day);
}

/* ------------------------------------------------------------------ month view */

static void
test_holidays_and_today (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  LdMonthView *view;
  GtkWidget *day;
  GDate today;

  open_database (fixture);
  workdays = ld_calendar_store_load_workdays (ld_test_get_store (fixture), &error);
  g_assert_no_error (error);

  view = present_month_view (&window);
  ld_month_view_set_workdays (view, workdays);
  set_date (&today, 2026, 2, 10);
  ld_month_view_set_today (view, &today);
  ld_test_iterate_idle ();

  /* The Spring Festival holiday, and the Saturday worked before it. */
  day = day_widget (view, 2026, 2, 16);
  g_assert_cmpstr (day_label_text (day, "day-badge"), ==,
                   ld_day_kind_to_badge (LD_DAY_KIND_HOLIDAY));
  g_assert_true (gtk_widget_has_css_class (day, "holiday"));
  day = day_widget (view, 2026, 2, 14);
  g_assert_cmpstr (day_label_text (day, "day-badge"), ==,
                   ld_day_kind_to_badge (LD_DAY_KIND_MAKEUP_WORKDAY));
  g_assert_true (gtk_widget_has_css_class (day, "makeup"));
  /* An ordinary Wednesday has no mark. */
  g_assert_null (day_label_text (day_widget (view, 2026, 2, 4), "day-badge"));

  /* Weeks start on Monday: 26 January is the first day of the grid. */
  g_assert_cmpuint (g_date_get_day (&ld_month_layout_get_cell (ld_month_view_get_layout (view),
                                                               0)->date), ==, 26);
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 1, 31), "other-month"));
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 2, 1), "weekend"));

  /* Today is highlighted, and only today. */
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 2, 10), "today"));
  g_assert_false (gtk_widget_has_css_class (day_widget (view, 2026, 2, 11), "today"));
  set_date (&today, 2026, 5, 20);
  ld_month_view_set_today (view, &today);
  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    g_assert_false (gtk_widget_has_css_class (ld_month_view_get_day_widget (view, i), "today"));

  gtk_window_destroy (window);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *window;
  LdMonthView *view;
  guint n_month_changes = 0;
  guint n_selection_changes = 0;
  GDate activated;

  view = present_month_view (&window);
  g_date_clear (&activated, 1);
  g_signal_connect (view, "month-changed", G_CALLBACK (count_cb), &n_month_changes);
  g_signal_connect (view, "notify::selected-date", G_CALLBACK (notify_count_cb), &n_selection_changes);
  g_signal_connect (view, "day-activated", G_CALLBACK (day_activated_cb), &activated);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 2, 10), "selected"));

  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Right, 0));
  assert_selected (view, 2026, 2, 11);
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 2, 11), "selected"));
  g_assert_false (gtk_widget_has_css_class (day_widget (view, 2026, 2, 10), "selected"));

  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Down, 0));
  assert_selected (view, 2026, 2, 18);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Home, 0));
  assert_selected (view, 2026, 2, 16);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_End, 0));
  assert_selected (view, 2026, 2, 22);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Up, 0));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Left, 0));
  assert_selected (view, 2026, 2, 14);
  g_assert_cmpuint (n_selection_changes, ==, 6);
  g_assert_cmpuint (n_month_changes, ==, 0);

  /* Page Down turns to March, keeping the day. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Down, 0));
  assert_selected (view, 2026, 3, 14);
  g_assert_cmpuint (n_month_changes, ==, 1);
  g_assert_cmpuint (ld_month_view_get_month (view), ==, 3);
  g_assert_false (gtk_widget_has_css_class (day_widget (view, 2026, 3, 14), "other-month"));
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 3, 14), "selected"));

  /* Moving into the next month's days turns the page too. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Up, 0));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Up, 0));
  assert_selected (view, 2026, 1, 14);
  g_assert_cmpuint (n_month_changes, ==, 3);

  /* Enter opens the day. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return, 0));
  g_assert_true (g_date_valid (&activated));
  g_assert_cmpuint (g_date_get_day (&activated), ==, 14);

  /* Shortcuts with modifiers are the page's. */
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  assert_selected (view, 2026, 1, 14);

  gtk_window_destroy (window);
}

static void
test_chips (Fixture       *fixture,
            gconstpointer  data)
{
  const LdMonthEvent events[] = {
    { 1, "2026-02-10", "09:00", "reception_day", "planned", "接待日" },
    { 2, "2026-02-12", "09:00", "reception_day", "planned", "接待日" },
    { 3, "2026-02-12", "14:00", "visit_community", "planned", "进社区" },
    { 4, "2026-02-12", "15:00", "forum", "planned", "民情恳谈会" },
    { 5, "2026-02-12", "16:00", "hearing", "planned", "论证听证" },
    { 6, "2026-02-12", NULL, "duty", "planned", "进站值班" },
    { 7, "2026-03-01", NULL, "duty", "cancelled", "进站值班" },
  };
  GtkWindow *window;
  LdMonthView *view;
  GtkWidget *day;

  view = present_month_view (&window);
  ld_month_view_set_events (view, events, G_N_ELEMENTS (events));
  ld_test_iterate_idle ();

  day = day_widget (view, 2026, 2, 10);
  g_assert_cmpuint (count_day_labels (day, "chip"), ==, 1);
  g_assert_cmpstr (day_label_text (day, "chip-reception"), ==, "接待日");
  g_assert_null (day_label_text (day, "more"));

  /* Five events: two chips (the all-day duty first) and "+3". */
  day = day_widget (view, 2026, 2, 12);
  g_assert_cmpuint (count_day_labels (day, "chip"), ==, 2);
  g_assert_cmpstr (day_label_text (day, "chip-duty"), ==, "进站值班");
  g_assert_cmpstr (day_label_text (day, "chip-reception"), ==, "接待日");
  g_assert_cmpstr (day_label_text (day, "more"), ==, "+3");

  /* A cancelled event is struck out, on a padding day too. */
  day = day_widget (view, 2026, 3, 1);
  g_assert_true (ld_test_find_widget (day, is_mapped_label_with_class,
                                         (gpointer) "cancelled") != NULL);

  /* The events stay when the month turns and back. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Down, 0));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 2, 12), "more"), ==, "+3");

  gtk_window_destroy (window);
}

/* ------------------------------------------------------------------ the page */

static LdCalendarPage *
show_calendar_page (Fixture *fixture)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "calendar"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_CALENDAR_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return LD_CALENDAR_PAGE (page);
}

static gboolean
is_mapped_label_containing (GtkWidget *widget,
                            gpointer   data)
{
  const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : NULL;

  return text != NULL && gtk_widget_get_mapped (widget) && strstr (text, data) != NULL;
}

static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 2, 10, 9, 30, 0);
  static const char * const keys[] = {
    "<Control>Page_Up", "<Control>Page_Down", "<Control>t", "<Control><Shift>e",
  };
  LdCalendarPage *page;
  LdMonthView *view;
  GtkWidget *today_button, *window;
  guint n_month_changes = 0;

  ld_context_set_fixed_now (fixture->context, now);
  open_database (fixture);
  insert_event (fixture, "reception_day", "2026-02-10", "09:00", "春节前接待日");
  insert_event (fixture, "visit_community", "2026-02-12", "14:00", "走访东湖社区");
  insert_event (fixture, "forum", "2026-02-12", "15:00", "民情恳谈会");
  insert_event (fixture, "hearing", "2026-02-12", "16:00", "物业条例听证");
  insert_event (fixture, "duty", "2026-02-12", NULL, NULL);
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_calendar_page (fixture);
  view = ld_calendar_page_get_month_view (page);
  g_signal_connect (view, "month-changed", G_CALLBACK (count_cb), &n_month_changes);

  /* It opens on today's month, with today highlighted and the holidays marked. */
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "February 2026");
  g_assert_true (gtk_widget_has_css_class (day_widget (view, 2026, 2, 10), "today"));
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 2, 16), "day-badge"), ==,
                   ld_day_kind_to_badge (LD_DAY_KIND_HOLIDAY));

  /* The events as chips, the busy day's four as two and "+2"; a duty day without a theme by its
   * kind. */
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 2, 10), "chip-reception"), ==,
                   "春节前接待日");
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 2, 12), "more"), ==, "+2");
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 2, 12), "chip-duty"), ==,
                   ld_event_kind_to_string ("duty"));

  /* Today's event beside the month, and the agenda. */
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "春节前接待日"));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "物业条例听证"));
  g_assert_null (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                      (gpointer) "No events planned"));

  /* Next month: a new title, and the store's events for it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next-month", NULL));
  g_assert_cmpuint (n_month_changes, ==, 1);
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "March 2026");
  g_assert_null (day_label_text (day_widget (view, 2026, 3, 12), "chip"));

  /* Page Down on the month view does the same. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (n_month_changes, ==, 2);
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "April 2026");

  /* An event saved elsewhere shows once the store says so. */
  insert_event (fixture, "council", "2026-04-15", "09:00", "人民议事厅");
  g_signal_emit_by_name (ld_test_get_store (fixture), "changed", "event", (gint64) 0);
  g_assert_cmpstr (day_label_text (day_widget (view, 2026, 4, 15), "chip-council"), ==,
                   "人民议事厅");

  /* The Today button brings back today's month. */
  today_button = ld_test_find_button_for_action (GTK_WIDGET (page), "calendar.today");
  g_assert_nonnull (today_button);
  g_signal_emit_by_name (today_button, "clicked");
  ld_test_iterate_idle ();
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "February 2026");
  assert_selected (view, 2026, 2, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous-month",
                                             NULL));
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "January 2026");

  /* With the focus in the sidebar the page's keys never reach it: the window passes them on. */
  window = GTK_WIDGET (fixture->window);
  gtk_widget_grab_focus (ld_test_find_sidebar (window));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (ld_test_has_binding (window, keys[i], "win.page-action"));
  g_assert_true (gtk_widget_activate_action (window, "win.page-action", "s", "next-month"));
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "February 2026");
  g_assert_true (gtk_widget_activate_action (window, "win.page-action", "s", "previous-month"));
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "January 2026");
  g_assert_true (gtk_widget_activate_action (window, "win.page-action", "s", "today"));
  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "February 2026");
}

static void
test_empty_agenda (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 3, 9, 30, 0);
  LdCalendarPage *page;

  ld_context_set_fixed_now (fixture->context, now);
  open_database (fixture);
  /* Past and cancelled events are not coming up. */
  insert_event (fixture, "reception_day", "2026-10-15", "09:00", "十月接待日");
  exec_sql (fixture, "INSERT INTO events (station_id, kind, status, event_date) "
                     "VALUES ((SELECT min(id) FROM stations), 'duty', 'cancelled', '2026-11-05')");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_calendar_page (fixture);

  g_assert_cmpstr (ld_calendar_page_get_title (page), ==, "November 2026");
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "No events planned"));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "No events on this day"));
}

static void
collect_action_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if ((ADW_IS_ACTION_ROW (widget) || GTK_IS_LABEL (widget)) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child;
       child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, rows);
}

/* A long English line (date, time, kind, place) must wrap inside the agenda, not widen its rows
 * past the edge of the window. */
static void
test_agenda_rows_fit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 25, 9, 30, 0);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  LdCalendarPage *page;

  ld_context_set_fixed_now (fixture->context, now);
  open_database (fixture);
  exec_sql (fixture, "INSERT INTO events (station_id, kind, event_date, place, theme) "
                     "VALUES ((SELECT min(id) FROM stations), 'council', '2026-11-25', "
                     "'人民议事厅', '议事'), "
                     "((SELECT min(id) FROM stations), 'duty', '2026-11-25', '联络站', '进站值班'), "
                     "((SELECT min(id) FROM stations), 'forum', '2026-11-26', '社区会议室', "
                     "'老旧小区改造座谈')");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_calendar_page (fixture);
  ld_test_iterate_idle ();

  collect_action_rows (GTK_WIDGET (page), rows);
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (page), &bounds));
      g_test_message ("%s %u ends at %.0f of %d px", G_OBJECT_TYPE_NAME (row), i,
                      bounds.origin.x + bounds.size.width, gtk_widget_get_width (GTK_WIDGET (page)));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (page)));
    }
}

/* ------------------------------------------------------------------ main */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ld_test_fixture_set_up (fixture, data);
  g_settings_set_int (fixture->settings, "window-width", 1100);
  g_settings_set_int (fixture->settings, "window-height", 700);
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
  g_test_add (path, Fixture, NULL, fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-calendar/month-view/holidays-and-today", test_holidays_and_today);
  ADD ("/ui-calendar/month-view/keyboard", test_keyboard);
  ADD ("/ui-calendar/month-view/chips", test_chips);
  ADD ("/ui-calendar/page", test_page);
  ADD ("/ui-calendar/page/empty-agenda", test_empty_agenda);
  ADD ("/ui-calendar/page/agenda-rows-fit", test_agenda_rows_fit);

#undef ADD

  return g_test_run ();
}

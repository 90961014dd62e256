/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-events"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-page.h"
#include "ld-calendar-store.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-event-editor.h"
#include "ld-event.h"
#include "ld-month-view.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-window.h"

/* The event editor under Xvfb, filled in as a clerk would: a monthly reception day with three
 * deputies in turn shows on the month view and puts A, then B on duty; a wrong end time keeps
 * Save off and says why; changing one occurrence alone leaves the others. Any warning or
 * critical fails the test. */

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

static gint64
add_deputy (Fixture    *fixture,
            const char *name)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, "district");
  ld_deputy_set_active (deputy, TRUE);
  g_assert_true (ld_store_save_deputy (ld_test_get_store (fixture), deputy, &error));
  g_assert_no_error (error);

  return ld_deputy_get_id (deputy);
}

static void
open_database (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 2, 10, 9, 30, 0);
  g_autoptr(GError) error = NULL;

  ld_context_set_fixed_now (fixture->context, now);
  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_test_save_station (ld_test_get_store (fixture), "东湖街道代表联络站", "东湖街道人大工委");
}

static LdCalendarPage *
show_calendar_page (Fixture *fixture)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "calendar"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_CALENDAR_PAGE);
  g_assert_nonnull (page);

  return LD_CALENDAR_PAGE (page);
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = ld_test_find_widget (root, is_row_titled, (gpointer) title);

  g_assert_nonnull (row);
  return row;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, title)), text);
}

static void
choose (GtkWidget  *root,
        const char *title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (root, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (string), item))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
check_deputy (GtkWidget  *root,
              const char *name)
{
  GtkWidget *check = ld_test_find_widget_of_type (find_row (root, name), GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static gboolean
is_mapped_label_with_class (GtkWidget *widget,
                            gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && gtk_widget_has_css_class (widget, data);
}

static const char *
chip_text (LdMonthView *view,
           guint        year,
           guint        month,
           guint        day)
{
  GtkWidget *label;
  GDate date;
  int index;

  set_date (&date, year, month, day);
  index = ld_month_layout_find_cell (ld_month_view_get_layout (view), &date);
  g_assert_cmpint (index, >=, 0);
  label = ld_test_find_widget (ld_month_view_get_day_widget (view, (guint) index),
                               is_mapped_label_with_class, (gpointer) "chip-reception");

  return label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The one event on @date, from the store. */
static LdEvent *
event_on (Fixture    *fixture,
          const char *date)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = ld_calendar_store_list_events (ld_test_get_store (fixture), date, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);

  return g_object_ref (g_ptr_array_index (events, 0));
}

static void
assert_on_duty (LdEvent *event,
                gint64   deputy_id)
{
  g_autoptr(GArray) ids = ld_event_get_deputy_ids (event, LD_EVENT_ROLE_ON_DUTY);

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, deputy_id);
}

/* Through the page: New Event on the 15th, Repeat monthly, deputies A, B, C in turn. */
static void
create_series (Fixture  *fixture,
               gint64   *ids)
{
  LdCalendarPage *page;
  GtkWindow *editor;
  GtkWidget *save_button;
  GDate date;

  ids[0] = add_deputy (fixture, "Deputy A");
  ids[1] = add_deputy (fixture, "Deputy B");
  ids[2] = add_deputy (fixture, "Deputy C");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_calendar_page (fixture);

  set_date (&date, 2026, 2, 15);
  ld_month_view_set_selected_date (ld_calendar_page_get_month_view (page), &date);
  g_assert_nonnull (ld_test_find_button_for_action (GTK_WIDGET (page), "calendar.new-event"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new-event", NULL));
  editor = ld_test_wait_for_toplevel (LD_TYPE_EVENT_EDITOR);
  ld_test_iterate_idle ();
  g_assert_true (gtk_window_get_modal (editor));
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));

  save_button = ld_test_find_button_for_action (GTK_WIDGET (editor), "event.save");
  g_assert_nonnull (save_button);

  choose (GTK_WIDGET (editor), "Kind", ld_event_kind_to_string ("reception_day"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor),
                                                                  "Date (YYYY-MM-DD)"))),
                   ==, "2026-02-15");
  type_into (GTK_WIDGET (editor), "Theme", "月中接待日");
  type_into (GTK_WIDGET (editor), "Start Time (HH:MM)", "09:00");
  type_into (GTK_WIDGET (editor), "End Time (HH:MM)", "11:30");
  type_into (GTK_WIDGET (editor), "Place", "联络站接待室");
  choose (GTK_WIDGET (editor), "Repeat", "Monthly on a Day");
  ld_test_iterate_idle ();

  /* A reception day without deputies cannot be saved. */
  g_assert_false (gtk_widget_is_sensitive (save_button));

  check_deputy (GTK_WIDGET (editor), "Deputy A");
  check_deputy (GTK_WIDGET (editor), "Deputy B");
  check_deputy (GTK_WIDGET (editor), "Deputy C");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_is_sensitive (save_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event.save", NULL));
  ld_test_wait_for_no_toplevel (LD_TYPE_EVENT_EDITOR);
  ld_test_iterate_idle ();
}

/* ------------------------------------------------------------------ tests */

static void
test_monthly_series (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdEvent) february = NULL;
  g_autoptr(LdEvent) march = NULL;
  LdCalendarPage *page;
  LdMonthView *view;
  gint64 ids[3];

  open_database (fixture);
  create_series (fixture, ids);
  page = show_calendar_page (fixture);
  view = ld_calendar_page_get_month_view (page);

  /* The chips of two months, and A then B on duty. */
  g_assert_cmpstr (chip_text (view, 2026, 2, 15), ==, "月中接待日");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next-month", NULL));
  ld_test_iterate_idle ();
  g_assert_cmpstr (chip_text (view, 2026, 3, 15), ==, "月中接待日");

  february = event_on (fixture, "2026-02-15");
  march = event_on (fixture, "2026-03-15");
  assert_on_duty (february, ids[0]);
  assert_on_duty (march, ids[1]);
  g_assert_cmpstr (ld_event_get_start_time (march), ==, "09:00");
  g_assert_cmpstr (ld_event_get_place (march), ==, "联络站接待室");
}

static void
test_invalid_end_time (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *save_button, *end_row, *error_row, *message;
  GDate date;

  open_database (fixture);
  add_deputy (fixture, "Deputy A");
  set_date (&date, 2026, 2, 20);
  editor = GTK_WINDOW (ld_event_editor_new (NULL, fixture->context, NULL, &date));
  ld_test_present (editor);

  save_button = ld_test_find_button_for_action (GTK_WIDGET (editor), "event.save");
  check_deputy (GTK_WIDGET (editor), "Deputy A");
  type_into (GTK_WIDGET (editor), "Start Time (HH:MM)", "09:00");
  type_into (GTK_WIDGET (editor), "End Time (HH:MM)", "11:00");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* The end before the start. */
  type_into (GTK_WIDGET (editor), "End Time (HH:MM)", "08:30");
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_is_sensitive (save_button));
  end_row = find_row (GTK_WIDGET (editor), "End Time (HH:MM)");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  error_row = gtk_widget_get_next_sibling (end_row);
  g_assert_true (gtk_widget_get_mapped (error_row));
  message = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");

  /* The action does nothing while Save is off. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "event.save", NULL);
  ld_test_iterate_idle ();
  g_assert_nonnull (ld_test_find_toplevel (LD_TYPE_EVENT_EDITOR));

  gtk_window_destroy (editor);
  ld_test_iterate_idle ();
}

static void
test_edit_only_this (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdEvent) march = NULL;
  g_autoptr(LdEvent) edited = NULL;
  g_autoptr(LdEvent) february = NULL;
  g_autoptr(LdEvent) april = NULL;
  GtkWindow *editor;
  AdwMessageDialog *question;
  gint64 ids[3];

  open_database (fixture);
  create_series (fixture, ids);

  march = event_on (fixture, "2026-03-15");
  editor = GTK_WINDOW (ld_event_editor_new (GTK_WINDOW (fixture->window), fixture->context,
                                            march, NULL));
  ld_test_present (editor);
  type_into (GTK_WIDGET (editor), "Theme", "三月专题接待日");
  type_into (GTK_WIDGET (editor), "Place", "社区服务中心");
  ld_test_iterate_idle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event.save", NULL));
  question = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (question, "only"));
  g_assert_true (adw_message_dialog_has_response (question, "future"));
  adw_message_dialog_response (question, "only");
  ld_test_wait_for_no_toplevel (LD_TYPE_EVENT_EDITOR);

  edited = event_on (fixture, "2026-03-15");
  february = event_on (fixture, "2026-02-15");
  april = event_on (fixture, "2026-04-15");
  g_assert_cmpstr (ld_event_get_theme (edited), ==, "三月专题接待日");
  g_assert_cmpstr (ld_event_get_place (edited), ==, "社区服务中心");
  g_assert_cmpint (ld_event_get_series_id (edited), ==, ld_event_get_series_id (april));
  g_assert_cmpstr (ld_event_get_theme (february), ==, "月中接待日");
  g_assert_cmpstr (ld_event_get_theme (april), ==, "月中接待日");
  g_assert_cmpstr (ld_event_get_place (april), ==, "联络站接待室");
  assert_on_duty (april, ids[2]);
}

/* The February occurrence of the series on the 15th moved to the 20th: a new rule cannot be
 * for one event alone, and from February on every occurrence follows it. */
static void
test_edit_series_rule (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const moved[] = { "2026-02-20", "2026-03-20", "2026-04-20" };
  g_autoptr(LdEvent) february = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) old_day = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  GtkWidget *day_spin, *check;
  AdwMessageDialog *question;
  gint64 ids[3];

  open_database (fixture);
  create_series (fixture, ids);

  february = event_on (fixture, "2026-02-15");
  editor = GTK_WINDOW (ld_event_editor_new (GTK_WINDOW (fixture->window), fixture->context,
                                            february, NULL));
  ld_test_present (editor);
  ld_test_iterate_idle ();

  /* The Repeat rows and the rotation are the series'. */
  g_assert_true (ld_test_widget_is_mapped (find_row (GTK_WIDGET (editor), "Repeat")));
  day_spin = ld_test_find_widget_of_type (find_row (GTK_WIDGET (editor), "On Day of the Month"),
                                          GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (day_spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (day_spin)), ==, 15);
  check = ld_test_find_widget_of_type (find_row (GTK_WIDGET (editor), "Deputy C"),
                                       GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (day_spin), 20);
  ld_test_iterate_idle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event.save", NULL));
  question = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (question, "future"));
  g_assert_false (adw_message_dialog_has_response (question, "only"));
  adw_message_dialog_response (question, "future");
  ld_test_wait_for_no_toplevel (LD_TYPE_EVENT_EDITOR);

  /* From the occurrence's own date on, the 20th, with the rotation going on as before. */
  old_day = ld_calendar_store_list_events (ld_test_get_store (fixture), "2026-02-15",
                                           "2026-02-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old_day->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autoptr(LdEvent) event = event_on (fixture, moved[i]);

      g_assert_cmpstr (ld_event_get_theme (event), ==, "月中接待日");
      assert_on_duty (event, ids[i]);
    }

  /* Nothing before the series' start appeared or changed. */
  before = ld_calendar_store_list_events (ld_test_get_store (fixture), "2026-01-01",
                                          "2026-02-14", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 0);
}

/* Escape with something typed asks first; Keep Editing keeps it, Discard closes. */
static void
test_discard_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *editor;
  AdwMessageDialog *question;
  GDate date;

  open_database (fixture);
  set_date (&date, 2026, 2, 20);
  editor = GTK_WINDOW (ld_event_editor_new (NULL, fixture->context, NULL, &date));
  ld_test_present (editor);
  type_into (GTK_WIDGET (editor), "Theme", "临时接待");
  ld_test_iterate_idle ();

  /* Escape is bound to event.cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event.cancel", NULL));
  question = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard Changes?");
  g_assert_true (adw_message_dialog_has_response (question, "keep"));
  g_assert_true (adw_message_dialog_has_response (question, "discard"));
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (question, "keep");
  gtk_window_close (GTK_WINDOW (question));
  ld_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ld_test_find_toplevel (LD_TYPE_EVENT_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Theme"))),
                   ==, "临时接待");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event.cancel", NULL));
  question = ADW_MESSAGE_DIALOG (ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, "discard");
  gtk_window_close (GTK_WINDOW (question));
  ld_test_wait_for_no_toplevel (LD_TYPE_EVENT_EDITOR);
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

/* The clerk sees several deputies to choose from, not a one-row slit to scroll through. */
static void
test_deputies_visible (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const names[] = { "Deputy A", "Deputy B", "Deputy C" };
  GtkWindow *editor;
  GtkWidget *scroller;
  GDate date;

  open_database (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_deputy (fixture, names[i]);
  set_date (&date, 2026, 2, 20);
  editor = GTK_WINDOW (ld_event_editor_new (NULL, fixture->context, NULL, &date));
  gtk_window_set_default_size (editor, 600, 760);
  ld_test_present (editor);
  ld_test_iterate_idle ();

  scroller = gtk_widget_get_ancestor (find_row (GTK_WIDGET (editor), names[0]),
                                      GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (find_row (GTK_WIDGET (editor), names[i]),
                                                scroller, &bounds));
      g_test_message ("%s: rows %.0f–%.0f of a %d px list", names[i], bounds.origin.y,
                      bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                         gtk_widget_get_height (scroller) + 1);
    }

  gtk_window_destroy (editor);
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

  ADD ("/ui-events/monthly-series", test_monthly_series);
  ADD ("/ui-events/invalid-end-time", test_invalid_end_time);
  ADD ("/ui-events/edit-only-this", test_edit_only_this);
  ADD ("/ui-events/deputies-visible", test_deputies_visible);
  ADD ("/ui-events/edit-series-rule", test_edit_series_rule);
  ADD ("/ui-events/discard-changes", test_discard_changes);

#undef ADD

  return g_test_run ();
}

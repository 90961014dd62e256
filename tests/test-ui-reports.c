/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-reports"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-export-dialog.h"
#include "ld-report.h"
#include "ld-reports-page.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-test-util.h"

/* The Reports page and the export dialog under Xvfb, with the clock fixed at Sunday 15 November
 * 2026, 10:00 in China (the fourth quarter): the figures the page shows are ld-report's and the
 * fixture's; the dialog starts masked on this quarter, refuses a wrong day next to its field,
 * writes the workbook and offers to open it, and a cancelled export leaves no file. Any warning
 * or critical fails the test. */

typedef LdTestFixture Fixture;

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

/* The value on the card @name of the page; NULL when no such card is shown. */
static const char *
card_value (GtkWidget  *page,
            const char *name)
{
  GtkWidget *card = find_named (page, name);
  GtkWidget *value;

  if (card == NULL)
    return NULL;
  value = find_named (card, "value");
  g_assert_nonnull (value);
  return gtk_label_get_text (GTK_LABEL (value));
}

static char *
count_text (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static void
open_database (Fixture  *fixture,
               gboolean  busy)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 15, 10, 0, 0);

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_context_set_fixed_now (fixture->context, now);
  ld_test_save_station (ld_test_get_store (fixture), "水果湖代表联络站", "武昌区人大常委会");
  if (!busy)
    return;

  /*
   * Concerns   received     state           concluded   feedback
   *   1        2026-10-10   referred
   *   2        2026-10-20   concluded       2026-11-02
   *   3        2026-11-01   feedback_given  2026-11-05  2026-11-06 satisfied
   *   4        2026-08-01   concluded       2026-10-15
   *   5        2026-07-01   registered
   * The quarter: 3 received, 3 concluded, 1 given feedback; November: 1, 2, 1.
   *
   * Suggestions assigned  due         answered    class  evaluation
   *   1        2026-10-08  2027-01-08  2026-11-01  A      satisfied
   *   2        2026-10-12  2026-11-01  2026-11-10  B      basically satisfied (late)
   *   3        2026-11-03  2027-02-03
   *   4        2026-06-01  2026-09-01  2026-08-01  A      (an earlier quarter)
   * The quarter: 3 assigned, 2 answered, 1 on time, 2 rated and satisfied, 1 solved — reply
   * 66.7%, on time 50.0%, satisfaction 100.0%, solved 50.0%.
   */
  ld_test_exec_sql (ld_database_get_handle (database),
    "INSERT INTO units (id, name) VALUES (1, '区城管执法局');"
    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, "
    "category_id, subject, state, unit_id, referred_date, due_date, concluded_date, "
    "feedback_date, satisfaction) VALUES "
    " (1, 1, 2026, 1, '2026-10-10T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '路灯不亮',"
    "  'referred', 1, '2026-10-10', '2026-11-10', NULL, NULL, NULL),"
    " (2, 1, 2026, 2, '2026-10-20T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '小区积水',"
    "  'concluded', 1, '2026-10-20', '2026-11-20', '2026-11-02', NULL, NULL),"
    " (3, 1, 2026, 3, '2026-11-01T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '噪音扰民',"
    "  'feedback_given', 1, '2026-11-01', '2026-12-01', '2026-11-05', '2026-11-06',"
    "  'satisfied'),"
    " (4, 1, 2026, 4, '2026-08-01T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '停车难',"
    "  'concluded', 1, '2026-08-01', '2026-09-01', '2026-10-15', NULL, NULL),"
    " (5, 1, 2026, 5, '2026-07-01T02:00:00Z', (SELECT min(id) FROM channels),"
    "  (SELECT min(id) FROM concern_categories), '垃圾清运',"
    "  'registered', NULL, NULL, NULL, NULL, NULL, NULL);"
    "INSERT INTO suggestions (id, station_id, title, state, assigned_date, due_date, "
    "answer_date, answer_class_id, evaluation) VALUES "
    " (1, 1, '关于增设公交站点的建议', 'evaluated', '2026-10-08', '2027-01-08', '2026-11-01',"
    "  (SELECT id FROM answer_classes WHERE seed_key = 'A'), 'satisfied'),"
    " (2, 1, '关于老旧小区加装电梯的建议', 'evaluated', '2026-10-12', '2026-11-01',"
    "  '2026-11-10', (SELECT id FROM answer_classes WHERE seed_key = 'B'),"
    "  'basically_satisfied'),"
    " (3, 1, '关于规范共享单车停放的建议', 'assigned', '2026-11-03', '2027-02-03', NULL, NULL,"
    "  NULL),"
    " (4, 1, '关于增加社区养老服务的建议', 'answered', '2026-06-01', '2026-09-01',"
    "  '2026-08-01', (SELECT id FROM answer_classes WHERE seed_key = 'A'), NULL);");
}

static GtkWidget *
show_page (Fixture *fixture)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = ld_reports_page_new (fixture->context);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  ld_test_present (GTK_WINDOW (window));
  return page;
}

/* Fails unless all of @widget shows in the scrolled window it is in. */
static void
assert_in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  g_test_message ("%s: %.0f to %.0f of %d", gtk_widget_get_name (widget), bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
}

static LdExportDialog *
show_dialog (Fixture *fixture)
{
  GtkWidget *dialog = ld_export_dialog_new (NULL, fixture->context);

  ld_test_present (GTK_WINDOW (dialog));
  return LD_EXPORT_DIALOG (dialog);
}

static const char *
entry_text (GtkWidget  *root,
            const char *row_name)
{
  GtkWidget *row = find_named (root, row_name);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (ld_test_find_widget_of_type (row,
                                                                           GTK_TYPE_ENTRY)));
}

static void
set_entry_text (GtkWidget  *root,
                const char *row_name,
                const char *text)
{
  GtkWidget *row = find_named (root, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_widget_of_type (row, GTK_TYPE_ENTRY)),
                         text);
  ld_test_iterate_idle ();
}

static const char *
row_subtitle (GtkWidget  *root,
              const char *row_name)
{
  GtkWidget *row = find_named (root, row_name);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
export_enabled (GtkWidget *dialog)
{
  GtkWidget *button = find_named (dialog, "export-button");

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
not_busy (gpointer data)
{
  return !ld_export_dialog_get_busy (LD_EXPORT_DIALOG (data));
}

static void
assert_page_agrees (GtkWidget           *page,
                    LdStore             *store,
                    const LdReportPeriod *period)
{
  LdConcernFigures concerns = { 0 };
  LdSuggestionFigures suggestions = { 0 };
  g_autoptr(GError) error = NULL;
  struct { const char *card; char *text; } expected[10];
  guint n = 0;

  g_assert_true (ld_report_concern_figures (store, period, &concerns, &error));
  g_assert_no_error (error);
  g_assert_true (ld_report_suggestion_figures (store, period, &suggestions, &error));
  g_assert_no_error (error);

  expected[n].card = "received", expected[n++].text = count_text (concerns.received);
  expected[n].card = "concluded", expected[n++].text = count_text (concerns.concluded);
  expected[n].card = "feedback-given", expected[n++].text = count_text (concerns.feedback_given);
  expected[n].card = "assigned", expected[n++].text = count_text (suggestions.assigned);
  expected[n].card = "answered", expected[n++].text = count_text (suggestions.answered);
  expected[n].card = "answered-on-time",
    expected[n++].text = count_text (suggestions.answered_on_time);
  expected[n].card = "reply-rate",
    expected[n++].text = ld_report_format_rate (ld_suggestion_figures_reply_rate (&suggestions));
  expected[n].card = "on-time-rate",
    expected[n++].text = ld_report_format_rate (ld_suggestion_figures_on_time_rate (&suggestions));
  expected[n].card = "satisfaction-rate",
    expected[n++].text = ld_report_format_rate (
      ld_suggestion_figures_satisfaction_rate (&suggestions));
  expected[n].card = "solved-rate",
    expected[n++].text = ld_report_format_rate (ld_suggestion_figures_solved_rate (&suggestions));

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (card_value (page, expected[i].card), ==, expected[i].text);
      g_free (expected[i].text);
    }
  ld_suggestion_figures_clear (&suggestions);
}

/* ------------------------------------------------------------------ tests */

static void
test_page_figures (Fixture       *fixture,
                   gconstpointer  data)
{
  LdReportPeriod quarter = { "2026-10-01", "2026-12-31", 0, 0 };
  LdReportPeriod month = { "2026-11-01", "2026-11-30", 0, 0 };
  GtkWidget *page, *rates, *button;
  GtkWidget *satisfaction = NULL, *solved = NULL;

  open_database (fixture, TRUE);
  page = show_page (fixture);

  /* This quarter by default, as ld-report counts it and as the fixture has it. */
  g_assert_cmpint (ld_reports_page_get_span (LD_REPORTS_PAGE (page)), ==,
                   LD_REPORT_SPAN_QUARTER);
  g_assert_cmpstr (adw_window_title_get_subtitle (
                     ADW_WINDOW_TITLE (ld_test_find_widget_of_type (page,
                                                                    ADW_TYPE_WINDOW_TITLE))),
                   ==, "Fourth Quarter 2026 · 2026-10-01 to 2026-12-31");
  assert_page_agrees (page, ld_test_get_store (fixture), &quarter);
  g_assert_cmpstr (card_value (page, "received"), ==, "3");
  g_assert_cmpstr (card_value (page, "concluded"), ==, "3");
  g_assert_cmpstr (card_value (page, "assigned"), ==, "3");
  g_assert_cmpstr (card_value (page, "answered"), ==, "2");
  g_assert_cmpstr (card_value (page, "reply-rate"), ==, "66.7%");
  g_assert_cmpstr (card_value (page, "on-time-rate"), ==, "50.0%");
  g_assert_cmpstr (card_value (page, "satisfaction-rate"), ==, "100.0%");
  g_assert_cmpstr (card_value (page, "solved-rate"), ==, "50.0%");

  /* Satisfaction and solved side by side: next to each other in the same row of cards, at
   * every width, whether the four rates fit in one row, or wrap. */
  rates = find_named (page, "rates");
  g_assert_nonnull (rates);
  satisfaction = find_named (rates, "satisfaction-rate");
  solved = find_named (rates, "solved-rate");
  g_assert_nonnull (satisfaction);
  g_assert_nonnull (solved);
  {
    static const int widths[] = { 420, 560, 700, 760, 840, 900, 1000, 1240 };
    GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (page));
    gboolean wrapped = FALSE, one_row = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
      {
        graphene_rect_t a, b, reply;

        gtk_window_set_default_size (window, widths[i], 700);
        ld_test_iterate_for (100);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, widths[i]);
        g_assert_true (gtk_widget_compute_bounds (satisfaction, page, &a));
        g_assert_true (gtk_widget_compute_bounds (solved, page, &b));
        g_assert_true (gtk_widget_compute_bounds (find_named (rates, "reply-rate"), page,
                                                  &reply));
        g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
        g_assert_cmpfloat (a.origin.x, <, b.origin.x);
        if (reply.origin.y == a.origin.y)
          one_row = TRUE;
        else
          wrapped = TRUE;
      }
    /* Both layouts were seen, so the check above covered each. */
    g_assert_true (one_row);
    g_assert_true (wrapped);
    gtk_window_set_default_size (window, 900, 700);
    ld_test_iterate_for (100);
  }

  /* This month, by its button. */
  button = find_named (page, "span-switcher");
  g_assert_nonnull (button);
  button = gtk_widget_get_first_child (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "This _Month");
  g_signal_emit_by_name (button, "clicked");
  ld_test_iterate_idle ();
  g_assert_cmpint (ld_reports_page_get_span (LD_REPORTS_PAGE (page)), ==, LD_REPORT_SPAN_MONTH);
  assert_page_agrees (page, ld_test_get_store (fixture), &month);
  g_assert_cmpstr (card_value (page, "received"), ==, "1");
  g_assert_cmpstr (card_value (page, "concluded"), ==, "2");

  /* A concern registered now shows a moment after the store says so. */
  ld_test_exec_sql (ld_database_get_handle (ld_context_get_database (fixture->context)),
                    "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, "
                    "channel_id, category_id, subject) VALUES (6, 1, 2026, 6, "
                    "'2026-11-14T02:00:00Z', (SELECT min(id) FROM channels), "
                    "(SELECT min(id) FROM concern_categories), '楼道灯坏了');");
  ld_store_emit_changed (ld_test_get_store (fixture), "concern", 6);
  ld_test_iterate_for (400);
  g_assert_cmpstr (card_value (page, "received"), ==, "2");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_page_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page, *status;

  open_database (fixture, FALSE);
  page = show_page (fixture);

  status = ld_test_find_mapped_status_page (page);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Nothing to Report Yet");
  g_assert_null (card_value (page, "received"));
  /* The workbook can still be exported. */
  g_assert_true (gtk_widget_is_sensitive (find_named (page, "export-button")));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_dialog_defaults (Fixture       *fixture,
                      gconstpointer  data)
{
  LdExportDialog *self;
  GtkWidget *dialog, *station_row, *masked_row, *unmasked_row;
  GListModel *stations;

  open_database (fixture, FALSE);
  self = show_dialog (fixture);
  dialog = GTK_WIDGET (self);

  /* This quarter, masked, every station, the file named after the period. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (dialog,
                                                                           "period-row"))),
                    ==, LD_REPORT_SPAN_QUARTER);
  g_assert_cmpstr (row_subtitle (dialog, "period-row"), ==, "Fourth Quarter 2026");
  g_assert_cmpstr (entry_text (dialog, "from-row"), ==, "2026-10-01");
  g_assert_cmpstr (entry_text (dialog, "to-row"), ==, "2026-12-31");
  masked_row = find_named (dialog, "masked-row");
  unmasked_row = find_named (dialog, "unmasked-row");
  g_assert_true (gtk_check_button_get_active (
                   GTK_CHECK_BUTTON (ld_test_find_widget_of_type (masked_row,
                                                                  GTK_TYPE_CHECK_BUTTON))));
  g_assert_null (find_named (dialog, "unmask-warning"));
  station_row = find_named (dialog, "station-row");
  stations = adw_combo_row_get_model (ADW_COMBO_ROW (station_row));
  g_assert_cmpuint (g_list_model_get_n_items (stations), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (stations), 0), ==,
                   "All Stations");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (stations), 1), ==,
                   "水果湖代表联络站");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (station_row)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (dialog, "name-row"))), ==,
                   "Station Summary - Fourth Quarter 2026.xlsx");
  g_assert_true (export_enabled (dialog));

  /* Unmasked is a choice that says it is recorded. */
  gtk_widget_activate (unmasked_row);
  ld_test_iterate_idle ();
  g_assert_nonnull (find_named (dialog, "unmask-warning"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (dialog,
                                                                       "unmask-warning"))),
                            "export log records"));

  /* The period before, and a year, follow the first day shown. */
  g_assert_true (gtk_widget_activate_action (dialog, "export.earlier", NULL));
  ld_test_iterate_idle ();
  g_assert_cmpstr (entry_text (dialog, "from-row"), ==, "2026-07-01");
  g_assert_cmpstr (entry_text (dialog, "to-row"), ==, "2026-09-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (dialog, "name-row"))), ==,
                   "Station Summary - Third Quarter 2026.xlsx");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "period-row")),
                              LD_REPORT_SPAN_HALF_YEAR);
  ld_test_iterate_idle ();
  g_assert_cmpstr (entry_text (dialog, "from-row"), ==, "2026-07-01");
  g_assert_cmpstr (entry_text (dialog, "to-row"), ==, "2026-12-31");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_invalid_dates (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *dialog;

  open_database (fixture, FALSE);
  dialog = GTK_WIDGET (show_dialog (fixture));
  g_assert_cmpstr (row_subtitle (dialog, "from-row"), ==, "");

  /* A day that is not in the calendar is refused next to its field; the period is custom. */
  set_entry_text (dialog, "from-row", "2026-02-30");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (dialog,
                                                                           "period-row"))),
                    ==, LD_REPORT_SPAN_CUSTOM);
  g_assert_cmpstr (row_subtitle (dialog, "from-row"), ==, "There is no such day in the calendar.");
  g_assert_true (gtk_widget_has_css_class (find_named (dialog, "from-row"), "error"));
  g_assert_cmpstr (row_subtitle (dialog, "to-row"), ==, "");
  g_assert_false (export_enabled (dialog));
  gtk_widget_activate_action (dialog, "export.export", NULL);
  g_assert_false (ld_export_dialog_get_busy (LD_EXPORT_DIALOG (dialog)));

  set_entry_text (dialog, "from-row", "2026/10/01");
  g_assert_cmpstr (row_subtitle (dialog, "from-row"), ==,
                   "Enter the day as YYYY-MM-DD, for example 2026-10-01.");
  g_assert_false (export_enabled (dialog));

  /* The last day before the first is said at the last day. */
  set_entry_text (dialog, "from-row", "2026-12-01");
  set_entry_text (dialog, "to-row", "2026-11-01");
  g_assert_cmpstr (row_subtitle (dialog, "from-row"), ==, "");
  g_assert_false (gtk_widget_has_css_class (find_named (dialog, "from-row"), "error"));
  g_assert_cmpstr (row_subtitle (dialog, "to-row"), ==, "The last day is before the first day.");
  g_assert_false (export_enabled (dialog));

  set_entry_text (dialog, "to-row", "2026-12-20");
  g_assert_cmpstr (row_subtitle (dialog, "to-row"), ==, "");
  g_assert_true (export_enabled (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (dialog, "name-row"))), ==,
                   "Station Summary - 2026-12-01 to 2026-12-20.xlsx");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_export (Fixture       *fixture,
                    gconstpointer  data)
{
  LdExportDialog *self;
  GtkWidget *dialog, *open_file;
  g_autofree char *path = g_build_filename (fixture->dir, "quarter.xlsx", NULL);
  g_autofree char *shown = NULL;
  sqlite3 *db;
  GStatBuf st;

  open_database (fixture, TRUE);
  self = show_dialog (fixture);
  dialog = GTK_WIDGET (self);
  ld_export_dialog_set_path (self, path);
  shown = ld_export_dialog_dup_path (self);
  g_assert_cmpstr (shown, ==, path);
  g_assert_null (find_named (dialog, "open-file-button"));

  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  g_assert_true (ld_export_dialog_get_busy (self));
  ld_test_iterate_until (not_busy, self);
  ld_test_iterate_idle ();

  /* A workbook (a zip) is there, the export is recorded masked, and the file can be opened. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (length > 4 && memcmp (contents, "PK\003\004", 4) == 0);
  }
  db = ld_database_get_handle (ld_context_get_database (fixture->context));
  g_assert_cmpint (ld_test_query_int (db, "SELECT count(*) FROM export_log WHERE masked = 1 "
                                          "AND period_from = '2026-10-01' "
                                          "AND period_to = '2026-12-31'"), ==, 1);
  open_file = find_named (dialog, "open-file-button");
  g_assert_nonnull (open_file);
  g_assert_true (gtk_widget_is_sensitive (open_file));
  g_assert_nonnull (find_named (dialog, "open-folder-button"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "done-label"))),
                            "quarter.xlsx"));
  /* The message and buttons take the foot of the window: the file's rows stay in view. */
  ld_test_iterate_for (100);
  assert_in_view (find_named (dialog, "folder-row"));
  /* Nor is the file just written "in the folder already". */
  g_assert_null (find_named (dialog, "file-note"));

  /* Changing a choice asks for a new export. */
  set_entry_text (dialog, "to-row", "2026-11-30");
  g_assert_null (find_named (dialog, "open-file-button"));
  g_assert_true (export_enabled (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  LdExportDialog *self;
  GtkWidget *dialog, *status;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "quarter.xlsx",
                                            NULL);

  open_database (fixture, TRUE);
  self = show_dialog (fixture);
  dialog = GTK_WIDGET (self);
  ld_export_dialog_set_path (self, path);
  gtk_widget_activate (find_named (dialog, "unmasked-row"));
  ld_test_iterate_idle ();

  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  ld_test_iterate_until (not_busy, self);
  ld_test_iterate_idle ();

  /* The error is said in plain words; every choice stays. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  status = find_named (dialog, "status-label");
  g_assert_nonnull (status);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (status)),
                                   "The workbook could not be written: "));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_null (find_named (dialog, "open-file-button"));
  g_assert_true (gtk_check_button_get_active (
                   GTK_CHECK_BUTTON (ld_test_find_widget_of_type (find_named (dialog,
                                                                              "unmasked-row"),
                                                                  GTK_TYPE_CHECK_BUTTON))));
  g_assert_cmpstr (entry_text (dialog, "from-row"), ==, "2026-10-01");
  {
    g_autofree char *kept = ld_export_dialog_dup_path (self);

    g_assert_cmpstr (kept, ==, path);
  }
  g_assert_true (export_enabled (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  LdExportDialog *self;
  GtkWidget *dialog, *status;
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.xlsx", NULL);

  open_database (fixture, TRUE);
  self = show_dialog (fixture);
  dialog = GTK_WIDGET (self);
  ld_export_dialog_set_path (self, path);

  /* Cancel at once: the export checks before it puts the file in place. */
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  g_assert_true (ld_export_dialog_get_busy (self));
  g_assert_true (gtk_widget_activate_action (dialog, "export.cancel", NULL));
  ld_test_iterate_until (not_busy, self);
  ld_test_iterate_idle ();

  status = find_named (dialog, "status-label");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (status);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "Export cancelled. Nothing was written.");
  g_assert_null (find_named (dialog, "open-file-button"));
  g_assert_true (export_enabled (dialog));
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    /* Nor any temporary file beside it. */
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "liaison-desk.db"));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_shortcut (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window;
  GtkWindow *dialog;

  open_database (fixture, TRUE);
  ld_test_present_window (fixture, fixture->db_path, NULL);
  window = GTK_WIDGET (fixture->window);

  /* Ctrl+E opens the export dialog from any page, with the focus in the sidebar too. */
  g_assert_true (ld_test_has_binding (window, "<Control>e", "win.export-workbook"));
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "concerns"));
  gtk_widget_grab_focus (ld_test_find_sidebar (window));
  ld_test_iterate_idle ();
  g_assert_null (ld_test_find_toplevel (LD_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (window, "win.export-workbook", NULL));
  dialog = ld_test_wait_for_toplevel (LD_TYPE_EXPORT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  ld_test_wait_for_no_toplevel (LD_TYPE_EXPORT_DIALOG);
}

static void
test_file_names (void)
{
  g_autofree char *quarter = ld_report_span_file_name (LD_REPORT_SPAN_QUARTER, 2026, 4, NULL,
                                                       NULL);
  g_autofree char *month = ld_report_span_file_name (LD_REPORT_SPAN_MONTH, 2026, 2, NULL, NULL);
  g_autofree char *custom = ld_report_span_file_name (LD_REPORT_SPAN_CUSTOM, 0, 0,
                                                      "2026-01-05", "2026-02-10");
  char *from, *to;

  g_assert_cmpstr (quarter, ==, "Station Summary - Fourth Quarter 2026.xlsx");
  g_assert_cmpstr (month, ==, "Station Summary - February 2026.xlsx");
  g_assert_cmpstr (custom, ==, "Station Summary - 2026-01-05 to 2026-02-10.xlsx");

  ld_report_span_dates (LD_REPORT_SPAN_MONTH, 2028, 2, &from, &to);
  g_assert_cmpstr (from, ==, "2028-02-01");
  g_assert_cmpstr (to, ==, "2028-02-29");
  g_free (from);
  g_free (to);
  ld_report_span_dates (LD_REPORT_SPAN_HALF_YEAR, 2026, 1, &from, &to);
  g_assert_cmpstr (from, ==, "2026-01-01");
  g_assert_cmpstr (to, ==, "2026-06-30");
  g_free (from);
  g_free (to);
  g_assert_cmpint (ld_report_span_index_of (LD_REPORT_SPAN_QUARTER, 10), ==, 4);
  g_assert_cmpint (ld_report_span_index_of (LD_REPORT_SPAN_HALF_YEAR, 6), ==, 1);
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

  g_test_add_func ("/ui-reports/file-names", test_file_names);
  ADD ("/ui-reports/page-figures", test_page_figures);
  ADD ("/ui-reports/page-empty", test_page_empty);
  ADD ("/ui-reports/dialog-defaults", test_dialog_defaults);
  ADD ("/ui-reports/dialog-invalid-dates", test_dialog_invalid_dates);
  ADD ("/ui-reports/dialog-export", test_dialog_export);
  ADD ("/ui-reports/dialog-failure", test_dialog_failure);
  ADD ("/ui-reports/dialog-cancel", test_dialog_cancel);
  ADD ("/ui-reports/shortcut", test_shortcut);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-suggestions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-deadline.h"
#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-lists-page.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-suggestions-page.h"
#include "ld-test-ui.h"
#include "ld-unit.h"
#include "ld-window.h"

/* The suggestions page under Xvfb, as a clerk meets it: suggestions made through the store of a
 * real database file, counted, filtered by state and searched in Chinese; the 三色 colours of
 * their due dates; the residents owed feedback once a suggestion made from their concerns is
 * answered, until the feedback is recorded; the empty states; the keys; and the suggestion
 * deadlines in Preferences. Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static gboolean
is_mapped_text (GtkWidget *widget,
                gpointer   data)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  return text != NULL && gtk_widget_get_mapped (widget) && strstr (text, data) != NULL;
}

static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  return ld_test_find_widget (root, is_mapped_text, (gpointer) text);
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return ld_test_find_widget (root, is_button_labelled, (gpointer) label);
}

static gboolean
is_drop_down_titled (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_DROP_DOWN (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
is_toggle_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0
             || ld_test_find_widget (widget, is_mapped_text, data) != NULL);
}

static gboolean
is_count_label (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The count shown beside the title of the view toggle labelled @label ("" when hidden). */
static const char *
toggle_count (GtkWidget  *page,
              const char *label)
{
  GtkWidget *toggle = ld_test_find_widget (page, is_toggle_labelled, (gpointer) label);
  GtkWidget *count;

  g_assert_nonnull (toggle);
  count = ld_test_find_widget (toggle, is_count_label, NULL);
  g_assert_nonnull (count);
  return gtk_widget_get_visible (count) ? gtk_label_get_text (GTK_LABEL (count)) : "";
}

/* A local date @days from today ("YYYY-MM-DD"), as the page's clock sees it. */
static char *
dup_date (Fixture *fixture,
          int      months,
          int      days)
{
  g_autoptr(GDateTime) now = ld_context_now (fixture->context);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, days);
  g_autoptr(GDateTime) date = g_date_time_add_months (shifted, months);

  return g_date_time_format (date, "%Y-%m-%d");
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

static gint64
station_id (Fixture *fixture)
{
  g_autoptr(LdStation) station = ld_store_get_station (ld_test_get_store (fixture), NULL);

  g_assert_nonnull (station);
  return ld_station_get_id (station);
}

static gint64
first_entry (Fixture    *fixture,
             LdListKind  kind)
{
  g_autoptr(GPtrArray) entries = ld_store_list_entries (ld_test_get_store (fixture), kind, FALSE,
                                                        NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  return ld_list_entry_get_id (g_ptr_array_index (entries, 0));
}

static gint64
add_deputy (Fixture    *fixture,
            const char *name)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  ld_deputy_set_station_id (deputy, station_id (fixture));
  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, "district");
  ld_store_save_deputy (ld_test_get_store (fixture), deputy, &error);
  g_assert_no_error (error);

  return ld_deputy_get_id (deputy);
}

static gint64
add_unit (Fixture    *fixture,
          const char *name)
{
  g_autoptr(LdUnit) unit = ld_unit_new ();
  g_autoptr(GError) error = NULL;

  ld_unit_set_name (unit, name);
  ld_unit_set_kind (unit, "department");
  ld_store_save_unit (ld_test_get_store (fixture), unit, &error);
  g_assert_no_error (error);

  return ld_unit_get_id (unit);
}

static gint64
register_concern (Fixture    *fixture,
                  const char *resident,
                  gboolean    confidential,
                  const char *subject)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GError) error = NULL;
  static guint n_residents = 0;
  g_autofree char *phone = g_strdup_printf ("1390013%04u", 6000 + n_residents++);

  ld_concern_set_station_id (concern, station_id (fixture));
  ld_concern_set_received_at (concern, "2026-03-02T01:30:00Z");
  ld_concern_set_channel_id (concern, first_entry (fixture, LD_LIST_CHANNEL));
  ld_concern_set_category_id (concern, first_entry (fixture, LD_LIST_CONCERN_CATEGORY));
  ld_concern_set_resident_name (concern, resident);
  ld_concern_set_resident_phone (concern, phone);
  ld_concern_set_confidential (concern, confidential);
  ld_concern_set_subject (concern, subject);
  ld_concern_set_details (concern, subject);
  ld_concern_set_urgency (concern, "normal");
  ld_concern_store_register (ld_test_get_store (fixture), concern, 0, "王芳", &error);
  g_assert_no_error (error);

  return ld_concern_get_id (concern);
}

/* A suggestion of @deputy_id submitted half a year ago, made from the concerns @concern_ids. */
static gint64
create_suggestion (Fixture      *fixture,
                   gint64        deputy_id,
                   const char   *title,
                   const gint64 *concern_ids,
                   guint         n_concern_ids)
{
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *submitted = dup_date (fixture, -6, 0);

  ld_suggestion_set_station_id (suggestion, station_id (fixture));
  ld_suggestion_set_title (suggestion, title);
  ld_suggestion_set_content (suggestion, title);
  ld_suggestion_set_category_id (suggestion, first_entry (fixture, LD_LIST_SUGGESTION_CATEGORY));
  ld_suggestion_set_lead_deputy_id (suggestion, deputy_id);
  ld_suggestion_set_submitted_date (suggestion, submitted);
  ld_suggestion_set_concern_ids (suggestion, concern_ids, n_concern_ids);
  ld_suggestion_store_create (ld_test_get_store (fixture), suggestion, "王芳", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_suggestion_get_id (suggestion), >, 0);

  return ld_suggestion_get_id (suggestion);
}

static void
assign (Fixture    *fixture,
        gint64      id,
        gint64      unit_id,
        const char *date)
{
  LdSuggestionTransition args = { .unit_id = unit_id, .date = date };
  g_autoptr(GError) error = NULL;

  ld_suggestion_store_transition (ld_test_get_store (fixture), id, LD_SUGGESTION_ACTION_ASSIGN,
                                  &args, "王芳", &error);
  g_assert_no_error (error);
}

static void
answer (Fixture    *fixture,
        gint64      id,
        const char *text)
{
  LdSuggestionTransition args = {
    .answer_class_id = first_entry (fixture, LD_LIST_ANSWER_CLASS),
    .answer_text = text,
  };
  g_autoptr(GError) error = NULL;

  ld_suggestion_store_transition (ld_test_get_store (fixture), id, LD_SUGGESTION_ACTION_ANSWER,
                                  &args, "王芳", &error);
  g_assert_no_error (error);
}

static char *
dup_due_date (Fixture *fixture,
              gint64   id)
{
  g_autoptr(LdSuggestion) stored = ld_suggestion_store_get (ld_test_get_store (fixture), id,
                                                            NULL);

  g_assert_nonnull (stored);
  g_assert_nonnull (ld_suggestion_get_due_date (stored));
  return g_strdup (ld_suggestion_get_due_date (stored));
}

static LdSuggestionsPage *
show_suggestions_page (Fixture *fixture)
{
  GtkWidget *page;

  if (fixture->window == NULL)
    ld_test_present_window (fixture, fixture->db_path, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "suggestions"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_SUGGESTIONS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return LD_SUGGESTIONS_PAGE (page);
}

static guint
n_listed (LdSuggestionsPage *page)
{
  return g_list_model_get_n_items (ld_suggestions_page_get_model (page));
}

static gint64
listed_id (LdSuggestionsPage *page,
           guint              position)
{
  g_autoptr(LdSuggestion) suggestion = g_list_model_get_item (ld_suggestions_page_get_model (page),
                                                              position);

  return ld_suggestion_get_id (suggestion);
}

static void
type_search (LdSuggestionsPage *page,
             const char        *text)
{
  GtkWidget *entry = ld_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search waits for a pause in the typing. */
  ld_test_iterate_for (400);
  ld_test_iterate_idle ();
}

/* A button clicks a moment after it is activated, as it does under a key press. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  ld_test_iterate_for (300);
  ld_test_iterate_idle ();
}

static void
select_state (LdSuggestionsPage *page,
              const char        *state)
{
  GtkWidget *dropdown = ld_test_find_widget (GTK_WIDGET (page), is_drop_down_titled,
                                             (gpointer) "Status");
  GListModel *states;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_nonnull (dropdown);
  states = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (states); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (states), i), state) == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  ld_test_iterate_for (100);
  ld_test_iterate_idle ();
}

/* The dialog open over @parent, or NULL. */
static GtkWindow *
find_dialog_of (GtkWindow *parent)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent
          && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* ------------------------------------------------------------------ tests */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  LdSuggestionsPage *page;
  GtkWidget *status;

  open_database (fixture);
  page = show_suggestions_page (fixture);

  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "No Suggestions Yet");
  /* It says where suggestions come from, and offers both ways. */
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "Concerns"));
  g_assert_nonnull (find_button (status, "_New Suggestion"));
  g_assert_nonnull (ld_test_find_button_for_action (status, "win.new-suggestion"));
  g_assert_nonnull (find_button (status, "Go to _Concerns"));
  g_assert_cmpuint (n_listed (page), ==, 0);

  ld_suggestions_page_show_feedback (page, TRUE);
  ld_test_iterate_idle ();
  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Feedback Owed");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "Every resident has been told the outcome"));
  g_assert_cmpuint (g_list_model_get_n_items (ld_suggestions_page_get_feedback_model (page)), ==,
                    0);

  /* The empty state's button goes to the concerns. */
  ld_suggestions_page_show_feedback (page, FALSE);
  ld_test_iterate_idle ();
  click (find_button (GTK_WIDGET (page), "Go to _Concerns"));
  g_assert_cmpstr (ld_window_get_page (fixture->window), ==, "concerns");
}

static void
test_list_filter_search (Fixture       *fixture,
                         gconstpointer  data)
{
  LdSuggestionsPage *page;
  GtkWidget *status;
  gint64 deputy, unit, parking, lamp, noise;
  g_autofree char *assigned = NULL;

  open_database (fixture);
  deputy = add_deputy (fixture, "刘建国");
  unit = add_unit (fixture, "区住建局");
  parking = create_suggestion (fixture, deputy, "关于增设东湖小学周边停车位的建议", NULL, 0);
  lamp = create_suggestion (fixture, deputy, "关于修复东湖路路灯的建议", NULL, 0);
  noise = create_suggestion (fixture, deputy, "关于加强夜间施工噪音管理的建议", NULL, 0);
  page = show_suggestions_page (fixture);

  g_assert_cmpuint (n_listed (page), ==, 3);
  g_assert_cmpstr (toggle_count (GTK_WIDGET (page), "Suggestions"), ==, "3");
  /* The newest first, with the lead deputy's name. */
  g_assert_cmpint (listed_id (page, 0), ==, noise);
  g_assert_nonnull (find_text (GTK_WIDGET (page), "关于修复东湖路路灯的建议"));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "刘建国"));

  /* A state: only the one assigned, which the store's change brings in by itself. */
  assigned = dup_date (fixture, -1, 0);
  assign (fixture, lamp, unit, assigned);
  ld_test_iterate_idle ();
  select_state (page, ld_suggestion_state_to_string (LD_SUGGESTION_ASSIGNED));
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, lamp);
  g_assert_cmpstr (toggle_count (GTK_WIDGET (page), "Suggestions"), ==, "1");
  g_assert_nonnull (find_text (GTK_WIDGET (page), "区住建局"));
  select_state (page, "All States");
  g_assert_cmpuint (n_listed (page), ==, 3);

  /* Two Chinese characters are enough to find one. */
  type_search (page, "停车");
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, parking);
  type_search (page, "噪音");
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, noise);

  /* Nothing matches the search and the state together: the way out clears both. */
  select_state (page, ld_suggestion_state_to_string (LD_SUGGESTION_ASSIGNED));
  g_assert_cmpuint (n_listed (page), ==, 0);
  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "No Matching Suggestions");
  click (find_button (status, "_Clear Filters"));
  g_assert_cmpuint (n_listed (page), ==, 3);
}

static void
test_due_colours (Fixture       *fixture,
                  gconstpointer  data)
{
  LdSuggestionsPage *page;
  GtkWidget *cell, *overdue_toggle, *soon_toggle;
  gint64 deputy, unit, late, soon, fine;
  g_autofree char *late_assigned = dup_date (fixture, -4, 0);
  g_autofree char *soon_assigned = dup_date (fixture, -3, 3);
  /* Not the date the late one fell due: the cells are found by their text. */
  g_autofree char *fine_assigned = dup_date (fixture, 0, -20);
  g_autofree char *late_due = NULL;
  g_autofree char *soon_due = NULL;
  g_autofree char *fine_due = NULL;

  open_database (fixture);
  deputy = add_deputy (fixture, "陈红");
  unit = add_unit (fixture, "市城管局");
  late = create_suggestion (fixture, deputy, "关于垃圾分类收运的建议", NULL, 0);
  soon = create_suggestion (fixture, deputy, "关于老旧小区加装电梯的建议", NULL, 0);
  fine = create_suggestion (fixture, deputy, "关于社区养老服务的建议", NULL, 0);
  assign (fixture, late, unit, late_assigned);
  assign (fixture, soon, unit, soon_assigned);
  assign (fixture, fine, unit, fine_assigned);
  late_due = dup_due_date (fixture, late);
  soon_due = dup_due_date (fixture, soon);
  fine_due = dup_due_date (fixture, fine);
  page = show_suggestions_page (fixture);

  cell = find_text (GTK_WIDGET (page), late_due);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_false (gtk_widget_has_css_class (cell, "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Overdue");

  cell = find_text (GTK_WIDGET (page), soon_due);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Due soon");

  cell = find_text (GTK_WIDGET (page), fine_due);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "success"));

  /* The due filters, one at a time. */
  overdue_toggle = ld_test_find_widget (GTK_WIDGET (page), is_toggle_labelled,
                                        (gpointer) "_Overdue");
  soon_toggle = ld_test_find_widget (GTK_WIDGET (page), is_toggle_labelled,
                                     (gpointer) "Due _Soon");
  g_assert_nonnull (overdue_toggle);
  g_assert_nonnull (soon_toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue_toggle), TRUE);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, late);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (soon_toggle), TRUE);
  ld_test_iterate_idle ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue_toggle)));
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, soon);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (soon_toggle), FALSE);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_listed (page), ==, 3);

  /* Once answered, a due date is no longer live and loses its colour. */
  answer (fixture, late, "已纳入明年垃圾分类工作计划。");
  ld_test_iterate_idle ();
  cell = find_text (GTK_WIDGET (page), late_due);
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (cell));

  /* Nothing is overdue any more. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue_toggle), TRUE);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_listed (page), ==, 0);
}

static void
test_feedback_owed (Fixture       *fixture,
                    gconstpointer  data)
{
  LdConcernTransition told = { .satisfaction = "satisfied" };
  LdSuggestionsPage *page;
  GListModel *feedback;
  GtkWindow *concern_page;
  GtkWidget *status;
  g_autoptr(GError) error = NULL;
  g_autofree char *assigned = NULL;
  gint64 deputy, unit, parked, quiet, suggestion, both[2];

  open_database (fixture);
  deputy = add_deputy (fixture, "刘建国");
  unit = add_unit (fixture, "区交通运输局");
  parked = register_concern (fixture, "张三丰", TRUE, "东湖小学门口接送车辆乱停");
  quiet = register_concern (fixture, "李四", FALSE, "学校周边缺少停车位");
  both[0] = parked;
  both[1] = quiet;
  suggestion = create_suggestion (fixture, deputy, "关于增设东湖小学周边停车位的建议", both,
                                  G_N_ELEMENTS (both));
  page = show_suggestions_page (fixture);
  feedback = ld_suggestions_page_get_feedback_model (page);

  /* Nothing is owed while the suggestion waits for its answer. */
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 0);
  g_assert_cmpstr (toggle_count (GTK_WIDGET (page), "Feedback Owed"), ==, "");

  assigned = dup_date (fixture, -1, 0);
  assign (fixture, suggestion, unit, assigned);
  answer (fixture, suggestion, "已在学校东侧增设临时停车泊位60个。");
  ld_test_iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 2);
  g_assert_cmpstr (toggle_count (GTK_WIDGET (page), "Feedback Owed"), ==, "2");

  /* The list shows who is owed what, the confidential resident masked. */
  ld_suggestions_page_show_feedback (page, TRUE);
  ld_test_iterate_idle ();
  g_assert_nonnull (find_text (GTK_WIDGET (page), "张**"));
  g_assert_null (find_text (GTK_WIDGET (page), "张三丰"));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "李四"));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "学校周边缺少停车位"));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "已在学校东侧增设临时停车泊位60个。"));

  /* "Resident Told…" opens the concern at its feedback step. */
  click (find_button (GTK_WIDGET (page), "Resident Told…"));
  concern_page = ld_test_wait_for_toplevel (LD_TYPE_CONCERN_PAGE);
  ld_test_iterate_idle ();
  {
    g_autoptr(LdConcern) first = g_list_model_get_item (feedback, 0);
    GtkWindow *dialog = find_dialog_of (concern_page);

    g_assert_cmpint (ld_concern_page_get_concern_id (LD_CONCERN_PAGE (concern_page)), ==,
                     ld_concern_get_id (first));
    g_assert_nonnull (dialog);
    g_assert_nonnull (find_button (GTK_WIDGET (dialog), "Record Feedback"));
    gtk_window_destroy (dialog);
  }
  gtk_window_destroy (concern_page);
  ld_test_iterate_idle ();

  /* Feedback recorded for one resident: the other is still owed. */
  ld_concern_store_transition (ld_test_get_store (fixture), quiet,
                               LD_CONCERN_ACTION_GIVE_FEEDBACK, &told, "王芳", &error);
  g_assert_no_error (error);
  ld_test_iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 1);
  g_assert_null (find_text (GTK_WIDGET (page), "学校周边缺少停车位"));
  g_assert_cmpstr (toggle_count (GTK_WIDGET (page), "Feedback Owed"), ==, "1");

  ld_concern_store_transition (ld_test_get_store (fixture), parked,
                               LD_CONCERN_ACTION_GIVE_FEEDBACK, &told, "王芳", &error);
  g_assert_no_error (error);
  ld_test_iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 0);
  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Feedback Owed");
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  LdSuggestionsPage *page;
  GtkWindow *editor;
  GtkWidget *entry, *focus;

  open_database (fixture);
  create_suggestion (fixture, add_deputy (fixture, "陈红"), "关于社区养老服务的建议", NULL, 0);
  page = show_suggestions_page (fixture);

  /* Ctrl+Shift+N is the window's, so it works from every page but Deputies (a new deputy). */
  g_assert_true (ld_test_has_binding (GTK_WIDGET (fixture->window), "<Control><Shift>n",
                              "win.new-suggestion"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-suggestion",
                                             NULL));
  editor = ld_test_wait_for_toplevel (LD_TYPE_SUGGESTION_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (editor);
  ld_test_iterate_idle ();

  /* Ctrl+F finds the search, also from the feedback owed and with the focus in the sidebar
   * (where the window's binding passes it on to the page shown). */
  g_assert_true (ld_test_has_binding (GTK_WIDGET (page), "<Control>f", "suggestions.search"));
  g_assert_true (ld_test_has_binding (GTK_WIDGET (fixture->window), "<Control>f", "win.search"));
  ld_suggestions_page_show_feedback (page, TRUE);
  ld_test_iterate_idle ();
  gtk_widget_grab_focus (ld_test_find_sidebar (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  ld_test_iterate_idle ();
  entry = ld_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_get_mapped (entry));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_deadline_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  LdSuggestionDeadlines deadlines = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *due = NULL;
  LdSuggestionsPage *page;
  GtkWidget *window, *lists, *row, *spin, *cell;
  gint64 id;

  open_database (fixture);
  /* Due in nine days: on time while "due soon" means seven. */
  id = create_suggestion (fixture, add_deputy (fixture, "陈红"), "关于社区养老服务的建议", NULL, 0);
  assigned = dup_date (fixture, -3, 9);
  assign (fixture, id, add_unit (fixture, "区民政局"), assigned);
  due = dup_due_date (fixture, id);
  page = show_suggestions_page (fixture);
  cell = find_text (GTK_WIDGET (page), due);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "success"));

  window = gtk_window_new ();
  lists = ld_lists_page_new (fixture->context);
  gtk_window_set_child (GTK_WINDOW (window), lists);
  ld_test_present (GTK_WINDOW (window));

  /* The rows show the stored defaults. */
  row = ld_test_find_widget (lists, is_row_titled, (gpointer) "Due Soon");
  g_assert_nonnull (row);
  spin = ld_test_find_widget_of_type (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 7);
  row = ld_test_find_widget (lists, is_row_titled, (gpointer) "Answer Due");
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     GTK_SPIN_BUTTON (ld_test_find_widget_of_type (row, GTK_TYPE_SPIN_BUTTON))),
                   ==, 3);

  /* A change is saved at once, and the others stay. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  ld_test_iterate_idle ();
  g_assert_true (ld_suggestion_store_get_deadlines (ld_test_get_store (fixture), 0, &deadlines,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (deadlines.due_soon_days, ==, 10);
  g_assert_cmpint (deadlines.answer_due_months, ==, 3);
  g_assert_cmpint (deadlines.return_working_days, ==, 7);

  /* The list follows at once: nine days ahead is now due soon. */
  cell = find_text (GTK_WIDGET (page), due);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));

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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ld_test_fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-suggestions/empty", test_empty);
  ADD ("/ui-suggestions/list-filter-search", test_list_filter_search);
  ADD ("/ui-suggestions/due-colours", test_due_colours);
  ADD ("/ui-suggestions/feedback-owed", test_feedback_owed);
  ADD ("/ui-suggestions/keyboard", test_keyboard);
  ADD ("/ui-suggestions/deadline-settings", test_deadline_settings);

#undef ADD

  return g_test_run ();
}

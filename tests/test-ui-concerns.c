/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-concerns"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-concerns-page.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-list-entry.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-unit.h"
#include "ld-window.h"

/* The concerns list and the concern page under Xvfb, as a clerk meets them: concerns registered
 * through the store of a real database file, listed with a confidential resident masked,
 * searched in Chinese, filtered and sorted; the empty state; a concern opened with its timeline
 * and only the steps its state allows; a referral made through its dialog; and an overdue row
 * marked. Any warning or critical fails the test. */

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

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  return ld_test_find_widget (root, is_mapped_text, (gpointer) text);
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

static LdConcern *
register_concern (Fixture    *fixture,
                  const char *received_at,
                  const char *resident,
                  gboolean    confidential,
                  const char *subject,
                  const char *details)
{
  LdStore *store = ld_test_get_store (fixture);
  g_autoptr(LdStation) station = ld_store_get_station (store, NULL);
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GError) error = NULL;
  /* Each resident their own phone: a known phone is the same resident. */
  static guint n_residents = 0;
  g_autofree char *phone = g_strdup_printf ("1380013%04u", 8000 + n_residents++);

  ld_concern_set_station_id (concern, ld_station_get_id (station));
  ld_concern_set_received_at (concern, received_at);
  ld_concern_set_channel_id (concern, first_entry (fixture, LD_LIST_CHANNEL));
  ld_concern_set_category_id (concern, first_entry (fixture, LD_LIST_CONCERN_CATEGORY));
  ld_concern_set_resident_name (concern, resident);
  ld_concern_set_resident_phone (concern, phone);
  ld_concern_set_confidential (concern, confidential);
  ld_concern_set_subject (concern, subject);
  ld_concern_set_details (concern, details);
  ld_concern_set_urgency (concern, "normal");
  ld_concern_store_register (store, concern, 0, "王芳", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_concern_get_id (concern), >, 0);

  return g_steal_pointer (&concern);
}

static void
refer (Fixture    *fixture,
       LdConcern  *concern,
       gint64      unit_id,
       const char *date)
{
  LdConcernTransition args = { .unit_id = unit_id, .date = date };
  g_autoptr(GError) error = NULL;

  ld_concern_store_transition (ld_test_get_store (fixture), ld_concern_get_id (concern),
                               LD_CONCERN_ACTION_REFER, &args, "王芳", &error);
  g_assert_no_error (error);
}

static LdConcernsPage *
show_concerns_page (Fixture *fixture)
{
  GtkWidget *page;

  if (fixture->window == NULL)
    ld_test_present_window (fixture, fixture->db_path, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "concerns"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_CONCERNS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return LD_CONCERNS_PAGE (page);
}

static guint
n_listed (LdConcernsPage *page)
{
  return g_list_model_get_n_items (ld_concerns_page_get_model (page));
}

static gint64
listed_id (LdConcernsPage *page,
           guint           position)
{
  g_autoptr(LdConcern) concern = g_list_model_get_item (ld_concerns_page_get_model (page),
                                                        position);

  return ld_concern_get_id (concern);
}

static void
type_search (LdConcernsPage *page,
             const char     *text)
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

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static gboolean
is_timeline (GtkWidget *widget,
             gpointer   data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "boxed-list");
}

static gboolean
is_window_titled (gpointer data)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), data) == 0
          && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

static GtkWindow *
find_window_titled (const char *title)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

/* ------------------------------------------------------------------ tests */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  LdConcernsPage *page;
  GtkWidget *status;

  open_database (fixture);
  page = show_concerns_page (fixture);

  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Concerns Yet");
  g_assert_nonnull (find_button (status, "_Register a Concern"));
  g_assert_nonnull (ld_test_find_button_for_action (status, "win.new-concern"));
  g_assert_cmpuint (n_listed (page), ==, 0);
}

static void
test_list_search_filter_sort (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LdConcern) noise = NULL;
  g_autoptr(LdConcern) parking = NULL;
  g_autoptr(LdConcern) lamp = NULL;
  LdConcernsPage *page;
  GtkWidget *column_view, *state_dropdown, *status;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) reference_column = NULL;
  GtkStringList *states;
  guint referred = GTK_INVALID_LIST_POSITION;

  open_database (fixture);
  noise = register_concern (fixture, "2026-11-02T01:30:00Z", "张三丰", TRUE,
                            "小区夜间施工噪音扰民", "每天晚上十一点以后还在施工，老人睡不着。");
  parking = register_concern (fixture, "2026-11-03T02:00:00Z", "李四", FALSE,
                              "停车位不足", "小区停车位太少，车只能停在消防通道。");
  lamp = register_concern (fixture, "2026-11-04T03:00:00Z", "王五", FALSE,
                           "路灯不亮", "东湖路的路灯坏了一个月。");
  page = show_concerns_page (fixture);

  g_assert_cmpuint (n_listed (page), ==, 3);
  g_assert_nonnull (find_text (GTK_WIDGET (page), "3 concerns"));
  /* Newest first, and the confidential resident masked. */
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (lamp));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "张**"));
  g_assert_null (find_text (GTK_WIDGET (page), "张三丰"));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "李四"));

  /* A two-character word finds the concern that has it. */
  type_search (page, "噪音");
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (noise));
  type_search (page, "消防");
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (parking));
  type_search (page, "");
  g_assert_cmpuint (n_listed (page), ==, 3);

  /* Only the referred one under "Referred"; the store's change reaches the list by itself. */
  refer (fixture, parking, add_unit (fixture, "区住建局"), NULL);
  ld_test_iterate_idle ();
  state_dropdown = ld_test_find_widget (GTK_WIDGET (page), is_drop_down_titled, (gpointer) "Status");
  g_assert_nonnull (state_dropdown);
  states = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (state_dropdown)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (states)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (states, i),
                   ld_concern_state_to_string (LD_CONCERN_REFERRED)) == 0)
      referred = i;
  g_assert_cmpuint (referred, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (state_dropdown), referred);
  ld_test_iterate_for (100);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_listed (page), ==, 1);
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (parking));
  g_assert_nonnull (find_text (GTK_WIDGET (page), "1 concern"));

  /* A search nothing matches, with the filter: the no-match state, and its way out. */
  type_search (page, "地铁");
  status = ld_test_find_mapped_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "No Matching Concerns");
  click (find_button (status, "_Clear Filters"));
  g_assert_cmpuint (n_listed (page), ==, 3);

  /* Clicking the number header sorts by reference number, oldest first. */
  column_view = ld_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  reference_column = g_list_model_get_item (columns, 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (reference_column), ==, "Number");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), reference_column,
                                  GTK_SORT_ASCENDING);
  ld_test_iterate_idle ();
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (noise));
  g_assert_cmpint (listed_id (page, 2), ==, ld_concern_get_id (lamp));
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), reference_column,
                                  GTK_SORT_DESCENDING);
  ld_test_iterate_idle ();
  g_assert_cmpint (listed_id (page, 0), ==, ld_concern_get_id (lamp));
}

static void
test_overdue_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LdConcern) late = NULL;
  g_autoptr(LdConcern) recent = NULL;
  g_autoptr(LdConcern) stored = NULL;
  LdConcernsPage *page;
  GtkWidget *cell;
  gint64 unit;

  open_database (fixture);
  unit = add_unit (fixture, "市城管局");
  late = register_concern (fixture, "2026-01-05T01:00:00Z", "赵六", FALSE, "垃圾清运不及时",
                           "垃圾站一周才清一次。");
  recent = register_concern (fixture, "2026-11-20T01:00:00Z", "钱七", FALSE, "树枝挡路",
                             "人行道的树枝太低。");
  refer (fixture, late, unit, "2026-01-05");
  page = show_concerns_page (fixture);

  stored = ld_concern_store_get (ld_test_get_store (fixture), ld_concern_get_id (late), NULL);
  g_assert_nonnull (ld_concern_get_due_date (stored));
  cell = find_text (GTK_WIDGET (page), ld_concern_get_due_date (stored));
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Overdue");
}

static void
test_concern_page_refer (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdConcern) concern = NULL;
  g_autoptr(LdConcern) stored = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *due = NULL;
  const LdConcernAction *actions;
  guint n_actions = 0;
  GtkWindow *window, *dialog;
  GtkWidget *timeline, *unit_dropdown, *commit;
  guint n_before;

  open_database (fixture);
  add_unit (fixture, "区住建局");
  concern = register_concern (fixture, "2026-11-02T01:30:00Z", "张三丰", TRUE,
                              "小区夜间施工噪音扰民", "每天晚上十一点以后还在施工。\n老人睡不着。");
  show_concerns_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-concern",
                                             "x", ld_concern_get_id (concern)));
  window = ld_test_wait_for_toplevel (LD_TYPE_CONCERN_PAGE);
  ld_test_iterate_idle ();

  /* All it records: the masked phone until asked, the resident's words, the timeline. */
  g_assert_nonnull (find_text (GTK_WIDGET (window), "138****"));
  g_assert_nonnull (find_text (GTK_WIDGET (window), "Confidential"));
  timeline = ld_test_find_widget (GTK_WIDGET (window), is_timeline, NULL);
  g_assert_nonnull (timeline);
  n_before = count_rows (timeline);
  g_assert_cmpuint (n_before, >=, 1);

  /* A button for each step the state allows, and no other. */
  actions = ld_workflow_concern_actions (LD_CONCERN_REGISTERED, &n_actions);
  for (guint i = 0; i < n_actions; i++)
    g_assert_nonnull (find_button (GTK_WIDGET (window), ld_concern_action_to_label (actions[i])));
  g_assert_null (find_button (GTK_WIDGET (window), ld_concern_action_to_label (LD_CONCERN_ACTION_CONCLUDE)));
  g_assert_null (find_button (GTK_WIDGET (window), ld_concern_action_to_label (LD_CONCERN_ACTION_CHASE)));

  /* Refer through its dialog: the due date it will get is shown before it is taken. */
  gtk_widget_activate (find_button (GTK_WIDGET (window), ld_concern_action_to_label (LD_CONCERN_ACTION_REFER)));
  ld_test_iterate_until (is_window_titled, (gpointer) "Refer to a Handling Unit");
  dialog = find_window_titled ("Refer to a Handling Unit");
  ld_test_iterate_idle ();

  now = ld_context_now (fixture->context);
  today = g_date_time_format (now, "%Y-%m-%d");
  due = ld_concern_store_due_date (ld_test_get_store (fixture),
                                   ld_concern_get_category_id (concern), today, NULL);
  g_assert_nonnull (due);
  g_assert_nonnull (find_text (GTK_WIDGET (dialog), due));
  unit_dropdown = ld_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit_dropdown)), ==, 0);
  /* The button that takes the step says so plainly: "Refer", not "Refer…" (which opened it). */
  g_assert_null (find_button (GTK_WIDGET (dialog), ld_concern_action_to_label (LD_CONCERN_ACTION_REFER)));
  commit = find_button (GTK_WIDGET (dialog), "Refer");
  g_assert_nonnull (commit);
  click (commit);
  g_assert_false (is_window_titled ((gpointer) "Refer to a Handling Unit"));

  stored = ld_concern_store_get (ld_test_get_store (fixture), ld_concern_get_id (concern), NULL);
  g_assert_cmpint (ld_concern_get_state (stored), ==, LD_CONCERN_REFERRED);
  g_assert_cmpstr (ld_concern_get_due_date (stored), ==, due);

  timeline = ld_test_find_widget (GTK_WIDGET (window), is_timeline, NULL);
  g_assert_cmpuint (count_rows (timeline), ==, n_before + 1);
  g_assert_nonnull (find_text (GTK_WIDGET (window), ld_concern_state_to_string (LD_CONCERN_REFERRED)));
  g_assert_nonnull (find_button (GTK_WIDGET (window), ld_concern_action_to_label (LD_CONCERN_ACTION_CHASE)));

  gtk_window_destroy (window);
  ld_test_iterate_idle ();
}

static void
test_transition_error_keeps_text (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LdConcern) concern = NULL;
  GtkWindow *window, *dialog;
  GtkWidget *view;

  open_database (fixture);
  concern = register_concern (fixture, "2026-11-02T01:30:00Z", "李四", FALSE, "停车位不足",
                              "车只能停在消防通道。");
  show_concerns_page (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-concern", "x",
                              ld_concern_get_id (concern));
  window = ld_test_wait_for_toplevel (LD_TYPE_CONCERN_PAGE);
  ld_test_iterate_idle ();

  /* A note with nothing in it is refused in the dialog, which stays open. */
  dialog = ld_concern_page_start_action (LD_CONCERN_PAGE (window), LD_CONCERN_ACTION_NOTE);
  g_assert_nonnull (dialog);
  ld_test_iterate_idle ();
  click (find_button (GTK_WIDGET (dialog), "Add Note"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  view = ld_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "已电话联系居民", -1);
  click (find_button (GTK_WIDGET (dialog), "Add Note"));
  g_assert_nonnull (find_text (GTK_WIDGET (window), "已电话联系居民"));

  gtk_window_destroy (window);
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

  ADD ("/ui-concerns/empty", test_empty);
  ADD ("/ui-concerns/list-search-filter-sort", test_list_search_filter_sort);
  ADD ("/ui-concerns/overdue-row", test_overdue_row);
  ADD ("/ui-concerns/concern-page-refer", test_concern_page_refer);
  ADD ("/ui-concerns/transition-error-keeps-text", test_transition_error_keeps_text);

#undef ADD

  return g_test_run ();
}

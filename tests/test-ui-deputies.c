/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-deputies"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-deputies-page.h"
#include "ld-deputy-editor.h"
#include "ld-station-editor.h"
#include "ld-station-setup-window.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-window.h"

/* The deputies page and the station profile under Xvfb, as a clerk meets them: a deputy added
 * through the editor, with its validation; the search; delete with Undo, and retire instead of
 * delete; the station profile asked for first on a new database; and a district's 2,000
 * deputies listed and sorted by the store. Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static gboolean
is_mapped_button_labelled (GtkWidget *widget,
                           gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Labels, and the inscriptions of list cells. */
static gboolean
is_mapped_label_containing (GtkWidget *widget,
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
is_drop_down_titled (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_DROP_DOWN (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
station_setup_shown (gpointer data)
{
  GtkWindow *window = ld_test_find_toplevel (LD_TYPE_STATION_SETUP_WINDOW);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gint64
add_deputy (Fixture    *fixture,
            const char *name,
            const char *phone)
{
  LdStore *store = ld_test_get_store (fixture);
  g_autoptr(LdStation) station = ld_store_get_station (store, NULL);
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (station);
  ld_deputy_set_station_id (deputy, ld_station_get_id (station));
  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, "district");
  ld_deputy_set_phone (deputy, phone);
  ld_store_save_deputy (store, deputy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_deputy_get_id (deputy), >, 0);

  return ld_deputy_get_id (deputy);
}

static void
open_database (Fixture  *fixture,
               gboolean  with_station)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  if (with_station)
    ld_test_save_station (ld_test_get_store (fixture), "东湖街道代表联络站",
                          "东湖街道人大工委");
}

static LdDeputiesPage *
show_deputies_page (Fixture *fixture)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "deputies"));
  ld_test_iterate_idle ();

  page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window), LD_TYPE_DEPUTIES_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  return LD_DEPUTIES_PAGE (page);
}

static guint
n_listed (LdDeputiesPage *page)
{
  return g_list_model_get_n_items (ld_deputies_page_get_model (page));
}

/* Returns: (transfer full): the deputy listed at @position */
static LdDeputy *
listed (LdDeputiesPage *page,
        guint           position)
{
  LdDeputy *deputy = g_list_model_get_item (ld_deputies_page_get_model (page), position);

  g_assert_true (LD_IS_DEPUTY (deputy));
  return deputy;
}

static void
assert_listed_name (LdDeputiesPage *page,
                    guint           position,
                    const char     *name)
{
  g_autoptr(LdDeputy) deputy = listed (page, position);

  g_assert_cmpstr (ld_deputy_get_name (deputy), ==, name);
}

static const char *
count_text (LdDeputiesPage *page)
{
  GtkWidget *title = ld_test_find_widget_of_type (GTK_WIDGET (page), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static const char *
status_page_title (GtkWidget *root)
{
  GtkWidget *status_page = ld_test_find_mapped_status_page (root);

  return status_page ? adw_status_page_get_title (ADW_STATUS_PAGE (status_page)) : NULL;
}

static void
select_deputy (LdDeputiesPage *page,
               gint64          id)
{
  GListModel *model = ld_deputies_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LdDeputy) deputy = g_list_model_get_item (model, i);

      if (ld_deputy_get_id (deputy) == id)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
          ld_test_iterate_idle ();
          return;
        }
    }

  g_assert_not_reached ();
}

static gboolean
page_lists_count (gpointer data)
{
  gpointer *args = data;

  return n_listed (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_for_count (LdDeputiesPage *page,
                guint           count)
{
  gpointer args[] = { page, GUINT_TO_POINTER (count) };

  ld_test_iterate_until (page_lists_count, args);
  ld_test_iterate_idle ();
}

/* ------------------------------------------------------------------ fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ld_test_fixture_set_up (fixture, data);
  g_settings_set_int (fixture->settings, "window-width", 1100);
  g_settings_set_int (fixture->settings, "window-height", 700);
}

/* ------------------------------------------------------------------ tests */

static void
test_add_through_editor (Fixture       *fixture,
                         gconstpointer  data)
{
  LdDeputiesPage *page;
  GtkWindow *editor;
  GtkWidget *name_row, *phone_row, *save_button;
  GtkWidget *phone_error;
  GtkWidget *message;
  g_autoptr(LdDeputy) deputy = NULL;

  open_database (fixture, TRUE);
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);

  /* A new roster says so, and offers the two ways to fill it. */
  g_assert_cmpstr (status_page_title (GTK_WIDGET (page)), ==, "No Deputies Yet");
  g_assert_nonnull (ld_test_find_button_for_action (GTK_WIDGET (page), "win.import-roster"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "deputies.new", NULL));
  editor = ld_test_wait_for_toplevel (LD_TYPE_DEPUTY_EDITOR);
  ld_test_iterate_idle ();
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (editor));

  name_row = ld_test_find_entry_row (GTK_WIDGET (editor), "Name");
  phone_row = ld_test_find_entry_row (GTK_WIDGET (editor), "Phone");
  save_button = ld_test_find_button_for_action (GTK_WIDGET (editor), "deputy.save");
  g_assert_nonnull (name_row);
  g_assert_nonnull (phone_row);
  g_assert_nonnull (save_button);

  /* An empty form cannot be saved, but does not open covered in red. */
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* A name with a phone number that is not one. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "张三");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "12345");
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_true (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  phone_error = gtk_widget_get_next_sibling (phone_row);
  g_assert_nonnull (phone_error);
  g_assert_true (gtk_widget_get_mapped (phone_error));
  message = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (phone_error));
  g_assert_true (GTK_IS_LABEL (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");

  /* Mobiles may be typed with spaces. */
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "138 0013 8000");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_false (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_false (gtk_widget_get_mapped (phone_error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "deputy.save", NULL));
  ld_test_wait_for_no_toplevel (LD_TYPE_DEPUTY_EDITOR);
  wait_for_count (page, 1);

  deputy = listed (page, 0);
  g_assert_cmpstr (ld_deputy_get_name (deputy), ==, "张三");
  g_assert_cmpstr (ld_deputy_get_phone (deputy), ==, "13800138000");
  g_assert_cmpstr (count_text (page), ==, "1 deputy");
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "张三"));
  g_assert_null (status_page_title (GTK_WIDGET (page)));
}

static gboolean
child_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (data));
}

/* The same deputy twice: the store refuses, and the dialog keeps everything typed. */
static void
test_failed_save_keeps_form (Fixture       *fixture,
                             gconstpointer  data)
{
  LdDeputiesPage *page;
  GtkWindow *editor;
  GtkWidget *revealer;
  LdDeputy *typed;

  open_database (fixture, TRUE);
  add_deputy (fixture, "张三", "13800138000");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (page), "deputies.new", NULL);
  editor = ld_test_wait_for_toplevel (LD_TYPE_DEPUTY_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor), "Name")),
                         "张三");
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor), "Phone")),
                         "138-0013-8000");
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor), "Workplace")),
                         "东湖中学");
  ld_test_iterate_idle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "deputy.save", NULL));
  ld_test_iterate_idle ();

  g_assert_true (ld_test_find_toplevel (LD_TYPE_DEPUTY_EDITOR) == editor);
  revealer = ld_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_REVEALER);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  ld_test_iterate_until (child_revealed, revealer);
  g_assert_nonnull (ld_test_find_widget (revealer, is_mapped_label_containing,
                                         (gpointer) "could not be saved"));

  typed = ld_deputy_editor_get_deputy (LD_DEPUTY_EDITOR (editor));
  g_assert_cmpstr (ld_deputy_get_name (typed), ==, "张三");
  g_assert_cmpstr (ld_deputy_get_phone (typed), ==, "138-0013-8000");
  g_assert_cmpstr (ld_deputy_get_workplace (typed), ==, "东湖中学");
  g_assert_cmpuint (n_listed (page), ==, 1);

  gtk_window_destroy (editor);
}

static void
test_editor_cancel_asks (Fixture       *fixture,
                         gconstpointer  data)
{
  LdDeputiesPage *page;
  GtkWindow *editor;
  AdwMessageDialog *dialog;

  open_database (fixture, TRUE);
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);

  /* Nothing typed: Escape just closes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "deputies.new", NULL);
  editor = ld_test_wait_for_toplevel (LD_TYPE_DEPUTY_EDITOR);
  gtk_widget_activate_action (GTK_WIDGET (editor), "deputy.cancel", NULL);
  ld_test_wait_for_no_toplevel (LD_TYPE_DEPUTY_EDITOR);

  /* Something typed: it asks first, and keeping on editing keeps the text. */
  gtk_widget_activate_action (GTK_WIDGET (page), "deputies.new", NULL);
  editor = ld_test_wait_for_toplevel (LD_TYPE_DEPUTY_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor), "Name")),
                         "李四");
  gtk_widget_activate_action (GTK_WIDGET (editor), "deputy.cancel", NULL);
  ld_test_iterate_idle ();
  dialog = ADW_MESSAGE_DIALOG (ld_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  ld_test_iterate_idle ();
  g_assert_true (ld_test_find_toplevel (LD_TYPE_DEPUTY_EDITOR) == editor);
  g_assert_cmpstr (ld_deputy_get_name (ld_deputy_editor_get_deputy (LD_DEPUTY_EDITOR (editor))),
                   ==, "李四");

  gtk_widget_activate_action (GTK_WIDGET (editor), "deputy.cancel", NULL);
  ld_test_iterate_idle ();
  dialog = ADW_MESSAGE_DIALOG (ld_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_close (GTK_WINDOW (dialog));
  ld_test_wait_for_no_toplevel (LD_TYPE_DEPUTY_EDITOR);
  ld_test_iterate_idle ();

  g_assert_cmpuint (n_listed (page), ==, 0);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  LdDeputiesPage *page;
  GtkWidget *search_entry;
  GtkWidget *level_dropdown;

  open_database (fixture, TRUE);
  add_deputy (fixture, "张三", "13800138000");
  add_deputy (fixture, "李四", "027-85551234");
  add_deputy (fixture, "王五", "");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);

  g_assert_cmpuint (n_listed (page), ==, 3);
  g_assert_cmpstr (count_text (page), ==, "3 deputies");

  search_entry = ld_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "李");
  ld_test_iterate_for (400);
  wait_for_count (page, 1);
  assert_listed_name (page, 0, "李四");
  g_assert_cmpstr (count_text (page), ==, "1 deputy");

  /* By phone, too. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "138001");
  ld_test_iterate_for (400);
  wait_for_count (page, 1);
  assert_listed_name (page, 0, "张三");

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "没有这个人");
  ld_test_iterate_for (400);
  wait_for_count (page, 0);
  g_assert_cmpstr (status_page_title (GTK_WIDGET (page)), ==, "No Matching Deputies");

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  ld_test_iterate_for (400);
  wait_for_count (page, 3);
  g_assert_null (status_page_title (GTK_WIDGET (page)));

  /* The level filter: all three are district deputies. The choices follow "All Levels" in the
   * order of ld_deputy_levels(), so the last one is the last level, township. */
  level_dropdown = ld_test_find_widget (GTK_WIDGET (page), is_drop_down_titled, (gpointer) "Level");
  g_assert_nonnull (level_dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (level_dropdown),
                              g_strv_length ((char **) ld_deputy_levels ()));
  ld_test_iterate_for (400);
  wait_for_count (page, 0);
  g_assert_cmpstr (status_page_title (GTK_WIDGET (page)), ==, "No Matching Deputies");

  for (guint i = 0; ld_deputy_levels ()[i]; i++)
    if (g_str_equal (ld_deputy_levels ()[i], "district"))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (level_dropdown), i + 1);
  ld_test_iterate_for (400);
  wait_for_count (page, 3);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  LdDeputiesPage *page;
  GtkWidget *undo_button;
  g_autoptr(LdDeputy) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zhang, li;

  open_database (fixture, TRUE);
  zhang = add_deputy (fixture, "张三", "13800138000");
  li = add_deputy (fixture, "李四", "");
  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);
  g_assert_cmpuint (n_listed (page), ==, 2);

  /* Nothing refers to 张三: deleted, with Undo. */
  select_deputy (page, zhang);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "deputies.delete", NULL));
  wait_for_count (page, 1);
  assert_listed_name (page, 0, "李四");
  g_assert_null (ld_store_get_deputy (ld_test_get_store (fixture), zhang, NULL));
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "张三 was deleted"));

  undo_button = ld_test_find_widget (GTK_WIDGET (page), is_mapped_button_labelled,
                                     (gpointer) "_Undo");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  wait_for_count (page, 2);

  back = ld_store_get_deputy (ld_test_get_store (fixture), zhang, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (ld_deputy_get_name (back), ==, "张三");
  g_assert_cmpstr (ld_deputy_get_phone (back), ==, "13800138000");
  g_clear_object (&back);

  /* 李四 was on duty on a reception day: retired instead, and gone from the active list. */
  {
    g_autofree char *sql = NULL;

    sql = g_strdup_printf ("INSERT INTO events (station_id, kind, event_date) "
                           "SELECT id, 'reception_day', '2026-01-15' FROM stations LIMIT 1;"
                           "INSERT INTO event_deputies (event_id, deputy_id, role) "
                           "VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", 'on_duty');",
                           li);
    ld_database_exec (ld_context_get_database (fixture->context), sql, &error);
    g_assert_no_error (error);
  }

  select_deputy (page, li);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "deputies.delete", NULL));
  wait_for_count (page, 1);
  assert_listed_name (page, 0, "张三");
  g_assert_nonnull (ld_test_find_widget (GTK_WIDGET (page), is_mapped_label_containing,
                                         (gpointer) "李四 was retired"));

  back = ld_store_get_deputy (ld_test_get_store (fixture), li, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_false (ld_deputy_get_active (back));
}

static void
test_first_start (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *setup;
  LdStationEditor *editor;
  GtkWidget *save_button;
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GError) error = NULL;

  open_database (fixture, FALSE);
  ld_test_present_window (fixture, fixture->db_path, NULL);

  /* The station profile comes before anything else. */
  ld_test_iterate_until (station_setup_shown, NULL);
  setup = ld_test_find_toplevel (LD_TYPE_STATION_SETUP_WINDOW);
  g_assert_true (gtk_window_get_transient_for (setup) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (setup));
  g_assert_cmpstr (gtk_window_get_title (setup), ==, "Set Up the Station");
  g_assert_false (ld_test_sidebar_is_mapped (fixture->window));

  /* It cannot be closed without saving. */
  gtk_window_close (setup);
  ld_test_iterate_idle ();
  g_assert_true (station_setup_shown (NULL));

  editor = ld_station_setup_window_get_editor (LD_STATION_SETUP_WINDOW (setup));
  save_button = ld_test_find_button_for_action (GTK_WIDGET (setup), "setup.save");
  g_assert_nonnull (save_button);
  g_assert_false (gtk_widget_is_sensitive (save_button));

  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor), "Name")),
                         "东湖街道代表联络站");
  gtk_editable_set_text (GTK_EDITABLE (ld_test_find_entry_row (GTK_WIDGET (editor),
                                                               "Reporting Unit on Exports")),
                         "东湖街道人大工委");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_is_sensitive (save_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup), "setup.save", NULL));
  ld_test_iterate_until (ld_test_sidebar_is_mapped, fixture->window);
  ld_test_iterate_idle ();
  g_assert_null (ld_test_find_toplevel (LD_TYPE_STATION_SETUP_WINDOW));

  station = ld_store_get_station (ld_test_get_store (fixture), &error);
  g_assert_no_error (error);
  g_assert_nonnull (station);
  g_assert_cmpstr (ld_station_get_name (station), ==, "东湖街道代表联络站");
  g_assert_cmpstr (ld_station_get_reporting_unit (station), ==, "东湖街道人大工委");
}

static void
test_station_editor_in_preferences (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdStation) station = NULL;
  GtkWidget *window;
  GtkWidget *editor;
  GtkWidget *phone_row;

  open_database (fixture, TRUE);

  /* As a page of a preferences window, the form shows the stored profile. */
  window = adw_preferences_window_new ();
  editor = ld_station_editor_new (fixture->context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (editor));
  ld_test_present (GTK_WINDOW (window));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ld_test_find_entry_row (editor, "Name"))),
                   ==, "东湖街道代表联络站");
  g_assert_false (ld_station_editor_get_modified (LD_STATION_EDITOR (editor)));

  phone_row = ld_test_find_entry_row (editor, "Phone");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "0271234");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_false (ld_station_editor_get_valid (LD_STATION_EDITOR (editor)));

  gtk_editable_set_text (GTK_EDITABLE (phone_row), "027-8555 1234");
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_true (gtk_widget_activate_action (editor, "station.save", NULL));
  ld_test_iterate_idle ();

  station = ld_store_get_station (ld_test_get_store (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_station_get_phone (station), ==, "027-85551234");
  g_assert_false (ld_station_editor_get_modified (LD_STATION_EDITOR (editor)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_many_deputies (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LdDeputiesPage *page;
  GtkWidget *column_view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  gint64 start;

  open_database (fixture, TRUE);

  /* A district's roster, written in reverse so that only the query can put it in order. */
  ld_database_exec (ld_context_get_database (fixture->context),
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    "INSERT INTO deputies (station_id, name, level) "
                    "SELECT (SELECT id FROM stations LIMIT 1), printf ('Deputy %04d', 2001 - i), "
                    "       'district' FROM n;",
                    &error);
  g_assert_no_error (error);

  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);

  g_assert_cmpuint (n_listed (page), ==, 2000);
  g_assert_cmpstr (count_text (page), !=, "");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Deputy %04u", i + 1);

      assert_listed_name (page, i, expected);
    }
  assert_listed_name (page, 1999, "Deputy 2000");

  /* A click on the Name header turns the order round, in SQL. */
  column_view = ld_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (column_view);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  name_column = g_list_model_get_item (columns, 0);
  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), name_column,
                                  GTK_SORT_DESCENDING);
  ld_deputies_page_reload (page);
  g_test_message ("Sorted 2,000 deputies again in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_listed (page), ==, 2000);
  assert_listed_name (page, 0, "Deputy 2000");
  assert_listed_name (page, 1, "Deputy 1999");
  ld_test_iterate_idle ();
}

static gboolean
is_inscription_with_text (GtkWidget *widget,
                          gpointer   data)
{
  return GTK_IS_INSCRIPTION (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), data) == 0
         && gtk_widget_get_mapped (widget);
}

/* Chinese names in an English interface come from a CJK fallback font, taller than the
 * interface font's line: the cell must leave room for their lowest strokes. */
static void
test_chinese_names_not_clipped (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char * const names[] = { "刘建伟", "李秀静", "赵燕艳" };
  g_autoptr(GError) error = NULL;
  LdDeputiesPage *page;

  open_database (fixture, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LdDeputy) deputy = ld_deputy_new ();

      ld_deputy_set_name (deputy, names[i]);
      ld_deputy_set_level (deputy, "district");
      ld_deputy_set_group (deputy, "城建环资组");
      ld_store_save_deputy (ld_test_get_store (fixture), deputy, &error);
      g_assert_no_error (error);
    }

  ld_test_present_window (fixture, fixture->db_path, NULL);
  page = show_deputies_page (fixture);
  ld_test_iterate_idle ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *cell = ld_test_find_widget (GTK_WIDGET (page), is_inscription_with_text,
                                             (gpointer) names[i]);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle ink, logical;

      g_assert_nonnull (cell);
      layout = gtk_widget_create_pango_layout (cell, names[i]);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      g_test_message ("%s: cell %d px, text %d px (ink %d px)", names[i],
                      gtk_widget_get_height (cell), logical.height, ink.y + ink.height);
      g_assert_cmpint (gtk_widget_get_height (cell), >=, logical.height);
      g_assert_cmpint (gtk_widget_get_height (cell), >=, ink.y + ink.height);
    }
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

  ADD ("/ui-deputies/add-through-editor", test_add_through_editor);
  ADD ("/ui-deputies/failed-save-keeps-form", test_failed_save_keeps_form);
  ADD ("/ui-deputies/editor-cancel-asks", test_editor_cancel_asks);
  ADD ("/ui-deputies/search", test_search);
  ADD ("/ui-deputies/delete-and-undo", test_delete_and_undo);
  ADD ("/ui-deputies/first-start", test_first_start);
  ADD ("/ui-deputies/station-editor-in-preferences", test_station_editor_in_preferences);
  ADD ("/ui-deputies/many-deputies", test_many_deputies);
  ADD ("/ui-deputies/chinese-names-not-clipped", test_chinese_names_not_clipped);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-intake"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-store.h"
#include "ld-concern-editor.h"
#include "ld-concern-store.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-event.h"
#include "ld-list-entry.h"
#include "ld-store.h"
#include "ld-test-ui.h"

/* The intake form under Xvfb, as a clerk meets it while a resident is talking: typed into the
 * real widgets with the focus moving on, saved with Ctrl+Enter into a real database, the next
 * resident registered at once, the reception's defaults, a draft brought back after a crash, a
 * failed save that keeps everything, similar concerns and the resident's earlier ones, and a
 * matter for another body redirected in one step. Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

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

static gint64
add_deputy (Fixture    *fixture,
            const char *name)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, "district");
  ld_deputy_set_active (deputy, TRUE);
  ld_store_save_deputy (ld_test_get_store (fixture), deputy, &error);
  g_assert_no_error (error);

  return ld_deputy_get_id (deputy);
}

static gint64
first_entry_id (Fixture    *fixture,
                LdListKind  kind)
{
  g_autoptr(GPtrArray) entries = ld_store_list_entries (ld_test_get_store (fixture), kind,
                                                        FALSE, NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  return ld_list_entry_get_id (g_ptr_array_index (entries, 0));
}

/* A concern registered earlier, straight through the store. */
static LdConcern *
register_earlier (Fixture    *fixture,
                  const char *subject,
                  const char *name,
                  const char *phone)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GError) error = NULL;

  ld_concern_set_received_at (concern, "2026-02-01T01:00:00Z");
  ld_concern_set_channel_id (concern, first_entry_id (fixture, LD_LIST_CHANNEL));
  ld_concern_set_category_id (concern, first_entry_id (fixture, LD_LIST_CONCERN_CATEGORY));
  ld_concern_set_subject (concern, subject);
  ld_concern_set_resident_name (concern, name);
  ld_concern_set_resident_phone (concern, phone);
  ld_concern_set_resident_address (concern, "东湖路12号");
  ld_concern_set_urgency (concern, "normal");
  ld_concern_store_register (ld_test_get_store (fixture), concern, 0, "test", &error);
  g_assert_no_error (error);

  return g_steal_pointer (&concern);
}

static GtkWindow *
open_editor (Fixture *fixture)
{
  GtkWindow *editor = ld_concern_editor_new (fixture->context, NULL);

  g_assert_nonnull (editor);
  ld_test_present (editor);

  return editor;
}

static GtkWidget *
entry (GtkWindow  *editor,
       const char *title)
{
  GtkWidget *row = ld_test_find_entry_row (GTK_WIDGET (editor), title);

  g_assert_nonnull (row);
  return row;
}

/* Types @text into the field and moves on, as Tab would. */
static void
type_into (GtkWindow  *editor,
           const char *title,
           const char *text)
{
  GtkWidget *row = entry (editor, title);

  gtk_widget_grab_focus (row);
  ld_test_iterate_idle ();
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  ld_test_iterate_idle ();
  gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
  ld_test_iterate_idle ();
}

static const char *
entry_text (GtkWindow  *editor,
            const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry (editor, title)));
}

static gboolean
is_combo_titled (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_COMBO_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static void
choose (GtkWindow  *editor,
        const char *title,
        guint       position)
{
  GtkWidget *row = ld_test_find_widget (GTK_WIDGET (editor), is_combo_titled, (gpointer) title);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  ld_test_iterate_idle ();
}

static gboolean
is_visible_label_containing (GtkWidget *widget,
                             gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static GtkWidget *
find_label (GtkWindow  *editor,
            const char *text)
{
  return ld_test_find_widget (GTK_WIDGET (editor), is_visible_label_containing, (gpointer) text);
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
save_enabled (GtkWindow *editor)
{
  GtkWidget *button = ld_test_find_button_for_action (GTK_WIDGET (editor), "concern.save");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
is_action_row_titled (GtkWidget *widget,
                      gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The row with @name in the deputies list: checks it as a click on the row would. */
static void
check_deputy (GtkWindow  *editor,
              const char *name)
{
  GtkWidget *row = ld_test_find_widget (GTK_WIDGET (editor), is_action_row_titled,
                                        (gpointer) name);

  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  ld_test_iterate_idle ();
}

/* What a resident says at the desk, typed in register order. */
static void
type_concern (GtkWindow  *editor,
              const char *subject)
{
  GtkTextView *details;

  type_into (editor, "Name", "张三");
  type_into (editor, "Phone", "13800138000");
  type_into (editor, "Address", "东湖路12号");
  choose (editor, "Category", 1);
  type_into (editor, "Subject", subject);

  details = GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (details), "晚上小区里很黑，\n老人出门不方便。", -1);
  ld_test_iterate_idle ();
}

static LdConcern *
get_only_concern (Fixture *fixture,
                  guint    expected)
{
  LdConcernQuery query = { .sort = LD_CONCERN_SORT_REFERENCE };
  g_autoptr(GArray) ids = ld_concern_store_query_ids (ld_test_get_store (fixture), &query, NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, expected);
  return ld_concern_store_get (ld_test_get_store (fixture),
                               g_array_index (ids, gint64, ids->len - 1), NULL);
}

/* ------------------------------------------------------------------ tests */

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LdConcern) stored = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *reference = NULL;
  GtkWindow *editor;

  open_database (fixture);
  editor = open_editor (fixture);

  /* Received defaults to now, in local time. */
  g_assert_cmpstr (entry_text (editor, "Received (YYYY-MM-DD HH:MM)"), ==, "2026-02-10 09:30");
  g_assert_false (save_enabled (editor));

  /* A time still to come is wrong, and says so beside the field once the clerk moves on. */
  type_into (editor, "Received (YYYY-MM-DD HH:MM)", "2026-02-10 11:00");
  {
    GtkWidget *row = entry (editor, "Received (YYYY-MM-DD HH:MM)");
    GtkWidget *error_row = gtk_widget_get_next_sibling (row);
    GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));

    g_assert_true (gtk_widget_get_visible (error_row));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
    g_assert_true (gtk_widget_has_css_class (row, "error"));
  }

  type_into (editor, "Received (YYYY-MM-DD HH:MM)", "2026-02-10 09:05");
  type_concern (editor, "");
  /* Everything but the subject: still nothing to save. */
  g_assert_false (save_enabled (editor));

  type_into (editor, "Subject", "小区路灯不亮");
  g_assert_true (save_enabled (editor));

  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL));
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  stored = get_only_concern (fixture, 1);
  reference = ld_concern_dup_reference (stored);
  g_assert_cmpstr (reference, ==, "2026-0001");
  g_assert_cmpstr (ld_concern_get_subject (stored), ==, "小区路灯不亮");
  g_assert_cmpstr (ld_concern_get_details (stored), ==, "晚上小区里很黑，\n老人出门不方便。");
  g_assert_cmpstr (ld_concern_get_resident_name (stored), ==, "张三");
  g_assert_cmpstr (ld_concern_get_received_at (stored), ==, "2026-02-10T01:05:00Z");

  timeline = ld_concern_store_timeline (ld_test_get_store (fixture), ld_concern_get_id (stored),
                                        NULL);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->len, >=, 1);
  g_assert_cmpstr (((LdTimelineEntry *) g_ptr_array_index (timeline, 0))->action, ==, "create");

  /* Nothing is left over as a draft once it is registered. */
  {
    gint64 draft_id = 0;
    g_autofree char *draft = ld_concern_store_latest_draft (ld_test_get_store (fixture), 0,
                                                            &draft_id, NULL);

    g_assert_null (draft);
  }
}

static void
test_save_another (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdConcern) first = NULL;
  GtkWindow *editor;
  LdConcern *next;
  GtkWidget *focus;
  GArray *ids;
  gint64 wang;

  open_database (fixture);
  add_deputy (fixture, "李四");
  wang = add_deputy (fixture, "王五");
  editor = open_editor (fixture);

  check_deputy (editor, "王五");
  choose (editor, "Channel", 1);
  type_concern (editor, "垃圾清运不及时");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save-another", NULL));
  ld_test_iterate_idle ();

  /* The form stays for the next resident: the reception is the same, the resident is not. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  first = get_only_concern (fixture, 1);
  g_assert_cmpstr (ld_concern_get_subject (first), ==, "垃圾清运不及时");
  ids = ld_concern_get_deputy_ids (first);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, wang);

  g_assert_cmpstr (entry_text (editor, "Subject"), ==, "");
  g_assert_cmpstr (entry_text (editor, "Name"), ==, "");
  g_assert_cmpstr (entry_text (editor, "Received (YYYY-MM-DD HH:MM)"), ==, "2026-02-10 09:30");
  next = ld_concern_editor_get_concern (LD_CONCERN_EDITOR (editor));
  g_assert_cmpint (ld_concern_get_channel_id (next), ==, ld_concern_get_channel_id (first));
  ids = ld_concern_get_deputy_ids (next);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, wang);
  g_assert_nonnull (find_label (editor, "Registered 2026-0001"));

  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry (editor, "Name")
                 || gtk_widget_is_ancestor (focus, entry (editor, "Name")));

  /* And the second one gets the next number. */
  type_concern (editor, "楼道灯坏了");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save-another", NULL));
  ld_test_iterate_idle ();
  {
    g_autoptr(LdConcern) second = get_only_concern (fixture, 2);
    g_autofree char *reference = ld_concern_dup_reference (second);

    g_assert_cmpstr (reference, ==, "2026-0002");
  }

  gtk_window_destroy (editor);
}

static void
test_reception_defaults (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdEvent) event = ld_event_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  LdConcern *concern;
  GArray *ids;
  gint64 zhao;

  open_database (fixture);
  add_deputy (fixture, "李四");
  zhao = add_deputy (fixture, "赵六");

  ld_event_set_kind (event, "reception_day");
  ld_event_set_date (event, "2026-02-10");
  ld_event_set_start_time (event, "09:00");
  ld_event_set_end_time (event, "11:30");
  ld_event_set_place (event, "联络站接待室");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_DUTY, &zhao, 1);
  ld_calendar_store_save_event (ld_test_get_store (fixture), event, &error);
  g_assert_no_error (error);

  editor = open_editor (fixture);
  concern = ld_concern_editor_get_concern (LD_CONCERN_EDITOR (editor));
  g_assert_cmpint (ld_concern_get_channel_id (concern), ==,
                   ld_concern_store_channel_by_seed (ld_test_get_store (fixture), "reception_day",
                                                     NULL));
  g_assert_cmpint (ld_concern_get_event_id (concern), ==, ld_event_get_id (event));
  ids = ld_concern_get_deputy_ids (concern);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, zhao);

  type_concern (editor, "停车位不够");
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL));
  ld_test_iterate_idle ();
  g_object_unref (editor);
  {
    g_autoptr(LdConcern) stored = get_only_concern (fixture, 1);

    g_assert_cmpint (ld_concern_get_event_id (stored), ==, ld_event_get_id (event));
    g_assert_cmpuint (ld_concern_get_deputy_ids (stored)->len, ==, 1);
  }
}

static void
test_draft_recovery (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *draft = NULL;
  GtkWindow *editor;
  GtkWidget *banner;
  gint64 draft_id = 0;

  open_database (fixture);
  editor = open_editor (fixture);
  type_into (editor, "Name", "刘大妈");
  type_into (editor, "Subject", "菜市场噪音扰民");
  ld_test_iterate_for (800);

  draft = ld_concern_store_latest_draft (ld_test_get_store (fixture), 0, &draft_id, NULL);
  g_assert_nonnull (draft);
  g_assert_cmpint (draft_id, >, 0);

  /* The app goes away without a word: no close request, no question. */
  gtk_window_destroy (editor);
  ld_test_iterate_idle ();

  editor = open_editor (fixture);
  g_assert_cmpstr (entry_text (editor, "Subject"), ==, "菜市场噪音扰民");
  g_assert_cmpstr (entry_text (editor, "Name"), ==, "刘大妈");
  banner = find_label (editor, "Restored what was typed before the app closed");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (
                   GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));

  /* Registering it takes the draft with it. */
  choose (editor, "Category", 1);
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL));
  ld_test_iterate_idle ();
  g_object_unref (editor);
  g_clear_pointer (&draft, g_free);
  draft = ld_concern_store_latest_draft (ld_test_get_store (fixture), 0, &draft_id, NULL);
  g_assert_null (draft);
}

static void
test_failed_save_keeps_form (Fixture       *fixture,
                             gconstpointer  data)
{
  LdDatabase *database;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  GtkWidget *message;

  open_database (fixture);
  database = ld_context_get_database (fixture->context);
  editor = open_editor (fixture);
  type_concern (editor, "健身器材损坏");

  ld_database_exec (database, "PRAGMA query_only=ON", &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL);
  ld_test_iterate_idle ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (entry_text (editor, "Subject"), ==, "健身器材损坏");
  g_assert_cmpstr (entry_text (editor, "Name"), ==, "张三");
  message = find_label (editor, "could not be saved");
  g_assert_nonnull (message);
  g_assert_true (gtk_revealer_get_reveal_child (
                   GTK_REVEALER (gtk_widget_get_ancestor (message, GTK_TYPE_REVEALER))));

  ld_database_exec (database, "PRAGMA query_only=OFF", &error);
  g_assert_no_error (error);
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL));
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
  {
    g_autoptr(LdConcern) stored = get_only_concern (fixture, 1);

    g_assert_cmpstr (ld_concern_get_subject (stored), ==, "健身器材损坏");
  }
}

static void
test_similar_and_duplicate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LdConcern) earlier = NULL;
  GtkWindow *editor;
  GtkWidget *button;

  open_database (fixture);
  earlier = register_earlier (fixture, "小区路灯不亮", "钱七", "13900139000");

  editor = open_editor (fixture);
  type_concern (editor, "路灯坏了");
  ld_test_iterate_for (500);

  g_assert_nonnull (find_label (editor, "2026-0001"));
  button = ld_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                (gpointer) "_Link as Duplicate");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ld_test_iterate_idle ();

  g_assert_cmpint (ld_concern_get_duplicate_of (ld_concern_editor_get_concern (LD_CONCERN_EDITOR (editor))),
                   ==, ld_concern_get_id (earlier));
  g_assert_nonnull (find_label (editor, "Duplicate of 2026-0001"));

  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL));
  ld_test_iterate_idle ();
  g_object_unref (editor);
  {
    g_autoptr(LdConcern) stored = get_only_concern (fixture, 2);

    g_assert_cmpint (ld_concern_get_duplicate_of (stored), ==, ld_concern_get_id (earlier));
  }
}

static void
test_phone_lookup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdConcern) earlier = NULL;
  GtkWindow *editor;

  open_database (fixture);
  earlier = register_earlier (fixture, "小区路灯不亮", "孙八", "13700137000");

  editor = open_editor (fixture);
  type_into (editor, "Phone", "137 0013 7000");

  g_assert_nonnull (find_label (editor, "1 earlier concern"));
  g_assert_cmpstr (entry_text (editor, "Name"), ==, "孙八");
  g_assert_cmpstr (entry_text (editor, "Address"), ==, "东湖路12号");

  gtk_window_destroy (editor);
}

static void
test_redirect (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LdConcern) stored = NULL;
  GtkWindow *editor;
  GtkWindow *dialog;

  open_database (fixture);
  editor = open_editor (fixture);
  type_concern (editor, "劳动合同纠纷想起诉");

  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.redirect", NULL));
  dialog = ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "redirect");
  ld_test_iterate_idle ();
  ld_test_iterate_for (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  stored = get_only_concern (fixture, 1);
  g_assert_cmpint (ld_concern_get_state (stored), ==, LD_CONCERN_REDIRECTED);
  g_assert_cmpstr (ld_concern_get_redirect_reason (stored), ==, ld_redirect_reasons ()[0]);
}

static void
test_escape_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *draft = NULL;
  GtkWindow *editor;
  GtkWindow *dialog;
  gint64 draft_id = 0;

  open_database (fixture);
  editor = open_editor (fixture);
  type_into (editor, "Subject", "噪音扰民");
  ld_test_iterate_for (700);

  /* Escape over typed text asks first, and keeping on editing keeps it all. */
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.cancel", NULL));
  dialog = ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (entry_text (editor, "Subject"), ==, "噪音扰民");

  /* Discarding closes it and leaves no draft to bring back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "concern.cancel", NULL));
  dialog = ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  ld_test_iterate_for (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  draft = ld_concern_store_latest_draft (ld_test_get_store (fixture), 0, &draft_id, NULL);
  g_assert_null (draft);
}

/* ------------------------------------------------------------------ main */

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

  ADD ("/ui-intake/register", test_register);
  ADD ("/ui-intake/save-another", test_save_another);
  ADD ("/ui-intake/reception-defaults", test_reception_defaults);
  ADD ("/ui-intake/draft-recovery", test_draft_recovery);
  ADD ("/ui-intake/failed-save-keeps-form", test_failed_save_keeps_form);
  ADD ("/ui-intake/similar-and-duplicate", test_similar_and_duplicate);
  ADD ("/ui-intake/phone-lookup", test_phone_lookup);
  ADD ("/ui-intake/redirect", test_redirect);
  ADD ("/ui-intake/escape-asks", test_escape_asks);

#undef ADD

  return g_test_run ();
}

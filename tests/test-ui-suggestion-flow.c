/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-suggestion-flow"

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
#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-station.h"
#include "ld-store.h"
#include "ld-suggestion-editor.h"
#include "ld-form.h"
#include "ld-suggestion-page.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-suggestions-page.h"
#include "ld-test-ui.h"
#include "ld-unit.h"
#include "ld-window.h"

/* From residents' concerns to a deputy suggestion and back, under Xvfb with a real database: two
 * concerns selected on the Concerns page become one suggestion through its form, which is
 * assigned and answered through the suggestion page's dialogs, after which both residents are
 * owed the answer. Also: the form's message beside an empty title, Convert on a concern's page,
 * the steps the page offers in each state, and the rolling supervision ledger on the page. Any warning or critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

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
is_visible_label_containing (GtkWidget *widget,
                             gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_shown_label_containing (GtkWidget *widget,
                           gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return ld_test_find_widget (root, is_visible_label_containing, (gpointer) text);
}

static gboolean
is_combo_titled (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_COMBO_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static void
open_database (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  ld_context_set_fixed_now (fixture->context, now);
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

/* The position of the answer class seeded as @seed_key in the list the answer dialog shows. */
static guint
answer_class_position (Fixture    *fixture,
                       const char *seed_key)
{
  g_autoptr(GPtrArray) entries = ld_store_list_entries (ld_test_get_store (fixture),
                                                        LD_LIST_ANSWER_CLASS, FALSE, NULL);

  for (guint i = 0; entries && i < entries->len; i++)
    if (g_strcmp0 (ld_list_entry_get_seed_key (g_ptr_array_index (entries, i)), seed_key) == 0)
      return i;

  g_assert_not_reached ();
  return 0;
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
register_concern (Fixture      *fixture,
                  const char   *received_at,
                  const char   *resident,
                  const char   *phone,
                  const char   *subject,
                  const char   *details,
                  const gint64 *deputy_ids,
                  guint         n_deputy_ids)
{
  LdStore *store = ld_test_get_store (fixture);
  g_autoptr(LdStation) station = ld_store_get_station (store, NULL);
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GError) error = NULL;

  ld_concern_set_station_id (concern, ld_station_get_id (station));
  ld_concern_set_received_at (concern, received_at);
  ld_concern_set_channel_id (concern, first_entry (fixture, LD_LIST_CHANNEL));
  ld_concern_set_category_id (concern, first_entry (fixture, LD_LIST_CONCERN_CATEGORY));
  ld_concern_set_resident_name (concern, resident);
  ld_concern_set_resident_phone (concern, phone);
  ld_concern_set_subject (concern, subject);
  ld_concern_set_details (concern, details);
  ld_concern_set_urgency (concern, "normal");
  ld_concern_set_deputy_ids (concern, deputy_ids, n_deputy_ids);
  ld_concern_store_register (store, concern, 0, "王芳", &error);
  g_assert_no_error (error);

  return ld_concern_get_id (concern);
}

static LdConcernState
concern_state (Fixture *fixture,
               gint64   id)
{
  g_autoptr(LdConcern) concern = ld_concern_store_get (ld_test_get_store (fixture), id, NULL);

  g_assert_nonnull (concern);
  return ld_concern_get_state (concern);
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
listed_position (LdConcernsPage *page,
                 gint64          id)
{
  GListModel *model = ld_concerns_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LdConcern) concern = g_list_model_get_item (model, i);

      if (ld_concern_get_id (concern) == id)
        return i;
    }

  g_assert_not_reached ();
  return 0;
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

/* Chooses the entry of the combo row @title whose text is @text. */
static void
choose_text (GtkWindow  *editor,
             const char *title,
             const char *text)
{
  GtkWidget *row = ld_test_find_widget (GTK_WIDGET (editor), is_combo_titled, (gpointer) title);
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        ld_test_iterate_idle ();
        return;
      }

  g_assert_not_reached ();
}

static const char *
combo_text (GtkWindow  *editor,
            const char *title)
{
  GtkWidget *row = ld_test_find_widget (GTK_WIDGET (editor), is_combo_titled, (gpointer) title);
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  return gtk_string_list_get_string (GTK_STRING_LIST (model),
                                     adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Presses the dialog's button for @action, as the clerk confirms the step. */
static void
commit_dialog (GtkWindow          *dialog,
               LdSuggestionAction  action)
{
  g_autofree char *label = ld_form_dup_commit_label (ld_suggestion_action_to_label (action));
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  /* Inside the dialog the step's button has no "…": nothing more is to come. */
  if (g_str_has_suffix (ld_suggestion_action_to_label (action), "…"))
    g_assert_null (find_button (GTK_WIDGET (dialog), ld_suggestion_action_to_label (action)));
  g_assert_nonnull (button);
  g_object_ref (dialog);
  g_signal_emit_by_name (button, "clicked");
  ld_test_iterate_idle ();
  /* A step taken closes its dialog; one refused stays open with the reason. */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    {
      GtkWidget *error = ld_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_LABEL);

      g_test_message ("dialog still open: %s", error ? gtk_label_get_text (GTK_LABEL (error)) : "");
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static gboolean
is_step_button (GtkWidget *widget,
                gpointer   data)
{
  GPtrArray *labels = data;
  const char *label;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  label = gtk_button_get_label (GTK_BUTTON (widget));
  for (guint a = 0; label && a < LD_SUGGESTION_N_ACTIONS; a++)
    if (g_strcmp0 (label, ld_suggestion_action_to_label (a)) == 0)
      g_ptr_array_add (labels, g_strdup (label));

  return FALSE;
}

/* The labels of the step buttons the page shows, in order. */
static GPtrArray *
dup_action_labels (GtkWindow *page)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  /* The predicate collects; it never matches, so every widget is seen. */
  ld_test_find_widget (GTK_WIDGET (page), is_step_button, labels);

  return labels;
}

static void
assert_actions_of_state (GtkWindow         *page,
                         LdSuggestionState  state)
{
  g_autoptr(GPtrArray) labels = dup_action_labels (page);
  guint n_actions = 0;
  const LdSuggestionAction *actions = ld_workflow_suggestion_actions (state, &n_actions);

  g_assert_cmpuint (n_actions, >, 0);
  g_assert_cmpuint (labels->len, ==, n_actions);
  for (guint i = 0; i < n_actions; i++)
    g_assert_cmpstr (g_ptr_array_index (labels, i), ==,
                     ld_suggestion_action_to_label (actions[i]));

  /* And a step the state does not allow opens no dialog. */
  for (guint a = 0; a < LD_SUGGESTION_N_ACTIONS; a++)
    if (!ld_workflow_suggestion_allows (state, a, NULL))
      g_assert_null (ld_suggestion_page_start_action (LD_SUGGESTION_PAGE (page), a));
}

static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

static gboolean
feedback_model_has (GListModel *model,
                    gint64      concern_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LdConcern) concern = g_list_model_get_item (model, i);

      if (ld_concern_get_id (concern) == concern_id)
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ tests */

static void
test_from_two_concerns (Fixture       *fixture,
                        gconstpointer  data)
{
  LdStore *store;
  LdConcernsPage *concerns_page;
  GtkSelectionModel *selection;
  GtkWidget *button;
  GtkWindow *editor;
  GtkWindow *page;
  GtkWindow *dialog;
  LdSuggestion *edited;
  g_autoptr(LdSuggestion) stored = NULL;
  g_autoptr(GArray) owed = NULL;
  g_autofree char *content = NULL;
  gint64 li, wang, zhao, unit, street_lights, bins, other, first, suggestion_id;
  guint first_position;

  open_database (fixture);
  store = ld_test_get_store (fixture);
  li = add_deputy (fixture, "李四");
  wang = add_deputy (fixture, "王五");
  zhao = add_deputy (fixture, "赵六");
  unit = add_unit (fixture, "区城管局");
  street_lights = register_concern (fixture, "2026-11-20T01:00:00Z", "张三", "13800138001",
                                    "小区路灯不亮", "晚上小区里很黑。", (gint64[]) { li, wang }, 2);
  bins = register_concern (fixture, "2026-11-21T01:00:00Z", "钱七", "13800138002",
                           "垃圾清运不及时", "垃圾桶天天满。", (gint64[]) { zhao }, 1);
  other = register_concern (fixture, "2026-11-22T01:00:00Z", "孙八", "13800138003",
                            "健身器材损坏", NULL, (gint64[]) { li }, 1);

  concerns_page = show_concerns_page (fixture);
  button = ld_test_find_button_for_action (GTK_WIDGET (concerns_page),
                                           "concerns.create-suggestion");
  g_assert_nonnull (button);
  /* Nothing selected: nothing to make a suggestion of. */
  g_assert_false (gtk_widget_get_sensitive (button));

  selection = GTK_SELECTION_MODEL (ld_concerns_page_get_model (concerns_page));
  gtk_selection_model_select_item (selection, listed_position (concerns_page, street_lights),
                                   FALSE);
  gtk_selection_model_select_item (selection, listed_position (concerns_page, bins), FALSE);
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  editor = ld_test_wait_for_toplevel (LD_TYPE_SUGGESTION_EDITOR);
  ld_test_iterate_idle ();

  /* The form starts from the concerns in the order listed (newest first). */
  first_position = MIN (listed_position (concerns_page, street_lights),
                        listed_position (concerns_page, bins));
  first = first_position == listed_position (concerns_page, bins) ? bins : street_lights;
  edited = ld_suggestion_editor_get_suggestion (LD_SUGGESTION_EDITOR (editor));
  g_assert_cmpuint (ld_suggestion_get_concern_ids (edited)->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (editor, "Title"))), ==,
                   first == bins ? "垃圾清运不及时" : "小区路灯不亮");
  {
    gint64 expected_lead = first == bins ? zhao : li;

    g_assert_cmpint (ld_suggestion_get_lead_deputy_id (edited), ==, expected_lead);
  }
  g_assert_cmpstr (combo_text (editor, "Category"), ==, "Not Chosen");
  content = text_view_text (GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (editor),
                                                                         GTK_TYPE_TEXT_VIEW)));
  g_assert_nonnull (strstr (content, "2026-0001 小区路灯不亮"));
  g_assert_nonnull (strstr (content, "晚上小区里很黑。"));
  g_assert_nonnull (strstr (content, "2026-0002 垃圾清运不及时"));
  /* Both concerns are listed with their reference before the suggestion is saved. */
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "2026-0001"));
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "2026-0002"));

  /* The clerk settles the title and the lead deputy. */
  type_into (editor, "Title", "关于改善东湖小区环境卫生和照明的建议");
  choose_text (editor, "Lead Deputy", "王五");
  g_assert_cmpint (ld_suggestion_get_lead_deputy_id (edited), ==, wang);
  g_assert_true (ld_suggestion_editor_get_valid (LD_SUGGESTION_EDITOR (editor)));

  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "suggestion.save", NULL));
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  /* Saved, both concerns converted, and the new suggestion opened at once. */
  g_assert_cmpint (concern_state (fixture, street_lights), ==, LD_CONCERN_CONVERTED);
  g_assert_cmpint (concern_state (fixture, bins), ==, LD_CONCERN_CONVERTED);
  g_assert_cmpint (concern_state (fixture, other), ==, LD_CONCERN_REGISTERED);
  page = ld_test_wait_for_toplevel (LD_TYPE_SUGGESTION_PAGE);
  ld_test_iterate_idle ();
  suggestion_id = ld_suggestion_page_get_suggestion_id (LD_SUGGESTION_PAGE (page));
  stored = ld_suggestion_store_get (store, suggestion_id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (ld_suggestion_get_title (stored), ==, "关于改善东湖小区环境卫生和照明的建议");
  g_assert_cmpint (ld_suggestion_get_lead_deputy_id (stored), ==, wang);
  g_assert_cmpint (ld_suggestion_get_state (stored), ==, LD_SUGGESTION_SUBMITTED);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "小区路灯不亮"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "2026-0001 · 张* ·"));

  /* Assigned through its dialog, which says when the answer is due before it is confirmed:
   * three calendar months from 30 November is the end of February. */
  dialog = ld_suggestion_page_start_action (LD_SUGGESTION_PAGE (page),
                                            LD_SUGGESTION_ACTION_ASSIGN);
  g_assert_nonnull (dialog);
  ld_test_iterate_idle ();
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "2027-02-28"));
  {
    GtkDropDown *units = GTK_DROP_DOWN (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                     GTK_TYPE_DROP_DOWN));

    g_assert_nonnull (units);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (units)),
                                                 gtk_drop_down_get_selected (units)),
                     ==, "区城管局");
  }
  commit_dialog (dialog, LD_SUGGESTION_ACTION_ASSIGN);
  g_clear_object (&stored);
  stored = ld_suggestion_store_get (store, suggestion_id, NULL);
  g_assert_cmpint (ld_suggestion_get_state (stored), ==, LD_SUGGESTION_ASSIGNED);
  g_assert_cmpint (ld_suggestion_get_lead_unit_id (stored), ==, unit);
  g_assert_cmpstr (ld_suggestion_get_due_date (stored), ==, "2027-02-28");
  g_assert_nonnull (find_label (GTK_WIDGET (page), "2027-02-28 — On time"));

  /* Answered with class A. */
  dialog = ld_suggestion_page_start_action (LD_SUGGESTION_PAGE (page),
                                            LD_SUGGESTION_ACTION_ANSWER);
  g_assert_nonnull (dialog);
  ld_test_iterate_idle ();
  {
    GtkDropDown *classes = GTK_DROP_DOWN (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                       GTK_TYPE_DROP_DOWN));
    GtkTextView *text = GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                    GTK_TYPE_TEXT_VIEW));

    gtk_drop_down_set_selected (classes, answer_class_position (fixture, "A"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text),
                              "已更换路灯12盏，垃圾清运改为每日两次。", -1);
  }
  commit_dialog (dialog, LD_SUGGESTION_ACTION_ANSWER);
  g_clear_object (&stored);
  stored = ld_suggestion_store_get (store, suggestion_id, NULL);
  g_assert_cmpint (ld_suggestion_get_state (stored), ==, LD_SUGGESTION_ANSWERED);
  g_assert_cmpstr (ld_suggestion_get_answer_text (stored), ==,
                   "已更换路灯12盏，垃圾清运改为每日两次。");
  g_assert_nonnull (find_label (GTK_WIDGET (page), "已更换路灯12盏"));

  /* Both residents are owed the answer, on the Suggestions page's list of feedback owed. */
  owed = ld_suggestion_store_feedback_owed (store, 0, NULL);
  g_assert_nonnull (owed);
  g_assert_cmpuint (owed->len, ==, 2);
  {
    GtkWidget *suggestions_page;
    GListModel *feedback;

    gtk_window_destroy (page);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                               "s", "suggestions"));
    ld_test_iterate_idle ();
    suggestions_page = ld_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                    LD_TYPE_SUGGESTIONS_PAGE);
    g_assert_nonnull (suggestions_page);
    ld_suggestions_page_reload (LD_SUGGESTIONS_PAGE (suggestions_page));
    ld_test_iterate_idle ();
    feedback = ld_suggestions_page_get_feedback_model (LD_SUGGESTIONS_PAGE (suggestions_page));
    g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 2);
    g_assert_true (feedback_model_has (feedback, street_lights));
    g_assert_true (feedback_model_has (feedback, bins));
    g_assert_false (feedback_model_has (feedback, other));
  }
}

static void
test_title_required (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *title;
  GtkWidget *error_row;
  GtkWidget *label;
  GtkTextView *content;
  g_autofree char *kept = NULL;

  open_database (fixture);
  add_deputy (fixture, "李四");
  editor = ld_suggestion_editor_new (fixture->context, NULL, NULL, 0);
  ld_test_present (editor);

  content = GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (content), "建议增设公交线路。", -1);
  choose_text (editor, "Lead Deputy", "李四");
  type_into (editor, "Title", "增设公交线路");
  g_assert_true (ld_suggestion_editor_get_valid (LD_SUGGESTION_EDITOR (editor)));

  /* The clerk empties the title and moves on: the message shows right under it. */
  type_into (editor, "Title", "");
  title = entry (editor, "Title");
  error_row = gtk_widget_get_next_sibling (title);
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_false (ld_suggestion_editor_get_valid (LD_SUGGESTION_EDITOR (editor)));
  g_assert_false (gtk_widget_get_sensitive (
                    ld_test_find_button_for_action (GTK_WIDGET (editor), "suggestion.save")));

  /* Saving anyway saves nothing and keeps what was typed. */
  g_assert_false (ld_suggestion_editor_save (LD_SUGGESTION_EDITOR (editor)));
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  kept = text_view_text (content);
  g_assert_cmpstr (kept, ==, "建议增设公交线路。");
  {
    LdSuggestionQuery query = { .sort = LD_SUGGESTION_SORT_CREATED };

    g_assert_cmpint (ld_suggestion_store_count (ld_test_get_store (fixture), &query, NULL), ==, 0);
  }

  /* Escape over typed text asks first; keeping on editing keeps it all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "suggestion.cancel", NULL));
  {
    GtkWindow *question = ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
    ld_test_iterate_idle ();
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_clear_pointer (&kept, g_free);
  kept = text_view_text (content);
  g_assert_cmpstr (kept, ==, "建议增设公交线路。");

  gtk_window_destroy (editor);
}

static void
test_failed_save_keeps_form (Fixture       *fixture,
                             gconstpointer  data)
{
  LdDatabase *database;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  GtkWidget *message;
  GtkWidget *focus;

  open_database (fixture);
  add_deputy (fixture, "李四");
  editor = ld_suggestion_editor_new (fixture->context, NULL, NULL, 0);
  ld_test_present (editor);

  /* Keyboard first: the form opens on the title, and Tab goes on to the number. */
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry (editor, "Title")
                 || gtk_widget_is_ancestor (focus, entry (editor, "Title")));
  gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (focus == entry (editor, "Number")
                 || gtk_widget_is_ancestor (focus, entry (editor, "Number")));

  type_into (editor, "Title", "增设公交线路");
  choose_text (editor, "Lead Deputy", "李四");

  database = ld_context_get_database (fixture->context);
  ld_database_exec (database, "PRAGMA query_only=ON", &error);
  g_assert_no_error (error);

  g_assert_false (ld_suggestion_editor_save (LD_SUGGESTION_EDITOR (editor)));
  ld_test_iterate_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (editor, "Title"))), ==,
                   "增设公交线路");
  /* Shown at once, while the revealer may still be sliding it in. */
  message = ld_test_find_widget (GTK_WIDGET (editor), is_shown_label_containing,
                                 (gpointer) "could not be saved");
  g_assert_nonnull (message);
  g_assert_true (gtk_revealer_get_reveal_child (
                   GTK_REVEALER (gtk_widget_get_ancestor (message, GTK_TYPE_REVEALER))));

  /* Once the database takes writes again, the same form saves. */
  ld_database_exec (database, "PRAGMA query_only=OFF", &error);
  g_assert_no_error (error);
  g_object_ref (editor);
  g_assert_true (ld_suggestion_editor_save (LD_SUGGESTION_EDITOR (editor)));
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
  {
    LdSuggestionQuery query = { .sort = LD_SUGGESTION_SORT_CREATED };

    g_assert_cmpint (ld_suggestion_store_count (ld_test_get_store (fixture), &query, NULL), ==, 1);
  }
  gtk_window_destroy (ld_test_find_toplevel (LD_TYPE_SUGGESTION_PAGE));
}

static void
test_convert_opens_editor (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *concern_page;
  GtkWindow *editor;
  GtkWidget *button;
  LdSuggestion *edited;
  gint64 li, concern;

  open_database (fixture);
  li = add_deputy (fixture, "李四");
  concern = register_concern (fixture, "2026-11-20T01:00:00Z", "张三", "13800138001",
                              "公交站台没有遮雨棚", "下雨天等车全身湿透。", &li, 1);

  concern_page = ld_concern_page_new (NULL, fixture->context, concern);
  ld_test_present (concern_page);
  button = find_button (GTK_WIDGET (concern_page),
                        ld_concern_action_to_label (LD_CONCERN_ACTION_CONVERT));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  editor = ld_test_wait_for_toplevel (LD_TYPE_SUGGESTION_EDITOR);
  ld_test_iterate_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (editor, "Title"))), ==,
                   "公交站台没有遮雨棚");
  edited = ld_suggestion_editor_get_suggestion (LD_SUGGESTION_EDITOR (editor));
  g_assert_cmpuint (ld_suggestion_get_concern_ids (edited)->len, ==, 1);
  g_assert_cmpint (g_array_index (ld_suggestion_get_concern_ids (edited), gint64, 0), ==, concern);
  g_assert_cmpint (ld_suggestion_get_lead_deputy_id (edited), ==, li);
  g_assert_cmpstr (combo_text (editor, "Lead Deputy"), ==, "李四");

  /* The concern is converted by the save, not by opening the form. */
  g_assert_cmpint (concern_state (fixture, concern), ==, LD_CONCERN_REGISTERED);

  g_object_ref (editor);
  g_assert_true (ld_suggestion_editor_save (LD_SUGGESTION_EDITOR (editor)));
  ld_test_iterate_idle ();
  g_object_unref (editor);
  g_assert_cmpint (concern_state (fixture, concern), ==, LD_CONCERN_CONVERTED);

  /* The concern's page follows: converting is no longer offered. */
  g_assert_null (find_button (GTK_WIDGET (concern_page),
                              ld_concern_action_to_label (LD_CONCERN_ACTION_CONVERT)));
  g_assert_nonnull (ld_test_find_toplevel (LD_TYPE_SUGGESTION_PAGE));

  gtk_window_destroy (GTK_WINDOW (ld_test_find_toplevel (LD_TYPE_SUGGESTION_PAGE)));
  gtk_window_destroy (concern_page);
}

static void
test_actions_per_state (Fixture       *fixture,
                        gconstpointer  data)
{
  LdStore *store;
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *page;
  gint64 li, unit, id;

  open_database (fixture);
  store = ld_test_get_store (fixture);
  station = ld_store_get_station (store, NULL);
  li = add_deputy (fixture, "李四");
  unit = add_unit (fixture, "区交通局");

  ld_suggestion_set_station_id (suggestion, ld_station_get_id (station));
  ld_suggestion_set_title (suggestion, "关于增设公交线路的建议");
  ld_suggestion_set_lead_deputy_id (suggestion, li);
  ld_suggestion_store_create (store, suggestion, "王芳", &error);
  g_assert_no_error (error);
  id = ld_suggestion_get_id (suggestion);

  page = ld_suggestion_page_new (NULL, fixture->context, id);
  ld_test_present (page);

  /* Without a submitted date it is a draft. */
  assert_actions_of_state (page, LD_SUGGESTION_DRAFT);

  {
    LdSuggestionTransition args = { .date = "2026-11-02" };

    ld_suggestion_store_transition (store, id, LD_SUGGESTION_ACTION_SUBMIT, &args, "王芳", &error);
    g_assert_no_error (error);
  }
  ld_test_iterate_idle ();
  assert_actions_of_state (page, LD_SUGGESTION_SUBMITTED);

  {
    LdSuggestionTransition args = { .date = "2026-11-03", .unit_id = unit };

    ld_suggestion_store_transition (store, id, LD_SUGGESTION_ACTION_ASSIGN, &args, "王芳", &error);
    g_assert_no_error (error);
  }
  ld_test_iterate_idle ();
  assert_actions_of_state (page, LD_SUGGESTION_ASSIGNED);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "2027-02-03 — On time"));

  {
    LdSuggestionTransition args = { .date = "2026-11-25",
                                    .answer_class_id = first_entry (fixture, LD_LIST_ANSWER_CLASS),
                                    .answer_text = "已列入明年计划。" };

    ld_suggestion_store_transition (store, id, LD_SUGGESTION_ACTION_ANSWER, &args, "王芳", &error);
    g_assert_no_error (error);
  }
  ld_test_iterate_idle ();
  assert_actions_of_state (page, LD_SUGGESTION_ANSWERED);

  /* Dissatisfied deputies: the page offers to have it handled again. */
  {
    GtkWindow *dialog = ld_suggestion_page_start_action (LD_SUGGESTION_PAGE (page),
                                                         LD_SUGGESTION_ACTION_EVALUATE);
    GtkDropDown *evaluation;
    GtkWindow *question;
    const char * const *evaluations = ld_satisfactions ();
    guint dissatisfied = 0;

    g_assert_nonnull (dialog);
    ld_test_iterate_idle ();
    evaluation = GTK_DROP_DOWN (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                             GTK_TYPE_DROP_DOWN));
    while (g_strcmp0 (evaluations[dissatisfied], "dissatisfied") != 0)
      dissatisfied++;
    gtk_drop_down_set_selected (evaluation, dissatisfied);
    commit_dialog (dialog, LD_SUGGESTION_ACTION_EVALUATE);
    assert_actions_of_state (page, LD_SUGGESTION_EVALUATED);

    question = ld_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "rehandle");
    ld_test_iterate_idle ();
    /* The re-handling dialog says the new due date: one month after today. */
    dialog = find_window_titled ("Handle It Again");
    g_assert_nonnull (dialog);
    g_assert_nonnull (find_label (GTK_WIDGET (dialog), "2026-12-30"));
    commit_dialog (dialog, LD_SUGGESTION_ACTION_REHANDLE);
  }
  assert_actions_of_state (page, LD_SUGGESTION_REHANDLING);
  {
    g_autoptr(LdSuggestion) stored = ld_suggestion_store_get (store, id, NULL);

    g_assert_cmpint (ld_suggestion_get_state (stored), ==, LD_SUGGESTION_REHANDLING);
    g_assert_cmpstr (ld_suggestion_get_due_date (stored), ==, "2026-12-30");
    g_assert_cmpuint (ld_suggestion_get_rehandling_count (stored), ==, 1);
  }

  gtk_window_destroy (page);
}

static gboolean
count_buttons_labelled (GtkWidget *widget,
                        gpointer   data)
{
  GPtrArray *found = data;

  if (is_button_labelled (widget, g_ptr_array_index (found, 0)))
    g_ptr_array_add (found, widget);

  return FALSE;
}

/* How many buttons labelled @label @root shows. */
static guint
n_buttons (GtkWidget  *root,
           const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_ptr_array_add (found, (gpointer) label);
  ld_test_find_widget (root, count_buttons_labelled, found);

  return found->len - 1;
}

static gint64
answer_class_id (Fixture    *fixture,
                 const char *seed_key)
{
  g_autoptr(GPtrArray) entries = ld_store_list_entries (ld_test_get_store (fixture),
                                                        LD_LIST_ANSWER_CLASS, FALSE, NULL);

  return ld_list_entry_get_id (g_ptr_array_index (entries,
                                                  answer_class_position (fixture, seed_key)));
}

static char *
dup_answer_class_name (Fixture    *fixture,
                       const char *seed_key)
{
  g_autoptr(GPtrArray) entries = ld_store_list_entries (ld_test_get_store (fixture),
                                                        LD_LIST_ANSWER_CLASS, FALSE, NULL);
  LdListEntry *entry = g_ptr_array_index (entries, answer_class_position (fixture, seed_key));

  return g_strdup (ld_list_entry_get_display_name (entry));
}

/* A suggestion answered with class B is still being solved: its page shows next year's row of
 * the rolling supervision ledger with the follow-up due date in its colour, and the follow-up
 * report recorded there with class C carries it into the year after, on the page at once. */
static void
test_rolling_supervision (Fixture       *fixture,
                          gconstpointer  data)
{
  LdStore *store;
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *class_c = NULL;
  GtkWindow *page;
  GtkWindow *dialog;
  GtkWidget *label;
  gint64 li, unit, id;

  open_database (fixture);
  store = ld_test_get_store (fixture);
  station = ld_store_get_station (store, NULL);
  li = add_deputy (fixture, "李四");
  unit = add_unit (fixture, "区住建局");

  ld_suggestion_set_station_id (suggestion, ld_station_get_id (station));
  ld_suggestion_set_title (suggestion, "关于建设社区口袋公园的建议");
  ld_suggestion_set_lead_deputy_id (suggestion, li);
  ld_suggestion_set_submitted_date (suggestion, "2026-09-01");
  ld_suggestion_store_create (store, suggestion, "王芳", &error);
  g_assert_no_error (error);
  id = ld_suggestion_get_id (suggestion);
  {
    LdSuggestionTransition args = { .date = "2026-09-02", .unit_id = unit };

    ld_suggestion_store_transition (store, id, LD_SUGGESTION_ACTION_ASSIGN, &args, "王芳", &error);
    g_assert_no_error (error);
  }

  page = ld_suggestion_page_new (NULL, fixture->context, id);
  ld_test_present (page);
  /* Not in the ledger: no section. */
  g_assert_null (find_label (GTK_WIDGET (page), "Rolling Supervision"));

  /* Answered with class B through the page. */
  dialog = ld_suggestion_page_start_action (LD_SUGGESTION_PAGE (page),
                                            LD_SUGGESTION_ACTION_ANSWER);
  g_assert_nonnull (dialog);
  ld_test_iterate_idle ();
  {
    GtkDropDown *classes = GTK_DROP_DOWN (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                       GTK_TYPE_DROP_DOWN));
    GtkTextView *text = GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                    GTK_TYPE_TEXT_VIEW));

    gtk_drop_down_set_selected (classes, answer_class_position (fixture, "B"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "已完成选址，明年开工建设。", -1);
  }
  commit_dialog (dialog, LD_SUGGESTION_ACTION_ANSWER);

  /* Next year's row, its follow-up due on 30 June, on time in November, and not yet reported. */
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Rolling Supervision"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "2027"));
  label = find_label (GTK_WIDGET (page), "Follow-up due 2027-06-30 — On time");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "success"));
  g_assert_null (find_label (GTK_WIDGET (page), "2028"));
  g_assert_cmpuint (n_buttons (GTK_WIDGET (page), "Record Follow-up…"), ==, 1);

  /* The unit reports in June 2027: still being solved (C). */
  g_signal_emit_by_name (find_button (GTK_WIDGET (page), "Record Follow-up…"), "clicked");
  ld_test_iterate_idle ();
  dialog = find_window_titled ("Follow-up for 2027");
  g_assert_nonnull (dialog);
  /* Inside the dialog its button has no "…": nothing more is to come. */
  g_assert_null (find_button (GTK_WIDGET (dialog), "Record Follow-up…"));
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "Record Follow-up"));
  {
    GtkEntry *date = GTK_ENTRY (ld_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
    GtkDropDown *classes = GTK_DROP_DOWN (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                       GTK_TYPE_DROP_DOWN));
    GtkTextView *text = GTK_TEXT_VIEW (ld_test_find_widget_of_type (GTK_WIDGET (dialog),
                                                                    GTK_TYPE_TEXT_VIEW));

    /* The date starts at today. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-11-30");
    gtk_editable_set_text (GTK_EDITABLE (date), "2027-06-20");
    gtk_drop_down_set_selected (classes, answer_class_position (fixture, "C"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "一期已完工，二期施工中。", -1);
  }
  g_object_ref (dialog);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Record Follow-up"), "clicked");
  ld_test_iterate_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* Stored, and on the page: 2027 reported, 2028 due. */
  rows = ld_suggestion_store_rolling_for (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((LdRollingEntry *) g_ptr_array_index (rows, 0))->followup_date, ==,
                   "2027-06-20");
  class_c = dup_answer_class_name (fixture, "C");
  reported = g_strdup_printf ("Reported on 2027-06-20 · %s · 一期已完工，二期施工中。", class_c);
  g_assert_nonnull (find_label (GTK_WIDGET (page), reported));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "2028"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Follow-up due 2028-06-30 — On time"));
  /* The reported year keeps its due date, without a colour. */
  label = find_label (GTK_WIDGET (page), "Follow-up due 2027-06-30");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Follow-up due 2027-06-30");
  g_assert_false (gtk_widget_has_css_class (label, "success"));
  g_assert_cmpuint (n_buttons (GTK_WIDGET (page), "Record Follow-up…"), ==, 1);

  /* A few days before the 2028 date the row says so. */
  later = g_date_time_new_local (2028, 6, 27, 10, 0, 0);
  ld_context_set_fixed_now (fixture->context, later);
  gtk_window_destroy (page);
  page = ld_suggestion_page_new (NULL, fixture->context, id);
  ld_test_present (page);
  label = find_label (GTK_WIDGET (page), "Follow-up due 2028-06-30 — Due soon");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));

  /* A report recorded elsewhere (another window on the same database) shows here at once. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ld_suggestion_store_rolling_for (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (ld_suggestion_store_record_followup (store,
                                                      ((LdRollingEntry *) g_ptr_array_index (rows, 1))->id,
                                                      "2028-06-28", answer_class_id (fixture, "A"),
                                                      "公园已建成开放。", "王芳", &error));
  g_assert_no_error (error);
  ld_test_iterate_idle ();
  g_assert_cmpuint (n_buttons (GTK_WIDGET (page), "Record Follow-up…"), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Reported on 2028-06-28"));
  g_assert_null (find_label (GTK_WIDGET (page), "Due soon"));
  /* Solved (A): no 2029 row. */
  g_assert_null (find_label (GTK_WIDGET (page), "2029"));
  gtk_window_destroy (page);
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

  ADD ("/ui-suggestion-flow/from-two-concerns", test_from_two_concerns);
  ADD ("/ui-suggestion-flow/title-required", test_title_required);
  ADD ("/ui-suggestion-flow/failed-save-keeps-form", test_failed_save_keeps_form);
  ADD ("/ui-suggestion-flow/convert-opens-editor", test_convert_opens_editor);
  ADD ("/ui-suggestion-flow/actions-per-state", test_actions_per_state);
  ADD ("/ui-suggestion-flow/rolling-supervision", test_rolling_supervision);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-calendar-store.h"
#include "ld-concern-store.h"
#include "ld-deadline.h"
#include "ld-notice-print.h"
#include "ld-record-view.h"
#include "ld-suggestion-store.h"
#include "ld-today-page.h"
#include "ld-toast.h"
#include "ld-window.h"

/*
 * The landing page: what needs doing today, in short lists that each open their records, and
 * the month's figures. Everything comes from one ld_today_compute(), again when the store
 * changes (a moment later, so that a burst of writes reloads once), when the caseload-deputy
 * setting changes and when the day turns at midnight. The page builds its sections anew on each
 * reload: a few dozen rows.
 */

#define ROWS_PER_LIST    5
#define RELOAD_DELAY_MS  150

struct _LdTodayPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkStack        *content_stack;
  GtkBox          *content_box;
  AdwStatusPage   *error_page;

  /* Owned */
  LdContext       *context;
  LdStore         *store;
  GSettings       *settings;
  LdToday          today;
  gboolean         has_today;
  char            *date;
  gint64           deputy_id;
  int              soon_days;
  guint            reload_source;
  guint            midnight_source;
  gboolean         folded;
};

static void store_changed_cb (LdTodayPage *self,
                              const char  *kind,
                              gint64       id);

G_DEFINE_FINAL_TYPE (LdTodayPage, ld_today_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static GDateTime *
dup_now_local (LdTodayPage *self)
{
  g_autoptr(GDateTime) now = self->context ? ld_context_now (self->context)
                                           : g_date_time_new_now_local ();

  return g_date_time_to_local (now);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A section: a heading with its count and a boxed list; returns the list. */
static GtkListBox *
add_section (LdTodayPage *self,
             const char  *name,
             const char  *title,
             gint64       count,
             const char  *count_css)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_label = new_label (title, "heading");
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (section, name);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (heading), title_label);
  if (count >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      GtkWidget *count_label = gtk_label_new (text);

      gtk_widget_set_name (count_label, "count");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "heading");
      if (count > 0 && count_css)
        gtk_widget_add_css_class (count_label, count_css);
      else
        gtk_widget_add_css_class (count_label, "dim-label");
      gtk_box_append (GTK_BOX (heading), count_label);
    }
  gtk_box_append (GTK_BOX (section), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (section), list);

  gtk_box_append (self->content_box, section);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
set_row_action (GtkWidget  *row,
                const char *action,
                GVariant   *target)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  if (target)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = new_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* "and 12 more", opening the page that lists them all. */
static void
add_more_row (GtkListBox        *list,
              const LdTodayList *items,
              const char        *page)
{
  gint64 more = items->count - (gint64) items->ids->len;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;

  if (more <= 0)
    return;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, more);
  /* Translators: %s is a number of further items not listed, e.g. "and 12 more" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more",
                                       (gulong) MIN (more, (gint64) G_MAXINT)),
                          number);
  row = new_row (text, NULL);
  gtk_widget_set_name (row, "more");
  set_row_action (row, "win.show-page", g_variant_new_string (page));
  gtk_list_box_append (list, row);
}

static GtkWidget *
new_status_label (LdDueStatus status)
{
  GtkWidget *label = gtk_label_new (ld_due_status_to_string (status));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (ld_due_status_to_css_class (status))
    gtk_widget_add_css_class (label, ld_due_status_to_css_class (status));
  return label;
}

/* "On duty: 张伟, 李娜", or NULL without deputies on duty. */
static char *
dup_deputies_on_duty (LdTodayPage *self,
                      LdEvent     *event)
{
  g_autoptr(GArray) ids = ld_event_get_deputy_ids (event, LD_EVENT_ROLE_ON_DUTY);
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids->len == 0)
    return NULL;
  deputies = ld_store_load_deputies (self->store, (const gint64 *) ids->data, ids->len, NULL);
  for (guint i = 0; deputies && i < deputies->len; i++)
    /* Translators: what separates the names of deputies in a list */
    g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "",
                            ld_deputy_get_name (g_ptr_array_index (deputies, i)));
  if (names->len == 0)
    return NULL;
  /* Translators: %s lists the deputies on duty at an event */
  return g_strdup_printf (_("On duty: %s"), names->str);
}

static char *
dup_event_title (LdEvent *event)
{
  const char *kind = ld_event_kind_to_string (ld_event_get_kind (event));
  const char *theme = ld_event_get_theme (event);

  if (theme && *theme)
    /* Translators: an event's kind and its theme, e.g. "Reception day: 停车难" */
    return g_strdup_printf (_("%s: %s"), kind ? kind : "", theme);
  return g_strdup (kind ? kind : "");
}

static void
add_event_rows (LdTodayPage       *self,
                GtkListBox        *list,
                const LdTodayList *items,
                const char        *empty)
{
  if (items->count == 0)
    {
      add_placeholder (list, empty);
      return;
    }
  for (guint i = 0; i < items->ids->len; i++)
    {
      gint64 id = g_array_index (items->ids, gint64, i);
      g_autoptr(LdEvent) event = ld_calendar_store_get_event (self->store, id, NULL);
      g_autofree char *title = NULL;
      g_autofree char *duty = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *start, *end, *place;
      GtkWidget *row;

      if (event == NULL)
        continue;
      title = dup_event_title (event);
      start = ld_event_get_start_time (event);
      end = ld_event_get_end_time (event);
      place = ld_event_get_place (event);
      if (start && *start && end && *end)
        /* Translators: a time span, e.g. "09:00–11:30" */
        g_string_append_printf (subtitle, _("%s–%s"), start, end);
      else if (start && *start)
        g_string_append (subtitle, start);
      if (place && *place)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", place);
      duty = dup_deputies_on_duty (self, event);
      if (duty)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "", duty);

      row = new_row (title, subtitle->str);
      gtk_widget_set_name (row, "event");
      set_row_action (row, "win.show-day", g_variant_new_string (ld_event_get_date (event)));
      gtk_list_box_append (list, row);
    }
  add_more_row (list, items, "calendar");
}

static void
add_notices (LdTodayPage *self)
{
  const LdTodayList *items = &self->today.notices_due;
  GtkListBox *list;

  if (items->count == 0)
    return;

  list = add_section (self, "notices", _("Reception Notices to Post"), items->count, "warning");
  for (guint i = 0; i < items->ids->len; i++)
    {
      gint64 id = g_array_index (items->ids, gint64, i);
      g_autoptr(LdEvent) event = ld_calendar_store_get_event (self->store, id, NULL);
      g_autofree char *title = NULL;
      GtkWidget *row, *button;

      if (event == NULL)
        continue;
      /* Translators: %s is the date of a reception day, e.g. "2026-03-04" */
      title = g_strdup_printf (_("The notice for the reception day of %s is not printed"),
                               ld_event_get_date (event));
      row = new_row (title, _("Post it three days ahead so residents know when to come."));
      gtk_widget_set_name (row, "notice");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      button = gtk_button_new_with_mnemonic (_("_Print Notice…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.print-notice");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (list, row);
    }
  add_more_row (list, items, "calendar");
}

static void
add_concern_rows (LdTodayPage       *self,
                  GtkListBox        *list,
                  const LdTodayList *items,
                  gboolean           show_due)
{
  g_autoptr(GPtrArray) concerns = NULL;

  concerns = ld_concern_store_load (self->store, (const gint64 *) items->ids->data,
                                    items->ids->len, NULL);
  for (guint i = 0; concerns && i < concerns->len; i++)
    {
      LdConcern *concern = g_ptr_array_index (concerns, i);
      g_autofree char *reference = ld_concern_dup_reference (concern);
      g_autoptr(GString) subtitle = g_string_new (reference);
      const char *unit = ld_concern_get_unit_name (concern);
      const char *due = ld_concern_get_due_date (concern);
      GtkWidget *row;

      if (unit && *unit)
        g_string_append_printf (subtitle, " · %s", unit);
      if (show_due && due)
        {
          g_string_append (subtitle, " · ");
          /* Translators: %s is a due date, "YYYY-MM-DD" */
          g_string_append_printf (subtitle, _("due %s"), due);
        }
      else if (!show_due && ld_concern_get_concluded_date (concern))
        {
          g_string_append (subtitle, " · ");
          /* Translators: %s is the date a concern was concluded, "YYYY-MM-DD" */
          g_string_append_printf (subtitle, _("concluded %s"),
                                  ld_concern_get_concluded_date (concern));
        }

      row = new_row (ld_concern_get_subject (concern), subtitle->str);
      gtk_widget_set_name (row, "concern");
      if (show_due)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   new_status_label (ld_deadline_status (due, self->date,
                                                                         self->soon_days)));
      set_row_action (row, "win.open-concern",
                      g_variant_new_int64 (ld_concern_get_id (concern)));
      gtk_list_box_append (list, row);
    }
}

static void
add_suggestion_rows (LdTodayPage       *self,
                     GtkListBox        *list,
                     const LdTodayList *items)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  suggestions = ld_suggestion_store_load (self->store, (const gint64 *) items->ids->data,
                                          items->ids->len, NULL);
  for (guint i = 0; suggestions && i < suggestions->len; i++)
    {
      LdSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const char *number = ld_suggestion_get_number_display (suggestion);
      const char *due = ld_suggestion_get_due_date (suggestion);
      g_autoptr(GString) subtitle = g_string_new (number ? number : "");
      GtkWidget *row;

      if (due)
        {
          if (subtitle->len)
            g_string_append (subtitle, " · ");
          /* Translators: %s is a due date, "YYYY-MM-DD" */
          g_string_append_printf (subtitle, _("due %s"), due);
        }
      row = new_row (ld_suggestion_get_title (suggestion), subtitle->str);
      gtk_widget_set_name (row, "suggestion");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_status_label (ld_deadline_status (due, self->date,
                                                                       self->soon_days)));
      set_row_action (row, "win.open-suggestion",
                      g_variant_new_int64 (ld_suggestion_get_id (suggestion)));
      gtk_list_box_append (list, row);
    }
}

/* One list of concerns or suggestions that are due; nothing when there are none. */
static void
add_due_section (LdTodayPage       *self,
                 const char        *name,
                 const char        *title,
                 const LdTodayList *items,
                 LdDueStatus        status,
                 gboolean           concerns)
{
  GtkListBox *list;

  if (items->count == 0)
    return;
  list = add_section (self, name, title, items->count, ld_due_status_to_css_class (status));
  if (concerns)
    add_concern_rows (self, list, items, TRUE);
  else
    add_suggestion_rows (self, list, items);
  add_more_row (list, items, concerns ? "concerns" : "suggestions");
}

static void
add_drafts (LdTodayPage *self)
{
  const LdTodayList *items = &self->today.drafts;
  g_autofree char *form = NULL;
  g_autoptr(LdConcern) draft = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *subject = NULL;
  GtkListBox *list;
  GtkWidget *row;
  gboolean ok = FALSE;

  if (items->count == 0)
    return;

  /* The intake form resumes the newest draft, so the list is that one draft. */
  list = add_section (self, "drafts", _("Unsaved Concerns"), items->count, "warning");
  form = ld_concern_store_latest_draft (self->store, 0, NULL, NULL);
  if (form)
    draft = ld_concern_new_from_draft (form, &ok);
  if (ok)
    subject = ld_concern_get_subject (draft);
  if (subject && *subject)
    /* Translators: %s is the subject typed into a concern not yet registered */
    title = g_strdup_printf (_("Not yet registered: %s"), subject);
  else
    title = g_strdup (_("A concern was being typed and is not yet registered"));
  if (items->count > 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, items->count - 1);

      /* Translators: %s is a number of further unsaved concern drafts */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s older draft is kept too",
                                               "%s older drafts are kept too",
                                               (gulong) MIN (items->count - 1, (gint64) G_MAXINT)),
                                  number);
    }
  row = new_row (title, subtitle);
  gtk_widget_set_name (row, "draft");
  set_row_action (row, "win.new-concern", NULL);
  gtk_list_box_append (list, row);
}

static void
add_figure (GtkWidget  *flow,
            const char *name,
            const char *value,
            const char *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, 150, -1);
  gtk_widget_set_margin_top (value_label, 12);
  gtk_widget_set_margin_start (caption_label, 12);
  gtk_widget_set_margin_end (caption_label, 12);
  gtk_widget_set_margin_bottom (caption_label, 12);
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_set_name (value_label, "value");
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (card), value_label);
  gtk_box_append (GTK_BOX (card), caption_label);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
}

static void
add_count_figure (GtkWidget  *flow,
                  const char *name,
                  gint64      value,
                  const char *caption)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_figure (flow, name, text, caption);
}

static void
add_rate_figure (GtkWidget  *flow,
                 const char *name,
                 double      rate,
                 const char *caption)
{
  g_autofree char *text = ld_report_format_rate (rate);

  add_figure (flow, name, text, caption);
}

static void
add_month (LdTodayPage *self)
{
  const LdConcernFigures *concerns = &self->today.month_concerns;
  const LdSuggestionFigures *suggestions = &self->today.month_suggestions;
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_widget_set_name (section, "month");
  gtk_box_append (GTK_BOX (section), new_label (_("This Month"), "heading"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);

  add_count_figure (flow, "registered", concerns->received, _("Concerns registered"));
  add_count_figure (flow, "concluded", concerns->concluded, _("Concerns concluded"));
  add_count_figure (flow, "answered", suggestions->answered, _("Suggestions answered"));
  add_rate_figure (flow, "reply-rate", ld_suggestion_figures_reply_rate (suggestions),
                   _("Reply rate"));
  add_rate_figure (flow, "on-time-rate", ld_suggestion_figures_on_time_rate (suggestions),
                   _("On-time rate"));
  add_rate_figure (flow, "satisfaction-rate",
                   ld_suggestion_figures_satisfaction_rate (suggestions),
                   _("Satisfaction rate"));
  add_rate_figure (flow, "solved-rate", ld_suggestion_figures_solved_rate (suggestions),
                   _("Solved rate"));
  gtk_box_append (GTK_BOX (section), flow);
  gtk_box_append (GTK_BOX (section),
                  new_label (_("Suggestions assigned this month; the rates are counted as in "
                               "the district workbook."), "dim-label"));
  gtk_box_append (self->content_box, section);
}

static void
update_title (LdTodayPage *self,
              LdDeputy    *deputy)
{
  g_autoptr(GDateTime) now = dup_now_local (self);
  /* Translators: the date in the Today page's header, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (now, _("%A, %-d %B %Y"));
  g_autofree char *subtitle = NULL;

  g_strstrip (date);
  if (deputy)
    /* Translators: the header of Today in "My caseload" mode: the date, then the deputy */
    subtitle = g_strdup_printf (_("%s · %s’s caseload"), date, ld_deputy_get_name (deputy));
  else
    subtitle = g_strdup (date);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_error (LdTodayPage  *self,
            const GError *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
rebuild (LdTodayPage *self,
         LdDeputy    *deputy)
{
  const LdToday *t = &self->today;
  GtkListBox *list;
  gboolean anything_due;
  char *soon;

  ld_record_view_clear (GTK_WIDGET (self->content_box));

  if (deputy)
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: %s is a deputy's name; the other deputies' items are left out */
      text = g_strdup_printf (_("Showing %s’s items only. To see everyone’s, set “This Desk "
                                "Belongs To” to “Whole Station” in Preferences."),
                              ld_deputy_get_name (deputy));
      label = new_label (text, "dim-label");
      gtk_widget_set_name (label, "caseload");
      gtk_box_append (self->content_box, label);
    }

  add_notices (self);

  list = add_section (self, "events-today", _("Today’s Events"), t->events_today.count, NULL);
  add_event_rows (self, list, &t->events_today, _("No reception, duty or visit today"));
  list = add_section (self, "events-tomorrow", _("Tomorrow’s Events"), t->events_tomorrow.count,
                      NULL);
  add_event_rows (self, list, &t->events_tomorrow, _("Nothing planned for tomorrow"));

  add_due_section (self, "concerns-overdue", _("Concerns Overdue"), &t->concerns_overdue,
                   LD_DUE_OVERDUE, TRUE);
  add_due_section (self, "concerns-due-today", _("Concerns Due Today"), &t->concerns_due_today,
                   LD_DUE_SOON, TRUE);
  /* Translators: %d is the due-soon days of the deadlines, 7 unless changed */
  soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Concerns Due Within %d Day",
                                       "Concerns Due Within %d Days", (gulong) self->soon_days),
                          self->soon_days);
  add_due_section (self, "concerns-due-soon", soon, &t->concerns_due_soon, LD_DUE_SOON, TRUE);
  g_free (soon);
  add_due_section (self, "suggestions-overdue", _("Suggestions Overdue"),
                   &t->suggestions_overdue, LD_DUE_OVERDUE, FALSE);
  add_due_section (self, "suggestions-due-today", _("Suggestions Due Today"),
                   &t->suggestions_due_today, LD_DUE_SOON, FALSE);
  /* Translators: %d is the due-soon days of the deadlines, 7 unless changed */
  soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Suggestions Due Within %d Day",
                                       "Suggestions Due Within %d Days",
                                       (gulong) self->soon_days),
                          self->soon_days);
  add_due_section (self, "suggestions-due-soon", soon, &t->suggestions_due_soon, LD_DUE_SOON,
                   FALSE);
  g_free (soon);

  if (t->feedback_owed.count > 0)
    {
      list = add_section (self, "feedback-owed", _("Feedback Owed to Residents"),
                          t->feedback_owed.count, "warning");
      add_concern_rows (self, list, &t->feedback_owed, FALSE);
      add_more_row (list, &t->feedback_owed, "concerns");
    }

  anything_due = t->concerns_overdue.count + t->concerns_due_today.count
                 + t->concerns_due_soon.count + t->suggestions_overdue.count
                 + t->suggestions_due_today.count + t->suggestions_due_soon.count
                 + t->feedback_owed.count > 0;
  if (!anything_due)
    {
      list = add_section (self, "nothing-due", _("Deadlines"), -1, NULL);
      add_placeholder (list, _("Nothing is overdue or due soon"));
    }

  add_drafts (self);
  add_month (self);

  gtk_stack_set_visible_child_name (self->content_stack, "content");
}

static void
schedule_midnight (LdTodayPage *self);

static gboolean
midnight_cb (gpointer data)
{
  LdTodayPage *self = LD_TODAY_PAGE (data);

  self->midnight_source = 0;
  ld_today_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Reloads just after the next local midnight, when "today" becomes another day. */
static void
schedule_midnight (LdTodayPage *self)
{
  g_autoptr(GDateTime) now = dup_now_local (self);
  g_autoptr(GDateTime) midnight = NULL;
  GTimeSpan until;

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                              0, 0, 0);
  if (midnight == NULL)
    return;
  {
    g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

    until = g_date_time_difference (next, now);
  }
  self->midnight_source = g_timeout_add_seconds ((guint) CLAMP (until / G_TIME_SPAN_SECOND + 1,
                                                                1, 24 * 3600 + 1),
                                                 midnight_cb, self);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  LdTodayPage *self = LD_TODAY_PAGE (data);

  self->reload_source = 0;
  ld_today_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LdTodayPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
set_store (LdTodayPage *self,
           LdStore     *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  ld_today_page_reload (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdTodayPage *self,
                  const char  *kind,
                  gint64       id)
{
  queue_reload (self);
}

static void
caseload_changed_cb (LdTodayPage *self)
{
  ld_today_page_reload (self);
}

static void
context_notify_database_cb (LdTodayPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

/* ------------------------------------------------------------------ actions */

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdTodayPage *self = LD_TODAY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (!ld_notice_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                        g_variant_get_int64 (parameter), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the notice could not be printed */
      message = g_strdup_printf (_("The notice could not be printed: %s"), error->message);
      if (LD_IS_WINDOW (root))
        ld_window_add_toast (LD_WINDOW (root), ld_toast_new_plain (message));
      else
        g_message ("%s", message);
    }
}

/* ------------------------------------------------------------------ overrides */

static void
ld_today_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdTodayPage *self = LD_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_today_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdTodayPage *self = LD_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_today_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_today_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_today_page_dispose (GObject *object)
{
  LdTodayPage *self = LD_TODAY_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_TODAY_PAGE);
  /* The template's outer box is not bound, so it is not unparented with the rest. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ld_today_page_parent_class)->dispose (object);
}

static void
ld_today_page_finalize (GObject *object)
{
  LdTodayPage *self = LD_TODAY_PAGE (object);

  if (self->has_today)
    ld_today_clear (&self->today);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (ld_today_page_parent_class)->finalize (object);
}

static void
ld_today_page_class_init (LdTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_today_page_get_property;
  object_class->set_property = ld_today_page_set_property;
  object_class->dispose = ld_today_page_dispose;
  object_class->finalize = ld_today_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the window shows the page without its sidebar: the header bar then offers the way
   * back and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdTodayPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdTodayPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LdTodayPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, LdTodayPage, error_page);

  gtk_widget_class_install_action (widget_class, "today.print-notice", "x",
                                   print_notice_action);
}

static void
ld_today_page_init (LdTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_today_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_TODAY_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_today_page_get_context (LdTodayPage *self)
{
  g_return_val_if_fail (LD_IS_TODAY_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context and its caseload-deputy setting. */
void
ld_today_page_set_context (LdTodayPage *self,
                           LdContext   *context)
{
  g_return_if_fail (LD_IS_TODAY_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_func (self->context, context_notify_database_cb, self);
  if (self->settings)
    g_signal_handlers_disconnect_by_func (self->settings, caseload_changed_cb, self);
  g_clear_object (&self->settings);
  g_set_object (&self->context, context);

  if (context)
    {
      self->settings = g_object_ref (ld_context_get_settings (context));
      g_signal_connect_object (context, "notify::database",
                               G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::caseload-deputy",
                               G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);
    }
  context_notify_database_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_today_page_get_folded (LdTodayPage *self)
{
  g_return_val_if_fail (LD_IS_TODAY_PAGE (self), FALSE);

  return self->folded;
}

void
ld_today_page_set_folded (LdTodayPage *self,
                          gboolean     folded)
{
  g_return_if_fail (LD_IS_TODAY_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
ld_today_page_reload (LdTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDeputy) deputy = NULL;
  g_autofree char *uuid = NULL;
  LdTodayQuery query = { 0 };

  g_return_if_fail (LD_IS_TODAY_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->has_today)
    ld_today_clear (&self->today);
  self->has_today = FALSE;

  if (self->store == NULL || self->context == NULL)
    {
      ld_record_view_clear (GTK_WIDGET (self->content_box));
      g_clear_handle_id (&self->midnight_source, g_source_remove);
      return;
    }

  now = dup_now_local (self);
  g_free (self->date);
  self->date = g_date_time_format (now, "%Y-%m-%d");
  schedule_midnight (self);

  if (ld_today_is_new_station (self->store, &error))
    {
      self->deputy_id = 0;
      update_title (self, NULL);
      ld_record_view_clear (GTK_WIDGET (self->content_box));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  if (error)
    {
      show_error (self, error);
      return;
    }

  /* A deputy removed since the setting was chosen leaves the whole station shown. */
  uuid = g_settings_get_string (self->settings, "caseload-deputy");
  self->deputy_id = ld_today_deputy_by_uuid (self->store, uuid, NULL);
  if (self->deputy_id != 0)
    deputy = ld_store_get_deputy (self->store, self->deputy_id, NULL);
  if (deputy == NULL)
    self->deputy_id = 0;

  {
    LdSuggestionDeadlines deadlines = { 0 };

    self->soon_days = 7;
    if (ld_suggestion_store_get_deadlines (self->store, 0, &deadlines, NULL)
        && deadlines.due_soon_days > 0)
      self->soon_days = deadlines.due_soon_days;
  }

  query.today = self->date;
  query.deputy_id = self->deputy_id;
  query.limit = ROWS_PER_LIST;
  if (!ld_today_compute (self->store, &query, &self->today, &error))
    {
      show_error (self, error);
      return;
    }
  self->has_today = TRUE;

  update_title (self, deputy);
  rebuild (self, deputy);
}

const LdToday *
ld_today_page_get_today (LdTodayPage *self)
{
  g_return_val_if_fail (LD_IS_TODAY_PAGE (self), NULL);

  return self->has_today ? &self->today : NULL;
}

gint64
ld_today_page_get_deputy_id (LdTodayPage *self)
{
  g_return_val_if_fail (LD_IS_TODAY_PAGE (self), 0);

  return self->deputy_id;
}

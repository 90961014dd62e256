/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-calendar-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-page.h"
#include "ld-calendar-store.h"
#include "ld-event-editor.h"
#include "ld-event.h"
#include "ld-ics-dialog.h"
#include "ld-month-layout.h"
#include "ld-month-view.h"
#include "ld-notice-print.h"
#include "ld-window.h"

/*
 * The Calendar page: the month with its holidays and events, and beside it the selected day's
 * events and what is coming up. The store is asked for the days the grid shows whenever the
 * month turns or the events change; the holidays are read once per database.
 */

/* How far ahead the agenda looks, and how much of it it lists. */
#define AGENDA_DAYS  90
#define AGENDA_LIMIT 20

struct _LdCalendarPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwFlap        *flap;
  LdMonthView    *month_view;
  GtkLabel       *day_title;
  GtkListBox     *day_list;
  GtkListBox     *agenda_list;

  /* Owned */
  LdContext      *context;
  LdStore        *store;
  GPtrArray      *events;        /* LdEvent, of the days the grid shows */
  char           *title;

  gboolean        folded;
};

G_DEFINE_FINAL_TYPE (LdCalendarPage, ld_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The CSS class of each chip colour, in LdChipColor order, as the month view uses them. */
static const char * const chip_classes[LD_N_CHIP_COLORS] = {
  "chip-reception",
  "chip-duty",
  "chip-visit",
  "chip-forum",
  "chip-hearing",
  "chip-council",
  "chip-other",
};

/* ------------------------------------------------------------------ helpers */

static void
show_error (LdCalendarPage *self,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  /* Translators: %s says in plain words why the calendar could not be read */
  message = g_strdup_printf (_("The calendar could not be read: %s"), error->message);

  if (!LD_IS_WINDOW (root))
    {
      g_message ("%s", message);
      return;
    }

  escaped = g_markup_escape_text (message, -1);
  ld_window_add_toast (LD_WINDOW (root), adw_toast_new (escaped));
}

static void
get_today (LdCalendarPage *self,
           GDate          *today)
{
  g_autoptr(GDateTime) now = self->context ? ld_context_now (self->context)
                                           : g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) date_time = date_time_from_date (date);

  return g_date_time_format (date_time, format);
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static const char *
kind_name (LdEvent *event)
{
  const char *name = ld_event_kind_to_string (ld_event_get_kind (event));

  return name ? name : ld_event_get_kind (event);
}

/* The theme says most about an event; without one, its kind does. */
static const char *
event_title (LdEvent *event)
{
  const char *theme = ld_event_get_theme (event);

  return theme[0] != '\0' ? theme : kind_name (event);
}

static GtkWidget *
create_event_row (LdEvent  *event,
                  gboolean  with_date)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_image_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *start = ld_event_get_start_time (event);
  const char *end = ld_event_get_end_time (event);
  const char *status = ld_event_get_status (event);
  GDate date;

  if (with_date && parse_iso_date (ld_event_get_date (event), &date))
    /* Translators: the date of an event in the agenda, a g_date_time_format() pattern, e.g.
     * "%-m月%-d日 %a" */
    g_ptr_array_add (parts, format_date (&date, _("%a %-d %b")));

  if (start[0] != '\0' && end[0] != '\0')
    /* Translators: the time of an event, from start to end: "09:00–11:30" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s–%s"), start, end));
  else if (start[0] != '\0')
    g_ptr_array_add (parts, g_strdup (start));
  else
    g_ptr_array_add (parts, g_strdup (_("All day")));

  if (ld_event_get_theme (event)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (kind_name (event)));
  if (ld_event_get_place (event)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (ld_event_get_place (event)));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the date, time, kind and place of an event */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A bounded number of lines lets the row shrink to the pane instead of widening it past the
   * window's edge with a long English line. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "event-dot");
  gtk_widget_add_css_class (dot,
                            chip_classes[ld_month_layout_chip_color (ld_event_get_kind (event))]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_name (event),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);

  /* Activating the row opens the event in the editor. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);

  if (g_strcmp0 (status, "planned") != 0 && ld_event_status_to_string (status) != NULL)
    {
      GtkWidget *label = gtk_label_new (ld_event_status_to_string (status));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (g_str_equal (status, "cancelled"))
        gtk_widget_add_css_class (row, "cancelled");
    }

  if (!g_str_equal (status, "cancelled"))
    {
      GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");

      gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (print, "flat");
      gtk_widget_set_tooltip_text (print, _("Print Notice…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (print),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print Notice…"),
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "calendar.print-notice");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (print),
                                              g_variant_new_int64 (ld_event_get_id (event)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
    }

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
update_title (LdCalendarPage *self)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) ld_month_view_get_month (self->month_view),
                  (GDateYear) ld_month_view_get_year (self->month_view));

  g_free (self->title);
  /* Translators: the month shown by the calendar, a g_date_time_format() pattern, e.g.
   * "%Y年%-m月" */
  self->title = format_date (&first, _("%B %Y"));
  adw_window_title_set_title (self->window_title, self->title);
}

static void
update_day_list (LdCalendarPage *self)
{
  GDate selected;
  g_autofree char *iso = NULL;
  g_autofree char *heading = NULL;

  ld_month_view_get_selected_date (self->month_view, &selected);
  iso = format_iso_date (&selected);
  /* Translators: the heading over the selected day's events, a g_date_time_format() pattern,
   * e.g. "%-m月%-d日 %A" */
  heading = format_date (&selected, _("%A, %-d %B"));
  gtk_label_set_text (self->day_title, heading);

  clear_list (self->day_list);
  for (guint i = 0; self->events && i < self->events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (self->events, i);

      if (g_str_equal (ld_event_get_date (event), iso))
        gtk_list_box_append (self->day_list, create_event_row (event, FALSE));
    }
}

static void
update_agenda (LdCalendarPage *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today, end;
  guint n_listed = 0;

  clear_list (self->agenda_list);
  if (self->store == NULL)
    return;

  get_today (self, &today);
  end = today;
  g_date_add_days (&end, AGENDA_DAYS);
  from = format_iso_date (&today);
  to = format_iso_date (&end);

  events = ld_calendar_store_list_events (self->store, from, to, &error);
  if (events == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < events->len && n_listed < AGENDA_LIMIT; i++)
    {
      LdEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (ld_event_get_status (event), "cancelled"))
        continue;

      gtk_list_box_append (self->agenda_list, create_event_row (event, TRUE));
      n_listed++;
    }
}

static void
reload_events (LdCalendarPage *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) month_events = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate first, last, today;

  get_today (self, &today);
  ld_month_view_set_today (self->month_view, &today);

  if (self->store)
    {
      ld_month_view_get_range (self->month_view, &first, &last);
      from = format_iso_date (&first);
      to = format_iso_date (&last);
      events = ld_calendar_store_list_events (self->store, from, to, &error);
      if (events == NULL)
        show_error (self, error);
    }

  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events ? g_ptr_array_ref (events) : g_ptr_array_new_with_free_func (g_object_unref);

  month_events = g_array_sized_new (FALSE, TRUE, sizeof (LdMonthEvent), self->events->len);
  for (guint i = 0; i < self->events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (self->events, i);
      LdMonthEvent month_event = {
        .id = ld_event_get_id (event),
        .date = ld_event_get_date (event),
        .start_time = ld_event_get_start_time (event),
        .kind = ld_event_get_kind (event),
        .status = ld_event_get_status (event),
        .title = event_title (event),
      };

      g_array_append_val (month_events, month_event);
    }

  ld_month_view_set_events (self->month_view, (const LdMonthEvent *) month_events->data,
                            month_events->len);
  update_day_list (self);
}

static void
reload_workdays (LdCalendarPage *self)
{
  g_autoptr(LdWorkdays) workdays = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store)
    {
      workdays = ld_calendar_store_load_workdays (self->store, &error);
      if (workdays == NULL)
        show_error (self, error);
    }

  ld_month_view_set_workdays (self->month_view, workdays);
}

static void
turn_page (LdCalendarPage *self,
           LdMonthKey      key)
{
  GDate selected, date;

  ld_month_view_get_selected_date (self->month_view, &selected);
  ld_month_layout_navigate (&selected, key, ld_month_view_get_week_start (self->month_view),
                            &date);
  ld_month_view_set_selected_date (self->month_view, &date);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdCalendarPage *self,
                  const char     *kind,
                  gint64          id)
{
  /* Records the calendar does not show. */
  if (g_strcmp0 (kind, "deputy") == 0 || g_strcmp0 (kind, "unit") == 0
      || g_strcmp0 (kind, "list") == 0 || g_strcmp0 (kind, "station") == 0)
    return;

  /* Anything else but events may be the holidays, edited in Preferences. */
  if (g_strcmp0 (kind, "event") != 0)
    reload_workdays (self);

  ld_calendar_page_reload (self);
}

static void
set_store (LdCalendarPage *self,
           LdStore        *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reload_workdays (self);
  ld_calendar_page_reload (self);
}

static void
context_notify_database_cb (LdCalendarPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

static void
month_changed_cb (LdCalendarPage *self)
{
  update_title (self);
  reload_events (self);
}

static void
selected_date_changed_cb (LdCalendarPage *self)
{
  update_day_list (self);
}

/* Folded, the agenda covers the month: it waits behind its button. */
static void
flap_notify_folded_cb (LdCalendarPage *self)
{
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

static void
open_editor (LdCalendarPage *self,
             LdEvent        *event,
             const GDate    *date)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LdEventEditor *editor;

  if (self->context == NULL || self->store == NULL)
    return;

  editor = ld_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                event, date);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
event_row_activated_cb (LdCalendarPage *self,
                        GtkListBoxRow  *row)
{
  LdEvent *event = g_object_get_data (G_OBJECT (row), "event");

  if (event)
    open_editor (self, event, NULL);
}

static void
day_activated_cb (LdCalendarPage *self,
                  const GDate    *date)
{
  g_autofree char *iso = date ? format_iso_date (date) : NULL;
  gboolean has_events = FALSE;

  /* An empty day is where a new event goes. */
  for (guint i = 0; iso && self->events && i < self->events->len; i++)
    has_events |= g_str_equal (ld_event_get_date (g_ptr_array_index (self->events, i)), iso);
  if (iso && !has_events)
    {
      open_editor (self, NULL, date);
      return;
    }

  /* The day's events are beside the month, or else behind the agenda button. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* ------------------------------------------------------------------ actions */

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  turn_page (LD_CALENDAR_PAGE (widget), LD_MONTH_KEY_PAGE_UP);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  turn_page (LD_CALENDAR_PAGE (widget), LD_MONTH_KEY_PAGE_DOWN);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (widget);
  GDate selected;

  ld_month_view_get_selected_date (self->month_view, &selected);
  open_editor (self, NULL, &selected);
}

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (!ld_notice_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                        g_variant_get_int64 (parameter), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the notice could not be printed */
      message = g_markup_printf_escaped (_("The notice could not be printed: %s"),
                                         error->message);
      if (LD_IS_WINDOW (root))
        ld_window_add_toast (LD_WINDOW (root), adw_toast_new (message));
      else
        g_message ("%s", message);
    }
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (widget);
  GDate today;

  get_today (self, &today);
  ld_month_view_set_today (self->month_view, &today);
  ld_month_view_set_selected_date (self->month_view, &today);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ld_ics_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                                     self->store)));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_calendar_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (object);

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
ld_calendar_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_calendar_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_calendar_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_calendar_page_dispose (GObject *object)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (object);
  GtkWidget *child;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_CALENDAR_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (ld_calendar_page_parent_class)->dispose (object);
}

static void
ld_calendar_page_finalize (GObject *object)
{
  LdCalendarPage *self = LD_CALENDAR_PAGE (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ld_calendar_page_parent_class)->finalize (object);
}

static void
ld_calendar_page_class_init (LdCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_calendar_page_get_property;
  object_class->set_property = ld_calendar_page_set_property;
  object_class->dispose = ld_calendar_page_dispose;
  object_class->finalize = ld_calendar_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LD_TYPE_MONTH_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, flap);
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, day_list);
  gtk_widget_class_bind_template_child (widget_class, LdCalendarPage, agenda_list);

  gtk_widget_class_bind_template_callback (widget_class, month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_notify_folded_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL,
                                   previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL,
                                   next_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL,
                                   export_ics_action);
  gtk_widget_class_install_action (widget_class, "calendar.print-notice", "x",
                                   print_notice_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-event", NULL, new_event_action);

  /* Page Up/Down alone move the selection inside the month view; these work from anywhere on
   * the page. Alt+Left stays with the leaflet's Back. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "calendar.new-event", NULL);
}

static void
ld_calendar_page_init (LdCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->day_list, "row-activated",
                           G_CALLBACK (event_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_list, "row-activated",
                           G_CALLBACK (event_row_activated_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_day_list (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_calendar_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_CALENDAR_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_calendar_page_get_context (LdCalendarPage *self)
{
  g_return_val_if_fail (LD_IS_CALENDAR_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context and shows its calendar; it opens on today. */
void
ld_calendar_page_set_context (LdCalendarPage *self,
                              LdContext      *context)
{
  GDate today;

  g_return_if_fail (LD_IS_CALENDAR_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    g_signal_connect_object (context, "notify::database",
                             G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);

  /* The context's clock may differ from the system's (tests fix it). */
  get_today (self, &today);
  ld_month_view_set_today (self->month_view, &today);
  ld_month_view_set_selected_date (self->month_view, &today);

  set_store (self, context ? ld_context_get_store (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_calendar_page_get_folded (LdCalendarPage *self)
{
  g_return_val_if_fail (LD_IS_CALENDAR_PAGE (self), FALSE);

  return self->folded;
}

/* Whether the window's sidebar is folded away: the page then offers a Back button. */
void
ld_calendar_page_set_folded (LdCalendarPage *self,
                             gboolean        folded)
{
  g_return_if_fail (LD_IS_CALENDAR_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

LdMonthView *
ld_calendar_page_get_month_view (LdCalendarPage *self)
{
  g_return_val_if_fail (LD_IS_CALENDAR_PAGE (self), NULL);

  return self->month_view;
}

const char *
ld_calendar_page_get_title (LdCalendarPage *self)
{
  g_return_val_if_fail (LD_IS_CALENDAR_PAGE (self), NULL);

  return self->title;
}

/* Reads the events of the month shown and the agenda again. */
void
ld_calendar_page_reload (LdCalendarPage *self)
{
  g_return_if_fail (LD_IS_CALENDAR_PAGE (self));

  reload_events (self);
  update_agenda (self);
}

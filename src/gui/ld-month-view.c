/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-month-layout.h"
#include "ld-month-view.h"
#include "ld-workdays.h"

/*
 * The month as a wall calendar shows it: a row of weekday names over 6 × 7 days, each with its
 * number, 休 or 班 in the corner, and its events as coloured chips. What goes where is decided by
 * LdMonthLayout; this widget only keeps one label per thing drawn in step with it, and moves the
 * selection with the keyboard the way the layout's navigation rule says.
 */

#define N_LINES LD_MONTH_LAYOUT_DEFAULT_MAX_CHIPS

/* The widgets of one day of the grid. */
typedef struct
{
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *badge;
  GtkWidget *lines[N_LINES];
} Day;

struct _LdMonthView
{
  GtkWidget      parent_instance;

  /* Children */
  GtkWidget     *header;
  GtkWidget     *grid;
  GtkWidget     *weekday_labels[LD_MONTH_LAYOUT_N_COLUMNS];
  Day            days[LD_MONTH_LAYOUT_N_CELLS];

  /* Owned */
  LdMonthLayout *layout;
  LdWorkdays    *workdays;
  GArray        *events;        /* LdMonthEvent, strings in @strings */
  GStringChunk  *strings;

  GDate          selected;
  GDate          today;         /* cleared: no today */
  GDateWeekday   week_start;
};

G_DEFINE_FINAL_TYPE (LdMonthView, ld_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAY_ACTIVATED,
  MONTH_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The CSS class of each chip colour, in LdChipColor order; data/style.css colours them. */
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

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* What a screen reader says for a day: its date, what kind of day it is, how many events. */
static char *
describe_cell (LdMonthView       *self,
               const LdMonthCell *cell)
{
  GString *text = g_string_new (NULL);
  /* Translators: the date of a day of the month view, for screen readers; a g_date_time_format()
   * pattern, e.g. "%Y年%-m月%-d日 %A" */
  g_autofree char *date = format_date (&cell->date, _("%A, %-d %B %Y"));
  const char *day_name = self->workdays ? ld_workdays_get_day_name (self->workdays, &cell->date)
                                        : NULL;

  g_string_append (text, date);

  if (cell->is_today)
    g_string_append_printf (text, ", %s", _("today"));

  if (cell->badge != LD_DAY_BADGE_NONE)
    g_string_append_printf (text, ", %s", ld_day_kind_to_string (cell->day_kind));
  if (day_name)
    g_string_append_printf (text, " (%s)", day_name);

  if (cell->n_events > 0)
    {
      g_string_append (text, ", ");
      /* Translators: how many events a day of the month view has, for screen readers */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                 cell->n_events),
                              cell->n_events);
    }

  return g_string_free (text, FALSE);
}

static char *
describe_event (const LdMonthEvent *event)
{
  if (event->start_time)
    return g_strdup_printf ("%s %s", event->start_time, event->title ? event->title : "");

  return g_strdup (event->title ? event->title : "");
}

static void
update_line (GtkWidget          *line,
             const LdMonthEvent *event,
             guint               n_more)
{
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < LD_N_CHIP_COLORS; i++)
    gtk_widget_remove_css_class (line, chip_classes[i]);
  gtk_widget_remove_css_class (line, "chip");
  gtk_widget_remove_css_class (line, "more");
  gtk_widget_remove_css_class (line, "cancelled");

  if (event)
    {
      gtk_label_set_text (GTK_LABEL (line), event->title ? event->title : "");
      gtk_widget_add_css_class (line, "chip");
      gtk_widget_add_css_class (line, chip_classes[ld_month_layout_chip_color (event->kind)]);
      set_css_class (line, "cancelled", g_strcmp0 (event->status, "cancelled") == 0);
      tooltip = describe_event (event);
    }
  else if (n_more > 0)
    {
      g_autofree char *more = NULL;

      /* Translators: the last line of a day of the month view when more events than fit */
      more = g_strdup_printf (_("+%u"), n_more);
      gtk_label_set_text (GTK_LABEL (line), more);
      gtk_widget_add_css_class (line, "more");
      /* Translators: tooltip of the "+N" line of a day of the month view */
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more event",
                                              "%u more events", n_more),
                                 n_more);
    }

  gtk_widget_set_tooltip_text (line, tooltip);
  gtk_widget_set_visible (line, event != NULL || n_more > 0);
}

static void
update_day (LdMonthView *self,
            guint        index)
{
  const LdMonthCell *cell = ld_month_layout_get_cell (self->layout, index);
  Day *day = &self->days[index];
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  const char *badge = ld_day_kind_to_badge (cell->day_kind);
  gboolean selected = g_date_compare (&cell->date, &self->selected) == 0;

  number = g_strdup_printf ("%u", (guint) g_date_get_day (&cell->date));
  gtk_label_set_text (GTK_LABEL (day->number), number);

  gtk_label_set_text (GTK_LABEL (day->badge), badge ? badge : "");
  gtk_widget_set_visible (day->badge, cell->badge != LD_DAY_BADGE_NONE && badge != NULL);
  set_css_class (day->badge, "holiday", cell->badge == LD_DAY_BADGE_HOLIDAY);
  set_css_class (day->badge, "makeup", cell->badge == LD_DAY_BADGE_MAKEUP_WORKDAY);

  set_css_class (day->box, "other-month", !cell->in_month);
  set_css_class (day->box, "weekend", cell->is_weekend);
  set_css_class (day->box, "today", cell->is_today);
  set_css_class (day->box, "holiday", cell->badge == LD_DAY_BADGE_HOLIDAY);
  set_css_class (day->box, "makeup", cell->badge == LD_DAY_BADGE_MAKEUP_WORKDAY);
  set_css_class (day->box, "selected", selected);

  for (guint i = 0; i < N_LINES; i++)
    {
      const LdMonthEvent *event = i < cell->n_chips ? cell->events[i] : NULL;
      guint n_more = i == cell->n_chips ? cell->n_more : 0;

      update_line (day->lines[i], event, n_more);
    }

  description = describe_cell (self, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (day->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (day->box),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  if (selected)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

static void
update_days (LdMonthView *self)
{
  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    update_day (self, i);
}

static void
update_weekday_labels (LdMonthView *self)
{
  for (guint column = 0; column < LD_MONTH_LAYOUT_N_COLUMNS; column++)
    {
      GDateWeekday weekday = (self->week_start + column - 1) % 7 + 1;
      GDate date;
      g_autofree char *abbreviation = NULL;
      g_autofree char *name = NULL;

      /* 1 January 2024 was a Monday. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) weekday, G_DATE_JANUARY, 2024);
      abbreviation = format_date (&date, "%a");
      name = format_date (&date, "%A");

      gtk_label_set_text (GTK_LABEL (self->weekday_labels[column]), abbreviation);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekday_labels[column]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      set_css_class (self->weekday_labels[column], "weekend",
                     weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY);
    }
}

static void
rebuild_layout (LdMonthView *self)
{
  g_clear_pointer (&self->layout, ld_month_layout_free);
  self->layout = ld_month_layout_new (g_date_get_year (&self->selected),
                                      g_date_get_month (&self->selected),
                                      self->week_start,
                                      g_date_valid (&self->today) ? &self->today : NULL,
                                      (const LdMonthEvent *) self->events->data,
                                      self->events->len,
                                      self->workdays ? ld_month_layout_day_kind_from_workdays
                                                     : NULL,
                                      self->workdays,
                                      N_LINES);
  update_days (self);
}

static gboolean
same_month (const GDate *a,
            const GDate *b)
{
  return g_date_get_year (a) == g_date_get_year (b)
         && g_date_get_month (a) == g_date_get_month (b);
}

static void
select_date (LdMonthView *self,
             const GDate *date)
{
  gboolean month_changed;
  int old_index;
  int new_index;

  if (g_date_compare (date, &self->selected) == 0)
    return;

  month_changed = !same_month (date, &self->selected);
  old_index = ld_month_layout_find_cell (self->layout, &self->selected);
  self->selected = *date;

  if (month_changed)
    {
      rebuild_layout (self);
    }
  else
    {
      new_index = ld_month_layout_find_cell (self->layout, &self->selected);
      if (old_index >= 0)
        update_day (self, (guint) old_index);
      if (new_index >= 0)
        update_day (self, (guint) new_index);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);
  if (month_changed)
    g_signal_emit (self, signals[MONTH_CHANGED], 0);
}

static int
find_day_at (LdMonthView *self,
             double       x,
             double       y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (widget && gtk_widget_get_parent (widget) != self->grid)
    widget = gtk_widget_get_parent (widget);

  if (widget == NULL)
    return -1;

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    if (self->days[i].box == widget)
      return (int) i;

  return -1;
}

static void
activate_selected (LdMonthView *self)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &self->selected);
}

static void
build_day (LdMonthView *self,
           guint        index)
{
  Day *day = &self->days[index];
  GtkWidget *top;

  day->box = g_object_new (GTK_TYPE_BOX,
                           "orientation", GTK_ORIENTATION_VERTICAL,
                           "spacing", 2,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL,
                           "overflow", GTK_OVERFLOW_HIDDEN,
                           NULL);
  gtk_widget_add_css_class (day->box, "day");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_box_append (GTK_BOX (day->box), top);

  day->number = gtk_label_new (NULL);
  gtk_widget_set_halign (day->number, GTK_ALIGN_START);
  gtk_widget_add_css_class (day->number, "day-number");
  gtk_box_append (GTK_BOX (top), day->number);

  day->badge = gtk_label_new (NULL);
  gtk_widget_set_hexpand (day->badge, TRUE);
  gtk_widget_set_halign (day->badge, GTK_ALIGN_END);
  gtk_widget_set_valign (day->badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (day->badge, "day-badge");
  gtk_box_append (GTK_BOX (top), day->badge);

  for (guint i = 0; i < N_LINES; i++)
    {
      day->lines[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (day->lines[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (day->lines[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (day->lines[i]), TRUE);
      gtk_widget_set_visible (day->lines[i], FALSE);
      gtk_box_append (GTK_BOX (day->box), day->lines[i]);
    }

  gtk_grid_attach (GTK_GRID (self->grid), day->box,
                   index % LD_MONTH_LAYOUT_N_COLUMNS, index / LD_MONTH_LAYOUT_N_COLUMNS, 1, 1);
}

/* ------------------------------------------------------------------ callbacks */

static gboolean
key_pressed_cb (LdMonthView     *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state,
                GtkEventControllerKey *controller)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  LdMonthKey key;
  GDate date;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      key = rtl ? LD_MONTH_KEY_RIGHT : LD_MONTH_KEY_LEFT;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      key = rtl ? LD_MONTH_KEY_LEFT : LD_MONTH_KEY_RIGHT;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      key = LD_MONTH_KEY_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      key = LD_MONTH_KEY_DOWN;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      key = LD_MONTH_KEY_PAGE_UP;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      key = LD_MONTH_KEY_PAGE_DOWN;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      key = LD_MONTH_KEY_HOME;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      key = LD_MONTH_KEY_END;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_selected (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  ld_month_layout_navigate (&self->selected, key, self->week_start, &date);
  select_date (self, &date);

  return GDK_EVENT_STOP;
}

static void
pressed_cb (LdMonthView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int index = find_day_at (self, x, y);

  if (index < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_date (self, &ld_month_layout_get_cell (self->layout, (guint) index)->date);

  if (n_press == 2)
    activate_selected (self);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_month_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdMonthView *self = LD_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      g_value_set_boxed (value, &self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_month_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdMonthView *self = LD_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      if (g_value_get_boxed (value))
        ld_month_view_set_selected_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_month_view_dispose (GObject *object)
{
  LdMonthView *self = LD_MONTH_VIEW (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->workdays, ld_workdays_unref);

  G_OBJECT_CLASS (ld_month_view_parent_class)->dispose (object);
}

static void
ld_month_view_finalize (GObject *object)
{
  LdMonthView *self = LD_MONTH_VIEW (object);

  g_clear_pointer (&self->layout, ld_month_layout_free);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (ld_month_view_parent_class)->finalize (object);
}

static void
ld_month_view_class_init (LdMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_month_view_get_property;
  object_class->set_property = ld_month_view_set_property;
  object_class->dispose = ld_month_view_dispose;
  object_class->finalize = ld_month_view_finalize;

  /**
   * LdMonthView:selected-date: (type GDate)
   *
   * The selected day; setting it turns to its month.
   */
  properties[PROP_SELECTED_DATE] =
    g_param_spec_boxed ("selected-date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdMonthView::day-activated:
   * @date: the day, as a #GDate
   *
   * Enter, or a double click, on a day.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LdMonthView::month-changed:
   *
   * The view turned to another month: ask for its events.
   */
  signals[MONTH_CHANGED] =
    g_signal_new ("month-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ld_month_view_init (LdMonthView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"),
                                  -1);

  self->events = g_array_new (FALSE, TRUE, sizeof (LdMonthEvent));
  self->strings = g_string_chunk_new (512);
  self->week_start = ld_month_layout_week_start_for_locale ();
  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);
  g_date_set_dmy (&self->selected, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  self->header = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->header), TRUE);
  gtk_widget_add_css_class (self->header, "weekdays");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  for (guint column = 0; column < LD_MONTH_LAYOUT_N_COLUMNS; column++)
    {
      self->weekday_labels[column] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[column]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->weekday_labels[column], "weekday");
      gtk_grid_attach (GTK_GRID (self->header), self->weekday_labels[column], column, 0, 1, 1);
    }

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_widget_set_hexpand (self->grid, TRUE);
  gtk_widget_add_css_class (self->grid, "days");
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    build_day (self, i);

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_weekday_labels (self);
  rebuild_layout (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_month_view_new (void)
{
  return g_object_new (LD_TYPE_MONTH_VIEW, NULL);
}

void
ld_month_view_get_selected_date (LdMonthView *self,
                                 GDate       *date)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL);

  *date = self->selected;
}

void
ld_month_view_set_selected_date (LdMonthView *self,
                                 const GDate *date)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  select_date (self, date);
}

guint
ld_month_view_get_year (LdMonthView *self)
{
  g_return_val_if_fail (LD_IS_MONTH_VIEW (self), 0);

  return ld_month_layout_get_year (self->layout);
}

guint
ld_month_view_get_month (LdMonthView *self)
{
  g_return_val_if_fail (LD_IS_MONTH_VIEW (self), 0);

  return ld_month_layout_get_month (self->layout);
}

void
ld_month_view_get_range (LdMonthView *self,
                         GDate       *first,
                         GDate       *last)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));

  if (first)
    *first = ld_month_layout_get_cell (self->layout, 0)->date;
  if (last)
    *last = ld_month_layout_get_cell (self->layout, LD_MONTH_LAYOUT_N_CELLS - 1)->date;
}

void
ld_month_view_set_today (LdMonthView *self,
                         const GDate *today)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today == NULL && !g_date_valid (&self->today))
    return;
  if (today && g_date_valid (&self->today) && g_date_compare (today, &self->today) == 0)
    return;

  if (today)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  rebuild_layout (self);
}

void
ld_month_view_set_workdays (LdMonthView *self,
                            LdWorkdays  *workdays)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));

  if (workdays)
    ld_workdays_ref (workdays);
  g_clear_pointer (&self->workdays, ld_workdays_unref);
  self->workdays = workdays;

  rebuild_layout (self);
}

void
ld_month_view_set_events (LdMonthView        *self,
                          const LdMonthEvent *events,
                          guint               n_events)
{
  GStringChunk *strings;

  g_return_if_fail (LD_IS_MONTH_VIEW (self));
  g_return_if_fail (events != NULL || n_events == 0);

  /* The new strings first: @events may point into the old ones. */
  strings = g_string_chunk_new (512);
  g_array_set_size (self->events, 0);

  for (guint i = 0; i < n_events; i++)
    {
      LdMonthEvent copy = {
        .id = events[i].id,
        .date = events[i].date ? g_string_chunk_insert_const (strings, events[i].date) : NULL,
        .start_time = events[i].start_time
                      ? g_string_chunk_insert_const (strings, events[i].start_time) : NULL,
        .kind = events[i].kind ? g_string_chunk_insert_const (strings, events[i].kind) : NULL,
        .status = events[i].status ? g_string_chunk_insert_const (strings, events[i].status)
                                   : NULL,
        .title = events[i].title ? g_string_chunk_insert (strings, events[i].title) : NULL,
      };

      g_array_append_val (self->events, copy);
    }

  g_string_chunk_free (self->strings);
  self->strings = strings;

  rebuild_layout (self);
}

GDateWeekday
ld_month_view_get_week_start (LdMonthView *self)
{
  g_return_val_if_fail (LD_IS_MONTH_VIEW (self), G_DATE_BAD_WEEKDAY);

  return self->week_start;
}

void
ld_month_view_set_week_start (LdMonthView  *self,
                              GDateWeekday  week_start)
{
  g_return_if_fail (LD_IS_MONTH_VIEW (self));
  g_return_if_fail (g_date_valid_weekday (week_start));

  if (self->week_start == week_start)
    return;

  self->week_start = week_start;
  update_weekday_labels (self);
  rebuild_layout (self);
}

const LdMonthLayout *
ld_month_view_get_layout (LdMonthView *self)
{
  g_return_val_if_fail (LD_IS_MONTH_VIEW (self), NULL);

  return self->layout;
}

GtkWidget *
ld_month_view_get_day_widget (LdMonthView *self,
                              guint        index)
{
  g_return_val_if_fail (LD_IS_MONTH_VIEW (self), NULL);
  g_return_val_if_fail (index < LD_MONTH_LAYOUT_N_CELLS, NULL);

  return self->days[index].box;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ld-workdays.h"

G_BEGIN_DECLS

/*
 * The month grid as a pure rule: a month, the first day of the week, today, the events and the
 * working-day calendar go in; 6 × 7 cells come out, each with its date, its markers and its
 * events as chips. The month view only draws what this says, so the rule is tested without a
 * display.
 */

#define LD_MONTH_LAYOUT_N_ROWS             6
#define LD_MONTH_LAYOUT_N_COLUMNS          7
#define LD_MONTH_LAYOUT_N_CELLS            (LD_MONTH_LAYOUT_N_ROWS * LD_MONTH_LAYOUT_N_COLUMNS)
#define LD_MONTH_LAYOUT_DEFAULT_MAX_CHIPS  3

/* What a wall calendar prints on a day: nothing, 休 (a public holiday) or 班 (a make-up working
 * day, 调休). The widget draws the translated badge (ld_day_kind_to_badge()). */
typedef enum
{
  LD_DAY_BADGE_NONE,
  LD_DAY_BADGE_HOLIDAY,
  LD_DAY_BADGE_MAKEUP_WORKDAY,
} LdDayBadge;

/* The kind of @date, e.g. from the working-day calendar: see
 * ld_month_layout_day_kind_from_workdays(). */
typedef LdDayKind (*LdDayKindFunc) (const GDate *date,
                                    gpointer     user_data);

/* One colour per kind of event, in the order of the kinds in the schema (events.kind); the four
 * kinds of visit share one. The values index the month view's palette and never change. */
typedef enum
{
  LD_CHIP_COLOR_RECEPTION_DAY,
  LD_CHIP_COLOR_DUTY,
  LD_CHIP_COLOR_VISIT,
  LD_CHIP_COLOR_FORUM,
  LD_CHIP_COLOR_HEARING,
  LD_CHIP_COLOR_COUNCIL,
  LD_CHIP_COLOR_OTHER,
  LD_N_CHIP_COLORS
} LdChipColor;

/* An event as the grid needs it. Strings are as stored in the events table: @date is
 * 'YYYY-MM-DD', @start_time 'HH:MM' or %NULL for an all-day event, @kind one of events.kind,
 * @status 'planned', 'held' or 'cancelled'. */
typedef struct
{
  gint64      id;
  const char *date;
  const char *start_time;
  const char *kind;
  const char *status;
  const char *title;
} LdMonthEvent;

/* One day of the grid. @events are the day's events in display order; the first @n_chips are
 * drawn as chips and @n_more (when not 0) as a "+N" line after them. */
typedef struct
{
  GDate                      date;
  gboolean                   in_month;
  gboolean                   is_today;
  gboolean                   is_weekend;
  LdDayKind                  day_kind;
  LdDayBadge                 badge;
  const LdMonthEvent *const *events;
  guint                      n_events;
  guint                      n_chips;
  guint                      n_more;
} LdMonthCell;

typedef struct _LdMonthLayout LdMonthLayout;

/* Keys of the month grid; the widget maps Left/Right the other way round in right-to-left
 * locales before asking. */
typedef enum
{
  LD_MONTH_KEY_LEFT,
  LD_MONTH_KEY_RIGHT,
  LD_MONTH_KEY_UP,
  LD_MONTH_KEY_DOWN,
  LD_MONTH_KEY_PAGE_UP,
  LD_MONTH_KEY_PAGE_DOWN,
  LD_MONTH_KEY_HOME,
  LD_MONTH_KEY_END,
} LdMonthKey;

/*
 * The first day of the week for the current LC_TIME locale: Monday when the locale (as set by
 * setlocale(), or else by LC_ALL, LC_TIME or LANG) is Chinese (zh_*), because Chinese calendars
 * start on Monday even where the locale data is not installed; otherwise Monday when glibc's
 * locale data (_NL_TIME_FIRST_WEEKDAY with _NL_TIME_WEEK_1STDAY, as GtkCalendar reads them) says
 * so; otherwise, and on C libraries without that data, Sunday. Returns %G_DATE_MONDAY or
 * %G_DATE_SUNDAY.
 */
GDateWeekday        ld_month_layout_week_start_for_locale  (void);

/*
 * The grid of @month (1–12) of @year. Rules:
 * - 6 rows of 7 days, always: the first row holds the 1st of the month, days before it and after
 *   the month's end are the neighbouring months' days, with @in_month unset.
 * - @is_weekend marks Saturday and Sunday, wherever the week start puts their columns.
 * - @is_today marks the cell of @today when the grid shows it, padding days included; @today may
 *   be %NULL.
 * - @day_kind comes from @day_kind_func for every cell, padding days included; without one,
 *   Saturdays and Sundays are %LD_DAY_KIND_WEEKEND and other days %LD_DAY_KIND_NORMAL. @badge
 *   follows from it: 休 for a holiday, 班 for a make-up working day, none otherwise.
 * - A day's events are ordered: cancelled ones last; before that all-day events first, then by
 *   start time, then by kind in the schema's order, then by id.
 * - At most @max_chips lines per cell (0 means %LD_MONTH_LAYOUT_DEFAULT_MAX_CHIPS): a day with up
 *   to @max_chips events shows them all; a day with more shows @max_chips − 1 chips and "+N" for
 *   the rest, so 5 events with 3 lines are 2 chips and "+3".
 * - Events outside the grid or with a date that does not parse are left out.
 * The layout copies what it needs from @events.
 */
LdMonthLayout      *ld_month_layout_new                    (guint                year,
                                                            guint                month,
                                                            GDateWeekday         week_start,
                                                            const GDate         *today,
                                                            const LdMonthEvent  *events,
                                                            guint                n_events,
                                                            LdDayKindFunc        day_kind_func,
                                                            gpointer             user_data,
                                                            guint                max_chips);
void                ld_month_layout_free                   (LdMonthLayout       *self);

guint               ld_month_layout_get_year               (const LdMonthLayout *self);
guint               ld_month_layout_get_month              (const LdMonthLayout *self);
GDateWeekday        ld_month_layout_get_week_start         (const LdMonthLayout *self);
/* @index is row × 7 + column, 0 ≤ @index < 42. */
const LdMonthCell  *ld_month_layout_get_cell               (const LdMonthLayout *self,
                                                            guint                index);
/* The cell index of @date, or -1 when the grid does not show it. */
int                 ld_month_layout_find_cell              (const LdMonthLayout *self,
                                                            const GDate         *date);
/* The ISO 8601 week number of @row. A row that starts on Sunday spans two ISO weeks and gets the
 * week of its Monday, which holds six of its seven days. */
guint               ld_month_layout_get_week_number        (const LdMonthLayout *self,
                                                            guint                row);

/* An #LdDayKindFunc that asks the #LdWorkdays passed as @workdays. */
LdDayKind           ld_month_layout_day_kind_from_workdays (const GDate         *date,
                                                            gpointer             workdays);

/* The chip colour of an events.kind value; unknown kinds get %LD_CHIP_COLOR_OTHER. */
LdChipColor         ld_month_layout_chip_color             (const char          *kind);

/*
 * Keyboard navigation in the grid: Left/Right move a day, Up/Down a week, Page Up/Page Down a
 * month keeping the day of the month (clamped to the new month's length: 31 January → 28
 * February), Home/End to the first/last day of the selected date's week row (which may lie in
 * the neighbouring month). Stores the new selection in @out_date and returns %TRUE when it lies
 * in another month than @selected, so the view should turn the page. Dates never leave the range
 * GDate can hold.
 */
gboolean            ld_month_layout_navigate               (const GDate         *selected,
                                                            LdMonthKey           key,
                                                            GDateWeekday         week_start,
                                                            GDate               *out_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdMonthLayout, ld_month_layout_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ld-workdays.h"

G_BEGIN_DECLS

/*
 * The recurrence of a reception series (event_series), as fields, and its expansion into dates.
 *
 * Rules:
 * - Occurrence dates are the dates of the pattern on or after start_date; start_date itself is
 *   one only when it fits the pattern. The interval counts months from start_date's month, or
 *   Monday-based weeks from start_date's week.
 * - monthly_day: day month_day of the month. In a month without that day (the 31st in April,
 *   the 29th–31st in February) LD_MONTH_DAY_OVERFLOW_LAST_DAY takes the month's last day
 *   (Feb 28, or Feb 29 in a leap year) and LD_MONTH_DAY_OVERFLOW_SKIP has no occurrence that
 *   month. So "the 29th" gives Feb 28 2025 or nothing, and Feb 29 2028.
 * - monthly_weekday: the week_ordinal-th weekday of the month (1–4, or -1 for the last). A
 *   fifth one (5) is taken only in months that have it.
 * - weekly: the days of weekdays_mask (bit 0 Monday … bit 6 Sunday) of every interval-th week.
 * - The series ends after until_date (inclusive, compared with the occurrence date, not the
 *   moved one) or after count occurrence dates. The index of an occurrence counts every
 *   occurrence date since the start, including those that an exception or the holiday rule
 *   takes out, so that rotation and count stay put when one occurrence is cancelled, moved or
 *   falls on a holiday; months that the overflow rule skips have no occurrence and no index.
 * - on_holiday looks only at public holidays, not weekends (a second-Saturday series stays on
 *   Saturdays): keep; skip (the occurrence is not held); or move to the next working day
 *   (a make-up working day counts). A move never reaches the next occurrence date: when the next
 *   working day is on or after it, the occurrence is dropped as with skip, because the next one
 *   already serves the same residents. The last occurrence of a series moves freely.
 */

typedef enum
{
  LD_RECURRENCE_MONTHLY_DAY,
  LD_RECURRENCE_MONTHLY_WEEKDAY,
  LD_RECURRENCE_WEEKLY,
} LdRecurrenceFreq;

typedef enum
{
  LD_MONTH_DAY_OVERFLOW_LAST_DAY,
  LD_MONTH_DAY_OVERFLOW_SKIP,
} LdMonthDayOverflow;

typedef enum
{
  LD_ON_HOLIDAY_KEEP,
  LD_ON_HOLIDAY_NEXT_WORKING_DAY,
  LD_ON_HOLIDAY_SKIP,
} LdOnHoliday;

/* Mirrors a row of event_series. */
typedef struct
{
  LdRecurrenceFreq    freq;
  guint               interval;            /* 1–52 months or weeks */
  guint               month_day;           /* monthly_day: 1–31 */
  int                 week_ordinal;        /* monthly_weekday: 1–4, -1 last */
  GDateWeekday        weekday;             /* monthly_weekday: G_DATE_MONDAY … G_DATE_SUNDAY */
  guint               weekdays_mask;       /* weekly: bit 0 Monday … bit 6 Sunday */
  LdMonthDayOverflow  month_day_overflow;
  LdOnHoliday         on_holiday;
  GDate               start_date;
  GDate               until_date;          /* cleared (invalid): no end date */
  int                 count;               /* 0: no count */
  guint               deputies_per_event;  /* ≥ 1 */
} LdRecurrence;

/* One occurrence: the date it stands for (events.occurrence_date), the date it is held after
 * the holiday rule, and its index since the start of the series (drives the rotation). */
typedef struct
{
  GDate  occurrence_date;
  GDate  scheduled_date;
  guint  index;
} LdOccurrence;

/* Monthly on day 1, interval 1, no end, one deputy, kept on holidays, and no start date yet
 * (cleared): the defaults of event_series, the editor's starting point. */
void         ld_recurrence_init              (LdRecurrence        *self);

/*
 * The occurrences whose scheduled date lies in [@from, @to], in order.
 * @workdays: (nullable): holidays for on_holiday; NULL knows none (on_holiday has no effect).
 * @exceptions: (array length=n_exceptions) (nullable): occurrence dates that have their own
 *   event row (cancelled or moved one by one); they are left out and keep their index.
 * Returns: (transfer full) (element-type LdOccurrence): the occurrences; empty when the rule
 *   cannot be expanded (see ld_recurrence_validate()).
 */
GArray      *ld_recurrence_expand            (const LdRecurrence  *self,
                                              LdWorkdays          *workdays,
                                              const GDate         *exceptions,
                                              gsize                n_exceptions,
                                              const GDate         *from,
                                              const GDate         *to);

/*
 * The deputies on duty for occurrence @index: @per_event consecutive entries of @rotation
 * (ordered deputy ids), continuing where the previous occurrence stopped — A, B, C, A, … for
 * one; AB, CA, BC, … for two of three. A deputy is never taken twice for one occurrence, so
 * at most @n_rotation are written to @deputies (room for MIN (@per_event, @n_rotation)).
 * Returns: how many were written.
 */
guint        ld_recurrence_rotation          (const gint64        *rotation,
                                              guint                n_rotation,
                                              guint                per_event,
                                              guint                index,
                                              gint64              *deputies);

/*
 * The validation rule of the series editor, a pure function: field → message for every field
 * that cannot be saved; empty when it can. Fields: "start-date", "interval", "month-day",
 * "week-ordinal", "weekday", "weekdays-mask", "until-date", "count", "deputies-per-event",
 * "freq", "month-day-overflow", "on-holiday".
 */
GHashTable  *ld_recurrence_validate          (const LdRecurrence  *self);

/* The event_series column values ("monthly_day", "last_day", "next_working_day") and back;
 * from_string returns FALSE for an unknown value. */
const char  *ld_recurrence_freq_to_string    (LdRecurrenceFreq     freq);
gboolean     ld_recurrence_freq_from_string  (const char          *text,
                                              LdRecurrenceFreq    *freq);
const char  *ld_month_day_overflow_to_string (LdMonthDayOverflow   overflow);
gboolean     ld_month_day_overflow_from_string (const char        *text,
                                                LdMonthDayOverflow *overflow);
const char  *ld_on_holiday_to_string         (LdOnHoliday          on_holiday);
gboolean     ld_on_holiday_from_string       (const char          *text,
                                              LdOnHoliday         *on_holiday);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ld-workdays.h"

G_BEGIN_DECLS

/*
 * Deadlines of deputy suggestions, as local "YYYY-MM-DD" dates.
 *
 * Calendar months (the reply within 3 months, the co-unit opinion within 1, re-handling within
 * 1, an extension of at most 3): the same day of the month @months later; when that month is
 * shorter, its last day. So an assignment on 30 November is due on 28 February, or 29 February
 * in a leap year, and one on 31 August on 30 November. Months are never counted in working
 * days and a deadline on a holiday stays where it is: the rule published with the assignment.
 *
 * Working days (the 7 working days in which a unit may return a suggestion): counted with the
 * working-day calendar, the day itself not counted (ld_workdays_add_working_days()).
 *
 * Every function returns NULL for a date that is not a real "YYYY-MM-DD" or a count out of
 * 0 … 120 months / 0 … 366 days.
 */

/* @date plus @months calendar months, clamped to the end of the month. */
char        *ld_deadline_add_months          (const char   *date,
                                              int           months);
/* The last day on which a unit may return a suggestion assigned on @assigned_date. */
char        *ld_deadline_return_window_end   (LdWorkdays   *workdays,
                                              const char   *assigned_date,
                                              int           working_days);
/* Whether a return on @date is inside the window of @assigned_date (on or before its end, not
 * before the assignment). */
gboolean     ld_deadline_can_return          (LdWorkdays   *workdays,
                                              const char   *assigned_date,
                                              const char   *date,
                                              int           working_days);
/* The latest due date an extension may set: @initial_due_date plus @max_months months. */
char        *ld_deadline_extension_limit     (const char   *initial_due_date,
                                              int           max_months);

/* The 三色 colour of a live deadline on @today: on time, due within @soon_days calendar days
 * (the due day included), or overdue (the due date is before @today). */
typedef enum
{
  LD_DUE_NONE,       /* no due date, or nothing is due in this state */
  LD_DUE_ON_TIME,
  LD_DUE_SOON,
  LD_DUE_OVERDUE,
} LdDueStatus;

LdDueStatus  ld_deadline_status              (const char   *due_date,
                                              const char   *today,
                                              int           soon_days);
/* "On time" / "按期", "Due soon" / "临期", "Overdue" / "超期"; NULL for LD_DUE_NONE. */
const char  *ld_due_status_to_string         (LdDueStatus   status);
/* The CSS class of the colour: "success", "warning", "error"; NULL for LD_DUE_NONE. */
const char  *ld_due_status_to_css_class      (LdDueStatus   status);

G_END_DECLS

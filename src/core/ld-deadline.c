/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-deadline"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-deadline.h"

/* Deadline arithmetic on local "YYYY-MM-DD" dates. Pure functions: the store and the pages
 * read the rules (how many months, how many working days) from the settings and pass them in. */

#define MAX_MONTHS 120
#define MAX_DAYS   366

/* ------------------------------------------------------------------ helpers */

/* Whether @text is a real "YYYY-MM-DD" date, into @date. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_assert (date != NULL);

  /* Digits exactly where they belong: sscanf() alone would take " 026" or "+1". */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  g_assert (date != NULL && g_date_valid (date));

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* g_date_add_months() already keeps the day of the month and falls back to the month's last
 * day, which is the published rule; the result must only still have a four-digit year. */
static gboolean
add_months (GDate *date,
            int    months)
{
  g_assert (date != NULL && g_date_valid (date));

  if (months < 0 || months > MAX_MONTHS)
    return FALSE;
  g_date_add_months (date, (guint) months);
  return g_date_get_year (date) <= 9999;
}

/* ------------------------------------------------------------------ public API */

/* Returns: (transfer full) (nullable): the date, or NULL for a bad date or count */
char *
ld_deadline_add_months (const char *date,
                        int         months)
{
  GDate d;

  if (!parse_date (date, &d) || !add_months (&d, months))
    return NULL;
  return format_date (&d);
}

/* Returns: (transfer full) (nullable): the @working_days-th working day after @assigned_date
 * (the assignment day itself not counted), or NULL for a bad date or count */
char *
ld_deadline_return_window_end (LdWorkdays *workdays,
                               const char *assigned_date,
                               int         working_days)
{
  GDate start, end;

  g_return_val_if_fail (workdays != NULL, NULL);

  if (!parse_date (assigned_date, &start) || working_days < 0 || working_days > MAX_DAYS)
    return NULL;
  ld_workdays_add_working_days (workdays, &start, (guint) working_days, &end);
  /* Still a four-digit year: 366 working days are well under two years. */
  if (g_date_get_year (&end) > 9999)
    return NULL;
  return format_date (&end);
}

/* Returns: TRUE when @date is neither before @assigned_date nor after the window's end; FALSE
 * also for a bad date or count */
gboolean
ld_deadline_can_return (LdWorkdays *workdays,
                        const char *assigned_date,
                        const char *date,
                        int         working_days)
{
  g_autofree char *end_text = NULL;
  GDate start, day, end;

  g_return_val_if_fail (workdays != NULL, FALSE);

  if (!parse_date (date, &day))
    return FALSE;
  end_text = ld_deadline_return_window_end (workdays, assigned_date, working_days);
  if (end_text == NULL || !parse_date (assigned_date, &start) || !parse_date (end_text, &end))
    return FALSE;
  return g_date_compare (&day, &start) >= 0 && g_date_compare (&day, &end) <= 0;
}

/* Returns: (transfer full) (nullable): the latest due date an extension may set, or NULL */
char *
ld_deadline_extension_limit (const char *initial_due_date,
                             int         max_months)
{
  return ld_deadline_add_months (initial_due_date, max_months);
}

/*
 * The colour, with d = @due_date − @today in calendar days:
 *   d < 0                   overdue (the due day itself is not overdue yet);
 *   0 ≤ d < @soon_days      due soon: with 7, the due day and the 6 days before it, so a
 *                           deadline is "due soon" on 7 days in all;
 *   d ≥ @soon_days          on time.
 * @soon_days = 0 never gives "due soon". In SQL the same band is
 * due_date >= :today AND due_date < date(:today, '+' || :soon_days || ' days').
 * A missing or bad date, or @soon_days out of 0 … 366, gives LD_DUE_NONE.
 */
LdDueStatus
ld_deadline_status (const char *due_date,
                    const char *today,
                    int         soon_days)
{
  GDate due, now;
  gint64 days_left;

  if (!parse_date (due_date, &due) || !parse_date (today, &now)
      || soon_days < 0 || soon_days > MAX_DAYS)
    return LD_DUE_NONE;

  days_left = (gint64) g_date_get_julian (&due) - (gint64) g_date_get_julian (&now);
  if (days_left < 0)
    return LD_DUE_OVERDUE;
  if (days_left < soon_days)
    return LD_DUE_SOON;
  return LD_DUE_ON_TIME;
}

/* Returns: (nullable): the colour's name in the UI language */
const char *
ld_due_status_to_string (LdDueStatus status)
{
  switch (status)
    {
    case LD_DUE_NONE:
      return NULL;
    case LD_DUE_ON_TIME:
      return C_("due status", "On time");
    case LD_DUE_SOON:
      return C_("due status", "Due soon");
    case LD_DUE_OVERDUE:
      return C_("due status", "Overdue");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (nullable): the style class of the colour */
const char *
ld_due_status_to_css_class (LdDueStatus status)
{
  switch (status)
    {
    case LD_DUE_NONE:
      return NULL;
    case LD_DUE_ON_TIME:
      return "success";
    case LD_DUE_SOON:
      return "warning";
    case LD_DUE_OVERDUE:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

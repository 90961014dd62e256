/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-recurrence"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-phone.h"
#include "ld-recurrence.h"

/* The rules are documented in ld-recurrence.h. Dates are handled as Julian day numbers. */

#define MAX_INTERVAL 52

/* ------------------------------------------------------------------ pattern iterator */

/* Walks the pattern dates of a recurrence in order, from its start date, without end. */
typedef struct
{
  const LdRecurrence *rule;
  guint32             start;       /* Julian day of start_date */
  guint               period;      /* months or weeks since the start's, a multiple of interval */
  guint               weekday;     /* weekly: next bit of the mask to look at, 0–7 */
} Pattern;

static guint32
julian_of (GDateDay   day,
           GDateMonth month,
           GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static GDateWeekday
weekday_of (GDateDay   day,
            GDateMonth month,
            GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_weekday (&date);
}

/* The day of the month that the rule picks, or 0 when the month has none. */
static guint
pick_month_day (const LdRecurrence *rule,
                GDateMonth          month,
                GDateYear           year)
{
  guint days = g_date_get_days_in_month (month, year);

  if (rule->freq == LD_RECURRENCE_MONTHLY_DAY)
    {
      if (rule->month_day <= days)
        return rule->month_day;
      return rule->month_day_overflow == LD_MONTH_DAY_OVERFLOW_LAST_DAY ? days : 0;
    }

  if (rule->week_ordinal < 0)
    {
      guint back = ((guint) weekday_of (days, month, year) + 7 - rule->weekday) % 7;

      return days - back;
    }
  else
    {
      guint first = 1 + ((guint) rule->weekday + 7 - weekday_of (1, month, year)) % 7;
      guint day = first + 7 * ((guint) rule->week_ordinal - 1);

      return day <= days ? day : 0;
    }
}

static void
pattern_init (Pattern            *pattern,
              const LdRecurrence *rule)
{
  pattern->rule = rule;
  pattern->start = g_date_get_julian (&rule->start_date);
  pattern->period = 0;
  pattern->weekday = 0;
}

/* The next pattern date into @julian; FALSE once the pattern has passed @limit. */
static gboolean
pattern_next (Pattern *pattern,
              guint32  limit,
              guint32 *julian)
{
  const LdRecurrence *rule = pattern->rule;

  if (rule->freq == LD_RECURRENCE_WEEKLY)
    {
      guint32 monday = pattern->start - (g_date_get_weekday (&rule->start_date) - 1);

      for (;;)
        {
          guint32 week = monday + 7 * pattern->period;

          if (week > limit)
            return FALSE;

          while (pattern->weekday < 7)
            {
              guint bit = pattern->weekday++;
              guint32 candidate = week + bit;

              if (!(rule->weekdays_mask & (1u << bit)) || candidate < pattern->start)
                continue;
              if (candidate > limit)
                return FALSE;
              *julian = candidate;
              return TRUE;
            }

          pattern->weekday = 0;
          pattern->period += rule->interval;
        }
    }
  else
    {
      guint first_month = g_date_get_year (&rule->start_date) * 12
                          + g_date_get_month (&rule->start_date) - 1;

      for (;;)
        {
          guint month_index = first_month + pattern->period;
          GDateYear year = month_index / 12;
          GDateMonth month = month_index % 12 + 1;
          guint day;

          if (!g_date_valid_year (year) || julian_of (1, month, year) > limit)
            return FALSE;

          pattern->period += rule->interval;
          day = pick_month_day (rule, month, year);
          if (day == 0)
            continue;

          *julian = julian_of (day, month, year);
          if (*julian < pattern->start)
            continue;
          return *julian <= limit;
        }
    }
}

/* Whether the rule can be walked at all: the rest is the editor's business. */
static gboolean
rule_is_walkable (const LdRecurrence *rule)
{
  if (!g_date_valid (&rule->start_date) || rule->interval < 1 || rule->interval > MAX_INTERVAL)
    return FALSE;

  switch (rule->freq)
    {
    case LD_RECURRENCE_MONTHLY_DAY:
      return rule->month_day >= 1 && rule->month_day <= 31;
    case LD_RECURRENCE_MONTHLY_WEEKDAY:
      return g_date_valid_weekday (rule->weekday)
             && (rule->week_ordinal == -1 || (rule->week_ordinal >= 1 && rule->week_ordinal <= 5));
    case LD_RECURRENCE_WEEKLY:
      return (rule->weekdays_mask & 0x7f) != 0;
    default:
      return FALSE;
    }
}

static void
set_julian (GDate   *date,
            guint32  julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

/* ------------------------------------------------------------------ public API */

void
ld_recurrence_init (LdRecurrence *self)
{
  g_return_if_fail (self != NULL);

  *self = (LdRecurrence) {
    .freq = LD_RECURRENCE_MONTHLY_DAY,
    .interval = 1,
    .month_day = 1,
    .week_ordinal = 1,
    .weekday = G_DATE_MONDAY,
    .weekdays_mask = 0,
    .month_day_overflow = LD_MONTH_DAY_OVERFLOW_LAST_DAY,
    .on_holiday = LD_ON_HOLIDAY_KEEP,
    .count = 0,
    .deputies_per_event = 1,
  };
  g_date_clear (&self->start_date, 1);
  g_date_clear (&self->until_date, 1);
}

GArray *
ld_recurrence_expand (const LdRecurrence *self,
                      LdWorkdays         *workdays,
                      const GDate        *exceptions,
                      gsize               n_exceptions,
                      const GDate        *from,
                      const GDate        *to)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GHashTable) skipped = NULL;
  Pattern pattern;
  guint32 first, last, limit, current, next = 0;
  gboolean have_current, have_next = FALSE;
  guint index = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (exceptions != NULL || n_exceptions == 0, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  occurrences = g_array_new (FALSE, FALSE, sizeof (LdOccurrence));
  if (!rule_is_walkable (self) || g_date_compare (from, to) > 0)
    return g_steal_pointer (&occurrences);

  skipped = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < n_exceptions; i++)
    if (g_date_valid (&exceptions[i]))
      g_hash_table_add (skipped, GUINT_TO_POINTER (g_date_get_julian (&exceptions[i])));

  first = g_date_get_julian (from);
  last = g_date_get_julian (to);
  /* Scheduled dates are never before their occurrence date, so nothing after @to matters. */
  limit = last;
  if (g_date_valid (&self->until_date) && g_date_get_julian (&self->until_date) < limit)
    limit = g_date_get_julian (&self->until_date);

  pattern_init (&pattern, self);
  have_current = pattern_next (&pattern, limit, &current);

  for (; have_current; index++, current = next, have_current = have_next)
    {
      LdOccurrence occurrence;
      guint32 scheduled = current;

      if (self->count > 0 && index >= (guint) self->count)
        break;

      have_next = (self->count <= 0 || index + 1 < (guint) self->count)
                  && pattern_next (&pattern, limit, &next);

      if (g_hash_table_contains (skipped, GUINT_TO_POINTER (current)))
        continue;

      set_julian (&occurrence.occurrence_date, current);

      if (workdays != NULL && self->on_holiday != LD_ON_HOLIDAY_KEEP
          && ld_workdays_get_day_kind (workdays, &occurrence.occurrence_date)
             == LD_DAY_KIND_HOLIDAY)
        {
          GDate moved;

          if (self->on_holiday == LD_ON_HOLIDAY_SKIP)
            continue;

          ld_workdays_next_working_day (workdays, &occurrence.occurrence_date, &moved);
          scheduled = g_date_get_julian (&moved);
          /* A next occurrence beyond @limit is after @to, and so is this one if it gets there. */
          if (have_next && scheduled >= next)
            continue;
        }

      if (scheduled < first || scheduled > last)
        continue;

      set_julian (&occurrence.scheduled_date, scheduled);
      occurrence.index = index;
      g_array_append_val (occurrences, occurrence);
    }

  return g_steal_pointer (&occurrences);
}

guint
ld_recurrence_rotation (const gint64 *rotation,
                        guint         n_rotation,
                        guint         per_event,
                        guint         index,
                        gint64       *deputies)
{
  guint n, offset;

  g_return_val_if_fail (rotation != NULL || n_rotation == 0, 0);
  g_return_val_if_fail (deputies != NULL || n_rotation == 0 || per_event == 0, 0);

  if (n_rotation == 0)
    return 0;

  n = MIN (per_event, n_rotation);
  /* (index × per_event) mod n_rotation, without overflowing on a large index. */
  offset = (guint) (((guint64) (index % n_rotation) * (per_event % n_rotation)) % n_rotation);
  for (guint i = 0; i < n; i++)
    deputies[i] = rotation[(offset + i) % n_rotation];

  return n;
}

/**
 * ld_recurrence_validate:
 *
 * Returns: (transfer full): field → message for every field that cannot be saved; empty when
 *   the series can be saved
 */
GHashTable *
ld_recurrence_validate (const LdRecurrence *self)
{
  GHashTable *errors;

  g_return_val_if_fail (self != NULL, NULL);

  errors = ld_validation_errors_new ();

#define ADD_ERROR(field, message) \
  g_hash_table_insert (errors, (gpointer) (field), g_strdup (message))

  if (!g_date_valid (&self->start_date))
    ADD_ERROR ("start-date", _("Enter the date of the first occurrence"));

  if (self->interval < 1 || self->interval > MAX_INTERVAL)
    ADD_ERROR ("interval", self->freq == LD_RECURRENCE_WEEKLY
                           ? _("Repeat every 1 to 52 weeks")
                           : _("Repeat every 1 to 52 months"));

  switch (self->freq)
    {
    case LD_RECURRENCE_MONTHLY_DAY:
      if (self->month_day < 1 || self->month_day > 31)
        ADD_ERROR ("month-day", _("Choose a day of the month from 1 to 31"));
      break;

    case LD_RECURRENCE_MONTHLY_WEEKDAY:
      if (self->week_ordinal != -1 && (self->week_ordinal < 1 || self->week_ordinal > 4))
        ADD_ERROR ("week-ordinal", _("Choose the first, second, third, fourth or last week"));
      if (!g_date_valid_weekday (self->weekday))
        ADD_ERROR ("weekday", _("Choose a day of the week"));
      break;

    case LD_RECURRENCE_WEEKLY:
      if ((self->weekdays_mask & 0x7f) == 0 || self->weekdays_mask > 0x7f)
        ADD_ERROR ("weekdays-mask", _("Choose at least one day of the week"));
      break;

    default:
      ADD_ERROR ("freq", _("Choose how the event repeats"));
      break;
    }

  if (self->month_day_overflow != LD_MONTH_DAY_OVERFLOW_LAST_DAY
      && self->month_day_overflow != LD_MONTH_DAY_OVERFLOW_SKIP)
    ADD_ERROR ("month-day-overflow", _("Choose what happens in months without that day"));

  if (self->on_holiday != LD_ON_HOLIDAY_KEEP
      && self->on_holiday != LD_ON_HOLIDAY_NEXT_WORKING_DAY
      && self->on_holiday != LD_ON_HOLIDAY_SKIP)
    ADD_ERROR ("on-holiday", _("Choose what happens on a public holiday"));

  if (g_date_valid (&self->until_date) && self->count != 0)
    ADD_ERROR ("count", _("End on a date or after a number of times, not both"));
  else if (self->count < 0)
    ADD_ERROR ("count", _("Repeat at least once"));

  if (g_date_valid (&self->until_date) && g_date_valid (&self->start_date)
      && g_date_compare (&self->until_date, &self->start_date) < 0)
    ADD_ERROR ("until-date", _("The end date cannot be before the first occurrence"));

  if (self->deputies_per_event < 1)
    ADD_ERROR ("deputies-per-event", _("Each occurrence needs at least one deputy"));

#undef ADD_ERROR

  return errors;
}

/* ------------------------------------------------------------------ column values */

static const char * const freq_names[] = { "monthly_day", "monthly_weekday", "weekly" };
static const char * const overflow_names[] = { "last_day", "skip" };
static const char * const on_holiday_names[] = { "keep", "next_working_day", "skip" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *value)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], text))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ld_recurrence_freq_to_string (LdRecurrenceFreq freq)
{
  g_return_val_if_fail ((guint) freq < G_N_ELEMENTS (freq_names), NULL);

  return freq_names[freq];
}

gboolean
ld_recurrence_freq_from_string (const char       *text,
                                LdRecurrenceFreq *freq)
{
  guint value;

  g_return_val_if_fail (freq != NULL, FALSE);

  if (!lookup_name (freq_names, G_N_ELEMENTS (freq_names), text, &value))
    return FALSE;
  *freq = (LdRecurrenceFreq) value;
  return TRUE;
}

const char *
ld_month_day_overflow_to_string (LdMonthDayOverflow overflow)
{
  g_return_val_if_fail ((guint) overflow < G_N_ELEMENTS (overflow_names), NULL);

  return overflow_names[overflow];
}

gboolean
ld_month_day_overflow_from_string (const char         *text,
                                   LdMonthDayOverflow *overflow)
{
  guint value;

  g_return_val_if_fail (overflow != NULL, FALSE);

  if (!lookup_name (overflow_names, G_N_ELEMENTS (overflow_names), text, &value))
    return FALSE;
  *overflow = (LdMonthDayOverflow) value;
  return TRUE;
}

const char *
ld_on_holiday_to_string (LdOnHoliday on_holiday)
{
  g_return_val_if_fail ((guint) on_holiday < G_N_ELEMENTS (on_holiday_names), NULL);

  return on_holiday_names[on_holiday];
}

gboolean
ld_on_holiday_from_string (const char  *text,
                           LdOnHoliday *on_holiday)
{
  guint value;

  g_return_val_if_fail (on_holiday != NULL, FALSE);

  if (!lookup_name (on_holiday_names, G_N_ELEMENTS (on_holiday_names), text, &value))
    return FALSE;
  *on_holiday = (LdOnHoliday) value;
  return TRUE;
}

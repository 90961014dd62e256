/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "ld-recurrence.h"
#include "ld-workdays.h"

/*
 * Expanding a reception series into dates: each case gives a rule and a window and the
 * occurrences a clerk would see, written "occurrence[>held on]#index". The holidays are the
 * published 2026 schedule.
 */

#define MON (1u << 0)
#define TUE (1u << 1)
#define THU (1u << 3)

typedef struct
{
  const char         *name;
  LdRecurrenceFreq    freq;
  guint               interval;
  guint               month_day;
  int                 week_ordinal;
  GDateWeekday        weekday;
  guint               weekdays_mask;
  LdMonthDayOverflow  overflow;
  LdOnHoliday         on_holiday;
  const char         *start;
  const char         *until;
  int                 count;
  const char         *exceptions;   /* space-separated occurrence dates, or NULL */
  gboolean            no_workdays;
  const char         *from;
  const char         *to;
  const char         *expected;
} Case;

#define MONTHLY_DAY(day) .freq = LD_RECURRENCE_MONTHLY_DAY, .month_day = (day)
#define MONTHLY_WEEKDAY(ordinal, wd) \
  .freq = LD_RECURRENCE_MONTHLY_WEEKDAY, .week_ordinal = (ordinal), .weekday = (wd)
#define WEEKLY(mask) .freq = LD_RECURRENCE_WEEKLY, .weekdays_mask = (mask)

static const Case cases[] = {
  { "15th monthly for a year", MONTHLY_DAY (15), .start = "2026-01-15",
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-01-15#0 2026-02-15#1 2026-03-15#2 2026-04-15#3 2026-05-15#4 2026-06-15#5 "
                "2026-07-15#6 2026-08-15#7 2026-09-15#8 2026-10-15#9 2026-11-15#10 2026-12-15#11" },
  { "15th, start after the 15th, every 2 months", MONTHLY_DAY (15), .interval = 2,
    .start = "2026-01-20", .from = "2026-01-01", .to = "2026-06-30",
    .expected = "2026-03-15#0 2026-05-15#1" },
  { "15th moved after the Spring Festival", MONTHLY_DAY (15),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-15",
    .from = "2026-01-01", .to = "2026-03-31",
    .expected = "2026-01-15#0 2026-02-15>2026-02-24#1 2026-03-15#2" },
  { "window selects the day it is held on", MONTHLY_DAY (15),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-15",
    .from = "2026-02-20", .to = "2026-02-28", .expected = "2026-02-15>2026-02-24#1" },
  { "window before the moved day", MONTHLY_DAY (15),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-15",
    .from = "2026-02-01", .to = "2026-02-23", .expected = "" },
  { "31st, last day of shorter months", MONTHLY_DAY (31), .start = "2026-01-31",
    .from = "2026-01-01", .to = "2026-06-30",
    .expected = "2026-01-31#0 2026-02-28#1 2026-03-31#2 2026-04-30#3 2026-05-31#4 2026-06-30#5" },
  { "31st, skip shorter months", MONTHLY_DAY (31), .overflow = LD_MONTH_DAY_OVERFLOW_SKIP,
    .start = "2026-01-31", .from = "2026-01-01", .to = "2026-06-30",
    .expected = "2026-01-31#0 2026-03-31#1 2026-05-31#2" },
  { "30th in February 2028, last day", MONTHLY_DAY (30), .start = "2028-01-30",
    .from = "2028-02-01", .to = "2028-03-31", .expected = "2028-02-29#1 2028-03-30#2" },
  { "29th in February 2025, last day", MONTHLY_DAY (29), .start = "2025-01-29",
    .from = "2025-02-01", .to = "2025-03-31", .expected = "2025-02-28#1 2025-03-29#2" },
  { "29th in February 2025, skip", MONTHLY_DAY (29), .overflow = LD_MONTH_DAY_OVERFLOW_SKIP,
    .start = "2025-01-29", .from = "2025-02-01", .to = "2025-03-31",
    .expected = "2025-03-29#1" },
  { "29th in February 2028", MONTHLY_DAY (29), .overflow = LD_MONTH_DAY_OVERFLOW_SKIP,
    .start = "2028-01-29", .from = "2028-02-01", .to = "2028-02-29",
    .expected = "2028-02-29#1" },
  { "Feb 29 every 12 months, last day", MONTHLY_DAY (29), .interval = 12,
    .start = "2024-02-29", .from = "2024-01-01", .to = "2028-12-31",
    .expected = "2024-02-29#0 2025-02-28#1 2026-02-28#2 2027-02-28#3 2028-02-29#4" },
  { "Feb 29 every 12 months, skip", MONTHLY_DAY (29), .interval = 12,
    .overflow = LD_MONTH_DAY_OVERFLOW_SKIP, .start = "2024-02-29",
    .from = "2024-01-01", .to = "2032-12-31",
    .expected = "2024-02-29#0 2028-02-29#1 2032-02-29#2" },
  { "second Saturday", MONTHLY_WEEKDAY (2, G_DATE_SATURDAY), .start = "2026-01-01",
    .from = "2026-01-01", .to = "2026-06-30",
    .expected = "2026-01-10#0 2026-02-14#1 2026-03-14#2 2026-04-11#3 2026-05-09#4 2026-06-13#5" },
  { "second Saturday stays on a Saturday", MONTHLY_WEEKDAY (2, G_DATE_SATURDAY),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-01",
    .from = "2026-01-01", .to = "2026-03-31",
    .expected = "2026-01-10#0 2026-02-14#1 2026-03-14#2" },
  { "last Friday", MONTHLY_WEEKDAY (-1, G_DATE_FRIDAY), .start = "2026-01-01",
    .from = "2026-01-01", .to = "2026-04-30",
    .expected = "2026-01-30#0 2026-02-27#1 2026-03-27#2 2026-04-24#3" },
  { "fifth Thursday only where there is one", MONTHLY_WEEKDAY (5, G_DATE_THURSDAY),
    .start = "2026-01-01", .from = "2026-01-01", .to = "2026-06-30",
    .expected = "2026-01-29#0 2026-04-30#1" },
  { "Tuesday and Thursday every 2 weeks", WEEKLY (TUE | THU), .interval = 2,
    .start = "2026-03-03", .from = "2026-03-01", .to = "2026-03-31",
    .expected = "2026-03-03#0 2026-03-05#1 2026-03-17#2 2026-03-19#3 2026-03-31#4" },
  { "every 2 weeks from a Thursday", WEEKLY (TUE | THU), .interval = 2,
    .start = "2026-03-05", .from = "2026-03-01", .to = "2026-03-31",
    .expected = "2026-03-05#0 2026-03-17#1 2026-03-19#2 2026-03-31#3" },
  { "until is inclusive", MONTHLY_DAY (15), .start = "2026-01-15", .until = "2026-04-15",
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-01-15#0 2026-02-15#1 2026-03-15#2 2026-04-15#3" },
  { "until the day before", MONTHLY_DAY (15), .start = "2026-01-15", .until = "2026-04-14",
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-01-15#0 2026-02-15#1 2026-03-15#2" },
  { "count", MONTHLY_DAY (15), .start = "2026-01-15", .count = 3,
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-01-15#0 2026-02-15#1 2026-03-15#2" },
  { "count, window after the end", MONTHLY_DAY (15), .start = "2026-01-15", .count = 3,
    .from = "2026-04-01", .to = "2026-12-31", .expected = "" },
  { "count of a weekly series", WEEKLY (TUE | THU), .start = "2026-03-03", .count = 3,
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-03-03#0 2026-03-05#1 2026-03-10#2" },
  { "1st moved over the New Year to the make-up Sunday", MONTHLY_DAY (1),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-01",
    .from = "2026-01-01", .to = "2026-10-31",
    .expected = "2026-01-01>2026-01-04#0 2026-02-01#1 2026-03-01#2 2026-04-01#3 "
                "2026-05-01>2026-05-06#4 2026-06-01#5 2026-07-01#6 2026-08-01#7 2026-09-01#8 "
                "2026-10-01>2026-10-08#9" },
  { "1st skipped on holidays", MONTHLY_DAY (1), .on_holiday = LD_ON_HOLIDAY_SKIP,
    .start = "2026-01-01", .from = "2026-01-01", .to = "2026-10-31",
    .expected = "2026-02-01#1 2026-03-01#2 2026-04-01#3 2026-06-01#5 2026-07-01#6 "
                "2026-08-01#7 2026-09-01#8" },
  { "1st kept on holidays", MONTHLY_DAY (1), .start = "2026-01-01",
    .from = "2026-01-01", .to = "2026-02-28", .expected = "2026-01-01#0 2026-02-01#1" },
  { "no calendar, nothing moves", MONTHLY_DAY (1), .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY,
    .no_workdays = TRUE, .start = "2026-01-01", .from = "2026-01-01", .to = "2026-02-28",
    .expected = "2026-01-01#0 2026-02-01#1" },
  { "a move never reaches the next occurrence", WEEKLY (TUE | THU),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-09-29",
    .from = "2026-09-28", .to = "2026-10-16",
    .expected = "2026-09-29#0 2026-10-08#3 2026-10-13#4 2026-10-15#5" },
  { "Mondays through the Spring Festival", WEEKLY (MON),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-02-09",
    .from = "2026-02-01", .to = "2026-03-08",
    .expected = "2026-02-09#0 2026-02-23>2026-02-24#2 2026-03-02#3" },
  { "the last occurrence moves freely", MONTHLY_DAY (1),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-04-01", .count = 2,
    .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-04-01#0 2026-05-01>2026-05-06#1" },
  { "exceptions keep the others' index", MONTHLY_DAY (15), .start = "2026-01-15",
    .exceptions = "2026-03-15 2026-06-15", .from = "2026-01-01", .to = "2026-07-31",
    .expected = "2026-01-15#0 2026-02-15#1 2026-04-15#3 2026-05-15#4 2026-07-15#6" },
  { "exceptions count towards count", MONTHLY_DAY (15), .start = "2026-01-15", .count = 4,
    .exceptions = "2026-02-15", .from = "2026-01-01", .to = "2026-12-31",
    .expected = "2026-01-15#0 2026-03-15#2 2026-04-15#3" },
  { "an exception on a holiday is not moved", MONTHLY_DAY (15),
    .on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY, .start = "2026-01-15",
    .exceptions = "2026-02-15", .from = "2026-01-01", .to = "2026-03-31",
    .expected = "2026-01-15#0 2026-03-15#2" },
  { "empty window", MONTHLY_DAY (15), .start = "2026-01-15",
    .from = "2026-03-31", .to = "2026-03-01", .expected = "" },
  { "window before the start", MONTHLY_DAY (15), .start = "2026-01-15",
    .from = "2025-01-01", .to = "2025-12-31", .expected = "" },
};

/* ------------------------------------------------------------------ helpers */

static GDate
date_from_iso (const char *text)
{
  GDate date;
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy (day, month, year));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
append_iso (GString     *string,
            const GDate *date)
{
  g_string_append_printf (string, "%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static char *
format_occurrences (GArray *occurrences)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      const LdOccurrence *occurrence = &g_array_index (occurrences, LdOccurrence, i);

      if (i > 0)
        g_string_append_c (string, ' ');
      append_iso (string, &occurrence->occurrence_date);
      if (g_date_compare (&occurrence->occurrence_date, &occurrence->scheduled_date) != 0)
        {
          g_string_append_c (string, '>');
          append_iso (string, &occurrence->scheduled_date);
        }
      g_string_append_printf (string, "#%u", occurrence->index);
    }

  return g_string_free (string, FALSE);
}

/* The published 2026 schedule (holidays and make-up working days). */
static LdWorkdays *
make_workdays_2026 (void)
{
  static const struct { const char *first, *last; LdDayKind kind; } spans[] = {
    { "2026-01-01", "2026-01-03", LD_DAY_KIND_HOLIDAY },
    { "2026-02-15", "2026-02-23", LD_DAY_KIND_HOLIDAY },
    { "2026-04-04", "2026-04-06", LD_DAY_KIND_HOLIDAY },
    { "2026-05-01", "2026-05-05", LD_DAY_KIND_HOLIDAY },
    { "2026-06-19", "2026-06-21", LD_DAY_KIND_HOLIDAY },
    { "2026-09-25", "2026-09-27", LD_DAY_KIND_HOLIDAY },
    { "2026-10-01", "2026-10-07", LD_DAY_KIND_HOLIDAY },
    { "2026-01-04", "2026-01-04", LD_DAY_KIND_MAKEUP_WORKDAY },
    { "2026-02-14", "2026-02-14", LD_DAY_KIND_MAKEUP_WORKDAY },
    { "2026-02-28", "2026-02-28", LD_DAY_KIND_MAKEUP_WORKDAY },
    { "2026-05-09", "2026-05-09", LD_DAY_KIND_MAKEUP_WORKDAY },
    { "2026-09-20", "2026-09-20", LD_DAY_KIND_MAKEUP_WORKDAY },
    { "2026-10-10", "2026-10-10", LD_DAY_KIND_MAKEUP_WORKDAY },
  };
  LdWorkdays *workdays = ld_workdays_new ();

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      GDate day = date_from_iso (spans[i].first);
      GDate last = date_from_iso (spans[i].last);

      for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
        ld_workdays_add (workdays, &day, spans[i].kind, NULL);
    }
  return workdays;
}

static void
recurrence_from_case (LdRecurrence *rule,
                      const Case   *c)
{
  ld_recurrence_init (rule);
  rule->freq = c->freq;
  rule->interval = c->interval > 0 ? c->interval : 1;
  rule->month_day = c->month_day;
  rule->week_ordinal = c->week_ordinal;
  rule->weekday = c->weekday;
  rule->weekdays_mask = c->weekdays_mask;
  rule->month_day_overflow = c->overflow;
  rule->on_holiday = c->on_holiday;
  rule->start_date = date_from_iso (c->start);
  if (c->until != NULL)
    rule->until_date = date_from_iso (c->until);
  rule->count = c->count;
}

/* ------------------------------------------------------------------ tests */

static void
test_expand (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(LdWorkdays) workdays = c->no_workdays ? NULL : make_workdays_2026 ();
  g_autoptr(GArray) exceptions = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *text = NULL;
  LdRecurrence rule;
  GDate from, to;

  recurrence_from_case (&rule, c);
  errors = ld_recurrence_validate (&rule);
  /* The fifth-weekday case is beyond what the editor offers, but the expansion handles it. */
  if (c->week_ordinal != 5)
    g_assert_cmpuint (g_hash_table_size (errors), ==, 0);

  if (c->exceptions != NULL)
    {
      g_auto(GStrv) days = g_strsplit (c->exceptions, " ", -1);

      for (guint i = 0; days[i] != NULL; i++)
        {
          GDate day = date_from_iso (days[i]);

          g_array_append_val (exceptions, day);
        }
    }

  from = date_from_iso (c->from);
  to = date_from_iso (c->to);
  occurrences = ld_recurrence_expand (&rule, workdays,
                                      (const GDate *) (gpointer) exceptions->data,
                                      exceptions->len, &from, &to);
  g_assert_nonnull (occurrences);
  text = format_occurrences (occurrences);
  g_assert_cmpstr (text, ==, c->expected);
}

/* Windows cut anywhere give the same occurrences as one long window. */
static void
test_windows_agree (void)
{
  g_autoptr(LdWorkdays) workdays = make_workdays_2026 ();
  g_autoptr(GArray) whole = NULL;
  g_autoptr(GString) pieces = g_string_new (NULL);
  g_autofree char *whole_text = NULL;
  LdRecurrence rule;
  GDate from, to, end;

  ld_recurrence_init (&rule);
  rule.freq = LD_RECURRENCE_WEEKLY;
  rule.weekdays_mask = MON | THU;
  rule.on_holiday = LD_ON_HOLIDAY_NEXT_WORKING_DAY;
  rule.start_date = date_from_iso ("2025-12-29");

  from = date_from_iso ("2026-01-01");
  end = date_from_iso ("2026-12-31");
  whole = ld_recurrence_expand (&rule, workdays, NULL, 0, &from, &end);
  whole_text = format_occurrences (whole);
  g_assert_cmpuint (whole->len, >, 90);

  while (g_date_compare (&from, &end) <= 0)
    {
      g_autoptr(GArray) part = NULL;
      g_autofree char *part_text = NULL;

      to = from;
      g_date_add_days (&to, 9);
      if (g_date_compare (&to, &end) > 0)
        to = end;
      part = ld_recurrence_expand (&rule, workdays, NULL, 0, &from, &to);
      part_text = format_occurrences (part);
      if (pieces->len > 0 && part_text[0] != '\0')
        g_string_append_c (pieces, ' ');
      g_string_append (pieces, part_text);
      from = to;
      g_date_add_days (&from, 1);
    }

  g_assert_cmpstr (pieces->str, ==, whole_text);
}

static void
assert_rotation (const gint64 *rotation,
                 guint         n_rotation,
                 guint         per_event,
                 const char   *expected)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) groups = g_strsplit (expected, " ", -1);

  for (guint index = 0; groups[index] != NULL; index++)
    {
      gint64 deputies[8];
      guint n = ld_recurrence_rotation (rotation, n_rotation, per_event, index, deputies);

      if (index > 0)
        g_string_append_c (text, ' ');
      for (guint i = 0; i < n; i++)
        g_string_append_c (text, (char) ('A' + deputies[i] - 1));
    }

  g_test_message ("%u of %u", per_event, n_rotation);
  g_assert_cmpstr (text->str, ==, expected);
}

static void
test_rotation (void)
{
  static const gint64 three[] = { 1, 2, 3 };
  static const gint64 four[] = { 1, 2, 3, 4 };
  gint64 deputies[4] = { 0, };

  assert_rotation (three, 3, 1, "A B C A B C A");
  assert_rotation (three, 3, 2, "AB CA BC AB CA");
  assert_rotation (three, 3, 3, "ABC ABC ABC");
  assert_rotation (four, 4, 1, "A B C D A B");
  assert_rotation (four, 4, 2, "AB CD AB CD");
  assert_rotation (four, 4, 3, "ABC DAB CDA BCD ABC");

  /* Never the same deputy twice in one occurrence. */
  g_assert_cmpuint (ld_recurrence_rotation (three, 3, 5, 1, deputies), ==, 3);
  g_assert_cmpint (deputies[0] + deputies[1] + deputies[2], ==, 6);
  g_assert_cmpuint (ld_recurrence_rotation (NULL, 0, 1, 4, NULL), ==, 0);

  /* Far into the series: 1,000,000 × 2 mod 3 = 2 → C first. */
  g_assert_cmpuint (ld_recurrence_rotation (three, 3, 2, 1000000, deputies), ==, 2);
  g_assert_cmpint (deputies[0], ==, 3);
  g_assert_cmpint (deputies[1], ==, 1);
}

typedef struct
{
  const char *field;
  const char *message;
  void      (*break_rule) (LdRecurrence *rule);
} ValidationCase;

static void
break_interval (LdRecurrence *r)
{
  r->interval = 0;
}

static void
break_interval_weekly (LdRecurrence *r)
{
  r->freq = LD_RECURRENCE_WEEKLY;
  r->weekdays_mask = MON;
  r->interval = 53;
}

static void
break_month_day (LdRecurrence *r)
{
  r->month_day = 32;
}

static void
break_month_day_zero (LdRecurrence *r)
{
  r->month_day = 0;
}

static void
break_ordinal (LdRecurrence *r)
{
  r->freq = LD_RECURRENCE_MONTHLY_WEEKDAY;
  r->week_ordinal = 0;
}

static void
break_ordinal_five (LdRecurrence *r)
{
  r->freq = LD_RECURRENCE_MONTHLY_WEEKDAY;
  r->week_ordinal = 5;
}

static void
break_weekday (LdRecurrence *r)
{
  r->freq = LD_RECURRENCE_MONTHLY_WEEKDAY;
  r->weekday = G_DATE_BAD_WEEKDAY;
}

static void
break_mask (LdRecurrence *r)
{
  r->freq = LD_RECURRENCE_WEEKLY;
  r->weekdays_mask = 0;
}

static void
break_until (LdRecurrence *r)
{
  g_date_set_dmy (&r->until_date, 14, 1, 2026);
}

static void
break_count (LdRecurrence *r)
{
  r->count = -1;
}

static void
break_both (LdRecurrence *r)
{
  g_date_set_dmy (&r->until_date, 1, 6, 2026);
  r->count = 3;
}

static void
break_start (LdRecurrence *r)
{
  g_date_clear (&r->start_date, 1);
}

static void
break_deputies (LdRecurrence *r)
{
  r->deputies_per_event = 0;
}

static void
break_freq (LdRecurrence *r)
{
  r->freq = (LdRecurrenceFreq) 7;
}

static void
break_on_holiday (LdRecurrence *r)
{
  r->on_holiday = (LdOnHoliday) 9;
}

static void
break_overflow (LdRecurrence *r)
{
  r->month_day_overflow = (LdMonthDayOverflow) 9;
}

static const ValidationCase validation_cases[] = {
  { "interval", "Repeat every 1 to 52 months", break_interval },
  { "interval", "Repeat every 1 to 52 weeks", break_interval_weekly },
  { "month-day", "Choose a day of the month from 1 to 31", break_month_day },
  { "month-day", "Choose a day of the month from 1 to 31", break_month_day_zero },
  { "week-ordinal", "Choose the first, second, third, fourth or last week", break_ordinal },
  { "week-ordinal", "Choose the first, second, third, fourth or last week", break_ordinal_five },
  { "weekday", "Choose a day of the week", break_weekday },
  { "weekdays-mask", "Choose at least one day of the week", break_mask },
  { "until-date", "The end date cannot be before the first occurrence", break_until },
  { "count", "Repeat at least once", break_count },
  { "count", "End on a date or after a number of times, not both", break_both },
  { "start-date", "Enter the date of the first occurrence", break_start },
  { "deputies-per-event", "Each occurrence needs at least one deputy", break_deputies },
  { "freq", "Choose how the event repeats", break_freq },
  { "on-holiday", "Choose what happens on a public holiday", break_on_holiday },
  { "month-day-overflow", "Choose what happens in months without that day", break_overflow },
};

static void
test_validation (void)
{
  LdRecurrence good;
  g_autoptr(GHashTable) none = NULL;

  ld_recurrence_init (&good);
  g_date_set_dmy (&good.start_date, 15, 1, 2026);
  good.month_day = 15;
  none = ld_recurrence_validate (&good);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);

  /* Fields of other frequencies do not matter: a weekly rule ignores month_day. */
  {
    LdRecurrence weekly = good;
    g_autoptr(GHashTable) errors = NULL;

    weekly.freq = LD_RECURRENCE_WEEKLY;
    weekly.weekdays_mask = TUE | THU;
    weekly.month_day = 0;
    errors = ld_recurrence_validate (&weekly);
    g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      const ValidationCase *c = &validation_cases[i];
      LdRecurrence rule = good;
      g_autoptr(GHashTable) errors = NULL;
      g_autoptr(GArray) occurrences = NULL;
      GDate from, to;

      c->break_rule (&rule);
      errors = ld_recurrence_validate (&rule);
      g_test_message ("case %u: %s", i, c->field);
      g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
      g_assert_cmpstr (g_hash_table_lookup (errors, c->field), ==, c->message);

      /* An invalid rule never hangs the expansion. */
      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, 1, 2026);
      g_date_set_dmy (&to, 31, 12, 2026);
      occurrences = ld_recurrence_expand (&rule, NULL, NULL, 0, &from, &to);
      g_assert_nonnull (occurrences);
    }
}

static void
test_column_values (void)
{
  LdRecurrenceFreq freq;
  LdMonthDayOverflow overflow;
  LdOnHoliday on_holiday;

  g_assert_true (ld_recurrence_freq_from_string ("monthly_weekday", &freq));
  g_assert_cmpint (freq, ==, LD_RECURRENCE_MONTHLY_WEEKDAY);
  g_assert_cmpstr (ld_recurrence_freq_to_string (LD_RECURRENCE_WEEKLY), ==, "weekly");
  g_assert_false (ld_recurrence_freq_from_string ("yearly", &freq));
  g_assert_false (ld_recurrence_freq_from_string (NULL, &freq));

  g_assert_true (ld_month_day_overflow_from_string ("skip", &overflow));
  g_assert_cmpint (overflow, ==, LD_MONTH_DAY_OVERFLOW_SKIP);
  g_assert_cmpstr (ld_month_day_overflow_to_string (LD_MONTH_DAY_OVERFLOW_LAST_DAY), ==,
                   "last_day");

  g_assert_true (ld_on_holiday_from_string ("next_working_day", &on_holiday));
  g_assert_cmpint (on_holiday, ==, LD_ON_HOLIDAY_NEXT_WORKING_DAY);
  g_assert_cmpstr (ld_on_holiday_to_string (LD_ON_HOLIDAY_SKIP), ==, "skip");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recurrence/expand/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_expand);
    }
  g_test_add_func ("/recurrence/windows-agree", test_windows_agree);
  g_test_add_func ("/recurrence/rotation", test_rotation);
  g_test_add_func ("/recurrence/validation", test_validation);
  g_test_add_func ("/recurrence/column-values", test_column_values);

  return g_test_run ();
}

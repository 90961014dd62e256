/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-month-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ld-month-layout.h"
#include "ld-workdays.h"

/* The month grid a clerk sees: which days, which markers, which chips, and where the keys go. */

/* ------------------------------------------------------------------ helpers */

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static GDate
make_date (const char *iso)
{
  GDate date;
  guint year, month, day;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (&date));
  return date;
}

static void
assert_cell_date (const LdMonthLayout *layout,
                  guint                index,
                  const char          *iso)
{
  g_autofree char *text = format_date (&ld_month_layout_get_cell (layout, index)->date);

  g_assert_cmpstr (text, ==, iso);
}

static const LdMonthCell *
cell_of (const LdMonthLayout *layout,
         const char          *iso)
{
  GDate date = make_date (iso);
  int index = ld_month_layout_find_cell (layout, &date);

  g_assert_cmpint (index, >=, 0);
  return ld_month_layout_get_cell (layout, (guint) index);
}

/* The cells in [first, last] are in the month, the others are not. */
static void
assert_in_month_range (const LdMonthLayout *layout,
                       guint                first,
                       guint                last)
{
  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      gboolean expected = i >= first && i <= last;

      if (ld_month_layout_get_cell (layout, i)->in_month != expected)
        g_error ("cell %u: in_month is %d, expected %d", i,
                 ld_month_layout_get_cell (layout, i)->in_month, expected);
    }
}

/* Consecutive days, one per cell. */
static void
assert_consecutive (const LdMonthLayout *layout)
{
  for (guint i = 1; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    g_assert_cmpint (g_date_days_between (&ld_month_layout_get_cell (layout, i - 1)->date,
                                          &ld_month_layout_get_cell (layout, i)->date), ==, 1);
}

static void
assert_weekend_columns (const LdMonthLayout *layout,
                        guint                column_a,
                        guint                column_b)
{
  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      guint column = i % LD_MONTH_LAYOUT_N_COLUMNS;
      gboolean expected = column == column_a || column == column_b;

      if (ld_month_layout_get_cell (layout, i)->is_weekend != expected)
        g_error ("cell %u: is_weekend is %d, expected %d", i,
                 ld_month_layout_get_cell (layout, i)->is_weekend, expected);
    }
}

static void
assert_week_numbers (const LdMonthLayout *layout,
                     const guint          expected[LD_MONTH_LAYOUT_N_ROWS])
{
  for (guint row = 0; row < LD_MONTH_LAYOUT_N_ROWS; row++)
    g_assert_cmpuint (ld_month_layout_get_week_number (layout, row), ==, expected[row]);
}

/* ------------------------------------------------------------------ the grid */

/* 1 February 2026 is a Sunday: with Monday first it sits in the last column, after six days of
 * January; with Sunday first it opens the grid and March fills two rows. */
static void
test_february_2026_monday (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  static const guint weeks[] = { 5, 6, 7, 8, 9, 10 };

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);

  g_assert_cmpuint (ld_month_layout_get_year (layout), ==, 2026);
  g_assert_cmpuint (ld_month_layout_get_month (layout), ==, 2);
  g_assert_cmpint (ld_month_layout_get_week_start (layout), ==, G_DATE_MONDAY);

  assert_cell_date (layout, 0, "2026-01-26");
  assert_cell_date (layout, 5, "2026-01-31");
  assert_cell_date (layout, 6, "2026-02-01");
  assert_cell_date (layout, 33, "2026-02-28");
  assert_cell_date (layout, 34, "2026-03-01");
  assert_cell_date (layout, 41, "2026-03-08");
  assert_consecutive (layout);
  assert_in_month_range (layout, 6, 33);

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i += LD_MONTH_LAYOUT_N_COLUMNS)
    g_assert_cmpint (g_date_get_weekday (&ld_month_layout_get_cell (layout, i)->date), ==,
                     G_DATE_MONDAY);

  /* Saturday and Sunday are the last two columns. */
  assert_weekend_columns (layout, 5, 6);
  assert_week_numbers (layout, weeks);
}

static void
test_february_2026_sunday (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  /* Each row's Monday: 2 Feb is in ISO week 6, although the row's Sunday (1 Feb) is in week 5. */
  static const guint weeks[] = { 6, 7, 8, 9, 10, 11 };

  layout = ld_month_layout_new (2026, 2, G_DATE_SUNDAY, NULL, NULL, 0, NULL, NULL, 0);

  assert_cell_date (layout, 0, "2026-02-01");
  assert_cell_date (layout, 27, "2026-02-28");
  assert_cell_date (layout, 28, "2026-03-01");
  assert_cell_date (layout, 41, "2026-03-14");
  assert_consecutive (layout);
  assert_in_month_range (layout, 0, 27);

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i += LD_MONTH_LAYOUT_N_COLUMNS)
    g_assert_cmpint (g_date_get_weekday (&ld_month_layout_get_cell (layout, i)->date), ==,
                     G_DATE_SUNDAY);

  /* Sunday first, Saturday last. */
  assert_weekend_columns (layout, 0, 6);
  assert_week_numbers (layout, weeks);
}

/* March 2026 starts on a Sunday and has 31 days: with Monday first its last days reach the sixth
 * row. */
static void
test_six_rows (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  static const guint weeks[] = { 9, 10, 11, 12, 13, 14 };

  layout = ld_month_layout_new (2026, 3, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);

  assert_cell_date (layout, 0, "2026-02-23");
  assert_cell_date (layout, 6, "2026-03-01");
  assert_cell_date (layout, 35, "2026-03-30");
  assert_cell_date (layout, 36, "2026-03-31");
  assert_cell_date (layout, 37, "2026-04-01");
  assert_cell_date (layout, 41, "2026-04-05");
  assert_in_month_range (layout, 6, 36);
  assert_week_numbers (layout, weeks);
}

/* February 2027 starts on a Monday and fits four rows exactly; the grid still has six, the last
 * two from March, so the view never changes height. */
static void
test_four_row_month (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;

  layout = ld_month_layout_new (2027, 2, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);

  assert_cell_date (layout, 0, "2027-02-01");
  assert_cell_date (layout, 27, "2027-02-28");
  assert_cell_date (layout, 28, "2027-03-01");
  assert_cell_date (layout, 41, "2027-03-14");
  assert_consecutive (layout);
  assert_in_month_range (layout, 0, 27);
}

/* Turning of the year: December 2026 pads with January 2027, and the ISO week of the last row
 * is week 1 of 2027 (28 Dec 2026 – 3 Jan 2027 is week 53 of 2026, 4 Jan starts week 1). */
static void
test_year_end (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  static const guint weeks[] = { 49, 50, 51, 52, 53, 1 };

  layout = ld_month_layout_new (2026, 12, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);

  assert_cell_date (layout, 0, "2026-11-30");
  assert_cell_date (layout, 31, "2026-12-31");
  assert_cell_date (layout, 32, "2027-01-01");
  assert_in_month_range (layout, 1, 31);
  assert_week_numbers (layout, weeks);
}

static guint
count_today (const LdMonthLayout *layout,
             int                 *index)
{
  guint n = 0;

  *index = -1;
  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    if (ld_month_layout_get_cell (layout, i)->is_today)
      {
        n++;
        *index = (int) i;
      }

  return n;
}

static void
test_today (void)
{
  GDate today;
  int index;

  {
    g_autoptr(LdMonthLayout) layout = NULL;

    today = make_date ("2026-02-10");
    layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, &today, NULL, 0, NULL, NULL, 0);
    g_assert_cmpuint (count_today (layout, &index), ==, 1);
    g_assert_cmpint (index, ==, 15);
  }

  /* Today among the days of the next month that pad the grid is still today. */
  {
    g_autoptr(LdMonthLayout) layout = NULL;

    today = make_date ("2026-03-05");
    layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, &today, NULL, 0, NULL, NULL, 0);
    g_assert_cmpuint (count_today (layout, &index), ==, 1);
    g_assert_cmpint (index, ==, 38);
    g_assert_false (ld_month_layout_get_cell (layout, 38)->in_month);
  }

  /* Not in the grid: no day is highlighted, not even the same day of another month. */
  {
    g_autoptr(LdMonthLayout) layout = NULL;

    today = make_date ("2026-04-10");
    layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, &today, NULL, 0, NULL, NULL, 0);
    g_assert_cmpuint (count_today (layout, &index), ==, 0);
  }

  {
    g_autoptr(LdMonthLayout) layout = NULL;

    today = make_date ("2025-02-10");
    layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, &today, NULL, 0, NULL, NULL, 0);
    g_assert_cmpuint (count_today (layout, &index), ==, 0);
  }

  {
    g_autoptr(LdMonthLayout) layout = NULL;

    layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);
    g_assert_cmpuint (count_today (layout, &index), ==, 0);
  }
}

static void
test_find_cell (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  GDate date;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, NULL, 0, NULL, NULL, 0);

  date = make_date ("2026-01-26");
  g_assert_cmpint (ld_month_layout_find_cell (layout, &date), ==, 0);
  date = make_date ("2026-02-14");
  g_assert_cmpint (ld_month_layout_find_cell (layout, &date), ==, 19);
  date = make_date ("2026-03-08");
  g_assert_cmpint (ld_month_layout_find_cell (layout, &date), ==, 41);
  date = make_date ("2026-01-25");
  g_assert_cmpint (ld_month_layout_find_cell (layout, &date), ==, -1);
  date = make_date ("2026-03-09");
  g_assert_cmpint (ld_month_layout_find_cell (layout, &date), ==, -1);
}

/* ------------------------------------------------------------------ events */

static void
assert_event_ids (const LdMonthCell *cell,
                  const gint64      *ids,
                  guint              n_ids)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);

  for (guint i = 0; i < cell->n_events; i++)
    g_string_append_printf (got, "%" G_GINT64_FORMAT " ", cell->events[i]->id);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (want, "%" G_GINT64_FORMAT " ", ids[i]);

  g_assert_cmpstr (got->str, ==, want->str);
}

/* A busy Tuesday: an all-day duty, two reception days and a village visit at nine, a forum in
 * the afternoon and a cancelled hearing at nine, given in no particular order. */
static const LdMonthEvent busy_day[] = {
  { 5, "2026-02-10", "14:30", "forum",         "planned",   "Forum on parking" },
  { 1, "2026-02-10", "09:00", "hearing",       "cancelled", "Hearing on the bus route" },
  { 4, "2026-02-10", "09:00", "reception_day", "planned",   "Reception day (east)" },
  { 2, "2026-02-10", "09:00", "visit_village", "held",      "Visit to Qiaotou village" },
  { 7, "2026-02-10", NULL,    "duty",          "planned",   "Deputy on duty" },
  { 3, "2026-02-10", "09:00", "reception_day", "planned",   "Reception day (west)" },
};

static void
test_events_sorted (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  static const gint64 expected[] = { 7, 3, 4, 2, 5, 1 };
  const LdMonthCell *cell;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, busy_day, G_N_ELEMENTS (busy_day),
                                NULL, NULL, 0);

  cell = cell_of (layout, "2026-02-10");
  assert_event_ids (cell, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (cell->events[0]->title, ==, "Deputy on duty");
  g_assert_null (cell->events[0]->start_time);
  g_assert_cmpstr (cell->events[5]->status, ==, "cancelled");

  /* Six events on three lines: two chips, then "+4". */
  g_assert_cmpuint (cell->n_chips, ==, 2);
  g_assert_cmpuint (cell->n_more, ==, 4);

  /* Nothing leaks into the neighbouring days. */
  g_assert_cmpuint (cell_of (layout, "2026-02-09")->n_events, ==, 0);
  g_assert_cmpuint (cell_of (layout, "2026-02-11")->n_events, ==, 0);
}

/* A cancelled all-day event still goes after a planned event late in the evening. */
static void
test_cancelled_last (void)
{
  static const LdMonthEvent events[] = {
    { 1, "2026-02-12", NULL,    "reception_day", "cancelled", "Reception day" },
    { 2, "2026-02-12", "20:00", "other",         "planned",   "Evening meeting" },
    { 3, "2026-02-12", "08:00", "council",       "cancelled", "People's council" },
    { 4, "2026-02-12", "10:00", "duty",          "held",      "Duty" },
  };
  static const gint64 expected[] = { 4, 2, 1, 3 };
  g_autoptr(LdMonthLayout) layout = NULL;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, events, G_N_ELEMENTS (events),
                                NULL, NULL, 5);
  assert_event_ids (cell_of (layout, "2026-02-12"), expected, G_N_ELEMENTS (expected));
}

static void
add_events (GArray     *events,
            const char *date,
            guint       n,
            gint64      first_id)
{
  for (guint i = 0; i < n; i++)
    {
      LdMonthEvent event = { first_id + i, date, NULL, "duty", "planned", "Duty" };

      g_array_append_val (events, event);
    }
}

/* Up to three events show as three chips; more show two chips and "+N" on the third line. */
static void
test_truncation (void)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (LdMonthEvent));
  g_autoptr(LdMonthLayout) layout = NULL;
  g_autoptr(LdMonthLayout) wide = NULL;
  g_autoptr(LdMonthLayout) narrow = NULL;
  static const struct { const char *date; guint n_events, n_chips, n_more; } rows[] = {
    { "2026-02-02", 1, 1, 0 },
    { "2026-02-03", 2, 2, 0 },
    { "2026-02-04", 3, 3, 0 },
    { "2026-02-05", 4, 2, 2 },
    { "2026-02-06", 5, 2, 3 },
    { "2026-02-07", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_events (events, rows[i].date, rows[i].n_events, 100 * (i + 1));

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL,
                                (const LdMonthEvent *) events->data, events->len, NULL, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const LdMonthCell *cell = cell_of (layout, rows[i].date);

      g_test_message ("%s", rows[i].date);
      g_assert_cmpuint (cell->n_events, ==, rows[i].n_events);
      g_assert_cmpuint (cell->n_chips, ==, rows[i].n_chips);
      g_assert_cmpuint (cell->n_more, ==, rows[i].n_more);
      g_assert_cmpuint (cell->n_chips + (cell->n_more > 0 ? 1 : 0), <=, 3);
    }

  /* Five lines hold five events; one line holds only "+N". */
  wide = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL,
                              (const LdMonthEvent *) events->data, events->len, NULL, NULL, 5);
  g_assert_cmpuint (cell_of (wide, "2026-02-06")->n_chips, ==, 5);
  g_assert_cmpuint (cell_of (wide, "2026-02-06")->n_more, ==, 0);

  narrow = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL,
                                (const LdMonthEvent *) events->data, events->len, NULL, NULL, 1);
  g_assert_cmpuint (cell_of (narrow, "2026-02-02")->n_chips, ==, 1);
  g_assert_cmpuint (cell_of (narrow, "2026-02-03")->n_chips, ==, 0);
  g_assert_cmpuint (cell_of (narrow, "2026-02-03")->n_more, ==, 2);
}

/* Events on padding days appear there; events outside the grid or with a broken date do not. */
static void
test_events_placed (void)
{
  static const LdMonthEvent events[] = {
    { 1, "2026-01-26", "09:00", "reception_day", "planned", "First cell" },
    { 2, "2026-03-08", "09:00", "forum",         "planned", "Last cell" },
    { 3, "2026-01-25", "09:00", "forum",         "planned", "Before the grid" },
    { 4, "2026-03-09", "09:00", "forum",         "planned", "After the grid" },
    { 5, "2026-02-30", "09:00", "forum",         "planned", "No such day" },
    { 6, "2026-2-3",   "09:00", "forum",         "planned", "Not ISO" },
    { 7, NULL,         "09:00", "forum",         "planned", "No date" },
  };
  g_autoptr(LdMonthLayout) layout = NULL;
  guint total = 0;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, events, G_N_ELEMENTS (events),
                                NULL, NULL, 0);

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    total += ld_month_layout_get_cell (layout, i)->n_events;
  g_assert_cmpuint (total, ==, 2);

  g_assert_cmpuint (ld_month_layout_get_cell (layout, 0)->n_events, ==, 1);
  g_assert_cmpint (ld_month_layout_get_cell (layout, 0)->events[0]->id, ==, 1);
  g_assert_cmpuint (ld_month_layout_get_cell (layout, 41)->n_events, ==, 1);
  g_assert_cmpint (ld_month_layout_get_cell (layout, 41)->events[0]->id, ==, 2);
}

/* The layout keeps its own copy: the caller's strings may go away once it is made. */
static void
test_events_copied (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  g_autofree char *date = g_strdup ("2026-02-10");
  g_autofree char *time = g_strdup ("09:30");
  g_autofree char *title = g_strdup ("Reception day");
  LdMonthEvent event = { 42, date, time, "reception_day", "planned", title };
  const LdMonthCell *cell;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, &event, 1, NULL, NULL, 0);

  strcpy (date, "XXXX-XX-XX");
  strcpy (time, "XX:XX");
  strcpy (title, "XXXXXXXXXXXXX");

  cell = cell_of (layout, "2026-02-10");
  g_assert_cmpuint (cell->n_events, ==, 1);
  g_assert_cmpstr (cell->events[0]->date, ==, "2026-02-10");
  g_assert_cmpstr (cell->events[0]->start_time, ==, "09:30");
  g_assert_cmpstr (cell->events[0]->title, ==, "Reception day");
}

/* ------------------------------------------------------------------ markers and colours */

typedef struct
{
  guint calls;
} DayKindState;

/* Spring Festival 2026 as a wall calendar marks it, cut down to two days. */
static LdDayKind
fake_day_kind (const GDate *date,
               gpointer     user_data)
{
  DayKindState *state = user_data;

  state->calls++;

  if (g_date_get_year (date) == 2026 && g_date_get_month (date) == 2)
    {
      if (g_date_get_day (date) == 16)
        return LD_DAY_KIND_HOLIDAY;
      if (g_date_get_day (date) == 14)
        return LD_DAY_KIND_MAKEUP_WORKDAY;
    }

  if (g_date_get_year (date) == 2026 && g_date_get_month (date) == 3 && g_date_get_day (date) == 2)
    return LD_DAY_KIND_HOLIDAY;

  return LD_DAY_KIND_NORMAL;
}

static void
test_day_kinds (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;
  DayKindState state = { 0 };
  guint holidays = 0, workdays = 0;

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, NULL, 0, fake_day_kind, &state, 0);

  g_assert_cmpuint (state.calls, ==, LD_MONTH_LAYOUT_N_CELLS);
  g_assert_cmpint (cell_of (layout, "2026-02-16")->day_kind, ==, LD_DAY_KIND_HOLIDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-16")->badge, ==, LD_DAY_BADGE_HOLIDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-14")->day_kind, ==, LD_DAY_KIND_MAKEUP_WORKDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-14")->badge, ==, LD_DAY_BADGE_MAKEUP_WORKDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-15")->badge, ==, LD_DAY_BADGE_NONE);
  /* A padding day carries its marker too, as on a wall calendar. */
  g_assert_cmpint (cell_of (layout, "2026-03-02")->badge, ==, LD_DAY_BADGE_HOLIDAY);

  /* The make-up Saturday is still in the weekend columns: the badge says it is worked. */
  g_assert_true (cell_of (layout, "2026-02-14")->is_weekend);

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      holidays += ld_month_layout_get_cell (layout, i)->badge == LD_DAY_BADGE_HOLIDAY;
      workdays += ld_month_layout_get_cell (layout, i)->badge == LD_DAY_BADGE_MAKEUP_WORKDAY;
    }
  g_assert_cmpuint (holidays, ==, 2);
  g_assert_cmpuint (workdays, ==, 1);
}

/* Without a working-day calendar: plain weekdays and weekends, no badges. */
static void
test_day_kinds_default (void)
{
  g_autoptr(LdMonthLayout) layout = NULL;

  layout = ld_month_layout_new (2026, 2, G_DATE_SUNDAY, NULL, NULL, 0, NULL, NULL, 0);

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      const LdMonthCell *cell = ld_month_layout_get_cell (layout, i);

      g_assert_cmpint (cell->day_kind, ==,
                       cell->is_weekend ? LD_DAY_KIND_WEEKEND : LD_DAY_KIND_NORMAL);
      g_assert_cmpint (cell->badge, ==, LD_DAY_BADGE_NONE);
    }
  g_assert_cmpint (cell_of (layout, "2026-02-14")->day_kind, ==, LD_DAY_KIND_WEEKEND);
  g_assert_cmpint (cell_of (layout, "2026-02-16")->day_kind, ==, LD_DAY_KIND_NORMAL);
}

/* The grid fed by the working-day calendar itself. */
static void
test_day_kinds_from_workdays (void)
{
  g_autoptr(LdWorkdays) calendar = ld_workdays_new ();
  g_autoptr(LdMonthLayout) layout = NULL;
  GDate holiday = make_date ("2026-02-16");
  GDate makeup = make_date ("2026-02-14");

  ld_workdays_add (calendar, &holiday, LD_DAY_KIND_HOLIDAY, NULL);
  ld_workdays_add (calendar, &makeup, LD_DAY_KIND_MAKEUP_WORKDAY, NULL);

  layout = ld_month_layout_new (2026, 2, G_DATE_MONDAY, NULL, NULL, 0,
                                ld_month_layout_day_kind_from_workdays, calendar, 0);

  g_assert_cmpint (cell_of (layout, "2026-02-16")->badge, ==, LD_DAY_BADGE_HOLIDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-14")->badge, ==, LD_DAY_BADGE_MAKEUP_WORKDAY);
  g_assert_cmpint (cell_of (layout, "2026-02-13")->badge, ==, LD_DAY_BADGE_NONE);
  g_assert_cmpint (cell_of (layout, "2026-02-15")->badge, ==, LD_DAY_BADGE_NONE);
}

static void
test_chip_colors (void)
{
  static const struct { const char *kind; LdChipColor color; } rows[] = {
    { "reception_day",      LD_CHIP_COLOR_RECEPTION_DAY },
    { "duty",               LD_CHIP_COLOR_DUTY },
    { "visit_enterprise",   LD_CHIP_COLOR_VISIT },
    { "visit_community",    LD_CHIP_COLOR_VISIT },
    { "visit_village",      LD_CHIP_COLOR_VISIT },
    { "visit_constituency", LD_CHIP_COLOR_VISIT },
    { "forum",              LD_CHIP_COLOR_FORUM },
    { "hearing",            LD_CHIP_COLOR_HEARING },
    { "council",            LD_CHIP_COLOR_COUNCIL },
    { "other",              LD_CHIP_COLOR_OTHER },
    { "party",              LD_CHIP_COLOR_OTHER },
    { "",                   LD_CHIP_COLOR_OTHER },
    { NULL,                 LD_CHIP_COLOR_OTHER },
  };
  gboolean seen[LD_N_CHIP_COLORS] = { FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      LdChipColor color = ld_month_layout_chip_color (rows[i].kind);

      g_test_message ("%s", rows[i].kind != NULL ? rows[i].kind : "(null)");
      g_assert_cmpint (color, ==, rows[i].color);
      g_assert_cmpint (color, >=, 0);
      g_assert_cmpint (color, <, LD_N_CHIP_COLORS);
      seen[color] = TRUE;
    }

  /* The seven groups of kinds use the whole palette, one colour each. */
  g_assert_cmpint (LD_N_CHIP_COLORS, ==, 7);
  for (guint i = 0; i < LD_N_CHIP_COLORS; i++)
    g_assert_true (seen[i]);

  /* Palette indexes are what the stylesheet is written against: they must not move. */
  g_assert_cmpint (ld_month_layout_chip_color ("reception_day"), ==, 0);
  g_assert_cmpint (ld_month_layout_chip_color ("other"), ==, 6);
}

/* ------------------------------------------------------------------ week start */

static gboolean
locale_installed (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (loc == (locale_t) 0)
    return FALSE;

  freelocale (loc);
  return TRUE;
}

/* In a child process: the week start once LC_ALL, LC_TIME and LANG are as given. */
static GDateWeekday
week_start_in (const char *lc_all,
               const char *lc_time,
               const char *lang)
{
  if (lc_all != NULL) g_setenv ("LC_ALL", lc_all, TRUE); else g_unsetenv ("LC_ALL");
  if (lc_time != NULL) g_setenv ("LC_TIME", lc_time, TRUE); else g_unsetenv ("LC_TIME");
  if (lang != NULL) g_setenv ("LANG", lang, TRUE); else g_unsetenv ("LANG");
  setlocale (LC_ALL, "");

  return ld_month_layout_week_start_for_locale ();
}

static void
run_week_start_case (const char *locale_name,
                     const char *path)
{
  if (locale_name != NULL && !locale_installed (locale_name))
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not generated on this machine "
                                              "(locale-gen %s)", locale_name, locale_name);
      g_test_skip (why);
      return;
    }

  g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_week_start_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in ("zh_CN.UTF-8", NULL, NULL), ==, G_DATE_MONDAY);
      return;
    }

  run_week_start_case ("zh_CN.UTF-8", "/month-layout/week-start/zh_CN");
}

static void
test_week_start_en_us (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in ("en_US.UTF-8", NULL, NULL), ==, G_DATE_SUNDAY);
      return;
    }

  run_week_start_case ("en_US.UTF-8", "/month-layout/week-start/en_US");
}

/* A Monday-first locale that is not Chinese: only the locale data can tell. */
static void
test_week_start_de_de (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in ("de_DE.UTF-8", NULL, NULL), ==, G_DATE_MONDAY);
      return;
    }

  run_week_start_case ("de_DE.UTF-8", "/month-layout/week-start/de_DE");
}

static void
test_week_start_c (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in ("C", NULL, NULL), ==, G_DATE_SUNDAY);
      return;
    }

  run_week_start_case (NULL, "/month-layout/week-start/C");
}

/* LC_TIME decides, not LANG: dates in Chinese, messages in English. */
static void
test_week_start_lc_time (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in (NULL, "zh_CN.UTF-8", "C"), ==, G_DATE_MONDAY);
      return;
    }

  run_week_start_case ("zh_CN.UTF-8", "/month-layout/week-start/lc-time");
}

/* A Chinese locale whose data is not installed still starts the week on Monday. zh_HK is rarely
 * generated; where it is, the test says nothing new but still holds. */
static void
test_week_start_zh_missing (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (week_start_in ("zh_HK.GB2312", NULL, NULL), ==, G_DATE_MONDAY);
      return;
    }

  run_week_start_case (NULL, "/month-layout/week-start/zh-missing");
}

/* ------------------------------------------------------------------ keyboard */

typedef struct
{
  const char   *from;
  LdMonthKey    key;
  GDateWeekday  week_start;
  const char   *to;
  gboolean      month_changes;
} NavigationCase;

static const NavigationCase navigation_cases[] = {
  /* Arrows: a day sideways, a week up and down, across month and year ends. */
  { "2026-02-10", LD_MONTH_KEY_RIGHT,     G_DATE_MONDAY, "2026-02-11", FALSE },
  { "2026-02-10", LD_MONTH_KEY_LEFT,      G_DATE_MONDAY, "2026-02-09", FALSE },
  { "2026-01-31", LD_MONTH_KEY_RIGHT,     G_DATE_MONDAY, "2026-02-01", TRUE },
  { "2026-03-01", LD_MONTH_KEY_LEFT,      G_DATE_MONDAY, "2026-02-28", TRUE },
  { "2026-12-31", LD_MONTH_KEY_RIGHT,     G_DATE_MONDAY, "2027-01-01", TRUE },
  { "2026-02-10", LD_MONTH_KEY_DOWN,      G_DATE_MONDAY, "2026-02-17", FALSE },
  { "2026-02-10", LD_MONTH_KEY_UP,        G_DATE_MONDAY, "2026-02-03", FALSE },
  { "2026-02-24", LD_MONTH_KEY_DOWN,      G_DATE_MONDAY, "2026-03-03", TRUE },
  { "2026-03-03", LD_MONTH_KEY_UP,        G_DATE_MONDAY, "2026-02-24", TRUE },
  { "2027-01-03", LD_MONTH_KEY_UP,        G_DATE_SUNDAY, "2026-12-27", TRUE },

  /* Page Up/Down: a month, keeping the day where the month has it. */
  { "2026-02-15", LD_MONTH_KEY_PAGE_UP,   G_DATE_MONDAY, "2026-01-15", TRUE },
  { "2026-02-15", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2026-03-15", TRUE },
  { "2026-01-31", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2026-02-28", TRUE },
  { "2026-03-31", LD_MONTH_KEY_PAGE_UP,   G_DATE_MONDAY, "2026-02-28", TRUE },
  { "2026-05-31", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2026-06-30", TRUE },
  { "2028-01-31", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2028-02-29", TRUE },
  { "2028-02-29", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2028-03-29", TRUE },
  { "2028-02-29", LD_MONTH_KEY_PAGE_UP,   G_DATE_MONDAY, "2028-01-29", TRUE },
  { "2026-12-15", LD_MONTH_KEY_PAGE_DOWN, G_DATE_MONDAY, "2027-01-15", TRUE },
  { "2026-01-15", LD_MONTH_KEY_PAGE_UP,   G_DATE_MONDAY, "2025-12-15", TRUE },

  /* Home/End: the ends of the week row, which depend on the week start. 11 Feb 2026 is a
   * Wednesday. */
  { "2026-02-11", LD_MONTH_KEY_HOME,      G_DATE_MONDAY, "2026-02-09", FALSE },
  { "2026-02-11", LD_MONTH_KEY_END,       G_DATE_MONDAY, "2026-02-15", FALSE },
  { "2026-02-11", LD_MONTH_KEY_HOME,      G_DATE_SUNDAY, "2026-02-08", FALSE },
  { "2026-02-11", LD_MONTH_KEY_END,       G_DATE_SUNDAY, "2026-02-14", FALSE },
  { "2026-02-09", LD_MONTH_KEY_HOME,      G_DATE_MONDAY, "2026-02-09", FALSE },
  { "2026-02-15", LD_MONTH_KEY_END,       G_DATE_MONDAY, "2026-02-15", FALSE },
  { "2026-02-15", LD_MONTH_KEY_HOME,      G_DATE_SUNDAY, "2026-02-15", FALSE },
  /* 1 March 2026 is a Sunday, last in a Monday-first row that starts in February. */
  { "2026-03-01", LD_MONTH_KEY_HOME,      G_DATE_MONDAY, "2026-02-23", TRUE },
  { "2026-02-28", LD_MONTH_KEY_END,       G_DATE_MONDAY, "2026-03-01", TRUE },
};

static void
test_navigation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (navigation_cases); i++)
    {
      const NavigationCase *c = &navigation_cases[i];
      GDate from = make_date (c->from);
      GDate to;
      g_autofree char *text = NULL;
      gboolean changes;

      g_test_message ("case %u: %s key %d", i, c->from, c->key);
      g_date_clear (&to, 1);
      changes = ld_month_layout_navigate (&from, c->key, c->week_start, &to);
      text = format_date (&to);

      g_assert_cmpstr (text, ==, c->to);
      g_assert_cmpint (changes, ==, c->month_changes);
    }
}

/* The navigation and the grid agree: Home and End of any cell are the first and last cells of
 * its row. */
static void
test_navigation_matches_grid (void)
{
  static const GDateWeekday starts[] = { G_DATE_MONDAY, G_DATE_SUNDAY };

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    {
      g_autoptr(LdMonthLayout) layout = NULL;

      layout = ld_month_layout_new (2026, 3, starts[s], NULL, NULL, 0, NULL, NULL, 0);

      for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
        {
          guint row_start = i - i % LD_MONTH_LAYOUT_N_COLUMNS;
          GDate to;

          ld_month_layout_navigate (&ld_month_layout_get_cell (layout, i)->date,
                                    LD_MONTH_KEY_HOME, starts[s], &to);
          g_assert_cmpint (ld_month_layout_find_cell (layout, &to), ==, (int) row_start);

          ld_month_layout_navigate (&ld_month_layout_get_cell (layout, i)->date,
                                    LD_MONTH_KEY_END, starts[s], &to);
          g_assert_cmpint (ld_month_layout_find_cell (layout, &to), ==,
                           (int) row_start + LD_MONTH_LAYOUT_N_COLUMNS - 1);
        }
    }
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/month-layout/grid/february-2026-monday", test_february_2026_monday);
  g_test_add_func ("/month-layout/grid/february-2026-sunday", test_february_2026_sunday);
  g_test_add_func ("/month-layout/grid/six-rows", test_six_rows);
  g_test_add_func ("/month-layout/grid/four-row-month", test_four_row_month);
  g_test_add_func ("/month-layout/grid/year-end", test_year_end);
  g_test_add_func ("/month-layout/grid/today", test_today);
  g_test_add_func ("/month-layout/grid/find-cell", test_find_cell);
  g_test_add_func ("/month-layout/events/sorted", test_events_sorted);
  g_test_add_func ("/month-layout/events/cancelled-last", test_cancelled_last);
  g_test_add_func ("/month-layout/events/truncation", test_truncation);
  g_test_add_func ("/month-layout/events/placed", test_events_placed);
  g_test_add_func ("/month-layout/events/copied", test_events_copied);
  g_test_add_func ("/month-layout/day-kinds/fake", test_day_kinds);
  g_test_add_func ("/month-layout/day-kinds/default", test_day_kinds_default);
  g_test_add_func ("/month-layout/day-kinds/workdays", test_day_kinds_from_workdays);
  g_test_add_func ("/month-layout/chip-colors", test_chip_colors);
  g_test_add_func ("/month-layout/week-start/zh_CN", test_week_start_zh_cn);
  g_test_add_func ("/month-layout/week-start/en_US", test_week_start_en_us);
  g_test_add_func ("/month-layout/week-start/de_DE", test_week_start_de_de);
  g_test_add_func ("/month-layout/week-start/C", test_week_start_c);
  g_test_add_func ("/month-layout/week-start/lc-time", test_week_start_lc_time);
  g_test_add_func ("/month-layout/week-start/zh-missing", test_week_start_zh_missing);
  g_test_add_func ("/month-layout/navigation/keys", test_navigation);
  g_test_add_func ("/month-layout/navigation/matches-grid", test_navigation_matches_grid);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-month-layout"

#include "config.h"

/* For glibc's _NL_TIME_FIRST_WEEKDAY; before any system header. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ld-month-layout.h"
#include "ld-workdays.h"

/* ------------------------------------------------------------------ types */

struct _LdMonthLayout
{
  guint               year;
  guint               month;
  GDateWeekday        week_start;
  LdMonthCell         cells[LD_MONTH_LAYOUT_N_CELLS];
  guint               week_numbers[LD_MONTH_LAYOUT_N_ROWS];

  /* Owned */
  GStringChunk       *strings;
  LdMonthEvent       *events;        /* the copies of the events the grid shows */
  const LdMonthEvent **order;        /* the same, cell by cell in display order */
  guint               n_events;
};

/* An event with what its place in the grid and its order depend on, worked out once. */
typedef struct
{
  guint               cell;
  gboolean            cancelled;
  gboolean            all_day;
  guint               kind_rank;
  guint               input_index;
  const LdMonthEvent *event;
} SortEntry;

/* The kinds in the order of the schema's CHECK (data/db/0001-base.sql), which is also the order
 * of a day's events that start together. */
static const struct
{
  const char  *kind;
  LdChipColor  color;
} event_kinds[] = {
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
};

/* ------------------------------------------------------------------ helpers */

static guint
kind_rank (const char *kind)
{
  if (kind != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
      if (strcmp (kind, event_kinds[i].kind) == 0)
        return i;

  return G_N_ELEMENTS (event_kinds);
}

/* Strictly 'YYYY-MM-DD', as the schema stores dates. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static int
compare_entries (const void *a,
                 const void *b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  const char *tx = x->event->start_time;
  const char *ty = y->event->start_time;
  int cmp;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  if (x->cancelled != y->cancelled)
    return x->cancelled ? 1 : -1;
  if (x->all_day != y->all_day)
    return x->all_day ? -1 : 1;
  if (!x->all_day && (cmp = strcmp (tx, ty)) != 0)
    return cmp;
  if (x->kind_rank != y->kind_rank)
    return x->kind_rank < y->kind_rank ? -1 : 1;
  if (x->kind_rank == G_N_ELEMENTS (event_kinds)
      && (cmp = g_strcmp0 (x->event->kind, y->event->kind)) != 0)
    return cmp;
  if (x->event->id != y->event->id)
    return x->event->id < y->event->id ? -1 : 1;
  /* Same id twice: keep the caller's order, so the result never depends on qsort. */
  if (x->input_index != y->input_index)
    return x->input_index < y->input_index ? -1 : 1;
  return 0;
}

static LdDayBadge
badge_for_day_kind (LdDayKind kind)
{
  switch (kind)
    {
    case LD_DAY_KIND_HOLIDAY:
      return LD_DAY_BADGE_HOLIDAY;
    case LD_DAY_KIND_MAKEUP_WORKDAY:
      return LD_DAY_BADGE_MAKEUP_WORKDAY;
    case LD_DAY_KIND_NORMAL:
    case LD_DAY_KIND_WEEKEND:
    default:
      return LD_DAY_BADGE_NONE;
    }
}

static gboolean
is_chinese_locale (const char *name)
{
  return name != NULL && g_str_has_prefix (name, "zh")
         && (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@');
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || name[0] == '\0' || strcmp (name, "POSIX") == 0
         || strcmp (name, "C") == 0 || g_str_has_prefix (name, "C.");
}

/* The locale the user asked for, in POSIX precedence, whether or not it is installed. */
static const char *
requested_time_locale (void)
{
  static const char *const variables[] = { "LC_ALL", "LC_TIME", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && value[0] != '\0')
        return value;
    }

  return NULL;
}

static GDateWeekday
week_start_from_langinfo (void)
{
#if defined(__GLIBC__)
  /* _NL_TIME_WEEK_1STDAY is a number stored where nl_langinfo() returns a pointer; the union
   * reads it back the way glibc stored it, on either byte order. */
  union { unsigned int word; char *string; } info;
  guint first_weekday;
  guint week_origin;
  guint week_1stday;

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = (guchar) info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = info.word;

  if (week_origin == 19971130)        /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201)   /* a Monday */
    week_1stday = 1;
  else
    return G_DATE_SUNDAY;

  if (first_weekday < 1 || first_weekday > 7)
    return G_DATE_SUNDAY;

  /* 0 is Sunday, 1 Monday, … */
  if ((week_1stday + first_weekday - 1) % 7 == 1)
    return G_DATE_MONDAY;
#endif

  return G_DATE_SUNDAY;
}

/* ------------------------------------------------------------------ public API */

GDateWeekday
ld_month_layout_week_start_for_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  if (is_c_locale (name))
    name = requested_time_locale ();

  if (is_chinese_locale (name))
    return G_DATE_MONDAY;

  return week_start_from_langinfo ();
}

LdDayKind
ld_month_layout_day_kind_from_workdays (const GDate *date,
                                        gpointer     workdays)
{
  g_return_val_if_fail (date != NULL, LD_DAY_KIND_NORMAL);
  g_return_val_if_fail (workdays != NULL, LD_DAY_KIND_NORMAL);

  return ld_workdays_get_day_kind (workdays, date);
}

LdChipColor
ld_month_layout_chip_color (const char *kind)
{
  guint rank = kind_rank (kind);

  if (rank >= G_N_ELEMENTS (event_kinds))
    return LD_CHIP_COLOR_OTHER;

  return event_kinds[rank].color;
}

LdMonthLayout *
ld_month_layout_new (guint               year,
                     guint               month,
                     GDateWeekday        week_start,
                     const GDate        *today,
                     const LdMonthEvent *events,
                     guint               n_events,
                     LdDayKindFunc       day_kind_func,
                     gpointer            user_data,
                     guint               max_chips)
{
  LdMonthLayout *self;
  g_autofree SortEntry *entries = NULL;
  GDate first;
  guint32 first_julian;
  guint offset;
  guint monday_column;
  guint n_entries = 0;
  guint next = 0;

  /* The grid reaches up to 6 days into the year before and 13 days into the year after. */
  g_return_val_if_fail (year > 1 && year < G_MAXUINT16, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (g_date_valid_weekday (week_start), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  if (max_chips == 0)
    max_chips = LD_MONTH_LAYOUT_DEFAULT_MAX_CHIPS;

  self = g_new0 (LdMonthLayout, 1);
  self->year = year;
  self->month = month;
  self->week_start = week_start;
  self->strings = g_string_chunk_new (256);

  /* ---- the days */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) month, (GDateYear) year);
  offset = (g_date_get_weekday (&first) + 7 - week_start) % 7;
  first_julian = g_date_get_julian (&first) - offset;

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      LdMonthCell *cell = &self->cells[i];
      GDateWeekday weekday;

      g_date_clear (&cell->date, 1);
      g_date_set_julian (&cell->date, first_julian + i);
      weekday = g_date_get_weekday (&cell->date);

      cell->in_month = g_date_get_month (&cell->date) == month;
      cell->is_today = today != NULL && g_date_compare (&cell->date, today) == 0;
      cell->is_weekend = weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
      if (day_kind_func != NULL)
        cell->day_kind = day_kind_func (&cell->date, user_data);
      else
        cell->day_kind = cell->is_weekend ? LD_DAY_KIND_WEEKEND : LD_DAY_KIND_NORMAL;
      cell->badge = badge_for_day_kind (cell->day_kind);
    }

  monday_column = (G_DATE_MONDAY + 7 - week_start) % 7;
  for (guint row = 0; row < LD_MONTH_LAYOUT_N_ROWS; row++)
    {
      const GDate *monday = &self->cells[row * LD_MONTH_LAYOUT_N_COLUMNS + monday_column].date;

      self->week_numbers[row] = g_date_get_iso8601_week_of_year (monday);
    }

  /* ---- the events: copied, placed, ordered */
  entries = g_new0 (SortEntry, MAX (n_events, 1));
  self->events = g_new0 (LdMonthEvent, MAX (n_events, 1));

  for (guint i = 0; i < n_events; i++)
    {
      const LdMonthEvent *in = &events[i];
      LdMonthEvent *copy;
      GDate date;
      guint32 julian;

      if (!parse_iso_date (in->date, &date))
        continue;

      julian = g_date_get_julian (&date);
      if (julian < first_julian || julian >= first_julian + LD_MONTH_LAYOUT_N_CELLS)
        continue;

      copy = &self->events[n_entries];
      copy->id = in->id;
      copy->date = g_string_chunk_insert_const (self->strings, in->date);
      copy->start_time = in->start_time != NULL && in->start_time[0] != '\0'
                         ? g_string_chunk_insert_const (self->strings, in->start_time)
                         : NULL;
      copy->kind = in->kind != NULL ? g_string_chunk_insert_const (self->strings, in->kind)
                                    : NULL;
      copy->status = in->status != NULL ? g_string_chunk_insert_const (self->strings, in->status)
                                        : NULL;
      copy->title = in->title != NULL ? g_string_chunk_insert (self->strings, in->title) : NULL;

      entries[n_entries].cell = julian - first_julian;
      entries[n_entries].cancelled = g_strcmp0 (in->status, "cancelled") == 0;
      entries[n_entries].all_day = copy->start_time == NULL;
      entries[n_entries].kind_rank = kind_rank (in->kind);
      entries[n_entries].input_index = i;
      entries[n_entries].event = copy;
      n_entries++;
    }

  qsort (entries, n_entries, sizeof (SortEntry), compare_entries);

  self->n_events = n_entries;
  self->order = g_new0 (const LdMonthEvent *, MAX (n_entries, 1));
  for (guint i = 0; i < n_entries; i++)
    self->order[i] = entries[i].event;

  for (guint i = 0; i < LD_MONTH_LAYOUT_N_CELLS; i++)
    {
      LdMonthCell *cell = &self->cells[i];
      guint start = next;

      while (next < n_entries && entries[next].cell == i)
        next++;

      cell->events = self->order + start;
      cell->n_events = next - start;

      if (cell->n_events <= max_chips)
        {
          cell->n_chips = cell->n_events;
          cell->n_more = 0;
        }
      else
        {
          /* The "+N" line takes the place of the last chip. */
          cell->n_chips = max_chips - 1;
          cell->n_more = cell->n_events - cell->n_chips;
        }
    }

  return self;
}

void
ld_month_layout_free (LdMonthLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->events, g_free);
  g_clear_pointer (&self->order, g_free);
  g_free (self);
}

guint
ld_month_layout_get_year (const LdMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

guint
ld_month_layout_get_month (const LdMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->month;
}

GDateWeekday
ld_month_layout_get_week_start (const LdMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, G_DATE_BAD_WEEKDAY);

  return self->week_start;
}

const LdMonthCell *
ld_month_layout_get_cell (const LdMonthLayout *self,
                          guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < LD_MONTH_LAYOUT_N_CELLS, NULL);

  return &self->cells[index];
}

int
ld_month_layout_find_cell (const LdMonthLayout *self,
                           const GDate         *date)
{
  guint32 first_julian;
  guint32 julian;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  first_julian = g_date_get_julian (&self->cells[0].date);
  julian = g_date_get_julian (date);

  if (julian < first_julian || julian >= first_julian + LD_MONTH_LAYOUT_N_CELLS)
    return -1;

  return (int) (julian - first_julian);
}

guint
ld_month_layout_get_week_number (const LdMonthLayout *self,
                                 guint                row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < LD_MONTH_LAYOUT_N_ROWS, 0);

  return self->week_numbers[row];
}

gboolean
ld_month_layout_navigate (const GDate  *selected,
                          LdMonthKey    key,
                          GDateWeekday  week_start,
                          GDate        *out_date)
{
  GDate date;
  guint32 julian;
  gint64 target;
  guint column;

  g_return_val_if_fail (selected != NULL && g_date_valid (selected), FALSE);
  g_return_val_if_fail (g_date_valid_weekday (week_start), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  date = *selected;
  julian = g_date_get_julian (&date);
  column = (g_date_get_weekday (&date) + 7 - week_start) % 7;
  target = julian;

  switch (key)
    {
    case LD_MONTH_KEY_LEFT:
      target = (gint64) julian - 1;
      break;
    case LD_MONTH_KEY_RIGHT:
      target = (gint64) julian + 1;
      break;
    case LD_MONTH_KEY_UP:
      target = (gint64) julian - 7;
      break;
    case LD_MONTH_KEY_DOWN:
      target = (gint64) julian + 7;
      break;
    case LD_MONTH_KEY_HOME:
      target = (gint64) julian - column;
      break;
    case LD_MONTH_KEY_END:
      target = (gint64) julian + (6 - column);
      break;
    case LD_MONTH_KEY_PAGE_UP:
      /* g_date_subtract_months() keeps the day where the month has it and clamps it otherwise. */
      if (g_date_get_year (&date) > 1 || g_date_get_month (&date) > G_DATE_JANUARY)
        g_date_subtract_months (&date, 1);
      break;
    case LD_MONTH_KEY_PAGE_DOWN:
      if (g_date_get_year (&date) < G_MAXUINT16 || g_date_get_month (&date) < G_DATE_DECEMBER)
        g_date_add_months (&date, 1);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (key != LD_MONTH_KEY_PAGE_UP && key != LD_MONTH_KEY_PAGE_DOWN)
    {
      GDate last;

      g_date_clear (&last, 1);
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, G_MAXUINT16);
      if (target >= 1 && target <= g_date_get_julian (&last))
        g_date_set_julian (&date, (guint32) target);
    }

  *out_date = date;

  return g_date_get_year (&date) != g_date_get_year (selected)
         || g_date_get_month (&date) != g_date_get_month (selected);
}

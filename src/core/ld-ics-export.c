/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-ics-export"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-ics-export.h"

#define PRODID  "-//Liaison Desk//Liaison Desk 0.1//EN"
#define TZID    "Asia/Shanghai"
/* China has kept UTC+8 all year since 1991. */
#define TZ_OFFSET_SECONDS (8 * 3600)

typedef struct
{
  LdStore             *store;
  GHashTable          *deputy_names;  /* gint64* → char* */
  struct icaltimetype  stamp;
} Export;

/* ------------------------------------------------------------------ helpers */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static struct icaltimetype
make_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

/* A local time of Asia/Shanghai; the TZID parameter goes on the property. "" or an invalid
 * time gives the date alone. */
static struct icaltimetype
make_time (const GDate *date,
           const char  *hhmm)
{
  struct icaltimetype t = make_date (date);
  int h, m;

  if (hhmm != NULL && sscanf (hhmm, "%2d:%2d", &h, &m) == 2)
    {
      t.is_date = 0;
      t.hour = h;
      t.minute = m;
      t.second = 0;
    }
  return t;
}

static icalproperty *
with_tzid (icalproperty        *prop,
           struct icaltimetype  t)
{
  if (!t.is_date)
    icalproperty_add_parameter (prop, icalparameter_new_tzid (TZID));
  return prop;
}

static icalcomponent *
build_vtimezone (void)
{
  icalcomponent *vtimezone = icalcomponent_new_vtimezone ();
  icalcomponent *standard = icalcomponent_new_xstandard ();
  struct icaltimetype start = icaltime_null_time ();

  start.year = 1970;
  start.month = 1;
  start.day = 1;
  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (TZID));
  icalcomponent_add_property (standard, icalproperty_new_dtstart (start));
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetfrom (TZ_OFFSET_SECONDS));
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetto (TZ_OFFSET_SECONDS));
  icalcomponent_add_property (standard, icalproperty_new_tzname ("CST"));
  icalcomponent_add_component (vtimezone, standard);
  return vtimezone;
}

static const char *
summary_of (const char *theme,
            const char *kind)
{
  const char *name;

  if (theme != NULL && *theme != '\0')
    return theme;
  name = ld_event_kind_to_string (kind);
  return name != NULL ? name : kind;
}

static const char *
deputy_name (Export  *ex,
             gint64   id,
             GError **error)
{
  const char *name = g_hash_table_lookup (ex->deputy_names, &id);
  g_autoptr(LdDeputy) deputy = NULL;
  gint64 *key;

  if (name != NULL)
    return name;
  if ((deputy = ld_store_get_deputy (ex->store, id, error)) == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = id;
  name = g_strdup (ld_deputy_get_name (deputy));
  g_hash_table_insert (ex->deputy_names, key, (char *) name);
  return name;
}

/* "Deputies on duty: A, B" and the notes, each on a line; NULL with @error set. */
static char *
describe (Export       *ex,
          gboolean      in_turn,
          const gint64 *ids,
          guint         n_ids,
          const char   *notes,
          GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (n_ids > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_ids; i++)
        {
          const char *name = deputy_name (ex, ids[i], error);

          if (name == NULL)
            return NULL;
          if (i > 0)
            /* Translators: between the names of deputies in a list */
            g_string_append (names, C_("list separator", ", "));
          g_string_append (names, name);
        }
      if (in_turn)
        /* Translators: %s is a list of names, who take turns on duty */
        g_string_append_printf (text, _("Deputies in turn: %s"), names->str);
      else
        /* Translators: %s is a list of names */
        g_string_append_printf (text, _("Deputies on duty: %s"), names->str);
    }
  if (notes != NULL && *notes != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, notes);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_common (Export        *ex,
            icalcomponent *vevent,
            const char    *uid,
            const char    *theme,
            const char    *kind,
            const char    *place,
            const char    *description)
{
  const char *kind_name = ld_event_kind_to_string (kind);

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (ex->stamp));
  icalcomponent_add_property (vevent, icalproperty_new_summary (summary_of (theme, kind)));
  if (place != NULL && *place != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_location (place));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_description (description));
  icalcomponent_add_property (vevent,
                              icalproperty_new_categories (kind_name != NULL ? kind_name
                                                                             : kind));
}

static void
add_span (icalcomponent *vevent,
          const GDate   *date,
          const char    *start_time,
          const char    *end_time)
{
  struct icaltimetype start = make_time (date, start_time);

  icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtstart (start), start));
  if (start.is_date)
    {
      GDate next = *date;

      g_date_add_days (&next, 1);
      icalcomponent_add_property (vevent, icalproperty_new_dtend (make_date (&next)));
    }
  else
    {
      struct icaltimetype end = make_time (date, end_time);

      /* Without an end time the event ends when it starts (RFC 5545 3.6.1). */
      if (!end.is_date)
        icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtend (end), end));
    }
}

/* The VEVENT of one events row: of its own, or an occurrence (@recurrence_id not NULL). */
static icalcomponent *
build_event (Export                    *ex,
             LdEvent                   *event,
             const char                *uid,
             const struct icaltimetype *recurrence_id,
             GError                   **error)
{
  g_autoptr(GArray) ids = ld_event_get_deputy_ids (event, LD_EVENT_ROLE_ON_DUTY);
  g_autofree char *description = NULL;
  icalcomponent *vevent;
  gboolean cancelled;
  GDate date;

  if (!parse_date (ld_event_get_date (event), &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("An event has a date that cannot be read: “%s”."),
                   ld_event_get_date (event));
      return NULL;
    }
  description = describe (ex, FALSE, (const gint64 *) ids->data, ids->len,
                          ld_event_get_notes (event), error);
  if (description == NULL)
    return NULL;

  vevent = icalcomponent_new_vevent ();
  add_common (ex, vevent, uid, ld_event_get_theme (event), ld_event_get_kind (event),
              ld_event_get_place (event), description);
  if (recurrence_id != NULL)
    icalcomponent_add_property (vevent,
                                with_tzid (icalproperty_new_recurrenceid (*recurrence_id),
                                           *recurrence_id));
  add_span (vevent, &date, ld_event_get_start_time (event), ld_event_get_end_time (event));
  cancelled = g_strcmp0 (ld_event_get_status (event), "cancelled") == 0;
  icalcomponent_add_property (vevent,
                              icalproperty_new_status (cancelled ? ICAL_STATUS_CANCELLED
                                                                 : ICAL_STATUS_CONFIRMED));
  return vevent;
}

/* Fills the BY* parts of @recur; FALSE when RRULE cannot say the rule exactly. */
static gboolean
set_pattern (const LdRecurrence        *rule,
             struct icalrecurrencetype *recur)
{
  /* GDateWeekday is Monday = 1 … Sunday = 7; libical's is Sunday = 1 … Saturday = 7. */
  static const int ical_day[] = { 0, 2, 3, 4, 5, 6, 7, 1 };

  recur->interval = rule->interval > 0 ? rule->interval : 1;
  recur->week_start = ICAL_MONDAY_WEEKDAY;
  switch (rule->freq)
    {
    case LD_RECURRENCE_MONTHLY_DAY:
      recur->freq = ICAL_MONTHLY_RECURRENCE;
      if (rule->month_day <= 28 || rule->month_day_overflow == LD_MONTH_DAY_OVERFLOW_SKIP)
        recur->by_month_day[0] = rule->month_day;
      else if (rule->month_day == 31)
        recur->by_month_day[0] = -1;
      else
        return FALSE;
      recur->by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
      return TRUE;

    case LD_RECURRENCE_MONTHLY_WEEKDAY:
      {
        int ordinal = rule->week_ordinal;
        int day;

        if (rule->weekday < G_DATE_MONDAY || rule->weekday > G_DATE_SUNDAY || ordinal == 0)
          return FALSE;
        day = ical_day[rule->weekday] + 8 * ABS (ordinal);
        recur->freq = ICAL_MONTHLY_RECURRENCE;
        recur->by_day[0] = ordinal < 0 ? -day : day;
        recur->by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
        return TRUE;
      }

    case LD_RECURRENCE_WEEKLY:
      {
        guint n = 0;

        recur->freq = ICAL_WEEKLY_RECURRENCE;
        for (guint bit = 0; bit < 7; bit++)
          if (rule->weekdays_mask & (1u << bit))
            recur->by_day[n++] = ical_day[G_DATE_MONDAY + bit];
        recur->by_day[n] = ICAL_RECURRENCE_ARRAY_MAX;
        return n > 0;
      }

    default:
      return FALSE;
    }
}

/* Does the row still look as the series makes it, apart from its deputies? */
static gboolean
follows_series (LdEvent       *event,
                LdEventSeries *series,
                const char    *occurrence_date)
{
  return g_strcmp0 (ld_event_get_status (event), "cancelled") != 0 &&
         g_strcmp0 (ld_event_get_date (event), occurrence_date) == 0 &&
         g_strcmp0 (ld_event_get_start_time (event), ld_event_series_get_start_time (series)) == 0 &&
         g_strcmp0 (ld_event_get_end_time (event), ld_event_series_get_end_time (series)) == 0 &&
         g_strcmp0 (ld_event_get_place (event), ld_event_series_get_place (series)) == 0 &&
         g_strcmp0 (ld_event_get_theme (event), ld_event_series_get_theme (series)) == 0 &&
         g_strcmp0 (ld_event_get_notes (event), ld_event_series_get_notes (series)) == 0 &&
         g_strcmp0 (ld_event_get_kind (event), ld_event_series_get_kind (series)) == 0;
}

static gboolean
add_own_event (Export        *ex,
               icalcomponent *calendar,
               LdEvent       *event,
               GError       **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *vevent;

  uuid = ld_calendar_store_get_uuid (ex->store, "events", ld_event_get_id (event), error);
  if (uuid == NULL)
    return FALSE;
  uid = g_strconcat (uuid, "@liaisondesk", NULL);
  if ((vevent = build_event (ex, event, uid, NULL, error)) == NULL)
    return FALSE;
  icalcomponent_add_component (calendar, vevent);
  return TRUE;
}

/*
 * One series: its rows in the range (@rows, removed from it as they are used) against the
 * dates of its pattern in [@from, @to]. Rows whose occurrence date the pattern does not give
 * (the rule changed after they were made) stay in @rows for the caller.
 */
static gboolean
add_series (Export        *ex,
            icalcomponent *calendar,
            gint64         series_id,
            GPtrArray     *rows,
            const GDate   *from,
            const GDate   *to,
            GError       **error)
{
  g_autoptr(LdEventSeries) series = NULL;
  g_autoptr(GArray) dates = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *description = NULL;
  struct icalrecurrencetype recur;
  const LdOccurrence *first, *last;
  const gint64 *rotation;
  icalcomponent *master;
  LdRecurrence rule;
  guint n_rotation;

  if ((series = ld_calendar_store_get_series (ex->store, series_id, error)) == NULL)
    return FALSE;
  ld_event_series_get_recurrence (series, &rule);

  icalrecurrencetype_clear (&recur);
  if (!set_pattern (&rule, &recur))
    return TRUE;  /* the caller exports the rows one by one */
  dates = ld_recurrence_expand (&rule, NULL, NULL, 0, from, to);
  if (dates->len == 0)
    return TRUE;
  first = &g_array_index (dates, LdOccurrence, 0);
  last = &g_array_index (dates, LdOccurrence, dates->len - 1);

  if ((uuid = ld_calendar_store_get_uuid (ex->store, "event_series", series_id, error)) == NULL)
    return FALSE;
  uid = g_strconcat (uuid, "@liaisondesk", NULL);
  rotation = ld_event_series_get_rotation (series, &n_rotation);
  description = describe (ex, TRUE, rotation, n_rotation,
                          ld_event_series_get_notes (series), error);
  if (description == NULL)
    return FALSE;

  master = icalcomponent_new_vevent ();
  add_common (ex, master, uid, ld_event_series_get_theme (series),
              ld_event_series_get_kind (series), ld_event_series_get_place (series),
              description);
  add_span (master, &first->occurrence_date, ld_event_series_get_start_time (series),
            ld_event_series_get_end_time (series));

  if (rule.count > 0 && first->index == 0 && dates->len == (guint) rule.count)
    recur.count = rule.count;
  else
    {
      struct icaltimetype until = make_time (&last->occurrence_date,
                                             ld_event_series_get_start_time (series));

      /* UNTIL of a zoned DTSTART must be in UTC (RFC 5545 3.3.10). */
      if (!until.is_date)
        {
          icaltime_adjust (&until, 0, 0, 0, -TZ_OFFSET_SECONDS);
          until.zone = icaltimezone_get_utc_timezone ();
        }
      recur.until = until;
    }
  icalcomponent_add_property (master, icalproperty_new_rrule (recur));
  icalcomponent_add_property (master, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_component (calendar, master);

  for (guint i = 0; i < dates->len; i++)
    {
      const LdOccurrence *occurrence = &g_array_index (dates, LdOccurrence, i);
      struct icaltimetype id = make_time (&occurrence->occurrence_date,
                                          ld_event_series_get_start_time (series));
      char text[16];
      LdEvent *row = NULL;
      guint j;

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &occurrence->occurrence_date);
      for (j = 0; j < rows->len; j++)
        if (g_strcmp0 (ld_event_get_occurrence_date (g_ptr_array_index (rows, j)), text) == 0)
          {
            row = g_ptr_array_index (rows, j);
            break;
          }

      if (row == NULL || g_strcmp0 (ld_event_get_status (row), "cancelled") == 0)
        icalcomponent_add_property (master, with_tzid (icalproperty_new_exdate (id), id));
      else if (!follows_series (row, series, text))
        {
          icalcomponent *vevent = build_event (ex, row, uid, &id, error);

          if (vevent == NULL)
            return FALSE;
          icalcomponent_add_component (calendar, vevent);
        }
      if (row != NULL)
        g_ptr_array_remove_index (rows, j);
    }
  return TRUE;
}

static char *
build_calendar (LdStore     *store,
                const char  *from_text,
                const char  *to_text,
                GError     **error)
{
  g_autoptr(GHashTable) by_series = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) series_ids = NULL;
  icalcomponent *calendar;
  Export ex = { 0, };
  GDate from, to;
  char *text = NULL;
  gboolean ok = TRUE;

  if (!parse_date (from_text, &from) || !parse_date (to_text, &to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose the first and last day to export."));
      return NULL;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The first day to export is after the last one."));
      return NULL;
    }
  if ((events = ld_calendar_store_list_events (store, from_text, to_text, error)) == NULL)
    return NULL;

  ex.store = store;
  ex.deputy_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ex.stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  {
    icalproperty *tz = icalproperty_new_x (TZID);

    icalproperty_set_x_name (tz, "X-WR-TIMEZONE");
    icalcomponent_add_property (calendar, tz);
  }
  icalcomponent_add_component (calendar, build_vtimezone ());

  /* Rows of each series, in date order, for add_series(). */
  by_series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  series_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (events, i);
      gint64 series_id = ld_event_get_series_id (event);
      GPtrArray *rows;

      if (series_id == 0)
        continue;
      if ((rows = g_hash_table_lookup (by_series, &series_id)) == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = series_id;
          rows = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_series, key, rows);
          g_array_append_val (series_ids, series_id);
        }
      g_ptr_array_add (rows, g_object_ref (event));
    }

  for (guint i = 0; ok && i < events->len; i++)
    {
      LdEvent *event = g_ptr_array_index (events, i);

      if (ld_event_get_series_id (event) == 0)
        ok = add_own_event (&ex, calendar, event, error);
    }
  for (guint i = 0; ok && i < series_ids->len; i++)
    {
      gint64 series_id = g_array_index (series_ids, gint64, i);
      GPtrArray *rows = g_hash_table_lookup (by_series, &series_id);

      ok = add_series (&ex, calendar, series_id, rows, &from, &to, error);
      /* What the rule does not account for goes out one by one. */
      for (guint j = 0; ok && j < rows->len; j++)
        ok = add_own_event (&ex, calendar, g_ptr_array_index (rows, j), error);
    }

  if (ok)
    text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  g_hash_table_unref (ex.deputy_names);
  return text;
}

/* ------------------------------------------------------------------ public API */

char *
ld_ics_export_to_string (LdStore     *store,
                         const char  *from,
                         const char  *to,
                         GError     **error)
{
  char *ical;
  char *text;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libical allocates with its own allocator; hand out GLib memory. */
  if ((ical = build_calendar (store, from, to, error)) == NULL)
    return NULL;
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  return text;
}

gboolean
ld_ics_export (LdStore     *store,
               const char  *from,
               const char  *to,
               const char  *path,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((text = ld_ics_export_to_string (store, from, to, error)) == NULL)
    return FALSE;

  /* A temporary file beside @path, flushed to disk and renamed over it. */
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      name = g_filename_display_name (path);
      /* Translators: %s is a file name, then the reason */
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("The calendar could not be saved as “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

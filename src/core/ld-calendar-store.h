/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-event.h"
#include "ld-event-series.h"
#include "ld-store.h"
#include "ld-workdays.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ working-day calendar */

/* Returns: (transfer full): every holiday and make-up working day of calendar_days, each named
 * by the user's text or else by its festival's translated name; NULL with @error set. */
LdWorkdays  *ld_calendar_store_load_workdays   (LdStore   *store,
                                                GError   **error);

/* A row of calendar_days as Preferences edits it. */
typedef struct
{
  char       *day;        /* "YYYY-MM-DD" */
  LdDayKind   kind;       /* LD_DAY_KIND_HOLIDAY or LD_DAY_KIND_MAKEUP_WORKDAY */
  char       *seed_key;   /* (nullable): the festival of a seeded day */
  char       *name;       /* (nullable): the user's name for the day */
} LdCalendarDay;

LdCalendarDay *ld_calendar_day_new               (const char           *day,
                                                  LdDayKind             kind,
                                                  const char           *seed_key,
                                                  const char           *name);
LdCalendarDay *ld_calendar_day_copy              (const LdCalendarDay  *self);
void           ld_calendar_day_free              (LdCalendarDay        *self);
/* The user's name, else the festival's translated name, else NULL. */
const char    *ld_calendar_day_get_display_name  (const LdCalendarDay  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdCalendarDay, ld_calendar_day_free)

/* Returns: (transfer full) (element-type guint): the years that have calendar days, ascending;
 * NULL with @error set. */
GArray      *ld_calendar_store_list_years      (LdStore              *store,
                                                GError              **error);
/* Returns: (transfer full) (element-type LdCalendarDay): the days of @year by date; NULL with
 * @error set. */
GPtrArray   *ld_calendar_store_list_days       (LdStore              *store,
                                                guint                 year,
                                                GError              **error);
/* Adds @day, or replaces the row of its date (kind, festival and name all follow @day); a date
 * that is not a real one is LD_VALIDATION_ERROR_INVALID. Emits ::changed ("calendar", 0). */
gboolean     ld_calendar_store_save_day        (LdStore              *store,
                                                const LdCalendarDay  *day,
                                                GError              **error);
/* Removes the day @date ("YYYY-MM-DD"); G_IO_ERROR_NOT_FOUND when it is not there. Emits
 * ::changed ("calendar", 0). */
gboolean     ld_calendar_store_remove_day      (LdStore              *store,
                                                const char           *date,
                                                GError              **error);

/* ------------------------------------------------------------------ events
 *
 * Every write runs in one transaction and then emits LdStore::changed ("event", id), id 0 when
 * several events changed (a series). Dates are "YYYY-MM-DD".
 */

/*
 * Returns: (transfer full) (element-type LdEvent): the events whose date lies in [@from, @to]
 * (inclusive), cancelled ones included, sorted by date, start time (events without one first)
 * and id, with their deputies; NULL with @error set.
 */
GPtrArray      *ld_calendar_store_list_events        (LdStore        *store,
                                                      const char     *from,
                                                      const char     *to,
                                                      GError        **error);
/* Returns: (transfer full): the event with its deputies; NULL with @error set
 * (G_IO_ERROR_NOT_FOUND when there is none). */
LdEvent        *ld_calendar_store_get_event          (LdStore        *store,
                                                      gint64          id,
                                                      GError        **error);
/*
 * Inserts when the id is 0 (and sets it), updates otherwise, with its deputies; "this one" of
 * a series: the occurrence keeps its series and occurrence date and, differing now from what
 * the series generates, is left alone when the series is saved again. Validates first
 * (LD_VALIDATION_ERROR_INVALID with the first message). A station id of 0 becomes this desk's.
 */
gboolean        ld_calendar_store_save_event         (LdStore        *store,
                                                      LdEvent        *event,
                                                      GError        **error);
/* Sets the status to cancelled, leaving the other occurrences of its series as they are. */
gboolean        ld_calendar_store_cancel_event       (LdStore        *store,
                                                      gint64          id,
                                                      GError        **error);
/*
 * A held event is a record and is refused (LD_VALIDATION_ERROR_INVALID), and so is one that
 * concerns were registered at. An occurrence of a series is cancelled instead (@outcome
 * LD_DELETE_RETIRED), since its row is what keeps the series from generating it again; any
 * other event is deleted (LD_DELETE_DELETED).
 */
gboolean        ld_calendar_store_delete_event       (LdStore        *store,
                                                      gint64          id,
                                                      LdDeleteOutcome *outcome,
                                                      GError        **error);
/* Marks the event held with its attendance: replaces the attended and on-leave deputies (the
 * deputies on duty stay). A deputy cannot be in both lists. */
gboolean        ld_calendar_store_mark_held          (LdStore        *store,
                                                      gint64          id,
                                                      const gint64   *attended,
                                                      guint           n_attended,
                                                      const gint64   *on_leave,
                                                      guint           n_on_leave,
                                                      GError        **error);
/* Records when the reception notice was printed; @when NULL is now. */
gboolean        ld_calendar_store_set_notice_printed (LdStore        *store,
                                                      gint64          id,
                                                      GDateTime      *when,
                                                      GError        **error);

/* ------------------------------------------------------------------ series
 *
 * A series' occurrences are materialised as events rows (status planned, the series' kind,
 * theme, place, times and notes, the rotation's deputies on duty, the holiday rule applied:
 * event_date is the scheduled date, occurrence_date the date of the pattern) up to a horizon:
 * the end of the series (until date or count) or else the last day of the year after the
 * later of today and the start date. An occurrence that already has a row is never generated
 * again, so cancelling or editing one leaves the others as they are.
 *
 * An occurrence is "untouched" when its row is still what the series generated: planned, no
 * notice printed, no concerns linked, no attendance or leave, and date, times, place, theme,
 * notes, kind and deputies on duty equal to what the series (as saved before) gives for that
 * occurrence. Comparing fields needs no flag: editing an occurrence by itself makes it differ.
 */

/* Returns: (transfer full) (element-type LdEventSeries): every series, by start date and id. */
GPtrArray      *ld_calendar_store_list_series        (LdStore        *store,
                                                      GError        **error);
LdEventSeries  *ld_calendar_store_get_series         (LdStore        *store,
                                                      gint64          id,
                                                      GError        **error);
/* A new series (id 0) is inserted (id set) and materialised from its start date; for one
 * already saved this is ld_calendar_store_save_series_from() from its start date (every
 * untouched occurrence follows the new rule). Validates first. */
gboolean        ld_calendar_store_save_series        (LdStore        *store,
                                                      LdEventSeries  *series,
                                                      GError        **error);
/*
 * "All future ones": updates the series and its rotation, deletes the untouched occurrences on
 * or after @from_date and generates the occurrences from @from_date to the horizon again,
 * keeping every touched one (cancelled, held, edited) and everything before @from_date. The
 * rotation index still counts from the series' start, so A, B, C goes on where it was.
 */
gboolean        ld_calendar_store_save_series_from   (LdStore        *store,
                                                      LdEventSeries  *series,
                                                      const char     *from_date,
                                                      GError        **error);
/* Generates the occurrences missing up to the horizon of every series (a new year coming
 * into view); for start-up. */
gboolean        ld_calendar_store_extend_series      (LdStore        *store,
                                                      GError        **error);
/* Deletes the series with its untouched occurrences; touched ones (held, cancelled, edited)
 * stay as events of their own. */
gboolean        ld_calendar_store_delete_series      (LdStore        *store,
                                                      gint64          id,
                                                      GError        **error);

/* ------------------------------------------------------------------ uuids */

/* The uuid of an event (@table "events") or series ("event_series"), the stable identity an
 * export names it by; NULL with @error set (G_IO_ERROR_NOT_FOUND when there is none). */
char           *ld_calendar_store_get_uuid           (LdStore        *store,
                                                      const char     *table,
                                                      gint64          id,
                                                      GError        **error);

G_END_DECLS

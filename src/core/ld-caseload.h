/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-report.h"
#include "ld-store.h"
#include "ld-today.h"

G_BEGIN_DECLS

/*
 * One deputy's caseload (the deputy's page, "My caseload"): the duty days ahead, the concerns
 * the deputy received and the suggestions they led or co-signed that are still open, and the
 * year's duty record (履职档案), whose figures come from ld-report so that they agree with the
 * district workbook. Dates are local "YYYY-MM-DD".
 */

typedef struct
{
  const char *today;      /* local "YYYY-MM-DD" */
  int         year;       /* the year of the duty record */
  gint64      deputy_id;
  guint       limit;      /* how many ids each list keeps (its count is always complete) */
} LdCaseloadQuery;

/* @count items in all, the first @ids->len (gint64) in the order shown. */
typedef struct
{
  gint64  count;
  GArray *ids;
} LdCaseloadList;

typedef struct
{
  int                      year;
  /* Events from today on (not cancelled) with the deputy on duty, soonest first. */
  LdCaseloadList           duty_days;
  /* Every concern the deputy received: still open (ld_concern_state_is_open()) or done. */
  gint64                   concerns_open;
  gint64                   concerns_done;
  /* The open ones: overdue first (referred or in progress, due before today), then by due
   * date, undated last, oldest received first. */
  LdCaseloadList           open_concerns;
  /* Suggestions led or co-signed that are open (ld_suggestion_state_is_open()): overdue first
   * (assigned or re-handling, due before today), then by due date, undated last. */
  LdCaseloadList           open_suggestions;

  /* The duty record of the year (1 January … 31 December). */
  LdEventFigures           events;
  LdConcernFigures         concerns;
  LdSuggestionFigures      suggestions;
  LdDeputySuggestionCounts roles;
} LdCaseload;

gboolean     ld_caseload_compute    (LdStore                *store,
                                     const LdCaseloadQuery  *query,
                                     LdCaseload             *caseload,
                                     GError                **error);
void         ld_caseload_clear      (LdCaseload             *caseload);

/* ------------------------------------------------------------------ the printable record */

typedef struct
{
  char *label;    /* "Reception days attended" */
  char *value;    /* "3" */
} LdDutyRecordLine;

typedef struct
{
  char      *heading;   /* "Reception calendar" */
  GPtrArray *lines;     /* LdDutyRecordLine */
} LdDutyRecordSection;

/* The duty record as translated text, in the order it is printed and exported. */
typedef struct
{
  char      *title;      /* "Duty Record 2026" */
  char      *deputy;     /* the deputy's name */
  char      *subtitle;   /* "District deputy · 财经组 · 水果湖代表联络站" */
  GPtrArray *sections;   /* LdDutyRecordSection */
  char      *issue_date; /* "Printed on 2 December 2026" */
} LdDutyRecord;

/*
 * Returns: (transfer full): the record of @caseload for @deputy, with @station_name ("" for
 * none) and @answer_classes (LdListEntry, in their order; classes are named as the station
 * names them). A pure function.
 */
LdDutyRecord *ld_duty_record_new    (LdDeputy               *deputy,
                                     const char             *station_name,
                                     const LdCaseload       *caseload,
                                     GPtrArray              *answer_classes,
                                     GDateTime              *issued);
/* The record of @deputy_id for @year as the store has it. */
LdDutyRecord *ld_duty_record_load   (LdStore                *store,
                                     gint64                  deputy_id,
                                     int                     year,
                                     GDateTime              *issued,
                                     GError                **error);
void          ld_duty_record_free   (LdDutyRecord           *record);
/* Every block as plain text, one line each ("label: value"); for tests and the clipboard. */
char         *ld_duty_record_to_text (LdDutyRecord          *record);

/* ------------------------------------------------------------------ reminders */

/*
 * The desktop reminder of @today (ld_today_compute() for the caseload deputy): what is due
 * today, what is overdue and tomorrow's duty. FALSE when there is nothing to remind of;
 * else *@title and *@body (free them), in the UI language. Only counts are said: a reminder
 * shows on a shared screen, so it names no resident.
 */
gboolean      ld_caseload_reminder_text      (const LdToday  *today,
                                              char          **title,
                                              char          **body);
/* Whole seconds from @now to one minute past the next local midnight of @now's time zone (a
 * day of 23 or 25 hours included), at least 1: when the next day's reminder is due. */
guint         ld_caseload_seconds_to_next_day (GDateTime     *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdDutyRecord, ld_duty_record_free)

G_END_DECLS

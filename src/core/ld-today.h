/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-report.h"
#include "ld-store.h"

G_BEGIN_DECLS

/*
 * What needs doing today (the Today page, the reminders): a handful of short lists, each with
 * its full count and its first few ids, computed in SQL on indexes so that it answers within a
 * blink on a district's million concerns. Dates are local "YYYY-MM-DD"; "within 7 days" is the
 * setting deadline.due_soon_days, counted as ld_deadline_status() counts it (ld-deadline.h).
 */

typedef struct
{
  const char *today;        /* local "YYYY-MM-DD" (the context's clock) */
  gint64      station_id;   /* 0: every station */
  gint64      deputy_id;    /* 0: everyone's; else that deputy's items only ("My caseload") */
  guint       limit;        /* how many ids each list keeps (its count is always complete) */
} LdTodayQuery;

/* One short list: @count items in all, the first @ids->len of them in the order shown. */
typedef struct
{
  gint64  count;
  GArray *ids;              /* gint64 record ids (events, concerns, suggestions or drafts) */
} LdTodayList;

typedef struct
{
  LdTodayList events_today;        /* events on today, not cancelled, by start time */
  LdTodayList events_tomorrow;     /* events on the next day */
  LdTodayList notices_due;         /* reception days within event.notice_days_ahead days whose
                                    * notice is not printed, soonest first */
  LdTodayList concerns_overdue;    /* referred or in progress, due before today, oldest due first */
  LdTodayList concerns_due_today;
  LdTodayList concerns_due_soon;   /* due after today, within the due-soon days */
  LdTodayList suggestions_overdue; /* due (assigned, re-handling) before today */
  LdTodayList suggestions_due_today;
  LdTodayList suggestions_due_soon;
  LdTodayList feedback_owed;       /* concerns (view feedback_owed), oldest outcome first */
  LdTodayList drafts;              /* unsaved intake drafts (concern_drafts), newest first */
  /* This month at a glance (1st of today's month to today), from ld-report. */
  LdConcernFigures    month_concerns;
  LdSuggestionFigures month_suggestions;
} LdToday;

gboolean     ld_today_compute        (LdStore             *store,
                                      const LdTodayQuery  *query,
                                      LdToday             *today,
                                      GError             **error);
void         ld_today_clear          (LdToday             *today);
/* Whether there is nothing at all to show: a new station (no events, concerns, suggestions). */
gboolean     ld_today_is_new_station (LdStore             *store,
                                      GError             **error);
/* The id of the deputy with this UUID (the caseload-deputy setting), or 0. */
gint64       ld_today_deputy_by_uuid (LdStore             *store,
                                      const char          *uuid,
                                      GError             **error);

G_END_DECLS

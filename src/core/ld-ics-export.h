/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-store.h"

G_BEGIN_DECLS

/*
 * iCalendar (RFC 5545) export of the events in [@from, @to] ("YYYY-MM-DD", inclusive), built
 * with libical.
 *
 * - Times are local to Asia/Shanghai: DTSTART/DTEND carry TZID=Asia/Shanghai and the calendar
 *   holds a VTIMEZONE for it (+0800 all year, no daylight saving since 1991). An event without
 *   a start time is all-day (VALUE=DATE, DTEND the next day).
 * - An event of its own is one VEVENT, UID "<event uuid>@liaisondesk".
 * - A series whose rule RRULE can say exactly is one VEVENT, UID "<series uuid>@liaisondesk",
 *   DTSTART at its first occurrence in the range and an RRULE ending with COUNT when the whole
 *   series lies in the range, else with UNTIL at its last occurrence in the range. Occurrence
 *   dates with no event held (cancelled, skipped for a holiday, or moved out of the range) are
 *   EXDATEs; an occurrence moved by the holiday rule or edited by itself is a VEVENT of the same
 *   UID with RECURRENCE-ID at its occurrence date. The master's DESCRIPTION names the deputies in
 *   turn, since who is on duty changes from one occurrence to the next.
 * - RRULE cannot say "the 29th or 30th, else the month's last day" (BYMONTHDAY skips short
 *   months; the 31st-or-last is BYMONTHDAY=-1), so such a series is exported occurrence by
 *   occurrence, each VEVENT with its event's uuid.
 */

/* Returns: (transfer full): the calendar as text; NULL with @error set. */
char      *ld_ics_export_to_string (LdStore     *store,
                                    const char  *from,
                                    const char  *to,
                                    GError     **error);
/* Writes the calendar to @path atomically: a failed export leaves no partial file and an
 * existing file as it was. */
gboolean   ld_ics_export           (LdStore     *store,
                                    const char  *from,
                                    const char  *to,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS

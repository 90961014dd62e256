/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ld-event.h"
#include "ld-station.h"
#include "ld-store.h"

G_BEGIN_DECLS

/*
 * The reception notice (接待公告) of an event as translated text blocks, ready to be laid out
 * on paper: what a resident reads, in the order they read it. No field is NULL; a block with
 * nothing to say is "".
 */

typedef struct
{
  char *label;   /* "Date" */
  char *value;   /* "Sunday 15 November 2026" */
} LdNoticeItem;

typedef struct
{
  char *name;
  char *level;   /* in the UI language */
  char *group;
} LdNoticeDeputy;

typedef struct
{
  char       *title;             /* "Reception Notice" */
  char       *station;           /* the station's name, under the title */
  char       *lead;              /* the opening paragraph */
  GPtrArray  *details;           /* LdNoticeItem: date, time, place, theme */
  char       *deputies_heading;  /* "Deputies on Duty" */
  char       *deputy_columns[3]; /* name, level, group */
  GPtrArray  *deputies;          /* LdNoticeDeputy, in the event's order */
  char       *bring_heading;     /* "What to Bring" */
  char       *bring;
  char       *contact;           /* "Telephone: …", or "" without a phone */
  char       *signature;         /* the reporting unit */
  char       *issue_date;        /* the date of issue */
} LdNotice;

/*
 * Returns: (transfer full): the notice of @event held at @station, with @deputies (LdDeputy,
 * the deputies on duty in the order to print) and issued on @issued. A pure function.
 */
LdNotice   *ld_notice_new       (LdStation   *station,
                                 LdEvent     *event,
                                 GPtrArray   *deputies,
                                 GDateTime   *issued);
/* The notice of the event @event_id as the store has it; NULL with @error set. */
LdNotice   *ld_notice_load      (LdStore     *store,
                                 gint64       event_id,
                                 GDateTime   *issued,
                                 GError     **error);
void        ld_notice_free      (LdNotice    *notice);

/* Every block joined as plain text, one per line; for tests and the clipboard. */
char       *ld_notice_to_text   (LdNotice    *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdNotice, ld_notice_free)

G_END_DECLS

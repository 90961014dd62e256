/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ld-recurrence.h"

G_BEGIN_DECLS

/*
 * One row of event_series with its rotation (event_series_rotation): a recurring reception day
 * or visit. Kinds and text conventions as for LdEvent; times "HH:MM" or "".
 */

#define LD_TYPE_EVENT_SERIES (ld_event_series_get_type ())

G_DECLARE_FINAL_TYPE (LdEventSeries, ld_event_series, LD, EVENT_SERIES, GObject)

/* A reception day, with ld_recurrence_init()'s rule (no start date yet) and no rotation. */
LdEventSeries  *ld_event_series_new            (void);
LdEventSeries  *ld_event_series_copy           (LdEventSeries       *self);

gint64          ld_event_series_get_id         (LdEventSeries       *self);
void            ld_event_series_set_id         (LdEventSeries       *self,
                                                gint64               id);
gint64          ld_event_series_get_station_id (LdEventSeries       *self);
void            ld_event_series_set_station_id (LdEventSeries       *self,
                                                gint64               station_id);
const char     *ld_event_series_get_kind       (LdEventSeries       *self);
void            ld_event_series_set_kind       (LdEventSeries       *self,
                                                const char          *kind);
const char     *ld_event_series_get_theme      (LdEventSeries       *self);
void            ld_event_series_set_theme      (LdEventSeries       *self,
                                                const char          *theme);
const char     *ld_event_series_get_place      (LdEventSeries       *self);
void            ld_event_series_set_place      (LdEventSeries       *self,
                                                const char          *place);
const char     *ld_event_series_get_start_time (LdEventSeries       *self);
void            ld_event_series_set_start_time (LdEventSeries       *self,
                                                const char          *start_time);
const char     *ld_event_series_get_end_time   (LdEventSeries       *self);
void            ld_event_series_set_end_time   (LdEventSeries       *self,
                                                const char          *end_time);
const char     *ld_event_series_get_notes      (LdEventSeries       *self);
void            ld_event_series_set_notes      (LdEventSeries       *self,
                                                const char          *notes);

/* The rule, by value. The setter emits notify::recurrence when anything differs. */
void            ld_event_series_get_recurrence (LdEventSeries       *self,
                                                LdRecurrence        *recurrence);
void            ld_event_series_set_recurrence (LdEventSeries       *self,
                                                const LdRecurrence  *recurrence);

/* The deputies in turn (A, B, C, A, …), ordered deputy ids. Returns: (array length=n_ids)
 * (transfer none): valid until the rotation is set again. */
const gint64   *ld_event_series_get_rotation   (LdEventSeries       *self,
                                                guint               *n_ids);
void            ld_event_series_set_rotation   (LdEventSeries       *self,
                                                const gint64        *ids,
                                                guint                n_ids);

/*
 * The validation rule of the series editor, a pure function: ld_recurrence_validate()'s fields
 * and messages, plus "kind", "theme", "place", "notes", "start-time", "end-time" as for
 * ld_event_validate(), and "rotation": a reception day needs at least one deputy, and no deputy
 * is in the rotation twice.
 */
GHashTable     *ld_event_series_validate       (LdEventSeries       *self);

G_END_DECLS

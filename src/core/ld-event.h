/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * One row of events: a reception day, duty day, visit, forum, … with its deputies.
 *
 * Kinds, as stored: "reception_day", "duty", "visit_enterprise", "visit_community",
 * "visit_village", "visit_constituency", "forum", "hearing", "council", "other".
 * Statuses: "planned", "held", "cancelled".
 * Text properties are never NULL: "" stands for an empty column. Dates are "YYYY-MM-DD", times
 * "HH:MM", notice-printed-at "YYYY-MM-DDTHH:MM:SSZ".
 */

#define LD_TYPE_EVENT (ld_event_get_type ())

G_DECLARE_FINAL_TYPE (LdEvent, ld_event, LD, EVENT, GObject)

/* The role of a deputy at an event (event_deputies.role). A deputy on duty who came is both
 * ON_DUTY and ATTENDED; one on leave is ON_DUTY and ON_LEAVE. */
typedef enum
{
  LD_EVENT_ROLE_ON_DUTY,
  LD_EVENT_ROLE_ON_LEAVE,
  LD_EVENT_ROLE_ATTENDED,
} LdEventRole;

#define LD_EVENT_N_ROLES 3

LdEvent            *ld_event_new                   (void);
/* A deep copy, deputies included: the editor edits a copy. */
LdEvent            *ld_event_copy                  (LdEvent      *self);

gint64              ld_event_get_id                (LdEvent      *self);
void                ld_event_set_id                (LdEvent      *self,
                                                    gint64        id);
gint64              ld_event_get_station_id        (LdEvent      *self);
void                ld_event_set_station_id        (LdEvent      *self,
                                                    gint64        station_id);
const char         *ld_event_get_kind              (LdEvent      *self);
void                ld_event_set_kind              (LdEvent      *self,
                                                    const char   *kind);
const char         *ld_event_get_status            (LdEvent      *self);
void                ld_event_set_status            (LdEvent      *self,
                                                    const char   *status);
const char         *ld_event_get_date              (LdEvent      *self);
void                ld_event_set_date              (LdEvent      *self,
                                                    const char   *date);
const char         *ld_event_get_start_time        (LdEvent      *self);
void                ld_event_set_start_time        (LdEvent      *self,
                                                    const char   *start_time);
const char         *ld_event_get_end_time          (LdEvent      *self);
void                ld_event_set_end_time          (LdEvent      *self,
                                                    const char   *end_time);
const char         *ld_event_get_place             (LdEvent      *self);
void                ld_event_set_place             (LdEvent      *self,
                                                    const char   *place);
const char         *ld_event_get_theme             (LdEvent      *self);
void                ld_event_set_theme             (LdEvent      *self,
                                                    const char   *theme);
const char         *ld_event_get_notes             (LdEvent      *self);
void                ld_event_set_notes             (LdEvent      *self,
                                                    const char   *notes);
/* 0 for an event of its own; else the series it is an occurrence of. */
gint64              ld_event_get_series_id         (LdEvent      *self);
void                ld_event_set_series_id         (LdEvent      *self,
                                                    gint64        series_id);
/* The date of the series the event stands for ("" without a series); the event itself may be
 * held on another date (holiday rule, moved by hand). */
const char         *ld_event_get_occurrence_date   (LdEvent      *self);
void                ld_event_set_occurrence_date   (LdEvent      *self,
                                                    const char   *occurrence_date);
const char         *ld_event_get_notice_printed_at (LdEvent      *self);
void                ld_event_set_notice_printed_at (LdEvent      *self,
                                                    const char   *notice_printed_at);

/* Returns: (transfer full) (element-type gint64): the deputies with @role, in the order set. */
GArray             *ld_event_get_deputy_ids        (LdEvent      *self,
                                                    LdEventRole   role);
/* Replaces the deputies with @role; duplicates are dropped. Emits notify::deputies. */
void                ld_event_set_deputies          (LdEvent      *self,
                                                    LdEventRole   role,
                                                    const gint64 *ids,
                                                    guint         n_ids);
gboolean            ld_event_has_deputy            (LdEvent      *self,
                                                    LdEventRole   role,
                                                    gint64        deputy_id);

/* The kind or status in the UI language ("Reception day" / "接待日"); NULL when unknown. */
const char         *ld_event_kind_to_string        (const char   *kind);
const char         *ld_event_status_to_string      (const char   *status);
/* NULL-terminated lists of the stored values, in the order a menu shows them. */
const char * const *ld_event_kinds                 (void);
const char * const *ld_event_statuses              (void);
/* The event_deputies.role value ("on_duty") and back; from_string is FALSE for unknown. */
const char         *ld_event_role_to_id            (LdEventRole   role);
gboolean            ld_event_role_from_id          (const char   *text,
                                                    LdEventRole  *role);

/*
 * The validation rule of the event editor, a pure function: field (property name) → message
 * for every field that cannot be saved; empty when it can. A valid date; times "HH:MM" and the
 * end after the start; a reception day has at least one deputy on duty ("deputies"); nobody
 * both attended and on leave ("deputies"); a known kind and status; an occurrence of a series
 * has a valid occurrence-date; place and theme up to 200 characters, notes up to 2,000.
 */
GHashTable         *ld_event_validate              (LdEvent      *self);

G_END_DECLS

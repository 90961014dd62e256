/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ld-workflow.h"

G_BEGIN_DECLS

/*
 * One concern (群众意见建议) as the intake form and the concern page edit it: the row of
 * `concerns`, the resident's fields (from `residents`) and the receiving deputies. The names of
 * the category, channel and unit are filled in by the store when it loads a concern, for lists.
 *
 * Each field is a GObject property of the same name with '-' for '_' (e.g. "received-at"),
 * notified only when it changes. Times are stored UTC "YYYY-MM-DDTHH:MM:SSZ"; dates are local
 * "YYYY-MM-DD". Place kinds: NULL, "enterprise", "community", "village", "constituency".
 * Urgency: "normal", "urgent".
 */

#define LD_TYPE_CONCERN (ld_concern_get_type ())

G_DECLARE_FINAL_TYPE (LdConcern, ld_concern, LD, CONCERN, GObject)

LdConcern   *ld_concern_new                  (void);
LdConcern   *ld_concern_copy                 (LdConcern    *self);
/* Whether the fields the form edits are the same (not id, uuid, state or dates of the workflow). */
gboolean     ld_concern_equal                (LdConcern    *a,
                                              LdConcern    *b);

gint64       ld_concern_get_id               (LdConcern    *self);
void         ld_concern_set_id               (LdConcern    *self,
                                              gint64        id);
const char  *ld_concern_get_uuid             (LdConcern    *self);
void         ld_concern_set_uuid             (LdConcern    *self,
                                              const char   *uuid);
gint64       ld_concern_get_station_id       (LdConcern    *self);
void         ld_concern_set_station_id       (LdConcern    *self,
                                              gint64        station_id);
/* The reference number 编号 is ref-year and ref-seq; 0 until registered. */
guint        ld_concern_get_ref_year         (LdConcern    *self);
void         ld_concern_set_ref_year         (LdConcern    *self,
                                              guint         year);
guint        ld_concern_get_ref_seq          (LdConcern    *self);
void         ld_concern_set_ref_seq          (LdConcern    *self,
                                              guint         seq);
/* "2026-0153", or NULL before registration. Read-only property "reference". */
char        *ld_concern_dup_reference        (LdConcern    *self);
const char  *ld_concern_get_received_at      (LdConcern    *self);
void         ld_concern_set_received_at      (LdConcern    *self,
                                              const char   *received_at);
gint64       ld_concern_get_channel_id       (LdConcern    *self);
void         ld_concern_set_channel_id       (LdConcern    *self,
                                              gint64        channel_id);
gint64       ld_concern_get_event_id         (LdConcern    *self);
void         ld_concern_set_event_id         (LdConcern    *self,
                                              gint64        event_id);
gint64       ld_concern_get_resident_id      (LdConcern    *self);
void         ld_concern_set_resident_id      (LdConcern    *self,
                                              gint64        resident_id);
const char  *ld_concern_get_resident_name    (LdConcern    *self);
void         ld_concern_set_resident_name    (LdConcern    *self,
                                              const char   *name);
const char  *ld_concern_get_resident_phone   (LdConcern    *self);
void         ld_concern_set_resident_phone   (LdConcern    *self,
                                              const char   *phone);
const char  *ld_concern_get_resident_address (LdConcern    *self);
void         ld_concern_set_resident_address (LdConcern    *self,
                                              const char   *address);
/* The resident's community or village. */
const char  *ld_concern_get_resident_community (LdConcern  *self);
void         ld_concern_set_resident_community (LdConcern  *self,
                                                const char *community);
gboolean     ld_concern_get_confidential     (LdConcern    *self);
void         ld_concern_set_confidential     (LdConcern    *self,
                                              gboolean      confidential);
gint64       ld_concern_get_category_id      (LdConcern    *self);
void         ld_concern_set_category_id      (LdConcern    *self,
                                              gint64        category_id);
const char  *ld_concern_get_place_kind       (LdConcern    *self);
void         ld_concern_set_place_kind       (LdConcern    *self,
                                              const char   *place_kind);
const char  *ld_concern_get_place            (LdConcern    *self);
void         ld_concern_set_place            (LdConcern    *self,
                                              const char   *place);
const char  *ld_concern_get_subject          (LdConcern    *self);
void         ld_concern_set_subject          (LdConcern    *self,
                                              const char   *subject);
/* The resident's own words (原话原意): kept as typed, newlines included. */
const char  *ld_concern_get_details          (LdConcern    *self);
void         ld_concern_set_details          (LdConcern    *self,
                                              const char   *details);
const char  *ld_concern_get_urgency          (LdConcern    *self);
void         ld_concern_set_urgency          (LdConcern    *self,
                                              const char   *urgency);
/* Receiving deputies: ids in the order chosen. The array is the concern's; do not change it. */
GArray      *ld_concern_get_deputy_ids       (LdConcern    *self);
void         ld_concern_set_deputy_ids       (LdConcern    *self,
                                              const gint64 *ids,
                                              guint         n_ids);
gint64       ld_concern_get_duplicate_of     (LdConcern    *self);
void         ld_concern_set_duplicate_of     (LdConcern    *self,
                                              gint64        concern_id);

/* The workflow's fields: set by the store, read by the views. */
LdConcernState ld_concern_get_state          (LdConcern    *self);
void         ld_concern_set_state            (LdConcern    *self,
                                              LdConcernState state);
const char  *ld_concern_get_redirect_reason  (LdConcern    *self);
void         ld_concern_set_redirect_reason  (LdConcern    *self,
                                              const char   *reason);
const char  *ld_concern_get_outcome          (LdConcern    *self);
void         ld_concern_set_outcome          (LdConcern    *self,
                                              const char   *outcome);
gint64       ld_concern_get_unit_id          (LdConcern    *self);
void         ld_concern_set_unit_id          (LdConcern    *self,
                                              gint64        unit_id);
const char  *ld_concern_get_referred_date    (LdConcern    *self);
void         ld_concern_set_referred_date    (LdConcern    *self,
                                              const char   *date);
const char  *ld_concern_get_due_date         (LdConcern    *self);
void         ld_concern_set_due_date         (LdConcern    *self,
                                              const char   *date);
const char  *ld_concern_get_concluded_date   (LdConcern    *self);
void         ld_concern_set_concluded_date   (LdConcern    *self,
                                              const char   *date);
const char  *ld_concern_get_feedback_date    (LdConcern    *self);
void         ld_concern_set_feedback_date    (LdConcern    *self,
                                              const char   *date);
const char  *ld_concern_get_satisfaction     (LdConcern    *self);
void         ld_concern_set_satisfaction     (LdConcern    *self,
                                              const char   *satisfaction);
const char  *ld_concern_get_created_at       (LdConcern    *self);
void         ld_concern_set_created_at       (LdConcern    *self,
                                              const char   *created_at);
const char  *ld_concern_get_updated_at       (LdConcern    *self);
void         ld_concern_set_updated_at       (LdConcern    *self,
                                              const char   *updated_at);

/* Display names filled in by the store (in the UI language; NULL when unset). */
const char  *ld_concern_get_category_name    (LdConcern    *self);
void         ld_concern_set_category_name    (LdConcern    *self,
                                              const char   *name);
const char  *ld_concern_get_channel_name     (LdConcern    *self);
void         ld_concern_set_channel_name     (LdConcern    *self,
                                              const char   *name);
const char  *ld_concern_get_unit_name        (LdConcern    *self);
void         ld_concern_set_unit_name        (LdConcern    *self,
                                              const char   *name);

/* The resident as lists show them: "张**" when confidential (ld_mask_name()), the name
 * otherwise, "Anonymous" / "匿名" without one. */
char        *ld_concern_dup_resident_display (LdConcern    *self);
/* Whether it is referred or in progress and its due date is before @today ("YYYY-MM-DD"). */
gboolean     ld_concern_is_overdue           (LdConcern    *self,
                                              const char   *today);

/* Place kinds and urgency in the UI language. */
const char  *ld_place_kind_to_string         (const char   *place_kind);
const char * const *ld_place_kinds           (void);
const char  *ld_urgency_to_string            (const char   *urgency);

/*
 * The validation rule of the intake form, a pure function: field (property name) → message
 * for every invalid field; empty when the concern can be saved. @now is the current time:
 * received-at is required, a real time, and not after @now (a minute's grace). Channel,
 * category and subject are required; subject up to 200 characters on one line, details up to
 * 20,000 (newlines and tabs allowed), resident name up to 50, address, community and place up
 * to 200; valid UTF-8 without control characters; a valid phone (ld_phone_normalize()); a known
 * place kind and urgency.
 */
GHashTable  *ld_concern_validate             (LdConcern    *self,
                                              GDateTime    *now);

/* The form's fields (not the workflow's) as a GVariant a{sv} text, for drafts; and back. A text
 * that does not parse gives a new, empty concern (and a FALSE @ok). */
char        *ld_concern_to_draft             (LdConcern    *self);
LdConcern   *ld_concern_new_from_draft       (const char   *draft,
                                              gboolean     *ok);

G_END_DECLS

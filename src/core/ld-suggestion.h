/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ld-workflow.h"

G_BEGIN_DECLS

/*
 * One deputy suggestion (代表建议) as the suggestion form and page edit it: the row of
 * `suggestions` with its deputies (`suggestion_deputies`), units (`suggestion_units`) and the
 * concerns it was built from (`suggestion_concerns`). Display names are filled in by the store
 * when it loads a suggestion, for lists.
 *
 * Each scalar field is a GObject property of the same name with '-' for '_' (e.g.
 * "assigned-date"), notified only when it changes; the id lists are plain getters and setters.
 * Dates are local "YYYY-MM-DD"; times UTC "YYYY-MM-DDTHH:MM:SSZ". Evaluations are the
 * satisfaction ids of ld-workflow.h ("satisfied", "basically_satisfied", "dissatisfied").
 */

#define LD_TYPE_SUGGESTION (ld_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (LdSuggestion, ld_suggestion, LD, SUGGESTION, GObject)

LdSuggestion *ld_suggestion_new                (void);
LdSuggestion *ld_suggestion_copy               (LdSuggestion *self);
/* Whether the fields the form edits are the same (title, content, number, category, deputies,
 * units, concerns, submitted date, key supervision, supervisor, notes). */
gboolean     ld_suggestion_equal               (LdSuggestion *a,
                                                LdSuggestion *b);

gint64       ld_suggestion_get_id              (LdSuggestion *self);
void         ld_suggestion_set_id              (LdSuggestion *self,
                                                gint64        id);
const char  *ld_suggestion_get_uuid            (LdSuggestion *self);
void         ld_suggestion_set_uuid            (LdSuggestion *self,
                                                const char   *uuid);
gint64       ld_suggestion_get_station_id      (LdSuggestion *self);
void         ld_suggestion_set_station_id      (LdSuggestion *self,
                                                gint64        station_id);
/* The number the congress gives it (e.g. "第0123号"); NULL until it has one. */
const char  *ld_suggestion_get_number          (LdSuggestion *self);
void         ld_suggestion_set_number          (LdSuggestion *self,
                                                const char   *number);
const char  *ld_suggestion_get_title           (LdSuggestion *self);
void         ld_suggestion_set_title           (LdSuggestion *self,
                                                const char   *title);
const char  *ld_suggestion_get_content         (LdSuggestion *self);
void         ld_suggestion_set_content         (LdSuggestion *self,
                                                const char   *content);
gint64       ld_suggestion_get_category_id     (LdSuggestion *self);
void         ld_suggestion_set_category_id     (LdSuggestion *self,
                                                gint64        category_id);
/* 领衔代表 (0: none yet) and 联名代表 (ids in the order chosen; the array is the
 * suggestion's, do not change it). */
gint64       ld_suggestion_get_lead_deputy_id  (LdSuggestion *self);
void         ld_suggestion_set_lead_deputy_id  (LdSuggestion *self,
                                                gint64        deputy_id);
GArray      *ld_suggestion_get_co_signer_ids   (LdSuggestion *self);
void         ld_suggestion_set_co_signer_ids   (LdSuggestion *self,
                                                const gint64 *ids,
                                                guint         n_ids);
/* 主办单位 (0: not assigned yet) and 协办单位. */
gint64       ld_suggestion_get_lead_unit_id    (LdSuggestion *self);
void         ld_suggestion_set_lead_unit_id    (LdSuggestion *self,
                                                gint64        unit_id);
GArray      *ld_suggestion_get_co_unit_ids     (LdSuggestion *self);
void         ld_suggestion_set_co_unit_ids     (LdSuggestion *self,
                                                const gint64 *ids,
                                                guint         n_ids);
/* The concerns it was built from. */
GArray      *ld_suggestion_get_concern_ids     (LdSuggestion *self);
void         ld_suggestion_set_concern_ids     (LdSuggestion *self,
                                                const gint64 *ids,
                                                guint         n_ids);
const char  *ld_suggestion_get_submitted_date  (LdSuggestion *self);
void         ld_suggestion_set_submitted_date  (LdSuggestion *self,
                                                const char   *date);
gboolean     ld_suggestion_get_key_supervision (LdSuggestion *self);
void         ld_suggestion_set_key_supervision (LdSuggestion *self,
                                                gboolean      key_supervision);
const char  *ld_suggestion_get_supervisor      (LdSuggestion *self);
void         ld_suggestion_set_supervisor      (LdSuggestion *self,
                                                const char   *supervisor);
const char  *ld_suggestion_get_notes           (LdSuggestion *self);
void         ld_suggestion_set_notes           (LdSuggestion *self,
                                                const char   *notes);

/* The workflow's fields: set by the store, read by the views. */
LdSuggestionState ld_suggestion_get_state      (LdSuggestion *self);
void         ld_suggestion_set_state           (LdSuggestion *self,
                                                LdSuggestionState state);
const char  *ld_suggestion_get_assigned_date   (LdSuggestion *self);
void         ld_suggestion_set_assigned_date   (LdSuggestion *self,
                                                const char   *date);
const char  *ld_suggestion_get_initial_due_date (LdSuggestion *self);
void         ld_suggestion_set_initial_due_date (LdSuggestion *self,
                                                 const char   *date);
/* The deadline in force: extended, or the re-handling deadline. */
const char  *ld_suggestion_get_due_date        (LdSuggestion *self);
void         ld_suggestion_set_due_date        (LdSuggestion *self,
                                                const char   *date);
const char  *ld_suggestion_get_returned_date   (LdSuggestion *self);
void         ld_suggestion_set_returned_date   (LdSuggestion *self,
                                                const char   *date);
const char  *ld_suggestion_get_return_reason   (LdSuggestion *self);
void         ld_suggestion_set_return_reason   (LdSuggestion *self,
                                                const char   *reason);
const char  *ld_suggestion_get_extension_date  (LdSuggestion *self);
void         ld_suggestion_set_extension_date  (LdSuggestion *self,
                                                const char   *date);
const char  *ld_suggestion_get_extension_reason (LdSuggestion *self);
void         ld_suggestion_set_extension_reason (LdSuggestion *self,
                                                 const char   *reason);
const char  *ld_suggestion_get_answer_date     (LdSuggestion *self);
void         ld_suggestion_set_answer_date     (LdSuggestion *self,
                                                const char   *date);
gint64       ld_suggestion_get_answer_class_id (LdSuggestion *self);
void         ld_suggestion_set_answer_class_id (LdSuggestion *self,
                                                gint64        answer_class_id);
const char  *ld_suggestion_get_answer_text     (LdSuggestion *self);
void         ld_suggestion_set_answer_text     (LdSuggestion *self,
                                                const char   *text);
/* 面商: the answer was given in a face-to-face consultation with the deputies. */
gboolean     ld_suggestion_get_answer_face_to_face (LdSuggestion *self);
void         ld_suggestion_set_answer_face_to_face (LdSuggestion *self,
                                                    gboolean      face_to_face);
const char  *ld_suggestion_get_evaluation      (LdSuggestion *self);
void         ld_suggestion_set_evaluation      (LdSuggestion *self,
                                                const char   *evaluation);
const char  *ld_suggestion_get_evaluation_date (LdSuggestion *self);
void         ld_suggestion_set_evaluation_date (LdSuggestion *self,
                                                const char   *date);
guint        ld_suggestion_get_rehandling_count (LdSuggestion *self);
void         ld_suggestion_set_rehandling_count (LdSuggestion *self,
                                                 guint         count);
/* 并案: the suggestion this one is handled with (0: none). */
gint64       ld_suggestion_get_merged_into     (LdSuggestion *self);
void         ld_suggestion_set_merged_into     (LdSuggestion *self,
                                                gint64        suggestion_id);
const char  *ld_suggestion_get_created_at      (LdSuggestion *self);
void         ld_suggestion_set_created_at      (LdSuggestion *self,
                                                const char   *created_at);
const char  *ld_suggestion_get_updated_at      (LdSuggestion *self);
void         ld_suggestion_set_updated_at      (LdSuggestion *self,
                                                const char   *updated_at);

/* Display names filled in by the store (UI language; NULL when unset). */
const char  *ld_suggestion_get_category_name   (LdSuggestion *self);
void         ld_suggestion_set_category_name   (LdSuggestion *self,
                                                const char   *name);
const char  *ld_suggestion_get_lead_deputy_name (LdSuggestion *self);
void         ld_suggestion_set_lead_deputy_name (LdSuggestion *self,
                                                 const char   *name);
const char  *ld_suggestion_get_lead_unit_name  (LdSuggestion *self);
void         ld_suggestion_set_lead_unit_name  (LdSuggestion *self,
                                                const char   *name);
const char  *ld_suggestion_get_answer_class_name (LdSuggestion *self);
void         ld_suggestion_set_answer_class_name (LdSuggestion *self,
                                                  const char   *name);
/* Whether it has a row in the rolling supervision ledger (滚动督办), any year. */
gboolean     ld_suggestion_get_rolling         (LdSuggestion *self);
void         ld_suggestion_set_rolling         (LdSuggestion *self,
                                                gboolean      rolling);

/* The number, or "—" before it has one (for lists). */
const char  *ld_suggestion_get_number_display  (LdSuggestion *self);

/*
 * The validation rule of the suggestion form, a pure function: field (property name, or
 * "co-signer-ids", "co-unit-ids", "concern-ids") → message for every invalid field; empty when
 * it can be saved. Title required, up to 200 characters on one line; content up to 20,000
 * (newlines and tabs allowed); number up to 50 and supervisor up to 50 on one line; notes up to
 * 5,000; valid UTF-8 without control characters; a lead deputy; the lead deputy not also a
 * co-signer and no deputy, unit or concern twice; the lead unit not also a co-unit; a real
 * submitted date not after @today ("YYYY-MM-DD"); a supervisor only with key supervision.
 */
GHashTable  *ld_suggestion_validate            (LdSuggestion *self,
                                                const char   *today);

G_END_DECLS

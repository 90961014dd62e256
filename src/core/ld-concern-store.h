/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-concern.h"
#include "ld-store.h"
#include "ld-workflow.h"

G_BEGIN_DECLS

/*
 * The SQL of concerns, their residents, timeline and drafts. Writes run in one
 * ld_database_begin_immediate() … commit and then emit LdStore::changed ("concern", id); a
 * draft write emits nothing. Every write appends to the concern's timeline with @operator.
 * Built for a district's million concerns: lists are ids in SQL order on indexes, rows are
 * loaded by id, search goes through the "ld_bigram" FTS5 index (ld-fts.h).
 */

typedef enum
{
  LD_CONCERN_SORT_RECEIVED,    /* received_at, then id */
  LD_CONCERN_SORT_REFERENCE,   /* ref_year, ref_seq */
  LD_CONCERN_SORT_STATE,       /* workflow order, then received_at */
  LD_CONCERN_SORT_DUE,         /* due_date (those without one last), then id */
} LdConcernSort;

/* What the concerns list shows; 0 / NULL / FALSE fields filter nothing. */
typedef struct
{
  const char    *search;         /* full text: subject, details, place, resident name */
  guint          state_mask;     /* 1 << LdConcernState for each state shown; 0: all */
  gint64         category_id;
  gint64         channel_id;
  gint64         deputy_id;      /* among the receiving deputies */
  gint64         unit_id;
  const char    *from_date;      /* local "YYYY-MM-DD", received on or after */
  const char    *to_date;        /* local "YYYY-MM-DD", received on or before */
  gboolean       overdue_only;   /* referred or in progress, due before @today */
  gboolean       confidential_only;
  const char    *today;          /* local "YYYY-MM-DD", for overdue_only */
  LdConcernSort  sort;
  gboolean       descending;
} LdConcernQuery;

/* One row of a concern's timeline, oldest first. */
typedef struct
{
  gint64  id;
  char   *at;           /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
  char   *operator;
  char   *action;       /* "create", "edit", an LdConcernAction id, "link_duplicate" */
  int     from_state;   /* LdConcernState, or -1 */
  int     to_state;     /* LdConcernState, or -1 */
  char   *note;         /* (nullable) */
  char   *changes;      /* (nullable) JSON object {"field": [old, new]} of an edit */
  /* Read out of @changes for ld_timeline_entry_describe() (all nullable): */
  char   *fields;       /* the edited fields, comma-separated property names */
  char   *unit;         /* the unit referred to */
  char   *due_date;     /* the due date of a referral */
  char   *reason;       /* the redirect reason id */
  char   *satisfaction; /* the satisfaction id at feedback */
  char   *outcome;      /* what was answered or concluded */
} LdTimelineEntry;

void         ld_timeline_entry_free            (LdTimelineEntry *entry);
/* What happened, in the UI language: "Referred to 市城管局, due 2026-12-15", "Edited: subject". */
char        *ld_timeline_entry_describe        (const LdTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdTimelineEntry, ld_timeline_entry_free)

/* What a transition records besides the state; which fields it needs is said at LdConcernAction. */
typedef struct
{
  const char  *note;             /* chase, reopen (required), note (required), any other */
  const char  *outcome;          /* answer, conclude (required) */
  const char  *redirect_reason;  /* redirect (required) */
  gint64       unit_id;          /* refer (required) */
  const char  *date;             /* local "YYYY-MM-DD" of refer/conclude/feedback; NULL: today */
  const char  *satisfaction;     /* give_feedback (optional) */
} LdConcernTransition;

/* ------------------------------------------------------------------ records */

/* Registers a new concern (id 0): validates it (LD_VALIDATION_ERROR_INVALID with the first
 * message), finds or adds its resident (by normalised phone, else a new resident when a name or
 * phone is given), takes the next reference number of its station and year gap-free, links the
 * receiving deputies, appends "create" to the timeline (and "link_duplicate" when duplicate-of
 * is set), and deletes the draft @draft_id (0: none) in the same transaction. A concern with a
 * redirect-reason is out of scope from the start: it is redirected in that same transaction
 * (LD_CONCERN_ACTION_REDIRECT), so it is registered redirected or not at all. Sets id, uuid,
 * ref-year, ref-seq, resident-id, state and times on @concern; leaves it unchanged on failure. */
gboolean     ld_concern_store_register         (LdStore               *store,
                                                LdConcern             *concern,
                                                gint64                 draft_id,
                                                const char            *operator,
                                                GError               **error);
/* Saves the form's fields of an existing concern; the timeline gets "edit" with the changed
 * fields. Nothing changed: no write, no timeline row, TRUE. */
gboolean     ld_concern_store_update           (LdStore               *store,
                                                LdConcern             *concern,
                                                const char            *operator,
                                                GError               **error);
/* Takes @action on concern @id if the workflow allows it in its current state
 * (G_IO_ERROR_NOT_SUPPORTED otherwise, in plain words), with the fields @args the action needs
 * (LD_VALIDATION_ERROR_REQUIRED when one is missing). Refer computes the due date from the
 * category's time limit in working days (ld_concern_store_due_date()). Reopen clears the
 * referral, conclusion and feedback so the concern can take its course again. */
gboolean     ld_concern_store_transition       (LdStore               *store,
                                                gint64                 id,
                                                LdConcernAction        action,
                                                const LdConcernTransition *args,
                                                const char            *operator,
                                                GError               **error);
/* The due date ("YYYY-MM-DD") of a referral made on @referred_date of a concern of this
 * category: the category's time limit, else the setting concern.time_limit_working_days, in
 * working days of the working-day calendar. */
char        *ld_concern_store_due_date         (LdStore               *store,
                                                gint64                 category_id,
                                                const char            *referred_date,
                                                GError               **error);

LdConcern   *ld_concern_store_get              (LdStore               *store,
                                                gint64                 id,
                                                GError               **error);
/* The ids of the concerns @query selects, in its order. */
GArray      *ld_concern_store_query_ids        (LdStore               *store,
                                                const LdConcernQuery  *query,
                                                GError               **error);
/* How many concerns @query selects, without listing them. */
gint64       ld_concern_store_count            (LdStore               *store,
                                                const LdConcernQuery  *query,
                                                GError               **error);
/* The concerns with these ids, with display names (same order out; missing ids skipped). */
GPtrArray   *ld_concern_store_load             (LdStore               *store,
                                                const gint64          *ids,
                                                guint                  n_ids,
                                                GError               **error);
/* Returns: (element-type LdTimelineEntry): the timeline of concern @id, oldest first. */
GPtrArray   *ld_concern_store_timeline         (LdStore               *store,
                                                gint64                 id,
                                                GError               **error);

/* Up to @limit open concerns whose text is most like @subject (full-text, best first), not
 * @exclude_id; empty for a subject shorter than two characters. */
GPtrArray   *ld_concern_store_find_similar     (LdStore               *store,
                                                const char            *subject,
                                                gint64                 exclude_id,
                                                guint                  limit,
                                                GError               **error);
/* The earlier concerns of the resident with this phone (normalised first), newest first, up to
 * @limit; empty when the phone is not valid or unknown. */
GPtrArray   *ld_concern_store_find_by_phone    (LdStore               *store,
                                                const char            *phone,
                                                guint                  limit,
                                                GError               **error);

/* Today's reception: the first event on @today (local date) that is a reception day or a duty
 * day and not cancelled, or 0; @deputy_ids (optional, transfer full) gets its deputies on duty. */
gint64       ld_concern_store_todays_reception (LdStore               *store,
                                                const char            *today,
                                                GArray               **deputy_ids,
                                                GError               **error);
/* The id of the channel with this seed key ("reception_day"), or 0. */
gint64       ld_concern_store_channel_by_seed  (LdStore               *store,
                                                const char            *seed_key,
                                                GError               **error);

/* ------------------------------------------------------------------ drafts */

/* Saves the form text @draft (ld_concern_to_draft()) as draft @draft_id, or as a new draft when
 * it is 0; returns the draft's id, 0 with @error set. @concern_id: the concern it edits, or 0. */
gint64       ld_concern_store_save_draft       (LdStore               *store,
                                                gint64                 draft_id,
                                                gint64                 concern_id,
                                                const char            *draft,
                                                const char            *operator,
                                                GError               **error);
gboolean     ld_concern_store_delete_draft     (LdStore               *store,
                                                gint64                 draft_id,
                                                GError               **error);
/* The newest draft of a new concern (concern_id 0 → intake) or of concern @concern_id, or NULL;
 * @draft_id gets its id. */
char        *ld_concern_store_latest_draft     (LdStore               *store,
                                                gint64                 concern_id,
                                                gint64                *draft_id,
                                                GError               **error);

G_END_DECLS

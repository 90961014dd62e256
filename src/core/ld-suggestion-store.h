/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-concern-store.h"
#include "ld-deadline.h"
#include "ld-store.h"
#include "ld-suggestion.h"
#include "ld-workflow.h"

G_BEGIN_DECLS

/*
 * The SQL of deputy suggestions: records, their deputies, units and concerns, the timeline, the
 * rolling supervision ledger and the feedback owed to residents. As in ld-concern-store.h,
 * writes run in one ld_database_begin_immediate() … commit, append to the timeline with
 * @operator, and then emit LdStore::changed ("suggestion", id) — and ("concern", id) for each
 * linked concern they touched. Lists are ids in SQL order on indexes; rows are loaded by id.
 */

typedef enum
{
  LD_SUGGESTION_SORT_CREATED,   /* created_at, then id */
  LD_SUGGESTION_SORT_NUMBER,    /* number (those without one last), then id */
  LD_SUGGESTION_SORT_STATE,     /* workflow order, then created_at */
  LD_SUGGESTION_SORT_DUE,       /* due_date (those without one last), then id */
} LdSuggestionSort;

/* What the suggestions list shows; 0 / NULL / FALSE fields filter nothing. */
typedef struct
{
  const char       *search;          /* full text: title, content, number */
  guint             state_mask;      /* 1 << LdSuggestionState for each state shown; 0: all */
  gint64            category_id;
  gint64            deputy_id;       /* lead or co-signer */
  gint64            unit_id;         /* lead or co-handling */
  guint             year;            /* of the submitted date, else of the creation */
  gboolean          key_supervision_only;
  gboolean          rolling_only;    /* in the rolling supervision ledger (any year) */
  gboolean          overdue_only;    /* due (assigned, rehandling) and due before @today */
  gboolean          due_soon_only;   /* due within the due-soon days of @today, not overdue */
  const char       *today;           /* local "YYYY-MM-DD", for overdue_only and due_soon_only */
  LdSuggestionSort  sort;
  gboolean          descending;
} LdSuggestionQuery;

/* The deadlines a locality sets (settings table, suggestion.* and deadline.due_soon_days). */
typedef struct
{
  int answer_due_months;        /* 3: reply due after assignment, calendar months */
  int co_unit_opinion_months;   /* 1: a co-handling unit's opinion to the lead unit */
  int return_working_days;      /* 7: the window in which a unit may return it */
  int extension_max_months;     /* 3: how far an extension may move the first due date */
  int rehandling_months;        /* 1: the new reply after 不满意 */
  int due_soon_days;            /* 7: "due soon" in the 三色 colours */
} LdSuggestionDeadlines;

/* What a transition records besides the state; which fields it needs is said at
 * LdSuggestionAction (ld-workflow.h). Missing required fields: LD_VALIDATION_ERROR_REQUIRED. */
typedef struct
{
  const char   *date;            /* local "YYYY-MM-DD" of the step; NULL: today */
  const char   *note;            /* note (required), any other (optional) */
  const char   *reason;          /* return, extend (required) */
  gint64        unit_id;         /* assign: the lead unit (required) */
  const gint64 *co_unit_ids;     /* assign: co-handling units (optional) */
  guint         n_co_unit_ids;
  const char   *due_date;        /* extend: the new due date (required, within the limit) */
  gint64        answer_class_id; /* answer (required) */
  const char   *answer_text;     /* answer (required) */
  gboolean      face_to_face;    /* answer: 面商 */
  const char   *evaluation;      /* evaluate (required) */
  gint64        merge_into;      /* merge (required): another suggestion, not merged itself */
} LdSuggestionTransition;

/* One row of the rolling supervision ledger (滚动督办). */
typedef struct
{
  gint64  id;
  gint64  suggestion_id;
  guint   year;
  char   *followup_due_date;
  char   *followup_date;       /* (nullable) when the unit reported again */
  char   *followup_text;       /* (nullable) */
  gint64  answer_class_id;     /* of the follow-up report, 0 before it */
} LdRollingEntry;

void         ld_rolling_entry_free                (LdRollingEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdRollingEntry, ld_rolling_entry_free)

/* ------------------------------------------------------------------ records */

/* Creates suggestion @suggestion (id 0) in state draft, or submitted when it has a submitted
 * date: validates it (LD_VALIDATION_ERROR_INVALID with the first message), links its deputies,
 * units and concerns, and moves each linked concern to converted (LD_CONCERN_ACTION_CONVERT;
 * G_IO_ERROR_NOT_SUPPORTED naming the concern when one cannot be converted, nothing written).
 * Each concern's timeline gets the conversion, the suggestion's timeline "create". Sets id,
 * uuid, state and times on @suggestion. */
gboolean     ld_suggestion_store_create           (LdStore                 *store,
                                                   LdSuggestion            *suggestion,
                                                   const char              *operator,
                                                   GError                 **error);
/* Saves the form's fields of an existing suggestion; "edit" with the changed fields on the
 * timeline. Newly linked concerns are converted as in create; unlinking one is refused once the
 * suggestion is assigned. Nothing changed: no write, TRUE. */
gboolean     ld_suggestion_store_update           (LdStore                 *store,
                                                   LdSuggestion            *suggestion,
                                                   const char              *operator,
                                                   GError                 **error);
/*
 * Takes @action on suggestion @id if the workflow allows it (G_IO_ERROR_NOT_SUPPORTED in plain
 * words otherwise, also for the store's own conditions: a return outside the window, a rehandle
 * without "dissatisfied", an extension past the limit or before the due date in force).
 * Assign sets the lead and co-units, assigned_date, initial_due_date and due_date (answer due
 * months later) and each co-unit's opinion due date. Answer records the answer, appends
 * "suggestion_answered" to the timeline of every linked concern (they then appear in the
 * feedback owed), copies the answer to the suggestions merged into this one, and when the
 * class carries over enters the rolling ledger of the next year (ld_suggestion_store_carry_over
 * rules). Rehandle sets due_date to the date plus the re-handling months and counts it.
 */
gboolean     ld_suggestion_store_transition       (LdStore                 *store,
                                                   gint64                   id,
                                                   LdSuggestionAction       action,
                                                   const LdSuggestionTransition *args,
                                                   const char              *operator,
                                                   GError                 **error);

LdSuggestion *ld_suggestion_store_get             (LdStore                 *store,
                                                   gint64                   id,
                                                   GError                 **error);
GArray      *ld_suggestion_store_query_ids        (LdStore                 *store,
                                                   const LdSuggestionQuery *query,
                                                   GError                 **error);
gint64       ld_suggestion_store_count            (LdStore                 *store,
                                                   const LdSuggestionQuery *query,
                                                   GError                 **error);
/* The suggestions with these ids, with display names (same order out; missing ids skipped). */
GPtrArray   *ld_suggestion_store_load             (LdStore                 *store,
                                                   const gint64            *ids,
                                                   guint                    n_ids,
                                                   GError                 **error);
/* Returns: (element-type LdTimelineEntry): the suggestion's timeline, oldest first; from_state
 * and to_state are LdSuggestionState values here. */
GPtrArray   *ld_suggestion_store_timeline         (LdStore                 *store,
                                                   gint64                   id,
                                                   GError                 **error);
/* What a suggestion timeline entry says, in the UI language ("Assigned to 区住建局, due
 * 2027-02-28", "Answered: A"). */
char        *ld_suggestion_timeline_describe      (const LdTimelineEntry   *entry);
/* The suggestions concern @concern_id is linked to (ids, oldest first). */
GArray      *ld_suggestion_store_for_concern      (LdStore                 *store,
                                                   gint64                   concern_id,
                                                   GError                 **error);

/* ------------------------------------------------------------------ feedback owed */

/* The concerns whose resident is owed feedback (view feedback_owed) of station @station_id (0:
 * all), oldest outcome first: concluded and not told, or converted into a suggestion answered
 * after the last feedback. The clerk records feedback with LD_CONCERN_ACTION_GIVE_FEEDBACK. */
GArray      *ld_suggestion_store_feedback_owed    (LdStore                 *store,
                                                   gint64                   station_id,
                                                   GError                 **error);

/* ------------------------------------------------------------------ rolling supervision */

/*
 * Carries the suggestions still being solved into the ledger of @year + 1, idempotently: each
 * suggestion answered in @year whose latest answer class carries over (answer_classes
 * .carry_over, B and C by default), and each ledger row of @year whose follow-up is missing or
 * of a class that carries over, gets one row for @year + 1 with the follow-up due on the
 * rolling due date of that year (setting suggestion.rolling_followup_due, "MM-DD", default
 * "06-30"). Returns the number of rows added, -1 with @error set.
 */
int          ld_suggestion_store_carry_over       (LdStore                 *store,
                                                   guint                    year,
                                                   const char              *operator,
                                                   GError                 **error);
/* Returns: (element-type LdRollingEntry): the ledger of @year (0: every year) for station
 * @station_id (0: all), by follow-up due date. */
GPtrArray   *ld_suggestion_store_rolling          (LdStore                 *store,
                                                   guint                    year,
                                                   gint64                   station_id,
                                                   GError                 **error);
/* Returns: (element-type LdRollingEntry): the ledger rows of suggestion @suggestion_id, by
 * year; empty when it was never carried over. */
GPtrArray   *ld_suggestion_store_rolling_for      (LdStore                 *store,
                                                   gint64                   suggestion_id,
                                                   GError                 **error);
/* Records the follow-up report of ledger row @entry_id; a class that carries over enters the
 * next year's ledger at once. */
gboolean     ld_suggestion_store_record_followup  (LdStore                 *store,
                                                   gint64                   entry_id,
                                                   const char              *date,
                                                   gint64                   answer_class_id,
                                                   const char              *text,
                                                   const char              *operator,
                                                   GError                 **error);

/* ------------------------------------------------------------------ deadlines */

/* The deadlines of station @station_id (its own settings over the defaults). */
gboolean     ld_suggestion_store_get_deadlines    (LdStore                 *store,
                                                   gint64                   station_id,
                                                   LdSuggestionDeadlines   *deadlines,
                                                   GError                 **error);
/* Saves the defaults for every station (station_id NULL); each value 1 … 120. */
gboolean     ld_suggestion_store_set_deadlines    (LdStore                 *store,
                                                   const LdSuggestionDeadlines *deadlines,
                                                   GError                 **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The concern workflow (GLOSSARY.md, "Concern workflow"), enforced here and nowhere else: one
 * table of (state, action) → state. The UI offers only the actions this table allows, and the
 * store refuses any other.
 *
 *   registered  ─answer→ answered ─close→ closed
 *               ─redirect→ redirected ─close→ closed
 *               ─refer→ referred ─start→ in_progress ─conclude→ concluded
 *               ─convert→ converted ─give_feedback→ feedback_given
 *   concluded ─give_feedback→ feedback_given ─close→ closed
 *   referred, in_progress: chase (stays)
 *   answered, redirected, concluded, feedback_given, closed: reopen (with a reason) → registered
 *   any state: note (stays)
 */

typedef enum
{
  LD_CONCERN_REGISTERED,
  LD_CONCERN_ANSWERED,
  LD_CONCERN_REDIRECTED,
  LD_CONCERN_REFERRED,
  LD_CONCERN_CONVERTED,
  LD_CONCERN_IN_PROGRESS,
  LD_CONCERN_CONCLUDED,
  LD_CONCERN_FEEDBACK_GIVEN,
  LD_CONCERN_CLOSED,
  LD_CONCERN_N_STATES,
} LdConcernState;

typedef enum
{
  LD_CONCERN_ACTION_ANSWER,         /* answered on the spot: needs an outcome */
  LD_CONCERN_ACTION_REDIRECT,       /* out of scope: needs a redirect reason */
  LD_CONCERN_ACTION_REFER,          /* to a handling unit: needs a unit; due date computed */
  LD_CONCERN_ACTION_CONVERT,        /* into a deputy suggestion */
  LD_CONCERN_ACTION_START,          /* the unit has taken it up */
  LD_CONCERN_ACTION_CONCLUDE,       /* the unit concluded: needs an outcome */
  LD_CONCERN_ACTION_GIVE_FEEDBACK,  /* the resident was told: satisfaction optional */
  LD_CONCERN_ACTION_CLOSE,
  LD_CONCERN_ACTION_CHASE,          /* 催办 a late unit: note optional */
  LD_CONCERN_ACTION_REOPEN,         /* needs a note (the reason) */
  LD_CONCERN_ACTION_NOTE,           /* needs a note */
  LD_CONCERN_N_ACTIONS,
} LdConcernAction;

/* The stored id ("registered", "in_progress", …) and back; -1 for an unknown id. */
const char     *ld_concern_state_to_id          (LdConcernState   state);
int             ld_concern_state_from_id        (const char      *id);
/* The state in the UI language ("Referred" / "已转办"). */
const char     *ld_concern_state_to_string      (LdConcernState   state);

/* The timeline's action id ("refer", "give_feedback", …) and back; -1 for an unknown id. */
const char     *ld_concern_action_to_id         (LdConcernAction  action);
int             ld_concern_action_from_id       (const char      *id);
/* The action as a button label in the UI language ("Refer…" / "转办…"). */
const char     *ld_concern_action_to_label      (LdConcernAction  action);

/* Whether @action may be taken in @from; @to (optional) gets the state it leads to (the same
 * state for chase and note). */
gboolean        ld_workflow_concern_allows      (LdConcernState   from,
                                                 LdConcernAction  action,
                                                 LdConcernState  *to);
/* The actions allowed in @from, in the order the UI shows them; @n_actions gets their count. */
const LdConcernAction *ld_workflow_concern_actions (LdConcernState   from,
                                                    guint           *n_actions);
/* Whether the state is still open (the station owes the resident something). */
gboolean        ld_concern_state_is_open        (LdConcernState   state);

/* Satisfaction at feedback: "satisfied", "basically_satisfied", "dissatisfied". */
const char     *ld_satisfaction_to_string       (const char      *satisfaction);
const char * const *ld_satisfactions            (void);

/* Out-of-scope reasons: "litigation", "administrative_review", "arbitration", "petition",
 * "private_dispute", "other". The label, and what the clerk tells the resident. */
const char     *ld_redirect_reason_to_string    (const char      *reason);
const char     *ld_redirect_reason_advice       (const char      *reason);
const char * const *ld_redirect_reasons         (void);

/*
 * The suggestion workflow (GLOSSARY.md, "Deputy suggestions"), one table of (state, action) →
 * state in the same way:
 *
 *   draft ─submit→ submitted ─assign→ assigned ─answer→ answered ─evaluate→ evaluated ─close→ closed
 *   assigned ─return→ returned ─assign→ assigned          (退办, then reassigned)
 *   assigned, rehandling: extend (stays; 延期)
 *   evaluated ─rehandle→ rehandling ─answer→ answered     (重新办理 after 不满意)
 *   answered ─close→ closed                               (no evaluation came)
 *   draft, submitted, assigned, returned: merge (stays; 并案 into another suggestion)
 *   any state: note (stays); every state but closed: edit fields (not an action here)
 *
 * Conditions that depend on dates or fields, not on the state alone, are the store's: return
 * only within the return window, rehandle only after "dissatisfied", extend at most the
 * extension limit past the first due date.
 */

typedef enum
{
  LD_SUGGESTION_DRAFT,
  LD_SUGGESTION_SUBMITTED,
  LD_SUGGESTION_ASSIGNED,
  LD_SUGGESTION_RETURNED,
  LD_SUGGESTION_ANSWERED,
  LD_SUGGESTION_EVALUATED,
  LD_SUGGESTION_REHANDLING,
  LD_SUGGESTION_CLOSED,
  LD_SUGGESTION_N_STATES,
} LdSuggestionState;

typedef enum
{
  LD_SUGGESTION_ACTION_SUBMIT,     /* 提出: a submitted date */
  LD_SUGGESTION_ACTION_ASSIGN,     /* 交办: a lead unit and an assigned date; due date computed */
  LD_SUGGESTION_ACTION_RETURN,     /* 退办: a reason, within the return window */
  LD_SUGGESTION_ACTION_EXTEND,     /* 延期: a new due date and a reason */
  LD_SUGGESTION_ACTION_ANSWER,     /* 答复: date, answer class, text, face-to-face */
  LD_SUGGESTION_ACTION_EVALUATE,   /* 代表评价: satisfied / basically satisfied / dissatisfied */
  LD_SUGGESTION_ACTION_REHANDLE,   /* 重新办理: after dissatisfied; new due date computed */
  LD_SUGGESTION_ACTION_MERGE,      /* 并案: into another suggestion */
  LD_SUGGESTION_ACTION_CLOSE,      /* 办结 */
  LD_SUGGESTION_ACTION_NOTE,       /* a note */
  LD_SUGGESTION_N_ACTIONS,
} LdSuggestionAction;

/* As for concerns: stored ids ("assigned", "rehandling"), -1 for unknown ids. */
const char     *ld_suggestion_state_to_id        (LdSuggestionState   state);
int             ld_suggestion_state_from_id      (const char         *id);
/* "Assigned" / "已交办". */
const char     *ld_suggestion_state_to_string    (LdSuggestionState   state);
const char     *ld_suggestion_action_to_id       (LdSuggestionAction  action);
int             ld_suggestion_action_from_id     (const char         *id);
/* As a button label: "Assign…" / "交办…". */
const char     *ld_suggestion_action_to_label    (LdSuggestionAction  action);

gboolean        ld_workflow_suggestion_allows    (LdSuggestionState   from,
                                                  LdSuggestionAction  action,
                                                  LdSuggestionState  *to);
const LdSuggestionAction *ld_workflow_suggestion_actions (LdSuggestionState  from,
                                                          guint             *n_actions);
/* Whether the station still waits for something (not evaluated or closed). */
gboolean        ld_suggestion_state_is_open      (LdSuggestionState   state);
/* Whether a unit's answer is due in this state (assigned, rehandling): the due date is live. */
gboolean        ld_suggestion_state_is_due       (LdSuggestionState   state);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-workflow.h"

/* The concern workflow: which action leads from which state to which. Everything else here
 * (what the UI offers, what the store accepts) is read off the one transition table. */

/* ------------------------------------------------------------------ tables */

static const struct
{
  const char *id;
  const char *name;
} state_names[LD_CONCERN_N_STATES] = {
  [LD_CONCERN_REGISTERED] = { "registered", NC_("concern state", "Registered") },
  [LD_CONCERN_ANSWERED] = { "answered", NC_("concern state", "Answered on the Spot") },
  [LD_CONCERN_REDIRECTED] = { "redirected", NC_("concern state", "Redirected") },
  [LD_CONCERN_REFERRED] = { "referred", NC_("concern state", "Referred") },
  [LD_CONCERN_CONVERTED] = { "converted", NC_("concern state", "Converted to Suggestion") },
  [LD_CONCERN_IN_PROGRESS] = { "in_progress", NC_("concern state", "In Progress") },
  [LD_CONCERN_CONCLUDED] = { "concluded", NC_("concern state", "Concluded") },
  [LD_CONCERN_FEEDBACK_GIVEN] = { "feedback_given", NC_("concern state", "Feedback Given") },
  [LD_CONCERN_CLOSED] = { "closed", NC_("concern state", "Closed") },
};

static const struct
{
  const char *id;
  const char *label;
} action_names[LD_CONCERN_N_ACTIONS] = {
  [LD_CONCERN_ACTION_ANSWER] = { "answer", NC_("concern action", "Answer on the Spot…") },
  [LD_CONCERN_ACTION_REDIRECT] = { "redirect", NC_("concern action", "Redirect…") },
  [LD_CONCERN_ACTION_REFER] = { "refer", NC_("concern action", "Refer…") },
  [LD_CONCERN_ACTION_CONVERT] = { "convert", NC_("concern action", "Convert to Suggestion…") },
  [LD_CONCERN_ACTION_START] = { "start", NC_("concern action", "Mark In Progress") },
  [LD_CONCERN_ACTION_CONCLUDE] = { "conclude", NC_("concern action", "Conclude…") },
  [LD_CONCERN_ACTION_GIVE_FEEDBACK] = { "give_feedback",
                                        NC_("concern action", "Record Feedback…") },
  [LD_CONCERN_ACTION_CLOSE] = { "close", NC_("concern action", "Close") },
  [LD_CONCERN_ACTION_CHASE] = { "chase", NC_("concern action", "Chase…") },
  [LD_CONCERN_ACTION_REOPEN] = { "reopen", NC_("concern action", "Reopen…") },
  [LD_CONCERN_ACTION_NOTE] = { "note", NC_("concern action", "Add Note…") },
};

/* The transition table, in the order the UI shows a state's actions: the step forward first,
 * then the other ways out, chase and reopen, the note last. A note is allowed everywhere. */
static const struct
{
  LdConcernState  from;
  LdConcernAction action;
  LdConcernState  to;
} transitions[] = {
  { LD_CONCERN_REGISTERED,     LD_CONCERN_ACTION_ANSWER,        LD_CONCERN_ANSWERED },
  { LD_CONCERN_REGISTERED,     LD_CONCERN_ACTION_REFER,         LD_CONCERN_REFERRED },
  { LD_CONCERN_REGISTERED,     LD_CONCERN_ACTION_REDIRECT,      LD_CONCERN_REDIRECTED },
  { LD_CONCERN_REGISTERED,     LD_CONCERN_ACTION_CONVERT,       LD_CONCERN_CONVERTED },
  { LD_CONCERN_REGISTERED,     LD_CONCERN_ACTION_NOTE,          LD_CONCERN_REGISTERED },

  { LD_CONCERN_ANSWERED,       LD_CONCERN_ACTION_CLOSE,         LD_CONCERN_CLOSED },
  { LD_CONCERN_ANSWERED,       LD_CONCERN_ACTION_REOPEN,        LD_CONCERN_REGISTERED },
  { LD_CONCERN_ANSWERED,       LD_CONCERN_ACTION_NOTE,          LD_CONCERN_ANSWERED },

  { LD_CONCERN_REDIRECTED,     LD_CONCERN_ACTION_CLOSE,         LD_CONCERN_CLOSED },
  { LD_CONCERN_REDIRECTED,     LD_CONCERN_ACTION_REOPEN,        LD_CONCERN_REGISTERED },
  { LD_CONCERN_REDIRECTED,     LD_CONCERN_ACTION_NOTE,          LD_CONCERN_REDIRECTED },

  { LD_CONCERN_REFERRED,       LD_CONCERN_ACTION_START,         LD_CONCERN_IN_PROGRESS },
  { LD_CONCERN_REFERRED,       LD_CONCERN_ACTION_CHASE,         LD_CONCERN_REFERRED },
  { LD_CONCERN_REFERRED,       LD_CONCERN_ACTION_NOTE,          LD_CONCERN_REFERRED },

  { LD_CONCERN_CONVERTED,      LD_CONCERN_ACTION_GIVE_FEEDBACK, LD_CONCERN_FEEDBACK_GIVEN },
  { LD_CONCERN_CONVERTED,      LD_CONCERN_ACTION_NOTE,          LD_CONCERN_CONVERTED },

  { LD_CONCERN_IN_PROGRESS,    LD_CONCERN_ACTION_CONCLUDE,      LD_CONCERN_CONCLUDED },
  { LD_CONCERN_IN_PROGRESS,    LD_CONCERN_ACTION_CHASE,         LD_CONCERN_IN_PROGRESS },
  { LD_CONCERN_IN_PROGRESS,    LD_CONCERN_ACTION_NOTE,          LD_CONCERN_IN_PROGRESS },

  { LD_CONCERN_CONCLUDED,      LD_CONCERN_ACTION_GIVE_FEEDBACK, LD_CONCERN_FEEDBACK_GIVEN },
  { LD_CONCERN_CONCLUDED,      LD_CONCERN_ACTION_REOPEN,        LD_CONCERN_REGISTERED },
  { LD_CONCERN_CONCLUDED,      LD_CONCERN_ACTION_NOTE,          LD_CONCERN_CONCLUDED },

  { LD_CONCERN_FEEDBACK_GIVEN, LD_CONCERN_ACTION_CLOSE,         LD_CONCERN_CLOSED },
  { LD_CONCERN_FEEDBACK_GIVEN, LD_CONCERN_ACTION_REOPEN,        LD_CONCERN_REGISTERED },
  { LD_CONCERN_FEEDBACK_GIVEN, LD_CONCERN_ACTION_NOTE,          LD_CONCERN_FEEDBACK_GIVEN },

  { LD_CONCERN_CLOSED,         LD_CONCERN_ACTION_REOPEN,        LD_CONCERN_REGISTERED },
  { LD_CONCERN_CLOSED,         LD_CONCERN_ACTION_NOTE,          LD_CONCERN_CLOSED },
};

static const char * const satisfactions[] = {
  "satisfied", "basically_satisfied", "dissatisfied", NULL
};

static const struct
{
  const char *id;
  const char *name;
} satisfaction_names[] = {
  { "satisfied",           NC_("satisfaction", "Satisfied") },
  { "basically_satisfied", NC_("satisfaction", "Basically Satisfied") },
  { "dissatisfied",        NC_("satisfaction", "Dissatisfied") },
};

static const char * const redirect_reasons[] = {
  "litigation", "administrative_review", "arbitration", "petition", "private_dispute", "other",
  NULL
};

static const struct
{
  const char *id;
  const char *name;
  const char *advice;
} redirect_reason_names[] = {
  { "litigation", NC_("redirect reason", "Litigation"),
    N_("This matter is for the courts. Tell the resident how to bring a lawsuit and where the "
       "court's filing office is; the station cannot take it up.") },
  { "administrative_review", NC_("redirect reason", "Administrative Review"),
    N_("This is a challenge to a government decision. Tell the resident they can apply for "
       "administrative review to the reviewing body named in the decision, and that there is "
       "a time limit, usually sixty days from learning of the decision.") },
  { "arbitration", NC_("redirect reason", "Arbitration"),
    N_("This dispute goes to arbitration, such as labour or contract arbitration. Tell the "
       "resident which arbitration commission handles it and to apply soon, because there is "
       "a time limit.") },
  { "petition", NC_("redirect reason", "Petition"),
    N_("This matter belongs to the letters and visits (petition) office. Tell the resident "
       "where the office is and how to submit a petition in writing or online.") },
  { "private_dispute", NC_("redirect reason", "Private Dispute"),
    N_("This is a dispute between private parties. Suggest the community's people's mediation "
       "committee, which mediates free of charge, or the courts if mediation fails.") },
  { "other", NC_("redirect reason", "Other"),
    N_("The station cannot take this matter up. Explain why in plain words and tell the "
       "resident which office or body can help, with its address or phone number if you "
       "know it.") },
};

/* ------------------------------------------------------------------ public API */

/* Returns: the stored id, or NULL for a state outside the enum */
const char *
ld_concern_state_to_id (LdConcernState state)
{
  g_return_val_if_fail (state >= 0 && state < LD_CONCERN_N_STATES, NULL);

  return state_names[state].id;
}

int
ld_concern_state_from_id (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < LD_CONCERN_N_STATES; i++)
    if (g_str_equal (id, state_names[i].id))
      return i;
  return -1;
}

const char *
ld_concern_state_to_string (LdConcernState state)
{
  g_return_val_if_fail (state >= 0 && state < LD_CONCERN_N_STATES, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "concern state", state_names[state].name);
}

const char *
ld_concern_action_to_id (LdConcernAction action)
{
  g_return_val_if_fail (action >= 0 && action < LD_CONCERN_N_ACTIONS, NULL);

  return action_names[action].id;
}

int
ld_concern_action_from_id (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < LD_CONCERN_N_ACTIONS; i++)
    if (g_str_equal (id, action_names[i].id))
      return i;
  return -1;
}

const char *
ld_concern_action_to_label (LdConcernAction action)
{
  g_return_val_if_fail (action >= 0 && action < LD_CONCERN_N_ACTIONS, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "concern action", action_names[action].label);
}

gboolean
ld_workflow_concern_allows (LdConcernState   from,
                            LdConcernAction  action,
                            LdConcernState  *to)
{
  if (from < 0 || from >= LD_CONCERN_N_STATES || action < 0 || action >= LD_CONCERN_N_ACTIONS)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from && transitions[i].action == action)
      {
        if (to != NULL)
          *to = transitions[i].to;
        return TRUE;
      }
  return FALSE;
}

/* Returns: (transfer none) (array length=n_actions): the allowed actions of @from */
const LdConcernAction *
ld_workflow_concern_actions (LdConcernState  from,
                             guint          *n_actions)
{
  /* Built once from the transition table, so the two cannot disagree. */
  static LdConcernAction actions[LD_CONCERN_N_STATES][LD_CONCERN_N_ACTIONS];
  static guint counts[LD_CONCERN_N_STATES];
  static gsize built = 0;

  g_return_val_if_fail (from >= 0 && from < LD_CONCERN_N_STATES, NULL);

  if (g_once_init_enter (&built))
    {
      for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
        {
          LdConcernState s = transitions[i].from;

          actions[s][counts[s]++] = transitions[i].action;
        }
      g_once_init_leave (&built, 1);
    }

  if (n_actions != NULL)
    *n_actions = counts[from];
  return actions[from];
}

gboolean
ld_concern_state_is_open (LdConcernState state)
{
  switch (state)
    {
    case LD_CONCERN_REGISTERED:
    case LD_CONCERN_REFERRED:
    case LD_CONCERN_IN_PROGRESS:
    case LD_CONCERN_CONCLUDED:
    case LD_CONCERN_CONVERTED:
      return TRUE;
    case LD_CONCERN_ANSWERED:
    case LD_CONCERN_REDIRECTED:
    case LD_CONCERN_FEEDBACK_GIVEN:
    case LD_CONCERN_CLOSED:
    case LD_CONCERN_N_STATES:
    default:
      return FALSE;
    }
}

/* Returns: the satisfaction in the UI language, or @satisfaction itself when unknown */
const char *
ld_satisfaction_to_string (const char *satisfaction)
{
  if (satisfaction == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (satisfaction_names); i++)
    if (g_str_equal (satisfaction, satisfaction_names[i].id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "satisfaction", satisfaction_names[i].name);
  return satisfaction;
}

const char * const *
ld_satisfactions (void)
{
  return satisfactions;
}

/* Returns: the reason in the UI language, or @reason itself when unknown */
const char *
ld_redirect_reason_to_string (const char *reason)
{
  if (reason == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (redirect_reason_names); i++)
    if (g_str_equal (reason, redirect_reason_names[i].id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "redirect reason", redirect_reason_names[i].name);
  return reason;
}

/* Returns: what the clerk tells the resident, or "" for an unknown reason */
const char *
ld_redirect_reason_advice (const char *reason)
{
  if (reason == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (redirect_reason_names); i++)
    if (g_str_equal (reason, redirect_reason_names[i].id))
      return _(redirect_reason_names[i].advice);
  return "";
}

const char * const *
ld_redirect_reasons (void)
{
  return redirect_reasons;
}

/* ------------------------------------------------------------------ suggestion tables */

/* The suggestion workflow, in the same way: the ids are those of suggestions.state and of the
 * timeline, and one transition table says everything else. */

static const struct
{
  const char *id;
  const char *name;
} suggestion_state_names[LD_SUGGESTION_N_STATES] = {
  [LD_SUGGESTION_DRAFT] = { "draft", NC_("suggestion state", "Draft") },
  [LD_SUGGESTION_SUBMITTED] = { "submitted", NC_("suggestion state", "Submitted") },
  [LD_SUGGESTION_ASSIGNED] = { "assigned", NC_("suggestion state", "Assigned") },
  [LD_SUGGESTION_RETURNED] = { "returned", NC_("suggestion state", "Returned") },
  [LD_SUGGESTION_ANSWERED] = { "answered", NC_("suggestion state", "Answered") },
  [LD_SUGGESTION_EVALUATED] = { "evaluated", NC_("suggestion state", "Evaluated") },
  [LD_SUGGESTION_REHANDLING] = { "rehandling", NC_("suggestion state", "Re-handling") },
  [LD_SUGGESTION_CLOSED] = { "closed", NC_("suggestion state", "Closed") },
};

static const struct
{
  const char *id;
  const char *label;
} suggestion_action_names[LD_SUGGESTION_N_ACTIONS] = {
  [LD_SUGGESTION_ACTION_SUBMIT] = { "submit", NC_("suggestion action", "Submit…") },
  [LD_SUGGESTION_ACTION_ASSIGN] = { "assign", NC_("suggestion action", "Assign…") },
  [LD_SUGGESTION_ACTION_RETURN] = { "return", NC_("suggestion action", "Return…") },
  [LD_SUGGESTION_ACTION_EXTEND] = { "extend", NC_("suggestion action", "Extend…") },
  [LD_SUGGESTION_ACTION_ANSWER] = { "answer", NC_("suggestion action", "Answer…") },
  [LD_SUGGESTION_ACTION_EVALUATE] = { "evaluate", NC_("suggestion action", "Evaluate…") },
  [LD_SUGGESTION_ACTION_REHANDLE] = { "rehandle", NC_("suggestion action", "Re-handle…") },
  [LD_SUGGESTION_ACTION_MERGE] = { "merge", NC_("suggestion action", "Merge…") },
  [LD_SUGGESTION_ACTION_CLOSE] = { "close", NC_("suggestion action", "Close") },
  [LD_SUGGESTION_ACTION_NOTE] = { "note", NC_("suggestion action", "Add Note…") },
};

/* The transition table, in the order the UI shows a state's actions: the step forward first,
 * then the other ways on (return, extend, close without an evaluation), merge, the note last.
 * A note is allowed everywhere. */
static const struct
{
  LdSuggestionState  from;
  LdSuggestionAction action;
  LdSuggestionState  to;
} suggestion_transitions[] = {
  { LD_SUGGESTION_DRAFT,      LD_SUGGESTION_ACTION_SUBMIT,   LD_SUGGESTION_SUBMITTED },
  { LD_SUGGESTION_DRAFT,      LD_SUGGESTION_ACTION_MERGE,    LD_SUGGESTION_DRAFT },
  { LD_SUGGESTION_DRAFT,      LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_DRAFT },

  { LD_SUGGESTION_SUBMITTED,  LD_SUGGESTION_ACTION_ASSIGN,   LD_SUGGESTION_ASSIGNED },
  { LD_SUGGESTION_SUBMITTED,  LD_SUGGESTION_ACTION_MERGE,    LD_SUGGESTION_SUBMITTED },
  { LD_SUGGESTION_SUBMITTED,  LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_SUBMITTED },

  { LD_SUGGESTION_ASSIGNED,   LD_SUGGESTION_ACTION_ANSWER,   LD_SUGGESTION_ANSWERED },
  { LD_SUGGESTION_ASSIGNED,   LD_SUGGESTION_ACTION_RETURN,   LD_SUGGESTION_RETURNED },
  { LD_SUGGESTION_ASSIGNED,   LD_SUGGESTION_ACTION_EXTEND,   LD_SUGGESTION_ASSIGNED },
  { LD_SUGGESTION_ASSIGNED,   LD_SUGGESTION_ACTION_MERGE,    LD_SUGGESTION_ASSIGNED },
  { LD_SUGGESTION_ASSIGNED,   LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_ASSIGNED },

  { LD_SUGGESTION_RETURNED,   LD_SUGGESTION_ACTION_ASSIGN,   LD_SUGGESTION_ASSIGNED },
  { LD_SUGGESTION_RETURNED,   LD_SUGGESTION_ACTION_MERGE,    LD_SUGGESTION_RETURNED },
  { LD_SUGGESTION_RETURNED,   LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_RETURNED },

  { LD_SUGGESTION_ANSWERED,   LD_SUGGESTION_ACTION_EVALUATE, LD_SUGGESTION_EVALUATED },
  { LD_SUGGESTION_ANSWERED,   LD_SUGGESTION_ACTION_CLOSE,    LD_SUGGESTION_CLOSED },
  { LD_SUGGESTION_ANSWERED,   LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_ANSWERED },

  { LD_SUGGESTION_EVALUATED,  LD_SUGGESTION_ACTION_CLOSE,    LD_SUGGESTION_CLOSED },
  { LD_SUGGESTION_EVALUATED,  LD_SUGGESTION_ACTION_REHANDLE, LD_SUGGESTION_REHANDLING },
  { LD_SUGGESTION_EVALUATED,  LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_EVALUATED },

  { LD_SUGGESTION_REHANDLING, LD_SUGGESTION_ACTION_ANSWER,   LD_SUGGESTION_ANSWERED },
  { LD_SUGGESTION_REHANDLING, LD_SUGGESTION_ACTION_EXTEND,   LD_SUGGESTION_REHANDLING },
  { LD_SUGGESTION_REHANDLING, LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_REHANDLING },

  { LD_SUGGESTION_CLOSED,     LD_SUGGESTION_ACTION_NOTE,     LD_SUGGESTION_CLOSED },
};

/* ------------------------------------------------------------------ suggestion API */

/* Returns: the stored id, or NULL for a state outside the enum */
const char *
ld_suggestion_state_to_id (LdSuggestionState state)
{
  g_return_val_if_fail (state >= 0 && state < LD_SUGGESTION_N_STATES, NULL);

  return suggestion_state_names[state].id;
}

int
ld_suggestion_state_from_id (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < LD_SUGGESTION_N_STATES; i++)
    if (g_str_equal (id, suggestion_state_names[i].id))
      return i;
  return -1;
}

const char *
ld_suggestion_state_to_string (LdSuggestionState state)
{
  g_return_val_if_fail (state >= 0 && state < LD_SUGGESTION_N_STATES, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "suggestion state", suggestion_state_names[state].name);
}

const char *
ld_suggestion_action_to_id (LdSuggestionAction action)
{
  g_return_val_if_fail (action >= 0 && action < LD_SUGGESTION_N_ACTIONS, NULL);

  return suggestion_action_names[action].id;
}

int
ld_suggestion_action_from_id (const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; i < LD_SUGGESTION_N_ACTIONS; i++)
    if (g_str_equal (id, suggestion_action_names[i].id))
      return i;
  return -1;
}

const char *
ld_suggestion_action_to_label (LdSuggestionAction action)
{
  g_return_val_if_fail (action >= 0 && action < LD_SUGGESTION_N_ACTIONS, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "suggestion action",
                       suggestion_action_names[action].label);
}

gboolean
ld_workflow_suggestion_allows (LdSuggestionState   from,
                               LdSuggestionAction  action,
                               LdSuggestionState  *to)
{
  if (from < 0 || from >= LD_SUGGESTION_N_STATES
      || action < 0 || action >= LD_SUGGESTION_N_ACTIONS)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suggestion_transitions); i++)
    if (suggestion_transitions[i].from == from && suggestion_transitions[i].action == action)
      {
        if (to != NULL)
          *to = suggestion_transitions[i].to;
        return TRUE;
      }
  return FALSE;
}

/* Returns: (transfer none) (array length=n_actions): the allowed actions of @from */
const LdSuggestionAction *
ld_workflow_suggestion_actions (LdSuggestionState  from,
                                guint             *n_actions)
{
  /* Built once from the transition table, so the two cannot disagree. */
  static LdSuggestionAction actions[LD_SUGGESTION_N_STATES][LD_SUGGESTION_N_ACTIONS];
  static guint counts[LD_SUGGESTION_N_STATES];
  static gsize built = 0;

  g_return_val_if_fail (from >= 0 && from < LD_SUGGESTION_N_STATES, NULL);

  if (g_once_init_enter (&built))
    {
      for (guint i = 0; i < G_N_ELEMENTS (suggestion_transitions); i++)
        {
          LdSuggestionState s = suggestion_transitions[i].from;

          actions[s][counts[s]++] = suggestion_transitions[i].action;
        }
      g_once_init_leave (&built, 1);
    }

  if (n_actions != NULL)
    *n_actions = counts[from];
  return actions[from];
}

gboolean
ld_suggestion_state_is_open (LdSuggestionState state)
{
  switch (state)
    {
    case LD_SUGGESTION_DRAFT:
    case LD_SUGGESTION_SUBMITTED:
    case LD_SUGGESTION_ASSIGNED:
    case LD_SUGGESTION_RETURNED:
    case LD_SUGGESTION_ANSWERED:
    case LD_SUGGESTION_REHANDLING:
      return TRUE;
    case LD_SUGGESTION_EVALUATED:
    case LD_SUGGESTION_CLOSED:
    case LD_SUGGESTION_N_STATES:
    default:
      return FALSE;
    }
}

gboolean
ld_suggestion_state_is_due (LdSuggestionState state)
{
  switch (state)
    {
    case LD_SUGGESTION_ASSIGNED:
    case LD_SUGGESTION_REHANDLING:
      return TRUE;
    case LD_SUGGESTION_DRAFT:
    case LD_SUGGESTION_SUBMITTED:
    case LD_SUGGESTION_RETURNED:
    case LD_SUGGESTION_ANSWERED:
    case LD_SUGGESTION_EVALUATED:
    case LD_SUGGESTION_CLOSED:
    case LD_SUGGESTION_N_STATES:
    default:
      return FALSE;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-workflow"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-workflow.h"

/*
 * The concern and suggestion workflows: every action in every state is either offered, leading
 * to the state the station's rules say, or refused. The expected tables are written out here on
 * their own, so that a slip in the code's table cannot hide behind itself.
 */

/* ------------------------------------------------------------------ expected table */

/* Short names for the states, so that the table reads as one row per state. */
#define NO  (-1)
#define REG LD_CONCERN_REGISTERED
#define ANS LD_CONCERN_ANSWERED
#define RED LD_CONCERN_REDIRECTED
#define REF LD_CONCERN_REFERRED
#define CON LD_CONCERN_CONVERTED
#define INP LD_CONCERN_IN_PROGRESS
#define CCL LD_CONCERN_CONCLUDED
#define FBK LD_CONCERN_FEEDBACK_GIVEN
#define CLS LD_CONCERN_CLOSED

/* expected[state][action]: the state it leads to, or NO when refused. */
static const int expected[LD_CONCERN_N_STATES][LD_CONCERN_N_ACTIONS] = {
  /*        answer redirect refer convert start conclude feedback close chase reopen note */
  [REG] = { ANS,   RED,     REF,  CON,    NO,   NO,      NO,      NO,   NO,   NO,    REG },
  [ANS] = { NO,    NO,      NO,   NO,     NO,   NO,      NO,      CLS,  NO,   REG,   ANS },
  [RED] = { NO,    NO,      NO,   NO,     NO,   NO,      NO,      CLS,  NO,   REG,   RED },
  [REF] = { NO,    NO,      NO,   NO,     INP,  NO,      NO,      NO,   REF,  NO,    REF },
  [CON] = { NO,    NO,      NO,   NO,     NO,   NO,      FBK,     NO,   NO,   NO,    CON },
  [INP] = { NO,    NO,      NO,   NO,     NO,   CCL,     NO,      NO,   INP,  NO,    INP },
  [CCL] = { NO,    NO,      NO,   NO,     NO,   NO,      FBK,     NO,   NO,   REG,   CCL },
  [FBK] = { NO,    NO,      NO,   NO,     NO,   NO,      NO,      CLS,  NO,   REG,   FBK },
  [CLS] = { NO,    NO,      NO,   NO,     NO,   NO,      NO,      NO,   NO,   REG,   CLS },
};

/* The CHECK of concerns.state in data/db/0001-base.sql, in enum order. */
static const char * const state_ids[LD_CONCERN_N_STATES] = {
  "registered", "answered", "redirected", "referred", "converted", "in_progress", "concluded",
  "feedback_given", "closed",
};

static const char * const action_ids[LD_CONCERN_N_ACTIONS] = {
  "answer", "redirect", "refer", "convert", "start", "conclude", "give_feedback", "close",
  "chase", "reopen", "note",
};

/* ------------------------------------------------------------------ tests */

static void
test_every_pair (void)
{
  guint n_checked = 0;

  for (int s = 0; s < LD_CONCERN_N_STATES; s++)
    for (int a = 0; a < LD_CONCERN_N_ACTIONS; a++)
      {
        LdConcernState to = (LdConcernState) 1000;
        gboolean allowed = ld_workflow_concern_allows (s, a, &to);

        if (expected[s][a] == NO)
          {
            if (allowed)
              g_error ("%s allows %s", state_ids[s], action_ids[a]);
            g_assert_cmpint (to, ==, 1000);
          }
        else
          {
            if (!allowed)
              g_error ("%s refuses %s", state_ids[s], action_ids[a]);
            g_assert_cmpint (to, ==, expected[s][a]);
            g_assert_true (ld_workflow_concern_allows (s, a, NULL));
          }
        n_checked++;
      }

  g_assert_cmpuint (n_checked, ==, LD_CONCERN_N_STATES * LD_CONCERN_N_ACTIONS);
}

static void
test_out_of_range (void)
{
  LdConcernState to = LD_CONCERN_CLOSED;

  g_assert_false (ld_workflow_concern_allows (LD_CONCERN_N_STATES, LD_CONCERN_ACTION_NOTE, &to));
  g_assert_false (ld_workflow_concern_allows (LD_CONCERN_REGISTERED, LD_CONCERN_N_ACTIONS, &to));
  g_assert_false (ld_workflow_concern_allows (-1, LD_CONCERN_ACTION_NOTE, &to));
  g_assert_cmpint (to, ==, LD_CONCERN_CLOSED);
}

static void
test_actions_per_state (void)
{
  for (int s = 0; s < LD_CONCERN_N_STATES; s++)
    {
      guint n_actions = 0;
      guint n_expected = 0;
      guint n_besides_note = 0;
      const LdConcernAction *actions = ld_workflow_concern_actions (s, &n_actions);

      for (int a = 0; a < LD_CONCERN_N_ACTIONS; a++)
        if (expected[s][a] != NO)
          n_expected++;

      g_assert_cmpuint (n_actions, ==, n_expected);
      for (guint i = 0; i < n_actions; i++)
        {
          g_assert_cmpint (expected[s][actions[i]], !=, NO);
          for (guint j = 0; j < i; j++)
            g_assert_cmpint (actions[i], !=, actions[j]);
          if (actions[i] != LD_CONCERN_ACTION_NOTE)
            n_besides_note++;
        }

      /* A note is always possible, and it comes last, after the real steps. */
      g_assert_cmpuint (n_actions, >, 0);
      g_assert_cmpint (actions[n_actions - 1], ==, LD_CONCERN_ACTION_NOTE);
      /* No state is a dead end: something besides a note can always be done. */
      g_assert_cmpuint (n_besides_note, >, 0);
    }
}

static void
test_ui_order (void)
{
  guint n = 0;
  const LdConcernAction *actions = ld_workflow_concern_actions (LD_CONCERN_REFERRED, &n);

  /* The step forward comes before chasing the unit. */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (actions[0], ==, LD_CONCERN_ACTION_START);
  g_assert_cmpint (actions[1], ==, LD_CONCERN_ACTION_CHASE);
  g_assert_cmpint (actions[2], ==, LD_CONCERN_ACTION_NOTE);

  actions = ld_workflow_concern_actions (LD_CONCERN_REGISTERED, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (actions[0], ==, LD_CONCERN_ACTION_ANSWER);
}

static void
test_ids (void)
{
  for (int s = 0; s < LD_CONCERN_N_STATES; s++)
    {
      g_assert_cmpstr (ld_concern_state_to_id (s), ==, state_ids[s]);
      g_assert_cmpint (ld_concern_state_from_id (state_ids[s]), ==, s);
      g_assert_cmpstr (ld_concern_state_to_string (s), !=, "");
    }
  for (int a = 0; a < LD_CONCERN_N_ACTIONS; a++)
    {
      g_assert_cmpstr (ld_concern_action_to_id (a), ==, action_ids[a]);
      g_assert_cmpint (ld_concern_action_from_id (action_ids[a]), ==, a);
      g_assert_cmpstr (ld_concern_action_to_label (a), !=, "");
    }

  g_assert_cmpint (ld_concern_state_from_id ("Registered"), ==, -1);
  g_assert_cmpint (ld_concern_state_from_id (""), ==, -1);
  g_assert_cmpint (ld_concern_state_from_id (NULL), ==, -1);
  g_assert_cmpint (ld_concern_action_from_id ("refer…"), ==, -1);
  g_assert_cmpint (ld_concern_action_from_id (NULL), ==, -1);
}

static void
test_state_ids_match_schema (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LD_SOURCE_ROOT"), "data", "db",
                                            "0001-base.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) quoted = NULL;
  guint n = 0;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);

  regex = g_regex_new ("CHECK \\(state IN \\(([^)]*)\\)\\)", G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, sql, 0, &match));
  list = g_match_info_fetch (match, 1);

  quoted = g_strsplit (list, ",", -1);
  for (guint i = 0; quoted[i] != NULL; i++)
    {
      g_autofree char *id = g_strstrip (g_strdup (quoted[i]));

      g_assert_true (id[0] == '\'');
      id[strlen (id) - 1] = '\0';
      g_assert_cmpint (ld_concern_state_from_id (id + 1), ==, (int) i);
      n++;
    }
  g_assert_cmpuint (n, ==, LD_CONCERN_N_STATES);
}

static void
test_is_open (void)
{
  /* Open: the station still owes the resident an answer or the feedback. */
  g_assert_true (ld_concern_state_is_open (LD_CONCERN_REGISTERED));
  g_assert_true (ld_concern_state_is_open (LD_CONCERN_REFERRED));
  g_assert_true (ld_concern_state_is_open (LD_CONCERN_IN_PROGRESS));
  g_assert_true (ld_concern_state_is_open (LD_CONCERN_CONCLUDED));
  g_assert_true (ld_concern_state_is_open (LD_CONCERN_CONVERTED));
  g_assert_false (ld_concern_state_is_open (LD_CONCERN_ANSWERED));
  g_assert_false (ld_concern_state_is_open (LD_CONCERN_REDIRECTED));
  g_assert_false (ld_concern_state_is_open (LD_CONCERN_FEEDBACK_GIVEN));
  g_assert_false (ld_concern_state_is_open (LD_CONCERN_CLOSED));
}

static void
test_strings (void)
{
  const char * const *reasons = ld_redirect_reasons ();
  const char * const *satisfactions = ld_satisfactions ();

  g_assert_cmpstr (ld_concern_state_to_string (LD_CONCERN_REFERRED), ==, "Referred");
  g_assert_cmpstr (ld_concern_state_to_string (LD_CONCERN_ANSWERED), ==, "Answered on the Spot");
  g_assert_cmpstr (ld_concern_state_to_string (LD_CONCERN_CLOSED), ==, "Closed");
  g_assert_cmpstr (ld_concern_action_to_label (LD_CONCERN_ACTION_REFER), ==, "Refer…");
  g_assert_cmpstr (ld_concern_action_to_label (LD_CONCERN_ACTION_START), ==, "Mark In Progress");

  g_assert_cmpuint (g_strv_length ((GStrv) satisfactions), ==, 3);
  g_assert_cmpstr (ld_satisfaction_to_string ("basically_satisfied"), ==, "Basically Satisfied");
  g_assert_cmpstr (ld_satisfaction_to_string ("dissatisfied"), ==, "Dissatisfied");
  g_assert_cmpstr (ld_satisfaction_to_string (NULL), ==, "");

  g_assert_cmpuint (g_strv_length ((GStrv) reasons), ==, 6);
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      const char *advice = ld_redirect_reason_advice (reasons[i]);

      g_assert_cmpstr (ld_redirect_reason_to_string (reasons[i]), !=, reasons[i]);
      /* A sentence the clerk can read out, ending as one. */
      g_assert_cmpuint (strlen (advice), >, 40);
      g_assert_true (g_str_has_suffix (advice, "."));
    }
  g_assert_cmpstr (ld_redirect_reason_to_string ("litigation"), ==, "Litigation");
  g_assert_true (g_str_has_prefix (ld_redirect_reason_advice ("litigation"),
                                   "This matter is for the courts."));
  g_assert_cmpstr (ld_redirect_reason_advice ("nonsense"), ==, "");
}

/* ------------------------------------------------------------------ suggestions */

/*
 * The suggestion workflow in the same way: GLOSSARY.md, "Deputy suggestions", and the diagram
 * of ld-workflow.h, read into a table by hand.
 */

#define DRF LD_SUGGESTION_DRAFT
#define SUB LD_SUGGESTION_SUBMITTED
#define ASG LD_SUGGESTION_ASSIGNED
#define RET LD_SUGGESTION_RETURNED
#define SAN LD_SUGGESTION_ANSWERED
#define EVA LD_SUGGESTION_EVALUATED
#define RHD LD_SUGGESTION_REHANDLING
#define SCL LD_SUGGESTION_CLOSED

/* suggestion_expected[state][action]: the state it leads to, or NO when refused. */
static const int suggestion_expected[LD_SUGGESTION_N_STATES][LD_SUGGESTION_N_ACTIONS] = {
  /*        submit assign return extend answer evaluate rehandle merge close note */
  [DRF] = { SUB,   NO,    NO,    NO,    NO,    NO,      NO,      DRF,  NO,   DRF },
  [SUB] = { NO,    ASG,   NO,    NO,    NO,    NO,      NO,      SUB,  NO,   SUB },
  [ASG] = { NO,    NO,    RET,   ASG,   SAN,   NO,      NO,      ASG,  NO,   ASG },
  [RET] = { NO,    ASG,   NO,    NO,    NO,    NO,      NO,      RET,  NO,   RET },
  [SAN] = { NO,    NO,    NO,    NO,    NO,    EVA,     NO,      NO,   SCL,  SAN },
  [EVA] = { NO,    NO,    NO,    NO,    NO,    NO,      RHD,     NO,   SCL,  EVA },
  [RHD] = { NO,    NO,    NO,    RHD,   SAN,   NO,      NO,      NO,   NO,   RHD },
  [SCL] = { NO,    NO,    NO,    NO,    NO,    NO,      NO,      NO,   NO,   SCL },
};

/* The CHECK of suggestions.state in data/db/0001-base.sql, in enum order. */
static const char * const suggestion_state_ids[LD_SUGGESTION_N_STATES] = {
  "draft", "submitted", "assigned", "returned", "answered", "evaluated", "rehandling", "closed",
};

static const char * const suggestion_action_ids[LD_SUGGESTION_N_ACTIONS] = {
  "submit", "assign", "return", "extend", "answer", "evaluate", "rehandle", "merge", "close",
  "note",
};

static void
test_suggestion_every_pair (void)
{
  guint n_checked = 0;

  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    for (int a = 0; a < LD_SUGGESTION_N_ACTIONS; a++)
      {
        LdSuggestionState to = (LdSuggestionState) 1000;
        gboolean allowed = ld_workflow_suggestion_allows (s, a, &to);

        if (suggestion_expected[s][a] == NO)
          {
            if (allowed)
              g_error ("%s allows %s", suggestion_state_ids[s], suggestion_action_ids[a]);
            g_assert_cmpint (to, ==, 1000);
          }
        else
          {
            if (!allowed)
              g_error ("%s refuses %s", suggestion_state_ids[s], suggestion_action_ids[a]);
            g_assert_cmpint (to, ==, suggestion_expected[s][a]);
            g_assert_true (ld_workflow_suggestion_allows (s, a, NULL));
          }
        n_checked++;
      }

  g_assert_cmpuint (n_checked, ==, LD_SUGGESTION_N_STATES * LD_SUGGESTION_N_ACTIONS);
}

static void
test_suggestion_out_of_range (void)
{
  LdSuggestionState to = LD_SUGGESTION_CLOSED;

  g_assert_false (ld_workflow_suggestion_allows (LD_SUGGESTION_N_STATES,
                                                 LD_SUGGESTION_ACTION_NOTE, &to));
  g_assert_false (ld_workflow_suggestion_allows (LD_SUGGESTION_DRAFT,
                                                 LD_SUGGESTION_N_ACTIONS, &to));
  g_assert_false (ld_workflow_suggestion_allows (-1, LD_SUGGESTION_ACTION_NOTE, &to));
  g_assert_false (ld_workflow_suggestion_allows (LD_SUGGESTION_DRAFT, -1, &to));
  g_assert_cmpint (to, ==, LD_SUGGESTION_CLOSED);
}

static void
test_suggestion_actions_per_state (void)
{
  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    {
      guint n_actions = 0;
      guint n_expected = 0;
      guint n_besides_note = 0;
      const LdSuggestionAction *actions = ld_workflow_suggestion_actions (s, &n_actions);

      for (int a = 0; a < LD_SUGGESTION_N_ACTIONS; a++)
        if (suggestion_expected[s][a] != NO)
          n_expected++;

      /* Exactly what allows() allows, each once. */
      g_assert_cmpuint (n_actions, ==, n_expected);
      for (guint i = 0; i < n_actions; i++)
        {
          g_assert_true (ld_workflow_suggestion_allows (s, actions[i], NULL));
          g_assert_cmpint (suggestion_expected[s][actions[i]], !=, NO);
          for (guint j = 0; j < i; j++)
            g_assert_cmpint (actions[i], !=, actions[j]);
          if (actions[i] != LD_SUGGESTION_ACTION_NOTE)
            n_besides_note++;
        }

      /* A note is always possible, and it comes last. */
      g_assert_cmpuint (n_actions, >, 0);
      g_assert_cmpint (actions[n_actions - 1], ==, LD_SUGGESTION_ACTION_NOTE);
      /* Only a closed suggestion is done with: elsewhere there is a real step to take. */
      if (s == LD_SUGGESTION_CLOSED)
        g_assert_cmpuint (n_besides_note, ==, 0);
      else
        g_assert_cmpuint (n_besides_note, >, 0);
    }
}

static void
test_suggestion_ui_order (void)
{
  guint n = 0;
  const LdSuggestionAction *actions = ld_workflow_suggestion_actions (LD_SUGGESTION_ASSIGNED, &n);

  /* The answer, the step forward, comes before returning, extending and merging. */
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (actions[0], ==, LD_SUGGESTION_ACTION_ANSWER);
  g_assert_cmpint (actions[1], ==, LD_SUGGESTION_ACTION_RETURN);
  g_assert_cmpint (actions[2], ==, LD_SUGGESTION_ACTION_EXTEND);
  g_assert_cmpint (actions[3], ==, LD_SUGGESTION_ACTION_MERGE);
  g_assert_cmpint (actions[4], ==, LD_SUGGESTION_ACTION_NOTE);

  actions = ld_workflow_suggestion_actions (LD_SUGGESTION_DRAFT, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (actions[0], ==, LD_SUGGESTION_ACTION_SUBMIT);

  /* Evaluated: closing is the way forward, re-handling the exception. */
  actions = ld_workflow_suggestion_actions (LD_SUGGESTION_EVALUATED, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (actions[0], ==, LD_SUGGESTION_ACTION_CLOSE);
  g_assert_cmpint (actions[1], ==, LD_SUGGESTION_ACTION_REHANDLE);

  actions = ld_workflow_suggestion_actions (LD_SUGGESTION_ANSWERED, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (actions[0], ==, LD_SUGGESTION_ACTION_EVALUATE);
  g_assert_cmpint (actions[1], ==, LD_SUGGESTION_ACTION_CLOSE);
}

static void
test_suggestion_ids (void)
{
  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    {
      g_assert_cmpstr (ld_suggestion_state_to_id (s), ==, suggestion_state_ids[s]);
      g_assert_cmpint (ld_suggestion_state_from_id (suggestion_state_ids[s]), ==, s);
      g_assert_cmpint (ld_suggestion_state_from_id (ld_suggestion_state_to_id (s)), ==, s);
      g_assert_cmpstr (ld_suggestion_state_to_string (s), !=, "");
    }
  for (int a = 0; a < LD_SUGGESTION_N_ACTIONS; a++)
    {
      g_assert_cmpstr (ld_suggestion_action_to_id (a), ==, suggestion_action_ids[a]);
      g_assert_cmpint (ld_suggestion_action_from_id (suggestion_action_ids[a]), ==, a);
      g_assert_cmpint (ld_suggestion_action_from_id (ld_suggestion_action_to_id (a)), ==, a);
      g_assert_cmpstr (ld_suggestion_action_to_label (a), !=, "");
    }

  g_assert_cmpint (ld_suggestion_state_from_id ("Assigned"), ==, -1);
  g_assert_cmpint (ld_suggestion_state_from_id ("registered"), ==, -1);
  g_assert_cmpint (ld_suggestion_state_from_id (""), ==, -1);
  g_assert_cmpint (ld_suggestion_state_from_id (NULL), ==, -1);
  g_assert_cmpint (ld_suggestion_action_from_id ("assign…"), ==, -1);
  g_assert_cmpint (ld_suggestion_action_from_id ("refer"), ==, -1);
  g_assert_cmpint (ld_suggestion_action_from_id (NULL), ==, -1);
}

static void
test_suggestion_state_ids_match_schema (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LD_SOURCE_ROOT"), "data", "db",
                                            "0001-base.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) quoted = NULL;
  guint n = 0;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);

  regex = g_regex_new ("CREATE TABLE suggestions \\(.*?CHECK \\(state IN \\(([^)]*)\\)\\)",
                       G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, sql, 0, &match));
  list = g_match_info_fetch (match, 1);

  quoted = g_strsplit (list, ",", -1);
  for (guint i = 0; quoted[i] != NULL; i++)
    {
      g_autofree char *id = g_strstrip (g_strdup (quoted[i]));

      g_assert_true (id[0] == '\'');
      id[strlen (id) - 1] = '\0';
      g_assert_cmpint (ld_suggestion_state_from_id (id + 1), ==, (int) i);
      n++;
    }
  g_assert_cmpuint (n, ==, LD_SUGGESTION_N_STATES);
}

static void
test_suggestion_is_open_is_due (void)
{
  /* Open: the station still waits for a step (an answer, an evaluation, a reassignment). */
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_DRAFT));
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_SUBMITTED));
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_ASSIGNED));
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_RETURNED));
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_ANSWERED));
  g_assert_true (ld_suggestion_state_is_open (LD_SUGGESTION_REHANDLING));
  g_assert_false (ld_suggestion_state_is_open (LD_SUGGESTION_EVALUATED));
  g_assert_false (ld_suggestion_state_is_open (LD_SUGGESTION_CLOSED));

  /* Due: a unit owes the answer, so the due date is coloured. */
  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    g_assert_cmpint (ld_suggestion_state_is_due (s), ==,
                     s == LD_SUGGESTION_ASSIGNED || s == LD_SUGGESTION_REHANDLING);
}

static void
test_suggestion_strings (void)
{
  static const char * const names[LD_SUGGESTION_N_STATES] = {
    "Draft", "Submitted", "Assigned", "Returned", "Answered", "Evaluated", "Re-handling",
    "Closed",
  };
  static const char * const labels[LD_SUGGESTION_N_ACTIONS] = {
    "Submit…", "Assign…", "Return…", "Extend…", "Answer…", "Evaluate…", "Re-handle…",
    "Merge…", "Close", "Add Note…",
  };

  for (int s = 0; s < LD_SUGGESTION_N_STATES; s++)
    g_assert_cmpstr (ld_suggestion_state_to_string (s), ==, names[s]);
  for (int a = 0; a < LD_SUGGESTION_N_ACTIONS; a++)
    g_assert_cmpstr (ld_suggestion_action_to_label (a), ==, labels[a]);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/every-pair", test_every_pair);
  g_test_add_func ("/workflow/out-of-range", test_out_of_range);
  g_test_add_func ("/workflow/actions-per-state", test_actions_per_state);
  g_test_add_func ("/workflow/ui-order", test_ui_order);
  g_test_add_func ("/workflow/ids", test_ids);
  g_test_add_func ("/workflow/state-ids-match-schema", test_state_ids_match_schema);
  g_test_add_func ("/workflow/is-open", test_is_open);
  g_test_add_func ("/workflow/strings", test_strings);
  g_test_add_func ("/workflow/suggestion/every-pair", test_suggestion_every_pair);
  g_test_add_func ("/workflow/suggestion/out-of-range", test_suggestion_out_of_range);
  g_test_add_func ("/workflow/suggestion/actions-per-state", test_suggestion_actions_per_state);
  g_test_add_func ("/workflow/suggestion/ui-order", test_suggestion_ui_order);
  g_test_add_func ("/workflow/suggestion/ids", test_suggestion_ids);
  g_test_add_func ("/workflow/suggestion/state-ids-match-schema",
                   test_suggestion_state_ids_match_schema);
  g_test_add_func ("/workflow/suggestion/is-open-is-due", test_suggestion_is_open_is_due);
  g_test_add_func ("/workflow/suggestion/strings", test_suggestion_strings);

  return g_test_run ();
}

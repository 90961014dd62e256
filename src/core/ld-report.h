/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-store.h"
#include "ld-workflow.h"

G_BEGIN_DECLS

/*
 * The figures of a period, computed in SQL aggregates: what Today, a deputy's caseload and the
 * district workbook show, from this one module so that they always agree. The rates are those of
 * GLOSSARY.md ("Reporting"); a rate with nothing to divide by is not a number (shown "—"), not 0.
 */

typedef struct
{
  const char *from;        /* local "YYYY-MM-DD", inclusive */
  const char *to;          /* local "YYYY-MM-DD", inclusive */
  gint64      station_id;  /* 0: every station */
  gint64      deputy_id;   /* 0: every deputy; else that deputy's (lead or co-signed) */
} LdReportPeriod;

/*
 * Suggestions assigned in the period (assigned_date from … to):
 *   assigned            all of them
 *   answered            those with an answer (answer_date set)
 *   answered_on_time    answered with answer_date on or before the due date in force
 *   rated               answered and evaluated by the deputies
 *   satisfied, basically_satisfied, dissatisfied   by evaluation
 *   solved              answered with a class that counts as solved (A by default)
 *   by_class            answered per answer class: answer_classes.id → count (gint64 *)
 * Rates: reply = answered ÷ assigned; on-time = answered_on_time ÷ answered;
 * satisfaction = (satisfied + basically_satisfied) ÷ rated; solved = solved ÷ answered.
 */
typedef struct
{
  gint64      assigned;
  gint64      answered;
  gint64      answered_on_time;
  gint64      rated;
  gint64      satisfied;
  gint64      basically_satisfied;
  gint64      dissatisfied;
  gint64      solved;
  gint64      by_state[LD_SUGGESTION_N_STATES];  /* of suggestions created in the period */
  GHashTable *by_class;
} LdSuggestionFigures;

/* Concerns received in the period (received_at, local dates): by state; and, whatever their
 * receipt, those concluded (concluded_date) and given feedback (feedback_date) in the period with
 * the resident's satisfaction. */
typedef struct
{
  gint64      received;
  gint64      by_state[LD_CONCERN_N_STATES];
  gint64      concluded;
  gint64      feedback_given;
  gint64      satisfied;
  gint64      basically_satisfied;
  gint64      dissatisfied;
} LdConcernFigures;

gboolean     ld_report_suggestion_figures    (LdStore               *store,
                                              const LdReportPeriod  *period,
                                              LdSuggestionFigures   *figures,
                                              GError               **error);
void         ld_suggestion_figures_clear     (LdSuggestionFigures   *figures);
gboolean     ld_report_concern_figures       (LdStore               *store,
                                              const LdReportPeriod  *period,
                                              LdConcernFigures      *figures,
                                              GError               **error);

/*
 * The deputies' part in the events of the period (event_date from … to, not cancelled), by event
 * kind in the order of ld_event_kinds() (reception_day, duty, visit_enterprise, visit_community,
 * visit_village, visit_constituency, forum, hearing, council, other): how often a deputy was on
 * duty, attended and was on leave (event_deputies, one per deputy and event). With deputy_id 0,
 * every deputy's rows are counted.
 */
#define LD_REPORT_N_EVENT_KINDS 10

typedef struct
{
  gint64      on_duty[LD_REPORT_N_EVENT_KINDS];
  gint64      attended[LD_REPORT_N_EVENT_KINDS];
  gint64      on_leave[LD_REPORT_N_EVENT_KINDS];
} LdEventFigures;

/* Suggestions submitted in the period (submitted_date from … to) by the role of the deputy
 * (deputy_id, or every deputy with 0): led as 领衔代表, co-signed as 联名代表. */
typedef struct
{
  gint64      led;
  gint64      co_signed;
} LdDeputySuggestionCounts;

gboolean     ld_report_event_figures         (LdStore               *store,
                                              const LdReportPeriod  *period,
                                              LdEventFigures        *figures,
                                              GError               **error);
/* The index of @kind ("visit_village") in LdEventFigures, or -1. */
int          ld_report_event_kind_index      (const char            *kind);
/* The visits of all four kinds (visit_enterprise … visit_constituency) in @counts. */
gint64       ld_event_figures_visits         (const gint64          *counts);
gboolean     ld_report_deputy_suggestions    (LdStore               *store,
                                              const LdReportPeriod  *period,
                                              LdDeputySuggestionCounts *counts,
                                              GError               **error);

/* @numerator ÷ @denominator, or NAN when @denominator is 0. */
double       ld_report_rate                  (gint64                 numerator,
                                              gint64                 denominator);
double       ld_suggestion_figures_reply_rate        (const LdSuggestionFigures *figures);
double       ld_suggestion_figures_on_time_rate      (const LdSuggestionFigures *figures);
double       ld_suggestion_figures_satisfaction_rate (const LdSuggestionFigures *figures);
double       ld_suggestion_figures_solved_rate       (const LdSuggestionFigures *figures);
/* "87.5%", one decimal, in the UI language's format; "—" for NAN. */
char        *ld_report_format_rate           (double                 rate);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The working-day calendar: public holidays and make-up working days (调休) as the State
 * Council publishes them. Every other Saturday and Sunday is a rest day and every other weekday
 * a working day, so a year without data behaves as plain weekdays and weekends.
 */

typedef enum
{
  LD_DAY_KIND_NORMAL,          /* an ordinary working weekday */
  LD_DAY_KIND_WEEKEND,         /* an ordinary Saturday or Sunday */
  LD_DAY_KIND_HOLIDAY,         /* a public holiday (休), whatever day of the week */
  LD_DAY_KIND_MAKEUP_WORKDAY,  /* a weekend day worked to make up a holiday (班) */
} LdDayKind;

#define LD_TYPE_WORKDAYS (ld_workdays_get_type ())

typedef struct _LdWorkdays LdWorkdays;

GType        ld_workdays_get_type           (void) G_GNUC_CONST;

LdWorkdays  *ld_workdays_new                (void);
LdWorkdays  *ld_workdays_ref                (LdWorkdays    *self);
void         ld_workdays_unref              (LdWorkdays    *self);

/* Marks @date as a holiday or a make-up working day (only those two kinds), replacing what was
 * there. @name (nullable) is shown with the day, e.g. "Spring Festival". */
void         ld_workdays_add                (LdWorkdays    *self,
                                             const GDate   *date,
                                             LdDayKind      kind,
                                             const char    *name);
/* Whether any holiday or make-up day of @year is known: without, the year is plain weekdays. */
gboolean     ld_workdays_has_year           (LdWorkdays    *self,
                                             GDateYear      year);

/* Weekdays work unless they are holidays; weekends rest unless they are make-up working days. */
gboolean     ld_workdays_is_working_day     (LdWorkdays    *self,
                                             const GDate   *date);
LdDayKind    ld_workdays_get_day_kind       (LdWorkdays    *self,
                                             const GDate   *date);
/* Returns: (nullable): the festival of a holiday or make-up day, NULL for other days. */
const char  *ld_workdays_get_day_name       (LdWorkdays    *self,
                                             const GDate   *date);

/* The first working day strictly after @date, whatever @date is, into @result. */
void         ld_workdays_next_working_day   (LdWorkdays    *self,
                                             const GDate   *date,
                                             GDate         *result);
/*
 * The @n-th working day after @start, into @result. @start itself is never counted, so @n = 1
 * is the next working day and a deadline of "15 working days" from a letter received on any day
 * is ld_workdays_add_working_days (…, 15, …). @n = 0 is @start when it is a working day, else
 * the next working day (the first day on which work can happen).
 */
void         ld_workdays_add_working_days   (LdWorkdays    *self,
                                             const GDate   *start,
                                             guint          n,
                                             GDate         *result);

/* The day kind in the UI language ("Public holiday"). */
const char  *ld_day_kind_to_string          (LdDayKind      kind);
/* The one-character mark of wall calendars: 休 for a holiday, 班 for a make-up working day
 * (translated), NULL for other kinds. */
const char  *ld_day_kind_to_badge           (LdDayKind      kind);
/* The festival named by a calendar_days.seed_key ("spring_festival") in the UI language, or
 * NULL for a key it does not know. */
const char  *ld_workdays_festival_name      (const char    *seed_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdWorkdays, ld_workdays_unref)

G_END_DECLS

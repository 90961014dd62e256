/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ld-month-layout.h"
#include "ld-workdays.h"

G_BEGIN_DECLS

#define LD_TYPE_MONTH_VIEW (ld_month_view_get_type ())

G_DECLARE_FINAL_TYPE (LdMonthView, ld_month_view, LD, MONTH_VIEW, GtkWidget)

GtkWidget           *ld_month_view_new               (void);

/* The selected day; the view always shows its month. Selecting a day of another month turns
 * the page and emits ::month-changed. */
void                 ld_month_view_get_selected_date (LdMonthView        *self,
                                                      GDate              *date);
void                 ld_month_view_set_selected_date (LdMonthView        *self,
                                                      const GDate        *date);
guint                ld_month_view_get_year          (LdMonthView        *self);
guint                ld_month_view_get_month         (LdMonthView        *self);
/* The first and last day of the 6 × 7 grid shown, padding days included. */
void                 ld_month_view_get_range         (LdMonthView        *self,
                                                      GDate              *first,
                                                      GDate              *last);

/* The day that is highlighted as today; NULL for none. */
void                 ld_month_view_set_today         (LdMonthView        *self,
                                                      const GDate        *today);
/* The holidays (休) and make-up working days (班); NULL for plain weekdays and weekends. */
void                 ld_month_view_set_workdays      (LdMonthView        *self,
                                                      LdWorkdays         *workdays);
/* The events to show as chips; the view copies them and keeps them across months until the
 * next call. */
void                 ld_month_view_set_events        (LdMonthView        *self,
                                                      const LdMonthEvent *events,
                                                      guint               n_events);
GDateWeekday         ld_month_view_get_week_start    (LdMonthView        *self);
void                 ld_month_view_set_week_start    (LdMonthView        *self,
                                                      GDateWeekday        week_start);

/* What the view draws, e.g. to check it in tests. */
const LdMonthLayout *ld_month_view_get_layout        (LdMonthView        *self);
/* The widget of the day at @index (row × 7 + column), for tests and accessibility. */
GtkWidget           *ld_month_view_get_day_widget    (LdMonthView        *self,
                                                      guint               index);

G_END_DECLS

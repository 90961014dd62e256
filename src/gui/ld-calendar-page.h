/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-month-view.h"

G_BEGIN_DECLS

#define LD_TYPE_CALENDAR_PAGE (ld_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (LdCalendarPage, ld_calendar_page, LD, CALENDAR_PAGE, GtkWidget)

GtkWidget   *ld_calendar_page_new            (LdContext      *context);
LdContext   *ld_calendar_page_get_context    (LdCalendarPage *self);
void         ld_calendar_page_set_context    (LdCalendarPage *self,
                                              LdContext      *context);
gboolean     ld_calendar_page_get_folded     (LdCalendarPage *self);
void         ld_calendar_page_set_folded     (LdCalendarPage *self,
                                              gboolean        folded);
LdMonthView *ld_calendar_page_get_month_view (LdCalendarPage *self);
/* The month shown, as in the title: "November 2026", "2026年11月". */
const char  *ld_calendar_page_get_title      (LdCalendarPage *self);
void         ld_calendar_page_reload         (LdCalendarPage *self);

G_END_DECLS

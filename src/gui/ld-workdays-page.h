/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_WORKDAYS_PAGE (ld_workdays_page_get_type ())

G_DECLARE_FINAL_TYPE (LdWorkdaysPage, ld_workdays_page, LD, WORKDAYS_PAGE, AdwPreferencesPage)

GtkWidget   *ld_workdays_page_new            (LdContext      *context);
LdContext   *ld_workdays_page_get_context    (LdWorkdaysPage *self);
void         ld_workdays_page_set_context    (LdWorkdaysPage *self,
                                              LdContext      *context);
guint        ld_workdays_page_get_year       (LdWorkdaysPage *self);
/* Shows the holidays and make-up working days of @year (1–9999). */
void         ld_workdays_page_set_year       (LdWorkdaysPage *self,
                                              guint           year);
/* The rows of the year's days, each with the day's "YYYY-MM-DD" as its "day" data; for tests. */
GtkListBox  *ld_workdays_page_get_days_list  (LdWorkdaysPage *self);

G_END_DECLS

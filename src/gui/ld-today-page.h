/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-today.h"

G_BEGIN_DECLS

#define LD_TYPE_TODAY_PAGE (ld_today_page_get_type ())

G_DECLARE_FINAL_TYPE (LdTodayPage, ld_today_page, LD, TODAY_PAGE, GtkWidget)

GtkWidget     *ld_today_page_new           (LdContext   *context);
LdContext     *ld_today_page_get_context   (LdTodayPage *self);
void           ld_today_page_set_context   (LdTodayPage *self,
                                            LdContext   *context);
gboolean       ld_today_page_get_folded    (LdTodayPage *self);
void           ld_today_page_set_folded    (LdTodayPage *self,
                                            gboolean     folded);
/* Computes the lists again and shows them. */
void           ld_today_page_reload        (LdTodayPage *self);
/* (nullable): what the page shows now, NULL before the first reload or after an error. */
const LdToday *ld_today_page_get_today     (LdTodayPage *self);
/* The deputy whose caseload is shown (the caseload-deputy setting), 0 for the whole station. */
gint64         ld_today_page_get_deputy_id (LdTodayPage *self);

G_END_DECLS

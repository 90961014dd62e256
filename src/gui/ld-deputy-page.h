/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_DEPUTY_PAGE (ld_deputy_page_get_type ())

G_DECLARE_FINAL_TYPE (LdDeputyPage, ld_deputy_page, LD, DEPUTY_PAGE, AdwWindow)

/* A deputy's caseload: their duty days ahead, open concerns and suggestions, and the duty
 * record of a year, which it prints and exports. A window of its own beside the lists. */
GtkWindow  *ld_deputy_page_new            (GtkWindow     *parent,
                                           LdContext     *context,
                                           gint64         deputy_id);
gint64      ld_deputy_page_get_deputy_id  (LdDeputyPage  *self);
int         ld_deputy_page_get_year       (LdDeputyPage  *self);
/* Shows the duty record of @year (the selector follows when it offers the year). */
void        ld_deputy_page_set_year       (LdDeputyPage  *self,
                                           int            year);

G_END_DECLS

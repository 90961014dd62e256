/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-export-dialog.h"

G_BEGIN_DECLS

#define LD_TYPE_REPORTS_PAGE (ld_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (LdReportsPage, ld_reports_page, LD, REPORTS_PAGE, GtkWidget)

GtkWidget     *ld_reports_page_new         (LdContext     *context);
LdContext     *ld_reports_page_get_context (LdReportsPage *self);
void           ld_reports_page_set_context (LdReportsPage *self,
                                            LdContext     *context);
gboolean       ld_reports_page_get_folded  (LdReportsPage *self);
void           ld_reports_page_set_folded  (LdReportsPage *self,
                                            gboolean       folded);
/* The period shown: this month, quarter (the default) or year of the context's clock. */
LdReportSpan   ld_reports_page_get_span    (LdReportsPage *self);
void           ld_reports_page_set_span    (LdReportsPage *self,
                                            LdReportSpan   span);
/* Computes the figures again and shows them. */
void           ld_reports_page_reload      (LdReportsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-workflow.h"

G_BEGIN_DECLS

/* One suggestion: its fields, the concerns it came from (each opens its concern page), the
 * timeline, and the steps the workflow allows now. */

#define LD_TYPE_SUGGESTION_PAGE (ld_suggestion_page_get_type ())

G_DECLARE_FINAL_TYPE (LdSuggestionPage, ld_suggestion_page, LD, SUGGESTION_PAGE, AdwWindow)

GtkWindow  *ld_suggestion_page_new              (GtkWindow          *parent,
                                                 LdContext          *context,
                                                 gint64              suggestion_id);
gint64      ld_suggestion_page_get_suggestion_id (LdSuggestionPage  *self);
/* Opens the dialog of @action, as its button does; returns the dialog. */
GtkWindow  *ld_suggestion_page_start_action     (LdSuggestionPage   *self,
                                                 LdSuggestionAction  action);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

/*
 * The Suggestions page: the lazy list of suggestions (LdQueryModel over
 * ld_suggestion_store_query_ids()) with filters, sort, search and the 三色 due-date colours, and
 * beside it the list of residents owed feedback (ld_suggestion_store_feedback_owed()).
 */

#define LD_TYPE_SUGGESTIONS_PAGE (ld_suggestions_page_get_type ())

G_DECLARE_FINAL_TYPE (LdSuggestionsPage, ld_suggestions_page, LD, SUGGESTIONS_PAGE, GtkWidget)

GtkWidget  *ld_suggestions_page_new                (LdContext         *context);
LdContext  *ld_suggestions_page_get_context        (LdSuggestionsPage *self);
void        ld_suggestions_page_set_context        (LdSuggestionsPage *self,
                                                    LdContext         *context);
gboolean    ld_suggestions_page_get_folded         (LdSuggestionsPage *self);
void        ld_suggestions_page_set_folded         (LdSuggestionsPage *self,
                                                    gboolean           folded);
/* The suggestions listed (items LdSuggestion). */
GListModel *ld_suggestions_page_get_model          (LdSuggestionsPage *self);
/* The concerns whose residents are owed feedback (items LdConcern), oldest outcome first. */
GListModel *ld_suggestions_page_get_feedback_model (LdSuggestionsPage *self);
/* Shows the feedback owed instead of the suggestions (and back). */
void        ld_suggestions_page_show_feedback      (LdSuggestionsPage *self,
                                                    gboolean           feedback);
void        ld_suggestions_page_reload             (LdSuggestionsPage *self);

G_END_DECLS

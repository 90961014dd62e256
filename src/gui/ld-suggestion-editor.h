/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-suggestion.h"

G_BEGIN_DECLS

#define LD_TYPE_SUGGESTION_EDITOR (ld_suggestion_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdSuggestionEditor, ld_suggestion_editor, LD, SUGGESTION_EDITOR, AdwWindow)

/* The suggestion form. @suggestion NULL creates a new suggestion from the concerns @concern_ids
 * (may be none: from scratch), prefilling the title, content, category and deputies from them;
 * otherwise a copy of @suggestion is edited and saved with ld_suggestion_store_update(). */
GtkWindow    *ld_suggestion_editor_new            (LdContext          *context,
                                                   LdSuggestion       *suggestion,
                                                   const gint64       *concern_ids,
                                                   guint               n_concern_ids);
/* The suggestion as the form holds it (owned by the editor). */
LdSuggestion *ld_suggestion_editor_get_suggestion (LdSuggestionEditor *self);
gboolean      ld_suggestion_editor_get_valid      (LdSuggestionEditor *self);
/* Saves as the Save button does; FALSE (and the error shown in the form) when it cannot. */
gboolean      ld_suggestion_editor_save           (LdSuggestionEditor *self);

G_END_DECLS

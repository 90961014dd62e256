/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-deputy.h"
#include "ld-store.h"

G_BEGIN_DECLS

/*
 * Pieces the record editors share: the checklist of deputies a concern or a suggestion names,
 * with its search, and the question an editor asks before it drops unsaved work.
 */

/* The roster's active deputies by name, then those of @keep (nullable; ids, 0 skipped) that are
 * not among them, because they have retired since they were chosen. NULL without @store. */
GPtrArray        *ld_editor_parts_load_deputies       (LdStore            *store,
                                                       GArray             *keep);
/* A checklist row for @deputy: the name and constituency, a check in front, @checked or not;
 * its ::toggled goes to @toggled swapped to @object. */
GtkWidget        *ld_editor_parts_new_deputy_row      (LdDeputy           *deputy,
                                                       gboolean            checked,
                                                       GCallback           toggled,
                                                       gpointer            object);
/* The deputy a check of such a row stands for. */
gint64            ld_editor_parts_get_deputy_id       (GtkCheckButton     *check);
/* Checks the rows of @list whose deputy is in @checked; the row of @excluded (0 for none)
 * cannot be checked at all. */
void              ld_editor_parts_sync_deputy_checks  (GtkListBox         *list,
                                                       GArray             *checked,
                                                       gint64              excluded);
/* A GtkListBoxFilterFunc for such rows, @search_entry (a GtkEditable) as its data: the rows
 * whose name holds what is typed, whatever the case. */
gboolean          ld_editor_parts_filter_deputy_row   (GtkListBoxRow      *row,
                                                       gpointer            search_entry);
/* Whether @ids (nullable) holds @id. */
gboolean          ld_editor_parts_contains_id         (GArray             *ids,
                                                       gint64              id);
/* Adds @id to @checked when @active and it is not there yet (keeping the order of checking),
 * or removes it. */
void              ld_editor_parts_toggle_id           (GArray             *checked,
                                                       gint64              id,
                                                       gboolean            active);

/* Asks whether to drop what @editor holds unsaved (see ld_form_new_discard_dialog(), whose
 * "keep" response is "cancel"), or presents again the question already open in *@question.
 * *@question holds a reference to it until @response_cb (swapped to @editor) clears it. */
void              ld_editor_parts_ask_discard         (GtkWindow          *editor,
                                                       AdwMessageDialog  **question,
                                                       const char         *heading,
                                                       const char         *body,
                                                       GCallback           response_cb);

G_END_DECLS

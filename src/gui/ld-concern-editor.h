/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-concern.h"
#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_CONCERN_EDITOR (ld_concern_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdConcernEditor, ld_concern_editor, LD, CONCERN_EDITOR, AdwWindow)

/* The intake form: @concern NULL registers a new concern; otherwise a copy of @concern is
 * edited and saved with ld_concern_store_update(). */
GtkWindow  *ld_concern_editor_new         (LdContext       *context,
                                           LdConcern       *concern);
/* The concern as the form holds it (a copy; owned by the editor). */
LdConcern  *ld_concern_editor_get_concern (LdConcernEditor *self);
gboolean    ld_concern_editor_get_valid   (LdConcernEditor *self);

G_END_DECLS

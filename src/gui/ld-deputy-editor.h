/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_DEPUTY_EDITOR (ld_deputy_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdDeputyEditor, ld_deputy_editor, LD, DEPUTY_EDITOR, AdwWindow)

LdDeputyEditor *ld_deputy_editor_new          (GtkWindow      *parent,
                                               LdContext      *context,
                                               LdDeputy       *deputy);
LdDeputy       *ld_deputy_editor_get_deputy   (LdDeputyEditor *self);
gboolean        ld_deputy_editor_get_valid    (LdDeputyEditor *self);
gboolean        ld_deputy_editor_get_modified (LdDeputyEditor *self);

G_END_DECLS

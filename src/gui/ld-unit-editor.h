/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-store.h"
#include "ld-unit.h"

G_BEGIN_DECLS

#define LD_TYPE_UNIT_EDITOR (ld_unit_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdUnitEditor, ld_unit_editor, LD, UNIT_EDITOR, AdwWindow)

LdUnitEditor *ld_unit_editor_new      (GtkWindow    *parent,
                                       LdStore      *store,
                                       LdUnit       *unit);
LdUnit       *ld_unit_editor_get_unit (LdUnitEditor *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-roster-import.h"

G_BEGIN_DECLS

#define LD_TYPE_IMPORT_DIALOG (ld_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LdImportDialog, ld_import_dialog, LD, IMPORT_DIALOG, AdwWindow)

LdImportDialog *ld_import_dialog_new        (GtkWindow      *parent,
                                             LdContext      *context,
                                             LdImportKind    kind);
LdImportKind    ld_import_dialog_get_kind   (LdImportDialog *self);
/* Reads @file in a worker thread and shows its preview; the file chooser ends up here too. */
void            ld_import_dialog_load_file  (LdImportDialog *self,
                                             GFile          *file);
/* The file read, once its preview is shown; NULL before and while reading. */
LdRosterImport *ld_import_dialog_get_import (LdImportDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_DEPUTIES_PAGE (ld_deputies_page_get_type ())

G_DECLARE_FINAL_TYPE (LdDeputiesPage, ld_deputies_page, LD, DEPUTIES_PAGE, GtkWidget)

GtkWidget  *ld_deputies_page_new         (LdContext      *context);
LdContext  *ld_deputies_page_get_context (LdDeputiesPage *self);
void        ld_deputies_page_set_context (LdDeputiesPage *self,
                                          LdContext      *context);
gboolean    ld_deputies_page_get_folded  (LdDeputiesPage *self);
void        ld_deputies_page_set_folded  (LdDeputiesPage *self,
                                          gboolean        folded);
GListModel *ld_deputies_page_get_model   (LdDeputiesPage *self);
void        ld_deputies_page_reload      (LdDeputiesPage *self);

G_END_DECLS

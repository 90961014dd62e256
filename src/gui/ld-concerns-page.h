/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_CONCERNS_PAGE (ld_concerns_page_get_type ())

G_DECLARE_FINAL_TYPE (LdConcernsPage, ld_concerns_page, LD, CONCERNS_PAGE, GtkWidget)

GtkWidget  *ld_concerns_page_new         (LdContext      *context);
LdContext  *ld_concerns_page_get_context (LdConcernsPage *self);
void        ld_concerns_page_set_context (LdConcernsPage *self,
                                          LdContext      *context);
gboolean    ld_concerns_page_get_folded  (LdConcernsPage *self);
void        ld_concerns_page_set_folded  (LdConcernsPage *self,
                                          gboolean        folded);
GListModel *ld_concerns_page_get_model   (LdConcernsPage *self);
void        ld_concerns_page_reload      (LdConcernsPage *self);

G_END_DECLS

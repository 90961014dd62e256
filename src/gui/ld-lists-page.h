/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-list-entry.h"

G_BEGIN_DECLS

#define LD_TYPE_LISTS_PAGE (ld_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (LdListsPage, ld_lists_page, LD, LISTS_PAGE, AdwPreferencesPage)

GtkWidget  *ld_lists_page_new          (LdContext   *context);
LdContext  *ld_lists_page_get_context  (LdListsPage *self);
void        ld_lists_page_set_context  (LdListsPage *self,
                                        LdContext   *context);
/* The group that shows the list of @kind, for tests and keyboard focus. */
AdwPreferencesGroup *ld_lists_page_get_group (LdListsPage *self,
                                              LdListKind   kind);

G_END_DECLS

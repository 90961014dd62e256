/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-database.h"
#include "ld-store.h"

G_BEGIN_DECLS

#define LD_TYPE_CONTEXT (ld_context_get_type ())

G_DECLARE_FINAL_TYPE (LdContext, ld_context, LD, CONTEXT, GObject)

LdContext  *ld_context_new              (GSettings    *settings);
GSettings  *ld_context_get_settings     (LdContext    *self);
LdDatabase *ld_context_get_database     (LdContext    *self);
void        ld_context_set_database     (LdContext    *self,
                                         LdDatabase   *database);
/* The store over the open database, or NULL while none is open. */
LdStore    *ld_context_get_store        (LdContext    *self);
GDateTime  *ld_context_now              (LdContext    *self);
void        ld_context_set_fixed_now    (LdContext    *self,
                                         GDateTime    *now);
char       *ld_context_dup_operator     (LdContext    *self);

G_END_DECLS

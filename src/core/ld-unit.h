/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LD_TYPE_UNIT (ld_unit_get_type ())

G_DECLARE_FINAL_TYPE (LdUnit, ld_unit, LD, UNIT, GObject)

/* Handling unit (承办单位) kinds, as stored: "department", "subdistrict", "community",
 * "village", "enterprise", "other". */

LdUnit     *ld_unit_new              (void);
LdUnit     *ld_unit_copy             (LdUnit      *self);

gint64      ld_unit_get_id           (LdUnit      *self);
void        ld_unit_set_id           (LdUnit      *self,
                                      gint64       id);
const char *ld_unit_get_name         (LdUnit      *self);
void        ld_unit_set_name         (LdUnit      *self,
                                      const char  *name);
const char *ld_unit_get_kind         (LdUnit      *self);
void        ld_unit_set_kind         (LdUnit      *self,
                                      const char  *kind);
const char *ld_unit_get_contact      (LdUnit      *self);
void        ld_unit_set_contact      (LdUnit      *self,
                                      const char  *contact);
const char *ld_unit_get_phone        (LdUnit      *self);
void        ld_unit_set_phone        (LdUnit      *self,
                                      const char  *phone);
gboolean    ld_unit_get_hidden       (LdUnit      *self);
void        ld_unit_set_hidden       (LdUnit      *self,
                                      gboolean     hidden);

const char *ld_unit_kind_to_string   (const char  *kind);
const char * const *ld_unit_kinds    (void);

/* field (property name) → message; empty when valid. */
GHashTable *ld_unit_validate         (LdUnit      *self);

G_END_DECLS

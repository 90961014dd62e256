/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LD_TYPE_DEPUTY (ld_deputy_get_type ())

G_DECLARE_FINAL_TYPE (LdDeputy, ld_deputy, LD, DEPUTY, GObject)

/* Deputy levels (五级代表), as stored: "national", "provincial", "municipal", "district",
 * "township". Gender: NULL, "female", "male". */

LdDeputy   *ld_deputy_new                (void);
LdDeputy   *ld_deputy_copy               (LdDeputy    *self);
gboolean    ld_deputy_equal              (LdDeputy    *a,
                                          LdDeputy    *b);

gint64      ld_deputy_get_id             (LdDeputy    *self);
void        ld_deputy_set_id             (LdDeputy    *self,
                                          gint64       id);
const char *ld_deputy_get_uuid           (LdDeputy    *self);
void        ld_deputy_set_uuid           (LdDeputy    *self,
                                          const char  *uuid);
gint64      ld_deputy_get_station_id     (LdDeputy    *self);
void        ld_deputy_set_station_id     (LdDeputy    *self,
                                          gint64       station_id);
const char *ld_deputy_get_name           (LdDeputy    *self);
void        ld_deputy_set_name           (LdDeputy    *self,
                                          const char  *name);
const char *ld_deputy_get_gender         (LdDeputy    *self);
void        ld_deputy_set_gender         (LdDeputy    *self,
                                          const char  *gender);
const char *ld_deputy_get_level          (LdDeputy    *self);
void        ld_deputy_set_level          (LdDeputy    *self,
                                          const char  *level);
const char *ld_deputy_get_group          (LdDeputy    *self);
void        ld_deputy_set_group          (LdDeputy    *self,
                                          const char  *group);
const char *ld_deputy_get_constituency   (LdDeputy    *self);
void        ld_deputy_set_constituency   (LdDeputy    *self,
                                          const char  *constituency);
const char *ld_deputy_get_occupation     (LdDeputy    *self);
void        ld_deputy_set_occupation     (LdDeputy    *self,
                                          const char  *occupation);
const char *ld_deputy_get_workplace      (LdDeputy    *self);
void        ld_deputy_set_workplace      (LdDeputy    *self,
                                          const char  *workplace);
const char *ld_deputy_get_phone          (LdDeputy    *self);
void        ld_deputy_set_phone          (LdDeputy    *self,
                                          const char  *phone);
gboolean    ld_deputy_get_active         (LdDeputy    *self);
void        ld_deputy_set_active         (LdDeputy    *self,
                                          gboolean     active);
const char *ld_deputy_get_notes          (LdDeputy    *self);
void        ld_deputy_set_notes          (LdDeputy    *self,
                                          const char  *notes);

/* The level in the UI language, e.g. "District" / "区(县)". */
const char *ld_deputy_level_to_string    (const char  *level);
const char * const *ld_deputy_levels     (void);
/* "Female" / "Male" in the UI language, NULL for NULL. */
const char *ld_deputy_gender_to_string   (const char  *gender);
/* Pinyin initials of a Chinese name for type-to-search ("张伟" → "zw"), lowercase; Latin letters
 * and digits are kept, characters it does not know are skipped. */
char       *ld_deputy_name_initials      (const char  *name);

/*
 * The validation rule of the editor, a pure function: field (property name) → message for
 * every invalid field; empty when the deputy can be saved. Names up to 50 characters, other
 * text fields up to 200, notes up to 2,000, valid UTF-8 without control characters, a known
 * level and gender, a valid phone (see ld_phone_normalize()).
 */
GHashTable *ld_deputy_validate           (LdDeputy    *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LD_TYPE_STATION (ld_station_get_type ())

G_DECLARE_FINAL_TYPE (LdStation, ld_station, LD, STATION, GObject)

/* Station kinds (家站点), as stored: "station", "home", "central", "point", "workroom",
 * "enterprise", "online". */

LdStation  *ld_station_new                  (void);
LdStation  *ld_station_copy                 (LdStation   *self);

gint64      ld_station_get_id               (LdStation   *self);
void        ld_station_set_id               (LdStation   *self,
                                             gint64       id);
const char *ld_station_get_kind             (LdStation   *self);
void        ld_station_set_kind             (LdStation   *self,
                                             const char  *kind);
const char *ld_station_get_name             (LdStation   *self);
void        ld_station_set_name             (LdStation   *self,
                                             const char  *name);
const char *ld_station_get_district         (LdStation   *self);
void        ld_station_set_district         (LdStation   *self,
                                             const char  *district);
const char *ld_station_get_subdistrict      (LdStation   *self);
void        ld_station_set_subdistrict      (LdStation   *self,
                                             const char  *subdistrict);
const char *ld_station_get_address          (LdStation   *self);
void        ld_station_set_address          (LdStation   *self,
                                             const char  *address);
const char *ld_station_get_phone            (LdStation   *self);
void        ld_station_set_phone            (LdStation   *self,
                                             const char  *phone);
const char *ld_station_get_reporting_unit   (LdStation   *self);
void        ld_station_set_reporting_unit   (LdStation   *self,
                                             const char  *reporting_unit);

const char *ld_station_kind_to_string       (const char  *kind);
const char * const *ld_station_kinds        (void);

/* field (property name) → message; empty when valid. Name and reporting unit are required. */
GHashTable *ld_station_validate             (LdStation   *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-station"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-phone.h"
#include "ld-station.h"

/* The station profile (家站点): what the app asks for on first start and what exports name as
 * the reporting unit. Text fields are never NULL (empty is ""). */

#define NAME_MAX_CHARS 50
#define TEXT_MAX_CHARS 200

struct _LdStation
{
  GObject  parent_instance;

  /* Owned */
  char    *kind;
  char    *name;
  char    *district;
  char    *subdistrict;
  char    *address;
  char    *phone;
  char    *reporting_unit;

  gint64   id;
};

G_DEFINE_FINAL_TYPE (LdStation, ld_station, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_DISTRICT,
  PROP_SUBDISTRICT,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_REPORTING_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = {
  "station", "home", "central", "point", "workroom", "enterprise", "online", NULL
};

static const struct
{
  const char *kind;
  const char *context;
  const char *name;
} kind_names[] = {
  { "station",    "station kind", NC_("station kind", "Liaison station") },
  { "home",       "station kind", NC_("station kind", "Deputies’ home") },
  { "central",    "station kind", NC_("station kind", "Central liaison station") },
  { "point",      "station kind", NC_("station kind", "Contact point") },
  { "workroom",   "station kind", NC_("station kind", "Deputy work room") },
  { "enterprise", "station kind", NC_("station kind", "Enterprise or park station") },
  { "online",     "station kind", NC_("station kind", "Online station") },
};

/* ------------------------------------------------------------------ helpers */

/* Stores @value ("" for NULL) in @field; FALSE when it was already there. */
static gboolean
set_text (char       **field,
          const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_station_finalize (GObject *object)
{
  LdStation *self = LD_STATION (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->subdistrict, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->reporting_unit, g_free);

  G_OBJECT_CLASS (ld_station_parent_class)->finalize (object);
}

static void
ld_station_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LdStation *self = LD_STATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_SUBDISTRICT:
      g_value_set_string (value, self->subdistrict);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_REPORTING_UNIT:
      g_value_set_string (value, self->reporting_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LdStation *self = LD_STATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_station_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      ld_station_set_kind (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      ld_station_set_name (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      ld_station_set_district (self, g_value_get_string (value));
      break;
    case PROP_SUBDISTRICT:
      ld_station_set_subdistrict (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      ld_station_set_address (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      ld_station_set_phone (self, g_value_get_string (value));
      break;
    case PROP_REPORTING_UNIT:
      ld_station_set_reporting_unit (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_class_init (LdStationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_station_finalize;
  object_class->get_property = ld_station_get_property;
  object_class->set_property = ld_station_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "station", flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, "", flags);
  properties[PROP_SUBDISTRICT] =
    g_param_spec_string ("subdistrict", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_REPORTING_UNIT] =
    g_param_spec_string ("reporting-unit", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_station_init (LdStation *self)
{
  self->kind = g_strdup ("station");
  self->name = g_strdup ("");
  self->district = g_strdup ("");
  self->subdistrict = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
  self->reporting_unit = g_strdup ("");
}

/* ------------------------------------------------------------------ public API */

LdStation *
ld_station_new (void)
{
  return g_object_new (LD_TYPE_STATION, NULL);
}

LdStation *
ld_station_copy (LdStation *self)
{
  LdStation *copy;

  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  copy = ld_station_new ();
  copy->id = self->id;
  set_text (&copy->kind, self->kind);
  set_text (&copy->name, self->name);
  set_text (&copy->district, self->district);
  set_text (&copy->subdistrict, self->subdistrict);
  set_text (&copy->address, self->address);
  set_text (&copy->phone, self->phone);
  set_text (&copy->reporting_unit, self->reporting_unit);

  return copy;
}

gint64
ld_station_get_id (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), 0);

  return self->id;
}

void
ld_station_set_id (LdStation *self,
                   gint64     id)
{
  g_return_if_fail (LD_IS_STATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ld_station_get_kind (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->kind;
}

void
ld_station_set_kind (LdStation  *self,
                     const char *kind)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ld_station_get_name (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->name;
}

void
ld_station_set_name (LdStation  *self,
                     const char *name)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ld_station_get_district (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->district;
}

void
ld_station_set_district (LdStation  *self,
                         const char *district)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

const char *
ld_station_get_subdistrict (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->subdistrict;
}

void
ld_station_set_subdistrict (LdStation  *self,
                            const char *subdistrict)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->subdistrict, subdistrict))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBDISTRICT]);
}

const char *
ld_station_get_address (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->address;
}

void
ld_station_set_address (LdStation  *self,
                        const char *address)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
ld_station_get_phone (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->phone;
}

void
ld_station_set_phone (LdStation  *self,
                      const char *phone)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
ld_station_get_reporting_unit (LdStation *self)
{
  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  return self->reporting_unit;
}

void
ld_station_set_reporting_unit (LdStation  *self,
                               const char *reporting_unit)
{
  g_return_if_fail (LD_IS_STATION (self));

  if (set_text (&self->reporting_unit, reporting_unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTING_UNIT]);
}

/* Returns: the kind in the UI language, or @kind itself when it is not a known kind */
const char *
ld_station_kind_to_string (const char *kind)
{
  if (kind == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind, kind_names[i].kind))
      return g_dpgettext2 (GETTEXT_PACKAGE, kind_names[i].context, kind_names[i].name);

  return kind;
}

/* Returns: (transfer none): the stored kinds, NULL-terminated */
const char * const *
ld_station_kinds (void)
{
  return kinds;
}

/**
 * ld_station_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the profile can be saved
 */
GHashTable *
ld_station_validate (LdStation *self)
{
  GHashTable *errors;

  g_return_val_if_fail (LD_IS_STATION (self), NULL);

  errors = ld_validation_errors_new ();

  if (!g_strv_contains (kinds, self->kind))
    g_hash_table_insert (errors, (gpointer) "kind", g_strdup (_("Choose a type")));

  ld_validation_check_required (errors, "name", self->name, NAME_MAX_CHARS, _("Enter a name"));
  ld_validation_check_field (errors, "district", self->district, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "subdistrict", self->subdistrict, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "address", self->address, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_required (errors, "reporting-unit", self->reporting_unit, TEXT_MAX_CHARS,
                                _("Enter the name that exports give as the reporting unit"));
  ld_validation_check_phone (errors, "phone", self->phone);

  return errors;
}

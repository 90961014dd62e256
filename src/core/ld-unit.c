/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-unit"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-phone.h"
#include "ld-unit.h"

/* A handling unit (承办单位) that concerns are referred to. Text fields are never NULL. */

#define NAME_MAX_CHARS 50

struct _LdUnit
{
  GObject   parent_instance;

  /* Owned */
  char     *name;
  char     *kind;
  char     *contact;
  char     *phone;

  gint64    id;
  gboolean  hidden;
};

G_DEFINE_FINAL_TYPE (LdUnit, ld_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_CONTACT,
  PROP_PHONE,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = {
  "department", "subdistrict", "community", "village", "enterprise", "other", NULL
};

static const struct
{
  const char *kind;
  const char *context;
  const char *name;
} kind_names[] = {
  { "department",  "unit kind", NC_("unit kind", "Government department") },
  { "subdistrict", "unit kind", NC_("unit kind", "Sub-district office") },
  { "community",   "unit kind", NC_("unit kind", "Community") },
  { "village",     "unit kind", NC_("unit kind", "Village") },
  { "enterprise",  "unit kind", NC_("unit kind", "Enterprise") },
  { "other",       "unit kind", NC_("unit kind", "Other") },
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
ld_unit_finalize (GObject *object)
{
  LdUnit *self = LD_UNIT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (ld_unit_parent_class)->finalize (object);
}

static void
ld_unit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LdUnit *self = LD_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_unit_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LdUnit *self = LD_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_unit_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ld_unit_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      ld_unit_set_kind (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      ld_unit_set_contact (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      ld_unit_set_phone (self, g_value_get_string (value));
      break;
    case PROP_HIDDEN:
      ld_unit_set_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_unit_class_init (LdUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_unit_finalize;
  object_class->get_property = ld_unit_get_property;
  object_class->set_property = ld_unit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "department", flags);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, "", flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_unit_init (LdUnit *self)
{
  self->name = g_strdup ("");
  self->kind = g_strdup ("department");
  self->contact = g_strdup ("");
  self->phone = g_strdup ("");
}

/* ------------------------------------------------------------------ public API */

LdUnit *
ld_unit_new (void)
{
  return g_object_new (LD_TYPE_UNIT, NULL);
}

LdUnit *
ld_unit_copy (LdUnit *self)
{
  LdUnit *copy;

  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  copy = ld_unit_new ();
  copy->id = self->id;
  copy->hidden = self->hidden;
  set_text (&copy->name, self->name);
  set_text (&copy->kind, self->kind);
  set_text (&copy->contact, self->contact);
  set_text (&copy->phone, self->phone);

  return copy;
}

gint64
ld_unit_get_id (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), 0);

  return self->id;
}

void
ld_unit_set_id (LdUnit *self,
                gint64  id)
{
  g_return_if_fail (LD_IS_UNIT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ld_unit_get_name (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  return self->name;
}

void
ld_unit_set_name (LdUnit     *self,
                  const char *name)
{
  g_return_if_fail (LD_IS_UNIT (self));

  if (set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ld_unit_get_kind (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  return self->kind;
}

void
ld_unit_set_kind (LdUnit     *self,
                  const char *kind)
{
  g_return_if_fail (LD_IS_UNIT (self));

  if (set_text (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ld_unit_get_contact (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  return self->contact;
}

void
ld_unit_set_contact (LdUnit     *self,
                     const char *contact)
{
  g_return_if_fail (LD_IS_UNIT (self));

  if (set_text (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

const char *
ld_unit_get_phone (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  return self->phone;
}

void
ld_unit_set_phone (LdUnit     *self,
                   const char *phone)
{
  g_return_if_fail (LD_IS_UNIT (self));

  if (set_text (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

gboolean
ld_unit_get_hidden (LdUnit *self)
{
  g_return_val_if_fail (LD_IS_UNIT (self), FALSE);

  return self->hidden;
}

void
ld_unit_set_hidden (LdUnit   *self,
                    gboolean  hidden)
{
  g_return_if_fail (LD_IS_UNIT (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;
  self->hidden = hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

/* Returns: the kind in the UI language, or @kind itself when it is not a known kind */
const char *
ld_unit_kind_to_string (const char *kind)
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
ld_unit_kinds (void)
{
  return kinds;
}

/**
 * ld_unit_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the unit can be saved
 */
GHashTable *
ld_unit_validate (LdUnit *self)
{
  GHashTable *errors;

  g_return_val_if_fail (LD_IS_UNIT (self), NULL);

  errors = ld_validation_errors_new ();

  ld_validation_check_required (errors, "name", self->name, NAME_MAX_CHARS, _("Enter a name"));

  if (!g_strv_contains (kinds, self->kind))
    g_hash_table_insert (errors, (gpointer) "kind", g_strdup (_("Choose a kind")));

  /* The contact is a person's name. */
  ld_validation_check_field (errors, "contact", self->contact, NAME_MAX_CHARS, FALSE);
  ld_validation_check_phone (errors, "phone", self->phone);

  return errors;
}

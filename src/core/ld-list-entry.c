/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-list-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-list-entry.h"
#include "ld-phone.h"

/*
 * An entry of one of the editable lists (categories, channels, answer classes). A seeded entry
 * has a seed_key and shows the seed's translation in the UI language until the user renames it;
 * an entry the user added has only a name.
 */

#define NAME_MAX_CHARS   50
#define TIME_LIMIT_MAX   366

struct _LdListEntry
{
  GObject     parent_instance;

  /* Owned */
  char       *seed_key;
  char       *name;

  LdListKind  kind;
  gint64      id;
  gboolean    hidden;
  int         position;
  int         time_limit_days;
};

G_DEFINE_FINAL_TYPE (LdListEntry, ld_list_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_SEED_KEY,
  PROP_NAME,
  PROP_HIDDEN,
  PROP_POSITION,
  PROP_TIME_LIMIT_DAYS,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *seed_key;
  const char *name;       /* translated with the context of its list */
} Seed;

/* The glossary's defaults, as seeded by data/db/0001-base.sql. */
static const Seed concern_category_seeds[] = {
  { "urban_construction",    NC_("concern category", "Urban construction") },
  { "business_environment",  NC_("concern category", "Business environment") },
  { "rural_revitalisation",  NC_("concern category", "Rural revitalisation") },
  { "grassroots_governance", NC_("concern category", "Grassroots governance") },
  { "social_security",       NC_("concern category", "Social security") },
  { "education",             NC_("concern category", "Education") },
  { "health",                NC_("concern category", "Health") },
  { "transport",             NC_("concern category", "Transport") },
  { "environment",           NC_("concern category", "Environment") },
  { "housing_property",      NC_("concern category", "Housing and property") },
  { "other",                 NC_("concern category", "Other") },
  { NULL, NULL }
};

static const Seed suggestion_category_seeds[] = {
  { "finance_economy",
    NC_("suggestion category", "Finance and economy") },
  { "urban_rural_construction_environment",
    NC_("suggestion category", "Urban and rural construction and environment") },
  { "agriculture_rural_affairs",
    NC_("suggestion category", "Agriculture and rural affairs") },
  { "education_science_culture_health",
    NC_("suggestion category", "Education, science, culture and health") },
  { "internal_affairs_justice",
    NC_("suggestion category", "Internal affairs and justice") },
  { "social_development",
    NC_("suggestion category", "Social development") },
  { NULL, NULL }
};

static const Seed channel_seeds[] = {
  { "reception_day",  NC_("channel", "Reception day") },
  { "duty",           NC_("channel", "Duty day") },
  { "visit",          NC_("channel", "Outreach visit") },
  { "letter",         NC_("channel", "Letter") },
  { "phone_call",     NC_("channel", "Phone call") },
  { "suggestion_box", NC_("channel", "Suggestion box") },
  { "online",         NC_("channel", "Online station") },
  { "hotline_12345",  NC_("channel", "Referred by the 12345 hotline") },
  { NULL, NULL }
};

static const Seed answer_class_seeds[] = {
  { "A", NC_("answer class", "A: Solved or basically solved") },
  { "B", NC_("answer class", "B: Being solved") },
  { "C", NC_("answer class", "C: Planned, to be solved step by step") },
  { "D", NC_("answer class", "D: Kept for reference") },
  { NULL, NULL }
};

/* ------------------------------------------------------------------ helpers */

static const Seed *
seeds_of_kind (LdListKind   kind,
               const char **context)
{
  switch (kind)
    {
    case LD_LIST_CONCERN_CATEGORY:
      *context = "concern category";
      return concern_category_seeds;
    case LD_LIST_SUGGESTION_CATEGORY:
      *context = "suggestion category";
      return suggestion_category_seeds;
    case LD_LIST_CHANNEL:
      *context = "channel";
      return channel_seeds;
    case LD_LIST_ANSWER_CLASS:
      *context = "answer class";
      return answer_class_seeds;
    default:
      *context = NULL;
      return NULL;
    }
}

/* Stores @value (NULL for "") in @field; FALSE when it was already there. */
static gboolean
set_optional_text (char       **field,
                   const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_list_entry_finalize (GObject *object)
{
  LdListEntry *self = LD_LIST_ENTRY (object);

  g_clear_pointer (&self->seed_key, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (ld_list_entry_parent_class)->finalize (object);
}

static void
ld_list_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdListEntry *self = LD_LIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SEED_KEY:
      g_value_set_string (value, self->seed_key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_TIME_LIMIT_DAYS:
      g_value_set_int (value, self->time_limit_days);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ld_list_entry_get_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_list_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdListEntry *self = LD_LIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_ID:
      ld_list_entry_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SEED_KEY:
      ld_list_entry_set_seed_key (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      ld_list_entry_set_name (self, g_value_get_string (value));
      break;
    case PROP_HIDDEN:
      ld_list_entry_set_hidden (self, g_value_get_boolean (value));
      break;
    case PROP_POSITION:
      ld_list_entry_set_position (self, g_value_get_int (value));
      break;
    case PROP_TIME_LIMIT_DAYS:
      ld_list_entry_set_time_limit_days (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_list_entry_class_init (LdListEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_list_entry_finalize;
  object_class->get_property = ld_list_entry_get_property;
  object_class->set_property = ld_list_entry_set_property;

  /* An LdListKind. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      LD_LIST_CONCERN_CATEGORY, LD_LIST_ANSWER_CLASS, LD_LIST_CONCERN_CATEGORY,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SEED_KEY] =
    g_param_spec_string ("seed-key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_TIME_LIMIT_DAYS] =
    g_param_spec_int ("time-limit-days", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_list_entry_init (LdListEntry *self)
{
  self->time_limit_days = -1;
}

/* ------------------------------------------------------------------ public API */

LdListEntry *
ld_list_entry_new (LdListKind kind)
{
  g_return_val_if_fail (kind <= LD_LIST_ANSWER_CLASS, NULL);

  return g_object_new (LD_TYPE_LIST_ENTRY, "kind", kind, NULL);
}

LdListEntry *
ld_list_entry_copy (LdListEntry *self)
{
  LdListEntry *copy;

  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), NULL);

  copy = ld_list_entry_new (self->kind);
  copy->id = self->id;
  copy->seed_key = g_strdup (self->seed_key);
  copy->name = g_strdup (self->name);
  copy->hidden = self->hidden;
  copy->position = self->position;
  copy->time_limit_days = self->time_limit_days;

  return copy;
}

LdListKind
ld_list_entry_get_kind (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), LD_LIST_CONCERN_CATEGORY);

  return self->kind;
}

gint64
ld_list_entry_get_id (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), 0);

  return self->id;
}

void
ld_list_entry_set_id (LdListEntry *self,
                      gint64       id)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* Returns: (nullable): the seed key, NULL for entries the user added */
const char *
ld_list_entry_get_seed_key (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), NULL);

  return self->seed_key;
}

void
ld_list_entry_set_seed_key (LdListEntry *self,
                            const char  *seed_key)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));

  if (!set_optional_text (&self->seed_key, seed_key))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED_KEY]);
  if (self->name == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/* Returns: (nullable): the user's text, NULL while a seeded entry keeps its default name */
const char *
ld_list_entry_get_name (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), NULL);

  return self->name;
}

/* An empty @name gives a seeded entry its default name back. */
void
ld_list_entry_set_name (LdListEntry *self,
                        const char  *name)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));

  if (!set_optional_text (&self->name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

gboolean
ld_list_entry_get_hidden (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), FALSE);

  return self->hidden;
}

void
ld_list_entry_set_hidden (LdListEntry *self,
                          gboolean     hidden)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;
  self->hidden = hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

int
ld_list_entry_get_position (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), 0);

  return self->position;
}

void
ld_list_entry_set_position (LdListEntry *self,
                            int          position)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

int
ld_list_entry_get_time_limit_days (LdListEntry *self)
{
  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), -1);

  return self->time_limit_days;
}

/* @days: working days, or -1 (any value below 1) for the general setting */
void
ld_list_entry_set_time_limit_days (LdListEntry *self,
                                   int          days)
{
  g_return_if_fail (LD_IS_LIST_ENTRY (self));

  if (days < 1)
    days = -1;
  if (self->time_limit_days == days)
    return;
  self->time_limit_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_LIMIT_DAYS]);
}

const char *
ld_list_entry_get_display_name (LdListEntry *self)
{
  const char *seed_name;

  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), NULL);

  if (self->name != NULL)
    return self->name;
  if (self->seed_key == NULL)
    return "";

  seed_name = ld_list_seed_display_name (self->kind, self->seed_key);
  return seed_name != NULL ? seed_name : self->seed_key;
}

const char *
ld_list_seed_display_name (LdListKind  kind,
                           const char *seed_key)
{
  const char *context;
  const Seed *seeds = seeds_of_kind (kind, &context);

  if (seeds == NULL || seed_key == NULL)
    return NULL;

  for (; seeds->seed_key != NULL; seeds++)
    if (g_str_equal (seeds->seed_key, seed_key))
      return g_dpgettext2 (GETTEXT_PACKAGE, context, seeds->name);

  return NULL;
}

/**
 * ld_list_entry_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the entry can be saved
 */
GHashTable *
ld_list_entry_validate (LdListEntry *self)
{
  GHashTable *errors;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LD_IS_LIST_ENTRY (self), NULL);

  errors = ld_validation_errors_new ();

  /* A seeded entry without a name of its own shows the default. */
  if (self->seed_key == NULL)
    ld_validation_check_required (errors, "name", self->name, NAME_MAX_CHARS, _("Enter a name"));
  else
    {
      name = ld_validation_strip_text (self->name);
      ld_validation_check_field (errors, "name", name, NAME_MAX_CHARS, FALSE);
    }

  if (self->kind == LD_LIST_CONCERN_CATEGORY && self->time_limit_days > TIME_LIMIT_MAX)
    g_hash_table_insert (errors, (gpointer) "time-limit-days",
                         g_strdup_printf (/* Translators: %d is the largest number allowed */
                                          _("Use at most %d working days"), TIME_LIMIT_MAX));

  return errors;
}

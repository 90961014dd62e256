/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-context"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-context.h"
#include "ld-suggestion-store.h"

/* The one object through which widgets reach shared services: the open database (which may be
 * absent while the window explains why it could not be opened), the settings and the clock. */
struct _LdContext
{
  GObject     parent_instance;

  /* Owned */
  GSettings  *settings;
  LdDatabase *database;
  LdStore    *store;
  GDateTime  *fixed_now;
};

G_DEFINE_FINAL_TYPE (LdContext, ld_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ overrides */

static void
ld_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LdContext *self = LD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LdContext *self = LD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      ld_context_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_context_dispose (GObject *object)
{
  LdContext *self = LD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ld_context_parent_class)->dispose (object);
}

static void
ld_context_finalize (GObject *object)
{
  LdContext *self = LD_CONTEXT (object);

  g_clear_pointer (&self->fixed_now, g_date_time_unref);

  G_OBJECT_CLASS (ld_context_parent_class)->finalize (object);
}

static void
ld_context_class_init (LdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ld_context_get_property;
  object_class->set_property = ld_context_set_property;
  object_class->dispose = ld_context_dispose;
  object_class->finalize = ld_context_finalize;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_context_init (LdContext *self)
{
}

/* ------------------------------------------------------------------ helpers */

/* The year-end run of the rolling supervision ledger (滚动督办): what was still being solved
 * last year enters this year's ledger. It adds each row once, so every opening may run it and
 * the first one after New Year does the work, whenever the station's computer is switched on.
 * A failure costs nothing but the rows, which the next opening adds. */
static void
carry_over_last_year (LdContext *self)
{
  g_autoptr(GDateTime) now = ld_context_now (self);
  g_autofree char *operator = ld_context_dup_operator (self);
  g_autoptr(GError) error = NULL;
  int added;

  added = ld_suggestion_store_carry_over (self->store, (guint) g_date_time_get_year (now) - 1,
                                          operator, &error);
  /* The message may name the database file; the log gets only the kind of error. */
  if (added < 0)
    g_warning ("Carrying suggestions into rolling supervision failed (%s, code %d)",
               g_quark_to_string (error->domain), error->code);
  else if (added > 0)
    g_debug ("Carried %d suggestions into rolling supervision", added);
}

/* ------------------------------------------------------------------ public API */

LdContext *
ld_context_new (GSettings *settings)
{
  LdContext *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LD_TYPE_CONTEXT, NULL);
  self->settings = g_object_ref (settings);

  return self;
}

GSettings *
ld_context_get_settings (LdContext *self)
{
  g_return_val_if_fail (LD_IS_CONTEXT (self), NULL);

  return self->settings;
}

/* Returns: (nullable) (transfer none): the open database, or %NULL when none could be opened */
LdDatabase *
ld_context_get_database (LdContext *self)
{
  g_return_val_if_fail (LD_IS_CONTEXT (self), NULL);

  return self->database;
}

void
ld_context_set_database (LdContext  *self,
                         LdDatabase *database)
{
  g_return_if_fail (LD_IS_CONTEXT (self));
  g_return_if_fail (!database || LD_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  /* The store belongs to the database it was made for. */
  g_clear_object (&self->store);
  if (database)
    {
      self->store = ld_store_new (database);
      carry_over_last_year (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Returns: (nullable) (transfer none): the store over the open database */
LdStore *
ld_context_get_store (LdContext *self)
{
  g_return_val_if_fail (LD_IS_CONTEXT (self), NULL);

  return self->store;
}

/* Returns: (transfer full): the current local time, or the fixed time a test set */
GDateTime *
ld_context_now (LdContext *self)
{
  g_return_val_if_fail (LD_IS_CONTEXT (self), NULL);

  if (self->fixed_now)
    return g_date_time_ref (self->fixed_now);

  return g_date_time_new_now_local ();
}

void
ld_context_set_fixed_now (LdContext *self,
                          GDateTime *now)
{
  g_return_if_fail (LD_IS_CONTEXT (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now)
    self->fixed_now = g_date_time_ref (now);
}

/* The operator's name recorded in timelines and the export log: the one set in Preferences,
 * else the account's full name, else the login name. */
char *
ld_context_dup_operator (LdContext *self)
{
  g_autofree char *name = NULL;
  const char *real;

  g_return_val_if_fail (LD_IS_CONTEXT (self), NULL);

  name = g_settings_get_string (self->settings, "operator-name");
  g_strstrip (name);
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  real = g_get_real_name ();
  if (real && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

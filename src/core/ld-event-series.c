/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-event-series"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-event.h"
#include "ld-event-private.h"
#include "ld-event-series.h"
#include "ld-phone.h"

#define TEXT_MAX_CHARS  200
#define NOTES_MAX_CHARS 2000

struct _LdEventSeries
{
  GObject       parent_instance;

  gint64        id;
  gint64        station_id;
  char         *kind;
  char         *theme;
  char         *place;
  char         *start_time;
  char         *end_time;
  char         *notes;
  LdRecurrence  recurrence;

  /* Owned: ordered deputy ids */
  GArray       *rotation;
};

G_DEFINE_FINAL_TYPE (LdEventSeries, ld_event_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATION_ID,
  PROP_KIND,
  PROP_THEME,
  PROP_PLACE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_NOTES,
  PROP_RECURRENCE,
  PROP_ROTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

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

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
recurrences_equal (const LdRecurrence *a,
                   const LdRecurrence *b)
{
  return a->freq == b->freq
         && a->interval == b->interval
         && a->month_day == b->month_day
         && a->week_ordinal == b->week_ordinal
         && a->weekday == b->weekday
         && a->weekdays_mask == b->weekdays_mask
         && a->month_day_overflow == b->month_day_overflow
         && a->on_holiday == b->on_holiday
         && dates_equal (&a->start_date, &b->start_date)
         && dates_equal (&a->until_date, &b->until_date)
         && a->count == b->count
         && a->deputies_per_event == b->deputies_per_event;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_event_series_finalize (GObject *object)
{
  LdEventSeries *self = LD_EVENT_SERIES (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->end_time, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->rotation, g_array_unref);

  G_OBJECT_CLASS (ld_event_series_parent_class)->finalize (object);
}

static void
ld_event_series_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LdEventSeries *self = LD_EVENT_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;
    case PROP_END_TIME:
      g_value_set_string (value, self->end_time);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_RECURRENCE:
      g_value_set_pointer (value, &self->recurrence);
      break;
    case PROP_ROTATION:
      g_value_set_uint (value, self->rotation->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_series_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LdEventSeries *self = LD_EVENT_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_event_series_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_STATION_ID:
      ld_event_series_set_station_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      ld_event_series_set_kind (self, g_value_get_string (value));
      break;
    case PROP_THEME:
      ld_event_series_set_theme (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      ld_event_series_set_place (self, g_value_get_string (value));
      break;
    case PROP_START_TIME:
      ld_event_series_set_start_time (self, g_value_get_string (value));
      break;
    case PROP_END_TIME:
      ld_event_series_set_end_time (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      ld_event_series_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_series_class_init (LdEventSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_event_series_finalize;
  object_class->get_property = ld_event_series_get_property;
  object_class->set_property = ld_event_series_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "reception_day", flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, "", flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", flags);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, "", flags);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  /* (type LdRecurrence*): read through ld_event_series_get_recurrence(); notified on change. */
  properties[PROP_RECURRENCE] = g_param_spec_pointer ("recurrence", NULL, NULL, read_only);
  /* How many deputies the rotation has; notified when it changes. */
  properties[PROP_ROTATION] =
    g_param_spec_uint ("rotation", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_event_series_init (LdEventSeries *self)
{
  self->kind = g_strdup ("reception_day");
  self->theme = g_strdup ("");
  self->place = g_strdup ("");
  self->start_time = g_strdup ("");
  self->end_time = g_strdup ("");
  self->notes = g_strdup ("");
  ld_recurrence_init (&self->recurrence);
  self->rotation = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ------------------------------------------------------------------ public API */

LdEventSeries *
ld_event_series_new (void)
{
  return g_object_new (LD_TYPE_EVENT_SERIES, NULL);
}

LdEventSeries *
ld_event_series_copy (LdEventSeries *self)
{
  LdEventSeries *copy;

  g_return_val_if_fail (LD_IS_EVENT_SERIES (self), NULL);

  copy = g_object_new (LD_TYPE_EVENT_SERIES,
                       "id", self->id,
                       "station-id", self->station_id,
                       "kind", self->kind,
                       "theme", self->theme,
                       "place", self->place,
                       "start-time", self->start_time,
                       "end-time", self->end_time,
                       "notes", self->notes,
                       NULL);
  copy->recurrence = self->recurrence;
  ld_event_series_set_rotation (copy, (const gint64 *) self->rotation->data,
                                self->rotation->len);
  return copy;
}

#define DEFINE_INT64_PROPERTY(name, PROP)                                     \
  gint64                                                                      \
  ld_event_series_get_##name (LdEventSeries *self)                            \
  {                                                                           \
    g_return_val_if_fail (LD_IS_EVENT_SERIES (self), 0);                      \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  ld_event_series_set_##name (LdEventSeries *self,                            \
                              gint64         name)                            \
  {                                                                           \
    g_return_if_fail (LD_IS_EVENT_SERIES (self));                             \
    if (self->name == name)                                                   \
      return;                                                                 \
    self->name = name;                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

#define DEFINE_TEXT_PROPERTY(name, PROP)                                      \
  const char *                                                                \
  ld_event_series_get_##name (LdEventSeries *self)                            \
  {                                                                           \
    g_return_val_if_fail (LD_IS_EVENT_SERIES (self), NULL);                   \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  ld_event_series_set_##name (LdEventSeries *self,                            \
                              const char    *name)                            \
  {                                                                           \
    g_return_if_fail (LD_IS_EVENT_SERIES (self));                             \
    if (set_text (&self->name, name))                                         \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

DEFINE_INT64_PROPERTY (id, PROP_ID)
DEFINE_INT64_PROPERTY (station_id, PROP_STATION_ID)
DEFINE_TEXT_PROPERTY (kind, PROP_KIND)
DEFINE_TEXT_PROPERTY (theme, PROP_THEME)
DEFINE_TEXT_PROPERTY (place, PROP_PLACE)
DEFINE_TEXT_PROPERTY (start_time, PROP_START_TIME)
DEFINE_TEXT_PROPERTY (end_time, PROP_END_TIME)
DEFINE_TEXT_PROPERTY (notes, PROP_NOTES)

void
ld_event_series_get_recurrence (LdEventSeries *self,
                                LdRecurrence  *recurrence)
{
  g_return_if_fail (LD_IS_EVENT_SERIES (self));
  g_return_if_fail (recurrence != NULL);

  *recurrence = self->recurrence;
}

void
ld_event_series_set_recurrence (LdEventSeries      *self,
                                const LdRecurrence *recurrence)
{
  g_return_if_fail (LD_IS_EVENT_SERIES (self));
  g_return_if_fail (recurrence != NULL);

  if (recurrences_equal (&self->recurrence, recurrence))
    return;
  self->recurrence = *recurrence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRENCE]);
}

const gint64 *
ld_event_series_get_rotation (LdEventSeries *self,
                              guint         *n_ids)
{
  g_return_val_if_fail (LD_IS_EVENT_SERIES (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->rotation->len;
  return (const gint64 *) self->rotation->data;
}

void
ld_event_series_set_rotation (LdEventSeries *self,
                              const gint64  *ids,
                              guint          n_ids)
{
  g_return_if_fail (LD_IS_EVENT_SERIES (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (self->rotation->len == n_ids
      && (n_ids == 0 || memcmp (self->rotation->data, ids, n_ids * sizeof (gint64)) == 0))
    return;

  g_array_set_size (self->rotation, 0);
  g_array_append_vals (self->rotation, ids, n_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
}

/**
 * ld_event_series_validate:
 *
 * Returns: (transfer full): field → message for every field that cannot be saved; empty when
 *   the series can be saved
 */
GHashTable *
ld_event_series_validate (LdEventSeries *self)
{
  GHashTable *errors;
  g_autoptr(GHashTable) recurrence_errors = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LD_IS_EVENT_SERIES (self), NULL);

  errors = ld_validation_errors_new ();

  recurrence_errors = ld_recurrence_validate (&self->recurrence);
  g_hash_table_iter_init (&iter, recurrence_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (errors, key, g_strdup (value));
    }

  if (!g_strv_contains (ld_event_kinds (), self->kind))
    g_hash_table_insert (errors, (gpointer) "kind", g_strdup (_("Choose a kind of event")));

  _ld_event_check_times (errors, self->start_time, self->end_time);

  if (g_str_equal (self->kind, "reception_day") && self->rotation->len == 0)
    g_hash_table_insert (errors, (gpointer) "rotation",
                         g_strdup (_("Choose at least one deputy for the rotation")));
  for (guint i = 0; i < self->rotation->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_array_index (self->rotation, gint64, i) == g_array_index (self->rotation, gint64, j))
        {
          g_hash_table_insert (errors, (gpointer) "rotation",
                               g_strdup (_("A deputy is in the rotation twice")));
          i = self->rotation->len - 1;
          break;
        }

  ld_validation_check_field (errors, "place", self->place, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "theme", self->theme, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "notes", self->notes, NOTES_MAX_CHARS, TRUE);

  return errors;
}

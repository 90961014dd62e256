/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-event"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-event.h"
#include "ld-event-private.h"
#include "ld-phone.h"

#define TEXT_MAX_CHARS  200
#define NOTES_MAX_CHARS 2000

struct _LdEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   station_id;
  char    *kind;
  char    *status;
  char    *date;
  char    *start_time;
  char    *end_time;
  char    *place;
  char    *theme;
  char    *notes;
  gint64   series_id;
  char    *occurrence_date;
  char    *notice_printed_at;

  /* Owned: one array of gint64 per LdEventRole */
  GArray  *deputies[LD_EVENT_N_ROLES];
};

G_DEFINE_FINAL_TYPE (LdEvent, ld_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATION_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_PLACE,
  PROP_THEME,
  PROP_NOTES,
  PROP_SERIES_ID,
  PROP_OCCURRENCE_DATE,
  PROP_NOTICE_PRINTED_AT,
  PROP_DEPUTIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = {
  "reception_day", "duty", "visit_enterprise", "visit_community", "visit_village",
  "visit_constituency", "forum", "hearing", "council", "other", NULL
};

static const char * const statuses[] = { "planned", "held", "cancelled", NULL };

static const char * const role_ids[LD_EVENT_N_ROLES] = { "on_duty", "on_leave", "attended" };

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

static void
set_text_property (LdEvent     *self,
                   char       **field,
                   const char  *value,
                   guint        prop_id)
{
  if (set_text (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
is_valid_date (const char *text)
{
  int year, month, day;
  char tail;

  return text != NULL && strlen (text) == 10
         && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3
         && g_date_valid_dmy (day, month, year);
}

/* "HH:MM" with two digits each, 00:00–23:59, as the schema stores times. */
static gboolean
is_valid_time (const char *text)
{
  return text != NULL && strlen (text) == 5
         && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':'
         && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && (text[0] - '0') * 10 + (text[1] - '0') < 24
         && (text[3] - '0') * 10 + (text[4] - '0') < 60;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_event_finalize (GObject *object)
{
  LdEvent *self = LD_EVENT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->end_time, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->occurrence_date, g_free);
  g_clear_pointer (&self->notice_printed_at, g_free);
  for (guint i = 0; i < LD_EVENT_N_ROLES; i++)
    g_clear_pointer (&self->deputies[i], g_array_unref);

  G_OBJECT_CLASS (ld_event_parent_class)->finalize (object);
}

static void
ld_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LdEvent *self = LD_EVENT (object);

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
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;
    case PROP_END_TIME:
      g_value_set_string (value, self->end_time);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;
    case PROP_OCCURRENCE_DATE:
      g_value_set_string (value, self->occurrence_date);
      break;
    case PROP_NOTICE_PRINTED_AT:
      g_value_set_string (value, self->notice_printed_at);
      break;
    case PROP_DEPUTIES:
      g_value_set_uint (value, self->deputies[LD_EVENT_ROLE_ON_DUTY]->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LdEvent *self = LD_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_event_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_STATION_ID:
      ld_event_set_station_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      ld_event_set_kind (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ld_event_set_status (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      ld_event_set_date (self, g_value_get_string (value));
      break;
    case PROP_START_TIME:
      ld_event_set_start_time (self, g_value_get_string (value));
      break;
    case PROP_END_TIME:
      ld_event_set_end_time (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      ld_event_set_place (self, g_value_get_string (value));
      break;
    case PROP_THEME:
      ld_event_set_theme (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      ld_event_set_notes (self, g_value_get_string (value));
      break;
    case PROP_SERIES_ID:
      ld_event_set_series_id (self, g_value_get_int64 (value));
      break;
    case PROP_OCCURRENCE_DATE:
      ld_event_set_occurrence_date (self, g_value_get_string (value));
      break;
    case PROP_NOTICE_PRINTED_AT:
      ld_event_set_notice_printed_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_class_init (LdEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_event_finalize;
  object_class->get_property = ld_event_get_property;
  object_class->set_property = ld_event_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "reception_day", flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "planned", flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, "", flags);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, "", flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OCCURRENCE_DATE] =
    g_param_spec_string ("occurrence-date", NULL, NULL, "", flags);
  properties[PROP_NOTICE_PRINTED_AT] =
    g_param_spec_string ("notice-printed-at", NULL, NULL, "", flags);
  /* How many deputies are on duty; notified whenever any role's deputies change. */
  properties[PROP_DEPUTIES] =
    g_param_spec_uint ("deputies", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_event_init (LdEvent *self)
{
  self->kind = g_strdup ("reception_day");
  self->status = g_strdup ("planned");
  self->date = g_strdup ("");
  self->start_time = g_strdup ("");
  self->end_time = g_strdup ("");
  self->place = g_strdup ("");
  self->theme = g_strdup ("");
  self->notes = g_strdup ("");
  self->occurrence_date = g_strdup ("");
  self->notice_printed_at = g_strdup ("");
  for (guint i = 0; i < LD_EVENT_N_ROLES; i++)
    self->deputies[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ------------------------------------------------------------------ public API */

LdEvent *
ld_event_new (void)
{
  return g_object_new (LD_TYPE_EVENT, NULL);
}

LdEvent *
ld_event_copy (LdEvent *self)
{
  LdEvent *copy;

  g_return_val_if_fail (LD_IS_EVENT (self), NULL);

  copy = g_object_new (LD_TYPE_EVENT,
                       "id", self->id,
                       "station-id", self->station_id,
                       "kind", self->kind,
                       "status", self->status,
                       "date", self->date,
                       "start-time", self->start_time,
                       "end-time", self->end_time,
                       "place", self->place,
                       "theme", self->theme,
                       "notes", self->notes,
                       "series-id", self->series_id,
                       "occurrence-date", self->occurrence_date,
                       "notice-printed-at", self->notice_printed_at,
                       NULL);
  for (guint i = 0; i < LD_EVENT_N_ROLES; i++)
    ld_event_set_deputies (copy, i, (const gint64 *) self->deputies[i]->data,
                           self->deputies[i]->len);
  return copy;
}

#define DEFINE_INT64_PROPERTY(name, PROP)                                     \
  gint64                                                                      \
  ld_event_get_##name (LdEvent *self)                                         \
  {                                                                           \
    g_return_val_if_fail (LD_IS_EVENT (self), 0);                             \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  ld_event_set_##name (LdEvent *self,                                         \
                       gint64   name)                                         \
  {                                                                           \
    g_return_if_fail (LD_IS_EVENT (self));                                    \
    if (self->name == name)                                                   \
      return;                                                                 \
    self->name = name;                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

#define DEFINE_TEXT_PROPERTY(name, PROP)                                      \
  const char *                                                                \
  ld_event_get_##name (LdEvent *self)                                         \
  {                                                                           \
    g_return_val_if_fail (LD_IS_EVENT (self), NULL);                          \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  ld_event_set_##name (LdEvent    *self,                                      \
                       const char *name)                                      \
  {                                                                           \
    g_return_if_fail (LD_IS_EVENT (self));                                    \
    set_text_property (self, &self->name, name, PROP);                        \
  }

DEFINE_INT64_PROPERTY (id, PROP_ID)
DEFINE_INT64_PROPERTY (station_id, PROP_STATION_ID)
DEFINE_INT64_PROPERTY (series_id, PROP_SERIES_ID)
DEFINE_TEXT_PROPERTY (kind, PROP_KIND)
DEFINE_TEXT_PROPERTY (status, PROP_STATUS)
DEFINE_TEXT_PROPERTY (date, PROP_DATE)
DEFINE_TEXT_PROPERTY (start_time, PROP_START_TIME)
DEFINE_TEXT_PROPERTY (end_time, PROP_END_TIME)
DEFINE_TEXT_PROPERTY (place, PROP_PLACE)
DEFINE_TEXT_PROPERTY (theme, PROP_THEME)
DEFINE_TEXT_PROPERTY (notes, PROP_NOTES)
DEFINE_TEXT_PROPERTY (occurrence_date, PROP_OCCURRENCE_DATE)
DEFINE_TEXT_PROPERTY (notice_printed_at, PROP_NOTICE_PRINTED_AT)

GArray *
ld_event_get_deputy_ids (LdEvent     *self,
                         LdEventRole  role)
{
  GArray *ids;

  g_return_val_if_fail (LD_IS_EVENT (self), NULL);
  g_return_val_if_fail (role < LD_EVENT_N_ROLES, NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->deputies[role]->len);
  g_array_append_vals (ids, self->deputies[role]->data, self->deputies[role]->len);
  return ids;
}

void
ld_event_set_deputies (LdEvent      *self,
                       LdEventRole   role,
                       const gint64 *ids,
                       guint         n_ids)
{
  g_autoptr(GArray) deputies = NULL;
  GArray *old;

  g_return_if_fail (LD_IS_EVENT (self));
  g_return_if_fail (role < LD_EVENT_N_ROLES);
  g_return_if_fail (ids != NULL || n_ids == 0);

  deputies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < deputies->len && !seen; j++)
        seen = g_array_index (deputies, gint64, j) == ids[i];
      if (!seen)
        g_array_append_val (deputies, ids[i]);
    }

  old = self->deputies[role];
  if (old->len == deputies->len
      && (old->len == 0 || memcmp (old->data, deputies->data, old->len * sizeof (gint64)) == 0))
    return;

  g_array_unref (old);
  self->deputies[role] = g_steal_pointer (&deputies);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPUTIES]);
}

gboolean
ld_event_has_deputy (LdEvent     *self,
                     LdEventRole  role,
                     gint64       deputy_id)
{
  g_return_val_if_fail (LD_IS_EVENT (self), FALSE);
  g_return_val_if_fail (role < LD_EVENT_N_ROLES, FALSE);

  for (guint i = 0; i < self->deputies[role]->len; i++)
    if (g_array_index (self->deputies[role], gint64, i) == deputy_id)
      return TRUE;
  return FALSE;
}

const char *
ld_event_kind_to_string (const char *kind)
{
  if (kind == NULL)
    return NULL;
  if (g_str_equal (kind, "reception_day"))
    return C_("event kind", "Reception day");
  if (g_str_equal (kind, "duty"))
    return C_("event kind", "Duty day");
  if (g_str_equal (kind, "visit_enterprise"))
    return C_("event kind", "Visit to an enterprise");
  if (g_str_equal (kind, "visit_community"))
    return C_("event kind", "Visit to a community");
  if (g_str_equal (kind, "visit_village"))
    return C_("event kind", "Visit to a village");
  if (g_str_equal (kind, "visit_constituency"))
    return C_("event kind", "Visit to the constituency");
  if (g_str_equal (kind, "forum"))
    return C_("event kind", "Forum");
  if (g_str_equal (kind, "hearing"))
    return C_("event kind", "Hearing");
  if (g_str_equal (kind, "council"))
    return C_("event kind", "People's council");
  if (g_str_equal (kind, "other"))
    return C_("event kind", "Other");
  return NULL;
}

const char *
ld_event_status_to_string (const char *status)
{
  if (status == NULL)
    return NULL;
  if (g_str_equal (status, "planned"))
    return C_("event status", "Planned");
  if (g_str_equal (status, "held"))
    return C_("event status", "Held");
  if (g_str_equal (status, "cancelled"))
    return C_("event status", "Cancelled");
  return NULL;
}

const char * const *
ld_event_kinds (void)
{
  return kinds;
}

const char * const *
ld_event_statuses (void)
{
  return statuses;
}

const char *
ld_event_role_to_id (LdEventRole role)
{
  g_return_val_if_fail (role < LD_EVENT_N_ROLES, NULL);
  return role_ids[role];
}

gboolean
ld_event_role_from_id (const char  *text,
                       LdEventRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < LD_EVENT_N_ROLES; i++)
    if (g_strcmp0 (text, role_ids[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

void
_ld_event_check_times (GHashTable *errors,
                       const char *start_time,
                       const char *end_time)
{
  gboolean start_ok = start_time == NULL || *start_time == '\0' || is_valid_time (start_time);
  gboolean end_ok = end_time == NULL || *end_time == '\0' || is_valid_time (end_time);

  if (!start_ok)
    g_hash_table_insert (errors, (gpointer) "start-time",
                         g_strdup (_("Enter a time such as 09:00")));
  if (!end_ok)
    g_hash_table_insert (errors, (gpointer) "end-time",
                         g_strdup (_("Enter a time such as 11:30")));
  if (start_ok && end_ok && start_time != NULL && *start_time != '\0'
      && end_time != NULL && *end_time != '\0' && strcmp (end_time, start_time) <= 0)
    g_hash_table_insert (errors, (gpointer) "end-time",
                         g_strdup (_("The end must be after the start")));
}

/**
 * ld_event_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the event can be saved
 */
GHashTable *
ld_event_validate (LdEvent *self)
{
  GHashTable *errors;

  g_return_val_if_fail (LD_IS_EVENT (self), NULL);

  errors = ld_validation_errors_new ();

  if (*self->date == '\0')
    g_hash_table_insert (errors, (gpointer) "date", g_strdup (_("Choose a date")));
  else if (!is_valid_date (self->date))
    g_hash_table_insert (errors, (gpointer) "date", g_strdup (_("This is not a valid date")));

  _ld_event_check_times (errors, self->start_time, self->end_time);

  if (!g_strv_contains (kinds, self->kind))
    g_hash_table_insert (errors, (gpointer) "kind", g_strdup (_("Choose a kind of event")));
  if (!g_strv_contains (statuses, self->status))
    g_hash_table_insert (errors, (gpointer) "status",
                         g_strdup (_("Choose planned, held or cancelled")));

  if (g_str_equal (self->kind, "reception_day")
      && self->deputies[LD_EVENT_ROLE_ON_DUTY]->len == 0)
    g_hash_table_insert (errors, (gpointer) "deputies",
                         g_strdup (_("Choose at least one deputy on duty")));
  else
    for (guint i = 0; i < self->deputies[LD_EVENT_ROLE_ATTENDED]->len; i++)
      if (ld_event_has_deputy (self, LD_EVENT_ROLE_ON_LEAVE,
                               g_array_index (self->deputies[LD_EVENT_ROLE_ATTENDED], gint64, i)))
        {
          g_hash_table_insert (errors, (gpointer) "deputies",
                               g_strdup (_("A deputy cannot both attend and be on leave")));
          break;
        }

  if (self->series_id != 0 && !is_valid_date (self->occurrence_date))
    g_hash_table_insert (errors, (gpointer) "occurrence-date",
                         g_strdup (_("This occurrence has lost its date in the series")));

  ld_validation_check_field (errors, "place", self->place, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "theme", self->theme, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "notes", self->notes, NOTES_MAX_CHARS, TRUE);

  return errors;
}

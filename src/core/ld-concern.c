/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-concern.h"
#include "ld-mask.h"
#include "ld-phone.h"

/* A concern (群众意见建议) as the intake form edits it. The form's text fields are never NULL
 * (empty is ""); kinds, reasons, dates and display names are NULL when unset. */

#define SUBJECT_MAX_CHARS 200
#define DETAILS_MAX_CHARS 20000
#define NAME_MAX_CHARS    50
#define TEXT_MAX_CHARS    200
/* Clocks at the desk drift; a time a little ahead of ours is not "in the future". */
#define FUTURE_GRACE      G_TIME_SPAN_MINUTE

struct _LdConcern
{
  GObject   parent_instance;

  /* Owned */
  gint64   id;
  char    *uuid;
  gint64   station_id;
  guint    ref_year;
  guint    ref_seq;
  char    *received_at;
  gint64   channel_id;
  gint64   event_id;
  gint64   resident_id;
  char    *resident_name;
  char    *resident_phone;
  char    *resident_address;
  char    *resident_community;
  gboolean confidential;
  gint64   category_id;
  char    *place_kind;
  char    *place;
  char    *subject;
  char    *details;
  char    *urgency;
  gint64   duplicate_of;
  char    *redirect_reason;
  char    *outcome;
  gint64   unit_id;
  char    *referred_date;
  char    *due_date;
  char    *concluded_date;
  char    *feedback_date;
  char    *satisfaction;
  char    *created_at;
  char    *updated_at;
  char    *category_name;
  char    *channel_name;
  char    *unit_name;
  GArray   *deputy_ids;
  LdConcernState state;
};

G_DEFINE_FINAL_TYPE (LdConcern, ld_concern, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STATION_ID,
  PROP_REF_YEAR,
  PROP_REF_SEQ,
  PROP_RECEIVED_AT,
  PROP_CHANNEL_ID,
  PROP_EVENT_ID,
  PROP_RESIDENT_ID,
  PROP_RESIDENT_NAME,
  PROP_RESIDENT_PHONE,
  PROP_RESIDENT_ADDRESS,
  PROP_RESIDENT_COMMUNITY,
  PROP_CONFIDENTIAL,
  PROP_CATEGORY_ID,
  PROP_PLACE_KIND,
  PROP_PLACE,
  PROP_SUBJECT,
  PROP_DETAILS,
  PROP_URGENCY,
  PROP_DUPLICATE_OF,
  PROP_REDIRECT_REASON,
  PROP_OUTCOME,
  PROP_UNIT_ID,
  PROP_REFERRED_DATE,
  PROP_DUE_DATE,
  PROP_CONCLUDED_DATE,
  PROP_FEEDBACK_DATE,
  PROP_SATISFACTION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CATEGORY_NAME,
  PROP_CHANNEL_NAME,
  PROP_UNIT_NAME,
  PROP_DEPUTY_IDS,
  PROP_STATE,
  PROP_REFERENCE,
  PROP_RESIDENT_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const place_kinds[] = {
  "enterprise", "community", "village", "constituency", NULL
};

/* The form's fields in drafts, by type; the workflow's stay out. */
static const char * const draft_int_fields[] = {
  "channel-id", "event-id", "resident-id", "category-id", "duplicate-of",
};
static const char * const draft_text_fields[] = {
  "received-at", "resident-name", "resident-phone", "resident-address", "resident-community",
  "place-kind", "place", "subject", "details", "urgency",
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

/* Stores @value (NULL for "") in @field; FALSE when it was already there. */
static gboolean
set_nullable_text (char       **field,
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

static gboolean
deputy_ids_equal (GArray *a,
                  GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  return a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

/* A UTC time exactly as stored ("2026-03-15T09:30:00Z"), or NULL. */
static GDateTime *
parse_utc_time (const char *text)
{
  int year, month, day, hour, minute, second;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *again = NULL;

  if (text == NULL || strlen (text) != 20)
    return NULL;
  for (guint i = 0; i < 20; i++)
    {
      gboolean digit = g_ascii_isdigit (text[i]);

      if ((i == 4 || i == 7) ? text[i] != '-'
          : i == 10 ? text[i] != 'T'
          : (i == 13 || i == 16) ? text[i] != ':'
          : i == 19 ? text[i] != 'Z'
          : !digit)
        return NULL;
    }
  if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2dZ", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;
  time = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (time == NULL)
    return NULL;
  /* g_date_time_new_utc() accepts a few things the text format does not (second 60). */
  again = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  if (g_strcmp0 (again, text) != 0)
    return NULL;
  return g_steal_pointer (&time);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_concern_finalize (GObject *object)
{
  LdConcern *self = LD_CONCERN (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->received_at, g_free);
  g_clear_pointer (&self->resident_name, g_free);
  g_clear_pointer (&self->resident_phone, g_free);
  g_clear_pointer (&self->resident_address, g_free);
  g_clear_pointer (&self->resident_community, g_free);
  g_clear_pointer (&self->place_kind, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->urgency, g_free);
  g_clear_pointer (&self->redirect_reason, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->referred_date, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->concluded_date, g_free);
  g_clear_pointer (&self->feedback_date, g_free);
  g_clear_pointer (&self->satisfaction, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->category_name, g_free);
  g_clear_pointer (&self->channel_name, g_free);
  g_clear_pointer (&self->unit_name, g_free);
  g_clear_pointer (&self->deputy_ids, g_array_unref);

  G_OBJECT_CLASS (ld_concern_parent_class)->finalize (object);
}

static void
ld_concern_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LdConcern *self = LD_CONCERN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;
    case PROP_REF_YEAR:
      g_value_set_uint (value, self->ref_year);
      break;
    case PROP_REF_SEQ:
      g_value_set_uint (value, self->ref_seq);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_string (value, self->received_at);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_int64 (value, self->channel_id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_RESIDENT_ID:
      g_value_set_int64 (value, self->resident_id);
      break;
    case PROP_RESIDENT_NAME:
      g_value_set_string (value, self->resident_name);
      break;
    case PROP_RESIDENT_PHONE:
      g_value_set_string (value, self->resident_phone);
      break;
    case PROP_RESIDENT_ADDRESS:
      g_value_set_string (value, self->resident_address);
      break;
    case PROP_RESIDENT_COMMUNITY:
      g_value_set_string (value, self->resident_community);
      break;
    case PROP_CONFIDENTIAL:
      g_value_set_boolean (value, self->confidential);
      break;
    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;
    case PROP_PLACE_KIND:
      g_value_set_string (value, self->place_kind);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    case PROP_URGENCY:
      g_value_set_string (value, self->urgency);
      break;
    case PROP_DUPLICATE_OF:
      g_value_set_int64 (value, self->duplicate_of);
      break;
    case PROP_REDIRECT_REASON:
      g_value_set_string (value, self->redirect_reason);
      break;
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_REFERRED_DATE:
      g_value_set_string (value, self->referred_date);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_CONCLUDED_DATE:
      g_value_set_string (value, self->concluded_date);
      break;
    case PROP_FEEDBACK_DATE:
      g_value_set_string (value, self->feedback_date);
      break;
    case PROP_SATISFACTION:
      g_value_set_string (value, self->satisfaction);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_string (value, self->category_name);
      break;
    case PROP_CHANNEL_NAME:
      g_value_set_string (value, self->channel_name);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_DEPUTY_IDS:
      g_value_set_boxed (value, self->deputy_ids);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_REFERENCE:
      g_value_take_string (value, ld_concern_dup_reference (self));
      break;
    case PROP_RESIDENT_DISPLAY:
      g_value_take_string (value, ld_concern_dup_resident_display (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concern_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LdConcern *self = LD_CONCERN (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_concern_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      ld_concern_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_STATION_ID:
      ld_concern_set_station_id (self, g_value_get_int64 (value));
      break;
    case PROP_REF_YEAR:
      ld_concern_set_ref_year (self, g_value_get_uint (value));
      break;
    case PROP_REF_SEQ:
      ld_concern_set_ref_seq (self, g_value_get_uint (value));
      break;
    case PROP_RECEIVED_AT:
      ld_concern_set_received_at (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL_ID:
      ld_concern_set_channel_id (self, g_value_get_int64 (value));
      break;
    case PROP_EVENT_ID:
      ld_concern_set_event_id (self, g_value_get_int64 (value));
      break;
    case PROP_RESIDENT_ID:
      ld_concern_set_resident_id (self, g_value_get_int64 (value));
      break;
    case PROP_RESIDENT_NAME:
      ld_concern_set_resident_name (self, g_value_get_string (value));
      break;
    case PROP_RESIDENT_PHONE:
      ld_concern_set_resident_phone (self, g_value_get_string (value));
      break;
    case PROP_RESIDENT_ADDRESS:
      ld_concern_set_resident_address (self, g_value_get_string (value));
      break;
    case PROP_RESIDENT_COMMUNITY:
      ld_concern_set_resident_community (self, g_value_get_string (value));
      break;
    case PROP_CONFIDENTIAL:
      ld_concern_set_confidential (self, g_value_get_boolean (value));
      break;
    case PROP_CATEGORY_ID:
      ld_concern_set_category_id (self, g_value_get_int64 (value));
      break;
    case PROP_PLACE_KIND:
      ld_concern_set_place_kind (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      ld_concern_set_place (self, g_value_get_string (value));
      break;
    case PROP_SUBJECT:
      ld_concern_set_subject (self, g_value_get_string (value));
      break;
    case PROP_DETAILS:
      ld_concern_set_details (self, g_value_get_string (value));
      break;
    case PROP_URGENCY:
      ld_concern_set_urgency (self, g_value_get_string (value));
      break;
    case PROP_DUPLICATE_OF:
      ld_concern_set_duplicate_of (self, g_value_get_int64 (value));
      break;
    case PROP_REDIRECT_REASON:
      ld_concern_set_redirect_reason (self, g_value_get_string (value));
      break;
    case PROP_OUTCOME:
      ld_concern_set_outcome (self, g_value_get_string (value));
      break;
    case PROP_UNIT_ID:
      ld_concern_set_unit_id (self, g_value_get_int64 (value));
      break;
    case PROP_REFERRED_DATE:
      ld_concern_set_referred_date (self, g_value_get_string (value));
      break;
    case PROP_DUE_DATE:
      ld_concern_set_due_date (self, g_value_get_string (value));
      break;
    case PROP_CONCLUDED_DATE:
      ld_concern_set_concluded_date (self, g_value_get_string (value));
      break;
    case PROP_FEEDBACK_DATE:
      ld_concern_set_feedback_date (self, g_value_get_string (value));
      break;
    case PROP_SATISFACTION:
      ld_concern_set_satisfaction (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      ld_concern_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UPDATED_AT:
      ld_concern_set_updated_at (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY_NAME:
      ld_concern_set_category_name (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL_NAME:
      ld_concern_set_channel_name (self, g_value_get_string (value));
      break;
    case PROP_UNIT_NAME:
      ld_concern_set_unit_name (self, g_value_get_string (value));
      break;
    case PROP_DEPUTY_IDS:
      {
        GArray *ids = g_value_get_boxed (value);

        if (ids != NULL)
          ld_concern_set_deputy_ids (self, (const gint64 *) (gpointer) ids->data, ids->len);
        else
          ld_concern_set_deputy_ids (self, NULL, 0);
      }
      break;
    case PROP_STATE:
      ld_concern_set_state (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_concern_class_init (LdConcernClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_concern_finalize;
  object_class->get_property = ld_concern_get_property;
  object_class->set_property = ld_concern_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REF_YEAR] =
    g_param_spec_uint ("ref-year", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REF_SEQ] =
    g_param_spec_uint ("ref-seq", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RECEIVED_AT] =
    g_param_spec_string ("received-at", NULL, NULL, "", flags);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RESIDENT_ID] =
    g_param_spec_int64 ("resident-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RESIDENT_NAME] =
    g_param_spec_string ("resident-name", NULL, NULL, "", flags);
  properties[PROP_RESIDENT_PHONE] =
    g_param_spec_string ("resident-phone", NULL, NULL, "", flags);
  properties[PROP_RESIDENT_ADDRESS] =
    g_param_spec_string ("resident-address", NULL, NULL, "", flags);
  properties[PROP_RESIDENT_COMMUNITY] =
    g_param_spec_string ("resident-community", NULL, NULL, "", flags);
  properties[PROP_CONFIDENTIAL] =
    g_param_spec_boolean ("confidential", NULL, NULL, FALSE, flags);
  properties[PROP_CATEGORY_ID] =
    g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PLACE_KIND] =
    g_param_spec_string ("place-kind", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, "", flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, "", flags);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, "", flags);
  properties[PROP_URGENCY] =
    g_param_spec_string ("urgency", NULL, NULL, "normal", flags);
  properties[PROP_DUPLICATE_OF] =
    g_param_spec_int64 ("duplicate-of", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REDIRECT_REASON] =
    g_param_spec_string ("redirect-reason", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REFERRED_DATE] =
    g_param_spec_string ("referred-date", NULL, NULL, NULL, flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  properties[PROP_CONCLUDED_DATE] =
    g_param_spec_string ("concluded-date", NULL, NULL, NULL, flags);
  properties[PROP_FEEDBACK_DATE] =
    g_param_spec_string ("feedback-date", NULL, NULL, NULL, flags);
  properties[PROP_SATISFACTION] =
    g_param_spec_string ("satisfaction", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_NAME] =
    g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL_NAME] =
    g_param_spec_string ("channel-name", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL, flags);
  /* Read-only as a property: a boxed array compares by pointer, so a lazy list refreshing a
   * row (ld-query-model) would see every row as changed. Set it with the setter. */
  properties[PROP_DEPUTY_IDS] =
    g_param_spec_boxed ("deputy-ids", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, LD_CONCERN_N_STATES - 1, LD_CONCERN_REGISTERED,
                      flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESIDENT_DISPLAY] =
    g_param_spec_string ("resident-display", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_concern_init (LdConcern *self)
{
  self->uuid = g_strdup ("");
  self->received_at = g_strdup ("");
  self->resident_name = g_strdup ("");
  self->resident_phone = g_strdup ("");
  self->resident_address = g_strdup ("");
  self->resident_community = g_strdup ("");
  self->place = g_strdup ("");
  self->subject = g_strdup ("");
  self->details = g_strdup ("");
  self->urgency = g_strdup ("normal");
  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->state = LD_CONCERN_REGISTERED;
}

/* ------------------------------------------------------------------ public API */

LdConcern *
ld_concern_new (void)
{
  return g_object_new (LD_TYPE_CONCERN, NULL);
}

LdConcern *
ld_concern_copy (LdConcern *self)
{
  LdConcern *copy;

  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  copy = ld_concern_new ();
  ld_concern_set_id (copy, self->id);
  ld_concern_set_uuid (copy, self->uuid);
  ld_concern_set_station_id (copy, self->station_id);
  ld_concern_set_ref_year (copy, self->ref_year);
  ld_concern_set_ref_seq (copy, self->ref_seq);
  ld_concern_set_received_at (copy, self->received_at);
  ld_concern_set_channel_id (copy, self->channel_id);
  ld_concern_set_event_id (copy, self->event_id);
  ld_concern_set_resident_id (copy, self->resident_id);
  ld_concern_set_resident_name (copy, self->resident_name);
  ld_concern_set_resident_phone (copy, self->resident_phone);
  ld_concern_set_resident_address (copy, self->resident_address);
  ld_concern_set_resident_community (copy, self->resident_community);
  ld_concern_set_confidential (copy, self->confidential);
  ld_concern_set_category_id (copy, self->category_id);
  ld_concern_set_place_kind (copy, self->place_kind);
  ld_concern_set_place (copy, self->place);
  ld_concern_set_subject (copy, self->subject);
  ld_concern_set_details (copy, self->details);
  ld_concern_set_urgency (copy, self->urgency);
  ld_concern_set_duplicate_of (copy, self->duplicate_of);
  ld_concern_set_redirect_reason (copy, self->redirect_reason);
  ld_concern_set_outcome (copy, self->outcome);
  ld_concern_set_unit_id (copy, self->unit_id);
  ld_concern_set_referred_date (copy, self->referred_date);
  ld_concern_set_due_date (copy, self->due_date);
  ld_concern_set_concluded_date (copy, self->concluded_date);
  ld_concern_set_feedback_date (copy, self->feedback_date);
  ld_concern_set_satisfaction (copy, self->satisfaction);
  ld_concern_set_created_at (copy, self->created_at);
  ld_concern_set_updated_at (copy, self->updated_at);
  ld_concern_set_category_name (copy, self->category_name);
  ld_concern_set_channel_name (copy, self->channel_name);
  ld_concern_set_unit_name (copy, self->unit_name);
  ld_concern_set_deputy_ids (copy, (const gint64 *) (gpointer) self->deputy_ids->data,
                             self->deputy_ids->len);
  copy->state = self->state;

  return copy;
}

gboolean
ld_concern_equal (LdConcern *a,
                  LdConcern *b)
{
  g_return_val_if_fail (LD_IS_CONCERN (a), FALSE);
  g_return_val_if_fail (LD_IS_CONCERN (b), FALSE);

  return a->station_id == b->station_id
         && a->channel_id == b->channel_id
         && a->event_id == b->event_id
         && a->resident_id == b->resident_id
         && a->category_id == b->category_id
         && a->duplicate_of == b->duplicate_of
         && a->confidential == b->confidential
         && g_str_equal (a->received_at, b->received_at)
         && g_str_equal (a->resident_name, b->resident_name)
         && g_str_equal (a->resident_phone, b->resident_phone)
         && g_str_equal (a->resident_address, b->resident_address)
         && g_str_equal (a->resident_community, b->resident_community)
         && g_strcmp0 (a->place_kind, b->place_kind) == 0
         && g_str_equal (a->place, b->place)
         && g_str_equal (a->subject, b->subject)
         && g_str_equal (a->details, b->details)
         && g_str_equal (a->urgency, b->urgency)
         && deputy_ids_equal (a->deputy_ids, b->deputy_ids);
}

gint64
ld_concern_get_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->id;
}

void
ld_concern_set_id (LdConcern *self,
                   gint64    id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ld_concern_get_uuid (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->uuid;
}

void
ld_concern_set_uuid (LdConcern  *self,
                     const char *uuid)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->uuid, uuid))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
ld_concern_get_station_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->station_id;
}

void
ld_concern_set_station_id (LdConcern *self,
                           gint64    station_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id == station_id)
    return;
  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

guint
ld_concern_get_ref_year (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->ref_year;
}

void
ld_concern_set_ref_year (LdConcern *self,
                         guint     year)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (self->ref_year == year)
    return;
  self->ref_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

guint
ld_concern_get_ref_seq (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->ref_seq;
}

void
ld_concern_set_ref_seq (LdConcern *self,
                        guint     seq)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (self->ref_seq == seq)
    return;
  self->ref_seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF_SEQ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

const char *
ld_concern_get_received_at (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->received_at;
}

void
ld_concern_set_received_at (LdConcern  *self,
                            const char *received_at)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->received_at, received_at))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

gint64
ld_concern_get_channel_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->channel_id;
}

void
ld_concern_set_channel_id (LdConcern *self,
                           gint64    channel_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (channel_id >= 0);

  if (self->channel_id == channel_id)
    return;
  self->channel_id = channel_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_ID]);
}

gint64
ld_concern_get_event_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->event_id;
}

void
ld_concern_set_event_id (LdConcern *self,
                         gint64    event_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (event_id >= 0);

  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

gint64
ld_concern_get_resident_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->resident_id;
}

void
ld_concern_set_resident_id (LdConcern *self,
                            gint64    resident_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (resident_id >= 0);

  if (self->resident_id == resident_id)
    return;
  self->resident_id = resident_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_ID]);
}

const char *
ld_concern_get_resident_name (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->resident_name;
}

void
ld_concern_set_resident_name (LdConcern  *self,
                              const char *name)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->resident_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_DISPLAY]);
}

const char *
ld_concern_get_resident_phone (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->resident_phone;
}

void
ld_concern_set_resident_phone (LdConcern  *self,
                               const char *phone)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->resident_phone, phone))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_PHONE]);
}

const char *
ld_concern_get_resident_address (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->resident_address;
}

void
ld_concern_set_resident_address (LdConcern  *self,
                                 const char *address)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->resident_address, address))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_ADDRESS]);
}

const char *
ld_concern_get_resident_community (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->resident_community;
}

void
ld_concern_set_resident_community (LdConcern  *self,
                                   const char *community)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->resident_community, community))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_COMMUNITY]);
}

gboolean
ld_concern_get_confidential (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), FALSE);

  return self->confidential;
}

void
ld_concern_set_confidential (LdConcern *self,
                             gboolean  confidential)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  confidential = !!confidential;
  if (self->confidential == confidential)
    return;
  self->confidential = confidential;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENTIAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT_DISPLAY]);
}

gint64
ld_concern_get_category_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->category_id;
}

void
ld_concern_set_category_id (LdConcern *self,
                            gint64    category_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (category_id >= 0);

  if (self->category_id == category_id)
    return;
  self->category_id = category_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_ID]);
}

const char *
ld_concern_get_place_kind (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->place_kind;
}

void
ld_concern_set_place_kind (LdConcern  *self,
                           const char *place_kind)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->place_kind, place_kind))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_KIND]);
}

const char *
ld_concern_get_place (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->place;
}

void
ld_concern_set_place (LdConcern  *self,
                      const char *place)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->place, place))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
ld_concern_get_subject (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->subject;
}

void
ld_concern_set_subject (LdConcern  *self,
                        const char *subject)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->subject, subject))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

const char *
ld_concern_get_details (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->details;
}

void
ld_concern_set_details (LdConcern  *self,
                        const char *details)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->details, details))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

const char *
ld_concern_get_urgency (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->urgency;
}

void
ld_concern_set_urgency (LdConcern  *self,
                        const char *urgency)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_text (&self->urgency, urgency))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENCY]);
}

gint64
ld_concern_get_duplicate_of (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->duplicate_of;
}

void
ld_concern_set_duplicate_of (LdConcern *self,
                             gint64    concern_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (concern_id >= 0);

  if (self->duplicate_of == concern_id)
    return;
  self->duplicate_of = concern_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATE_OF]);
}

const char *
ld_concern_get_redirect_reason (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->redirect_reason;
}

void
ld_concern_set_redirect_reason (LdConcern  *self,
                                const char *reason)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->redirect_reason, reason))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDIRECT_REASON]);
}

const char *
ld_concern_get_outcome (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->outcome;
}

void
ld_concern_set_outcome (LdConcern  *self,
                        const char *outcome)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->outcome, outcome))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

gint64
ld_concern_get_unit_id (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), 0);

  return self->unit_id;
}

void
ld_concern_set_unit_id (LdConcern *self,
                        gint64    unit_id)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (unit_id >= 0);

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

const char *
ld_concern_get_referred_date (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->referred_date;
}

void
ld_concern_set_referred_date (LdConcern  *self,
                              const char *date)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->referred_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_DATE]);
}

const char *
ld_concern_get_due_date (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->due_date;
}

void
ld_concern_set_due_date (LdConcern  *self,
                         const char *date)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->due_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
ld_concern_get_concluded_date (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->concluded_date;
}

void
ld_concern_set_concluded_date (LdConcern  *self,
                               const char *date)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->concluded_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCLUDED_DATE]);
}

const char *
ld_concern_get_feedback_date (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->feedback_date;
}

void
ld_concern_set_feedback_date (LdConcern  *self,
                              const char *date)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->feedback_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK_DATE]);
}

const char *
ld_concern_get_satisfaction (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->satisfaction;
}

void
ld_concern_set_satisfaction (LdConcern  *self,
                             const char *satisfaction)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->satisfaction, satisfaction))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

const char *
ld_concern_get_created_at (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->created_at;
}

void
ld_concern_set_created_at (LdConcern  *self,
                           const char *created_at)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->created_at, created_at))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
ld_concern_get_updated_at (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->updated_at;
}

void
ld_concern_set_updated_at (LdConcern  *self,
                           const char *updated_at)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->updated_at, updated_at))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
ld_concern_get_category_name (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->category_name;
}

void
ld_concern_set_category_name (LdConcern  *self,
                              const char *name)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->category_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_NAME]);
}

const char *
ld_concern_get_channel_name (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->channel_name;
}

void
ld_concern_set_channel_name (LdConcern  *self,
                             const char *name)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->channel_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_NAME]);
}

const char *
ld_concern_get_unit_name (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->unit_name;
}

void
ld_concern_set_unit_name (LdConcern  *self,
                          const char *name)
{
  g_return_if_fail (LD_IS_CONCERN (self));

  if (!set_nullable_text (&self->unit_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_NAME]);
}

/* Returns: (transfer full) (nullable): "2026-0153", or NULL before registration */
char *
ld_concern_dup_reference (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  if (self->ref_year == 0 || self->ref_seq == 0)
    return NULL;
  return g_strdup_printf ("%u-%04u", self->ref_year, self->ref_seq);
}

/* Returns: (transfer none): the deputies' ids, in the order chosen */
GArray *
ld_concern_get_deputy_ids (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  return self->deputy_ids;
}

void
ld_concern_set_deputy_ids (LdConcern    *self,
                           const gint64 *ids,
                           guint         n_ids)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (self->deputy_ids->len == n_ids
      && (n_ids == 0 || memcmp (self->deputy_ids->data, ids, n_ids * sizeof (gint64)) == 0))
    return;
  g_array_set_size (self->deputy_ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->deputy_ids, ids, n_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPUTY_IDS]);
}

LdConcernState
ld_concern_get_state (LdConcern *self)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), LD_CONCERN_REGISTERED);

  return self->state;
}

void
ld_concern_set_state (LdConcern      *self,
                      LdConcernState  state)
{
  g_return_if_fail (LD_IS_CONCERN (self));
  g_return_if_fail (state >= 0 && state < LD_CONCERN_N_STATES);

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Returns: (transfer full): the resident as lists show them */
char *
ld_concern_dup_resident_display (LdConcern *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  name = ld_validation_strip_text (self->resident_name);
  if (name[0] == '\0')
    return g_strdup (C_("resident", "Anonymous"));
  if (self->confidential)
    return ld_mask_name (name);
  return g_steal_pointer (&name);
}

gboolean
ld_concern_is_overdue (LdConcern  *self,
                       const char *today)
{
  g_return_val_if_fail (LD_IS_CONCERN (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->state != LD_CONCERN_REFERRED && self->state != LD_CONCERN_IN_PROGRESS)
    return FALSE;
  return self->due_date != NULL && strcmp (self->due_date, today) < 0;
}

/* Returns: the place kind in the UI language, "" for none, @place_kind itself when unknown */
const char *
ld_place_kind_to_string (const char *place_kind)
{
  if (place_kind == NULL || place_kind[0] == '\0')
    return "";
  if (g_str_equal (place_kind, "enterprise"))
    return C_("place kind", "Enterprise");
  if (g_str_equal (place_kind, "community"))
    return C_("place kind", "Community");
  if (g_str_equal (place_kind, "village"))
    return C_("place kind", "Village");
  if (g_str_equal (place_kind, "constituency"))
    return C_("place kind", "Constituency");
  return place_kind;
}

/* Returns: (transfer none): the stored place kinds, NULL-terminated */
const char * const *
ld_place_kinds (void)
{
  return place_kinds;
}

/* Returns: the urgency in the UI language, @urgency itself when unknown */
const char *
ld_urgency_to_string (const char *urgency)
{
  if (urgency == NULL)
    return "";
  if (g_str_equal (urgency, "normal"))
    return C_("urgency", "Normal");
  if (g_str_equal (urgency, "urgent"))
    return C_("urgency", "Urgent");
  return urgency;
}

/**
 * ld_concern_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the concern can be saved
 */
GHashTable *
ld_concern_validate (LdConcern *self,
                     GDateTime *now)
{
  GHashTable *errors;
  g_autofree char *received_at = NULL;

  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  errors = ld_validation_errors_new ();

  received_at = ld_validation_strip_text (self->received_at);
  if (received_at[0] == '\0')
    g_hash_table_insert (errors, (gpointer) "received-at",
                         g_strdup (_("Enter when the concern was received")));
  else
    {
      g_autoptr(GDateTime) time = parse_utc_time (received_at);

      if (time == NULL)
        g_hash_table_insert (errors, (gpointer) "received-at",
                             g_strdup (_("Enter a real date and time")));
      else if (g_date_time_difference (time, now) > FUTURE_GRACE)
        g_hash_table_insert (errors, (gpointer) "received-at",
                             g_strdup (_("The time received cannot be in the future")));
    }

  if (self->channel_id <= 0)
    g_hash_table_insert (errors, (gpointer) "channel-id",
                         g_strdup (_("Choose how the concern came in")));
  if (self->category_id <= 0)
    g_hash_table_insert (errors, (gpointer) "category-id", g_strdup (_("Choose a category")));

  ld_validation_check_required (errors, "subject", self->subject, SUBJECT_MAX_CHARS,
                                _("Enter what the concern is about"));
  ld_validation_check_field (errors, "details", self->details, DETAILS_MAX_CHARS, TRUE);
  ld_validation_check_field (errors, "resident-name", self->resident_name, NAME_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "resident-address", self->resident_address,
                             TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "resident-community", self->resident_community,
                             TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "place", self->place, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_phone (errors, "resident-phone", self->resident_phone);

  if (self->place_kind != NULL && !g_strv_contains (place_kinds, self->place_kind))
    g_hash_table_insert (errors, (gpointer) "place-kind",
                         g_strdup (_("Choose a kind of place from the list")));
  if (g_strcmp0 (self->urgency, "normal") != 0 && g_strcmp0 (self->urgency, "urgent") != 0)
    g_hash_table_insert (errors, (gpointer) "urgency",
                         g_strdup (_("Choose normal or urgent")));

  return errors;
}

/* Returns: (transfer full): the form's fields as GVariant text, always starting with '{' */
char *
ld_concern_to_draft (LdConcern *self)
{
  GVariantDict dict;
  g_autoptr(GVariant) variant = NULL;

  g_return_val_if_fail (LD_IS_CONCERN (self), NULL);

  g_variant_dict_init (&dict, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (draft_int_fields); i++)
    {
      gint64 value = 0;

      g_object_get (self, draft_int_fields[i], &value, NULL);
      g_variant_dict_insert (&dict, draft_int_fields[i], "x", value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (draft_text_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self, draft_text_fields[i], &value, NULL);
      if (value != NULL)
        g_variant_dict_insert (&dict, draft_text_fields[i], "s", value);
    }
  g_variant_dict_insert (&dict, "confidential", "b", self->confidential);
  g_variant_dict_insert_value (&dict, "deputy-ids",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                          self->deputy_ids->data,
                                                          self->deputy_ids->len,
                                                          sizeof (gint64)));

  variant = g_variant_ref_sink (g_variant_dict_end (&dict));
  /* Never empty here, so g_variant_print() gives "{…}" with no "@a{sv}" type prefix. */
  return g_variant_print (variant, FALSE);
}

/* Returns: (transfer full): the concern of @draft, or a new, empty one when it does not parse */
LdConcern *
ld_concern_new_from_draft (const char *draft,
                           gboolean   *ok)
{
  g_autoptr(LdConcern) self = ld_concern_new ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) ids = NULL;
  GVariantDict dict;
  gboolean confidential;

  if (ok != NULL)
    *ok = FALSE;
  if (draft == NULL || !g_utf8_validate (draft, -1, NULL))
    return g_steal_pointer (&self);

  variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, draft, NULL, NULL, NULL);
  if (variant == NULL)
    return g_steal_pointer (&self);

  g_variant_dict_init (&dict, variant);
  for (guint i = 0; i < G_N_ELEMENTS (draft_int_fields); i++)
    {
      gint64 value;

      if (g_variant_dict_lookup (&dict, draft_int_fields[i], "x", &value) && value >= 0)
        g_object_set (self, draft_int_fields[i], value, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (draft_text_fields); i++)
    {
      const char *value;

      if (g_variant_dict_lookup (&dict, draft_text_fields[i], "&s", &value))
        g_object_set (self, draft_text_fields[i], value, NULL);
    }
  if (g_variant_dict_lookup (&dict, "confidential", "b", &confidential))
    ld_concern_set_confidential (self, confidential);
  ids = g_variant_dict_lookup_value (&dict, "deputy-ids", G_VARIANT_TYPE ("ax"));
  if (ids != NULL)
    {
      gsize n_ids = 0;
      const gint64 *values = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint64));

      ld_concern_set_deputy_ids (self, values, n_ids);
    }
  g_variant_dict_clear (&dict);

  if (ok != NULL)
    *ok = TRUE;
  return g_steal_pointer (&self);
}

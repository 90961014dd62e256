/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-suggestion"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-phone.h"
#include "ld-suggestion.h"

/* A deputy suggestion (代表建议) as the suggestion form edits it. Title, content and uuid are
 * never NULL (empty is ""); the number, supervisor, notes, dates, the evaluation and display
 * names are NULL when unset. */

#define TITLE_MAX_CHARS      200
#define CONTENT_MAX_CHARS    20000
#define NUMBER_MAX_CHARS     50
#define SUPERVISOR_MAX_CHARS 50
#define NOTES_MAX_CHARS      5000

struct _LdSuggestion
{
  GObject            parent_instance;

  /* Owned: the record and the form's fields */
  gint64             id;
  char              *uuid;
  gint64             station_id;
  char              *number;
  char              *title;
  char              *content;
  gint64             category_id;
  gint64             lead_deputy_id;
  GArray            *co_signer_ids;
  gint64             lead_unit_id;
  GArray            *co_unit_ids;
  GArray            *concern_ids;
  char              *submitted_date;
  gboolean           key_supervision;
  char              *supervisor;
  char              *notes;

  /* Owned: the workflow's fields */
  LdSuggestionState  state;
  char              *assigned_date;
  char              *initial_due_date;
  char              *due_date;
  char              *returned_date;
  char              *return_reason;
  char              *extension_date;
  char              *extension_reason;
  char              *answer_date;
  gint64             answer_class_id;
  char              *answer_text;
  gboolean           answer_face_to_face;
  char              *evaluation;
  char              *evaluation_date;
  guint              rehandling_count;
  gint64             merged_into;
  char              *created_at;
  char              *updated_at;

  /* Owned: display names filled in by the store */
  char              *category_name;
  char              *lead_deputy_name;
  char              *lead_unit_name;
  char              *answer_class_name;
  gboolean           rolling;
};

G_DEFINE_FINAL_TYPE (LdSuggestion, ld_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STATION_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_CONTENT,
  PROP_CATEGORY_ID,
  PROP_LEAD_DEPUTY_ID,
  PROP_CO_SIGNER_IDS,
  PROP_LEAD_UNIT_ID,
  PROP_CO_UNIT_IDS,
  PROP_CONCERN_IDS,
  PROP_SUBMITTED_DATE,
  PROP_KEY_SUPERVISION,
  PROP_SUPERVISOR,
  PROP_NOTES,
  PROP_STATE,
  PROP_ASSIGNED_DATE,
  PROP_INITIAL_DUE_DATE,
  PROP_DUE_DATE,
  PROP_RETURNED_DATE,
  PROP_RETURN_REASON,
  PROP_EXTENSION_DATE,
  PROP_EXTENSION_REASON,
  PROP_ANSWER_DATE,
  PROP_ANSWER_CLASS_ID,
  PROP_ANSWER_TEXT,
  PROP_ANSWER_FACE_TO_FACE,
  PROP_EVALUATION,
  PROP_EVALUATION_DATE,
  PROP_REHANDLING_COUNT,
  PROP_MERGED_INTO,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CATEGORY_NAME,
  PROP_LEAD_DEPUTY_NAME,
  PROP_LEAD_UNIT_NAME,
  PROP_ANSWER_CLASS_NAME,
  PROP_ROLLING,
  PROP_NUMBER_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
ids_equal (GArray *a,
           GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  return a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

/* Stores @ids in @array; FALSE when they were already there. */
static gboolean
set_ids (GArray       *array,
         const gint64 *ids,
         guint         n_ids)
{
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (array->len == n_ids && (n_ids == 0 || memcmp (array->data, ids, n_ids * sizeof (gint64)) == 0))
    return FALSE;
  g_array_set_size (array, 0);
  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return TRUE;
}

static gboolean
has_duplicates (GArray *ids)
{
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, j))
        return TRUE;
  return FALSE;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Whether @text is a real date written exactly "YYYY-MM-DD"; @date gets it. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_suggestion_finalize (GObject *object)
{
  LdSuggestion *self = LD_SUGGESTION (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->co_signer_ids, g_array_unref);
  g_clear_pointer (&self->co_unit_ids, g_array_unref);
  g_clear_pointer (&self->concern_ids, g_array_unref);
  g_clear_pointer (&self->submitted_date, g_free);
  g_clear_pointer (&self->supervisor, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->assigned_date, g_free);
  g_clear_pointer (&self->initial_due_date, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->returned_date, g_free);
  g_clear_pointer (&self->return_reason, g_free);
  g_clear_pointer (&self->extension_date, g_free);
  g_clear_pointer (&self->extension_reason, g_free);
  g_clear_pointer (&self->answer_date, g_free);
  g_clear_pointer (&self->answer_text, g_free);
  g_clear_pointer (&self->evaluation, g_free);
  g_clear_pointer (&self->evaluation_date, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->category_name, g_free);
  g_clear_pointer (&self->lead_deputy_name, g_free);
  g_clear_pointer (&self->lead_unit_name, g_free);
  g_clear_pointer (&self->answer_class_name, g_free);

  G_OBJECT_CLASS (ld_suggestion_parent_class)->finalize (object);
}

static void
ld_suggestion_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdSuggestion *self = LD_SUGGESTION (object);

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
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;
    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;
    case PROP_LEAD_DEPUTY_ID:
      g_value_set_int64 (value, self->lead_deputy_id);
      break;
    case PROP_CO_SIGNER_IDS:
      g_value_set_boxed (value, self->co_signer_ids);
      break;
    case PROP_LEAD_UNIT_ID:
      g_value_set_int64 (value, self->lead_unit_id);
      break;
    case PROP_CO_UNIT_IDS:
      g_value_set_boxed (value, self->co_unit_ids);
      break;
    case PROP_CONCERN_IDS:
      g_value_set_boxed (value, self->concern_ids);
      break;
    case PROP_SUBMITTED_DATE:
      g_value_set_string (value, self->submitted_date);
      break;
    case PROP_KEY_SUPERVISION:
      g_value_set_boolean (value, self->key_supervision);
      break;
    case PROP_SUPERVISOR:
      g_value_set_string (value, self->supervisor);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_ASSIGNED_DATE:
      g_value_set_string (value, self->assigned_date);
      break;
    case PROP_INITIAL_DUE_DATE:
      g_value_set_string (value, self->initial_due_date);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_RETURNED_DATE:
      g_value_set_string (value, self->returned_date);
      break;
    case PROP_RETURN_REASON:
      g_value_set_string (value, self->return_reason);
      break;
    case PROP_EXTENSION_DATE:
      g_value_set_string (value, self->extension_date);
      break;
    case PROP_EXTENSION_REASON:
      g_value_set_string (value, self->extension_reason);
      break;
    case PROP_ANSWER_DATE:
      g_value_set_string (value, self->answer_date);
      break;
    case PROP_ANSWER_CLASS_ID:
      g_value_set_int64 (value, self->answer_class_id);
      break;
    case PROP_ANSWER_TEXT:
      g_value_set_string (value, self->answer_text);
      break;
    case PROP_ANSWER_FACE_TO_FACE:
      g_value_set_boolean (value, self->answer_face_to_face);
      break;
    case PROP_EVALUATION:
      g_value_set_string (value, self->evaluation);
      break;
    case PROP_EVALUATION_DATE:
      g_value_set_string (value, self->evaluation_date);
      break;
    case PROP_REHANDLING_COUNT:
      g_value_set_uint (value, self->rehandling_count);
      break;
    case PROP_MERGED_INTO:
      g_value_set_int64 (value, self->merged_into);
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
    case PROP_LEAD_DEPUTY_NAME:
      g_value_set_string (value, self->lead_deputy_name);
      break;
    case PROP_LEAD_UNIT_NAME:
      g_value_set_string (value, self->lead_unit_name);
      break;
    case PROP_ANSWER_CLASS_NAME:
      g_value_set_string (value, self->answer_class_name);
      break;
    case PROP_ROLLING:
      g_value_set_boolean (value, self->rolling);
      break;
    case PROP_NUMBER_DISPLAY:
      g_value_set_string (value, ld_suggestion_get_number_display (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestion_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdSuggestion *self = LD_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_suggestion_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      ld_suggestion_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_STATION_ID:
      ld_suggestion_set_station_id (self, g_value_get_int64 (value));
      break;
    case PROP_NUMBER:
      ld_suggestion_set_number (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      ld_suggestion_set_title (self, g_value_get_string (value));
      break;
    case PROP_CONTENT:
      ld_suggestion_set_content (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY_ID:
      ld_suggestion_set_category_id (self, g_value_get_int64 (value));
      break;
    case PROP_LEAD_DEPUTY_ID:
      ld_suggestion_set_lead_deputy_id (self, g_value_get_int64 (value));
      break;
    case PROP_LEAD_UNIT_ID:
      ld_suggestion_set_lead_unit_id (self, g_value_get_int64 (value));
      break;
    case PROP_SUBMITTED_DATE:
      ld_suggestion_set_submitted_date (self, g_value_get_string (value));
      break;
    case PROP_KEY_SUPERVISION:
      ld_suggestion_set_key_supervision (self, g_value_get_boolean (value));
      break;
    case PROP_SUPERVISOR:
      ld_suggestion_set_supervisor (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      ld_suggestion_set_notes (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      ld_suggestion_set_state (self, g_value_get_int (value));
      break;
    case PROP_ASSIGNED_DATE:
      ld_suggestion_set_assigned_date (self, g_value_get_string (value));
      break;
    case PROP_INITIAL_DUE_DATE:
      ld_suggestion_set_initial_due_date (self, g_value_get_string (value));
      break;
    case PROP_DUE_DATE:
      ld_suggestion_set_due_date (self, g_value_get_string (value));
      break;
    case PROP_RETURNED_DATE:
      ld_suggestion_set_returned_date (self, g_value_get_string (value));
      break;
    case PROP_RETURN_REASON:
      ld_suggestion_set_return_reason (self, g_value_get_string (value));
      break;
    case PROP_EXTENSION_DATE:
      ld_suggestion_set_extension_date (self, g_value_get_string (value));
      break;
    case PROP_EXTENSION_REASON:
      ld_suggestion_set_extension_reason (self, g_value_get_string (value));
      break;
    case PROP_ANSWER_DATE:
      ld_suggestion_set_answer_date (self, g_value_get_string (value));
      break;
    case PROP_ANSWER_CLASS_ID:
      ld_suggestion_set_answer_class_id (self, g_value_get_int64 (value));
      break;
    case PROP_ANSWER_TEXT:
      ld_suggestion_set_answer_text (self, g_value_get_string (value));
      break;
    case PROP_ANSWER_FACE_TO_FACE:
      ld_suggestion_set_answer_face_to_face (self, g_value_get_boolean (value));
      break;
    case PROP_EVALUATION:
      ld_suggestion_set_evaluation (self, g_value_get_string (value));
      break;
    case PROP_EVALUATION_DATE:
      ld_suggestion_set_evaluation_date (self, g_value_get_string (value));
      break;
    case PROP_REHANDLING_COUNT:
      ld_suggestion_set_rehandling_count (self, g_value_get_uint (value));
      break;
    case PROP_MERGED_INTO:
      ld_suggestion_set_merged_into (self, g_value_get_int64 (value));
      break;
    case PROP_CREATED_AT:
      ld_suggestion_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UPDATED_AT:
      ld_suggestion_set_updated_at (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY_NAME:
      ld_suggestion_set_category_name (self, g_value_get_string (value));
      break;
    case PROP_LEAD_DEPUTY_NAME:
      ld_suggestion_set_lead_deputy_name (self, g_value_get_string (value));
      break;
    case PROP_LEAD_UNIT_NAME:
      ld_suggestion_set_lead_unit_name (self, g_value_get_string (value));
      break;
    case PROP_ANSWER_CLASS_NAME:
      ld_suggestion_set_answer_class_name (self, g_value_get_string (value));
      break;
    case PROP_ROLLING:
      ld_suggestion_set_rolling (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestion_class_init (LdSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  /* Read-only as properties: a boxed array compares by pointer, so a lazy list refreshing a
   * row (ld-query-model) would see every row as changed. Set them with the setters. */
  const GParamFlags ids_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_suggestion_finalize;
  object_class->get_property = ld_suggestion_get_property;
  object_class->set_property = ld_suggestion_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, "", flags);
  properties[PROP_CATEGORY_ID] =
    g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LEAD_DEPUTY_ID] =
    g_param_spec_int64 ("lead-deputy-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CO_SIGNER_IDS] =
    g_param_spec_boxed ("co-signer-ids", NULL, NULL, G_TYPE_ARRAY, ids_flags);
  properties[PROP_LEAD_UNIT_ID] =
    g_param_spec_int64 ("lead-unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CO_UNIT_IDS] =
    g_param_spec_boxed ("co-unit-ids", NULL, NULL, G_TYPE_ARRAY, ids_flags);
  properties[PROP_CONCERN_IDS] =
    g_param_spec_boxed ("concern-ids", NULL, NULL, G_TYPE_ARRAY, ids_flags);
  properties[PROP_SUBMITTED_DATE] =
    g_param_spec_string ("submitted-date", NULL, NULL, NULL, flags);
  properties[PROP_KEY_SUPERVISION] =
    g_param_spec_boolean ("key-supervision", NULL, NULL, FALSE, flags);
  properties[PROP_SUPERVISOR] =
    g_param_spec_string ("supervisor", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, LD_SUGGESTION_N_STATES - 1,
                      LD_SUGGESTION_DRAFT, flags);
  properties[PROP_ASSIGNED_DATE] =
    g_param_spec_string ("assigned-date", NULL, NULL, NULL, flags);
  properties[PROP_INITIAL_DUE_DATE] =
    g_param_spec_string ("initial-due-date", NULL, NULL, NULL, flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  properties[PROP_RETURNED_DATE] =
    g_param_spec_string ("returned-date", NULL, NULL, NULL, flags);
  properties[PROP_RETURN_REASON] =
    g_param_spec_string ("return-reason", NULL, NULL, NULL, flags);
  properties[PROP_EXTENSION_DATE] =
    g_param_spec_string ("extension-date", NULL, NULL, NULL, flags);
  properties[PROP_EXTENSION_REASON] =
    g_param_spec_string ("extension-reason", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER_DATE] =
    g_param_spec_string ("answer-date", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER_CLASS_ID] =
    g_param_spec_int64 ("answer-class-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ANSWER_TEXT] =
    g_param_spec_string ("answer-text", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER_FACE_TO_FACE] =
    g_param_spec_boolean ("answer-face-to-face", NULL, NULL, FALSE, flags);
  properties[PROP_EVALUATION] =
    g_param_spec_string ("evaluation", NULL, NULL, NULL, flags);
  properties[PROP_EVALUATION_DATE] =
    g_param_spec_string ("evaluation-date", NULL, NULL, NULL, flags);
  properties[PROP_REHANDLING_COUNT] =
    g_param_spec_uint ("rehandling-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MERGED_INTO] =
    g_param_spec_int64 ("merged-into", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_NAME] =
    g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  properties[PROP_LEAD_DEPUTY_NAME] =
    g_param_spec_string ("lead-deputy-name", NULL, NULL, NULL, flags);
  properties[PROP_LEAD_UNIT_NAME] =
    g_param_spec_string ("lead-unit-name", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER_CLASS_NAME] =
    g_param_spec_string ("answer-class-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLLING] =
    g_param_spec_boolean ("rolling", NULL, NULL, FALSE, flags);
  properties[PROP_NUMBER_DISPLAY] =
    g_param_spec_string ("number-display", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_suggestion_init (LdSuggestion *self)
{
  self->uuid = g_strdup ("");
  self->title = g_strdup ("");
  self->content = g_strdup ("");
  self->co_signer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->co_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->concern_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->state = LD_SUGGESTION_DRAFT;
}

/* ------------------------------------------------------------------ public API */

LdSuggestion *
ld_suggestion_new (void)
{
  return g_object_new (LD_TYPE_SUGGESTION, NULL);
}

LdSuggestion *
ld_suggestion_copy (LdSuggestion *self)
{
  LdSuggestion *copy;

  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  copy = ld_suggestion_new ();
  ld_suggestion_set_id (copy, self->id);
  ld_suggestion_set_uuid (copy, self->uuid);
  ld_suggestion_set_station_id (copy, self->station_id);
  ld_suggestion_set_number (copy, self->number);
  ld_suggestion_set_title (copy, self->title);
  ld_suggestion_set_content (copy, self->content);
  ld_suggestion_set_category_id (copy, self->category_id);
  ld_suggestion_set_lead_deputy_id (copy, self->lead_deputy_id);
  ld_suggestion_set_co_signer_ids (copy, (const gint64 *) (gpointer) self->co_signer_ids->data,
                                  self->co_signer_ids->len);
  ld_suggestion_set_lead_unit_id (copy, self->lead_unit_id);
  ld_suggestion_set_co_unit_ids (copy, (const gint64 *) (gpointer) self->co_unit_ids->data,
                                self->co_unit_ids->len);
  ld_suggestion_set_concern_ids (copy, (const gint64 *) (gpointer) self->concern_ids->data,
                                self->concern_ids->len);
  ld_suggestion_set_submitted_date (copy, self->submitted_date);
  ld_suggestion_set_key_supervision (copy, self->key_supervision);
  ld_suggestion_set_supervisor (copy, self->supervisor);
  ld_suggestion_set_notes (copy, self->notes);
  ld_suggestion_set_state (copy, self->state);
  ld_suggestion_set_assigned_date (copy, self->assigned_date);
  ld_suggestion_set_initial_due_date (copy, self->initial_due_date);
  ld_suggestion_set_due_date (copy, self->due_date);
  ld_suggestion_set_returned_date (copy, self->returned_date);
  ld_suggestion_set_return_reason (copy, self->return_reason);
  ld_suggestion_set_extension_date (copy, self->extension_date);
  ld_suggestion_set_extension_reason (copy, self->extension_reason);
  ld_suggestion_set_answer_date (copy, self->answer_date);
  ld_suggestion_set_answer_class_id (copy, self->answer_class_id);
  ld_suggestion_set_answer_text (copy, self->answer_text);
  ld_suggestion_set_answer_face_to_face (copy, self->answer_face_to_face);
  ld_suggestion_set_evaluation (copy, self->evaluation);
  ld_suggestion_set_evaluation_date (copy, self->evaluation_date);
  ld_suggestion_set_rehandling_count (copy, self->rehandling_count);
  ld_suggestion_set_merged_into (copy, self->merged_into);
  ld_suggestion_set_created_at (copy, self->created_at);
  ld_suggestion_set_updated_at (copy, self->updated_at);
  ld_suggestion_set_category_name (copy, self->category_name);
  ld_suggestion_set_lead_deputy_name (copy, self->lead_deputy_name);
  ld_suggestion_set_lead_unit_name (copy, self->lead_unit_name);
  ld_suggestion_set_answer_class_name (copy, self->answer_class_name);
  ld_suggestion_set_rolling (copy, self->rolling);

  return copy;
}

gboolean
ld_suggestion_equal (LdSuggestion *a,
                     LdSuggestion *b)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (a), FALSE);
  g_return_val_if_fail (LD_IS_SUGGESTION (b), FALSE);

  return a->category_id == b->category_id
         && a->lead_deputy_id == b->lead_deputy_id
         && a->lead_unit_id == b->lead_unit_id
         && a->key_supervision == b->key_supervision
         && g_str_equal (a->title, b->title)
         && g_str_equal (a->content, b->content)
         && g_strcmp0 (a->number, b->number) == 0
         && g_strcmp0 (a->submitted_date, b->submitted_date) == 0
         && g_strcmp0 (a->supervisor, b->supervisor) == 0
         && g_strcmp0 (a->notes, b->notes) == 0
         && ids_equal (a->co_signer_ids, b->co_signer_ids)
         && ids_equal (a->co_unit_ids, b->co_unit_ids)
         && ids_equal (a->concern_ids, b->concern_ids);
}

gint64
ld_suggestion_get_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->id;
}

void
ld_suggestion_set_id (LdSuggestion *self,
                      gint64       id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ld_suggestion_get_uuid (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->uuid;
}

void
ld_suggestion_set_uuid (LdSuggestion *self,
                        const char   *uuid)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_text (&self->uuid, uuid))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
ld_suggestion_get_station_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->station_id;
}

void
ld_suggestion_set_station_id (LdSuggestion *self,
                              gint64       station_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id == station_id)
    return;
  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

const char *
ld_suggestion_get_number (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->number;
}

void
ld_suggestion_set_number (LdSuggestion *self,
                          const char   *number)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->number, number))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER_DISPLAY]);
}

const char *
ld_suggestion_get_title (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->title;
}

void
ld_suggestion_set_title (LdSuggestion *self,
                         const char   *title)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_text (&self->title, title))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ld_suggestion_get_content (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->content;
}

void
ld_suggestion_set_content (LdSuggestion *self,
                           const char   *content)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_text (&self->content, content))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

gint64
ld_suggestion_get_category_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->category_id;
}

void
ld_suggestion_set_category_id (LdSuggestion *self,
                               gint64       category_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (category_id >= 0);

  if (self->category_id == category_id)
    return;
  self->category_id = category_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_ID]);
}

gint64
ld_suggestion_get_lead_deputy_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->lead_deputy_id;
}

void
ld_suggestion_set_lead_deputy_id (LdSuggestion *self,
                                  gint64       lead_deputy_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (lead_deputy_id >= 0);

  if (self->lead_deputy_id == lead_deputy_id)
    return;
  self->lead_deputy_id = lead_deputy_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_DEPUTY_ID]);
}

gint64
ld_suggestion_get_lead_unit_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->lead_unit_id;
}

void
ld_suggestion_set_lead_unit_id (LdSuggestion *self,
                                gint64       lead_unit_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (lead_unit_id >= 0);

  if (self->lead_unit_id == lead_unit_id)
    return;
  self->lead_unit_id = lead_unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_UNIT_ID]);
}

const char *
ld_suggestion_get_submitted_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->submitted_date;
}

void
ld_suggestion_set_submitted_date (LdSuggestion *self,
                                  const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->submitted_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED_DATE]);
}

gboolean
ld_suggestion_get_key_supervision (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), FALSE);

  return self->key_supervision;
}

void
ld_suggestion_set_key_supervision (LdSuggestion *self,
                                   gboolean     key_supervision)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  key_supervision = !!key_supervision;
  if (self->key_supervision == key_supervision)
    return;
  self->key_supervision = key_supervision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_SUPERVISION]);
}

const char *
ld_suggestion_get_supervisor (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->supervisor;
}

void
ld_suggestion_set_supervisor (LdSuggestion *self,
                              const char   *supervisor)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->supervisor, supervisor))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERVISOR]);
}

const char *
ld_suggestion_get_notes (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->notes;
}

void
ld_suggestion_set_notes (LdSuggestion *self,
                         const char   *notes)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->notes, notes))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

LdSuggestionState
ld_suggestion_get_state (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), LD_SUGGESTION_DRAFT);

  return self->state;
}

void
ld_suggestion_set_state (LdSuggestion *self,
                         LdSuggestionState  state)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (state >= 0 && state < LD_SUGGESTION_N_STATES);

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
ld_suggestion_get_assigned_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->assigned_date;
}

void
ld_suggestion_set_assigned_date (LdSuggestion *self,
                                 const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->assigned_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_DATE]);
}

const char *
ld_suggestion_get_initial_due_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->initial_due_date;
}

void
ld_suggestion_set_initial_due_date (LdSuggestion *self,
                                    const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->initial_due_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIAL_DUE_DATE]);
}

const char *
ld_suggestion_get_due_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->due_date;
}

void
ld_suggestion_set_due_date (LdSuggestion *self,
                            const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->due_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
ld_suggestion_get_returned_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->returned_date;
}

void
ld_suggestion_set_returned_date (LdSuggestion *self,
                                 const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->returned_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURNED_DATE]);
}

const char *
ld_suggestion_get_return_reason (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->return_reason;
}

void
ld_suggestion_set_return_reason (LdSuggestion *self,
                                 const char   *reason)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->return_reason, reason))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURN_REASON]);
}

const char *
ld_suggestion_get_extension_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->extension_date;
}

void
ld_suggestion_set_extension_date (LdSuggestion *self,
                                  const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->extension_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENSION_DATE]);
}

const char *
ld_suggestion_get_extension_reason (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->extension_reason;
}

void
ld_suggestion_set_extension_reason (LdSuggestion *self,
                                    const char   *reason)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->extension_reason, reason))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENSION_REASON]);
}

const char *
ld_suggestion_get_answer_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->answer_date;
}

void
ld_suggestion_set_answer_date (LdSuggestion *self,
                               const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->answer_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_DATE]);
}

gint64
ld_suggestion_get_answer_class_id (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->answer_class_id;
}

void
ld_suggestion_set_answer_class_id (LdSuggestion *self,
                                   gint64       answer_class_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (answer_class_id >= 0);

  if (self->answer_class_id == answer_class_id)
    return;
  self->answer_class_id = answer_class_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_CLASS_ID]);
}

const char *
ld_suggestion_get_answer_text (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->answer_text;
}

void
ld_suggestion_set_answer_text (LdSuggestion *self,
                               const char   *text)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->answer_text, text))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_TEXT]);
}

gboolean
ld_suggestion_get_answer_face_to_face (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), FALSE);

  return self->answer_face_to_face;
}

void
ld_suggestion_set_answer_face_to_face (LdSuggestion *self,
                                       gboolean     answer_face_to_face)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  answer_face_to_face = !!answer_face_to_face;
  if (self->answer_face_to_face == answer_face_to_face)
    return;
  self->answer_face_to_face = answer_face_to_face;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_FACE_TO_FACE]);
}

const char *
ld_suggestion_get_evaluation (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->evaluation;
}

void
ld_suggestion_set_evaluation (LdSuggestion *self,
                              const char   *evaluation)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->evaluation, evaluation))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION]);
}

const char *
ld_suggestion_get_evaluation_date (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->evaluation_date;
}

void
ld_suggestion_set_evaluation_date (LdSuggestion *self,
                                   const char   *date)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->evaluation_date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_DATE]);
}

guint
ld_suggestion_get_rehandling_count (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->rehandling_count;
}

void
ld_suggestion_set_rehandling_count (LdSuggestion *self,
                                    guint        count)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (self->rehandling_count == count)
    return;
  self->rehandling_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REHANDLING_COUNT]);
}

gint64
ld_suggestion_get_merged_into (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), 0);

  return self->merged_into;
}

void
ld_suggestion_set_merged_into (LdSuggestion *self,
                               gint64       suggestion_id)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));
  g_return_if_fail (suggestion_id >= 0);

  if (self->merged_into == suggestion_id)
    return;
  self->merged_into = suggestion_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED_INTO]);
}

const char *
ld_suggestion_get_created_at (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->created_at;
}

void
ld_suggestion_set_created_at (LdSuggestion *self,
                              const char   *created_at)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->created_at, created_at))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
ld_suggestion_get_updated_at (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->updated_at;
}

void
ld_suggestion_set_updated_at (LdSuggestion *self,
                              const char   *updated_at)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->updated_at, updated_at))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
ld_suggestion_get_category_name (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->category_name;
}

void
ld_suggestion_set_category_name (LdSuggestion *self,
                                 const char   *name)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->category_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_NAME]);
}

const char *
ld_suggestion_get_lead_deputy_name (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->lead_deputy_name;
}

void
ld_suggestion_set_lead_deputy_name (LdSuggestion *self,
                                    const char   *name)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->lead_deputy_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_DEPUTY_NAME]);
}

const char *
ld_suggestion_get_lead_unit_name (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->lead_unit_name;
}

void
ld_suggestion_set_lead_unit_name (LdSuggestion *self,
                                  const char   *name)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->lead_unit_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_UNIT_NAME]);
}

const char *
ld_suggestion_get_answer_class_name (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->answer_class_name;
}

void
ld_suggestion_set_answer_class_name (LdSuggestion *self,
                                     const char   *name)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (!set_nullable_text (&self->answer_class_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_CLASS_NAME]);
}

gboolean
ld_suggestion_get_rolling (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), FALSE);

  return self->rolling;
}

void
ld_suggestion_set_rolling (LdSuggestion *self,
                           gboolean     rolling)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  rolling = !!rolling;
  if (self->rolling == rolling)
    return;
  self->rolling = rolling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLLING]);
}

/* Returns: (transfer none): the ids, in the order chosen */
GArray *
ld_suggestion_get_co_signer_ids (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->co_signer_ids;
}

void
ld_suggestion_set_co_signer_ids (LdSuggestion *self,
                                 const gint64 *ids,
                                 guint         n_ids)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (set_ids (self->co_signer_ids, ids, n_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CO_SIGNER_IDS]);
}

/* Returns: (transfer none): the ids, in the order chosen */
GArray *
ld_suggestion_get_co_unit_ids (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->co_unit_ids;
}

void
ld_suggestion_set_co_unit_ids (LdSuggestion *self,
                               const gint64 *ids,
                               guint         n_ids)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (set_ids (self->co_unit_ids, ids, n_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CO_UNIT_IDS]);
}

/* Returns: (transfer none): the ids, in the order chosen */
GArray *
ld_suggestion_get_concern_ids (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->concern_ids;
}

void
ld_suggestion_set_concern_ids (LdSuggestion *self,
                               const gint64 *ids,
                               guint         n_ids)
{
  g_return_if_fail (LD_IS_SUGGESTION (self));

  if (set_ids (self->concern_ids, ids, n_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCERN_IDS]);
}

/* Returns: (transfer none): the number, or "—" before it has one */
const char *
ld_suggestion_get_number_display (LdSuggestion *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);

  return self->number != NULL ? self->number : "—";
}

/**
 * ld_suggestion_validate:
 *
 * Returns: (transfer full): field → message for every field that cannot be saved; empty when
 *   the suggestion can be saved
 */
GHashTable *
ld_suggestion_validate (LdSuggestion *self,
                        const char   *today)
{
  GHashTable *errors;
  g_autofree char *supervisor = NULL;

  g_return_val_if_fail (LD_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  errors = ld_validation_errors_new ();

  ld_validation_check_required (errors, "title", self->title, TITLE_MAX_CHARS,
                                _("Enter the title of the suggestion"));
  ld_validation_check_field (errors, "content", self->content, CONTENT_MAX_CHARS, TRUE);
  ld_validation_check_field (errors, "number", self->number, NUMBER_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "supervisor", self->supervisor, SUPERVISOR_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "notes", self->notes, NOTES_MAX_CHARS, TRUE);

  if (self->lead_deputy_id <= 0)
    g_hash_table_insert (errors, (gpointer) "lead-deputy-id",
                         g_strdup (_("Choose the lead deputy")));
  if (self->lead_deputy_id > 0 && contains_id (self->co_signer_ids, self->lead_deputy_id))
    g_hash_table_insert (errors, (gpointer) "co-signer-ids",
                         g_strdup (_("The lead deputy cannot also be a co-signer")));
  else if (has_duplicates (self->co_signer_ids))
    g_hash_table_insert (errors, (gpointer) "co-signer-ids",
                         g_strdup (_("A co-signer is listed twice")));

  if (self->lead_unit_id > 0 && contains_id (self->co_unit_ids, self->lead_unit_id))
    g_hash_table_insert (errors, (gpointer) "co-unit-ids",
                         g_strdup (_("The lead unit cannot also be a co-handling unit")));
  else if (has_duplicates (self->co_unit_ids))
    g_hash_table_insert (errors, (gpointer) "co-unit-ids",
                         g_strdup (_("A co-handling unit is listed twice")));

  if (has_duplicates (self->concern_ids))
    g_hash_table_insert (errors, (gpointer) "concern-ids",
                         g_strdup (_("A concern is listed twice")));

  if (self->submitted_date != NULL)
    {
      GDate date;

      if (!parse_date (self->submitted_date, &date))
        g_hash_table_insert (errors, (gpointer) "submitted-date",
                             g_strdup (_("Enter the date as YYYY-MM-DD, for example 2026-03-15")));
      else if (strcmp (self->submitted_date, today) > 0)
        g_hash_table_insert (errors, (gpointer) "submitted-date",
                             g_strdup (_("The date submitted cannot be in the future")));
    }

  supervisor = ld_validation_strip_text (self->supervisor);
  if (supervisor[0] != '\0' && !self->key_supervision)
    g_hash_table_insert (errors, (gpointer) "supervisor",
                         g_strdup (_("Name a supervisor only for a suggestion under key supervision")));

  return errors;
}

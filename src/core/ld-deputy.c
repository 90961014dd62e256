/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-deputy"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-deputy.h"
#include "ld-phone.h"

/* A deputy (人大代表) of the roster, as the editor and the lists see it. Text fields are never
 * NULL (empty is ""), except the gender, which is NULL when not given. */

#define NAME_MAX_CHARS  50
#define TEXT_MAX_CHARS  200
#define NOTES_MAX_CHARS 2000

struct _LdDeputy
{
  GObject   parent_instance;

  /* Owned */
  char     *uuid;
  char     *name;
  char     *gender;
  char     *level;
  char     *group;
  char     *constituency;
  char     *occupation;
  char     *workplace;
  char     *phone;
  char     *notes;

  gint64    id;
  gint64    station_id;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (LdDeputy, ld_deputy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STATION_ID,
  PROP_NAME,
  PROP_GENDER,
  PROP_LEVEL,
  PROP_GROUP,
  PROP_CONSTITUENCY,
  PROP_OCCUPATION,
  PROP_WORKPLACE,
  PROP_PHONE,
  PROP_ACTIVE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The 五级代表, from the highest congress down; the order is the sort order. */
static const char * const levels[] = {
  "national", "provincial", "municipal", "district", "township", NULL
};

static const struct
{
  const char *level;
  const char *context;
  const char *name;
} level_names[] = {
  { "national",   "deputy level", NC_("deputy level", "National") },
  { "provincial", "deputy level", NC_("deputy level", "Provincial") },
  { "municipal",  "deputy level", NC_("deputy level", "Municipal") },
  { "district",   "deputy level", NC_("deputy level", "District") },
  { "township",   "deputy level", NC_("deputy level", "Township") },
};

/* Where each initial starts among the first-level characters of GB2312 (0xB0A1–0xD7F9), which
 * that standard orders by pinyin; there are no words starting with i, u or v. */
static const struct
{
  guint16 first;
  char    initial;
} gb2312_initials[] = {
  { 0xB0A1, 'a' }, { 0xB0C5, 'b' }, { 0xB2C1, 'c' }, { 0xB4EE, 'd' }, { 0xB6EA, 'e' },
  { 0xB7A2, 'f' }, { 0xB8C1, 'g' }, { 0xB9FE, 'h' }, { 0xBBF7, 'j' }, { 0xBFA6, 'k' },
  { 0xC0AC, 'l' }, { 0xC2E8, 'm' }, { 0xC4C3, 'n' }, { 0xC5B6, 'o' }, { 0xC5BE, 'p' },
  { 0xC6DA, 'q' }, { 0xC8BB, 'r' }, { 0xC8F6, 's' }, { 0xCBFA, 't' }, { 0xCDDA, 'w' },
  { 0xCEF4, 'x' }, { 0xD1B9, 'y' }, { 0xD4D1, 'z' },
};
#define GB2312_LEVEL1_LAST 0xD7F9

/* Surnames read differently from the character's usual reading (单 Shan, not Dan). */
static const struct
{
  gunichar c;
  char     initial;
} surname_initials[] = {
  { 0x5355, 's' },  /* 单 */
  { 0x89E3, 'x' },  /* 解 */
  { 0x4EC7, 'q' },  /* 仇 */
  { 0x533A, 'o' },  /* 区 */
  { 0x6734, 'p' },  /* 朴 */
  { 0x67E5, 'z' },  /* 查 */
  { 0x76D6, 'g' },  /* 盖 */
  { 0x7F2A, 'm' },  /* 缪 */
  { 0x7FDF, 'z' },  /* 翟 */
  { 0x4E50, 'y' },  /* 乐 */
  { 0x8983, 'q' },  /* 覃 */
  { 0x79CD, 'c' },  /* 种 */
  { 0x79D8, 'b' },  /* 秘 */
  { 0x53EC, 's' },  /* 召 */
  { 0x66FE, 'z' },  /* 曾 */
};

/* Characters common in names that GB2312 leaves out of its first level, sorted by code point:
 * 闫 璐 琦 婷 钰 昊 睿 婧 晗 瑜 昕 萱 怡 淼 鑫 炜 玮 琪 祺 桦 邝 阚 郗 芮 蔺 晔 璇 琰 婕 钊 骁 淇 煜 曦 琛 懿 峥 岚 佟 晟 泓 烨 滢 珂 玥. */
static const struct
{
  gunichar c;
  char     initial;
} name_initials[] = {
  { 0x4F5F, 't' }, { 0x5A55, 'j' }, { 0x5A67, 'j' }, { 0x5A77, 't' }, { 0x5C9A, 'l' },
  { 0x5CE5, 'z' }, { 0x6021, 'y' }, { 0x61FF, 'y' }, { 0x660A, 'h' }, { 0x6615, 'x' },
  { 0x6654, 'y' }, { 0x6657, 'h' }, { 0x665F, 's' }, { 0x66E6, 'x' }, { 0x6866, 'h' },
  { 0x6CD3, 'h' }, { 0x6DC7, 'q' }, { 0x6DFC, 'm' }, { 0x6EE2, 'y' }, { 0x709C, 'w' },
  { 0x70E8, 'y' }, { 0x715C, 'y' }, { 0x73A5, 'y' }, { 0x73AE, 'w' }, { 0x73C2, 'k' },
  { 0x741B, 'c' }, { 0x7426, 'q' }, { 0x742A, 'q' }, { 0x7430, 'y' }, { 0x745C, 'y' },
  { 0x7487, 'x' }, { 0x7490, 'l' }, { 0x777F, 'r' }, { 0x797A, 'q' }, { 0x82AE, 'r' },
  { 0x8431, 'x' }, { 0x853A, 'l' }, { 0x909D, 'k' }, { 0x90D7, 'x' }, { 0x946B, 'x' },
  { 0x948A, 'z' }, { 0x94B0, 'y' }, { 0x95EB, 'y' }, { 0x961A, 'k' }, { 0x9A81, 'x' },
};

/* ------------------------------------------------------------------ helpers */

static char
gb2312_initial (guint code)
{
  char initial = 0;

  if (code < gb2312_initials[0].first || code > GB2312_LEVEL1_LAST)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (gb2312_initials); i++)
    if (code >= gb2312_initials[i].first)
      initial = gb2312_initials[i].initial;
  return initial;
}

static char
surname_initial (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (surname_initials); i++)
    if (surname_initials[i].c == c)
      return surname_initials[i].initial;
  return 0;
}

static char
name_initial (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_initials); i++)
    if (name_initials[i].c == c)
      return name_initials[i].initial;
  return 0;
}

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
ld_deputy_finalize (GObject *object)
{
  LdDeputy *self = LD_DEPUTY (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->constituency, g_free);
  g_clear_pointer (&self->occupation, g_free);
  g_clear_pointer (&self->workplace, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (ld_deputy_parent_class)->finalize (object);
}

static void
ld_deputy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LdDeputy *self = LD_DEPUTY (object);

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
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GENDER:
      g_value_set_string (value, self->gender);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_CONSTITUENCY:
      g_value_set_string (value, self->constituency);
      break;
    case PROP_OCCUPATION:
      g_value_set_string (value, self->occupation);
      break;
    case PROP_WORKPLACE:
      g_value_set_string (value, self->workplace);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_deputy_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LdDeputy *self = LD_DEPUTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      ld_deputy_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      ld_deputy_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_STATION_ID:
      ld_deputy_set_station_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ld_deputy_set_name (self, g_value_get_string (value));
      break;
    case PROP_GENDER:
      ld_deputy_set_gender (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      ld_deputy_set_level (self, g_value_get_string (value));
      break;
    case PROP_GROUP:
      ld_deputy_set_group (self, g_value_get_string (value));
      break;
    case PROP_CONSTITUENCY:
      ld_deputy_set_constituency (self, g_value_get_string (value));
      break;
    case PROP_OCCUPATION:
      ld_deputy_set_occupation (self, g_value_get_string (value));
      break;
    case PROP_WORKPLACE:
      ld_deputy_set_workplace (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      ld_deputy_set_phone (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE:
      ld_deputy_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      ld_deputy_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_deputy_class_init (LdDeputyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ld_deputy_finalize;
  object_class->get_property = ld_deputy_get_property;
  object_class->set_property = ld_deputy_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_GENDER] =
    g_param_spec_string ("gender", NULL, NULL, NULL, flags);
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL, "district", flags);
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, "", flags);
  properties[PROP_CONSTITUENCY] =
    g_param_spec_string ("constituency", NULL, NULL, "", flags);
  properties[PROP_OCCUPATION] =
    g_param_spec_string ("occupation", NULL, NULL, "", flags);
  properties[PROP_WORKPLACE] =
    g_param_spec_string ("workplace", NULL, NULL, "", flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_deputy_init (LdDeputy *self)
{
  self->uuid = g_strdup ("");
  self->name = g_strdup ("");
  self->level = g_strdup ("district");
  self->group = g_strdup ("");
  self->constituency = g_strdup ("");
  self->occupation = g_strdup ("");
  self->workplace = g_strdup ("");
  self->phone = g_strdup ("");
  self->notes = g_strdup ("");
  self->active = TRUE;
}

/* ------------------------------------------------------------------ public API */

LdDeputy *
ld_deputy_new (void)
{
  return g_object_new (LD_TYPE_DEPUTY, NULL);
}

LdDeputy *
ld_deputy_copy (LdDeputy *self)
{
  LdDeputy *copy;

  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  copy = ld_deputy_new ();
  copy->id = self->id;
  copy->station_id = self->station_id;
  copy->active = self->active;
  set_text (&copy->uuid, self->uuid);
  set_text (&copy->name, self->name);
  g_free (copy->gender);
  copy->gender = g_strdup (self->gender);
  set_text (&copy->level, self->level);
  set_text (&copy->group, self->group);
  set_text (&copy->constituency, self->constituency);
  set_text (&copy->occupation, self->occupation);
  set_text (&copy->workplace, self->workplace);
  set_text (&copy->phone, self->phone);
  set_text (&copy->notes, self->notes);

  return copy;
}

gboolean
ld_deputy_equal (LdDeputy *a,
                 LdDeputy *b)
{
  g_return_val_if_fail (LD_IS_DEPUTY (a), FALSE);
  g_return_val_if_fail (LD_IS_DEPUTY (b), FALSE);

  return a->id == b->id
         && a->station_id == b->station_id
         && a->active == b->active
         && g_str_equal (a->uuid, b->uuid)
         && g_str_equal (a->name, b->name)
         && g_strcmp0 (a->gender, b->gender) == 0
         && g_str_equal (a->level, b->level)
         && g_str_equal (a->group, b->group)
         && g_str_equal (a->constituency, b->constituency)
         && g_str_equal (a->occupation, b->occupation)
         && g_str_equal (a->workplace, b->workplace)
         && g_str_equal (a->phone, b->phone)
         && g_str_equal (a->notes, b->notes);
}

gint64
ld_deputy_get_id (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), 0);

  return self->id;
}

void
ld_deputy_set_id (LdDeputy *self,
                  gint64    id)
{
  g_return_if_fail (LD_IS_DEPUTY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ld_deputy_get_uuid (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->uuid;
}

void
ld_deputy_set_uuid (LdDeputy   *self,
                    const char *uuid)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
ld_deputy_get_station_id (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), 0);

  return self->station_id;
}

void
ld_deputy_set_station_id (LdDeputy *self,
                          gint64    station_id)
{
  g_return_if_fail (LD_IS_DEPUTY (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id == station_id)
    return;
  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

const char *
ld_deputy_get_name (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->name;
}

void
ld_deputy_set_name (LdDeputy   *self,
                    const char *name)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* Returns: (nullable): "female", "male" or NULL when not given */
const char *
ld_deputy_get_gender (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->gender;
}

void
ld_deputy_set_gender (LdDeputy   *self,
                      const char *gender)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (gender != NULL && gender[0] == '\0')
    gender = NULL;
  if (g_strcmp0 (self->gender, gender) == 0)
    return;
  g_free (self->gender);
  self->gender = g_strdup (gender);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

const char *
ld_deputy_get_level (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->level;
}

void
ld_deputy_set_level (LdDeputy   *self,
                     const char *level)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->level, level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
ld_deputy_get_group (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->group;
}

void
ld_deputy_set_group (LdDeputy   *self,
                     const char *group)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->group, group))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

const char *
ld_deputy_get_constituency (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->constituency;
}

void
ld_deputy_set_constituency (LdDeputy   *self,
                            const char *constituency)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->constituency, constituency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSTITUENCY]);
}

const char *
ld_deputy_get_occupation (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->occupation;
}

void
ld_deputy_set_occupation (LdDeputy   *self,
                          const char *occupation)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->occupation, occupation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCUPATION]);
}

const char *
ld_deputy_get_workplace (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->workplace;
}

void
ld_deputy_set_workplace (LdDeputy   *self,
                         const char *workplace)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->workplace, workplace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKPLACE]);
}

const char *
ld_deputy_get_phone (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->phone;
}

void
ld_deputy_set_phone (LdDeputy   *self,
                     const char *phone)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

gboolean
ld_deputy_get_active (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), FALSE);

  return self->active;
}

void
ld_deputy_set_active (LdDeputy *self,
                      gboolean  active)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *
ld_deputy_get_notes (LdDeputy *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  return self->notes;
}

void
ld_deputy_set_notes (LdDeputy   *self,
                     const char *notes)
{
  g_return_if_fail (LD_IS_DEPUTY (self));

  if (set_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* Returns: the level in the UI language, or @level itself when it is not a known level */
const char *
ld_deputy_level_to_string (const char *level)
{
  if (level == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_str_equal (level, level_names[i].level))
      return g_dpgettext2 (GETTEXT_PACKAGE, level_names[i].context, level_names[i].name);

  return level;
}

/* Returns: (transfer none): the stored levels, from national down to township, NULL-terminated */
const char * const *
ld_deputy_levels (void)
{
  return levels;
}

/* Returns: (nullable): "Female" / "Male" in the UI language, NULL when not given */
const char *
ld_deputy_gender_to_string (const char *gender)
{
  if (g_strcmp0 (gender, "female") == 0)
    return C_("gender", "Female");
  if (g_strcmp0 (gender, "male") == 0)
    return C_("gender", "Male");
  return NULL;
}

char *
ld_deputy_name_initials (const char *name)
{
  g_autofree char *gb = NULL;
  GString *initials;
  const char *p;
  gsize gb_len = 0;
  gsize at = 0;
  gboolean first_han = TRUE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  /* GB18030 maps every character, so the two strings can be walked side by side: one byte for
   * ASCII, four when the second byte is a digit, else two. */
  gb = g_convert (name, -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  initials = g_string_new (NULL);

  for (p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = 1;
      char initial = 0;

      if (gb != NULL && c >= 0x80 && at + 1 < gb_len)
        width = ((guchar) gb[at + 1] >= 0x30 && (guchar) gb[at + 1] <= 0x39) ? 4 : 2;

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            initial = g_ascii_tolower (c);
        }
      else if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          if (first_han)
            initial = surname_initial (c);
          if (initial == 0 && gb != NULL && width == 2)
            initial = gb2312_initial (((guchar) gb[at] << 8) | (guchar) gb[at + 1]);
          if (initial == 0)
            initial = name_initial (c);
          first_han = FALSE;
        }

      if (initial != 0)
        g_string_append_c (initials, initial);
      at += width;
    }

  return g_string_free (initials, FALSE);
}

/**
 * ld_deputy_validate:
 *
 * Returns: (transfer full): property name → message for every field that cannot be saved;
 *   empty when the deputy can be saved
 */
GHashTable *
ld_deputy_validate (LdDeputy *self)
{
  GHashTable *errors;

  g_return_val_if_fail (LD_IS_DEPUTY (self), NULL);

  errors = ld_validation_errors_new ();

  ld_validation_check_required (errors, "name", self->name, NAME_MAX_CHARS, _("Enter a name"));

  if (self->gender != NULL
      && !g_str_equal (self->gender, "female") && !g_str_equal (self->gender, "male"))
    g_hash_table_insert (errors, (gpointer) "gender",
                         g_strdup (_("Choose female, male or leave it empty")));

  if (!g_strv_contains (levels, self->level))
    g_hash_table_insert (errors, (gpointer) "level", g_strdup (_("Choose a level")));

  ld_validation_check_field (errors, "group", self->group, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "constituency", self->constituency, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "occupation", self->occupation, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "workplace", self->workplace, TEXT_MAX_CHARS, FALSE);
  ld_validation_check_field (errors, "notes", self->notes, NOTES_MAX_CHARS, TRUE);
  ld_validation_check_phone (errors, "phone", self->phone);

  return errors;
}

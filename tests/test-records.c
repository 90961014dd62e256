/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-records"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-deputy.h"
#include "ld-list-entry.h"
#include "ld-phone.h"
#include "ld-station.h"
#include "ld-unit.h"

/*
 * The record objects and their validation rules, the pure functions behind the editors: what a
 * clerk may type into each field and the message shown next to a field that cannot be saved.
 */

/* ------------------------------------------------------------------ helpers */

/* Test values: "@N*text" stands for text repeated N times, so that tables stay readable. */
static char *
expand (const char *value)
{
  GString *result;
  char *end;
  guint64 n;

  if (value == NULL || value[0] != '@')
    return g_strdup (value);

  n = g_ascii_strtoull (value + 1, &end, 10);
  g_assert_true (*end == '*');
  result = g_string_new (NULL);
  for (guint64 i = 0; i < n; i++)
    g_string_append (result, end + 1);
  return g_string_free (result, FALSE);
}

typedef struct
{
  const char *property;
  const char *value;
  const char *invalid_field;    /* NULL: the record is valid */
  const char *message;          /* expected message, or NULL for any */
} ValidationCase;

/* Applies @c to a fresh valid record from @make and checks that exactly the expected field is
 * refused, with a message in plain words. */
static void
run_validation_cases (const char            *what,
                      GObject             *(*make) (void),
                      GHashTable          *(*validate) (GObject *),
                      const ValidationCase  *cases,
                      guint                  n_cases)
{
  guint failures = 0;

  for (guint i = 0; i < n_cases; i++)
    {
      const ValidationCase *c = &cases[i];
      g_autoptr(GObject) record = make ();
      g_autoptr(GHashTable) errors = NULL;
      g_autofree char *value = expand (c->value);
      const char *message;

      g_object_set (record, c->property, value, NULL);
      errors = validate (record);

      if (c->invalid_field == NULL)
        {
          if (g_hash_table_size (errors) != 0)
            {
              g_test_message ("%s %s=“%.40s”: expected valid, got %u errors", what, c->property,
                              c->value, g_hash_table_size (errors));
              failures++;
            }
          continue;
        }

      message = g_hash_table_lookup (errors, c->invalid_field);
      if (g_hash_table_size (errors) != 1 || message == NULL)
        {
          g_test_message ("%s %s=“%.40s”: expected an error on %s only, got %u errors",
                          what, c->property, c->value, c->invalid_field,
                          g_hash_table_size (errors));
          failures++;
          continue;
        }

      /* A short sentence, valid text, never empty. */
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (strlen (message), >, 5);
      if (c->message != NULL && !g_str_equal (message, c->message))
        {
          g_test_message ("%s %s=“%.40s”: expected “%s”, got “%s”", what, c->property, c->value,
                          c->message, message);
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static GObject *
make_deputy (void)
{
  LdDeputy *deputy = ld_deputy_new ();

  ld_deputy_set_name (deputy, "张伟");
  ld_deputy_set_level (deputy, "district");
  return G_OBJECT (deputy);
}

static GHashTable *
validate_deputy (GObject *record)
{
  return ld_deputy_validate (LD_DEPUTY (record));
}

static GObject *
make_station (void)
{
  LdStation *station = ld_station_new ();

  ld_station_set_name (station, "水果湖街道代表联络站");
  ld_station_set_reporting_unit (station, "武昌区人大常委会水果湖街道工委");
  return G_OBJECT (station);
}

static GHashTable *
validate_station (GObject *record)
{
  return ld_station_validate (LD_STATION (record));
}

static GObject *
make_unit (void)
{
  LdUnit *unit = ld_unit_new ();

  ld_unit_set_name (unit, "区住房和城市更新局");
  return G_OBJECT (unit);
}

static GHashTable *
validate_unit (GObject *record)
{
  return ld_unit_validate (LD_UNIT (record));
}

static GObject *
make_user_entry (void)
{
  LdListEntry *entry = ld_list_entry_new (LD_LIST_CONCERN_CATEGORY);

  ld_list_entry_set_name (entry, "噪音扰民");
  return G_OBJECT (entry);
}

static GObject *
make_seeded_entry (void)
{
  LdListEntry *entry = ld_list_entry_new (LD_LIST_CHANNEL);

  ld_list_entry_set_seed_key (entry, "reception_day");
  return G_OBJECT (entry);
}

static GHashTable *
validate_entry (GObject *record)
{
  return ld_list_entry_validate (LD_LIST_ENTRY (record));
}

/* ------------------------------------------------------------------ deputies */

#define PHONE_MESSAGE \
  "Enter a mobile number of 11 digits starting with 1, or a landline with its area code, such as 027-85551234"

static const ValidationCase deputy_cases[] = {
  { "name",         "张伟",                   NULL,           NULL },
  { "name",         "  张伟  ",               NULL,           NULL },
  { "name",         "欧阳娜娜",               NULL,           NULL },
  { "name",         "Ahmatjan Tursun",        NULL,           NULL },
  { "name",         "@50*张",                 NULL,           NULL },   /* 150 bytes, 50 characters */
  { "name",         "",                       "name",         "Enter a name" },
  { "name",         "   ",                    "name",         "Enter a name" },
  { "name",         "\xe3\x80\x80",           "name",         "Enter a name" },   /* ideographic space */
  { "name",         "@51*张",                 "name",         "Use at most 50 characters" },
  { "name",         "@1000*a",                "name",         "Use at most 50 characters" },
  { "name",         "@1000*张",               "name",         "Use at most 50 characters" },
  { "name",         "张\xff伟",               "name",         NULL },   /* invalid UTF-8 */
  { "name",         "\xe5\xbc",               "name",         NULL },   /* truncated character */
  { "name",         "张\n伟",                 "name",         NULL },
  { "name",         "张\t伟",                 "name",         NULL },
  { "name",         "张\x01伟",               "name",         NULL },
  { "name",         "张\x7f伟",               "name",         NULL },
  { "name",         "张\xc2\x85伟",           "name",         NULL },   /* U+0085, a C1 control */
  { "gender",       "female",                 NULL,           NULL },
  { "gender",       "male",                   NULL,           NULL },
  { "gender",       "",                       NULL,           NULL },
  { "gender",       "other",                  "gender",       NULL },
  { "gender",       "女",                     "gender",       NULL },
  { "level",        "national",               NULL,           NULL },
  { "level",        "provincial",             NULL,           NULL },
  { "level",        "municipal",              NULL,           NULL },
  { "level",        "district",               NULL,           NULL },
  { "level",        "township",               NULL,           NULL },
  { "level",        "",                       "level",        "Choose a level" },
  { "level",        "county",                 "level",        "Choose a level" },
  { "level",        "District",               "level",        "Choose a level" },
  { "group",        "财经组",                 NULL,           NULL },
  { "group",        "@200*财",                NULL,           NULL },
  { "group",        "@201*财",                "group",        "Use at most 200 characters" },
  { "group",        "财经\n组",               "group",        NULL },
  { "constituency", "@201*a",                 "constituency", "Use at most 200 characters" },
  { "constituency", "第三选区\x1b",           "constituency", NULL },
  { "occupation",   "@201*a",                 "occupation",   "Use at most 200 characters" },
  { "occupation",   "\xc0\xaf",               "occupation",   NULL },   /* overlong encoding */
  { "workplace",    "@201*a",                 "workplace",    "Use at most 200 characters" },
  { "workplace",    "武汉市第一医院",         NULL,           NULL },
  { "phone",        "",                       NULL,           NULL },
  { "phone",        "138 0000 1111",          NULL,           NULL },
  { "phone",        "(027) 8555-1234",        NULL,           NULL },
  { "phone",        "12345",                  "phone",        PHONE_MESSAGE },
  { "phone",        "027-85551234-801",       "phone",        PHONE_MESSAGE },
  { "phone",        "一三八",                 "phone",        PHONE_MESSAGE },
  { "notes",        "@2000*记",               NULL,           NULL },
  { "notes",        "第一行\n第二行\t缩进",   NULL,           NULL },
  { "notes",        "Windows line\r\nbreaks", NULL,           NULL },
  { "notes",        "@2001*记",               "notes",        "Use at most 2000 characters" },
  { "notes",        "bell\x07",               "notes",        NULL },
  { "notes",        "lone\rreturn",           "notes",        NULL },
  { "notes",        "bad \xff byte",          "notes",        NULL },
};

static void
test_deputy_validation (void)
{
  run_validation_cases ("deputy", make_deputy, validate_deputy,
                        deputy_cases, G_N_ELEMENTS (deputy_cases));
}

/* Several bad fields are all reported at once, so the form can mark each of them. */
static void
test_deputy_validation_all_fields (void)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *long_text = expand ("@201*x");

  ld_deputy_set_level (deputy, "mayor");
  ld_deputy_set_phone (deputy, "110");
  ld_deputy_set_workplace (deputy, long_text);
  errors = ld_deputy_validate (deputy);

  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
  g_assert_true (g_hash_table_contains (errors, "name"));
  g_assert_true (g_hash_table_contains (errors, "level"));
  g_assert_true (g_hash_table_contains (errors, "phone"));
  g_assert_true (g_hash_table_contains (errors, "workplace"));
}

static void
test_deputy_defaults (void)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autofree char *group = NULL;

  g_assert_cmpint (ld_deputy_get_id (deputy), ==, 0);
  g_assert_cmpstr (ld_deputy_get_uuid (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_name (deputy), ==, "");
  g_assert_null (ld_deputy_get_gender (deputy));
  g_assert_cmpstr (ld_deputy_get_level (deputy), ==, "district");
  g_assert_cmpstr (ld_deputy_get_group (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_constituency (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_occupation (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_workplace (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_phone (deputy), ==, "");
  g_assert_cmpstr (ld_deputy_get_notes (deputy), ==, "");
  g_assert_true (ld_deputy_get_active (deputy));

  /* NULL is stored as "" (the gender excepted), also through properties. */
  ld_deputy_set_name (deputy, NULL);
  g_assert_cmpstr (ld_deputy_get_name (deputy), ==, "");
  g_object_set (deputy, "group", NULL, "gender", "", NULL);
  g_object_get (deputy, "group", &group, NULL);
  g_assert_cmpstr (group, ==, "");
  g_assert_null (ld_deputy_get_gender (deputy));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* One notification per real change, none when the value stays. */
static void
test_deputy_notify (void)
{
  static const char * const names[] = {
    "id", "uuid", "station-id", "name", "gender", "level", "group", "constituency",
    "occupation", "workplace", "phone", "active", "notes", NULL
  };
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  guint count = 0;

  for (guint i = 0; names[i] != NULL; i++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (deputy), names[i]));

  g_signal_connect (deputy, "notify::name", G_CALLBACK (count_cb), &count);
  ld_deputy_set_name (deputy, "李娜");
  g_assert_cmpuint (count, ==, 1);
  ld_deputy_set_name (deputy, "李娜");
  g_object_set (deputy, "name", "李娜", NULL);
  g_assert_cmpuint (count, ==, 1);
  ld_deputy_set_name (deputy, "李娜 ");
  g_assert_cmpuint (count, ==, 2);

  count = 0;
  g_signal_connect (deputy, "notify::active", G_CALLBACK (count_cb), &count);
  ld_deputy_set_active (deputy, TRUE);
  g_assert_cmpuint (count, ==, 0);
  ld_deputy_set_active (deputy, FALSE);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_deputy_copy_equal (void)
{
  g_autoptr(LdDeputy) deputy = LD_DEPUTY (make_deputy ());
  g_autoptr(LdDeputy) copy = NULL;

  ld_deputy_set_id (deputy, 42);
  ld_deputy_set_uuid (deputy, "0b7f0d9e-3a1c-4c9d-8e2f-1a2b3c4d5e6f");
  ld_deputy_set_station_id (deputy, 3);
  ld_deputy_set_gender (deputy, "male");
  ld_deputy_set_group (deputy, "城建环资组");
  ld_deputy_set_constituency (deputy, "第五选区");
  ld_deputy_set_occupation (deputy, "教师");
  ld_deputy_set_workplace (deputy, "武汉市第二中学");
  ld_deputy_set_phone (deputy, "13800001111");
  ld_deputy_set_active (deputy, FALSE);
  ld_deputy_set_notes (deputy, "兼任监督员\n每月走访");

  copy = ld_deputy_copy (deputy);
  g_assert_true (copy != deputy);
  g_assert_true (ld_deputy_equal (deputy, copy));

  ld_deputy_set_gender (copy, NULL);
  g_assert_false (ld_deputy_equal (deputy, copy));
  ld_deputy_set_gender (copy, "male");
  ld_deputy_set_notes (copy, "");
  g_assert_false (ld_deputy_equal (deputy, copy));
}

static void
test_deputy_levels (void)
{
  const char * const *levels = ld_deputy_levels ();
  static const char * const english[] = {
    "National", "Provincial", "Municipal", "District", "Township"
  };

  g_assert_cmpuint (g_strv_length ((char **) levels), ==, 5);
  for (guint i = 0; levels[i] != NULL; i++)
    g_assert_cmpstr (ld_deputy_level_to_string (levels[i]), ==, english[i]);

  g_assert_cmpstr (ld_deputy_level_to_string ("village"), ==, "village");
  g_assert_cmpstr (ld_deputy_gender_to_string ("female"), ==, "Female");
  g_assert_null (ld_deputy_gender_to_string (NULL));
}

typedef struct
{
  const char *name;
  const char *initials;
} InitialsCase;

static const InitialsCase initials_cases[] = {
  { "张伟",          "zw" },
  { "王秀英",        "wxy" },
  { "欧阳娜娜",      "oynn" },
  { "单田芳",        "stf" },      /* surname read Shan */
  { "曾国藩",        "zgf" },
  { "解放",          "xf" },       /* surname read Xie */
  { "查海生",        "zhs" },      /* surname read Zha */
  { "王璐",          "wl" },       /* 璐 is outside GB2312's first level */
  { "闫妮",          "yn" },
  { "李 Lei",        "llei" },
  { "Ahmatjan",      "ahmatjan" },
  { "  ",            "" },
  { "",              "" },
  { "张𠀀",          "z" },        /* a rare character is skipped */
};

static void
test_name_initials (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (initials_cases); i++)
    {
      g_autofree char *initials = ld_deputy_name_initials (initials_cases[i].name);

      g_assert_cmpstr (initials, ==, initials_cases[i].initials);
    }
}

/* ------------------------------------------------------------------ stations */

static const ValidationCase station_cases[] = {
  { "kind",           "station",          NULL,             NULL },
  { "kind",           "home",             NULL,             NULL },
  { "kind",           "central",          NULL,             NULL },
  { "kind",           "point",            NULL,             NULL },
  { "kind",           "workroom",         NULL,             NULL },
  { "kind",           "enterprise",       NULL,             NULL },
  { "kind",           "online",           NULL,             NULL },
  { "kind",           "school",           "kind",           NULL },
  { "kind",           "",                 "kind",           NULL },
  { "name",           "",                 "name",           "Enter a name" },
  { "name",           "@51*站",           "name",           "Use at most 50 characters" },
  { "name",           "站\n点",           "name",           NULL },
  { "district",       "武昌区",           NULL,             NULL },
  { "district",       "@201*区",          "district",       "Use at most 200 characters" },
  { "subdistrict",    "水果湖街道",       NULL,             NULL },
  { "subdistrict",    "\xff",             "subdistrict",    NULL },
  { "address",        "@200*路",          NULL,             NULL },
  { "address",        "@201*路",          "address",        "Use at most 200 characters" },
  { "phone",          "027-85551234",     NULL,             NULL },
  { "phone",          "85551234",         "phone",          PHONE_MESSAGE },
  { "reporting-unit", "",                 "reporting-unit", NULL },
  { "reporting-unit", " ",                "reporting-unit", NULL },
  { "reporting-unit", "@201*a",           "reporting-unit", "Use at most 200 characters" },
};

static void
test_station_validation (void)
{
  run_validation_cases ("station", make_station, validate_station,
                        station_cases, G_N_ELEMENTS (station_cases));
}

static void
test_station_record (void)
{
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(LdStation) copy = NULL;
  const char * const *kinds = ld_station_kinds ();

  g_assert_cmpstr (ld_station_get_kind (station), ==, "station");
  g_assert_cmpstr (ld_station_get_name (station), ==, "");
  g_assert_cmpstr (ld_station_get_reporting_unit (station), ==, "");

  ld_station_set_kind (station, "home");
  ld_station_set_name (station, "人大代表之家");
  ld_station_set_phone (station, "027-85551234");
  copy = ld_station_copy (station);
  g_assert_cmpstr (ld_station_get_kind (copy), ==, "home");
  g_assert_cmpstr (ld_station_get_name (copy), ==, "人大代表之家");
  g_assert_cmpstr (ld_station_get_phone (copy), ==, "027-85551234");

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 7);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const char *label = ld_station_kind_to_string (kinds[i]);

      g_assert_cmpstr (label, !=, kinds[i]);
      g_assert_true (g_ascii_isupper (label[0]));
    }
  g_assert_cmpstr (ld_station_kind_to_string ("home"), ==, "Deputies’ home");
}

/* ------------------------------------------------------------------ handling units */

static const ValidationCase unit_cases[] = {
  { "name",    "",                "name",    "Enter a name" },
  { "name",    "@50*局",          NULL,      NULL },
  { "name",    "@51*局",          "name",    "Use at most 50 characters" },
  { "kind",    "department",      NULL,      NULL },
  { "kind",    "subdistrict",     NULL,      NULL },
  { "kind",    "community",       NULL,      NULL },
  { "kind",    "village",         NULL,      NULL },
  { "kind",    "enterprise",      NULL,      NULL },
  { "kind",    "other",           NULL,      NULL },
  { "kind",    "bank",            "kind",    NULL },
  { "contact", "刘科长",          NULL,      NULL },
  { "contact", "@51*刘",          "contact", "Use at most 50 characters" },
  { "contact", "刘\t科长",        "contact", NULL },
  { "phone",   "0755 1234 5678",  NULL,      NULL },
  { "phone",   "12345",           "phone",   PHONE_MESSAGE },
};

static void
test_unit_validation (void)
{
  run_validation_cases ("unit", make_unit, validate_unit, unit_cases, G_N_ELEMENTS (unit_cases));
}

static void
test_unit_record (void)
{
  g_autoptr(LdUnit) unit = LD_UNIT (make_unit ());
  g_autoptr(LdUnit) copy = NULL;
  const char * const *kinds = ld_unit_kinds ();

  g_assert_cmpstr (ld_unit_get_kind (unit), ==, "department");
  ld_unit_set_hidden (unit, TRUE);
  ld_unit_set_contact (unit, "刘科长");
  copy = ld_unit_copy (unit);
  g_assert_true (ld_unit_get_hidden (copy));
  g_assert_cmpstr (ld_unit_get_contact (copy), ==, "刘科长");
  g_assert_cmpstr (ld_unit_get_name (copy), ==, ld_unit_get_name (unit));

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 6);
  for (guint i = 0; kinds[i] != NULL; i++)
    g_assert_cmpstr (ld_unit_kind_to_string (kinds[i]), !=, kinds[i]);
  g_assert_cmpstr (ld_unit_kind_to_string ("subdistrict"), ==, "Sub-district office");
}

/* ------------------------------------------------------------------ editable lists */

static const ValidationCase user_entry_cases[] = {
  { "name", "",          "name", "Enter a name" },
  { "name", "  ",        "name", "Enter a name" },
  { "name", "@50*类",    NULL,   NULL },
  { "name", "@51*类",    "name", "Use at most 50 characters" },
  { "name", "类\n别",    "name", NULL },
};

static const ValidationCase seeded_entry_cases[] = {
  { "name", "",           NULL,   NULL },    /* keeps the translated default */
  { "name", "进站接待日", NULL,   NULL },
  { "name", "@51*类",     "name", "Use at most 50 characters" },
};

static void
test_entry_validation (void)
{
  g_autoptr(LdListEntry) category = ld_list_entry_new (LD_LIST_CONCERN_CATEGORY);
  g_autoptr(LdListEntry) channel = ld_list_entry_new (LD_LIST_CHANNEL);
  g_autoptr(GHashTable) errors = NULL;

  run_validation_cases ("user entry", make_user_entry, validate_entry,
                        user_entry_cases, G_N_ELEMENTS (user_entry_cases));
  run_validation_cases ("seeded entry", make_seeded_entry, validate_entry,
                        seeded_entry_cases, G_N_ELEMENTS (seeded_entry_cases));

  /* The time limit of a category: working days up to a year, or the general setting. */
  ld_list_entry_set_name (category, "噪音");
  ld_list_entry_set_time_limit_days (category, 366);
  errors = ld_list_entry_validate (category);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_clear_pointer (&errors, g_hash_table_unref);

  ld_list_entry_set_time_limit_days (category, 367);
  errors = ld_list_entry_validate (category);
  g_assert_true (g_hash_table_contains (errors, "time-limit-days"));
  g_clear_pointer (&errors, g_hash_table_unref);

  ld_list_entry_set_time_limit_days (category, 0);
  g_assert_cmpint (ld_list_entry_get_time_limit_days (category), ==, -1);

  ld_list_entry_set_name (channel, "微信群");
  ld_list_entry_set_time_limit_days (channel, 500);
  errors = ld_list_entry_validate (channel);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
}

static void
test_entry_display_name (void)
{
  g_autoptr(LdListEntry) entry = ld_list_entry_new (LD_LIST_CONCERN_CATEGORY);
  g_autoptr(LdListEntry) copy = NULL;
  g_autofree char *display = NULL;
  guint count = 0;

  g_assert_cmpint (ld_list_entry_get_kind (entry), ==, LD_LIST_CONCERN_CATEGORY);
  g_assert_null (ld_list_entry_get_seed_key (entry));
  g_assert_null (ld_list_entry_get_name (entry));
  g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, "");
  g_assert_cmpint (ld_list_entry_get_time_limit_days (entry), ==, -1);

  g_signal_connect (entry, "notify::display-name", G_CALLBACK (count_cb), &count);

  ld_list_entry_set_seed_key (entry, "housing_property");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, "Housing and property");

  /* The user's name wins; clearing it brings the default back. */
  ld_list_entry_set_name (entry, "物业纠纷");
  g_assert_cmpuint (count, ==, 2);
  g_object_get (entry, "display-name", &display, NULL);
  g_assert_cmpstr (display, ==, "物业纠纷");
  ld_list_entry_set_name (entry, "物业纠纷");
  g_assert_cmpuint (count, ==, 2);

  copy = ld_list_entry_copy (entry);
  g_assert_cmpstr (ld_list_entry_get_display_name (copy), ==, "物业纠纷");
  g_assert_cmpstr (ld_list_entry_get_seed_key (copy), ==, "housing_property");

  ld_list_entry_set_name (entry, "");
  g_assert_null (ld_list_entry_get_name (entry));
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, "Housing and property");

  /* The seed key of one list means nothing in another. */
  g_assert_null (ld_list_seed_display_name (LD_LIST_CHANNEL, "housing_property"));
  g_assert_null (ld_list_seed_display_name (LD_LIST_CHANNEL, NULL));
  g_assert_cmpstr (ld_list_seed_display_name (LD_LIST_ANSWER_CLASS, "A"), ==,
                   "A: Solved or basically solved");
}

/* Every seed key of the base schema has a translatable default name. */
static void
test_every_seed_has_a_name (void)
{
  static const struct
  {
    const char *table;
    LdListKind  kind;
  } lists[] = {
    { "concern_categories",    LD_LIST_CONCERN_CATEGORY },
    { "suggestion_categories", LD_LIST_SUGGESTION_CATEGORY },
    { "channels",              LD_LIST_CHANNEL },
    { "answer_classes",        LD_LIST_ANSWER_CLASS },
  };
  const char *root = g_getenv ("LD_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "db", "0001-base.sql", NULL);
  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *head = g_strdup_printf ("INSERT INTO %s (seed_key", lists[i].table);
      g_autoptr(GRegex) regex = g_regex_new ("^\\s*\\('([A-Za-z0-9_]+)'", G_REGEX_MULTILINE, 0,
                                             NULL);
      g_autoptr(GMatchInfo) match = NULL;
      const char *start = strstr (sql, head);
      const char *end;
      g_autofree char *block = NULL;
      guint n = 0;

      g_assert_nonnull (start);
      end = strstr (start, ");");
      g_assert_nonnull (end);
      block = g_strndup (start, end - start);

      g_regex_match (regex, block, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *key = g_match_info_fetch (match, 1);
          const char *name = ld_list_seed_display_name (lists[i].kind, key);

          if (name == NULL)
            g_test_message ("%s: no name for seed “%s”", lists[i].table, key);
          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, key);
          n++;
          g_match_info_next (match, NULL);
        }
      g_assert_cmpuint (n, >, 0);
      total += n;
    }

  /* 11 concern categories, 6 suggestion categories, 8 channels, 4 answer classes. */
  g_assert_cmpuint (total, ==, 29);
}

/* ------------------------------------------------------------------ shared text rule */

static void
test_check_text (void)
{
  g_autofree char *ok = ld_validation_check_text ("张伟", 2, FALSE);
  g_autofree char *too_long = ld_validation_check_text ("张伟强", 2, FALSE);
  g_autofree char *one = ld_validation_check_text ("ab", 1, FALSE);
  g_autofree char *stripped = ld_validation_strip_text ("\xe3\x80\x80 张伟 \t");
  g_autofree char *null_stripped = ld_validation_strip_text (NULL);

  g_assert_null (ok);
  g_assert_cmpstr (too_long, ==, "Use at most 2 characters");
  g_assert_cmpstr (one, ==, "Use at most 1 character");
  g_assert_cmpstr (stripped, ==, "张伟");
  g_assert_cmpstr (null_stripped, ==, "");
}

/* A clerk working in Chinese sees the seeded entries in Chinese, and their own words as typed. */
static void
test_entry_display_name_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LdListEntry) entry = ld_list_entry_new (LD_LIST_CONCERN_CATEGORY);

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIAISON_DESK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      ld_list_entry_set_seed_key (entry, "urban_construction");
      g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, "城市建设与管理");
      g_assert_cmpstr (ld_list_seed_display_name (LD_LIST_CHANNEL, "hotline_12345"), ==,
                       "12345转来");
      g_assert_cmpstr (ld_list_seed_display_name (LD_LIST_ANSWER_CLASS, "A"), ==,
                       "A 已解决或基本解决");
      g_assert_cmpstr (ld_deputy_level_to_string ("district"), ==, "区(县)");

      ld_list_entry_set_name (entry, "老旧小区改造");
      g_assert_cmpstr (ld_list_entry_get_display_name (entry), ==, "老旧小区改造");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* English, the source language, whatever the machine's locale. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/deputy/validation", test_deputy_validation);
  g_test_add_func ("/records/deputy/validation-all-fields", test_deputy_validation_all_fields);
  g_test_add_func ("/records/deputy/defaults", test_deputy_defaults);
  g_test_add_func ("/records/deputy/notify", test_deputy_notify);
  g_test_add_func ("/records/deputy/copy-equal", test_deputy_copy_equal);
  g_test_add_func ("/records/deputy/levels", test_deputy_levels);
  g_test_add_func ("/records/deputy/name-initials", test_name_initials);
  g_test_add_func ("/records/station/validation", test_station_validation);
  g_test_add_func ("/records/station/record", test_station_record);
  g_test_add_func ("/records/unit/validation", test_unit_validation);
  g_test_add_func ("/records/unit/record", test_unit_record);
  g_test_add_func ("/records/entry/validation", test_entry_validation);
  g_test_add_func ("/records/entry/display-name", test_entry_display_name);
  g_test_add_func ("/records/entry/display-name-chinese", test_entry_display_name_chinese);
  g_test_add_func ("/records/entry/every-seed-has-a-name", test_every_seed_has_a_name);
  g_test_add_func ("/records/check-text", test_check_text);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-phone.h"

/* Phone numbers as clerks type them. Each row: the input and the stored form, or NULL when the
 * input must be refused with the message that tells what a good number looks like. */

typedef struct
{
  const char *input;
  const char *expected;
} PhoneCase;

static const PhoneCase phone_cases[] = {
  /* Empty */
  { "",                        "" },
  { "   ",                     "" },

  /* Mobiles */
  { "13800001111",             "13800001111" },
  { "138 0000 1111",           "13800001111" },
  { "138-0000-1111",           "13800001111" },
  { "138.0000.1111",           "13800001111" },
  { "  13800001111  ",         "13800001111" },
  { "+86 138 0000 1111",       "13800001111" },
  { "+8613800001111",          "13800001111" },
  { "8613800001111",           "13800001111" },
  { "86-138-0000-1111",        "13800001111" },
  { "008613800001111",         "13800001111" },
  { "(+86) 13800001111",       "13800001111" },
  { "１３８００００１１１１",  "13800001111" },       /* full-width digits */
  { "19912345678",             "19912345678" },
  { "12345678901",             NULL },                /* 12… is no mobile prefix */
  { "1380000111",              NULL },                /* 10 digits */
  { "138000011112",            NULL },                /* 12 digits */
  { "+1 138 0000 1111",        NULL },                /* another country */
  { "(138) 0000 1111",         NULL },

  /* Landlines */
  { "027-85551234",            "027-85551234" },
  { "02785551234",             "027-85551234" },
  { "027 8555 1234",           "027-85551234" },
  { "(027)85551234",           "027-85551234" },
  { "(027) 8555-1234",         "027-85551234" },
  { "（027）85551234",         "027-85551234" },      /* full-width brackets */
  { "027.8555.1234",           "027-85551234" },
  { "027－85551234",           "027-85551234" },      /* full-width dash */
  { "010-12345678",            "010-12345678" },
  { "01012345678",             "010-12345678" },
  { "021-5555123",             "021-5555123" },       /* 7-digit local number */
  { "0755-12345678",           "0755-12345678" },
  { "075512345678",            "0755-12345678" },
  { "0731 8888 7777",          "0731-88887777" },
  { "+86 27 8555 1234",        "027-85551234" },      /* international form drops the 0 */
  { "+86 (27) 85551234",       "027-85551234" },
  { "0086 10 12345678",        "010-12345678" },

  /* Refused */
  { "027-85551234-801",        NULL },                /* extension */
  { "027-85551234 ext. 801",   NULL },
  { "027-85551234转801",       NULL },
  { "027-855512",              NULL },                /* 6-digit local number */
  { "027-855512345",           NULL },                /* 9-digit local number */
  { "0278-5551234",            NULL },                /* separator inside the local number */
  { "02-785551234",            NULL },                /* separator inside the area code */
  { "011-12345678",            NULL },                /* no such area code */
  { "000-12345678",            NULL },
  { "027-05551234",            NULL },                /* local numbers do not start with 0 */
  { "85551234",                NULL },                /* no area code */
  { "(027 85551234",           NULL },                /* unbalanced bracket */
  { "027) 85551234",           NULL },
  { "(0278)5551234",           NULL },                /* brackets around more than the area code */
  { "138+0000+1111",           NULL },
  { "tel 13800001111",         NULL },
  { "13800001111\n",           "13800001111" },       /* trailing newline is white space */
  { "138\t0000\t1111",         "13800001111" },
  { "138 0000 1111 0",         NULL },                /* a digit too many */
  { "\xff\xfe" "13800001111",  NULL },                /* invalid UTF-8 */
  { "1380000111１",            "13800001111" },       /* mixed widths */
  { "123",                     NULL },
  { "+",                       NULL },
  { "-",                       NULL },
};

static void
test_phone_table (void)
{
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      const PhoneCase *c = &phone_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *result = ld_phone_normalize (c->input, &error);

      if (g_strcmp0 (result, c->expected) != 0)
        {
          g_test_message ("“%s”: expected “%s”, got “%s”", c->input,
                          c->expected ? c->expected : "(refused)",
                          result ? result : "(refused)");
          failures++;
          continue;
        }

      if (c->expected == NULL)
        {
          g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
          /* The message tells the clerk what a good number looks like. */
          g_assert_nonnull (strstr (error->message, "027-85551234"));
        }
      else
        g_assert_no_error (error);
    }

  g_assert_cmpuint (failures, ==, 0);
  g_assert_cmpuint (G_N_ELEMENTS (phone_cases), >=, 25);
}

/* Normalising a normalised number changes nothing. */
static void
test_phone_idempotent (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      g_autofree char *again = NULL;

      if (phone_cases[i].expected == NULL)
        continue;
      again = ld_phone_normalize (phone_cases[i].expected, NULL);
      g_assert_cmpstr (again, ==, phone_cases[i].expected);
    }
}

static void
test_phone_null (void)
{
  g_autofree char *result = ld_phone_normalize (NULL, NULL);

  g_assert_cmpstr (result, ==, "");
}

/* Only what the schema accepts comes out: digits and '-', 3 to 32 characters. */
static void
test_phone_fits_schema (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      g_autofree char *result = ld_phone_normalize (phone_cases[i].input, NULL);

      if (result == NULL || result[0] == '\0')
        continue;
      g_assert_cmpuint (strlen (result), >=, 3);
      g_assert_cmpuint (strlen (result), <=, 32);
      g_assert_cmpuint (strspn (result, "0123456789-"), ==, strlen (result));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/table", test_phone_table);
  g_test_add_func ("/phone/idempotent", test_phone_idempotent);
  g_test_add_func ("/phone/null", test_phone_null);
  g_test_add_func ("/phone/fits-schema", test_phone_fits_schema);

  return g_test_run ();
}

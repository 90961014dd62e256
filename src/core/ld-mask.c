/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-mask"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-mask.h"

/* Masking (脱敏) works on characters, never bytes, so a Chinese name keeps its surname whole
 * and gets one '*' per hidden character. */

/* ------------------------------------------------------------------ helpers */

static void
append_stars (GString *out,
              glong    n)
{
  for (glong i = 0; i < n; i++)
    g_string_append_c (out, '*');
}

/* ------------------------------------------------------------------ public API */

/* Returns: (transfer full) (nullable): the masked name; "" for an empty or unreadable one */
char *
ld_mask_name (const char *name)
{
  GString *out;
  glong n_chars;

  if (name == NULL)
    return NULL;
  if (!g_utf8_validate (name, -1, NULL) || name[0] == '\0')
    return g_strdup ("");

  n_chars = g_utf8_strlen (name, -1);
  out = g_string_new (NULL);
  g_string_append_len (out, name, g_utf8_next_char (name) - name);
  append_stars (out, n_chars - 1);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full) (nullable): the masked number */
char *
ld_mask_phone (const char *phone)
{
  const char *dash;
  GString *out;
  glong n_chars;

  if (phone == NULL)
    return NULL;
  if (!g_utf8_validate (phone, -1, NULL))
    return g_strdup ("");

  n_chars = g_utf8_strlen (phone, -1);
  out = g_string_new (NULL);

  if (n_chars < 7)
    {
      append_stars (out, n_chars);
      return g_string_free (out, FALSE);
    }

  /* A landline as ld_phone_normalize() writes it: area code, dash, local number. */
  dash = strchr (phone, '-');
  if (phone[0] == '0' && dash != NULL && dash - phone <= 4)
    {
      glong local = g_utf8_strlen (dash + 1, -1);

      g_string_append_len (out, phone, dash + 1 - phone);
      if (local <= 2)
        append_stars (out, local);
      else
        {
          append_stars (out, local - 2);
          g_string_append (out, g_utf8_offset_to_pointer (dash + 1, local - 2));
        }
      return g_string_free (out, FALSE);
    }

  /* A mobile, or anything else long enough: the first 3 and the last 4 kept. */
  g_string_append_len (out, phone, g_utf8_offset_to_pointer (phone, 3) - phone);
  append_stars (out, n_chars - 7);
  g_string_append (out, g_utf8_offset_to_pointer (phone, n_chars - 4));
  return g_string_free (out, FALSE);
}

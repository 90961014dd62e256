/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-phone.h"

/*
 * Phone numbers as a clerk types them: "138 0000 1111", "+86 138-0000-1111", "(027)85551234",
 * "027 8555 1234", "0755.1234.5678", with full-width digits and brackets from a Chinese input
 * method. They are stored in one form ("13800001111", "027-85551234") so that the same number is
 * always the same text, for duplicates, search and masking.
 */

#define MAX_DIGITS     20
#define MAX_SEPARATORS 32

G_DEFINE_QUARK (ld-validation-error-quark, ld_validation_error)

/* ------------------------------------------------------------------ scanning */

typedef struct
{
  char     digits[MAX_DIGITS + 1];
  guint    n_digits;
  gboolean plus;
  int      open_at;                 /* digits before '(' or -1 */
  int      close_at;                /* digits before ')' or -1 */
  guint    separators[MAX_SEPARATORS];
  guint    n_separators;
} Scan;

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000       /* ideographic space */
         || c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D
         || c == '.' || c == 0xFF0E;
}

static void
add_separator (Scan *scan)
{
  if (scan->n_separators < MAX_SEPARATORS)
    scan->separators[scan->n_separators++] = scan->n_digits;
}

/* Splits @input into its digits and where the separators and brackets were; FALSE for any other
 * character, a misplaced '+' or unbalanced brackets. */
static gboolean
scan_input (const char *input,
            Scan       *scan)
{
  const char *p;

  memset (scan, 0, sizeof *scan);
  scan->open_at = -1;
  scan->close_at = -1;

  for (p = input; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);

      if (c >= '0' && c <= '9')
        {
          if (scan->n_digits == MAX_DIGITS)
            return FALSE;
          scan->digits[scan->n_digits++] = (char) c;
        }
      else if (is_separator (c))
        add_separator (scan);
      else if (c == '+' || c == 0xFF0B)
        {
          if (scan->plus || scan->n_digits > 0)
            return FALSE;
          scan->plus = TRUE;
        }
      else if (c == '(' || c == 0xFF08)
        {
          if (scan->open_at >= 0)
            return FALSE;
          scan->open_at = scan->n_digits;
          add_separator (scan);
        }
      else if (c == ')' || c == 0xFF09)
        {
          if (scan->open_at < 0 || scan->close_at >= 0 || scan->n_digits == (guint) scan->open_at)
            return FALSE;
          scan->close_at = scan->n_digits;
          add_separator (scan);
        }
      else
        return FALSE;
    }

  scan->digits[scan->n_digits] = '\0';

  return scan->open_at < 0 || scan->close_at >= 0;
}

/* The first separator after the first @after digits, or -1. */
static int
first_separator_after (const Scan *scan,
                       guint       after)
{
  for (guint i = 0; i < scan->n_separators; i++)
    if (scan->separators[i] > after && scan->separators[i] < scan->n_digits)
      return scan->separators[i];
  return -1;
}

/* ------------------------------------------------------------------ normalising */

static char *
normalize_scan (const Scan *scan)
{
  const char *national;
  guint prefix = 0;
  guint n;
  gboolean trunk_added = FALSE;
  gboolean brackets = scan->open_at >= 0;
  gboolean brackets_on_prefix = FALSE;
  char full[MAX_DIGITS + 2];
  guint area;
  guint length;
  int separator;

  /* The country code: "+86", "0086", or a bare "86" in front of a mobile. */
  if (scan->plus)
    {
      if (!g_str_has_prefix (scan->digits, "86"))
        return NULL;
      prefix = 2;
    }
  else if (g_str_has_prefix (scan->digits, "0086"))
    prefix = 4;
  else if (scan->n_digits == 13 && g_str_has_prefix (scan->digits, "861"))
    prefix = 2;

  national = scan->digits + prefix;
  n = scan->n_digits - prefix;

  if (brackets && prefix > 0 && scan->open_at == 0 && (guint) scan->close_at == prefix)
    brackets_on_prefix = TRUE;

  /* Mobile: 1[3-9] and nine more digits. */
  if (n == 11 && national[0] == '1')
    {
      if (national[1] < '3' || national[1] > '9' || (brackets && !brackets_on_prefix))
        return NULL;
      return g_strdup (national);
    }

  /* Landline: the area code (010, 02x or 0xxx) and a local number of 7 or 8 digits. Written
   * internationally the area code loses its 0. */
  if (prefix > 0 && national[0] != '0')
    trunk_added = TRUE;
  g_snprintf (full, sizeof full, "%s%s", trunk_added ? "0" : "", national);
  length = n + (trunk_added ? 1 : 0);

  if (length < 2 || full[0] != '0')
    return NULL;
  if (full[1] == '1')
    {
      if (full[2] != '0')
        return NULL;
      area = 3;
    }
  else if (full[1] == '2')
    area = 3;
  else if (full[1] >= '3' && full[1] <= '9')
    area = 4;
  else
    return NULL;

  if (length < area + 7 || length > area + 8 || full[area] == '0')
    return NULL;

  /* Brackets hold the area code (or the country code), nothing else. */
  if (brackets && !brackets_on_prefix)
    {
      if ((guint) scan->open_at != prefix
          || (guint) scan->close_at - prefix + (trunk_added ? 1 : 0) != area)
        return NULL;
    }

  /* A separator inside the area code, or one that leaves one or two digits of the local number
   * with it ("0278-5551234"), means the number was misread or mistyped. */
  separator = first_separator_after (scan, prefix);
  if (separator >= 0)
    {
      guint at = separator - prefix + (trunk_added ? 1 : 0);

      if (at < area || (at > area && at < area + 3))
        return NULL;
    }

  return g_strdup_printf ("%.*s-%s", (int) area, full, full + area);
}

/* ------------------------------------------------------------------ public API */

char *
ld_phone_normalize (const char  *input,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  Scan scan;
  char *result = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (input == NULL)
    return g_strdup ("");

  if (g_utf8_validate (input, -1, NULL))
    {
      trimmed = g_strstrip (g_strdup (input));
      if (trimmed[0] == '\0')
        return g_strdup ("");

      if (scan_input (trimmed, &scan))
        result = normalize_scan (&scan);
    }

  if (result == NULL)
    g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                         _("Enter a mobile number of 11 digits starting with 1, or a landline with its area code, such as 027-85551234"));

  return result;
}

char *
ld_validation_check_text (const char *text,
                          guint       max_chars,
                          gboolean    multiline)
{
  const char *p;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (_("Some characters cannot be read; type the text again"));

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n')))
        continue;

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029)
        {
          if (multiline)
            return g_strdup (_("Remove the invisible characters that came with pasted text"));
          return g_strdup (_("Keep this on one line, without tabs or invisible characters"));
        }
    }

  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    return g_strdup_printf (/* Translators: a field's limit, e.g. "Use at most 50 characters" */
                            g_dngettext (GETTEXT_PACKAGE, "Use at most %u character",
                                         "Use at most %u characters", max_chars),
                            max_chars);

  return NULL;
}

char *
ld_validation_strip_text (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text != NULL ? text : "");

  start = text;
  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

GHashTable *
ld_validation_errors_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
ld_validation_check_field (GHashTable *errors,
                           const char *field,
                           const char *text,
                           guint       max_chars,
                           gboolean    multiline)
{
  char *message;

  g_return_if_fail (errors != NULL);
  g_return_if_fail (field != NULL);

  message = ld_validation_check_text (text, max_chars, multiline);
  if (message)
    g_hash_table_insert (errors, (gpointer) field, message);
}

void
ld_validation_check_required (GHashTable *errors,
                              const char *field,
                              const char *text,
                              guint       max_chars,
                              const char *required_message)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (errors != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (required_message != NULL);

  stripped = ld_validation_strip_text (text);
  if (stripped[0] == '\0')
    g_hash_table_insert (errors, (gpointer) field, g_strdup (required_message));
  else
    ld_validation_check_field (errors, field, stripped, max_chars, FALSE);
}

void
ld_validation_check_phone (GHashTable *errors,
                           const char *field,
                           const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_return_if_fail (errors != NULL);
  g_return_if_fail (field != NULL);

  normalized = ld_phone_normalize (phone, &error);
  if (normalized == NULL)
    g_hash_table_insert (errors, (gpointer) field, g_strdup (error->message));
}

gboolean
ld_validation_first_error (GHashTable          *errors,
                           const char * const  *fields,
                           GError             **error)
{
  GHashTableIter iter;
  gpointer message = NULL;

  g_return_val_if_fail (errors != NULL, FALSE);

  if (g_hash_table_size (errors) == 0)
    return TRUE;

  for (guint i = 0; fields != NULL && fields[i] != NULL && message == NULL; i++)
    message = g_hash_table_lookup (errors, fields[i]);
  if (message == NULL)
    {
      g_hash_table_iter_init (&iter, errors);
      g_hash_table_iter_next (&iter, NULL, &message);
    }

  g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID, message);
  return FALSE;
}

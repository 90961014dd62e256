/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-csv.h"

/*
 * CSV as spreadsheets write it. Chinese Excel saves "CSV" in GB18030/GBK and "CSV UTF-8" with a
 * byte order mark; other programs write UTF-8 without one. "Unicode text" is UTF-16 and is not
 * CSV at all, so it is refused with a hint instead of being read as garbage.
 *
 * The parser follows RFC 4180 and is lenient only where real files need it: spaces around a
 * quoted field, a quote inside an unquoted field (kept as it is), a lone CR as a line end, and
 * rows of nothing but commas, which is how spreadsheets write empty rows.
 */

/* ------------------------------------------------------------------ errors */

G_DEFINE_QUARK (ld-csv-error-quark, ld_csv_error)

/* ------------------------------------------------------------------ decoding helpers */

static gboolean
has_prefix (const char *data,
            gsize       length,
            const char *prefix,
            gsize       prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static void
set_encoding_error (GError **error)
{
  g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING,
                       _("The file’s text is neither UTF-8 nor GB18030 (GBK). "
                         "Save the file as CSV UTF-8 or CSV."));
}

/*
 * Whether text that is not valid UTF-8 is still UTF-8 at heart, with a few damaged bytes (a
 * Latin-1 "é" pasted in, a file cut short): most of its non-ASCII bytes then form valid
 * three- and four-byte sequences, which Chinese text in UTF-8 is made of. In GB18030 text only
 * about one byte in twenty does so by accident. Reading such a file as GB18030 would garble
 * every name without a word, so it is refused instead.
 */
static gboolean
is_damaged_utf8 (const char *data,
                 gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n_non_ascii = 0;
  gsize n_in_sequences = 0;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          p++;
          continue;
        }

      if (c >= 0xE0 && c <= 0xF4)
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u != (gunichar) -1 && u != (gunichar) -2)
            {
              int n = g_utf8_skip[c];

              n_non_ascii += n;
              n_in_sequences += n;
              p += n;
              continue;
            }
        }
      n_non_ascii++;
      p++;
    }

  return n_in_sequences * 2 > n_non_ascii;
}

static guint
line_at (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* ------------------------------------------------------------------ parsing helpers */

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static void
set_unclosed_error (GError **error,
                    guint    line)
{
  g_set_error (error, LD_CSV_ERROR, LD_CSV_ERROR_QUOTING,
               /* Translators: %u is a line number in the file */
               _("Line %u: a quoted value is never closed. Check the quotation marks from this "
                 "line on."),
               line);
}

static void
set_after_quote_error (GError **error,
                       guint    line)
{
  g_set_error (error, LD_CSV_ERROR, LD_CSV_ERROR_QUOTING,
               /* Translators: %u is a line number in the file; "" stays as it is */
               _("Line %u: there is text after a closing quotation mark. A quotation mark inside "
                 "a value must be doubled (\"\")."),
               line);
}

/*
 * Reads one field at *@pp into @field and consumes its terminator: *@end becomes ',' when
 * another field of the same row follows, '\n' at the end of a line and '\0' at the end of the
 * text. @line counts every line end passed, inside quotes too.
 */
static gboolean
read_field (const char **pp,
            guint       *line,
            GString     *field,
            char        *end,
            GError     **error)
{
  const char *p = *pp;
  const char *q = p;

  g_string_truncate (field, 0);

  while (is_blank (*q))
    q++;

  if (*q == '"')
    {
      guint start_line = *line;

      p = q + 1;
      for (;;)
        {
          const char *stop = p + strcspn (p, "\"\r\n");

          g_string_append_len (field, p, stop - p);
          p = stop;

          if (*p == '\0')
            {
              set_unclosed_error (error, start_line);
              return FALSE;
            }
          else if (*p == '"')
            {
              if (p[1] != '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (field, '"');
              p += 2;
            }
          else
            {
              /* A line break inside a value is kept as LF whatever the file used. */
              if (*p == '\r' && p[1] == '\n')
                p++;
              p++;
              g_string_append_c (field, '\n');
              (*line)++;
            }
        }

      while (is_blank (*p))
        p++;
      if (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
        {
          set_after_quote_error (error, *line);
          return FALSE;
        }
    }
  else
    {
      const char *stop = p + strcspn (p, ",\r\n");
      const char *last = stop;

      while (last > q && is_blank (last[-1]))
        last--;
      g_string_append_len (field, q, last - q);
      p = stop;
    }

  switch (*p)
    {
    case ',':
      *end = ',';
      p++;
      break;

    case '\r':
      if (p[1] == '\n')
        p++;
      G_GNUC_FALLTHROUGH;
    case '\n':
      *end = '\n';
      p++;
      (*line)++;
      break;

    default:
      *end = '\0';
      break;
    }

  *pp = p;
  return TRUE;
}

static gboolean
all_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *value = g_ptr_array_index (fields, i);

      if (value != NULL && value[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ public API */

char *
ld_csv_decode (const char     *data,
               gsize           length,
               LdCsvEncoding  *encoding,
               GError        **error)
{
  static const char utf8_bom[] = { '\xEF', '\xBB', '\xBF' };
  static const char utf16le_bom[] = { '\xFF', '\xFE' };
  static const char utf16be_bom[] = { '\xFE', '\xFF' };
  g_autoptr(GError) convert_error = NULL;
  LdCsvEncoding found;
  const char *invalid = NULL;
  char *text;
  gsize n_written = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > LD_CSV_MAX_SIZE)
    {
      g_set_error (error, LD_CSV_ERROR, LD_CSV_ERROR_TOO_LARGE,
                   /* Translators: %u is a size in megabytes */
                   _("The file is larger than %u MB, too large to import."),
                   (guint) (LD_CSV_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (has_prefix (data, length, utf16le_bom, sizeof utf16le_bom)
      || has_prefix (data, length, utf16be_bom, sizeof utf16be_bom))
    {
      g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING,
                           _("The file is saved as Unicode text (UTF-16), which cannot be "
                             "imported. Save the file as CSV UTF-8 or CSV."));
      return NULL;
    }

  if (has_prefix (data, length, utf8_bom, sizeof utf8_bom))
    {
      data += sizeof utf8_bom;
      length -= sizeof utf8_bom;
      found = LD_CSV_ENCODING_UTF8_BOM;
    }
  else
    found = LD_CSV_ENCODING_UTF8;

  if (length == 0)
    {
      g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  /* A NUL byte means a spreadsheet (.xlsx, .xls) or UTF-16 without a byte order mark. */
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING,
                           _("The file is not a CSV text file. In the spreadsheet program, save "
                             "it as CSV UTF-8 or CSV."));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, &invalid))
    {
      if (encoding)
        *encoding = found;
      return g_strndup (data, length);
    }

  if (found == LD_CSV_ENCODING_UTF8_BOM || is_damaged_utf8 (data, length))
    {
      g_set_error (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING,
                   /* Translators: %u is a line number in the file */
                   _("The file is UTF-8 text, but line %u has characters that are not. Save the "
                     "file again as CSV UTF-8 or CSV."),
                   line_at (data, invalid));
      return NULL;
    }

  text = g_convert (data, length, "UTF-8", "GB18030", NULL, &n_written, &convert_error);
  if (text == NULL || !g_utf8_validate_len (text, n_written, NULL))
    {
      g_free (text);
      set_encoding_error (error);
      return NULL;
    }

  /* GB18030 has a byte order mark of its own (84 31 95 33), which converts to U+FEFF. */
  if (has_prefix (text, n_written, utf8_bom, sizeof utf8_bom))
    memmove (text, text + sizeof utf8_bom, n_written - sizeof utf8_bom + 1);

  if (encoding)
    *encoding = LD_CSV_ENCODING_GB18030;
  return text;
}

GPtrArray *
ld_csv_parse (const char  *utf8,
              GError     **error)
{
  return ld_csv_parse_full (utf8, NULL, error);
}

GPtrArray *
ld_csv_parse_full (const char  *utf8,
                   GArray     **lines,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) row_lines = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *p = utf8;
  guint line = 1;

  g_return_val_if_fail (utf8 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_sized_new (256);

  while (*p != '\0')
    {
      guint row_line = line;
      char end;

      do
        {
          if (!read_field (&p, &line, field, &end, error))
            return NULL;
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
        }
      while (end == ',');

      if (all_empty (fields))
        {
          g_ptr_array_set_size (fields, 0);
          continue;
        }

      /* Hand the strings over as a NULL-terminated vector. */
      g_ptr_array_add (fields, NULL);
      g_ptr_array_set_free_func (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
      g_array_append_val (row_lines, row_line);
      fields = g_ptr_array_new_with_free_func (g_free);
    }

  if (lines)
    *lines = g_steal_pointer (&row_lines);
  return g_steal_pointer (&rows);
}

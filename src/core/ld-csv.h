/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LD_CSV_ENCODING_UTF8,
  LD_CSV_ENCODING_UTF8_BOM,
  LD_CSV_ENCODING_GB18030,
} LdCsvEncoding;

#define LD_CSV_ERROR (ld_csv_error_quark ())

/* Larger files are refused: a roster of a whole district is a few megabytes. */
#define LD_CSV_MAX_SIZE (50 * 1024 * 1024)

typedef enum
{
  LD_CSV_ERROR_ENCODING,   /* neither UTF-8 nor GB18030 */
  LD_CSV_ERROR_QUOTING,    /* an unterminated quoted field, or text after a closing quote */
  LD_CSV_ERROR_EMPTY,
  LD_CSV_ERROR_TOO_LARGE,
} LdCsvError;

GQuark      ld_csv_error_quark   (void);

/* Detects the encoding (UTF-8 with or without BOM, else GB18030, which includes GBK) and
 * returns the text as UTF-8 without the BOM. */
char       *ld_csv_decode        (const char     *data,
                                  gsize           length,
                                  LdCsvEncoding  *encoding,
                                  GError        **error);

/*
 * Parses RFC 4180 text (quoted fields, doubled quotes, embedded commas and newlines, CRLF or LF)
 * into rows: a GPtrArray of GStrv. Blank lines are skipped. On malformed quoting, @error says
 * on which line.
 */
GPtrArray  *ld_csv_parse         (const char     *utf8,
                                  GError        **error);
/* As ld_csv_parse(); @lines (optional) receives, for every row, the 1-based line of the text on
 * which it starts (guint), counting the newlines inside quoted fields. */
GPtrArray  *ld_csv_parse_full    (const char     *utf8,
                                  GArray        **lines,
                                  GError        **error);

G_END_DECLS

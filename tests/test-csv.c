/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-csv.h"
#include "ld-test-util.h"

/* ------------------------------------------------------------------ helpers */

static char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *relative = g_build_filename ("fixtures", "roster", name, NULL);
  g_autofree char *path = ld_test_src_path (relative);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* Rows as one string, "[a|b][c]", with a line break in a value shown as "⏎": compact
 * enough to write the expected result of a case on one line. */
static char *
render (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv fields = g_ptr_array_index (rows, r);

      g_string_append_c (out, '[');
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autoptr(GString) value = g_string_new (fields[f]);

          g_string_replace (value, "\n", "⏎", 0);
          if (f > 0)
            g_string_append_c (out, '|');
          g_string_append (out, value->str);
        }
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

static char *
decode_ok (const char    *data,
           gsize          length,
           LdCsvEncoding  expected)
{
  g_autoptr(GError) error = NULL;
  LdCsvEncoding encoding = (LdCsvEncoding) -1;
  char *text = ld_csv_decode (data, length, &encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpint (encoding, ==, expected);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static void
decode_fails (const char *data,
              gsize       length,
              LdCsvError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ld_csv_decode (data, length, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, LD_CSV_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");
}

/* ------------------------------------------------------------------ decoding */

static void
test_decode_utf8 (void)
{
  g_autofree char *text = decode_ok ("姓名,层级\n王芳,区\n", strlen ("姓名,层级\n王芳,区\n"),
                                     LD_CSV_ENCODING_UTF8);

  g_assert_cmpstr (text, ==, "姓名,层级\n王芳,区\n");
}

static void
test_decode_bom_stripped (void)
{
  static const char data[] = "\xEF\xBB\xBF姓名\n王芳\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, LD_CSV_ENCODING_UTF8_BOM);

  g_assert_cmpstr (text, ==, "姓名\n王芳\n");
}

/* "姓名,层级\r\n王芳,区\r\n" as Chinese Excel saves "CSV": GB18030 (here in its GBK part). */
static void
test_decode_gb18030 (void)
{
  static const char data[] = "\xD0\xD5\xC3\xFB,\xB2\xE3\xBC\xB6\r\n\xCD\xF5\xB7\xBC,\xC7\xF8\r\n";
  g_autofree char *text = decode_ok (data, sizeof data - 1, LD_CSV_ENCODING_GB18030);

  g_assert_cmpstr (text, ==, "姓名,层级\r\n王芳,区\r\n");
}

/* Characters outside GBK (four-byte GB18030) and GB18030's own byte order mark. */
static void
test_decode_gb18030_four_byte (void)
{
  g_autofree char *utf8 = g_strdup ("\xEF\xBB\xBF姓名\n𠮷野家,€\n");
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (memcmp (gb, "\x84\x31\x95\x33", 4) == 0);
  text = decode_ok (gb, length, LD_CSV_ENCODING_GB18030);
  g_assert_cmpstr (text, ==, "姓名\n𠮷野家,€\n");
}

static void
test_decode_fixtures_agree (void)
{
  static const struct { const char *name; LdCsvEncoding encoding; } files[] = {
    { "deputies-utf8.csv", LD_CSV_ENCODING_UTF8 },
    { "deputies-utf8-bom.csv", LD_CSV_ENCODING_UTF8_BOM },
    { "deputies-gb18030.csv", LD_CSV_ENCODING_GB18030 },
  };
  g_autofree char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize length = 0;
      g_autofree char *data = load_fixture (files[i].name, &length);
      g_autofree char *text = decode_ok (data, length, files[i].encoding);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = ld_csv_parse (text, &error);
      g_autofree char *rendered = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 6);
      rendered = render (rows);
      if (first == NULL)
        first = g_steal_pointer (&rendered);
      else
        g_assert_cmpstr (rendered, ==, first);
    }
  g_assert_true (g_str_has_prefix (first, "[姓名|性别|代表层级|"));
}

static void
test_decode_utf16_refused (void)
{
  static const char le[] = "\xFF\xFE\x53\x59\x0D\x54";  /* 姓名 */
  static const char be[] = "\xFE\xFF\x59\x53\x54\x0D";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ld_csv_decode (le, sizeof le - 1, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));

  decode_fails (be, sizeof be - 1, LD_CSV_ERROR_ENCODING);
}

static void
test_decode_refused (void)
{
  /* Empty, or nothing but a byte order mark. */
  decode_fails ("", 0, LD_CSV_ERROR_EMPTY);
  decode_fails ("\xEF\xBB\xBF", 3, LD_CSV_ERROR_EMPTY);
  /* Not GB18030 either: 0xFF never starts a character, 0x80 alone is nothing. */
  decode_fails ("\xFF\xFF\x80,a\n", 6, LD_CSV_ERROR_ENCODING);
  /* A spreadsheet file renamed to .csv: zip, with NUL bytes. */
  decode_fails ("PK\x03\x04\x14\x00\x06\x00", 8, LD_CSV_ERROR_ENCODING);
  /* A byte order mark that lies. */
  decode_fails ("\xEF\xBB\xBF\xD0\xD5\xC3\xFB", 7, LD_CSV_ERROR_ENCODING);
}

/* UTF-8 with a damaged byte is not read as GB18030, which would garble every name. */
static void
test_decode_damaged_utf8 (void)
{
  gsize length = 0;
  g_autofree char *data = load_fixture ("deputies-utf8.csv", &length);
  g_autofree char *damaged = NULL;
  const char *line4 = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 3; i++)
    line4 = strchr (line4, '\n') + 1;
  /* A Latin-1 "é" at the start of line 4. */
  damaged = g_strdup_printf ("%.*s\xE9%s", (int) (line4 - data), data, line4);

  text = ld_csv_decode (damaged, strlen (damaged), NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 4"));
}

static void
test_decode_too_large (void)
{
  gsize length = LD_CSV_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);

  memset (data, 'a', length);
  decode_fails (data, length, LD_CSV_ERROR_TOO_LARGE);

  /* Exactly at the limit is fine. */
  {
    g_autofree char *text = decode_ok (data, length - 1, LD_CSV_ENCODING_UTF8);

    g_assert_cmpuint (strlen (text), ==, LD_CSV_MAX_SIZE);
  }
}

/* ------------------------------------------------------------------ parsing */

typedef struct
{
  const char *input;
  const char *expected;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "a,b,c\n1,2,3\n", "[a|b|c][1|2|3]" },
  /* CRLF, no final line end, a lone CR of old Mac files */
  { "a,b\r\n1,2\r\n", "[a|b][1|2]" },
  { "a,b\n1,2", "[a|b][1|2]" },
  { "a,b\r1,2\r", "[a|b][1|2]" },
  /* blank lines and rows of empty cells are skipped */
  { "\n\na,b\n\n\n1,2\n\n", "[a|b][1|2]" },
  { "a,b\n,\n , \n\"\",\"\"\n1,2\n,,,\n", "[a|b][1|2]" },
  /* empty fields in the middle and at the end */
  { "a,,c\n1,2,\n", "[a||c][1|2|]" },
  /* short rows stay short; the reader decides what is missing */
  { "a,b,c\n1\n", "[a|b|c][1]" },
  /* quoted: commas, line breaks (CRLF inside becomes LF), doubled quotes */
  { "\"a,b\",c\n", "[a,b|c]" },
  { "\"one\ntwo\",x\n", "[one⏎two|x]" },
  { "\"one\r\ntwo\",x\r\n", "[one⏎two|x]" },
  { "\"say \"\"hi\"\"\",x\n", "[say \"hi\"|x]" },
  { "\"\"\"\"\n", "[\"]" },
  { "\"\",x\n", "[|x]" },
  /* spaces: trimmed around unquoted values, kept inside quotes, allowed around quotes */
  { "  a  ,\tb\t\n", "[a|b]" },
  { "\"  a  \",b\n", "[  a  |b]" },
  { "  \"a\"  ,b\n", "[a|b]" },
  { "a b,c  d\n", "[a b|c  d]" },
  /* a quote inside an unquoted value is just a character, as spreadsheets read it */
  { "5\" screen,a\"b\n", "[5\" screen|a\"b]" },
  /* Chinese text and full-width punctuation are plain characters */
  { "姓名，性别,层级\n王芳,女,区（县）\n", "[姓名，性别|层级][王芳|女|区（县）]" },
  { "", "" },
  { "\n\r\n", "" },
};

static void
test_parse_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = ld_csv_parse (parse_cases[i].input, &error);
      g_autofree char *rendered = NULL;

      g_test_message ("case %u: %s", i, parse_cases[i].input);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      rendered = render (rows);
      g_assert_cmpstr (rendered, ==, parse_cases[i].expected);
    }
}

static void
test_parse_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rows = ld_csv_parse_full ("h1,h2\r\n"            /* 1 */
                                                 "a,\"x\r\ny\r\nz\"\r\n" /* 2-4 */
                                                 "\r\n"                 /* 5 */
                                                 "b,c\r\n"              /* 6 */
                                                 "\"d\ne\",\"f\ng\"\n"  /* 7-9 */
                                                 "h,i",                 /* 10 */
                                                 &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 6);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 7);
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 10);
}

static void
test_parse_fixture_quoted (void)
{
  gsize length = 0;
  g_autofree char *data = load_fixture ("deputies-quoted.csv", &length);
  g_autofree char *text = decode_ok (data, length, LD_CSV_ENCODING_UTF8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rows = ld_csv_parse_full (text, &lines, &error);
  g_autofree char *rendered = NULL;

  g_assert_no_error (error);
  rendered = render (rows);
  g_assert_cmpstr (rendered, ==,
                   "[姓名|层级|工作单位|备注]"
                   "[孙小梅|区|武汉市江岸区人民医院,内科|第一行⏎第二行]"
                   "[周\"大\"勇|市|某某公司|被誉为“最美医生”]"
                   "[吴磊|区|  前后有空格  |说他是\"好代表\",⏎又说⏎很负责]"
                   "[郑洁|乡镇||]");
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 4);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 10);
}

static void
parse_fails (const char *text,
             const char *line_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ld_csv_parse (text, &error);

  g_assert_null (rows);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_QUOTING);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, line_words));
}

static void
test_parse_malformed (void)
{
  gsize length = 0;
  g_autofree char *unclosed = load_fixture ("deputies-unclosed.csv", &length);
  g_autofree char *after = load_fixture ("deputies-after-quote.csv", &length);

  /* The line where the open quote is, not the end of the file where it was noticed. */
  parse_fails (unclosed, "Line 3:");
  /* Line 4: the previous row spans lines 2 and 3. */
  parse_fails (after, "Line 4:");

  parse_fails ("\"abc", "Line 1:");
  parse_fails ("a\n\"b\"\"\n", "Line 2:");
  parse_fails ("a,\"b\"c\n", "Line 1:");
  parse_fails ("a\n\n\"x\ny\"  z\n", "Line 4:");
}

/* Every row is a NULL-terminated vector that outlives the text it came from. */
static void
test_parse_ownership (void)
{
  g_autofree char *text = g_strdup ("a,\"b\"\nc,d\n");
  g_autoptr(GPtrArray) rows = ld_csv_parse (text, NULL);
  GStrv row;

  memset (text, 'x', strlen (text));
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 2);
  g_assert_cmpstr (row[1], ==, "b");
  g_assert_null (row[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/decode/utf8", test_decode_utf8);
  g_test_add_func ("/csv/decode/bom-stripped", test_decode_bom_stripped);
  g_test_add_func ("/csv/decode/gb18030", test_decode_gb18030);
  g_test_add_func ("/csv/decode/gb18030-four-byte", test_decode_gb18030_four_byte);
  g_test_add_func ("/csv/decode/fixtures-agree", test_decode_fixtures_agree);
  g_test_add_func ("/csv/decode/utf16-refused", test_decode_utf16_refused);
  g_test_add_func ("/csv/decode/refused", test_decode_refused);
  g_test_add_func ("/csv/decode/damaged-utf8", test_decode_damaged_utf8);
  g_test_add_func ("/csv/decode/too-large", test_decode_too_large);
  g_test_add_func ("/csv/parse/cases", test_parse_cases);
  g_test_add_func ("/csv/parse/lines", test_parse_lines);
  g_test_add_func ("/csv/parse/fixture-quoted", test_parse_fixture_quoted);
  g_test_add_func ("/csv/parse/malformed", test_parse_malformed);
  g_test_add_func ("/csv/parse/ownership", test_parse_ownership);

  return g_test_run ();
}

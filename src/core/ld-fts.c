/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-fts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-fts.h"

/*
 * The tokenizer walks the UTF-8 input once. Each character is classed as CJK, alphanumeric
 * (Latin letters, digits and other scripts' letters) or a separator. Document and query text go
 * through the same code, so the bigrams of a query are exactly the bigrams indexed for the same
 * characters, and a phrase of them is a substring match.
 *
 * FTS5 numbers tokens one after another, whatever lies between them, so in 路灯，灯不亮 the last
 * bigram of one run (路灯) and the first of the next (灯不) would be neighbours and the phrase
 * "路灯 灯不" (the query 路灯不) would match text that does not contain 路灯不. Between two CJK
 * runs that each yield bigrams, with only separators between them, the tokenizer therefore emits
 * BOUNDARY, a token no query can ask for (queries are cut at separators and never contain a
 * space), which keeps the two runs apart. Any other token between two runs (a Latin word, a lone
 * character) already does.
 */

#define MAX_TOKEN_BYTES 256
#define BOUNDARY        " "

typedef enum
{
  CLASS_SEPARATOR,
  CLASS_CJK,
  CLASS_ALNUM,
} CharClass;

/* ------------------------------------------------------------------ characters */

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF)
         || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF)
         || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Full-width ASCII becomes ASCII, then letters are case-folded. */
static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c = c - 0xFF01 + 0x21;
  return g_unichar_tolower (c);
}

static CharClass
classify (gunichar c)
{
  if (is_cjk (c))
    return CLASS_CJK;
  if (g_unichar_isalnum (fold_char (c)))
    return CLASS_ALNUM;
  return CLASS_SEPARATOR;
}

/*
 * Decodes one character at @p (at most @end - @p bytes). Returns its length in bytes, or 0 with
 * *@c = 0 for a byte that starts no valid character (it is then skipped as a separator).
 */
static gsize
next_char (const char *p,
           const char *end,
           gunichar   *c)
{
  gunichar u = g_utf8_get_char_validated (p, end - p);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = 0;
      return 0;
    }
  *c = u;
  return g_utf8_next_char (p) - p;
}

/* ------------------------------------------------------------------ the tokenizer */

typedef struct
{
  int unused;
} BigramTokenizer;

static int
bigram_create (void        *user_data,
               const char **argv,
               int          argc,
               Fts5Tokenizer **out)
{
  BigramTokenizer *self;

  (void) user_data;
  (void) argv;

  if (argc > 0)
    return SQLITE_ERROR;

  self = g_new0 (BigramTokenizer, 1);
  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
bigram_delete (Fts5Tokenizer *tokenizer)
{
  g_free (tokenizer);
}

typedef int (*TokenCallback) (void *, int, const char *, int, int, int);

static int
bigram_tokenize (Fts5Tokenizer  *tokenizer,
                 void           *ctx,
                 int             flags,
                 const char     *text,
                 int             n_text,
                 TokenCallback   token)
{
  const char *p = text;
  const char *end;
  /* The previous CJK character of the current run, if any. */
  const char *prev_cjk = NULL;
  gsize prev_cjk_len = 0;
  gboolean run_emitted = FALSE;
  /* Whether the last token emitted was a bigram, and where the text after it starts. */
  gboolean last_was_bigram = FALSE;
  int after_last = 0;
  char word[MAX_TOKEN_BYTES + 8];
  int word_len = 0;
  int word_start = -1;
  int word_end = 0;
  int rc = SQLITE_OK;

  (void) tokenizer;
  (void) flags;

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;
  end = text + n_text;

  while (rc == SQLITE_OK)
    {
      gunichar c = 0;
      gsize len = 0;
      CharClass klass = CLASS_SEPARATOR;

      if (p < end)
        {
          len = next_char (p, end, &c);
          if (len == 0)
            len = 1;
          else
            klass = classify (c);
        }

      /* End of a Latin/digit run. */
      if (word_start >= 0 && klass != CLASS_ALNUM)
        {
          if (word_len > 0)
            rc = token (ctx, 0, word, word_len, word_start, word_end);
          last_was_bigram = FALSE;
          word_start = -1;
          word_len = 0;
          if (rc != SQLITE_OK)
            break;
        }

      /* End of a CJK run: a run of one character is that character. */
      if (prev_cjk != NULL && klass != CLASS_CJK)
        {
          if (!run_emitted)
            {
              rc = token (ctx, 0, prev_cjk, (int) prev_cjk_len,
                          (int) (prev_cjk - text), (int) (prev_cjk - text + prev_cjk_len));
              last_was_bigram = FALSE;
            }
          else
            {
              last_was_bigram = TRUE;
              after_last = (int) (prev_cjk - text + prev_cjk_len);
            }
          prev_cjk = NULL;
          run_emitted = FALSE;
          if (rc != SQLITE_OK)
            break;
        }

      if (p >= end)
        break;

      if (klass == CLASS_CJK)
        {
          if (prev_cjk != NULL)
            {
              if (!run_emitted && last_was_bigram)
                {
                  rc = token (ctx, 0, BOUNDARY, 1, after_last, (int) (prev_cjk - text));
                  last_was_bigram = FALSE;
                  if (rc != SQLITE_OK)
                    break;
                }
              rc = token (ctx, 0, prev_cjk, (int) (prev_cjk_len + len),
                          (int) (prev_cjk - text), (int) (p + len - text));
              run_emitted = TRUE;
            }
          prev_cjk = p;
          prev_cjk_len = len;
        }
      else if (klass == CLASS_ALNUM)
        {
          gunichar folded = fold_char (c);

          if (word_start < 0)
            word_start = (int) (p - text);
          word_end = (int) (p + len - text);
          /* An overlong run keeps its first MAX_TOKEN_BYTES bytes (whole characters). */
          if (word_len + 6 <= MAX_TOKEN_BYTES)
            word_len += g_unichar_to_utf8 (folded, word + word_len);
        }

      p += len;
    }

  return rc;
}

/* ------------------------------------------------------------------ registration */

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

int
ld_fts_register (sqlite3  *db,
                 char    **errmsg)
{
  static fts5_tokenizer tokenizer = {
    bigram_create,
    bigram_delete,
    bigram_tokenize,
  };
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  if (errmsg)
    *errmsg = NULL;

  api = get_fts5_api (db);
  if (api == NULL || api->iVersion < 2)
    {
      if (errmsg)
        *errmsg = sqlite3_mprintf ("FTS5 is not available");
      return SQLITE_ERROR;
    }

  rc = api->xCreateTokenizer (api, "ld_bigram", NULL, &tokenizer, NULL);
  if (rc != SQLITE_OK && errmsg)
    *errmsg = sqlite3_mprintf ("%s", sqlite3_errstr (rc));
  return rc;
}

/* ------------------------------------------------------------------ queries */

/*
 * The run itself, quoted: FTS5 hands a quoted string to the tokenizer, which cuts it into the
 * phrase of its bigrams. Spelling the bigrams out instead ("积水 水严") would put a space between
 * them, where the tokenizer emits BOUNDARY, and the phrase would never match.
 */
static void
append_bigram_phrase (GString    *match,
                      const char *run,
                      const char *run_end)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');
  g_string_append_c (match, '"');
  g_string_append_len (match, run, run_end - run);
  g_string_append_c (match, '"');
}

/* Words are separated by any white space, the ideographic space of Chinese input included. */
static GStrv
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (space && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!space && start == NULL)
        start = p;
      if (*p == '\0')
        break;
    }
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

gboolean
ld_fts_build_query (const char  *text,
                    char       **match,
                    GStrv       *like_words)
{
  g_autoptr(GString) m = NULL;
  g_autoptr(GPtrArray) likes = NULL;
  g_auto(GStrv) words = NULL;

  if (match)
    *match = NULL;
  if (like_words)
    *like_words = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  m = g_string_new (NULL);
  likes = g_ptr_array_new_with_free_func (g_free);
  words = split_words (text);

  for (guint w = 0; words[w] != NULL; w++)
    {
      const char *p = words[w];
      guint n_pieces = 0;
      gboolean needs_like = FALSE;

      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          CharClass klass = classify (c);
          const char *start = p;
          guint n_chars = 0;

          if (klass == CLASS_SEPARATOR)
            {
              p = g_utf8_next_char (p);
              continue;
            }

          if (klass == CLASS_CJK)
            {
              while (*p && classify (g_utf8_get_char (p)) == CLASS_CJK)
                {
                  p = g_utf8_next_char (p);
                  n_chars++;
                }
              if (n_chars >= 2)
                append_bigram_phrase (m, start, p);
              else
                needs_like = TRUE;
            }
          else
            {
              g_autoptr(GString) token = g_string_new (NULL);

              while (*p && classify (g_utf8_get_char (p)) == CLASS_ALNUM)
                {
                  gunichar f = fold_char (g_utf8_get_char (p));

                  g_string_append_unichar (token, f);
                  p = g_utf8_next_char (p);
                  n_chars++;
                }
              if (n_chars >= 2)
                {
                  if (m->len > 0)
                    g_string_append_c (m, ' ');
                  /* Alphanumeric tokens never contain a double quote. */
                  g_string_append_printf (m, "\"%s\"*", token->str);
                }
              else
                needs_like = TRUE;
            }
          n_pieces++;
        }

      if (n_pieces == 0)
        continue;
      /* The word as typed, folded as SQLite's lower() folds the column it is compared with. */
      if (n_pieces > 1 || needs_like)
        g_ptr_array_add (likes, g_ascii_strdown (words[w], -1));
    }

  if (m->len == 0 && likes->len == 0)
    return FALSE;

  if (match && m->len > 0)
    *match = g_string_free (g_steal_pointer (&m), FALSE);
  if (like_words && likes->len > 0)
    {
      g_ptr_array_add (likes, NULL);
      *like_words = (GStrv) g_ptr_array_free (g_steal_pointer (&likes), FALSE);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ similar */

static void
append_any_term (GPtrArray  *terms,
                 GHashTable *seen,
                 const char *term)
{
  if (g_hash_table_contains (seen, term))
    return;
  g_hash_table_add (seen, g_strdup (term));
  g_ptr_array_add (terms, g_strdup (term));
}

GStrv
ld_fts_similar_terms (const char *text)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) word = NULL;
  gunichar prev = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  terms = g_ptr_array_new_with_free_func (g_free);
  word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      CharClass class = c != 0 ? classify (c) : CLASS_SEPARATOR;

      if (class == CLASS_ALNUM)
        {
          g_string_append_unichar (word, fold_char (c));
          prev = 0;
          continue;
        }
      if (g_utf8_strlen (word->str, -1) >= 2)
        append_any_term (terms, seen, word->str);
      g_string_truncate (word, 0);

      if (class == CLASS_CJK)
        {
          if (prev != 0)
            {
              char pair[16];
              int n = g_unichar_to_utf8 (prev, pair);

              n += g_unichar_to_utf8 (c, pair + n);
              pair[n] = '\0';
              append_any_term (terms, seen, pair);
            }
          prev = c;
        }
      else
        prev = 0;

      if (c == 0)
        break;
    }

  if (terms->len == 0)
    return NULL;
  g_ptr_array_add (terms, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}

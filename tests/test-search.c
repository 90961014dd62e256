/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-search"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "ld-database.h"
#include "ld-fts.h"
#include "ld-test-util.h"

/*
 * Full-text search over concerns that a Chinese clerk can trust: every query of one to four
 * characters, of Latin letters and digits or of several words finds exactly the concerns whose
 * subject, details, place or resident's name contain it — no more, no less — and keeps doing so
 * after edits, renames and deletes. "Exactly" is checked against a scan of the same columns.
 */

#define N_CONCERNS   400
#define N_RESIDENTS  40

typedef struct
{
  char       *dir;
  LdDatabase *database;
  sqlite3    *h;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static void
exec_ok (sqlite3    *h,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (h, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed (%s): %s", message, sql);
}

static gint64
query_int (sqlite3    *h,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (h, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = ld_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  fixture->database = ld_database_open (path, &error);
  g_assert_no_error (error);
  fixture->h = ld_database_get_handle (fixture->database);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  ld_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes the way the stores do: one BEGIN IMMEDIATE … COMMIT, which replays the search journal. */
static void
write_ok (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  ld_database_begin_immediate (fixture->database, &error);
  g_assert_no_error (error);
  exec_ok (fixture->h, sql);
  ld_database_commit (fixture->database, &error);
  g_assert_no_error (error);
}

static void
check_index (Fixture *fixture)
{
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM concerns_fts_pending"), ==, 0);
  exec_ok (fixture->h,
           "INSERT INTO concerns_fts (concerns_fts, rank) VALUES ('integrity-check', 1)");
}

static char *
ids_to_string (GArray *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (s, FALSE);
}

static GArray *
collect_ids (sqlite3_stmt *stmt)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return ids;
}

/* The check of one like-word, four times bound to the same word. */
#define LIKE_WORD_SQL \
  " AND (instr(lower(c.subject), ?) OR instr(lower(c.details), ?)" \
  "      OR instr(lower(ifnull(c.place, '')), ?) OR instr(lower(ifnull(r.name, '')), ?))"

static sqlite3_stmt *
prepare_search (sqlite3            *h,
                const char         *match,
                const char * const *like_words)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM concerns AS c"
                                         "  LEFT JOIN residents AS r ON r.id = c.resident_id"
                                         " WHERE 1");
  sqlite3_stmt *stmt = NULL;
  int n = 1;

  if (match)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM concerns_fts"
                          "               WHERE concerns_fts MATCH ?)");
  for (guint i = 0; like_words && like_words[i]; i++)
    g_string_append (sql, LIKE_WORD_SQL);
  g_string_append (sql, " ORDER BY c.id");

  g_assert_cmpint (sqlite3_prepare_v2 (h, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  if (match)
    sqlite3_bind_text (stmt, n++, match, -1, SQLITE_TRANSIENT);
  for (guint i = 0; like_words && like_words[i]; i++)
    for (guint k = 0; k < 4; k++)
      sqlite3_bind_text (stmt, n++, like_words[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

/* What the concern store runs for the search text @text. */
static GArray *
run_search (Fixture    *fixture,
            const char *text)
{
  g_autofree char *match = NULL;
  g_auto(GStrv) like_words = NULL;

  g_assert_true (ld_fts_build_query (text, &match, &like_words));
  return collect_ids (prepare_search (fixture->h, match, (const char * const *) like_words));
}

/* The same question by scanning: every word of @text occurs in one of the four columns. */
static GArray *
run_scan (Fixture    *fixture,
          const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) lowered = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (lowered, g_ascii_strdown (words[i], -1));
  g_ptr_array_add (lowered, NULL);
  return collect_ids (prepare_search (fixture->h, NULL, (const char * const *) lowered->pdata));
}

/* Queries a clerk types. Latin words are matched at the start of a word of the text, so the
 * generated text never holds them inside a longer word, where a scan would also find them. */
static const char * const queries[] = {
  /* one character */
  "水", "灯", "楼", "桂",
  /* two: most Chinese words */
  "积水", "停车", "噪音", "路灯", "桂芳", "东湖", "电梯",
  /* three and four */
  "停车位", "路灯不", "不亮了", "积水严重", "电梯故障", "东湖社区",
  /* straddling punctuation or words that happen to meet */
  "积水管", "路灯灯", "停车车位", "噪音音响",
  /* Latin letters and digits */
  "wifi", "WiFi", "5g", "app", "2026", "12345", "3号楼", "a栋", "7",
  /* several words */
  "积水 小区", "停车 3号楼", "张 噪音", "路灯 东湖", "wifi 电梯", "桂芳 积水",
};

static void
assert_search_is_exact (Fixture *fixture)
{
  guint n_found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) found = run_search (fixture, queries[i]);
      g_autoptr(GArray) scanned = run_scan (fixture, queries[i]);
      g_autofree char *found_s = ids_to_string (found);
      g_autofree char *scanned_s = ids_to_string (scanned);

      if (g_strcmp0 (found_s, scanned_s) != 0)
        g_error ("search for “%s” (query %u) found [%s], the scan [%s]", queries[i], i, found_s, scanned_s);
      n_found += found->len;
    }
  /* The queries are not vacuous. */
  g_assert_cmpuint (n_found, >, N_CONCERNS);
}

/* ------------------------------------------------------------------ data */

static const char * const words[] = {
  "积水", "水管", "严重", "小区", "停车", "车位", "停车位", "噪音", "音响", "扰民", "路灯",
  "灯不亮了", "不亮", "电梯", "故障", "电梯故障", "垃圾", "分类", "绿化", "老人", "孩子",
  "晚上", "物业", "维修", "东湖", "社区", "希望", "尽快", "解决", "问题", "道路", "破损",
  "3号楼", "12号楼", "A栋", "B座", "WiFi", "5G", "app", "2026年", "12345热线", "7楼", "水",
  "楼", "灯",
};

static const char * const separators[] = { "", "", "", "，", "。", "、", " ", "！", "；" };

static const char * const names[] = {
  "张桂芳", "李建国", "王秀兰", "刘德明", "陈静", "赵磊", "孙丽", "周桂英",
};

static const char * const places[] = {
  "东湖社区", "沙湖花园", "3号楼", "东湖小学", "滨江村", "A栋",
};

static char *
make_text (GRand *rand,
           guint  n_words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      /* Two Latin words never run together into one (WiFi5G), as a person would not type them. */
      if (s->len > 0 && g_ascii_isalnum (s->str[s->len - 1]) && g_ascii_isalnum (word[0]))
        g_string_append_c (s, ' ');
      g_string_append (s, word);
      g_string_append (s, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
    }
  return g_string_free (s, FALSE);
}

static void
insert_concerns (Fixture *fixture,
                 GRand   *rand,
                 gint64   first_id,
                 guint    n)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = first_id + i;
      g_autofree char *subject = make_text (rand, g_rand_int_range (rand, 1, 4));
      g_autofree char *details = make_text (rand, g_rand_int_range (rand, 0, 25));
      g_autofree char *place = NULL;
      g_autofree char *resident = NULL;
      char *row;

      if (g_rand_int_range (rand, 0, 3) > 0)
        place = g_strdup_printf ("'%s'", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      if (g_rand_int_range (rand, 0, 5) > 0)
        resident = g_strdup_printf ("%d", g_rand_int_range (rand, 1, N_RESIDENTS + 1));

      row = sqlite3_mprintf ("INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at,"
                             "  channel_id, category_id, resident_id, place, subject, details)"
                             " VALUES (%lld, 1, 2026, %lld, '2026-03-01T02:00:00Z',"
                             "  (SELECT min(id) FROM channels), (SELECT min(id) FROM concern_categories),"
                             "  %s, %s, %Q, %Q);",
                             (long long) id, (long long) id, resident ? resident : "NULL",
                             place ? place : "NULL", *subject ? subject : "问题", details);
      g_string_append (sql, row);
      sqlite3_free (row);
    }
  write_ok (fixture, sql->str);
}

static void
insert_station_and_residents (Fixture *fixture)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO stations (id, name)"
                                         " VALUES (1, '东湖街道人大代表联络站');");

  for (guint i = 1; i <= N_RESIDENTS; i++)
    {
      /* Some residents stay anonymous (a letter without a name). */
      if (i % 9 == 0)
        g_string_append_printf (sql, "INSERT INTO residents (id, station_id) VALUES (%u, 1);", i);
      else
        g_string_append_printf (sql, "INSERT INTO residents (id, station_id, name)"
                                     " VALUES (%u, 1, '%s');",
                                i, names[i % G_N_ELEMENTS (names)]);
    }
  write_ok (fixture, sql->str);
}

/* ------------------------------------------------------------------ the tokenizer */

static int
collect_token_cb (void       *user_data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  GString *out = user_data;

  g_string_append_printf (out, "%s%.*s@%d-%d", out->len ? "|" : "", n_token, token, start, end);
  return SQLITE_OK;
}

static char *
tokenize (sqlite3    *h,
          int         flags,
          const char *text,
          int         n_text)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  void *user_data = NULL;
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (h, "SELECT fts5(?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  g_assert_nonnull (api);

  g_assert_cmpint (api->xFindTokenizer (api, "ld_bigram", &user_data, &tokenizer), ==, SQLITE_OK);
  g_assert_cmpint (tokenizer.xCreate (user_data, NULL, 0, &instance), ==, SQLITE_OK);
  g_assert_cmpint (tokenizer.xTokenize (instance, out, flags, text, n_text, collect_token_cb),
                   ==, SQLITE_OK);
  tokenizer.xDelete (instance);
  return g_string_free (out, FALSE);
}

static void
test_tokenizer (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *tokens;
  } cases[] = {
    { "积水严重", "积水@0-6|水严@3-9|严重@6-12" },
    { "路", "路@0-3" },
    { "噪音，扰民", "噪音@0-6| @6-9|扰民@9-15" },
    { "路灯 灯不亮", "路灯@0-6| @6-7|灯不@7-13|不亮@10-16" },
    { "3号楼A栋", "3@0-1|号楼@1-7|a@7-8|栋@8-11" },
    { "Hello, WORLD!", "hello@0-5|world@7-12" },
    { "ＡＢＣ ｄｅｆ１２", "abc@0-9|def12@10-25" },
    { "abc中def", "abc@0-3|中@3-6|def@6-9" },
    { "丽 江西", "丽@0-3|江西@4-10" },
    { "\xf0\xa0\x80\x80\xf0\xa0\x80\x81", "\xf0\xa0\x80\x80\xf0\xa0\x80\x81@0-8" },   /* Ext B */
    { "\xe3\x90\x80\xef\xa4\x80", "\xe3\x90\x80\xef\xa4\x80@0-6" },                /* Ext A, compat */
    { "a\xff\xfe" "b积水", "a@0-1|b@3-4|积水@4-10" },
    { "积\xe6\xb0", "积@0-3" },                       /* cut in the middle of 水 */
    { "，。！ ", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *document = tokenize (fixture->h, FTS5_TOKENIZE_DOCUMENT, cases[i].text,
                                            (int) strlen (cases[i].text));
      g_autofree char *query = tokenize (fixture->h, FTS5_TOKENIZE_QUERY, cases[i].text,
                                         (int) strlen (cases[i].text));

      g_assert_cmpstr (document, ==, cases[i].tokens);
      /* A query is cut exactly as the text it must find. */
      g_assert_cmpstr (query, ==, cases[i].tokens);
    }

  /* What the index holds, as FTS5 sees it. */
  exec_ok (fixture->h,
           "CREATE VIRTUAL TABLE temp.tok USING fts5 (x, tokenize = 'ld_bigram');"
           "CREATE VIRTUAL TABLE temp.tok_terms USING fts5vocab ('temp', 'tok', 'instance');"
           "INSERT INTO temp.tok (x) VALUES ('小区积水，WiFi坏了');");
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM temp.tok_terms"), ==, 5);
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM temp.tok_terms"
                                          " WHERE term IN ('小区', '区积', '积水', 'wifi', '坏了')"),
                   ==, 5);
  g_assert_cmpint (query_int (fixture->h, "SELECT offset FROM temp.tok_terms WHERE term = 'wifi'"),
                   ==, 3);
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM temp.tok WHERE tok MATCH '区积水'"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM temp.tok WHERE tok MATCH 'WIFI'"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->h, "SELECT count(*) FROM temp.tok WHERE tok MATCH '积水坏'"),
                   ==, 0);
  exec_ok (fixture->h, "DROP TABLE temp.tok_terms; DROP TABLE temp.tok;");
}

/* ------------------------------------------------------------------ building queries */

static void
test_build_query (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *text;
    gboolean    ok;
    const char *match;
    const char *like;      /* like-words joined by '|' */
  } cases[] = {
    { "积", TRUE, NULL, "积" },
    { "积水", TRUE, "\"积水\"", NULL },
    { "积水严", TRUE, "\"积水严\"", NULL },
    { "积水严重", TRUE, "\"积水严重\"", NULL },
    { "  积水严重 ", TRUE, "\"积水严重\"", NULL },
    { "Parking", TRUE, "\"parking\"*", NULL },
    { "wifi", TRUE, "\"wifi\"*", NULL },
    { "2026", TRUE, "\"2026\"*", NULL },
    { "7", TRUE, NULL, "7" },
    { "A", TRUE, NULL, "a" },
    { "3号楼A栋", TRUE, "\"号楼\"", "3号楼a栋" },
    { "A-3栋", TRUE, NULL, "a-3栋" },
    { "ＡＢＣ", TRUE, "\"abc\"*", NULL },
    { "积水 停车", TRUE, "\"积水\" \"停车\"", NULL },
    { "积水\u3000停车", TRUE, "\"积水\" \"停车\"", NULL },
    { "路灯 a", TRUE, "\"路灯\"", "a" },
    { "张 噪音", TRUE, "\"噪音\"", "张" },
    { "积水，严重", TRUE, "\"积水\" \"严重\"", "积水，严重" },
    { "\"积水\"", TRUE, "\"积水\"", NULL },
    { "AND OR NOT", TRUE, "\"and\"* \"or\"* \"not\"*", NULL },
    { "，。！", FALSE, NULL, NULL },
    { "\xff\xfe", FALSE, NULL, NULL },
    { "积\xe6\xb0", FALSE, NULL, NULL },
    { "   ", FALSE, NULL, NULL },
    { "\t\n", FALSE, NULL, NULL },
    { "", FALSE, NULL, NULL },
    { NULL, FALSE, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = NULL;
      g_auto(GStrv) like_words = NULL;
      g_autofree char *like = NULL;
      gboolean ok = ld_fts_build_query (cases[i].text, &match, &like_words);

      like = like_words ? g_strjoinv ("|", like_words) : NULL;
      g_assert_cmpint (ok, ==, cases[i].ok);
      g_assert_cmpstr (match, ==, cases[i].match);
      g_assert_cmpstr (like, ==, cases[i].like);

      /* Every expression is valid FTS5. */
      if (match)
        {
          sqlite3_stmt *stmt = NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (fixture->h, "SELECT count(*) FROM concerns_fts"
                                               " WHERE concerns_fts MATCH ?", -1, &stmt, NULL),
                           ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          sqlite3_finalize (stmt);
        }
    }
}

/* ------------------------------------------------------------------ searching */

static void
test_search_exact (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260315);
  g_autoptr(GString) sql = g_string_new (NULL);

  insert_station_and_residents (fixture);
  insert_concerns (fixture, rand, 1, N_CONCERNS);
  check_index (fixture);
  assert_search_is_exact (fixture);

  /* Edits of the indexed text, in one transaction and across several. */
  for (guint i = 0; i < 40; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, N_CONCERNS + 1);
      g_autofree char *text = make_text (rand, g_rand_int_range (rand, 1, 6));
      char *stmt;

      switch (i % 4)
        {
        case 0:
          stmt = sqlite3_mprintf ("UPDATE concerns SET subject = %Q WHERE id = %lld;",
                                  text, (long long) id);
          break;
        case 1:
          stmt = sqlite3_mprintf ("UPDATE concerns SET details = %Q WHERE id = %lld;",
                                  text, (long long) id);
          break;
        case 2:
          stmt = sqlite3_mprintf ("UPDATE concerns SET place = %Q WHERE id = %lld;",
                                  i % 8 == 2 ? NULL : places[i % G_N_ELEMENTS (places)],
                                  (long long) id);
          break;
        default:
          stmt = sqlite3_mprintf ("UPDATE concerns SET resident_id = %d WHERE id = %lld;",
                                  g_rand_int_range (rand, 1, N_RESIDENTS + 1), (long long) id);
          break;
        }
      g_string_append (sql, stmt);
      sqlite3_free (stmt);
      if (i % 10 == 9)
        {
          write_ok (fixture, sql->str);
          g_string_truncate (sql, 0);
        }
    }
  /* Other fields change without touching the index. */
  write_ok (fixture, "UPDATE concerns SET urgency = 'urgent' WHERE id % 3 = 0");
  check_index (fixture);
  assert_search_is_exact (fixture);

  /* A resident's new name is found in all their concerns, the old one in none. */
  write_ok (fixture, "UPDATE residents SET name = '钱桂芳' WHERE id = 1;"
                     "UPDATE residents SET name = '东湖张' WHERE id = 2;"
                     "UPDATE residents SET name = NULL WHERE id = 3;"
                     "UPDATE residents SET name = '孙丽' WHERE id = 9;");
  /* Renamed twice and its concern edited, in one transaction. */
  write_ok (fixture, "UPDATE residents SET name = '王积水' WHERE id = 4;"
                     "UPDATE concerns SET subject = '电梯故障' WHERE resident_id = 4;"
                     "UPDATE residents SET name = '王停车' WHERE id = 4;");
  check_index (fixture);
  assert_search_is_exact (fixture);

  /* Deletes, and a concern that lives and dies inside one transaction. */
  write_ok (fixture, "DELETE FROM concerns WHERE id % 7 = 0");
  g_string_truncate (sql, 0);
  insert_concerns (fixture, rand, N_CONCERNS + 1, 5);
  {
    g_autoptr(GError) error = NULL;

    ld_database_begin_immediate (fixture->database, &error);
    g_assert_no_error (error);
    exec_ok (fixture->h, "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at,"
                         "  channel_id, category_id, resident_id, place, subject, details)"
                         " SELECT 1000, 1, 2026, 1000, received_at, channel_id, category_id, 1,"
                         "        '东湖社区', '积水严重停车位', '电梯故障' FROM concerns WHERE id = 1;"
                         "UPDATE concerns SET details = '路灯不亮了' WHERE id = 1000;"
                         "DELETE FROM concerns WHERE id = 1000;");
    ld_database_commit (fixture->database, &error);
    g_assert_no_error (error);
  }
  check_index (fixture);
  assert_search_is_exact (fixture);
}

/* Text typed in full-width forms or capitals is found by plain ASCII, and the other way round. */
static void
test_search_folding (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) found = NULL;

  insert_station_and_residents (fixture);
  write_ok (fixture,
            "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id,"
            "                      category_id, subject)"
            " VALUES (1, 1, 2026, 1, '2026-03-01T02:00:00Z', (SELECT min(id) FROM channels),"
            "         (SELECT min(id) FROM concern_categories), '小区ＷＩＦＩ信号差'),"
            "        (2, 1, 2026, 2, '2026-03-01T02:00:00Z', (SELECT min(id) FROM channels),"
            "         (SELECT min(id) FROM concern_categories), '小区wifi经常断');");

  found = run_search (fixture, "WiFi");
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);
  found = run_search (fixture, "ｗｉｆｉ");
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);
  found = run_search (fixture, "信号");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/tokenizer", test_tokenizer);
  ADD ("/search/build-query", test_build_query);
  ADD ("/search/exact", test_search_exact);
  ADD ("/search/folding", test_search_folding);

#undef ADD

  return g_test_run ();
}

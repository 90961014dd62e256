/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-roster-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-database.h"
#include "ld-phone.h"
#include "ld-roster-import.h"
#include "ld-store.h"
#include "ld-test-util.h"

typedef struct
{
  char         *dir;
  LdDatabase   *database;
  LdStore      *store;
  gint64        station_id;
  guint         n_changed;
  char         *changed_kind;
  gint64        changed_id;
  GThread      *changed_thread;         /* where the last ::changed ran */
  GAsyncResult *result;                 /* of run_async (), once it has called back */
  guint         n_changed_at_callback;
} Fixture;

/* ------------------------------------------------------------------ helpers */

static void
exec_ok (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  ld_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = ld_database_get_handle (fixture->database);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = ld_database_get_handle (fixture->database);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_deputies (Fixture *fixture)
{
  return query_int (fixture, "SELECT count(*) FROM deputies");
}

static void
changed_cb (LdStore    *store,
            const char *kind,
            gint64      id,
            Fixture    *fixture)
{
  fixture->n_changed++;
  g_free (fixture->changed_kind);
  fixture->changed_kind = g_strdup (kind);
  fixture->changed_id = id;
  fixture->changed_thread = g_thread_self ();
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
  fixture->store = ld_store_new (fixture->database);

  exec_ok (fixture, "INSERT INTO stations (name) VALUES ('水果湖代表联络站')");
  fixture->station_id = query_int (fixture, "SELECT max(id) FROM stations");

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  if (fixture->database)
    ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  ld_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->changed_kind, g_free);
  g_clear_object (&fixture->result);
}

static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_null (fixture->result);
  fixture->result = g_object_ref (result);
  fixture->n_changed_at_callback = fixture->n_changed;
}

/* ld_roster_import_run_async(), waited for on the main context as a window would. */
static gboolean
run_async (Fixture         *fixture,
           LdRosterImport  *import,
           gint64           station_id,
           gboolean         only_valid,
           GCancellable    *cancellable,
           guint           *n_imported,
           GError         **error)
{
  gboolean ok;

  ld_roster_import_run_async (import, station_id, only_valid, cancellable, run_done_cb, fixture);
  while (fixture->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  ok = ld_roster_import_run_finish (import, fixture->result, n_imported, error);
  g_clear_object (&fixture->result);
  return ok;
}

/* Every stored value of every deputy but ids, uuids and times, by name. */
static char *
dump_deputies (Fixture *fixture)
{
  return query_text (fixture,
                     "SELECT ifnull (group_concat (d, char (10)), '') FROM ("
                     " SELECT station_id || '|' || name || '|' || ifnull (name_pinyin, '')"
                     "        || '|' || ifnull (gender, '') || '|' || level"
                     "        || '|' || ifnull (professional_group, '')"
                     "        || '|' || ifnull (constituency, '') || '|' || ifnull (occupation, '')"
                     "        || '|' || ifnull (workplace, '') || '|' || ifnull (phone, '')"
                     "        || '|' || status || '|' || ifnull (notes, '') AS d"
                     " FROM deputies ORDER BY name, phone)");
}

static LdRosterImport *
import_fixture (Fixture      *fixture,
                LdImportKind  kind,
                const char   *name,
                GError      **error)
{
  g_autofree char *relative = g_build_filename ("fixtures", "roster", name, NULL);
  g_autofree char *path = ld_test_src_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ld_roster_import_new_from_file (fixture->store, kind, file, error);
}

static LdRosterImport *
import_fixture_ok (Fixture      *fixture,
                   LdImportKind  kind,
                   const char   *name)
{
  g_autoptr(GError) error = NULL;
  LdRosterImport *import = import_fixture (fixture, kind, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpint (ld_roster_import_get_kind (import), ==, kind);
  return import;
}

static LdRosterImport *
import_text_ok (Fixture      *fixture,
                LdImportKind  kind,
                const char   *text)
{
  g_autoptr(GError) error = NULL;
  LdRosterImport *import = ld_roster_import_new_from_data (fixture->store, kind, text,
                                                           strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static LdDeputy *
deputy_at (LdRosterImport *import,
           guint           i)
{
  GObject *record = ld_roster_import_get_record (import, i);

  g_assert_true (LD_IS_DEPUTY (record));
  return LD_DEPUTY (record);
}

static LdUnit *
unit_at (LdRosterImport *import,
         guint           i)
{
  GObject *record = ld_roster_import_get_record (import, i);

  g_assert_true (LD_IS_UNIT (record));
  return LD_UNIT (record);
}

/* The errors of row @i as one string, "a; b", or NULL. */
static char *
errors_at (LdRosterImport *import,
           guint           i)
{
  const char * const *errors = ld_roster_import_get_errors (import, i);

  return errors ? g_strjoinv ("; ", (GStrv) errors) : NULL;
}

static void
assert_row_valid (LdRosterImport *import,
                  guint           i)
{
  g_autofree char *errors = errors_at (import, i);

  g_assert_cmpstr (errors, ==, NULL);
}

static void
assert_row_error (LdRosterImport *import,
                  guint           i,
                  const char     *expected)
{
  g_autofree char *errors = errors_at (import, i);

  g_test_message ("row %u: %s", i, errors);
  g_assert_nonnull (errors);
  g_assert_nonnull (strstr (errors, expected));
}

/* A deputy's values as one string, to compare the same roster read from different files. */
static char *
describe_deputy (LdDeputy *deputy)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s|%s",
                          ld_deputy_get_name (deputy),
                          ld_deputy_get_gender (deputy) ? ld_deputy_get_gender (deputy) : "",
                          ld_deputy_get_level (deputy),
                          ld_deputy_get_constituency (deputy),
                          ld_deputy_get_group (deputy),
                          ld_deputy_get_occupation (deputy),
                          ld_deputy_get_workplace (deputy),
                          ld_deputy_get_phone (deputy),
                          ld_deputy_get_notes (deputy));
}

/* ------------------------------------------------------------------ reading and checking */

static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char    *name;
    LdCsvEncoding  encoding;
  } files[] = {
    { "deputies-utf8.csv", LD_CSV_ENCODING_UTF8 },
    { "deputies-utf8-bom.csv", LD_CSV_ENCODING_UTF8_BOM },
    { "deputies-gb18030.csv", LD_CSV_ENCODING_GB18030 },
    { "deputies-english.csv", LD_CSV_ENCODING_UTF8 },
  };
  static const char * const expected[] = {
    "王芳|female|district|第3选区|财经组|教师|武昌区实验小学|13800001111|",
    "李建国|male|municipal|第12选区|城建环资组|工程师|武汉市政集团|13900002222|连任",
    "陈静|female|township|石桥村选区|农业农村组|农民|石桥村村委会|027-85551234|",
    "赵敏|female|national|武汉市|教科文卫组|医生|武汉协和医院|13700003333|",
    "刘洋|male|provincial|武昌区|法制组|律师|湖北某律师事务所||",
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                            files[f].name);

      g_test_message ("%s", files[f].name);
      g_assert_cmpint (ld_roster_import_get_encoding (import), ==, files[f].encoding);
      g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, G_N_ELEMENTS (expected));
      g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, G_N_ELEMENTS (expected));

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autofree char *described = describe_deputy (deputy_at (import, i));

          assert_row_valid (import, i);
          g_assert_cmpstr (described, ==, expected[i]);
          g_assert_cmpuint (ld_roster_import_get_line (import, i), ==, i + 2);
        }
    }
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LdRosterImport) chinese = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                         "deputies-gb18030.csv");
  g_autoptr(LdRosterImport) english = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                         "deputies-english.csv");
  GHashTable *mapping = ld_roster_import_get_mapping (chinese);
  GStrv ignored;

  g_assert_cmpuint (g_hash_table_size (mapping), ==, 9);
  g_assert_cmpstr (g_hash_table_lookup (mapping, "姓名"), ==, "name");
  g_assert_cmpstr (g_hash_table_lookup (mapping, "代表层级"), ==, "level");
  g_assert_cmpstr (g_hash_table_lookup (mapping, "专业小组"), ==, "group");
  g_assert_cmpstr (g_hash_table_lookup (mapping, "手机"), ==, "phone");
  ignored = ld_roster_import_get_ignored (chinese);
  g_assert_nonnull (ignored);
  g_assert_cmpuint (g_strv_length (ignored), ==, 0);

  /* Headers are shown trimmed, as the user wrote them. */
  mapping = ld_roster_import_get_mapping (english);
  g_assert_cmpstr (g_hash_table_lookup (mapping, "Name"), ==, "name");
  g_assert_cmpstr (g_hash_table_lookup (mapping, "Mobile"), ==, "phone");
  g_assert_cmpstr (g_hash_table_lookup (mapping, "Group"), ==, "group");
  ignored = ld_roster_import_get_ignored (english);
  g_assert_cmpuint (g_strv_length (ignored), ==, 1);
  g_assert_cmpstr (ignored[0], ==, "Date of birth");
}

static void
test_header_variants (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *header;
    const char *field;
  } cases[] = {
    { "姓名", "name" }, { "姓　名", "name" }, { "*姓名", "name" }, { "姓名：", "name" },
    { "NAME", "name" }, { " Full Name ", "name" },
    { "手机号码", "phone" }, { "联系电话", "phone" }, { "电话号码", "phone" },
    { "电话（手机）", "phone" }, { "Mobile", "phone" }, { "Telephone", "phone" },
    { "Phone number", "phone" }, { "ＴＥＬ", "phone" },
    { "所在单位", "workplace" }, { "工作单位", "workplace" }, { "单位", "workplace" },
    { "工作单位及职务", "workplace" }, { "Workplace", "workplace" },
    { "职务", "occupation" }, { "行业", "occupation" }, { "Occupation", "occupation" },
    { "代表层级", "level" }, { "级别", "level" }, { "Level", "level" },
    { "层级(五级)", "level" },
    { "专业组", "group" }, { "代表专业小组", "group" }, { "Group", "group" },
    { "选区/选举单位", "constituency" }, { "Constituency", "constituency" },
    { "性别", "gender" }, { "Sex", "gender" },
    { "备注", "notes" }, { "Remarks", "notes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(LdRosterImport) import = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (cases[i].header));
      GHashTable *mapping;

      /* Every case needs a name column; "序号" is one that nothing maps. */
      if (g_str_equal (cases[i].field, "name"))
        text = g_strdup_printf ("序号,%s\n1,王芳\n", cases[i].header);
      else
        text = g_strdup_printf ("姓名,%s\n王芳,\n", cases[i].header);

      g_test_message ("header %s", cases[i].header);
      import = import_text_ok (fixture, LD_IMPORT_DEPUTIES, text);
      mapping = ld_roster_import_get_mapping (import);
      g_assert_cmpstr (g_hash_table_lookup (mapping, trimmed), ==, cases[i].field);
    }
}

static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    const char *level;
    const char *expected;
  } levels[] = {
    { "全国", "national" }, { "全国人大代表", "national" }, { "national", "national" },
    { "省", "provincial" }, { "省级", "provincial" }, { "Provincial", "provincial" },
    { "市", "municipal" }, { "市级", "municipal" }, { "市人大代表", "municipal" },
    { "MUNICIPAL", "municipal" },
    { "区", "district" }, { "县", "district" }, { "区(县)", "district" },
    { "区（县）", "district" }, { "区县", "district" }, { "区级代表", "district" },
    { "district", "district" }, { "County", "district" },
    { "乡", "township" }, { "镇", "township" }, { "乡镇", "township" }, { "乡镇级", "township" },
    { " township ", "township" },
  };
  static const struct
  {
    const char *gender;
    const char *expected;
  } genders[] = {
    { "男", "male" }, { "女", "female" }, { "male", "male" }, { "Female", "female" },
    { "M", "male" }, { "f", "female" }, { "", NULL },
  };
  GString *text = g_string_new ("姓名,层级,性别\n");
  g_autoptr(LdRosterImport) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_string_append_printf (text, "代表%u,%s,\n", i, levels[i].level);
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    g_string_append_printf (text, "性别%u,区,%s\n", i, genders[i].gender);

  import = import_text_ok (fixture, LD_IMPORT_DEPUTIES, text->str);
  g_string_free (text, TRUE);

  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==,
                    G_N_ELEMENTS (levels) + G_N_ELEMENTS (genders));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_cmpstr (ld_deputy_get_level (deputy_at (import, i)), ==, levels[i].expected);
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    g_assert_cmpstr (ld_deputy_get_gender (deputy_at (import, G_N_ELEMENTS (levels) + i)), ==,
                     genders[i].expected);
}

static void
test_quoted (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-quoted.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  guint n_imported = 0;

  g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 4);

  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 0)), ==, "孙小梅");
  g_assert_cmpstr (ld_deputy_get_workplace (deputy_at (import, 0)), ==, "武汉市江岸区人民医院,内科");
  g_assert_cmpstr (ld_deputy_get_notes (deputy_at (import, 0)), ==, "第一行\n第二行");
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 1)), ==, "周\"大\"勇");
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 2)), ==, "吴磊");
  g_assert_cmpstr (ld_deputy_get_workplace (deputy_at (import, 2)), ==, "前后有空格");
  g_assert_cmpstr (ld_deputy_get_notes (deputy_at (import, 2)), ==, "说他是\"好代表\",\n又说\n很负责");
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 3)), ==, "郑洁");

  /* Where each row starts, counting the line breaks inside values and the skipped rows. */
  g_assert_cmpuint (ld_roster_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (ld_roster_import_get_line (import, 1), ==, 4);
  g_assert_cmpuint (ld_roster_import_get_line (import, 2), ==, 5);
  g_assert_cmpuint (ld_roster_import_get_line (import, 3), ==, 10);

  ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 4);
  notes = query_text (fixture, "SELECT notes FROM deputies WHERE name = '吴磊'");
  g_assert_cmpstr (notes, ==, "说他是\"好代表\",\n又说\n很负责");
}

static void
test_title_row (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-title-row.csv");
  GStrv ignored = ld_roster_import_get_ignored (import);

  g_assert_cmpint (ld_roster_import_get_encoding (import), ==, LD_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (ld_roster_import_get_mapping (import), "代表层级（级别）"),
                   ==, "level");
  g_assert_cmpuint (g_strv_length (ignored), ==, 1);
  g_assert_cmpstr (ignored[0], ==, "序号");

  /* Names padded to line up lose the padding. */
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 0)), ==, "王芳");
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (import, 1)), ==, "欧阳明");
  g_assert_cmpstr (ld_deputy_get_level (deputy_at (import, 0)), ==, "district");
  g_assert_cmpstr (ld_deputy_get_level (deputy_at (import, 1)), ==, "district");
  g_assert_cmpuint (ld_roster_import_get_line (import, 0), ==, 3);
  g_assert_cmpuint (ld_roster_import_get_line (import, 1), ==, 4);
}

static void
test_file_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char utf16[] = "\xFF\xFE\x53\x59\x0D\x54\x0A\x00";
  g_autoptr(GError) error = NULL;
  g_autoptr(LdRosterImport) import = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/roster.csv");

  import = import_fixture (fixture, LD_IMPORT_DEPUTIES, "deputies-unclosed.csv", &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_QUOTING);
  g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
  g_clear_error (&error);

  import = import_fixture (fixture, LD_IMPORT_DEPUTIES, "deputies-after-quote.csv", &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_QUOTING);
  g_assert_true (g_str_has_prefix (error->message, "Line 4:"));
  g_clear_error (&error);

  import = import_fixture (fixture, LD_IMPORT_DEPUTIES, "deputies-no-name.csv", &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "姓名"));
  g_clear_error (&error);

  /* A units file read as deputies has no name column either (单位名称 is not a person's). */
  import = import_fixture (fixture, LD_IMPORT_DEPUTIES, "units-gb18030.csv", &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  import = ld_roster_import_new_from_data (fixture->store, LD_IMPORT_DEPUTIES, utf16,
                                           sizeof utf16 - 1, &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  import = ld_roster_import_new_from_data (fixture->store, LD_IMPORT_DEPUTIES, "", 0, &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  import = ld_roster_import_new_from_data (fixture->store, LD_IMPORT_DEPUTIES, "\r\n,,\r\n", 6,
                                           &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  import = ld_roster_import_new_from_data (fixture->store, LD_IMPORT_DEPUTIES, "姓名,层级\n", 14,
                                           &error);
  g_assert_null (import);
  g_assert_error (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  import = ld_roster_import_new_from_file (fixture->store, LD_IMPORT_DEPUTIES, missing, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* deputies-errors.csv has one row of each kind of problem; 赵敏 is already in the roster. */
static LdRosterImport *
import_errors_fixture (Fixture *fixture)
{
  exec_ok (fixture, "INSERT INTO deputies (station_id, name, level, phone) "
                    "VALUES (1, '赵敏', 'national', '13700003333')");
  return import_fixture_ok (fixture, LD_IMPORT_DEPUTIES, "deputies-errors.csv");
}

static void
test_row_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_errors_fixture (fixture);

  g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, 10);
  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 2);

  assert_row_valid (import, 0);
  assert_row_error (import, 1, "Name is missing");
  assert_row_error (import, 2, "The phone number “12345” is not valid");
  assert_row_error (import, 3, "Unknown level “街道”");
  /* 138-0000-1111 is line 2's 13800001111 written differently. */
  assert_row_error (import, 4, "Already on line 2 of this file");
  assert_row_error (import, 5, "Already in the roster");
  assert_row_error (import, 6, "Unknown gender “未知”");
  assert_row_valid (import, 7);
  assert_row_error (import, 8, "Level is missing");
  assert_row_error (import, 9, "More values than columns");

  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (ld_roster_import_get_line (import, i), ==, i + 2);

  /* The preview shows the values as read: an invalid phone as written, a valid one tidied. */
  g_assert_cmpstr (ld_deputy_get_phone (deputy_at (import, 2)), ==, "12345");
  g_assert_cmpstr (ld_deputy_get_phone (deputy_at (import, 4)), ==, "13800001111");
}

static void
test_one_message_per_problem (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LdRosterImport) import = NULL;
  const char * const *errors;
  GString *workplace = g_string_new (NULL);

  for (guint i = 0; i < 201; i++)
    g_string_append (workplace, "局");
  text = g_strdup_printf ("姓名,层级,工作单位,手机\n王芳,火星,%s,abc\n", workplace->str);
  g_string_free (workplace, TRUE);

  import = import_text_ok (fixture, LD_IMPORT_DEPUTIES, text);
  errors = ld_roster_import_get_errors (import, 0);
  g_assert_nonnull (errors);
  /* The import's own words for level and phone, the editor's rule for the long workplace,
   * named so that the preview says which value is too long. */
  g_assert_cmpuint (g_strv_length ((GStrv) errors), ==, 3);
  g_assert_cmpstr (errors[0], ==, "Unknown level “火星”");
  g_assert_true (g_str_has_prefix (errors[1], "Workplace: "));
  g_assert_cmpstr (errors[2], ==, "The phone number “abc” is not valid");
}

/* ------------------------------------------------------------------ importing */

static void
test_nothing_when_invalid (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_errors_fixture (fixture);
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;

  g_assert_false (ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8 rows"));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (count_deputies (fixture), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_only_valid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_errors_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *initials = NULL;
  guint n_imported = 0;
  LdDeputy *imported;

  g_assert_true (ld_roster_import_run (import, fixture->station_id, TRUE, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_cmpint (count_deputies (fixture), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies WHERE name IN ('王芳', '周杰')"),
                   ==, 2);
  phone = query_text (fixture, "SELECT phone FROM deputies WHERE name = '王芳'");
  g_assert_cmpstr (phone, ==, "13800001111");
  initials = query_text (fixture, "SELECT name_pinyin FROM deputies WHERE name = '周杰'");
  g_assert_cmpstr (initials, ==, "zj");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies "
                                       "WHERE station_id = 1 AND status = 'active'"), ==, 3);

  /* One signal for the whole import. */
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpstr (fixture->changed_kind, ==, "deputy");
  g_assert_cmpint (fixture->changed_id, ==, 0);

  /* The records of the imported rows now carry their ids; the others do not. */
  imported = deputy_at (import, 0);
  g_assert_cmpint (ld_deputy_get_id (imported), ==,
                   query_int (fixture, "SELECT id FROM deputies WHERE name = '王芳'"));
  g_assert_cmpint (ld_deputy_get_station_id (imported), ==, fixture->station_id);
  g_assert_cmpuint (strlen (ld_deputy_get_uuid (imported)), ==, 36);
  g_assert_cmpint (ld_deputy_get_id (deputy_at (import, 1)), ==, 0);

  /* Importing the same file twice adds nothing. */
  g_assert_false (ld_roster_import_run (import, fixture->station_id, TRUE, &n_imported, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (count_deputies (fixture), ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* Another window saved one of the deputies between the preview and the import. */
static void
test_added_meanwhile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-utf8.csv");
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  exec_ok (fixture, "INSERT INTO deputies (station_id, name, level, phone) "
                    "VALUES (1, '陈静', 'township', '027-85551234')");
  g_assert_false (ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "陈静"));
  g_assert_cmpint (count_deputies (fixture), ==, 1);
}

static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-utf8.csv");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = ld_database_get_handle (fixture->database);
  guint n_imported = 0;

  /* The third row fails inside the database, after two rows went in. */
  exec_ok (fixture, "CREATE TRIGGER fail_import BEFORE INSERT ON deputies "
                    "WHEN new.name = '陈静' BEGIN SELECT RAISE (ABORT, 'forced failure'); END");
  g_assert_false (ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "4"));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_deputies (fixture), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (ld_deputy_get_id (deputy_at (import, 0)), ==, 0);
  g_clear_error (&error);

  /* A constraint of the schema: a home station that does not exist. */
  exec_ok (fixture, "DROP TRIGGER fail_import");
  g_assert_false (ld_roster_import_run (import, 999, FALSE, &n_imported, &error));
  g_assert_nonnull (error);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_deputies (fixture), ==, 0);
  g_clear_error (&error);

  /* Nothing was half done, so the same import can simply be run again. */
  g_assert_true (ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpint (count_deputies (fixture), ==, 5);
}

/* The write in a worker thread stores exactly what the write on the main thread does. */
static void
test_async_same_as_run (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LdRosterImport) in_thread = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                           "deputies-utf8.csv");
  g_autoptr(LdRosterImport) here = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                      "deputies-utf8.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_in_thread = NULL;
  g_autofree char *stored_here = NULL;
  guint n_imported = 0;

  g_assert_true (run_async (fixture, in_thread, fixture->station_id, FALSE, NULL, &n_imported,
                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpint (count_deputies (fixture), ==, 5);
  stored_in_thread = dump_deputies (fixture);

  /* One ::changed, on this thread, before the callback; the records carry their ids by then. */
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->n_changed_at_callback, ==, 1);
  g_assert_true (fixture->changed_thread == g_thread_self ());
  g_assert_cmpstr (fixture->changed_kind, ==, "deputy");
  g_assert_cmpint (fixture->changed_id, ==, 0);
  for (guint i = 0; i < ld_roster_import_get_n_rows (in_thread); i++)
    {
      LdDeputy *deputy = deputy_at (in_thread, i);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM deputies WHERE name = '%s'",
                                              ld_deputy_get_name (deputy));

      g_assert_cmpint (ld_deputy_get_id (deputy), ==, query_int (fixture, sql));
      g_assert_cmpint (ld_deputy_get_station_id (deputy), ==, fixture->station_id);
      g_assert_cmpuint (strlen (ld_deputy_get_uuid (deputy)), ==, 36);
    }

  /* Once imported, not again. */
  g_assert_false (run_async (fixture, in_thread, fixture->station_id, FALSE, NULL, &n_imported,
                             &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  exec_ok (fixture, "DELETE FROM deputies");
  g_assert_true (ld_roster_import_run (here, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  stored_here = dump_deputies (fixture);
  g_assert_cmpstr (stored_in_thread, ==, stored_here);
}

static void
test_async_only_valid_units (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  exec_ok (fixture, "INSERT INTO units (name, kind) VALUES ('区信访局', 'department')");
  import = import_fixture_ok (fixture, LD_IMPORT_UNITS, "units-gb18030.csv");

  g_assert_false (run_async (fixture, import, 0, FALSE, NULL, &n_imported, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  g_assert_true (run_async (fixture, import, 0, TRUE, NULL, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 6);
  /* Shared by every station, as units are. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units WHERE station_id IS NULL"),
                   ==, 6);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->n_changed_at_callback, ==, 1);
  g_assert_cmpstr (fixture->changed_kind, ==, "unit");
  g_assert_true (fixture->changed_thread == g_thread_self ());
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (ld_unit_get_id (unit_at (import, i)), >, 0);
  g_assert_cmpint (ld_unit_get_id (unit_at (import, 5)), ==, 0);
}

typedef struct
{
  LdRosterImport *import;
  gint64          station_id;
  guint           n_imported;
  gboolean        ok;
} RunInThread;

static gpointer
run_thread (gpointer data)
{
  RunInThread *run = data;

  run->ok = ld_roster_import_run (run->import, run->station_id, FALSE, &run->n_imported, NULL);
  return NULL;
}

/* Handlers of ::changed are widgets: they run on the main thread, even when the import ran in
 * another one while the main context was free for any thread to take. */
static void
test_changed_on_main_thread (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-utf8.csv");
  RunInThread run = { import, fixture->station_id, 0, FALSE };
  GThread *thread;

  thread = g_thread_new ("import", run_thread, &run);
  g_thread_join (thread);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.n_imported, ==, 5);
  g_assert_cmpint (count_deputies (fixture), ==, 5);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  while (fixture->n_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->changed_thread == g_thread_self ());
  g_assert_cmpstr (fixture->changed_kind, ==, "deputy");
}

/* The store refuses one of the rows at the last moment: the message names its line, counted
 * in the file, not in the rows imported. */
static void
test_refused_row_names_line (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LdRosterImport) deputies = import_errors_fixture (fixture);
  g_autoptr(LdRosterImport) units = import_fixture_ok (fixture, LD_IMPORT_UNITS,
                                                       "units-gb18030.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint n_imported = 99;

  /* 周杰 is the second valid row, on line 9 after seven rows with problems. */
  g_assert_cmpstr (ld_deputy_get_name (deputy_at (deputies, 7)), ==, "周杰");
  g_assert_cmpuint (ld_roster_import_get_line (deputies, 7), ==, 9);

  exec_ok (fixture, "CREATE TRIGGER fail_import BEFORE INSERT ON deputies "
                    "WHEN new.name = '周杰' BEGIN SELECT RAISE (ABORT, 'forced failure'); END");
  g_assert_false (ld_roster_import_run (deputies, fixture->station_id, TRUE, &n_imported, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Importing line 9 failed: "));
  g_clear_error (&error);
  g_assert_cmpuint (n_imported, ==, 0);

  /* The same in a worker thread. */
  g_assert_false (run_async (fixture, deputies, fixture->station_id, TRUE, NULL, &n_imported,
                             &error));
  g_assert_true (g_str_has_prefix (error->message, "Importing line 9 failed: "));
  g_clear_error (&error);
  exec_ok (fixture, "DROP TRIGGER fail_import");

  /* Added in another window after the file was checked. */
  exec_ok (fixture, "INSERT INTO deputies (station_id, name, level, phone) "
                    "VALUES (1, '周杰', 'district', '13800004444')");
  g_assert_false (run_async (fixture, deputies, fixture->station_id, TRUE, NULL, &n_imported,
                             &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "“周杰” on line 9 was added after the file "
                                                   "was checked."));
  g_clear_error (&error);

  g_assert_cmpint (count_deputies (fixture), ==, 2);
  g_assert_cmpint (ld_deputy_get_id (deputy_at (deputies, 0)), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Units. */
  g_assert_cmpstr (ld_unit_get_name (unit_at (units, 2)), ==, "东亭社区居委会");
  exec_ok (fixture, "INSERT INTO units (name, kind) VALUES ('东亭社区居委会', 'community')");
  g_assert_false (ld_roster_import_run (units, 0, TRUE, &n_imported, &error));
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("“东亭社区居委会” on line %u was added",
                              ld_roster_import_get_line (units, 2));
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* Cancelled before the write begins: nothing imported, and the import can run later. */
static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_fixture_ok (fixture, LD_IMPORT_DEPUTIES,
                                                        "deputies-utf8.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;

  g_cancellable_cancel (cancellable);
  g_assert_false (run_async (fixture, import, fixture->station_id, FALSE, cancellable,
                             &n_imported, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (count_deputies (fixture), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (ld_deputy_get_id (deputy_at (import, 0)), ==, 0);

  g_assert_true (run_async (fixture, import, fixture->station_id, FALSE, NULL, &n_imported,
                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpint (count_deputies (fixture), ==, 5);
}

static char *
generate_roster (guint n_rows)
{
  static const char * const levels[] = { "全国", "省", "市", "区", "乡镇" };
  GString *text = g_string_new ("姓名,性别,代表层级,选区,专业小组,职业,工作单位,手机,备注\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text,
                            "代表%05u,%s,%s,第%u选区,财经组,教师,\"武汉市第%u中学,教务处\","
                            "1%010u,\"第%u行\n备注\"\r\n",
                            i, i % 2 ? "男" : "女", levels[i % 5], i % 40, i % 300, 3800000000u + i,
                            i);
  return g_string_free (text, FALSE);
}

static void
test_ten_thousand (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = generate_roster (10000);
  g_autofree char *gb = NULL;
  g_autoptr(LdRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workplace = NULL;
  gsize gb_length = 0;
  guint n_imported = 0;

  /* As Chinese Excel would save it. */
  gb = g_convert (text, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);

  import = ld_roster_import_new_from_data (fixture->store, LD_IMPORT_DEPUTIES, gb, gb_length,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_roster_import_get_encoding (import), ==, LD_CSV_ENCODING_GB18030);
  g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, 10000);
  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 10000);
  /* Every row spans two lines. */
  g_assert_cmpuint (ld_roster_import_get_line (import, 9999), ==, 2 + 2 * 9999);

  g_assert_true (ld_roster_import_run (import, fixture->station_id, FALSE, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 10000);
  g_assert_cmpint (count_deputies (fixture), ==, 10000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM deputies WHERE level = 'township'"),
                   ==, 2000);
  workplace = query_text (fixture, "SELECT workplace FROM deputies WHERE name = '代表09999'");
  g_assert_cmpstr (workplace, ==, "武汉市第99中学,教务处");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *kind;
    const char *contact;
    const char *phone;
  } expected[] = {
    { "区住房和城市建设局", "department", "张科长", "027-85550001" },
    { "水果湖街道办事处", "subdistrict", "李主任", "027-85550002" },
    { "东亭社区居委会", "community", "王书记", "13800005555" },
    { "石桥村村委会", "village", "陈主任", "" },
    { "武汉某某物业有限公司", "enterprise", "赵经理", "13900006666" },
  };
  g_autoptr(LdRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  exec_ok (fixture, "INSERT INTO units (name, kind) VALUES ('区信访局', 'department')");
  import = import_fixture_ok (fixture, LD_IMPORT_UNITS, "units-gb18030.csv");

  g_assert_cmpint (ld_roster_import_get_encoding (import), ==, LD_CSV_ENCODING_GB18030);
  g_assert_cmpuint (ld_roster_import_get_n_rows (import), ==, 8);
  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 5);
  g_assert_cmpstr (g_hash_table_lookup (ld_roster_import_get_mapping (import), "联系电话"), ==,
                   "phone");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LdUnit *unit = unit_at (import, i);

      assert_row_valid (import, i);
      g_assert_cmpstr (ld_unit_get_name (unit), ==, expected[i].name);
      g_assert_cmpstr (ld_unit_get_kind (unit), ==, expected[i].kind);
      g_assert_cmpstr (ld_unit_get_contact (unit), ==, expected[i].contact);
      g_assert_cmpstr (ld_unit_get_phone (unit), ==, expected[i].phone);
    }
  /* No kind given: a department. */
  g_assert_cmpstr (ld_unit_get_kind (unit_at (import, 5)), ==, "department");
  assert_row_error (import, 5, "Already in the list of handling units");
  assert_row_error (import, 6, "Already on line 2 of this file");
  assert_row_error (import, 7, "Unknown kind of unit “事业单位”");

  g_assert_false (ld_roster_import_run (import, 0, FALSE, &n_imported, &error));
  g_assert_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 1);

  g_assert_true (ld_roster_import_run (import, 0, TRUE, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units"), ==, 6);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM units WHERE kind = 'village' "
                                       "AND name = '石桥村村委会' AND phone IS NULL"), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpstr (fixture->changed_kind, ==, "unit");
  g_assert_cmpint (ld_unit_get_id (unit_at (import, 0)), >, 0);
}

static void
test_unit_kinds (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    const char *expected;
  } kinds[] = {
    { "部门", "department" }, { "委办局", "department" }, { "Department", "department" },
    { "街道", "subdistrict" }, { "街道办事处", "subdistrict" }, { "subdistrict", "subdistrict" },
    { "社区", "community" }, { "居委会", "community" }, { "community", "community" },
    { "村", "village" }, { "村委会", "village" }, { "village", "village" },
    { "企业", "enterprise" }, { "enterprise", "enterprise" },
    { "其他", "other" }, { "other", "other" },
  };
  GString *text = g_string_new ("Name,Kind\n");
  g_autoptr(LdRosterImport) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (text, "单位%u,%s\n", i, kinds[i].kind);
  import = import_text_ok (fixture, LD_IMPORT_UNITS, text->str);
  g_string_free (text, TRUE);

  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (ld_unit_get_kind (unit_at (import, i)), ==, kinds[i].expected);
}

/* A units file without a kind column: every unit is a department. */
static void
test_units_without_kind (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdRosterImport) import = import_text_ok (fixture, LD_IMPORT_UNITS,
                                                     "承办单位\n区教育局\n区卫健委\n");

  g_assert_cmpuint (ld_roster_import_get_n_valid (import), ==, 2);
  g_assert_cmpstr (ld_unit_get_kind (unit_at (import, 1)), ==, "department");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/roster-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("read/encodings", test_encodings);
  ADD ("read/mapping", test_mapping);
  ADD ("read/header-variants", test_header_variants);
  ADD ("read/values", test_values);
  ADD ("read/quoted", test_quoted);
  ADD ("read/title-row", test_title_row);
  ADD ("read/file-refused", test_file_refused);
  ADD ("check/row-errors", test_row_errors);
  ADD ("check/one-message-per-problem", test_one_message_per_problem);
  ADD ("run/nothing-when-invalid", test_nothing_when_invalid);
  ADD ("run/only-valid", test_only_valid);
  ADD ("run/added-meanwhile", test_added_meanwhile);
  ADD ("run/failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("run/ten-thousand", test_ten_thousand);
  ADD ("run/async-same-as-run", test_async_same_as_run);
  ADD ("run/async-cancelled", test_async_cancelled);
  ADD ("run/changed-on-main-thread", test_changed_on_main_thread);
  ADD ("run/refused-row-names-line", test_refused_row_names_line);
  ADD ("units/import", test_units);
  ADD ("units/kinds", test_unit_kinds);
  ADD ("units/without-kind", test_units_without_kind);
  ADD ("units/import-async", test_async_only_valid_units);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-roster-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-csv.h"
#include "ld-deputy.h"
#include "ld-phone.h"
#include "ld-roster-import.h"
#include "ld-store.h"
#include "ld-unit.h"

/*
 * A roster as stations receive it: a spreadsheet saved as CSV, in GB18030 or UTF-8, with
 * headers in Chinese or English in any order, sometimes a title row above the headers, names
 * padded with full-width spaces to line up, phone numbers written every possible way.
 *
 * Checking happens once, when the import is made, so that the preview shows exactly what will
 * be imported; ld_roster_import_run() then hands the chosen rows to the store, which writes
 * them in one transaction and checks again, inside it, that none has been added meanwhile.
 */

/* How far down a title block may push the row of headers. */
#define MAX_HEADER_ROW 10

typedef enum
{
  FIELD_NAME,
  FIELD_GENDER,
  FIELD_LEVEL,
  FIELD_CONSTITUENCY,
  FIELD_GROUP,
  FIELD_OCCUPATION,
  FIELD_WORKPLACE,
  FIELD_KIND,
  FIELD_CONTACT,
  FIELD_PHONE,
  FIELD_NOTES,
  N_FIELDS
} Field;

typedef struct
{
  const char *text;
  Field       field;
} Alias;

typedef struct
{
  GObject  *record;
  guint     line;
  GStrv     errors;
} Row;

struct _LdRosterImport
{
  GObject        parent_instance;

  /* Owned */
  LdStore       *store;
  GHashTable    *mapping;   /* header as written → field name */
  GStrv          ignored;
  GPtrArray     *rows;      /* Row */

  LdImportKind   kind;
  LdCsvEncoding  encoding;
  guint          n_valid;
  guint          imported : 1;
  guint          running : 1;   /* a run_async() is writing */
};

G_DEFINE_FINAL_TYPE (LdRosterImport, ld_roster_import, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ tables */

/* What the preview calls each field when a message needs to say which one it is about. */
static const char * const field_labels[N_FIELDS] = {
  [FIELD_NAME] = NC_("roster column", "Name"),
  [FIELD_GENDER] = NC_("roster column", "Gender"),
  [FIELD_LEVEL] = NC_("roster column", "Level"),
  [FIELD_CONSTITUENCY] = NC_("roster column", "Constituency"),
  [FIELD_GROUP] = NC_("roster column", "Group"),
  [FIELD_OCCUPATION] = NC_("roster column", "Occupation"),
  [FIELD_WORKPLACE] = NC_("roster column", "Workplace"),
  [FIELD_KIND] = NC_("roster column", "Kind"),
  [FIELD_CONTACT] = NC_("roster column", "Contact"),
  [FIELD_PHONE] = NC_("roster column", "Phone"),
  [FIELD_NOTES] = NC_("roster column", "Notes"),
};

/* Property names of LdDeputy and LdUnit, also the keys of their validate() results. */
static const char * const field_names[N_FIELDS] = {
  [FIELD_NAME] = "name",
  [FIELD_GENDER] = "gender",
  [FIELD_LEVEL] = "level",
  [FIELD_CONSTITUENCY] = "constituency",
  [FIELD_GROUP] = "group",
  [FIELD_OCCUPATION] = "occupation",
  [FIELD_WORKPLACE] = "workplace",
  [FIELD_KIND] = "kind",
  [FIELD_CONTACT] = "contact",
  [FIELD_PHONE] = "phone",
  [FIELD_NOTES] = "notes",
};

#define PHONE_ALIASES \
  { "电话", FIELD_PHONE }, { "手机", FIELD_PHONE }, { "手机号", FIELD_PHONE }, \
  { "手机号码", FIELD_PHONE }, { "联系电话", FIELD_PHONE }, { "电话号码", FIELD_PHONE }, \
  { "联系方式", FIELD_PHONE }, { "移动电话", FIELD_PHONE }, { "办公电话", FIELD_PHONE }, \
  { "phone", FIELD_PHONE }, { "phone number", FIELD_PHONE }, { "mobile", FIELD_PHONE }, \
  { "mobile phone", FIELD_PHONE }, { "cell", FIELD_PHONE }, { "cellphone", FIELD_PHONE }, \
  { "telephone", FIELD_PHONE }, { "tel", FIELD_PHONE }, { "contact number", FIELD_PHONE }

/* Headers are compared after normalize_header(): case, spaces, full-width forms and "*" marks
 * of required columns do not matter. */
static const Alias deputy_aliases[] = {
  { "姓名", FIELD_NAME }, { "代表姓名", FIELD_NAME }, { "名字", FIELD_NAME },
  { "name", FIELD_NAME }, { "full name", FIELD_NAME }, { "deputy", FIELD_NAME },
  { "deputy name", FIELD_NAME },
  { "性别", FIELD_GENDER }, { "gender", FIELD_GENDER }, { "sex", FIELD_GENDER },
  { "层级", FIELD_LEVEL }, { "代表层级", FIELD_LEVEL }, { "级别", FIELD_LEVEL },
  { "代表级别", FIELD_LEVEL }, { "层次", FIELD_LEVEL }, { "代表类别", FIELD_LEVEL },
  { "level", FIELD_LEVEL }, { "deputy level", FIELD_LEVEL },
  { "选区", FIELD_CONSTITUENCY }, { "选举单位", FIELD_CONSTITUENCY },
  { "所在选区", FIELD_CONSTITUENCY }, { "选区名称", FIELD_CONSTITUENCY },
  { "constituency", FIELD_CONSTITUENCY }, { "electoral district", FIELD_CONSTITUENCY },
  { "专业小组", FIELD_GROUP }, { "代表专业小组", FIELD_GROUP }, { "专业组", FIELD_GROUP },
  { "所属专业小组", FIELD_GROUP }, { "小组", FIELD_GROUP }, { "代表小组", FIELD_GROUP },
  { "group", FIELD_GROUP }, { "professional group", FIELD_GROUP },
  { "职业", FIELD_OCCUPATION }, { "职务", FIELD_OCCUPATION }, { "行业", FIELD_OCCUPATION },
  { "职业类别", FIELD_OCCUPATION }, { "所在行业", FIELD_OCCUPATION },
  { "occupation", FIELD_OCCUPATION }, { "sector", FIELD_OCCUPATION },
  { "profession", FIELD_OCCUPATION }, { "job", FIELD_OCCUPATION },
  { "工作单位", FIELD_WORKPLACE }, { "所在单位", FIELD_WORKPLACE }, { "单位", FIELD_WORKPLACE },
  { "工作单位及职务", FIELD_WORKPLACE }, { "单位及职务", FIELD_WORKPLACE },
  { "workplace", FIELD_WORKPLACE }, { "employer", FIELD_WORKPLACE },
  { "work unit", FIELD_WORKPLACE }, { "organization", FIELD_WORKPLACE },
  { "organisation", FIELD_WORKPLACE },
  PHONE_ALIASES,
  { "备注", FIELD_NOTES }, { "说明", FIELD_NOTES }, { "notes", FIELD_NOTES },
  { "note", FIELD_NOTES }, { "remarks", FIELD_NOTES }, { "comments", FIELD_NOTES },
};

static const Alias unit_aliases[] = {
  { "单位名称", FIELD_NAME }, { "名称", FIELD_NAME }, { "单位", FIELD_NAME },
  { "承办单位", FIELD_NAME }, { "单位全称", FIELD_NAME }, { "承办单位名称", FIELD_NAME },
  { "name", FIELD_NAME }, { "unit", FIELD_NAME }, { "unit name", FIELD_NAME },
  { "handling unit", FIELD_NAME },
  { "类型", FIELD_KIND }, { "单位类型", FIELD_KIND }, { "类别", FIELD_KIND },
  { "单位类别", FIELD_KIND }, { "性质", FIELD_KIND }, { "单位性质", FIELD_KIND },
  { "kind", FIELD_KIND }, { "type", FIELD_KIND },
  { "联系人", FIELD_CONTACT }, { "负责人", FIELD_CONTACT }, { "联络人", FIELD_CONTACT },
  { "contact", FIELD_CONTACT }, { "contact person", FIELD_CONTACT },
  PHONE_ALIASES,
};

typedef struct
{
  const char *text;
  const char *key;
} Word;

/* Values are compared after normalize_header() as well. Besides the usual ways of writing them,
 * each list holds the names the app itself shows in English and Chinese, so that a roster
 * exported from Liaison Desk reads back. */
static const Word level_words[] = {
  { "全国", "national" }, { "国家", "national" }, { "国家级", "national" },
  { "全国级", "national" }, { "national", "national" },
  { "省", "provincial" }, { "省级", "provincial" }, { "自治区", "provincial" },
  { "省(自治区、直辖市)", "provincial" }, { "province", "provincial" },
  { "provincial", "provincial" },
  { "市", "municipal" }, { "市级", "municipal" }, { "地市", "municipal" },
  { "设区的市", "municipal" }, { "州", "municipal" }, { "自治州", "municipal" },
  { "city", "municipal" }, { "municipal", "municipal" }, { "municipality", "municipal" },
  { "prefecture", "municipal" },
  { "区", "district" }, { "县", "district" }, { "区级", "district" }, { "县级", "district" },
  { "区(县)", "district" }, { "县(区)", "district" }, { "区县", "district" },
  { "县区", "district" }, { "区(县)级", "district" }, { "县(市、区)", "district" },
  { "district", "district" }, { "county", "district" }, { "district(county)", "district" },
  { "district/county", "district" },
  { "乡", "township" }, { "镇", "township" }, { "乡镇", "township" }, { "乡级", "township" },
  { "镇级", "township" }, { "乡镇级", "township" }, { "乡(镇)", "township" },
  { "township", "township" }, { "town", "township" },
};

static const Word gender_words[] = {
  { "男", "male" }, { "男性", "male" }, { "male", "male" }, { "m", "male" }, { "man", "male" },
  { "女", "female" }, { "女性", "female" }, { "female", "female" }, { "f", "female" },
  { "woman", "female" }, { "女士", "female" },
};

static const Word unit_kind_words[] = {
  { "部门", "department" }, { "委办局", "department" }, { "政府部门", "department" },
  { "职能部门", "department" }, { "区直部门", "department" }, { "机关", "department" },
  { "department", "department" }, { "government department", "department" },
  { "街道", "subdistrict" }, { "街道办", "subdistrict" }, { "街道办事处", "subdistrict" },
  { "乡镇", "subdistrict" }, { "乡镇政府", "subdistrict" }, { "乡镇人民政府", "subdistrict" },
  { "subdistrict", "subdistrict" }, { "sub-district", "subdistrict" },
  { "subdistrict office", "subdistrict" }, { "sub-district office", "subdistrict" },
  { "街道办事处/乡镇", "subdistrict" },
  { "社区", "community" }, { "居委会", "community" }, { "社区居委会", "community" },
  { "居民委员会", "community" }, { "community", "community" },
  { "村", "village" }, { "村委会", "village" }, { "村民委员会", "village" },
  { "行政村", "village" }, { "village", "village" },
  { "企业", "enterprise" }, { "公司", "enterprise" }, { "国企", "enterprise" },
  { "国有企业", "enterprise" }, { "民营企业", "enterprise" }, { "enterprise", "enterprise" },
  { "company", "enterprise" },
  { "其他", "other" }, { "其它", "other" }, { "other", "other" },
};

/* ------------------------------------------------------------------ text helpers */

static gboolean
is_space (gunichar c)
{
  /* U+3000 and U+00A0 are what Chinese spreadsheets use to line names up. */
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/*
 * The form in which headers and vocabulary are compared: case-folded, without any spaces, with
 * full-width letters and brackets as ASCII, and without the "*" or ":" that templates put next
 * to a header.
 */
static char *
normalize_header (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc ? nfkc : "", -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || c == '*' || c == ':')
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Surrounding spaces (full-width too) go; a line break inside a one-line field becomes a space. */
static char *
tidy_value (const char *value,
            gboolean    multiline)
{
  GString *out;
  const char *start = value;
  const char *end = value + strlen (value);

  while (start < end && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_space (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!multiline && (c == '\n' || c == '\r' || c == '\t'))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/*
 * Names are written "王　芳" or "欧阳 明" to line up with three-character names: a space
 * between two Chinese characters is padding and goes; runs of spaces elsewhere ("Li Ming")
 * become one.
 */
static char *
tidy_name (const char *value)
{
  g_autofree char *tidy = tidy_value (value, FALSE);
  GString *out = g_string_sized_new (strlen (tidy));
  gunichar previous = 0;
  gboolean pending_space = FALSE;

  for (const char *p = tidy; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && !(is_han (previous) && is_han (c)))
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
      previous = c;
    }
  return g_string_free (out, FALSE);
}

/* normalize_header (text) → key, built once per table. */
static GHashTable *
build_word_table (const Word *words,
                  gsize       n_words)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < n_words; i++)
    g_hash_table_insert (table, normalize_header (words[i].text), (gpointer) words[i].key);
  return table;
}

static GHashTable *
level_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_word_table (level_words, G_N_ELEMENTS (level_words)));
  return table;
}

static GHashTable *
gender_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_word_table (gender_words, G_N_ELEMENTS (gender_words)));
  return table;
}

static GHashTable *
unit_kind_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_word_table (unit_kind_words,
                                                 G_N_ELEMENTS (unit_kind_words)));
  return table;
}

static const char *
lookup_word (GHashTable *table,
             const char *value)
{
  g_autofree char *key = normalize_header (value);

  return g_hash_table_lookup (table, key);
}

/* A level as written in the file → its stored key, or NULL. "区人大代表" and "市级代表"
 * are understood too. */
static const char *
parse_level (const char *value)
{
  static const char * const suffixes[] = { "人大代表", "代表", "人大" };
  g_autofree char *text = g_strdup (value);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (text, suffixes[i]) && strlen (text) > strlen (suffixes[i]))
      {
        text[strlen (text) - strlen (suffixes[i])] = '\0';
        break;
      }

  return lookup_word (level_table (), text);
}

/* ------------------------------------------------------------------ header mapping */

static GHashTable *
build_alias_table (const Alias *aliases,
                   gsize        n_aliases)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Stored as field + 1 so that the first field is not a NULL value. */
  for (gsize i = 0; i < n_aliases; i++)
    g_hash_table_insert (table, normalize_header (aliases[i].text),
                         GINT_TO_POINTER (aliases[i].field + 1));
  return table;
}

static GHashTable *
alias_table (LdImportKind kind)
{
  static GHashTable *deputies;
  static GHashTable *units;

  if (g_once_init_enter (&deputies))
    g_once_init_leave (&deputies, build_alias_table (deputy_aliases,
                                                     G_N_ELEMENTS (deputy_aliases)));
  if (g_once_init_enter (&units))
    g_once_init_leave (&units, build_alias_table (unit_aliases, G_N_ELEMENTS (unit_aliases)));

  return kind == LD_IMPORT_DEPUTIES ? deputies : units;
}

static int
lookup_alias (GHashTable *aliases,
              const char *normalized)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (aliases, normalized)) - 1;
}

/*
 * The field a header names, or -1. Besides the aliases themselves, "电话（手机）" is
 * understood as 电话 and "单位/职务" as 单位: the part before a bracket, else the first part
 * of a combined header that means something.
 */
static int
map_header (LdImportKind  kind,
            const char   *header)
{
  GHashTable *aliases = alias_table (kind);
  g_autofree char *normalized = normalize_header (header);
  g_auto(GStrv) parts = NULL;
  char *bracket;
  int field;

  if (normalized[0] == '\0')
    return -1;

  field = lookup_alias (aliases, normalized);
  if (field >= 0)
    return field;

  bracket = strchr (normalized, '(');
  if (bracket != NULL && bracket != normalized)
    {
      *bracket = '\0';
      field = lookup_alias (aliases, normalized);
      if (field >= 0)
        return field;
    }

  parts = g_regex_split_simple ("[/、|,，;；]", normalized, 0, 0);
  for (guint i = 0; parts[i] != NULL && g_strv_length (parts) > 1; i++)
    {
      field = lookup_alias (aliases, parts[i]);
      if (field >= 0)
        return field;
    }
  return -1;
}

/* ------------------------------------------------------------------ rows */

static void
row_free (Row *row)
{
  g_clear_object (&row->record);
  g_clear_pointer (&row->errors, g_strfreev);
  g_free (row);
}

/* The first non-empty value among the columns of @field. */
static const char *
row_value (GStrv     fields,
           GArray   *columns)
{
  guint n_fields = g_strv_length (fields);

  for (guint i = 0; columns != NULL && i < columns->len; i++)
    {
      guint column = g_array_index (columns, guint, i);

      if (column < n_fields && fields[column][0] != '\0')
        return fields[column];
    }
  return "";
}

/* Adds @message for @field unless the field has one already: the first, most specific message
 * about a field is the one worth reading. */
static void
add_error (GHashTable *errors,
           const char *field,
           char       *message)
{
  if (g_hash_table_contains (errors, field))
    g_free (message);
  else
    g_hash_table_insert (errors, g_strdup (field), message);
}

/* The editor's messages stand next to their field; in the preview they are prefixed with the
 * field's name, "Workplace: Use at most 200 characters". */
static void
merge_validation (GHashTable *errors,
                  GHashTable *validation)
{
  GHashTableIter iter;
  gpointer key, value;

  if (validation == NULL)
    return;

  g_hash_table_iter_init (&iter, validation);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *label = NULL;

      if (g_hash_table_contains (errors, key))
        continue;
      for (guint i = 0; i < N_FIELDS && label == NULL; i++)
        if (strcmp (key, field_names[i]) == 0)
          label = g_dpgettext2 (GETTEXT_PACKAGE, "roster column", field_labels[i]);

      if (label != NULL)
        /* Translators: a field's name and a message about it, "Workplace: Use at most …" */
        add_error (errors, key, g_strdup_printf (_("%s: %s"), label, (const char *) value));
      else
        add_error (errors, key, g_strdup (value));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The messages in the order of the fields, then any others, then the row's own. */
static GStrv
collect_errors (GHashTable *errors,
                GPtrArray  *row_errors)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (errors) == 0 && row_errors->len == 0)
    return NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = g_hash_table_lookup (errors, field_names[i]);

      if (message != NULL)
        g_strv_builder_add (builder, message);
    }

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < N_FIELDS && !known; i++)
        known = strcmp (key, field_names[i]) == 0;
      if (!known)
        g_ptr_array_add (others, key);
    }
  g_ptr_array_sort (others, compare_strings);
  for (guint i = 0; i < others->len; i++)
    g_strv_builder_add (builder, g_hash_table_lookup (errors, g_ptr_array_index (others, i)));

  for (guint i = 0; i < row_errors->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (row_errors, i));

  return g_strv_builder_end (builder);
}

/* Normalises @raw into *@phone (NULL when empty); on failure keeps @raw so that the preview shows
 * what the file says, and notes why. */
static void
read_phone (const char  *raw,
            char       **phone,
            gboolean    *phone_ok,
            GHashTable  *errors)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  *phone_ok = TRUE;
  if (raw[0] == '\0')
    {
      *phone = NULL;
      return;
    }

  normalized = ld_phone_normalize (raw, &error);
  if (normalized == NULL)
    {
      *phone_ok = FALSE;
      *phone = g_strdup (raw);
      add_error (errors, "phone",
                 /* Translators: %s is the phone number as written in the file */
                 g_strdup_printf (_("The phone number “%s” is not valid"), raw));
      return;
    }
  *phone = normalized[0] != '\0' ? g_steal_pointer (&normalized) : NULL;
}

typedef struct
{
  GArray     *columns[N_FIELDS];
  GHashTable *names;        /* name → line of its first row */
  GHashTable *names_phones; /* name \x1f phone → line of its first row */
  guint       n_columns;
} Checker;

static void
checker_clear (Checker *checker)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&checker->columns[i], g_array_unref);
  g_clear_pointer (&checker->names, g_hash_table_unref);
  g_clear_pointer (&checker->names_phones, g_hash_table_unref);
}

/*
 * A deputy with this name and phone is the same person; without a phone, any deputy of the
 * name is. The same rule as ld_store_find_deputy(), applied within the file. Returns the line
 * of the earlier row, or 0.
 */
static guint
find_in_file (Checker    *checker,
              const char *name,
              const char *phone,
              guint       line)
{
  guint earlier = 0;

  if (phone != NULL)
    {
      char *key = g_strconcat (name, "\x1f", phone, NULL);

      earlier = GPOINTER_TO_UINT (g_hash_table_lookup (checker->names_phones, key));
      if (earlier == 0)
        g_hash_table_insert (checker->names_phones, key, GUINT_TO_POINTER (line));
      else
        g_free (key);
    }
  else
    earlier = GPOINTER_TO_UINT (g_hash_table_lookup (checker->names, name));

  if (!g_hash_table_contains (checker->names, name))
    g_hash_table_insert (checker->names, g_strdup (name), GUINT_TO_POINTER (line));
  return earlier;
}

static void
check_extra_values (GStrv      fields,
                    Checker   *checker,
                    GPtrArray *row_errors)
{
  guint n_fields = g_strv_length (fields);

  /* Values beyond the headers mean the columns slipped, most often at an unquoted comma. */
  for (guint i = checker->n_columns; i < n_fields; i++)
    if (fields[i][0] != '\0')
      {
        g_ptr_array_add (row_errors,
                         g_strdup (_("More values than columns: a value that contains a comma "
                                     "must be in quotation marks")));
        break;
      }
}

static gboolean
check_deputy (LdRosterImport  *self,
              Checker         *checker,
              GStrv            fields,
              Row             *row,
              GError         **error)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) row_errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) validation = NULL;
  g_autofree char *name = tidy_name (row_value (fields, checker->columns[FIELD_NAME]));
  g_autofree char *gender = tidy_value (row_value (fields, checker->columns[FIELD_GENDER]), FALSE);
  g_autofree char *level = tidy_value (row_value (fields, checker->columns[FIELD_LEVEL]), FALSE);
  g_autofree char *phone_raw = tidy_value (row_value (fields, checker->columns[FIELD_PHONE]),
                                           FALSE);
  g_autofree char *phone = NULL;
  gboolean phone_ok;
  static const Field text_fields[] = {
    FIELD_CONSTITUENCY, FIELD_GROUP, FIELD_OCCUPATION, FIELD_WORKPLACE, FIELD_NOTES,
  };

  if (name[0] == '\0')
    add_error (errors, "name", g_strdup (_("Name is missing")));
  ld_deputy_set_name (deputy, name[0] != '\0' ? name : NULL);

  if (gender[0] != '\0')
    {
      const char *key = lookup_word (gender_table (), gender);

      if (key == NULL)
        /* Translators: %s is the gender as written in the file */
        add_error (errors, "gender", g_strdup_printf (_("Unknown gender “%s”"), gender));
      ld_deputy_set_gender (deputy, key);
    }

  if (level[0] == '\0')
    {
      add_error (errors, "level", g_strdup (_("Level is missing")));
      ld_deputy_set_level (deputy, NULL);
    }
  else
    {
      const char *key = parse_level (level);

      if (key == NULL)
        /* Translators: %s is the level as written in the file, e.g. 街道 */
        add_error (errors, "level", g_strdup_printf (_("Unknown level “%s”"), level));
      ld_deputy_set_level (deputy, key);
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      Field field = text_fields[i];
      g_autofree char *value = tidy_value (row_value (fields, checker->columns[field]),
                                           field == FIELD_NOTES);
      const char *set = value[0] != '\0' ? value : NULL;

      switch (field)
        {
        case FIELD_CONSTITUENCY:
          ld_deputy_set_constituency (deputy, set);
          break;
        case FIELD_GROUP:
          ld_deputy_set_group (deputy, set);
          break;
        case FIELD_OCCUPATION:
          ld_deputy_set_occupation (deputy, set);
          break;
        case FIELD_WORKPLACE:
          ld_deputy_set_workplace (deputy, set);
          break;
        case FIELD_NOTES:
          ld_deputy_set_notes (deputy, set);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  read_phone (phone_raw, &phone, &phone_ok, errors);
  ld_deputy_set_phone (deputy, phone);
  ld_deputy_set_active (deputy, TRUE);

  validation = ld_deputy_validate (deputy);
  merge_validation (errors, validation);
  check_extra_values (fields, checker, row_errors);

  if (name[0] != '\0' && phone_ok)
    {
      g_autoptr(GError) local_error = NULL;
      guint earlier = find_in_file (checker, name, phone, row->line);

      if (earlier != 0)
        g_ptr_array_add (row_errors,
                         /* Translators: %u is a line number in the file */
                         g_strdup_printf (_("Already on line %u of this file"), earlier));
      else if (ld_store_find_deputy (self->store, name, phone, &local_error) > 0)
        g_ptr_array_add (row_errors, g_strdup (_("Already in the roster")));
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  row->record = G_OBJECT (g_steal_pointer (&deputy));
  row->errors = collect_errors (errors, row_errors);
  return TRUE;
}

static gboolean
check_unit (LdRosterImport  *self,
            Checker         *checker,
            GStrv            fields,
            Row             *row,
            GError         **error)
{
  g_autoptr(LdUnit) unit = ld_unit_new ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) row_errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) validation = NULL;
  g_autofree char *name = tidy_name (row_value (fields, checker->columns[FIELD_NAME]));
  g_autofree char *kind = tidy_value (row_value (fields, checker->columns[FIELD_KIND]), FALSE);
  g_autofree char *contact = tidy_name (row_value (fields, checker->columns[FIELD_CONTACT]));
  g_autofree char *phone_raw = tidy_value (row_value (fields, checker->columns[FIELD_PHONE]),
                                           FALSE);
  g_autofree char *phone = NULL;
  gboolean phone_ok;

  if (name[0] == '\0')
    add_error (errors, "name", g_strdup (_("Name is missing")));
  ld_unit_set_name (unit, name[0] != '\0' ? name : NULL);

  if (kind[0] == '\0')
    ld_unit_set_kind (unit, "department");
  else
    {
      const char *key = lookup_word (unit_kind_table (), kind);

      if (key == NULL)
        /* Translators: %s is the kind of handling unit as written in the file */
        add_error (errors, "kind", g_strdup_printf (_("Unknown kind of unit “%s”"), kind));
      ld_unit_set_kind (unit, key);
    }

  ld_unit_set_contact (unit, contact[0] != '\0' ? contact : NULL);
  read_phone (phone_raw, &phone, &phone_ok, errors);
  ld_unit_set_phone (unit, phone);

  validation = ld_unit_validate (unit);
  merge_validation (errors, validation);
  check_extra_values (fields, checker, row_errors);

  if (name[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      guint earlier = find_in_file (checker, name, NULL, row->line);

      if (earlier != 0)
        g_ptr_array_add (row_errors,
                         g_strdup_printf (_("Already on line %u of this file"), earlier));
      else if (ld_store_find_unit (self->store, name, &local_error) > 0)
        g_ptr_array_add (row_errors, g_strdup (_("Already in the list of handling units")));
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  row->record = G_OBJECT (g_steal_pointer (&unit));
  row->errors = collect_errors (errors, row_errors);
  return TRUE;
}

/* Finds the row of headers (the first row, unless a title block sits above it), maps its
 * columns and returns its index, or -1 when no row has a name column. */
static int
read_headers (LdRosterImport *self,
              GPtrArray      *table,
              Checker        *checker)
{
  for (guint r = 0; r < table->len && r < MAX_HEADER_ROW; r++)
    {
      GStrv headers = g_ptr_array_index (table, r);
      g_autoptr(GStrvBuilder) ignored = NULL;
      gboolean has_name = FALSE;

      for (guint c = 0; headers[c] != NULL && !has_name; c++)
        has_name = map_header (self->kind, headers[c]) == FIELD_NAME;
      if (!has_name)
        continue;

      ignored = g_strv_builder_new ();
      checker->n_columns = g_strv_length (headers);
      for (guint c = 0; headers[c] != NULL; c++)
        {
          g_autofree char *header = tidy_value (headers[c], FALSE);
          int field = map_header (self->kind, headers[c]);

          if (field < 0)
            {
              if (header[0] != '\0')
                g_strv_builder_add (ignored, header);
              continue;
            }

          if (checker->columns[field] == NULL)
            checker->columns[field] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (checker->columns[field], c);
          g_hash_table_insert (self->mapping, g_steal_pointer (&header),
                               (gpointer) field_names[field]);
        }
      self->ignored = g_strv_builder_end (ignored);
      return (int) r;
    }
  return -1;
}

static gboolean
check_table (LdRosterImport  *self,
             GPtrArray       *table,
             GArray          *lines,
             GError         **error)
{
  Checker checker = { 0 };
  gboolean ok = TRUE;
  int header_row;

  if (table->len == 0)
    {
      g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }

  header_row = read_headers (self, table, &checker);
  if (header_row < 0)
    {
      checker_clear (&checker);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           self->kind == LD_IMPORT_DEPUTIES
                           ? _("The file has no column of names. Its first row must hold the "
                               "column headers, such as “姓名” or “Name”.")
                           : _("The file has no column of unit names. Its first row must hold "
                               "the column headers, such as “单位名称” or “Name”."));
      return FALSE;
    }

  if ((guint) header_row + 1 >= table->len)
    {
      checker_clear (&checker);
      g_set_error_literal (error, LD_CSV_ERROR, LD_CSV_ERROR_EMPTY,
                           _("The file has column headers but no rows below them."));
      return FALSE;
    }

  checker.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.names_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = header_row + 1; r < table->len && ok; r++)
    {
      GStrv fields = g_ptr_array_index (table, r);
      Row *row = g_new0 (Row, 1);

      row->line = g_array_index (lines, guint, r);
      g_ptr_array_add (self->rows, row);

      if (self->kind == LD_IMPORT_DEPUTIES)
        ok = check_deputy (self, &checker, fields, row, error);
      else
        ok = check_unit (self, &checker, fields, row, error);

      if (ok && row->errors == NULL)
        self->n_valid++;
    }

  checker_clear (&checker);
  return ok;
}

/* ------------------------------------------------------------------ writing */

/*
 * What one run hands to the store: copies of the rows to import, so that a worker thread never
 * writes to the records the preview shows; they take their new ids back on the calling thread.
 */
typedef struct
{
  LdStore      *store;
  LdImportKind  kind;
  gint64        station_id;
  GPtrArray    *records;   /* LdDeputy or LdUnit copies, in file order */
  GArray       *rows;      /* guint: where each copy's row is in the import's rows */
  GArray       *lines;     /* guint: the file's line of each copy, for messages */
} Batch;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_object (&batch->store);
  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_clear_pointer (&batch->rows, g_array_unref);
  g_clear_pointer (&batch->lines, g_array_unref);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

/* What a run would import, or NULL with @error set when it must not run. */
static Batch *
batch_new (LdRosterImport  *self,
           gint64           station_id,
           gboolean         only_valid,
           GError         **error)
{
  g_autoptr(Batch) batch = NULL;
  guint n_invalid;

  if (self->imported)
    {
      g_set_error_literal (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                           _("This file has already been imported."));
      return NULL;
    }

  n_invalid = self->rows->len - self->n_valid;
  if (n_invalid > 0 && !only_valid)
    {
      g_set_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                   /* Translators: %u is a number of rows */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has problems, so nothing was imported. Correct the file "
                                "or import only the valid rows.",
                                "%u rows have problems, so nothing was imported. Correct the "
                                "file or import only the valid rows.",
                                n_invalid),
                   n_invalid);
      return NULL;
    }

  batch = g_new0 (Batch, 1);
  batch->store = g_object_ref (self->store);
  batch->kind = self->kind;
  batch->station_id = station_id;
  batch->records = g_ptr_array_new_full (self->n_valid, g_object_unref);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_valid);
  batch->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_valid);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->errors != NULL)
        continue;

      if (self->kind == LD_IMPORT_DEPUTIES)
        {
          LdDeputy *copy = ld_deputy_copy (LD_DEPUTY (row->record));

          ld_deputy_set_station_id (copy, station_id);
          g_ptr_array_add (batch->records, copy);
        }
      else
        g_ptr_array_add (batch->records, ld_unit_copy (LD_UNIT (row->record)));

      g_array_append_val (batch->rows, i);
      g_array_append_val (batch->lines, row->line);
    }

  return g_steal_pointer (&batch);
}

/* Another window may have added the same person or unit between the check and the import. */
static gboolean
batch_is_in_store (Batch *batch,
                   guint  index)
{
  GObject *record = g_ptr_array_index (batch->records, index);

  if (batch->kind == LD_IMPORT_DEPUTIES)
    return ld_store_find_deputy (batch->store, ld_deputy_get_name (LD_DEPUTY (record)),
                                 ld_deputy_get_phone (LD_DEPUTY (record)), NULL) > 0;

  return ld_store_find_unit (batch->store, ld_unit_get_name (LD_UNIT (record)), NULL) > 0;
}

/* Writes @batch in one transaction through the store; safe in a worker thread. When the store
 * refuses a record, the error names the line of the file it came from. */
static gboolean
batch_write (Batch   *batch,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  guint failed = G_MAXUINT;
  guint line;
  gboolean ok;

  if (batch->kind == LD_IMPORT_DEPUTIES)
    ok = ld_store_insert_deputies (batch->store, batch->records, &failed, &local_error);
  else
    ok = ld_store_insert_units (batch->store, batch->records, &failed, &local_error);

  if (ok)
    return TRUE;

  if (failed >= batch->records->len)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  line = g_array_index (batch->lines, guint, failed);

  /* The row passed the record's own rules when the file was read; refused now as invalid, with
   * its name in the roster, it is a duplicate that came in between. */
  if (g_error_matches (local_error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID)
      && batch_is_in_store (batch, failed))
    {
      GObject *record = g_ptr_array_index (batch->records, failed);
      const char *name;

      name = batch->kind == LD_IMPORT_DEPUTIES ? ld_deputy_get_name (LD_DEPUTY (record))
                                               : ld_unit_get_name (LD_UNIT (record));
      g_set_error (error, LD_VALIDATION_ERROR, LD_VALIDATION_ERROR_INVALID,
                   /* Translators: %s is a name, %u a line number in the file */
                   _("“%s” on line %u was added after the file was checked. Nothing was "
                     "imported; open the file again to check it."),
                   name, line);
      return FALSE;
    }

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: %u is a line number in the file, %s the problem in plain words */
               _("Importing line %u failed: %s"), line, local_error->message);
  return FALSE;
}

/* After the commit, on the thread that owns the import: the imported rows take their ids. */
static void
batch_apply (LdRosterImport *self,
             Batch          *batch)
{
  self->imported = TRUE;

  for (guint i = 0; i < batch->records->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, g_array_index (batch->rows, guint, i));
      GObject *stored = g_ptr_array_index (batch->records, i);

      if (self->kind == LD_IMPORT_DEPUTIES)
        {
          LdDeputy *deputy = LD_DEPUTY (row->record);

          g_object_freeze_notify (G_OBJECT (deputy));
          ld_deputy_set_id (deputy, ld_deputy_get_id (LD_DEPUTY (stored)));
          ld_deputy_set_uuid (deputy, ld_deputy_get_uuid (LD_DEPUTY (stored)));
          ld_deputy_set_station_id (deputy, batch->station_id);
          g_object_thaw_notify (G_OBJECT (deputy));
        }
      else
        ld_unit_set_id (LD_UNIT (row->record), ld_unit_get_id (LD_UNIT (stored)));
    }
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;
  GError *error = NULL;

  /* Once the transaction has begun it runs to its end: cancelling can only stop it before. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (batch_write (batch, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the thread that started the run, after the store has emitted ::changed there. */
static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LdRosterImport *self = LD_ROSTER_IMPORT (source_object);
  g_autoptr(GTask) task = user_data;
  Batch *batch = g_task_get_task_data (task);
  GError *error = NULL;

  self->running = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  batch_apply (self, batch);
  g_task_return_int (task, batch->records->len);
}

/* ------------------------------------------------------------------ GObject */

static void
ld_roster_import_finalize (GObject *object)
{
  LdRosterImport *self = LD_ROSTER_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ld_roster_import_parent_class)->finalize (object);
}

static void
ld_roster_import_class_init (LdRosterImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ld_roster_import_finalize;
}

static void
ld_roster_import_init (LdRosterImport *self)
{
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

/* ------------------------------------------------------------------ public API */

LdRosterImport *
ld_roster_import_new_from_data (LdStore       *store,
                                LdImportKind   kind,
                                const char    *data,
                                gsize          length,
                                GError       **error)
{
  g_autoptr(LdRosterImport) self = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == LD_IMPORT_DEPUTIES || kind == LD_IMPORT_UNITS, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LD_TYPE_ROSTER_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;

  text = ld_csv_decode (data, length, &self->encoding, error);
  if (text == NULL)
    return NULL;

  table = ld_csv_parse_full (text, &lines, error);
  if (table == NULL)
    return NULL;

  if (!check_table (self, table, lines, error))
    return NULL;

  return g_steal_pointer (&self);
}

LdRosterImport *
ld_roster_import_new_from_file (LdStore       *store,
                                LdImportKind   kind,
                                GFile         *file,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading it all into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > LD_CSV_MAX_SIZE)
    {
      g_set_error (error, LD_CSV_ERROR, LD_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB, too large to import."),
                   (guint) (LD_CSV_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;

  return ld_roster_import_new_from_data (store, kind, data, length, error);
}

LdImportKind
ld_roster_import_get_kind (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), LD_IMPORT_DEPUTIES);

  return self->kind;
}

LdCsvEncoding
ld_roster_import_get_encoding (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), LD_CSV_ENCODING_UTF8);

  return self->encoding;
}

/**
 * ld_roster_import_get_mapping:
 *
 * Returns: (transfer none): header as written in the file (trimmed) → field, which is a
 *   property name of LdDeputy or LdUnit ("name", "level", "phone" …). Two headers may map to
 *   the same field (手机 and 电话): each row takes the first of them that has a value.
 */
GHashTable *
ld_roster_import_get_mapping (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), NULL);

  return self->mapping;
}

/**
 * ld_roster_import_get_ignored:
 *
 * Returns: (transfer none): the non-empty headers that map to nothing, in file order.
 */
GStrv
ld_roster_import_get_ignored (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), NULL);

  return self->ignored;
}

guint
ld_roster_import_get_n_rows (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), 0);

  return self->rows->len;
}

guint
ld_roster_import_get_n_valid (LdRosterImport *self)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), 0);

  return self->n_valid;
}

/**
 * ld_roster_import_get_record:
 *
 * Returns: (transfer none): the record of row @i with its values tidied as they will be stored
 *   (names without padding, phone numbers normalised). After a successful run, the imported
 *   records carry their new id (and deputies their station).
 */
GObject *
ld_roster_import_get_record (LdRosterImport *self,
                             guint           i)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  return ((Row *) g_ptr_array_index (self->rows, i))->record;
}

guint
ld_roster_import_get_line (LdRosterImport *self,
                           guint           i)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), 0);
  g_return_val_if_fail (i < self->rows->len, 0);

  return ((Row *) g_ptr_array_index (self->rows, i))->line;
}

/**
 * ld_roster_import_get_errors:
 *
 * Returns: (transfer none) (nullable): the problems of row @i, in the order of the fields.
 */
const char * const *
ld_roster_import_get_errors (LdRosterImport *self,
                             guint           i)
{
  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  return (const char * const *) ((Row *) g_ptr_array_index (self->rows, i))->errors;
}

gboolean
ld_roster_import_run (LdRosterImport  *self,
                      gint64           station_id,
                      gboolean         only_valid,
                      guint           *n_imported,
                      GError         **error)
{
  g_autoptr(Batch) batch = NULL;

  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (self->kind == LD_IMPORT_UNITS || station_id > 0, FALSE);
  g_return_val_if_fail (!self->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported)
    *n_imported = 0;

  batch = batch_new (self, station_id, only_valid, error);
  if (batch == NULL)
    return FALSE;

  /* Nothing to write: no transaction, and no ::changed for nothing. */
  if (batch->records->len == 0)
    return TRUE;

  if (!batch_write (batch, error))
    return FALSE;

  batch_apply (self, batch);
  if (n_imported)
    *n_imported = batch->records->len;
  return TRUE;
}

/**
 * ld_roster_import_run_async:
 *
 * As ld_roster_import_run(), with the write in a worker thread. The store emits ::changed on
 * its own thread before @callback runs, and the imported records carry their ids by then.
 * Cancelling stops the import only before its transaction begins (nothing is imported, and the
 * error is %G_IO_ERROR_CANCELLED); once begun, it runs to its end and the outcome is reported
 * as it is. Meanwhile other writes through the store wait for it.
 */
void
ld_roster_import_run_async (LdRosterImport      *self,
                            gint64               station_id,
                            gboolean             only_valid,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  Batch *batch;

  g_return_if_fail (LD_IS_ROSTER_IMPORT (self));
  g_return_if_fail (self->kind == LD_IMPORT_UNITS || station_id > 0);
  g_return_if_fail (!self->running);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_roster_import_run_async);
  /* Rows written are reported as written, even when cancelled meanwhile. */
  g_task_set_check_cancellable (task, FALSE);

  batch = batch_new (self, station_id, only_valid, &error);
  if (batch == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, batch, batch_free);

  if (batch->records->len == 0)
    {
      g_task_return_int (task, 0);
      return;
    }

  self->running = TRUE;
  worker = g_task_new (self, cancellable, write_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, ld_roster_import_run_async);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, batch, NULL);
  g_task_run_in_thread (worker, write_thread);
}

gboolean
ld_roster_import_run_finish (LdRosterImport  *self,
                             GAsyncResult    *result,
                             guint           *n_imported,
                             GError         **error)
{
  gssize n;

  g_return_val_if_fail (LD_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ld_roster_import_run_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n_imported)
    *n_imported = n > 0 ? (guint) n : 0;
  return n >= 0;
}

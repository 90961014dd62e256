/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-concern-generator"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ld-concern-generator.h"

#define BATCH_ROWS 50000
#define N_UNITS 200

typedef struct
{
  const char *seed_key;
  guint       weight;
} Weighted;

/* Channels, most by reception day. */
static const Weighted channels[] = {
  { "reception_day", 38 }, { "duty", 20 }, { "visit", 14 }, { "phone_call", 10 },
  { "letter", 6 }, { "online", 6 }, { "hotline_12345", 4 }, { "suggestion_box", 2 },
};

/* Categories, most urban construction and housing. */
static const Weighted categories[] = {
  { "urban_construction", 28 }, { "housing_property", 18 }, { "transport", 10 },
  { "social_security", 9 }, { "environment", 8 }, { "grassroots_governance", 7 },
  { "education", 6 }, { "health", 6 }, { "business_environment", 4 },
  { "rural_revitalisation", 2 }, { "other", 2 },
};

/* What residents raise, by category (same order as categories[]). */
static const char * const topics[][14] = {
  { "积水", "路灯不亮", "道路破损", "井盖缺失", "占道经营", "违章搭建", "绿化带被毁",
    "人行道不平", "下水道堵塞", "排水管网改造", "老旧小区改造", "雨污分流", "围挡施工", NULL },
  { "加装电梯", "物业费", "屋顶漏水", "外墙脱落", "电梯故障", "物业服务差", "维修基金",
    "楼道堆物", "停车位不足", "小区大门损坏", "业委会选举", "二次供水", "化粪池满溢", NULL },
  { "停车", "公交线路", "红绿灯时长", "交通拥堵", "共享单车乱停", "电动车充电", "斑马线",
    "学校门口接送拥堵", "公交站台", "断头路", "地铁出口", NULL },
  { "医保报销", "养老金", "低保申请", "残疾人补贴", "社保转移", "高龄津贴", "就业培训",
    "居家养老", "老年食堂", "临时救助", NULL },
  { "噪音", "垃圾分类", "油烟扰民", "河道污染", "垃圾清运", "异味", "工地扬尘", "古树保护",
    "夜间施工", "广场舞噪音", NULL },
  { "邻里纠纷", "群租房", "流浪犬", "高空抛物", "消防通道堵塞", "社区活动室", "楼栋长",
    "网格员", "电动车进楼", NULL },
  { "学位", "学区划分", "课后托管", "幼儿园收费", "校车", "食堂卫生", "入学报名", NULL },
  { "社区卫生服务中心", "看病排队", "家庭医生", "疫苗接种", "药品短缺", "体检", NULL },
  { "办证难", "营业执照", "拖欠工程款", "个体户减税", "门面租金", "市场管理", NULL },
  { "农村道路", "灌溉水渠", "土地流转", "自来水入户", "村级公路", NULL },
  { "政策咨询", "户籍迁移", "表扬信", "古井修缮", NULL },
};

static const char * const communities[] = {
  "幸福社区", "阳光花园", "和平里", "东湖新村", "梅苑小区", "南湖花园", "锦绣家园", "翠微路",
  "中山路", "解放街", "建设二村", "青山苑", "丽岛花园", "复兴小区", "滨江苑", "长春街",
  "民主路", "新华里", "桃园社区", "工人村", "杨园街", "金地城", "水果湖", "紫阳路",
  "徐东大街", "积玉桥", "首义园", "白沙洲", "武泰闸", "珞珈山",
};

static const char * const buildings[] = {
  "%u号楼", "%u栋", "A栋", "B栋", "%u单元", "C区", "%u号院", "%u号门面",
};

static const char * const complaints[] = {
  "问题长期得不到解决", "严重影响居民生活", "多次反映无人处理", "存在安全隐患", "给出行带来不便",
  "老人小孩出行很不安全", "居民意见很大", "已经持续了好几个月", "下雨天尤其严重",
  "晚上十点以后还很吵", "物业推说归社区管", "打过12345也没有结果", "周边商户也受到影响",
  "群众多次到社区询问", "费用分摊说不清楚",
};

static const char * const requests[] = {
  "希望尽快解决", "请有关部门尽快处理", "希望代表帮忙反映", "请求协调解决", "希望给个说法",
  "建议增设", "希望列入今年计划", "请相关单位上门查看", "希望加强管理", "建议召开协调会",
};

static const char * const openers[] = {
  "群众反映：", "居民来站反映，", "据居民讲，", "来电人称，", "来信反映：", "走访中居民提出，",
  "", "",
};

static const char * const times[] = {
  "最近两周", "今年以来", "去年夏天开始", "每逢下雨", "每天早晚高峰", "从上个月起", "近三年",
  "节假日期间",
};

static const char * const fillers[] = {
  "附近住的大多是老年人，", "小区建成已经三十多年，", "现有住户%u户，", "周边有两所学校，",
  "物业公司换了两次，", "社区网格员来看过，", "楼下是菜市场，", "已经联系过街道，",
  "有住户自己垫钱修过一次，", "门口只有%u个车位，",
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "魏",
  "欧阳", "司马",
};

static const char * const given[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "华", "建国", "建华", "志强", "玉兰",
  "文", "斌", "红", "国庆", "海燕", "晓东", "春梅", "德明", "婷", "宇", "浩", "欣怡",
};

static const char * const unit_kinds[] = {
  "区住建局", "区城管局", "区交通局", "区人社局", "区医保局", "区教育局", "区卫健委",
  "区生态环境分局", "区民政局", "区市场监管局", "区水务局", "区园林局", "区房管局",
  "区公安分局", "区消防救援大队", "区供电公司", "区自来水公司", "区燃气公司",
};

static const char * const deputy_levels[] = {
  "district", "district", "district", "municipal", "township", "provincial", "national",
};

typedef struct
{
  sqlite3 *h;
  GRand   *rand;
  gint64   channel_ids[G_N_ELEMENTS (channels)];
  gint64   category_ids[G_N_ELEMENTS (categories)];
} Generator;

static gboolean
exec (Generator   *gen,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (gen->h, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, gen->h, rc, "Could not generate");
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (Generator   *gen,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (gen->h, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    ld_database_set_error_from_sqlite (error, gen->h, rc, "Could not prepare");
  return stmt;
}

static gboolean
step_done (Generator     *gen,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ld_database_set_error_from_sqlite (error, gen->h, rc, "Could not insert");
      return FALSE;
    }
  return TRUE;
}

static guint
pick_weighted (GRand          *rand,
               const Weighted *items,
               guint           n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += items[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < items[i].weight)
        return i;
      r -= items[i].weight;
    }
  return n - 1;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *
pick_topic (GRand *rand,
            guint  category)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (topics[0]) && topics[category][n] != NULL)
    n++;
  /* The last two of each list are rarer than the rest. */
  if (n > 3 && g_rand_int_range (rand, 0, 100) >= 3)
    n -= 2;
  return topics[category][g_rand_int_range (rand, 0, n)];
}

static void
append_format (GString    *s,
               GRand      *rand,
               const char *format)
{
  const char *hole = strstr (format, "%u");

  if (hole == NULL)
    {
      g_string_append (s, format);
      return;
    }
  g_string_append_len (s, format, hole - format);
  g_string_append_printf (s, "%u", (guint) g_rand_int_range (rand, 1, 40));
  g_string_append (s, hole + 2);
}

static void
uuid_v4 (GRand *rand,
         char   out[37])
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);
  g_snprintf (out, 37, "%08x-%04x-4%03x-%c%03x-%04x%08x",
              w[0], w[1] >> 16, w[1] & 0xfff, "89ab"[w[2] >> 30], (w[2] >> 8) & 0xfff,
              w[2] & 0xff ? (w[2] & 0xffff) : 0x1234, w[3]);
}

static void
format_day (guint32 julian,
            char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static guint
utf8_len (const GString *s)
{
  return (guint) g_utf8_strlen (s->str, s->len);
}

static void
truncate_chars (GString *s,
                guint    max)
{
  if (utf8_len (s) > max)
    g_string_truncate (s, g_utf8_offset_to_pointer (s->str, max) - s->str);
}

static void
make_subject (GRand      *rand,
              const char *community,
              const char *topic,
              GString    *s)
{
  g_string_truncate (s, 0);
  g_string_append (s, community);
  append_format (s, rand, PICK (rand, buildings));
  g_string_append (s, topic);
  if (g_rand_boolean (rand))
    g_string_append (s, PICK (rand, complaints));
  else
    g_string_append (s, "问题");
  if (utf8_len (s) < 8)
    g_string_append (s, "，希望尽快解决");
  if (g_rand_int_range (rand, 0, 4) == 0 && utf8_len (s) < 22)
    {
      g_string_append (s, "，");
      g_string_append (s, PICK (rand, requests));
    }
  truncate_chars (s, 30);
}

static void
make_details (GRand      *rand,
              const char *community,
              const char *topic,
              GString    *s)
{
  guint target = g_rand_int_range (rand, 60, 160);

  /* A long tail of long letters. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    target = g_rand_int_range (rand, 160, 401);

  g_string_truncate (s, 0);
  g_string_append (s, PICK (rand, openers));
  g_string_append (s, community);
  append_format (s, rand, PICK (rand, buildings));
  g_string_append (s, PICK (rand, times));
  g_string_append (s, topic);
  g_string_append (s, "，");
  g_string_append (s, PICK (rand, complaints));
  g_string_append (s, "。");
  while (utf8_len (s) < target)
    {
      append_format (s, rand, PICK (rand, fillers));
      if (g_rand_boolean (rand))
        {
          g_string_append (s, pick_topic (rand, g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))));
          g_string_append (s, "的事情");
        }
      else
        g_string_append (s, topic);
      g_string_append (s, PICK (rand, complaints));
      g_string_append (s, "，");
      g_string_append (s, PICK (rand, requests));
      g_string_append (s, "。");
    }
  truncate_chars (s, 400);
}

static void
make_name (GRand   *rand,
           GString *s)
{
  g_string_truncate (s, 0);
  g_string_append (s, PICK (rand, surnames));
  g_string_append (s, PICK (rand, given));
}

/* A valid mainland mobile number, unique for each resident. */
static void
make_phone (guint32 resident,
            char    out[12])
{
  static const char * const prefixes[] = {
    "138", "139", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188", "177",
    "180", "189", "199", "135", "133", "173", "182",
  };
  guint32 digits = (guint32) (((guint64) resident * 48271u + 12345u) % 100000000u);

  g_snprintf (out, 12, "%s%08u", prefixes[resident % G_N_ELEMENTS (prefixes)], digits);
}

static gboolean
lookup_seeds (Generator  *gen,
              const char *table,
              const Weighted *items,
              guint       n,
              gint64     *ids,
              GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE seed_key = ? ORDER BY id LIMIT 1",
                                          table);
  sqlite3_stmt *stmt = prepare (gen, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_text (stmt, 1, items[i].seed_key, -1, SQLITE_STATIC);
      ids[i] = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (ids[i] == 0)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No seeded %s %s", table,
                       items[i].seed_key);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gint64
scalar (Generator  *gen,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (gen->h, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Busy units get most referrals. */
static guint
skewed_index (GRand *rand,
              guint  n)
{
  double u = g_rand_double (rand);

  return MIN ((guint) (n * u * u), n - 1);
}

/* The workflow state of a concern received @age days before the end, with its dates. */
typedef struct
{
  const char *state;
  gboolean    referred;
  gboolean    concluded;
  gboolean    feedback;
  gboolean    answered;
  gboolean    redirected;
} Course;

static Course
pick_course (GRand *rand,
             guint  age)
{
  guint r = g_rand_int_range (rand, 0, 1000);
  /* Open states fade out over the first year. */
  guint open = age < 30 ? 800 : age < 90 ? 600 : age < 180 ? 250 : age < 365 ? 60 : 8;
  Course c = { 0 };

  if (r < open)
    {
      guint o = g_rand_int_range (rand, 0, 100);

      if (o < 35)
        c.state = "registered";
      else if (o < 70)
        c.state = "referred", c.referred = TRUE;
      else if (o < 95)
        c.state = "in_progress", c.referred = TRUE;
      else
        c.state = "concluded", c.referred = TRUE, c.concluded = TRUE;
      return c;
    }

  r = g_rand_int_range (rand, 0, 100);
  if (r < 52)
    c.state = "closed", c.referred = TRUE, c.concluded = TRUE, c.feedback = TRUE;
  else if (r < 72)
    c.state = "feedback_given", c.referred = TRUE, c.concluded = TRUE, c.feedback = TRUE;
  else if (r < 84)
    c.state = "closed", c.answered = TRUE;
  else if (r < 90)
    c.state = "answered", c.answered = TRUE;
  else if (r < 94)
    c.state = "redirected", c.redirected = TRUE;
  else if (r < 97)
    c.state = "converted";
  else
    c.state = "closed", c.redirected = TRUE;
  return c;
}

static const char *redirect_reasons[] = {
  "litigation", "administrative_review", "arbitration", "petition", "private_dispute", "other",
};

static const char *satisfactions[] = {
  "satisfied", "satisfied", "satisfied", "basically_satisfied", "basically_satisfied",
  "dissatisfied",
};

static const char *outcomes[] = {
  "已现场答复政策依据，居民表示理解。", "已协调物业于一周内整改完毕。", "承办单位已安排维修，问题已解决。",
  "已列入明年改造计划，并向居民解释。", "已联系社区上门了解情况并调解。",
};

gboolean
ld_concern_generator_fill (LdDatabase  *db,
                           guint        n_concerns,
                           guint        n_deputies,
                           guint32      seed,
                           GError     **error)
{
  Generator gen = { ld_database_get_handle (db), g_rand_new_with_seed (seed) };
  g_autoptr(GString) subject = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) counters = g_hash_table_new (NULL, NULL);   /* year → last seq */
  sqlite3_stmt *insert_resident = NULL, *insert_concern = NULL, *insert_link = NULL;
  sqlite3_stmt *insert_timeline = NULL, *insert_counter = NULL;
  GDate first, end;
  guint32 first_day, end_day, span;
  guint32 n_residents = 0, max_residents = MAX (1, n_concerns * 3 / 5);
  gint64 station_id, first_resident = 0;
  gboolean ok = FALSE, in_transaction = FALSE;
  guint rows = 0;
  char uuid[37], day[11], referred[11], due[11], concluded[11], feedback[11], at[21], phone[12];

  g_date_clear (&first, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 1, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&first, 1, G_DATE_DECEMBER, 2021);
  first_day = g_date_get_julian (&first);
  end_day = g_date_get_julian (&end);
  span = end_day - first_day;

  if (!ld_database_begin_immediate (db, error))
    goto out;
  in_transaction = TRUE;

  station_id = scalar (&gen, "SELECT min(id) FROM stations");
  if (station_id == 0)
    {
      if (!exec (&gen, "INSERT INTO stations (name, kind, district, subdistrict) "
                       "VALUES ('积玉桥街人大代表联络站', 'station', '武昌区', '积玉桥街道')", error))
        goto out;
      station_id = sqlite3_last_insert_rowid (gen.h);
    }
  if (!lookup_seeds (&gen, "channels", channels, G_N_ELEMENTS (channels), gen.channel_ids, error)
      || !lookup_seeds (&gen, "concern_categories", categories, G_N_ELEMENTS (categories),
                        gen.category_ids, error))
    goto out;

  {
    sqlite3_stmt *stmt = prepare (&gen, "INSERT INTO deputies (station_id, name, level, phone, "
                                        "occupation) VALUES (?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      goto out;
    for (guint i = 0; i < n_deputies; i++)
      {
        gint64 id;

        make_name (gen.rand, name);
        make_phone (4000000000u - i, phone);
        sqlite3_bind_int64 (stmt, 1, station_id);
        sqlite3_bind_text (stmt, 2, name->str, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 3, PICK (gen.rand, deputy_levels), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, phone, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 5, i % 3 ? "社区党委书记" : "企业负责人", -1, SQLITE_STATIC);
        if (!step_done (&gen, stmt, error))
          {
            sqlite3_finalize (stmt);
            goto out;
          }
        id = sqlite3_last_insert_rowid (gen.h);
        g_array_append_val (deputies, id);
      }
    sqlite3_finalize (stmt);

    stmt = prepare (&gen, "INSERT INTO units (name, kind, contact) VALUES (?, ?, ?)", error);
    if (stmt == NULL)
      goto out;
    for (guint i = 0; i < N_UNITS; i++)
      {
        gint64 id;
        const char *kind;

        if (i < G_N_ELEMENTS (unit_kinds))
          g_string_assign (text, unit_kinds[i]), kind = "department";
        else if (i < G_N_ELEMENTS (unit_kinds) + 20)
          g_string_printf (text, "%s街道办事处%u", communities[i % G_N_ELEMENTS (communities)], i),
          kind = "subdistrict";
        else
          g_string_printf (text, "%s社区居委会%u", communities[i % G_N_ELEMENTS (communities)], i),
          kind = "community";
        make_name (gen.rand, name);
        sqlite3_bind_text (stmt, 1, text->str, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, name->str, -1, SQLITE_TRANSIENT);
        if (!step_done (&gen, stmt, error))
          {
            sqlite3_finalize (stmt);
            goto out;
          }
        id = sqlite3_last_insert_rowid (gen.h);
        g_array_append_val (units, id);
      }
    sqlite3_finalize (stmt);
  }

  insert_resident = prepare (&gen, "INSERT INTO residents (uuid, station_id, name, phone, address, "
                                   "community, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?7)",
                             error);
  insert_concern = prepare (&gen,
    "INSERT INTO concerns (uuid, station_id, ref_year, ref_seq, received_at, channel_id, "
    "  resident_id, confidential, category_id, place_kind, place, subject, details, urgency, state, "
    "  redirect_reason, outcome, unit_id, referred_date, due_date, concluded_date, feedback_date, "
    "  satisfaction, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "  ?19, ?20, ?21, ?22, ?23, ?5, ?5)", error);
  insert_link = prepare (&gen, "INSERT OR IGNORE INTO concern_deputies (concern_id, deputy_id) "
                               "VALUES (?, ?)", error);
  insert_timeline = prepare (&gen, "INSERT INTO timeline (uuid, concern_id, at, operator, action, "
                                   "to_state) VALUES (?, ?, ?, ?, 'create', 'registered')", error);
  if (insert_resident == NULL || insert_concern == NULL || insert_link == NULL
      || insert_timeline == NULL)
    goto out;

  for (guint i = 0; i < n_concerns; i++)
    {
      guint32 julian = first_day + (guint32) ((guint64) i * span / MAX (n_concerns, 1));
      guint age = end_day - julian;
      guint ch = pick_weighted (gen.rand, channels, G_N_ELEMENTS (channels));
      guint cat = pick_weighted (gen.rand, categories, G_N_ELEMENTS (categories));
      const char *topic = pick_topic (gen.rand, cat);
      const char *community = PICK (gen.rand, communities);
      guint seconds = g_rand_int_range (gen.rand, 30 * 60, 9 * 3600 + 30 * 60); /* 08:30–17:30 +8 */
      gboolean anonymous = (g_str_equal (channels[ch].seed_key, "letter")
                            || g_str_equal (channels[ch].seed_key, "suggestion_box"))
                           && g_rand_int_range (gen.rand, 0, 4) == 0;
      Course course = pick_course (gen.rand, age);
      gint64 resident_id = 0, concern_id;
      guint year, seq;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      year = g_date_get_year (&date);
      format_day (julian, day);
      g_snprintf (at, sizeof at, "%sT%02u:%02u:%02uZ", day, seconds / 3600, seconds / 60 % 60,
                  seconds % 60);
      seq = GPOINTER_TO_UINT (g_hash_table_lookup (counters, GUINT_TO_POINTER (year))) + 1;
      g_hash_table_insert (counters, GUINT_TO_POINTER (year), GUINT_TO_POINTER (seq));

      /* A new resident, or one who came before: the earliest visitors come back most. */
      if (!anonymous)
        {
          gboolean fresh = n_residents == 0
                           || (n_residents < max_residents
                               && g_rand_int_range (gen.rand, 0, 100) < 60);

          if (fresh)
            {
              n_residents++;
              uuid_v4 (gen.rand, uuid);
              make_name (gen.rand, name);
              make_phone (n_residents, phone);
              g_string_printf (text, "%s%u号", community, (guint) g_rand_int_range (gen.rand, 1, 300));
              sqlite3_bind_text (insert_resident, 1, uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (insert_resident, 2, station_id);
              sqlite3_bind_text (insert_resident, 3, name->str, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (insert_resident, 4, phone, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (insert_resident, 5, text->str, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (insert_resident, 6, community, -1, SQLITE_STATIC);
              sqlite3_bind_text (insert_resident, 7, at, -1, SQLITE_TRANSIENT);
              if (!step_done (&gen, insert_resident, error))
                goto out;
              resident_id = sqlite3_last_insert_rowid (gen.h);
              if (first_resident == 0)
                first_resident = resident_id;
              rows++;
            }
          else
            {
              double u = g_rand_double (gen.rand);

              resident_id = first_resident + (gint64) (n_residents * u * u * u);
              resident_id = MIN (resident_id, first_resident + n_residents - 1);
            }
        }

      make_subject (gen.rand, community, topic, subject);
      make_details (gen.rand, community, topic, details);

      uuid_v4 (gen.rand, uuid);
      sqlite3_bind_text (insert_concern, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert_concern, 2, station_id);
      sqlite3_bind_int (insert_concern, 3, year);
      sqlite3_bind_int (insert_concern, 4, seq);
      sqlite3_bind_text (insert_concern, 5, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert_concern, 6, gen.channel_ids[ch]);
      if (resident_id)
        sqlite3_bind_int64 (insert_concern, 7, resident_id);
      sqlite3_bind_int (insert_concern, 8, g_rand_int_range (gen.rand, 0, 100) < 5);
      sqlite3_bind_int64 (insert_concern, 9, gen.category_ids[cat]);
      if (g_rand_int_range (gen.rand, 0, 3) == 0)
        {
          g_string_printf (text, "%s%u号楼", community, (guint) g_rand_int_range (gen.rand, 1, 40));
          sqlite3_bind_text (insert_concern, 10, "community", -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_concern, 11, text->str, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_text (insert_concern, 12, subject->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_concern, 13, details->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_concern, 14, g_rand_int_range (gen.rand, 0, 100) < 3 ? "urgent" : "normal",
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_concern, 15, course.state, -1, SQLITE_STATIC);
      if (course.redirected)
        sqlite3_bind_text (insert_concern, 16, PICK (gen.rand, redirect_reasons), -1, SQLITE_STATIC);
      if (course.answered || course.concluded)
        sqlite3_bind_text (insert_concern, 17, PICK (gen.rand, outcomes), -1, SQLITE_STATIC);
      if (course.referred)
        {
          guint32 r = julian + g_rand_int_range (gen.rand, 0, 4);
          guint32 d = r + 21;
          gboolean open = !course.concluded;

          /* Open referrals are mostly still within their time limit; a few percent are late. */
          r = MIN (r, end_day);
          d = r + 21;
          if (open && d < end_day && g_rand_int_range (gen.rand, 0, 100) >= 12)
            d = end_day + g_rand_int_range (gen.rand, 0, 21);
          format_day (r, referred);
          format_day (d, due);
          sqlite3_bind_int64 (insert_concern, 18,
                              g_array_index (units, gint64, skewed_index (gen.rand, units->len)));
          sqlite3_bind_text (insert_concern, 19, referred, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert_concern, 20, due, -1, SQLITE_TRANSIENT);
          if (course.concluded)
            {
              guint32 c = r + g_rand_int_range (gen.rand, 3, 30);
              guint32 f;

              c = MIN (c, end_day);
              f = c + g_rand_int_range (gen.rand, 0, 8);
              f = MIN (f, end_day);

              format_day (c, concluded);
              sqlite3_bind_text (insert_concern, 21, concluded, -1, SQLITE_TRANSIENT);
              if (course.feedback)
                {
                  format_day (f, feedback);
                  sqlite3_bind_text (insert_concern, 22, feedback, -1, SQLITE_TRANSIENT);
                  if (g_rand_int_range (gen.rand, 0, 10) < 8)
                    sqlite3_bind_text (insert_concern, 23, PICK (gen.rand, satisfactions), -1,
                                       SQLITE_STATIC);
                }
            }
        }
      if (!step_done (&gen, insert_concern, error))
        goto out;
      concern_id = sqlite3_last_insert_rowid (gen.h);

      if (deputies->len > 0)
        {
          guint n = g_rand_int_range (gen.rand, 0, 10) < 7 ? 1 : 2;

          for (guint k = 0; k < n; k++)
            {
              sqlite3_bind_int64 (insert_link, 1, concern_id);
              sqlite3_bind_int64 (insert_link, 2, g_array_index (deputies, gint64,
                                                    g_rand_int_range (gen.rand, 0, deputies->len)));
              if (!step_done (&gen, insert_link, error))
                goto out;
            }
        }

      uuid_v4 (gen.rand, uuid);
      sqlite3_bind_text (insert_timeline, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert_timeline, 2, concern_id);
      sqlite3_bind_text (insert_timeline, 3, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_timeline, 4, "前台", -1, SQLITE_STATIC);
      if (!step_done (&gen, insert_timeline, error))
        goto out;
      rows += 3;

      if (rows >= BATCH_ROWS)
        {
          /* The index is rebuilt once at the end instead of replaying this journal. */
          if (!exec (&gen, "DELETE FROM concerns_fts_pending", error)
              || !ld_database_commit (db, error))
            goto out;
          in_transaction = FALSE;
          if (!ld_database_begin_immediate (db, error))
            goto out;
          in_transaction = TRUE;
          rows = 0;
        }
      if ((i + 1) % 100000 == 0)
        g_print ("  %u of %u concerns written\n", i + 1, n_concerns);
    }
  g_print ("  rebuilding the search index...\n");

  insert_counter = prepare (&gen,
    "INSERT INTO reference_counters (station_id, kind, year, last_seq) VALUES (?1, 'concern', ?2, ?3) "
    "ON CONFLICT (station_id, kind, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
    error);
  if (insert_counter == NULL)
    goto out;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, counters);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        sqlite3_bind_int64 (insert_counter, 1, station_id);
        sqlite3_bind_int (insert_counter, 2, GPOINTER_TO_UINT (key));
        sqlite3_bind_int (insert_counter, 3, GPOINTER_TO_UINT (value));
        if (!step_done (&gen, insert_counter, error))
          goto out;
      }
  }

  if (!exec (&gen, "DELETE FROM concerns_fts_pending;"
                   "INSERT INTO concerns_fts (concerns_fts) VALUES ('rebuild');", error)
      || !ld_database_commit (db, error))
    goto out;
  in_transaction = FALSE;
  ok = TRUE;

out:
  if (in_transaction)
    ld_database_rollback (db);
  sqlite3_finalize (insert_resident);
  sqlite3_finalize (insert_concern);
  sqlite3_finalize (insert_link);
  sqlite3_finalize (insert_timeline);
  sqlite3_finalize (insert_counter);
  g_rand_free (gen.rand);
  return ok;
}

char *
ld_concern_generator_cached (const char *dir,
                             guint       n_concerns)
{
  g_autofree char *name = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  char *path;
  gint64 start;

  if (g_getenv ("LD_BENCH_CONCERNS_DB") != NULL)
    return g_strdup (g_getenv ("LD_BENCH_CONCERNS_DB"));

  name = g_strdup_printf ("bench-concerns-%u-%u-%ud-v%d.db", LD_BENCH_SEED, n_concerns,
                          LD_BENCH_DEPUTIES, ld_database_latest_version ());
  path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("reusing the cached database %s\n", path);
      return path;
    }

  tmp = g_strconcat (path, ".tmp", NULL);
  start = g_get_monotonic_time ();
  printf ("generating %s (seed %u, %u concerns, %u deputies); later runs reuse it\n", path,
          LD_BENCH_SEED, n_concerns, LD_BENCH_DEPUTIES);
  g_unlink (tmp);
  db = ld_database_open (tmp, &error);
  if (db == NULL
      || !ld_concern_generator_fill (db, n_concerns, LD_BENCH_DEPUTIES, LD_BENCH_SEED, &error))
    g_error ("%s", error->message);
  ld_database_close (db);
  if (g_rename (tmp, path) != 0)
    g_error ("could not rename %s: %s", tmp, g_strerror (errno));
  printf ("generated in %.0f s\n", (g_get_monotonic_time () - start) / 1e6);
  return path;
}

/*
 * 100,000 suggestions over the five years before 2026-12-01 (the benchmarks' today), in one transaction: by i mod 10,
 * assigned (3), re-handling (1), answered (3), evaluated (2) or closed (1); due three months
 * after assignment, so that the recent ones are due soon or overdue; a lead deputy each, a
 * co-signer for every third, a lead unit each.
 */
static const char suggestions_sql[] =
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000), "
  "d AS (SELECT min(id) AS first, count(*) AS n FROM deputies), "
  "u AS (SELECT min(id) AS first, count(*) AS n FROM units), "
  "rows AS (SELECT i, "
  "  CASE i % 10 WHEN 0 THEN 'assigned' WHEN 1 THEN 'assigned' WHEN 2 THEN 'assigned' "
  "  WHEN 3 THEN 'rehandling' WHEN 4 THEN 'answered' WHEN 5 THEN 'answered' "
  "  WHEN 6 THEN 'answered' WHEN 7 THEN 'evaluated' WHEN 8 THEN 'evaluated' "
  "  ELSE 'closed' END AS state, "
  "  date('2026-12-01', '-' || ((i * 7919) % 1825) || ' days') AS assigned "
  "  FROM n) "
  "INSERT INTO suggestions (id, station_id, number, title, content, state, submitted_date, "
  "  assigned_date, initial_due_date, due_date, answer_date, answer_class_id, evaluation, "
  "  created_at) "
  "SELECT i, (SELECT min(id) FROM stations), printf('第%04d号', i), "
  "  '关于改善社区设施的建议' || i, '代表建议内容', state, assigned, assigned, "
  "  date(assigned, '+3 months'), date(assigned, '+3 months'), "
  "  CASE WHEN state IN ('assigned') THEN NULL "
  "  ELSE date(assigned, '+' || (i % 100) || ' days') END, "
  "  CASE WHEN state IN ('assigned') THEN NULL "
  "  ELSE (SELECT id FROM answer_classes WHERE seed_key = char(65 + i % 4)) END, "
  "  CASE WHEN state IN ('evaluated', 'closed') "
  "  THEN CASE i % 3 WHEN 0 THEN 'satisfied' WHEN 1 THEN 'basically_satisfied' "
  "  ELSE 'dissatisfied' END END, "
  "  strftime('%Y-%m-%dT%H:%M:%SZ', assigned, '-3 days') "
  "  FROM rows;"
  "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) "
  "  SELECT s.id, d.first + s.id % d.n, 'lead' FROM suggestions AS s, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d;"
  "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) "
  "  SELECT s.id, d.first + (s.id + 1) % d.n, 'co_signer' FROM suggestions AS s, "
  "  (SELECT min(id) AS first, count(*) AS n FROM deputies) AS d WHERE s.id % 3 = 0;"
  "INSERT INTO suggestion_units (suggestion_id, unit_id, role) "
  "  SELECT s.id, u.first + s.id % u.n, 'lead' FROM suggestions AS s, "
  "  (SELECT min(id) AS first, count(*) AS n FROM units) AS u;";

char *
ld_concern_generator_cached_with_suggestions (const char *dir,
                                              guint       n_concerns)
{
  g_autofree char *concerns_path = ld_concern_generator_cached (dir, n_concerns);
  g_autofree char *base = g_strndup (concerns_path, strlen (concerns_path) - strlen (".db"));
  char *path = g_strdup_printf ("%s-s100000.db", base);
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("reusing the cached database %s\n", path);
      return path;
    }

  tmp = g_strconcat (path, ".tmp", NULL);
  start = g_get_monotonic_time ();
  printf ("copying %s and adding 100000 suggestions into %s; later runs reuse it\n",
          concerns_path, path);
  g_unlink (tmp);
  from = g_file_new_for_path (concerns_path);
  to = g_file_new_for_path (tmp);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  db = ld_database_open (tmp, &error);
  if (db == NULL
      || !ld_database_begin_immediate (db, &error)
      || !ld_database_exec (db, suggestions_sql, &error)
      || !ld_database_commit (db, &error))
    g_error ("%s", error->message);
  ld_database_exec (db, "ANALYZE", NULL);
  ld_database_close (db);
  if (g_rename (tmp, path) != 0)
    g_error ("could not rename %s: %s", tmp, g_strerror (errno));
  printf ("prepared in %.0f s\n", (g_get_monotonic_time () - start) / 1e6);
  return path;
}

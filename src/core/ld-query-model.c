/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-query-model"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-query-model.h"

/*
 * The rows are cached a page at a time (pages aligned on multiples of the page size), at most
 * MAX_PAGES pages, the least recently used going first. A page may have holes: a row that was
 * invalidated, or one that a reload could not carry over, is fetched again with the other holes
 * of its page when a view next asks for it.
 *
 * A reload keeps the objects of the rows that are still listed, refreshing their properties in
 * place, so a view that shows them keeps its widgets; it announces the one range between the
 * unchanged head and tail of the list, plus each kept row outside it whose values changed.
 */

#define DEFAULT_PAGE_SIZE 100
#define MAX_PAGES         4
/* A reload that changes more rows than this (a new sort or filter over a large list) drops the
 * cache instead of carrying rows over: finding where the cached rows went would cost a hash
 * lookup per row of the new list, and views rebind every visible row after such a change
 * anyway. */
#define MAX_CARRIED_CHANGE 10000

typedef struct
{
  guint      index;   /* page number: rows index * page_size … */
  GPtrArray *items;   /* one slot per row of the page, NULL where not loaded */
} Page;

struct _LdQueryModel
{
  GObject          parent_instance;

  /* Owned */
  GArray          *ids;
  GQueue           pages;           /* Page *, most recently used first */
  gpointer         user_data;
  GDestroyNotify   user_data_free;

  GType            item_type;
  LdQueryIdsFunc   ids_func;
  LdQueryLoadFunc  load_func;
  LdQueryIdOfFunc  id_of_func;
  guint            page_size;
};

static void ld_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdQueryModel, ld_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ld_query_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ pages */

static void
unref_slot (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static Page *
page_new (guint index,
          guint n_slots)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->items = g_ptr_array_new_full (n_slots, unref_slot);
  g_ptr_array_set_size (page->items, n_slots);
  return page;
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static gint64
id_at (LdQueryModel *self,
       guint         position)
{
  return g_array_index (self->ids, gint64, position);
}

static guint
page_n_slots (LdQueryModel *self,
              guint         index)
{
  guint start = index * self->page_size;

  return MIN (self->page_size, self->ids->len - start);
}

/* The cached page @index, moved to the front, or NULL. */
static Page *
lookup_page (LdQueryModel *self,
             guint         index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }
  return NULL;
}

static void
evict_pages (LdQueryModel *self)
{
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
}

static void
clear_pages (LdQueryModel *self)
{
  Page *page;

  while ((page = g_queue_pop_head (&self->pages)) != NULL)
    page_free (page);
}

/* An empty row standing in for one that could not be loaded, so a view never gets NULL for a
 * position below n_items. */
static gpointer
make_placeholder (LdQueryModel *self,
                  gint64        id)
{
  GObject *item;

  if (!G_TYPE_IS_INSTANTIATABLE (self->item_type) || G_TYPE_IS_ABSTRACT (self->item_type))
    return g_object_new (G_TYPE_OBJECT, NULL);

  item = g_object_new (self->item_type, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id") != NULL)
    g_object_set (item, "id", id, NULL);
  return item;
}

/* Loads every hole of @page with one call of the load function. */
static void
fill_page (LdQueryModel *self,
           Page         *page)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) error = NULL;
  guint start = page->index * self->page_size;

  for (guint i = 0; i < page->items->len; i++)
    if (g_ptr_array_index (page->items, i) == NULL)
      {
        gint64 id = id_at (self, start + i);

        g_array_append_val (wanted, id);
      }
  if (wanted->len == 0)
    return;

  rows = self->load_func (self->user_data, (const gint64 *) (gpointer) wanted->data, wanted->len,
                          &error);
  if (rows == NULL)
    {
      /* The holes stay, so the rows are tried again the next time they are shown. */
      g_warning ("Could not load rows: %s", error ? error->message : "no reason given");
      return;
    }

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);
      gint64 *key = g_new (gint64, 1);

      *key = self->id_of_func (row);
      g_hash_table_insert (by_id, key, row);
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      gint64 id;
      gpointer row;

      if (g_ptr_array_index (page->items, i) != NULL)
        continue;

      id = id_at (self, start + i);
      row = g_hash_table_lookup (by_id, &id);
      /* A row deleted since the ids were read: a placeholder until the next reload. */
      page->items->pdata[i] = row != NULL ? g_object_ref (row) : make_placeholder (self, id);
    }
}

/* Copies the readable and writable properties of @fresh onto @item; TRUE when one differed.
 * @pspecs: the properties of the item type, listed once per reload. */
static gboolean
refresh_item (GObject     *item,
              GObject     *fresh,
              GParamSpec **pspecs,
              guint        n_pspecs)
{
  gboolean changed = FALSE;

  if (G_OBJECT_TYPE (item) != G_OBJECT_TYPE (fresh))
    return FALSE;

  g_object_freeze_notify (item);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue old_value = G_VALUE_INIT;
      GValue new_value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE
          || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (item, pspec->name, &old_value);
      g_object_get_property (fresh, pspec->name, &new_value);
      if (g_param_values_cmp (pspec, &old_value, &new_value) != 0)
        {
          g_object_set_property (item, pspec->name, &new_value);
          changed = TRUE;
        }
      g_value_unset (&old_value);
      g_value_unset (&new_value);
    }
  g_object_thaw_notify (item);

  return changed;
}

/* ------------------------------------------------------------------ GListModel */

static GType
ld_query_model_get_item_type (GListModel *model)
{
  return LD_QUERY_MODEL (model)->item_type;
}

static guint
ld_query_model_get_n_items (GListModel *model)
{
  return LD_QUERY_MODEL (model)->ids->len;
}

static gpointer
ld_query_model_get_item (GListModel *model,
                         guint       position)
{
  LdQueryModel *self = LD_QUERY_MODEL (model);
  guint index;
  Page *page;
  gpointer item;

  if (position >= self->ids->len)
    return NULL;

  index = position / self->page_size;
  page = lookup_page (self, index);
  if (page == NULL)
    {
      page = page_new (index, page_n_slots (self, index));
      g_queue_push_head (&self->pages, page);
      evict_pages (self);
    }

  item = g_ptr_array_index (page->items, position - index * self->page_size);
  if (item == NULL)
    {
      fill_page (self, page);
      item = g_ptr_array_index (page->items, position - index * self->page_size);
    }

  if (item == NULL)
    return make_placeholder (self, id_at (self, position));
  return g_object_ref (item);
}

static void
ld_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ld_query_model_get_item_type;
  iface->get_n_items = ld_query_model_get_n_items;
  iface->get_item = ld_query_model_get_item;
}

/* ------------------------------------------------------------------ overrides */

static void
ld_query_model_finalize (GObject *object)
{
  LdQueryModel *self = LD_QUERY_MODEL (object);

  clear_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  if (self->user_data_free != NULL)
    g_clear_pointer (&self->user_data, self->user_data_free);

  G_OBJECT_CLASS (ld_query_model_parent_class)->finalize (object);
}

static void
ld_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LdQueryModel *self = LD_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_query_model_class_init (LdQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ld_query_model_finalize;
  object_class->get_property = ld_query_model_get_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ld_query_model_init (LdQueryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->page_size = DEFAULT_PAGE_SIZE;
  self->item_type = G_TYPE_OBJECT;
  g_queue_init (&self->pages);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_query_model_new:
 *
 * Runs the ids query at once. Should it fail, the model starts empty (with a warning in the
 * log) and ld_query_model_reload() reports the error.
 */
LdQueryModel *
ld_query_model_new (GType            item_type,
                    LdQueryIdsFunc   ids_func,
                    LdQueryLoadFunc  load_func,
                    LdQueryIdOfFunc  id_of_func,
                    gpointer         user_data,
                    GDestroyNotify   user_data_free)
{
  LdQueryModel *self;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (ids_func != NULL, NULL);
  g_return_val_if_fail (load_func != NULL, NULL);
  g_return_val_if_fail (id_of_func != NULL, NULL);

  self = g_object_new (LD_TYPE_QUERY_MODEL, NULL);
  self->item_type = item_type;
  self->ids_func = ids_func;
  self->load_func = load_func;
  self->id_of_func = id_of_func;
  self->user_data = user_data;
  self->user_data_free = user_data_free;

  ids = ids_func (user_data, &error);
  if (ids != NULL)
    {
      g_array_unref (self->ids);
      self->ids = ids;
    }
  else
    g_warning ("Could not list the rows: %s", error ? error->message : "no reason given");

  return self;
}

gboolean
ld_query_model_reload (LdQueryModel  *self,
                       GError       **error)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GHashTable) kept = NULL;       /* id → (GObject *) of the cached rows */
  g_autoptr(GHashTable) rank_of = NULL;    /* id → recency rank of its old page */
  g_autoptr(GArray) refreshed = NULL;      /* positions of kept rows whose values changed */
  g_autoptr(GArray) outside = NULL;        /* (new position, rank) of kept rows outside the
                                            * changed run */
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  GArray *new_ids;
  guint old_len;
  guint new_len;
  guint prefix = 0;
  guint suffix = 0;
  guint rank = 0;

  g_return_val_if_fail (LD_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  new_ids = self->ids_func (self->user_data, error);
  if (new_ids == NULL)
    return FALSE;

  old_len = self->ids->len;
  new_len = new_ids->len;

  while (prefix < old_len && prefix < new_len
         && g_array_index (self->ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && g_array_index (self->ids, gint64, old_len - 1 - suffix)
            == g_array_index (new_ids, gint64, new_len - 1 - suffix))
    suffix++;

  /* The rows cached now, with the recency of their pages. */
  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  rank_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (old_len - prefix - suffix > MAX_CARRIED_CHANGE || new_len - prefix - suffix > MAX_CARRIED_CHANGE)
    clear_pages (self);
  outside = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  for (GList *l = self->pages.head; l != NULL; l = l->next, rank++)
    {
      Page *page = l->data;

      for (guint i = 0; i < page->items->len; i++)
        {
          GObject *item = g_ptr_array_index (page->items, i);
          guint old_position = page->index * self->page_size + i;
          gint64 *key;

          if (item == NULL)
            continue;
          /* Rows before and after the changed run keep their place (shifted after it). */
          if (old_position < prefix || old_position >= old_len - suffix)
            {
              guint entry[2] = { old_position < prefix ? old_position
                                                       : old_position - old_len + new_len,
                                 rank };
              g_array_append_vals (outside, entry, 1);
            }
          key = g_new (gint64, 1);
          *key = self->id_of_func (item);
          g_hash_table_insert (rank_of, g_memdup2 (key, sizeof *key), GUINT_TO_POINTER (rank));
          g_hash_table_insert (kept, key, g_object_ref (item));
        }
    }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = new_ids;
  clear_pages (self);

  /* Put the kept rows where their ids are now, on at most MAX_PAGES pages, the most recently
   * used first. */
  if (g_hash_table_size (kept) > 0)
    {
      g_autofree guint *page_rank = NULL;
      guint n_pages = (new_len + self->page_size - 1) / self->page_size;

      page_rank = g_new (guint, MAX (n_pages, 1));
      for (guint i = 0; i < n_pages; i++)
        page_rank[i] = G_MAXUINT;

      /* Only the changed run is searched: a hash look-up per row of a million-row list
       * would cost more than the query. */
      for (guint p = prefix; p < new_len - suffix; p++)
        {
          gpointer value;

          if (g_hash_table_lookup_extended (rank_of, &g_array_index (new_ids, gint64, p), NULL,
                                            &value))
            page_rank[p / self->page_size] = MIN (page_rank[p / self->page_size],
                                                  GPOINTER_TO_UINT (value));
        }
      for (guint k = 0; k < outside->len; k++)
        {
          const guint *entry = &((const guint *) (gpointer) outside->data)[2 * k];

          page_rank[entry[0] / self->page_size] = MIN (page_rank[entry[0] / self->page_size],
                                                       entry[1]);
        }

      for (guint r = 0; r < rank && self->pages.length < MAX_PAGES; r++)
        for (guint i = 0; i < n_pages && self->pages.length < MAX_PAGES; i++)
          if (page_rank[i] == r)
            {
              Page *page = page_new (i, page_n_slots (self, i));
              guint start = i * self->page_size;

              for (guint s = 0; s < page->items->len; s++)
                {
                  GObject *item = g_hash_table_lookup (kept, &g_array_index (new_ids, gint64,
                                                                             start + s));
                  if (item != NULL)
                    page->items->pdata[s] = g_object_ref (item);
                }
              g_queue_push_tail (&self->pages, page);
            }
    }

  /* Refresh the kept rows in place: the rows are "fetched anew", but views keep the objects. */
  refreshed = g_array_new (FALSE, FALSE, sizeof (guint));
  if (self->pages.length > 0)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (self->item_type);

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
    }
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      guint start = page->index * self->page_size;
      g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) load_error = NULL;
      guint r = 0;

      for (guint s = 0; s < page->items->len; s++)
        if (g_ptr_array_index (page->items, s) != NULL)
          g_array_append_val (wanted, g_array_index (new_ids, gint64, start + s));

      rows = self->load_func (self->user_data, (const gint64 *) (gpointer) wanted->data,
                              wanted->len, &load_error);
      if (rows == NULL)
        {
          /* Better fetched again later than shown stale. */
          g_debug ("Could not refresh rows: %s", load_error ? load_error->message : "");
          for (guint s = 0; s < page->items->len; s++)
            g_clear_object ((GObject **) &page->items->pdata[s]);
          continue;
        }

      /* The load answers in the order asked, skipping rows gone in the meantime. */
      for (guint s = 0; s < page->items->len; s++)
        {
          GObject *item = g_ptr_array_index (page->items, s);
          gint64 id = g_array_index (new_ids, gint64, start + s);
          guint position = start + s;

          if (item == NULL)
            continue;

          if (r < rows->len && self->id_of_func (g_ptr_array_index (rows, r)) == id)
            {
              if (refresh_item (item, g_ptr_array_index (rows, r), pspecs, n_pspecs)
                  && (position < prefix || position >= new_len - suffix))
                g_array_append_val (refreshed, position);
              r++;
            }
          else
            g_clear_object ((GObject **) &page->items->pdata[s]);
        }
    }

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
  for (guint i = 0; i < refreshed->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (refreshed, guint, i), 1, 1);

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

void
ld_query_model_invalidate (LdQueryModel *self,
                           gint64        id)
{
  guint position;

  g_return_if_fail (LD_IS_QUERY_MODEL (self));

  position = ld_query_model_find (self, id);
  if (position == G_MAXUINT)
    return;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      guint start = page->index * self->page_size;

      if (position >= start && position < start + page->items->len)
        {
          g_clear_object ((GObject **) &page->items->pdata[position - start]);
          break;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Returns: the position of @id, or G_MAXUINT (GTK_INVALID_LIST_POSITION) when it is not listed */
guint
ld_query_model_find (LdQueryModel *self,
                     gint64        id)
{
  g_return_val_if_fail (LD_IS_QUERY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

void
ld_query_model_set_page_size (LdQueryModel *self,
                              guint         page_size)
{
  g_return_if_fail (LD_IS_QUERY_MODEL (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;
  self->page_size = page_size;
  clear_pages (self);
}

/* How many rows are cached: at most four pages' worth. */
guint
ld_query_model_get_n_cached (LdQueryModel *self)
{
  guint n = 0;

  g_return_val_if_fail (LD_IS_QUERY_MODEL (self), 0);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; i < page->items->len; i++)
        if (g_ptr_array_index (page->items, i) != NULL)
          n++;
    }
  return n;
}

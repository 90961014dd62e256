/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The editable lists: data, not enums, because local rules differ (GLOSSARY.md). */
typedef enum
{
  LD_LIST_CONCERN_CATEGORY,
  LD_LIST_SUGGESTION_CATEGORY,
  LD_LIST_CHANNEL,
  LD_LIST_ANSWER_CLASS,
} LdListKind;

#define LD_TYPE_LIST_ENTRY (ld_list_entry_get_type ())

G_DECLARE_FINAL_TYPE (LdListEntry, ld_list_entry, LD, LIST_ENTRY, GObject)

LdListEntry *ld_list_entry_new                  (LdListKind    kind);
LdListEntry *ld_list_entry_copy                 (LdListEntry  *self);

LdListKind   ld_list_entry_get_kind             (LdListEntry  *self);
gint64       ld_list_entry_get_id               (LdListEntry  *self);
void         ld_list_entry_set_id               (LdListEntry  *self,
                                                 gint64        id);
/* NULL for entries the user added. */
const char  *ld_list_entry_get_seed_key         (LdListEntry  *self);
void         ld_list_entry_set_seed_key         (LdListEntry  *self,
                                                 const char   *seed_key);
/* The user's text; NULL while a seeded entry keeps its translated default name. */
const char  *ld_list_entry_get_name             (LdListEntry  *self);
void         ld_list_entry_set_name             (LdListEntry  *self,
                                                 const char   *name);
gboolean     ld_list_entry_get_hidden           (LdListEntry  *self);
void         ld_list_entry_set_hidden           (LdListEntry  *self,
                                                 gboolean      hidden);
int          ld_list_entry_get_position         (LdListEntry  *self);
void         ld_list_entry_set_position         (LdListEntry  *self,
                                                 int           position);
/* Concern categories only: default time limit in working days, or -1 for the general setting. */
int          ld_list_entry_get_time_limit_days  (LdListEntry  *self);
void         ld_list_entry_set_time_limit_days  (LdListEntry  *self,
                                                 int           days);

/* What the UI shows: the user's name, else the seed's translation in the UI language. */
const char  *ld_list_entry_get_display_name     (LdListEntry  *self);

/* The translated default name of a seed key of @kind, or NULL for an unknown key. */
const char  *ld_list_seed_display_name          (LdListKind    kind,
                                                 const char   *seed_key);

/* field (property name) → message; empty when valid: a name (unless seeded) of at most 50
 * characters, a time limit of at most 366 working days. */
GHashTable  *ld_list_entry_validate             (LdListEntry  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/*
 * Full-text search that serves Chinese: the FTS5 tokenizer "ld_bigram".
 *
 * A run of CJK characters becomes its overlapping bigrams (积水严重 → 积水 水严 严重); a CJK
 * run of one character becomes that character. A run of Latin letters and digits is one token,
 * case-folded (ASCII lowercase, full-width forms folded to ASCII). Anything else separates
 * tokens. A phrase query of CJK bigrams is an exact substring match, so every query of two or
 * more CJK characters is an index lookup.
 *
 * The tokenizer must be registered on every connection before a table that uses it is read or
 * written (ld-database does it at open); a connection without it (the sqlite3 shell) can still
 * write the record tables, because the triggers only journal the changes (0002-search.sql).
 */

/* Registers "ld_bigram" on @db through fts5_api. */
int       ld_fts_register           (sqlite3      *db,
                                     char        **errmsg);

/*
 * What the store runs for the user's search text @text (NULL or blank: no search). Each
 * whitespace-separated word of @text must occur (AND). A word is cut into pieces: CJK runs and
 * runs of Latin letters/digits. Each piece the index can find becomes a term of @match (transfer
 * full, nullable), an FTS5 MATCH expression: a CJK run of two or more characters as a phrase of
 * its bigrams, a Latin run of two or more characters as a prefix query ("ab"*). A word with more
 * than one piece, or with a piece the index cannot find (one CJK character, one Latin
 * character), also goes into @like_words (transfer full, nullable, case-folded to ASCII
 * lowercase), which the store checks with instr(lower(column), word) on the text columns: the
 * index narrows, instr makes it exact. A query whose @match is NULL but @like_words is not is a
 * scan: correct, and slow on a million rows. Returns FALSE (both NULL) when there is nothing to
 * search: @text NULL, blank, not valid UTF-8, or only punctuation.
 *
 * The store's filter, with c = concerns and r = residents (LEFT JOIN r ON r.id = c.resident_id):
 *
 *   c.id IN (SELECT rowid FROM concerns_fts WHERE concerns_fts MATCH ?)      -- when @match
 *   AND (instr(lower(c.subject), ?) OR instr(lower(c.details), ?)
 *        OR instr(lower(ifnull(c.place, '')), ?) OR instr(lower(ifnull(r.name, '')), ?))
 *                                                   -- once per like-word, bound four times
 */
gboolean  ld_fts_build_query        (const char   *text,
                                     char        **match,
                                     GStrv        *like_words);

/*
 * For "similar" rather than "containing": the distinct CJK bigrams and Latin words (two or more
 * characters, case-folded) of @text, in order — e.g. "门口积水" → 门口, 口积, 积水. NULL when
 * @text has none (one character, punctuation, invalid UTF-8). The store ranks on the rarest.
 */
GStrv     ld_fts_similar_terms      (const char   *text);

G_END_DECLS

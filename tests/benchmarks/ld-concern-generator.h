/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ld-database.h"

G_BEGIN_DECLS

/*
 * A realistic station's concerns for benchmarks and screenshots: deputies, handling units,
 * residents who come back (about 0.6 per concern, a few visiting often), and concerns over the
 * five years before 2026-12-01 in the mixes of channel, category and state a district sees, with
 * Chinese subjects and details built from the words residents use. Written with plain prepared
 * statements, one transaction per 50,000 rows, and the search index rebuilt once at the end.
 * The same seed gives the same rows.
 */
gboolean ld_concern_generator_fill (LdDatabase  *db,
                                    guint        n_concerns,
                                    guint        n_deputies,
                                    guint32      seed,
                                    GError     **error);

/* The benchmarks' database: @n_concerns concerns and 2,000 deputies from one seed (DESIGN.md,
 * Scale), generated into @dir the first time and reused after; the file name carries the seed,
 * the counts and the schema version, so a new migration makes a new file. The environment
 * variable LD_BENCH_CONCERNS_DB names another file to use instead. Prints what it does. */
#define LD_BENCH_SEED      20261201
#define LD_BENCH_DEPUTIES  2000

char    *ld_concern_generator_cached (const char  *dir,
                                      guint        n_concerns);

/* That database copied once more with 100,000 suggestions (states, deadlines around 2026-12-01,
 * lead deputies, co-signers, lead units) added in plain SQL, cached beside it. */
char    *ld_concern_generator_cached_with_suggestions (const char  *dir,
                                                       guint        n_concerns);

G_END_DECLS

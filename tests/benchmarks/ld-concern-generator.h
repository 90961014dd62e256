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

G_END_DECLS

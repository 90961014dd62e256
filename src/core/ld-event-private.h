/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The times rule shared by events and series: "HH:MM" or empty, the end after the start;
 * messages go to "start-time" and "end-time" of @errors. */
void  _ld_event_check_times  (GHashTable  *errors,
                              const char  *start_time,
                              const char  *end_time);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Masking of personal data (脱敏) for lists and exports. NULL gives NULL. */

/* "张**": the first character kept, one '*' for each other character ("欧阳娜娜" → "欧***"). */
char *ld_mask_name  (const char *name);
/* "138****1234": the first 3 and last 4 digits of a mobile kept; a landline keeps its area code
 * and last 2 digits ("027-****1234" → "027-******34"); anything shorter than 7 is all '*'. */
char *ld_mask_phone (const char *phone);

G_END_DECLS

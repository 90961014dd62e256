/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-generate"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "ld-concern-generator.h"

/*
 * ld-generate DB_PATH [N_CONCERNS]: opens (creating) a Liaison Desk database and fills it with
 * realistic concerns (default 1,000,000), for trying the app on a big file and for screenshots.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) db = NULL;
  guint n = 1000000;
  gint64 start;
  GStatBuf st;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s DB_PATH [N_CONCERNS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  db = ld_database_open (argv[1], &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  printf ("Generating %u concerns into %s…\n", n, argv[1]);
  fflush (stdout);
  start = g_get_monotonic_time ();
  if (!ld_concern_generator_fill (db, n, MAX (10, MIN (60, n / 20)), 20261201, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  ld_database_close (db);
  g_stat (argv[1], &st);
  printf ("Done in %.1f s: %.1f MiB\n", (g_get_monotonic_time () - start) / 1e6,
          st.st_size / 1048576.0);
  return 0;
}

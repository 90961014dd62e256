/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ld-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LdApplication) app = NULL;
  const char *localedir;

  /* LIAISON_DESK_LOCALEDIR lets the uninstalled build and the tests use the build's catalogues. */
  localedir = g_getenv ("LIAISON_DESK_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  /* A locale that is not installed would leave the process in "C", where gettext ignores
   * LANGUAGE; C.UTF-8 keeps both UTF-8 and the user's choice of language. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ld_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

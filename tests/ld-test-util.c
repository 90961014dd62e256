/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ld-test-util.h"

/* A fresh private directory per test: every test gets its own database file. */
char *
ld_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("liaison-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ld_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;

  file = g_file_new_for_path (path);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        ld_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* A path inside tests/ of the source tree. */
char *
ld_test_src_path (const char *relative)
{
  const char *srcdir = g_getenv ("LD_TEST_SRCDIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, relative, NULL);
}

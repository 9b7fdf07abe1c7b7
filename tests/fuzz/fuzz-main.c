/* fuzz-main.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>

/* Without libFuzzer (the usual build), runs the fuzz target once on each
 * file of the corpus folders given, so that every input that ever found a
 * bug stays a regression test.  Prints TAP. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          printf ("Bail out! cannot read the corpus folder %s\n", argv[i]);
          return 99;
        }

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *data = NULL;
          gsize size;

          if (!g_file_get_contents (path, &data, &size, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const guint8 *) data, size);
          printf ("ok %u - %s\n", ++n, name);
        }
    }

  printf ("1..%u\n", n);
  return n > 0 ? 0 : 99;
}

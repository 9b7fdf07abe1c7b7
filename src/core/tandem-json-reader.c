/* tandem-json-reader.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-error.h"
#include "tandem-json-reader-private.h"

/* Sets the reader's error: "NAME: PATH: REASON".  Returns %FALSE. */
gboolean
tandem_json_reader_fail (TandemJsonReader *reader,
                         const char       *format,
                         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               "%s: %s: %s", reader->name, reader->path->str, reason);
  return FALSE;
}

/* Steps into a member or element: appends ".name" or "[i]" to the path. */
void
tandem_json_reader_push (TandemJsonReader *reader,
                         const char       *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (reader->path, format, args);
  va_end (args);
}

/* Steps into a member: appends ".member".  Without printf, as readers
 * step into every member they read. */
void
tandem_json_reader_push_member (TandemJsonReader *reader,
                                const char       *member)
{
  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, member);
}

/* Steps back out, to a length the path had before. */
void
tandem_json_reader_pop_to (TandemJsonReader *reader,
                           gsize             length)
{
  g_string_truncate (reader->path, length);
}

/**
 * tandem_json_reader_element_object:
 *
 * The object at @i of @array, or %NULL having said that it must be one
 * (the path already names the element).
 */
const TandemJsonNode *
tandem_json_reader_element_object (TandemJsonReader     *reader,
                                   const TandemJsonNode *array,
                                   guint                 i)
{
  const TandemJsonNode *node = tandem_json_node_get_element (array, i);

  if (!tandem_json_node_holds (node, TANDEM_JSON_OBJECT))
    {
      tandem_json_reader_fail (reader, _("must be an object"));
      return NULL;
    }

  return node;
}

/* tandem-json-reader.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* A member that is not there or is null. */
gboolean
tandem_json_reader_is_absent (const TandemJsonNode *node)
{
  return node == NULL || tandem_json_node_holds (node, TANDEM_JSON_NULL);
}

/* Checks text found at the current path is no longer than the reader's
 * limit. */
gboolean
tandem_json_reader_check_length (TandemJsonReader *reader,
                                 const char       *text)
{
  gsize length;

  if (reader->max_string == 0)
    return TRUE;

  length = strlen (text);
  if (length > reader->max_string)
    return tandem_json_reader_fail (reader,
                                    _("is %" G_GSIZE_FORMAT " bytes long; text may be at most 1 MiB (%" G_GSIZE_FORMAT " bytes)"),
                                    length, reader->max_string);

  return TRUE;
}

/**
 * tandem_json_reader_get_array:
 * @required: whether a missing or null member is a problem
 * @ok: set to %FALSE (and the error set) if there is a problem
 *
 * Returns: (nullable): the list @member of @object, or %NULL if it is
 *   absent or wrong
 */
const TandemJsonNode *
tandem_json_reader_get_array (TandemJsonReader     *reader,
                              const TandemJsonNode *object,
                              const char           *member,
                              gboolean              required,
                              gboolean             *ok)
{
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gsize length = reader->path->len;
  gboolean absent = tandem_json_reader_is_absent (node);

  if (tandem_json_node_holds (node, TANDEM_JSON_ARRAY))
    return node;

  if (absent && !required)
    return NULL;

  tandem_json_reader_push_member (reader, member);
  *ok = tandem_json_reader_fail (reader, absent ? _("is missing") : _("must be a list"));
  tandem_json_reader_pop_to (reader, length);
  return NULL;
}

/* An optional list of text; absent is an empty list. */
gboolean
tandem_json_reader_read_strings (TandemJsonReader     *reader,
                                 const TandemJsonNode *object,
                                 const char           *member,
                                 GStrv                *strings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, member, FALSE, &ok);

  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const TandemJsonNode *node = tandem_json_node_get_element (array, i);

      tandem_json_reader_push (reader, ".%s[%u]", member, i);
      if (!tandem_json_node_holds (node, TANDEM_JSON_STRING))
        ok = tandem_json_reader_fail (reader, _("must be text"));
      else if ((ok = tandem_json_reader_check_length (reader, tandem_json_node_get_string (node))))
        g_strv_builder_add (builder, tandem_json_node_get_string (node));
      tandem_json_reader_pop_to (reader, length);
    }

  *strings = g_strv_builder_end (builder);
  return ok;
}

/* A list of the Four Co's by name, as flags. */
gboolean
tandem_json_reader_read_cos (TandemJsonReader     *reader,
                             const TandemJsonNode *object,
                             const char           *member,
                             TandemCos            *cos)
{
  g_auto(GStrv) names = NULL;
  gsize length = reader->path->len;

  *cos = 0;
  if (!tandem_json_reader_read_strings (reader, object, member, &names))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      TandemCos co;

      if (!tandem_cos_from_string (names[i], &co))
        {
          tandem_json_reader_push (reader, ".%s[%u]", member, i);
          tandem_json_reader_fail (reader,
                                   _("“%s” is not one of co-commissioning, co-design, co-delivery, co-assessment"),
                                   names[i]);
          tandem_json_reader_pop_to (reader, length);
          return FALSE;
        }
      *cos |= co;
    }

  return TRUE;
}

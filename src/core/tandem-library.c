/* tandem-library.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-case-study.h"
#include "tandem-cell.h"
#include "tandem-core-resources.h"
#include "tandem-error.h"
#include "tandem-json-parser.h"
#include "tandem-json-reader-private.h"
#include "tandem-library.h"

#define BUNDLED_PATH "/org/tandem/Tandem/core/case-studies.json"

/* The format nests four deep; anything much deeper is no library. */
#define MAX_DEPTH 16

/* An optional string member: absent or null mean "", anything else but a
 * string is an error. */
static gboolean
get_string (TandemJsonReader      *reader,
            const TandemJsonNode  *object,
            const char            *member,
            gboolean               required,
            const char           **value)
{
  gsize length = reader->path->len;
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gboolean ok = TRUE;

  tandem_json_reader_push_member (reader, member);

  if (tandem_json_reader_is_absent (node))
    {
      *value = "";
      if (required)
        ok = tandem_json_reader_fail (reader, _("is missing"));
    }
  else if (!tandem_json_node_holds (node, TANDEM_JSON_STRING))
    ok = tandem_json_reader_fail (reader, _("must be text"));
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (tandem_json_node_get_string (node)));

      *value = tandem_json_node_get_string (node);
      if (required && stripped[0] == '\0')
        ok = tandem_json_reader_fail (reader, _("must not be empty"));
    }

  tandem_json_reader_pop_to (reader, length);
  return ok;
}

static gboolean
read_cells (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            TandemCaseStudy      *case_study)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, "cells", FALSE, &ok);

  if (ok && (array == NULL || tandem_json_node_get_length (array) == 0))
    {
      tandem_json_reader_push (reader, ".cells");
      ok = tandem_json_reader_fail (reader, _("a case study needs at least one cell of the matrix"));
      tandem_json_reader_pop_to (reader, length);
    }

  for (guint i = 0; ok && array && i < tandem_json_node_get_length (array); i++)
    {
      const char *cell, *basis_name, *note;
      g_autoptr(GError) cell_error = NULL;
      TandemLinkBasis basis;
      const TandemJsonNode *item;
      guint row, col;

      tandem_json_reader_push (reader, ".cells[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "cell", TRUE, &cell) &&
           get_string (reader, item, "basis", TRUE, &basis_name) &&
           get_string (reader, item, "note", FALSE, &note);

      if (ok && !tandem_cell_parse (cell, &row, &col, &cell_error))
        {
          tandem_json_reader_push (reader, ".cell");
          ok = tandem_json_reader_fail (reader, "%s", cell_error->message);
        }
      else if (ok && (!tandem_link_basis_from_string (basis_name, &basis) || basis == TANDEM_LINK_USER))
        {
          tandem_json_reader_push (reader, ".basis");
          ok = tandem_json_reader_fail (reader, _("“%s” is not “source” or “tandem”"), basis_name);
        }
      else if (ok && tandem_case_study_find_link (case_study, row, col) != NULL)
        {
          tandem_json_reader_push (reader, ".cell");
          ok = tandem_json_reader_fail (reader, _("cell %u,%u is listed twice"), row, col);
        }
      else if (ok)
        tandem_case_study_add_library_link (case_study, row, col, basis, note);

      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

static gboolean
read_outcomes (TandemJsonReader     *reader,
               const TandemJsonNode *object,
               TandemCaseStudy      *case_study)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, "outcomes", FALSE, &ok);

  for (guint i = 0; ok && array && i < tandem_json_node_get_length (array); i++)
    {
      const char *figure, *period;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".outcomes[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "figure", TRUE, &figure) &&
           get_string (reader, item, "period", FALSE, &period);
      if (ok)
        tandem_case_study_add_outcome (case_study, figure, period);
      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

static gboolean
read_sources (TandemJsonReader     *reader,
              const TandemJsonNode *object,
              TandemCaseStudy      *case_study)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, "sources", FALSE, &ok);

  if (ok && (array == NULL || tandem_json_node_get_length (array) == 0))
    {
      tandem_json_reader_push (reader, ".sources");
      ok = tandem_json_reader_fail (reader, _("a case study needs at least one source"));
      tandem_json_reader_pop_to (reader, length);
    }

  for (guint i = 0; ok && array && i < tandem_json_node_get_length (array); i++)
    {
      const char *document, *author, *year, *url;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".sources[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "document", TRUE, &document) &&
           get_string (reader, item, "author", FALSE, &author) &&
           get_string (reader, item, "year", FALSE, &year) &&
           get_string (reader, item, "url", FALSE, &url);
      if (ok)
        tandem_case_study_add_source (case_study, document, author, year, url);
      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

static gboolean
is_valid_id (const char *id)
{
  if (id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static TandemCaseStudy *
read_entry (TandemJsonReader     *reader,
            const TandemJsonNode *object)
{
  g_autoptr(TandemCaseStudy) case_study = tandem_case_study_new (NULL);
  g_auto(GStrv) learning = NULL;
  g_auto(GStrv) tags = NULL;
  const char *id, *title, *place, *country, *service_area, *period, *summary, *change_notes;
  const TandemJsonNode *generic;
  TandemCos cos;

  if (!get_string (reader, object, "id", TRUE, &id) ||
      !get_string (reader, object, "title", TRUE, &title) ||
      !get_string (reader, object, "place", FALSE, &place) ||
      !get_string (reader, object, "country", FALSE, &country) ||
      !get_string (reader, object, "service_area", FALSE, &service_area) ||
      !get_string (reader, object, "period", FALSE, &period) ||
      !get_string (reader, object, "summary", FALSE, &summary) ||
      !get_string (reader, object, "change_notes", FALSE, &change_notes) ||
      !tandem_json_reader_read_strings (reader, object, "learning", &learning) ||
      !tandem_json_reader_read_strings (reader, object, "tags", &tags))
    return NULL;

  if (!is_valid_id (id))
    {
      tandem_json_reader_push (reader, ".id");
      tandem_json_reader_fail (reader, _("“%s” must be lower-case letters, digits and hyphens"), id);
      return NULL;
    }

  generic = tandem_json_node_get_member (object, "generic");
  if (!tandem_json_reader_is_absent (generic) && !tandem_json_node_holds (generic, TANDEM_JSON_BOOLEAN))
    {
      tandem_json_reader_push (reader, ".generic");
      tandem_json_reader_fail (reader, _("must be true or false"));
      return NULL;
    }

  tandem_case_study_set_id (case_study, id);
  tandem_case_study_set_bundled (case_study, TRUE);
  tandem_case_study_set_generic (case_study, tandem_json_node_holds (generic, TANDEM_JSON_BOOLEAN) &&
                                             tandem_json_node_get_boolean (generic));
  tandem_case_study_set_title (case_study, title);
  tandem_case_study_set_place (case_study, place);
  tandem_case_study_set_country (case_study, country);
  tandem_case_study_set_service_area (case_study, service_area);
  tandem_case_study_set_period (case_study, period);
  tandem_case_study_set_summary (case_study, summary);
  tandem_case_study_set_change_notes (case_study, change_notes);
  tandem_case_study_set_learning (case_study, (const char * const *) learning);
  tandem_case_study_set_tags (case_study, (const char * const *) tags);

  if (!tandem_json_reader_read_cos (reader, object, "cos", &cos))
    return NULL;
  tandem_case_study_set_cos (case_study, cos);

  if (!read_cells (reader, object, case_study) ||
      !read_outcomes (reader, object, case_study) ||
      !read_sources (reader, object, case_study))
    return NULL;

  return g_steal_pointer (&case_study);
}

/**
 * tandem_library_parse:
 * @json: the library document
 * @name: what to call it in error messages, such as its file name
 * @version: (out): the library's version
 * @entries: (out) (transfer full) (element-type TandemCaseStudy):
 *   its case studies, marked as bundled
 *
 * Reads and checks a case-study library completely.
 *
 * Returns: %TRUE on success; otherwise @error names the JSON path at fault
 */
gboolean
tandem_library_parse (GBytes      *json,
                      const char  *name,
                      int         *version,
                      GPtrArray  **entries,
                      GError     **error)
{
  g_autoptr(TandemJsonDocument) document = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  TandemJsonReader reader = { name, path, error };
  const TandemJsonNode *root, *array, *node;
  const char *format;
  gboolean ok = TRUE;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  g_return_val_if_fail (version != NULL && entries != NULL, FALSE);

  document = tandem_json_document_parse (data, size, MAX_DEPTH, &parse_error);
  if (document == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   "%s: %s", name, parse_error->message);
      return FALSE;
    }

  root = tandem_json_document_get_root (document);
  if (!tandem_json_node_holds (root, TANDEM_JSON_OBJECT))
    return tandem_json_reader_fail (&reader, _("must be an object"));

  if (!get_string (&reader, root, "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, TANDEM_LIBRARY_FORMAT))
    {
      tandem_json_reader_push (&reader, ".format");
      return tandem_json_reader_fail (&reader, _("“%s” is not a Tandem case-study library"), format);
    }

  node = tandem_json_node_get_member (root, "version");
  if (!tandem_json_node_holds (node, TANDEM_JSON_INT) ||
      tandem_json_node_get_int (node) < 1 || tandem_json_node_get_int (node) > G_MAXINT)
    {
      tandem_json_reader_push (&reader, ".version");
      return tandem_json_reader_fail (&reader, _("must be a whole number from 1"));
    }
  *version = tandem_json_node_get_int (node);

  array = tandem_json_reader_get_array (&reader, root, "entries", FALSE, &ok);
  if (!ok)
    return FALSE;
  if (array == NULL)
    {
      tandem_json_reader_push (&reader, ".entries");
      return tandem_json_reader_fail (&reader, _("is missing"));
    }

  for (guint i = 0; i < tandem_json_node_get_length (array); i++)
    {
      TandemCaseStudy *entry;
      const TandemJsonNode *object;

      tandem_json_reader_push (&reader, ".entries[%u]", i);
      object = tandem_json_reader_element_object (&reader, array, i);
      if (object == NULL || !(entry = read_entry (&reader, object)))
        return FALSE;

      g_ptr_array_add (result, entry);
      if (g_hash_table_contains (ids, tandem_case_study_get_id (entry)))
        {
          tandem_json_reader_push (&reader, ".id");
          return tandem_json_reader_fail (&reader,
                                          _("“%s” is used by another entry"), tandem_case_study_get_id (entry));
        }
      g_hash_table_add (ids, (gpointer) tandem_case_study_get_id (entry));
      tandem_json_reader_pop_to (&reader, 1);
    }

  *entries = g_steal_pointer (&result);
  return TRUE;
}

/**
 * tandem_library_get_bundled:
 *
 * Returns: (transfer full): the library that ships with this Tandem
 */
GBytes *
tandem_library_get_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (tandem_core_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The library is compiled in: failing to find it is a build error. */
  g_assert_no_error (error);

  return bytes;
}

/* tandem-exchange.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-assessment.h"
#include "tandem-case-study.h"
#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-json-parser.h"
#include "tandem-json-reader-private.h"
#include "tandem-exchange.h"
#include "tandem-indicator.h"
#include "tandem-initiative.h"
#include "tandem-library.h"
#include "tandem-matrix.h"
#include "tandem-names-private.h"

/* ---- Names in files ------------------------------------------------------------ */

/* The names themselves are in tandem-names.c, shared with the CSV export. */

/* The index of @name in @names, or -1. */
static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_str_equal (names[i], name))
      return i;

  return -1;
}

/* ---- Reading and checking -------------------------------------------------------- */

typedef enum
{
  OPTIONAL,     /* absent or null mean "" */
  REQUIRED,     /* must be there and not blank */
  NULLABLE,     /* absent or null mean NULL */
} Presence;

/* Whether @text is empty or only spaces (as g_strstrip() sees them),
 * without copying it: every ID and date of an import is checked. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
get_string (TandemJsonReader      *reader,
            const TandemJsonNode  *object,
            const char            *member,
            Presence               presence,
            const char           **value)
{
  gsize length = reader->path->len;
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gboolean ok = TRUE;

  *value = NULL;
  tandem_json_reader_push_member (reader, member);

  if (tandem_json_reader_is_absent (node))
    {
      *value = presence == NULLABLE ? NULL : "";
      if (presence == REQUIRED)
        ok = tandem_json_reader_fail (reader, _("is missing"));
    }
  else if (!tandem_json_node_holds (node, TANDEM_JSON_STRING))
    ok = tandem_json_reader_fail (reader, _("must be text"));
  else
    {
      *value = tandem_json_node_get_string (node);
      ok = tandem_json_reader_check_length (reader, *value);

      if (ok && presence == REQUIRED && is_blank (*value))
        ok = tandem_json_reader_fail (reader, _("must not be empty"));
    }

  tandem_json_reader_pop_to (reader, length);
  return ok;
}

static gboolean
get_bool (TandemJsonReader     *reader,
          const TandemJsonNode *object,
          const char           *member,
          gboolean             *value)
{
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gsize length = reader->path->len;

  *value = FALSE;
  if (tandem_json_reader_is_absent (node))
    return TRUE;

  if (!tandem_json_node_holds (node, TANDEM_JSON_BOOLEAN))
    {
      tandem_json_reader_push_member (reader, member);
      tandem_json_reader_fail (reader, _("must be true or false"));
      tandem_json_reader_pop_to (reader, length);
      return FALSE;
    }

  *value = tandem_json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_whole_number (TandemJsonReader     *reader,
                  const TandemJsonNode *object,
                  const char           *member,
                  gint64               *value)
{
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gsize length = reader->path->len;
  gboolean ok = TRUE;

  tandem_json_reader_push_member (reader, member);
  if (tandem_json_reader_is_absent (node))
    ok = tandem_json_reader_fail (reader, _("is missing"));
  else if (!tandem_json_node_holds (node, TANDEM_JSON_INT))
    ok = tandem_json_reader_fail (reader, _("must be a whole number"));
  else
    *value = tandem_json_node_get_int (node);
  tandem_json_reader_pop_to (reader, length);

  return ok;
}

/* A number, or with @nullable null (or absent), which sets @has_value FALSE. */
static gboolean
get_number (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            const char           *member,
            gboolean              nullable,
            gboolean             *has_value,
            double               *value)
{
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gsize length = reader->path->len;
  gboolean ok = TRUE;

  *has_value = FALSE;
  *value = 0;

  tandem_json_reader_push_member (reader, member);
  if (tandem_json_reader_is_absent (node))
    {
      if (!nullable)
        ok = tandem_json_reader_fail (reader, _("is missing"));
    }
  else if (tandem_json_node_holds (node, TANDEM_JSON_INT) || tandem_json_node_holds (node, TANDEM_JSON_DOUBLE))
    {
      /* The parser refuses numbers beyond a double: every one is finite. */
      *value = tandem_json_node_get_double (node);
      *has_value = TRUE;
    }
  else
    ok = tandem_json_reader_fail (reader, nullable ? _("must be a number or null") : _("must be a number"));
  tandem_json_reader_pop_to (reader, length);

  return ok;
}

static const TandemJsonNode *
get_object (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            const char           *member,
            gboolean             *ok)
{
  const TandemJsonNode *node = tandem_json_node_get_member (object, member);
  gsize length = reader->path->len;

  if (tandem_json_node_holds (node, TANDEM_JSON_OBJECT))
    return node;

  if (tandem_json_reader_is_absent (node))
    return NULL;

  tandem_json_reader_push_member (reader, member);
  *ok = tandem_json_reader_fail (reader, _("must be an object"));
  tandem_json_reader_pop_to (reader, length);
  return NULL;
}

/* A cell "R,C" in @text, found at the current path. */
static gboolean
parse_cell (TandemJsonReader *reader,
            const char       *text,
            guint            *row,
            guint            *col)
{
  g_autoptr(GError) cell_error = NULL;

  if (!tandem_cell_parse (text, row, col, &cell_error))
    return tandem_json_reader_fail (reader, "%s", cell_error->message);

  return TRUE;
}

static gboolean
get_cell (TandemJsonReader     *reader,
          const TandemJsonNode *object,
          const char           *member,
          gboolean              nullable,
          gboolean             *has_cell,
          guint                *row,
          guint                *col)
{
  gsize length = reader->path->len;
  const char *text;
  gboolean ok;

  *has_cell = FALSE;
  if (!get_string (reader, object, member, nullable ? NULLABLE : REQUIRED, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  tandem_json_reader_push_member (reader, member);
  ok = parse_cell (reader, text, row, col);
  tandem_json_reader_pop_to (reader, length);

  *has_cell = ok;
  return ok;
}

static gboolean
get_date (TandemJsonReader      *reader,
          const TandemJsonNode  *object,
          const char            *member,
          gboolean               nullable,
          const char           **date)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;

  if (!get_string (reader, object, member, nullable ? NULLABLE : REQUIRED, date))
    return FALSE;

  if (*date != NULL && !tandem_date_is_valid (*date))
    {
      tandem_json_reader_push_member (reader, member);
      ok = tandem_json_reader_fail (reader, _("“%s” is not a date written YYYY-MM-DD, such as 2018-01-31"), *date);
      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

static gboolean
is_valid_case_id (const char *id)
{
  if (id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
get_uuid (TandemJsonReader      *reader,
          const TandemJsonNode  *object,
          const char            *member,
          GHashTable            *seen,
          const char           **uuid)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;

  if (!get_string (reader, object, member, REQUIRED, uuid))
    return FALSE;

  tandem_json_reader_push_member (reader, member);
  if (!g_uuid_string_is_valid (*uuid))
    ok = tandem_json_reader_fail (reader, _("“%s” is not a UUID"), *uuid);
  else if (!g_hash_table_add (seen, g_ascii_strdown (*uuid, -1)))
    ok = tandem_json_reader_fail (reader, _("“%s” is used twice in the file"), *uuid);
  tandem_json_reader_pop_to (reader, length);

  return ok;
}

/* A list of names from @names, as flags. */
static gboolean
get_flags (TandemJsonReader     *reader,
           const TandemJsonNode *object,
           const char           *member,
           const TandemFlagName *names,
           guint                 n_names,
           guint                *flags)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, member, FALSE, &ok);

  *flags = 0;
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const TandemJsonNode *node = tandem_json_node_get_element (array, i);
      guint j;

      tandem_json_reader_push (reader, ".%s[%u]", member, i);
      if (!tandem_json_node_holds (node, TANDEM_JSON_STRING))
        ok = tandem_json_reader_fail (reader, _("must be text"));
      else
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (j = 0; j < n_names; j++)
            if (g_str_equal (names[j].name, tandem_json_node_get_string (node)))
              break;

          if (j < n_names)
            *flags |= names[j].flag;
          else
            {
              for (guint k = 0; k < n_names; k++)
                g_string_append_printf (known, "%s%s", k ? ", " : "", names[k].name);
              ok = tandem_json_reader_check_length (reader, tandem_json_node_get_string (node)) &&
                   tandem_json_reader_fail (reader,
                                            _("“%s” is not one of %s"), tandem_json_node_get_string (node), known->str);
            }
        }
      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

/* One member of an object with fixed keys, such as "answers": its value
 * must be one of @values.  Absent or null means @fallback. */
static gboolean
get_choice (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            const char           *member,
            const char * const   *values,
            guint                 n_values,
            int                   fallback,
            int                  *value)
{
  gsize length = reader->path->len;
  const char *text;
  gboolean ok = TRUE;

  *value = fallback;
  if (object == NULL)
    return TRUE;
  if (!get_string (reader, object, member, NULLABLE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *value = find_name (values, n_values, text);
  if (*value < 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint k = 0; k < n_values; k++)
        if (values[k] != NULL)
          g_string_append_printf (known, "%s%s", known->len ? ", " : "", values[k]);

      tandem_json_reader_push_member (reader, member);
      ok = tandem_json_reader_fail (reader, _("“%s” is not one of %s"), text, known->str);
      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

/* Every member of an object with fixed keys must be one of @keys. */
static gboolean
check_keys (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            const char           *member,
            const char * const   *keys,
            guint                 n_keys)
{
  gsize length = reader->path->len;

  if (object == NULL)
    return TRUE;

  for (guint i = 0; i < tandem_json_node_get_length (object); i++)
    {
      const char *name = tandem_json_node_get_member_name (object, i);

      if (find_name (keys, n_keys, name) < 0)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 80));

          for (guint k = 0; k < n_keys; k++)
            g_string_append_printf (known, "%s%s", k ? ", " : "", keys[k]);

          tandem_json_reader_push_member (reader, member);
          tandem_json_reader_fail (reader, _("“%s” is not one of %s"), shown, known->str);
          tandem_json_reader_pop_to (reader, length);
          return FALSE;
        }
    }

  return TRUE;
}

/* The case studies of a document, and what the portfolio has. */
typedef struct
{
  TandemStore *store;
  GHashTable  *library;     /* without a store: id → TandemCaseStudy of the bundled library */
  GHashTable  *file_cases;  /* id → FileCase */
} Context;

typedef struct
{
  TandemCaseStudy *theirs;     /* a full case study, or a library one with the file's links */
  gboolean         bundled;
  gboolean         has_links;
} FileCase;

static void
file_case_free (gpointer data)
{
  FileCase *file_case = data;

  g_clear_object (&file_case->theirs);
  g_free (file_case);
}

static TandemCaseStudy *
lookup_local_case (Context    *context,
                   const char *id)
{
  if (context->store != NULL)
    return tandem_store_lookup_case_study (context->store, id);

  return g_hash_table_lookup (context->library, id);
}

static gboolean
read_links (TandemJsonReader     *reader,
            const TandemJsonNode *object,
            TandemCaseStudy      *case_study,
            gboolean             *has_links)
{
  gsize length = reader->path->len;
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, object, "links", FALSE, &ok);

  *has_links = array != NULL;
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const char *basis_name, *note;
      TandemLinkBasis basis;
      gboolean has_cell, hidden, user_note;
      const TandemJsonNode *item;
      guint row, col;

      tandem_json_reader_push (reader, ".links[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_cell (reader, item, "cell", FALSE, &has_cell, &row, &col) &&
           get_string (reader, item, "basis", REQUIRED, &basis_name) &&
           get_string (reader, item, "note", OPTIONAL, &note) &&
           get_bool (reader, item, "hidden", &hidden) &&
           get_bool (reader, item, "user_note", &user_note);

      if (ok && !tandem_link_basis_from_string (basis_name, &basis))
        {
          tandem_json_reader_push (reader, ".basis");
          ok = tandem_json_reader_fail (reader, _("“%s” is not one of source, tandem, user"), basis_name);
        }
      else if (ok)
        {
          for (guint j = 0; j < tandem_case_study_get_n_links (case_study); j++)
            {
              const TandemCaseLink *link = tandem_case_study_get_link (case_study, j);

              if (link->row == row && link->col == col)
                {
                  tandem_json_reader_push (reader, ".cell");
                  ok = tandem_json_reader_fail (reader, _("cell %u,%u is listed twice"), row, col);
                  break;
                }
            }
          if (ok)
            _tandem_case_study_add_stored_link (case_study, row, col, basis, note, hidden, user_note);
        }

      tandem_json_reader_pop_to (reader, length);
    }

  return ok;
}

static gboolean
read_full_case (TandemJsonReader     *reader,
                const TandemJsonNode *object,
                TandemCaseStudy      *cs)
{
  g_auto(GStrv) learning = NULL;
  g_auto(GStrv) tags = NULL;
  const char *title, *place, *country, *service_area, *period, *summary, *change_notes;
  gsize length = reader->path->len;
  gboolean generic, ok = TRUE, has_links;
  TandemCos cos = 0;
  const TandemJsonNode *array;

  if (!get_string (reader, object, "title", REQUIRED, &title) ||
      !get_bool (reader, object, "generic", &generic) ||
      !get_string (reader, object, "place", OPTIONAL, &place) ||
      !get_string (reader, object, "country", OPTIONAL, &country) ||
      !get_string (reader, object, "service_area", OPTIONAL, &service_area) ||
      !get_string (reader, object, "period", OPTIONAL, &period) ||
      !get_string (reader, object, "summary", OPTIONAL, &summary) ||
      !get_string (reader, object, "change_notes", OPTIONAL, &change_notes) ||
      !tandem_json_reader_read_strings (reader, object, "learning", &learning) ||
      !tandem_json_reader_read_strings (reader, object, "tags", &tags) ||
      !tandem_json_reader_read_cos (reader, object, "cos", &cos))
    return FALSE;

  tandem_case_study_set_bundled (cs, FALSE);
  tandem_case_study_set_generic (cs, generic);
  tandem_case_study_set_title (cs, title);
  tandem_case_study_set_place (cs, place);
  tandem_case_study_set_country (cs, country);
  tandem_case_study_set_service_area (cs, service_area);
  tandem_case_study_set_period (cs, period);
  tandem_case_study_set_summary (cs, summary);
  tandem_case_study_set_change_notes (cs, change_notes);
  tandem_case_study_set_learning (cs, (const char * const *) learning);
  tandem_case_study_set_tags (cs, (const char * const *) tags);
  tandem_case_study_set_cos (cs, cos);

  array = tandem_json_reader_get_array (reader, object, "outcomes", FALSE, &ok);
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const char *figure, *outcome_period;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".outcomes[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "figure", OPTIONAL, &figure) &&
           get_string (reader, item, "period", OPTIONAL, &outcome_period);
      if (ok)
        tandem_case_study_add_outcome (cs, figure, outcome_period);
      tandem_json_reader_pop_to (reader, length);
    }

  array = ok ? tandem_json_reader_get_array (reader, object, "sources", FALSE, &ok) : NULL;
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const char *document, *author, *year, *url;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".sources[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "document", OPTIONAL, &document) &&
           get_string (reader, item, "author", OPTIONAL, &author) &&
           get_string (reader, item, "year", OPTIONAL, &year) &&
           get_string (reader, item, "url", OPTIONAL, &url);
      if (ok)
        tandem_case_study_add_source (cs, document, author, year, url);
      tandem_json_reader_pop_to (reader, length);
    }

  return ok && read_links (reader, object, cs, &has_links);
}

static gboolean
read_case_studies (TandemJsonReader     *reader,
                   const TandemJsonNode *root,
                   Context              *context)
{
  gboolean ok = TRUE;
  const TandemJsonNode *array = tandem_json_reader_get_array (reader, root, "case_studies", FALSE, &ok);

  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      g_autoptr(TandemCaseStudy) theirs = NULL;
      TandemCaseStudy *local;
      const TandemJsonNode *object;
      FileCase *file_case;
      const char *id;
      gboolean bundled, has_links = FALSE;

      tandem_json_reader_push (reader, ".case_studies[%u]", i);
      object = tandem_json_reader_element_object (reader, array, i);
      if (object == NULL ||
          !get_string (reader, object, "id", REQUIRED, &id) ||
          !get_bool (reader, object, "bundled", &bundled))
        return FALSE;

      if (!is_valid_case_id (id))
        {
          tandem_json_reader_push (reader, ".id");
          return tandem_json_reader_fail (reader, _("“%s” must be lower-case letters, digits and hyphens"), id);
        }
      if (g_hash_table_contains (context->file_cases, id))
        {
          tandem_json_reader_push (reader, ".id");
          return tandem_json_reader_fail (reader, _("“%s” is used twice in the file"), id);
        }

      local = lookup_local_case (context, id);
      if (bundled)
        {
          if (local == NULL || !tandem_case_study_get_bundled (local))
            {
              tandem_json_reader_push (reader, ".id");
              return tandem_json_reader_fail (reader, _("“%s” is not a case study of this Tandem’s library"), id);
            }

          /* The library's case study with the file's links. */
          theirs = tandem_case_study_new (NULL);
          tandem_case_study_assign_content (theirs, local);
          tandem_case_study_set_id (theirs, id);
          if (!read_links (reader, object, theirs, &has_links))
            return FALSE;
        }
      else
        {
          if (local != NULL && tandem_case_study_get_bundled (local))
            {
              tandem_json_reader_push (reader, ".id");
              return tandem_json_reader_fail (reader,
                                              _("“%s” is a case study of Tandem’s library, which cannot be replaced"), id);
            }

          theirs = tandem_case_study_new (NULL);
          tandem_case_study_set_id (theirs, id);
          if (!read_full_case (reader, object, theirs))
            return FALSE;
          has_links = TRUE;
        }

      file_case = g_new0 (FileCase, 1);
      file_case->theirs = g_steal_pointer (&theirs);
      file_case->bundled = bundled;
      file_case->has_links = has_links;
      g_hash_table_insert (context->file_cases, (gpointer) tandem_case_study_get_id (file_case->theirs), file_case);
      tandem_json_reader_pop_to (reader, 1);
    }

  return ok;
}

/* What was read, before it is compared with the portfolio. */
typedef struct
{
  GHashTable *labels;        /* key → wording */
  GPtrArray  *label_keys;    /* in the file's order */
  GPtrArray  *initiatives;   /* of TandemInitiative */
  GPtrArray  *assessments;   /* of TandemAssessment */
  GPtrArray  *indicators;    /* of TandemIndicator */
  GPtrArray  *cases;         /* of FileCase (borrowed from the context), in the file's order */
} Document;

static gboolean
read_matrix (TandemJsonReader     *reader,
             const TandemJsonNode *root,
             Document             *document)
{
  gboolean ok = TRUE;
  const TandemJsonNode *matrix = get_object (reader, root, "matrix", &ok);

  if (!ok || matrix == NULL)
    return ok;

  for (guint i = 0; i < tandem_json_node_get_length (matrix); i++)
    {
      const char *key = tandem_json_node_get_member_name (matrix, i);
      const char *text;

      if (!tandem_matrix_is_valid_key (key))
        {
          g_autofree char *shown = g_utf8_make_valid (key, MIN (strlen (key), 80));

          tandem_json_reader_push (reader, ".matrix");
          return tandem_json_reader_fail (reader, _("“%s” is not a heading or cell of the matrix"), shown);
        }

      tandem_json_reader_push (reader, ".matrix");
      ok = get_string (reader, matrix, key, REQUIRED, &text);
      tandem_json_reader_pop_to (reader, 1);
      if (!ok)
        return FALSE;

      g_hash_table_insert (document->labels, g_strdup (key), g_strdup (text));
      g_ptr_array_add (document->label_keys, g_strdup (key));
    }

  return TRUE;
}

static gboolean
read_assessment (TandemJsonReader      *reader,
                 const TandemJsonNode  *object,
                 const char            *uuid,
                 GHashTable            *ids,
                 GHashTable            *dates,
                 TandemAssessment     **result)
{
  g_autoptr(TandemAssessment) a = NULL;
  gsize length = reader->path->len;
  const char *id, *date, *stage_name, *notes, *participants;
  gboolean has_cell, ok = TRUE;
  guint row, col, flags;
  TandemStage stage = TANDEM_STAGE_NONE;
  const TandemJsonNode *cos, *answers, *placements, *evidence;
  int value;

  if (!get_uuid (reader, object, "id", ids, &id) ||
      !get_date (reader, object, "date", FALSE, &date) ||
      !get_cell (reader, object, "cell", FALSE, &has_cell, &row, &col) ||
      !get_string (reader, object, "stage", NULLABLE, &stage_name) ||
      !get_string (reader, object, "notes", OPTIONAL, &notes) ||
      !get_string (reader, object, "participants", OPTIONAL, &participants))
    return FALSE;

  if (!g_hash_table_add (dates, g_strdup (date)))
    {
      tandem_json_reader_push (reader, ".date");
      return tandem_json_reader_fail (reader,
                                      _("the initiative has another assessment on %s; it can have only one a day"), date);
    }

  if (stage_name != NULL && !tandem_stage_from_string (stage_name, &stage))
    {
      tandem_json_reader_push (reader, ".stage");
      return tandem_json_reader_fail (reader,
                                      _("“%s” is not one of active-involvement, co-design, co-delivery, full-co-production"),
                                      stage_name);
    }

  a = tandem_assessment_new (uuid, date, row, col);
  tandem_assessment_set_id (a, id);
  tandem_assessment_set_stage (a, stage);
  tandem_assessment_set_notes (a, notes);
  tandem_assessment_set_participants (a, participants);

  if (!get_choice (reader, object, "level", tandem_level_names, G_N_ELEMENTS (tandem_level_names), 0, &value))
    return FALSE;
  tandem_assessment_set_level (a, value);

  cos = get_object (reader, object, "cos", &ok);
  if (!ok)
    return FALSE;
  {
    const char *co_names[TANDEM_N_COS];

    for (guint i = 0; i < TANDEM_N_COS; i++)
      co_names[i] = tandem_cos_to_string (tandem_cos_order[i]);
    if (!check_keys (reader, cos, "cos", co_names, TANDEM_N_COS))
      return FALSE;

    tandem_json_reader_push (reader, ".cos");
    for (guint i = 0; ok && i < TANDEM_N_COS; i++)
      {
        ok = get_choice (reader, cos, co_names[i], tandem_presence_names, G_N_ELEMENTS (tandem_presence_names),
                         TANDEM_PRESENCE_ABSENT, &value);
        if (ok)
          tandem_assessment_set_presence (a, tandem_cos_order[i], value);
      }
    tandem_json_reader_pop_to (reader, length);
    if (!ok)
      return FALSE;
  }

  if (!get_flags (reader, object, "subtypes", tandem_subtype_names, G_N_ELEMENTS (tandem_subtype_names), &flags))
    return FALSE;
  tandem_assessment_set_subtypes (a, flags);
  if (!get_flags (reader, object, "principles", tandem_principle_names, G_N_ELEMENTS (tandem_principle_names), &flags))
    return FALSE;
  tandem_assessment_set_principles (a, flags);

  answers = get_object (reader, object, "answers", &ok);
  if (!ok || !check_keys (reader, answers, "answers", tandem_question_names, TANDEM_N_QUESTIONS))
    return FALSE;
  tandem_json_reader_push (reader, ".answers");
  for (guint q = 0; ok && q < TANDEM_N_QUESTIONS; q++)
    {
      ok = get_choice (reader, answers, tandem_question_names[q], tandem_answer_names, G_N_ELEMENTS (tandem_answer_names),
                       TANDEM_ANSWER_UNKNOWN, &value);
      if (ok)
        tandem_assessment_set_answer (a, q, value);
    }
  tandem_json_reader_pop_to (reader, length);
  if (!ok)
    return FALSE;

  evidence = tandem_json_reader_get_array (reader, object, "evidence", FALSE, &ok);
  for (guint i = 0; ok && evidence != NULL && i < tandem_json_node_get_length (evidence); i++)
    {
      const char *caption, *link;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".evidence[%u]", i);
      item = tandem_json_reader_element_object (reader, evidence, i);
      ok = item != NULL &&
           get_string (reader, item, "caption", OPTIONAL, &caption) &&
           get_string (reader, item, "link", OPTIONAL, &link);
      if (ok)
        tandem_assessment_add_evidence (a, caption, link);
      tandem_json_reader_pop_to (reader, length);
    }
  if (!ok)
    return FALSE;

  placements = get_object (reader, object, "placements", &ok);
  if (!ok || !check_keys (reader, placements, "placements", tandem_stakeholder_names, TANDEM_N_STAKEHOLDERS))
    return FALSE;
  tandem_json_reader_push (reader, ".placements");
  for (guint s = 0; ok && placements != NULL && s < TANDEM_N_STAKEHOLDERS; s++)
    {
      ok = get_cell (reader, placements, tandem_stakeholder_names[s], TRUE, &has_cell, &row, &col);
      if (ok && has_cell)
        tandem_assessment_set_placement (a, s, row, col);
    }
  tandem_json_reader_pop_to (reader, length);
  if (!ok)
    return FALSE;

  *result = g_steal_pointer (&a);
  return TRUE;
}

static gboolean
read_indicator (TandemJsonReader      *reader,
                const TandemJsonNode  *object,
                const char            *uuid,
                GHashTable            *ids,
                TandemIndicator      **result)
{
  g_autoptr(TandemIndicator) indicator = NULL;
  g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
  gsize length = reader->path->len;
  const char *id, *name, *unit;
  gboolean has_value, ok = TRUE;
  double value;
  const TandemJsonNode *readings;

  if (!get_uuid (reader, object, "id", ids, &id) ||
      !get_string (reader, object, "name", REQUIRED, &name) ||
      !get_string (reader, object, "unit", OPTIONAL, &unit))
    return FALSE;

  indicator = tandem_indicator_new (uuid, name, unit);
  tandem_indicator_set_id (indicator, id);

  if (!get_number (reader, object, "baseline", TRUE, &has_value, &value))
    return FALSE;
  tandem_indicator_set_baseline (indicator, has_value, value);
  if (!get_number (reader, object, "target", TRUE, &has_value, &value))
    return FALSE;
  tandem_indicator_set_target (indicator, has_value, value);

  readings = tandem_json_reader_get_array (reader, object, "readings", FALSE, &ok);
  for (guint i = 0; ok && readings != NULL && i < tandem_json_node_get_length (readings); i++)
    {
      const char *date;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".readings[%u]", i);
      item = tandem_json_reader_element_object (reader, readings, i);
      ok = item != NULL &&
           get_date (reader, item, "date", FALSE, &date) &&
           get_number (reader, item, "value", FALSE, &has_value, &value);
      if (ok && !g_hash_table_add (dates, (gpointer) date))
        {
          tandem_json_reader_push (reader, ".date");
          ok = tandem_json_reader_fail (reader, _("there is another reading on %s"), date);
        }
      if (ok)
        tandem_indicator_set_reading (indicator, date, value);
      tandem_json_reader_pop_to (reader, length);
    }
  if (!ok)
    return FALSE;

  *result = g_steal_pointer (&indicator);
  return TRUE;
}

static gboolean
read_initiative (TandemJsonReader     *reader,
                 const TandemJsonNode *object,
                 Context              *context,
                 GHashTable           *ids,
                 Document             *document)
{
  g_autoptr(TandemInitiative) initiative = NULL;
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize length = reader->path->len;
  const char *uuid, *title, *organisation, *service_area, *place, *description, *target_date;
  gboolean has_cell, has_target, ok = TRUE;
  guint row, col, target_row = 0, target_col = 0;
  gint64 created, updated;
  const TandemJsonNode *notes, *array;

  if (!get_uuid (reader, object, "uuid", ids, &uuid) ||
      !get_string (reader, object, "title", REQUIRED, &title) ||
      !get_string (reader, object, "organisation", OPTIONAL, &organisation) ||
      !get_string (reader, object, "service_area", OPTIONAL, &service_area) ||
      !get_string (reader, object, "place", OPTIONAL, &place) ||
      !get_string (reader, object, "description", OPTIONAL, &description) ||
      !get_whole_number (reader, object, "created", &created) ||
      !get_whole_number (reader, object, "updated", &updated) ||
      !get_cell (reader, object, "cell", FALSE, &has_cell, &row, &col) ||
      !get_cell (reader, object, "target", TRUE, &has_target, &target_row, &target_col) ||
      !get_date (reader, object, "target_date", TRUE, &target_date))
    return FALSE;

  initiative = tandem_initiative_new (title, row, col);
  tandem_initiative_set_uuid (initiative, uuid);
  tandem_initiative_set_organisation (initiative, organisation);
  tandem_initiative_set_service_area (initiative, service_area);
  tandem_initiative_set_place (initiative, place);
  tandem_initiative_set_description (initiative, description);
  tandem_initiative_set_created (initiative, created);
  tandem_initiative_set_updated (initiative, updated);
  if (has_target)
    tandem_initiative_set_target (initiative, target_row, target_col);
  tandem_initiative_set_target_date (initiative, target_date);

  notes = get_object (reader, object, "notes", &ok);
  if (!ok)
    return FALSE;
  if (notes != NULL)
    {
      for (guint i = 0; i < tandem_json_node_get_length (notes); i++)
        {
          const char *cell = tandem_json_node_get_member_name (notes, i);
          const TandemJsonNode *note = tandem_json_node_get_member_value (notes, i);
          g_autofree char *shown = g_utf8_make_valid (cell, MIN (strlen (cell), 80));
          guint note_row, note_col;

          tandem_json_reader_push (reader, ".notes[\"%s\"]", shown);
          if (!tandem_json_node_holds (note, TANDEM_JSON_STRING))
            return tandem_json_reader_fail (reader, _("must be text"));
          if (!tandem_json_reader_check_length (reader, tandem_json_node_get_string (note)) ||
              !parse_cell (reader, cell, &note_row, &note_col))
            return FALSE;
          if (tandem_initiative_get_cell_note (initiative, note_row, note_col) != NULL)
            return tandem_json_reader_fail (reader, _("cell %u,%u has two notes"), note_row, note_col);
          tandem_json_reader_pop_to (reader, length);
          tandem_initiative_set_cell_note (initiative, note_row, note_col, tandem_json_node_get_string (note));
        }
    }

  array = tandem_json_reader_get_array (reader, object, "citations", FALSE, &ok);
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const char *case_id, *note;
      gboolean evidence;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".citations[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL &&
           get_string (reader, item, "case", REQUIRED, &case_id) &&
           get_bool (reader, item, "evidence", &evidence) &&
           get_string (reader, item, "note", OPTIONAL, &note);
      if (ok && !g_hash_table_contains (context->file_cases, case_id) &&
          lookup_local_case (context, case_id) == NULL)
        {
          tandem_json_reader_push (reader, ".case");
          ok = tandem_json_reader_fail (reader,
                                        _("“%s” is a case study neither in the file nor in the portfolio"), case_id);
        }
      else if (ok && tandem_initiative_find_citation (initiative, case_id) != NULL)
        {
          tandem_json_reader_push (reader, ".case");
          ok = tandem_json_reader_fail (reader, _("“%s” is cited twice"), case_id);
        }
      else if (ok)
        tandem_initiative_cite (initiative, case_id, evidence, note);
      tandem_json_reader_pop_to (reader, length);
    }
  if (!ok)
    return FALSE;

  array = tandem_json_reader_get_array (reader, object, "assessments", FALSE, &ok);
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      TandemAssessment *a = NULL;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".assessments[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL && read_assessment (reader, item, uuid, ids, dates, &a);
      if (ok)
        g_ptr_array_add (document->assessments, a);
      tandem_json_reader_pop_to (reader, length);
    }
  if (!ok)
    return FALSE;

  array = tandem_json_reader_get_array (reader, object, "indicators", FALSE, &ok);
  for (guint i = 0; ok && array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      TandemIndicator *indicator = NULL;
      const TandemJsonNode *item;

      tandem_json_reader_push (reader, ".indicators[%u]", i);
      item = tandem_json_reader_element_object (reader, array, i);
      ok = item != NULL && read_indicator (reader, item, uuid, ids, &indicator);
      if (ok)
        g_ptr_array_add (document->indicators, indicator);
      tandem_json_reader_pop_to (reader, length);
    }
  if (!ok)
    return FALSE;

  g_ptr_array_add (document->initiatives, g_steal_pointer (&initiative));
  return TRUE;
}

static gboolean
read_document (TandemJsonReader *reader,
               GBytes           *json,
               Context          *context,
               Document         *document)
{
  g_autoptr(TandemJsonDocument) parsed = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);
  const char *format;
  const TandemJsonNode *root, *array, *node;
  gboolean ok = TRUE;

  if (size > TANDEM_EXCHANGE_MAX_SIZE)
    return tandem_json_reader_fail (reader,
                                    _("the file is %" G_GSIZE_FORMAT " bytes long; Tandem reads files of up to 256 MiB"),
                                    size);

  /* The parser checks the text is UTF-8 and JSON, nested no deeper than
   * the format ever is, without U+0000, which C strings cannot hold. */
  parsed = tandem_json_document_parse (data, size, TANDEM_EXCHANGE_MAX_DEPTH, &parse_error);
  if (parsed == NULL)
    {
      g_set_error (reader->error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   "%s: %s", reader->name, parse_error->message);
      return FALSE;
    }

  root = tandem_json_document_get_root (parsed);
  if (!tandem_json_node_holds (root, TANDEM_JSON_OBJECT))
    return tandem_json_reader_fail (reader, _("must be an object"));

  if (!get_string (reader, root, "format", REQUIRED, &format))
    return FALSE;
  if (!g_str_equal (format, TANDEM_EXCHANGE_FORMAT))
    {
      tandem_json_reader_push (reader, ".format");
      return tandem_json_reader_fail (reader,
                                      _("“%s” is not a Tandem portfolio (“%s”)"), format, TANDEM_EXCHANGE_FORMAT);
    }

  node = tandem_json_node_get_member (root, "version");
  tandem_json_reader_push (reader, ".version");
  if (tandem_json_reader_is_absent (node))
    return tandem_json_reader_fail (reader, _("is missing"));
  if (!tandem_json_node_holds (node, TANDEM_JSON_INT))
    return tandem_json_reader_fail (reader, _("must be a whole number"));
  if (tandem_json_node_get_int (node) > TANDEM_EXCHANGE_VERSION)
    return tandem_json_reader_fail (reader,
                                    _("version %" G_GINT64_FORMAT " comes from a newer Tandem; this one reads version %d: update Tandem to import it"),
                                    tandem_json_node_get_int (node), TANDEM_EXCHANGE_VERSION);
  if (tandem_json_node_get_int (node) != TANDEM_EXCHANGE_VERSION)
    return tandem_json_reader_fail (reader,
                                    _("%" G_GINT64_FORMAT " is not a version of the format; this Tandem reads version %d"),
                                    tandem_json_node_get_int (node), TANDEM_EXCHANGE_VERSION);
  tandem_json_reader_pop_to (reader, 1);

  if (!read_matrix (reader, root, document) ||
      !read_case_studies (reader, root, context))
    return FALSE;

  array = tandem_json_reader_get_array (reader, root, "initiatives", TRUE, &ok);
  if (!ok)
    return FALSE;
  for (guint i = 0; i < tandem_json_node_get_length (array); i++)
    {
      const TandemJsonNode *object;

      tandem_json_reader_push (reader, ".initiatives[%u]", i);
      object = tandem_json_reader_element_object (reader, array, i);
      if (object == NULL || !read_initiative (reader, object, context, ids, document))
        return FALSE;
      tandem_json_reader_pop_to (reader, 1);
    }

  /* The file's own order, for stable conflict lists. */
  array = tandem_json_reader_get_array (reader, root, "case_studies", FALSE, &ok);
  for (guint i = 0; array != NULL && i < tandem_json_node_get_length (array); i++)
    {
      const TandemJsonNode *object = tandem_json_node_get_element (array, i);
      const char *id = tandem_json_node_get_string (tandem_json_node_get_member (object, "id"));

      g_ptr_array_add (document->cases, g_hash_table_lookup (context->file_cases, id));
    }

  return TRUE;
}

/* ---- Comparing with the portfolio ----------------------------------------------- */

struct _TandemImport
{
  TandemStore        *store;   /* or NULL if only checked */
  TandemChanges      *changes;
  GPtrArray          *conflicts;
  TandemImportCounts  counts;
};

static void
conflict_free (gpointer data)
{
  TandemConflict *conflict = data;

  if (conflict->kind == TANDEM_CONFLICT_LABEL)
    {
      g_free (conflict->mine);
      g_free (conflict->theirs);
    }
  else
    {
      g_clear_object (&conflict->mine);
      g_clear_object (&conflict->theirs);
    }
  g_free (conflict->id);
  g_free (conflict->description);
  g_free (conflict);
}

/* "WHAT: a, b differ", from the names of the fields that differ. */
static void
add_conflict (TandemImport       *import,
              TandemConflictKind  kind,
              const char         *id,
              const char         *what,
              GPtrArray          *fields,
              gpointer            mine,
              gpointer            theirs)
{
  TandemConflict *conflict = g_new0 (TandemConflict, 1);
  g_autofree char *joined = NULL;

  g_ptr_array_add (fields, NULL);
  joined = g_strjoinv (", ", (char **) fields->pdata);

  conflict->kind = kind;
  conflict->id = g_strdup (id);
  conflict->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s differs", "%s: %s differ",
                                                        fields->len - 1),
                                           what, joined);
  conflict->mine = mine;
  conflict->theirs = theirs;
  conflict->resolution = TANDEM_KEEP_MINE;
  g_ptr_array_add (import->conflicts, conflict);
  import->counts.conflicts++;
}

#define DIFFER(cond, field) G_STMT_START { if (cond) g_ptr_array_add (fields, (gpointer) (field)); } G_STMT_END

static void
compare_initiative (TandemImport     *import,
                    TandemInitiative *mine,
                    TandemInitiative *theirs)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *what = NULL;
  gboolean notes = FALSE, citations;

  if (tandem_initiative_equal (mine, theirs))
    {
      import->counts.unchanged++;
      return;
    }

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      notes |= g_strcmp0 (tandem_initiative_get_cell_note (mine, row, col),
                          tandem_initiative_get_cell_note (theirs, row, col)) != 0;

  citations = tandem_initiative_get_n_citations (mine) != tandem_initiative_get_n_citations (theirs);
  for (guint i = 0; !citations && i < tandem_initiative_get_n_citations (mine); i++)
    {
      const TandemCitation *x = tandem_initiative_get_citation (mine, i);
      const TandemCitation *y = tandem_initiative_get_citation (theirs, i);

      citations = g_strcmp0 (x->case_id, y->case_id) != 0 || x->evidence != y->evidence ||
                  g_strcmp0 (x->note, y->note) != 0;
    }

  DIFFER (g_strcmp0 (tandem_initiative_get_title (mine), tandem_initiative_get_title (theirs)), _("title"));
  DIFFER (g_strcmp0 (tandem_initiative_get_organisation (mine), tandem_initiative_get_organisation (theirs)),
          _("organisation"));
  DIFFER (g_strcmp0 (tandem_initiative_get_service_area (mine), tandem_initiative_get_service_area (theirs)),
          _("service area"));
  DIFFER (g_strcmp0 (tandem_initiative_get_place (mine), tandem_initiative_get_place (theirs)), _("place"));
  DIFFER (g_strcmp0 (tandem_initiative_get_description (mine), tandem_initiative_get_description (theirs)),
          _("description"));
  DIFFER (tandem_initiative_get_created (mine) != tandem_initiative_get_created (theirs), _("created"));
  DIFFER (tandem_initiative_get_updated (mine) != tandem_initiative_get_updated (theirs), _("updated"));
  DIFFER (tandem_initiative_get_row (mine) != tandem_initiative_get_row (theirs) ||
          tandem_initiative_get_col (mine) != tandem_initiative_get_col (theirs), _("cell"));
  DIFFER (tandem_initiative_has_target (mine) != tandem_initiative_has_target (theirs) ||
          tandem_initiative_get_target_row (mine) != tandem_initiative_get_target_row (theirs) ||
          tandem_initiative_get_target_col (mine) != tandem_initiative_get_target_col (theirs), _("target"));
  DIFFER (g_strcmp0 (tandem_initiative_get_target_date (mine), tandem_initiative_get_target_date (theirs)),
          _("target date"));
  DIFFER (notes, _("notes"));
  DIFFER (citations, _("citations"));

  what = g_strdup_printf (_("initiative “%s”"), tandem_initiative_get_title (mine));
  add_conflict (import, TANDEM_CONFLICT_INITIATIVE, tandem_initiative_get_uuid (mine), what, fields,
                g_object_ref (mine), g_object_ref (theirs));
}

static void
compare_assessment (TandemImport     *import,
                    const char       *title,
                    TandemAssessment *mine,
                    TandemAssessment *theirs)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *what = NULL;
  gboolean presence = FALSE, answers = FALSE, placements = FALSE, evidence;

  if (tandem_assessment_equal (mine, theirs))
    {
      import->counts.unchanged++;
      return;
    }

  for (guint i = 0; i < TANDEM_N_COS; i++)
    presence |= tandem_assessment_get_presence (mine, tandem_cos_order[i]) != tandem_assessment_get_presence (theirs, tandem_cos_order[i]);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    answers |= tandem_assessment_get_answer (mine, q) != tandem_assessment_get_answer (theirs, q);
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint r1 = 0, c1 = 0, r2 = 0, c2 = 0;

      tandem_assessment_get_placement (mine, s, &r1, &c1);
      tandem_assessment_get_placement (theirs, s, &r2, &c2);
      placements |= r1 != r2 || c1 != c2;
    }
  evidence = tandem_assessment_get_n_evidence (mine) != tandem_assessment_get_n_evidence (theirs);
  for (guint i = 0; !evidence && i < tandem_assessment_get_n_evidence (mine); i++)
    {
      const TandemEvidence *x = tandem_assessment_get_evidence (mine, i);
      const TandemEvidence *y = tandem_assessment_get_evidence (theirs, i);

      evidence = g_strcmp0 (x->caption, y->caption) != 0 || g_strcmp0 (x->link, y->link) != 0;
    }

  DIFFER (g_strcmp0 (tandem_assessment_get_id (mine), tandem_assessment_get_id (theirs)), _("ID"));
  DIFFER (g_strcmp0 (tandem_assessment_get_initiative (mine), tandem_assessment_get_initiative (theirs)),
          _("initiative"));
  DIFFER (g_strcmp0 (tandem_assessment_get_date (mine), tandem_assessment_get_date (theirs)), _("date"));
  DIFFER (tandem_assessment_get_row (mine) != tandem_assessment_get_row (theirs) ||
          tandem_assessment_get_col (mine) != tandem_assessment_get_col (theirs), _("cell"));
  DIFFER (tandem_assessment_get_stage (mine) != tandem_assessment_get_stage (theirs), _("stage"));
  DIFFER (tandem_assessment_get_level (mine) != tandem_assessment_get_level (theirs), _("level"));
  DIFFER (presence, _("Four Co’s"));
  DIFFER (tandem_assessment_get_subtypes (mine) != tandem_assessment_get_subtypes (theirs), _("sub-types"));
  DIFFER (tandem_assessment_get_principles (mine) != tandem_assessment_get_principles (theirs), _("principles"));
  DIFFER (answers, _("answers"));
  DIFFER (g_strcmp0 (tandem_assessment_get_notes (mine), tandem_assessment_get_notes (theirs)), _("notes"));
  DIFFER (g_strcmp0 (tandem_assessment_get_participants (mine), tandem_assessment_get_participants (theirs)),
          _("participants"));
  DIFFER (evidence, _("evidence"));
  DIFFER (placements, _("placements"));

  what = g_strdup_printf (_("assessment of “%s” on %s"), title, tandem_assessment_get_date (theirs));
  add_conflict (import, TANDEM_CONFLICT_ASSESSMENT, tandem_assessment_get_id (theirs), what, fields,
                g_object_ref (mine), g_object_ref (theirs));
}

static void
compare_indicator (TandemImport    *import,
                   const char      *title,
                   TandemIndicator *mine,
                   TandemIndicator *theirs)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *what = NULL;
  gboolean has1, has2, readings;
  double v1, v2;

  if (tandem_indicator_equal (mine, theirs))
    {
      import->counts.unchanged++;
      return;
    }

  DIFFER (g_strcmp0 (tandem_indicator_get_initiative (mine), tandem_indicator_get_initiative (theirs)),
          _("initiative"));
  DIFFER (g_strcmp0 (tandem_indicator_get_name (mine), tandem_indicator_get_name (theirs)), _("name"));
  DIFFER (g_strcmp0 (tandem_indicator_get_unit (mine), tandem_indicator_get_unit (theirs)), _("unit"));
  has1 = tandem_indicator_get_baseline (mine, &v1);
  has2 = tandem_indicator_get_baseline (theirs, &v2);
  DIFFER (has1 != has2 || (has1 && v1 != v2), _("baseline"));
  has1 = tandem_indicator_get_target (mine, &v1);
  has2 = tandem_indicator_get_target (theirs, &v2);
  DIFFER (has1 != has2 || (has1 && v1 != v2), _("target"));
  readings = tandem_indicator_get_n_readings (mine) != tandem_indicator_get_n_readings (theirs);
  for (guint i = 0; !readings && i < tandem_indicator_get_n_readings (mine); i++)
    {
      const TandemReading *x = tandem_indicator_get_reading (mine, i);
      const TandemReading *y = tandem_indicator_get_reading (theirs, i);

      readings = g_strcmp0 (x->date, y->date) != 0 || x->value != y->value;
    }
  DIFFER (readings, _("readings"));
  if (fields->len == 0)
    g_ptr_array_add (fields, (gpointer) _("content"));

  what = g_strdup_printf (_("indicator “%s” of “%s”"), tandem_indicator_get_name (mine), title);
  add_conflict (import, TANDEM_CONFLICT_INDICATOR, tandem_indicator_get_id (mine), what, fields,
                g_object_ref (mine), g_object_ref (theirs));
}

static gboolean
same_links (TandemCaseStudy *a,
            TandemCaseStudy *b)
{
  if (tandem_case_study_get_n_links (a) != tandem_case_study_get_n_links (b))
    return FALSE;

  for (guint i = 0; i < tandem_case_study_get_n_links (a); i++)
    {
      const TandemCaseLink *x = tandem_case_study_get_link (a, i);
      const TandemCaseLink *y = tandem_case_study_get_link (b, i);

      if (x->row != y->row || x->col != y->col || x->basis != y->basis || x->hidden != y->hidden ||
          x->user_note != y->user_note || g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
compare_case (TandemImport    *import,
              FileCase        *file_case,
              TandemCaseStudy *mine)
{
  TandemCaseStudy *theirs = file_case->theirs;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *what = NULL;

  if (mine == NULL)
    {
      /* Only user case studies can be new: library ones exist by now. */
      tandem_changes_save_case (import->changes, theirs);
      import->counts.new_case_studies++;
      return;
    }

  if (file_case->bundled && !file_case->has_links)
    {
      import->counts.unchanged++;
      return;
    }

  if (tandem_case_study_equal (mine, theirs))
    {
      import->counts.unchanged++;
      return;
    }

  /* The user's links of a library case study they never changed here. */
  if (file_case->bundled && !tandem_case_study_has_user_links (mine))
    {
      tandem_changes_save_case (import->changes, theirs);
      import->counts.new_case_studies++;
      return;
    }

  DIFFER (!tandem_case_study_content_equal (mine, theirs), _("content"));
  DIFFER (!same_links (mine, theirs), _("links"));

  what = g_strdup_printf (_("case study “%s”"), tandem_case_study_get_title (mine));
  add_conflict (import, TANDEM_CONFLICT_CASE_STUDY, tandem_case_study_get_id (mine), what, fields,
                g_object_ref (mine), g_object_ref (theirs));
}

/* The portfolio's version of @theirs: the assessment with its ID or else
 * the initiative's assessment of the same day (one a day is kept).  @local
 * is the initiative's assessments, if the portfolio has the initiative; an
 * ID it has elsewhere is looked up. */
static gboolean
find_local_assessment (TandemStore       *store,
                       GHashTable        *local_ids,
                       GPtrArray         *local,
                       TandemAssessment  *theirs,
                       TandemAssessment **mine,
                       GError           **error)
{
  const char *id = tandem_assessment_get_id (theirs);
  TandemAssessment *same_day = NULL;

  for (guint i = 0; local != NULL && i < local->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (local, i);

      if (g_str_equal (tandem_assessment_get_id (a), id))
        {
          *mine = g_object_ref (a);
          return TRUE;
        }
      if (same_day == NULL && g_str_equal (tandem_assessment_get_date (a), tandem_assessment_get_date (theirs)))
        same_day = a;
    }

  if (local_ids != NULL && g_hash_table_contains (local_ids, id))
    {
      g_autoptr(GError) local_error = NULL;

      *mine = tandem_store_lookup_assessment (store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  *mine = same_day ? g_object_ref (same_day) : NULL;
  return TRUE;
}

static gboolean
compare_document (TandemImport  *import,
                  Document      *document,
                  Context       *context,
                  GError       **error)
{
  TandemStore *store = import->store;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  /* uuid → GPtrArray of the portfolio's assessments, for initiatives it has */
  g_autoptr(GHashTable) local_days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) local_ids = NULL;

  if (store != NULL)
    {
      local_ids = tandem_store_list_assessment_owners (store, error);
      if (local_ids == NULL)
        return FALSE;
    }

  for (guint i = 0; i < document->label_keys->len; i++)
    {
      const char *key = g_ptr_array_index (document->label_keys, i);
      const char *theirs = g_hash_table_lookup (document->labels, key);
      g_autofree char *mine = NULL;

      if (store != NULL)
        mine = tandem_matrix_dup_custom_label (tandem_store_get_matrix (store), key);

      if (mine == NULL)
        {
          tandem_changes_set_label (import->changes, key, theirs);
          import->counts.new_labels++;
        }
      else if (g_str_equal (mine, theirs))
        import->counts.unchanged++;
      else
        {
          g_autoptr(GPtrArray) fields = g_ptr_array_new ();
          g_autofree char *what = g_strdup_printf (_("matrix label “%s”"), key);

          g_ptr_array_add (fields, (gpointer) _("wording"));
          add_conflict (import, TANDEM_CONFLICT_LABEL, key, what, fields,
                        g_steal_pointer (&mine), g_strdup (theirs));
        }
    }

  for (guint i = 0; i < document->cases->len; i++)
    {
      FileCase *file_case = g_ptr_array_index (document->cases, i);
      const char *id = tandem_case_study_get_id (file_case->theirs);
      TandemCaseStudy *mine = lookup_local_case (context, id);

      /* Without a portfolio, the library stands for a new one. */
      compare_case (import, file_case, mine);
    }

  for (guint i = 0; i < document->initiatives->len; i++)
    {
      TandemInitiative *theirs = g_ptr_array_index (document->initiatives, i);
      TandemInitiative *mine = store ? tandem_store_lookup_initiative (store, tandem_initiative_get_uuid (theirs)) : NULL;

      g_hash_table_insert (titles, (gpointer) tandem_initiative_get_uuid (theirs),
                           (gpointer) tandem_initiative_get_title (mine ? mine : theirs));
      if (mine == NULL)
        {
          g_ptr_array_add (import->changes->save_initiatives, g_object_ref (theirs));
          import->counts.new_initiatives++;
          continue;
        }

      compare_initiative (import, mine, theirs);
      {
        GPtrArray *local = tandem_store_list_assessments (store, tandem_initiative_get_uuid (mine), error);

        if (local == NULL)
          return FALSE;
        g_hash_table_insert (local_days, (gpointer) tandem_initiative_get_uuid (theirs), local);
      }
    }

  for (guint i = 0; i < document->assessments->len; i++)
    {
      TandemAssessment *theirs = g_ptr_array_index (document->assessments, i);
      const char *uuid = tandem_assessment_get_initiative (theirs);
      g_autoptr(TandemAssessment) mine = NULL;

      if (!find_local_assessment (store, local_ids, g_hash_table_lookup (local_days, uuid), theirs, &mine, error))
        return FALSE;

      if (mine != NULL)
        compare_assessment (import, g_hash_table_lookup (titles, uuid), mine, theirs);
      else
        {
          g_ptr_array_add (import->changes->save_assessments, g_object_ref (theirs));
          import->counts.new_assessments++;
        }
    }

  for (guint i = 0; i < document->indicators->len; i++)
    {
      TandemIndicator *theirs = g_ptr_array_index (document->indicators, i);
      g_autoptr(TandemIndicator) mine = NULL;

      if (store != NULL)
        {
          g_autoptr(GError) local_error = NULL;

          mine = tandem_store_lookup_indicator (store, tandem_indicator_get_id (theirs), &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }

      if (mine != NULL)
        compare_indicator (import, g_hash_table_lookup (titles, tandem_indicator_get_initiative (theirs)),
                           mine, theirs);
      else
        {
          g_ptr_array_add (import->changes->save_indicators, g_object_ref (theirs));
          import->counts.new_indicators++;
        }
    }

  return TRUE;
}

/**
 * tandem_exchange_read_json:
 * @store: (nullable): the portfolio to merge into, or %NULL only to check
 *   the document (as if for a new, empty portfolio)
 * @json: the document
 * @name: what to call it in messages, such as its file name
 *
 * Reads and checks the whole document and compares it with @store.
 * Nothing is written.
 *
 * Returns: (transfer full): what importing would do, or %NULL with
 *   @error set: %TANDEM_STORE_ERROR_INVALID naming the file, the JSON path
 *   and what is wrong with it
 */
TandemImport *
tandem_exchange_read_json (TandemStore  *store,
                           GBytes       *json,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GPtrArray) library = NULL;
  TandemJsonReader reader = { name, path, error, TANDEM_EXCHANGE_MAX_STRING };
  Context context = { store, NULL, NULL };
  Document document = { NULL };
  gboolean ok;

  g_return_val_if_fail (store == NULL || TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context.file_cases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, file_case_free);
  if (store == NULL)
    {
      g_autoptr(GBytes) bundled = tandem_library_get_bundled ();
      int version;

      /* The library is compiled in and checked by the tests. */
      if (!tandem_library_parse (bundled, "case-studies.json", &version, &library, error))
        return NULL;

      context.library = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < library->len; i++)
        g_hash_table_insert (context.library, (gpointer) tandem_case_study_get_id (g_ptr_array_index (library, i)),
                             g_ptr_array_index (library, i));
    }

  document.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  document.label_keys = g_ptr_array_new_with_free_func (g_free);
  document.initiatives = g_ptr_array_new_with_free_func (g_object_unref);
  document.assessments = g_ptr_array_new_with_free_func (g_object_unref);
  document.indicators = g_ptr_array_new_with_free_func (g_object_unref);
  document.cases = g_ptr_array_new ();

  import = g_new0 (TandemImport, 1);
  import->store = store ? g_object_ref (store) : NULL;
  import->changes = tandem_changes_new ();
  import->conflicts = g_ptr_array_new_with_free_func (conflict_free);

  ok = read_document (&reader, json, &context, &document);
  if (ok)
    {
      import->counts.initiatives = document.initiatives->len;
      import->counts.assessments = document.assessments->len;
      import->counts.indicators = document.indicators->len;
      import->counts.case_studies = document.cases->len;
      import->counts.labels = document.label_keys->len;
      if (store == NULL)
        ok = compare_document (import, &document, &context, error);
      else if ((ok = tandem_store_begin_read (store, error)))
        {
          ok = compare_document (import, &document, &context, error);
          tandem_store_end_read (store);
        }
    }

  g_hash_table_unref (document.labels);
  g_ptr_array_unref (document.label_keys);
  g_ptr_array_unref (document.initiatives);
  g_ptr_array_unref (document.assessments);
  g_ptr_array_unref (document.indicators);
  g_ptr_array_unref (document.cases);
  g_hash_table_unref (context.file_cases);
  g_clear_pointer (&context.library, g_hash_table_unref);

  return ok ? g_steal_pointer (&import) : NULL;
}

/* ---- TandemImport ------------------------------------------------------------------ */

void
tandem_import_free (TandemImport *import)
{
  if (import == NULL)
    return;

  g_clear_object (&import->store);
  tandem_changes_free (import->changes);
  g_ptr_array_unref (import->conflicts);
  g_free (import);
}

/**
 * tandem_import_get_changes:
 *
 * Returns: (transfer none): what is written without asking: the items new
 *   to the portfolio.  Conflicts resolved as “keep theirs” are added by
 *   tandem_import_apply().
 */
TandemChanges *
tandem_import_get_changes (TandemImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->changes;
}

guint
tandem_import_get_n_conflicts (TandemImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return import->conflicts->len;
}

/**
 * tandem_import_get_conflict:
 *
 * Returns: (transfer none): conflict @i, in the file's order
 */
const TandemConflict *
tandem_import_get_conflict (TandemImport *import,
                            guint         i)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (i < import->conflicts->len, NULL);

  return g_ptr_array_index (import->conflicts, i);
}

void
tandem_import_resolve (TandemImport     *import,
                       guint             i,
                       TandemResolution  resolution)
{
  TandemConflict *conflict;

  g_return_if_fail (import != NULL);
  g_return_if_fail (i < import->conflicts->len);
  g_return_if_fail (resolution == TANDEM_KEEP_MINE || resolution == TANDEM_KEEP_THEIRS);

  conflict = g_ptr_array_index (import->conflicts, i);
  conflict->resolution = resolution;
}

void
tandem_import_get_counts (TandemImport       *import,
                          TandemImportCounts *counts)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (counts != NULL);

  *counts = import->counts;
}

/**
 * tandem_import_get_summary:
 *
 * Returns: (transfer full): one line saying what importing adds, such as
 *   "412 initiatives, 3120 assessments, 0 indicators, 2 case studies,
 *   0 matrix labels new; 5 unchanged; 2 conflicts"
 */
char *
tandem_import_get_summary (TandemImport *import)
{
  const TandemImportCounts *c;
  GString *summary = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);

  c = &import->counts;
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u initiative", "%'u initiatives", c->new_initiatives),
                          c->new_initiatives);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u assessment", "%'u assessments", c->new_assessments),
                          c->new_assessments);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u indicator", "%'u indicators", c->new_indicators),
                          c->new_indicators);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u case study", "%'u case studies", c->new_case_studies),
                          c->new_case_studies);
  g_string_append (summary, ", ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u matrix label new", "%'u matrix labels new", c->new_labels),
                          c->new_labels);
  g_string_append (summary, "; ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u unchanged", "%'u unchanged", c->unchanged),
                          c->unchanged);
  g_string_append (summary, "; ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%'u conflict", "%'u conflicts", c->conflicts),
                          c->conflicts);

  return g_string_free (summary, FALSE);
}

static gpointer
ref_copy (gconstpointer object,
          gpointer      data)
{
  return g_object_ref ((gpointer) object);
}

/**
 * tandem_import_build_changes:
 *
 * Everything importing writes: what is new, and, for each conflict
 * resolved %TANDEM_KEEP_THEIRS, their version.  Write it with
 * tandem_store_apply(), or tandem_history_apply() to make it undoable.
 *
 * Returns: (transfer full): the changes, perhaps empty
 */
TandemChanges *
tandem_import_build_changes (TandemImport *import)
{
  TandemChanges *changes = tandem_changes_new ();
  TandemChanges *base;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (import != NULL, NULL);

  base = import->changes;
  g_ptr_array_extend (changes->save_cases, base->save_cases, ref_copy, NULL);
  g_ptr_array_extend (changes->save_initiatives, base->save_initiatives, ref_copy, NULL);
  g_ptr_array_extend (changes->save_assessments, base->save_assessments, ref_copy, NULL);
  g_ptr_array_extend (changes->save_indicators, base->save_indicators, ref_copy, NULL);
  g_hash_table_iter_init (&iter, base->labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    tandem_changes_set_label (changes, key, value);

  for (guint i = 0; i < import->conflicts->len; i++)
    {
      TandemConflict *conflict = g_ptr_array_index (import->conflicts, i);

      if (conflict->resolution != TANDEM_KEEP_THEIRS)
        continue;

      switch (conflict->kind)
        {
        case TANDEM_CONFLICT_INITIATIVE:
          tandem_changes_save_initiative (changes, conflict->theirs);
          break;

        case TANDEM_CONFLICT_ASSESSMENT:
          /* Another assessment the same day gives way to theirs. */
          if (!g_str_equal (tandem_assessment_get_id (conflict->mine), tandem_assessment_get_id (conflict->theirs)))
            tandem_changes_delete_assessment (changes, tandem_assessment_get_id (conflict->mine));
          tandem_changes_save_assessment (changes, conflict->theirs);
          break;

        case TANDEM_CONFLICT_INDICATOR:
          tandem_changes_save_indicator (changes, conflict->theirs);
          break;

        case TANDEM_CONFLICT_CASE_STUDY:
          tandem_changes_save_case (changes, conflict->theirs);
          break;

        case TANDEM_CONFLICT_LABEL:
          tandem_changes_set_label (changes, conflict->id, conflict->theirs);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return changes;
}

/**
 * tandem_import_apply:
 *
 * Writes the new items and every conflict resolved as “keep theirs”, in
 * one transaction: if anything fails, the portfolio is left as it was.
 * Conflicts left alone keep the portfolio's version.
 */
gboolean
tandem_import_apply (TandemImport  *import,
                     GError       **error)
{
  g_autoptr(TandemChanges) changes = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import->store == NULL)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                           _("The document was only checked, not read into a portfolio"));
      return FALSE;
    }

  changes = tandem_import_build_changes (import);
  if (tandem_changes_is_empty (changes))
    return TRUE;

  return tandem_store_apply (import->store, changes, error);
}

const char *
tandem_conflict_kind_to_string (TandemConflictKind kind)
{
  static const char * const names[] = { "initiative", "assessment", "indicator", "case-study", "label" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

/* tandem-exchange-export.c
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
#include "tandem-error.h"
#include "tandem-exchange.h"
#include "tandem-indicator.h"
#include "tandem-initiative.h"
#include "tandem-json-writer.h"
#include "tandem-matrix.h"
#include "tandem-names-private.h"

/* Tandem JSON out: the whole portfolio or some initiatives, written as it
 * is read (tandem-json-writer.c) inside one read transaction.  Reading it
 * back in is tandem-exchange.c. */

static void
add_string (TandemJsonWriter *writer,
            const char       *member,
            const char       *value)
{
  tandem_json_writer_set_member_name (writer, member);
  if (value == NULL)
    tandem_json_writer_add_null_value (writer);
  else
    tandem_json_writer_add_string_value (writer, value);
}

static void
add_cell (TandemJsonWriter *writer,
          const char       *member,
          guint             row,
          guint             col)
{
  g_autofree char *cell = g_strdup_printf ("%u,%u", row, col);

  add_string (writer, member, cell);
}

/* Whole numbers are written as such; anything else as JSON writes doubles. */
static void
add_number (TandemJsonWriter *writer,
            double            value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    tandem_json_writer_add_int_value (writer, (gint64) value);
  else
    tandem_json_writer_add_double_value (writer, value);
}

static void
add_strings (TandemJsonWriter   *writer,
             const char         *member,
             const char * const *strings)
{
  tandem_json_writer_set_member_name (writer, member);
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    tandem_json_writer_add_string_value (writer, strings[i]);
  tandem_json_writer_end_array (writer);
}

static void
add_flags (TandemJsonWriter     *writer,
           const char           *member,
           const TandemFlagName *names,
           guint                 n_names,
           guint                 flags)
{
  tandem_json_writer_set_member_name (writer, member);
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < n_names; i++)
    if (flags & names[i].flag)
      tandem_json_writer_add_string_value (writer, names[i].name);
  tandem_json_writer_end_array (writer);
}

static void
export_assessment (TandemJsonWriter *writer,
                   TandemAssessment *a)
{
  TandemStage stage = tandem_assessment_get_stage (a);

  tandem_json_writer_begin_object (writer);
  add_string (writer, "id", tandem_assessment_get_id (a));
  add_string (writer, "date", tandem_assessment_get_date (a));
  add_cell (writer, "cell", tandem_assessment_get_row (a), tandem_assessment_get_col (a));
  add_string (writer, "stage", stage == TANDEM_STAGE_NONE ? NULL : tandem_stage_to_string (stage));
  add_string (writer, "level", tandem_level_names[tandem_assessment_get_level (a)]);

  tandem_json_writer_set_member_name (writer, "cos");
  tandem_json_writer_begin_object (writer);
  for (guint i = 0; i < TANDEM_N_COS; i++)
    add_string (writer, tandem_cos_to_string (tandem_cos_order[i]),
                tandem_presence_names[tandem_assessment_get_presence (a, tandem_cos_order[i])]);
  tandem_json_writer_end_object (writer);

  add_flags (writer, "subtypes", tandem_subtype_names, G_N_ELEMENTS (tandem_subtype_names),
             tandem_assessment_get_subtypes (a));
  add_flags (writer, "principles", tandem_principle_names, G_N_ELEMENTS (tandem_principle_names),
             tandem_assessment_get_principles (a));

  tandem_json_writer_set_member_name (writer, "answers");
  tandem_json_writer_begin_object (writer);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    add_string (writer, tandem_question_names[q], tandem_answer_names[tandem_assessment_get_answer (a, q)]);
  tandem_json_writer_end_object (writer);

  add_string (writer, "notes", tandem_assessment_get_notes (a));
  add_string (writer, "participants", tandem_assessment_get_participants (a));

  tandem_json_writer_set_member_name (writer, "evidence");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_assessment_get_n_evidence (a); i++)
    {
      const TandemEvidence *evidence = tandem_assessment_get_evidence (a, i);

      tandem_json_writer_begin_object (writer);
      add_string (writer, "caption", evidence->caption ? evidence->caption : "");
      add_string (writer, "link", evidence->link ? evidence->link : "");
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);

  tandem_json_writer_set_member_name (writer, "placements");
  tandem_json_writer_begin_object (writer);
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint row, col;

      if (tandem_assessment_get_placement (a, s, &row, &col))
        add_cell (writer, tandem_stakeholder_names[s], row, col);
    }
  tandem_json_writer_end_object (writer);

  tandem_json_writer_end_object (writer);
}

static int
compare_indicators (gconstpointer a,
                    gconstpointer b)
{
  TandemIndicator *x = *(TandemIndicator * const *) a;
  TandemIndicator *y = *(TandemIndicator * const *) b;
  int result = strcmp (tandem_indicator_get_name (x), tandem_indicator_get_name (y));

  return result ? result : strcmp (tandem_indicator_get_id (x), tandem_indicator_get_id (y));
}

static void
export_indicator (TandemJsonWriter *writer,
                  TandemIndicator  *indicator)
{
  double value;

  tandem_json_writer_begin_object (writer);
  add_string (writer, "id", tandem_indicator_get_id (indicator));
  add_string (writer, "name", tandem_indicator_get_name (indicator));
  add_string (writer, "unit", tandem_indicator_get_unit (indicator) ? tandem_indicator_get_unit (indicator) : "");

  tandem_json_writer_set_member_name (writer, "baseline");
  if (tandem_indicator_get_baseline (indicator, &value))
    add_number (writer, value);
  else
    tandem_json_writer_add_null_value (writer);

  tandem_json_writer_set_member_name (writer, "target");
  if (tandem_indicator_get_target (indicator, &value))
    add_number (writer, value);
  else
    tandem_json_writer_add_null_value (writer);

  tandem_json_writer_set_member_name (writer, "readings");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_indicator_get_n_readings (indicator); i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (indicator, i);

      tandem_json_writer_begin_object (writer);
      add_string (writer, "date", reading->date);
      tandem_json_writer_set_member_name (writer, "value");
      add_number (writer, reading->value);
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);

  tandem_json_writer_end_object (writer);
}

static gboolean
export_initiative (TandemJsonWriter  *writer,
                   TandemStore       *store,
                   TandemInitiative  *initiative,
                   GHashTable        *cited,
                   GError           **error)
{
  const char *uuid = tandem_initiative_get_uuid (initiative);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;

  assessments = tandem_store_list_assessments (store, uuid, error);
  if (assessments == NULL)
    return FALSE;
  indicators = tandem_store_list_indicators (store, uuid, error);
  if (indicators == NULL)
    return FALSE;
  /* The store orders indicators by name; ties by ID, so the file is stable. */
  g_ptr_array_sort (indicators, compare_indicators);

  tandem_json_writer_begin_object (writer);
  add_string (writer, "uuid", uuid);
  add_string (writer, "title", tandem_initiative_get_title (initiative));
  add_string (writer, "organisation", tandem_initiative_get_organisation (initiative));
  add_string (writer, "service_area", tandem_initiative_get_service_area (initiative));
  add_string (writer, "place", tandem_initiative_get_place (initiative));
  add_string (writer, "description", tandem_initiative_get_description (initiative));
  tandem_json_writer_set_member_name (writer, "created");
  tandem_json_writer_add_int_value (writer, tandem_initiative_get_created (initiative));
  tandem_json_writer_set_member_name (writer, "updated");
  tandem_json_writer_add_int_value (writer, tandem_initiative_get_updated (initiative));
  add_cell (writer, "cell", tandem_initiative_get_row (initiative), tandem_initiative_get_col (initiative));
  if (tandem_initiative_has_target (initiative))
    add_cell (writer, "target", tandem_initiative_get_target_row (initiative),
              tandem_initiative_get_target_col (initiative));
  else
    add_string (writer, "target", NULL);
  add_string (writer, "target_date", tandem_initiative_get_target_date (initiative));

  tandem_json_writer_set_member_name (writer, "notes");
  tandem_json_writer_begin_object (writer);
  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        const char *note = tandem_initiative_get_cell_note (initiative, row, col);
        g_autofree char *cell = NULL;

        if (note == NULL)
          continue;
        cell = g_strdup_printf ("%u,%u", row, col);
        add_string (writer, cell, note);
      }
  tandem_json_writer_end_object (writer);

  tandem_json_writer_set_member_name (writer, "citations");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_initiative_get_n_citations (initiative); i++)
    {
      const TandemCitation *citation = tandem_initiative_get_citation (initiative, i);

      g_hash_table_add (cited, g_strdup (citation->case_id));
      tandem_json_writer_begin_object (writer);
      add_string (writer, "case", citation->case_id);
      tandem_json_writer_set_member_name (writer, "evidence");
      tandem_json_writer_add_boolean_value (writer, citation->evidence);
      add_string (writer, "note", citation->note ? citation->note : "");
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);

  tandem_json_writer_set_member_name (writer, "assessments");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < assessments->len; i++)
    export_assessment (writer, g_ptr_array_index (assessments, i));
  tandem_json_writer_end_array (writer);

  tandem_json_writer_set_member_name (writer, "indicators");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < indicators->len; i++)
    export_indicator (writer, g_ptr_array_index (indicators, i));
  tandem_json_writer_end_array (writer);

  tandem_json_writer_end_object (writer);
  return TRUE;
}

static void
export_links (TandemJsonWriter *writer,
              TandemCaseStudy  *case_study)
{
  tandem_json_writer_set_member_name (writer, "links");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_case_study_get_n_links (case_study); i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (case_study, i);

      tandem_json_writer_begin_object (writer);
      add_cell (writer, "cell", link->row, link->col);
      add_string (writer, "basis", tandem_link_basis_to_string (link->basis));
      add_string (writer, "note", link->note ? link->note : "");
      tandem_json_writer_set_member_name (writer, "hidden");
      tandem_json_writer_add_boolean_value (writer, link->hidden);
      tandem_json_writer_set_member_name (writer, "user_note");
      tandem_json_writer_add_boolean_value (writer, link->user_note);
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);
}

static void
export_case (TandemJsonWriter *writer,
             TandemCaseStudy  *cs)
{
  TandemCos cos = tandem_case_study_get_cos (cs);

  tandem_json_writer_begin_object (writer);
  add_string (writer, "id", tandem_case_study_get_id (cs));

  if (tandem_case_study_get_bundled (cs))
    {
      /* The library has the rest; only the user's links travel. */
      tandem_json_writer_set_member_name (writer, "bundled");
      tandem_json_writer_add_boolean_value (writer, TRUE);
      if (tandem_case_study_has_user_links (cs))
        export_links (writer, cs);
      tandem_json_writer_end_object (writer);
      return;
    }

  tandem_json_writer_set_member_name (writer, "bundled");
  tandem_json_writer_add_boolean_value (writer, FALSE);
  add_string (writer, "title", tandem_case_study_get_title (cs));
  tandem_json_writer_set_member_name (writer, "generic");
  tandem_json_writer_add_boolean_value (writer, tandem_case_study_get_generic (cs));
  add_string (writer, "place", tandem_case_study_get_place (cs));
  add_string (writer, "country", tandem_case_study_get_country (cs));
  add_string (writer, "service_area", tandem_case_study_get_service_area (cs));
  add_string (writer, "period", tandem_case_study_get_period (cs));
  add_string (writer, "summary", tandem_case_study_get_summary (cs));

  tandem_json_writer_set_member_name (writer, "cos");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < TANDEM_N_COS; i++)
    if (cos & tandem_cos_order[i])
      tandem_json_writer_add_string_value (writer, tandem_cos_to_string (tandem_cos_order[i]));
  tandem_json_writer_end_array (writer);

  tandem_json_writer_set_member_name (writer, "outcomes");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_case_study_get_n_outcomes (cs); i++)
    {
      const TandemOutcome *outcome = tandem_case_study_get_outcome (cs, i);

      tandem_json_writer_begin_object (writer);
      add_string (writer, "figure", outcome->figure ? outcome->figure : "");
      add_string (writer, "period", outcome->period ? outcome->period : "");
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);

  add_string (writer, "change_notes", tandem_case_study_get_change_notes (cs));
  add_strings (writer, "learning", tandem_case_study_get_learning (cs));
  add_strings (writer, "tags", tandem_case_study_get_tags (cs));

  tandem_json_writer_set_member_name (writer, "sources");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < tandem_case_study_get_n_sources (cs); i++)
    {
      const TandemSource *source = tandem_case_study_get_source (cs, i);

      tandem_json_writer_begin_object (writer);
      add_string (writer, "document", source->document ? source->document : "");
      add_string (writer, "author", source->author ? source->author : "");
      add_string (writer, "year", source->year ? source->year : "");
      add_string (writer, "url", source->url ? source->url : "");
      tandem_json_writer_end_object (writer);
    }
  tandem_json_writer_end_array (writer);

  export_links (writer, cs);
  tandem_json_writer_end_object (writer);
}

/**
 * tandem_exchange_export_json:
 * @store: the portfolio
 * @uuids: (nullable) (element-type utf8): the initiatives to export, or
 *   %NULL for the whole portfolio
 *
 * Writes a Tandem JSON document: the customised matrix wording, the
 * initiatives (with notes, citations, assessments and indicators) and the
 * case studies: with @uuids %NULL all the user's own and every library
 * case study whose links the user changed; otherwise those the exported
 * initiatives cite.  Library case studies go as a reference by ID, with
 * the user's links if changed.
 *
 * Returns: (transfer full): the document, pretty-printed, or %NULL with
 *   @error set (an unknown UUID is %TANDEM_STORE_ERROR_NOT_FOUND)
 */
char *
tandem_exchange_export_json (TandemStore  *store,
                             GPtrArray    *uuids,
                             GError      **error)
{
  g_autoptr(TandemJsonWriter) writer = NULL;
  g_autoptr(GHashTable) cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) initiatives = g_ptr_array_new_with_free_func (g_object_unref);
  TandemMatrix *matrix;
  GListModel *cases;
  const char * const *keys;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (uuids == NULL)
    {
      GListModel *model = tandem_store_get_initiatives (store);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (initiatives, g_list_model_get_item (model, i));
    }
  else
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < uuids->len; i++)
        {
          const char *uuid = g_ptr_array_index (uuids, i);
          TandemInitiative *initiative = tandem_store_lookup_initiative (store, uuid);

          if (initiative == NULL)
            {
              g_autofree char *path = g_file_get_parse_name (tandem_store_get_file (store));

              g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                           _("Could not export from “%s”: there is no initiative %s"), path, uuid);
              return NULL;
            }
          if (g_hash_table_add (seen, (gpointer) uuid))
            g_ptr_array_add (initiatives, g_object_ref (initiative));
        }
    }

  /* One snapshot, and one lock for the thousands of queries below. */
  if (!tandem_store_begin_read (store, error))
    return NULL;

  writer = tandem_json_writer_new ();
  tandem_json_writer_begin_object (writer);
  add_string (writer, "format", TANDEM_EXCHANGE_FORMAT);
  tandem_json_writer_set_member_name (writer, "version");
  tandem_json_writer_add_int_value (writer, TANDEM_EXCHANGE_VERSION);

  matrix = tandem_store_get_matrix (store);
  keys = tandem_matrix_get_keys ();
  tandem_json_writer_set_member_name (writer, "matrix");
  tandem_json_writer_begin_object (writer);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *label = tandem_matrix_dup_custom_label (matrix, keys[i]);

      if (label != NULL)
        add_string (writer, keys[i], label);
    }
  tandem_json_writer_end_object (writer);

  tandem_json_writer_set_member_name (writer, "initiatives");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < initiatives->len; i++)
    if (!export_initiative (writer, store, g_ptr_array_index (initiatives, i), cited, error))
      {
        tandem_store_end_read (store);
        return NULL;
      }
  tandem_store_end_read (store);
  tandem_json_writer_end_array (writer);

  cases = tandem_store_get_case_studies (store);
  tandem_json_writer_set_member_name (writer, "case_studies");
  tandem_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(TandemCaseStudy) cs = g_list_model_get_item (cases, i);
      gboolean wanted;

      if (uuids == NULL)
        wanted = !tandem_case_study_get_bundled (cs) || tandem_case_study_has_user_links (cs) ||
                 g_hash_table_contains (cited, tandem_case_study_get_id (cs));
      else
        wanted = g_hash_table_contains (cited, tandem_case_study_get_id (cs));

      if (wanted)
        export_case (writer, cs);
    }
  tandem_json_writer_end_array (writer);

  tandem_json_writer_end_object (writer);

  return tandem_json_writer_free_to_string (g_steal_pointer (&writer));
}

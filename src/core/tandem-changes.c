/* tandem-changes.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-changes.h"

TandemChanges *
tandem_changes_new (void)
{
  TandemChanges *changes = g_new0 (TandemChanges, 1);

  changes->save_initiatives = g_ptr_array_new_with_free_func (g_object_unref);
  changes->delete_initiatives = g_ptr_array_new_with_free_func (g_free);
  changes->save_cases = g_ptr_array_new_with_free_func (g_object_unref);
  changes->delete_cases = g_ptr_array_new_with_free_func (g_free);
  changes->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  changes->save_assessments = g_ptr_array_new_with_free_func (g_object_unref);
  changes->delete_assessments = g_ptr_array_new_with_free_func (g_free);
  changes->save_indicators = g_ptr_array_new_with_free_func (g_object_unref);
  changes->delete_indicators = g_ptr_array_new_with_free_func (g_free);

  return changes;
}

void
tandem_changes_free (TandemChanges *changes)
{
  if (changes == NULL)
    return;

  g_ptr_array_unref (changes->save_initiatives);
  g_ptr_array_unref (changes->delete_initiatives);
  g_ptr_array_unref (changes->save_cases);
  g_ptr_array_unref (changes->delete_cases);
  g_hash_table_unref (changes->labels);
  g_ptr_array_unref (changes->save_assessments);
  g_ptr_array_unref (changes->delete_assessments);
  g_ptr_array_unref (changes->save_indicators);
  g_ptr_array_unref (changes->delete_indicators);
  g_free (changes);
}

gboolean
tandem_changes_is_empty (TandemChanges *changes)
{
  return changes->library_version == 0 && changes->save_initiatives->len == 0 && changes->delete_initiatives->len == 0 &&
         changes->save_cases->len == 0 && changes->delete_cases->len == 0 &&
         g_hash_table_size (changes->labels) == 0 &&
         changes->save_assessments->len == 0 && changes->delete_assessments->len == 0 &&
         changes->save_indicators->len == 0 && changes->delete_indicators->len == 0;
}

/* Each takes a copy, so the caller may go on changing its object. */
void
tandem_changes_save_initiative (TandemChanges    *changes,
                                TandemInitiative *initiative)
{
  g_ptr_array_add (changes->save_initiatives, tandem_initiative_copy (initiative));
}

void
tandem_changes_delete_initiative (TandemChanges *changes,
                                  const char    *uuid)
{
  g_ptr_array_add (changes->delete_initiatives, g_strdup (uuid));
}

void
tandem_changes_save_case (TandemChanges   *changes,
                          TandemCaseStudy *case_study)
{
  g_ptr_array_add (changes->save_cases, tandem_case_study_copy (case_study));
}

void
tandem_changes_delete_case (TandemChanges *changes,
                            const char    *id)
{
  g_ptr_array_add (changes->delete_cases, g_strdup (id));
}

void
tandem_changes_set_label (TandemChanges *changes,
                          const char    *key,
                          const char    *text)
{
  g_hash_table_replace (changes->labels, g_strdup (key), g_strdup (text));
}

void
tandem_changes_save_assessment (TandemChanges    *changes,
                                TandemAssessment *assessment)
{
  g_ptr_array_add (changes->save_assessments, tandem_assessment_copy (assessment));
}

void
tandem_changes_delete_assessment (TandemChanges *changes,
                                  const char    *id)
{
  g_ptr_array_add (changes->delete_assessments, g_strdup (id));
}

void
tandem_changes_save_indicator (TandemChanges   *changes,
                               TandemIndicator *indicator)
{
  g_ptr_array_add (changes->save_indicators, tandem_indicator_copy (indicator));
}

void
tandem_changes_delete_indicator (TandemChanges *changes,
                                 const char    *id)
{
  g_ptr_array_add (changes->delete_indicators, g_strdup (id));
}

/* test-exchange.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include "tandem-test-utils.h"

#define FULL_UUID    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define PLAIN_UUID   "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
#define FIRST_ID     "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
#define LATEST_ID    "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"
#define PLAIN_ID     "4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"
#define INDICATOR_ID "5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c"
#define OWN_CASE     "our-own-case"

/* ---- Helpers ------------------------------------------------------------- */

static char *
export_all (TandemStore *store)
{
  g_autoptr(GError) error = NULL;
  char *json = tandem_exchange_export_json (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  return json;
}

static TandemImport *
read_bytes_ok (TandemStore *store,
               GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  TandemImport *import = tandem_exchange_read_json (store, bytes, "export.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static TandemImport *
read_ok (TandemStore *store,
         const char  *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return read_bytes_ok (store, bytes);
}

static void
apply_ok (TandemImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_import_apply (import, &error));
  g_assert_no_error (error);
}

static TandemStore *
open_new (TandemTestFixture *fixture,
          const char        *name)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TandemStore *store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (tandem_store_get_was_created (store));

  return store;
}

/* Imports @json into a new portfolio and exports that again. */
static char *
round_trip (TandemTestFixture *fixture,
            const char        *json)
{
  g_autoptr(TandemStore) copy = open_new (fixture, "copy.tandem");
  g_autoptr(TandemImport) import = read_ok (copy, json);
  TandemImportCounts counts;
  char *again;

  tandem_import_get_counts (import, &counts);
  g_assert_cmpuint (tandem_import_get_n_conflicts (import), ==, 0);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpuint (counts.new_initiatives, ==, counts.initiatives);
  g_assert_cmpuint (counts.new_assessments, ==, counts.assessments);
  g_assert_cmpuint (counts.new_indicators, ==, counts.indicators);
  apply_ok (import);
  tandem_test_assert_disk_matches (copy);

  again = export_all (copy);
  g_clear_pointer (&import, tandem_import_free);
  tandem_test_close_store (g_steal_pointer (&copy));

  return again;
}

static void
apply_changes (TandemStore   *store,
               TandemChanges *changes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_apply (store, changes, &error));
  g_assert_no_error (error);
}

/* A portfolio with every field of the format set. */
static void
build_full (TandemStore *store)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemCaseStudy) own = tandem_case_study_new ("Our own “case”, with <markup> & a\nnewline");
  g_autoptr(TandemCaseStudy) surrey = NULL;
  g_autoptr(TandemCaseStudy) esther = NULL;
  g_autoptr(TandemInitiative) full = tandem_initiative_new ("Full initiative", 1, 2);
  g_autoptr(TandemInitiative) plain = tandem_initiative_new ("Plain initiative", 3, 3);
  g_autoptr(TandemAssessment) first = tandem_assessment_new (FULL_UUID, "2020-01-01", 1, 1);
  g_autoptr(TandemAssessment) latest = tandem_assessment_new (FULL_UUID, "2021-06-30", 1, 2);
  g_autoptr(TandemAssessment) other = tandem_assessment_new (PLAIN_UUID, "2022-02-02", 3, 3);
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (FULL_UUID, "Young people NEET", "%");
  const char *learning[] = { "Start small", "Pay people for their time", NULL };
  const char *tags[] = { "youth", "employment", NULL };
  const TandemCaseLink *link;

  surrey = tandem_case_study_copy (tandem_store_lookup_case_study (store, "surrey-neet-to-pete"));
  esther = tandem_case_study_copy (tandem_store_lookup_case_study (store, "jonkoping-esther-improvement-coaches"));

  tandem_case_study_set_id (own, OWN_CASE);
  tandem_case_study_set_generic (own, TRUE);
  tandem_case_study_set_place (own, "Leeds");
  tandem_case_study_set_country (own, "England");
  tandem_case_study_set_service_area (own, "Youth services");
  tandem_case_study_set_period (own, "2019–2021");
  tandem_case_study_set_summary (own, "What we did.");
  tandem_case_study_set_change_notes (own, "How it changed.");
  tandem_case_study_set_cos (own, TANDEM_CO_DESIGN | TANDEM_CO_ASSESSMENT);
  tandem_case_study_set_learning (own, learning);
  tandem_case_study_set_tags (own, tags);
  tandem_case_study_add_outcome (own, "20% fewer NEET", "2020");
  tandem_case_study_add_source (own, "Our report", "Us", "2021", "https://example.org/report");
  tandem_case_study_link (own, 2, 1, "Our reading");
  tandem_case_study_link (own, 1, 3, "");

  /* A user link and a hidden library link on one library case study, a
   * user note on another's library link. */
  tandem_case_study_link (surrey, 1, 1, "We think it started here");
  tandem_case_study_unlink (surrey, 2, 2);
  link = tandem_case_study_get_link (esther, 0);
  tandem_case_study_link (esther, link->row, link->col, "Our own note");

  tandem_initiative_set_uuid (full, FULL_UUID);
  tandem_initiative_set_organisation (full, "Leeds City Council");
  tandem_initiative_set_service_area (full, "Youth services");
  tandem_initiative_set_place (full, "Leeds");
  tandem_initiative_set_description (full, "Línea 1\nLine 2 with \"quotes\" and \\ and \t tab");
  tandem_initiative_set_created (full, 1500000000);
  tandem_initiative_set_updated (full, 1600000000);
  tandem_initiative_set_target (full, 2, 2);
  tandem_initiative_set_target_date (full, "2027-03-31");
  tandem_initiative_set_cell_note (full, 1, 1, "Where it was");
  tandem_initiative_set_cell_note (full, 2, 2, "Where it should go");
  tandem_initiative_cite (full, "surrey-neet-to-pete", TRUE, "Shows it works");
  tandem_initiative_cite (full, OWN_CASE, FALSE, "Inspiration");

  tandem_initiative_set_uuid (plain, PLAIN_UUID);

  tandem_assessment_set_id (first, FIRST_ID);
  tandem_assessment_set_stage (first, TANDEM_STAGE_CO_DESIGN);
  tandem_assessment_set_level (first, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_presence (first, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (first, TANDEM_CO_DELIVERY, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_subtypes (first, TANDEM_SUBTYPE_CO_PLANNING | TANDEM_SUBTYPE_CO_PERFORMING);
  tandem_assessment_set_principles (first, TANDEM_PRINCIPLE_ASSETS | TANDEM_PRINCIPLE_PEER_SUPPORT);
  tandem_assessment_set_answer (first, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (first, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_notes (first, "Workshop notes");
  tandem_assessment_set_participants (first, "Ana, Ben");
  tandem_assessment_set_placement (first, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 2);
  tandem_assessment_set_placement (first, TANDEM_STAKEHOLDER_SERVICE_USERS, 1, 1);
  tandem_assessment_add_evidence (first, "Minutes", "https://example.org/minutes");
  tandem_assessment_add_evidence (first, "Photo", "/home/ana/photo.jpg");

  tandem_assessment_set_id (latest, LATEST_ID);
  tandem_assessment_set_stage (latest, TANDEM_STAGE_FULL_CO_PRODUCTION);
  tandem_assessment_set_level (latest, TANDEM_LEVEL_TRANSFORMATION);

  tandem_assessment_set_id (other, PLAIN_ID);

  tandem_indicator_set_id (indicator, INDICATOR_ID);
  tandem_indicator_set_baseline (indicator, TRUE, 12.5);
  tandem_indicator_set_target (indicator, TRUE, 3);
  tandem_indicator_set_reading (indicator, "2020-01-01", 12.5);
  tandem_indicator_set_reading (indicator, "2021-01-01", 0.1);
  tandem_indicator_set_reading (indicator, "2022-01-01", -4);

  tandem_changes_save_case (changes, own);
  tandem_changes_save_case (changes, surrey);
  tandem_changes_save_case (changes, esther);
  tandem_changes_save_initiative (changes, full);
  tandem_changes_save_initiative (changes, plain);
  tandem_changes_save_assessment (changes, first);
  tandem_changes_save_assessment (changes, latest);
  tandem_changes_save_assessment (changes, other);
  tandem_changes_save_indicator (changes, indicator);
  tandem_changes_set_label (changes, "cell-2-2", "Together");
  tandem_changes_set_label (changes, "design-axis", "Who designs <it>");
  apply_changes (store, changes);
}

/* ---- Round trips ---------------------------------------------------------- */

static void
test_round_trip_seeded (TandemTestFixture *fixture,
                        gconstpointer      data)
{
  g_autofree char *json = export_all (fixture->store);
  g_autofree char *again = round_trip (fixture, json);

  g_assert_cmpstr (again, ==, json);
}

static void
test_round_trip_full (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(TandemImport) import = NULL;
  TandemImportCounts counts;

  build_full (fixture->store);
  json = export_all (fixture->store);

  /* Everything is there. */
  for (guint i = 0; i < 20; i++)
    {
      static const char * const expected[] = {
        "\"placements\": {\n", "\"commissioners\": \"2,2\"", "\"service-users\": \"1,1\"",
        "\"caption\": \"Photo\"", "\"hidden\": true", "\"user_note\": true", "\"basis\": \"user\"",
        "\"id\": \"surrey-neet-to-pete\",\n      \"bundled\": true",
        "\"id\": \"jonkoping-esther-improvement-coaches\"", "\"id\": \"our-own-case\"",
        "\"cell-2-2\": \"Together\"", "\"design-axis\": \"Who designs <it>\"", "\"value\": 0.1",
        "\"baseline\": 12.5", "\"target\": 3,", "\"case\": \"surrey-neet-to-pete\"", "\"evidence\": true",
        "\"co-performing\"", "\"peer-support\"", "\"public-value\": \"partly\"",
      };

      if (strstr (json, expected[i]) == NULL)
        g_error ("“%s” is not in the export:\n%s", expected[i], json);
    }

  again = round_trip (fixture, json);
  g_assert_cmpstr (again, ==, json);

  /* Into the portfolio it came from: nothing to do. */
  import = read_ok (fixture->store, json);
  tandem_import_get_counts (import, &counts);
  g_assert_cmpuint (tandem_import_get_n_conflicts (import), ==, 0);
  g_assert_true (tandem_changes_is_empty (tandem_import_get_changes (import)));
  g_assert_cmpuint (counts.new_initiatives + counts.new_assessments + counts.new_indicators +
                    counts.new_case_studies + counts.new_labels, ==, 0);
  g_assert_cmpuint (counts.initiatives, ==, 2);
  g_assert_cmpuint (counts.assessments, ==, 3);
  g_assert_cmpuint (counts.indicators, ==, 1);
  g_assert_cmpuint (counts.case_studies, ==, 3);
  g_assert_cmpuint (counts.labels, ==, 2);
  g_assert_cmpuint (counts.unchanged, ==, counts.initiatives + counts.assessments + counts.indicators +
                                          counts.case_studies + counts.labels);
}

static void
test_export_some (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(TandemStore) copy = NULL;
  g_autoptr(TandemImport) import = NULL;

  build_full (fixture->store);

  g_ptr_array_add (uuids, (gpointer) PLAIN_UUID);
  json = tandem_exchange_export_json (fixture->store, uuids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "Plain initiative"));
  g_assert_null (strstr (json, "Full initiative"));
  /* Only the case studies the initiatives cite: none. */
  g_assert_null (strstr (json, OWN_CASE));
  g_assert_nonnull (strstr (json, "\"case_studies\": []"));
  g_clear_pointer (&json, g_free);

  g_ptr_array_index (uuids, 0) = (gpointer) FULL_UUID;
  json = tandem_exchange_export_json (fixture->store, uuids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, OWN_CASE));
  g_assert_nonnull (strstr (json, "\"id\": \"surrey-neet-to-pete\""));
  g_assert_null (strstr (json, "jonkoping"));

  copy = open_new (fixture, "some.tandem");
  import = read_ok (copy, json);
  apply_ok (import);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (copy)), ==, 1);
  g_clear_pointer (&import, tandem_import_free);
  tandem_test_close_store (g_steal_pointer (&copy));

  g_ptr_array_add (uuids, (gpointer) "6a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d");
  g_clear_pointer (&json, g_free);
  json = tandem_exchange_export_json (fixture->store, uuids, &error);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
  g_assert_null (json);
}

/* ---- Merging --------------------------------------------------------------- */

static const TandemConflict *
find_conflict (TandemImport       *import,
               TandemConflictKind  kind)
{
  for (guint i = 0; i < tandem_import_get_n_conflicts (import); i++)
    if (tandem_import_get_conflict (import, i)->kind == kind)
      return tandem_import_get_conflict (import, i);

  g_error ("no conflict of kind %s", tandem_conflict_kind_to_string (kind));
  return NULL;
}

/* Makes the fixture a copy of @json, then changes it so that importing
 * @json again gives one conflict of each kind (two assessments). */
static TandemStore *
diverge (TandemTestFixture *fixture,
         const char        *json)
{
  TandemStore *mine = open_new (fixture, "mine.tandem");
  g_autoptr(TandemImport) import = read_ok (mine, json);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemInitiative) full = NULL;
  g_autoptr(TandemAssessment) first = NULL;
  g_autoptr(TandemAssessment) same_day = tandem_assessment_new (PLAIN_UUID, "2022-02-02", 3, 3);
  g_autoptr(TandemIndicator) indicator = NULL;
  g_autoptr(TandemCaseStudy) own = NULL;
  g_autoptr(GError) error = NULL;

  apply_ok (import);

  tandem_assessment_set_stage (same_day, TANDEM_STAGE_CO_DELIVERY);
  full = tandem_initiative_copy (tandem_store_lookup_initiative (mine, FULL_UUID));
  tandem_initiative_set_title (full, "Full initiative, renamed");
  tandem_initiative_set_place (full, "Bradford");
  first = tandem_store_lookup_assessment (mine, FIRST_ID, &error);
  g_assert_no_error (error);
  tandem_assessment_set_notes (first, "My notes");
  indicator = tandem_store_lookup_indicator (mine, INDICATOR_ID, &error);
  g_assert_no_error (error);
  tandem_indicator_set_baseline (indicator, TRUE, 13);
  own = tandem_case_study_copy (tandem_store_lookup_case_study (mine, OWN_CASE));
  tandem_case_study_set_summary (own, "My summary");

  tandem_changes_save_initiative (changes, full);
  tandem_changes_save_assessment (changes, first);
  tandem_changes_delete_assessment (changes, PLAIN_ID);
  tandem_changes_save_assessment (changes, same_day);
  tandem_changes_save_indicator (changes, indicator);
  tandem_changes_save_case (changes, own);
  tandem_changes_set_label (changes, "cell-2-2", "Mine");
  /* Something the file does not have, which must survive. */
  tandem_changes_set_label (changes, "cell-1-1", "Only mine");
  apply_changes (mine, changes);

  return mine;
}

static void
test_merge_conflicts (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(TandemStore) mine = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autofree char *extra = NULL;
  g_autofree char *mine_before = NULL;
  g_autofree char *mine_after = NULL;
  const TandemConflict *conflict;
  TandemImportCounts counts;

  build_full (fixture->store);
  json = export_all (fixture->store);
  mine = diverge (fixture, json);
  mine_before = export_all (mine);

  import = read_ok (mine, json);
  tandem_import_get_counts (import, &counts);
  g_assert_cmpuint (tandem_import_get_n_conflicts (import), ==, 6);
  g_assert_cmpuint (counts.conflicts, ==, 6);
  g_assert_cmpuint (counts.new_initiatives, ==, 0);
  g_assert_cmpuint (counts.new_assessments, ==, 0);
  g_assert_true (tandem_changes_is_empty (tandem_import_get_changes (import)));

  conflict = find_conflict (import, TANDEM_CONFLICT_INITIATIVE);
  g_assert_cmpstr (conflict->id, ==, FULL_UUID);
  g_assert_cmpstr (conflict->description, ==, "initiative “Full initiative, renamed”: title, place differ");
  g_assert_cmpstr (tandem_initiative_get_title (conflict->mine), ==, "Full initiative, renamed");
  g_assert_cmpstr (tandem_initiative_get_title (conflict->theirs), ==, "Full initiative");
  conflict = find_conflict (import, TANDEM_CONFLICT_LABEL);
  g_assert_cmpstr (conflict->description, ==, "matrix label “cell-2-2”: wording differs");
  g_assert_cmpstr (conflict->mine, ==, "Mine");
  g_assert_cmpstr (conflict->theirs, ==, "Together");
  conflict = find_conflict (import, TANDEM_CONFLICT_CASE_STUDY);
  g_assert_nonnull (strstr (conflict->description, "content differs"));
  conflict = find_conflict (import, TANDEM_CONFLICT_INDICATOR);
  g_assert_cmpstr (conflict->description, ==, "indicator “Young people NEET” of “Full initiative, renamed”: baseline differs");
  conflict = find_conflict (import, TANDEM_CONFLICT_ASSESSMENT);
  g_assert_cmpstr (conflict->description, ==, "assessment of “Full initiative, renamed” on 2020-01-01: notes differs");
  conflict = tandem_import_get_conflict (import, 4);
  g_assert_cmpint (conflict->kind, ==, TANDEM_CONFLICT_ASSESSMENT);
  g_assert_cmpstr (conflict->id, ==, PLAIN_ID);
  g_assert_nonnull (strstr (conflict->description, "assessment of “Plain initiative” on 2022-02-02: ID, stage differ"));

  summary = tandem_import_get_summary (import);
  g_assert_cmpstr (summary, ==, "0 initiatives, 0 assessments, 0 indicators, 0 case studies, "
                                "0 matrix labels new; 5 unchanged; 6 conflicts");

  /* Keep mine (the default): nothing changes. */
  state = tandem_test_state_capture (mine);
  apply_ok (import);
  tandem_test_assert_state (state, mine);
  tandem_test_assert_disk_matches (mine);
  mine_after = export_all (mine);
  g_assert_cmpstr (mine_after, ==, mine_before);

  /* Keep theirs: the portfolio becomes what the file says, but keeps what
   * the file does not mention. */
  g_clear_pointer (&import, tandem_import_free);
  import = read_ok (mine, json);
  for (guint i = 0; i < tandem_import_get_n_conflicts (import); i++)
    tandem_import_resolve (import, i, TANDEM_KEEP_THEIRS);
  apply_ok (import);
  tandem_test_assert_disk_matches (mine);
  g_assert_cmpstr (tandem_matrix_get_label (tandem_store_get_matrix (mine), "cell-1-1"), ==, "Only mine");
  {
    g_autoptr(TandemChanges) changes = tandem_changes_new ();

    tandem_changes_set_label (changes, "cell-1-1", NULL);
    apply_changes (mine, changes);
  }
  g_clear_pointer (&mine_after, g_free);
  mine_after = export_all (mine);
  g_assert_cmpstr (mine_after, ==, json);

  /* New initiatives come in beside existing ones without asking. */
  {
    g_autoptr(TandemInitiative) added = tandem_initiative_new ("Added later", 2, 3);
    g_autoptr(GError) error = NULL;

    g_assert_true (tandem_store_save_initiative (fixture->store, added, &error));
    g_assert_no_error (error);
    g_ptr_array_add (uuids, (gpointer) tandem_initiative_get_uuid (added));
    g_ptr_array_add (uuids, (gpointer) PLAIN_UUID);
    extra = tandem_exchange_export_json (fixture->store, uuids, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&import, tandem_import_free);
  import = read_ok (mine, extra);
  tandem_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.new_initiatives, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 4);  /* the plain initiative, its assessment, two labels */
  g_assert_cmpuint (counts.conflicts, ==, 0);
  apply_ok (import);
  g_assert_nonnull (tandem_test_find_by_title (mine, "Added later"));

  g_clear_pointer (&import, tandem_import_free);
  tandem_test_close_store (g_steal_pointer (&mine));
}

/* A failure while writing leaves the portfolio as it was. */
static void
test_merge_one_transaction (TandemTestFixture *fixture,
                            gconstpointer      data)
{
  g_autofree char *json = NULL;
  g_autoptr(TandemStore) target = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(TandemTestSnapshot) snapshot = NULL;
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemInitiative) plain = tandem_initiative_new ("Plain, made here", 3, 3);
  g_autoptr(TandemAssessment) clash = tandem_assessment_new (PLAIN_UUID, "2022-02-02", 1, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "target.tandem");

  build_full (fixture->store);
  json = export_all (fixture->store);

  target = open_new (fixture, "target.tandem");
  import = read_ok (target, json);

  /* Behind the import's back, the portfolio gets an assessment on the day
   * of one in the file, so writing must fail, and with it everything. */
  tandem_initiative_set_uuid (plain, PLAIN_UUID);
  tandem_changes_save_initiative (changes, plain);
  tandem_changes_save_assessment (changes, clash);
  apply_changes (target, changes);

  state = tandem_test_state_capture (target);
  /* Everything into the main file first, so that a checkpoint made while
   * failing does not count as a change. */
  tandem_test_sqlite_exec (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  snapshot = tandem_test_snapshot_take (path);
  g_assert_false (tandem_import_apply (import, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  tandem_test_assert_state (state, target);
  tandem_test_assert_disk_matches (target);
  tandem_test_assert_snapshot_unchanged (snapshot);
  g_assert_null (tandem_store_lookup_initiative (target, FULL_UUID));

  g_clear_pointer (&import, tandem_import_free);
  tandem_test_close_store (g_steal_pointer (&target));
}

static void
test_check_only (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TandemImportCounts counts;
  const char *json =
    "{'format': 'tandem-portfolio', 'version': 1, 'initiatives': [{'uuid': '" PLAIN_UUID "',"
    " 'title': 'A', 'created': 1, 'updated': 2, 'cell': '2,2',"
    " 'citations': [{'case': 'surrey-neet-to-pete', 'evidence': true}]}],"
    " 'case_studies': [{'id': 'surrey-neet-to-pete', 'bundled': true}]}";

  bytes = tandem_test_json (json);
  import = tandem_exchange_read_json (NULL, bytes, "check.json", &error);
  g_assert_no_error (error);
  tandem_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.initiatives, ==, 1);
  g_assert_cmpuint (counts.case_studies, ==, 1);
  g_assert_false (tandem_import_apply (import, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
}

/* ---- Bad files --------------------------------------------------------------- */

typedef struct
{
  const char *file;    /* in tests/data/bad, or made by the test */
  const char *path;    /* the JSON path named, or NULL */
  const char *reason;  /* part of the message */
} BadFile;

/* Files that are not JSON are refused by the parser, which names the line
 * and column; the rest by the reader, which names the JSON path. */
static const BadFile bad_files[] = {
  { "truncated.json", NULL, "line 7, column 16: unterminated string" },
  { "wrong-version.json", "$.version", "is not a version of the format" },
  { "newer-version.json", "$.version", "comes from a newer Tandem" },
  { "wrong-format.json", "$.format", "is not a Tandem portfolio" },
  { "wrong-types.json", "$.initiatives[0].created", "must be a whole number" },
  { "unknown-cell.json", "$.initiatives[0].assessments[1].cell", "“4,1” is not a matrix cell" },
  { "duplicate-uuid.json", "$.initiatives[1].uuid", "is used twice in the file" },
  { "bad-date.json", "$.initiatives[0].assessments[0].date", "“2023-02-30” is not a date" },
  { "bad-uuid.json", "$.initiatives[0].uuid", "“not-a-uuid” is not a UUID" },
  { "same-day.json", "$.initiatives[0].assessments[1].date", "only one a day" },
  { "unknown-case.json", "$.initiatives[0].citations[0].case", "neither in the file nor in the portfolio" },
  { "nul-character.json", NULL, "line 1, column 126: text may not contain the character U+0000" },
  /* Made by the test. */
  { "not-utf8.json", NULL, "line 1, column 62: the file is not UTF-8 text (at byte 61)" },
  { "huge-string.json", "$.initiatives[0].title", "is 104857600 bytes long; text may be at most 1 MiB" },
  { "too-deep.json", NULL, "line 1, column 66: lists and objects are nested more than 16 deep" },
  { "too-large.json", "$", "Tandem reads files of up to 256 MiB" },
  { "duplicate-member.json", NULL, "line 1, column 46: the object has two members named “version”" },
  /* Found by fuzz-import: an empty file once crashed the reader. */
  { "empty.json", NULL, "line 1, column 1: the file is empty" },
};

static GBytes *
make_bad_file (const char *name)
{
  if (g_str_equal (name, "not-utf8.json"))
    {
      static const char data[] = "{\"format\": \"tandem-portfolio\", \"version\": 1, \"initiatives\": \"\xff\xfe\"}";

      return g_bytes_new (data, sizeof data - 1);
    }

  /* A title of 100 MB: read in well under a second, then refused. */
  if (g_str_equal (name, "huge-string.json"))
    {
      static const char head[] = "{\"format\": \"tandem-portfolio\", \"version\": 1, \"initiatives\": [{\"uuid\": \""
                                 PLAIN_UUID "\", \"title\": \"";
      static const char tail[] = "\", \"created\": 1, \"updated\": 1, \"cell\": \"1,1\"}]}";
      gsize title = 100 * 1024 * 1024;
      gsize size = strlen (head) + title + strlen (tail);
      char *json = g_malloc (size);

      memcpy (json, head, strlen (head));
      memset (json + strlen (head), 'x', title);
      memcpy (json + strlen (head) + title, tail, strlen (tail));
      return g_bytes_new_take (json, size);
    }

  /* Which "version" counts would be anyone's guess. */
  if (g_str_equal (name, "duplicate-member.json"))
    return tandem_test_json ("{'format': 'tandem-portfolio', 'version': 1, 'version': 2, 'initiatives': []}");

  if (g_str_equal (name, "too-deep.json"))
    {
      GString *json = g_string_new ("{\"format\": \"tandem-portfolio\", \"version\": 1, \"x\": ");
      gsize size;

      for (guint i = 0; i < 100000; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (json, ']');
      g_string_append_c (json, '}');
      size = json->len;
      return g_bytes_new_take (g_string_free (json, FALSE), size);
    }

  if (g_str_equal (name, "empty.json"))
    return g_bytes_new (NULL, 0);

  if (g_str_equal (name, "too-large.json"))
    {
      /* Never touched: the size is checked first. */
      gsize size = TANDEM_EXCHANGE_MAX_SIZE + 1;

      return g_bytes_new_take (g_malloc0 (size), size);
    }

  return NULL;
}

static void
test_bad_file (TandemTestFixture *fixture,
               gconstpointer      data)
{
  const BadFile *bad = data;
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(TandemTestSnapshot) snapshot = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GBytes) bytes = make_bad_file (bad->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;

  if (bytes == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);

      bytes = tandem_test_get_file_bytes (path);
    }

  /* Reopened, so that everything is on disk before the snapshot. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  state = tandem_test_state_capture (fixture->store);
  snapshot = tandem_test_snapshot_take (fixture->path);

  import = tandem_exchange_read_json (fixture->store, bytes, bad->file, &error);
  g_assert_null (import);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);

  prefix = bad->path ? g_strdup_printf ("%s: %s: ", bad->file, bad->path) : g_strdup_printf ("%s: ", bad->file);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, bad->reason));
  g_assert_null (strstr (error->message, "<data>"));

  /* Without a portfolio, the same error. */
  g_clear_error (&error);
  g_assert_null (tandem_exchange_read_json (NULL, bytes, bad->file, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  tandem_test_assert_state (state, fixture->store);
  tandem_test_assert_snapshot_unchanged (snapshot);
}

/* Markup and SQL are only text. */
static void
test_markup_and_sql (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "markup-and-sql.json", NULL);
  g_autoptr(GBytes) bytes = tandem_test_get_file_bytes (path);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TandemImport) import = NULL;
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  TandemInitiative *added;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) item = g_list_model_get_item (model, i);

      g_ptr_array_add (before, tandem_initiative_copy (item));
    }

  import = read_bytes_ok (fixture->store, bytes);
  apply_ok (import);
  g_clear_pointer (&import, tandem_import_free);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)), ==, n + 1);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "SELECT count(*) FROM initiative"), ==, n + 1);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "SELECT count(*) FROM assessment"), >, 0);

  added = tandem_store_lookup_initiative (fixture->store, "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
  g_assert_nonnull (added);
  g_assert_cmpstr (tandem_initiative_get_title (added), ==, "<b>x</b>'); DROP TABLE initiative;--");
  g_assert_cmpstr (tandem_initiative_get_organisation (added), ==, "Robert'); DROP TABLE assessment;-- & <i>Co</i>");
  g_assert_cmpstr (tandem_initiative_get_service_area (added), ==, "%s %n %x");
  g_assert_cmpstr (tandem_initiative_get_place (added), ==, "\\\\server\\share \"quoted\"");
  g_assert_cmpstr (tandem_initiative_get_description (added), ==, "<script>alert(1)</script>\n' OR 1=1 -- \001 control");
  g_assert_cmpstr (tandem_initiative_get_cell_note (added, 1, 1), ==, "<span foreground='red'>markup</span>");

  /* Nothing else changed. */
  for (guint i = 0; i < before->len; i++)
    {
      TandemInitiative *old = g_ptr_array_index (before, i);
      TandemInitiative *now = tandem_store_lookup_initiative (fixture->store, tandem_initiative_get_uuid (old));

      g_assert_nonnull (now);
      g_assert_true (tandem_initiative_equal (old, now));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/exchange/round-trip/seeded", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_round_trip_seeded, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange/round-trip/full", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_round_trip_full, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange/export/some", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_export_some, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange/merge/conflicts", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_merge_conflicts, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange/merge/one-transaction", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_merge_one_transaction, tandem_test_fixture_teardown);
  g_test_add_func ("/core/exchange/check-only", test_check_only);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strndup (bad_files[i].file, strlen (bad_files[i].file) - strlen (".json"));
      g_autofree char *path = g_strconcat ("/core/exchange/bad/", name, NULL);

      g_test_add (path, TandemTestFixture, &bad_files[i],
                  tandem_test_fixture_setup_seeded, test_bad_file, tandem_test_fixture_teardown);
    }
  g_test_add ("/core/exchange/bad/markup-and-sql", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_markup_and_sql, tandem_test_fixture_teardown);

  return g_test_run ();
}

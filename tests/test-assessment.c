/* test-assessment.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-assessment"

#include "config.h"

#include "tandem-test-utils.h"

#define UUID "6f1c2a0e-9a51-4c3e-8d7b-2b0f4e1d9c11"

static const TandemCos all_cos[] = {
  TANDEM_CO_COMMISSIONING, TANDEM_CO_DESIGN, TANDEM_CO_DELIVERY, TANDEM_CO_ASSESSMENT,
};

/* An assessment with something other than the default in every field. */
static TandemAssessment *
make_full (void)
{
  TandemAssessment *a = tandem_assessment_new (UUID, "2024-02-29", 1, 2);

  tandem_assessment_set_id (a, "assessment-full");
  tandem_assessment_set_stage (a, TANDEM_STAGE_CO_DESIGN);
  tandem_assessment_set_level (a, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_presence (a, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_PLANNING | TANDEM_SUBTYPE_CO_PERFORMING);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_ASSETS | TANDEM_PRINCIPLE_PEER_SUPPORT);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_notes (a, "Notes\nover two lines");
  tandem_assessment_set_participants (a, "Commissioners, youth forum");
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 2);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_SERVICE_USERS, 1, 1);
  tandem_assessment_add_evidence (a, "Workshop notes", "workshops/notes.pdf");
  tandem_assessment_add_evidence (a, "Survey", "https://example.org/survey");

  return a;
}

static void
test_new_defaults (void)
{
  g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", 3, 2);
  g_autoptr(TandemAssessment) b = tandem_assessment_new (UUID, "2023-06-01", 3, 2);
  guint row = 99, col = 99;

  g_assert_true (TANDEM_IS_ASSESSMENT (a));
  g_assert_cmpstr (tandem_assessment_get_initiative (a), ==, UUID);
  g_assert_cmpstr (tandem_assessment_get_date (a), ==, "2023-06-01");
  g_assert_cmpuint (tandem_assessment_get_row (a), ==, 3);
  g_assert_cmpuint (tandem_assessment_get_col (a), ==, 2);

  /* A fresh ID each, which is a UUID. */
  g_assert_nonnull (tandem_assessment_get_id (a));
  g_assert_true (g_uuid_string_is_valid (tandem_assessment_get_id (a)));
  g_assert_cmpstr (tandem_assessment_get_id (a), !=, tandem_assessment_get_id (b));
  g_assert_false (tandem_assessment_equal (a, b));

  /* Nothing assessed but the cell. */
  g_assert_cmpint (tandem_assessment_get_stage (a), ==, TANDEM_STAGE_NONE);
  g_assert_cmpint (tandem_assessment_get_level (a), ==, TANDEM_LEVEL_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (all_cos); i++)
    g_assert_cmpint (tandem_assessment_get_presence (a, all_cos[i]), ==, TANDEM_PRESENCE_ABSENT);
  g_assert_cmpuint (tandem_assessment_get_subtypes (a), ==, 0);
  g_assert_cmpuint (tandem_assessment_get_principles (a), ==, 0);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    g_assert_cmpint (tandem_assessment_get_answer (a, q), ==, TANDEM_ANSWER_UNKNOWN);
  g_assert_cmpstr (tandem_assessment_get_notes (a), ==, "");
  g_assert_cmpstr (tandem_assessment_get_participants (a), ==, "");
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      g_assert_false (tandem_assessment_get_placement (a, s, &row, &col));
      g_assert_cmpuint (row, ==, 99);
      g_assert_cmpuint (col, ==, 99);
    }
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);
  g_assert_cmpuint (tandem_assessment_get_n_evidence (a), ==, 0);
}

static void
test_setters (void)
{
  g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", 1, 1);

  tandem_assessment_set_id (a, "my-id");
  g_assert_cmpstr (tandem_assessment_get_id (a), ==, "my-id");

  tandem_assessment_set_date (a, "2025-12-31");
  g_assert_cmpstr (tandem_assessment_get_date (a), ==, "2025-12-31");

  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      {
        tandem_assessment_set_cell (a, r, c);
        g_assert_cmpuint (tandem_assessment_get_row (a), ==, r);
        g_assert_cmpuint (tandem_assessment_get_col (a), ==, c);
      }

  for (TandemStage s = TANDEM_STAGE_NONE; s <= TANDEM_STAGE_FULL_CO_PRODUCTION; s++)
    {
      tandem_assessment_set_stage (a, s);
      g_assert_cmpint (tandem_assessment_get_stage (a), ==, s);
    }

  for (TandemLevel l = TANDEM_LEVEL_NONE; l <= TANDEM_LEVEL_TRANSFORMATION; l++)
    {
      tandem_assessment_set_level (a, l);
      g_assert_cmpint (tandem_assessment_get_level (a), ==, l);
    }

  /* Each of the Four Co's on its own. */
  for (guint i = 0; i < G_N_ELEMENTS (all_cos); i++)
    {
      tandem_assessment_set_presence (a, all_cos[i], TANDEM_PRESENCE_EMERGING + (i % 2));
      for (guint j = 0; j < G_N_ELEMENTS (all_cos); j++)
        g_assert_cmpint (tandem_assessment_get_presence (a, all_cos[j]), ==,
                         j <= i ? (TandemPresence) (TANDEM_PRESENCE_EMERGING + (j % 2)) : TANDEM_PRESENCE_ABSENT);
    }

  tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_FINANCING | TANDEM_SUBTYPE_CO_MANAGEMENT);
  g_assert_cmpuint (tandem_assessment_get_subtypes (a), ==,
                    TANDEM_SUBTYPE_CO_FINANCING | TANDEM_SUBTYPE_CO_MANAGEMENT);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_CAPACITIES | TANDEM_PRINCIPLE_CATALYSTS);
  g_assert_cmpuint (tandem_assessment_get_principles (a), ==,
                    TANDEM_PRINCIPLE_CAPACITIES | TANDEM_PRINCIPLE_CATALYSTS);

  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    tandem_assessment_set_answer (a, q, TANDEM_ANSWER_NO + q);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    g_assert_cmpint (tandem_assessment_get_answer (a, q), ==, TANDEM_ANSWER_NO + q);

  tandem_assessment_set_notes (a, "Some notes");
  g_assert_cmpstr (tandem_assessment_get_notes (a), ==, "Some notes");
  tandem_assessment_set_notes (a, NULL);
  g_assert_cmpstr (tandem_assessment_get_notes (a), ==, "");
  tandem_assessment_set_participants (a, "Everyone");
  g_assert_cmpstr (tandem_assessment_get_participants (a), ==, "Everyone");
  tandem_assessment_set_participants (a, NULL);
  g_assert_cmpstr (tandem_assessment_get_participants (a), ==, "");
}

static void
test_setters_refuse (void)
{
  g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", 2, 3);

  tandem_assessment_set_stage (a, TANDEM_STAGE_CO_DELIVERY);
  tandem_assessment_set_level (a, TANDEM_LEVEL_COMPLIANCE);

  /* Impossible values are refused and change nothing. */
  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*tandem_cell_is_valid*");
  tandem_assessment_set_cell (a, 0, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*tandem_cell_is_valid*");
  tandem_assessment_set_cell (a, 4, 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (tandem_assessment_get_row (a), ==, 2);
  g_assert_cmpuint (tandem_assessment_get_col (a), ==, 3);

  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*stage*");
  tandem_assessment_set_stage (a, TANDEM_STAGE_FULL_CO_PRODUCTION + 1);
  g_test_assert_expected_messages ();
  g_assert_cmpint (tandem_assessment_get_stage (a), ==, TANDEM_STAGE_CO_DELIVERY);

  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*level*");
  tandem_assessment_set_level (a, TANDEM_LEVEL_TRANSFORMATION + 1);
  g_test_assert_expected_messages ();
  g_assert_cmpint (tandem_assessment_get_level (a), ==, TANDEM_LEVEL_COMPLIANCE);

  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*tandem_cell_is_valid*");
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 3, 0);
  g_test_assert_expected_messages ();
  g_assert_false (tandem_assessment_get_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, NULL, NULL));

  /* Unknown bits of the sets are dropped. */
  tandem_assessment_set_subtypes (a, 0xffffffff);
  g_assert_cmpuint (tandem_assessment_get_subtypes (a), ==, 0x1f);
  tandem_assessment_set_principles (a, 0xffffffff);
  g_assert_cmpuint (tandem_assessment_get_principles (a), ==, 0xf);
}

static void
test_copy_equal (void)
{
  g_autoptr(TandemAssessment) a = make_full ();
  g_autoptr(TandemAssessment) copy = tandem_assessment_copy (a);
  guint row, col;

  g_assert_true (copy != a);
  g_assert_true (tandem_assessment_equal (a, copy));
  g_assert_true (tandem_assessment_equal (copy, a));
  g_assert_true (tandem_assessment_equal (a, a));
  g_assert_cmpstr (tandem_assessment_get_id (copy), ==, "assessment-full");
  g_assert_cmpstr (tandem_assessment_get_date (copy), ==, "2024-02-29");
  g_assert_cmpuint (tandem_assessment_get_n_evidence (copy), ==, 2);
  g_assert_cmpstr (tandem_assessment_get_evidence (copy, 1)->link, ==, "https://example.org/survey");
  g_assert_true (tandem_assessment_get_placement (copy, TANDEM_STAKEHOLDER_SERVICE_USERS, &row, &col));
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (col, ==, 1);

  /* The copy is independent: changing it leaves the original alone. */
  tandem_assessment_set_notes (copy, "changed");
  g_assert_cmpstr (tandem_assessment_get_notes (a), ==, "Notes\nover two lines");
  tandem_assessment_clear_evidence (copy);
  g_assert_cmpuint (tandem_assessment_get_n_evidence (a), ==, 2);
}

typedef void (*Change) (TandemAssessment *a);

static void change_id (TandemAssessment *a) { tandem_assessment_set_id (a, "other"); }
static void change_date (TandemAssessment *a) { tandem_assessment_set_date (a, "2024-03-01"); }
static void change_row (TandemAssessment *a) { tandem_assessment_set_cell (a, 2, 2); }
static void change_col (TandemAssessment *a) { tandem_assessment_set_cell (a, 1, 3); }
static void change_stage (TandemAssessment *a) { tandem_assessment_set_stage (a, TANDEM_STAGE_CO_DELIVERY); }
static void change_level (TandemAssessment *a) { tandem_assessment_set_level (a, TANDEM_LEVEL_NONE); }
static void change_presence (TandemAssessment *a) { tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING); }
static void change_subtypes (TandemAssessment *a) { tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_PLANNING); }
static void change_principles (TandemAssessment *a) { tandem_assessment_set_principles (a, 0); }
static void change_answer (TandemAssessment *a) { tandem_assessment_set_answer (a, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_NO); }
static void change_notes (TandemAssessment *a) { tandem_assessment_set_notes (a, "Notes"); }
static void change_participants (TandemAssessment *a) { tandem_assessment_set_participants (a, ""); }
static void change_placement_cell (TandemAssessment *a) { tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 1); }
static void change_placement_who (TandemAssessment *a)
{
  tandem_assessment_clear_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, 2, 2);
}
static void change_placement_clear (TandemAssessment *a) { tandem_assessment_clear_placement (a, TANDEM_STAKEHOLDER_SERVICE_USERS); }
static void change_evidence_caption (TandemAssessment *a)
{
  tandem_assessment_clear_evidence (a);
  tandem_assessment_add_evidence (a, "Workshop notes!", "workshops/notes.pdf");
  tandem_assessment_add_evidence (a, "Survey", "https://example.org/survey");
}
static void change_evidence_link (TandemAssessment *a)
{
  tandem_assessment_clear_evidence (a);
  tandem_assessment_add_evidence (a, "Workshop notes", "workshops/notes.pdf");
  tandem_assessment_add_evidence (a, "Survey", "https://example.org/survey2");
}
static void change_evidence_order (TandemAssessment *a)
{
  tandem_assessment_clear_evidence (a);
  tandem_assessment_add_evidence (a, "Survey", "https://example.org/survey");
  tandem_assessment_add_evidence (a, "Workshop notes", "workshops/notes.pdf");
}
static void change_evidence_more (TandemAssessment *a) { tandem_assessment_add_evidence (a, "", ""); }

static void
test_equal_each_field (void)
{
  static const struct { const char *what; Change change; } changes[] = {
    { "id", change_id }, { "date", change_date }, { "row", change_row }, { "col", change_col },
    { "stage", change_stage }, { "level", change_level }, { "presence", change_presence },
    { "subtypes", change_subtypes }, { "principles", change_principles }, { "answer", change_answer },
    { "notes", change_notes }, { "participants", change_participants },
    { "placement cell", change_placement_cell }, { "placement group", change_placement_who },
    { "placement cleared", change_placement_clear }, { "evidence caption", change_evidence_caption },
    { "evidence link", change_evidence_link }, { "evidence order", change_evidence_order },
    { "more evidence", change_evidence_more },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(TandemAssessment) a = make_full ();
      g_autoptr(TandemAssessment) b = make_full ();

      g_assert_true (tandem_assessment_equal (a, b));
      changes[i].change (b);
      if (tandem_assessment_equal (a, b) || tandem_assessment_equal (b, a))
        g_error ("changing the %s leaves the assessments equal", changes[i].what);
    }
}

static void
test_placements_spread (void)
{
  g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", 2, 2);
  guint row, col;

  /* With no placements the spread is 0, wherever the agreed cell is. */
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);
  tandem_assessment_set_cell (a, 3, 3);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);
  tandem_assessment_set_cell (a, 2, 2);

  /* A group agreeing with the agreed cell. */
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 2);
  g_assert_true (tandem_assessment_get_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, &row, &col));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (col, ==, 2);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);

  /* One step from the agreed cell. */
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, 1, 2);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 1);

  /* 2,3 is two steps from 1,2 though only one from the agreed 2,2: the
   * spread is between any two, not only from the agreed cell. */
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_SERVICE_USERS, 2, 3);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 2);

  /* Corner to corner. */
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 3, 3);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 1, 1);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 4);

  /* Replacing and clearing placements. */
  tandem_assessment_clear_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS);
  g_assert_false (tandem_assessment_get_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, NULL, NULL));
  /* Left: 2,2 agreed, 1,2, 2,3 and 3,3: 1,2 to 3,3 is three steps. */
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 3);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, 3, 3);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 2);
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    tandem_assessment_clear_placement (a, s);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);

  /* The agreed cell itself counts: one group elsewhere is the distance. */
  tandem_assessment_set_cell (a, 1, 1);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 3, 2);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 3);
  /* Moving the agreed cell changes the spread. */
  tandem_assessment_set_cell (a, 3, 2);
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 0);
}

static void
test_spread_exhaustive (void)
{
  /* Every agreed cell against every placement of one group, and every
   * pair of groups, against a spread computed here. */
  for (guint ar = 1; ar <= 3; ar++)
    for (guint ac = 1; ac <= 3; ac++)
      for (guint pr = 1; pr <= 3; pr++)
        for (guint pc = 1; pc <= 3; pc++)
          for (guint qr = 1; qr <= 3; qr++)
            for (guint qc = 1; qc <= 3; qc++)
              {
                g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", ar, ac);
                guint d_ap = tandem_cell_steps (ar, ac, pr, pc);
                guint d_aq = tandem_cell_steps (ar, ac, qr, qc);
                guint d_pq = tandem_cell_steps (pr, pc, qr, qc);

                tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, pr, pc);
                g_assert_cmpuint (tandem_assessment_get_spread (a), ==, d_ap);
                tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, qr, qc);
                g_assert_cmpuint (tandem_assessment_get_spread (a), ==, MAX (d_ap, MAX (d_aq, d_pq)));
              }
}

static void
test_evidence (void)
{
  g_autoptr(TandemAssessment) a = tandem_assessment_new (UUID, "2023-06-01", 1, 1);
  const TandemEvidence *e;

  tandem_assessment_add_evidence (a, "Minutes", "/home/user/minutes.odt");
  tandem_assessment_add_evidence (a, "Report", "https://example.org/report.pdf");
  tandem_assessment_add_evidence (a, NULL, NULL);
  g_assert_cmpuint (tandem_assessment_get_n_evidence (a), ==, 3);

  /* Kept in the order added. */
  e = tandem_assessment_get_evidence (a, 0);
  g_assert_cmpstr (e->caption, ==, "Minutes");
  g_assert_cmpstr (e->link, ==, "/home/user/minutes.odt");
  e = tandem_assessment_get_evidence (a, 1);
  g_assert_cmpstr (e->caption, ==, "Report");
  g_assert_cmpstr (e->link, ==, "https://example.org/report.pdf");
  e = tandem_assessment_get_evidence (a, 2);
  g_assert_cmpstr (e->caption, ==, "");
  g_assert_cmpstr (e->link, ==, "");

  g_test_expect_message ("Tandem", G_LOG_LEVEL_CRITICAL, "*");
  g_assert_null (tandem_assessment_get_evidence (a, 3));
  g_test_assert_expected_messages ();

  tandem_assessment_clear_evidence (a);
  g_assert_cmpuint (tandem_assessment_get_n_evidence (a), ==, 0);
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return tandem_assessment_compare (*(TandemAssessment * const *) a, *(TandemAssessment * const *) b);
}

static void
test_compare (void)
{
  g_autoptr(TandemAssessment) early = tandem_assessment_new (UUID, "2019-12-31", 3, 3);
  g_autoptr(TandemAssessment) late = tandem_assessment_new (UUID, "2020-01-01", 1, 1);
  g_autoptr(TandemAssessment) late_b = tandem_assessment_new (UUID, "2020-01-01", 1, 1);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  /* By date, oldest first. */
  g_assert_cmpint (tandem_assessment_compare (early, late), <, 0);
  g_assert_cmpint (tandem_assessment_compare (late, early), >, 0);
  g_assert_cmpint (tandem_assessment_compare (early, early), ==, 0);

  /* The same date: a stable order by ID, never 0 for different ones. */
  tandem_assessment_set_id (late, "a");
  tandem_assessment_set_id (late_b, "b");
  g_assert_cmpint (tandem_assessment_compare (late, late_b), <, 0);
  g_assert_cmpint (tandem_assessment_compare (late_b, late), >, 0);

  g_ptr_array_add (list, late_b);
  g_ptr_array_add (list, early);
  g_ptr_array_add (list, late);
  g_ptr_array_sort (list, compare_indirect);
  g_assert_true (g_ptr_array_index (list, 0) == early);
  g_assert_true (g_ptr_array_index (list, 1) == late);
  g_assert_true (g_ptr_array_index (list, 2) == late_b);
}

static void
test_dates (void)
{
  static const char * const valid[] = {
    "2024-02-29",   /* leap year */
    "2000-02-29",   /* divisible by 400 */
    "2023-02-28", "2023-12-31", "2024-01-01", "1999-01-01", "2015-01-01",
    "2023-04-30", "2023-06-30", "2023-09-30", "2023-11-30", "2023-01-31",
    "2099-12-31", "0001-01-01",
  };
  static const char * const invalid[] = {
    "2023-02-29",   /* not a leap year */
    "1900-02-29",   /* divisible by 100, not by 400 */
    "2024-02-30", "2023-04-31", "2023-06-31", "2023-09-31", "2023-11-31",
    "2024-1-5", "2024-01-5", "2024-1-05", "24-01-05", "20240105", "2024/01/05",
    "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "0000-01-01",
    "", " 2024-01-05", "2024-01-05 ", "2024-01-05T00:00", "2024-01-0x", "abcd-ef-gh",
    "2024-+1-05", "2024- 1-05", "+2024-01-05", "2024-01--5",
  };
  g_autofree char *today = tandem_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!tandem_date_is_valid (valid[i]))
      g_error ("“%s” should be a valid date", valid[i]);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (tandem_date_is_valid (invalid[i]))
      g_error ("“%s” should not be a valid date", invalid[i]);

  g_assert_false (tandem_date_is_valid (NULL));

  /* Today, in local time, is a valid date.  (Run at midnight this could
   * differ by a day; the length and validity cannot.) */
  g_assert_true (tandem_date_is_valid (today));
  g_assert_cmpuint (strlen (today), ==, 10);
  if (!g_str_equal (today, expected))
    g_test_message ("today is %s, GDateTime said %s (midnight?)", today, expected);

  /* Every day of a leap year and a common year, counted with GDate. */
  for (guint year = 2023; year <= 2024; year++)
    for (guint month = 1; month <= 12; month++)
      for (guint day = 1; day <= 31; day++)
        {
          g_autofree char *text = g_strdup_printf ("%04u-%02u-%02u", year, month, day);

          g_assert_cmpint (tandem_date_is_valid (text), ==, g_date_valid_dmy (day, month, year));
        }
}

static void
test_date_arithmetic (void)
{
  static const struct {
    const char *date;
    guint       years;
    const char *expected;
  } cases[] = {
    { "2025-06-30", 1, "2024-06-30" },
    { "2024-02-29", 1, "2023-02-28" },   /* no 29 February in 2023 */
    { "2024-02-29", 4, "2020-02-29" },
    { "2024-01-01", 0, "2024-01-01" },
    { "0001-05-05", 1, "0001-05-05" },   /* no year 0: left as it is */
    { "not a date", 1, "not a date" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = tandem_date_years_before (cases[i].date, cases[i].years);

      g_assert_cmpstr (before, ==, cases[i].expected);
    }

  g_assert_true (tandem_date_check ("2024-03-31", "From", &error));
  g_assert_no_error (error);

  /* The message names the field, quotes what was typed and shows how. */
  g_assert_false (tandem_date_check ("2024-13-01", "From", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "From: “2024-13-01” is not a date. Write it as YYYY-MM-DD, for example 2024-03-31.");
  g_clear_error (&error);

  g_assert_false (tandem_date_check (NULL, "To", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "To: “”"));
}

static void
test_stage_names (void)
{
  static const struct { TandemStage stage; const char *name; const char *label; } stages[] = {
    { TANDEM_STAGE_NONE, "-", "Not assessed" },
    { TANDEM_STAGE_ACTIVE_INVOLVEMENT, "active-involvement", "Active involvement" },
    { TANDEM_STAGE_CO_DESIGN, "co-design", "Co-design" },
    { TANDEM_STAGE_CO_DELIVERY, "co-delivery", "Co-delivery" },
    { TANDEM_STAGE_FULL_CO_PRODUCTION, "full-co-production", "Full co-production" },
  };
  TandemStage parsed;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_assert_cmpstr (tandem_stage_to_string (stages[i].stage), ==, stages[i].name);
      g_assert_cmpstr (tandem_stage_get_label (stages[i].stage), ==, stages[i].label);
      parsed = 99;
      g_assert_true (tandem_stage_from_string (stages[i].name, &parsed));
      g_assert_cmpint (parsed, ==, stages[i].stage);
    }

  parsed = TANDEM_STAGE_CO_DESIGN;
  g_assert_false (tandem_stage_from_string ("Co-design", &parsed));
  g_assert_false (tandem_stage_from_string ("full co-production", &parsed));
  g_assert_false (tandem_stage_from_string ("", &parsed));
  g_assert_false (tandem_stage_from_string (NULL, &parsed));
  g_assert_cmpint (parsed, ==, TANDEM_STAGE_CO_DESIGN);
}

static void
test_labels (void)
{
  g_assert_cmpstr (tandem_level_get_label (TANDEM_LEVEL_NONE), ==, "Not assessed");
  g_assert_cmpstr (tandem_level_get_label (TANDEM_LEVEL_COMPLIANCE), ==, "Compliance");
  g_assert_cmpstr (tandem_level_get_label (TANDEM_LEVEL_SUPPORT), ==, "Support");
  g_assert_cmpstr (tandem_level_get_label (TANDEM_LEVEL_TRANSFORMATION), ==, "Transformation");

  g_assert_cmpstr (tandem_stakeholder_get_label (TANDEM_STAKEHOLDER_COMMISSIONERS), ==, "Commissioners");
  g_assert_cmpstr (tandem_stakeholder_get_label (TANDEM_STAKEHOLDER_FRONTLINE_STAFF), ==, "Frontline staff");
  g_assert_cmpstr (tandem_stakeholder_get_label (TANDEM_STAKEHOLDER_SERVICE_USERS), ==, "Service users");
  g_assert_cmpstr (tandem_stakeholder_get_label (TANDEM_STAKEHOLDER_COMMUNITY), ==, "Community");

  g_assert_cmpstr (tandem_question_get_label (TANDEM_QUESTION_BETTER_SERVICE), ==, "Is the service getting better?");
  g_assert_cmpstr (tandem_question_get_label (TANDEM_QUESTION_FEEL_BETTER), ==,
                   "Do people feel better about the service?");
  g_assert_cmpstr (tandem_question_get_label (TANDEM_QUESTION_PUBLIC_VALUE), ==, "Is it building public value?");

  /* Every track status has a label of its own. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (TandemTrack t = TANDEM_TRACK_NO_TARGET; t <= TANDEM_TRACK_OVERDUE; t++)
      {
        const char *label = tandem_track_get_label (t);

        g_assert_nonnull (label);
        g_assert_cmpstr (label, !=, "");
        g_assert_false (g_hash_table_contains (seen, label));
        g_hash_table_add (seen, (gpointer) label);
      }
  }
}

/* ---- Indicators (the object; the store is in test-store-assessments) -------- */

static void
test_indicator_object (void)
{
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (UUID, "Young people NEET", "%");
  g_autoptr(TandemIndicator) other = tandem_indicator_new (UUID, "Young people NEET", "%");
  g_autoptr(TandemIndicator) copy = NULL;
  double value = -1;

  g_assert_true (g_uuid_string_is_valid (tandem_indicator_get_id (indicator)));
  g_assert_cmpstr (tandem_indicator_get_id (indicator), !=, tandem_indicator_get_id (other));
  g_assert_cmpstr (tandem_indicator_get_initiative (indicator), ==, UUID);
  g_assert_cmpstr (tandem_indicator_get_name (indicator), ==, "Young people NEET");
  g_assert_cmpstr (tandem_indicator_get_unit (indicator), ==, "%");
  g_assert_false (tandem_indicator_get_baseline (indicator, &value));
  g_assert_false (tandem_indicator_get_target (indicator, &value));
  g_assert_cmpuint (tandem_indicator_get_n_readings (indicator), ==, 0);

  tandem_indicator_set_baseline (indicator, TRUE, 7.8);
  g_assert_true (tandem_indicator_get_baseline (indicator, &value));
  g_assert_cmpfloat (value, ==, 7.8);
  tandem_indicator_set_target (indicator, TRUE, 0.0);
  g_assert_true (tandem_indicator_get_target (indicator, &value));
  g_assert_cmpfloat (value, ==, 0.0);
  tandem_indicator_set_target (indicator, FALSE, 0.0);
  g_assert_false (tandem_indicator_get_target (indicator, NULL));

  /* Readings sorted by date whatever the order they come in, one a date. */
  tandem_indicator_set_reading (indicator, "2022-03-31", 6.8);
  tandem_indicator_set_reading (indicator, "2020-03-31", 7.5);
  tandem_indicator_set_reading (indicator, "2024-03-31", 5.6);
  tandem_indicator_set_reading (indicator, "2021-03-31", 7.9);
  g_assert_cmpuint (tandem_indicator_get_n_readings (indicator), ==, 4);
  g_assert_cmpstr (tandem_indicator_get_reading (indicator, 0)->date, ==, "2020-03-31");
  g_assert_cmpstr (tandem_indicator_get_reading (indicator, 1)->date, ==, "2021-03-31");
  g_assert_cmpstr (tandem_indicator_get_reading (indicator, 2)->date, ==, "2022-03-31");
  g_assert_cmpstr (tandem_indicator_get_reading (indicator, 3)->date, ==, "2024-03-31");
  g_assert_cmpfloat (tandem_indicator_get_reading (indicator, 1)->value, ==, 7.9);

  /* The same date again replaces its value. */
  tandem_indicator_set_reading (indicator, "2021-03-31", 7.1);
  g_assert_cmpuint (tandem_indicator_get_n_readings (indicator), ==, 4);
  g_assert_cmpfloat (tandem_indicator_get_reading (indicator, 1)->value, ==, 7.1);

  copy = tandem_indicator_copy (indicator);
  g_assert_true (tandem_indicator_equal (indicator, copy));
  g_assert_cmpstr (tandem_indicator_get_id (copy), ==, tandem_indicator_get_id (indicator));

  g_assert_true (tandem_indicator_remove_reading (copy, "2022-03-31"));
  g_assert_false (tandem_indicator_remove_reading (copy, "2022-03-31"));
  g_assert_false (tandem_indicator_remove_reading (copy, "1999-01-01"));
  g_assert_cmpuint (tandem_indicator_get_n_readings (copy), ==, 3);
  g_assert_cmpstr (tandem_indicator_get_reading (copy, 2)->date, ==, "2024-03-31");
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_assert_cmpuint (tandem_indicator_get_n_readings (indicator), ==, 4);

  /* Each field counts for equality. */
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_name (copy, "Other");
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_unit (copy, "people");
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_baseline (copy, FALSE, 0);
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_baseline (copy, TRUE, 7.9);
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_reading (copy, "2024-03-31", 5.5);
  g_assert_false (tandem_indicator_equal (indicator, copy));
  g_clear_object (&copy);
  copy = tandem_indicator_copy (indicator);
  tandem_indicator_set_id (copy, "another");
  g_assert_false (tandem_indicator_equal (indicator, copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/assessment/new", test_new_defaults);
  g_test_add_func ("/core/assessment/setters", test_setters);
  g_test_add_func ("/core/assessment/setters-refuse", test_setters_refuse);
  g_test_add_func ("/core/assessment/copy-equal", test_copy_equal);
  g_test_add_func ("/core/assessment/equal-each-field", test_equal_each_field);
  g_test_add_func ("/core/assessment/placements-spread", test_placements_spread);
  g_test_add_func ("/core/assessment/spread-exhaustive", test_spread_exhaustive);
  g_test_add_func ("/core/assessment/evidence", test_evidence);
  g_test_add_func ("/core/assessment/compare", test_compare);
  g_test_add_func ("/core/assessment/dates", test_dates);
  g_test_add_func ("/core/assessment/date-arithmetic", test_date_arithmetic);
  g_test_add_func ("/core/assessment/stage-names", test_stage_names);
  g_test_add_func ("/core/assessment/labels", test_labels);
  g_test_add_func ("/core/indicator/object", test_indicator_object);

  return g_test_run ();
}

/* test-csv.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include "tandem-test-utils.h"

#define HEADER "title,organisation,service_area,place,delivery,design,date\n"
#define KNOWN_UUID "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

/* ---- Helpers ------------------------------------------------------------- */

static GPtrArray *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = tandem_csv_parse (bytes, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

static void
assert_record (GPtrArray  *records,
               guint       i,
               guint       line,
               const char *joined)
{
  TandemCsvRecord *record = g_ptr_array_index (records, i);
  g_autofree char *fields = g_strjoinv ("|", record->fields);

  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpstr (fields, ==, joined);
}

static TandemChanges *
read_ok (TandemStore     *store,
         const char      *text,
         TandemCsvCounts *counts)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  TandemChanges *changes = tandem_csv_read_initiatives (store, bytes, "test.csv", counts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);

  return changes;
}

static void
import_ok (TandemStore     *store,
           const char      *text,
           TandemCsvCounts *counts)
{
  g_autoptr(TandemChanges) changes = read_ok (store, text, counts);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_apply (store, changes, &error));
  g_assert_no_error (error);
}

/* ---- Parsing ------------------------------------------------------------- */

static void
test_parse_quotes_and_line_ends (void)
{
  g_autoptr(GPtrArray) records =
    parse_ok ("\xef\xbb\xbf" "a,b,c\r\n"
              "\"one, two\",\"say \"\"hi\"\"\",\r\n"
              "\n"
              "\"multi\nline\",x,\"\"\n"
              "last,,", -1);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, "a|b|c");
  assert_record (records, 1, 2, "one, two|say \"hi\"|");
  assert_record (records, 2, 4, "multi\nline|x|");
  assert_record (records, 3, 6, "last||");
}

static void
test_parse_empty (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("", 0);

  g_assert_cmpuint (records->len, ==, 0);
}

static void
assert_parse_fails (const char *text,
                    gsize       length,
                    const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = tandem_csv_parse (bytes, "bad.csv", &error);

  g_assert_null (records);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_parse_bad (void)
{
  g_autofree char *long_field = g_strnfill (TANDEM_CSV_MAX_FIELD + 1, 'x');
  g_autofree char *long_line = g_strconcat ("a\n", long_field, "\n", NULL);

  assert_parse_fails ("a,b\n\"open,b\n", 12, "bad.csv: line 2: a quoted field is never closed");
  assert_parse_fails ("a,b\nx\"y,b\n", 10,
                      "bad.csv: line 2: a quote is out of place (quote the whole field, and double quotes inside it)");
  assert_parse_fails ("a,b\n\"x\"y,b\n", 11,
                      "bad.csv: line 2: a quote is out of place (quote the whole field, and double quotes inside it)");
  assert_parse_fails ("a,b\nc,d\n\xc3\x28,e\n", 11, "bad.csv: line 3: the text is not UTF-8 (or holds a NUL byte)");
  assert_parse_fails ("a,b\n\0,e\n", 8, "bad.csv: line 2: the text is not UTF-8 (or holds a NUL byte)");
  assert_parse_fails (long_line, strlen (long_line), "bad.csv: line 2: field 1 is longer than 64 KB");
}

/* ---- Import and export --------------------------------------------------- */

static void
test_import_new (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  TandemCsvCounts counts;
  TandemInitiative *lunch;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (fixture->store,
             "Title,Organisation,Service_Area,Place,Delivery,Design,Date,Budget\n"
             "Lunch club,\"Ward 3, North\",Adult care,Leeds,2,3,2026-03-01,1000\n"
             "<b>Markup</b>'); DROP TABLE initiative; --,,,,1,1,2026-01-05,\n",
             &counts);
  g_assert_cmpuint (counts.rows, ==, 2);
  g_assert_cmpuint (counts.new_initiatives, ==, 2);
  g_assert_cmpuint (g_strv_length (counts.notices), ==, 1);
  g_assert_cmpstr (counts.notices[0], ==, "test.csv: the column “Budget” is not one Tandem reads and was ignored");
  tandem_csv_counts_clear (&counts);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)), ==, 2);
  g_assert_nonnull (tandem_test_find_by_title (fixture->store, "<b>Markup</b>'); DROP TABLE initiative; --"));

  lunch = tandem_test_find_by_title (fixture->store, "Lunch club");
  g_assert_cmpstr (tandem_initiative_get_organisation (lunch), ==, "Ward 3, North");
  g_assert_cmpstr (tandem_initiative_get_service_area (lunch), ==, "Adult care");
  g_assert_cmpstr (tandem_initiative_get_place (lunch), ==, "Leeds");
  g_assert_cmpuint (tandem_initiative_get_row (lunch), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (lunch), ==, 3);

  /* The placement, on its date, starts the initiative's journey. */
  placements = tandem_store_list_assessments (fixture->store, tandem_initiative_get_uuid (lunch), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 1);
  g_assert_cmpstr (tandem_assessment_get_date (g_ptr_array_index (placements, 0)), ==, "2026-03-01");
}

static void
test_round_trip_and_bulk_move (TandemTestFixture *fixture,
                               gconstpointer      data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GString) moved = NULL;
  TandemCsvCounts counts;
  TandemInitiative *youth;

  state = tandem_test_state_capture (fixture->store);
  csv = tandem_csv_export_initiatives (fixture->store);
  g_assert_true (g_str_has_prefix (csv, "uuid,title,organisation,service_area,place,delivery,design,date\r\n"));

  /* Its own export changes nothing. */
  {
    g_autoptr(TandemChanges) changes = read_ok (fixture->store, csv, &counts);

    g_assert_cmpuint (counts.rows, ==, 3);
    g_assert_cmpuint (counts.unchanged, ==, 3);
    g_assert_true (tandem_changes_is_empty (changes));
    tandem_csv_counts_clear (&counts);
  }

  /* Moving one row's cell moves that initiative, dated, and only it. */
  youth = tandem_test_find_by_title (fixture->store, "Youth employability service (worked example)");
  moved = g_string_new (csv);
  {
    g_autofree char *line_start = g_strconcat (tandem_initiative_get_uuid (youth), ",", NULL);
    char *line = strstr (moved->str, line_start);
    char *end = strstr (line, "\r\n");
    gsize at = end - moved->str;

    /* The line ends ",1,2,DATE"; make it ",2,2,2026-06-30". */
    g_string_erase (moved, at - 14, 14);
    g_string_insert (moved, at - 14, "2,2,2026-06-30");
  }
  import_ok (fixture->store, moved->str, &counts);
  g_assert_cmpuint (counts.moved, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 2);
  tandem_csv_counts_clear (&counts);

  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);
  placements = tandem_store_list_assessments (fixture->store, tandem_initiative_get_uuid (youth), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_assessment_get_date (g_ptr_array_index (placements, placements->len - 1)), ==, "2026-06-30");
  tandem_test_assert_disk_matches (fixture->store);
}

static void
assert_import_fails (TandemTestFixture *fixture,
                     const char        *text,
                     const char        *message)
{
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemChanges) changes = NULL;
  TandemCsvCounts counts;

  changes = tandem_csv_read_initiatives (fixture->store, bytes, "test.csv", &counts, &error);
  g_assert_null (changes);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  tandem_test_assert_state (state, fixture->store);
}

static void
test_import_bad (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  assert_import_fails (fixture, "", "test.csv: line 1: the file is empty; it needs a header line");
  assert_import_fails (fixture, "title,organisation,place,delivery,design,date\n",
                       "test.csv: line 1: the header has no “service_area” column (it needs title, organisation, service_area, place, delivery, design and date)");
  assert_import_fails (fixture, "title,title,organisation,service_area,place,delivery,design,date\n",
                       "test.csv: line 1: the column “title” appears twice");
  assert_import_fails (fixture, HEADER "A,,,,2,2,2026-01-01\nB,,,,2,middle,2026-01-01\n",
                       "test.csv: line 3: column “design”: “middle” is not 1, 2 or 3");
  assert_import_fails (fixture, HEADER "A,,,,4,2,2026-01-01\n",
                       "test.csv: line 2: column “delivery”: “4” is not 1, 2 or 3");
  assert_import_fails (fixture, HEADER "A,,,,2,2,2026-02-30\n",
                       "test.csv: line 2: column “date”: “2026-02-30” is not a real date written YYYY-MM-DD");
  assert_import_fails (fixture, HEADER " ,,,,2,2,2026-02-03\n",
                       "test.csv: line 2: column “title”: an initiative needs a title");
  assert_import_fails (fixture, "uuid," HEADER "not-a-uuid,A,,,,2,2,2026-02-03\n",
                       "test.csv: line 2: column “uuid”: “not-a-uuid” is not a UUID");
  assert_import_fails (fixture, "uuid," HEADER KNOWN_UUID ",A,,,,2,2,2026-02-03\n" KNOWN_UUID ",B,,,,2,2,2026-02-03\n",
                       "test.csv: line 3: column “uuid”: " KNOWN_UUID " appears on an earlier line too");
}

/* An import through the history is one step that undo takes back. */
static void
test_import_undo (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(TandemTestState) before = tandem_test_state_capture (fixture->store);
  g_autoptr(TandemTestState) after = NULL;
  g_autoptr(TandemHistory) history = tandem_history_new (fixture->store);
  g_autoptr(GError) error = NULL;
  TandemCsvCounts counts;
  TandemChanges *changes;

  changes = read_ok (fixture->store, HEADER "A,,,,2,2,2026-01-01\nB,,,,3,1,2026-01-02\n", &counts);
  tandem_csv_counts_clear (&counts);
  g_assert_true (tandem_history_apply (history, changes, "Import “test.csv”", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)), ==, 5);
  g_assert_cmpstr (tandem_history_get_undo_label (history), ==, "Import “test.csv”");
  after = tandem_test_state_capture (fixture->store);

  g_assert_true (tandem_history_undo (history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (before, fixture->store);
  tandem_test_assert_disk_matches (fixture->store);

  g_assert_true (tandem_history_redo (history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (after, fixture->store);

  /* Nothing to write is no step at all. */
  g_assert_true (tandem_history_apply (history, tandem_changes_new (), "Import nothing", &error));
  g_assert_cmpstr (tandem_history_get_undo_label (history), ==, "Import “test.csv”");
}

/* ---- Export of assessments ------------------------------------------------ */

#define ASSESSMENT_HEADER \
  "initiative_uuid,initiative_title,assessment_id,date,delivery,design,stage,level," \
  "co_commissioning,co_design,co_delivery,co_assessment,subtypes,principles," \
  "better_service,feel_better,public_value," \
  "commissioners_delivery,commissioners_design,frontline_staff_delivery,frontline_staff_design," \
  "service_users_delivery,service_users_design,community_delivery,community_design," \
  "participants,notes,evidence\r\n"

/* Sorted by title, Lunch comes before Youth; by UUID, after it. */
#define LUNCH_UUID "f0000000-0000-4000-8000-00000000000a"
#define YOUTH_UUID "0b000000-0000-4000-8000-00000000000b"
#define ID_1 "a1000000-0000-4000-8000-000000000001"
#define ID_2 "a2000000-0000-4000-8000-000000000002"
#define ID_3 "a3000000-0000-4000-8000-000000000003"

static TandemInitiative *
initiative_with_uuid (const char *uuid,
                      const char *title)
{
  TandemInitiative *initiative = tandem_initiative_new (title, 1, 1);

  tandem_initiative_set_uuid (initiative, uuid);
  return initiative;
}

static TandemAssessment *
assessment_with_id (const char *uuid,
                    const char *id,
                    const char *date,
                    guint       row,
                    guint       col)
{
  TandemAssessment *a = tandem_assessment_new (uuid, date, row, col);

  tandem_assessment_set_id (a, id);
  return a;
}

/* Everything an assessment can say, set. */
static TandemAssessment *
full_assessment (void)
{
  TandemAssessment *a = assessment_with_id (LUNCH_UUID, ID_2, "2025-02-03", 2, 2);

  tandem_assessment_set_stage (a, TANDEM_STAGE_CO_DESIGN);
  tandem_assessment_set_level (a, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_presence (a, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_FINANCING | TANDEM_SUBTYPE_CO_PLANNING);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_PEER_SUPPORT | TANDEM_PRINCIPLE_ASSETS);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_NO);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 3);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 1, 2);
  tandem_assessment_set_participants (a, "Ana, Ben");
  tandem_assessment_set_notes (a, "Line one\nSaid \"yes\"");
  tandem_assessment_add_evidence (a, "Survey, 2025", "https://example.org/s?a=1,b=2");
  tandem_assessment_add_evidence (a, "Minutes", "");
  tandem_assessment_add_evidence (a, "", "/home/x/photo.jpg");

  return a;
}

static char *
export_ok (TandemStore *store,
           guint        expected_rows)
{
  g_autoptr(GError) error = NULL;
  guint n_rows = G_MAXUINT;
  char *csv = tandem_csv_export_assessments (store, &n_rows, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_cmpuint (n_rows, ==, expected_rows);

  return csv;
}

static void
test_export_assessments (TandemTestFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemInitiative) lunch = initiative_with_uuid (LUNCH_UUID, "Lunch club, North");
  g_autoptr(TandemInitiative) youth = initiative_with_uuid (YOUTH_UUID, "Youth \"hub\"");
  g_autoptr(TandemAssessment) full = full_assessment ();
  g_autoptr(TandemAssessment) first = assessment_with_id (LUNCH_UUID, ID_1, "2024-05-01", 1, 1);
  g_autoptr(TandemAssessment) other = assessment_with_id (YOUTH_UUID, ID_3, "2023-12-31", 3, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  tandem_assessment_set_stage (other, TANDEM_STAGE_FULL_CO_PRODUCTION);
  tandem_assessment_set_level (other, TANDEM_LEVEL_TRANSFORMATION);

  /* Saved out of order: the export sorts them. */
  tandem_changes_save_initiative (changes, youth);
  tandem_changes_save_initiative (changes, lunch);
  tandem_changes_save_assessment (changes, other);
  tandem_changes_save_assessment (changes, full);
  tandem_changes_save_assessment (changes, first);
  g_assert_true (tandem_store_apply (fixture->store, changes, &error));
  g_assert_no_error (error);

  csv = export_ok (fixture->store, 3);
  g_assert_cmpstr (csv, ==,
                   ASSESSMENT_HEADER
                   LUNCH_UUID ",\"Lunch club, North\"," ID_1 ",2024-05-01,1,1,,,"
                   "absent,absent,absent,absent,,,unknown,unknown,unknown,,,,,,,,,,,\r\n"
                   LUNCH_UUID ",\"Lunch club, North\"," ID_2 ",2025-02-03,2,2,co-design,support,"
                   "emerging,established,absent,emerging,co-planning;co-financing,assets;peer-support,"
                   "yes,partly,no,2,3,,,,,1,2,\"Ana, Ben\",\"Line one\nSaid \"\"yes\"\"\","
                   "\"Survey, 2025 <https://example.org/s?a=1,b=2>\nMinutes\n</home/x/photo.jpg>\"\r\n"
                   YOUTH_UUID ",\"Youth \"\"hub\"\"\"," ID_3 ",2023-12-31,3,1,full-co-production,transformation,"
                   "absent,absent,absent,absent,,,unknown,unknown,unknown,,,,,,,,,,,\r\n");

  /* The same again from the file. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_READ_ONLY);
  {
    g_autofree char *again = export_ok (fixture->store, 3);

    g_assert_cmpstr (again, ==, csv);
  }
}

static void
test_export_assessments_empty (TandemTestFixture *fixture,
                               gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = export_ok (fixture->store, 0);
  g_autofree char *closed = NULL;

  g_assert_cmpstr (csv, ==, ASSESSMENT_HEADER);

  /* An initiative with no assessment has no row either. */
  {
    g_autoptr(TandemInitiative) lonely = tandem_initiative_new ("Lonely", 2, 2);
    g_autofree char *still = NULL;

    g_assert_true (tandem_store_save_initiative (fixture->store, lonely, &error));
    g_assert_no_error (error);
    still = export_ok (fixture->store, 0);
    g_assert_cmpstr (still, ==, ASSESSMENT_HEADER);
  }

  /* A closed portfolio says so. */
  tandem_store_close (fixture->store);
  closed = tandem_csv_export_assessments (fixture->store, NULL, &error);
  g_assert_null (closed);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "the portfolio is closed"));
}

/* Markup, SQL, quotes and any UTF-8 come out as they went in. */
static void
test_export_assessments_verbatim (TandemTestFixture *fixture,
                                  gconstpointer      data)
{
  static const char *title = "<b>Café</b>'); DROP TABLE initiative;--";
  static const char *participants = "<script>alert('x')</script>";
  static const char *notes = "'; DELETE FROM assessment; -- 日本語, “curly” \"straight\"\r\nnext";
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemInitiative) initiative = initiative_with_uuid (LUNCH_UUID, title);
  g_autoptr(TandemAssessment) a = assessment_with_id (LUNCH_UUID, ID_1, "2026-01-02", 2, 3);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  TandemCsvRecord *row;

  tandem_assessment_set_participants (a, participants);
  tandem_assessment_set_notes (a, notes);
  tandem_assessment_add_evidence (a, "<a href=\"x\">Minutes</a>", "file:///tmp/it's.pdf");
  tandem_changes_save_initiative (changes, initiative);
  tandem_changes_save_assessment (changes, a);
  g_assert_true (tandem_store_apply (fixture->store, changes, &error));
  g_assert_no_error (error);

  csv = export_ok (fixture->store, 1);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  bytes = g_bytes_new (csv, strlen (csv));
  records = tandem_csv_parse (bytes, "export.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);

  row = g_ptr_array_index (records, 1);
  g_assert_cmpuint (g_strv_length (row->fields), ==, 28);
  g_assert_cmpstr (row->fields[0], ==, LUNCH_UUID);
  g_assert_cmpstr (row->fields[1], ==, title);
  g_assert_cmpstr (row->fields[3], ==, "2026-01-02");
  g_assert_cmpstr (row->fields[25], ==, participants);
  g_assert_cmpstr (row->fields[26], ==, notes);
  g_assert_cmpstr (row->fields[27], ==, "<a href=\"x\">Minutes</a> <file:///tmp/it's.pdf>");

  /* And nothing was run. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_nonnull (tandem_test_find_by_title (fixture->store, title));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/parse/quotes-and-line-ends", test_parse_quotes_and_line_ends);
  g_test_add_func ("/core/csv/parse/empty", test_parse_empty);
  g_test_add_func ("/core/csv/parse/bad", test_parse_bad);
  g_test_add ("/core/csv/import/new", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_import_new, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/import/round-trip-and-bulk-move", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_round_trip_and_bulk_move, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/import/undo", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_import_undo, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/import/bad", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_import_bad, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/export/assessments", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_export_assessments, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/export/assessments-empty", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_export_assessments_empty, tandem_test_fixture_teardown);
  g_test_add ("/core/csv/export/assessments-verbatim", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_export_assessments_verbatim, tandem_test_fixture_teardown);

  return g_test_run ();
}

/* test-library.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include "tandem-test-utils.h"

/* ---- Helpers ------------------------------------------------------------- */

static GPtrArray *
parse_ok (GBytes *json,
          int    *version)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = NULL;

  g_assert_true (tandem_library_parse (json, "test.json", version, &entries, &error));
  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static GPtrArray *
parse_bundled (int *version)
{
  g_autoptr(GBytes) json = tandem_library_get_bundled ();

  g_assert_nonnull (json);
  return parse_ok (json, version);
}

static TandemCaseStudy *
find_entry (GPtrArray  *entries,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (tandem_case_study_get_id (g_ptr_array_index (entries, i)), id))
      return g_ptr_array_index (entries, i);

  return NULL;
}

static gboolean
has_tag (TandemCaseStudy *cs,
         const char      *tag)
{
  return g_strv_contains (tandem_case_study_get_tags (cs), tag);
}

/* ---- The bundled library -------------------------------------------------------- */

static void
test_bundled (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  int version = 0;

  entries = parse_bundled (&version);
  g_assert_cmpint (version, >=, 1);
  g_assert_cmpuint (entries->len, >=, 25);

  for (guint i = 0; i < entries->len; i++)
    {
      TandemCaseStudy *cs = g_ptr_array_index (entries, i);
      const char *id = tandem_case_study_get_id (cs);
      g_autofree char *title = g_strstrip (g_strdup (tandem_case_study_get_title (cs)));
      guint visible = 0;

      g_test_message ("entry %u: %s", i, id);

      /* An ID of the library's form, used once. */
      g_assert_cmpstr (id, !=, "");
      for (const char *p = id; *p; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);

      g_assert_true (tandem_case_study_get_bundled (cs));
      g_assert_cmpstr (title, !=, "");

      /* At least one cell, each placed by the source or by Tandem. */
      g_assert_cmpuint (tandem_case_study_get_n_links (cs), >=, 1);
      for (guint j = 0; j < tandem_case_study_get_n_links (cs); j++)
        {
          const TandemCaseLink *link = tandem_case_study_get_link (cs, j);

          g_assert_true (tandem_cell_is_valid (link->row, link->col));
          g_assert_true (link->basis == TANDEM_LINK_SOURCE || link->basis == TANDEM_LINK_TANDEM);
          g_assert_false (link->hidden);
          visible++;
        }
      g_assert_cmpuint (visible, >=, 1);

      /* At least one source, each with a document. */
      g_assert_cmpuint (tandem_case_study_get_n_sources (cs), >=, 1);
      for (guint j = 0; j < tandem_case_study_get_n_sources (cs); j++)
        {
          g_autofree char *document =
            g_strstrip (g_strdup (tandem_case_study_get_source (cs, j)->document));

          g_assert_cmpstr (document, !=, "");
        }

      /* Every outcome has a figure. */
      for (guint j = 0; j < tandem_case_study_get_n_outcomes (cs); j++)
        g_assert_cmpstr (tandem_case_study_get_outcome (cs, j)->figure, !=, "");

      /* Every entry shows at least one of the Four Co's. */
      g_assert_cmpuint (tandem_case_study_get_cos (cs), !=, 0);
    }
}

static void
test_bundled_named (void)
{
  /* The case studies Tandem promises, by ID and a part of the title. */
  static const struct {
    const char *id;
    const char *title;
  } named[] = {
    { "surrey-neet-to-pete", "NEET to PETE" },
    { "jonkoping-esther-improvement-coaches", "Esther" },
    { "nurtingen-cafe-rainbow", "Café Rainbow" },
    { "belgium-experts-by-experience", "Experts by Experience" },
    { "edinburgh-mainstreaming-co-production", "Edinburgh" },
    { "nz-skip", "SKIP" },
    { "nz-whanau-ora", "Whānau Ora" },
    { "nz-bps-results-drama-immunisation", "Better Public Services" },
    { "taff-housing", "Taff Housing" },
    { "family-nurse-partnerships", "Family Nurse Partnerships" },
    { "keyring", "KeyRing" },
    { "uservoice", "Uservoice" },
    { "time-banks", "Time banks" },
    { "participatory-budgeting", "Participatory budgeting" },
    { "tenant-inspectors", "Tenant inspectors" },
    { "neighbourhood-watch", "Neighbourhood Watch" },
    { "expert-patients-peer-support", "Expert patients" },
    { "leisure-centre-trusts", "Leisure centre trusts" },
    { "school-governors", "School governors" },
    { "meals-on-wheels", "Meals-on-wheels" },
    { "planning-for-real", "Planning for Real" },
    { "open-space", "Open Space" },
    { "participatory-village-appraisals", "Participatory village appraisals" },
    { "customer-journey-mapping", "Customer journey mapping" },
    { "service-design-labs", "Service design labs" },
  };
  g_autoptr(GPtrArray) entries = NULL;
  TandemCaseStudy *surrey, *whanau;
  int version;

  entries = parse_bundled (&version);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      TandemCaseStudy *cs = find_entry (entries, named[i].id);

      g_test_message ("looking for %s", named[i].id);
      g_assert_nonnull (cs);
      g_assert_nonnull (strstr (tandem_case_study_get_title (cs), named[i].title));
    }

  /* NEET to PETE: all four Co's, full co-production, and its three figures. */
  surrey = find_entry (entries, "surrey-neet-to-pete");
  g_assert_cmpstr (tandem_case_study_get_title (surrey), ==, "NEET to PETE, Surrey County Council");
  g_assert_cmpstr (tandem_case_study_get_place (surrey), ==, "Surrey");
  g_assert_cmpstr (tandem_case_study_get_period (surrey), ==, "2009–2014");
  g_assert_false (tandem_case_study_get_generic (surrey));
  g_assert_cmpuint (tandem_case_study_get_cos (surrey), ==,
                    TANDEM_CO_COMMISSIONING | TANDEM_CO_DESIGN | TANDEM_CO_DELIVERY | TANDEM_CO_ASSESSMENT);
  g_assert_true (tandem_case_study_is_linked (surrey, 2, 2));
  g_assert_cmpuint (tandem_case_study_get_n_outcomes (surrey), ==, 3);
  g_assert_true (g_str_has_prefix (tandem_case_study_get_outcome (surrey, 0)->figure, "60%"));
  g_assert_cmpstr (tandem_case_study_get_outcome (surrey, 0)->period, ==, "2012–2014");
  g_assert_true (g_str_has_prefix (tandem_case_study_get_outcome (surrey, 1)->figure, "90%"));
  g_assert_cmpstr (tandem_case_study_get_outcome (surrey, 1)->period, ==, "2009–2013");
  g_assert_true (g_str_has_prefix (tandem_case_study_get_outcome (surrey, 2)->figure, "25%"));
  g_assert_cmpstr (tandem_case_study_get_outcome (surrey, 2)->period, ==, "");
  g_assert_true (has_tag (surrey, "young people"));
  g_assert_cmpuint (g_strv_length ((GStrv) tandem_case_study_get_learning (surrey)), >=, 1);
  g_assert_cmpstr (tandem_case_study_get_change_notes (surrey), !=, "");

  /* Whānau Ora: two cells, a URL, a country. */
  whanau = find_entry (entries, "nz-whanau-ora");
  g_assert_cmpstr (tandem_case_study_get_country (whanau), ==, "New Zealand");
  g_assert_cmpuint (tandem_case_study_get_n_links (whanau), ==, 2);
  g_assert_true (tandem_case_study_is_linked (whanau, 2, 2));
  g_assert_true (tandem_case_study_is_linked (whanau, 3, 2));
  g_assert_true (g_str_has_prefix (tandem_case_study_get_source (whanau, 0)->url, "https://"));

  /* The generic approaches are marked as such. */
  g_assert_true (tandem_case_study_get_generic (find_entry (entries, "time-banks")));
  g_assert_true (tandem_case_study_get_generic (find_entry (entries, "participatory-budgeting")));
  g_assert_false (tandem_case_study_get_generic (find_entry (entries, "keyring")));
}

static void
test_bundled_is_stable (void)
{
  g_autoptr(GBytes) a = tandem_library_get_bundled ();
  g_autoptr(GBytes) b = tandem_library_get_bundled ();

  /* The same bytes every time, from the compiled-in resource. */
  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpuint (g_bytes_get_size (a), >, 1000);
}

/* ---- Reading a library ------------------------------------------------------------ */

static void
test_parse_fields (void)
{
  g_autoptr(GBytes) json = tandem_test_json (
    "{ 'format': 'tandem-case-library', 'version': 7, 'entries': ["
    "  { 'id': 'full-2', 'title': 'Full', 'generic': true, 'place': 'Oldham',"
    "    'country': 'England', 'service_area': 'Social care', 'period': '2015–2018',"
    "    'summary': 'A summary.', 'change_notes': 'Notes.',"
    "    'cos': ['co-design', 'co-assessment'],"
    "    'cells': [ { 'cell': '3,2', 'basis': 'source', 'note': 'Says so.' },"
    "               { 'cell': ' 1 , 1 ', 'basis': 'tandem' } ],"
    "    'outcomes': [ { 'figure': '40% fewer', 'period': '2016' }, { 'figure': '200 members' } ],"
    "    'learning': ['One.', 'Two.'], 'tags': ['a', 'b c'],"
    "    'sources': [ { 'document': 'Report', 'author': 'Someone', 'year': '2019', 'url': 'https://x.org',"
    "                   'file': 'ignored.txt' },"
    "                 { 'document': 'Another' } ],"
    "    'unknown_member': 'ignored' },"
    "  { 'id': 'minimal', 'title': 'Minimal', 'place': null,"
    "    'cells': [ { 'cell': '2,2', 'basis': 'tandem' } ], 'sources': [ { 'document': 'D' } ] }"
    "] }");
  g_autoptr(GPtrArray) entries = NULL;
  TandemCaseStudy *cs;
  int version = 0;

  entries = parse_ok (json, &version);
  g_assert_cmpint (version, ==, 7);
  g_assert_cmpuint (entries->len, ==, 2);

  cs = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (tandem_case_study_get_id (cs), ==, "full-2");
  g_assert_true (tandem_case_study_get_bundled (cs));
  g_assert_true (tandem_case_study_get_generic (cs));
  g_assert_cmpstr (tandem_case_study_get_title (cs), ==, "Full");
  g_assert_cmpstr (tandem_case_study_get_place (cs), ==, "Oldham");
  g_assert_cmpstr (tandem_case_study_get_country (cs), ==, "England");
  g_assert_cmpstr (tandem_case_study_get_service_area (cs), ==, "Social care");
  g_assert_cmpstr (tandem_case_study_get_period (cs), ==, "2015–2018");
  g_assert_cmpstr (tandem_case_study_get_summary (cs), ==, "A summary.");
  g_assert_cmpstr (tandem_case_study_get_change_notes (cs), ==, "Notes.");
  g_assert_cmpuint (tandem_case_study_get_cos (cs), ==, TANDEM_CO_DESIGN | TANDEM_CO_ASSESSMENT);
  g_assert_cmpuint (tandem_case_study_get_n_links (cs), ==, 2);
  g_assert_cmpuint (tandem_case_study_get_link (cs, 0)->row, ==, 3);
  g_assert_cmpuint (tandem_case_study_get_link (cs, 0)->col, ==, 2);
  g_assert_cmpint (tandem_case_study_get_link (cs, 0)->basis, ==, TANDEM_LINK_SOURCE);
  g_assert_cmpstr (tandem_case_study_get_link (cs, 0)->note, ==, "Says so.");
  g_assert_cmpuint (tandem_case_study_get_link (cs, 1)->row, ==, 1);
  g_assert_cmpint (tandem_case_study_get_link (cs, 1)->basis, ==, TANDEM_LINK_TANDEM);
  g_assert_cmpstr (tandem_case_study_get_link (cs, 1)->note, ==, "");
  g_assert_cmpuint (tandem_case_study_get_n_outcomes (cs), ==, 2);
  g_assert_cmpstr (tandem_case_study_get_outcome (cs, 0)->figure, ==, "40% fewer");
  g_assert_cmpstr (tandem_case_study_get_outcome (cs, 0)->period, ==, "2016");
  g_assert_cmpstr (tandem_case_study_get_outcome (cs, 1)->period, ==, "");
  g_assert_cmpstr (tandem_case_study_get_learning (cs)[1], ==, "Two.");
  g_assert_cmpstr (tandem_case_study_get_tags (cs)[1], ==, "b c");
  g_assert_cmpuint (tandem_case_study_get_n_sources (cs), ==, 2);
  g_assert_cmpstr (tandem_case_study_get_source (cs, 0)->document, ==, "Report");
  g_assert_cmpstr (tandem_case_study_get_source (cs, 0)->author, ==, "Someone");
  g_assert_cmpstr (tandem_case_study_get_source (cs, 0)->year, ==, "2019");
  g_assert_cmpstr (tandem_case_study_get_source (cs, 0)->url, ==, "https://x.org");
  g_assert_cmpstr (tandem_case_study_get_source (cs, 1)->author, ==, "");

  /* Everything optional may be left out (or null). */
  cs = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (tandem_case_study_get_id (cs), ==, "minimal");
  g_assert_false (tandem_case_study_get_generic (cs));
  g_assert_cmpstr (tandem_case_study_get_place (cs), ==, "");
  g_assert_cmpuint (tandem_case_study_get_cos (cs), ==, 0);
  g_assert_cmpuint (tandem_case_study_get_n_outcomes (cs), ==, 0);
  g_assert_null (tandem_case_study_get_learning (cs)[0]);
  g_assert_null (tandem_case_study_get_tags (cs)[0]);
}

static void
test_parse_empty (void)
{
  g_autoptr(GBytes) json = tandem_test_json ("{ 'format': 'tandem-case-library', 'version': 3, 'entries': [] }");
  g_autoptr(GPtrArray) entries = NULL;
  int version = 0;

  entries = parse_ok (json, &version);
  g_assert_cmpint (version, ==, 3);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* A good entry, and pieces to build bad ones from.  In these strings '
 * stands for ". */
#define HEAD "{ 'format': 'tandem-case-library', 'version': 1, 'entries': ["
#define TAIL "] }"
#define CELLS "'cells': [ { 'cell': '2,2', 'basis': 'tandem' } ]"
#define SOURCES "'sources': [ { 'document': 'A report' } ]"
#define GOOD(id) "{ 'id': '" id "', 'title': 'Good', " CELLS ", " SOURCES " }"
#define ENTRY(members) "{ 'id': 'bad', 'title': 'Bad', " members " }"

typedef struct
{
  const char *name;
  const char *json;
  const char *path;  /* the exact JSON path the message must name */
  const char *also;  /* (nullable): something else it must say */
} BadLibrary;

static const BadLibrary bad_libraries[] = {
  { "wrong format", "{ 'format': 'tandem-portfolio', 'version': 1, 'entries': [] }",
    "$.format", "tandem-portfolio" },
  { "no format", "{ 'version': 1, 'entries': [] }", "$.format", NULL },
  { "format a number", "{ 'format': 1, 'version': 1, 'entries': [] }", "$.format", NULL },
  { "not an object", "[ 1, 2, 3 ]", "$", NULL },
  { "no version", "{ 'format': 'tandem-case-library', 'entries': [] }", "$.version", NULL },
  { "version zero", "{ 'format': 'tandem-case-library', 'version': 0, 'entries': [] }", "$.version", NULL },
  { "version negative", "{ 'format': 'tandem-case-library', 'version': -2, 'entries': [] }", "$.version", NULL },
  { "version a string", "{ 'format': 'tandem-case-library', 'version': '1', 'entries': [] }", "$.version", NULL },
  { "version a fraction", "{ 'format': 'tandem-case-library', 'version': 1.5, 'entries': [] }", "$.version", NULL },
  { "version too big", "{ 'format': 'tandem-case-library', 'version': 4294967296, 'entries': [] }", "$.version", NULL },
  { "no entries", "{ 'format': 'tandem-case-library', 'version': 1 }", "$.entries", NULL },
  { "entries an object", "{ 'format': 'tandem-case-library', 'version': 1, 'entries': {} }", "$.entries", NULL },
  { "entries a string", "{ 'format': 'tandem-case-library', 'version': 1, 'entries': 'none' }", "$.entries", NULL },
  { "entry not an object", HEAD "'an entry'" TAIL, "$.entries[0]", NULL },
  { "second entry not an object", HEAD GOOD ("a") ", [1]" TAIL, "$.entries[1]", NULL },
  { "no title", HEAD "{ 'id': 'x', " CELLS ", " SOURCES " }" TAIL, "$.entries[0].title", NULL },
  { "blank title", HEAD "{ 'id': 'x', 'title': '  ', " CELLS ", " SOURCES " }" TAIL, "$.entries[0].title", NULL },
  { "title a number", HEAD "{ 'id': 'x', 'title': 42, " CELLS ", " SOURCES " }" TAIL, "$.entries[0].title", NULL },
  { "no id", HEAD "{ 'title': 'T', " CELLS ", " SOURCES " }" TAIL, "$.entries[0].id", NULL },
  { "bad id", HEAD "{ 'id': 'Not An ID', 'title': 'T', " CELLS ", " SOURCES " }" TAIL,
    "$.entries[0].id", "Not An ID" },
  { "id with underscore", HEAD "{ 'id': 'a_b', 'title': 'T', " CELLS ", " SOURCES " }" TAIL,
    "$.entries[0].id", "a_b" },
  { "duplicate id", HEAD GOOD ("same") ", " GOOD ("other") ", " GOOD ("same") TAIL,
    "$.entries[2].id", "same" },
  { "place a list", HEAD ENTRY ("'place': ['x'], " CELLS ", " SOURCES) TAIL, "$.entries[0].place", NULL },
  { "summary a number", HEAD ENTRY ("'summary': 1, " CELLS ", " SOURCES) TAIL, "$.entries[0].summary", NULL },
  { "tags a string", HEAD ENTRY ("'tags': 'a, b', " CELLS ", " SOURCES) TAIL, "$.entries[0].tags", NULL },
  { "tag a number", HEAD ENTRY ("'tags': ['a', 2], " CELLS ", " SOURCES) TAIL, "$.entries[0].tags[1]", NULL },
  { "learning point an object", HEAD ENTRY ("'learning': [{}], " CELLS ", " SOURCES) TAIL,
    "$.entries[0].learning[0]", NULL },
  { "bad cos name", HEAD ENTRY ("'cos': ['co-design', 'co-production'], " CELLS ", " SOURCES) TAIL,
    "$.entries[0].cos[1]", "co-production" },
  { "cos a string", HEAD ENTRY ("'cos': 'co-design', " CELLS ", " SOURCES) TAIL, "$.entries[0].cos", NULL },
  { "no cells", HEAD ENTRY ("'cells': [], " SOURCES) TAIL, "$.entries[0].cells", NULL },
  { "cells missing", HEAD ENTRY (SOURCES) TAIL, "$.entries[0].cells", NULL },
  { "cells an object", HEAD ENTRY ("'cells': { 'cell': '2,2' }, " SOURCES) TAIL, "$.entries[0].cells", NULL },
  { "cell not an object", HEAD ENTRY ("'cells': ['2,2'], " SOURCES) TAIL, "$.entries[0].cells[0]", NULL },
  { "cell 4,1", HEAD ENTRY ("'cells': [ { 'cell': '4,1', 'basis': 'tandem' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].cell", "“4,1” is not a matrix cell" },
  { "cell 2", HEAD ENTRY ("'cells': [ { 'cell': '2', 'basis': 'tandem' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].cell", "“2”" },
  { "second cell bad", HEAD ENTRY ("'cells': [ { 'cell': '1,1', 'basis': 'tandem' },"
                                   " { 'cell': '0,2', 'basis': 'tandem' } ], " SOURCES) TAIL,
    "$.entries[0].cells[1].cell", "0,2" },
  { "cell missing", HEAD ENTRY ("'cells': [ { 'basis': 'tandem' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].cell", NULL },
  { "basis user", HEAD ENTRY ("'cells': [ { 'cell': '2,2', 'basis': 'user' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].basis", "“user”" },
  { "basis maybe", HEAD ENTRY ("'cells': [ { 'cell': '2,2', 'basis': 'maybe' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].basis", "“maybe”" },
  { "basis missing", HEAD ENTRY ("'cells': [ { 'cell': '2,2' } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].basis", NULL },
  { "cell note a number", HEAD ENTRY ("'cells': [ { 'cell': '2,2', 'basis': 'tandem', 'note': 3 } ], " SOURCES) TAIL,
    "$.entries[0].cells[0].note", NULL },
  { "duplicate cell", HEAD ENTRY ("'cells': [ { 'cell': '2,2', 'basis': 'tandem' },"
                                  " { 'cell': '1,1', 'basis': 'source' },"
                                  " { 'cell': '2, 2', 'basis': 'source' } ], " SOURCES) TAIL,
    "$.entries[0].cells[2].cell", "2,2" },
  { "no sources", HEAD ENTRY (CELLS ", 'sources': []") TAIL, "$.entries[0].sources", NULL },
  { "sources missing", HEAD ENTRY (CELLS) TAIL, "$.entries[0].sources", NULL },
  { "source without document", HEAD ENTRY (CELLS ", 'sources': [ { 'document': 'D' }, { 'author': 'A' } ]") TAIL,
    "$.entries[0].sources[1].document", NULL },
  { "source with blank document", HEAD ENTRY (CELLS ", 'sources': [ { 'document': ' ' } ]") TAIL,
    "$.entries[0].sources[0].document", NULL },
  { "source year a number", HEAD ENTRY (CELLS ", 'sources': [ { 'document': 'D', 'year': 2017 } ]") TAIL,
    "$.entries[0].sources[0].year", NULL },
  { "outcome without figure", HEAD ENTRY ("'outcomes': [ { 'period': '2014' } ], " CELLS ", " SOURCES) TAIL,
    "$.entries[0].outcomes[0].figure", NULL },
  { "outcomes an object", HEAD ENTRY ("'outcomes': { 'figure': '1' }, " CELLS ", " SOURCES) TAIL,
    "$.entries[0].outcomes", NULL },
  { "generic as string", HEAD ENTRY ("'generic': 'true', " CELLS ", " SOURCES) TAIL,
    "$.entries[0].generic", NULL },
  { "generic as number", HEAD ENTRY ("'generic': 1, " CELLS ", " SOURCES) TAIL,
    "$.entries[0].generic", NULL },
  { "bad second entry", HEAD GOOD ("a") ", " ENTRY ("'cells': [ { 'cell': '9,9', 'basis': 'tandem' } ], " SOURCES) TAIL,
    "$.entries[1].cells[0].cell", NULL },
};

static void
assert_rejected (GBytes     *json,
                 const char *path,
                 const char *also)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *prefix = NULL;
  int version = -5;

  g_assert_false (tandem_library_parse (json, "bad.json", &version, &entries, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_null (entries);
  g_test_message ("message: %s", error->message);

  /* "bad.json: PATH: reason": the file, exactly this path, a reason. */
  if (path != NULL)
    {
      prefix = g_strdup_printf ("bad.json: %s: ", path);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s” does not start with “%s”", error->message, prefix);
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
    }
  else
    g_assert_true (g_str_has_prefix (error->message, "bad.json: "));

  if (also != NULL && strstr (error->message, also) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, also);

  /* One line. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_parse_bad (gconstpointer data)
{
  const BadLibrary *bad = data;
  g_autoptr(GBytes) json = tandem_test_json (bad->json);

  assert_rejected (json, bad->path, bad->also);
}

static void
test_parse_not_utf8 (void)
{
  static const char latin1[] =
    "{ \"format\": \"tandem-case-library\", \"version\": 1, \"entries\": ["
    "  { \"id\": \"cafe\", \"title\": \"Caf\xe9\", \"cells\": [ { \"cell\": \"2,2\", \"basis\": \"tandem\" } ],"
    "    \"sources\": [ { \"document\": \"D\" } ] } ] }";
  g_autoptr(GBytes) json = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\xff\xfe\x00\x01", 4);

  /* The parser says where, by line and column and by byte. */
  assert_rejected (json, NULL, "bad.json: line 1, column 93: the file is not UTF-8 text (at byte 92)");
  assert_rejected (binary, NULL, "bad.json: line 1, column 1: the file is not UTF-8 text (at byte 0)");
}

static void
test_parse_bad_syntax (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } broken[] = {
    { HEAD GOOD ("a"), "bad.json: line 1, column 186: unexpected end of the file" },  /* truncated */
    { "{ 'format': 'tandem-case-library', 'version': 1, 'entries': [] ",
      "bad.json: line 1, column 64: unexpected end of the file" },
    { "{ 'format': 'tandem-case-library' 'version': 1 }",  /* missing comma */
      "bad.json: line 1, column 35: expected “,” or “}”" },
    { "{ 'format': 'tandem-case-library', 'version': 1, 'entries': [], }",
      "bad.json: line 1, column 63: trailing comma before “}”" },
    { "", "bad.json: line 1, column 1: the file is empty" },
    { "   ", "bad.json: line 1, column 4: the file holds only white space" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) json = tandem_test_json (broken[i].json);

      g_test_message ("broken %u: %s", i, broken[i].json);
      /* JSON syntax errors name the file and, from the parser, the line
       * and column; there is no JSON path yet. */
      assert_rejected (json, NULL, broken[i].message);
    }
}

/* Each member of a good library can be removed or changed one at a time;
 * only the changes that break a rule are rejected. */
static void
test_parse_good_variants (void)
{
  static const char * const good[] = {
    HEAD GOOD ("a-1") ", " GOOD ("b-2") TAIL,
    HEAD ENTRY ("'cos': [], " CELLS ", " SOURCES) TAIL,
    HEAD ENTRY ("'cos': ['co-design', 'co-design'], " CELLS ", " SOURCES) TAIL,
    HEAD ENTRY ("'generic': null, " CELLS ", " SOURCES) TAIL,
    HEAD ENTRY ("'outcomes': [], " CELLS ", " SOURCES) TAIL,
    HEAD ENTRY ("'outcomes': null, 'learning': null, 'tags': null, " CELLS ", " SOURCES) TAIL,
    HEAD ENTRY ("'cells': [ { 'cell': '1,1', 'basis': 'source' }, { 'cell': '3,3', 'basis': 'tandem' } ], " SOURCES) TAIL,
    "{ 'format': 'tandem-case-library', 'version': 2147483647, 'entries': [] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) json = tandem_test_json (good[i]);
      g_autoptr(GPtrArray) entries = NULL;
      int version;

      g_test_message ("good %u", i);
      entries = parse_ok (json, &version);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/library/bundled", test_bundled);
  g_test_add_func ("/core/library/bundled/named", test_bundled_named);
  g_test_add_func ("/core/library/bundled/stable", test_bundled_is_stable);
  g_test_add_func ("/core/library/parse/fields", test_parse_fields);
  g_test_add_func ("/core/library/parse/empty", test_parse_empty);
  g_test_add_func ("/core/library/parse/good-variants", test_parse_good_variants);
  for (guint i = 0; i < G_N_ELEMENTS (bad_libraries); i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (bad_libraries[i].name), " ,", '-');
      g_autofree char *path = g_strconcat ("/core/library/parse/bad/", name, NULL);

      g_test_add_data_func (path, &bad_libraries[i], test_parse_bad);
    }
  g_test_add_func ("/core/library/parse/not-utf8", test_parse_not_utf8);
  g_test_add_func ("/core/library/parse/bad-syntax", test_parse_bad_syntax);

  return g_test_run ();
}

/* test-initiative.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-initiative"

#include "config.h"

#include "tandem-test-utils.h"

/* An initiative with every field set, a target and two cell notes. */
static TandemInitiative *
make_full (void)
{
  TandemInitiative *initiative = tandem_initiative_new ("Repair café", 1, 2);

  tandem_initiative_set_organisation (initiative, "Northtown Council");
  tandem_initiative_set_service_area (initiative, "Waste and recycling");
  tandem_initiative_set_place (initiative, "Northtown");
  tandem_initiative_set_description (initiative, "Volunteers fix things.\nMonthly.");
  tandem_initiative_set_created (initiative, 1700000000);
  tandem_initiative_set_updated (initiative, 1700000500);
  tandem_initiative_set_target (initiative, 3, 2);
  tandem_initiative_set_cell_note (initiative, 1, 2, "Now: the council runs it.");
  tandem_initiative_set_cell_note (initiative, 3, 2, "Goal: residents run it.");

  return initiative;
}

/* Records the names of the properties notified, in order. */
static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_have (GPtrArray  *names,
            const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static void
count_cb (gpointer  instance,
          guint    *counter)
{
  (*counter)++;
}

static void
test_new (void)
{
  g_autoptr(TandemInitiative) a = tandem_initiative_new ("Time bank", 2, 3);
  g_autoptr(TandemInitiative) b = tandem_initiative_new ("Time bank", 2, 3);

  g_assert_true (TANDEM_IS_INITIATIVE (a));
  g_assert_cmpstr (tandem_initiative_get_title (a), ==, "Time bank");
  g_assert_cmpuint (tandem_initiative_get_row (a), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (a), ==, 3);

  g_assert_nonnull (tandem_initiative_get_uuid (a));
  g_assert_true (g_uuid_string_is_valid (tandem_initiative_get_uuid (a)));
  g_assert_cmpstr (tandem_initiative_get_uuid (a), !=, tandem_initiative_get_uuid (b));
  g_assert_false (tandem_initiative_equal (a, b));

  g_assert_cmpstr (tandem_initiative_get_organisation (a), ==, "");
  g_assert_cmpstr (tandem_initiative_get_service_area (a), ==, "");
  g_assert_cmpstr (tandem_initiative_get_place (a), ==, "");
  g_assert_cmpstr (tandem_initiative_get_description (a), ==, "");
  g_assert_cmpint (tandem_initiative_get_created (a), >, 0);
  g_assert_cmpint (tandem_initiative_get_updated (a), >=, tandem_initiative_get_created (a));

  g_assert_false (tandem_initiative_has_target (a));
  g_assert_cmpuint (tandem_initiative_get_target_row (a), ==, 0);
  g_assert_cmpuint (tandem_initiative_get_target_col (a), ==, 0);

  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      g_assert_null (tandem_initiative_get_cell_note (a, row, col));

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
test_properties (void)
{
  g_autoptr(TandemInitiative) initiative = make_full ();
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *service_area = NULL;
  g_autofree char *place = NULL;
  g_autofree char *description = NULL;
  gint64 created, updated;
  guint row, col, target_row, target_col;

  g_object_get (initiative,
                "uuid", &uuid,
                "title", &title,
                "organisation", &organisation,
                "service-area", &service_area,
                "place", &place,
                "description", &description,
                "created", &created,
                "updated", &updated,
                "row", &row,
                "col", &col,
                "target-row", &target_row,
                "target-col", &target_col,
                NULL);

  g_assert_cmpstr (uuid, ==, tandem_initiative_get_uuid (initiative));
  g_assert_cmpstr (title, ==, "Repair café");
  g_assert_cmpstr (organisation, ==, "Northtown Council");
  g_assert_cmpstr (service_area, ==, "Waste and recycling");
  g_assert_cmpstr (place, ==, "Northtown");
  g_assert_cmpstr (description, ==, "Volunteers fix things.\nMonthly.");
  g_assert_cmpint (created, ==, 1700000000);
  g_assert_cmpint (updated, ==, 1700000500);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (col, ==, 2);
  g_assert_cmpuint (target_row, ==, 3);
  g_assert_cmpuint (target_col, ==, 2);

  g_object_set (initiative, "title", "Repair café (monthly)", "place", "Southtown", NULL);
  g_assert_cmpstr (tandem_initiative_get_title (initiative), ==, "Repair café (monthly)");
  g_assert_cmpstr (tandem_initiative_get_place (initiative), ==, "Southtown");
}

static void
test_copy (void)
{
  g_autoptr(TandemInitiative) original = make_full ();
  g_autoptr(TandemInitiative) copy = tandem_initiative_copy (original);

  g_assert_true (copy != original);
  g_assert_true (tandem_initiative_equal (copy, original));
  g_assert_true (tandem_initiative_equal (original, copy));
  g_assert_cmpstr (tandem_initiative_get_uuid (copy), ==, tandem_initiative_get_uuid (original));
  g_assert_cmpstr (tandem_initiative_get_title (copy), ==, "Repair café");
  g_assert_cmpstr (tandem_initiative_get_description (copy), ==, "Volunteers fix things.\nMonthly.");
  g_assert_cmpint (tandem_initiative_get_created (copy), ==, 1700000000);
  g_assert_cmpint (tandem_initiative_get_updated (copy), ==, 1700000500);
  g_assert_cmpuint (tandem_initiative_get_target_row (copy), ==, 3);
  g_assert_cmpstr (tandem_initiative_get_cell_note (copy, 3, 2), ==, "Goal: residents run it.");

  /* The copy is independent of the original. */
  tandem_initiative_set_title (copy, "Something else");
  tandem_initiative_set_cell_note (copy, 1, 2, NULL);
  tandem_initiative_set_cell (copy, 3, 3);
  g_assert_cmpstr (tandem_initiative_get_title (original), ==, "Repair café");
  g_assert_cmpstr (tandem_initiative_get_cell_note (original, 1, 2), ==, "Now: the council runs it.");
  g_assert_cmpuint (tandem_initiative_get_row (original), ==, 1);
  g_assert_false (tandem_initiative_equal (copy, original));

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&original));
}

typedef void (*Change) (TandemInitiative *initiative);

static void change_uuid (TandemInitiative *i) { tandem_initiative_set_uuid (i, "00000000-0000-4000-8000-000000000001"); }
static void change_title (TandemInitiative *i) { tandem_initiative_set_title (i, "Other"); }
static void change_organisation (TandemInitiative *i) { tandem_initiative_set_organisation (i, "Other"); }
static void change_service_area (TandemInitiative *i) { tandem_initiative_set_service_area (i, "Other"); }
static void change_place (TandemInitiative *i) { tandem_initiative_set_place (i, "Other"); }
static void change_description (TandemInitiative *i) { tandem_initiative_set_description (i, "Other"); }
static void change_created (TandemInitiative *i) { tandem_initiative_set_created (i, 1); }
static void change_updated (TandemInitiative *i) { tandem_initiative_set_updated (i, 2); }
static void change_row (TandemInitiative *i) { tandem_initiative_set_cell (i, 2, 2); }
static void change_col (TandemInitiative *i) { tandem_initiative_set_cell (i, 1, 3); }
static void change_target (TandemInitiative *i) { tandem_initiative_set_target (i, 2, 2); }
static void clear_target (TandemInitiative *i) { tandem_initiative_clear_target (i); }
static void change_note (TandemInitiative *i) { tandem_initiative_set_cell_note (i, 3, 2, "Other"); }
static void remove_note (TandemInitiative *i) { tandem_initiative_set_cell_note (i, 1, 2, NULL); }
static void add_note (TandemInitiative *i) { tandem_initiative_set_cell_note (i, 2, 2, "New"); }

static const Change changes[] = {
  change_uuid, change_title, change_organisation, change_service_area,
  change_place, change_description, change_created, change_updated,
  change_row, change_col, change_target, clear_target, change_note,
  remove_note, add_note,
};

static void
test_equal (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(TandemInitiative) a = make_full ();
      g_autoptr(TandemInitiative) b = tandem_initiative_copy (a);

      g_test_message ("change %u", i);
      g_assert_true (tandem_initiative_equal (a, b));
      changes[i] (b);
      g_assert_false (tandem_initiative_equal (a, b));
      g_assert_false (tandem_initiative_equal (b, a));

      /* assign() undoes any of them. */
      tandem_initiative_assign (b, a);
      g_assert_true (tandem_initiative_equal (a, b));
    }
}

static void
test_assign (void)
{
  g_autoptr(TandemInitiative) target = make_full ();
  g_autoptr(TandemInitiative) source = tandem_initiative_copy (target);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint notes_changed = 0;

  tandem_initiative_set_title (source, "Repair café and tool library");
  tandem_initiative_set_cell (source, 2, 2);
  tandem_initiative_clear_target (source);

  g_signal_connect (target, "notify", G_CALLBACK (notify_cb), names);
  g_signal_connect (target, "notes-changed", G_CALLBACK (count_cb), &notes_changed);

  tandem_initiative_assign (target, source);
  g_assert_true (tandem_initiative_equal (target, source));

  /* Only what changed is notified, each property once. */
  g_assert_true (names_have (names, "title"));
  g_assert_true (names_have (names, "row"));
  g_assert_true (names_have (names, "target-row"));
  g_assert_true (names_have (names, "target-col"));
  g_assert_false (names_have (names, "col"));
  g_assert_false (names_have (names, "uuid"));
  g_assert_false (names_have (names, "organisation"));
  g_assert_false (names_have (names, "description"));
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpuint (notes_changed, ==, 0);

  /* Notes are assigned too. */
  tandem_initiative_set_cell_note (source, 2, 2, "Together");
  g_ptr_array_set_size (names, 0);
  tandem_initiative_assign (target, source);
  g_assert_cmpstr (tandem_initiative_get_cell_note (target, 2, 2), ==, "Together");
  g_assert_cmpuint (notes_changed, ==, 1);
  g_assert_cmpuint (names->len, ==, 0);

  /* Assigning an equal value is silent. */
  tandem_initiative_assign (target, source);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (notes_changed, ==, 1);

  /* The source is not touched. */
  g_assert_cmpstr (tandem_initiative_get_title (source), ==, "Repair café and tool library");

  g_signal_handlers_disconnect_by_data (target, names);
  g_signal_handlers_disconnect_by_data (target, &notes_changed);
}

static void
test_notify (void)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Meals rota", 1, 1);
  static const char * const string_props[] = {
    "title", "organisation", "service-area", "place", "description",
  };
  guint row_count = 0, col_count = 0, target_row_count = 0, target_col_count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    {
      guint count = 0;
      gulong handler = tandem_test_count_notify (initiative, string_props[i], &count);

      g_object_set (initiative, string_props[i], "first", NULL);
      g_assert_cmpuint (count, ==, 1);
      /* The same value again is not a change. */
      g_object_set (initiative, string_props[i], "first", NULL);
      g_assert_cmpuint (count, ==, 1);
      g_object_set (initiative, string_props[i], "second", NULL);
      g_assert_cmpuint (count, ==, 2);

      g_signal_handler_disconnect (initiative, handler);
    }

  {
    guint created = 0, updated = 0;

    tandem_test_count_notify (initiative, "created", &created);
    tandem_test_count_notify (initiative, "updated", &updated);
    tandem_initiative_set_created (initiative, 42);
    tandem_initiative_set_created (initiative, 42);
    tandem_initiative_set_updated (initiative, 43);
    g_assert_cmpuint (created, ==, 1);
    g_assert_cmpuint (updated, ==, 1);
    g_signal_handlers_disconnect_by_data (initiative, &created);
    g_signal_handlers_disconnect_by_data (initiative, &updated);
  }

  tandem_test_count_notify (initiative, "row", &row_count);
  tandem_test_count_notify (initiative, "col", &col_count);
  tandem_test_count_notify (initiative, "target-row", &target_row_count);
  tandem_test_count_notify (initiative, "target-col", &target_col_count);

  tandem_initiative_set_cell (initiative, 1, 2);
  g_assert_cmpuint (row_count, ==, 0);
  g_assert_cmpuint (col_count, ==, 1);
  tandem_initiative_set_cell (initiative, 3, 3);
  g_assert_cmpuint (row_count, ==, 1);
  g_assert_cmpuint (col_count, ==, 2);
  tandem_initiative_set_cell (initiative, 3, 3);
  g_assert_cmpuint (row_count, ==, 1);
  g_assert_cmpuint (col_count, ==, 2);

  tandem_initiative_set_target (initiative, 2, 2);
  g_assert_cmpuint (target_row_count, ==, 1);
  g_assert_cmpuint (target_col_count, ==, 1);
  tandem_initiative_set_target (initiative, 2, 2);
  g_assert_cmpuint (target_row_count, ==, 1);
  tandem_initiative_clear_target (initiative);
  g_assert_cmpuint (target_row_count, ==, 2);
  g_assert_cmpuint (target_col_count, ==, 2);
  tandem_initiative_clear_target (initiative);
  g_assert_cmpuint (target_row_count, ==, 2);

  g_signal_handlers_disconnect_by_data (initiative, &row_count);
  g_signal_handlers_disconnect_by_data (initiative, &col_count);
  g_signal_handlers_disconnect_by_data (initiative, &target_row_count);
  g_signal_handlers_disconnect_by_data (initiative, &target_col_count);
  g_assert_finalize_object (g_steal_pointer (&initiative));
}

static void
test_cell_notes (void)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Peer support", 2, 1);
  guint notes_changed = 0;

  g_signal_connect (initiative, "notes-changed", G_CALLBACK (count_cb), &notes_changed);

  tandem_initiative_set_cell_note (initiative, 1, 3, "Top right");
  g_assert_cmpuint (notes_changed, ==, 1);
  g_assert_cmpstr (tandem_initiative_get_cell_note (initiative, 1, 3), ==, "Top right");
  /* Row and column are not swapped. */
  g_assert_null (tandem_initiative_get_cell_note (initiative, 3, 1));

  tandem_initiative_set_cell_note (initiative, 3, 1, "Bottom left");
  g_assert_cmpstr (tandem_initiative_get_cell_note (initiative, 3, 1), ==, "Bottom left");
  g_assert_cmpstr (tandem_initiative_get_cell_note (initiative, 1, 3), ==, "Top right");
  g_assert_cmpuint (notes_changed, ==, 2);

  /* The same note again is not a change. */
  tandem_initiative_set_cell_note (initiative, 3, 1, "Bottom left");
  g_assert_cmpuint (notes_changed, ==, 2);

  /* An empty note removes it, as does NULL. */
  tandem_initiative_set_cell_note (initiative, 3, 1, "");
  g_assert_null (tandem_initiative_get_cell_note (initiative, 3, 1));
  g_assert_cmpuint (notes_changed, ==, 3);
  tandem_initiative_set_cell_note (initiative, 1, 3, NULL);
  g_assert_null (tandem_initiative_get_cell_note (initiative, 1, 3));
  g_assert_cmpuint (notes_changed, ==, 4);

  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      g_assert_null (tandem_initiative_get_cell_note (initiative, row, col));

  g_signal_handlers_disconnect_by_data (initiative, &notes_changed);
}

static void
test_target (void)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Tenant inspectors", 1, 1);

  g_assert_false (tandem_initiative_has_target (initiative));

  tandem_initiative_set_target (initiative, 2, 3);
  g_assert_true (tandem_initiative_has_target (initiative));
  g_assert_cmpuint (tandem_initiative_get_target_row (initiative), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_col (initiative), ==, 3);
  /* The target is separate from the current cell. */
  g_assert_cmpuint (tandem_initiative_get_row (initiative), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (initiative), ==, 1);

  tandem_initiative_clear_target (initiative);
  g_assert_false (tandem_initiative_has_target (initiative));
  g_assert_cmpuint (tandem_initiative_get_target_row (initiative), ==, 0);
  g_assert_cmpuint (tandem_initiative_get_target_col (initiative), ==, 0);
}

static void
test_set_uuid (void)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Neighbourhood watch", 3, 3);
  const char *uuid = "5f1b8c2e-8d3a-4c71-9a57-2f4e1e0b6a10";
  guint count = 0;

  tandem_test_count_notify (initiative, "uuid", &count);
  tandem_initiative_set_uuid (initiative, uuid);
  g_assert_cmpstr (tandem_initiative_get_uuid (initiative), ==, uuid);
  g_assert_cmpuint (count, ==, 1);
  g_signal_handlers_disconnect_by_data (initiative, &count);
}

static void
test_matches (void)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Youth Employability Service", 1, 1);

  tandem_initiative_set_organisation (initiative, "Example County Council");
  tandem_initiative_set_service_area (initiative, "Young people’s services");
  tandem_initiative_set_place (initiative, "Guildford");

  g_assert_true (tandem_initiative_matches (initiative, "youth"));
  g_assert_true (tandem_initiative_matches (initiative, "employability service"));
  g_assert_true (tandem_initiative_matches (initiative, "county council"));
  g_assert_true (tandem_initiative_matches (initiative, "people’s"));
  g_assert_true (tandem_initiative_matches (initiative, "guildford"));
  g_assert_false (tandem_initiative_matches (initiative, "surrey"));
  g_assert_false (tandem_initiative_matches (initiative, "health"));

  /* Empty search text matches everything. */
  g_assert_true (tandem_initiative_matches (initiative, ""));
  g_assert_true (tandem_initiative_matches (initiative, NULL));

  /* Case folding applies to the initiative's text too, beyond ASCII. */
  tandem_initiative_set_title (initiative, "ÉCOLE DES PARENTS");
  {
    g_autofree char *folded = g_utf8_casefold ("École", -1);

    g_assert_true (tandem_initiative_matches (initiative, folded));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/initiative/new", test_new);
  g_test_add_func ("/core/initiative/properties", test_properties);
  g_test_add_func ("/core/initiative/copy", test_copy);
  g_test_add_func ("/core/initiative/equal", test_equal);
  g_test_add_func ("/core/initiative/assign", test_assign);
  g_test_add_func ("/core/initiative/notify", test_notify);
  g_test_add_func ("/core/initiative/cell-notes", test_cell_notes);
  g_test_add_func ("/core/initiative/target", test_target);
  g_test_add_func ("/core/initiative/set-uuid", test_set_uuid);
  g_test_add_func ("/core/initiative/matches", test_matches);

  return g_test_run ();
}

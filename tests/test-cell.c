/* test-cell.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cell"

#include "config.h"

#include "tandem-test-utils.h"

static void
test_is_valid (void)
{
  for (guint row = 0; row <= 4; row++)
    for (guint col = 0; col <= 4; col++)
      {
        gboolean expected = row >= 1 && row <= 3 && col >= 1 && col <= 3;

        g_assert_cmpint (tandem_cell_is_valid (row, col), ==, expected);
      }

  g_assert_false (tandem_cell_is_valid (G_MAXUINT, 2));
  g_assert_false (tandem_cell_is_valid (2, G_MAXUINT));
}

static void
test_parse_good (void)
{
  static const struct {
    const char *text;
    guint row;
    guint col;
  } cases[] = {
    { "2,2", 2, 2 },
    { " 2 , 3 ", 2, 3 },
    { "1,1", 1, 1 },
    { "1,3", 1, 3 },
    { "3,1", 3, 1 },
    { "3,3", 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint row = 99, col = 99;
      gboolean ok;

      g_test_message ("parsing “%s”", cases[i].text);
      ok = tandem_cell_parse (cases[i].text, &row, &col, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (row, ==, cases[i].row);
      g_assert_cmpuint (col, ==, cases[i].col);
    }
}

static void
test_parse_bad (void)
{
  static const char * const cases[] = {
    "0,1", "1,0", "4,1", "1,4", "2", "a,b", "", "1,2,3", ",", "2,", ",2",
    "-1,2", "2,2x", "22", "2;2", "+2,2", "2 2",
  };

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      /* The last round parses NULL. */
      const char *text = i < G_N_ELEMENTS (cases) ? cases[i] : NULL;
      g_autoptr(GError) error = NULL;
      guint row = 77, col = 88;
      gboolean ok;

      g_test_message ("parsing “%s”", text ? text : "(null)");
      ok = tandem_cell_parse (text, &row, &col, &error);
      g_assert_false (ok);
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      /* A failed parse leaves the outputs alone. */
      g_assert_cmpuint (row, ==, 77);
      g_assert_cmpuint (col, ==, 88);
    }

  /* Without a GError the answer is still FALSE. */
  {
    guint row, col;

    g_assert_false (tandem_cell_parse ("5,5", &row, &col, NULL));
  }
}

static void
test_to_string (void)
{
  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      {
        g_autofree char *text = tandem_cell_to_string (row, col);
        g_autofree char *expected = g_strdup_printf ("%u,%u", row, col);
        g_autoptr(GError) error = NULL;
        guint r = 0, c = 0;

        g_assert_cmpstr (text, ==, expected);

        /* It parses back to the same cell. */
        g_assert_true (tandem_cell_parse (text, &r, &c, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (r, ==, row);
        g_assert_cmpuint (c, ==, col);
      }
}

static void
test_to_string_invalid (void)
{
  if (g_test_subprocess ())
    {
      char *text = tandem_cell_to_string (4, 1);

      /* Not reached: the precondition failure is fatal in tests. */
      g_free (text);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*tandem_cell_is_valid*");
}

static void
test_distance (void)
{
  static const guint expected[3][3] = {
    { 2, 1, 2 },
    { 1, 0, 1 },
    { 2, 1, 2 },
  };

  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      g_assert_cmpuint (tandem_cell_distance (row, col), ==, expected[row - 1][col - 1]);

  g_assert_cmpuint (tandem_cell_distance (TANDEM_FULL_COPRODUCTION_ROW,
                                          TANDEM_FULL_COPRODUCTION_COL), ==, 0);
}

static void
test_constants (void)
{
  g_assert_cmpint (TANDEM_MATRIX_SIZE, ==, 3);
  g_assert_cmpint (TANDEM_N_CELLS, ==, 9);
  g_assert_cmpint (TANDEM_FULL_COPRODUCTION_ROW, ==, 2);
  g_assert_cmpint (TANDEM_FULL_COPRODUCTION_COL, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cell/is-valid", test_is_valid);
  g_test_add_func ("/core/cell/parse/good", test_parse_good);
  g_test_add_func ("/core/cell/parse/bad", test_parse_bad);
  g_test_add_func ("/core/cell/to-string", test_to_string);
  g_test_add_func ("/core/cell/to-string/invalid", test_to_string_invalid);
  g_test_add_func ("/core/cell/distance", test_distance);
  g_test_add_func ("/core/cell/constants", test_constants);

  return g_test_run ();
}

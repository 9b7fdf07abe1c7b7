/* test-json-writer.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tandem-json-writer.h"

/* The writer's layout is Tandem JSON's: "key": value, two spaces a level,
 * [] and {} for empty containers; and json-glib reads back what it wrote. */

static void
test_layout (void)
{
  g_autoptr(TandemJsonWriter) writer = tandem_json_writer_new ();
  g_autofree char *text = NULL;

  tandem_json_writer_begin_object (writer);
  tandem_json_writer_set_member_name (writer, "name");
  tandem_json_writer_add_string_value (writer, "Tandem");
  tandem_json_writer_set_member_name (writer, "empty");
  tandem_json_writer_begin_object (writer);
  tandem_json_writer_end_object (writer);
  tandem_json_writer_set_member_name (writer, "none");
  tandem_json_writer_begin_array (writer);
  tandem_json_writer_end_array (writer);
  tandem_json_writer_set_member_name (writer, "list");
  tandem_json_writer_begin_array (writer);
  tandem_json_writer_add_int_value (writer, -3);
  tandem_json_writer_add_null_value (writer);
  tandem_json_writer_add_boolean_value (writer, TRUE);
  tandem_json_writer_begin_object (writer);
  tandem_json_writer_set_member_name (writer, "x");
  tandem_json_writer_add_double_value (writer, 0.1);
  tandem_json_writer_end_object (writer);
  tandem_json_writer_end_array (writer);
  tandem_json_writer_end_object (writer);

  text = tandem_json_writer_free_to_string (g_steal_pointer (&writer));
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"name\": \"Tandem\",\n"
                   "  \"empty\": {},\n"
                   "  \"none\": [],\n"
                   "  \"list\": [\n"
                   "    -3,\n"
                   "    null,\n"
                   "    true,\n"
                   "    {\n"
                   "      \"x\": 0.1\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_escapes_round_trip (void)
{
  const char *nasty = "quote \" backslash \\ tab \t nl \n cr \r bell \a nul-free é 😀 </script>";
  g_autoptr(TandemJsonWriter) writer = tandem_json_writer_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *array;

  tandem_json_writer_begin_array (writer);
  tandem_json_writer_add_string_value (writer, nasty);
  tandem_json_writer_add_double_value (writer, 1.0 / 3.0);
  tandem_json_writer_add_double_value (writer, 1e300);
  tandem_json_writer_add_int_value (writer, G_MAXINT64);
  tandem_json_writer_end_array (writer);
  text = tandem_json_writer_free_to_string (g_steal_pointer (&writer));

  g_assert_nonnull (strstr (text, "\\\" backslash \\\\ tab \\t nl \\n cr \\r bell \\u0007"));

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, nasty);
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, 1.0 / 3.0);
  g_assert_cmpfloat (json_array_get_double_element (array, 2), ==, 1e300);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, G_MAXINT64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-writer/layout", test_layout);
  g_test_add_func ("/core/json-writer/escapes-round-trip", test_escapes_round_trip);

  return g_test_run ();
}

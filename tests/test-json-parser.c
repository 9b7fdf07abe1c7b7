/* test-json-parser.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "tandem-json-parser.h"

/* The parser reads every kind of value, refuses everything RFC 8259 does
 * not allow with a message naming the line and column, never reads past
 * the end of its input, and agrees with json-glib. */

#define DEPTH 16

/* A copy of @size bytes in memory of exactly that size, so that reading
 * past the end is caught (by MALLOC_CHECK_, valgrind or ASan). */
static char *
exact_copy (const char *json,
            gsize       size)
{
  return g_memdup2 (json, size);
}

static TandemJsonDocument *
parse_ok (const char *json)
{
  g_autofree char *copy = exact_copy (json, strlen (json));
  g_autoptr(GError) error = NULL;
  TandemJsonDocument *document;

  document = tandem_json_document_parse (copy, strlen (json), DEPTH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_fails_sized (const char      *json,
                    gsize            size,
                    guint            max_depth,
                    TandemJsonError  code,
                    const char      *message)
{
  g_autofree char *copy = exact_copy (json, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemJsonDocument) document = NULL;

  document = tandem_json_document_parse (copy, size, max_depth, &error);
  g_assert_null (document);
  g_assert_error (error, TANDEM_JSON_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_fails (const char      *json,
              TandemJsonError  code,
              const char      *message)
{
  assert_fails_sized (json, strlen (json), DEPTH, code, message);
}

/* ---- Values ------------------------------------------------------------------ */

static void
test_values (void)
{
  g_autoptr(TandemJsonDocument) document =
    parse_ok ("[null, true, false, 0, -7, 42, 1.5, -2.5e2, \"text\", [], {}]");
  const TandemJsonNode *root = tandem_json_document_get_root (document);
  static const TandemJsonType types[] = {
    TANDEM_JSON_NULL, TANDEM_JSON_BOOLEAN, TANDEM_JSON_BOOLEAN, TANDEM_JSON_INT, TANDEM_JSON_INT,
    TANDEM_JSON_INT, TANDEM_JSON_DOUBLE, TANDEM_JSON_DOUBLE, TANDEM_JSON_STRING, TANDEM_JSON_ARRAY,
    TANDEM_JSON_OBJECT,
  };

  g_assert_cmpint (tandem_json_node_get_node_type (root), ==, TANDEM_JSON_ARRAY);
  g_assert_cmpuint (tandem_json_node_get_length (root), ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpint (tandem_json_node_get_node_type (tandem_json_node_get_element (root, i)), ==, types[i]);

  g_assert_true (tandem_json_node_get_boolean (tandem_json_node_get_element (root, 1)));
  g_assert_false (tandem_json_node_get_boolean (tandem_json_node_get_element (root, 2)));
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_element (root, 3)), ==, 0);
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_element (root, 4)), ==, -7);
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_element (root, 5)), ==, 42);
  g_assert_cmpfloat (tandem_json_node_get_double (tandem_json_node_get_element (root, 5)), ==, 42.0);
  g_assert_cmpfloat (tandem_json_node_get_double (tandem_json_node_get_element (root, 6)), ==, 1.5);
  g_assert_cmpfloat (tandem_json_node_get_double (tandem_json_node_get_element (root, 7)), ==, -250.0);
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 8)), ==, "text");
  g_assert_cmpuint (tandem_json_node_get_length (tandem_json_node_get_element (root, 9)), ==, 0);
  g_assert_cmpuint (tandem_json_node_get_length (tandem_json_node_get_element (root, 10)), ==, 0);
}

/* A document may be a single value of any kind. */
static void
test_top_level_scalars (void)
{
  static const struct
  {
    const char     *json;
    TandemJsonType  type;
  } scalars[] = {
    { "null", TANDEM_JSON_NULL },
    { " true ", TANDEM_JSON_BOOLEAN },
    { "false\n", TANDEM_JSON_BOOLEAN },
    { "12", TANDEM_JSON_INT },
    { "-0", TANDEM_JSON_INT },
    { "3.25", TANDEM_JSON_DOUBLE },
    { "1e2", TANDEM_JSON_DOUBLE },
    { "\"x\"", TANDEM_JSON_STRING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    {
      g_autoptr(TandemJsonDocument) document = parse_ok (scalars[i].json);

      g_assert_cmpint (tandem_json_node_get_node_type (tandem_json_document_get_root (document)), ==, scalars[i].type);
    }
}

static void
test_numbers (void)
{
  static const struct
  {
    const char     *json;
    TandemJsonType  type;
    gint64          integer;
    double          number;
  } numbers[] = {
    { "0", TANDEM_JSON_INT, 0, 0 },
    { "-0", TANDEM_JSON_INT, 0, 0 },
    { "9223372036854775807", TANDEM_JSON_INT, G_MAXINT64, 0 },
    { "-9223372036854775808", TANDEM_JSON_INT, G_MININT64, 0 },
    { "9223372036854775808", TANDEM_JSON_DOUBLE, 0, 9223372036854775808.0 },
    { "-9223372036854775809", TANDEM_JSON_DOUBLE, 0, -9223372036854775809.0 },
    { "18446744073709551616", TANDEM_JSON_DOUBLE, 0, 18446744073709551616.0 },
    { "123456789012345678901234567890", TANDEM_JSON_DOUBLE, 0, 123456789012345678901234567890.0 },
    { "1.0", TANDEM_JSON_DOUBLE, 0, 1.0 },
    { "0.5", TANDEM_JSON_DOUBLE, 0, 0.5 },
    { "-0.125", TANDEM_JSON_DOUBLE, 0, -0.125 },
    { "1e3", TANDEM_JSON_DOUBLE, 0, 1000.0 },
    { "1E+3", TANDEM_JSON_DOUBLE, 0, 1000.0 },
    { "25e-1", TANDEM_JSON_DOUBLE, 0, 2.5 },
    { "1e-400", TANDEM_JSON_DOUBLE, 0, 0.0 },
    { "1.7976931348623157e308", TANDEM_JSON_DOUBLE, 0, 1.7976931348623157e308 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *json = g_strdup_printf ("[%s]", numbers[i].json);
      g_autoptr(TandemJsonDocument) document = parse_ok (json);
      const TandemJsonNode *node = tandem_json_node_get_element (tandem_json_document_get_root (document), 0);

      g_test_message ("%s", numbers[i].json);
      g_assert_cmpint (tandem_json_node_get_node_type (node), ==, numbers[i].type);
      if (numbers[i].type == TANDEM_JSON_INT)
        {
          g_assert_cmpint (tandem_json_node_get_int (node), ==, numbers[i].integer);
          g_assert_cmpfloat (tandem_json_node_get_double (node), ==, (double) numbers[i].integer);
        }
      else
        {
          g_assert_cmpfloat (tandem_json_node_get_double (node), ==, numbers[i].number);
          g_assert_cmpint (tandem_json_node_get_int (node), ==, 0);
        }
    }

  /* A number of more digits than any buffer would hold. */
  {
    g_autoptr(GString) json = g_string_new ("[1");
    g_autoptr(TandemJsonDocument) document = NULL;

    for (guint i = 0; i < 300; i++)
      g_string_append_c (json, '0');
    g_string_append (json, "]");
    document = parse_ok (json->str);
    g_assert_cmpfloat (tandem_json_node_get_double (tandem_json_node_get_element (tandem_json_document_get_root (document), 0)),
                       ==, 1e300);
  }
}

static void
test_strings (void)
{
  g_autoptr(TandemJsonDocument) document =
    parse_ok ("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\", \"\\ud83d\\ude00\", \"\\u00C9\\u20ac\", \"é €😀\", \"\", \"\x7f\"]");
  const TandemJsonNode *root = tandem_json_document_get_root (document);

  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 0)), ==, "\" \\ / \b \f \n \r \t é");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 1)), ==, "😀");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 1)), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 2)), ==, "É€");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 3)), ==, "é €😀");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 4)), ==, "");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 5)), ==, "\x7f");
}

/* Escapes and quotes at every position of the eight bytes the parser
 * looks at together. */
static void
test_string_offsets (void)
{
  for (guint before = 0; before < 20; before++)
    for (guint after = 0; after < 20; after++)
      {
        g_autofree char *a = g_strnfill (before, 'a');
        g_autofree char *b = g_strnfill (after, 'b');
        g_autofree char *json = g_strdup_printf ("[\"%s\\n%s\", \"%s\"]", a, b, b);
        g_autofree char *expected = g_strdup_printf ("%s\n%s", a, b);
        g_autoptr(TandemJsonDocument) document = parse_ok (json);
        const TandemJsonNode *root = tandem_json_document_get_root (document);

        g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 0)), ==, expected);
        g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_element (root, 1)), ==, b);
      }
}

static void
test_nesting (void)
{
  g_autoptr(TandemJsonDocument) document =
    parse_ok ("{\"a\": [1, {\"b\": [[], {}, [[\"deep\"]]]}], \"c\": {\"d\": null}}");
  const TandemJsonNode *root = tandem_json_document_get_root (document);
  const TandemJsonNode *a = tandem_json_node_get_member (root, "a");
  const TandemJsonNode *b = tandem_json_node_get_member (tandem_json_node_get_element (a, 1), "b");
  const TandemJsonNode *deep = tandem_json_node_get_element (tandem_json_node_get_element (tandem_json_node_get_element (b, 2), 0), 0);
  const TandemJsonNode *c = tandem_json_node_get_member (root, "c");

  g_assert_cmpuint (tandem_json_node_get_length (root), ==, 2);
  g_assert_cmpuint (tandem_json_node_get_length (a), ==, 2);
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_element (a, 0)), ==, 1);
  g_assert_cmpuint (tandem_json_node_get_length (b), ==, 3);
  g_assert_cmpint (tandem_json_node_get_node_type (tandem_json_node_get_element (b, 0)), ==, TANDEM_JSON_ARRAY);
  g_assert_cmpint (tandem_json_node_get_node_type (tandem_json_node_get_element (b, 1)), ==, TANDEM_JSON_OBJECT);
  g_assert_cmpstr (tandem_json_node_get_string (deep), ==, "deep");
  g_assert_cmpint (tandem_json_node_get_node_type (tandem_json_node_get_member (c, "d")), ==, TANDEM_JSON_NULL);
}

/* max_depth counts the lists and objects around the innermost value. */
static void
test_depth_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemJsonDocument) three = tandem_json_document_parse ("[{\"a\": []}]", 11, 3, &error);
  g_autoptr(TandemJsonDocument) scalar = tandem_json_document_parse ("7", 1, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (three);
  g_assert_nonnull (scalar);
  assert_fails_sized ("[{\"a\": []}]", 11, 2, TANDEM_JSON_ERROR_TOO_DEEP,
                      "line 1, column 8: lists and objects are nested more than 2 deep");
  assert_fails_sized ("[]", 2, 0, TANDEM_JSON_ERROR_TOO_DEEP,
                      "line 1, column 1: lists and objects are nested more than 0 deep");
}

static void
test_too_deep (void)
{
  g_autofree char *json = g_strnfill (100000, '[');

  assert_fails (json, TANDEM_JSON_ERROR_TOO_DEEP, "line 1, column 17: lists and objects are nested more than 16 deep");

  /* Without a limit to speak of, the parser does not recurse. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemJsonDocument) document = NULL;
    const TandemJsonNode *node, *array;
    guint depth = 0;

    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "{\"a\": [");
    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "]}");
    document = tandem_json_document_parse (text->str, text->len, G_MAXUINT, &error);
    g_assert_no_error (error);

    node = tandem_json_document_get_root (document);
    while ((array = tandem_json_node_get_member (node, "a")) != NULL && tandem_json_node_get_length (array) > 0)
      {
        node = tandem_json_node_get_element (array, 0);
        depth++;
      }
    g_assert_cmpuint (depth, ==, 99999);
  }
}

static void
test_members (void)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(TandemJsonDocument) document = NULL;
  const TandemJsonNode *root;

  /* Names in no particular order, many sharing their first letters; more
   * than the parser checks one by one for names used twice. */
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (json, "%s\"k%u\": %u", i ? ", " : "", (i * 37) % 50, i);
  g_string_append (json, ", \"\": \"empty\", \"k\": \"short\", \"é\": \"accent\"}");
  document = parse_ok (json->str);
  root = tandem_json_document_get_root (document);

  g_assert_cmpuint (tandem_json_node_get_length (root), ==, 53);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("k%u", (i * 37) % 50);

      g_assert_cmpstr (tandem_json_node_get_member_name (root, i), ==, name);
      g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_member_value (root, i)), ==, i);
      g_assert_true (tandem_json_node_get_member (root, name) == tandem_json_node_get_member_value (root, i));
    }
  g_assert_cmpstr (tandem_json_node_get_member_name (root, 50), ==, "");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_member (root, "")), ==, "empty");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_member (root, "k")), ==, "short");
  g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_member (root, "é")), ==, "accent");
  g_assert_null (tandem_json_node_get_member (root, "k50"));
  g_assert_null (tandem_json_node_get_member (root, "K1"));
  g_assert_null (tandem_json_node_get_member (root, "k1 "));
}

/* Escaped names are found by their text. */
static void
test_escaped_names (void)
{
  g_autoptr(TandemJsonDocument) document = parse_ok ("{\"a\\u0062c\": 1, \"tab\\there\": 2, \"\\\"\": 3}");
  const TandemJsonNode *root = tandem_json_document_get_root (document);

  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_member (root, "abc")), ==, 1);
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_member (root, "tab\there")), ==, 2);
  g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_member (root, "\"")), ==, 3);
}

static void
test_empty_containers (void)
{
  static const char * const empty[] = { "[]", "{}", " [ ] ", "{\n}", "[\t]" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(TandemJsonDocument) document = parse_ok (empty[i]);
      const TandemJsonNode *root = tandem_json_document_get_root (document);

      g_assert_cmpuint (tandem_json_node_get_length (root), ==, 0);
      g_assert_null (tandem_json_node_get_member (root, "x"));
    }
}

/* Asking a node for what it is not gives NULL, 0 or FALSE. */
static void
test_wrong_types (void)
{
  g_autoptr(TandemJsonDocument) document = parse_ok ("[\"s\", 1, 2.5, true, null, [1], {\"a\": 1}]");
  const TandemJsonNode *root = tandem_json_document_get_root (document);
  const TandemJsonNode *string = tandem_json_node_get_element (root, 0);
  const TandemJsonNode *number = tandem_json_node_get_element (root, 2);
  const TandemJsonNode *boolean = tandem_json_node_get_element (root, 3);
  const TandemJsonNode *null = tandem_json_node_get_element (root, 4);
  const TandemJsonNode *array = tandem_json_node_get_element (root, 5);
  const TandemJsonNode *object = tandem_json_node_get_element (root, 6);

  g_assert_null (tandem_json_node_get_string (tandem_json_node_get_element (root, 1)));
  g_assert_null (tandem_json_node_get_string (null));
  g_assert_cmpint (tandem_json_node_get_int (string), ==, 0);
  g_assert_cmpint (tandem_json_node_get_int (number), ==, 0);
  g_assert_cmpfloat (tandem_json_node_get_double (string), ==, 0);
  g_assert_cmpfloat (tandem_json_node_get_double (boolean), ==, 0);
  g_assert_false (tandem_json_node_get_boolean (tandem_json_node_get_element (root, 1)));
  g_assert_false (tandem_json_node_get_boolean (null));
  g_assert_cmpuint (tandem_json_node_get_length (string), ==, 0);
  g_assert_null (tandem_json_node_get_element (object, 0));
  g_assert_null (tandem_json_node_get_element (string, 0));
  g_assert_null (tandem_json_node_get_member (array, "a"));
  g_assert_null (tandem_json_node_get_member (string, "a"));
  g_assert_null (tandem_json_node_get_member_name (array, 0));
  g_assert_null (tandem_json_node_get_member_value (array, 0));
}

/* Enough values for many blocks, and a list with a block of its own. */
static void
test_many_values (void)
{
  g_autoptr(GString) json = g_string_new ("{\"objects\": [");
  g_autoptr(TandemJsonDocument) document = NULL;
  const TandemJsonNode *objects, *numbers;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s{\"i\": %u, \"s\": \"%u\"}", i ? ", " : "", i, i);
  g_string_append (json, "], \"numbers\": [");
  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (json, "%s%u", i ? "," : "", i);
  g_string_append (json, "]}");

  document = parse_ok (json->str);
  objects = tandem_json_node_get_member (tandem_json_document_get_root (document), "objects");
  numbers = tandem_json_node_get_member (tandem_json_document_get_root (document), "numbers");
  g_assert_cmpuint (tandem_json_node_get_length (objects), ==, 100000);
  g_assert_cmpuint (tandem_json_node_get_length (numbers), ==, 300000);
  for (guint i = 0; i < 100000; i++)
    {
      const TandemJsonNode *object = tandem_json_node_get_element (objects, i);
      g_autofree char *text = g_strdup_printf ("%u", i);

      g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_member (object, "i")), ==, i);
      g_assert_cmpstr (tandem_json_node_get_string (tandem_json_node_get_member (object, "s")), ==, text);
    }
  for (guint i = 0; i < 300000; i++)
    g_assert_cmpint (tandem_json_node_get_int (tandem_json_node_get_element (numbers, i)), ==, i);
}

/* ---- Bad input --------------------------------------------------------------- */

typedef struct
{
  const char      *json;
  TandemJsonError  code;
  const char      *message;
} BadJson;

static const BadJson bad_json[] = {
  /* Nothing, or too much. */
  { "", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 1: the file is empty" },
  { " \n\t\r\n  ", TANDEM_JSON_ERROR_SYNTAX, "line 3, column 3: the file holds only white space" },
  { "{} x", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected the end of the file" },
  { "[] []", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected the end of the file" },
  { "1 2", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: expected the end of the file" },
  { "\"a\"\"b\"", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected the end of the file" },
  { "[1] // comment", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 5: expected the end of the file" },
  { "/* comment */ 1", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 1: expected a value" },
  /* Punctuation. */
  { "[1, 2,]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 6: trailing comma before “]”" },
  { "{\"a\": 1,\n}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 8: trailing comma before “}”" },
  { "[,1]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[1,,2]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected a value" },
  { "[1 2]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected “,” or “]”" },
  { "[1}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: expected “,” or “]”" },
  { "{\n  \"a\": 1,\n  \"b\": true \"c\": 3\n}", TANDEM_JSON_ERROR_SYNTAX, "line 3, column 13: expected “,” or “}”" },
  { "{\"a\": 1]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 8: expected “,” or “}”" },
  { "{\"a\" 1}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 6: expected “:”" },
  { "{\"a\": }", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 7: expected a value" },
  { "{1: 2}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a member name in double quotes" },
  { "{'a': 2}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a member name in double quotes" },
  { "{a: 2}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a member name in double quotes" },
  { "{\"a\": 1, 2}", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 10: expected a member name in double quotes" },
  { "]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 1: expected a value" },
  /* Literals. */
  { "[tru]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[True]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[nulll]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 6: expected “,” or “]”" },
  { "[NaN]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[Infinity]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[-Infinity]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: expected a digit" },
  { "[undefined]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  /* Numbers. */
  { "[01]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: numbers may not have leading zeros" },
  { "[-012]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: numbers may not have leading zeros" },
  { "[00]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: numbers may not have leading zeros" },
  { "[+1]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[.5]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: expected a value" },
  { "[-]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: expected a digit" },
  { "[1.]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected a digit" },
  { "[1.e5]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected a digit" },
  { "[1e]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 4: expected a digit" },
  { "[1e+]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 5: expected a digit" },
  { "[0x10]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: expected “,” or “]”" },
  { "[1.5.2]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 5: expected “,” or “]”" },
  { "[1e400]", TANDEM_JSON_ERROR_UNSUPPORTED, "line 1, column 2: the number is too large" },
  { "[-1e400]", TANDEM_JSON_ERROR_UNSUPPORTED, "line 1, column 2: the number is too large" },
  /* Strings. */
  { "[\"abc", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: unterminated string" },
  { "[\"abc\\", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: unterminated string" },
  { "[\"abc\\u00", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: unterminated string" },
  { "[\"\\ud83d", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 2: unterminated string" },
  { "[\"a\tb\"]", TANDEM_JSON_ERROR_SYNTAX,
    "line 1, column 4: the control character U+0009 must be written as an escape sequence" },
  { "[\"a\nb\"]", TANDEM_JSON_ERROR_SYNTAX,
    "line 1, column 4: the control character U+000A must be written as an escape sequence" },
  { "[\"\x1f\"]", TANDEM_JSON_ERROR_SYNTAX,
    "line 1, column 3: the control character U+001F must be written as an escape sequence" },
  { "[\"a\\u0000b\"]", TANDEM_JSON_ERROR_UNSUPPORTED, "line 1, column 4: text may not contain the character U+0000" },
  { "{\"\\u0000\": 1}", TANDEM_JSON_ERROR_UNSUPPORTED, "line 1, column 3: text may not contain the character U+0000" },
  { "[\"\\x41\"]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: “\\x” is not an escape sequence" },
  { "[\"\\'\"]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: “\\'” is not an escape sequence" },
  { "[\"\\ \"]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: “\\” must be followed by an escape character" },
  { "[\"\\u12g4\"]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: “\\u” must be followed by four hexadecimal digits" },
  { "[\"\\U00e9\"]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 3: “\\U” is not an escape sequence" },
  { "[\"\\ud83d\"]", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 3: “\\ud83d” is half of a UTF-16 surrogate pair, without the other half" },
  { "[\"\\ude00\\ud83d\"]", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 3: “\\ude00” is half of a UTF-16 surrogate pair, without the other half" },
  { "[\"x\\uD83D\\u0041\"]", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 4: “\\uD83D” is half of a UTF-16 surrogate pair, without the other half" },
  { "[\"\\ud83d\\n\"]", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 3: “\\ud83d” is half of a UTF-16 surrogate pair, without the other half" },
  { "\"\\ud83d\"", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 2: “\\ud83d” is half of a UTF-16 surrogate pair, without the other half" },
  { "[\"\\ud83d\\ud83d\"]", TANDEM_JSON_ERROR_ENCODING,
    "line 1, column 3: “\\ud83d” is half of a UTF-16 surrogate pair, without the other half" },
  { "[\"\\ud83d\\u12\"]", TANDEM_JSON_ERROR_SYNTAX,
    "line 1, column 9: “\\u” must be followed by four hexadecimal digits" },
  /* Columns count characters, not bytes. */
  { "[\"é😀\", x]", TANDEM_JSON_ERROR_SYNTAX, "line 1, column 8: expected a value" },
  /* Names used twice, in a small object and in a big one. */
  { "{\"a\": 1, \"b\": 2, \"a\": 3}", TANDEM_JSON_ERROR_UNSUPPORTED,
    "line 1, column 18: the object has two members named “a”" },
  { "[{\"a\": {\"a\": 1}, \"b\": {}, \"b\": 2}]", TANDEM_JSON_ERROR_UNSUPPORTED,
    "line 1, column 27: the object has two members named “b”" },
  { "{\"\\u0061\": 1, \"a\": 2}", TANDEM_JSON_ERROR_UNSUPPORTED,
    "line 1, column 15: the object has two members named “a”" },
};

static void
test_bad (gconstpointer data)
{
  const BadJson *bad = data;

  assert_fails (bad->json, bad->code, bad->message);
}

/* Every member name used twice, as the parser switches from comparing
 * names to a hash table. */
static void
test_duplicate_in_big_object (void)
{
  for (guint n = 2; n < 80; n++)
    {
      g_autoptr(GString) json = g_string_new ("{");
      g_autofree char *message = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (json, "\"m%u\": %u, ", i, i);
      message = g_strdup_printf ("line 1, column %" G_GSIZE_FORMAT ": the object has two members named “m%u”",
                                 json->len + 1, n / 2);
      g_string_append_printf (json, "\"m%u\": 0}", n / 2);
      assert_fails (json->str, TANDEM_JSON_ERROR_UNSUPPORTED, message);
    }
}

static void
test_not_utf8 (void)
{
  assert_fails ("[\"\xff\"]", TANDEM_JSON_ERROR_ENCODING, "line 1, column 3: the file is not UTF-8 text (at byte 2)");
  assert_fails ("{\n  \"a\": \"caf\xe9\"\n}", TANDEM_JSON_ERROR_ENCODING,
                "line 2, column 12: the file is not UTF-8 text (at byte 13)");
  /* An encoded surrogate, an overlong form, a truncated sequence. */
  assert_fails ("[\"\xed\xa0\x80\"]", TANDEM_JSON_ERROR_ENCODING, "line 1, column 3: the file is not UTF-8 text (at byte 2)");
  assert_fails ("[\"\xc0\xaf\"]", TANDEM_JSON_ERROR_ENCODING, "line 1, column 3: the file is not UTF-8 text (at byte 2)");
  assert_fails ("[\"é\xe2\x82\"]", TANDEM_JSON_ERROR_ENCODING, "line 1, column 4: the file is not UTF-8 text (at byte 4)");
  assert_fails_sized ("[\"a\0\"]", 6, DEPTH, TANDEM_JSON_ERROR_ENCODING,
                      "line 1, column 4: the file holds a NUL byte (at byte 3)");
  assert_fails_sized ("\xef\xbb\xbf[]", 5, DEPTH, TANDEM_JSON_ERROR_SYNTAX, "line 1, column 1: expected a value");
}

/* Every beginning of a document fails cleanly: nothing is read past the
 * end, nothing leaks, and the message says what is missing. */
static void
test_truncated (void)
{
  static const char json[] =
    "{\n"
    "  \"null\": null, \"true\": true, \"false\": false,\n"
    "  \"numbers\": [0, -12, 3.5, -6.25e-3, 1E+2, 12345678901234567890],\n"
    "  \"text\": \"plain \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 é\",\n"
    "  \"nested\": [[], {}, [{\"a\": [1]}]]\n"
    "}\n";
  gsize size = sizeof json - 1;

  {
    g_autoptr(TandemJsonDocument) document = parse_ok (json);

    g_assert_cmpuint (tandem_json_node_get_length (tandem_json_document_get_root (document)), ==, 6);
  }

  for (gsize length = 0; length < size - 1; length++)
    {
      g_autofree char *copy = exact_copy (json, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemJsonDocument) document = tandem_json_document_parse (copy, length, DEPTH, &error);

      /* Cut inside "é", the text is not UTF-8. */
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANDEM_JSON_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "line "));
      if (!g_str_has_suffix (error->message, ": unexpected end of the file") &&
          !g_str_has_suffix (error->message, ": unterminated string") &&
          !g_str_has_suffix (error->message, ": the file is empty") &&
          !g_str_has_prefix (strstr (error->message, ": "), ": the file is not UTF-8 text"))
        g_error ("%" G_GSIZE_FORMAT " bytes: %s", length, error->message);
    }

  /* Without the final newline, the document is whole. */
  {
    g_autofree char *copy = exact_copy (json, size - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemJsonDocument) document = tandem_json_document_parse (copy, size - 1, DEPTH, &error);

    g_assert_no_error (error);
  }
}

/* ---- Agreement with json-glib -------------------------------------------------- */

static void
assert_same (const TandemJsonNode *ours,
             JsonNode             *theirs)
{
  switch (tandem_json_node_get_node_type (ours))
    {
    case TANDEM_JSON_NULL:
      g_assert_true (JSON_NODE_HOLDS_NULL (theirs));
      break;
    case TANDEM_JSON_BOOLEAN:
      g_assert_true (json_node_get_value_type (theirs) == G_TYPE_BOOLEAN);
      g_assert_cmpint (tandem_json_node_get_boolean (ours), ==, json_node_get_boolean (theirs));
      break;
    case TANDEM_JSON_INT:
      g_assert_true (json_node_get_value_type (theirs) == G_TYPE_INT64);
      g_assert_cmpint (tandem_json_node_get_int (ours), ==, json_node_get_int (theirs));
      break;
    case TANDEM_JSON_DOUBLE:
      g_assert_true (json_node_get_value_type (theirs) == G_TYPE_DOUBLE);
      g_assert_cmpfloat (tandem_json_node_get_double (ours), ==, json_node_get_double (theirs));
      break;
    case TANDEM_JSON_STRING:
      g_assert_true (json_node_get_value_type (theirs) == G_TYPE_STRING);
      g_assert_cmpstr (tandem_json_node_get_string (ours), ==, json_node_get_string (theirs));
      break;
    case TANDEM_JSON_ARRAY:
      {
        JsonArray *array = json_node_get_array (theirs);

        g_assert_true (JSON_NODE_HOLDS_ARRAY (theirs));
        g_assert_cmpuint (tandem_json_node_get_length (ours), ==, json_array_get_length (array));
        for (guint i = 0; i < tandem_json_node_get_length (ours); i++)
          assert_same (tandem_json_node_get_element (ours, i), json_array_get_element (array, i));
      }
      break;
    case TANDEM_JSON_OBJECT:
      {
        JsonObject *object = json_node_get_object (theirs);
        g_autoptr(GList) names = NULL;
        GList *l;
        guint i = 0;

        g_assert_true (JSON_NODE_HOLDS_OBJECT (theirs));
        g_assert_cmpuint (tandem_json_node_get_length (ours), ==, json_object_get_size (object));
        names = json_object_get_members (object);
        for (l = names; l != NULL; l = l->next, i++)
          {
            g_assert_cmpstr (tandem_json_node_get_member_name (ours, i), ==, l->data);
            assert_same (tandem_json_node_get_member_value (ours, i), json_object_get_member (object, l->data));
            g_assert_true (tandem_json_node_get_member (ours, l->data) == tandem_json_node_get_member_value (ours, i));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_same_as_json_glib (void)
{
  static const char * const documents[] = {
    "{\"format\": \"tandem-portfolio\", \"version\": 1, \"matrix\": {\"cell-2-2\": \"Together\"},"
    " \"initiatives\": [{\"uuid\": \"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\", \"title\": \"Café \\\"rota\\\"\","
    " \"created\": 1427716800, \"target\": null, \"notes\": {\"1,1\": \"a\\nb\"},"
    " \"citations\": [{\"case\": \"x\", \"evidence\": true}], \"baseline\": 12.5, \"value\": -0.001}]}",
    "[0, 1, -1, 9223372036854775807, -9223372036854775808, 0.1, 1e-5, 123.456e7, 2.5E+3, -0.0]",
    "[\"\", \"\\u00e9\\u20AC\\ud83d\\ude00\", \"é€😀\", \"\\\\\\/\\b\\f\\r\\t\", \"\x7f\", true, false, null]",
    "[[], {}, [[[{\"a\": [{\"b\": {}}]}]]], {\"\": 0}]",
    "  \"only a string\"  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemJsonDocument) document = NULL;

      g_test_message ("document %u", i);
      g_assert_true (json_parser_load_from_data (parser, documents[i], -1, &error));
      g_assert_no_error (error);
      document = parse_ok (documents[i]);
      assert_same (tandem_json_document_get_root (document), json_parser_get_root (parser));
    }
}

/* A Tandem JSON file of the tests, full of markup, SQL and escapes: both
 * parsers read the same values from it. */
static void
test_same_as_json_glib_exchange (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "markup-and-sql.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TandemJsonDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_true (json_parser_load_from_data (parser, data, size, &error));
  document = tandem_json_document_parse (data, size, DEPTH, &error);
  g_assert_no_error (error);
  assert_same (tandem_json_document_get_root (document), json_parser_get_root (parser));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-parser/values", test_values);
  g_test_add_func ("/core/json-parser/top-level-scalars", test_top_level_scalars);
  g_test_add_func ("/core/json-parser/numbers", test_numbers);
  g_test_add_func ("/core/json-parser/strings", test_strings);
  g_test_add_func ("/core/json-parser/string-offsets", test_string_offsets);
  g_test_add_func ("/core/json-parser/nesting", test_nesting);
  g_test_add_func ("/core/json-parser/depth-limit", test_depth_limit);
  g_test_add_func ("/core/json-parser/too-deep", test_too_deep);
  g_test_add_func ("/core/json-parser/members", test_members);
  g_test_add_func ("/core/json-parser/escaped-names", test_escaped_names);
  g_test_add_func ("/core/json-parser/empty-containers", test_empty_containers);
  g_test_add_func ("/core/json-parser/wrong-types", test_wrong_types);
  g_test_add_func ("/core/json-parser/many-values", test_many_values);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/json-parser/bad/%u", i);

      g_test_add_data_func (path, &bad_json[i], test_bad);
    }
  g_test_add_func ("/core/json-parser/duplicate-in-big-object", test_duplicate_in_big_object);
  g_test_add_func ("/core/json-parser/not-utf8", test_not_utf8);
  g_test_add_func ("/core/json-parser/truncated", test_truncated);
  g_test_add_func ("/core/json-parser/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/core/json-parser/same-as-json-glib/exchange", test_same_as_json_glib_exchange);

  return g_test_run ();
}

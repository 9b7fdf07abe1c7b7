/* tandem-json-parser.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strict JSON parser (RFC 8259) into a read-only tree that one document
 * owns.  The tree's nodes and decoded strings live in a few big blocks,
 * freed at once with the document, and the parser never recurses, so a
 * file of 75 MB reads in a fraction of a second and a deeply nested one
 * cannot exhaust the stack.
 *
 * Beyond RFC 8259 it refuses what a C program cannot hold faithfully:
 * "\u0000" (C strings end there), lone UTF-16 surrogates (not Unicode),
 * numbers beyond the range of a double, and two members of one object
 * with the same name (which of them counts would be anyone's guess).
 *
 * Errors read "line L, column C: what is wrong", counting lines and
 * columns from 1 and columns in characters. */

#define TANDEM_JSON_ERROR (tandem_json_error_quark ())

/**
 * TandemJsonError:
 * @TANDEM_JSON_ERROR_SYNTAX: the text is not JSON.
 * @TANDEM_JSON_ERROR_ENCODING: the text is not UTF-8, or a string holds a
 *   lone UTF-16 surrogate.
 * @TANDEM_JSON_ERROR_UNSUPPORTED: JSON that the tree cannot hold: the
 *   character U+0000, a number beyond a double, two members of an object
 *   with the same name.
 * @TANDEM_JSON_ERROR_TOO_DEEP: lists and objects nest more deeply than
 *   allowed.
 */
typedef enum
{
  TANDEM_JSON_ERROR_SYNTAX,
  TANDEM_JSON_ERROR_ENCODING,
  TANDEM_JSON_ERROR_UNSUPPORTED,
  TANDEM_JSON_ERROR_TOO_DEEP,
} TandemJsonError;

/**
 * TandemJsonType:
 * @TANDEM_JSON_INT: a number without a fraction or exponent that fits a
 *   gint64; every other number is a @TANDEM_JSON_DOUBLE.
 */
typedef enum
{
  TANDEM_JSON_NULL,
  TANDEM_JSON_BOOLEAN,
  TANDEM_JSON_INT,
  TANDEM_JSON_DOUBLE,
  TANDEM_JSON_STRING,
  TANDEM_JSON_ARRAY,
  TANDEM_JSON_OBJECT,
} TandemJsonType;

typedef struct _TandemJsonDocument TandemJsonDocument;
typedef struct _TandemJsonNode TandemJsonNode;

GQuark                tandem_json_error_quark           (void);

TandemJsonDocument   *tandem_json_document_parse        (const char            *data,
                                                         gsize                  size,
                                                         guint                  max_depth,
                                                         GError               **error);
void                  tandem_json_document_free         (TandemJsonDocument    *document);
const TandemJsonNode *tandem_json_document_get_root     (TandemJsonDocument    *document);

TandemJsonType        tandem_json_node_get_node_type    (const TandemJsonNode  *node);
gboolean              tandem_json_node_holds            (const TandemJsonNode  *node,
                                                         TandemJsonType         type);
const char           *tandem_json_node_get_string       (const TandemJsonNode  *node);
gint64                tandem_json_node_get_int          (const TandemJsonNode  *node);
double                tandem_json_node_get_double       (const TandemJsonNode  *node);
gboolean              tandem_json_node_get_boolean      (const TandemJsonNode  *node);
guint                 tandem_json_node_get_length       (const TandemJsonNode  *node);
const TandemJsonNode *tandem_json_node_get_element      (const TandemJsonNode  *node,
                                                         guint                  index);
const char           *tandem_json_node_get_member_name  (const TandemJsonNode  *node,
                                                         guint                  index);
const TandemJsonNode *tandem_json_node_get_member_value (const TandemJsonNode  *node,
                                                         guint                  index);
const TandemJsonNode *tandem_json_node_get_member       (const TandemJsonNode  *node,
                                                         const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemJsonDocument, tandem_json_document_free)

G_END_DECLS

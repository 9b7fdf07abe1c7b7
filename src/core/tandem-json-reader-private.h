/* tandem-json-reader-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-case-study.h"
#include "tandem-json-parser.h"

G_BEGIN_DECLS

/* Where a JSON reader is, so that every problem names the file, the JSON
 * path and what is wrong, as in
 * "team.json: $.initiatives[14].assessments[2].cell: “4,1” is not …".
 * Shared by the Tandem JSON and case-study library readers. */
typedef struct
{
  const char *name;
  GString    *path;
  GError    **error;
  gsize       max_string;   /* longest text accepted, in bytes; 0 for any */
} TandemJsonReader;

gboolean tandem_json_reader_fail        (TandemJsonReader *reader,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (2, 3);
void     tandem_json_reader_push        (TandemJsonReader *reader,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (2, 3);
void     tandem_json_reader_push_member (TandemJsonReader *reader,
                                         const char       *member);
void     tandem_json_reader_pop_to      (TandemJsonReader *reader,
                                         gsize             length);

const TandemJsonNode *
         tandem_json_reader_element_object (TandemJsonReader     *reader,
                                            const TandemJsonNode *array,
                                            guint                 i);

gboolean tandem_json_reader_is_absent      (const TandemJsonNode *node);
gboolean tandem_json_reader_check_length   (TandemJsonReader     *reader,
                                            const char           *text);
const TandemJsonNode *
         tandem_json_reader_get_array      (TandemJsonReader     *reader,
                                            const TandemJsonNode *object,
                                            const char           *member,
                                            gboolean              required,
                                            gboolean             *ok);
gboolean tandem_json_reader_read_strings   (TandemJsonReader     *reader,
                                            const TandemJsonNode *object,
                                            const char           *member,
                                            GStrv                *strings);
gboolean tandem_json_reader_read_cos       (TandemJsonReader     *reader,
                                            const TandemJsonNode *object,
                                            const char           *member,
                                            TandemCos            *cos);

G_END_DECLS

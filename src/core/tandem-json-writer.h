/* tandem-json-writer.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes JSON text as it goes, indented two spaces a level, with no tree
 * in between: an export of a whole portfolio is written in one pass. */
typedef struct _TandemJsonWriter TandemJsonWriter;

TandemJsonWriter *tandem_json_writer_new               (void);
char             *tandem_json_writer_free_to_string    (TandemJsonWriter *writer);
void              tandem_json_writer_free              (TandemJsonWriter *writer);

void              tandem_json_writer_begin_object      (TandemJsonWriter *writer);
void              tandem_json_writer_end_object        (TandemJsonWriter *writer);
void              tandem_json_writer_begin_array       (TandemJsonWriter *writer);
void              tandem_json_writer_end_array         (TandemJsonWriter *writer);
void              tandem_json_writer_set_member_name   (TandemJsonWriter *writer,
                                                        const char       *name);
void              tandem_json_writer_add_string_value  (TandemJsonWriter *writer,
                                                        const char       *value);
void              tandem_json_writer_add_int_value     (TandemJsonWriter *writer,
                                                        gint64            value);
void              tandem_json_writer_add_double_value  (TandemJsonWriter *writer,
                                                        double            value);
void              tandem_json_writer_add_boolean_value (TandemJsonWriter *writer,
                                                        gboolean          value);
void              tandem_json_writer_add_null_value    (TandemJsonWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemJsonWriter, tandem_json_writer_free)

G_END_DECLS

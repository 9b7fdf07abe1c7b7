/* tandem-cli-text.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers to lay out UTF-8 text in fixed-width terminal columns. */

guint   tandem_cli_text_width     (const char *text);
char  **tandem_cli_text_wrap      (const char *text,
                                   guint       width,
                                   guint       max_lines);
void    tandem_cli_text_append_padded (GString    *out,
                                       const char *text,
                                       guint       width);
void    tandem_cli_text_rstrip    (GString    *line);
char   *tandem_cli_text_one_line  (const char *text);

G_END_DECLS

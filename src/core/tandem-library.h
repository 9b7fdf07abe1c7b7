/* tandem-library.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The case-study library: a JSON document ("format": "tandem-case-library")
 * with a version and a list of entries.  Tandem ships one as a resource;
 * each portfolio records which version it took, and takes a newer one
 * when a newer Tandem opens it.
 */

#define TANDEM_LIBRARY_FORMAT "tandem-case-library"

GBytes    *tandem_library_get_bundled (void);
gboolean   tandem_library_parse       (GBytes      *json,
                                       const char  *name,
                                       int         *version,
                                       GPtrArray  **entries,
                                       GError     **error);

G_END_DECLS

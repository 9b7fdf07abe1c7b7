/* tandem-migrations-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean _tandem_migrations_run               (sqlite3     *db,
                                               const char  *path,
                                               int          from_version,
                                               int          to_version,
                                               GError     **error);

/* For tests: creates an empty portfolio at an older schema version. */
gboolean _tandem_migrations_create_at_version (GFile       *file,
                                               int          version,
                                               GError     **error);

G_END_DECLS

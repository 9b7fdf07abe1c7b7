/* tandem-sqlite-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Small helpers shared by the store and the migrations, so that every
 * SQLite failure becomes a TANDEM_STORE_ERROR naming the file. */

void      _tandem_sqlite_set_error  (GError     **error,
                                     sqlite3     *db,
                                     const char  *path,
                                     const char  *what);
gboolean  _tandem_sqlite_exec       (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     GError     **error);
gboolean  _tandem_sqlite_get_int    (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     int         *value,
                                     GError     **error);
gboolean  _tandem_sqlite_backup     (sqlite3     *source,
                                     const char  *source_path,
                                     const char  *destination,
                                     GError     **error);

char     *_tandem_sqlite_readonly_uri (const char  *path);

G_END_DECLS

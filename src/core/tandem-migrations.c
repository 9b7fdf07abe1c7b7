/* tandem-migrations.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-error.h"
#include "tandem-migrations-private.h"
#include "tandem-sqlite-private.h"
#include "tandem-store.h"

/*
 * The schema, one step per version.  Step N turns a version N-1 portfolio
 * into version N.  Steps are never edited once released: a change to the
 * schema is a new step at the end, and TANDEM_STORE_SCHEMA_VERSION moves
 * with it.
 */
static const char * const steps[] = {
  /* 1: the matrix wording and the initiatives */
  "CREATE TABLE matrix_label ("
  "  key  TEXT PRIMARY KEY NOT NULL,"
  "  text TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE initiative ("
  "  uuid         TEXT PRIMARY KEY NOT NULL,"
  "  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  service_area TEXT NOT NULL DEFAULT '',"
  "  place        TEXT NOT NULL DEFAULT '',"
  "  description  TEXT NOT NULL DEFAULT '',"
  "  created      INTEGER NOT NULL,"
  "  updated      INTEGER NOT NULL,"
  "  cell_row     INTEGER NOT NULL CHECK (cell_row BETWEEN 1 AND 3),"
  "  cell_col     INTEGER NOT NULL CHECK (cell_col BETWEEN 1 AND 3),"
  "  target_row   INTEGER CHECK (target_row BETWEEN 1 AND 3),"
  "  target_col   INTEGER CHECK (target_col BETWEEN 1 AND 3),"
  "  CHECK ((target_row IS NULL) = (target_col IS NULL))"
  ");"
  "CREATE INDEX initiative_by_cell ON initiative (cell_row, cell_col);",

  /* 2: a commissioner's notes on what each cell would mean for an initiative */
  "CREATE TABLE cell_note ("
  "  initiative_uuid TEXT NOT NULL REFERENCES initiative (uuid) ON DELETE CASCADE,"
  "  cell_row        INTEGER NOT NULL CHECK (cell_row BETWEEN 1 AND 3),"
  "  cell_col        INTEGER NOT NULL CHECK (cell_col BETWEEN 1 AND 3),"
  "  text            TEXT NOT NULL,"
  "  PRIMARY KEY (initiative_uuid, cell_row, cell_col)"
  ") WITHOUT ROWID;"
  "CREATE INDEX initiative_by_title ON initiative (title COLLATE NOCASE);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == TANDEM_STORE_SCHEMA_VERSION);

/* Runs steps from_version+1 … to_version.  The caller holds the transaction. */
gboolean
_tandem_migrations_run (sqlite3     *db,
                        const char  *path,
                        int          from_version,
                        int          to_version,
                        GError     **error)
{
  g_autofree char *set_version = NULL;

  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= TANDEM_STORE_SCHEMA_VERSION, FALSE);

  for (int v = from_version + 1; v <= to_version; v++)
    {
      if (!_tandem_sqlite_exec (db, path, steps[v - 1], error))
        {
          g_prefix_error (error, _("Upgrading to version %d failed: "), v);
          return FALSE;
        }
    }

  /* PRAGMA takes no bound parameters; the value is an integer we made. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  return _tandem_sqlite_exec (db, path, set_version, error);
}

gboolean
_tandem_migrations_create_at_version (GFile   *file,
                                      int      version,
                                      GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *set_id = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= TANDEM_STORE_SCHEMA_VERSION, FALSE);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, db, path, _("Could not create"));
      sqlite3_close (db);
      return FALSE;
    }

  set_id = g_strdup_printf ("PRAGMA application_id = %d", TANDEM_STORE_APPLICATION_ID);
  ok = _tandem_sqlite_exec (db, path, set_id, error) &&
       _tandem_sqlite_exec (db, path, "BEGIN", error) &&
       _tandem_migrations_run (db, path, 0, version, error) &&
       _tandem_sqlite_exec (db, path, "COMMIT", error);

  sqlite3_close (db);
  return ok;
}

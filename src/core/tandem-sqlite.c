/* tandem-sqlite.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tandem-error.h"
#include "tandem-sqlite-private.h"

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return TANDEM_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return TANDEM_STORE_ERROR_NOT_A_PORTFOLIO;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return TANDEM_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      return TANDEM_STORE_ERROR_INVALID;
    case SQLITE_CANTOPEN:
      return TANDEM_STORE_ERROR_NOT_FOUND;
    default:
      return TANDEM_STORE_ERROR_FAILED;
    }
}

/* @what says what Tandem was doing ("Could not save", …); the message
 * then names the file and gives SQLite's reason. */
void
_tandem_sqlite_set_error (GError     **error,
                          sqlite3     *db,
                          const char  *path,
                          const char  *what)
{
  int rc = db ? sqlite3_extended_errcode (db) : SQLITE_NOMEM;
  const char *reason = db ? sqlite3_errmsg (db) : sqlite3_errstr (SQLITE_NOMEM);

  g_set_error (error, TANDEM_STORE_ERROR, error_code_for (rc),
               /* Translators: the first %s says what failed, e.g. “Could not
                * save”; the second is a file path; the third SQLite's reason. */
               _("%s “%s”: %s"), what, path, reason);
}

gboolean
_tandem_sqlite_exec (sqlite3     *db,
                     const char  *path,
                     const char  *sql,
                     GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, db, path, _("Could not change"));
      return FALSE;
    }

  return TRUE;
}

/* Runs a query returning one integer, such as a PRAGMA. */
gboolean
_tandem_sqlite_get_int (sqlite3     *db,
                        const char  *path,
                        const char  *sql,
                        int         *value,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  else
    _tandem_sqlite_set_error (error, db, path, _("Could not read"));

  sqlite3_finalize (stmt);
  return ok;
}

/* Writes a consistent copy of @source to @destination with SQLite's
 * online backup API.  The copy goes to a temporary file first and is
 * renamed into place, so a failure never leaves half a file behind. */
gboolean
_tandem_sqlite_backup (sqlite3     *source,
                       const char  *source_path,
                       const char  *destination,
                       GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (destination, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;

  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, dest, destination, _("Could not create"));
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      _tandem_sqlite_set_error (error, dest, destination, _("Could not copy to"));
      goto out;
    }

  sqlite3_backup_step (backup, -1);
  if (sqlite3_backup_finish (backup) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, dest, destination, _("Could not copy to"));
      goto out;
    }

  /* Leave the copy self-contained: one file, no -wal beside it. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, dest, destination, _("Could not copy to"));
      goto out;
    }

  ok = TRUE;

out:
  if (dest != NULL && sqlite3_close (dest) != SQLITE_OK && ok)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not finish writing “%s”"), destination);
      ok = FALSE;
    }

  /* A stale log beside the destination would be taken for part of the
   * new copy the next time it is opened. */
  if (ok)
    {
      g_autofree char *wal = g_strconcat (destination, "-wal", NULL);
      g_autofree char *shm = g_strconcat (destination, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }

  if (ok && g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), destination, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}

/**
 * _tandem_sqlite_readonly_uri:
 *
 * An SQLite URI for reading @path without writing anything beside it.
 * With no write-ahead log next to the file, it is opened as immutable, so
 * SQLite needs no -shm file either (the folder may be read-only).  With
 * one, another Tandem may be writing, so it is opened read-only with locks.
 *
 * Returns: (transfer full) (nullable): the URI, or %NULL if @path cannot
 *   be written as one
 */
char *
_tandem_sqlite_readonly_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);

  if (file_uri == NULL)
    return NULL;

  return g_strconcat (file_uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?immutable=1", NULL);
}

/* tandem-store.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-example-private.h"
#include "tandem-library.h"
#include "tandem-migrations-private.h"
#include "tandem-sqlite-private.h"
#include "tandem-store-private.h"


G_DEFINE_FINAL_TYPE (TandemStore, tandem_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* The first 100 bytes of every SQLite database; see "Database File Format". */
#define SQLITE_HEADER_SIZE        100
#define HEADER_USER_VERSION       60
#define HEADER_APPLICATION_ID     68

static void
tandem_store_dispose (GObject *object)
{
  TandemStore *self = (TandemStore *)object;

  tandem_store_close (self);
  g_clear_object (&self->matrix);
  g_clear_object (&self->initiatives);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  _tandem_store_clear_cases (self);

  G_OBJECT_CLASS (tandem_store_parent_class)->dispose (object);
}

static void
tandem_store_finalize (GObject *object)
{
  TandemStore *self = (TandemStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->moved_by_assessments, g_hash_table_unref);
  g_clear_object (&self->file);
  g_free (self->path);
  g_free (self->read_only_reason);
  g_free (self->backup_path);

  G_OBJECT_CLASS (tandem_store_parent_class)->finalize (object);
}

static void
tandem_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TandemStore *self = TANDEM_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, tandem_store_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_store_class_init (TandemStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_store_dispose;
  object_class->finalize = tandem_store_finalize;
  object_class->get_property = tandem_store_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tandem_store_init (TandemStore *self)
{
  self->matrix = tandem_matrix_new ();
  self->initiatives = g_list_store_new (TANDEM_TYPE_INITIATIVE);
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  _tandem_store_init_cases (self);
}

/* Statements are keyed by the address of their SQL text, which is always
 * a string literal: no copy, and no hashing of long SQL on every call of
 * a big import.  (The same text at two addresses is two statements.) */
sqlite3_stmt *
_tandem_store_statement (TandemStore  *self,
               const char   *sql,
               GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_tandem_store_step (TandemStore   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not save"));
      return FALSE;
    }

  return TRUE;
}

void
_tandem_store_bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* ---- Opening ---------------------------------------------------------- */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Checks the file's own header before SQLite touches it, so that a file
 * that is not ours is never opened, let alone written. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  FILE *fp;
  size_t n;
  guint32 app_id, version;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, TANDEM_STORE_ERROR,
                   saved_errno == ENOENT ? TANDEM_STORE_ERROR_NOT_FOUND : TANDEM_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n == 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
                   _("Could not open “%s”: the file is empty, so it is not a Tandem portfolio"),
                   path);
      return FALSE;
    }

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
                   _("Could not open “%s”: it is not a Tandem portfolio"), path);
      return FALSE;
    }

  app_id = read_be32 (header + HEADER_APPLICATION_ID);
  version = read_be32 (header + HEADER_USER_VERSION);

  if (app_id != TANDEM_STORE_APPLICATION_ID)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
                   _("Could not open “%s”: it is a database, but not a Tandem portfolio"),
                   path);
      return FALSE;
    }

  if (version > TANDEM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_TOO_NEW,
                   _("Could not open “%s”: it was saved by a newer version of Tandem (format %u; this version reads up to %d)"),
                   path, version, TANDEM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_corrupt_error (GError     **error,
                   const char  *path,
                   const char  *reason)
{
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
               _("Could not open “%s”: the portfolio is damaged (%s)"), path, reason);
  return FALSE;
}

/* Reads the whole file through a read-only connection: the version must be
 * one we understand and every page must be sound.  Nothing is written. */
static gboolean
validate_readonly (const char  *path,
                   int         *version,
                   GError     **error)
{
  g_autofree char *uri = _tandem_sqlite_readonly_uri (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int app_id = 0;
  int rc;

  if (uri == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                   _("Could not open “%s”: the name cannot be used"), path);
      return FALSE;
    }

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, db, path, _("Could not open"));
      goto out;
    }

  sqlite3_busy_timeout (db, 5000);

  if (!_tandem_sqlite_get_int (db, path, "PRAGMA application_id", &app_id, NULL) ||
      !_tandem_sqlite_get_int (db, path, "PRAGMA user_version", version, NULL))
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        set_corrupt_error (error, path, sqlite3_errmsg (db));
      else
        _tandem_sqlite_set_error (error, db, path, _("Could not open"));
      goto out;
    }

  if (app_id != TANDEM_STORE_APPLICATION_ID)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
                   _("Could not open “%s”: it is a database, but not a Tandem portfolio"),
                   path);
      goto out;
    }

  if (*version > TANDEM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_TOO_NEW,
                   _("Could not open “%s”: it was saved by a newer version of Tandem (format %d; this version reads up to %d)"),
                   path, *version, TANDEM_STORE_SCHEMA_VERSION);
      goto out;
    }

  if (*version < 1)
    {
      set_corrupt_error (error, path, _("it has no format version"));
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_corrupt_error (error, path, sqlite3_errmsg (db));
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* quick_check may list hundreds of damaged pages: say the first. */
      g_autofree char *report = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      char *newline = report ? strchr (report, '\n') : NULL;

      g_debug ("quick_check of %s: %s", path, report);
      if (newline != NULL)
        *newline = '\0';
      set_corrupt_error (error, path, report);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static char *
unique_backup_path (const char *path,
                    int         version)
{
  char *candidate = g_strdup_printf ("%s.v%d.bak", path, version);

  for (guint i = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%u.bak", path, version, i);
    }

  return candidate;
}

static gboolean
run_in_transaction (TandemStore  *self,
                    gboolean    (*func) (TandemStore *, gpointer, GError **),
                    gpointer      data,
                    GError      **error)
{
  if (!_tandem_sqlite_exec (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (self, data, error) ||
      !_tandem_sqlite_exec (self->db, self->path, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_cb (TandemStore  *self,
            gpointer      data,
            GError      **error)
{
  return _tandem_migrations_run (self->db, self->path, GPOINTER_TO_INT (data),
                                 TANDEM_STORE_SCHEMA_VERSION, error);
}

static gboolean
migrate (TandemStore  *self,
         int           version,
         GError      **error)
{
  if (self->read_only_reason != NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Could not open “%s”: it was saved by an older version of Tandem and must be upgraded, but it is read-only"),
                   self->path);
      return FALSE;
    }

  /* Back up first: an upgrade that goes wrong must never cost data. */
  self->backup_path = unique_backup_path (self->path, version);
  if (!_tandem_sqlite_backup (self->db, self->path, self->backup_path, error))
    {
      g_clear_pointer (&self->backup_path, g_free);
      return FALSE;
    }

  return run_in_transaction (self, migrate_cb, GINT_TO_POINTER (version), error);
}

/* The application id goes into the file's header before the journal
 * becomes a write-ahead log, so that the header read by check_header()
 * says "Tandem" from the very first moment. */
static gboolean
mark_as_portfolio (TandemStore  *self,
                   GError      **error)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             TANDEM_STORE_APPLICATION_ID);

  return _tandem_sqlite_exec (self->db, self->path, set_id, error);
}

static gboolean
configure_connection (TandemStore  *self,
                      GError      **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  /* A big import is one transaction: with the default 2 MB page cache it
   * spills into the log before it commits, and each statement's rollback
   * journal would be a temporary file.  (The cache size is a ceiling, not
   * an allocation.) */
  if (!_tandem_sqlite_exec (self->db, self->path, "PRAGMA cache_size = -65536", error) ||
      !_tandem_sqlite_exec (self->db, self->path, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  if (self->read_only_reason != NULL)
    return TRUE;

  /* Only now, after the file has proved to be a portfolio, is its journal
   * mode changed.  FULL sync keeps every committed change across a power cut. */
  return _tandem_sqlite_exec (self->db, self->path, "PRAGMA journal_mode = WAL", error) &&
         _tandem_sqlite_exec (self->db, self->path, "PRAGMA synchronous = FULL", error) &&
         _tandem_sqlite_exec (self->db, self->path, "PRAGMA foreign_keys = ON", error);
}

static void
index_initiative (TandemStore      *self,
                  TandemInitiative *initiative)
{
  guint row = tandem_initiative_get_row (initiative);
  guint col = tandem_initiative_get_col (initiative);

  g_hash_table_insert (self->by_uuid, g_strdup (tandem_initiative_get_uuid (initiative)), initiative);
  self->counts[CELL_INDEX (row, col)]++;
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_elements (gconstpointer a,
                  gconstpointer b)
{
  return tandem_initiative_compare (*(TandemInitiative **) a, *(TandemInitiative **) b);
}

static gboolean
load (TandemStore  *self,
      GError      **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _tandem_store_statement (self, "SELECT key, text FROM matrix_label", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      /* A key from a future wording scheme is kept on disk but not shown. */
      if (tandem_matrix_is_valid_key (key))
        _tandem_matrix_set_custom_label (self->matrix, key,
                                         (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _tandem_store_statement (self,
                        "SELECT uuid, title, organisation, service_area, place, description,"
                        "       created, updated, cell_row, cell_col, target_row, target_col, target_date"
                        " FROM initiative ORDER BY title COLLATE NOCASE, uuid",
                        error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemInitiative *initiative;
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      guint row = sqlite3_column_int (stmt, 8);
      guint col = sqlite3_column_int (stmt, 9);

      if (uuid == NULL || !g_uuid_string_is_valid (uuid) || !tandem_cell_is_valid (row, col))
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
                       _("Could not open “%s”: the portfolio is damaged (an initiative has an impossible identifier or cell)"),
                       self->path);
          return FALSE;
        }

      initiative = tandem_initiative_new ((const char *) sqlite3_column_text (stmt, 1), row, col);
      tandem_initiative_set_uuid (initiative, uuid);
      tandem_initiative_set_organisation (initiative, (const char *) sqlite3_column_text (stmt, 2));
      tandem_initiative_set_service_area (initiative, (const char *) sqlite3_column_text (stmt, 3));
      tandem_initiative_set_place (initiative, (const char *) sqlite3_column_text (stmt, 4));
      tandem_initiative_set_description (initiative, (const char *) sqlite3_column_text (stmt, 5));
      tandem_initiative_set_created (initiative, sqlite3_column_int64 (stmt, 6));
      tandem_initiative_set_updated (initiative, sqlite3_column_int64 (stmt, 7));
      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL &&
          tandem_cell_is_valid (sqlite3_column_int (stmt, 10), sqlite3_column_int (stmt, 11)))
        tandem_initiative_set_target (initiative, sqlite3_column_int (stmt, 10),
                                      sqlite3_column_int (stmt, 11));
      tandem_initiative_set_target_date (initiative, (const char *) sqlite3_column_text (stmt, 12));

      index_initiative (self, initiative);
      g_ptr_array_add (loaded, initiative);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _tandem_store_statement (self, "SELECT initiative_uuid, cell_row, cell_col, text FROM cell_note", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemInitiative *initiative;
      guint row = sqlite3_column_int (stmt, 1);
      guint col = sqlite3_column_int (stmt, 2);

      initiative = g_hash_table_lookup (self->by_uuid, sqlite3_column_text (stmt, 0));
      if (initiative != NULL && tandem_cell_is_valid (row, col))
        tandem_initiative_set_cell_note (initiative, row, col,
                                         (const char *) sqlite3_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  g_ptr_array_sort (loaded, compare_elements);
  g_list_store_splice (self->initiatives, 0, 0, loaded->pdata, loaded->len);

  return _tandem_store_load_cases (self, error) &&
         _tandem_store_load_citations (self, error);

failed:
  _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
  return FALSE;
}

static const char *
read_only_reason_for (const char       *path,
                      TandemStoreFlags  flags)
{
  g_autofree char *dir = NULL;

  if (flags & TANDEM_STORE_READ_ONLY)
    return _("This portfolio was opened read-only.");

  if (g_access (path, W_OK) != 0)
    return _("You do not have permission to change this file.");

  /* SQLite keeps its write-ahead log beside the file. */
  dir = g_path_get_dirname (path);
  if (g_access (dir, W_OK) != 0)
    return _("You do not have permission to change the folder this file is in.");

  return NULL;
}

static gboolean
take_bundled_library (TandemStore  *self,
                      GError      **error)
{
  g_autoptr(GBytes) json = tandem_library_get_bundled ();

  return _tandem_store_sync_library (self, json, "case-studies.json", error);
}

/**
 * tandem_store_open:
 * @file: a local file
 * @flags: how to open it
 * @error: return location for a #TandemStoreError
 *
 * Opens the portfolio in @file.  A file that is not a portfolio, is
 * damaged or comes from a newer Tandem is reported and never changed.  A
 * portfolio from an older Tandem is copied to a backup beside it and
 * upgraded.  A file that cannot be written opens read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TandemStore *
tandem_store_open (GFile             *file,
                   TandemStoreFlags   flags,
                   GError           **error)
{
  g_autoptr(TandemStore) self = NULL;
  g_autofree char *readonly_uri = NULL;
  const char *reason;
  int fd;
  int version = 0;
  int open_flags;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TANDEM_TYPE_STORE, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);

  if (self->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                   _("Could not open “%s”: portfolios must be files on this computer"), uri);
      return NULL;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & TANDEM_STORE_CREATE))
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                       _("Could not open “%s”: there is no such file"), self->path);
          return NULL;
        }

      /* Claim the name first: if another program creates the file in the
       * meantime, open theirs the careful way rather than write over it. */
      fd = g_open (self->path, O_CREAT | O_EXCL | O_RDWR, 0666);
      if (fd < 0 && errno == EEXIST)
        return tandem_store_open (file, flags & ~TANDEM_STORE_CREATE, error);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                       _("Could not create “%s”: %s"), self->path, g_strerror (saved_errno));
          return NULL;
        }
      close (fd);

      if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          !mark_as_portfolio (self, error) ||
          !configure_connection (self, error) ||
          !run_in_transaction (self, migrate_cb, GINT_TO_POINTER (0), error))
        {
          if (error != NULL && *error == NULL)
            _tandem_sqlite_set_error (error, self->db, self->path, _("Could not create"));
          tandem_store_close (self);
          g_unlink (self->path);
          return NULL;
        }

      self->was_created = TRUE;
      if (!take_bundled_library (self, error))
        {
          tandem_store_close (self);
          g_unlink (self->path);
          return NULL;
        }

      return g_steal_pointer (&self);
    }

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
                   _("Could not open “%s”: it is a folder or a device, not a Tandem portfolio"),
                   self->path);
      return NULL;
    }

  if (!check_header (self->path, error) ||
      !validate_readonly (self->path, &version, error))
    return NULL;

  reason = read_only_reason_for (self->path, flags);
  self->read_only_reason = g_strdup (reason);
  open_flags = reason ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE;
  /* Read-only portfolios may sit in folders where SQLite cannot make its
   * side files. */
  if (reason != NULL)
    readonly_uri = _tandem_sqlite_readonly_uri (self->path);

  if (sqlite3_open_v2 (readonly_uri ? readonly_uri : self->path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not open"));
      return NULL;
    }

  /* Upgrade before changing the journal mode, so that a failed upgrade
   * leaves the file exactly as it was. */
  sqlite3_busy_timeout (self->db, 5000);
  if (version < TANDEM_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  if (!configure_connection (self, error))
    return NULL;

  if (!load (self, error))
    return NULL;

  /* A newer library is welcome but not essential: never refuse to open a
   * portfolio because it could not be brought up to date. */
  if (self->read_only_reason == NULL)
    {
      g_autoptr(GError) library_error = NULL;

      if (!take_bundled_library (self, &library_error))
        g_warning ("Could not update the case-study library of “%s”: %s",
                   self->path, library_error->message);
    }

  return g_steal_pointer (&self);
}

/**
 * tandem_store_get_default_file:
 *
 * Returns: (transfer full): the user's default portfolio,
 *   `$XDG_DATA_HOME/tandem/portfolio.tandem`
 */
GFile *
tandem_store_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "tandem", "portfolio.tandem", NULL);
}

/**
 * tandem_store_open_default:
 * @store: (out): the opened store
 *
 * Opens the user's default portfolio, creating it with the standard matrix
 * and the worked example the first time.
 */
gboolean
tandem_store_open_default (TandemStore **store,
                           GError      **error)
{
  g_autoptr(GFile) file = tandem_store_get_default_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(TandemStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *path = g_file_get_path (dir);

      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  self = tandem_store_open (file, TANDEM_STORE_CREATE, error);
  if (self == NULL)
    return FALSE;

  if (self->was_created && !tandem_store_seed_example (self, error))
    {
      tandem_store_close (self);
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  *store = g_steal_pointer (&self);
  return TRUE;
}

/**
 * tandem_store_close:
 *
 * Closes the database.  The in-memory model stays readable; every write
 * fails from now on.  Called automatically when the store is disposed.
 */
void
tandem_store_close (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
}

GFile *
tandem_store_get_file (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->file;
}

/**
 * tandem_store_get_name:
 *
 * The portfolio's name as the user gave it: its file name without the
 * .tandem ending, to suggest names for files made from it.
 *
 * Returns: (transfer full): the name
 */
char *
tandem_store_get_name (TandemStore *self)
{
  char *name;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  name = g_file_get_basename (self->file);
  if (g_str_has_suffix (name, ".tandem") && strlen (name) > strlen (".tandem"))
    name[strlen (name) - strlen (".tandem")] = '\0';

  return name;
}

gboolean
tandem_store_get_read_only (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), TRUE);

  return self->read_only_reason != NULL;
}

/**
 * tandem_store_get_read_only_reason:
 *
 * Returns: (nullable): why the portfolio cannot be changed, or %NULL
 */
const char *
tandem_store_get_read_only_reason (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->read_only_reason;
}

/**
 * tandem_store_get_was_created:
 *
 * Returns: %TRUE if opening the store created its file
 */
gboolean
tandem_store_get_was_created (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return self->was_created;
}

/**
 * tandem_store_get_backup_path:
 *
 * Returns: (transfer full) (nullable): where the portfolio was backed up
 *   before an upgrade, or %NULL if it needed none
 */
char *
tandem_store_get_backup_path (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return g_strdup (self->backup_path);
}

/**
 * tandem_store_get_matrix:
 *
 * Returns: (transfer none): the matrix wording of this portfolio
 */
TandemMatrix *
tandem_store_get_matrix (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->matrix;
}

/**
 * tandem_store_get_initiatives:
 *
 * Every initiative of the portfolio, sorted with tandem_initiative_compare()
 * (by title); the order is kept as initiatives are added, renamed and removed.
 *
 * Returns: (transfer none): a #GListModel of #TandemInitiative
 */
GListModel *
tandem_store_get_initiatives (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->initiatives);
}

/**
 * tandem_store_lookup_initiative:
 *
 * Returns: (transfer none) (nullable): the live initiative with @uuid
 */
TandemInitiative *
tandem_store_lookup_initiative (TandemStore *self,
                                const char  *uuid)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (uuid == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_uuid, uuid);
}

guint
tandem_store_count_in_cell (TandemStore *self,
                            guint        row,
                            guint        col)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), 0);

  return self->counts[CELL_INDEX (row, col)];
}

/* ---- Writing ---------------------------------------------------------- */

static gboolean
check_writable (TandemStore  *self,
                GError      **error)
{
  if (self->read_only_reason != NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Could not change “%s”: %s"), self->path, self->read_only_reason);
      return FALSE;
    }

  if (self->db == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not change “%s”: the portfolio is closed"), self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_initiative (TandemStore       *self,
                  TandemInitiative  *initiative,
                  GError           **error)
{
  const char *uuid = tandem_initiative_get_uuid (initiative);
  sqlite3_stmt *stmt;

  stmt = _tandem_store_statement (self,
                        "INSERT INTO initiative (uuid, title, organisation, service_area, place,"
                        "  description, created, updated, cell_row, cell_col, target_row, target_col,"
                        "  target_date)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                        " ON CONFLICT (uuid) DO UPDATE SET"
                        "  title = excluded.title, organisation = excluded.organisation,"
                        "  service_area = excluded.service_area, place = excluded.place,"
                        "  description = excluded.description, created = excluded.created,"
                        "  updated = excluded.updated, cell_row = excluded.cell_row,"
                        "  cell_col = excluded.cell_col, target_row = excluded.target_row,"
                        "  target_col = excluded.target_col, target_date = excluded.target_date",
                        error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, uuid);
  _tandem_store_bind_text (stmt, 2, tandem_initiative_get_title (initiative));
  _tandem_store_bind_text (stmt, 3, tandem_initiative_get_organisation (initiative));
  _tandem_store_bind_text (stmt, 4, tandem_initiative_get_service_area (initiative));
  _tandem_store_bind_text (stmt, 5, tandem_initiative_get_place (initiative));
  _tandem_store_bind_text (stmt, 6, tandem_initiative_get_description (initiative));
  sqlite3_bind_int64 (stmt, 7, tandem_initiative_get_created (initiative));
  sqlite3_bind_int64 (stmt, 8, tandem_initiative_get_updated (initiative));
  sqlite3_bind_int (stmt, 9, tandem_initiative_get_row (initiative));
  sqlite3_bind_int (stmt, 10, tandem_initiative_get_col (initiative));
  if (tandem_initiative_has_target (initiative))
    {
      sqlite3_bind_int (stmt, 11, tandem_initiative_get_target_row (initiative));
      sqlite3_bind_int (stmt, 12, tandem_initiative_get_target_col (initiative));
    }
  if (tandem_initiative_get_target_date (initiative) != NULL)
    _tandem_store_bind_text (stmt, 13, tandem_initiative_get_target_date (initiative));
  if (!_tandem_store_step (self, stmt, error))
    return FALSE;

  stmt = _tandem_store_statement (self, "DELETE FROM cell_note WHERE initiative_uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _tandem_store_bind_text (stmt, 1, uuid);
  if (!_tandem_store_step (self, stmt, error))
    return FALSE;

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        const char *note = tandem_initiative_get_cell_note (initiative, row, col);

        if (note == NULL)
          continue;

        stmt = _tandem_store_statement (self,
                              "INSERT INTO cell_note (initiative_uuid, cell_row, cell_col, text)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
        if (stmt == NULL)
          return FALSE;
        _tandem_store_bind_text (stmt, 1, uuid);
        sqlite3_bind_int (stmt, 2, row);
        sqlite3_bind_int (stmt, 3, col);
        _tandem_store_bind_text (stmt, 4, note);
        if (!_tandem_store_step (self, stmt, error))
          return FALSE;
      }

  return TRUE;
}

/* Where @live is in the sorted list: a binary search, since a linear
 * g_list_store_find() per change makes large batches quadratic.  Falls
 * back to a scan if the list is not in order (it always should be). */
static gboolean
find_position (TandemStore      *self,
               TandemInitiative *live,
               guint            *position)
{
  GListModel *model = G_LIST_MODEL (self->initiatives);
  guint low = 0, high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = (low + high) / 2;
      g_autoptr(TandemInitiative) item = g_list_model_get_item (model, middle);
      int result;

      if (item == live)
        {
          *position = middle;
          return TRUE;
        }

      result = tandem_initiative_compare (item, live);
      if (result < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return g_list_store_find (self->initiatives, live, position);
}

static int
compare_initiatives (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return tandem_initiative_compare ((TandemInitiative *) a, (TandemInitiative *) b);
}

/* Moves @live, renamed, from @old_position to where it now sorts, as one
 * change over the range between the two places.  Views and selections see
 * the same object among the items added back, so a renamed initiative stays
 * selected. */
static void
move_to_sorted_position (TandemStore      *self,
                         TandemInitiative *live,
                         guint             old_position)
{
  GListModel *model = G_LIST_MODEL (self->initiatives);
  guint n_others = g_list_model_get_n_items (model) - 1;
  guint low = 0, high = n_others, new_position, first, length;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Binary search among the other items (positions past @old_position
   * shift down by one once @live is taken out). */
  while (low < high)
    {
      guint middle = (low + high) / 2;
      g_autoptr(TandemInitiative) other =
        g_list_model_get_item (model, middle < old_position ? middle : middle + 1);

      if (tandem_initiative_compare (other, live) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  new_position = low;

  if (new_position == old_position)
    {
      g_list_store_splice (self->initiatives, old_position, 1, (gpointer *) &live, 1);
      return;
    }

  first = MIN (old_position, new_position);
  length = MAX (old_position, new_position) - first + 1;

  for (guint i = first; i < first + length; i++)
    if (i != old_position)
      g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_insert (items, new_position - first, g_object_ref (live));

  g_list_store_splice (self->initiatives, first, length, items->pdata, length);
}

/* Brings the live model in line with @saved, which is already on disk.
 * The list stays sorted (see tandem_store_get_initiatives()), so views of
 * it never need to sort 10,000 items again because one of them changed. */
static void
apply_saved (TandemStore      *self,
             TandemInitiative *saved)
{
  TandemInitiative *live = g_hash_table_lookup (self->by_uuid, tandem_initiative_get_uuid (saved));
  g_autoptr(TandemInitiative) hold = NULL;
  gboolean retitled;
  guint position;

  if (live == NULL)
    {
      g_autoptr(TandemInitiative) copy = tandem_initiative_copy (saved);

      index_initiative (self, copy);
      g_list_store_insert_sorted (self->initiatives, copy, compare_initiatives, NULL);
      return;
    }

  /* The list may hold the only reference: keep one while it moves. */
  hold = g_object_ref (live);
  retitled = g_strcmp0 (tandem_initiative_get_title (live), tandem_initiative_get_title (saved)) != 0;

  /* Found before the title changes, while the list is still in order. */
  if (!find_position (self, live, &position))
    g_return_if_reached ();

  self->counts[CELL_INDEX (tandem_initiative_get_row (live), tandem_initiative_get_col (live))]--;
  tandem_initiative_assign (live, saved);
  self->counts[CELL_INDEX (tandem_initiative_get_row (live), tandem_initiative_get_col (live))]++;

  if (retitled)
    move_to_sorted_position (self, live, position);
  else
    /* Replacing the item with itself tells filter models to look at it
     * again, without touching anything else. */
    g_list_store_splice (self->initiatives, position, 1, (gpointer *) &live, 1);
}

/* NULL, empty and blank wording all mean "the standard wording". */
static char *
normalise_label (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static gboolean
delete_initiative_row (TandemStore  *self,
                       const char   *uuid,
                       GError      **error)
{
  sqlite3_stmt *stmt = _tandem_store_statement (self, "DELETE FROM initiative WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, uuid);
  return _tandem_store_step (self, stmt, error);
}

static gboolean
write_label (TandemStore  *self,
             const char   *key,
             const char   *value,
             GError      **error)
{
  g_autofree char *text = normalise_label (value);
  sqlite3_stmt *stmt;

  if (text == NULL)
    stmt = _tandem_store_statement (self, "DELETE FROM matrix_label WHERE key = ?1", error);
  else
    stmt = _tandem_store_statement (self, "INSERT OR REPLACE INTO matrix_label (key, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, key);
  if (text != NULL)
    _tandem_store_bind_text (stmt, 2, text);
  return _tandem_store_step (self, stmt, error);
}

/* Is @id a case study that will exist once @changes are written?
 * @saved_ids holds the IDs saved by @changes, so that checking many
 * citations stays linear. */
static gboolean
case_will_exist (TandemStore   *self,
                 TandemChanges *changes,
                 GHashTable    *saved_ids,
                 const char    *id)
{
  for (guint i = 0; i < changes->delete_cases->len; i++)
    if (g_str_equal (g_ptr_array_index (changes->delete_cases, i), id))
      return FALSE;

  return g_hash_table_contains (self->cases_by_id, id) || g_hash_table_contains (saved_ids, id);
}

/* Everything that can be checked before writing is checked here, so that a
 * rejected change is reported without a transaction being started. */
static gboolean
check_changes (TandemStore    *self,
               TandemChanges  *changes,
               gboolean        from_library,
               GError        **error)
{
  g_autoptr(GHashTable) saved_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < changes->save_cases->len; i++)
    {
      TandemCaseStudy *case_study = g_ptr_array_index (changes->save_cases, i);

      if (!_tandem_store_check_case (self, case_study, from_library, error))
        return FALSE;
      g_hash_table_add (saved_ids, (gpointer) tandem_case_study_get_id (case_study));
    }

  for (guint i = 0; i < changes->save_initiatives->len; i++)
    {
      TandemInitiative *initiative = g_ptr_array_index (changes->save_initiatives, i);
      g_autofree char *title = g_strdup (tandem_initiative_get_title (initiative));

      if (g_strstrip (title)[0] == '\0')
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("Could not save to “%s”: an initiative needs a title"), self->path);
          return FALSE;
        }

      for (guint j = 0; j < tandem_initiative_get_n_citations (initiative); j++)
        {
          const TandemCitation *citation = tandem_initiative_get_citation (initiative, j);

          if (!case_will_exist (self, changes, saved_ids, citation->case_id))
            {
              g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                           _("Could not save to “%s”: “%s” cites a case study that does not exist (%s)"),
                           self->path, tandem_initiative_get_title (initiative), citation->case_id);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < changes->delete_initiatives->len; i++)
    {
      const char *uuid = g_ptr_array_index (changes->delete_initiatives, i);

      if (!g_hash_table_contains (self->by_uuid, uuid))
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                       _("Could not delete from “%s”: there is no initiative %s"), self->path, uuid);
          return FALSE;
        }
    }

  for (guint i = 0; i < changes->delete_cases->len; i++)
    {
      const char *id = g_ptr_array_index (changes->delete_cases, i);
      TandemCaseStudy *live = g_hash_table_lookup (self->cases_by_id, id);

      if (live == NULL)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                       _("Could not delete from “%s”: there is no case study %s"), self->path, id);
          return FALSE;
        }
      if (tandem_case_study_get_bundled (live) && !from_library)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                       _("Could not delete “%s”: it is part of Tandem’s case-study library"),
                       tandem_case_study_get_title (live));
          return FALSE;
        }
    }

  if (!_tandem_store_check_assessments (self, changes, error))
    return FALSE;

  g_hash_table_iter_init (&iter, changes->labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!tandem_matrix_is_valid_key (key))
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("Could not save to “%s”: “%s” is not a heading or cell of the matrix"),
                       self->path, (const char *) key);
          return FALSE;
        }
    }

  return TRUE;
}

/* Cases first, so that initiatives can cite them; deletions last, so that
 * what is deleted no longer needs to be cited. */
static gboolean
write_changes_cb (TandemStore  *self,
                  gpointer      data,
                  GError      **error)
{
  TandemChanges *changes = data;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < changes->save_cases->len; i++)
    if (!_tandem_store_write_case (self, g_ptr_array_index (changes->save_cases, i), error))
      return FALSE;

  for (guint i = 0; i < changes->save_initiatives->len; i++)
    {
      TandemInitiative *initiative = g_ptr_array_index (changes->save_initiatives, i);

      if (!write_initiative (self, initiative, error) ||
          !_tandem_store_write_citations (self, initiative, error))
        return FALSE;
    }

  if (!_tandem_store_write_assessments (self, changes, error))
    return FALSE;

  for (guint i = 0; i < changes->delete_initiatives->len; i++)
    if (!delete_initiative_row (self, g_ptr_array_index (changes->delete_initiatives, i), error))
      return FALSE;

  for (guint i = 0; i < changes->delete_cases->len; i++)
    if (!_tandem_store_delete_case_row (self, g_ptr_array_index (changes->delete_cases, i), error))
      return FALSE;

  g_hash_table_iter_init (&iter, changes->labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!write_label (self, key, value, error))
      return FALSE;

  if (changes->library_version > 0)
    {
      sqlite3_stmt *stmt = _tandem_store_statement (self,
                                                    "INSERT OR REPLACE INTO meta (key, value)"
                                                    " VALUES ('library_version', ?1)",
                                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, changes->library_version);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
forget_initiative (TandemStore *self,
                   const char  *uuid)
{
  TandemInitiative *live = g_hash_table_lookup (self->by_uuid, uuid);
  guint position;

  if (live == NULL)
    return;

  self->counts[CELL_INDEX (tandem_initiative_get_row (live), tandem_initiative_get_col (live))]--;
  if (find_position (self, live, &position))
    {
      /* @live is owned by the list and the hash key by the table. */
      g_hash_table_remove (self->by_uuid, uuid);
      g_list_store_remove (self->initiatives, position);
    }
}

/* ---- Big batches ---------------------------------------------------------- */

/* An import adds or removes thousands of initiatives.  One change to the
 * list for the whole batch, instead of one each, lets the views filter the
 * list once rather than react ten thousand times; selections keep an item
 * that comes back in the same change. */

static GPtrArray *
list_items (TandemStore *self)
{
  GListModel *model = G_LIST_MODEL (self->initiatives);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
replace_list (TandemStore *self,
              GPtrArray   *items)
{
  g_list_store_splice (self->initiatives, 0, g_list_model_get_n_items (G_LIST_MODEL (self->initiatives)),
                       items->pdata, items->len);
}

/* Tells the views that many initiatives changed (their cells, say). */
void
_tandem_store_refresh_all (TandemStore *self)
{
  g_autoptr(GPtrArray) items = list_items (self);

  replace_list (self, items);
}

/* @added: new initiatives, not yet in the list, merged into it in order. */
static void
add_many (TandemStore *self,
          GPtrArray   *added)
{
  g_autoptr(GPtrArray) old = list_items (self);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_full (old->len + added->len, g_object_unref);
  guint i = 0, j = 0;

  g_ptr_array_sort (added, compare_elements);
  for (guint k = 0; k < added->len; k++)
    index_initiative (self, g_ptr_array_index (added, k));

  while (i < old->len || j < added->len)
    {
      if (j == added->len ||
          (i < old->len && compare_elements (&old->pdata[i], &added->pdata[j]) <= 0))
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (old, i++)));
      else
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (added, j++)));
    }

  replace_list (self, merged);
}

static void
forget_many (TandemStore *self,
             GPtrArray   *uuids)
{
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = list_items (self);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < uuids->len; i++)
    {
      TandemInitiative *live = g_hash_table_lookup (self->by_uuid, g_ptr_array_index (uuids, i));

      if (live == NULL || !g_hash_table_add (gone, live))
        continue;
      self->counts[CELL_INDEX (tandem_initiative_get_row (live), tandem_initiative_get_col (live))]--;
    }

  for (guint i = 0; i < items->len; i++)
    if (!g_hash_table_contains (gone, g_ptr_array_index (items, i)))
      g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (items, i)));

  /* The list (and @items) still hold the initiatives; the keys are the
   * table's own copies. */
  for (guint i = 0; i < uuids->len; i++)
    g_hash_table_remove (self->by_uuid, g_ptr_array_index (uuids, i));

  replace_list (self, kept);
}

/* Brings memory in line with what was just committed. */
static void
changes_written (TandemStore   *self,
                 TandemChanges *changes)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < changes->save_cases->len; i++)
    _tandem_store_case_saved (self, g_ptr_array_index (changes->save_cases, i));

  for (guint i = 0; i < changes->save_initiatives->len; i++)
    {
      TandemInitiative *saved = g_ptr_array_index (changes->save_initiatives, i);

      if (changes->save_initiatives->len > TANDEM_STORE_MANY_CHANGES &&
          !g_hash_table_contains (self->by_uuid, tandem_initiative_get_uuid (saved)))
        g_ptr_array_add (added, tandem_initiative_copy (saved));
      else
        apply_saved (self, saved);
    }
  if (added->len > 0)
    add_many (self, added);

  _tandem_store_assessments_written (self);

  if (changes->delete_initiatives->len > TANDEM_STORE_MANY_CHANGES)
    forget_many (self, changes->delete_initiatives);
  else
    for (guint i = 0; i < changes->delete_initiatives->len; i++)
      forget_initiative (self, g_ptr_array_index (changes->delete_initiatives, i));

  for (guint i = 0; i < changes->delete_cases->len; i++)
    _tandem_store_case_deleted (self, g_ptr_array_index (changes->delete_cases, i));

  g_hash_table_iter_init (&iter, changes->labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = normalise_label (value);

      _tandem_matrix_set_custom_label (self->matrix, key, text);
    }

  if (changes->library_version > 0)
    self->library_version = changes->library_version;
}

gboolean
_tandem_store_apply_full (TandemStore    *self,
                          TandemChanges  *changes,
                          gboolean        from_library,
                          GError        **error)
{
  if (!check_writable (self, error) ||
      !check_changes (self, changes, from_library, error) ||
      !run_in_transaction (self, write_changes_cb, changes, error))
    return FALSE;

  changes_written (self, changes);
  return TRUE;
}

/**
 * tandem_store_begin_read:
 *
 * Starts a read transaction: until tandem_store_end_read(), every query
 * sees the same state of the portfolio, and the file is locked once rather
 * than once a query, which is what makes reading thousands of initiatives
 * (an export, comparing an import) fast.  Do not write in between.
 */
gboolean
tandem_store_begin_read (TandemStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (self->db == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not read “%s”: the portfolio is closed"), self->path);
      return FALSE;
    }

  /* A deferred transaction takes its snapshot at its first read: read now. */
  return _tandem_sqlite_exec (self->db, self->path, "BEGIN DEFERRED; PRAGMA schema_version", error);
}

/**
 * tandem_store_end_read:
 *
 * Ends the read transaction tandem_store_begin_read() started.
 */
void
tandem_store_end_read (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  /* Nothing was written, so there is nothing to lose if this fails. */
  if (self->db != NULL)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

/**
 * tandem_store_apply:
 * @changes: what to write
 *
 * Writes every change in @changes in one transaction: all of them or, if
 * any is impossible, none.  The live objects change only once it is
 * committed.
 */
gboolean
tandem_store_apply (TandemStore    *self,
                    TandemChanges  *changes,
                    GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  return _tandem_store_apply_full (self, changes, FALSE, error);
}

/**
 * tandem_store_save_initiatives:
 * @initiatives: (element-type TandemInitiative): initiatives to insert or update
 *
 * Saves every initiative in one transaction: either all are written or
 * none is.  Initiatives are matched by UUID.
 */
gboolean
tandem_store_save_initiatives (TandemStore  *self,
                               GPtrArray    *initiatives,
                               GError      **error)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (initiatives != NULL, FALSE);

  for (guint i = 0; i < initiatives->len; i++)
    g_ptr_array_add (changes->save_initiatives, g_object_ref (g_ptr_array_index (initiatives, i)));

  return tandem_store_apply (self, changes, error);
}

/**
 * tandem_store_save_initiative:
 * @initiative: an initiative, usually a changed copy of a live one
 *
 * Inserts @initiative, or updates the one with the same UUID, together
 * with its cell notes and citations.  The live initiative is then updated
 * in place.
 */
gboolean
tandem_store_save_initiative (TandemStore       *self,
                              TandemInitiative  *initiative,
                              GError           **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (TANDEM_IS_INITIATIVE (initiative), FALSE);

  g_ptr_array_add (one, initiative);
  return tandem_store_save_initiatives (self, one, error);
}

gboolean
tandem_store_delete_initiative (TandemStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (uuid == NULL || !g_hash_table_contains (self->by_uuid, uuid))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                   _("Could not delete from “%s”: there is no initiative %s"),
                   self->path, uuid ? uuid : "");
      return FALSE;
    }

  tandem_changes_delete_initiative (changes, uuid);
  return tandem_store_apply (self, changes, error);
}

/**
 * tandem_store_set_matrix_labels:
 * @labels: (element-type utf8 utf8): matrix key → new wording; a %NULL,
 *   empty or blank wording restores the standard wording
 *
 * Rewords part of the matrix in one transaction.  An unknown key rejects
 * the whole batch.
 */
gboolean
tandem_store_set_matrix_labels (TandemStore  *self,
                                GHashTable   *labels,
                                GError      **error)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (labels != NULL, FALSE);

  g_hash_table_iter_init (&iter, labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    tandem_changes_set_label (changes, key, value);

  return tandem_store_apply (self, changes, error);
}

/**
 * tandem_store_seed_example:
 *
 * Adds the worked example: a youth employability service modelled on
 * Surrey County Council’s NEET to PETE programme, and two smaller ones,
 * so that a new portfolio is never empty.
 */
gboolean
tandem_store_seed_example (TandemStore  *self,
                           GError      **error)
{
  g_autoptr(TandemChanges) examples = _tandem_example_build ();

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return tandem_store_apply (self, examples, error);
}

/* The same file under another name (a link, another path to the folder)? */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * tandem_store_save_copy:
 * @destination: where to write the copy
 *
 * Writes a complete, consistent copy of the portfolio to @destination,
 * replacing it if it exists.  The store stays on its own file.
 */
gboolean
tandem_store_save_copy (TandemStore  *self,
                        GFile        *destination,
                        GError      **error)
{
  g_autofree char *dest_path = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  dest_path = g_file_get_path (destination);
  if (dest_path == NULL || g_file_equal (destination, self->file) || same_file (dest_path, self->path))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("Could not save a copy of “%s”: choose a different file on this computer"),
                   self->path);
      return FALSE;
    }

  if (self->db == NULL)
    return check_writable (self, error);

  return _tandem_sqlite_backup (self->db, self->path, dest_path, error);
}

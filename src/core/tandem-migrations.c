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

  /* 3: case studies, their links to cells, initiatives citing them, and a
   * full-text index for searching them */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE case_study ("
  "  id           TEXT PRIMARY KEY NOT NULL,"
  "  bundled      INTEGER NOT NULL DEFAULT 0 CHECK (bundled IN (0, 1)),"
  "  generic      INTEGER NOT NULL DEFAULT 0 CHECK (generic IN (0, 1)),"
  "  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  place        TEXT NOT NULL DEFAULT '',"
  "  country      TEXT NOT NULL DEFAULT '',"
  "  service_area TEXT NOT NULL DEFAULT '',"
  "  period       TEXT NOT NULL DEFAULT '',"
  "  summary      TEXT NOT NULL DEFAULT '',"
  "  change_notes TEXT NOT NULL DEFAULT '',"
  "  cos          INTEGER NOT NULL DEFAULT 0 CHECK (cos BETWEEN 0 AND 15),"
  "  learning     TEXT NOT NULL DEFAULT '',"
  "  tags         TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE case_outcome ("
  "  case_id  TEXT NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  figure   TEXT NOT NULL,"
  "  period   TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (case_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE case_source ("
  "  case_id  TEXT NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  document TEXT NOT NULL,"
  "  author   TEXT NOT NULL DEFAULT '',"
  "  year     TEXT NOT NULL DEFAULT '',"
  "  url      TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (case_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE case_link ("
  "  case_id  TEXT NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,"
  "  cell_row INTEGER NOT NULL CHECK (cell_row BETWEEN 1 AND 3),"
  "  cell_col INTEGER NOT NULL CHECK (cell_col BETWEEN 1 AND 3),"
  "  basis    TEXT NOT NULL CHECK (basis IN ('source', 'tandem', 'user')),"
  "  note     TEXT NOT NULL DEFAULT '',"
  "  hidden   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),"
  "  user_note INTEGER NOT NULL DEFAULT 0 CHECK (user_note IN (0, 1)),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (case_id, cell_row, cell_col)"
  ") WITHOUT ROWID;"
  "CREATE INDEX case_link_by_cell ON case_link (cell_row, cell_col) WHERE hidden = 0;"
  "CREATE TABLE initiative_case ("
  "  initiative_uuid TEXT NOT NULL REFERENCES initiative (uuid) ON DELETE CASCADE,"
  "  case_id         TEXT NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,"
  "  evidence        INTEGER NOT NULL DEFAULT 0 CHECK (evidence IN (0, 1)),"
  "  note            TEXT NOT NULL DEFAULT '',"
  "  position        INTEGER NOT NULL,"
  "  PRIMARY KEY (initiative_uuid, case_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX initiative_case_by_case ON initiative_case (case_id);"
  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  title, place, country, service_area, summary, tags,"
  "  content = 'case_study', content_rowid = 'rowid',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER case_study_ai AFTER INSERT ON case_study BEGIN"
  "  INSERT INTO case_search (rowid, title, place, country, service_area, summary, tags)"
  "  VALUES (new.rowid, new.title, new.place, new.country, new.service_area, new.summary, new.tags);"
  "END;"
  "CREATE TRIGGER case_study_ad AFTER DELETE ON case_study BEGIN"
  "  INSERT INTO case_search (case_search, rowid, title, place, country, service_area, summary, tags)"
  "  VALUES ('delete', old.rowid, old.title, old.place, old.country, old.service_area, old.summary, old.tags);"
  "END;"
  "CREATE TRIGGER case_study_au AFTER UPDATE ON case_study BEGIN"
  "  INSERT INTO case_search (case_search, rowid, title, place, country, service_area, summary, tags)"
  "  VALUES ('delete', old.rowid, old.title, old.place, old.country, old.service_area, old.summary, old.tags);"
  "  INSERT INTO case_search (rowid, title, place, country, service_area, summary, tags)"
  "  VALUES (new.rowid, new.title, new.place, new.country, new.service_area, new.summary, new.tags);"
  "END;",

  /* 4: dated assessments with stakeholders' placements and evidence,
   * target dates, and outcome indicators with dated readings.  Every
   * existing initiative starts its history where it stands today. */
  "ALTER TABLE initiative ADD COLUMN target_date TEXT CHECK (target_date IS NULL OR length (target_date) = 10);"
  "CREATE TABLE assessment ("
  "  id              TEXT PRIMARY KEY NOT NULL,"
  "  initiative_uuid TEXT NOT NULL REFERENCES initiative (uuid) ON DELETE CASCADE,"
  "  date            TEXT NOT NULL CHECK (length (date) = 10),"
  "  cell_row        INTEGER NOT NULL CHECK (cell_row BETWEEN 1 AND 3),"
  "  cell_col        INTEGER NOT NULL CHECK (cell_col BETWEEN 1 AND 3),"
  "  stage           INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 4),"
  "  level           INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),"
  "  presence        INTEGER NOT NULL DEFAULT 0,"
  "  subtypes        INTEGER NOT NULL DEFAULT 0,"
  "  principles      INTEGER NOT NULL DEFAULT 0,"
  "  answers         INTEGER NOT NULL DEFAULT 0,"
  "  notes           TEXT NOT NULL DEFAULT '',"
  "  participants    TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (initiative_uuid, date)"
  ");"
  "CREATE INDEX assessment_by_date ON assessment (date, initiative_uuid);"
  "CREATE TABLE assessment_placement ("
  "  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  stakeholder   INTEGER NOT NULL CHECK (stakeholder BETWEEN 0 AND 3),"
  "  cell_row      INTEGER NOT NULL CHECK (cell_row BETWEEN 1 AND 3),"
  "  cell_col      INTEGER NOT NULL CHECK (cell_col BETWEEN 1 AND 3),"
  "  PRIMARY KEY (assessment_id, stakeholder)"
  ") WITHOUT ROWID;"
  "CREATE TABLE assessment_evidence ("
  "  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  caption       TEXT NOT NULL DEFAULT '',"
  "  link          TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (assessment_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE indicator ("
  "  id              TEXT PRIMARY KEY NOT NULL,"
  "  initiative_uuid TEXT NOT NULL REFERENCES initiative (uuid) ON DELETE CASCADE,"
  "  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  unit            TEXT NOT NULL DEFAULT '',"
  "  baseline        REAL,"
  "  target          REAL,"
  "  position        INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX indicator_by_initiative ON indicator (initiative_uuid);"
  "CREATE TABLE indicator_reading ("
  "  indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  date         TEXT NOT NULL CHECK (length (date) = 10),"
  "  value        REAL NOT NULL,"
  "  PRIMARY KEY (indicator_id, date)"
  ") WITHOUT ROWID;"
  "INSERT INTO assessment (id, initiative_uuid, date, cell_row, cell_col)"
  "  SELECT lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || substr (hex (randomblob (2)), 2)"
  "                || '-a' || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))),"
  "         uuid, date (updated, 'unixepoch'), cell_row, cell_col"
  "  FROM initiative;",
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

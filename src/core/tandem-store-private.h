/* tandem-store-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-changes.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define CELL_INDEX(r, c) (((r) - 1) * TANDEM_MATRIX_SIZE + ((c) - 1))

struct _TandemStore
{
  GObject       parent_instance;

  GFile        *file;
  char         *path;
  sqlite3      *db;
  /* SQL text → prepared statement, so each query is compiled once. */
  GHashTable   *statements;

  TandemMatrix *matrix;
  GListStore   *initiatives;
  /* uuid → the live TandemInitiative in @initiatives (borrowed) */
  GHashTable   *by_uuid;
  guint         counts[TANDEM_N_CELLS];

  /* Case studies, sorted by title, and how many are linked to each cell */
  GListStore   *cases;
  GHashTable   *cases_by_id;   /* id → live TandemCaseStudy (borrowed) */
  guint         case_counts[TANDEM_N_CELLS];
  int           library_version;

  /* Initiatives whose latest assessment moved them, found while writing
   * and applied to memory after the commit: uuid → packed row * 4 + col */
  GHashTable   *moved_by_assessments;

  char         *read_only_reason;
  char         *backup_path;
  guint         was_created : 1;
};

/* tandem-store.c */
sqlite3_stmt *_tandem_store_statement        (TandemStore      *self,
                                              const char       *sql,
                                              GError          **error);
gboolean      _tandem_store_step             (TandemStore      *self,
                                              sqlite3_stmt     *stmt,
                                              GError          **error);
void          _tandem_store_bind_text        (sqlite3_stmt     *stmt,
                                              int               index,
                                              const char       *text);

gboolean      _tandem_store_apply_full       (TandemStore      *self,
                                              TandemChanges    *changes,
                                              gboolean          from_library,
                                              GError          **error);

/* tandem-store-cases.c */
void          _tandem_store_init_cases       (TandemStore      *self);
void          _tandem_store_clear_cases      (TandemStore      *self);
gboolean      _tandem_store_load_cases       (TandemStore      *self,
                                              GError          **error);
gboolean      _tandem_store_load_citations   (TandemStore      *self,
                                              GError          **error);
gboolean      _tandem_store_check_case       (TandemStore      *self,
                                              TandemCaseStudy  *case_study,
                                              gboolean          from_library,
                                              GError          **error);
gboolean      _tandem_store_write_case       (TandemStore      *self,
                                              TandemCaseStudy  *case_study,
                                              GError          **error);
gboolean      _tandem_store_delete_case_row  (TandemStore      *self,
                                              const char       *id,
                                              GError          **error);
gboolean      _tandem_store_write_citations  (TandemStore      *self,
                                              TandemInitiative *initiative,
                                              GError          **error);
void          _tandem_store_case_saved       (TandemStore      *self,
                                              TandemCaseStudy  *saved);
void          _tandem_store_case_deleted     (TandemStore      *self,
                                              const char       *id);
gboolean      _tandem_store_sync_library     (TandemStore      *self,
                                              GBytes           *json,
                                              const char       *name,
                                              GError          **error);

/* tandem-store-assessments.c */
gboolean      _tandem_store_check_assessments (TandemStore     *self,
                                               TandemChanges   *changes,
                                               GError         **error);
gboolean      _tandem_store_write_assessments (TandemStore     *self,
                                               TandemChanges   *changes,
                                               GError         **error);
void          _tandem_store_assessments_written (TandemStore   *self);

/* Batches of more initiatives than this change the live list in one go. */
#define TANDEM_STORE_MANY_CHANGES 64
void          _tandem_store_refresh_all      (TandemStore      *self);

G_END_DECLS

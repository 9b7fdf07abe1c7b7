/* tandem-store.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-case-study.h"
#include "tandem-changes.h"
#include "tandem-initiative.h"
#include "tandem-matrix.h"
#include "tandem-movement.h"

G_BEGIN_DECLS

/*
 * A portfolio: one SQLite file (conventionally *.tandem) holding the matrix
 * wording and the initiatives with their cell notes.
 *
 * The store keeps every initiative in memory as a GListModel so the UI can
 * bind to it, and writes each change in one transaction before it changes
 * the in-memory objects, so what is shown is always what is on disk.
 */

#define TANDEM_TYPE_STORE (tandem_store_get_type ())

G_DECLARE_FINAL_TYPE (TandemStore, tandem_store, TANDEM, STORE, GObject)

/* Called by tandem_store_foreach_assessment() with each assessment, which
 * it may keep with g_object_ref(). */
typedef void (*TandemAssessmentFunc) (TandemAssessment *assessment,
                                      gpointer          user_data);

/**
 * TandemStoreFlags:
 * @TANDEM_STORE_NONE: open an existing portfolio for reading and writing,
 *   or read-only if the file cannot be written.
 * @TANDEM_STORE_CREATE: create the file (with the standard matrix) if it
 *   does not exist yet.
 * @TANDEM_STORE_READ_ONLY: open read-only even if the file is writable.
 */
typedef enum
{
  TANDEM_STORE_NONE      = 0,
  TANDEM_STORE_CREATE    = 1 << 0,
  TANDEM_STORE_READ_ONLY = 1 << 1,
} TandemStoreFlags;

/* The schema version this Tandem writes (PRAGMA user_version). */
#define TANDEM_STORE_SCHEMA_VERSION 4
/* PRAGMA application_id of every portfolio: "TNDM". */
#define TANDEM_STORE_APPLICATION_ID 0x544E444D

TandemStore      *tandem_store_open                 (GFile             *file,
                                                     TandemStoreFlags   flags,
                                                     GError           **error);
gboolean          tandem_store_open_default         (TandemStore      **store,
                                                     GError           **error);
GFile            *tandem_store_get_default_file     (void);
GFile            *tandem_store_get_file             (TandemStore       *self);
char             *tandem_store_get_name             (TandemStore       *self);
gboolean          tandem_store_get_read_only        (TandemStore       *self);
const char       *tandem_store_get_read_only_reason (TandemStore       *self);
gboolean          tandem_store_get_was_created      (TandemStore       *self);
char             *tandem_store_get_backup_path      (TandemStore       *self);
void              tandem_store_close                (TandemStore       *self);

TandemMatrix     *tandem_store_get_matrix           (TandemStore       *self);
GListModel       *tandem_store_get_initiatives      (TandemStore       *self);
TandemInitiative *tandem_store_lookup_initiative    (TandemStore       *self,
                                                     const char        *uuid);
guint             tandem_store_count_in_cell        (TandemStore       *self,
                                                     guint              row,
                                                     guint              col);

gboolean          tandem_store_save_initiative      (TandemStore       *self,
                                                     TandemInitiative  *initiative,
                                                     GError           **error);
gboolean          tandem_store_save_initiatives     (TandemStore       *self,
                                                     GPtrArray         *initiatives,
                                                     GError           **error);
gboolean          tandem_store_delete_initiative    (TandemStore       *self,
                                                     const char        *uuid,
                                                     GError           **error);
gboolean          tandem_store_set_matrix_labels    (TandemStore       *self,
                                                     GHashTable        *labels,
                                                     GError           **error);
gboolean          tandem_store_apply                (TandemStore       *self,
                                                     TandemChanges     *changes,
                                                     GError           **error);
gboolean          tandem_store_begin_read           (TandemStore       *self,
                                                     GError           **error);
void              tandem_store_end_read             (TandemStore       *self);

GListModel       *tandem_store_get_case_studies     (TandemStore       *self);
TandemCaseStudy  *tandem_store_lookup_case_study    (TandemStore       *self,
                                                     const char        *id);
guint             tandem_store_count_cases_in_cell  (TandemStore       *self,
                                                     guint              row,
                                                     guint              col);
GHashTable       *tandem_store_search_case_studies  (TandemStore       *self,
                                                     const char        *text,
                                                     GError           **error);
int               tandem_store_get_library_version  (TandemStore       *self);
gboolean          tandem_store_update_library       (TandemStore       *self,
                                                     GBytes            *json,
                                                     const char        *name,
                                                     GError           **error);

GPtrArray        *tandem_store_list_assessments     (TandemStore       *self,
                                                     const char        *uuid,
                                                     GError           **error);
TandemAssessment *tandem_store_find_assessment      (TandemStore       *self,
                                                     const char        *uuid,
                                                     const char        *date,
                                                     GError           **error);
TandemAssessment *tandem_store_lookup_assessment    (TandemStore       *self,
                                                     const char        *id,
                                                     GError           **error);
GHashTable       *tandem_store_list_assessment_owners (TandemStore       *self,
                                                       GError           **error);
gboolean          tandem_store_foreach_assessment   (TandemStore       *self,
                                                     TandemAssessmentFunc func,
                                                     gpointer           user_data,
                                                     GError           **error);
GPtrArray        *tandem_store_list_indicators      (TandemStore       *self,
                                                     const char        *uuid,
                                                     GError           **error);
TandemIndicator  *tandem_store_lookup_indicator     (TandemStore       *self,
                                                     const char        *id,
                                                     GError           **error);
TandemMovement   *tandem_store_compute_movement     (TandemStore       *self,
                                                     const char        *from,
                                                     const char        *to,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
void              tandem_store_compute_movement_async  (TandemStore         *self,
                                                        const char          *from,
                                                        const char          *to,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
TandemMovement   *tandem_store_compute_movement_finish (TandemStore         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

gboolean          tandem_store_seed_example         (TandemStore       *self,
                                                     GError           **error);
gboolean          tandem_store_save_copy            (TandemStore       *self,
                                                     GFile             *destination,
                                                     GError           **error);

G_END_DECLS

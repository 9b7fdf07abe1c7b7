/* tandem-exchange.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-changes.h"
#include "tandem-store.h"

G_BEGIN_DECLS

/*
 * "Tandem JSON": a whole portfolio, or some of its initiatives, as one JSON
 * document ("format": "tandem-portfolio", "version": 1) that another
 * Tandem can merge into its own portfolio.  data/tandem-portfolio.schema.json
 * describes the format.
 *
 * Importing happens in two steps.  tandem_exchange_read_json() reads and
 * checks the whole document without writing anything, and sorts what it
 * holds into items it can add without asking (new to the portfolio),
 * items the portfolio already has exactly, which it skips, and conflicts:
 * items whose UUID or ID the portfolio has with other content.  Each
 * conflict keeps the portfolio's version unless resolved otherwise with
 * tandem_import_resolve().  tandem_import_apply() then writes everything in
 * one transaction.  Nothing is ever overwritten without being listed as a
 * conflict first.
 */

#define TANDEM_EXCHANGE_FORMAT  "tandem-portfolio"
#define TANDEM_EXCHANGE_VERSION 1

/* Limits on what tandem_exchange_read_json() accepts. */
#define TANDEM_EXCHANGE_MAX_SIZE       ((gsize) 256 * 1024 * 1024)
#define TANDEM_EXCHANGE_MAX_STRING     ((gsize) 1024 * 1024)
#define TANDEM_EXCHANGE_MAX_DEPTH      16

/**
 * TandemConflictKind:
 * @TANDEM_CONFLICT_INITIATIVE: an initiative, with its cell notes and citations
 * @TANDEM_CONFLICT_ASSESSMENT: an assessment with the same ID, or another
 *   assessment of the same initiative on the same day
 * @TANDEM_CONFLICT_INDICATOR: an indicator, with its readings
 * @TANDEM_CONFLICT_CASE_STUDY: one of the user's own case studies, or the
 *   user's links of a case study from Tandem's library
 * @TANDEM_CONFLICT_LABEL: the wording of one key of the matrix
 */
typedef enum
{
  TANDEM_CONFLICT_INITIATIVE,
  TANDEM_CONFLICT_ASSESSMENT,
  TANDEM_CONFLICT_INDICATOR,
  TANDEM_CONFLICT_CASE_STUDY,
  TANDEM_CONFLICT_LABEL,
} TandemConflictKind;

typedef enum
{
  TANDEM_KEEP_MINE,
  TANDEM_KEEP_THEIRS,
} TandemResolution;

/**
 * TandemConflict:
 * @kind: what kind of item
 * @id: its UUID, ID or matrix key
 * @description: one line for people, such as
 *   "initiative “Youth hub”: title, cell differ"
 * @mine: the portfolio's version: a #TandemInitiative, #TandemAssessment,
 *   #TandemIndicator or #TandemCaseStudy, or for a label its wording (char *)
 * @theirs: the file's version, of the same type as @mine
 * @resolution: which version tandem_import_apply() keeps
 */
typedef struct
{
  TandemConflictKind  kind;
  char               *id;
  char               *description;
  gpointer            mine;
  gpointer            theirs;
  TandemResolution    resolution;
} TandemConflict;

/**
 * TandemImportCounts:
 *
 * What a document holds (@initiatives … @labels) and what importing it
 * would do (@new_* are added without asking, @unchanged are already in
 * the portfolio exactly, @conflicts need a decision).
 */
typedef struct
{
  guint initiatives;
  guint assessments;
  guint indicators;
  guint case_studies;      /* bundled references included */
  guint labels;

  guint new_initiatives;
  guint new_assessments;
  guint new_indicators;
  guint new_case_studies;  /* with bundled case studies whose links are taken */
  guint new_labels;
  guint unchanged;
  guint conflicts;
} TandemImportCounts;

typedef struct _TandemImport TandemImport;

char                 *tandem_exchange_export_json   (TandemStore        *store,
                                                     GPtrArray          *uuids,
                                                     GError            **error);
TandemImport         *tandem_exchange_read_json     (TandemStore        *store,
                                                     GBytes             *json,
                                                     const char         *name,
                                                     GError            **error);

void                  tandem_import_free            (TandemImport       *import);
TandemChanges        *tandem_import_get_changes     (TandemImport       *import);
guint                 tandem_import_get_n_conflicts (TandemImport       *import);
const TandemConflict *tandem_import_get_conflict    (TandemImport       *import,
                                                     guint               i);
void                  tandem_import_resolve         (TandemImport       *import,
                                                     guint               i,
                                                     TandemResolution    resolution);
void                  tandem_import_get_counts      (TandemImport       *import,
                                                     TandemImportCounts *counts);
char                 *tandem_import_get_summary     (TandemImport       *import);
TandemChanges        *tandem_import_build_changes   (TandemImport       *import);
gboolean              tandem_import_apply           (TandemImport       *import,
                                                     GError            **error);

const char           *tandem_conflict_kind_to_string (TandemConflictKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImport, tandem_import_free)

G_END_DECLS

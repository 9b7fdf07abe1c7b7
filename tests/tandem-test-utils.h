/* tandem-test-utils.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "tandem-core.h"

G_BEGIN_DECLS

/*
 * A fresh directory for each test, and in it (unless the test asks for
 * none) a newly created portfolio.  Use with g_test_add():
 *
 *   g_test_add ("/core/store/foo", TandemTestFixture, NULL,
 *               tandem_test_fixture_setup, test_foo,
 *               tandem_test_fixture_teardown);
 */
typedef struct
{
  char        *dir;    /* removed, with everything in it, at teardown */
  char        *path;   /* dir/portfolio.tandem */
  GFile       *file;
  TandemStore *store;  /* open on file, or NULL */
} TandemTestFixture;

/* Only the directory; no portfolio. */
void         tandem_test_fixture_setup_dir      (TandemTestFixture *fixture,
                                                 gconstpointer      data);
/* A new, empty portfolio (standard matrix, no initiatives). */
void         tandem_test_fixture_setup          (TandemTestFixture *fixture,
                                                 gconstpointer      data);
/* A new portfolio with the worked example seeded. */
void         tandem_test_fixture_setup_seeded   (TandemTestFixture *fixture,
                                                 gconstpointer      data);
void         tandem_test_fixture_teardown       (TandemTestFixture *fixture,
                                                 gconstpointer      data);

/* Closes the fixture's store, checks nothing else holds it, and opens the
 * file again with @flags. */
void         tandem_test_fixture_reopen         (TandemTestFixture *fixture,
                                                 TandemStoreFlags   flags);
/* Closes the fixture's store and checks that it is finalized. */
void         tandem_test_fixture_close          (TandemTestFixture *fixture);
/* A path inside the fixture's directory. */
char        *tandem_test_fixture_build_path     (TandemTestFixture *fixture,
                                                 const char        *name);

/* Closes @store, drops what is assumed to be its last reference and
 * checks that it was finalized. */
void         tandem_test_close_store            (TandemStore       *store);

/* Files. */
GBytes      *tandem_test_get_file_bytes         (const char        *path);
void         tandem_test_write_file             (const char        *path,
                                                 const void        *data,
                                                 gsize              length);
void         tandem_test_remove_recursively     (const char        *path);
/* How many pages a PDF that cairo wrote has; fails the test if @path is
 * not a PDF. */
guint        tandem_test_count_pdf_pages        (const char        *path);

/* The bytes of a portfolio and of its SQLite side files (-wal, -shm,
 * -journal), to prove that a failed open changed nothing on disk. */
typedef struct _TandemTestSnapshot TandemTestSnapshot;

TandemTestSnapshot *tandem_test_snapshot_take   (const char        *path);
void         tandem_test_snapshot_free          (TandemTestSnapshot *snapshot);
gboolean     tandem_test_snapshot_matches       (TandemTestSnapshot *snapshot,
                                                 char             **why);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemTestSnapshot, tandem_test_snapshot_free)

#define tandem_test_assert_snapshot_unchanged(snapshot)                       \
  G_STMT_START {                                                              \
    g_autofree char *_why = NULL;                                             \
    if (!tandem_test_snapshot_matches ((snapshot), &_why))                    \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, _why); \
  } G_STMT_END

/* Raw SQLite, bypassing the store, for setting up odd files and for
 * checking what is really on disk.  Each call opens and closes the file;
 * a failure fails the test. */
void         tandem_test_sqlite_exec            (const char        *path,
                                                 const char        *sql);
gint64       tandem_test_sqlite_get_int         (const char        *path,
                                                 const char        *sql);
char        *tandem_test_sqlite_get_text        (const char        *path,
                                                 const char        *sql);

/* Creates a plain SQLite database (not a portfolio) and runs @sql in it. */
void         tandem_test_sqlite_create          (const char        *path,
                                                 const char        *sql);

/* Everything a portfolio shows: each initiative (by UUID, compared with
 * tandem_initiative_equal(), citations included), the wording of all 17
 * matrix keys, the count in each cell, each case study (by ID, compared
 * with tandem_case_study_equal(), links included), the number of case
 * studies linked to each cell, the case-study library version, and each
 * initiative's assessments (in the store's order, by date, compared with
 * tandem_assessment_equal()) and indicators (tandem_indicator_equal()). */
typedef struct _TandemTestState TandemTestState;

TandemTestState *tandem_test_state_capture      (TandemStore       *store);
void         tandem_test_state_free             (TandemTestState   *state);
/* Expects @initiative (matched by UUID) instead of what was captured. */
void         tandem_test_state_replace          (TandemTestState   *state,
                                                 TandemInitiative  *initiative);
/* Expects @case_study (matched by ID) instead of what was captured. */
void         tandem_test_state_replace_case     (TandemTestState   *state,
                                                 TandemCaseStudy   *case_study);
/* Expects @assessment (matched by ID, wherever it was) instead of, or as
 * well as, what was captured. */
void         tandem_test_state_replace_assessment (TandemTestState  *state,
                                                 TandemAssessment  *assessment);
/* Expects no assessment with @id. */
void         tandem_test_state_remove_assessment (TandemTestState  *state,
                                                 const char        *id);
/* The captured assessments of initiative @uuid, oldest first. */
guint        tandem_test_state_get_n_assessments (TandemTestState  *state,
                                                 const char        *uuid);
TandemAssessment *tandem_test_state_get_assessment (TandemTestState *state,
                                                 const char        *uuid,
                                                 guint              i);
/* Expects @indicator (matched by ID) instead of, or as well as, what was
 * captured. */
void         tandem_test_state_replace_indicator (TandemTestState  *state,
                                                 TandemIndicator   *indicator);
void         tandem_test_state_remove_indicator (TandemTestState   *state,
                                                 const char        *id);
gboolean     tandem_test_state_matches          (TandemTestState   *state,
                                                 TandemStore       *store,
                                                 char             **why);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemTestState, tandem_test_state_free)

#define tandem_test_assert_state(state, store)                                \
  G_STMT_START {                                                              \
    g_autofree char *_why = NULL;                                             \
    if (!tandem_test_state_matches ((state), (store), &_why))                 \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, _why); \
  } G_STMT_END

/* Opens a second, read-only store on the same file and checks that what
 * is on disk is what @store shows. */
#define tandem_test_assert_disk_matches(store)                                \
  G_STMT_START {                                                              \
    g_autofree char *_why = NULL;                                             \
    if (!tandem_test_disk_matches ((store), &_why))                           \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, _why); \
  } G_STMT_END
gboolean     tandem_test_disk_matches           (TandemStore       *store,
                                                 char             **why);

/* Records every GListModel::items-changed emission. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} TandemTestItemsChanged;

typedef struct _TandemTestItemsLog TandemTestItemsLog;

TandemTestItemsLog *tandem_test_items_log_new   (GListModel        *model);
void         tandem_test_items_log_free         (TandemTestItemsLog *log);
guint        tandem_test_items_log_get_n        (TandemTestItemsLog *log);
const TandemTestItemsChanged *
             tandem_test_items_log_get          (TandemTestItemsLog *log,
                                                 guint              i);
void         tandem_test_items_log_clear        (TandemTestItemsLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemTestItemsLog, tandem_test_items_log_free)

#define tandem_test_assert_items_changed(log, i, pos, rem, add)               \
  G_STMT_START {                                                              \
    const TandemTestItemsChanged *_ev = tandem_test_items_log_get ((log), (i)); \
    g_assert_nonnull (_ev);                                                   \
    g_assert_cmpuint (_ev->position, ==, (pos));                              \
    g_assert_cmpuint (_ev->removed, ==, (rem));                               \
    g_assert_cmpuint (_ev->added, ==, (add));                                 \
  } G_STMT_END

/* Counts GObject::notify for one property into @counter. */
gulong       tandem_test_count_notify           (gpointer           object,
                                                 const char        *property,
                                                 guint             *counter);

/* A one-line account of everything @assessment says, for failure messages. */
char        *tandem_test_describe_assessment    (TandemAssessment  *assessment);

/* A one-line account of everything @case_study says, for failure messages. */
char        *tandem_test_describe_case          (TandemCaseStudy   *case_study);

/* Finds an initiative of the store's model by title, or NULL. */
TandemInitiative *tandem_test_find_by_title     (TandemStore       *store,
                                                 const char        *title);
/* Finds a case study of the store's model by title, or NULL. */
TandemCaseStudy *tandem_test_find_case_by_title (TandemStore      *store,
                                                 const char        *title);

/* JSON written in C strings with ' for ": returns @text with every '
 * turned into ", as bytes for tandem_library_parse() and friends. */
GBytes      *tandem_test_json                   (const char        *text);

/* The position of @uuid in the store's model, or G_MAXUINT. */
guint        tandem_test_find_position          (TandemStore       *store,
                                                 const char        *uuid);

G_END_DECLS

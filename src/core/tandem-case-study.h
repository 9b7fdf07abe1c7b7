/* tandem-case-study.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A case study: who co-produced what, where, and what happened.  Bundled
 * case studies come from Tandem's library and are read-only (duplicate one
 * to edit it); the user's own are editable.
 *
 * Like TandemInitiative, a case study is a value object: change a copy and
 * save it through TandemStore or TandemHistory.
 *
 * Each case study is linked to one or more cells of the matrix.  Links from
 * the library say whether the source places the case there or it is
 * Tandem's reading; the user may add links (with a note saying why) and hide
 * library links, for bundled and own case studies alike.
 */

/**
 * TandemCos:
 *
 * The Four Co's a case study shows (Governance International).
 */
typedef enum
{
  TANDEM_CO_NONE          = 0,
  TANDEM_CO_COMMISSIONING = 1 << 0,
  TANDEM_CO_DESIGN        = 1 << 1,
  TANDEM_CO_DELIVERY      = 1 << 2,
  TANDEM_CO_ASSESSMENT    = 1 << 3,
} TandemCos;

#define TANDEM_N_COS 4

/**
 * TandemLinkBasis:
 * @TANDEM_LINK_SOURCE: the source itself places the case in this cell
 * @TANDEM_LINK_TANDEM: Tandem's library reads the case this way
 * @TANDEM_LINK_USER: the user linked it, with their own note
 */
typedef enum
{
  TANDEM_LINK_SOURCE,
  TANDEM_LINK_TANDEM,
  TANDEM_LINK_USER,
} TandemLinkBasis;

typedef struct
{
  guint            row;
  guint            col;
  TandemLinkBasis  basis;
  char            *note;
  gboolean         hidden;     /* a library link the user unlinked */
  gboolean         user_note;  /* @note is the user's, not the library's */
} TandemCaseLink;

typedef struct
{
  char *figure;
  char *period;
} TandemOutcome;

typedef struct
{
  char *document;
  char *author;
  char *year;
  char *url;
} TandemSource;

#define TANDEM_TYPE_CASE_STUDY (tandem_case_study_get_type ())

G_DECLARE_FINAL_TYPE (TandemCaseStudy, tandem_case_study, TANDEM, CASE_STUDY, GObject)

TandemCaseStudy    *tandem_case_study_new               (const char      *title);
TandemCaseStudy    *tandem_case_study_copy              (TandemCaseStudy *self);
TandemCaseStudy    *tandem_case_study_duplicate         (TandemCaseStudy *self);
void                tandem_case_study_assign            (TandemCaseStudy *self,
                                                         TandemCaseStudy *other);
void                tandem_case_study_assign_content    (TandemCaseStudy *self,
                                                         TandemCaseStudy *other);
gboolean            tandem_case_study_equal             (TandemCaseStudy *a,
                                                         TandemCaseStudy *b);
gboolean            tandem_case_study_content_equal     (TandemCaseStudy *a,
                                                         TandemCaseStudy *b);

const char         *tandem_case_study_get_id            (TandemCaseStudy *self);
void                tandem_case_study_set_id            (TandemCaseStudy *self,
                                                         const char      *id);
gboolean            tandem_case_study_get_bundled       (TandemCaseStudy *self);
void                tandem_case_study_set_bundled       (TandemCaseStudy *self,
                                                         gboolean         bundled);
gboolean            tandem_case_study_get_generic       (TandemCaseStudy *self);
void                tandem_case_study_set_generic       (TandemCaseStudy *self,
                                                         gboolean         generic);

const char         *tandem_case_study_get_title         (TandemCaseStudy *self);
void                tandem_case_study_set_title         (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_place         (TandemCaseStudy *self);
void                tandem_case_study_set_place         (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_country       (TandemCaseStudy *self);
void                tandem_case_study_set_country       (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_service_area  (TandemCaseStudy *self);
void                tandem_case_study_set_service_area  (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_period        (TandemCaseStudy *self);
void                tandem_case_study_set_period        (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_summary       (TandemCaseStudy *self);
void                tandem_case_study_set_summary       (TandemCaseStudy *self,
                                                         const char      *value);
const char         *tandem_case_study_get_change_notes  (TandemCaseStudy *self);
void                tandem_case_study_set_change_notes  (TandemCaseStudy *self,
                                                         const char      *value);
TandemCos           tandem_case_study_get_cos           (TandemCaseStudy *self);
void                tandem_case_study_set_cos           (TandemCaseStudy *self,
                                                         TandemCos        cos);
const char * const *tandem_case_study_get_learning      (TandemCaseStudy *self);
void                tandem_case_study_set_learning      (TandemCaseStudy *self,
                                                         const char * const *learning);
const char * const *tandem_case_study_get_tags          (TandemCaseStudy *self);
void                tandem_case_study_set_tags          (TandemCaseStudy *self,
                                                         const char * const *tags);

guint               tandem_case_study_get_n_outcomes    (TandemCaseStudy *self);
const TandemOutcome *tandem_case_study_get_outcome      (TandemCaseStudy *self,
                                                         guint            i);
void                tandem_case_study_add_outcome       (TandemCaseStudy *self,
                                                         const char      *figure,
                                                         const char      *period);
void                tandem_case_study_clear_outcomes    (TandemCaseStudy *self);

guint               tandem_case_study_get_n_sources     (TandemCaseStudy *self);
const TandemSource *tandem_case_study_get_source        (TandemCaseStudy *self,
                                                         guint            i);
void                tandem_case_study_add_source        (TandemCaseStudy *self,
                                                         const char      *document,
                                                         const char      *author,
                                                         const char      *year,
                                                         const char      *url);
void                tandem_case_study_clear_sources     (TandemCaseStudy *self);

guint               tandem_case_study_get_n_links       (TandemCaseStudy *self);
const TandemCaseLink *tandem_case_study_get_link        (TandemCaseStudy *self,
                                                         guint            i);
gboolean            tandem_case_study_has_user_links    (TandemCaseStudy *self);
void                tandem_case_study_add_library_link  (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col,
                                                         TandemLinkBasis  basis,
                                                         const char      *note);
gboolean            tandem_case_study_is_linked         (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col);
const TandemCaseLink *tandem_case_study_find_link       (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col);
void                tandem_case_study_link              (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col,
                                                         const char      *note);
void                tandem_case_study_unlink            (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col);
void                tandem_case_study_take_library_links (TandemCaseStudy *self,
                                                          TandemCaseStudy *library);

gboolean            tandem_case_study_matches           (TandemCaseStudy *self,
                                                         const char      *casefolded_text);
int                 tandem_case_study_compare           (TandemCaseStudy *a,
                                                         TandemCaseStudy *b);

/**
 * TandemCaseFilter:
 * @row: with @col, only case studies linked to this cell; 0 for any
 * @col: see @row
 * @cos: only case studies showing all of these Co's; 0 for any
 * @service_area: (nullable): only this service area, ignoring case
 * @country: (nullable): only this country, ignoring case
 * @ids: (nullable): only these IDs, e.g. from tandem_store_search_case_studies()
 *
 * What the case-study list shows.  A zeroed filter matches everything.
 */
typedef struct
{
  guint       row;
  guint       col;
  TandemCos   cos;
  const char *service_area;
  const char *country;
  GHashTable *ids;
} TandemCaseFilter;

gboolean            tandem_case_filter_matches          (const TandemCaseFilter *filter,
                                                         TandemCaseStudy        *case_study);

const char         *tandem_cos_to_string                (TandemCos        co);
gboolean            tandem_cos_from_string              (const char      *text,
                                                         TandemCos       *co);
const char         *tandem_cos_get_label                (TandemCos        co);
const char         *tandem_link_basis_to_string         (TandemLinkBasis  basis);
gboolean            tandem_link_basis_from_string       (const char      *text,
                                                         TandemLinkBasis *basis);

/* For TandemStore. */
void                _tandem_case_study_add_stored_link  (TandemCaseStudy *self,
                                                         guint            row,
                                                         guint            col,
                                                         TandemLinkBasis  basis,
                                                         const char      *note,
                                                         gboolean         hidden,
                                                         gboolean         user_note);

G_END_DECLS

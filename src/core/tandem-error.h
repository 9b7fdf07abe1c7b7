/* tandem-error.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_STORE_ERROR (tandem_store_error_quark ())

/**
 * TandemStoreError:
 * @TANDEM_STORE_ERROR_FAILED: an unexpected SQLite or I/O failure; the
 *   message carries SQLite's own explanation.
 * @TANDEM_STORE_ERROR_NOT_FOUND: the file, or the item asked for, does not exist.
 * @TANDEM_STORE_ERROR_NOT_A_PORTFOLIO: the file exists but is not a Tandem
 *   portfolio (another kind of file, or another application's database).
 * @TANDEM_STORE_ERROR_TOO_NEW: the portfolio was written by a newer Tandem
 *   whose schema this version does not understand.
 * @TANDEM_STORE_ERROR_CORRUPT: the file claims to be a portfolio but its
 *   contents are damaged.
 * @TANDEM_STORE_ERROR_READ_ONLY: a change was asked of a portfolio that was
 *   opened read-only.
 * @TANDEM_STORE_ERROR_INVALID: a value is impossible (a cell outside the
 *   3×3 matrix, an empty title, an unknown matrix key…).
 * @TANDEM_STORE_ERROR_EXISTS: the file to be created already exists.
 *
 * Errors of the core store. Every message names the file it concerns.
 */
typedef enum
{
  TANDEM_STORE_ERROR_FAILED,
  TANDEM_STORE_ERROR_NOT_FOUND,
  TANDEM_STORE_ERROR_NOT_A_PORTFOLIO,
  TANDEM_STORE_ERROR_TOO_NEW,
  TANDEM_STORE_ERROR_CORRUPT,
  TANDEM_STORE_ERROR_READ_ONLY,
  TANDEM_STORE_ERROR_INVALID,
  TANDEM_STORE_ERROR_EXISTS,
} TandemStoreError;

GQuark tandem_store_error_quark (void);

G_END_DECLS

/* tandem-error.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-error.h"

G_DEFINE_QUARK (tandem-store-error-quark, tandem_store_error)

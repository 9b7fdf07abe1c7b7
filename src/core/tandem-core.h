/* tandem-core.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-history.h"
#include "tandem-initiative.h"
#include "tandem-matrix.h"
#include "tandem-store.h"

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_SCENE_MAX_DEPTH:
 *
 * The most levels a tree may have; a lone node is one level deep.
 *
 * Building, decoding and applying patches refuse deeper trees with
 * %ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, so every tree can be encoded and decoded.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_MAX_DEPTH 128

/**
 * ATOMR_VIEW_SCENE_MAX_NODES:
 *
 * The most nodes a tree may have, counting a shared subtree once for each
 * place it appears.
 *
 * Building, decoding and applying patches refuse larger trees with
 * %ATOMR_VIEW_SCENE_ERROR_TOO_LARGE.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_MAX_NODES 200000

/**
 * ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH:
 *
 * The most levels a prop value may nest: a basic value is one level, and each
 * container or variant around it adds one.
 *
 * Deeper values are refused with %ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, which keeps
 * every value within what `GVariant` itself decodes from untrusted data.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH 32

/**
 * ATOMR_VIEW_SCENE_MAX_NAME_LENGTH:
 *
 * The longest kind or prop name, in bytes.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_MAX_NAME_LENGTH 255

G_END_DECLS

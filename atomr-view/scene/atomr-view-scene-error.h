/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_SCENE_ERROR:
 *
 * The error domain of scene trees, their codecs, the diff and apply.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_ERROR (atomr_view_scene_error_quark ())

/**
 * AtomrViewSceneError:
 * @ATOMR_VIEW_SCENE_ERROR_PARSE: the input is not well-formed JSON, or not UTF-8
 * @ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE: a value has the wrong type, for example
 *   a number where a string belongs, or a `GVariant` of another type
 * @ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE: a value has the right type but breaks
 *   a rule: an unknown or missing member, a bad kind or prop name, an empty key,
 *   a number out of range, a count that does not add up, an unknown format version
 * @ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM: a prop value is written in a form that
 *   the JSON codec does not know (see the scene JSON page)
 * @ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY: two children of one node have the same key
 * @ATOMR_VIEW_SCENE_ERROR_TOO_DEEP: a tree is deeper than
 *   [const@SCENE_MAX_DEPTH] levels, or a prop value nests deeper than
 *   [const@SCENE_MAX_VALUE_DEPTH] levels
 * @ATOMR_VIEW_SCENE_ERROR_TOO_LARGE: a tree has more than
 *   [const@SCENE_MAX_NODES] nodes
 * @ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH: a patch does not fit the tree it is
 *   applied to: a path leads nowhere, an index is out of range, a prop to unset
 *   is not set
 *
 * The ways a scene, a patch list or an application of patches can be refused.
 *
 * Every message names the place, for example
 * `children[3].props.label: expected a string` or
 * `patches[2]: path [0, 7]: index 7 is out of range (the node has 3 children)`.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_SCENE_ERROR_PARSE,
  ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
  ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
  ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
  ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
  ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
  ATOMR_VIEW_SCENE_ERROR_TOO_LARGE,
  ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
} AtomrViewSceneError;

ATOMR_VIEW_AVAILABLE_IN_ALL
GQuark atomr_view_scene_error_quark (void);

G_END_DECLS

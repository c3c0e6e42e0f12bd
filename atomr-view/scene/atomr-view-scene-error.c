/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-scene-error.h"

/**
 * atomr_view_scene_error_quark:
 *
 * The quark of [error@SceneError].
 *
 * Returns: the error domain of scenes
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (atomr-view-scene-error-quark, atomr_view_scene_error)

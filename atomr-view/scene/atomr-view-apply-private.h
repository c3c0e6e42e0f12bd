/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-node.h"

G_BEGIN_DECLS

/* The tree that @patches make of @root, sharing what they leave alone; NULL
 * with @error set, and nothing changed, if a patch does not fit. */
AtomrViewNode *atomr_view_apply_patches (AtomrViewNode *root,
                                         GPtrArray     *patches,
                                         GError       **error);

G_END_DECLS

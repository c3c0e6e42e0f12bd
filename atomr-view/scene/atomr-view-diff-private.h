/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-node.h"

G_BEGIN_DECLS

/* The patches that turn @old_root into @new_root; docs/scenes.md has the
 * algorithm and the order. */
GPtrArray *atomr_view_diff_nodes (AtomrViewNode *old_root,
                                  AtomrViewNode *new_root);

G_END_DECLS

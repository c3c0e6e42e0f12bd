/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-node.h"

G_BEGIN_DECLS

/* A tree is its nodes in pre-order, each with its number of children, so the
 * type is flat and no depth of tree meets GVariant's nesting limit. */
#define ATOMR_VIEW_NODE_ENTRIES_TYPE_STRING "a(smsa{sv}u)"
#define ATOMR_VIEW_SCENE_FORMAT_VERSION 1

GVariant      *atomr_view_variant_encode_node    (AtomrViewNode *node);
AtomrViewNode *atomr_view_variant_decode_node    (GVariant      *variant,
                                                  GError       **error);
GVariant      *atomr_view_variant_encode_patches (GPtrArray     *patches);
GPtrArray     *atomr_view_variant_decode_patches (GVariant      *variant,
                                                  GError       **error);

G_END_DECLS

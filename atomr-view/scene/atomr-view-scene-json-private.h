/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-node.h"

G_BEGIN_DECLS

/* A scene document is the root node's object; see docs/scene-json.md. */
AtomrViewNode *atomr_view_json_decode_node    (const char    *data,
                                               gssize         length,
                                               GError       **error);
GPtrArray     *atomr_view_json_decode_patches (const char    *data,
                                               gssize         length,
                                               GError       **error);
void           atomr_view_json_write_node     (GString       *out,
                                               AtomrViewNode *node,
                                               gboolean       pretty);
void           atomr_view_json_write_patches  (GString       *out,
                                               GPtrArray     *patches,
                                               gboolean       pretty);

G_END_DECLS

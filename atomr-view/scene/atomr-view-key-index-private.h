/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-node-private.h"

G_BEGIN_DECLS

/* An open-addressing map from key to index into an array of nodes, using the
 * hash each node keeps; for sibling lists in the diff and the checks. */
typedef struct
{
  AtomrViewNode **nodes;
  gint32         *slots;   /* -1 when empty */
  guint           mask;
} AtomrViewKeyIndex;

void atomr_view_key_index_init   (AtomrViewKeyIndex *index,
                                  AtomrViewNode    **nodes,
                                  guint              n_nodes);
/* Adds @i, whose node has a key; returns the index already there under the
 * same key (and adds nothing), or -1. */
gint atomr_view_key_index_add    (AtomrViewKeyIndex *index,
                                  guint              i);
/* The index under @node's key, or -1. */
gint atomr_view_key_index_lookup (AtomrViewKeyIndex *index,
                                  AtomrViewNode     *node);
void atomr_view_key_index_clear  (AtomrViewKeyIndex *index);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-key-index-private.h"

void
atomr_view_key_index_init (AtomrViewKeyIndex *index,
                           AtomrViewNode    **nodes,
                           guint              n_nodes)
{
  guint capacity = 16;

  while (capacity < 2 * (gsize) n_nodes)
    capacity *= 2;
  index->nodes = nodes;
  index->mask = capacity - 1;
  index->slots = g_new (gint32, capacity);
  memset (index->slots, 0xff, capacity * sizeof (gint32));
}

static gint
probe (AtomrViewKeyIndex *index,
       AtomrViewNode     *node,
       guint             *slot)
{
  guint position = node->key_hash & index->mask;

  for (;;)
    {
      gint32 found = index->slots[position];

      if (found < 0 || atomr_view_node_same_key (index->nodes[found], node))
        {
          *slot = position;
          return found;
        }
      position = (position + 1) & index->mask;
    }
}

gint
atomr_view_key_index_add (AtomrViewKeyIndex *index,
                          guint              i)
{
  guint slot;
  gint found = probe (index, index->nodes[i], &slot);

  if (found < 0)
    index->slots[slot] = (gint32) i;
  return found;
}

gint
atomr_view_key_index_lookup (AtomrViewKeyIndex *index,
                             AtomrViewNode     *node)
{
  guint slot;

  return probe (index, node, &slot);
}

void
atomr_view_key_index_clear (AtomrViewKeyIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
}

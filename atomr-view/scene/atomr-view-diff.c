/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-diff-private.h"
#include "atomr-view-key-index-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-patch-private.h"

/* A keyed diff in the manner of Inferno, ivi and Vue 3: children that keep
 * their place at either end are matched first; the rest are matched by key
 * (unkeyed ones in order), and the longest increasing subsequence of the
 * matched ones stays put while the others move. Each child list is edited
 * left to right in its final order, and a Fenwick tree over the current
 * sequence turns each edit into the index it has at that moment. */

typedef struct
{
  GPtrArray *patches;
  GArray    *path;     /* guint: the node being diffed */
} Differ;

static void
emit (Differ          *differ,
      AtomrViewPatchOp op,
      gboolean         child,
      guint            index,
      guint            to_index,
      const char      *name,
      GVariant        *value,
      AtomrViewNode   *node)
{
  if (child)
    g_array_append_val (differ->path, index);
  g_ptr_array_add (differ->patches,
                   atomr_view_patch_new_internal (op, (const guint *) differ->path->data,
                                                  differ->path->len, to_index, name, value, node));
  if (child)
    g_array_set_size (differ->path, differ->path->len - 1);
}

static void
diff_props (Differ        *differ,
            AtomrViewNode *old_node,
            AtomrViewNode *new_node)
{
  guint i = 0;
  guint j = 0;

  while (i < old_node->n_props || j < new_node->n_props)
    {
      int order;

      if (i == old_node->n_props)
        order = 1;
      else if (j == new_node->n_props)
        order = -1;
      else if (old_node->props[i].name == new_node->props[j].name)
        order = 0;
      else
        order = strcmp (old_node->props[i].name, new_node->props[j].name);

      if (order < 0)
        {
          emit (differ, ATOMR_VIEW_PATCH_OP_UNSET_PROP, FALSE, 0, 0, old_node->props[i].name,
                NULL, NULL);
          i++;
          continue;
        }
      if (order > 0 || !atomr_view_prop_equal_values (&old_node->props[i], &new_node->props[j]))
        emit (differ, ATOMR_VIEW_PATCH_OP_SET_PROP, FALSE, 0, 0, new_node->props[j].name,
              atomr_view_prop_get_value (&new_node->props[j]), NULL);
      if (order == 0)
        i++;
      j++;
    }
}

/* -- a Fenwick tree of which positions of the current sequence are filled -- */

typedef struct
{
  guint  size;
  guint  top_bit;
  guint *tree;    /* 1-based */
} Fenwick;

static void
fenwick_init (Fenwick       *fenwick,
              guint          size,
              const guint8  *present)
{
  fenwick->size = size;
  fenwick->tree = g_new0 (guint, size + 1);
  fenwick->top_bit = 1;
  while (fenwick->top_bit * 2 <= size)
    fenwick->top_bit *= 2;
  for (guint i = 1; i <= size; i++)
    {
      guint parent = i + (i & -i);

      fenwick->tree[i] += present[i - 1];
      if (parent <= size)
        fenwick->tree[parent] += fenwick->tree[i];
    }
}

static void
fenwick_add (Fenwick *fenwick,
             guint    position,
             gint     delta)
{
  for (guint i = position + 1; i <= fenwick->size; i += i & -i)
    fenwick->tree[i] += delta;
}

/* How many filled positions come before @position. */
static guint
fenwick_before (Fenwick *fenwick,
                guint    position)
{
  guint sum = 0;

  for (guint i = position; i > 0; i -= i & -i)
    sum += fenwick->tree[i];
  return sum;
}

/* The position of the @rank-th filled position (from 1), or size if none. */
static guint
fenwick_find (Fenwick *fenwick,
              guint    rank)
{
  guint position = 0;

  for (guint step = fenwick->top_bit; step > 0; step /= 2)
    if (position + step <= fenwick->size && fenwick->tree[position + step] < rank)
      {
        position += step;
        rank -= fenwick->tree[position];
      }
  return position;
}

/* Marks in @stays the positions of a longest increasing subsequence of the
 * matched entries of @source (-1 is unmatched). */
static void
mark_longest_increasing (const gint *source,
                         guint       length,
                         guint8     *stays)
{
  g_autofree gint *tails = g_new (gint, length);
  g_autofree gint *previous = g_new (gint, length);
  guint n_tails = 0;

  for (guint j = 0; j < length; j++)
    {
      guint low = 0;
      guint high = n_tails;

      if (source[j] < 0)
        continue;
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (source[tails[middle]] < source[j])
            low = middle + 1;
          else
            high = middle;
        }
      previous[j] = low > 0 ? tails[low - 1] : -1;
      tails[low] = (gint) j;
      if (low == n_tails)
        n_tails++;
    }
  for (gint j = n_tails > 0 ? tails[n_tails - 1] : -1; j >= 0; j = previous[j])
    stays[j] = TRUE;
}

/* Edits the unmatched middle old[start..old_end) into new[start..new_end);
 * fills @source (new to old, -1 for new nodes) for the recursion. */
static void
diff_middle (Differ         *differ,
             AtomrViewNode **old_children,
             AtomrViewNode **new_children,
             guint           start,
             guint           n_old,
             guint           n_new,
             gint           *source)
{
  AtomrViewNode **old_mid = old_children + start;
  AtomrViewNode **new_mid = new_children + start;
  g_autofree gint *target = g_new (gint, n_old);
  g_autofree guint *unkeyed_new = g_new (guint, n_new);
  g_autofree guint8 *stays = g_new0 (guint8, n_new);
  g_autofree guint *old_position = g_new (guint, n_old);
  g_autofree guint *new_position = g_new (guint, n_new);
  g_autofree guint8 *position_is_old = NULL;
  g_autofree guint *position_item = NULL;
  g_autofree guint8 *present = NULL;
  AtomrViewKeyIndex keys;
  Fenwick fenwick;
  guint n_unkeyed_new = 0;
  guint next_unkeyed = 0;
  guint n_positions;
  guint n_stay = 0;
  gboolean in_order = TRUE;
  gint last_matched = -1;
  guint position = 0;
  guint j = 0;
  guint i = 0;

  /* Match by key; unkeyed children in the order they come. */
  atomr_view_key_index_init (&keys, new_mid, n_new);
  for (guint k = 0; k < n_new; k++)
    {
      source[k] = -1;
      if (new_mid[k]->key != NULL)
        atomr_view_key_index_add (&keys, k);
      else
        unkeyed_new[n_unkeyed_new++] = k;
    }
  for (guint k = 0; k < n_old; k++)
    {
      gint match;

      if (old_mid[k]->key != NULL)
        match = atomr_view_key_index_lookup (&keys, old_mid[k]);
      else
        match = next_unkeyed < n_unkeyed_new ? (gint) unkeyed_new[next_unkeyed++] : -1;
      target[k] = match;
      if (match >= 0)
        source[match] = (gint) k;
    }
  atomr_view_key_index_clear (&keys);

  /* The matched nodes that stay put; the others move. */
  for (guint k = 0; k < n_new; k++)
    if (source[k] >= 0)
      {
        if (source[k] < last_matched)
          in_order = FALSE;
        last_matched = source[k];
      }
  if (in_order)
    {
      for (guint k = 0; k < n_new; k++)
        stays[k] = source[k] >= 0;
    }
  else
    mark_longest_increasing (source, n_new, stays);
  for (guint k = 0; k < n_new; k++)
    n_stay += stays[k];

  /* Lay out every node that is or will be in the sequence in its order at
   * any moment: between two nodes that stay, first the slots of the new
   * nodes and moved nodes that go there (in final order), then the old
   * nodes still waiting there (in old order), then the next node that stays. */
  n_positions = (n_new - n_stay) + n_old;
  position_is_old = g_new (guint8, n_positions);
  position_item = g_new (guint, n_positions);
  present = g_new0 (guint8, n_positions);
  for (guint k = 0; k <= n_new; k++)
    {
      guint stay_new = n_new;
      guint stay_old = n_old;

      if (k < n_new && !stays[k])
        continue;
      if (k < n_new)
        {
          stay_new = k;
          stay_old = (guint) source[k];
        }
      for (; j < stay_new; j++)
        {
          new_position[j] = position;
          position_is_old[position] = FALSE;
          position_item[position++] = j;
        }
      for (; i <= stay_old && i < n_old; i++)
        {
          old_position[i] = position;
          position_is_old[position] = TRUE;
          position_item[position] = i;
          present[position++] = TRUE;
        }
      j = stay_new + 1;
    }
  g_assert (position == n_positions);
  fenwick_init (&fenwick, n_positions, present);

  /* Build the final order left to right. */
  for (guint k = 0; k < n_new; k++)
    {
      guint slot = new_position[k];
      guint before;

      if (stays[k])
        continue;
      if (source[k] >= 0)
        {
          guint from_position = old_position[source[k]];
          guint from = start + fenwick_before (&fenwick, from_position);

          fenwick_add (&fenwick, from_position, -1);
          present[from_position] = FALSE;
          before = fenwick_before (&fenwick, slot);
          fenwick_add (&fenwick, slot, 1);
          present[slot] = TRUE;
          if (from != start + before)
            emit (differ, ATOMR_VIEW_PATCH_OP_MOVE, TRUE, from, start + before, NULL, NULL, NULL);
        }
      else
        {
          guint next;

          before = fenwick_before (&fenwick, slot);
          next = fenwick_find (&fenwick, before + 1);
          /* An old node that goes anyway, right where the new one belongs:
           * one replace instead of a remove and an insert. */
          if (next < n_positions && position_is_old[next] && target[position_item[next]] < 0)
            {
              fenwick_add (&fenwick, next, -1);
              present[next] = FALSE;
              emit (differ, ATOMR_VIEW_PATCH_OP_REPLACE, TRUE, start + before, 0, NULL, NULL,
                    new_mid[k]);
            }
          else
            emit (differ, ATOMR_VIEW_PATCH_OP_INSERT, TRUE, start + before, 0, NULL, NULL,
                  new_mid[k]);
          fenwick_add (&fenwick, slot, 1);
          present[slot] = TRUE;
        }
    }

  /* Whatever old nodes are left go, last first so each index still holds. */
  for (guint p = n_positions; p-- > 0;)
    if (present[p] && position_is_old[p] && target[position_item[p]] < 0)
      emit (differ, ATOMR_VIEW_PATCH_OP_REMOVE, TRUE, start + fenwick_before (&fenwick, p), 0,
            NULL, NULL, NULL);

  g_free (fenwick.tree);
}

static void diff_node (Differ        *differ,
                       AtomrViewNode *old_node,
                       AtomrViewNode *new_node);

static void
diff_pair (Differ        *differ,
           guint          index,
           AtomrViewNode *old_child,
           AtomrViewNode *new_child)
{
  if (old_child == new_child)
    return;
  if (old_child->kind != new_child->kind)
    {
      emit (differ, ATOMR_VIEW_PATCH_OP_REPLACE, TRUE, index, 0, NULL, NULL, new_child);
      return;
    }
  g_array_append_val (differ->path, index);
  diff_node (differ, old_child, new_child);
  g_array_set_size (differ->path, differ->path->len - 1);
}

static void
diff_children (Differ        *differ,
               AtomrViewNode *old_node,
               AtomrViewNode *new_node)
{
  AtomrViewNode **old_children = old_node->children;
  AtomrViewNode **new_children = new_node->children;
  guint n_old = old_node->n_children;
  guint n_new = new_node->n_children;
  g_autofree gint *source = NULL;
  guint start = 0;
  guint old_end = n_old;
  guint new_end = n_new;

  /* Same identity at the start and at the end: no list edit there. A run
   * of a long list that both share is passed over in one step. */
  while (start < n_old && start < n_new)
    {
      guint shared = atomr_view_node_shared_run (old_node, new_node, start);

      if (shared > 0)
        start += shared;
      else if (old_children[start] == new_children[start] ||
               atomr_view_node_same_key (old_children[start], new_children[start]))
        start++;
      else
        break;
    }
  while (old_end > start && new_end > start &&
         (old_children[old_end - 1] == new_children[new_end - 1] ||
          atomr_view_node_same_key (old_children[old_end - 1], new_children[new_end - 1])))
    {
      old_end--;
      new_end--;
    }

  if (old_end == start)
    {
      for (guint j = start; j < new_end; j++)
        emit (differ, ATOMR_VIEW_PATCH_OP_INSERT, TRUE, j, 0, NULL, NULL, new_children[j]);
    }
  else if (new_end == start)
    {
      for (guint i = old_end; i-- > start;)
        emit (differ, ATOMR_VIEW_PATCH_OP_REMOVE, TRUE, i, 0, NULL, NULL, NULL);
    }
  else
    {
      source = g_new (gint, new_end - start);
      diff_middle (differ, old_children, new_children, start,
                   old_end - start, new_end - start, source);
    }

  /* Then inside each kept child, in final order; a long list is mostly the
   * same nodes, skipped here without a call each. */
  for (guint j = 0; j < start;)
    {
      guint shared = atomr_view_node_shared_run (old_node, new_node, j);

      if (shared > 0)
        {
          j += shared;
          continue;
        }
      if (old_children[j] != new_children[j])
        diff_pair (differ, j, old_children[j], new_children[j]);
      j++;
    }
  if (source != NULL)
    for (guint j = start; j < new_end; j++)
      if (source[j - start] >= 0)
        diff_pair (differ, j, old_children[start + source[j - start]], new_children[j]);
  for (guint j = new_end; j < n_new; j++)
    if (old_children[j - n_new + n_old] != new_children[j])
      diff_pair (differ, j, old_children[j - n_new + n_old], new_children[j]);
}

static void
diff_node (Differ        *differ,
           AtomrViewNode *old_node,
           AtomrViewNode *new_node)
{
  diff_props (differ, old_node, new_node);
  diff_children (differ, old_node, new_node);
}

GPtrArray *
atomr_view_diff_nodes (AtomrViewNode *old_root,
                       AtomrViewNode *new_root)
{
  Differ differ;

  differ.patches = atomr_view_patch_list_new ();
  if (old_root == new_root)
    return differ.patches;
  differ.path = g_array_new (FALSE, FALSE, sizeof (guint));
  if (old_root->kind != new_root->kind || !atomr_view_node_same_key (old_root, new_root))
    emit (&differ, ATOMR_VIEW_PATCH_OP_REPLACE, FALSE, 0, 0, NULL, NULL, new_root);
  else
    diff_node (&differ, old_root, new_root);
  g_array_unref (differ.path);
  return differ.patches;
}

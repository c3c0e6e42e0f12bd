/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-child-run-private.h"
#include "atomr-view-node-private.h"

static AtomrViewChildRun *
run_alloc (guint n)
{
  AtomrViewChildRun *self;

  g_assert (n > 0 && n <= ATOMR_VIEW_CHILD_RUN);
  self = g_malloc (sizeof (AtomrViewChildRun) + n * sizeof (AtomrViewNode *));
  atomr_view_ref_count_init (&self->ref_count);
  self->n = n;
  return self;
}

AtomrViewChildRun *
atomr_view_child_run_new_take (AtomrViewNode **nodes,
                               guint           n)
{
  AtomrViewChildRun *self = run_alloc (n);

  memcpy (self->nodes, nodes, n * sizeof (AtomrViewNode *));
  self->n_nodes = 0;
  self->height = 0;
  for (guint i = 0; i < n; i++)
    {
      self->n_nodes += nodes[i]->n_nodes;
      self->height = MAX (self->height, nodes[i]->height);
    }
  return self;
}

AtomrViewChildRun *
atomr_view_child_run_ref (AtomrViewChildRun *self)
{
  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

void
atomr_view_child_run_unref (AtomrViewChildRun *self)
{
  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n; i++)
    atomr_view_node_unref (self->nodes[i]);
  g_free (self);
}

AtomrViewChildRun *
atomr_view_child_run_make_own (AtomrViewChildRun *self)
{
  AtomrViewChildRun *copy;

  /* Acquire: what another holder did with the run before letting it go
   * comes before the changes the caller is about to make. */
  if (atomic_load_explicit (&self->ref_count, memory_order_acquire) == 1)
    return self;

  copy = run_alloc (self->n);
  for (guint i = 0; i < self->n; i++)
    copy->nodes[i] = atomr_view_node_ref (self->nodes[i]);
  copy->n_nodes = self->n_nodes;
  copy->height = self->height;
  atomr_view_child_run_unref (self);
  return copy;
}

void
atomr_view_child_run_replace (AtomrViewChildRun *self,
                              guint              index,
                              AtomrViewNode     *child)
{
  AtomrViewNode *old;

  g_assert (index < self->n);
  old = self->nodes[index];
  self->nodes[index] = child;
  self->n_nodes = self->n_nodes - old->n_nodes + child->n_nodes;
  /* The tallest child may be the one that went; once unknown, the height
   * stays so until atomr_view_child_run_get_height() works it out. */
  if (self->height == 0)
    ;
  else if (child->height >= self->height)
    self->height = child->height;
  else if (old->height == self->height)
    self->height = 0;
  atomr_view_node_unref (old);
}

guint
atomr_view_child_run_get_height (AtomrViewChildRun *self)
{
  if (self->height == 0)
    for (guint i = 0; i < self->n; i++)
      self->height = MAX (self->height, self->nodes[i]->height);
  return self->height;
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdatomic.h>

#include "atomr-view-node.h"
#include "atomr-view-refcount-private.h"

G_BEGIN_DECLS

/* A long list holds its children in runs of ATOMR_VIEW_CHILD_RUN that nodes
 * share: a list changed in a few rows shares the runs it left alone with
 * the list it came from, so making it takes a reference per run, not one
 * per row, and a diff skips a shared run without looking at its rows. The
 * node's children array then holds pointers the runs own. Every run of a
 * node is full but the last. (A node copied from a template's image holds
 * its children one by one.) */
#define ATOMR_VIEW_CHILD_RUN      64
/* Fewer children than this are held one by one. */
#define ATOMR_VIEW_CHILD_RUNS_MIN 128

typedef struct
{
  AtomrViewRefCount ref_count;
  guint             n;        /* children in the run */
  guint             height;   /* the tallest child's; 0 until worked out again */
  guint64           n_nodes;  /* the nodes of the children's subtrees */
  AtomrViewNode    *nodes[];  /* references */
} AtomrViewChildRun;

/* The number of runs a node of @n_children holds them in: 0, one by one. */
static inline guint
atomr_view_child_runs_for (guint n_children)
{
  if (n_children < ATOMR_VIEW_CHILD_RUNS_MIN)
    return 0;
  return (n_children + ATOMR_VIEW_CHILD_RUN - 1) / ATOMR_VIEW_CHILD_RUN;
}

/* Takes the references of @nodes. */
AtomrViewChildRun *atomr_view_child_run_new_take (AtomrViewNode     **nodes,
                                                  guint               n);
AtomrViewChildRun *atomr_view_child_run_ref      (AtomrViewChildRun  *self);
void               atomr_view_child_run_unref    (AtomrViewChildRun  *self);
/* Takes the caller's reference to @self and gives back a run that only the
 * caller holds, with the same children: @self itself when no one else holds
 * it, a copy otherwise. */
AtomrViewChildRun *atomr_view_child_run_make_own (AtomrViewChildRun  *self);
/* Puts @child (its reference taken) in place of the child at @index of a
 * run only the caller holds. */
void               atomr_view_child_run_replace  (AtomrViewChildRun  *self,
                                                  guint               index,
                                                  AtomrViewNode      *child);
/* The tallest child's height, worked out again after a replace. */
guint              atomr_view_child_run_get_height (AtomrViewChildRun *self);

G_END_DECLS

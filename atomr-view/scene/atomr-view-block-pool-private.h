/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-lock-private.h"

G_BEGIN_DECLS

/* Memory for the blocks a template makes its trees in. Blocks are cut in
 * turn from extents the pool keeps, so the rows of a list made together
 * lie together; an extent is used again once every block cut from it has
 * died. Without the pool, a list of 10 000 rows cleared and made again goes
 * back to malloc, whose trim gives the pages to the system, and every page
 * faults in again. */

#define ATOMR_VIEW_BLOCK_POOL_EXTENT    (32 * 1024)          /* bytes, and their alignment */
#define ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK (4 * 1024)           /* the largest block cut */
#define ATOMR_VIEW_BLOCK_POOL_MAX_KEPT  (8 * 1024 * 1024)    /* bytes of empty extents kept at most */

typedef struct _AtomrViewBlockExtent AtomrViewBlockExtent;

typedef struct
{
  AtomrViewLock         lock;
  AtomrViewBlockExtent *current;   /* where blocks are cut, or NULL */
  AtomrViewBlockExtent *empty;     /* extents whose blocks all died, a list */
  gsize                 kept;      /* bytes in @empty */
} AtomrViewBlockPool;

void     atomr_view_block_pool_init  (AtomrViewBlockPool *self);
/* Frees the pool's extents; every block taken must have been given back. */
void     atomr_view_block_pool_clear (AtomrViewBlockPool *self);
/* @size bytes (at most ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK), pointer-aligned;
 * any thread. */
gpointer atomr_view_block_pool_take  (AtomrViewBlockPool *self,
                                      gsize               size);
/* Gives back @block of @size bytes, from take(); any thread. */
void     atomr_view_block_pool_give  (AtomrViewBlockPool *self,
                                      gpointer            block,
                                      gsize               size);

G_END_DECLS

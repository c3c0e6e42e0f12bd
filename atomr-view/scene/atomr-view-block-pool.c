/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-block-pool-private.h"

/* A dead block is poisoned until its extent is used again, so that
 * AddressSanitizer still reports a tree used after it died. */
#if defined(__SANITIZE_ADDRESS__)
# include <sanitizer/asan_interface.h>
# define POISON(memory, size)   ASAN_POISON_MEMORY_REGION ((memory), (size))
# define UNPOISON(memory, size) ASAN_UNPOISON_MEMORY_REGION ((memory), (size))
#else
# define POISON(memory, size)   ((void) 0)
# define UNPOISON(memory, size) ((void) 0)
#endif

struct _AtomrViewBlockExtent
{
  gsize                 used;   /* bytes cut, this header included */
  guint                 live;   /* blocks cut that have not died */
  AtomrViewBlockExtent *next;   /* in the pool's empty list */
};

#define HEADER_SIZE ((sizeof (AtomrViewBlockExtent) + 15) & ~(gsize) 15)

G_STATIC_ASSERT ((ATOMR_VIEW_BLOCK_POOL_EXTENT & (ATOMR_VIEW_BLOCK_POOL_EXTENT - 1)) == 0);
G_STATIC_ASSERT (ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK <= ATOMR_VIEW_BLOCK_POOL_EXTENT - 64);

static inline AtomrViewBlockExtent *
extent_of (gpointer block)
{
  return (AtomrViewBlockExtent *) ((guintptr) block & ~(guintptr) (ATOMR_VIEW_BLOCK_POOL_EXTENT - 1));
}

static inline gsize
rounded (gsize size)
{
  return (size + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
}

static void
extent_free (AtomrViewBlockExtent *extent)
{
  UNPOISON (extent, ATOMR_VIEW_BLOCK_POOL_EXTENT);
  g_aligned_free (extent);
}

/* An extent with nothing cut; under the lock. Its header is never poisoned. */
static AtomrViewBlockExtent *
extent_reset (AtomrViewBlockExtent *extent)
{
  extent->used = HEADER_SIZE;
  extent->live = 0;
  extent->next = NULL;
  return extent;
}

void
atomr_view_block_pool_init (AtomrViewBlockPool *self)
{
  atomr_view_lock_init (&self->lock);
  self->current = NULL;
  self->empty = NULL;
  self->kept = 0;
}

void
atomr_view_block_pool_clear (AtomrViewBlockPool *self)
{
  if (self->current != NULL)
    {
      g_assert (self->current->live == 0);
      extent_free (self->current);
    }
  while (self->empty != NULL)
    {
      AtomrViewBlockExtent *extent = self->empty;

      self->empty = extent->next;
      extent_free (extent);
    }
  self->current = NULL;
  self->kept = 0;
  atomr_view_lock_clear (&self->lock);
}

gpointer
atomr_view_block_pool_take (AtomrViewBlockPool *self,
                            gsize               size)
{
  AtomrViewBlockExtent *extent;
  gpointer block;

  g_assert (size > 0 && size <= ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK);
  size = rounded (size);

  atomr_view_lock (&self->lock);
  extent = self->current;
  if (extent == NULL || extent->used + size > ATOMR_VIEW_BLOCK_POOL_EXTENT)
    {
      /* The extent full, it goes on being freed block by block. */
      if (self->empty != NULL)
        {
          extent = self->empty;
          self->empty = extent->next;
          self->kept -= ATOMR_VIEW_BLOCK_POOL_EXTENT;
        }
      else
        {
          extent = g_aligned_alloc (1, ATOMR_VIEW_BLOCK_POOL_EXTENT, ATOMR_VIEW_BLOCK_POOL_EXTENT);
          POISON ((char *) extent + HEADER_SIZE, ATOMR_VIEW_BLOCK_POOL_EXTENT - HEADER_SIZE);
        }
      self->current = extent_reset (extent);
    }
  block = (char *) extent + extent->used;
  extent->used += size;
  extent->live++;
  atomr_view_unlock (&self->lock);

  UNPOISON (block, size);
  return block;
}

void
atomr_view_block_pool_give (AtomrViewBlockPool *self,
                            gpointer            block,
                            gsize               size)
{
  AtomrViewBlockExtent *extent;
  AtomrViewBlockExtent *dead = NULL;

  g_assert (size > 0 && size <= ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK);
  extent = extent_of (block);
  POISON (block, rounded (size));

  atomr_view_lock (&self->lock);
  g_assert (extent->live > 0);
  if (--extent->live == 0)
    {
      if (extent == self->current)
        extent_reset (extent);   /* cut again from its start */
      else if (self->kept + ATOMR_VIEW_BLOCK_POOL_EXTENT <= ATOMR_VIEW_BLOCK_POOL_MAX_KEPT)
        {
          extent->next = self->empty;
          self->empty = extent;
          self->kept += ATOMR_VIEW_BLOCK_POOL_EXTENT;
        }
      else
        dead = extent;
    }
  atomr_view_unlock (&self->lock);

  if (dead != NULL)
    extent_free (dead);
}

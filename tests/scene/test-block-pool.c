/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-block-pool-private.h"
#include "test-utils.h"

#define EXTENT ATOMR_VIEW_BLOCK_POOL_EXTENT

static gpointer
extent_of (gpointer block)
{
  return (gpointer) ((guintptr) block & ~(guintptr) (EXTENT - 1));
}

/* Blocks taken in turn lie one after the other; a full extent leads to
 * another, and blocks are writable to their last byte. */
static void
test_cuts_blocks_in_turn (void)
{
  AtomrViewBlockPool pool;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  guint extents = 1;

  atomr_view_block_pool_init (&pool);
  for (guint i = 0; i < 3 * EXTENT / 300; i++)
    {
      gpointer block = atomr_view_block_pool_take (&pool, 300);

      g_assert_cmpuint ((guintptr) block % sizeof (gpointer), ==, 0);
      memset (block, 0xaa, 300);
      if (i > 0)
        {
          gpointer last = g_ptr_array_index (blocks, i - 1);

          if (extent_of (block) == extent_of (last))
            g_assert_true ((char *) block == (char *) last + 304);
          else
            extents++;
        }
      g_ptr_array_add (blocks, block);
    }
  g_assert_cmpuint (extents, ==, 4);
  for (guint i = 0; i < blocks->len; i++)
    atomr_view_block_pool_give (&pool, g_ptr_array_index (blocks, i), 300);
  atomr_view_block_pool_clear (&pool);
}

/* An extent is cut again only once all its blocks died: then the same
 * memory comes back, in the same order. */
static void
test_reuses_extents_whose_blocks_died (void)
{
  AtomrViewBlockPool pool;
  gpointer first[100];
  gpointer again;

  atomr_view_block_pool_init (&pool);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    first[i] = atomr_view_block_pool_take (&pool, 200);
  g_assert_true (extent_of (first[0]) == extent_of (first[99]));

  /* All but one died: the next block is cut after the last. */
  for (guint i = 1; i < G_N_ELEMENTS (first); i++)
    atomr_view_block_pool_give (&pool, first[i], 200);
  again = atomr_view_block_pool_take (&pool, 200);
  g_assert_true ((char *) again == (char *) first[99] + 200);

  /* The rest died: cut from the start again. */
  atomr_view_block_pool_give (&pool, again, 200);
  atomr_view_block_pool_give (&pool, first[0], 200);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      again = atomr_view_block_pool_take (&pool, 200);
      g_assert_true (again == first[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    atomr_view_block_pool_give (&pool, first[i], 200);
  atomr_view_block_pool_clear (&pool);
}

/* Empty extents are kept up to the bound, the rest freed; kept ones are
 * cut before new ones are made. */
static void
test_keeps_within_bound (void)
{
  AtomrViewBlockPool pool;
  guint n = ATOMR_VIEW_BLOCK_POOL_MAX_KEPT / EXTENT + 10;
  g_autofree gpointer *blocks = g_new (gpointer, n);
  g_autoptr(GHashTable) extents = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) again = g_ptr_array_new ();
  gsize size = ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK;
  guint per_extent = (EXTENT - 64) / size;

  atomr_view_block_pool_init (&pool);
  /* One block per extent, every extent but the current one ends empty. */
  for (guint i = 0; i < n; i++)
    {
      blocks[i] = atomr_view_block_pool_take (&pool, size);
      for (guint j = 1; j < per_extent; j++)
        atomr_view_block_pool_give (&pool, atomr_view_block_pool_take (&pool, size), size);
      g_hash_table_add (extents, extent_of (blocks[i]));
    }
  g_assert_cmpuint (g_hash_table_size (extents), ==, n);
  for (guint i = 0; i < n; i++)
    atomr_view_block_pool_give (&pool, blocks[i], size);
  g_assert_cmpuint (pool.kept, ==, ATOMR_VIEW_BLOCK_POOL_MAX_KEPT);

  /* The current extent and all kept but one: as many blocks as they hold. */
  for (guint i = 0; i < ATOMR_VIEW_BLOCK_POOL_MAX_KEPT / EXTENT * per_extent; i++)
    {
      gpointer block = atomr_view_block_pool_take (&pool, size);

      g_assert_true (g_hash_table_contains (extents, extent_of (block)));
      g_ptr_array_add (again, block);
    }
  g_assert_cmpuint (pool.kept, ==, EXTENT);
  for (guint i = 0; i < again->len; i++)
    atomr_view_block_pool_give (&pool, g_ptr_array_index (again, i), size);
  atomr_view_block_pool_clear (&pool);
}

typedef struct
{
  AtomrViewBlockPool *pool;
  gpointer           *blocks;
  guint               n;
} GiveJob;

static gpointer
give_thread (gpointer data)
{
  GiveJob *job = data;

  for (guint i = 0; i < job->n; i++)
    atomr_view_block_pool_give (job->pool, job->blocks[i], 100);
  return NULL;
}

/* Blocks taken on one thread and given back on two others at once leave
 * every extent empty, and the pool cuts them again. */
static void
test_given_back_from_other_threads (void)
{
  AtomrViewBlockPool pool;
  gpointer blocks[2][1000];
  GiveJob jobs[2];
  GThread *threads[2];
  g_autoptr(GHashTable) extents = g_hash_table_new (NULL, NULL);

  atomr_view_block_pool_init (&pool);
  for (guint t = 0; t < 2; t++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (blocks[t]); i++)
        {
          blocks[t][i] = atomr_view_block_pool_take (&pool, 100);
          memset (blocks[t][i], t, 100);
          g_hash_table_add (extents, extent_of (blocks[t][i]));
        }
      jobs[t] = (GiveJob) { &pool, blocks[t], G_N_ELEMENTS (blocks[t]) };
    }
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("give", give_thread, &jobs[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);

  g_assert_cmpuint (pool.kept, ==, (g_hash_table_size (extents) - 1) * EXTENT);
  for (guint i = 0; i < G_N_ELEMENTS (blocks[0]); i++)
    {
      blocks[0][i] = atomr_view_block_pool_take (&pool, 200);
      g_assert_true (g_hash_table_contains (extents, extent_of (blocks[0][i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (blocks[0]); i++)
    atomr_view_block_pool_give (&pool, blocks[0][i], 200);
  atomr_view_block_pool_clear (&pool);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/BlockPool/cuts-blocks-in-turn", test_cuts_blocks_in_turn);
  g_test_add_func ("/AtomrView/BlockPool/reuses-extents-whose-blocks-died", test_reuses_extents_whose_blocks_died);
  g_test_add_func ("/AtomrView/BlockPool/keeps-within-bound", test_keeps_within_bound);
  g_test_add_func ("/AtomrView/BlockPool/given-back-from-other-threads", test_given_back_from_other_threads);

  return g_test_run ();
}

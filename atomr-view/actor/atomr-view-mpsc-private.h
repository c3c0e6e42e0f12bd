/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdatomic.h>
#include <stddef.h>

#include <glib.h>

G_BEGIN_DECLS

/* An intrusive, unbounded, lock-free multi-producer single-consumer queue
 * (Dmitry Vyukov's design): a push is one atomic exchange, a pop touches no
 * shared counter. Mailboxes and dispatcher run queues are built on it. */

typedef struct _AtomrViewMpscNode AtomrViewMpscNode;

struct _AtomrViewMpscNode
{
  _Atomic (AtomrViewMpscNode *) next;
};

typedef struct
{
  _Atomic (AtomrViewMpscNode *) head;   /* producers push here */
  AtomrViewMpscNode            *tail;   /* the consumer pops here */
  AtomrViewMpscNode             stub;
} AtomrViewMpscQueue;

static inline void
atomr_view_mpsc_init (AtomrViewMpscQueue *q)
{
  atomic_store_explicit (&q->stub.next, NULL, memory_order_relaxed);
  atomic_store_explicit (&q->head, &q->stub, memory_order_relaxed);
  q->tail = &q->stub;
}

/* Any thread. */
static inline void
atomr_view_mpsc_push (AtomrViewMpscQueue *q,
                      AtomrViewMpscNode  *node)
{
  AtomrViewMpscNode *prev;

  atomic_store_explicit (&node->next, NULL, memory_order_relaxed);
  prev = atomic_exchange_explicit (&q->head, node, memory_order_seq_cst);
  atomic_store_explicit (&prev->next, node, memory_order_release);
}

/* The consumer only. NULL when empty, or when a push is half done (the next
 * call sees it: a producer always finishes its push). */
static inline AtomrViewMpscNode *
atomr_view_mpsc_pop (AtomrViewMpscQueue *q)
{
  AtomrViewMpscNode *tail = q->tail;
  AtomrViewMpscNode *next = atomic_load_explicit (&tail->next, memory_order_acquire);

  if (tail == &q->stub)
    {
      if (next == NULL)
        return NULL;
      q->tail = next;
      tail = next;
      next = atomic_load_explicit (&tail->next, memory_order_acquire);
    }

  if (next != NULL)
    {
      q->tail = next;
      return tail;
    }

  if (tail != atomic_load_explicit (&q->head, memory_order_acquire))
    return NULL;

  atomr_view_mpsc_push (q, &q->stub);
  next = atomic_load_explicit (&tail->next, memory_order_acquire);
  if (next != NULL)
    {
      q->tail = next;
      return tail;
    }
  return NULL;
}

/* The consumer only. A half-done push counts as not empty. */
static inline gboolean
atomr_view_mpsc_is_empty (AtomrViewMpscQueue *q)
{
  return q->tail == &q->stub &&
         atomic_load_explicit (&q->stub.next, memory_order_acquire) == NULL &&
         atomic_load_explicit (&q->head, memory_order_seq_cst) == &q->stub;
}

G_END_DECLS

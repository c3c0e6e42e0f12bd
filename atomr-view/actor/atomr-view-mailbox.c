/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-mailbox-private.h"

/* The consumer takes up to this many messages per lock; a bounded mailbox
 * therefore holds at most capacity + BATCH envelopes. */
#define BATCH 32

struct _AtomrViewBoundedQueue
{
  AtomrViewLock            lock;
  AtomrViewCond            not_full;
  AtomrViewMpscNode       *head;       /* shared list, under lock */
  AtomrViewMpscNode       *tail;
  guint                    length;
  guint                    capacity;
  guint                    waiting_senders;
  AtomrViewOverflowPolicy  policy;
  guint                    block_timeout_ms;
  AtomrViewMpscNode       *batch;      /* consumer-only list taken from the shared one */
  _Atomic guint            approximate_length;
};

void
atomr_view_mailbox_init (AtomrViewMailbox        *self,
                         guint                    capacity,
                         AtomrViewOverflowPolicy  policy,
                         guint                    block_timeout_ms)
{
  atomr_view_mpsc_init (&self->system);
  atomr_view_mpsc_init (&self->user);
  self->bounded = NULL;

  if (capacity > 0)
    {
      AtomrViewBoundedQueue *b = g_new0 (AtomrViewBoundedQueue, 1);

      atomr_view_lock_init (&b->lock);
      atomr_view_cond_init (&b->not_full);
      b->capacity = capacity;
      b->policy = policy;
      b->block_timeout_ms = block_timeout_ms;
      self->bounded = b;
    }
}

static void
free_list (AtomrViewMpscNode *node)
{
  while (node != NULL)
    {
      AtomrViewMpscNode *next = atomic_load_explicit (&node->next, memory_order_relaxed);
      atomr_view_envelope_free (atomr_view_envelope_from_node (node));
      node = next;
    }
}

/* Frees what is left; only when no producer can push any more. */
void
atomr_view_mailbox_clear (AtomrViewMailbox *self)
{
  AtomrViewEnvelope *envelope;

  while ((envelope = atomr_view_mailbox_pop_system (self)))
    atomr_view_envelope_free (envelope);
  while ((envelope = atomr_view_mailbox_pop_user (self)))
    atomr_view_envelope_free (envelope);

  if (self->bounded != NULL)
    {
      AtomrViewBoundedQueue *b = self->bounded;

      free_list (b->batch);
      free_list (b->head);
      atomr_view_cond_clear (&b->not_full);
      atomr_view_lock_clear (&b->lock);
      g_clear_pointer (&self->bounded, g_free);
    }
}

void
atomr_view_mailbox_push_system (AtomrViewMailbox  *self,
                                AtomrViewEnvelope *envelope)
{
  atomr_view_mpsc_push (&self->system, &envelope->node);
}

static void
bounded_append (AtomrViewBoundedQueue *b,
                AtomrViewMpscNode     *node)
{
  atomic_store_explicit (&node->next, NULL, memory_order_relaxed);
  if (b->tail != NULL)
    atomic_store_explicit (&b->tail->next, node, memory_order_relaxed);
  else
    b->head = node;
  b->tail = node;
  b->length++;
  atomic_store_explicit (&b->approximate_length, b->length, memory_order_relaxed);
}

static AtomrViewMpscNode *
bounded_take_head (AtomrViewBoundedQueue *b)
{
  AtomrViewMpscNode *node = b->head;

  b->head = atomic_load_explicit (&node->next, memory_order_relaxed);
  if (b->head == NULL)
    b->tail = NULL;
  b->length--;
  atomic_store_explicit (&b->approximate_length, b->length, memory_order_relaxed);
  return node;
}

/* Any thread. @may_block is FALSE on dispatcher threads: blocking one would
 * stall every actor pinned to it. */
AtomrViewMailboxPushResult
atomr_view_mailbox_push_user (AtomrViewMailbox   *self,
                              AtomrViewEnvelope  *envelope,
                              gboolean            may_block,
                              AtomrViewEnvelope **dropped)
{
  AtomrViewBoundedQueue *b = self->bounded;
  AtomrViewMailboxPushResult result = ATOMR_VIEW_MAILBOX_ENQUEUED;

  *dropped = NULL;

  if (b == NULL)
    {
      atomr_view_mpsc_push (&self->user, &envelope->node);
      return ATOMR_VIEW_MAILBOX_ENQUEUED;
    }

  atomr_view_lock (&b->lock);
  if (b->length >= b->capacity)
    {
      switch (b->policy)
        {
        case ATOMR_VIEW_OVERFLOW_DROP_OLDEST:
          *dropped = atomr_view_envelope_from_node (bounded_take_head (b));
          break;

        case ATOMR_VIEW_OVERFLOW_BLOCK:
          if (may_block)
            {
              gint64 deadline = g_get_monotonic_time () + (gint64) b->block_timeout_ms * 1000;

              b->waiting_senders++;
              while (b->length >= b->capacity)
                if (!atomr_view_cond_wait_until (&b->not_full, &b->lock, deadline))
                  break;
              b->waiting_senders--;
            }
          if (b->length >= b->capacity)
            result = ATOMR_VIEW_MAILBOX_FULL;
          break;

        case ATOMR_VIEW_OVERFLOW_DROP_NEWEST:
        case ATOMR_VIEW_OVERFLOW_FAIL:
        default:
          result = ATOMR_VIEW_MAILBOX_FULL;
          break;
        }
    }
  if (result == ATOMR_VIEW_MAILBOX_ENQUEUED)
    bounded_append (b, &envelope->node);
  atomr_view_unlock (&b->lock);

  return result;
}

AtomrViewEnvelope *
atomr_view_mailbox_pop_system (AtomrViewMailbox *self)
{
  AtomrViewMpscNode *node = atomr_view_mpsc_pop (&self->system);

  return node ? atomr_view_envelope_from_node (node) : NULL;
}

AtomrViewEnvelope *
atomr_view_mailbox_pop_user (AtomrViewMailbox *self)
{
  AtomrViewBoundedQueue *b = self->bounded;
  AtomrViewMpscNode *node;

  if (b == NULL)
    {
      node = atomr_view_mpsc_pop (&self->user);
      return node ? atomr_view_envelope_from_node (node) : NULL;
    }

  if (b->batch == NULL)
    {
      AtomrViewMpscNode *last = NULL;
      guint n = 0;

      atomr_view_lock (&b->lock);
      while (b->head != NULL && n < BATCH)
        {
          node = bounded_take_head (b);
          atomic_store_explicit (&node->next, NULL, memory_order_relaxed);
          if (last != NULL)
            atomic_store_explicit (&last->next, node, memory_order_relaxed);
          else
            b->batch = node;
          last = node;
          n++;
        }
      /* Wake blocked senders only once half the room is free: each wake-up
       * then admits many messages instead of a thundering herd per batch. */
      if (n > 0 && b->waiting_senders > 0 && b->length <= b->capacity / 2)
        atomr_view_cond_broadcast (&b->not_full);
      atomr_view_unlock (&b->lock);
    }

  node = b->batch;
  if (node == NULL)
    return NULL;
  b->batch = atomic_load_explicit (&node->next, memory_order_relaxed);
  return atomr_view_envelope_from_node (node);
}

gboolean
atomr_view_mailbox_has_system (AtomrViewMailbox *self)
{
  return !atomr_view_mpsc_is_empty (&self->system);
}

gboolean
atomr_view_mailbox_has_user (AtomrViewMailbox *self)
{
  AtomrViewBoundedQueue *b = self->bounded;
  gboolean has;

  if (b == NULL)
    return !atomr_view_mpsc_is_empty (&self->user);
  if (b->batch != NULL)
    return TRUE;
  atomr_view_lock (&b->lock);
  has = b->head != NULL;
  atomr_view_unlock (&b->lock);
  return has;
}

gboolean
atomr_view_mailbox_is_bounded (AtomrViewMailbox *self)
{
  return self->bounded != NULL;
}

AtomrViewOverflowPolicy
atomr_view_mailbox_get_policy (AtomrViewMailbox *self)
{
  return self->bounded ? self->bounded->policy : ATOMR_VIEW_OVERFLOW_DROP_NEWEST;
}

/* Any thread; a snapshot of the bounded queue's length, 0 when unbounded. */
guint
atomr_view_mailbox_get_length (AtomrViewMailbox *self)
{
  return self->bounded ? atomic_load_explicit (&self->bounded->approximate_length, memory_order_relaxed) : 0;
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor-types.h"
#include "atomr-view-envelope-private.h"
#include "atomr-view-lock-private.h"
#include "atomr-view-mpsc-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewBoundedQueue AtomrViewBoundedQueue;

/* An actor's mailbox: system messages in a lock-free queue of their own, user
 * messages in a lock-free unbounded queue or, when a capacity is set, in a
 * locked bounded queue that applies the overflow policy. Many threads push,
 * only the actor's dispatcher thread pops. */
typedef struct
{
  AtomrViewMpscQueue     system;
  AtomrViewMpscQueue     user;
  AtomrViewBoundedQueue *bounded;
} AtomrViewMailbox;

typedef enum
{
  ATOMR_VIEW_MAILBOX_ENQUEUED,
  ATOMR_VIEW_MAILBOX_FULL,        /* not enqueued: the caller owns the envelope still */
} AtomrViewMailboxPushResult;

void                       atomr_view_mailbox_init        (AtomrViewMailbox         *self,
                                                           guint                     capacity,
                                                           AtomrViewOverflowPolicy   policy,
                                                           guint                     block_timeout_ms);
void                       atomr_view_mailbox_clear       (AtomrViewMailbox         *self);
void                       atomr_view_mailbox_push_system (AtomrViewMailbox         *self,
                                                           AtomrViewEnvelope        *envelope);
AtomrViewMailboxPushResult atomr_view_mailbox_push_user   (AtomrViewMailbox         *self,
                                                           AtomrViewEnvelope        *envelope,
                                                           gboolean                  may_block,
                                                           AtomrViewEnvelope       **dropped);
AtomrViewEnvelope         *atomr_view_mailbox_pop_system  (AtomrViewMailbox         *self);
AtomrViewEnvelope         *atomr_view_mailbox_pop_user    (AtomrViewMailbox         *self);
gboolean                   atomr_view_mailbox_has_system  (AtomrViewMailbox         *self);
gboolean                   atomr_view_mailbox_has_user    (AtomrViewMailbox         *self);
gboolean                   atomr_view_mailbox_is_bounded  (AtomrViewMailbox         *self);
AtomrViewOverflowPolicy    atomr_view_mailbox_get_policy  (AtomrViewMailbox         *self);
guint                      atomr_view_mailbox_get_length  (AtomrViewMailbox         *self);

G_END_DECLS

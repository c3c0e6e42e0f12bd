/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor-types.h"
#include "atomr-view-cell-private.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-lock-private.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_N_CHILDREN_LOCKS 64

/* What every cell of an actor system shares. Reference counted, so that an
 * ActorRef kept after the system is gone still finds its dead letters. */
struct _AtomrViewSystemCore
{
  _Atomic int            ref_count;
  char                  *name;
  AtomrViewActorSystem  *system;            /* not a reference; cleared at dispose */

  AtomrViewLock          dispatchers_lock;
  GHashTable            *dispatchers;       /* name -> AtomrViewDispatcher */
  GPtrArray             *stopped_dispatchers; /* joined at shutdown, freed with the core */
  AtomrViewDispatcher   *default_dispatcher;
  AtomrViewDispatcher   *ui_dispatcher;

  AtomrViewCell         *root;
  AtomrViewCell         *user_guardian;
  AtomrViewCell         *system_guardian;

  _Atomic int            shutting_down;
  _Atomic int            terminated;        /* the root has stopped */
  _Atomic int            threads_stopped;
  AtomrViewLock          termination_lock;
  AtomrViewCond          termination_cond;

  AtomrViewLock          children_locks[ATOMR_VIEW_N_CHILDREN_LOCKS];

  AtomrViewLock          topics_lock;
  GHashTable            *topics;            /* topic -> GPtrArray of AtomrViewActorRef */

  _Atomic guint64        dead_letters;
  _Atomic guint64        next_uid;
};

AtomrViewSystemCore *atomr_view_system_core_new              (const char           *name);
AtomrViewSystemCore *atomr_view_system_core_ref              (AtomrViewSystemCore  *self);
void                 atomr_view_system_core_unref            (AtomrViewSystemCore  *self);
AtomrViewLock       *atomr_view_system_core_children_lock    (AtomrViewSystemCore  *self,
                                                              AtomrViewCell        *cell);
AtomrViewDispatcher *atomr_view_system_core_lookup_dispatcher (AtomrViewSystemCore *self,
                                                              const char           *name,
                                                              GError              **error);
gboolean             atomr_view_system_core_may_block        (AtomrViewSystemCore  *self);
void                 atomr_view_system_core_dead_letter      (AtomrViewSystemCore  *self,
                                                              AtomrViewCell        *recipient,
                                                              AtomrViewEnvelope    *envelope,
                                                              AtomrViewDeadLetterReason reason);
guint                atomr_view_system_core_publish          (AtomrViewSystemCore  *self,
                                                              const char           *topic,
                                                              GVariant             *message);
void                 atomr_view_system_core_root_terminated  (AtomrViewSystemCore  *self);
guint64              atomr_view_system_core_next_uid         (AtomrViewSystemCore  *self);

G_END_DECLS

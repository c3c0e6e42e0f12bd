/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor.h"
#include "atomr-view-actor-ref-private.h"
#include "atomr-view-context-private.h"
#include "atomr-view-system-core-private.h"

/**
 * AtomrViewActor:
 *
 * The base class of actors: state plus behaviour, reached only through
 * messages.
 *
 * Subclass it and override [vfunc@AtomrView.Actor.receive]; start instances
 * with [method@AtomrView.ActorSystem.spawn] or [method@AtomrView.Context.spawn]
 * from a [struct@AtomrView.Props]. The runtime makes the instance on the
 * actor's own dispatcher thread, and calls every virtual method there, one
 * at a time, so the state of an actor needs no locks.
 *
 * A failure (a virtual method returning %FALSE with an error) suspends the
 * actor and asks its parent, whose supervisor strategy decides: resume,
 * restart with a new instance, stop, or escalate.
 *
 * In Python, implement `do_receive(self, context, message)` and the other
 * `do_*` methods.
 *
 * Thread safety: its own dispatcher thread.
 *
 * Since: 0.1
 */

G_DEFINE_TYPE (AtomrViewActor, atomr_view_actor, G_TYPE_OBJECT)

static gboolean
atomr_view_actor_real_pre_start (AtomrViewActor    *self,
                                 AtomrViewContext  *context,
                                 GError           **error)
{
  return TRUE;
}

/* Unhandled messages become dead letters, not failures. */
static gboolean
atomr_view_actor_real_receive (AtomrViewActor    *self,
                               AtomrViewContext  *context,
                               GVariant          *message,
                               GError           **error)
{
  AtomrViewCell *cell = atomr_view_context_get_cell (context);
  AtomrViewEnvelope *envelope = atomr_view_envelope_new_user (message,
                                                              atomr_view_context_get_sender (context));

  atomr_view_system_core_dead_letter (cell->system, cell, envelope, ATOMR_VIEW_DEAD_LETTER_UNHANDLED);
  return TRUE;
}

static void
atomr_view_actor_real_post_stop (AtomrViewActor   *self,
                                 AtomrViewContext *context)
{
}

static void
atomr_view_actor_real_pre_restart (AtomrViewActor   *self,
                                   AtomrViewContext *context,
                                   const GError     *reason)
{
  g_autoptr(GPtrArray) children = atomr_view_context_dup_children (context);

  for (guint i = 0; i < children->len; i++)
    atomr_view_context_stop (context, g_ptr_array_index (children, i));
  ATOMR_VIEW_ACTOR_GET_CLASS (self)->post_stop (self, context);
}

static gboolean
atomr_view_actor_real_post_restart (AtomrViewActor    *self,
                                    AtomrViewContext  *context,
                                    const GError      *reason,
                                    GError           **error)
{
  return ATOMR_VIEW_ACTOR_GET_CLASS (self)->pre_start (self, context, error);
}

static void
atomr_view_actor_real_terminated (AtomrViewActor    *self,
                                  AtomrViewContext  *context,
                                  AtomrViewActorRef *actor)
{
}

static void
atomr_view_actor_real_receive_timeout (AtomrViewActor   *self,
                                       AtomrViewContext *context)
{
}

static void
atomr_view_actor_class_init (AtomrViewActorClass *klass)
{
  klass->pre_start = atomr_view_actor_real_pre_start;
  klass->receive = atomr_view_actor_real_receive;
  klass->post_stop = atomr_view_actor_real_post_stop;
  klass->pre_restart = atomr_view_actor_real_pre_restart;
  klass->post_restart = atomr_view_actor_real_post_restart;
  klass->terminated = atomr_view_actor_real_terminated;
  klass->receive_timeout = atomr_view_actor_real_receive_timeout;
}

static void
atomr_view_actor_init (AtomrViewActor *self)
{
}

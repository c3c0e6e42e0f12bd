/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor.h"
#include "atomr-view-actor-private.h"
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
 * A virtual method that cannot return an error (such as
 * [vfunc@AtomrView.Actor.terminated], [vfunc@AtomrView.Actor.receive_timeout]
 * or a window's [vfunc@AtomrView.WindowActor.render]) reports a failure with
 * [method@AtomrView.Actor.fail].
 *
 * In Python, implement `do_receive(self, context, message)` and the other
 * `do_*` methods; an exception they raise is a failure (see the Python page).
 *
 * Thread safety: its own dispatcher thread.
 *
 * Since: 0.1
 */

typedef struct
{
  GError *failure;   /* reported by atomr_view_actor_fail(), not yet handled */
} AtomrViewActorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AtomrViewActor, atomr_view_actor, G_TYPE_OBJECT)

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
atomr_view_actor_finalize (GObject *object)
{
  AtomrViewActorPrivate *priv = atomr_view_actor_get_instance_private (ATOMR_VIEW_ACTOR (object));

  g_clear_error (&priv->failure);

  G_OBJECT_CLASS (atomr_view_actor_parent_class)->finalize (object);
}

static void
atomr_view_actor_class_init (AtomrViewActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atomr_view_actor_finalize;

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

/**
 * atomr_view_actor_fail:
 * @self: an actor
 * @error: why it failed
 *
 * Reports a failure from a virtual method that cannot return one, such as
 * [vfunc@AtomrView.Actor.terminated], [vfunc@AtomrView.Actor.receive_timeout]
 * or [vfunc@AtomrView.WindowActor.render]. When the virtual method that the
 * runtime called returns, the actor fails with @error as if that method had
 * returned %FALSE with it, and its supervisor decides what happens next.
 *
 * Call it only from the actor's own virtual methods, on its thread. The first
 * failure reported during a call counts; a method that returns an error of
 * its own fails with that one instead. A failure reported from
 * [vfunc@AtomrView.Actor.post_stop] or [vfunc@AtomrView.Actor.pre_restart]
 * is ignored: the actor is already going away.
 *
 * The Python overrides call it for an exception raised in such a method.
 *
 * Since: 0.1
 */
void
atomr_view_actor_fail (AtomrViewActor *self,
                       const GError   *error)
{
  AtomrViewActorPrivate *priv = atomr_view_actor_get_instance_private (self);

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR (self));
  g_return_if_fail (error != NULL);

  if (priv->failure == NULL)
    priv->failure = g_error_copy (error);
}

GError *
atomr_view_actor_steal_failure (AtomrViewActor *self)
{
  AtomrViewActorPrivate *priv = atomr_view_actor_get_instance_private (self);

  return g_steal_pointer (&priv->failure);
}

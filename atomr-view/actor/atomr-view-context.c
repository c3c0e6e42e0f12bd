/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-ref-private.h"
#include "atomr-view-actor-system-private.h"
#include "atomr-view-context-private.h"
#include "atomr-view-system-core-private.h"

/**
 * AtomrViewContext:
 *
 * What an actor can do while it handles a message or runs a lifecycle hook:
 * know itself, its sender, its parent and children; spawn, stop and watch
 * actors; stash messages; switch behaviour; run timers.
 *
 * A context is valid only during the call it is passed to. Do not keep it.
 *
 * Thread safety: the actor's own dispatcher thread, during the call.
 *
 * Since: 0.1
 */

struct _AtomrViewContext
{
  GObject                    parent_instance;
  AtomrViewDispatcherThread *thread;
  AtomrViewCell             *cell;
  AtomrViewEnvelope         *envelope;
  gboolean                   stashed;
};

G_DEFINE_FINAL_TYPE (AtomrViewContext, atomr_view_context, G_TYPE_OBJECT)

static void
atomr_view_context_class_init (AtomrViewContextClass *klass)
{
}

static void
atomr_view_context_init (AtomrViewContext *self)
{
}

AtomrViewContext *
atomr_view_context_new_for_thread (AtomrViewDispatcherThread *thread)
{
  AtomrViewContext *self = g_object_new (ATOMR_VIEW_TYPE_CONTEXT, NULL);

  self->thread = thread;
  return self;
}

void
atomr_view_context_enter (AtomrViewContext  *self,
                          AtomrViewCell     *cell,
                          AtomrViewEnvelope *envelope)
{
  self->cell = cell;
  self->envelope = envelope;
  self->stashed = FALSE;
}

/* Returns TRUE if the actor stashed the message, which the caller then
 * must not free. */
gboolean
atomr_view_context_leave (AtomrViewContext *self)
{
  gboolean stashed = self->stashed;

  self->cell = NULL;
  self->envelope = NULL;
  self->stashed = FALSE;
  return stashed;
}

AtomrViewCell *
atomr_view_context_get_cell (AtomrViewContext *self)
{
  return self->cell;
}

/* A context is only usable while its actor runs. */
#define CHECK_ACTIVE(self, value)                                                 \
  G_STMT_START {                                                                 \
    g_return_val_if_fail (ATOMR_VIEW_IS_CONTEXT (self), value);                  \
    g_return_val_if_fail (self->cell != NULL, value);                            \
  } G_STMT_END
#define CHECK_ACTIVE_VOID(self)                                                   \
  G_STMT_START {                                                                 \
    g_return_if_fail (ATOMR_VIEW_IS_CONTEXT (self));                             \
    g_return_if_fail (self->cell != NULL);                                       \
  } G_STMT_END

/**
 * atomr_view_context_get_self:
 * @self: a context
 *
 * Gets a reference to the actor that is running.
 *
 * Returns: (transfer none): the actor's reference
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_context_get_self (AtomrViewContext *self)
{
  CHECK_ACTIVE (self, NULL);

  return self->cell->self_ref;
}

/**
 * atomr_view_context_get_sender:
 * @self: a context
 *
 * Gets the sender of the message being handled.
 *
 * Returns: (transfer none) (nullable): the sender, or %NULL when there is
 *   none (a message from outside any actor, a timer, a lifecycle hook)
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_context_get_sender (AtomrViewContext *self)
{
  CHECK_ACTIVE (self, NULL);

  if (self->envelope == NULL || atomr_view_envelope_is_system (self->envelope))
    return NULL;
  return self->envelope->user.sender;
}

/**
 * atomr_view_context_get_parent:
 * @self: a context
 *
 * Gets the actor's parent, its supervisor.
 *
 * Returns: (transfer none) (nullable): the parent, or %NULL for the root guardian
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_context_get_parent (AtomrViewContext *self)
{
  AtomrViewCell *parent;

  CHECK_ACTIVE (self, NULL);

  parent = atomr_view_cell_get_parent (self->cell);
  return parent ? parent->self_ref : NULL;
}

/**
 * atomr_view_context_get_system:
 * @self: a context
 *
 * Gets the actor system the actor belongs to.
 *
 * Returns: (transfer none): the system
 *
 * Since: 0.1
 */
AtomrViewActorSystem *
atomr_view_context_get_system (AtomrViewContext *self)
{
  CHECK_ACTIVE (self, NULL);

  return self->cell->system->system;
}

/**
 * atomr_view_context_spawn:
 * @self: a context
 * @props: how to make the child
 * @name: (nullable): the child's name, unique among its siblings, or %NULL
 *   for a generated one
 * @error: return location for an error
 *
 * Starts a child actor, supervised by this one.
 *
 * Fails with %ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
 * %ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN, %ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER,
 * or %ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR when this actor is stopping.
 *
 * Returns: (transfer full) (nullable): the child's reference
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_context_spawn (AtomrViewContext  *self,
                          AtomrViewProps    *props,
                          const char        *name,
                          GError           **error)
{
  CHECK_ACTIVE (self, NULL);
  g_return_val_if_fail (props != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return atomr_view_cell_spawn (self->cell, props, name, error);
}

/**
 * atomr_view_context_get_child:
 * @self: a context
 * @name: a child's name
 *
 * Looks up a child by name. A child that is stopping is still found until
 * it has terminated.
 *
 * Returns: (transfer full) (nullable): the child, or %NULL
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_context_get_child (AtomrViewContext *self,
                              const char       *name)
{
  AtomrViewCell *child;
  AtomrViewActorRef *ref;

  CHECK_ACTIVE (self, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = atomr_view_cell_lookup_child (self->cell, name);
  if (child == NULL)
    return NULL;
  ref = atomr_view_cell_dup_ref (child);
  atomr_view_cell_unref (child);
  return ref;
}

/**
 * atomr_view_context_dup_children:
 * @self: a context
 *
 * Lists the actor's children, in the order they were spawned.
 *
 * Returns: (transfer container) (element-type AtomrView.ActorRef): the children
 *
 * Since: 0.1
 */
GPtrArray *
atomr_view_context_dup_children (AtomrViewContext *self)
{
  CHECK_ACTIVE (self, NULL);

  return atomr_view_cell_dup_children (self->cell);
}

/**
 * atomr_view_context_stop:
 * @self: a context
 * @actor: the actor itself, or one of its children
 *
 * Stops the actor itself or one of its children, after the current message.
 * Other actors are not stopped: ask them, or their parent.
 *
 * Since: 0.1
 */
void
atomr_view_context_stop (AtomrViewContext  *self,
                         AtomrViewActorRef *actor)
{
  AtomrViewCell *target;

  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (actor));

  target = atomr_view_actor_ref_get_cell (actor);
  g_return_if_fail (target != NULL);
  if (target != self->cell && atomr_view_cell_get_parent (target) != self->cell)
    {
      g_critical ("%s cannot stop %s: it is neither itself nor one of its children",
                  atomr_view_cell_get_path (self->cell), atomr_view_cell_get_path (target));
      return;
    }
  atomr_view_cell_stop (self->cell, target);
}

/**
 * atomr_view_context_watch:
 * @self: a context
 * @actor: the actor to watch
 *
 * Asks to be told when @actor terminates: [vfunc@AtomrView.Actor.terminated]
 * is called exactly once, also when @actor had already terminated. Watching
 * the same actor twice still gives one call.
 *
 * Since: 0.1
 */
void
atomr_view_context_watch (AtomrViewContext  *self,
                          AtomrViewActorRef *actor)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (actor));

  atomr_view_cell_watch (self->cell, actor);
}

/**
 * atomr_view_context_unwatch:
 * @self: a context
 * @actor: an actor being watched
 *
 * No longer be told when @actor terminates.
 *
 * Since: 0.1
 */
void
atomr_view_context_unwatch (AtomrViewContext  *self,
                            AtomrViewActorRef *actor)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (actor));

  atomr_view_cell_unwatch (self->cell, actor);
}

/**
 * atomr_view_context_reply:
 * @self: a context
 * @message: the reply; a floating reference is sunk
 *
 * Sends @message to the sender of the current message, with this actor as
 * its sender. This is how an actor answers [method@AtomrView.ActorRef.ask_async].
 * Without a sender the reply becomes a dead letter.
 *
 * Since: 0.1
 */
void
atomr_view_context_reply (AtomrViewContext *self,
                          GVariant         *message)
{
  AtomrViewActorRef *sender;

  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (message != NULL);

  sender = atomr_view_context_get_sender (self);
  if (sender != NULL)
    atomr_view_actor_ref_tell (sender, message, self->cell->self_ref);
  else
    {
      AtomrViewEnvelope *envelope = atomr_view_envelope_new_user (message, self->cell->self_ref);

      atomr_view_system_core_dead_letter (self->cell->system, self->cell, envelope,
                                          ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT);
    }
}

/**
 * atomr_view_context_forward:
 * @self: a context
 * @recipient: where to send the current message
 *
 * Sends the current message on to @recipient, keeping its original sender,
 * so that @recipient can reply directly.
 *
 * Since: 0.1
 */
void
atomr_view_context_forward (AtomrViewContext  *self,
                            AtomrViewActorRef *recipient)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (recipient));
  g_return_if_fail (self->envelope != NULL && !atomr_view_envelope_is_system (self->envelope));
  g_return_if_fail (self->envelope->user.message != NULL);

  atomr_view_actor_ref_tell (recipient, self->envelope->user.message, self->envelope->user.sender);
}

/**
 * atomr_view_context_stash:
 * @self: a context
 *
 * Puts the current message aside, with its sender, until
 * [method@AtomrView.Context.unstash_all]. Stashed messages survive a restart
 * (they are handed to the new instance) and become dead letters when the
 * actor stops.
 *
 * Since: 0.1
 */
void
atomr_view_context_stash (AtomrViewContext *self)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (self->envelope != NULL);
  g_return_if_fail (self->envelope->kind == ATOMR_VIEW_ENVELOPE_USER ||
                    self->envelope->kind == ATOMR_VIEW_ENVELOPE_TIMER);
  g_return_if_fail (!self->stashed);

  atomr_view_cell_stash (self->cell, self->envelope);
  self->stashed = TRUE;
}

/**
 * atomr_view_context_unstash_all:
 * @self: a context
 *
 * Puts every stashed message back, ahead of the messages waiting in the
 * mailbox, in the order they were stashed.
 *
 * Since: 0.1
 */
void
atomr_view_context_unstash_all (AtomrViewContext *self)
{
  CHECK_ACTIVE_VOID (self);

  atomr_view_cell_unstash_all (self->cell);
}

/**
 * atomr_view_context_get_stash_size:
 * @self: a context
 *
 * Counts the stashed messages.
 *
 * Returns: the number of stashed messages
 *
 * Since: 0.1
 */
guint
atomr_view_context_get_stash_size (AtomrViewContext *self)
{
  CHECK_ACTIVE (self, 0);

  return atomr_view_cell_get_stash_size (self->cell);
}

/**
 * atomr_view_context_become:
 * @self: a context
 * @behaviour: (scope notified) (closure user_data) (destroy destroy): the new behaviour
 * @user_data: data for @behaviour
 * @destroy: (nullable): frees @user_data
 * @discard_old: whether @behaviour replaces the current behaviour or is
 *   pushed over it, to be popped with [method@AtomrView.Context.unbecome]
 *
 * Switches how the actor handles its next messages: @behaviour receives them
 * in place of [vfunc@AtomrView.Actor.receive]. A restart goes back to
 * [vfunc@AtomrView.Actor.receive].
 *
 * Since: 0.1
 */
void
atomr_view_context_become (AtomrViewContext     *self,
                           AtomrViewReceiveFunc  behaviour,
                           gpointer              user_data,
                           GDestroyNotify        destroy,
                           gboolean              discard_old)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (behaviour != NULL);

  atomr_view_cell_become (self->cell, behaviour, user_data, destroy, discard_old);
}

/**
 * atomr_view_context_unbecome:
 * @self: a context
 *
 * Goes back to the behaviour before the last [method@AtomrView.Context.become]
 * that did not discard it.
 *
 * Since: 0.1
 */
void
atomr_view_context_unbecome (AtomrViewContext *self)
{
  CHECK_ACTIVE_VOID (self);

  atomr_view_cell_unbecome (self->cell);
}

/**
 * atomr_view_context_start_single_timer:
 * @self: a context
 * @key: names the timer; starting another with the same key replaces it
 * @message: the message to send to the actor itself; a floating reference is sunk
 * @delay_ms: the delay in milliseconds
 *
 * Sends @message to the actor once, after @delay_ms. Timers are cancelled
 * when the actor stops or restarts, and a cancelled timer's message is never
 * received, even one already in the mailbox.
 *
 * Since: 0.1
 */
void
atomr_view_context_start_single_timer (AtomrViewContext *self,
                                       const char       *key,
                                       GVariant         *message,
                                       guint             delay_ms)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (key != NULL);
  g_return_if_fail (message != NULL);

  atomr_view_cell_start_timer (self->cell, key, message, delay_ms, FALSE);
}

/**
 * atomr_view_context_start_periodic_timer:
 * @self: a context
 * @key: names the timer; starting another with the same key replaces it
 * @message: the message to send to the actor itself; a floating reference is sunk
 * @interval_ms: the interval in milliseconds
 *
 * Sends @message to the actor every @interval_ms, until the timer is
 * cancelled or the actor stops or restarts.
 *
 * Since: 0.1
 */
void
atomr_view_context_start_periodic_timer (AtomrViewContext *self,
                                         const char       *key,
                                         GVariant         *message,
                                         guint             interval_ms)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (key != NULL);
  g_return_if_fail (message != NULL);
  g_return_if_fail (interval_ms > 0);

  atomr_view_cell_start_timer (self->cell, key, message, interval_ms, TRUE);
}

/**
 * atomr_view_context_cancel_timer:
 * @self: a context
 * @key: the timer's key
 *
 * Cancels a timer. Its message is not received after this call, even if it
 * is already in the mailbox. Cancelling a timer that is not running does
 * nothing.
 *
 * Since: 0.1
 */
void
atomr_view_context_cancel_timer (AtomrViewContext *self,
                                 const char       *key)
{
  CHECK_ACTIVE_VOID (self);
  g_return_if_fail (key != NULL);

  atomr_view_cell_cancel_timer (self->cell, key);
}

/**
 * atomr_view_context_is_timer_active:
 * @self: a context
 * @key: the timer's key
 *
 * Whether a timer is running: a periodic timer until it is cancelled, a
 * single timer until its message is received.
 *
 * Returns: %TRUE if the timer is running
 *
 * Since: 0.1
 */
gboolean
atomr_view_context_is_timer_active (AtomrViewContext *self,
                                    const char       *key)
{
  CHECK_ACTIVE (self, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return atomr_view_cell_is_timer_active (self->cell, key);
}

/**
 * atomr_view_context_set_receive_timeout:
 * @self: a context
 * @timeout_ms: the idle time in milliseconds, or 0 to turn it off
 *
 * Calls [vfunc@AtomrView.Actor.receive_timeout] whenever the actor has
 * received no message for @timeout_ms, again after each further @timeout_ms
 * of silence.
 *
 * Since: 0.1
 */
void
atomr_view_context_set_receive_timeout (AtomrViewContext *self,
                                        guint             timeout_ms)
{
  CHECK_ACTIVE_VOID (self);

  atomr_view_cell_set_receive_timeout (self->cell, timeout_ms);
}

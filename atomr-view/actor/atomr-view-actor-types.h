/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

typedef struct _AtomrViewActor              AtomrViewActor;
typedef struct _AtomrViewActorRef           AtomrViewActorRef;
typedef struct _AtomrViewActorSystem        AtomrViewActorSystem;
typedef struct _AtomrViewContext            AtomrViewContext;
typedef struct _AtomrViewProps              AtomrViewProps;
typedef struct _AtomrViewSupervisorStrategy AtomrViewSupervisorStrategy;

/**
 * AtomrViewOverflowPolicy:
 * @ATOMR_VIEW_OVERFLOW_DROP_NEWEST: the incoming message is dropped and
 *   published as a dead letter
 * @ATOMR_VIEW_OVERFLOW_DROP_OLDEST: the oldest queued message is dropped and
 *   published as a dead letter; the incoming one is queued
 * @ATOMR_VIEW_OVERFLOW_FAIL: the send fails: [method@AtomrView.ActorRef.try_tell]
 *   returns %ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL, [method@AtomrView.ActorRef.tell]
 *   publishes a dead letter
 * @ATOMR_VIEW_OVERFLOW_BLOCK: a sender that is not on a dispatcher thread waits
 *   until there is room, for at most the block timeout of the props; a sender
 *   on a dispatcher thread, or one that waited too long, is treated as with
 *   %ATOMR_VIEW_OVERFLOW_FAIL
 *
 * What a bounded mailbox does with a message when it is full.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_OVERFLOW_DROP_NEWEST,
  ATOMR_VIEW_OVERFLOW_DROP_OLDEST,
  ATOMR_VIEW_OVERFLOW_FAIL,
  ATOMR_VIEW_OVERFLOW_BLOCK,
} AtomrViewOverflowPolicy;

/**
 * AtomrViewDirective:
 * @ATOMR_VIEW_DIRECTIVE_RESUME: keep the actor and its state; go on with the
 *   next message
 * @ATOMR_VIEW_DIRECTIVE_RESTART: replace the actor by a new instance made from
 *   its props; the mailbox is kept
 * @ATOMR_VIEW_DIRECTIVE_STOP: stop the actor
 * @ATOMR_VIEW_DIRECTIVE_ESCALATE: fail the supervisor itself with the same
 *   error, so that its own parent decides
 *
 * What a supervisor does with a child that failed. The failing message is
 * never delivered again.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_DIRECTIVE_RESUME,
  ATOMR_VIEW_DIRECTIVE_RESTART,
  ATOMR_VIEW_DIRECTIVE_STOP,
  ATOMR_VIEW_DIRECTIVE_ESCALATE,
} AtomrViewDirective;

/**
 * AtomrViewSupervisionScope:
 * @ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE: the directive applies to the failed
 *   child only
 * @ATOMR_VIEW_SUPERVISION_ALL_FOR_ONE: the directive applies to every child of
 *   the supervisor
 *
 * Which children a supervisor's directive applies to.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE,
  ATOMR_VIEW_SUPERVISION_ALL_FOR_ONE,
} AtomrViewSupervisionScope;

/**
 * AtomrViewDeadLetterReason:
 * @ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT: the recipient had terminated
 * @ATOMR_VIEW_DEAD_LETTER_MAILBOX_FULL: the recipient's bounded mailbox was full
 * @ATOMR_VIEW_DEAD_LETTER_UNHANDLED: the recipient did not handle the message
 * @ATOMR_VIEW_DEAD_LETTER_REJECTED: the message did not have the type the
 *   recipient's props ask for
 *
 * Why a message became a dead letter.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT,
  ATOMR_VIEW_DEAD_LETTER_MAILBOX_FULL,
  ATOMR_VIEW_DEAD_LETTER_UNHANDLED,
  ATOMR_VIEW_DEAD_LETTER_REJECTED,
} AtomrViewDeadLetterReason;

/**
 * ATOMR_VIEW_TOPIC_DEAD_LETTERS:
 *
 * The event-stream topic on which an actor system publishes its dead letters.
 *
 * Each message on it has the type `(svs)`: the recipient's path, the message,
 * and the nick of its [enum@AtomrView.DeadLetterReason] (`no-recipient`,
 * `mailbox-full`, `unhandled` or `rejected`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_TOPIC_DEAD_LETTERS "dead-letters"

/**
 * AtomrViewActorFactory:
 * @user_data: the data given with the factory
 *
 * Makes a new actor instance for [struct@AtomrView.Props]. Called on the
 * actor's own dispatcher thread, once when the actor starts and again for
 * each restart.
 *
 * Returns: (transfer full): a new actor
 *
 * Since: 0.1
 */
typedef AtomrViewActor *(*AtomrViewActorFactory) (gpointer user_data);

/**
 * AtomrViewReceiveFunc:
 * @actor: the actor
 * @context: the actor's context
 * @message: the message
 * @user_data: the data given to [method@AtomrView.Context.become]
 * @error: return location for a failure
 *
 * A behaviour installed with [method@AtomrView.Context.become]: it receives
 * messages in place of [vfunc@AtomrView.Actor.receive].
 *
 * Returns: %TRUE on success; %FALSE with @error set is a failure that the
 *   actor's supervisor handles
 *
 * Since: 0.1
 */
typedef gboolean (*AtomrViewReceiveFunc) (AtomrViewActor    *actor,
                                          AtomrViewContext  *context,
                                          GVariant          *message,
                                          gpointer           user_data,
                                          GError           **error);

/**
 * AtomrViewDecider:
 * @error: why the child failed
 * @user_data: the data given to [method@AtomrView.SupervisorStrategy.set_decider]
 *
 * Decides what to do with a child that failed.
 *
 * Returns: the directive
 *
 * Since: 0.1
 */
typedef AtomrViewDirective (*AtomrViewDecider) (const GError *error,
                                                gpointer      user_data);

G_END_DECLS

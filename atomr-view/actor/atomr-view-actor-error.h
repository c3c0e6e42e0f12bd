/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_ACTOR_ERROR:
 *
 * The error domain of the actor runtime.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_ACTOR_ERROR (atomr_view_actor_error_quark ())

/**
 * AtomrViewActorError:
 * @ATOMR_VIEW_ACTOR_ERROR_FAILED: an actor failed for a reason of its own
 * @ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE: a message does not have the type
 *   the recipient accepts
 * @ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME: an actor or system name is empty or
 *   has characters a path cannot hold
 * @ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN: a sibling already has that name
 * @ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER: no dispatcher has that name
 * @ATOMR_VIEW_ACTOR_ERROR_DISPATCHER_EXISTS: a dispatcher with that name
 *   already exists
 * @ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED: the actor system is shutting
 *   down or has terminated
 * @ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR: the recipient has terminated
 * @ATOMR_VIEW_ACTOR_ERROR_TIMEOUT: no reply came in time
 * @ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL: the recipient's bounded mailbox is full
 * @ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK: the call would wait on the thread
 *   that makes it
 * @ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND: no actor has that path
 * @ATOMR_VIEW_ACTOR_ERROR_UNHANDLED: an actor did not handle a message
 *
 * Errors of the actor runtime.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_ACTOR_ERROR_FAILED,
  ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE,
  ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
  ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN,
  ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER,
  ATOMR_VIEW_ACTOR_ERROR_DISPATCHER_EXISTS,
  ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED,
  ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR,
  ATOMR_VIEW_ACTOR_ERROR_TIMEOUT,
  ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL,
  ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK,
  ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND,
  ATOMR_VIEW_ACTOR_ERROR_UNHANDLED,
} AtomrViewActorError;

ATOMR_VIEW_AVAILABLE_IN_ALL
GQuark atomr_view_actor_error_quark (void);

G_END_DECLS

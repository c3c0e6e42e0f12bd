/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_ACTOR (atomr_view_actor_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (AtomrViewActor, atomr_view_actor, ATOMR_VIEW, ACTOR, GObject)

/**
 * AtomrViewActorClass:
 * @parent_class: the parent class
 * @pre_start: called on the actor's thread before the first message; a
 *   failure here is handled by the supervisor like any other
 * @receive: handles one message; returning %FALSE with an error is a failure
 *   that the supervisor handles
 * @post_stop: called once the actor and all its children have stopped
 * @pre_restart: called on the failed instance before it is replaced; the
 *   default stops all children and calls @post_stop
 * @post_restart: called on the new instance after a restart; the default
 *   calls @pre_start. A failure here is handled by the supervisor
 * @terminated: an actor this one watches has terminated
 * @receive_timeout: no message came within the receive timeout
 *
 * The virtual methods of an actor. All of them run on the actor's own
 * dispatcher thread, one at a time.
 *
 * Since: 0.1
 */
struct _AtomrViewActorClass
{
  GObjectClass parent_class;

  gboolean (*pre_start)       (AtomrViewActor     *self,
                               AtomrViewContext   *context,
                               GError            **error);
  gboolean (*receive)         (AtomrViewActor     *self,
                               AtomrViewContext   *context,
                               GVariant           *message,
                               GError            **error);
  void     (*post_stop)       (AtomrViewActor     *self,
                               AtomrViewContext   *context);
  void     (*pre_restart)     (AtomrViewActor     *self,
                               AtomrViewContext   *context,
                               const GError       *reason);
  gboolean (*post_restart)    (AtomrViewActor     *self,
                               AtomrViewContext   *context,
                               const GError       *reason,
                               GError            **error);
  void     (*terminated)      (AtomrViewActor     *self,
                               AtomrViewContext   *context,
                               AtomrViewActorRef  *actor);
  void     (*receive_timeout) (AtomrViewActor     *self,
                               AtomrViewContext   *context);

  /*< private >*/
  gpointer _reserved[16];
};

ATOMR_VIEW_AVAILABLE_IN_ALL
void atomr_view_actor_fail (AtomrViewActor *self,
                            const GError   *error);

G_END_DECLS

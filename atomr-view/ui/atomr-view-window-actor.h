/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include "atomr-view-actor.h"
#include "atomr-view-event.h"
#include "atomr-view-node.h"
#include "atomr-view-scene.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_WINDOW_ACTOR (atomr_view_window_actor_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (AtomrViewWindowActor, atomr_view_window_actor, ATOMR_VIEW, WINDOW_ACTOR, AtomrViewActor)

/**
 * AtomrViewWindowActorClass:
 * @parent_class: the parent class
 * @render: returns the window's scene for its current state; called when the
 *   actor starts and after [method@AtomrView.WindowActor.invalidate]. Optional:
 *   without it, call [method@AtomrView.WindowActor.set_root].
 * @handle_event: handles an event of the window that is not inside a region;
 *   the default stops the actor, and so closes the window, on
 *   %ATOMR_VIEW_SIGNAL_CLOSE_REQUEST
 * @receive_message: handles any other message; the default makes it a dead
 *   letter
 *
 * The virtual methods of a window actor. Override these rather than
 * [vfunc@AtomrView.Actor.receive], which dispatches to them. A subclass that
 * overrides [vfunc@AtomrView.Actor.pre_start] or [vfunc@AtomrView.Actor.post_stop]
 * must chain up: they open and close the window.
 *
 * Since: 0.1
 */
struct _AtomrViewWindowActorClass
{
  AtomrViewActorClass parent_class;

  AtomrViewNode *(*render)          (AtomrViewWindowActor  *self);
  gboolean       (*handle_event)    (AtomrViewWindowActor  *self,
                                     AtomrViewContext      *context,
                                     AtomrViewEvent        *event,
                                     GError               **error);
  gboolean       (*receive_message) (AtomrViewWindowActor  *self,
                                     AtomrViewContext      *context,
                                     GVariant              *message,
                                     GError               **error);

  /*< private >*/
  gpointer _reserved[12];
};

ATOMR_VIEW_AVAILABLE_IN_ALL
const char        *atomr_view_window_actor_get_window_id   (AtomrViewWindowActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char        *atomr_view_window_actor_get_title       (AtomrViewWindowActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void               atomr_view_window_actor_set_title       (AtomrViewWindowActor *self,
                                                            const char           *title);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode     *atomr_view_window_actor_get_root        (AtomrViewWindowActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void               atomr_view_window_actor_set_root        (AtomrViewWindowActor *self,
                                                            AtomrViewNode        *root);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean           atomr_view_window_actor_apply_patches   (AtomrViewWindowActor *self,
                                                            GPtrArray            *patches,
                                                            GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene    *atomr_view_window_actor_dup_scene       (AtomrViewWindowActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void               atomr_view_window_actor_invalidate      (AtomrViewWindowActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef *atomr_view_window_actor_spawn_region    (AtomrViewWindowActor *self,
                                                            AtomrViewContext     *context,
                                                            AtomrViewProps       *props,
                                                            const char           *region_key,
                                                            GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void               atomr_view_window_actor_set_wants_frames (AtomrViewWindowActor *self,
                                                            gboolean              wants_frames);

G_END_DECLS

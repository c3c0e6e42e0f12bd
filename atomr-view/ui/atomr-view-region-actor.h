/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include "atomr-view-actor.h"
#include "atomr-view-event.h"
#include "atomr-view-node.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_REGION_ACTOR (atomr_view_region_actor_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (AtomrViewRegionActor, atomr_view_region_actor, ATOMR_VIEW, REGION_ACTOR, AtomrViewActor)

/**
 * AtomrViewRegionActorClass:
 * @parent_class: the parent class
 * @render: returns the region's subtree for its current state; called when the
 *   actor starts and after [method@AtomrView.RegionActor.invalidate]. Optional:
 *   without it, call [method@AtomrView.RegionActor.set_root].
 * @handle_event: handles an event inside the region's subtree; its path
 *   starts below the region node
 * @receive_message: handles any other message; the default makes it a dead
 *   letter
 *
 * The virtual methods of a region actor. Override these rather than
 * [vfunc@AtomrView.Actor.receive], which dispatches to them.
 *
 * Since: 0.1
 */
struct _AtomrViewRegionActorClass
{
  AtomrViewActorClass parent_class;

  AtomrViewNode *(*render)          (AtomrViewRegionActor  *self);
  gboolean       (*handle_event)    (AtomrViewRegionActor  *self,
                                     AtomrViewContext      *context,
                                     AtomrViewEvent        *event,
                                     GError               **error);
  gboolean       (*receive_message) (AtomrViewRegionActor  *self,
                                     AtomrViewContext      *context,
                                     GVariant              *message,
                                     GError               **error);

  /*< private >*/
  gpointer _reserved[12];
};

ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode *atomr_view_region_actor_get_root           (AtomrViewRegionActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void           atomr_view_region_actor_set_root           (AtomrViewRegionActor *self,
                                                           AtomrViewNode        *root);
ATOMR_VIEW_AVAILABLE_IN_ALL
void           atomr_view_region_actor_invalidate         (AtomrViewRegionActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint          atomr_view_region_actor_get_render_interval (AtomrViewRegionActor *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void           atomr_view_region_actor_set_render_interval (AtomrViewRegionActor *self,
                                                           guint                 interval_ms);

G_END_DECLS

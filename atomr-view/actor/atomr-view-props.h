/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_PROPS (atomr_view_props_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
GType                        atomr_view_props_get_type                (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewProps              *atomr_view_props_new                     (GType                        actor_type);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewProps              *atomr_view_props_new_with_properties     (GType                        actor_type,
                                                                       guint                        n_properties,
                                                                       const char                  *names[],
                                                                       const GValue                 values[]);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewProps              *atomr_view_props_new_with_factory        (AtomrViewActorFactory        factory,
                                                                       gpointer                     user_data,
                                                                       GDestroyNotify               destroy);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewProps              *atomr_view_props_ref                     (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_unref                   (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewProps              *atomr_view_props_copy                    (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_set_dispatcher          (AtomrViewProps              *self,
                                                                       const char                  *dispatcher);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char                  *atomr_view_props_get_dispatcher          (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_set_mailbox             (AtomrViewProps              *self,
                                                                       guint                        capacity,
                                                                       AtomrViewOverflowPolicy      policy);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                        atomr_view_props_get_mailbox_capacity    (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewOverflowPolicy      atomr_view_props_get_overflow_policy     (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_set_block_timeout       (AtomrViewProps              *self,
                                                                       guint                        timeout_ms);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                        atomr_view_props_get_block_timeout       (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_set_supervisor_strategy (AtomrViewProps              *self,
                                                                       AtomrViewSupervisorStrategy *strategy);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewSupervisorStrategy *atomr_view_props_get_supervisor_strategy (AtomrViewProps              *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_props_set_message_type        (AtomrViewProps              *self,
                                                                       const GVariantType          *message_type);
ATOMR_VIEW_AVAILABLE_IN_ALL
const GVariantType          *atomr_view_props_get_message_type        (AtomrViewProps              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewProps, atomr_view_props_unref)

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <gio/gio.h>

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_CONTEXT (atomr_view_context_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewContext, atomr_view_context, ATOMR_VIEW, CONTEXT, GObject)

ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_context_get_self            (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_context_get_sender          (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_context_get_parent          (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorSystem *atomr_view_context_get_system          (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_context_spawn               (AtomrViewContext     *self,
                                                              AtomrViewProps       *props,
                                                              const char           *name,
                                                              GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_context_get_child           (AtomrViewContext     *self,
                                                              const char           *name);
ATOMR_VIEW_AVAILABLE_IN_ALL
GPtrArray            *atomr_view_context_dup_children        (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_stop                (AtomrViewContext     *self,
                                                              AtomrViewActorRef    *actor);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_watch               (AtomrViewContext     *self,
                                                              AtomrViewActorRef    *actor);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_unwatch             (AtomrViewContext     *self,
                                                              AtomrViewActorRef    *actor);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_reply               (AtomrViewContext     *self,
                                                              GVariant             *message);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_forward             (AtomrViewContext     *self,
                                                              AtomrViewActorRef    *recipient);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_stash               (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_unstash_all         (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                 atomr_view_context_get_stash_size      (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_become              (AtomrViewContext     *self,
                                                              AtomrViewReceiveFunc  behaviour,
                                                              gpointer              user_data,
                                                              GDestroyNotify        destroy,
                                                              gboolean              discard_old);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_unbecome            (AtomrViewContext     *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_start_single_timer  (AtomrViewContext     *self,
                                                              const char           *key,
                                                              GVariant             *message,
                                                              guint                 delay_ms);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_start_periodic_timer (AtomrViewContext    *self,
                                                              const char           *key,
                                                              GVariant             *message,
                                                              guint                 interval_ms);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_cancel_timer        (AtomrViewContext     *self,
                                                              const char           *key);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_context_is_timer_active     (AtomrViewContext     *self,
                                                              const char           *key);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_context_set_receive_timeout (AtomrViewContext     *self,
                                                              guint                 timeout_ms);

G_END_DECLS

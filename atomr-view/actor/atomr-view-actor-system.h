/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <gio/gio.h>

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_ACTOR_SYSTEM (atomr_view_actor_system_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewActorSystem, atomr_view_actor_system, ATOMR_VIEW, ACTOR_SYSTEM, GObject)

ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorSystem *atomr_view_actor_system_new                (const char            *name,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char           *atomr_view_actor_system_get_name           (AtomrViewActorSystem  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_actor_system_add_dispatcher     (AtomrViewActorSystem  *self,
                                                                  const char            *name,
                                                                  guint                  n_threads,
                                                                  guint                  throughput,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_actor_system_spawn              (AtomrViewActorSystem  *self,
                                                                  AtomrViewProps        *props,
                                                                  const char            *name,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_actor_system_resolve            (AtomrViewActorSystem  *self,
                                                                  const char            *path,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorRef    *atomr_view_actor_system_resolve_variant    (AtomrViewActorSystem  *self,
                                                                  GVariant              *value,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_actor_system_subscribe          (AtomrViewActorSystem  *self,
                                                                  const char            *topic,
                                                                  AtomrViewActorRef     *subscriber);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_actor_system_unsubscribe        (AtomrViewActorSystem  *self,
                                                                  const char            *topic,
                                                                  AtomrViewActorRef     *subscriber);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                 atomr_view_actor_system_publish            (AtomrViewActorSystem  *self,
                                                                  const char            *topic,
                                                                  GVariant              *message);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint64               atomr_view_actor_system_get_dead_letter_count (AtomrViewActorSystem *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_actor_system_request_shutdown   (AtomrViewActorSystem  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_actor_system_shutdown           (AtomrViewActorSystem  *self,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_actor_system_run                (AtomrViewActorSystem  *self,
                                                                  GError               **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_actor_system_is_terminated      (AtomrViewActorSystem  *self);

G_END_DECLS

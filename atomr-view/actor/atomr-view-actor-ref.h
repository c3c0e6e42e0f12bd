/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <gio/gio.h>

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_ACTOR_REF (atomr_view_actor_ref_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewActorRef, atomr_view_actor_ref, ATOMR_VIEW, ACTOR_REF, GObject)

ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_tell           (AtomrViewActorRef    *self,
                                                 GVariant             *message,
                                                 AtomrViewActorRef    *sender);
ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_tell_int64     (AtomrViewActorRef    *self,
                                                 gint64                value,
                                                 AtomrViewActorRef    *sender);
ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_tell_string    (AtomrViewActorRef    *self,
                                                 const char           *value,
                                                 AtomrViewActorRef    *sender);
ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_tell_many      (AtomrViewActorRef    *self,
                                                 GVariant             *messages,
                                                 AtomrViewActorRef    *sender);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean    atomr_view_actor_ref_try_tell       (AtomrViewActorRef    *self,
                                                 GVariant             *message,
                                                 AtomrViewActorRef    *sender,
                                                 GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_ask_async      (AtomrViewActorRef    *self,
                                                 GVariant             *message,
                                                 guint                 timeout_ms,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant   *atomr_view_actor_ref_ask_finish     (AtomrViewActorRef    *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant   *atomr_view_actor_ref_ask_sync       (AtomrViewActorRef    *self,
                                                 GVariant             *message,
                                                 guint                 timeout_ms,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void        atomr_view_actor_ref_stop           (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char *atomr_view_actor_ref_get_path       (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char *atomr_view_actor_ref_get_name       (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
char       *atomr_view_actor_ref_dup_uri        (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant   *atomr_view_actor_ref_to_variant     (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean    atomr_view_actor_ref_is_terminated  (AtomrViewActorRef    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean    atomr_view_actor_ref_equal          (gconstpointer         a,
                                                 gconstpointer         b);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint       atomr_view_actor_ref_hash           (gconstpointer         self);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor-ref.h"
#include "atomr-view-cell-private.h"
#include "atomr-view-promise-private.h"

G_BEGIN_DECLS

AtomrViewActorRef *atomr_view_actor_ref_new_local   (AtomrViewCell     *cell);
AtomrViewActorRef *atomr_view_actor_ref_new_promise (AtomrViewPromise  *promise);
AtomrViewCell     *atomr_view_actor_ref_get_cell    (AtomrViewActorRef *self);
AtomrViewPromise  *atomr_view_actor_ref_get_promise (AtomrViewActorRef *self);

G_END_DECLS

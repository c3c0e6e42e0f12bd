/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor.h"

G_BEGIN_DECLS

/* The failure reported with atomr_view_actor_fail() during the handler that
 * just returned, or NULL; the caller owns it and the actor forgets it. */
GError *atomr_view_actor_steal_failure (AtomrViewActor *self);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor-system.h"
#include "atomr-view-system-core-private.h"

G_BEGIN_DECLS

AtomrViewSystemCore *atomr_view_actor_system_get_core (AtomrViewActorSystem *self);

G_END_DECLS

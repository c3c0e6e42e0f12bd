/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#define ATOMR_VIEW_INSIDE

#include "atomr-view-version.h"
#include "atomr-view-version-macros.h"
#include "atomr-view-enum-types.h"

/* Each concern (actor/, scene/, ui/) adds its headers here. */

/* scene/ */
#include "atomr-view-kinds.h"
#include "atomr-view-node.h"
#include "atomr-view-node-builder.h"
#include "atomr-view-patch.h"
#include "atomr-view-scene.h"
#include "atomr-view-scene-error.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-template.h"

/* actor/ */
#include "atomr-view-actor-types.h"
#include "atomr-view-actor-error.h"
#include "atomr-view-props.h"
#include "atomr-view-supervisor-strategy.h"
#include "atomr-view-actor-ref.h"
#include "atomr-view-context.h"
#include "atomr-view-actor.h"
#include "atomr-view-actor-system.h"

/* ui/ */
#include "atomr-view-ui-error.h"
#include "atomr-view-event.h"
#include "atomr-view-backend.h"
#include "atomr-view-ui-bridge.h"
#include "atomr-view-window-actor.h"
#include "atomr-view-region-actor.h"

#undef ATOMR_VIEW_INSIDE

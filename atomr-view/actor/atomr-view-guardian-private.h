/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_GUARDIAN (atomr_view_guardian_get_type ())

G_DECLARE_FINAL_TYPE (AtomrViewGuardian, atomr_view_guardian, ATOMR_VIEW, GUARDIAN, AtomrViewActor)

G_END_DECLS

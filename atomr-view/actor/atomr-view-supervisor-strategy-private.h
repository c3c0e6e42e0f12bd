/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-supervisor-strategy.h"

G_BEGIN_DECLS

AtomrViewSupervisorStrategy *atomr_view_supervisor_strategy_get_default (void);

G_END_DECLS

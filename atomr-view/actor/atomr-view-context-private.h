/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-context.h"
#include "atomr-view-cell-private.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-envelope-private.h"

G_BEGIN_DECLS

AtomrViewContext *atomr_view_context_new_for_thread (AtomrViewDispatcherThread *thread);
void              atomr_view_context_enter          (AtomrViewContext          *self,
                                                     AtomrViewCell             *cell,
                                                     AtomrViewEnvelope         *envelope);
gboolean          atomr_view_context_leave          (AtomrViewContext          *self);
AtomrViewCell    *atomr_view_context_get_cell       (AtomrViewContext          *self);

G_END_DECLS

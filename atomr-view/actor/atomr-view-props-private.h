/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-props.h"

G_BEGIN_DECLS

AtomrViewActor *atomr_view_props_make_actor (AtomrViewProps  *self,
                                             GError         **error);

G_END_DECLS

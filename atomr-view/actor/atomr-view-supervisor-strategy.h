/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include "atomr-view-actor-types.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_SUPERVISOR_STRATEGY (atomr_view_supervisor_strategy_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
GType                        atomr_view_supervisor_strategy_get_type         (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewSupervisorStrategy *atomr_view_supervisor_strategy_new              (AtomrViewSupervisionScope    scope,
                                                                              int                          max_restarts,
                                                                              guint                        within_ms);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewSupervisorStrategy *atomr_view_supervisor_strategy_ref              (AtomrViewSupervisorStrategy *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_supervisor_strategy_unref            (AtomrViewSupervisorStrategy *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_supervisor_strategy_set_decider      (AtomrViewSupervisorStrategy *self,
                                                                              AtomrViewDecider             decider,
                                                                              gpointer                     user_data,
                                                                              GDestroyNotify               destroy);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                         atomr_view_supervisor_strategy_set_default_directive (AtomrViewSupervisorStrategy *self,
                                                                              AtomrViewDirective           directive);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewDirective           atomr_view_supervisor_strategy_decide           (AtomrViewSupervisorStrategy *self,
                                                                              const GError                *error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewSupervisionScope    atomr_view_supervisor_strategy_get_scope        (AtomrViewSupervisorStrategy *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
int                          atomr_view_supervisor_strategy_get_max_restarts (AtomrViewSupervisorStrategy *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                        atomr_view_supervisor_strategy_get_within_ms    (AtomrViewSupervisorStrategy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewSupervisorStrategy, atomr_view_supervisor_strategy_unref)

G_END_DECLS

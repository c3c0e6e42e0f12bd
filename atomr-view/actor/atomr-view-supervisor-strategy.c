/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-refcount-private.h"

#include "atomr-view-supervisor-strategy-private.h"

/**
 * AtomrViewSupervisorStrategy:
 *
 * How an actor handles the failures of its children: which directive (a
 * decider maps each error to one), whether it applies to the failed child
 * or to all of them, and a restart budget — at most @max_restarts restarts
 * of one child within @within_ms, after which the child is stopped instead.
 *
 * Thread safety: any thread, once set up.
 *
 * Since: 0.1
 */

struct _AtomrViewSupervisorStrategy
{
  AtomrViewRefCount          ref_count;
  AtomrViewSupervisionScope  scope;
  int                        max_restarts;
  guint                      within_ms;
  AtomrViewDirective         default_directive;
  AtomrViewDecider           decider;
  gpointer                   decider_data;
  GDestroyNotify             decider_destroy;
};

G_DEFINE_BOXED_TYPE (AtomrViewSupervisorStrategy, atomr_view_supervisor_strategy,
                     atomr_view_supervisor_strategy_ref, atomr_view_supervisor_strategy_unref)

/**
 * atomr_view_supervisor_strategy_new:
 * @scope: whether a directive applies to the failed child or to all children
 * @max_restarts: the most restarts of one child within @within_ms, or -1 for
 *   no limit; past it the child is stopped
 * @within_ms: the window of the budget in milliseconds, or 0 to count all
 *   restarts ever
 *
 * Makes a strategy that restarts failed children, within a budget. Change
 * the directive with [method@AtomrView.SupervisorStrategy.set_decider] or
 * [method@AtomrView.SupervisorStrategy.set_default_directive].
 *
 * Returns: (transfer full): a new strategy
 *
 * Since: 0.1
 */
AtomrViewSupervisorStrategy *
atomr_view_supervisor_strategy_new (AtomrViewSupervisionScope scope,
                                    int                       max_restarts,
                                    guint                     within_ms)
{
  AtomrViewSupervisorStrategy *self;

  g_return_val_if_fail (scope <= ATOMR_VIEW_SUPERVISION_ALL_FOR_ONE, NULL);
  g_return_val_if_fail (max_restarts >= -1, NULL);

  self = g_new0 (AtomrViewSupervisorStrategy, 1);
  atomr_view_ref_count_init (&self->ref_count);
  self->scope = scope;
  self->max_restarts = max_restarts;
  self->within_ms = within_ms;
  self->default_directive = ATOMR_VIEW_DIRECTIVE_RESTART;
  return self;
}

/* Restart the failed child, at most 10 times a minute. */
AtomrViewSupervisorStrategy *
atomr_view_supervisor_strategy_get_default (void)
{
  static AtomrViewSupervisorStrategy *strategy;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, 10, 60000);
      g_once_init_leave (&initialized, 1);
    }
  return strategy;
}

/**
 * atomr_view_supervisor_strategy_ref:
 * @self: a strategy
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewSupervisorStrategy *
atomr_view_supervisor_strategy_ref (AtomrViewSupervisorStrategy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_supervisor_strategy_unref:
 * @self: (transfer full): a strategy
 *
 * Drops a reference.
 *
 * Since: 0.1
 */
void
atomr_view_supervisor_strategy_unref (AtomrViewSupervisorStrategy *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  if (self->decider_destroy != NULL)
    self->decider_destroy (self->decider_data);
  g_free (self);
}

/**
 * atomr_view_supervisor_strategy_set_decider:
 * @self: a strategy
 * @decider: (scope notified) (closure user_data) (destroy destroy): maps an error to a directive
 * @user_data: data for @decider
 * @destroy: (nullable): frees @user_data
 *
 * Sets the function that picks the directive for each failure. It runs on
 * the supervisor's thread.
 *
 * Since: 0.1
 */
void
atomr_view_supervisor_strategy_set_decider (AtomrViewSupervisorStrategy *self,
                                            AtomrViewDecider             decider,
                                            gpointer                     user_data,
                                            GDestroyNotify               destroy)
{
  g_return_if_fail (self != NULL);

  if (self->decider_destroy != NULL)
    self->decider_destroy (self->decider_data);
  self->decider = decider;
  self->decider_data = user_data;
  self->decider_destroy = destroy;
}

/**
 * atomr_view_supervisor_strategy_set_default_directive:
 * @self: a strategy
 * @directive: the directive for every failure
 *
 * Sets the directive used when there is no decider.
 *
 * Since: 0.1
 */
void
atomr_view_supervisor_strategy_set_default_directive (AtomrViewSupervisorStrategy *self,
                                                      AtomrViewDirective           directive)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (directive <= ATOMR_VIEW_DIRECTIVE_ESCALATE);

  self->default_directive = directive;
}

/**
 * atomr_view_supervisor_strategy_decide:
 * @self: a strategy
 * @error: why a child failed
 *
 * Picks the directive for a failure.
 *
 * Returns: the directive
 *
 * Since: 0.1
 */
AtomrViewDirective
atomr_view_supervisor_strategy_decide (AtomrViewSupervisorStrategy *self,
                                       const GError                *error)
{
  g_return_val_if_fail (self != NULL, ATOMR_VIEW_DIRECTIVE_STOP);
  g_return_val_if_fail (error != NULL, ATOMR_VIEW_DIRECTIVE_STOP);

  if (self->decider != NULL)
    return self->decider (error, self->decider_data);
  return self->default_directive;
}

/**
 * atomr_view_supervisor_strategy_get_scope:
 * @self: a strategy
 *
 * Gets the scope of the strategy's directives.
 *
 * Returns: the scope
 *
 * Since: 0.1
 */
AtomrViewSupervisionScope
atomr_view_supervisor_strategy_get_scope (AtomrViewSupervisorStrategy *self)
{
  g_return_val_if_fail (self != NULL, ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE);

  return self->scope;
}

/**
 * atomr_view_supervisor_strategy_get_max_restarts:
 * @self: a strategy
 *
 * Gets the restart budget.
 *
 * Returns: the most restarts within the window, or -1 for no limit
 *
 * Since: 0.1
 */
int
atomr_view_supervisor_strategy_get_max_restarts (AtomrViewSupervisorStrategy *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->max_restarts;
}

/**
 * atomr_view_supervisor_strategy_get_within_ms:
 * @self: a strategy
 *
 * Gets the window of the restart budget.
 *
 * Returns: the window in milliseconds, or 0 for no window
 *
 * Since: 0.1
 */
guint
atomr_view_supervisor_strategy_get_within_ms (AtomrViewSupervisorStrategy *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->within_ms;
}

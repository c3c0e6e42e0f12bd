/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"

/**
 * atomr_view_actor_error_quark:
 *
 * The quark of [error@AtomrView.ActorError].
 *
 * Returns: the error domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (atomr-view-actor-error-quark, atomr_view_actor_error)

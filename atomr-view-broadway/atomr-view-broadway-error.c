/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-broadway-error.h"

/**
 * atomr_view_broadway_error_quark:
 *
 * The quark of [error@AtomrViewBroadway.Error].
 *
 * Returns: the error domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (atomr-view-broadway-error-quark, atomr_view_broadway_error)

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-ui-error.h"

/**
 * atomr_view_ui_error_quark:
 *
 * The quark of [error@AtomrView.UiError].
 *
 * Returns: the error domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (atomr-view-ui-error-quark, atomr_view_ui_error)

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_BROADWAY_INSIDE) && !defined(ATOMR_VIEW_BROADWAY_COMPILATION)
# error "Only <atomr-view-broadway.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-broadway-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_BROADWAY_ERROR:
 *
 * The error domain of serving through Broadway: the daemon, its address,
 * its supervision.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_BROADWAY_ERROR (atomr_view_broadway_error_quark ())

/**
 * AtomrViewBroadwayError:
 * @ATOMR_VIEW_BROADWAY_ERROR_FAILED: something else went wrong (a socket or a
 *   folder that could not be made)
 * @ATOMR_VIEW_BROADWAY_ERROR_DAEMON_NOT_FOUND: `gtk4-broadwayd` is not installed
 *   where it was looked for
 * @ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED: the daemon exited, or did not
 *   listen in time, while starting; or it died more often than the restart
 *   budget allows
 * @ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE: something else listens on the port
 * @ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE: another Broadway display of that
 *   number runs for this user
 * @ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS: the address is not an IP
 *   address of this machine
 * @ATOMR_VIEW_BROADWAY_ERROR_NOT_RUNNING: the server is not running, or is
 *   already running
 *
 * Errors of [class@AtomrViewBroadway.Server].
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_BROADWAY_ERROR_FAILED,
  ATOMR_VIEW_BROADWAY_ERROR_DAEMON_NOT_FOUND,
  ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
  ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE,
  ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE,
  ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS,
  ATOMR_VIEW_BROADWAY_ERROR_NOT_RUNNING,
} AtomrViewBroadwayError;

ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
GQuark atomr_view_broadway_error_quark (void);

G_END_DECLS

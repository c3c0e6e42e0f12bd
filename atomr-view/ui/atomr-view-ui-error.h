/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_UI_ERROR:
 *
 * The error domain of the UI layer: bridge, window and region actors, backends.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_UI_ERROR (atomr_view_ui_error_quark ())

/**
 * AtomrViewUiError:
 * @ATOMR_VIEW_UI_ERROR_FAILED: something else went wrong
 * @ATOMR_VIEW_UI_ERROR_NO_BRIDGE: the actor system has no UI bridge
 * @ATOMR_VIEW_UI_ERROR_UNKNOWN_WINDOW: no window has that id
 * @ATOMR_VIEW_UI_ERROR_WINDOW_EXISTS: a window with that id is already open
 * @ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND: a scene uses a kind the backend does not know
 * @ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY: a node has a prop its widget does not have
 * @ATOMR_VIEW_UI_ERROR_INVALID_VALUE: a prop's value does not fit its widget property
 * @ATOMR_VIEW_UI_ERROR_INVALID_EVENT: a message that should be an event is not one
 * @ATOMR_VIEW_UI_ERROR_DISPLAY_LOST: the connection to the display went away
 *
 * Errors of the UI layer.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_UI_ERROR_FAILED,
  ATOMR_VIEW_UI_ERROR_NO_BRIDGE,
  ATOMR_VIEW_UI_ERROR_UNKNOWN_WINDOW,
  ATOMR_VIEW_UI_ERROR_WINDOW_EXISTS,
  ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND,
  ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY,
  ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
  ATOMR_VIEW_UI_ERROR_INVALID_EVENT,
  ATOMR_VIEW_UI_ERROR_DISPLAY_LOST,
} AtomrViewUiError;

ATOMR_VIEW_AVAILABLE_IN_ALL
GQuark atomr_view_ui_error_quark (void);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_SIGNAL_CLICKED:
 *
 * A button was clicked. No value.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_CLICKED "clicked"
/**
 * ATOMR_VIEW_SIGNAL_CHANGED:
 *
 * The text of a text-input changed. Value: the text (`s`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_CHANGED "changed"
/**
 * ATOMR_VIEW_SIGNAL_ACTIVATE:
 *
 * Enter was pressed in a text-input. Value: the text (`s`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_ACTIVATE "activate"
/**
 * ATOMR_VIEW_SIGNAL_TOGGLED:
 *
 * A check or switch changed state. Value: the new state (`b`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_TOGGLED "toggled"
/**
 * ATOMR_VIEW_SIGNAL_VALUE_CHANGED:
 *
 * A slider moved. Value: the new value (`d`).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_VALUE_CHANGED "value-changed"
/**
 * ATOMR_VIEW_SIGNAL_CLOSE_REQUEST:
 *
 * The user asked to close the window. The path is empty; no value.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_CLOSE_REQUEST "close-request"
/**
 * ATOMR_VIEW_SIGNAL_ERROR:
 *
 * A scene or patch could not be shown; the window still shows the last good
 * scene. Value: the error (`(sus)`: domain, code, message).
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_ERROR "error"
/**
 * ATOMR_VIEW_SIGNAL_FRAME:
 *
 * A frame of the window was painted. Value: its frame time in microseconds
 * (`x`). Frame ticks conflate: a window actor gets the newest one only.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SIGNAL_FRAME "frame"

/**
 * ATOMR_VIEW_EVENT_VARIANT_TYPE_STRING:
 *
 * The type of an event travelling as a message:
 * `("atomr-view:event", window id, key path, signal, maybe value)`.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_EVENT_VARIANT_TYPE_STRING "(ssassmv)"

#define ATOMR_VIEW_TYPE_EVENT (atomr_view_event_get_type ())

typedef struct _AtomrViewEvent AtomrViewEvent;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType               atomr_view_event_get_type          (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewEvent     *atomr_view_event_new               (const char          *window_id,
                                                        const char * const  *path,
                                                        const char          *signal,
                                                        GVariant            *value);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewEvent     *atomr_view_event_new_from_variant  (GVariant            *variant,
                                                        GError             **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewEvent     *atomr_view_event_ref               (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                atomr_view_event_unref             (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char         *atomr_view_event_get_window_id     (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char * const *atomr_view_event_get_path          (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char         *atomr_view_event_get_key           (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char         *atomr_view_event_get_signal        (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant           *atomr_view_event_get_value         (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant           *atomr_view_event_to_variant        (AtomrViewEvent      *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewEvent     *atomr_view_event_new_with_path_tail (AtomrViewEvent     *self,
                                                        guint                drop);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean            atomr_view_event_is_event_variant  (GVariant            *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewEvent, atomr_view_event_unref)

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-event.h"
#include "atomr-view-init-private.h"
#include "atomr-view-refcount-private.h"
#include "atomr-view-ui-error.h"

/**
 * AtomrViewEvent:
 *
 * Something the user did, or that happened to a window: the window's id, the
 * node it happened to (by key path), the signal and a value.
 *
 * The key path lists the nodes below the root of the window's scene down to
 * the node: the key of each node, or `#N` for a node without a key that is
 * child number N of its parent. The root itself, like the window, has the
 * empty path. Events inside a region's subtree go to the region's actor, with
 * the path starting below the root of the region's own scene.
 *
 * An event travels to actors as a message of type
 * %ATOMR_VIEW_EVENT_VARIANT_TYPE_STRING.
 *
 * Thread safety: any thread; events are immutable.
 *
 * Since: 0.1
 */

struct _AtomrViewEvent
{
  AtomrViewRefCount  ref_count;
  char              *window_id;
  char             **path;
  char              *signal;
  GVariant          *value;
};

G_DEFINE_BOXED_TYPE (AtomrViewEvent, atomr_view_event, atomr_view_event_ref, atomr_view_event_unref)

#define EVENT_TAG "atomr-view:event"

/**
 * atomr_view_event_new:
 * @window_id: the window's id
 * @path: (array zero-terminated=1): the key path of the node, from the root
 * @signal: the signal, such as %ATOMR_VIEW_SIGNAL_CLICKED
 * @value: (nullable): the value; a floating reference is sunk
 *
 * Makes an event.
 *
 * Returns: (transfer full): a new event
 *
 * Since: 0.1
 */
AtomrViewEvent *
atomr_view_event_new (const char         *window_id,
                      const char * const *path,
                      const char         *signal,
                      GVariant           *value)
{
  AtomrViewEvent *self;

  g_return_val_if_fail (window_id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (signal != NULL, NULL);

  self = g_new0 (AtomrViewEvent, 1);
  atomr_view_ref_count_init (&self->ref_count);
  self->window_id = g_strdup (window_id);
  self->path = g_strdupv ((char **) path);
  self->signal = g_strdup (signal);
  self->value = value ? g_variant_ref_sink (value) : NULL;
  return self;
}

/**
 * atomr_view_event_is_event_variant:
 * @variant: a message
 *
 * Whether a message is an event made by [method@AtomrView.Event.to_variant].
 *
 * Returns: %TRUE if it is
 *
 * Since: 0.1
 */
gboolean
atomr_view_event_is_event_variant (GVariant *variant)
{
  const char *tag;

  g_return_val_if_fail (variant != NULL, FALSE);

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (ATOMR_VIEW_EVENT_VARIANT_TYPE_STRING)))
    return FALSE;
  g_variant_get_child (variant, 0, "&s", &tag);
  return g_str_equal (tag, EVENT_TAG);
}

/**
 * atomr_view_event_new_from_variant:
 * @variant: a message made by [method@AtomrView.Event.to_variant]
 * @error: return location for an error
 *
 * Reads an event back from a message.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %ATOMR_VIEW_UI_ERROR_INVALID_EVENT
 *
 * Since: 0.1
 */
AtomrViewEvent *
atomr_view_event_new_from_variant (GVariant  *variant,
                                   GError   **error)
{
  g_autofree const char **path = NULL;
  g_autoptr(GVariant) value = NULL;
  const char *window_id, *signal;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!atomr_view_event_is_event_variant (variant))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_EVENT,
                   _("A message of type “%s” is not an event"), g_variant_get_type_string (variant));
      return NULL;
    }
  g_variant_get (variant, "(&s&s^a&s&smv)", NULL, &window_id, &path, &signal, &value);
  return atomr_view_event_new (window_id, path, signal, value);
}

/**
 * atomr_view_event_ref:
 * @self: an event
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewEvent *
atomr_view_event_ref (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_event_unref:
 * @self: (transfer full): an event
 *
 * Drops a reference.
 *
 * Since: 0.1
 */
void
atomr_view_event_unref (AtomrViewEvent *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  g_free (self->window_id);
  g_strfreev (self->path);
  g_free (self->signal);
  g_clear_pointer (&self->value, g_variant_unref);
  g_free (self);
}

/**
 * atomr_view_event_get_window_id:
 * @self: an event
 *
 * Gets the id of the window where the event happened.
 *
 * Returns: the window id
 *
 * Since: 0.1
 */
const char *
atomr_view_event_get_window_id (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->window_id;
}

/**
 * atomr_view_event_get_path:
 * @self: an event
 *
 * Gets the key path of the node, from the root of the window (or of the
 * region that receives the event) down.
 *
 * Returns: (array zero-terminated=1) (transfer none): the key path
 *
 * Since: 0.1
 */
const char * const *
atomr_view_event_get_path (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->path;
}

/**
 * atomr_view_event_get_key:
 * @self: an event
 *
 * Gets the last element of the key path: the key of the node itself.
 *
 * Returns: (nullable): the key, or %NULL for an event of the whole window
 *
 * Since: 0.1
 */
const char *
atomr_view_event_get_key (AtomrViewEvent *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = g_strv_length (self->path);
  return n > 0 ? self->path[n - 1] : NULL;
}

/**
 * atomr_view_event_get_signal:
 * @self: an event
 *
 * Gets the signal, such as %ATOMR_VIEW_SIGNAL_CLICKED.
 *
 * Returns: the signal
 *
 * Since: 0.1
 */
const char *
atomr_view_event_get_signal (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->signal;
}

/**
 * atomr_view_event_get_value:
 * @self: an event
 *
 * Gets the value that goes with the signal.
 *
 * Returns: (transfer none) (nullable): the value
 *
 * Since: 0.1
 */
GVariant *
atomr_view_event_get_value (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

/**
 * atomr_view_event_to_variant:
 * @self: an event
 *
 * Makes the message form of the event.
 *
 * Returns: (transfer floating): a %ATOMR_VIEW_EVENT_VARIANT_TYPE_STRING variant
 *
 * Since: 0.1
 */
GVariant *
atomr_view_event_to_variant (AtomrViewEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_variant_new ("(ss^assmv)", EVENT_TAG, self->window_id, self->path, self->signal, self->value);
}

/**
 * atomr_view_event_new_with_path_tail:
 * @self: an event
 * @drop: how many leading elements of the path to drop
 *
 * Makes the same event with a shorter path, as a region sees an event inside
 * its subtree.
 *
 * Returns: (transfer full): a new event
 *
 * Since: 0.1
 */
AtomrViewEvent *
atomr_view_event_new_with_path_tail (AtomrViewEvent *self,
                                     guint           drop)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (drop <= g_strv_length (self->path), NULL);

  return atomr_view_event_new (self->window_id, (const char * const *) self->path + drop, self->signal, self->value);
}

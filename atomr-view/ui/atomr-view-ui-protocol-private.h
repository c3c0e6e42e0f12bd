/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Messages the UI actors send each other or themselves: (sv) whose string
 * starts with "atomr-view:", a prefix reserved for them. */
#define ATOMR_VIEW_MESSAGE_RENDER       "atomr-view:render"        /* v: unused */
#define ATOMR_VIEW_MESSAGE_REGION_SCENE "atomr-view:region-scene"  /* v: the region's scene */

/* The render timer of window and region actors. */
#define ATOMR_VIEW_RENDER_TIMER         "atomr-view:render"

static inline gboolean
atomr_view_ui_protocol_match (GVariant    *message,
                              const char  *tag,
                              GVariant   **payload)
{
  g_autoptr(GVariant) got = NULL;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(sv)")))
    return FALSE;
  /* Not g_variant_get_child (.., "&s"): a '&' format serialises the whole
   * message first, and a region's scene rides in this one. */
  got = g_variant_get_child_value (message, 0);
  if (!g_str_equal (g_variant_get_string (got, NULL), tag))
    return FALSE;
  if (payload != NULL)
    g_variant_get_child (message, 1, "v", payload);
  return TRUE;
}

G_END_DECLS

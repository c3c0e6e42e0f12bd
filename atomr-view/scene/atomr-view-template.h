/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-node.h"
#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_TEMPLATE (atomr_view_template_get_type ())

typedef struct _AtomrViewTemplate AtomrViewTemplate;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType              atomr_view_template_get_type      (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewTemplate *atomr_view_template_new           (AtomrViewNode      *sample,
                                                      const char * const *slots,
                                                      GError            **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewTemplate *atomr_view_template_ref           (AtomrViewTemplate  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void               atomr_view_template_unref         (AtomrViewTemplate  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint              atomr_view_template_get_n_slots   (AtomrViewTemplate  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char        *atomr_view_template_get_slot_type (AtomrViewTemplate  *self,
                                                      guint               slot);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode     *atomr_view_template_get_sample    (AtomrViewTemplate  *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const guint       *atomr_view_template_get_slot_path (AtomrViewTemplate  *self,
                                                      guint               slot,
                                                      gsize              *length);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char        *atomr_view_template_get_slot_name (AtomrViewTemplate  *self,
                                                      guint               slot);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode     *atomr_view_template_make          (AtomrViewTemplate  *self,
                                                      const char         *key,
                                                      GVariant * const   *values,
                                                      guint               n_values,
                                                      GError            **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode     *atomr_view_template_make_strings  (AtomrViewTemplate  *self,
                                                      const char         *key,
                                                      const char * const *strings,
                                                      guint               n_strings,
                                                      GError            **error);

ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewTemplate *atomr_view_node_get_template      (AtomrViewNode      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewTemplate, atomr_view_template_unref)

G_END_DECLS
